//! Replays the kept fuzz corpus (tests/fuzz/corpus/<target>/*) through the same checks the fuzz
//! targets run, so every input the fuzzer found interesting stays a regression test in CI.

#[path = "fuzz/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{} fails the {target} checks", path.display());
        n += 1;
    }
    assert!(n >= 10, "{target}: only {n} corpus files in {}", dir.display());
}

#[test]
fn ingest_corpus() {
    replay("ingest", checks::ingest);
}

#[test]
fn features_corpus() {
    replay("features", checks::features);
}

#[test]
fn classify_corpus() {
    replay("classify", checks::classify);
}

#[test]
fn model_corpus() {
    replay("model", checks::model);
}

#[test]
fn cloak_corpus() {
    replay("cloak", checks::cloak);
}

#[test]
fn rules_corpus() {
    replay("rules", checks::rules);
}
