//! The label set (a copy of the project taxonomy, compiled in), sensitivities and column kinds.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// How much harm a column can do if it leaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    Low,
    Medium,
    High,
}

impl Sensitivity {
    pub fn as_str(self) -> &'static str {
        match self {
            Sensitivity::Low => "low",
            Sensitivity::Medium => "medium",
            Sensitivity::High => "high",
        }
    }
}

/// The storage shape of a column, coarser than its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    TextLong,
    TextShort,
    Numeric,
    Datetime,
    Categorical,
    Identifier,
    Boolean,
    Unknown,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::TextLong,
        Kind::TextShort,
        Kind::Numeric,
        Kind::Datetime,
        Kind::Categorical,
        Kind::Identifier,
        Kind::Boolean,
        Kind::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::TextLong => "text_long",
            Kind::TextShort => "text_short",
            Kind::Numeric => "numeric",
            Kind::Datetime => "datetime",
            Kind::Categorical => "categorical",
            Kind::Identifier => "identifier",
            Kind::Boolean => "boolean",
            Kind::Unknown => "unknown",
        }
    }
}

/// One label of the taxonomy.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelInfo {
    pub name: String,
    pub sensitivity: Sensitivity,
    pub description: String,
}

#[derive(Deserialize)]
struct TaxonomyFile {
    labels: Vec<LabelInfo>,
}

/// Label given to a column with no non-null value: the model has nothing to look at.
/// Added to the shared taxonomy (which a build may extend, never rename).
pub const EMPTY: &str = "empty";

/// The taxonomy: the 38 shared labels in their file order, then the labels this build adds.
pub fn labels() -> &'static [LabelInfo] {
    static LABELS: OnceLock<Vec<LabelInfo>> = OnceLock::new();
    LABELS.get_or_init(|| {
        // The file is compiled in and checked by a unit test, so a parse failure is a build bug.
        let file: TaxonomyFile =
            serde_json::from_str(include_str!("taxonomy.json")).unwrap_or(TaxonomyFile { labels: Vec::new() });
        let mut labels = file.labels;
        labels.push(LabelInfo {
            name: EMPTY.to_string(),
            sensitivity: Sensitivity::Low,
            description: "columns with no non-null value".to_string(),
        });
        labels
    })
}

/// Looks a label up by name.
pub fn label(name: &str) -> Option<&'static LabelInfo> {
    labels().iter().find(|l| l.name == name)
}

/// Sensitivity of a label; unknown labels (from a custom model) count as high, the safe side.
pub fn sensitivity(name: &str) -> Sensitivity {
    label(name).map(|l| l.sensitivity).unwrap_or(Sensitivity::High)
}

/// The kind a label implies. Labels a custom model adds fall back to `Unknown`.
pub fn kind_of(label: &str) -> Kind {
    match label {
        "free_text" => Kind::TextLong,
        "email" | "phone_number" | "person_name" | "first_name" | "last_name" | "street_address" | "username"
        | "url" | "city" | "company_name" | "job_title" => Kind::TextShort,
        "date_of_birth" | "date" | "datetime" | "time" => Kind::Datetime,
        "ssn" | "national_id" | "passport_number" | "credit_card_number" | "iban" | "ip_address" | "password_hash"
        | "api_key" | "mac_address" | "postal_code" | "uuid" | "identifier" => Kind::Identifier,
        "latitude" | "longitude" | "age" | "currency_amount" | "numeric" => Kind::Numeric,
        "gender" | "state" | "country" | "categorical" => Kind::Categorical,
        "boolean" => Kind::Boolean,
        _ => Kind::Unknown,
    }
}

#[cfg(test)]
mod tests {

    /// The TypeScript declarations list exactly these kinds (`Kind` in index.d.ts), so that the
    /// declared type of `ColumnReport.kind` cannot drift from what reports carry.
    #[test]
    fn typescript_declares_every_kind() {
        let dts = include_str!("../js/index.d.ts");
        let start = dts.find("export type Kind =").expect("index.d.ts declares Kind");
        let decl = &dts[start..start + dts[start..].find(';').unwrap()];
        let declared: Vec<&str> = decl.split('\'').skip(1).step_by(2).collect();
        let ours: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(declared, ours);
    }

    use super::*;

    #[test]
    fn taxonomy_parses_with_all_shared_labels() {
        let l = labels();
        assert_eq!(l.len(), 39, "38 shared labels + empty");
        assert_eq!(l[0].name, "email");
        assert_eq!(sensitivity("ssn"), Sensitivity::High);
        assert_eq!(sensitivity("postal_code"), Sensitivity::Medium);
        assert_eq!(sensitivity("numeric"), Sensitivity::Low);
    }

    #[test]
    fn every_shared_label_has_a_kind() {
        for l in labels().iter().filter(|l| l.name != EMPTY) {
            assert_ne!(kind_of(&l.name), Kind::Unknown, "{}", l.name);
        }
    }
}
