//! The bad-input catalogue (tests/bad_input/catalogue.json; format in tests/bad_input/README.md)
//! run through the native library. tests/node/bad-input.test.mjs runs the same catalogue through
//! the wasm package, so both builds are held to the same expectations.
//!
//! Every case runs on its own thread under `catch_unwind` and a time limit, so a panic or a hang
//! is reported as a failure of that case, and under a counting allocator, so a case that grows
//! the heap without bound fails too. All failures are collected and reported together.

use datacloak::{Classifier, Error, Options, Report};
use serde_json::{json, Map, Value};
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Heap a case may add at its peak unless it says otherwise (`max_alloc_mb`).
const BUDGET_MB: u64 = 256;
/// A healthy case takes seconds even in the dev profile; beyond this (or the case's own
/// `max_seconds`) it counts as a hang.
const TIME_LIMIT_S: u64 = 180;
/// Inputs up to this size are also held whole and run through `classify_bytes`.
const WHOLE_MAX: u64 = 1 << 20;

// ---- a counting allocator: live bytes and their high-water mark -------------------------------

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            grew(l.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(l) };
        if !p.is_null() {
            grew(l.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            LIVE.fetch_sub(l.size(), Relaxed);
            grew(new);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

// ---- inputs ------------------------------------------------------------------------------------

/// One input part. Top-level repeats are produced as they are read, never held whole.
enum Part {
    Bytes(Vec<u8>),
    Repeat { unit: Vec<u8>, times: u64 },
    Fail(String),
}

impl Part {
    fn len(&self) -> u64 {
        match self {
            Part::Bytes(b) => b.len() as u64,
            Part::Repeat { unit, times } => unit.len() as u64 * times,
            Part::Fail(_) => 0,
        }
    }
}

fn part(p: &Value) -> Part {
    let s = |k: &str| p.get(k).and_then(Value::as_str);
    let utf16 = |t: &str| t.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
    if let Some(t) = s("text") {
        Part::Bytes(t.as_bytes().to_vec())
    } else if let Some(h) = s("hex") {
        let hex = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).expect("hex part");
        Part::Bytes((0..h.len()).step_by(2).map(hex).collect())
    } else if let Some(t) = s("latin1") {
        Part::Bytes(t.chars().map(|c| u8::try_from(c).expect("latin1 part")).collect())
    } else if let Some(t) = s("utf16le_bom") {
        Part::Bytes([&[0xff, 0xfe][..], &utf16(t)].concat())
    } else if let Some(t) = s("utf16le") {
        Part::Bytes(utf16(t))
    } else if let Some(unit) = p.get("repeat") {
        // The unit itself is small: a string, or parts that are materialised.
        let unit = match unit {
            Value::String(t) => t.as_bytes().to_vec(),
            parts => parts.as_array().expect("repeat unit").iter().flat_map(whole).collect(),
        };
        Part::Repeat {
            unit,
            times: p["times"].as_u64().expect("repeat times"),
        }
    } else if let Some(m) = s("fail") {
        Part::Fail(m.to_string())
    } else {
        panic!("unknown input part {p}")
    }
}

fn whole(p: &Value) -> Vec<u8> {
    match part(p) {
        Part::Bytes(b) => b,
        Part::Repeat { unit, times } => unit.repeat(times as usize),
        Part::Fail(_) => panic!("a failing part cannot be held whole"),
    }
}

/// The parts as a `Read`, at most `max_read` bytes per call; counts the bytes handed out.
struct Stream {
    parts: std::vec::IntoIter<Part>,
    current: Option<(Part, Vec<u8>)>,
    at: u64,
    max_read: usize,
    read: Arc<AtomicU64>,
}

impl Stream {
    fn new(parts: Vec<Part>, max_read: usize) -> Stream {
        Stream {
            parts: parts.into_iter(),
            current: None,
            at: 0,
            max_read,
            read: Arc::default(),
        }
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let want = buf.len().min(self.max_read);
        loop {
            if self.current.is_none() {
                let Some(p) = self.parts.next() else { return Ok(0) };
                // A repeat is served from a block of whole units of at least 1 MiB, so a unit of
                // one byte does not mean one byte per call.
                let block = match &p {
                    Part::Repeat { unit, .. } if !unit.is_empty() => unit.repeat((1 << 20) / unit.len() + 2),
                    _ => Vec::new(),
                };
                self.current = Some((p, block));
                self.at = 0;
            }
            let Some((p, block)) = &self.current else { continue };
            let left = p.len() - self.at;
            let src: &[u8] = match p {
                Part::Fail(m) => return Err(std::io::Error::other(m.clone())),
                Part::Bytes(b) => &b[self.at as usize..],
                Part::Repeat { unit, .. } => &block[(self.at % unit.len() as u64) as usize..],
            };
            let n = want.min(src.len()).min(left.min(usize::MAX as u64) as usize);
            if n == 0 {
                self.current = None;
                continue;
            }
            buf[..n].copy_from_slice(&src[..n]);
            self.at += n as u64;
            self.read.fetch_add(n as u64, Relaxed);
            return Ok(n);
        }
    }
}

fn model_bytes(spec: &Value) -> Vec<u8> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(f) = spec.get("fixture").and_then(Value::as_str) {
        return std::fs::read(root.join(f)).unwrap();
    }
    let mut m = std::fs::read(root.join("models/datacloak-v1/model.onnx")).unwrap();
    match spec["shipped"].as_str() {
        Some("truncate") => m.truncate(m.len() / 2),
        Some("corrupt") => {
            let mid = m.len() / 2;
            m[mid..mid + 64].fill(0xff);
        }
        Some("empty") => m.clear(),
        other => panic!("unknown model {other:?}"),
    }
    m
}

