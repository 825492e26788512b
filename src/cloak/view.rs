//! What the cloak needs of a classification: each column's header and label, the delimiter and
//! whether there is a header. Taken from a [`Report`] in the same run, or read back from the JSON
//! a classify printed earlier (one pass over an input that cannot be read twice).

use crate::error::{Error, Result};
use crate::report::Report;
use crate::taxonomy::{self, Sensitivity};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub struct ViewColumn {
    pub name: String,
    pub label: String,
    /// As the report says: a rules document's label has its own.
    pub sensitivity: Sensitivity,
}

fn sensitivity_of(text: Option<&str>, label: &str) -> Sensitivity {
    match text {
        Some("high") => Sensitivity::High,
        Some("medium") => Sensitivity::Medium,
        Some("low") => Sensitivity::Low,
        // Reports written before rules existed: the taxonomy's (unknown labels count as high).
        _ => taxonomy::sensitivity(label),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    pub columns: Vec<ViewColumn>,
    pub delimiter: u8,
    pub has_header: bool,
    /// The header was a guess with nothing to support it: its cells may be data.
    pub header_unsure: bool,
    /// The input the report was made from.
    pub source: String,
    /// The labels a rules document added in that run (`table.rules.labels`): a policy may name them.
    pub rule_labels: Vec<String>,
}

fn mismatch(source: &str, message: impl Into<String>) -> Error {
    Error::ReportMismatch {
        source: source.to_string(),
        message: message.into(),
    }
}

impl ReportView {
    pub fn from_report(r: &Report) -> ReportView {
        ReportView {
            columns: r
                .columns
                .iter()
                .map(|c| ViewColumn {
                    name: c.name.clone(),
                    label: c.label.clone(),
                    sensitivity: sensitivity_of(Some(c.sensitivity), &c.label),
                })
                .collect(),
            delimiter: r.table.delimiter.bytes().next().unwrap_or(b','),
            has_header: r.table.has_header,
            header_unsure: r.table.header_unsure,
            source: r.table.source.clone(),
            rule_labels: r.table.rules.as_ref().map(|i| i.labels.clone()).unwrap_or_default(),
        }
    }

    /// Reads a report as classify prints it. `source` names the report for errors.
    pub fn from_json(text: &str, source: &str) -> Result<ReportView> {
        let doc: Value =
            serde_json::from_str(text).map_err(|e| mismatch(source, format!("not a DataCloak report (JSON: {e})")))?;
        let table = doc
            .get("table")
            .ok_or_else(|| mismatch(source, "not a DataCloak report (no \"table\")"))?;
        let delimiter = table
            .get("delimiter")
            .and_then(Value::as_str)
            .filter(|d| d.len() == 1)
            .ok_or_else(|| mismatch(source, "table.delimiter must be one character"))?
            .as_bytes()[0];
        let has_header = table
            .get("has_header")
            .and_then(Value::as_bool)
            .ok_or_else(|| mismatch(source, "table.has_header must be true or false"))?;
        let cols = doc
            .get("columns")
            .and_then(Value::as_array)
            .ok_or_else(|| mismatch(source, "not a DataCloak report (no \"columns\" array)"))?;
        let mut columns = Vec::with_capacity(cols.len());
        for (i, c) in cols.iter().enumerate() {
            let text = |key: &str| {
                c.get(key)
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .ok_or_else(|| mismatch(source, format!("columns[{i}].{key} must be a string")))
            };
            if let Some(index) = c.get("index") {
                if index.as_u64() != Some(i as u64) {
                    return Err(mismatch(source, format!("columns[{i}].index is {index}, not {i}")));
                }
            }
            let label = text("label")?;
            columns.push(ViewColumn {
                name: text("name")?,
                sensitivity: sensitivity_of(c.get("sensitivity").and_then(Value::as_str), &label),
                label,
            });
        }
        if columns.is_empty() {
            return Err(mismatch(source, "the report has no columns"));
        }
        // Reports written before the field existed count as unsure only when they say so.
        let header_unsure = table.get("header_unsure").and_then(Value::as_bool).unwrap_or(false);
        let rule_labels = table
            .pointer("/rules/labels")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default();
        Ok(ReportView {
            columns,
            delimiter,
            has_header,
            header_unsure,
            source: table
                .get("source")
                .and_then(Value::as_str)
                .unwrap_or(source)
                .to_string(),
            rule_labels,
        })
    }
}

/// A view of `(name, label)` columns, for tests.
#[cfg(test)]
pub(crate) fn test_view(cols: &[(&str, &str)], delimiter: u8, has_header: bool) -> ReportView {
    ReportView {
        columns: cols
            .iter()
            .map(|(n, l)| ViewColumn {
                name: n.to_string(),
                label: l.to_string(),
                sensitivity: taxonomy::sensitivity(l),
            })
            .collect(),
        delimiter,
        has_header,
        header_unsure: false,
        source: "t.csv".into(),
        rule_labels: Vec::new(),
    }
}
