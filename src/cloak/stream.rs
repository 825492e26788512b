//! The streaming rewrite: CSV in (chunks of any size), cloaked CSV out, in memory bounded by the
//! longest cell. Parsing is csv-core's, as for classify, so both read a file the same way; writing
//! is csv-core's too (quotes only where needed), in the input's delimiter and line ends.

use super::key::Key;
use super::labels::{self, LabelActions};
use super::policy::{Action, ColumnPlan, Plan};
use super::transform::{self, Outcome};
use crate::error::{Error, Position, Result};
use crate::ingest::fields::{Event, Fields, Problem};
use crate::options::Options;
use serde::Serialize;

/// One column: the action the plan chose, and counts of what it did.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ColumnCounts {
    #[serde(flatten)]
    pub plan: ColumnPlan,
    /// Values rewritten (nulls are written as they were and not counted).
    pub changed: u64,
    pub nulls: u64,
    /// Values `generalise` could not read, written as the redaction token.
    pub unreadable: u64,
}

/// What a finished cloak did.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CloakSummary {
    /// Data rows written (the header excluded), as many as were read.
    pub rows: u64,
    pub columns: Vec<ColumnCounts>,
    /// Rows with a different number of fields than the header: written with the header's width
    /// (missing cells empty, extra cells, never classified, left out).
    pub ragged_rows: u64,
    /// Written cells (header included) that looked like spreadsheet formulas and got a leading `'`.
    pub formulas_neutralised: u64,
    /// `given` (the caller's key) or `random` (made for this run and not kept).
    pub key: &'static str,
    /// 8 hex digits naming a given key (the same key gives the same fingerprint).
    pub key_fingerprint: Option<String>,
    pub warnings: Vec<String>,
}

impl CloakSummary {
    /// Pretty JSON, what both CLIs print after writing the output to a file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Cloak settings besides the plan and the key.
#[derive(Debug, Clone, Default)]
pub struct CloakOptions {
    /// Prefix cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) with `'`.
    pub safe_formulas: bool,
}

/// The input's line end, learnt from its first record, to write the same ones.
#[derive(Debug, Clone, Copy)]
enum LineEnd {
    /// No record has ended at a line break yet.
    Unknown,
    /// The first record ended at a CR; the next byte tells CRLF from CR.
    AfterCr,
    Known(&'static [u8]),
}

impl LineEnd {
    /// The line end to write: the input's, `\n` until one is seen.
    fn bytes(self) -> &'static [u8] {
        match self {
            LineEnd::Known(t) => t,
            LineEnd::AfterCr => b"\r",
            LineEnd::Unknown => b"\n",
        }
    }
}

/// Streaming cloak: `push` chunks, collect the output each call appends, then `finish`.
pub struct Cloaker {
    plan: Plan,
    actions: Vec<(Action, LabelActions)>,
    key: Key,
    opts: Options,
    safe_formulas: bool,
    fields: Fields,

    line_end: LineEnd,
    /// The BOM and the first bytes are looked at before parsing starts.
    started: bool,
    /// The first bytes, held until there are three (a BOM).
    head: Vec<u8>,
    field_index: usize,
    /// Fields written in the current output record.
    written: usize,
    record_no: u64,
    record_line: u64,
    bytes: u64,
    /// The input's last byte was a line end (so is the output's).
    ends_with_newline: bool,
    counts: Vec<ColumnCounts>,
    rows: u64,
    ragged: u64,
    formulas: u64,
    text: String,
    /// The normalised value, reused from cell to cell.
    scratch: String,
    /// Nothing of the current output record is written yet (its one field, if any, is empty).
    record_blank: bool,
    /// The first record ended at a CR and its line end is not known yet.
    pending_end: bool,
    done: bool,
}

impl Cloaker {
    /// `opts` gives the limits (as for classify) and the input's name for errors.
    pub fn new(plan: Plan, key: Key, opts: &Options, cloak: &CloakOptions) -> Result<Cloaker> {
        opts.validate()?;
        if plan.view.has_header && plan.view.header_unsure {
            return Err(Error::InvalidOption {
                name: "has_header".into(),
                message: "the first row was taken as the header with nothing to support it, and a header is written as it is: if it is one, pass --header (hasHeader: true); if it is data, --no-header (hasHeader: false)".into(),
            });
        }
        let actions = plan
            .columns
            .iter()
            .map(|c| (c.action, labels::for_label(&c.label)))
            .collect();
        let counts = plan
            .columns
            .iter()
            .map(|c| ColumnCounts {
                plan: c.clone(),
                changed: 0,
                nulls: 0,
                unreadable: 0,
            })
            .collect();
        Ok(Cloaker {
            fields: Fields::new(plan.view.delimiter, opts.limits.max_cell_bytes),
            actions,
            key,
            opts: opts.clone(),
            safe_formulas: cloak.safe_formulas,
            line_end: LineEnd::Unknown,
            started: false,
            head: Vec::new(),
            field_index: 0,
            written: 0,
            record_no: 1,
            record_line: 1,
            bytes: 0,
            ends_with_newline: false,
            counts,
            rows: 0,
            ragged: 0,
            formulas: 0,
            text: String::new(),
            scratch: String::new(),
            record_blank: true,
            pending_end: false,
            done: false,
            plan,
        })
    }

