//! Ingest: bytes in (in chunks of any size), one bounded [`ColumnProfile`] per column out.
//!
//! The CSV grammar is csv-core's (RFC 4180 plus the usual leniency); this module adds what a
//! profiler needs around it: sniffing, header detection, limits, and positions for errors.

pub mod column;
pub(crate) mod fields;
pub mod hll;
pub mod sniff;

pub use column::ColumnProfile;

use crate::error::{Error, Position, Result};
use crate::options::Options;
use fields::{Event, Fields, Problem};

/// Bytes looked at before choosing the delimiter.
const SNIFF_BYTES: usize = 64 * 1024;
/// Records looked at before deciding whether the first one is a header.
const HEAD_RECORDS: usize = 50;
/// Bytes of cells held while deciding on the header: the decision is taken early when the first
/// records hold more, so a gigantic line never sits in memory whole. The first row alone must fit.
pub const HEAD_BYTES: usize = 8 << 20;

/// The whole table as profiled.
#[derive(Debug, Clone)]
pub struct TableProfile {
    pub columns: Vec<ColumnProfile>,
    /// Data rows (the header excluded).
    pub rows: u64,
    pub bytes: u64,
    pub delimiter: u8,
    pub has_header: bool,
    /// The first row was taken as the header with nothing in it to support that (no header word,
    /// no numbers or dates below it): it may be data.
    pub header_unsure: bool,
    /// Rows whose field count differs from the header's.
    pub ragged_rows: u64,
    /// Things a user should know that did not stop the run (ragged rows, Latin-1 cells, ...).
    pub warnings: Vec<String>,
}

enum Stage {
    /// Collecting the first bytes to sniff the format.
    Sniffing(Vec<u8>),
    /// Parsing, and still holding the first records (raw bytes) to decide on the header.
    Head(Vec<Vec<Vec<u8>>>),
    /// Streaming records into the column profiles.
    Body,
    Done,
}

/// Streaming profiler: `push` chunks, then `finish`.
pub struct Profiler {
    opts: Options,
    stage: Stage,
    fields: Fields,
    delimiter: u8,
    has_header: bool,
    columns: Vec<ColumnProfile>,
    /// Fields of the current record during the head stage.
    record: Vec<Vec<u8>>,
    field_index: usize,
    /// 1-based number of the record being read, and the line it started on.
    record_no: u64,
    record_line: u64,
    /// Bytes of cells held in the head stage (rows and the current record).
    head_bytes: usize,
    /// Offset of the first NUL byte pushed, and of the next byte the parser reads.
    first_nul: Option<u64>,
    parsed: u64,
    bytes: u64,
    data_rows: u64,
    ragged_rows: u64,
    first_ragged: Option<u64>,
    bom_checked: bool,
    /// The first row was taken as the header without anything to support it (said in warnings).
    header_unsure: bool,
}

impl Profiler {
    pub fn new(opts: Options) -> Result<Profiler> {
        opts.validate()?;
        Ok(Profiler {
            fields: Fields::new(opts.delimiter.unwrap_or(b','), opts.limits.max_cell_bytes),
            delimiter: opts.delimiter.unwrap_or(b','),
            has_header: opts.has_header.unwrap_or(true),
            stage: Stage::Sniffing(Vec::new()),
            columns: Vec::new(),
            record: Vec::new(),
            field_index: 0,
            record_no: 1,
            record_line: 1,
            head_bytes: 0,
            first_nul: None,
            parsed: 0,
            bytes: 0,
            data_rows: 0,
            ragged_rows: 0,
            first_ragged: None,
            bom_checked: false,
            header_unsure: false,
            opts,
        })
    }

    /// Bytes pushed so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// Data rows completed so far.
    pub fn rows_read(&self) -> u64 {
        self.data_rows
    }

