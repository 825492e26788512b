//! Golden cases of the shipped model: feature vectors of held-out columns and the probabilities
//! onnxruntime gave for them (written by models/training/train.py). The Rust runner (tract) must
//! agree within the recorded tolerance, and the cases must belong to the model that is compiled in.

use datacloak::model::Model;
use serde::Deserialize;

#[derive(Deserialize)]
struct Golden {
    model_sha256: String,
    feature_layout: String,
    labels: Vec<String>,
    tolerance: f32,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    column: usize,
    features: Vec<f32>,
    probabilities: Vec<f32>,
}

fn golden() -> Golden {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/models/datacloak-v1/golden/golden.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn golden_cases_belong_to_the_embedded_model() {
    let g = golden();
    let m = Model::embedded().unwrap();
    assert_eq!(
        g.model_sha256, m.meta.sha256,
        "golden.json was made for another model.onnx"
    );
    assert_eq!(g.feature_layout, m.meta.feature_layout);
    assert_eq!(g.labels, m.meta.labels);
    assert!(g.cases.len() >= 16);
}

#[test]
fn tract_matches_onnxruntime_on_golden_cases() {
    let g = golden();
    assert!(g.tolerance <= 1e-4);
    let m = Model::embedded().unwrap();
    let batch: Vec<Vec<f32>> = g.cases.iter().map(|c| c.features.clone()).collect();
    let got = m.predict(&batch).unwrap();
    let mut worst = 0f32;
    for (c, p) in g.cases.iter().zip(&got) {
        assert_eq!(p.len(), c.probabilities.len());
        for (a, b) in p.iter().zip(&c.probabilities) {
            let d = (a - b).abs();
            worst = worst.max(d);
            assert!(
                d <= g.tolerance,
                "{} column {}: tract {a} vs onnxruntime {b}",
                c.file,
                c.column
            );
        }
    }
    // One at a time gives the same answers as the batch (no cross-talk between rows).
    let single = m.predict(&batch[..1]).unwrap();
    for (a, b) in single[0].iter().zip(&got[0]) {
        assert!((a - b).abs() <= 1e-6);
    }
    eprintln!("largest difference from onnxruntime: {worst:e}");
}

/// The embedded NNEF form is the translation of the committed `model.onnx`, and both give the same
/// probabilities (to 1e-5) on the golden inputs. Fails after a retrain until
/// `cargo run --release --example nnef -- models/datacloak-v1` is run.
#[cfg(feature = "onnx")]
#[test]
fn embedded_nnef_is_the_onnx_model() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/models/datacloak-v1");
    let onnx = std::fs::read(format!("{dir}/model.onnx")).unwrap();
    let nnef = std::fs::read(format!("{dir}/model.nnef.tar")).unwrap();
    assert!(
        datacloak::model::onnx::to_nnef(&onnx).unwrap() == nnef,
        "model.nnef.tar is not the translation of model.onnx: run `cargo run --release --example nnef -- models/datacloak-v1`"
    );
    let g = golden();
    let batch: Vec<Vec<f32>> = g.cases.iter().map(|c| c.features.clone()).collect();
    let from_onnx = Model::from_bytes(&onnx).unwrap();
    let from_nnef = Model::embedded().unwrap();
    assert_eq!(from_onnx.meta, from_nnef.meta, "same labels, layout, PMI and checksum");
    let (a, b) = (from_onnx.predict(&batch).unwrap(), from_nnef.predict(&batch).unwrap());
    for (i, (ra, rb)) in a.iter().zip(&b).enumerate() {
        for (x, y) in ra.iter().zip(rb) {
            assert!((x - y).abs() <= 1e-5, "case {i}: ONNX {x} vs NNEF {y}");
        }
    }
}
