#!/usr/bin/env bash
# The wasm benchmarks: Node and headless Chromium (same harness, tests/benches/wasm/), the SIMD128
# build against a scalar build, and the package sizes. Writes target/bench-wasm/*.json, which
# bench-report.py turns into the wasm section of BENCHMARKS.md. Run by bench.sh; alone:
#   bash pkg-scripts/bench-wasm.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
RUNS="${1:-7}"
out=target/bench-wasm
mkdir -p "$out"

ensure_npm
ensure_chromium
# Always (cargo makes it quick when nothing changed): stale artefacts would measure old code.
bash pkg-scripts/build-wasm.sh --threads

echo "== Node"
node tests/benches/wasm/node-bench.mjs --runs "$RUNS" > "$out/node.json"
node tests/benches/wasm/wasm-memory.mjs > "$out/wasm-memory.json"
# SCALAR=1: also a whole scalar build of the module (SIMD128 off; a full tract build, ~8 min) for an
# end-to-end comparison. The kernel-level comparison is always in the harness.
if [ "${SCALAR:-0}" = 1 ]; then
  echo "== scalar wasm build (for the SIMD128 comparison)"
  CARGO_TARGET_DIR=target/wasm-scalar CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-simd128" \
    cargo rustc --lib --profile wasm --target wasm32-unknown-unknown --crate-type cdylib --quiet
  rm -rf target/pkg-scalar && mkdir -p target/pkg-scalar
  wasm-bindgen target/wasm-scalar/wasm32-unknown-unknown/wasm/datacloak.wasm --target web \
    --out-dir target/pkg-scalar/wasm --out-name datacloak --remove-name-section --remove-producers-section
  cp pkg/*.js target/pkg-scalar/
  node tests/benches/wasm/node-bench.mjs --runs "$RUNS" --pkg target/pkg-scalar > "$out/node-scalar.json"
else
  rm -f "$out/node-scalar.json"
fi
echo "== headless Chromium (1 and 2 threads)"
node tests/benches/wasm/browser-bench.mjs --runs "$RUNS" > "$out/chromium.json"

echo "== Node CLI on large generated CSVs: peak RSS (memory must stay flat as the file grows)"
[ -x target/release/examples/gen_csv ] || cargo build --release --example gen_csv --quiet
: > "$out/node-memory.jsonl"
# The CLI as shipped (it tunes V8's wasm compiler for itself, see tuneCompiler in cli.js); then V8's
# own defaults (the CLI leaves V8 alone when any wasm flag is given, so restating the default tier-up
# budget is enough); then `--liftoff-only` (baseline compiler only: no optimising compiler's code or
# compile-time memory, slower code) to show how much of the peak is compiled code.
for flags in "" "--wasm-tiering-budget=1800000" "--liftoff-only"; do
  for size in 268435456 1073741824; do
    [ -n "$flags" ] && [ "$size" != 1073741824 ] && continue
    for i in 1 2 3; do
      # shellcheck disable=SC2086
      target/release/examples/gen_csv "$size" 20 | /usr/bin/time -f '%M %e' -o "$out/time.txt" node $flags pkg/cli.js classify - > /dev/null
      read -r kib secs < "$out/time.txt"
      echo "{\"bytes\": $size, \"node_flags\": \"$flags\", \"peak_rss_kib\": $kib, \"seconds\": $secs}" | tee -a "$out/node-memory.jsonl"
    done
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
  for i in 1 2 3; do
    if [ "$what" = bare ]; then /usr/bin/time -f '%M' -o "$out/time.txt" node -e 0
    else /usr/bin/time -f '%M' -o "$out/time.txt" node --input-type=module -e "import {init, info} from './pkg/node.js'; await init(); info();"; fi
    echo "{\"baseline\": \"$what\", \"peak_rss_kib\": $(cat "$out/time.txt")}" | tee -a "$out/node-memory.jsonl"
  done
done

echo "== sizes"
wdir=$(mktemp -d)
CI=1 WRANGLER_SEND_METRICS=false node_modules/.bin/wrangler deploy --dry-run --outdir "$wdir" \
  --config www/worker/wrangler.toml > "$wdir/log.txt" 2>&1
python3 - "$wdir" > "$out/sizes.json" <<'PY'
import glob, gzip, json, os, subprocess, sys
def sizes(paths):
    raw = b"".join(open(p, "rb").read() for p in paths)
    br = subprocess.run(["brotli", "-c", "-q", "11"], input=raw, capture_output=True).stdout if subprocess.run(["which", "brotli"], capture_output=True).returncode == 0 else b""
    return {"raw": len(raw), "gzip": len(gzip.compress(raw, 9)), "brotli": len(br) or None}
js = sorted(glob.glob("pkg/*.js")) + ["pkg/wasm/datacloak.js"]
worker = [p for p in glob.glob(os.path.join(sys.argv[1], "*")) if not p.endswith((".map", ".md", "log.txt"))]
print(json.dumps({
    "wasm": sizes(["pkg/wasm/datacloak_bg.wasm"]),
    "wasm_threads": sizes(["pkg/threads/datacloak_bg.wasm"]),
    "js": sizes(js),
    "model": sizes(["models/datacloak-v1/model.onnx"]),
    "worker_bundle": sizes(worker),
}, indent=2))
PY
cat "$out/sizes.json"
