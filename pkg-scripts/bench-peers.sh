#!/usr/bin/env bash
# Side by side with the peers, in Node: tract (our wasm) against onnxruntime-web on the same ONNX
# model, and our CSV ingest against Papa Parse on the same 100 MB file. Writes
# target/bench-peers/peers.json and the BENCHMARKS.md section target/bench-peers/section.md.
#   bash pkg-scripts/bench-peers.sh [RUNS]     (default 5; every figure is a median of RUNS runs)
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
RUNS="${1:-5}"
out=target/bench-peers
mkdir -p "$out"

ensure_npm
# Always (quick when nothing changed): stale artefacts would measure old code.
bash pkg-scripts/build-wasm.sh --threads
[ -x target/release/examples/gen_csv ] || cargo build --release --example gen_csv --quiet

# gen_csv is deterministic: the same 100 MiB (20 columns) on every machine, made once (again when
# gen_csv is rebuilt, as its output may have changed).
csv="$out/peers-100mb.csv"
if [ ! -s "$csv" ] || [ target/release/examples/gen_csv -nt "$csv" ]; then
  target/release/examples/gen_csv 104857600 20 > "$csv.tmp"
  mv "$csv.tmp" "$csv"
fi

# --expose-gc: the benchmark collects garbage between contenders (Papa Parse leaves ~1M row arrays).
node --expose-gc tests/benches/wasm/peers.mjs --runs "$RUNS" --csv "$csv" > "$out/peers.json"
python3 pkg-scripts/bench-peers-report.py "$out/peers.json" > "$out/section.md"
cat "$out/section.md"
