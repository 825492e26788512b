//! Writes a large deterministic CSV to stdout, for the memory and throughput benchmarks:
//! `cargo run --release --example gen_csv -- BYTES [COLUMNS] | datacloak classify -`

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let bytes: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1 << 30);
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
    while written < bytes {
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