// ---- running a case ----------------------------------------------------------------------------

/// The source name a case's errors must carry: its `source` option, else `<id>.csv`.
fn source_of(case: &Value) -> String {
    let given = case.pointer("/options/source").and_then(Value::as_str);
    given.map_or_else(|| format!("{}.csv", case["id"].as_str().unwrap_or("?")), str::to_string)
}

/// What the library said, as JSON shaped like the JS API's: the report, or the error's fields.
struct Outcome {
    answer: Result<Value, Value>,
    bytes_read: u64,
}

fn error_json(e: &Error) -> Value {
    let mut m = Map::new();
    m.insert("code".into(), e.code().into());
    m.insert("message".into(), e.to_string().into());
    if let Some(i) = e.input() {
        m.insert("input".into(), i.into());
    }
    if let Some(p) = e.position() {
        m.insert("row".into(), p.row.into());
        m.insert("line".into(), p.line.into());
        if let Some(c) = &p.column {
            m.insert("column".into(), c.as_str().into());
        }
    }
    if let Some(option) = e.option() {
        m.insert("option".into(), option.into());
    }
    Value::Object(m)
}

fn answer(r: Result<Report, Error>) -> Result<Value, Value> {
    r.map(|r| serde_json::to_value(&r).unwrap()).map_err(|e| error_json(&e))
}

/// Runs one case; `Err` is a failure of the harness's own checks (chunking changed the answer).
fn run(case: &Value) -> Result<Outcome, String> {
    let mut options = case.get("options").cloned().unwrap_or_else(|| json!({}));
    options["source"] = source_of(case).into();
    let failed = |e: Error| {
        Ok(Outcome {
            answer: Err(error_json(&e)),
            bytes_read: 0,
        })
    };
    let opts = match Options::from_json(&options.to_string()) {
        Ok(o) => o,
        Err(e) => return failed(e),
    };
    let classifier = match case.get("model") {
        None => Classifier::new(),
        Some(spec) => Classifier::with_model_bytes(&model_bytes(spec)),
    };
    let classifier = match classifier {
        Ok(c) => c,
        Err(e) => return failed(e),
    };
    let parts: Vec<Part> = case["input"].as_array().expect("input").iter().map(part).collect();
    let size: u64 = parts.iter().map(Part::len).sum();
    if size > WHOLE_MAX || parts.iter().any(|p| matches!(p, Part::Fail(_))) {
        let stream = Stream::new(parts, usize::MAX);
        let read = stream.read.clone();
        let r = classifier.classify_reader(stream, &opts);
        return Ok(Outcome {
            answer: answer(r),
            bytes_read: read.load(Relaxed),
        });
    }
    // Small inputs: held whole, and streamed 7 bytes at a time; chunk boundaries in awkward
    // places must not change the answer.
    let bytes: Vec<u8> = parts
        .iter()
        .flat_map(|p| match p {
            Part::Bytes(b) => b.clone(),
            Part::Repeat { unit, times } => unit.repeat(*times as usize),
            Part::Fail(_) => Vec::new(),
        })
        .collect();
    let held = classifier.classify_bytes(&bytes, &opts);
    let streamed = classifier.classify_reader(Stream::new(vec![Part::Bytes(bytes)], 7), &opts);
    if held != streamed {
        return Err(format!(
            "classify_bytes and classify_reader (7-byte chunks) disagree: {:?} / {:?}",
            held.as_ref().err(),
            streamed.as_ref().err()
        ));
    }
    Ok(Outcome {
        answer: answer(held),
        bytes_read: size,
    })
}

/// `run` on its own thread: a panic or a hang becomes an `Err` naming it. Also returns the
/// heap growth at the peak.
fn guarded(case: &Value) -> Result<(Outcome, u64), String> {
    let (tx, rx) = mpsc::channel();
    let limit = Duration::from_secs(case["expect"]["max_seconds"].as_u64().unwrap_or(TIME_LIMIT_S));
    let case = case.clone();
    std::thread::spawn(move || {
        let base = LIVE.load(Relaxed);
        PEAK.store(base, Relaxed);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&case)));
        let grown = PEAK.load(Relaxed).saturating_sub(base) as u64;
        let _ = tx.send((r, grown));
    });
    match rx.recv_timeout(limit) {
        Ok((Ok(Ok(outcome)), grown)) => Ok((outcome, grown)),
        Ok((Ok(Err(msg)), _)) => Err(msg),
        Ok((Err(panic), _)) => {
            let text = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("panicked: {text}"))
        }
        Err(_) => Err(format!("no answer within {limit:?} (a hang?)")),
    }
}

