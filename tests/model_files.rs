//! The model loader against real ONNX files that are each wrong in one way
//! (made by tests/data/models/make_test_models.py), and a custom model with extra labels.

use datacloak::{model::Model, Classifier, Options};
use std::path::Path;

fn load(name: &str) -> Result<Model, datacloak::Error> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/models")
        .join(name);
    Model::from_bytes(&std::fs::read(p).unwrap())
}

const REGENERATE: &str = "if the feature layout changed, regenerate: \
    ~/.cache/datacloak/venv/bin/python tests/data/models/make_test_models.py target/debug/datacloak";

#[test]
fn custom_model_with_more_labels_than_the_taxonomy_works() {
    let m = load("extra_labels.onnx").unwrap_or_else(|e| panic!("{e}; {REGENERATE}"));
    assert_eq!(m.meta.labels.len(), 40);
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/models/extra_labels.onnx")).unwrap();
    let c = Classifier::with_model_bytes(&bytes).unwrap();
    let r = c.classify_bytes(b"badge\nB-1\nB-2\n", &Options::default()).unwrap();
    let col = &r.columns[0];
    assert!(m.meta.labels.contains(&col.label));
    if col.label == "employee_badge" || col.label == "vehicle_plate" {
        assert_eq!(
            col.sensitivity, "high",
            "labels unknown to the taxonomy count as high sensitivity"
        );
        assert_eq!(col.kind, "unknown");
    }
    assert_eq!(r.table.model.labels, 40);
}

#[test]
fn wrong_feature_count_is_refused_on_load() {
    let e = load("wrong_features.onnx").unwrap_err();
    assert_eq!(e.code(), "MODEL_MISMATCH", "{e}");
    assert!(e.to_string().contains("number of features"), "{e}");
}

#[test]
fn metadata_that_lies_about_the_width_is_refused() {
    let e = load("lying_width.onnx").unwrap_err();
    assert_eq!(e.code(), "MODEL", "{e}");
}

#[test]
fn model_without_metadata_is_refused() {
    let e = load("no_metadata.onnx").unwrap_err();
    assert_eq!(e.code(), "MODEL_MISMATCH");
    assert!(e.to_string().contains("datacloak.labels"), "{e}");
}

#[test]
fn unknown_operator_is_refused() {
    let e = load("unknown_op.onnx").unwrap_err();
    assert_eq!(e.code(), "MODEL");
    assert!(e.to_string().contains("unsupported operator"), "{e}");
}
