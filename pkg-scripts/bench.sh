#!/usr/bin/env bash
# Runs the native benchmarks and writes BENCHMARKS.md:
#   criterion benches (tests/benches/pipeline.rs), then the memory run on a generated CSV.
#   then the wasm benchmarks in Node and headless Chromium (pkg-scripts/bench-wasm.sh), the peers
#   (onnxruntime-web, Papa Parse: bench-peers.sh) and the scale runs with their plot (bench-scale.sh).
# SIZE (bytes of the generated CSV, default 1 GiB) and RUNS (memory runs, default 3) can be set;
# NATIVE=0 reuses the last native results (target/criterion) and reruns only the wasm part.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh

SIZE="${SIZE:-1073741824}"
RUNS="${RUNS:-3}"
out=target/bench-memory.jsonl
if [ "${NATIVE:-1}" = 1 ]; then
  cargo bench --bench pipeline -- --noplot
  cargo build --release --example gen_csv --example peak_rss
  : > "$out"
  for i in $(seq "$RUNS"); do
    target/release/examples/gen_csv "$SIZE" 20 | target/release/examples/peak_rss | tee -a "$out"
  done
fi
bash pkg-scripts/bench-wasm.sh
bash pkg-scripts/bench-peers.sh
bash pkg-scripts/bench-scale.sh
python3 pkg-scripts/bench-report.py --memory "$out" --size "$SIZE" > BENCHMARKS.md
echo "wrote BENCHMARKS.md"