    /// Data rows written so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Bytes pushed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// The plan being carried out.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Feeds the next chunk; the cloaked bytes it completes are appended to `out`.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) -> Result<()> {
        if self.done {
            return Err(Error::State {
                message: "cloak: push after finish".into(),
            });
        }
        self.bytes += chunk.len() as u64;
        self.opts.check_input_size(self.bytes)?;
        if chunk.is_empty() {
            return Ok(());
        }
        if memchr::memchr(0, chunk).is_some() {
            return Err(Error::BinaryInput {
                source: self.opts.source.clone(),
                offset: self.bytes - chunk.len() as u64 + memchr::memchr(0, chunk).unwrap_or(0) as u64,
                what: "binary data (it holds NUL bytes)".into(),
            });
        }
        if !self.started {
            // A BOM may come split over the first chunks: the first three bytes are held.
            self.head.extend_from_slice(chunk);
            if self.head.len() < 3 {
                return Ok(());
            }
            let head = std::mem::take(&mut self.head);
            return self.start(&head, false, out);
        }
        self.ends_with_newline = matches!(chunk.last(), Some(b'\n' | b'\r'));
        self.parse(chunk, false, out)
    }

    /// The first bytes: a UTF-8 BOM is written as it came, and not read as part of column 1.
    fn start(&mut self, head: &[u8], eof: bool, out: &mut Vec<u8>) -> Result<()> {
        self.started = true;
        let body = match head.strip_prefix(b"\xef\xbb\xbf") {
            Some(rest) => {
                out.extend_from_slice(b"\xef\xbb\xbf");
                rest
            }
            None => head,
        };
        self.ends_with_newline = matches!(body.last(), Some(b'\n' | b'\r'));
        self.parse(body, eof, out)
    }

    /// Ends the input: flushes the last record and returns what was done.
    pub fn finish(&mut self, out: &mut Vec<u8>) -> Result<CloakSummary> {
        if self.done {
            return Err(Error::State {
                message: "cloak: finish called twice".into(),
            });
        }
        if !self.started {
            let head = std::mem::take(&mut self.head);
            self.start(&head, true, out)?;
        } else {
            self.parse(&[], true, out)?;
        }
        self.done = true;
        if self.plan.view.has_header && self.record_no == 1 {
            return Err(Error::EmptyInput {
                source: self.opts.source.clone(),
            });
        }
        let mut warnings = self.plan.warnings.clone();
        if self.ragged > 0 {
            warnings.push(format!(
                "{} rows have a different number of fields than the header: written with {} fields (missing cells empty, extra cells left out)",
                self.ragged,
                self.plan.columns.len()
            ));
        }
        for c in &self.counts {
            if c.unreadable > 0 {
                warnings.push(format!(
                    "column '{}': {} values could not be generalised and were redacted",
                    crate::display::quoted(&c.plan.name),
                    c.unreadable
                ));
            }
        }
        Ok(CloakSummary {
            rows: self.rows,
            columns: self.counts.clone(),
            ragged_rows: self.ragged,
            formulas_neutralised: self.formulas,
            key: if self.key.given { "given" } else { "random" },
            key_fingerprint: self.key.fingerprint(),
            warnings,
        })
    }

