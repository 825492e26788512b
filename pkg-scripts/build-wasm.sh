#!/usr/bin/env bash
# Builds the npm package into pkg/: the wasm modules (single-threaded without and with the ONNX
# reader; with --threads also the threaded browser build), their wasm-bindgen glue, and the
# hand-written JS API from js.
#
#   bash pkg-scripts/build-wasm.sh [--threads] [--dev]
#
# --dev builds with the dev profile's settings for speed of iteration (bigger, slower module).
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
ensure_wasm_tools

threads=0
profile=wasm
for a in "$@"; do
  case "$a" in
    --threads) threads=1 ;;
    --dev) profile=dev ;;
    *) echo "build-wasm.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done

out=pkg
rm -rf "$out"
mkdir -p "$out"

# The library as a cdylib for wasm32 only: the native builds keep crate-type rlib, so native tests
# do not link a shared object they never use. Two single-threaded builds: the default one
# (browsers, Node, Workers) without the ONNX reader, and pkg/onnx with it (`datacloak/onnx`, the
# Node CLI's --model), which is what custom models need. Both land on the same path, so each is taken out before the next.
dir=$profile; [ "$profile" = dev ] && dir=debug
single() { # FEATURE_ARGS OUT_DIR OUT_NAME
  echo "== wasm (single-threaded, $profile, $2)"
  # shellcheck disable=SC2086
  cargo rustc --lib --profile "$profile" --target wasm32-unknown-unknown --crate-type cdylib --quiet $1
  wasm-bindgen "target/wasm32-unknown-unknown/$dir/datacloak.wasm" --target web --out-dir "$out/$2" \
    --out-name "$3" --remove-name-section --remove-producers-section
}
single --no-default-features wasm datacloak
single "" onnx datacloak_onnx

if [ "$threads" = 1 ]; then
  ensure_nightly
  echo "== wasm (threaded, $profile)"
  # Shared memory needs atomics in every crate (build-std) and these link arguments; see
  # ../shared notes on wasm-bindgen-rayon. A separate target dir keeps the two builds' caches apart.
  RUSTFLAGS="-C target-feature=+atomics,+bulk-memory,+mutable-globals,+simd128 \
-C link-arg=--shared-memory -C link-arg=--max-memory=1073741824 -C link-arg=--import-memory \
-C link-arg=--export=__wasm_init_tls -C link-arg=--export=__tls_size -C link-arg=--export=__tls_align \
-C link-arg=--export=__tls_base" \
  CARGO_TARGET_DIR=target/threads \
  cargo "+$NIGHTLY" rustc --lib --profile "$profile" --target wasm32-unknown-unknown --crate-type cdylib \
    --no-default-features --features threads -Z build-std=panic_abort,std --quiet
  # Its own file names (datacloak_threads_bg.wasm): a bundler without URL rewriting puts both
  # builds' files beside one bundle, where one name would fetch the other build.
  wasm-bindgen "target/threads/wasm32-unknown-unknown/$dir/datacloak.wasm" --target web --out-dir "$out/threads" \
    --out-name datacloak_threads --remove-name-section --remove-producers-section
  # wasm-bindgen-rayon's no-bundler helper starts pool workers from its own `import.meta.url` (in a
  # bundled worker: the calling worker itself, which then starts pools without end) via blob: URLs
  # (blocked by a strict CSP). Its `startWorkers` is replaced by js/thread-pool-hook.js's, whose
  # workers are a separate entry (js/datacloak-pool-worker.js) bundlers can see.
  helper=$(ls "$out"/threads/snippets/*/src/workerHelpers.no-bundler.js)
  printf '%s\n' "// DataCloak: wasm-bindgen-rayon's helper, replaced (pkg-scripts/build-wasm.sh)." \
    "export { startWorkers } from '../../../../thread-pool-hook.js';" > "$helper"
  # Its `mainJS()` (unused now) reads `import.meta.url` in the glue; webpack would write the build
  # machine's path of the file in its place.
  perl -0pi -e "s/(__wbg_static_accessor_URL_\\w+: function\\(\\) \\{\\s*const ret = )import\\.meta\\.url;/\\1'';/" "$out/threads/datacloak_threads.js"
  if grep -n 'import\.meta\.url' "$out/threads/datacloak_threads.js" | grep -vq "new URL('datacloak_threads_bg.wasm', import.meta.url)"; then
    echo "build-wasm.sh: $out/threads/datacloak_threads.js still reads import.meta.url outside the wasm URL (wasm-bindgen changed?)" >&2
    exit 1
  fi
fi

# No wasm-opt pass: binaryen 108 (Debian) breaks wasm-bindgen's externref table (init throws), and
# on this module it saved 6 % raw and nothing after gzip (measured; BENCHMARKS.md).

# A trapped instance (a panic aborts in wasm) must be dropped and a new one started on the next
# call, in every runtime (core.js does it). wasm-bindgen's glue keeps one instance per module and
# its FinalizationRegistry callbacks free pointers in whatever instance is current: patched so that
# each object remembers the instance it came from (finalizers of a dropped instance do nothing) and
# `__resetInstance()` lets `initSync`/`init` start a new one.
for glue in "$out"/wasm/datacloak.js "$out"/onnx/datacloak_onnx.js "$out"/threads/datacloak_threads.js; do
  [ -f "$glue" ] || continue
  perl -0pi -e 's/new FinalizationRegistry\(ptr => wasm\.(__wbg_\w+_free)\(ptr, 1\)\)/new FinalizationRegistry(held => held.gen === __instanceGen \&\& wasm.$1(held.ptr, 1))/g; s/(\w+Finalization)\.register\((\w+), \2\.__wbg_ptr, \2\);/$1.register($2, { ptr: $2.__wbg_ptr, gen: __instanceGen }, $2);/g' "$glue"
  printf '\nlet __instanceGen = 0;\n/** DataCloak: forget the current instance (after a trap); the next init starts a new one. */\nexport function __resetInstance() {\n    __instanceGen += 1;\n    wasm = undefined;\n}\n' >> "$glue"
  if grep -q 'FinalizationRegistry(ptr =>\|register(\w*, \w*\.__wbg_ptr' "$glue" || ! grep -q 'held.gen === __instanceGen' "$glue"; then
    echo "build-wasm.sh: could not patch $glue for instance resets (wasm-bindgen changed?)" >&2
    exit 1
  fi
done

cp js/*.js js/*.d.ts js/rules.schema.json "$out/"
# The same declarations for `require('datacloak')` (Node 20.19+ loads the ES module): TypeScript
# under `node16` resolution refuses ES-module types from a CommonJS file, but takes them as .d.cts.
cp js/index.d.ts "$out/index.d.cts"

# Self-contained worker scripts for bundlers that leave `new URL('./x', import.meta.url)` as it is
# (esbuild): `datacloak-assets DIR` (js/assets.js) copies them, with the .wasm, beside the bundle.
ensure_npm
# Every worker script (js/datacloak-*worker.js); those of the threaded build need it built.
workers=("$out/datacloak-worker.js" "$out/datacloak-onnx-worker.js")
[ "$threads" = 1 ] && workers=("$out"/datacloak-*worker.js)
node_modules/.bin/esbuild "${workers[@]}" --bundle --format=esm --log-level=warning --outdir="$out/standalone"
rm -f "$out"/wasm/.gitignore "$out"/onnx/.gitignore "$out"/threads/.gitignore
ls -l "$out"/wasm/*.wasm "$out"/onnx/*.wasm "$out"/threads/*.wasm 2>/dev/null || true
