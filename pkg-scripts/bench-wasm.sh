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
    cargo rustc --lib --profile wasm --target wasm32-unknown-unknown --crate-type cdylib --quiet --no-default-features
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

bash pkg-scripts/bench-node-memory.sh

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
    "wasm_onnx": sizes(["pkg/onnx/datacloak_onnx_bg.wasm"]),
    "wasm_threads": sizes(["pkg/threads/datacloak_threads_bg.wasm"]),
    "js": sizes(js),
    "model": sizes(["models/datacloak-v1/model.nnef.tar"]),
    "worker_bundle": sizes(worker),
}, indent=2))
PY
cat "$out/sizes.json"
