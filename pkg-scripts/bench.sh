#!/usr/bin/env bash
# Runs the native benchmarks and writes BENCHMARKS.md:
#   criterion benches (tests/benches/pipeline.rs), then the memory run on a generated CSV.
# SIZE (bytes of the generated CSV, default 1 GiB) and RUNS (memory runs, default 3) can be set.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh

SIZE="${SIZE:-1073741824}"
RUNS="${RUNS:-3}"
cargo bench --bench pipeline -- --noplot
cargo build --release --example gen_csv --example peak_rss
out=target/bench-memory.jsonl
: > "$out"
for i in $(seq "$RUNS"); do
  target/release/examples/gen_csv "$SIZE" 20 | target/release/examples/peak_rss | tee -a "$out"
done
python3 pkg-scripts/bench-report.py --memory "$out" --size "$SIZE" > BENCHMARKS.md
echo "wrote BENCHMARKS.md"
