#!/usr/bin/env bash
# Cloak throughput and memory, native and wasm (Node CLI), side by side with classify alone on the
# same generated file, runs interleaved (this machine drifts): BENCHMARKS.md, "Cloak".
#   bash pkg-scripts/bench-cloak.sh [MIB] [RUNS]      (default 256 MiB, 3 runs; then 1 GiB once for memory)
# Writes target/bench-cloak/runs.jsonl and prints medians (MB/s) and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
MIB="${1:-256}"
RUNS="${2:-3}"
out=target/bench-cloak
mkdir -p "$out"
cargo build --release --bin datacloak --example gen_csv --quiet
[ -f pkg/cli.js ] || bash pkg-scripts/build-wasm.sh
ensure_npm
printf 'bench-cloak-key-0123456789abcdef' > "$out/key"

input="$out/in-$MIB.csv"
[ -f "$input" ] || target/release/examples/gen_csv $((MIB << 20)) 20 > "$input"
bytes=$(stat -c %s "$input")
target/release/datacloak classify "$input" > "$out/report.json"

measure() { # NAME BYTES CMD...
  local name=$1 n=$2
  shift 2
  /usr/bin/time -f '%M %e' -o "$out/time.txt" "$@" > /dev/null
  read -r kib secs < "$out/time.txt"
  echo "{\"case\": \"$name\", \"bytes\": $n, \"seconds\": $secs, \"peak_rss_kib\": $kib}" | tee -a "$out/runs.jsonl"
}
cases() { # FILE BYTES
  local f=$1 n=$2 k="$out/key" o="$out/out.csv"
  measure native-classify "$n" target/release/datacloak classify "$f"
  measure native-cloak-two-pass "$n" target/release/datacloak cloak "$f" -o "$o" --key-file "$k"
  measure native-cloak-one-pass "$n" target/release/datacloak cloak "$f" -o "$o" --key-file "$k" --report "$out/report.json"
  measure node-classify "$n" node pkg/cli.js classify "$f"
  measure node-cloak-two-pass "$n" node pkg/cli.js cloak "$f" -o "$o" --key-file "$k"
  measure node-cloak-one-pass "$n" node pkg/cli.js cloak "$f" -o "$o" --key-file "$k" --report "$out/report.json"
}
: > "$out/runs.jsonl"
echo "== $MIB MiB, $RUNS rounds (each round runs every case once, in the same order)"
for _ in $(seq "$RUNS"); do cases "$input" "$bytes"; done
# Only the native and Node outputs' equality is checked here; the tests check it on every sample.
target/release/datacloak cloak "$input" -o "$out/native.csv" --key-file "$out/key" --report "$out/report.json" > /dev/null
node pkg/cli.js cloak "$input" -o "$out/node.csv" --key-file "$out/key" --report "$out/report.json" > /dev/null
cmp "$out/native.csv" "$out/node.csv" && echo "native and wasm outputs are byte-identical ($(stat -c %s "$out/native.csv") bytes)"
rm -f "$out/node.csv" "$out/native.csv" "$out/out.csv"

echo "== 1 GiB from standard input, once: peak memory of classify against cloak (one pass over a pipe)"
gib=$((1 << 30))
measure_pipe() { # NAME CMD...
  local name=$1
  shift
  target/release/examples/gen_csv $gib 20 | /usr/bin/time -f '%M %e' -o "$out/time.txt" "$@" > /dev/null
  read -r kib secs < "$out/time.txt"
  echo "{\"case\": \"$name\", \"bytes\": $gib, \"seconds\": $secs, \"peak_rss_kib\": $kib}" | tee -a "$out/runs.jsonl"
}
measure_pipe gib-native-classify target/release/datacloak classify -
measure_pipe gib-native-cloak target/release/datacloak cloak - -o - --key-file "$out/key"
measure_pipe gib-node-classify node pkg/cli.js classify -
measure_pipe gib-node-cloak node pkg/cli.js cloak - -o - --key-file "$out/key"

python3 - "$out/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
by = {}
for r in runs:
    by.setdefault(r["case"], []).append(r)
print(f"{'case':28} {'runs':>4} {'median s':>9} {'MB/s':>8} {'peak MiB':>9}")
med = {}
for case, rs in by.items():
    s = statistics.median(r["seconds"] for r in rs)
    med[case] = s
    mbs = rs[0]["bytes"] / 1e6 / s if s else float("inf")
    print(f"{case:28} {len(rs):>4} {s:>9.2f} {mbs:>8.0f} {statistics.median(r['peak_rss_kib'] for r in rs) / 1024:>9.1f}")
for side in ("native", "node"):
    c = med.get(f"{side}-classify")
    if c:
        for k in ("cloak-two-pass", "cloak-one-pass"):
            if f"{side}-{k}" in med:
                print(f"{side} {k} / classify: {med[f'{side}-{k}'] / c:.2f}")
PY
