#!/usr/bin/env bash
# Peak memory of the Node CLI (wasm build) on large generated CSVs, with three V8 settings, and
# where the memory goes. Writes target/bench-wasm/node-memory.jsonl and node-memory-breakdown.jsonl
# for bench-report.py. Run by bench-wasm.sh; alone (after a wasm build):
#   bash pkg-scripts/bench-node-memory.sh [RUNS]     (default 3 runs of each setting)
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
RUNS="${1:-3}"
out=target/bench-wasm
mkdir -p "$out"
[ -x target/release/examples/gen_csv ] || cargo build --release --example gen_csv --quiet

echo "== Node CLI on large generated CSVs: peak RSS (memory must stay flat as the file grows)"
: > "$out/node-memory.jsonl"
# The CLI as shipped (it tunes V8's wasm compiler for itself, see tuneCompiler in cli.js); V8's own
# defaults (the CLI leaves V8 alone when any wasm flag is given, so restating the default tier-up
# budget is enough); `--liftoff-only` (baseline compiler only: no optimising compiler's code or
# compile-time memory, slower code) to show how much of the peak is compiled code.
settings=("" "--wasm-tiering-budget=1800000" "--liftoff-only")
run() { # FLAGS BYTES
  # shellcheck disable=SC2086
  target/release/examples/gen_csv "$2" 20 | /usr/bin/time -f '%M %e' -o "$out/time.txt" node $1 pkg/cli.js classify - > /dev/null
  read -r kib secs < "$out/time.txt"
  echo "{\"bytes\": $2, \"node_flags\": \"$1\", \"peak_rss_kib\": $kib, \"seconds\": $secs}" | tee -a "$out/node-memory.jsonl"
}
# Interleaved, with the order rotating each round: run after run the machine drifts (an earlier
# version ran each setting's runs in a block, and the first block came out 20 % slower than an
# interleaved re-run of the same two settings).
for i in $(seq "$RUNS"); do
  run "" 268435456
  for k in 0 1 2; do
    run "${settings[$(((k + i) % 3))]}" 1073741824
  done
done

# Where the memory goes (tests/benches/wasm/node-memory.mjs), with the CLI's settings and with V8's.
target/release/examples/gen_csv 268435456 20 > "$out/memory-input.csv"
: > "$out/node-memory-breakdown.jsonl"
for flags in "--wasm-tiering-budget=100000000 --wasm-num-compilation-tasks=1" "--wasm-tiering-budget=1800000"; do
  # shellcheck disable=SC2086
  node $flags tests/benches/wasm/node-memory.mjs "$out/memory-input.csv" >> "$out/node-memory-breakdown.jsonl"
done
rm -f "$out/memory-input.csv"

# Node alone, and Node with the package loaded and its model ready, before any data.
for what in bare init; do
  for i in $(seq "$RUNS"); do
    if [ "$what" = bare ]; then /usr/bin/time -f '%M' -o "$out/time.txt" node -e 0
    else /usr/bin/time -f '%M' -o "$out/time.txt" node --input-type=module -e "import {init, info} from './pkg/node.js'; await init(); info();"; fi
    echo "{\"baseline\": \"$what\", \"peak_rss_kib\": $(cat "$out/time.txt")}" | tee -a "$out/node-memory.jsonl"
  done
done