    fn position(&self, column: Option<String>) -> Position {
        Position {
            source: self.opts.source.clone(),
            row: self.record_no,
            line: self.record_line,
            column,
        }
    }

    fn column_name(&self, i: usize) -> String {
        self.plan
            .columns
            .get(i)
            .map(|c| crate::display::shortened(&c.name))
            .unwrap_or_else(|| format!("column_{}", i + 1))
    }

    fn parse(&mut self, mut input: &[u8], eof: bool, out: &mut Vec<u8>) -> Result<()> {
        loop {
            if input.is_empty() && !eof {
                return Ok(());
            }
            if let (LineEnd::AfterCr, Some(&b)) = (self.line_end, input.first()) {
                self.line_end = LineEnd::Known(if b == b'\n' { b"\r\n" } else { b"\r" });
            }
            let (event, nin) = self.fields.step(input, eof);
            // A record ends at the line break it consumed last: the first one sets the line end.
            if let (LineEnd::Unknown, Ok(Event::Field { record_end: true }), Some(&b)) =
                (self.line_end, &event, input[..nin].last())
            {
                self.line_end = match b {
                    b'\n' => LineEnd::Known(b"\n"),
                    b'\r' => LineEnd::AfterCr,
                    _ => LineEnd::Unknown,
                };
            }
            input = &input[nin..];
            match event {
                Err(Problem::CellTooLarge) => {
                    return Err(Error::CellTooLarge {
                        at: self.position(Some(self.column_name(self.field_index))),
                        limit: self.opts.limits.max_cell_bytes,
                    })
                }
                Err(Problem::UnterminatedQuote) => {
                    return Err(Error::UnterminatedQuote {
                        at: self.position(Some(self.column_name(self.field_index))),
                    })
                }
                Ok(Event::NeedInput) => return Ok(()),
                Ok(Event::More) => {}
                Ok(Event::Field { record_end }) => {
                    self.on_field(out)?;
                    self.fields.clear();
                    if record_end {
                        self.end_record(out)?;
                    }
                }
                Ok(Event::End) => {
                    self.flush_line_end(out);
                    if !self.ends_with_newline && self.bytes > 0 {
                        // The input's last record had no line end: neither has the output's.
                        out.truncate(out.len().saturating_sub(self.line_end.bytes().len()));
                    }
                    return Ok(());
                }
            }
        }
    }

    fn header_row(&self) -> bool {
        self.plan.view.has_header && self.record_no == 1
    }

    fn on_field(&mut self, out: &mut Vec<u8>) -> Result<()> {
        let i = self.field_index;
        self.field_index += 1;
        let Some(&(action, la)) = self.actions.get(i) else {
            return Ok(());
        };
        if action == Action::Drop {
            return Ok(());
        }
        // The cell is taken out of the reader for the call (its buffer is reused, not copied).
        let (cell, len) = self.fields.take_cell();
        let field = &cell[..len];
        let result = if self.header_row() {
            self.check_header(i, field).map(|()| self.write_field(field, out))
        } else {
            self.cloak_cell(i, action, &la, field, out);
            Ok(())
        };
        self.fields.put_cell(cell);
        result
    }

    /// The file's header must be the one the report describes, or the actions would land on the
    /// wrong columns.
    fn check_header(&self, i: usize, raw: &[u8]) -> Result<()> {
        let name = crate::ingest::header_text(raw);
        let expected = &self.plan.columns[i].name;
        if &name != expected {
            // Only the report's name is shown: if the report is of another file, this file's
            // first row may be data.
            return Err(Error::ReportMismatch {
                source: self.opts.source.clone(),
                message: format!(
                    "column {} of the file is not '{}', as the report says; classify this file again",
                    i + 1,
                    crate::display::quoted(expected)
                ),
            });
        }
        Ok(())
    }

