//! The one error type of DataCloak.
//!
//! Every message names what the user can act on: the input (file name as the caller gave it),
//! the row (1-based record number, the header being row 1) and the column, or the option to change.

use std::fmt;

/// Where in the input a problem was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// Name of the input as the caller gave it (a path, `-` for stdin, `<input>` for in-memory data).
    pub source: String,
    /// 1-based record number; the header row (if any) is row 1.
    pub row: u64,
    /// 1-based physical line where the record starts.
    pub line: u64,
    /// Column header (or `column_N` when there is none), if the problem is in one cell.
    pub column: Option<String>,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: row {} (line {})", self.source, self.row, self.line)?;
        if let Some(c) = &self.column {
            write!(f, ", column '{c}'")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong on a public path. Stable machine-readable codes come from [`Error::code`].
/// Non-exhaustive: new kinds of failure may be added; match on [`Error::code`] or keep a `_` arm.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no data at all (zero bytes, or only blank lines / a BOM).
    EmptyInput { source: String },
    /// The input is not text: a NUL byte or the signature of a known binary format.
    BinaryInput { source: String, offset: u64, what: String },
    /// The input is text in an encoding we do not read (e.g. UTF-16); the user should convert it.
    UnsupportedEncoding { source: String, encoding: String },
    /// A quoted field was still open when the input ended.
    UnterminatedQuote { at: Position },
    /// One cell is longer than the configured cell limit (often a quote that was never closed).
    CellTooLarge { at: Position, limit: usize },
    /// The first row is longer than the bytes held to detect the header (see `ingest::HEAD_BYTES`).
    RowTooLarge { at: Position, limit: usize },
    /// A row has more fields than the configured column limit.
    TooManyColumns { at: Position, found: usize, limit: usize },
    /// The input is larger than the configured byte limit.
    InputTooLarge { source: String, limit: u64 },
    /// An option has a value that cannot work.
    InvalidOption { name: String, message: String },
    /// The model bytes could not be read or run.
    Model { message: String },
    /// The model reads, but does not fit this build (labels, feature layout, sizes, checksum).
    ModelMismatch {
        what: String,
        expected: String,
        found: String,
    },
    /// Reading the input failed (only the CLI and stream adapters produce this).
    Io { source: String, message: String },
    /// The caller used the profiler after `finish`, or similar misuse of a streaming API.
    State { message: String },
    /// A cloak policy cannot be used: `rule` is where in the document (`columns."ssn"`), `column`
    /// the table column it was applied to, if any.
    Policy {
        /// The policy's name as the caller gave it (a path, or `policy`).
        source: String,
        rule: String,
        column: Option<String>,
        message: String,
    },
    /// The report given to the cloak does not describe this input (other columns, or not a report).
    ReportMismatch { source: String, message: String },
    /// A rules document cannot be used: `rule` is where in it (`rules[2].value.regex`).
    Rules {
        /// The document's name as the caller gave it (a path, or `rules`).
        source: String,
        rule: String,
        message: String,
    },
}

