//! What a caller can tune, with the documented defaults and hard limits.

use crate::error::{Error, Result};
use crate::rules::Rules;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::sync::Arc;

/// Explicit resource limits. Every one is documented in the README ("Limits") with its default.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Longest cell accepted, in bytes. Longer cells stop the run with [`Error::CellTooLarge`]
    /// because they are almost always an unclosed quote or an embedded blob.
    pub max_cell_bytes: usize,
    /// Most columns a table may have.
    pub max_columns: usize,
    /// Most input bytes read; `None` for no limit (memory stays bounded either way).
    pub max_bytes: Option<u64>,
    /// Bytes of each sampled value kept for analysis; longer values are cut at a character
    /// boundary (their true length still counts in the length statistics).
    pub max_value_bytes: usize,
    /// Bytes all the columns' samples together may hold, at most (`max_value_bytes` per value).
    /// A wide table gets fewer sampled values per column instead of unbounded memory: 10,000
    /// columns at 1,000 values of 256 bytes would otherwise be 2.5 GB.
    pub max_sample_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_cell_bytes: 1 << 20,
            max_columns: 10_000,
            max_bytes: None,
            max_value_bytes: 256,
            max_sample_bytes: 64 << 20,
        }
    }
}

/// Options of one classification run.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Non-null values kept per column in the deterministic reservoir sample.
    pub sample_size: usize,
    /// Field delimiter; `None` sniffs among `,` `;` tab `|`.
    pub delimiter: Option<u8>,
    /// Whether the first row is a header; `None` detects it.
    pub has_header: Option<bool>,
    /// Seed of the reservoir sampler: the same seed gives the same sample on every platform.
    pub seed: u64,
    /// Name of the input used in messages (a path, `-`, or `<input>`).
    pub source: String,
    pub limits: Limits,
    /// An organisation's own labels and rules, applied beside the model (`crate::rules`).
    pub rules: Option<Arc<Rules>>,
}

/// Largest accepted `sample_size`: beyond this the features no longer change but memory does.
pub const MAX_SAMPLE_SIZE: usize = 100_000;

impl Default for Options {
    fn default() -> Self {
        Options {
            sample_size: 1000,
            delimiter: None,
            has_header: None,
            seed: 0x00da_7ac1_0a4c,
            source: "<input>".to_string(),
            limits: Limits::default(),
            rules: None,
        }
    }
}

/// Options as JSON callers (the JS API) spell them: camelCase, every key optional, unknown keys
/// refused so a typo is an error and not a silently ignored setting.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OptionsSpec {
    sample_size: Option<usize>,
    delimiter: Option<String>,
    has_header: Option<bool>,
    seed: Option<u64>,
    source: Option<String>,
    // Limits are read as u64 on every platform and clamped to what the platform can address, so
    // that a limit above 4 GiB means "no practical limit" in wasm32 as in a 64-bit build instead
    // of an error in one and a number in the other.
    max_cell_bytes: Option<u64>,
    max_columns: Option<u64>,
    max_bytes: Option<u64>,
    max_value_bytes: Option<u64>,
    max_sample_bytes: Option<u64>,
    /// A rules document: the JSON object itself, or its text.
    rules: Option<Value>,
    /// The rules document's name in errors (the CLIs pass its path); `rules` by default.
    rules_source: Option<String>,
}

/// The `rules` option: a document given as an object or as its text.
fn read_rules(rules: Option<Value>, source: Option<String>) -> Result<Option<Arc<Rules>>> {
    let source = source.unwrap_or_else(|| "rules".to_string());
    let text = match rules {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(text)) => text,
        Some(v @ Value::Object(_)) => v.to_string(),
        Some(_) => {
            return Err(Error::InvalidOption {
                name: "rules".into(),
                message: "must be a rules document: an object, or its JSON text".into(),
            })
        }
    };
    Rules::from_json(&text, &source).map(|r| Some(Arc::new(r)))
}

/// A limit as the platform holds it: values past `usize::MAX` (wasm32: 4 GiB) are clamped to it.
pub fn clamp_limit(v: u64) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

/// An option's name as JSON callers (the JS API) write it: the Rust field name in camelCase
/// (`max_cell_bytes` → `maxCellBytes`); a name already in camelCase comes back unchanged.
pub fn json_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// Reads a delimiter as people write it: one ASCII character, or `tab` / `\t`.
pub fn parse_delimiter(text: &str) -> Result<u8> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        d if d.len() == 1 && d.is_ascii() => Ok(d.as_bytes()[0]),
        _ => Err(Error::InvalidOption {
            name: "delimiter".into(),
            message: format!("takes one ASCII character or 'tab', got {text:?}"),
        }),
    }
}