// ---- checking the expectation ------------------------------------------------------------------

/// Every key of `want` must be in `got` with that value; objects are compared key by key.
fn subset(want: &Value, got: &Value, path: &str, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, v) in w {
                subset(v, g.get(k).unwrap_or(&Value::Null), &format!("{path}.{k}"), out);
            }
        }
        _ if want != got => out.push(format!("{path}: expected {want}, got {got}")),
        _ => {}
    }
}

fn check(expect: &Value, outcome: &Outcome, source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let want = |k: &str| expect.get(k).filter(|v| !v.is_null());
    match (want("error"), &outcome.answer) {
        (Some(code), Ok(_)) => out.push(format!("expected error {code}, got a report")),
        (None, Err(e)) => out.push(format!("expected a report, got {}: {}", e["code"], e["message"])),
        (Some(code), Err(e)) => {
            subset(code, &e["code"], "code", &mut out);
            for k in ["row", "line", "column", "option"] {
                if let Some(v) = want(k) {
                    subset(v, &e[k], k, &mut out);
                }
            }
            if want("input") == Some(&Value::Bool(true)) && e["input"] != source {
                out.push(format!("error does not name the input {source:?}: {e}"));
            }
            if !out.is_empty() {
                out.push(format!("(message: {})", e["message"]));
            }
        }
        (None, Ok(r)) => {
            let cols = r["columns"].as_array().cloned().unwrap_or_default();
            let col = |name: &str| cols.iter().find(|c| c["name"] == name).cloned().unwrap_or(Value::Null);
            if let Some(n) = want("columns") {
                subset(n, &cols.len().into(), "columns", &mut out);
            }
            if let Some(names) = want("names") {
                let got: Vec<Value> = cols.iter().map(|c| c["name"].clone()).collect();
                subset(names, &Value::Array(got), "names", &mut out);
            }
            for (name, label) in want("labels").and_then(Value::as_object).into_iter().flatten() {
                subset(label, &col(name)["label"], &format!("labels.{name}"), &mut out);
            }
            for (name, sub) in want("cols").and_then(Value::as_object).into_iter().flatten() {
                subset(sub, &col(name), &format!("cols.{name}"), &mut out);
            }
            if let Some(t) = want("table") {
                subset(t, &r["table"], "table", &mut out);
            }
            if let Some(w) = want("warning").and_then(Value::as_str) {
                let warnings = &r["table"]["warnings"];
                let all = warnings.as_array().into_iter().flatten().filter_map(Value::as_str);
                if !all.clone().any(|s| s.contains(w)) {
                    out.push(format!("no warning contains {w:?}: {warnings}"));
                }
            }
        }
    }
    if let Some(mb) = want("max_read_mb").and_then(Value::as_u64) {
        if outcome.bytes_read > mb << 20 {
            out.push(format!(
                "read {} bytes before answering, more than {mb} MiB",
                outcome.bytes_read
            ));
        }
    }
    out
}

/// `known_failure`: a reason for every runner, or an object of reasons by runner.
fn known_failure(case: &Value) -> Option<String> {
    let k = case.get("known_failure")?;
    k.as_str().or_else(|| k.get("native")?.as_str()).map(str::to_string)
}

#[test]
fn bad_input_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input/catalogue.json");
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        cases.len() >= 32,
        "the catalogue promises at least 32 kinds of bad input"
    );
    // The built-in model's one-off load is not any case's allocation.
    Classifier::new().unwrap();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in &cases {
        let id = case["id"].as_str().expect("id");
        if case["only"] == "wasm" {
            continue;
        }
        // BAD_INPUT_KNOWN=1 runs the known failures too (to check a fix).
        if let Some(why) = known_failure(case).filter(|_| std::env::var_os("BAD_INPUT_KNOWN").is_none()) {
            eprintln!("SKIP {id}: known failure: {why}");
            continue;
        }
        ran += 1;
        let started = Instant::now();
        let mut problems = match guarded(case) {
            Err(e) => vec![e],
            Ok((outcome, grown)) => {
                let mut p = check(&case["expect"], &outcome, &source_of(case));
                let budget = case["expect"]["max_alloc_mb"].as_u64().unwrap_or(BUDGET_MB);
                if grown > budget << 20 {
                    p.push(format!("heap grew by {} MiB, more than {budget} MiB", grown >> 20));
                }
                p
            }
        };
        eprintln!("{id}: {:.2?}", started.elapsed());
        failures.extend(problems.drain(..).map(|p| format!("{id}: {p}")));
    }
    assert!(
        failures.is_empty(),
        "bad-input catalogue: failures in {} cases run:\n{}",
        ran,
        failures.join("\n")
    );
}
