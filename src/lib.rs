//! DataCloak: tells what each column of a table holds — e-mail, phone number, name, card number,
//! IBAN, ids, amounts, categories — on the user's own device.
//!
//! Pipeline (one module each): [`ingest`] (CSV → bounded per-column profiles) → [`features`]
//! (fixed-length vectors) → [`model`] (ONNX via tract) → [`graph`] (neighbouring columns correct
//! each other) → [`report`]. The core touches no network, file or clock: callers hand it bytes.
//!
//! ```
//! let csv = b"email\nann@example.org\nbo.chan@example.com\n";
//! let report = datacloak::classify_csv(csv, &datacloak::Options::default())?;
//! assert_eq!(report.columns[0].label, "email");
//! # Ok::<(), datacloak::Error>(())
//! ```

mod assemble;
pub mod classify;
pub mod cli;
pub mod cloak;
pub mod display;
pub mod error;
mod evidence;
pub mod features;
pub mod graph;
// Seeded hashing and the sampler's RNG: internal, their outputs are only seen through the profiles.
pub(crate) mod hash;
pub mod ingest;
pub mod model;
pub mod options;
pub mod report;
pub mod rules;
pub mod taxonomy;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use classify::{Classifier, Refined};
pub use error::{Error, Position, Result};
pub use options::{Limits, Options};
pub use report::Report;

/// Classifies a CSV held in memory with the built-in model.
pub fn classify_csv(data: &[u8], opts: &Options) -> Result<Report> {
    Classifier::new()?.classify_bytes(data, opts)
}