impl Options {
    /// Refuses an input that has grown past `limits.max_bytes` (`total` bytes read so far).
    pub fn check_input_size(&self, total: u64) -> Result<()> {
        match self.limits.max_bytes {
            Some(limit) if total > limit => Err(Error::InputTooLarge {
                source: self.source.clone(),
                limit,
            }),
            _ => Ok(()),
        }
    }

    /// Options from a JSON object such as `{"sampleSize": 500, "delimiter": ";"}`; missing keys
    /// keep their defaults. The result is validated.
    pub fn from_json(text: &str) -> Result<Options> {
        if text.trim().is_empty() {
            return Self::from_json_object(Map::new());
        }
        let keys: Map<String, Value> = serde_json::from_str(text).map_err(|e| Error::InvalidOption {
            name: "options".into(),
            message: e.to_string(),
        })?;
        Self::from_json_object(keys)
    }

    /// [`Options::from_json`] on an object already parsed (the CLI's flags become one).
    pub fn from_json_object(keys: Map<String, Value>) -> Result<Options> {
        let invalid = |name: &str, e: serde_json::Error| Error::InvalidOption {
            name: name.into(),
            message: e.to_string(),
        };
        let spec: OptionsSpec = if keys.is_empty() {
            OptionsSpec::default()
        } else {
            let all = Value::Object(keys);
            match OptionsSpec::deserialize(&all) {
                Ok(spec) => spec,
                // Serde names no key for a type error: try the keys one by one, so that the error
                // is reported under the key at fault. For an unknown key serde's message lists the
                // known ones.
                Err(whole) => {
                    if let Value::Object(keys) = &all {
                        for (key, value) in keys {
                            let one = Map::from_iter([(key.clone(), value.clone())]);
                            OptionsSpec::deserialize(Value::Object(one)).map_err(|e| invalid(key, e))?;
                        }
                    }
                    return Err(invalid("options", whole));
                }
            }
        };
        let d = Options::default();
        let max_cell_bytes = spec.max_cell_bytes.map_or(d.limits.max_cell_bytes, clamp_limit);
        let opts = Options {
            sample_size: spec.sample_size.unwrap_or(d.sample_size),
            delimiter: spec.delimiter.as_deref().map(parse_delimiter).transpose()?,
            has_header: spec.has_header,
            seed: spec.seed.unwrap_or(d.seed),
            source: spec.source.unwrap_or(d.source),
            limits: Limits {
                max_cell_bytes,
                max_columns: spec.max_columns.map_or(d.limits.max_columns, clamp_limit),
                max_bytes: spec.max_bytes.or(d.limits.max_bytes),
                // A small cell limit lowers the analysed prefix with it unless both are given.
                max_value_bytes: spec
                    .max_value_bytes
                    .map_or(d.limits.max_value_bytes.min(max_cell_bytes), clamp_limit),
                max_sample_bytes: spec.max_sample_bytes.map_or(d.limits.max_sample_bytes, clamp_limit),
            },
            rules: read_rules(spec.rules, spec.rules_source)?,
        };
        opts.validate()?;
        Ok(opts)
    }

    /// Rejects option values that cannot work, naming the option.
    pub fn validate(&self) -> Result<()> {
        let bad = |name: &str, message: String| {
            Err(Error::InvalidOption {
                name: name.to_string(),
                message,
            })
        };
        if self.sample_size == 0 || self.sample_size > MAX_SAMPLE_SIZE {
            return bad(
                "sample_size",
                format!("must be between 1 and {MAX_SAMPLE_SIZE}, got {}", self.sample_size),
            );
        }
        if let Some(d) = self.delimiter {
            if d == b'"' || d == b'\n' || d == b'\r' || !d.is_ascii() {
                return bad(
                    "delimiter",
                    format!(
                        "must be one ASCII character other than a quote or line break, got {:?}",
                        d as char
                    ),
                );
            }
        }
        if self.limits.max_columns == 0 {
            return bad("max_columns", "must be at least 1".into());
        }
        if self.limits.max_cell_bytes < 16 {
            return bad("max_cell_bytes", "must be at least 16".into());
        }
        if self.limits.max_value_bytes < 16 || self.limits.max_value_bytes > self.limits.max_cell_bytes {
            return bad(
                "max_value_bytes",
                format!("must be between 16 and max_cell_bytes ({})", self.limits.max_cell_bytes),
            );
        }
        if self.limits.max_sample_bytes < self.limits.max_value_bytes {
            return bad(
                "max_sample_bytes",
                format!("must be at least max_value_bytes ({})", self.limits.max_value_bytes),
            );
        }
        Ok(())
    }

