#!/usr/bin/env bash
# Scale benchmark: time and peak memory of `datacloak classify FILE` against rows (1K -> 10M at
# 20 columns) and columns (10 -> 1,000 at 10K rows). Usage: bash pkg-scripts/bench-scale.sh [RUNS]
# (default 5). Inputs are generated once into target/bench-scale/ (about 2.9 GB) and reused; raw runs
# go to target/bench-scale/runs.jsonl, the plot to docs/bench/scale.svg and the BENCHMARKS.md section
# to target/bench-scale/section.md. About 3 minutes with 5 runs on the 2-core reference machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh

RUNS="${1:-5}"
dir=target/bench-scale
cli=target/release/datacloak
gen=target/release/examples/gen_csv
mkdir -p "$dir" docs/bench

# Always (a no-op when fresh): a stale binary would measure code that is not the commit's.
cargo build --release --bin datacloak --example gen_csv

# Columns are stepped at 10K rows: enough rows to fill every column's 1,000-value sample ten times
# over (so each column does its full ingest + feature work), while the 1,000-column file stays at
# ~120 MB and a few seconds per run.
COL_ROWS=10000
files=()
for n in 1000 10000 100000 1000000 10000000; do files+=("rows $n 20"); done
for c in 10 30 100 300 1000; do files+=("cols $COL_ROWS $c"); done

# The largest input is ~2.5 GB; refuse early rather than fill the disk half-way through.
avail_kib=$(df -Pk "$dir" | awk 'NR==2 {print $4}')
if [ ! -f "$dir/rows-10000000x20.csv" ] && [ "$avail_kib" -lt $((4 * 1024 * 1024)) ]; then
  echo "bench-scale: need ~3 GB free in $dir, have $((avail_kib / 1024)) MiB" >&2
  exit 1
fi

for spec in "${files[@]}"; do
  read -r _ rows cols <<<"$spec"
  f="$dir/rows-${rows}x${cols}.csv"
  if [ ! -s "$f" ]; then
    echo "generating $f"
    # Through a temporary name, so an interrupted run never leaves a short file to be reused.
    "$gen" --rows "$rows" "$cols" >"$f.tmp" && mv "$f.tmp" "$f"
  fi
done

# Round-robin (run 1 of every size, then run 2, ...) so a noisy spell on the shared machine spreads
# over all sizes instead of skewing one of them.
out="$dir/runs.jsonl"
: >"$out"
t="$dir/time.txt"
for run in $(seq "$RUNS"); do
  for spec in "${files[@]}"; do
    read -r series rows cols <<<"$spec"
    f="$dir/rows-${rows}x${cols}.csv"
    # The 1-minute load average goes with each run, so the report can say how busy the machine was.
    read -r load _ </proc/loadavg
    /usr/bin/time -f '%e %M' -o "$t" "$cli" classify "$f" >/dev/null
    read -r wall rss <"$t"
    printf '{"series":"%s","rows":%d,"cols":%d,"bytes":%d,"run":%d,"wall_s":%s,"peak_rss_kib":%d,"load":%s}\n' \
      "$series" "$rows" "$cols" "$(stat -c %s "$f")" "$run" "$wall" "$rss" "$load" | tee -a "$out"
  done
done
rm -f "$t"

python3 pkg-scripts/bench-scale-report.py "$out" --svg docs/bench/scale.svg >"$dir/section.md"
echo "wrote docs/bench/scale.svg and $dir/section.md"
