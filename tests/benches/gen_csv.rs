//! Writes a large deterministic CSV to stdout, for the memory, throughput and scale benchmarks:
//! `cargo run --release --example gen_csv -- BYTES [COLUMNS] | datacloak classify -`
//! `cargo run --release --example gen_csv -- --rows N [COLUMNS]` writes exactly N data rows
//! (plus the header) instead, so the scale benchmark can step rows and columns independently.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    // Stop at whichever limit comes first: a byte budget, or a row count with no byte limit.
    let (bytes, rows) = if args.peek().map(String::as_str) == Some("--rows") {
        args.next();
        let n = args.next().and_then(|s| s.parse().ok());
        (u64::MAX, n.expect("usage: gen_csv --rows N [COLUMNS]"))
    } else {
        (args.next().and_then(|s| s.parse().ok()).unwrap_or(1 << 30), u64::MAX)
    };
    let cols: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let kinds = [
        "email", "phone", "amount", "city", "id", "date", "name", "flag", "ip", "note",
    ];
    let cities = ["Paris", "Berlin", "Lisbon", "Austin", "Osaka", "Lima", "Oslo", "Accra"];
    let names = ["Ann Lee", "Bo Smith", "Cy Jones", "Di Brown", "Ed Garcia", "Flo Martin"];
    let out = std::io::stdout();
    let mut w = std::io::BufWriter::with_capacity(1 << 20, out.lock());
    let header: Vec<String> = (0..cols).map(|c| format!("{}_{c}", kinds[c % kinds.len()])).collect();
    let mut written = 0u64;
    let mut line = header.join(",") + "\n";
    let mut r: u64 = 0;
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    // Row r is built while row r-1 is written, so `r <= rows` writes the header plus `rows` rows.
    while written < bytes && r <= rows {
        if w.write_all(line.as_bytes()).is_err() {
            return; // reader closed the pipe
        }
        written += line.len() as u64;
        line.clear();
        for c in 0..cols {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if c > 0 {
                line.push(',');
            }
            let cell = match c % kinds.len() {
                0 => format!("user{}@example.com", x % 1_000_000),
                1 => format!("+1 555 {:03} {:04}", x % 1000, (x >> 10) % 10000),
                2 => format!("{}.{:02}", x % 100_000, (x >> 20) % 100),
                3 => cities[(x % cities.len() as u64) as usize].to_string(),
                4 => r.to_string(),
                5 => format!("20{:02}-{:02}-{:02}", x % 25, (x >> 8) % 12 + 1, (x >> 16) % 28 + 1),
                6 => names[(x % names.len() as u64) as usize].to_string(),
                7 => ["true", "false"][(x % 2) as usize].to_string(),
                8 => format!("10.{}.{}.{}", x % 256, (x >> 8) % 256, (x >> 16) % 256),
                _ => format!("\"note {} with, a comma\"", x % 977),
            };
            line.push_str(&cell);
        }
        line.push('\n');
        r += 1;
    }
    let _ = w.flush();
}
