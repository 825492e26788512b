//! Expected outputs of the sample tables, committed under `tests/data/expected/`: each sample's
//! full report (labels, confidences, evidence, graph) and every column's feature vector. A change
//! to header keywords, patterns, dictionaries, features or the model shows up here as a diff, so
//! it is a deliberate regeneration, not a silent shift in what the model sees:
//!
//!     DATACLOAK_BLESS=1 cargo test --test expected     # rewrite the expected files
//!
//! Features are compared to 1e-6 (they are computed the same way on every platform); the report
//! as the exact JSON text the CLI prints.

use datacloak::{features, ingest, Classifier, Options};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn bless() -> bool {
    std::env::var_os("DATACLOAK_BLESS").is_some_and(|v| v == "1")
}

fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("tests/data/samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    v.sort();
    v
}

fn compare(path: &Path, got: &str) -> Option<String> {
    if bless() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, got).unwrap();
        return None;
    }
    let want = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with DATACLOAK_BLESS=1 to write it)", path.display()));
    (want != got).then(|| format!("{} differs", path.display()))
}

#[test]
fn sample_reports_are_as_committed() {
    let c = Classifier::new().unwrap();
    let mut diffs = Vec::new();
    for s in samples() {
        let name = s.file_stem().unwrap().to_string_lossy().to_string();
        let opts = Options {
            source: format!("tests/data/samples/{name}.csv"),
            ..Options::default()
        };
        let report = c.classify_bytes(&std::fs::read(&s).unwrap(), &opts).unwrap();
        let got = report.to_json() + "\n";
        diffs.extend(compare(
            &root().join(format!("tests/data/expected/{name}.report.json")),
            &got,
        ));
    }
    assert!(
        diffs.is_empty(),
        "{}\nif the change is meant, regenerate with DATACLOAK_BLESS=1 cargo test --test expected",
        diffs.join("\n")
    );
}

#[test]
fn sample_features_are_as_committed() {
    let mut diffs = Vec::new();
    for s in samples() {
        let name = s.file_stem().unwrap().to_string_lossy().to_string();
        let table = ingest::profile_bytes(&std::fs::read(&s).unwrap(), Options::default()).unwrap();
        let got: Vec<serde_json::Value> = table
            .columns
            .iter()
            .map(|c| serde_json::json!({"name": c.name, "features": features::extract(c).values}))
            .collect();
        let path = root().join(format!("tests/data/expected/{name}.features.json"));
        let text =
            serde_json::to_string(&serde_json::json!({"layout": features::LAYOUT, "columns": got})).unwrap() + "\n";
        if bless() {
            compare(&path, &text);
            continue;
        }
        let want: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (run with DATACLOAK_BLESS=1 to write it)", path.display())),
        )
        .unwrap();
        assert_eq!(
            want["layout"],
            features::LAYOUT,
            "{}: another feature layout",
            path.display()
        );
        for (w, g) in want["columns"].as_array().unwrap().iter().zip(&got) {
            let (wv, gv) = (w["features"].as_array().unwrap(), g["features"].as_array().unwrap());
            assert_eq!(wv.len(), gv.len());
            for (k, (a, b)) in wv.iter().zip(gv).enumerate() {
                let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
                if (a - b).abs() > 1e-6 {
                    diffs.push(format!(
                        "{name} {} slot {}: {a} -> {b}",
                        g["name"],
                        features::names()[k]
                    ));
                }
            }
        }
    }
    assert!(
        diffs.is_empty(),
        "{} feature values changed:\n{}\nif the change is meant, regenerate with DATACLOAK_BLESS=1 cargo test --test expected (and retrain)",
        diffs.len(),
        diffs.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}
