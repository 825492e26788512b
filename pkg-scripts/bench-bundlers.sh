#!/usr/bin/env bash
# What a page built with Vite, webpack or esbuild downloads and deploys, per entry (`datacloak`,
# `datacloak/threads`): BENCHMARKS.md, "In a bundler". Sizes, so one run is enough.
#   bash pkg-scripts/bench-bundlers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
ensure_npm
ensure_chromium
[ -f pkg/threads/datacloak_threads.js ] || bash pkg-scripts/build-wasm.sh --threads
node tests/benches/bundlers.mjs