impl Error {
    /// A short stable identifier, for programs (JS `error.code`, CLI exit-code mapping).
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyInput { .. } => "EMPTY_INPUT",
            Error::BinaryInput { .. } => "BINARY_INPUT",
            Error::UnsupportedEncoding { .. } => "UNSUPPORTED_ENCODING",
            Error::UnterminatedQuote { .. } => "UNTERMINATED_QUOTE",
            Error::CellTooLarge { .. } => "CELL_TOO_LARGE",
            Error::RowTooLarge { .. } => "ROW_TOO_LARGE",
            Error::TooManyColumns { .. } => "TOO_MANY_COLUMNS",
            Error::InputTooLarge { .. } => "INPUT_TOO_LARGE",
            Error::InvalidOption { .. } => "INVALID_OPTION",
            Error::Model { .. } => "MODEL",
            Error::ModelMismatch { .. } => "MODEL_MISMATCH",
            Error::Io { .. } => "IO",
            Error::State { .. } => "STATE",
            Error::Policy { .. } => "POLICY",
            Error::ReportMismatch { .. } => "REPORT_MISMATCH",
            Error::Rules { .. } => "RULES",
        }
    }

    /// The name of the input the error concerns, when it concerns one.
    pub fn input(&self) -> Option<&str> {
        match self {
            Error::EmptyInput { source }
            | Error::BinaryInput { source, .. }
            | Error::UnsupportedEncoding { source, .. }
            | Error::InputTooLarge { source, .. }
            | Error::Io { source, .. }
            | Error::ReportMismatch { source, .. }
            | Error::Policy { source, .. }
            | Error::Rules { source, .. } => Some(source),
            _ => self.position().map(|p| p.source.as_str()),
        }
    }

    /// The option at fault, as JSON callers (the JS API) spell it: the camelCase key of an invalid
    /// option, `policy` for a policy error, `rules` for a rules error.
    pub fn option(&self) -> Option<String> {
        match self {
            Error::InvalidOption { name, .. } => Some(crate::options::json_name(name)),
            Error::Policy { .. } => Some("policy".into()),
            Error::Rules { .. } => Some("rules".into()),
            _ => None,
        }
    }

    /// The position the error concerns, when it concerns one cell or row.
    pub fn position(&self) -> Option<&Position> {
        match self {
            Error::UnterminatedQuote { at }
            | Error::CellTooLarge { at, .. }
            | Error::RowTooLarge { at, .. }
            | Error::TooManyColumns { at, .. } => Some(at),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyInput { source } => {
                write!(f, "{source}: no data (the input is empty or holds only blank lines)")
            }
            Error::BinaryInput { source, offset, what } => write!(
                f,
                "{source}: this looks like {what}, not CSV text (byte {offset}); export the table as CSV first"
            ),
            Error::UnsupportedEncoding { source, encoding } => write!(
                f,
                "{source}: the text is {encoding}; convert it to UTF-8 (e.g. `iconv -f {encoding} -t UTF-8`)"
            ),
            Error::UnterminatedQuote { at } => write!(
                f,
                "{at}: a quoted field opened here is never closed; check for a stray '\"' in that cell"
            ),
            Error::CellTooLarge { at, limit } => write!(
                f,
                "{at}: the cell is longer than the limit of {limit} bytes (raise max_cell_bytes / --max-cell-bytes; a quote that is never closed also does this)"
            ),
            Error::RowTooLarge { at, limit } => write!(
                f,
                "{at}: the first row is longer than {limit} bytes; the first rows are held to detect the header, so the first row must fit (is this a CSV with line breaks, and is the delimiter right?)"
            ),
            Error::TooManyColumns { at, found, limit } => write!(
                f,
                "{at}: the row has {found} fields, more than the limit of {limit} columns (raise max_columns / --max-columns, or check the delimiter)"
            ),
            Error::InputTooLarge { source, limit } => write!(
                f,
                "{source}: the input is larger than the limit of {limit} bytes (raise max_bytes / --max-bytes)"
            ),
            Error::InvalidOption { name, message } => write!(f, "option {name}: {message}"),
            Error::Model { message } => write!(f, "model: {message}"),
            Error::ModelMismatch { what, expected, found } => write!(
                f,
                "model does not fit this build: {what} should be {expected} but is {found}"
            ),
            Error::Io { source, message } => write!(f, "{source}: {message}"),
            Error::State { message } => write!(f, "{message}"),
            Error::Policy {
                source, rule, message, ..
            } => write!(f, "{source}: policy {rule}: {message}"),
            Error::ReportMismatch { source, message } => write!(f, "{source}: {message}"),
            Error::Rules { source, rule, message } => write!(f, "{source}: {rule}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand used across the crate.
pub type Result<T> = std::result::Result<T, Error>;
