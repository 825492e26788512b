//! Rules beside the model, end to end on `tests/data/rules/staff.csv` (made by `make_staff.py`)
//! with `org.rules.json`: the examples of the README and docs/rules.md, each asserted.

use datacloak::report::{ColumnReport, Report};
use datacloak::rules::{self, Rules};
use datacloak::{Classifier, Options};
use std::sync::Arc;

const STAFF: &[u8] = include_bytes!("data/rules/staff.csv");
const ORG: &str = include_str!("data/rules/org.rules.json");

fn classify_with(data: &[u8], doc: &str) -> Report {
    let opts = Options {
        rules: Some(Arc::new(Rules::from_json(doc, "org.rules.json").unwrap())),
        ..Options::default()
    };
    Classifier::new().unwrap().classify_bytes(data, &opts).unwrap()
}

fn col<'r>(r: &'r Report, name: &str) -> &'r ColumnReport {
    r.columns.iter().find(|c| c.name == name).unwrap()
}

fn alternatives(c: &ColumnReport) -> Vec<&str> {
    c.alternatives.iter().map(|a| a.label.as_str()).collect()
}

#[test]
fn the_organisations_labels_come_from_its_rules() {
    let r = classify_with(STAFF, ORG);
    let emp = col(&r, "emp_no");
    assert_eq!(
        (emp.label.as_str(), emp.source.as_str()),
        ("employee_id", "rule:employee_id")
    );
    assert_eq!((emp.sensitivity, emp.kind), ("high", "identifier"));
    assert!(emp.confidence >= 0.95, "{}", emp.confidence);
    assert!(emp.evidence[0].starts_with("rule employee_id matched 100% of 60 sampled values"));
    // The model's own label stays an alternative.
    assert_eq!(alternatives(emp)[0], "identifier");

    let customer = col(&r, "customer");
    assert_eq!(
        (customer.label.as_str(), customer.sensitivity),
        ("customer_code", "medium")
    );
    let rrn = col(&r, "rijksregisternummer");
    assert_eq!(
        (rrn.label.as_str(), rrn.source.as_str()),
        ("be_national_number", "rule:be_national_number")
    );
    assert!(rrn.evidence[0].contains("and the header"), "{:?}", rrn.evidence);

    // The other columns are the model's, as without rules.
    let plain = Classifier::new()
        .unwrap()
        .classify_bytes(STAFF, &Options::default())
        .unwrap();
    for name in ["full_name", "card", "team"] {
        assert_eq!(col(&r, name).label, col(&plain, name).label, "{name}");
        assert_eq!(col(&r, name).source, "model", "{name}");
    }
    let info = r.table.rules.as_ref().unwrap();
    // Five rules; four set labels (the fifth only rules labels out).
    assert_eq!((info.rules, info.columns), (5, 4));
    assert_eq!(info.labels, ["employee_id", "customer_code", "be_national_number"]);
    assert!(plain.table.rules.is_none());
    assert!(!plain.to_json().contains("\"rules\""));
}

#[test]
fn a_wrong_check_letter_is_not_a_customer_code() {
    // The same codes with every check letter moved one place along the alphabet.
    let shifted: String = String::from_utf8_lossy(STAFF)
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
            if i > 0 {
                let c = cells[2].pop().unwrap();
                cells[2].push(if c == 'Z' { 'A' } else { (c as u8 + 1) as char });
            }
            cells.join(",") + "\n"
        })
        .collect();
    let r = classify_with(shifted.as_bytes(), ORG);
    assert_ne!(col(&r, "customer").label, "customer_code");
    assert_eq!(col(&r, "customer").source, "model");
}

#[test]
fn a_header_override_holds_against_the_model_and_the_graph() {
    let r = classify_with(STAFF, ORG);
    let order = col(&r, "order_ref");
    assert_eq!(
        (order.label.as_str(), order.source.as_str()),
        ("identifier", "rule:order_numbers")
    );
    // At least the rule's header-only confidence (0.9), whatever the neighbours say.
    assert!(order.confidence >= 0.9, "{}", order.confidence);
    assert!(order.evidence[0].contains("(override) matched the header \"order_ref\""));
}

#[test]
fn a_suppression_rules_labels_out_entirely() {
    let r = classify_with(STAFF, ORG);
    let case = col(&r, "case_no");
    assert!(!["ssn", "national_id"].contains(&case.label.as_str()));
    assert!(alternatives(case).iter().all(|a| !["ssn", "national_id"].contains(a)));
    assert!(case
        .evidence
        .iter()
        .any(|e| e == "rule case_numbers_are_not_ssns rules out ssn"));
    // Not a label-giving rule: the label is still the model's.
    assert_eq!(case.source, "model");
}

#[test]
fn confident_sensitive_model_evidence_wins_unless_the_rule_overrides() {
    let doc = r#"{"rules": [{"name": "card_like_ids", "label": "identifier", "value": {"validator": "luhn"}}]}"#;
    let r = classify_with(STAFF, doc);
    let card = col(&r, "card");
    assert_eq!(
        (card.label.as_str(), card.source.as_str()),
        ("credit_card_number", "model")
    );
    assert_eq!(
        alternatives(card)[0],
        "identifier",
        "the rule's label is the first alternative"
    );
    assert!(card.alternatives[0].confidence >= 0.01);
    assert!(card
        .evidence
        .iter()
        .any(|e| e.contains("is more sensitive than identifier and stays")));

    let forced = doc.replace("\"luhn\"}", "\"luhn\"}, \"override\": true");
    let r = classify_with(STAFF, &forced);
    let card = col(&r, "card");
    assert_eq!(
        (card.label.as_str(), card.source.as_str()),
        ("identifier", "rule:card_like_ids")
    );
    assert_eq!(alternatives(card)[0], "credit_card_number");
}