    /// Feeds the next chunk of the input.
    pub fn push(&mut self, chunk: &[u8]) -> Result<()> {
        self.bytes += chunk.len() as u64;
        self.opts.check_input_size(self.bytes)?;
        match &mut self.stage {
            Stage::Sniffing(buf) => {
                buf.extend_from_slice(chunk);
                if buf.len() >= SNIFF_BYTES {
                    let buf = std::mem::take(buf);
                    self.start(&buf, false)?;
                }
                Ok(())
            }
            Stage::Done => Err(Error::State {
                message: "push after finish".into(),
            }),
            _ => {
                self.note_nul(chunk, self.bytes - chunk.len() as u64);
                self.parse(chunk, false)
            }
        }
    }

    /// Remembers where the first NUL byte is. A NUL anywhere means binary data, not CSV text: the
    /// parser stops when it reaches it (not when it is pushed), so whatever error comes first in
    /// the file is the one reported, however the input is cut into chunks.
    fn note_nul(&mut self, bytes: &[u8], offset: u64) {
        if self.first_nul.is_none() {
            self.first_nul = memchr::memchr(0, bytes).map(|i| offset + i as u64);
        }
    }

    /// Ends the input and returns the profile.
    pub fn finish(&mut self) -> Result<TableProfile> {
        if let Stage::Sniffing(buf) = &mut self.stage {
            let buf = std::mem::take(buf);
            self.start(&buf, true)?;
        }
        if matches!(self.stage, Stage::Done) {
            return Err(Error::State {
                message: "finish called twice".into(),
            });
        }
        self.parse(&[], true)?;
        if let Stage::Head(rows) = std::mem::replace(&mut self.stage, Stage::Body) {
            if rows.is_empty() {
                return Err(Error::EmptyInput {
                    source: self.opts.source.clone(),
                });
            }
            self.decide_header(rows)?;
        }
        self.stage = Stage::Done;
        let mut warnings = Vec::new();
        if let Some(w) = sample_budget_warning(&self.opts, &self.columns) {
            warnings.push(w);
        }
        if self.header_unsure {
            warnings.push(
                "the first row was taken as the header, but nothing in it looks like one (no known header word, no numbers or dates below it); if it is data, pass --no-header (hasHeader: false)"
                    .to_string(),
            );
        }
        if let Some(row) = self.first_ragged {
            warnings.push(format!(
                "{} rows have a different number of fields than the header (first: row {row}); missing cells count as nulls, extra cells are ignored",
                self.ragged_rows
            ));
        }
        for c in &self.columns {
            if c.non_utf8 > 0 {
                warnings.push(format!(
                    "column '{}': {} cells are not valid UTF-8 and were read as Latin-1",
                    crate::display::quoted(&c.display_name()),
                    c.non_utf8
                ));
            }
        }
        Ok(TableProfile {
            columns: std::mem::take(&mut self.columns),
            rows: self.data_rows,
            bytes: self.bytes,
            delimiter: self.delimiter,
            has_header: self.has_header,
            header_unsure: self.header_unsure,
            ragged_rows: self.ragged_rows,
            warnings,
        })
    }

    /// Sniffs the prefix, sets up the CSV reader and parses the prefix.
    fn start(&mut self, prefix: &[u8], complete: bool) -> Result<()> {
        let source = &self.opts.source;
        match sniff::inspect(prefix) {
            sniff::Content::Text => {}
            sniff::Content::Binary { offset, what } => {
                return Err(Error::BinaryInput {
                    source: source.clone(),
                    offset,
                    what: what.into(),
                })
            }
            sniff::Content::Encoding(enc) => {
                return Err(Error::UnsupportedEncoding {
                    source: source.clone(),
                    encoding: enc.into(),
                })
            }
        }
        // The sniffer looks for NUL bytes in the first few KiB only.
        self.note_nul(prefix, 0);
        let body = prefix.strip_prefix(b"\xef\xbb\xbf").unwrap_or(prefix);
        self.parsed = (prefix.len() - body.len()) as u64;
        self.bom_checked = true;
        if body.iter().all(|b| b.is_ascii_whitespace()) && complete {
            return Err(Error::EmptyInput {
                source: self.opts.source.clone(),
            });
        }
        self.delimiter = self
            .opts
            .delimiter
            .unwrap_or_else(|| sniff::sniff_delimiter(body, complete));
        self.fields = Fields::new(self.delimiter, self.opts.limits.max_cell_bytes);
        self.stage = Stage::Head(Vec::new());
        self.parse(body, complete)
    }

