//! The policy: which action each column gets. Read from JSON (schema in `docs/cloak.md`), checked
//! against the taxonomy, then resolved against a classification into a [`Plan`].
//!
//! Precedence, most specific first: `columns` (by header) → `labels` → `sensitivity` → the
//! built-in default (high → pseudonymise, medium → generalise, low → keep). An explicit
//! `columns`/`labels` action that does not fit the column's label is an error; a
//! sensitivity-wide one that does not fit falls back to the label's own choice (`labels.rs`).

use super::labels;
use super::view::ReportView;
use crate::error::{Error, Result};
use crate::taxonomy::{self, Sensitivity};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What is done to every value of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Written as it was.
    Keep,
    /// Left out of the output, header included.
    Drop,
    /// Replaced by the redaction token.
    Redact,
    /// Partly hidden, by label: the last 4 digits of cards and phones, an e-mail's domain, initials.
    Mask,
    /// A keyed HMAC-SHA-256 token: the same value and key give the same token in every file.
    Pseudonymise,
    /// Made coarser: a birth date's year, an age band, a ZIP's first digits, a /24 network.
    Generalise,
    /// A made-up value of the same shape and label (cards, IBANs and SSNs that fail their checks).
    Fake,
}

impl Action {
    pub const ALL: [Action; 7] = [
        Action::Keep,
        Action::Drop,
        Action::Redact,
        Action::Mask,
        Action::Pseudonymise,
        Action::Generalise,
        Action::Fake,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Keep => "keep",
            Action::Drop => "drop",
            Action::Redact => "redact",
            Action::Mask => "mask",
            Action::Pseudonymise => "pseudonymise",
            Action::Generalise => "generalise",
            Action::Fake => "fake",
        }
    }

    /// Reads an action's name; the American spellings are accepted too.
    pub fn parse(name: &str) -> Option<Action> {
        match name {
            "pseudonymize" => Some(Action::Pseudonymise),
            "generalize" => Some(Action::Generalise),
            _ => Action::ALL.into_iter().find(|a| a.as_str() == name),
        }
    }

    /// What the action does with an unchanged value, for the built-in default.
    fn default_for(s: Sensitivity) -> Action {
        match s {
            Sensitivity::High => Action::Pseudonymise,
            Sensitivity::Medium => Action::Generalise,
            Sensitivity::Low => Action::Keep,
        }
    }
}

/// The token `redact` writes unless the policy names another.
pub const DEFAULT_REDACTION: &str = "[redacted]";
/// Longest redaction token a policy may set.
const MAX_REDACTION: usize = 64;
/// Most entries a policy's `columns` or `labels` may hold.
const MAX_ENTRIES: usize = 100_000;

/// A parsed, checked policy (not yet tied to a table).
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// By sensitivity: high, medium, low.
    pub sensitivity: [Action; 3],
    pub labels: BTreeMap<String, Action>,
    pub columns: BTreeMap<String, Action>,
    pub redaction: String,
    /// The policy's name for errors (a path, or `policy`).
    pub source: String,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            sensitivity: [
                Action::default_for(Sensitivity::High),
                Action::default_for(Sensitivity::Medium),
                Action::default_for(Sensitivity::Low),
            ],
            labels: BTreeMap::new(),
            columns: BTreeMap::new(),
            redaction: DEFAULT_REDACTION.to_string(),
            source: "policy".to_string(),
        }
    }
}

fn policy_error(source: &str, rule: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Policy {
        source: source.to_string(),
        rule: rule.into(),
        column: None,
        message: message.into(),
    }
}

fn sensitivity_slot(s: Sensitivity) -> usize {
    match s {
        Sensitivity::High => 0,
        Sensitivity::Medium => 1,
        Sensitivity::Low => 2,
    }
}