    /// Values sampled per column for a table of `columns` columns: `sample_size`, lowered so that
    /// all the samples together stay within `max_sample_bytes` (never below one value).
    pub fn sample_capacity(&self, columns: usize) -> usize {
        // Saturating: on wasm32 a large max_value_bytes times many columns would overflow usize.
        let per_column = self.limits.max_sample_bytes / columns.max(1).saturating_mul(self.limits.max_value_bytes);
        per_column.clamp(1, self.sample_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_bad_values_name_the_option() {
        assert!(Options::default().validate().is_ok());
        let bad = |o: Options, name: &str| {
            let e = o.validate().unwrap_err();
            assert_eq!(e.code(), "INVALID_OPTION");
            assert!(e.to_string().contains(name), "{e}");
        };
        bad(
            Options {
                sample_size: 0,
                ..Options::default()
            },
            "sample_size",
        );
        bad(
            Options {
                sample_size: MAX_SAMPLE_SIZE + 1,
                ..Options::default()
            },
            "sample_size",
        );
        bad(
            Options {
                delimiter: Some(b'"'),
                ..Options::default()
            },
            "delimiter",
        );
        bad(
            Options {
                delimiter: Some(b'\n'),
                ..Options::default()
            },
            "delimiter",
        );
        let mut o = Options::default();
        o.limits.max_columns = 0;
        bad(o, "max_columns");
        let mut o = Options::default();
        o.limits.max_value_bytes = o.limits.max_cell_bytes + 1;
        bad(o, "max_value_bytes");
        let mut o = Options::default();
        o.limits.max_sample_bytes = 10;
        bad(o, "max_sample_bytes");
    }

    #[test]
    fn wide_tables_share_the_sample_budget() {
        let o = Options::default();
        assert_eq!(o.sample_capacity(1), 1000);
        assert_eq!(o.sample_capacity(262), 1000);
        // 64 MiB / (10,000 columns x 256 bytes) = 26 values per column.
        assert_eq!(o.sample_capacity(10_000), 26);
        let mut o = Options::default();
        o.limits.max_sample_bytes = 256;
        assert_eq!(o.sample_capacity(5), 1);
    }

    #[test]
    fn json_options_use_camel_case_and_refuse_unknown_keys() {
        let o =
            Options::from_json(r#"{"sampleSize": 50, "delimiter": "tab", "hasHeader": false, "maxBytes": 9}"#).unwrap();
        assert_eq!(o.sample_size, 50);
        assert_eq!(o.delimiter, Some(b'\t'));
        assert_eq!(o.has_header, Some(false));
        assert_eq!(o.limits.max_bytes, Some(9));
        assert_eq!(Options::from_json("").unwrap(), Options::default());
        assert_eq!(Options::from_json("{}").unwrap(), Options::default());
        let e = Options::from_json(r#"{"sampel": 5}"#).unwrap_err();
        assert_eq!(e.code(), "INVALID_OPTION");
        assert!(e.to_string().contains("sampel"), "{e}");
        let e = Options::from_json(r#"{"delimiter": ";;"}"#).unwrap_err();
        assert!(e.to_string().contains("delimiter"), "{e}");
        let e = Options::from_json(r#"{"sampleSize": 0}"#).unwrap_err();
        assert!(e.to_string().contains("sample_size"), "{e}");
        let e = Options::from_json("[1]").unwrap_err();
        assert_eq!(e.code(), "INVALID_OPTION");
        assert!(
            matches!(&e, Error::InvalidOption { name, .. } if name == "options"),
            "{e:?}"
        );
    }

    /// The name of the error (JS `error.option`) is the key at fault, as the caller wrote it.
    #[test]
    fn json_errors_name_the_key_at_fault() {
        let name = |json: &str| match Options::from_json(json).unwrap_err() {
            Error::InvalidOption { name, message } => (name, message),
            e => panic!("{e:?}"),
        };
        let (n, m) = name(r#"{"sampleSize": 5, "sampel": 5}"#);
        assert_eq!(n, "sampel");
        // An unknown key's message lists the known ones.
        assert!(m.contains("sampleSize") && m.contains("maxSampleBytes"), "{m}");
        let (n, m) = name(r#"{"maxBytes": "10"}"#);
        assert_eq!(n, "maxBytes");
        assert!(m.contains("invalid type"), "{m}");
        assert_eq!(name(r#"{"seed": 1, "hasHeader": "yes"}"#).0, "hasHeader");
        assert_eq!(name(r#"{"sampleSize": -1}"#).0, "sampleSize");
        assert_eq!(name("null").0, "options");
        assert_eq!(name("{").0, "options");
    }

    #[test]
    fn json_names_are_camel_case() {
        assert_eq!(json_name("sample_size"), "sampleSize");
        assert_eq!(json_name("max_cell_bytes"), "maxCellBytes");
        assert_eq!(json_name("delimiter"), "delimiter");
        assert_eq!(json_name("maxBytes"), "maxBytes");
    }
}
