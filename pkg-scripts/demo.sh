#!/usr/bin/env bash
# Sets up, builds the native CLI (release) and classifies the bundled sample tables.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh

cargo build --release --bin datacloak
for f in tests/data/samples/*.csv; do
  echo "== $f"
  target/release/datacloak classify "$f" --format table
  echo
done
echo "Full JSON report: target/release/datacloak classify tests/data/samples/customers.csv"