/// An action from a JSON value at `rule`.
fn action_at(source: &str, rule: &str, v: &Value) -> Result<Action> {
    let names: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
    let text = v.as_str().ok_or_else(|| {
        policy_error(
            source,
            rule,
            format!("must be an action name ({}), not {v}", names.join(", ")),
        )
    })?;
    Action::parse(text).ok_or_else(|| {
        policy_error(
            source,
            rule,
            format!(
                "unknown action '{}' (actions: {})",
                crate::display::quoted(text),
                names.join(", ")
            ),
        )
    })
}

/// The object at `key`, or an empty one.
fn entries<'a>(source: &str, doc: &'a Map<String, Value>, key: &str) -> Result<Option<&'a Map<String, Value>>> {
    match doc.get(key) {
        None => Ok(None),
        Some(Value::Object(m)) if m.len() <= MAX_ENTRIES => Ok(Some(m)),
        Some(Value::Object(_)) => Err(policy_error(
            source,
            key,
            format!("holds more than {MAX_ENTRIES} entries"),
        )),
        Some(other) => Err(policy_error(source, key, format!("must be an object, not {other}"))),
    }
}

impl Policy {
    /// Reads a policy document. Unknown keys, labels and actions are errors (a typo must not leave
    /// a column unprotected).
    /// `source` names the policy in errors (its path, or `policy`).
    pub fn from_json(text: &str, source: &str) -> Result<Policy> {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| policy_error(source, "document", format!("not JSON: {e}")))?;
        let Value::Object(doc) = doc else {
            return Err(policy_error(source, "document", "must be a JSON object"));
        };
        const KEYS: [&str; 5] = ["version", "sensitivity", "labels", "columns", "redaction"];
        if let Some(k) = doc.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(policy_error(
                source,
                crate::display::quoted(k),
                format!("unknown key (keys: {})", KEYS.join(", ")),
            ));
        }
        if let Some(v) = doc.get("version") {
            if v.as_u64() != Some(1) {
                return Err(policy_error(
                    source,
                    "version",
                    format!("this build reads version 1, not {v}"),
                ));
            }
        }
        let mut p = Policy {
            source: source.to_string(),
            ..Policy::default()
        };
        if let Some(m) = entries(source, &doc, "sensitivity")? {
            for (k, v) in m {
                let s = match k.as_str() {
                    "high" => Sensitivity::High,
                    "medium" => Sensitivity::Medium,
                    "low" => Sensitivity::Low,
                    _ => {
                        return Err(policy_error(
                            source,
                            format!("sensitivity.{}", crate::display::quoted(k)),
                            "unknown sensitivity (high, medium, low)",
                        ))
                    }
                };
                p.sensitivity[sensitivity_slot(s)] = action_at(source, &format!("sensitivity.{k}"), v)?;
            }
        }
        if let Some(m) = entries(source, &doc, "labels")? {
            for (k, v) in m {
                let rule = format!("labels.{}", crate::display::quoted(k));
                // A label outside the taxonomy may be a rules document's: checked against the
                // report in `Plan::new`.
                if taxonomy::label(k).is_none() && !crate::rules::is_label_name(k) {
                    return Err(policy_error(
                        source,
                        rule,
                        "unknown label (see the taxonomy in the README)",
                    ));
                }
                let a = action_at(source, &rule, v)?;
                if !labels::fits(a, k) {
                    return Err(policy_error(
                        source,
                        rule,
                        format!(
                            "{} does not fit label {k} (actions that fit: {})",
                            a.as_str(),
                            labels::fitting(k).join(", ")
                        ),
                    ));
                }
                p.labels.insert(k.clone(), a);
            }
        }
        if let Some(m) = entries(source, &doc, "columns")? {
            for (k, v) in m {
                let a = action_at(source, &format!("columns.{}", crate::display::quoted(k)), v)?;
                p.columns.insert(k.clone(), a);
            }
        }
        if let Some(v) = doc.get("redaction") {
            let t = v
                .as_str()
                .ok_or_else(|| policy_error(source, "redaction", "must be a string"))?;
            if t.len() > MAX_REDACTION || t.contains(['\r', '\n']) {
                return Err(policy_error(
                    source,
                    "redaction",
                    format!("must be one line of at most {MAX_REDACTION} bytes"),
                ));
            }
            p.redaction = t.to_string();
        }
        Ok(p)
    }
}

