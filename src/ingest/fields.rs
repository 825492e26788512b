//! csv-core's field reader with what every reader of a CSV here adds to it (the profiler and the
//! cloak): a cell buffer that grows up to the cell limit, and the quote tracking that tells a quote
//! still open at the end of the input from a closed one. One definition, so that classify and
//! cloak read a file the same way.

use csv_core::{ReadFieldResult, Reader, ReaderBuilder};

/// What one step read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// A whole field is in [`Fields::cell`]; `record_end` when it ends its record.
    Field { record_end: bool },
    /// The input given is used up (more may follow).
    NeedInput,
    /// The cell buffer grew; call again with the rest of the input.
    More,
    /// The data ended (only after `eof`).
    End,
}

/// Why a step stopped the reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The current cell is longer than the cell limit.
    CellTooLarge,
    /// The input ended inside a quoted field.
    UnterminatedQuote,
}

pub(crate) struct Fields {
    reader: Reader,
    cell: Vec<u8>,
    len: usize,
    max_cell: usize,
    at_field_start: bool,
    field_quoted: bool,
    quote: QuoteState,
}

impl Fields {
    pub(crate) fn new(delimiter: u8, max_cell: usize) -> Fields {
        Fields {
            reader: ReaderBuilder::new().delimiter(delimiter).build(),
            cell: vec![0; max_cell.saturating_add(1).min(4096)],
            len: 0,
            max_cell,
            at_field_start: true,
            field_quoted: false,
            quote: QuoteState::Before,
        }
    }

    /// The field read by the last step that returned [`Event::Field`].
    pub(crate) fn cell(&self) -> &[u8] {
        self.cell.get(..self.len).unwrap_or_default()
    }

    /// The line the reader is on (1-based), for positions in errors.
    pub(crate) fn line(&self) -> u64 {
        self.reader.line()
    }

    /// One call of csv-core on `input` (`eof`: nothing follows it). Returns what happened and the
    /// bytes consumed, which the caller accounts for (and checks, e.g. for NUL bytes) before it
    /// looks at a problem. After a field, the next step starts a new cell.
    pub(crate) fn step(&mut self, input: &[u8], eof: bool) -> (Result<Event, Problem>, usize) {
        if self.at_field_start {
            if let Some(&b) = input.iter().find(|&&b| b != b'\n' && b != b'\r') {
                self.field_quoted = b == b'"';
                self.quote = QuoteState::Before;
                self.at_field_start = false;
            }
        }
        let out = self.cell.get_mut(self.len..).unwrap_or_default();
        let (res, nin, nout) = self.reader.read_field(input, out);
        if self.field_quoted {
            self.quote = input[..nin].iter().fold(self.quote, |q, &b| q.next(b));
        }
        self.len += nout;
        let event = match res {
            ReadFieldResult::InputEmpty if !eof => Ok(Event::NeedInput),
            ReadFieldResult::InputEmpty => Ok(Event::More),
            ReadFieldResult::OutputFull => {
                // The buffer may reach max + 1 bytes: csv-core reports a full buffer before it
                // sees the delimiter, so a cell of exactly `max` bytes needs one spare byte.
                let cap = self.max_cell.saturating_add(1);
                if self.cell.len() >= cap {
                    Err(Problem::CellTooLarge)
                } else {
                    let grown = (self.cell.len() * 2).min(cap);
                    self.cell.resize(grown, 0);
                    Ok(Event::More)
                }
            }
            ReadFieldResult::Field { record_end } => {
                if self.len > self.max_cell {
                    Err(Problem::CellTooLarge)
                } else if eof && nin == input.len() && self.field_quoted && self.quote == QuoteState::Open {
                    Err(Problem::UnterminatedQuote)
                } else {
                    self.at_field_start = true;
                    Ok(Event::Field { record_end })
                }
            }
            ReadFieldResult::End => Ok(Event::End),
        };
        (event, nin)
    }

    /// The cell buffer and the length of the field just read, moved out (so that the caller may
    /// borrow itself mutably while it looks at the field); hand it back with [`Fields::put_cell`].
    pub(crate) fn take_cell(&mut self) -> (Vec<u8>, usize) {
        (std::mem::take(&mut self.cell), self.len)
    }

    /// Returns the buffer [`Fields::take_cell`] took; the next cell starts empty.
    pub(crate) fn put_cell(&mut self, cell: Vec<u8>) {
        self.cell = cell;
        self.len = 0;
    }

    /// Empties the cell after its field was handled.
    pub(crate) fn clear(&mut self) {
        self.len = 0;
    }
}

/// Where a quoted field stands, to tell at the end of the input whether its quote is still open.
/// Mirrors csv-core: `""` inside quotes is a quote, and after the closing quote the rest of the
/// field is literal text, quotes included (`"x"y"` is `xy"`, not an open quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    /// Before the opening quote.
    Before,
    /// Inside the quotes.
    Open,
    /// A quote seen inside the quotes: an escaped quote if another follows, else the close.
    QuoteInQuote,
    /// After the closing quote.
    Closed,
}

impl QuoteState {
    fn next(self, b: u8) -> QuoteState {
        match (self, b) {
            (QuoteState::Before, b'"') => QuoteState::Open,
            (QuoteState::Before, _) => QuoteState::Before,
            (QuoteState::Open, b'"') => QuoteState::QuoteInQuote,
            (QuoteState::Open, _) => QuoteState::Open,
            (QuoteState::QuoteInQuote, b'"') => QuoteState::Open,
            (QuoteState::QuoteInQuote, _) | (QuoteState::Closed, _) => QuoteState::Closed,
        }
    }
}
