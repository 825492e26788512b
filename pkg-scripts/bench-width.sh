#!/usr/bin/env bash
# Width series: `datacloak classify` on tables of 10,000 / 20,000 / 40,000 columns x 3 rows, native
# (release) and the Node CLI (wasm), median of RUNS runs (default 3), interleaved. The probe of the
# hardening issue found this quadratic (1.9 / 4.7 / 15.3 s natively): the report's evidence scanned
# every edge of the column graph for every column. Usage: bash pkg-scripts/bench-width.sh [RUNS]
# Prints a Markdown table for BENCHMARKS.md ("Width").
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
RUNS="${1:-3}"
dir=target/bench-width
mkdir -p "$dir"
for c in 10000 20000 40000; do
  f="$dir/w$c.csv"
  [ -s "$f" ] || python3 - "$c" "$f" <<'PY'
import random, sys
c, path = int(sys.argv[1]), sys.argv[2]
r = random.Random(c)
with open(path, "w") as f:
    f.write(",".join(f"c{i}" for i in range(c)) + "\n")
    for _ in range(3):
        f.write(",".join(str(r.randint(0, 999)) for _ in range(c)) + "\n")
PY
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_one() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); python3 -c "print($e - $s)"; }
echo "| columns x 3 rows | native (s) | Node CLI, wasm (s) |"
echo "|---:|---:|---:|"
for c in 10000 20000 40000; do
  f="$dir/w$c.csv"
  nat=(); node=()
  for _ in $(seq "$RUNS"); do
    nat+=("$(time_one target/release/datacloak classify "$f" --max-columns 50000)")
    node+=("$(time_one node pkg/cli.js classify "$f" --max-columns 50000)")
  done
  printf '| %s | %.2f | %.2f |\n' "$c" "$(printf '%s\n' "${nat[@]}" | median)" "$(printf '%s\n' "${node[@]}" | median)"
done
