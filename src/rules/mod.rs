//! Rules: an organisation's own labels and matchers, applied beside the model.
//!
//! # Why
//!
//! Every organisation has identifiers no public model knows (employee numbers, internal customer
//! codes, the national id of a country the model was not trained on) and header conventions of
//! its own exports. A rules document teaches them without retraining, and combines with the
//! model's labels instead of replacing them: the model's label stays an alternative, the column
//! graph refines with the rule's label like any other, and the report says where a label came
//! from.
//!
//! # The document (`docs/rules.md` has the whole schema; [`schema()`] is its JSON Schema)
//!
//! ```json
//! {"labels": [{"name": "employee_id", "sensitivity": "high", "kind": "identifier"}],
//!  "rules": [{"label": "employee_id", "value": {"regex": "^EMP-[0-9]{6}$"}},
//!            {"label": "identifier", "header": {"regex": "^case_no$"}, "override": true}]}
//! ```
//!
//! A rule *fires* on a column when everything it tests holds: its `value` test on at least
//! `min_share` (default 0.8) of the sampled non-null values, and its `header` test on the header.
//!
//! # Precedence ([`decide`])
//!
//! 1. Labels in the `never` lists of firing rules are taken out of the column's distribution,
//!    before and after the graph.
//! 2. The first firing `override` rule (document order) sets the label; the graph cannot move it.
//! 3. Otherwise the firing rule with the highest confidence sets the label (ties: document order),
//!    unless the model's own label is more sensitive and at least [`STRONG_MODEL`] likely: a rule
//!    never makes a column look *less* sensitive than confident model evidence (a Luhn-valid card
//!    column) without `override`. The rule's label is then the first alternative.
//!
//! # Limits
//!
//! Every limit below is checked when the document is read, so a rules document cannot make a
//! classification slow or large: matching is linear in the sample (regex-lite's engine has no
//! backtracking), and each value test stops once the column can no longer reach `min_share`.

mod decide;
mod document;
mod matchers;
mod schema;
#[cfg(test)]
mod tests;

pub use decide::{Bound, Outcome, MAX_VALUE_TESTS, MIN_TESTED, STRONG_MODEL, TESTED_PER_COLUMN};
pub use schema::schema;

use crate::error::{Error, Result};
use crate::taxonomy::{Kind, Sensitivity};
use matchers::{HeaderMatcher, ValueMatcher};

/// Largest rules document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;
/// Most rules in one document.
pub const MAX_RULES: usize = 1000;
/// Most new labels in one document.
pub const MAX_LABELS: usize = 256;
/// Longest label or rule name, in bytes.
pub const MAX_NAME_BYTES: usize = 64;
/// Longest regular expression, in characters.
pub const MAX_PATTERN_CHARS: usize = 1000;
/// Largest compiled regular expression, in bytes (regex-lite's own measure).
pub const MAX_REGEX_BYTES: usize = 256 << 10;
/// Most dictionary entries and header words over the whole document.
pub const MAX_ENTRIES: usize = 100_000;
/// The share of sampled values a value test must match when a rule does not say.
pub const DEFAULT_MIN_SHARE: f64 = 0.8;

/// A label a rules document adds to the model's.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleLabel {
    pub name: String,
    pub sensitivity: Sensitivity,
    pub kind: Kind,
    pub description: String,
}

/// One rule, checked and compiled.
#[derive(Debug)]
pub(crate) struct Rule {
    /// What the report calls it (`source: "rule:NAME"`): its `name`, else its label, else its place.
    pub name: String,
    /// Where it is in the document, for errors: `rules[3]`.
    pub path: String,
    pub label: Option<String>,
    pub value: Option<ValueMatcher>,
    pub header: Option<HeaderMatcher>,
    pub min_share: f32,
    pub overrides: bool,
    pub never: Vec<String>,
}

/// A rules document, checked and compiled: regular expressions built, dictionaries folded, names
/// resolved. Read it with [`Rules::from_json`]; apply it through [`crate::Options::rules`].
#[derive(Debug)]
pub struct Rules {
    source: String,
    /// The document as given, so that two option sets compare equal when their rules do.
    text: String,
    labels: Vec<RuleLabel>,
    rules: Vec<Rule>,
}

impl PartialEq for Rules {
    fn eq(&self, other: &Rules) -> bool {
        self.text == other.text
    }
}

impl Rules {
    /// Reads and checks a rules document. `source` names it in errors (a path, or `rules`).
    pub fn from_json(text: &str, source: &str) -> Result<Rules> {
        let (labels, rules) = document::read(text, source)?;
        Ok(Rules {
            source: source.to_string(),
            text: text.to_string(),
            labels,
            rules,
        })
    }

    /// The name the document was given by (a path, or `rules`).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The labels the document adds, in document order.
    pub fn labels(&self) -> &[RuleLabel] {
        &self.labels
    }

    /// How many rules the document holds.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Whether `name` has the shape of a label or rule name: lower-case ASCII letters, digits and `_`,
/// starting with a letter (the length is checked where names are read). The cloak's policy uses it
/// to accept the labels a rules document may add.
pub fn is_label_name(name: &str) -> bool {
    name.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A coded error about one place of a rules document.
pub(crate) fn error(source: &str, rule: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Rules {
        source: source.to_string(),
        rule: rule.into(),
        message: message.into(),
    }
}