    fn position(&self, column: Option<String>) -> Position {
        Position {
            source: self.opts.source.clone(),
            row: self.record_no,
            line: self.record_line,
            column,
        }
    }

    /// The name to show for a column, also before the header is decided (then the first row's
    /// cell is the best guess, as nearly every CSV has a header).
    fn column_name(&self, index: usize) -> String {
        if let Some(c) = self.columns.get(index) {
            return crate::display::shortened(&c.display_name());
        }
        let head = match &self.stage {
            Stage::Head(rows) => rows.first().or(Some(&self.record)),
            _ => None,
        };
        head.and_then(|r| r.get(index))
            .map(|s| crate::display::shortened(&String::from_utf8_lossy(&s[..s.len().min(1024)])))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("column_{}", index + 1))
    }

    /// Runs csv-core over `input`; with `eof`, flushes the last record.
    fn parse(&mut self, mut input: &[u8], eof: bool) -> Result<()> {
        loop {
            // csv-core reads an empty input as the end of the data: only pass one at the real end.
            if input.is_empty() && !eof {
                return Ok(());
            }
            let (event, nin) = self.fields.step(input, eof);
            if let Some(at) = self.first_nul.filter(|&at| at < self.parsed + nin as u64) {
                return Err(Error::BinaryInput {
                    source: self.opts.source.clone(),
                    offset: at,
                    what: "binary data (it holds NUL bytes)".into(),
                });
            }
            self.parsed += nin as u64;
            input = &input[nin..];
            match event {
                Err(Problem::CellTooLarge) => return Err(self.cell_too_large()),
                Err(Problem::UnterminatedQuote) => {
                    let col = self.column_name(self.field_index);
                    return Err(Error::UnterminatedQuote {
                        at: self.position(Some(col)),
                    });
                }
                Ok(Event::NeedInput | Event::End) => return Ok(()),
                Ok(Event::More) => {}
                Ok(Event::Field { record_end }) => self.on_field(record_end)?,
            }
        }
    }

    fn cell_too_large(&self) -> Error {
        Error::CellTooLarge {
            at: self.position(Some(self.column_name(self.field_index))),
            limit: self.opts.limits.max_cell_bytes,
        }
    }

    fn on_field(&mut self, record_end: bool) -> Result<()> {
        let limit = self.opts.limits.max_columns;
        if self.field_index >= limit {
            return Err(Error::TooManyColumns {
                at: self.position(None),
                found: self.field_index + 1,
                limit,
            });
        }
        let cell = self.fields.cell();
        if matches!(self.stage, Stage::Head(_)) {
            self.record.push(cell.to_vec());
            self.head_bytes += cell.len();
            if self.head_bytes > HEAD_BYTES {
                self.end_head_early()?;
            }
        } else if let Some(col) = self.columns.get_mut(self.field_index) {
            col.add(cell);
        }
        self.fields.clear();
        self.field_index += 1;
        if record_end {
            self.end_record()?;
        }
        Ok(())
    }

    fn end_record(&mut self) -> Result<()> {
        let fields = self.field_index;
        self.field_index = 0;
        self.record_no += 1;
        self.record_line = self.fields.line();
        match &mut self.stage {
            Stage::Head(rows) => {
                rows.push(std::mem::take(&mut self.record));
                if rows.len() > HEAD_RECORDS {
                    let rows = std::mem::take(rows);
                    self.stage = Stage::Body;
                    self.decide_header(rows)?;
                }
            }
            _ => {
                self.data_rows += 1;
                let n = self.columns.len();
                if fields != n {
                    self.note_ragged();
                }
                for col in self.columns.iter_mut().skip(fields) {
                    col.add_missing();
                }
            }
        }
        Ok(())
    }

    /// The head holds more than [`HEAD_BYTES`]: decides on the header with the records complete so
    /// far and streams the rest, the current record's cells first.
    fn end_head_early(&mut self) -> Result<()> {
        let rows = match std::mem::replace(&mut self.stage, Stage::Body) {
            Stage::Head(rows) if !rows.is_empty() => rows,
            _ => {
                return Err(Error::RowTooLarge {
                    at: self.position(None),
                    limit: HEAD_BYTES,
                })
            }
        };
        self.decide_header(rows)?;
        for (col, cell) in self.columns.iter_mut().zip(std::mem::take(&mut self.record)) {
            col.add(&cell);
        }
        self.head_bytes = 0;
        Ok(())
    }

    fn note_ragged(&mut self) {
        self.ragged_rows += 1;
        if self.first_ragged.is_none() {
            // record_no already points at the next record.
            self.first_ragged = Some(self.record_no - 1);
        }
    }

    /// Creates the columns from the head records and replays the data rows among them.
    fn decide_header(&mut self, rows: Vec<Vec<Vec<u8>>>) -> Result<()> {
        self.has_header = match self.opts.has_header {
            Some(given) => given,
            None => {
                let text: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| r.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect())
                    .collect();
                let guess = sniff::detect_header(&text);
                self.header_unsure = guess.header && !guess.sure;
                guess.header
            }
        };
        let width = if self.has_header {
            rows.first().map_or(0, Vec::len)
        } else {
            rows.iter().map(Vec::len).max().unwrap_or(0)
        };
        let o = &self.opts;
        let capacity = o.sample_capacity(width);
        self.columns = (0..width)
            .map(|i| {
                let name = if self.has_header {
                    rows.first()
                        .and_then(|r| r.get(i))
                        .map(|s| header_text(s))
                        .unwrap_or_default()
                } else {
                    String::new()
                };
                ColumnProfile::new(name, i, capacity, o.seed, o.limits.max_value_bytes)
            })
            .collect();
        let skip = usize::from(self.has_header);
        let first_data_row = 1 + skip as u64;
        for (k, row) in rows.iter().enumerate().skip(skip) {
            self.data_rows += 1;
            if row.len() != width {
                self.ragged_rows += 1;
                self.first_ragged.get_or_insert(first_data_row + (k - skip) as u64);
            }
            for (i, col) in self.columns.iter_mut().enumerate() {
                match row.get(i) {
                    Some(v) => col.add(v),
                    None => col.add_missing(),
                }
            }
        }
        Ok(())
    }
}

