//! The rules on their own: reading documents, and deciding columns from model probabilities.

use super::*;
use crate::ingest::ColumnProfile;

fn rules(doc: &str) -> Rules {
    Rules::from_json(doc, "r.json").unwrap_or_else(|e| panic!("{e}"))
}

fn refused(doc: &str) -> Error {
    Rules::from_json(doc, "r.json").expect_err(doc)
}

fn column(name: &str, values: &[&str]) -> ColumnProfile {
    let mut c = ColumnProfile::new(name.to_string(), 0, 1000, 7, 256);
    for v in values {
        c.add(v.as_bytes());
    }
    c
}

const MINIMAL: &str = r#"{"labels": [{"name": "employee_id", "sensitivity": "high", "kind": "identifier"}],
 "rules": [{"label": "employee_id", "value": {"regex": "^EMP-[0-9]{6}$"}},
           {"label": "identifier", "header": {"regex": "^case_no$"}, "override": true}]}"#;

#[test]
fn the_minimal_document_of_the_issue_is_accepted() {
    let r = rules(MINIMAL);
    assert_eq!(r.len(), 2);
    assert_eq!(r.labels()[0].name, "employee_id");
    assert_eq!(r.labels()[0].kind, Kind::Identifier);
    assert_eq!(r.labels()[0].sensitivity, Sensitivity::High);
}

#[test]
fn every_mistake_is_a_coded_error_naming_its_place() {
    let cases: &[(&str, &str, &str)] = &[
        ("[]", "document", "not a JSON object"),
        (r#"{"rules": [], "extra": 1}"#, "extra", "unknown key"),
        (r#"{"rules": []}"#, "rules", "no rules"),
        (
            r#"{"version": 2, "rules": [{"label": "identifier", "header": {"words": ["x"]}}]}"#,
            "version",
            "version 1",
        ),
        (
            r#"{"labels": [{"name": "email", "sensitivity": "high"}], "rules": [{"label": "email", "header": {"words": ["x"]}}]}"#,
            "labels[0]",
            "taxonomy",
        ),
        (
            r#"{"labels": [{"name": "a_id", "sensitivity": "high"}, {"name": "a_id", "sensitivity": "low"}], "rules": [{"label": "a_id", "header": {"words": ["x"]}}]}"#,
            "labels[1]",
            "defined twice",
        ),
        (
            r#"{"labels": [{"name": "a_id", "sensitivity": "severe"}], "rules": [{"label": "a_id", "header": {"words": ["x"]}}]}"#,
            "labels[0]",
            "unknown variant",
        ),
        (
            r#"{"labels": [{"name": "a_id", "sensitivity": "low", "kind": "thing"}], "rules": [{"label": "a_id", "header": {"words": ["x"]}}]}"#,
            "labels[0]",
            "unknown kind",
        ),
        (
            r#"{"rules": [{"label": "nope", "header": {"words": ["x"]}}]}"#,
            "rules[0].label",
            "unknown label",
        ),
        (
            r#"{"rules": [{"header": {"words": ["x"]}, "never": ["nope"]}]}"#,
            "rules[0].never",
            "unknown label",
        ),
        (
            r#"{"rules": [{"label": "identifier"}]}"#,
            "rules[0]",
            "value test, a header test",
        ),
        (
            r#"{"rules": [{"header": {"words": ["x"]}}]}"#,
            "rules[0]",
            "needs a label",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {"regex": "a(b"}}]}"#,
            "rules[0].value.regex",
            "character 2",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {"validator": "luhnn"}}]}"#,
            "rules[0].value.validator",
            "validators are luhn",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {"regx": "a"}}]}"#,
            "rules[0]",
            "unknown field",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {}}]}"#,
            "rules[0].value",
            "needs regex",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {"dictionary": []}}]}"#,
            "rules[0].value.dictionary",
            "empty",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {"length": {"min": 5, "max": 2}}}]}"#,
            "rules[0].value.length",
            "min <= max",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {"check_letter": "A"}}]}"#,
            "rules[0].value.check_letter",
            "2 to 64",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {"length": {"min": 1}}, "min_share": 1.5}]}"#,
            "rules[0].min_share",
            "(0, 1]",
        ),
        (
            r#"{"rules": [{"label": "identifier", "value": {"length": {"min": 1}}, "min_share": 1e-50}]}"#,
            "rules[0].min_share",
            "(0, 1]",
        ),
        (
            r#"{"rules": [{"label": "identifier", "header": {"words": ["x"]}, "min_share": 0.5}]}"#,
            "rules[0].min_share",
            "has none",
        ),
        (
            r#"{"rules": [{"label": "identifier", "header": {"words": ["--"]}}]}"#,
            "rules[0].header.words[0]",
            "no letter",
        ),
        (
            r#"{"rules": [{"label": "identifier", "header": {"words": ["x"]}, "never": ["identifier"]}]}"#,
            "rules[0].never",
            "its own label",
        ),
        (
            r#"{"rules": [{"name": "a", "label": "identifier", "header": {"words": ["x"]}}, {"name": "a", "label": "identifier", "header": {"words": ["y"]}}]}"#,
            "rules[1].name",
            "two rules",
        ),
    ];
    for (doc, place, says) in cases {
        let e = refused(doc);
        assert_eq!(e.code(), "RULES", "{doc}");
        let text = e.to_string();
        assert!(text.starts_with(&format!("r.json: {place}: ")), "{doc}: {text}");
        assert!(text.contains(says), "{doc}: {text}");
    }
}

