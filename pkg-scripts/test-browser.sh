#!/usr/bin/env bash
# The browser tests, in Debian's headless Chromium driven by playwright-core, against the native
# CLI's reports: the demo page (tests/browser/) and the package built into a page by Vite, webpack
# and esbuild (tests/bundlers/). Needs pkg/ (built here when missing) and target/release/datacloak.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
ensure_npm
ensure_chromium
[ -f pkg/browser.js ] || bash pkg-scripts/build-wasm.sh --threads
[ -x target/release/datacloak ] || cargo build --release --bin datacloak
node --test tests/browser/ tests/bundlers/
