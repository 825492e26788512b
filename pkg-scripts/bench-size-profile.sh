#!/usr/bin/env bash
# What is in the default .wasm: twiggy's per-function sizes of the module as rustc links it (before
# wasm-bindgen strips the names), summed per crate, plus the data segment and the embedded model.
# Needs a built wasm (bash pkg-scripts/build-wasm.sh); installs twiggy into the cache once (~1 min).
# Usage: bash pkg-scripts/bench-size-profile.sh [TOP]   Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source pkg-scripts/setup.sh
TOP="${1:-12}"
WASM=target/wasm32-unknown-unknown/wasm/datacloak.wasm
SHIPPED=pkg/wasm/datacloak_bg.wasm
[ -s "$WASM" ] && [ -s "$SHIPPED" ] || { echo "no built wasm: run bash pkg-scripts/build-wasm.sh first" >&2; exit 2; }
TWIGGY="$DATACLOAK_CACHE/tools/bin/twiggy"
[ -x "$TWIGGY" ] || cargo install twiggy --version 0.8.0 --locked --root "$DATACLOAK_CACHE/tools" >&2
"$TWIGGY" top -n 1000000 --format csv "$WASM" > target/size-profile.csv
python3 - target/size-profile.csv "$SHIPPED" models/datacloak-v1/model.nnef.tar "$TOP" <<'PY'
import csv, gzip, os, re, sys
from collections import Counter
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
shipped, model, top = sys.argv[2], sys.argv[3], int(sys.argv[4])
by = Counter()
stripped = 0  # the name and custom sections, which wasm-bindgen drops from the shipped module
for r in rows:
    name, size = r["Name"], int(r["ShallowSize"])
    if name.startswith(('"function names"', "custom section")):
        stripped += size
        continue
    if name.startswith(("data segment", "import ", "export ", "type[", "table[", "elem[", "memory[", "global[")):
        by["(" + name.split("[")[0].split(" \"")[0].strip() + ")"] += size
        continue
    # the crate of the first path in the name that is not core/alloc/std: `<tract_core::x as y>::f`
    # and `core::ptr::drop_in_place<tract_core::...>` both count for tract_core
    roots = re.findall(r"(?:^|[<\s&(,*])([A-Za-z_][A-Za-z0-9_]*)::", name)
    crates = [p for p in roots if p not in ("core", "alloc", "std")] or roots or ["(unnamed)"]
    by[crates[0]] += size
total = sum(by.values())
raw = os.path.getsize(shipped)
gz = len(gzip.compress(open(shipped, "rb").read(), 9))
model_bytes = os.path.getsize(model)
print(f"Module as rustc links it: {total:,} bytes of code and data (+{stripped:,} of names and custom sections, "
      f"which wasm-bindgen drops); shipped `{shipped}`: {raw:,} bytes, {gz:,} with Python's gzip level 9. "
      f"The embedded model is {model_bytes:,} bytes of the data segment.\n")
print("| crate or section | bytes | share |")
print("|---|---:|---:|")
for k, v in by.most_common(top):
    print(f"| {k} | {v:,} | {100 * v / total:.1f} % |")
rest = sum(v for _, v in by.most_common()[top:])
print(f"| {len(by) - top} others | {rest:,} | {100 * rest / total:.1f} % |")
PY