/// A header cell as text: UTF-8, or Latin-1 when it is not valid UTF-8 (as for values).
pub(crate) fn header_text(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.trim().to_string(),
        Err(_) => raw.iter().map(|&b| b as char).collect::<String>().trim().to_string(),
    }
}

/// Profiles a whole in-memory CSV.
pub fn profile_bytes(data: &[u8], opts: Options) -> Result<TableProfile> {
    let mut p = Profiler::new(opts)?;
    p.push(data)?;
    p.finish()
}

/// Profiles a CSV read from a stream in 1 MiB chunks (memory stays bounded whatever its size).
pub fn profile_reader(r: impl std::io::Read, opts: Options) -> Result<TableProfile> {
    let source = opts.source.clone();
    let mut p = Profiler::new(opts)?;
    for_each_chunk(r, &source, |chunk| p.push(chunk))?;
    p.finish()
}

/// Reads `r` to its end in 1 MiB chunks, handing each to `f`; a read error names `source`.
pub(crate) fn for_each_chunk(
    mut r: impl std::io::Read,
    source: &str,
    mut f: impl FnMut(&[u8]) -> Result<()>,
) -> Result<()> {
    let mut buf = vec![0u8; 1 << 20];
    loop {
        match r.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => f(&buf[..n])?,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(Error::Io {
                    source: source.to_string(),
                    message: e.to_string(),
                })
            }
        }
    }
}