#[test]
fn documents_over_the_limits_are_refused_before_any_work() {
    let big = format!(
        r#"{{"rules": [{{"label": "identifier", "value": {{"dictionary": ["{}"]}}}}]}}"#,
        "x".repeat(MAX_DOCUMENT_BYTES)
    );
    assert!(refused(&big).to_string().contains("limit of 1048576"));
    let many: Vec<String> = (0..=MAX_RULES)
        .map(|i| format!(r#"{{"label": "identifier", "header": {{"words": ["w{i}"]}}}}"#))
        .collect();
    let doc = format!(r#"{{"rules": [{}]}}"#, many.join(","));
    assert!(refused(&doc).to_string().contains("limit of 1000"));
    let words: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("\"{i}\"")).collect();
    let doc = format!(
        r#"{{"rules": [{{"label": "identifier", "value": {{"dictionary": [{}]}}}}]}}"#,
        words.join(",")
    );
    assert!(refused(&doc).to_string().contains("more than 100000"));
}

/// `Bound::decide` with the header tokens feature extraction would give it.
fn decide(b: &Bound, col: &ColumnProfile, model: &[f32]) -> Outcome {
    b.decide(col, &crate::features::header::tokens(&col.name), model)
}

/// Three labels for a model: `identifier`, `ssn`, `email`.
fn model_labels() -> Vec<String> {
    ["identifier", "ssn", "email"].iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_rule_fires_on_its_share_and_mixes_its_label_in() {
    let r = rules(
        r#"{"labels": [{"name": "staff_no", "sensitivity": "high", "kind": "identifier"}],
            "rules": [{"label": "staff_no", "value": {"regex": "S[0-9]{3}"}, "min_share": 0.75}]}"#,
    );
    let b = r.bind(&model_labels()).unwrap();
    assert_eq!(b.labels, ["identifier", "ssn", "email", "staff_no"]);
    let model = [0.6, 0.3, 0.1];
    // 3 of 4 values match: exactly min_share, confidence 0.70.
    let o = decide(&b, &column("staff", &["S001", "S002", "S003", "x"]), &model);
    assert_eq!(o.source.as_deref(), Some("staff_no"));
    assert!((o.probs[3] - 0.70).abs() < 1e-6, "{:?}", o.probs);
    assert!(
        (o.probs[0] - 0.6 * 0.3).abs() < 1e-6,
        "the model's labels keep their order: {:?}",
        o.probs
    );
    assert!((o.probs.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    // 2 of 4: below the share, nothing happens.
    let o = decide(&b, &column("staff", &["S001", "S002", "y", "x"]), &model);
    assert_eq!((o.source, o.probs), (None, vec![0.6, 0.3, 0.1, 0.0]));
}

#[test]
fn ruling_every_likely_label_out_spreads_the_rest_evenly() {
    let r = rules(r#"{"rules": [{"header": {"words": ["ref"]}, "never": ["identifier", "ssn"]}]}"#);
    let b = r.bind(&model_labels()).unwrap();
    let o = decide(&b, &column("ref", &["1"]), &[0.5, 0.5, 0.0]);
    assert_eq!(o.probs, vec![0.0, 0.0, 1.0]);
    assert_eq!(o.ruled_out, vec![0, 1]);
    let mut after_graph = vec![0.2, 0.3, 0.5];
    b.settle(&o, &mut after_graph);
    assert_eq!(after_graph, vec![0.0, 0.0, 1.0]);
}

#[test]
fn binding_refuses_labels_the_model_lacks_or_already_has() {
    let r = rules(r#"{"rules": [{"label": "iban", "header": {"words": ["iban"]}}]}"#);
    let e = r.bind(&model_labels()).unwrap_err();
    assert_eq!(
        (
            e.code(),
            e.to_string().contains("rules[0]: this model has no label \"iban\"")
        ),
        ("RULES", true),
        "{e}"
    );
    let r = rules(
        r#"{"labels": [{"name": "staff_no", "sensitivity": "low"}], "rules": [{"label": "staff_no", "header": {"words": ["x"]}}]}"#,
    );
    let mut with = model_labels();
    with.push("staff_no".into());
    assert!(r
        .bind(&with)
        .unwrap_err()
        .to_string()
        .contains("labels[0]: the model has a label"));
}

#[test]
fn header_patterns_look_at_the_first_512_characters() {
    let r = rules(r#"{"rules": [{"label": "identifier", "header": {"regex": "tail$"}}]}"#);
    let b = r.bind(&model_labels()).unwrap();
    let short = decide(
        &b,
        &column(&format!("{}tail", "a".repeat(400)), &["1"]),
        &[1.0, 0.0, 0.0],
    );
    assert_eq!(short.source.as_deref(), Some("identifier"));
    let long = decide(
        &b,
        &column(&format!("{}tail", "a".repeat(600)), &["1"]),
        &[1.0, 0.0, 0.0],
    );
    assert_eq!(long.source, None);
}
