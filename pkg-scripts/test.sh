#!/usr/bin/env bash
# Sets up and runs every test: formatting, lints, unit and integration tests (native).
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy -D warnings"
cargo clippy --all-targets -- -D warnings
echo "== cargo test"
cargo test --all-targets
cargo test --doc