/// Profiles columns given directly as name + values (no CSV involved).
pub fn profile_columns<S: AsRef<str>>(columns: &[(String, Vec<Option<S>>)], opts: Options) -> Result<TableProfile> {
    opts.validate()?;
    // No columns is no data, as an empty CSV is (one answer for both forms of input).
    if columns.is_empty() {
        return Err(Error::EmptyInput { source: opts.source });
    }
    if columns.len() > opts.limits.max_columns {
        return Err(Error::TooManyColumns {
            at: Position {
                source: opts.source.clone(),
                row: 1,
                line: 1,
                column: None,
            },
            found: columns.len(),
            limit: opts.limits.max_columns,
        });
    }
    let rows = columns.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    let capacity = opts.sample_capacity(columns.len());
    let mut out = Vec::with_capacity(columns.len());
    for (i, (name, values)) in columns.iter().enumerate() {
        let mut c = ColumnProfile::new(name.clone(), i, capacity, opts.seed, opts.limits.max_value_bytes);
        for v in values {
            match v {
                Some(s) => c.add(s.as_ref().as_bytes()),
                None => c.add_missing(),
            }
        }
        for _ in values.len()..rows {
            c.add_missing();
        }
        out.push(c);
    }
    let warnings = sample_budget_warning(&opts, &out).into_iter().collect();
    Ok(TableProfile {
        columns: out,
        rows: rows as u64,
        bytes: 0,
        delimiter: b',',
        has_header: true,
        header_unsure: false,
        ragged_rows: 0,
        warnings,
    })
}