/// The action chosen for one column, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnPlan {
    pub name: String,
    pub index: usize,
    pub label: String,
    pub sensitivity: &'static str,
    pub action: Action,
    /// Which part of the policy chose the action, e.g. `columns."ssn"` or `sensitivity.high`.
    pub reason: String,
}

/// A policy resolved against one table: an action for every column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub columns: Vec<ColumnPlan>,
    #[serde(skip)]
    pub redaction: String,
    /// The policy's name, for errors found while cloaking.
    #[serde(skip)]
    pub policy_source: String,
    /// Policy entries that matched nothing in this table (a typo, or a policy made for another file).
    pub warnings: Vec<String>,
    #[serde(skip)]
    pub view: ReportView,
}

impl Plan {
    /// Chooses each column's action. Errors name the column and the action that does not fit.
    pub fn new(view: &ReportView, policy: &Policy) -> Result<Plan> {
        if let Some(k) = policy
            .labels
            .keys()
            .find(|k| taxonomy::label(k).is_none() && !view.rule_labels.contains(k))
        {
            return Err(policy_error(
                &policy.source,
                format!("labels.{}", crate::display::quoted(k)),
                "unknown label: neither in the taxonomy (README) nor added by the run's rules document",
            ));
        }
        let mut columns = Vec::with_capacity(view.columns.len());
        for (index, c) in view.columns.iter().enumerate() {
            let sensitivity = c.sensitivity;
            let label_actions = labels::for_label(&c.label);
            let (action, reason) = if let Some(&a) = policy.columns.get(&c.name) {
                if !labels::fits(a, &c.label) {
                    return Err(Error::Policy {
                        source: policy.source.clone(),
                        rule: format!("columns.{}", crate::display::quoted(&c.name)),
                        column: Some(c.name.clone()),
                        message: format!(
                            "{} does not fit column '{}', classified as {} (actions that fit: {})",
                            a.as_str(),
                            crate::display::quoted(&c.name),
                            c.label,
                            labels::fitting(&c.label).join(", ")
                        ),
                    });
                }
                (a, format!("columns.{}", crate::display::quoted(&c.name)))
            } else if let Some(&a) = policy.labels.get(&c.label) {
                (a, format!("labels.{}", c.label))
            } else {
                let a = policy.sensitivity[sensitivity_slot(sensitivity)];
                let rule = format!("sensitivity.{}", sensitivity.as_str());
                if labels::fits(a, &c.label) {
                    (a, rule)
                } else {
                    let f = label_actions.fallback;
                    (
                        f,
                        format!("{rule} ({} does not fit {}: {})", a.as_str(), c.label, f.as_str()),
                    )
                }
            };
            // No value was seen (or none in the head of a read-once input): any found while
            // cloaking is unknown, so it is redacted unless the policy names the column or label.
            let (action, reason) = if c.label == taxonomy::EMPTY && reason.starts_with("sensitivity.") {
                (
                    Action::Redact,
                    "no value was seen: any value found while cloaking is redacted".to_string(),
                )
            } else {
                (action, reason)
            };
            columns.push(ColumnPlan {
                name: c.name.clone(),
                index,
                label: c.label.clone(),
                sensitivity: sensitivity.as_str(),
                action,
                reason,
            });
        }
        if columns.iter().all(|c: &ColumnPlan| c.action == Action::Drop) {
            return Err(Error::Policy {
                source: policy.source.clone(),
                rule: "document".into(),
                column: None,
                message: "every column is dropped: the output would hold nothing".into(),
            });
        }
        let warnings = policy
            .columns
            .keys()
            .filter(|k| !view.columns.iter().any(|c| &c.name == *k))
            .map(|k| {
                format!(
                    "policy columns.{}: this table has no such column",
                    crate::display::quoted(k)
                )
            })
            .collect();
        Ok(Plan {
            columns,
            redaction: policy.redaction.clone(),
            policy_source: policy.source.clone(),
            warnings,
            view: view.clone(),
        })
    }

