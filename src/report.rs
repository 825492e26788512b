//! The report: what the caller gets back, serialised as JSON by the CLI, the wasm face and the
//! Worker alike (one shape everywhere, so outputs can be compared byte for byte).

use crate::display::for_terminal;
use serde::Serialize;

/// The keys every column report carries: the stable interface other programs depend on.
pub const COLUMN_KEYS: [&str; 9] = [
    "name",
    "label",
    "kind",
    "confidence",
    "sensitivity",
    "alternatives",
    "evidence",
    "stats",
    "rank",
];

/// A label with its confidence, e.g. an alternative to the chosen one.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Scored {
    pub label: String,
    pub confidence: f32,
}

/// Counters of one column.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ColumnStats {
    /// Data rows seen (short rows count as nulls for the missing cells).
    pub rows: u64,
    pub nulls: u64,
    /// Values in the deterministic sample the features were computed from.
    pub sampled: usize,
    /// Estimated distinct non-null values (HyperLogLog; exact for small counts).
    pub distinct_estimate: u64,
    /// Shortest and longest non-null value, in bytes.
    pub min_length: u64,
    pub max_length: u64,
}

/// Everything said about one column.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ColumnReport {
    /// Header (or `column_N` when there is none).
    pub name: String,
    /// 0-based position in the table.
    pub index: usize,
    pub label: String,
    pub kind: &'static str,
    /// Calibrated probability that `label` is right.
    pub confidence: f32,
    pub sensitivity: &'static str,
    /// The next labels and their confidence, most likely first.
    pub alternatives: Vec<Scored>,
    /// Short sentences a person can check.
    pub evidence: Vec<String>,
    pub stats: ColumnStats,
    /// Importance in the column graph (PageRank; sums to 1 over the columns).
    pub rank: f32,
    /// The top label's confidence is below [`UNCERTAIN_BELOW`]: look at the alternatives (the
    /// evidence names any highly sensitive one).
    pub uncertain: bool,
    /// Where the label comes from: `model` (the built-in classification: model, column graph and
    /// the empty-column rule) or `rule:NAME` (a rule of the rules document set it).
    pub source: String,
}

/// What `source` says of a label the built-in classification gave.
pub const FROM_MODEL: &str = "model";

/// Confidence under which a column's label is reported as uncertain.
pub const UNCERTAIN_BELOW: f32 = 0.6;
/// A highly sensitive alternative at least this likely is named in an uncertain column's evidence.
pub const SENSITIVE_ALTERNATIVE: f32 = 0.2;

/// An edge of the column graph, for pictures of the table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EdgeReport {
    pub source: usize,
    pub target: usize,
    pub weight: f32,
    /// Why the columns are related: `adjacent`, `header`, `values`, `labels`.
    pub reasons: Vec<&'static str>,
}

/// Counts of columns by sensitivity of their label.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Summary {
    pub columns: usize,
    /// Columns whose label is high or medium sensitivity.
    pub personal: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    /// One line for people, e.g. "7 of 12 columns hold personal data".
    pub text: String,
}

/// Which model answered.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ModelInfo {
    pub sha256: String,
    pub feature_layout: String,
    pub labels: usize,
}

/// Facts about the whole table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TableReport {
    pub source: String,
    pub rows: u64,
    pub columns: usize,
    pub bytes: u64,
    /// The delimiter used, as a one-character string.
    pub delimiter: String,
    pub has_header: bool,
    /// The first row was taken as the header with nothing to support it (said in `warnings`): it
    /// may be data. The cloak refuses such a table unless the header is given.
    pub header_unsure: bool,
    pub ragged_rows: u64,
    pub warnings: Vec<String>,
    pub summary: Summary,
    pub edges: Vec<EdgeReport>,
    pub model: ModelInfo,
    /// The rules document the run applied, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<RulesInfo>,
}

/// Which rules document was applied.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RulesInfo {
    /// Its name as the caller gave it (a path, or `rules`).
    pub source: String,
    pub rules: usize,
    /// The labels it adds to the model's.
    pub labels: Vec<String>,
    /// Columns whose label a rule set.
    pub columns: usize,
}

/// The whole answer.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub columns: Vec<ColumnReport>,
    pub table: TableReport,
}

impl Report {
    /// Pretty JSON (what the CLI and the JS API print).
    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A plain-text table for people: one line per column, then the summary line.
    pub fn to_table(&self) -> String {
        let r = self;
        let mut rows = vec![[
            "column".to_string(),
            "label".into(),
            "kind".into(),
            "sensitivity".into(),
            "conf".into(),
            "evidence".into(),
        ]];
        // Names and evidence come from the input: escaped so that they cannot move the cursor,
        // erase rows, forge lines or reorder text on the terminal.
        for c in &r.columns {
            rows.push([
                for_terminal(&c.name),
                c.label.clone(),
                c.kind.to_string(),
                c.sensitivity.to_string(),
                format!("{:.2}", c.confidence),
                for_terminal(&c.evidence.first().cloned().unwrap_or_default()),
            ]);
        }
        let widths: Vec<usize> = (0..5)
            .map(|k| rows.iter().map(|r| r[k].chars().count()).max().unwrap_or(0).min(32))
            .collect();
        let mut s = String::new();
        for row in &rows {
            for (k, w) in widths.iter().enumerate() {
                let cell: String = row[k].chars().take(*w).collect();
                s.push_str(&format!("{cell:<w$}  "));
            }
            s.push_str(&row[5]);
            s.push('\n');
        }
        for w in &r.table.warnings {
            s.push_str(&format!("warning: {}\n", for_terminal(w)));
        }
        s.push_str(&r.table.summary.text);
        s
    }
}

/// Rounds a probability for output so that native and wasm builds print the same digits.
pub fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_to_three_places() {
        assert_eq!(round3(0.123_456), 0.123);
        assert_eq!(round3(0.999_6), 1.0);
        assert_eq!(round3(0.0), 0.0);
    }

    #[test]
    fn json_keeps_the_documented_keys_in_order() {
        let col = ColumnReport {
            name: "e".into(),
            index: 0,
            label: "email".into(),
            kind: "text_short",
            confidence: 0.9,
            sensitivity: "high",
            alternatives: vec![Scored {
                label: "url".into(),
                confidence: 0.1,
            }],
            evidence: vec!["x".into()],
            stats: ColumnStats {
                rows: 1,
                nulls: 0,
                sampled: 1,
                distinct_estimate: 1,
                min_length: 3,
                max_length: 3,
            },
            rank: 1.0,
            uncertain: false,
            source: FROM_MODEL.into(),
        };
        let v = serde_json::to_value(&col).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        for k in COLUMN_KEYS {
            assert!(keys.contains(&k), "{k}");
        }
        let text = serde_json::to_string(&col).unwrap();
        assert!(text.find("\"name\"") < text.find("\"label\"") && text.find("\"label\"") < text.find("\"rank\""));
    }
}
