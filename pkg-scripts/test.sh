#!/usr/bin/env bash
# Sets up and runs every test (what CI runs): formatting, lints, the Rust tests, then the wasm
# package in real Node (API, npm pack + install, CLI parity with the native build), the Worker in
# the local Workers runtime, and the demo page in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy -D warnings"
cargo clippy --all-targets -- -D warnings
ensure_wasm_tools
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
# The default wasm build (no ONNX reader) compiles different code paths.
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
echo "== cargo test"
cargo test --all-targets
cargo test --doc

echo "== native release CLI (the parity tests compare against it)"
cargo build --release --bin datacloak
echo "== wasm package"
bash pkg-scripts/build-wasm.sh --threads
ensure_npm
echo "== Node: JS API, npm pack, CLI parity, Worker"
node --test tests/node/
echo "== Chromium: demo page"
bash pkg-scripts/test-browser.sh
