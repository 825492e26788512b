//! The properties the fuzz targets check, shared with the corpus replay test (tests/fuzz_corpus.rs)
//! so that CI checks every kept input against exactly what the fuzzer checked.
//!
//! Each function takes arbitrary bytes and panics only when DataCloak breaks a promise: a panic
//! inside the library, an error without a stable code, chunking changing the result, a feature
//! that is not finite, or a report that disagrees with its table.

use datacloak::ingest::{profile_columns, Profiler};
use datacloak::{features, Classifier, Options};

/// Small options picked by the input's first byte, so the fuzzer also explores them.
fn options(flags: u8) -> Options {
    let mut o = Options {
        sample_size: 1 + (flags as usize & 0x0f) * 8,
        delimiter: match flags >> 6 {
            0 => None,
            1 => Some(b','),
            2 => Some(b';'),
            _ => Some(b'\t'),
        },
        has_header: match (flags >> 4) & 3 {
            0 => None,
            1 => Some(true),
            _ => Some(false),
        },
        ..Options::default()
    };
    // Limits small enough for the fuzzer to hit them.
    o.limits.max_cell_bytes = 4096;
    o.limits.max_columns = 64;
    o.limits.max_value_bytes = 64;
    o
}

fn split(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&f, rest)) => (f, rest),
        None => (0, data),
    }
}

const CODES: [&str; 13] = [
    "EMPTY_INPUT",
    "BINARY_INPUT",
    "UNSUPPORTED_ENCODING",
    "UNTERMINATED_QUOTE",
    "CELL_TOO_LARGE",
    "ROW_TOO_LARGE",
    "TOO_MANY_COLUMNS",
    "INPUT_TOO_LARGE",
    "INVALID_OPTION",
    "MODEL",
    "MODEL_MISMATCH",
    "IO",
    "STATE",
];

fn profile_in_chunks(data: &[u8], opts: Options, chunk: usize) -> datacloak::Result<String> {
    let mut p = Profiler::new(opts)?;
    for c in data.chunks(chunk.max(1)) {
        p.push(c)?;
    }
    Ok(format!("{:?}", p.finish()?))
}

/// Ingest: whole input and any chunking give the same profile or the same error.
pub fn ingest(data: &[u8]) {
    let (flags, csv) = split(data);
    let opts = options(flags);
    let whole = profile_in_chunks(csv, opts.clone(), csv.len().max(1));
    let chunk = 1 + (flags as usize % 7) * 13;
    let pieces = profile_in_chunks(csv, opts, chunk);
    match (&whole, &pieces) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "chunks of {chunk} bytes changed the profile"),
        (Err(a), Err(b)) => {
            assert!(CODES.contains(&a.code()));
            assert_eq!(
                a.code(),
                b.code(),
                "chunks of {chunk} bytes changed the error: {a} / {b}"
            );
            assert!(!a.to_string().is_empty());
        }
        _ => panic!("chunks of {chunk} bytes changed the outcome: {whole:?} / {pieces:?}"),
    }
}

/// Features: any values (one per line, empty lines as nulls) give finite features of the layout's length.
pub fn features(data: &[u8]) {
    let (flags, text) = split(data);
    let text = String::from_utf8_lossy(text);
    let values: Vec<Option<&str>> = text.split('\n').map(|v| (!v.is_empty()).then_some(v)).collect();
    let name = if flags & 1 == 1 { "email" } else { "col" };
    let Ok(table) = profile_columns(&[(name.to_string(), values)], options(flags)) else {
        return;
    };
    for col in &table.columns {
        let f = features::extract(col);
        assert_eq!(f.values.len(), features::len());
        for (i, v) in f.values.iter().enumerate() {
            assert!(v.is_finite(), "feature {} is {v}", features::names()[i]);
        }
    }
}

/// The whole classify path: a report whose columns match the table, with sane numbers, or a coded error.
pub fn classify(data: &[u8]) {
    let (flags, csv) = split(data);
    let classifier = Classifier::new().expect("the embedded model loads");
    match classifier.classify_bytes(csv, &options(flags)) {
        Ok(report) => {
            assert_eq!(report.columns.len(), report.table.columns);
            let labels = classifier.model().meta.labels.len();
            for (i, c) in report.columns.iter().enumerate() {
                assert_eq!(c.index, i);
                assert!((0.0..=1.0).contains(&c.confidence), "{c:?}");
                assert!(c.rank.is_finite() && c.rank >= 0.0);
                assert!(c.alternatives.len() < labels);
                assert!(!c.evidence.is_empty());
            }
            for e in &report.table.edges {
                assert!(e.source < report.columns.len() && e.target < report.columns.len());
            }
            // The JSON is what every face prints; it must always serialise.
            assert!(report.to_json().starts_with('{'));
        }
        Err(e) => assert!(CODES.contains(&e.code()), "{e}"),
    }
}