    fn cloak_cell(&mut self, i: usize, action: Action, la: &LabelActions, raw: &[u8], out: &mut Vec<u8>) {
        if action == Action::Keep {
            return self.write_field(raw, out);
        }
        let text = match std::str::from_utf8(raw) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) => std::borrow::Cow::Owned(raw.iter().map(|&b| b as char).collect::<String>()),
        };
        let value = text.trim();
        if is_placeholder(value) {
            self.counts[i].nulls += 1;
            return self.write_field(raw, out);
        }
        let mut t = std::mem::take(&mut self.text);
        let label = &self.plan.columns[i].label;
        let outcome = transform::apply(
            action,
            label,
            la,
            value,
            &self.key,
            &self.plan.redaction,
            &mut self.scratch,
            &mut t,
        );
        self.counts[i].changed += 1;
        if outcome == Outcome::Unreadable {
            self.counts[i].unreadable += 1;
        }
        self.write_field(t.as_bytes(), out);
        self.text = t;
    }

    /// Writes the line end a record is waiting for (see `end_record`), once it is known.
    fn flush_line_end(&mut self, out: &mut Vec<u8>) {
        if self.pending_end {
            self.pending_end = false;
            out.extend_from_slice(self.line_end.bytes());
        }
    }

    /// Writes one field, quoted only where needed (RFC 4180: a delimiter, a quote or a line break
    /// inside; quotes doubled).
    fn write_field(&mut self, field: &[u8], out: &mut Vec<u8>) {
        self.flush_line_end(out);
        let neutralise = self.safe_formulas && looks_like_formula(field);
        if neutralise {
            self.formulas += 1;
        }
        if self.written > 0 {
            out.push(self.plan.view.delimiter);
        }
        self.written += 1;
        self.record_blank &= self.written == 1 && field.is_empty() && !neutralise;
        let delimiter = self.plan.view.delimiter;
        // SIMD searches (memchr) for the four bytes that need quotes.
        let plain = memchr::memchr3(delimiter, b'"', b'\n', field).is_none() && memchr::memchr(b'\r', field).is_none();
        if plain {
            if neutralise {
                out.push(b'\'');
            }
            out.extend_from_slice(field);
            return;
        }
        out.push(b'"');
        if neutralise {
            out.push(b'\'');
        }
        for part in field.split_inclusive(|&b| b == b'"') {
            out.extend_from_slice(part);
            if part.last() == Some(&b'"') {
                out.push(b'"');
            }
        }
        out.push(b'"');
    }

    fn end_record(&mut self, out: &mut Vec<u8>) -> Result<()> {
        let width = self.plan.columns.len();
        let header = self.header_row();
        if self.field_index != width {
            if header {
                return Err(Error::ReportMismatch {
                    source: self.opts.source.clone(),
                    message: format!(
                        "the file's header has {} columns, the report {width}; classify this file again",
                        self.field_index
                    ),
                });
            }
            self.ragged += 1;
            // Missing cells as empty ones (nulls, as classify counted them).
            for i in self.field_index..width {
                if self.actions[i].0 != Action::Drop {
                    self.counts[i].nulls += 1;
                    self.write_field(b"", out);
                }
            }
        }
        if !header {
            self.rows += 1;
        }
        // A record of one empty field would be a blank line, which readers skip: `""` keeps it.
        if self.record_blank {
            out.extend_from_slice(b"\"\"");
        }
        self.record_blank = true;
        // csv-core ends a record at its CR: whether an LF follows may be in the next chunk, so
        // the first line end waits until it is known.
        if matches!(self.line_end, LineEnd::AfterCr) {
            self.pending_end = true;
        } else {
            out.extend_from_slice(self.line_end.bytes());
        }
        self.field_index = 0;
        self.written = 0;
        self.record_no += 1;
        self.record_line = self.fields.line();
        Ok(())
    }
}

/// A cell a spreadsheet would evaluate: it starts with `=`, `+`, `-`, `@`, a tab or a CR, and is not
/// a plain number or phone number (digits, spaces and `+-().,:/` only cannot call anything).
pub fn looks_like_formula(cell: &[u8]) -> bool {
    matches!(cell.first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'))
        && !cell.iter().all(|b| b.is_ascii_digit() || b" +-().,:/eE".contains(b))
}

/// A cell written as it was in any column: empty, or a null token that cannot be anybody's value.
/// Word-like null tokens classify counts as nulls (`na`, `nan`, `nil`, `none`) are also names
/// (Na, Nan, Nil), so in a cloaked column they are cloaked like any value.
pub fn is_placeholder(value: &str) -> bool {
    const PLACEHOLDERS: [&str; 6] = ["-", "--", "?", "n/a", "#n/a", "null"];
    value.is_empty() || PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(value))
}
