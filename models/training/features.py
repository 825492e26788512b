#!/usr/bin/env python3
"""Extract one feature vector per corpus column with the Rust CLI.

    python models/training/features.py [CORPUS_DIR] [--bin target/release/datacloak] [--batch 300]

Runs `datacloak features --names` once (layout + slot names) and `datacloak features F1.csv F2.csv ...`
in batches (one process at a time), and writes CORPUS_DIR/features.npz:
    X      float32 [n_columns, n_features]
    table  int32   [n_columns]  index into labels.json "tables"
    col    int32   [n_columns]  column index inside that table
    names  slot names; layout: the CLI's layout string
Tables whose column count from the CLI differs from labels.json are left out (and counted).
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np


def run_cli(binary, corpus, tables, batch):
    out = subprocess.run([binary, "features", "--names"], check=True, capture_output=True, text=True).stdout
    head = json.loads(out)
    layout, names = head["layout"], head["names"]
    F = len(names)
    paths = [os.path.join(corpus, t["file"]) for t in tables]
    by_path = {p: i for i, p in enumerate(paths)}
    vecs = {}
    t0 = time.time()
    for s in range(0, len(paths), batch):
        chunk = paths[s:s + batch]
        p = subprocess.run([binary, "features", *chunk], capture_output=True, text=True)
        if p.returncode != 0:
            # a bad file fails the batch: retry one by one so one table cannot sink the rest
            print(f"batch {s} failed ({p.returncode}): {p.stderr.strip()[:300]}; retrying file by file", file=sys.stderr)
            lines = []
            for f in chunk:
                q = subprocess.run([binary, "features", f], capture_output=True, text=True)
                if q.returncode == 0:
                    lines.extend(q.stdout.splitlines())
                else:
                    print(f"  skip {f}: {q.stderr.strip()[:200]}", file=sys.stderr)
        else:
            lines = p.stdout.splitlines()
        for line in lines:
            if not line.strip():
                continue
            o = json.loads(line)
            ti = by_path.get(o["file"])
            if ti is None:
                continue
            v = o["features"]
            if len(v) != F:
                raise SystemExit(f"{o['file']}: {len(v)} features, --names says {F}")
            vecs.setdefault(ti, {})[o["index"]] = v
        done = min(s + batch, len(paths))
        print(f"  features: {done}/{len(paths)} files, {time.time() - t0:.0f}s", file=sys.stderr)
    return layout, names, vecs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="target/corpus")
    ap.add_argument("--bin", default="target/release/datacloak")
    ap.add_argument("--batch", type=int, default=300)
    args = ap.parse_args(argv)
    with open(os.path.join(args.corpus, "labels.json"), encoding="utf-8") as f:
        tables = json.load(f)["tables"]
    layout, names, vecs = run_cli(args.bin, args.corpus, tables, args.batch)
    X, T, C = [], [], []
    dropped = 0
    for ti, t in enumerate(tables):
        got = vecs.get(ti, {})
        if sorted(got) != list(range(len(t["columns"]))):
            dropped += 1
            continue
        for ci in range(len(t["columns"])):
            X.append(got[ci])
            T.append(ti)
            C.append(ci)
    X = np.asarray(X, dtype=np.float32)
    np.savez_compressed(os.path.join(args.corpus, "features.npz"), X=X, table=np.asarray(T, np.int32),
                        col=np.asarray(C, np.int32), names=np.asarray(names), layout=np.asarray(layout))
    print(f"features: {X.shape[0]} columns x {X.shape[1]} slots (layout {layout}); "
          f"{dropped} of {len(tables)} tables left out for a column-count mismatch", file=sys.stderr)


if __name__ == "__main__":
    main()
