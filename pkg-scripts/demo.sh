#!/usr/bin/env bash
# Sets up, builds the native CLI (release), classifies the bundled sample tables and makes a safe
# copy of one of them.
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
echo
echo "== safe copy of tests/data/samples/customers.csv (default policy, a random key), first rows:"
target/release/datacloak cloak tests/data/samples/customers.csv -o target/customers.safe.csv --safe-formulas > /dev/null
head -4 target/customers.safe.csv
echo "More: target/release/datacloak cloak FILE.csv -o OUT.csv --policy P.json --key-file K (docs/cloak.md)"
