#!/usr/bin/env bash
# The cost of rules (BENCHMARKS.md, "Rules"): classify the 100-column × 1,000-row table of
# tests/benches/pipeline.rs with 0, 10 and 100 rules, natively, in one criterion run (the cases run
# one after the other in one process), then prints each median and its ratio to 0 rules.
#   bash pkg-scripts/bench-rules.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
cargo bench --bench pipeline -- '^rules/' --noplot
python3 - <<'PY'
import json, pathlib
base = pathlib.Path("target/criterion/rules/100_columns_1000_rows")
median = {}
for n in (0, 10, 100):
    est = json.loads((base / f"{n}_rules" / "new" / "estimates.json").read_text())
    median[n] = est["median"]["point_estimate"] / 1e6
for n, ms in median.items():
    print(f"{n:>3} rules: median {ms:.2f} ms, x{ms / median[0]:.3f} of 0 rules")
PY