/// Says so when a wide table got fewer sampled values per column than asked for, and a column
/// had more values than its sample could hold.
fn sample_budget_warning(opts: &Options, columns: &[ColumnProfile]) -> Option<String> {
    let capacity = opts.sample_capacity(columns.len());
    let cut = columns.iter().any(|c| c.non_null() > capacity as u64);
    (capacity < opts.sample_size && cut).then(|| {
        let columns = columns.len();
        format!(
            "{columns} columns: each column's sample holds at most {capacity} values (not {}) to keep all samples within {} bytes; raise max_sample_bytes / --max-sample-bytes for more",
            opts.sample_size, opts.limits.max_sample_bytes
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options {
            source: "t.csv".into(),
            ..Options::default()
        }
    }

    fn profile(data: &[u8]) -> Result<TableProfile> {
        profile_bytes(data, opts())
    }

    #[test]
    fn parses_quotes_newlines_bom_crlf() {
        let t = profile(b"\xef\xbb\xbfname,note\r\nAnn,\"a, \"\"b\"\"\nc\"\r\nBob,x\r\n").unwrap();
        assert_eq!(t.columns.len(), 2);
        assert_eq!(t.columns[0].name, "name");
        assert_eq!(t.rows, 2);
        assert_eq!(t.columns[1].sample[0], "a, \"b\"\nc");
    }

    #[test]
    fn chunking_does_not_change_the_result() {
        let mut data = b"id;city;amount\n".to_vec();
        for i in 0..5000 {
            data.extend_from_slice(format!("{i};\"Town {}\";{}.5\n", i % 97, i * 3).as_bytes());
        }
        let whole = profile(&data).unwrap();
        for size in [1usize, 7, 4096, 70_000] {
            let mut p = Profiler::new(opts()).unwrap();
            for c in data.chunks(size) {
                p.push(c).unwrap();
            }
            let t = p.finish().unwrap();
            assert_eq!(t.delimiter, b';');
            assert_eq!(t.rows, whole.rows);
            for (a, b) in t.columns.iter().zip(&whole.columns) {
                assert_eq!(a.sample, b.sample, "chunk size {size}");
                assert_eq!(a.distinct_estimate(), b.distinct_estimate());
            }
        }
    }

    #[test]
    fn empty_and_blank_inputs_are_errors() {
        for data in [&b""[..], b"\n\n\r\n", b"\xef\xbb\xbf", b"   \n"] {
            let e = profile(data).unwrap_err();
            assert_eq!(e.code(), "EMPTY_INPUT", "{data:?}");
            assert!(e.to_string().contains("t.csv"));
        }
    }

    #[test]
    fn header_only_gives_empty_columns() {
        let t = profile(b"name,email\n").unwrap();
        assert_eq!(t.rows, 0);
        assert_eq!(t.columns.len(), 2);
        assert_eq!(t.columns[1].non_null(), 0);
    }

    /// The result, or the error code, of profiling `data` whole and in chunks of `size` bytes.
    fn codes(data: &[u8], size: usize) -> (String, String) {
        let whole = profile(data)
            .map(|t| t.rows.to_string())
            .unwrap_or_else(|e| e.code().to_string());
        let mut p = Profiler::new(opts()).unwrap();
        let chunked = data
            .chunks(size)
            .try_for_each(|c| p.push(c))
            .and_then(|()| p.finish())
            .map(|t| t.rows.to_string())
            .unwrap_or_else(|e| e.code().to_string());
        (whole, chunked)
    }

    #[test]
    fn a_closed_quote_followed_by_text_is_not_an_open_quote() {
        // csv-core reads `"x"y"` as `xy"`: the same at the end of the input as anywhere else.
        for data in [&b"a,b\n1,\"x\"y\"\n"[..], b"a,b\n1,\"x\"y\"", b"a,b\n1,\"x\"y\"\n2,z\n"] {
            assert!(profile(data).is_ok(), "{:?}", String::from_utf8_lossy(data));
        }
        let e = profile(b"a,b\n1,\"x\"\"y\n").unwrap_err();
        assert_eq!(e.code(), "UNTERMINATED_QUOTE");
    }

    #[test]
    fn a_nul_byte_anywhere_is_binary_and_the_first_error_wins_in_any_chunking() {
        let mut late = b"id,note\n".to_vec();
        for _ in 0..20_000 {
            late.extend_from_slice(b"1,abcdefgh\n");
        }
        late.extend_from_slice(b"2,x\0y\n");
        for size in [1000, 70_000, late.len()] {
            assert_eq!(codes(&late, size), ("BINARY_INPUT".into(), "BINARY_INPUT".into()));
        }
        // A cell over the limit before the NUL is the error, whole or in chunks.
        let mut big = b"a\n".to_vec();
        big.extend(std::iter::repeat_n(b'x', (1 << 20) + 10));
        big.extend_from_slice(b"\n\0\n");
        for size in [7, 4096, big.len()] {
            assert_eq!(codes(&big, size), ("CELL_TOO_LARGE".into(), "CELL_TOO_LARGE".into()));
        }
    }

    #[test]
    fn huge_first_rows_are_streamed_or_refused_not_held() {
        let cell = vec![b'x'; 1 << 20];
        let mut wide_row = Vec::new();
        for _ in 0..9 {
            wide_row.extend_from_slice(&cell);
            wide_row.push(b',');
        }
        wide_row.extend_from_slice(b"end\n");
        // A 9 MiB data row after the header: the header is decided early, the row streams on.
        let mut data = b"a,b,c,d,e,f,g,h,i,j\n".to_vec();
        data.extend_from_slice(&wide_row);
        data.extend_from_slice(b"1,2,3,4,5,6,7,8,9,10\n");
        let t = profile(&data).unwrap();
        assert_eq!((t.rows, t.columns.len(), t.ragged_rows), (2, 10, 0));
        assert_eq!(t.columns[9].sample, vec!["end", "10"]);
        assert_eq!(t.columns[0].len_max, 1 << 20);
        // A first row of 9 MiB cannot be held to detect the header: an error naming row 1.
        let e = profile(&wide_row).unwrap_err();
        assert_eq!(e.code(), "ROW_TOO_LARGE");
        assert_eq!(e.position().map(|p| p.row), Some(1));
    }

    #[test]
    fn wide_tables_sample_within_the_total_budget() {
        let mut o = opts();
        // Three columns of 256-byte values in 7,680 bytes: ten values each.
        o.limits.max_sample_bytes = 3 * 10 * 256;
        let mut csv = b"a,b,c\n".to_vec();
        for i in 0..100 {
            csv.extend_from_slice(format!("{i},x{i},y{i}\n").as_bytes());
        }
        let t = profile_bytes(&csv, o.clone()).unwrap();
        assert!(t.columns.iter().all(|c| c.sample.len() == 10 && c.non_null() == 100));
        assert!(
            t.warnings.iter().any(|w| w.contains("at most 10 values")),
            "{:?}",
            t.warnings
        );
        let cols: Vec<(String, Vec<Option<String>>)> = (0..3)
            .map(|c| (format!("c{c}"), (0..100).map(|i| Some(i.to_string())).collect()))
            .collect();
        let t = profile_columns(&cols, o).unwrap();
        assert!(t.columns.iter().all(|c| c.sample.len() == 10));
        assert_eq!(t.warnings.len(), 1);
        // Narrow tables keep the whole sample and say nothing.
        assert!(profile(b"a\n1\n2\n").unwrap().warnings.is_empty());
    }

    #[test]
    fn ragged_rows_are_counted_and_named() {
        let t = profile(b"a,b,c\n1,2,3\n4,5\n6,7,8,9\n").unwrap();
        assert_eq!(t.ragged_rows, 2);
        assert_eq!(t.columns[2].nulls, 1);
        assert!(t.warnings[0].contains("first: row 3"), "{:?}", t.warnings);
    }

    #[test]
    fn unterminated_quote_names_row_and_column() {
        let e = profile(b"a,b\n1,2\n3,\"never closed\n4,5\n").unwrap_err();
        assert_eq!(e.code(), "UNTERMINATED_QUOTE");
        let at = e.position().unwrap();
        assert_eq!((at.row, at.column.as_deref()), (3, Some("b")));
        // A stray quote inside an unquoted field is data, not an error.
        assert!(profile(b"a,b\n1,2\"x\n").is_ok());
    }

    #[test]
    fn oversized_cell_is_an_error_with_position() {
        let mut data = b"id,blob\n1,".to_vec();
        data.extend(std::iter::repeat_n(b'x', 2 << 20));
        data.push(b'\n');
        let e = profile(&data).unwrap_err();
        assert_eq!(e.code(), "CELL_TOO_LARGE");
        assert_eq!(e.position().unwrap().column.as_deref(), Some("blob"));
    }

    #[test]
    fn a_small_cell_limit_is_exact() {
        // Limits below the parser's first buffer size must hold too: 64 bytes pass, 65 do not.
        let mut o = opts();
        o.limits.max_cell_bytes = 64;
        o.limits.max_value_bytes = 64;
        let cell = |n: usize| format!("a,b\n{},1\n", "x".repeat(n)).into_bytes();
        assert!(profile_bytes(&cell(64), o.clone()).is_ok());
        let e = profile_bytes(&cell(65), o).unwrap_err();
        assert_eq!(e.code(), "CELL_TOO_LARGE");
        assert_eq!(e.position().unwrap().column.as_deref(), Some("a"));
    }

    #[test]
    fn too_many_columns_and_bytes_are_limits() {
        let mut o = opts();
        o.limits.max_columns = 3;
        let e = profile_bytes(b"a,b,c,d\n1,2,3,4\n", o).unwrap_err();
        assert_eq!(e.code(), "TOO_MANY_COLUMNS");
        let mut o = opts();
        o.limits.max_bytes = Some(4);
        assert_eq!(profile_bytes(b"a,b\n1,2\n", o).unwrap_err().code(), "INPUT_TOO_LARGE");
    }

    #[test]
    fn binary_input_is_refused() {
        let e = profile(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(e.code(), "BINARY_INPUT");
        assert!(e.to_string().contains("PNG"));
    }

    #[test]
    fn no_header_gets_generated_names() {
        let t = profile(b"1,2\n3,4\n").unwrap();
        assert!(!t.has_header);
        assert_eq!(t.rows, 2);
        assert_eq!(t.columns[0].display_name(), "column_1");
    }

    #[test]
    fn columns_api_matches_csv() {
        let cols = vec![("email".to_string(), vec![Some("a@b.c"), None, Some("d@e.f")])];
        let t = profile_columns(&cols, opts()).unwrap();
        assert_eq!((t.rows, t.columns[0].nulls), (3, 1));
    }
}
