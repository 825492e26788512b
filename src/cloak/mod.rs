//! Cloak: a classified table turned into a safe copy, on the device.
//!
//! A [`Policy`] (JSON) gives each column an [`Action`] — keep, drop, redact, mask, pseudonymise,
//! generalise or fake — by column name, label or sensitivity; a [`Plan`] resolves it against a
//! classification; a [`Cloaker`] streams the CSV through it, keeping the input's delimiter, line
//! ends, header, row count and column order (dropped columns aside). Pseudonyms and fakes come
//! from the caller's [`Key`] (HMAC-SHA-256), so the same key gives the same tokens in every file.
//!
//! Two passes over an input that can be read twice (classify, then rewrite), or one pass given a
//! report. An input that can be read once only (standard input, a request body) is classified on
//! its first [`HEAD_SAMPLE_BYTES`] (cut at a record end, see [`complete_records`]), which are held,
//! then cloaked as a whole.
//!
//! ```
//! use datacloak::cloak::{self, Key, Policy};
//! let csv = b"name,email\nAnn Lee,ann@example.org\nBo Chan,bo@example.com\n";
//! let report = datacloak::classify_csv(csv, &datacloak::Options::default())?;
//! let plan = cloak::Plan::new(&cloak::ReportView::from_report(&report), &Policy::default())?;
//! let key = Key::given(b"my secret key of 32 bytes.......")?;
//! let (out, _summary) = cloak::cloak_bytes(csv, plan, key, &datacloak::Options::default(), &Default::default())?;
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.starts_with("name,email\n") && !text.contains("ann@example.org"));
//! # Ok::<(), datacloak::Error>(())
//! ```

pub mod key;
pub mod labels;
pub mod policy;
pub mod stream;
pub mod transform;
pub mod view;

pub use key::Key;
pub use policy::{Action, ColumnPlan, Plan, Policy};
pub use stream::{CloakOptions, CloakSummary, Cloaker};
pub use view::ReportView;

use crate::error::{Error, Result};
use crate::options::Options;

/// Bytes of an input that can be read only once held and classified before it is cloaked.
pub const HEAD_SAMPLE_BYTES: usize = 8 << 20;

/// The length of the longest prefix of `head` that ends at a record end, read as classify reads
/// it (csv-core, with the delimiter sniffed as classify sniffs it), so that a head sample holds
/// whole records. 0 when there is none.
pub fn complete_records(head: &[u8]) -> usize {
    let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let skipped = head.len() - body.len();
    let delimiter = crate::ingest::sniff::sniff_delimiter(body, false);
    // No cell limit here: classify applies its own to the sample.
    let mut fields = crate::ingest::fields::Fields::new(delimiter, usize::MAX - 1);
    let (mut at, mut end) = (0, 0);
    while at < body.len() {
        let (event, nin) = fields.step(&body[at..], false);
        at += nin;
        match event {
            Ok(crate::ingest::fields::Event::Field { record_end }) => {
                fields.clear();
                if record_end {
                    end = at;
                }
            }
            Ok(crate::ingest::fields::Event::More) => {}
            _ => break,
        }
    }
    if end == 0 {
        0
    } else {
        skipped + end
    }
}

/// Cloaks a CSV held in memory: the output bytes and what was done.
pub fn cloak_bytes(
    data: &[u8],
    plan: Plan,
    key: Key,
    opts: &Options,
    cloak: &CloakOptions,
) -> Result<(Vec<u8>, CloakSummary)> {
    let mut c = Cloaker::new(plan, key, opts, cloak)?;
    let mut out = Vec::with_capacity(data.len() + data.len() / 4);
    c.push(data, &mut out)?;
    let summary = c.finish(&mut out)?;
    Ok((out, summary))
}

/// Cloaks from a reader to a writer in 1 MiB chunks: memory stays bounded whatever the size.
/// `sink` names the output for write errors.
pub fn cloak_stream(
    r: impl std::io::Read,
    mut w: impl std::io::Write,
    sink: &str,
    plan: Plan,
    key: Key,
    opts: &Options,
    cloak: &CloakOptions,
) -> Result<CloakSummary> {
    let mut c = Cloaker::new(plan, key, opts, cloak)?;
    let mut out = Vec::with_capacity(2 << 20);
    let write_err = |e: std::io::Error| Error::Io {
        source: sink.to_string(),
        message: e.to_string(),
    };
    crate::ingest::for_each_chunk(r, &opts.source, |chunk| {
        c.push(chunk, &mut out)?;
        w.write_all(&out).map_err(write_err)?;
        out.clear();
        Ok(())
    })?;
    let summary = c.finish(&mut out)?;
    w.write_all(&out).map_err(write_err)?;
    w.flush().map_err(write_err)?;
    Ok(summary)
}

#[cfg(test)]
mod tests;
