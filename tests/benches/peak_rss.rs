//! Classifies CSV from stdin and reports bytes, time and the process's peak resident memory
//! (Linux `VmHWM`), as JSON: the memory benchmark. Used by pkg-scripts/bench.sh:
//! `gen_csv 1073741824 20 | peak_rss`

use datacloak::{Classifier, Options};
use std::io::Read;
use std::time::Instant;

/// Counts bytes as they pass, so the report can say how much was read.
struct Counting<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let cls = Classifier::new().expect("built-in model");
    let mut input = Counting {
        inner: std::io::stdin().lock(),
        bytes: 0,
    };
    let start = Instant::now();
    let report = cls
        .classify_reader(
            &mut input,
            &Options {
                source: "-".into(),
                ..Options::default()
            },
        )
        .expect("classify");
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{{\"bytes\": {}, \"rows\": {}, \"columns\": {}, \"seconds\": {:.3}, \"mb_per_s\": {:.1}, \"peak_rss_kib\": {}}}",
        input.bytes,
        report.table.rows,
        report.columns.len(),
        secs,
        input.bytes as f64 / 1e6 / secs,
        peak_rss_kib()
    );
}