    /// The plan as JSON: `{"columns": [{name, index, label, sensitivity, action, reason}], "warnings"}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(cols: &[(&str, &str)]) -> ReportView {
        crate::cloak::view::test_view(cols, b',', true)
    }

    fn actions(p: &Plan) -> Vec<&'static str> {
        p.columns.iter().map(|c| c.action.as_str()).collect()
    }

    #[test]
    fn the_default_follows_sensitivity_with_fallbacks() {
        let v = view(&[
            ("e", "email"),
            ("z", "postal_code"),
            ("c", "city"),
            ("n", "notes"),
            ("t", "free_text"),
            ("x", "numeric"),
            ("v", "empty"),
        ]);
        let p = Plan::new(&v, &Policy::default()).unwrap();
        // `notes` is no taxonomy label: unknown labels count as high.
        assert_eq!(
            actions(&p),
            [
                "pseudonymise",
                "generalise",
                "keep",
                "pseudonymise",
                "redact",
                "keep",
                "redact"
            ]
        );
        assert!(
            p.columns[2].reason.contains("does not fit city"),
            "{}",
            p.columns[2].reason
        );
    }

    #[test]
    fn columns_beat_labels_beat_sensitivity() {
        let v = view(&[("email", "email"), ("backup", "email"), ("amount", "currency_amount")]);
        let pol = Policy::from_json(
            r#"{"columns": {"email": "drop", "ghost": "redact"}, "labels": {"email": "mask"}, "sensitivity": {"low": "fake"}}"#,
            "p.json",
        )
        .unwrap();
        let p = Plan::new(&v, &pol).unwrap();
        assert_eq!(actions(&p), ["drop", "mask", "fake"]);
        assert_eq!(p.warnings.len(), 1);
        assert!(p.warnings[0].contains("ghost"));
    }

    #[test]
    fn a_misfit_or_a_typo_is_an_error_that_names_it() {
        let v = view(&[("town", "city")]);
        let pol = Policy::from_json(r#"{"columns": {"town": "generalise"}}"#, "p.json").unwrap();
        let e = Plan::new(&v, &pol).unwrap_err();
        assert_eq!(e.code(), "POLICY");
        let msg = e.to_string();
        assert!(
            msg.contains("town") && msg.contains("generalise") && msg.contains("city"),
            "{msg}"
        );
        for (doc, needle) in [
            (r#"{"labels": {"city": "generalise"}}"#, "does not fit label city"),
            (r#"{"labels": {"e-mail": "mask"}}"#, "unknown label"),
            (r#"{"columns": {"a": "scramble"}}"#, "unknown action 'scramble'"),
            (r#"{"colums": {}}"#, "unknown key"),
            (r#"{"sensitivity": {"critical": "drop"}}"#, "unknown sensitivity"),
            (r#"{"version": 2}"#, "version 1"),
            (r#"{"redaction": "a\nb"}"#, "one line"),
            ("[1]", "JSON object"),
            ("{", "not JSON"),
        ] {
            let e = Policy::from_json(doc, "p.json").unwrap_err();
            assert!(e.to_string().contains(needle), "{doc}: {e}");
        }
    }

    #[test]
    fn american_spellings_are_read() {
        let p = Policy::from_json(
            r#"{"sensitivity": {"high": "pseudonymize", "medium": "generalize"}}"#,
            "p.json",
        )
        .unwrap();
        assert_eq!(p.sensitivity[..2], [Action::Pseudonymise, Action::Generalise]);
    }
}