#[test]
fn among_firing_rules_an_override_wins_then_the_most_confident() {
    let both = r#"{"labels": [{"name": "staff_ref", "sensitivity": "high"}],
      "rules": [{"name": "loose", "label": "staff_ref", "value": {"regex": "EMP-[0-9]+"}, "min_share": 0.5},
                {"name": "exact", "label": "identifier", "value": {"regex": "EMP-[0-9]{6}"}, "header": {"words": ["emp"]}}]}"#;
    let r = classify_with(STAFF, both);
    // Both match every value; `exact` also matches the header, so it is more confident.
    assert_eq!(col(&r, "emp_no").source, "rule:exact");
    assert!(col(&r, "emp_no")
        .evidence
        .contains(&"rule loose matched too".to_string()));
    let with_override = both.replace("\"min_share\": 0.5}", "\"min_share\": 0.5, \"override\": true}");
    let r = classify_with(STAFF, &with_override);
    assert_eq!(
        (col(&r, "emp_no").label.as_str(), col(&r, "emp_no").source.as_str()),
        ("staff_ref", "rule:loose")
    );
    assert_eq!(col(&r, "emp_no").kind, "unknown");
}

#[test]
fn a_value_rule_needs_its_share_of_the_sample() {
    // Half the employee numbers are written another way: below the default 0.8, above 0.4.
    let mixed: String = String::from_utf8_lossy(STAFF)
        .lines()
        .enumerate()
        .map(|(i, l)| if i % 2 == 1 { l.replacen("EMP-", "E", 1) } else { l.to_string() } + "\n")
        .collect();
    let r = classify_with(mixed.as_bytes(), ORG);
    assert_ne!(col(&r, "emp_no").label, "employee_id");
    let lenient = ORG.replace(
        r#"{"regex": "^EMP-[0-9]{6}$"}}"#,
        r#"{"regex": "^EMP-[0-9]{6}$"}, "min_share": 0.4}"#,
    );
    let r = classify_with(mixed.as_bytes(), &lenient);
    let emp = col(&r, "emp_no");
    assert_eq!(emp.label, "employee_id");
    assert!(emp.evidence[0].contains("matched 50% of 60"), "{:?}", emp.evidence);
    // Confidence follows the share: 0.70 at min_share, 0.99 when every value matches.
    assert!(emp.confidence < 0.85, "{}", emp.confidence);
}

#[test]
fn the_shipped_schema_is_the_one_the_core_reads() {
    let committed = include_str!("../js/rules.schema.json");
    if std::env::var_os("DATACLOAK_BLESS").is_some() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/js/rules.schema.json"),
            rules::schema(),
        )
        .unwrap();
        return;
    }
    assert_eq!(
        committed,
        rules::schema(),
        "DATACLOAK_BLESS=1 cargo test --test rules regenerates it"
    );
    // Every example document of the project is valid by its own reader.
    Rules::from_json(ORG, "org.rules.json").unwrap();
}

#[test]
fn value_tests_look_at_200_values_spread_over_the_sample() {
    let mut csv = String::from("emp_no\n");
    for i in 0..1000 {
        csv.push_str(&format!("EMP-{:06}\n", i * 7));
    }
    let r = classify_with(csv.as_bytes(), ORG);
    let emp = col(&r, "emp_no");
    assert_eq!(emp.stats.sampled, 1000);
    assert_eq!(emp.evidence[0], "rule employee_id matched 100% of 200 sampled values");
    assert_eq!(rules::TESTED_PER_COLUMN, 200);
}

#[test]
fn a_sorted_file_is_judged_on_all_of_it_not_its_head() {
    // 1,000 rows: the first 200 are employee numbers, the rest are not.
    let mut csv = String::from("emp_no\n");
    for i in 0..1000 {
        csv.push_str(&if i < 200 {
            format!("EMP-{i:06}\n")
        } else {
            format!("X{i}\n")
        });
    }
    let r = classify_with(csv.as_bytes(), ORG);
    assert_ne!(col(&r, "emp_no").label, "employee_id");
    assert_eq!(col(&r, "emp_no").source, "model");
}

#[test]
fn a_label_ruled_out_is_never_given_even_by_an_override() {
    let doc = r#"{"labels": [{"name": "employee_id", "sensitivity": "high"}],
      "rules": [{"label": "employee_id", "value": {"regex": "EMP-[0-9]{6}"}, "override": true},
                {"name": "not_staff", "header": {"words": ["emp"]}, "never": ["employee_id"]}]}"#;
    let r = classify_with(STAFF, doc);
    let emp = col(&r, "emp_no");
    assert_ne!(emp.label, "employee_id");
    assert!(alternatives(emp).iter().all(|a| *a != "employee_id"));
    assert_eq!(emp.source, "model");
    assert!(emp.evidence.iter().any(|e| e == "rule not_staff rules out employee_id"));
}
