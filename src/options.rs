//! What a caller can tune, with the documented defaults and hard limits.

use crate::error::{Error, Result};

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
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_cell_bytes: 1 << 20,
            max_columns: 10_000,
            max_bytes: None,
            max_value_bytes: 256,
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
        }
    }
}

impl Options {
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
        Ok(())
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
    }
}
