#!/usr/bin/env python3
"""How small can the model be? Train network sizes with the shipped procedure, score each on the
real held-out tables, and write the trade-off table.

    python models/training/sizes.py [CORPUS_DIR] [--out models/datacloak-v1/sizes.md] [--seed 7]

Each size in `SIZES` is built by `train.fit` exactly as the shipped model is (train split, early
stopping on val, temperature on the real val columns) and scored on the real-corpus test columns
that metrics.md leads with. train.sh runs it; metrics.py copies its table into metrics.md. The first row is the reference: a size is acceptable when no label's F1 is
more than 1 point below it and macro-F1 no more than 0.5 point below (the size issue's rule).
"""
import argparse
import os
import sys
import time
from dataclasses import replace

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from metrics import fmt, macro, pii, prf, reliability  # noqa: E402
from train import DEFAULT, SHA_MARK, fit, is_corpus_source, load, model_sha, predict  # noqa: E402

SIZES = {
    "2 members, widest that fits 1 MB": replace(DEFAULT, members=2, hidden=(0, 96)),
    "2 members, 128-64": replace(DEFAULT, members=2, hidden=(128, 64)),
    "2 members, 96-64": replace(DEFAULT, members=2, hidden=(96, 64)),
    "1 member, 256-96": replace(DEFAULT, members=1, hidden=(256, 96)),
    "1 member, 128-64": replace(DEFAULT, members=1, hidden=(128, 64)),
    "1 member, 96-64": replace(DEFAULT, members=1, hidden=(96, 64)),
}


def drop(worst):
    """The largest per-label F1 drop against the reference row ("–" for the reference itself)."""
    return "–" if worst is None else f"{worst[1]} {100 * worst[0]:+.1f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="target/corpus")
    ap.add_argument("--out", default="models/datacloak-v1/sizes.md")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    data = load(args.corpus)
    tables, X, y, ti, split = data[0], data[1], data[2], data[3], data[5]
    test = (split == "test") & np.array([is_corpus_source(tables[t]["source"]) for t in ti]) & (data[7] == 0)
    if not test.any():
        print("no real-corpus test columns (../shared/corpus/real absent): size comparison skipped", file=sys.stderr)
        if os.path.exists(args.out):
            os.remove(args.out)  # an old table would describe another model
        return
    rows, ref = [], None
    for name, cfg in SIZES.items():
        t0 = time.time()
        P = predict(fit(data, cfg, args.seed), X[test])
        p, yt = P.argmax(1), y[test]
        per = {r[0]: r[4] for r in prf(yt, p) if r[1] > 0}
        rec, fpr, _, _ = pii(yt, p)
        row = {"name": name, "cfg": cfg, "per": per, "macro": macro(prf(yt, p)), "acc": float(np.mean(p == yt)),
               "rec": rec, "fpr": fpr, "ece": reliability(P.max(1), p == yt)[1],
               "bytes": cfg.weights_bytes(X.shape[1])}
        ref = ref or row
        worst = min(((row["per"][k] - ref["per"][k], k) for k in ref["per"]), default=(0.0, "-")) \
            if row is not ref else None
        row["worst"] = worst
        row["ok"] = worst is None or (worst[0] >= -0.01 and row["macro"] >= ref["macro"] - 0.005)
        rows.append(row)
        print(f"{name}: macro-F1 {row['macro']:.4f}, {row['bytes'] / 1024:.0f} KiB ({time.time() - t0:.0f} s)",
              file=sys.stderr)
    n = int(test.sum())
    lines = ["# Model size against accuracy on the real held-out tables", "",
             f"Made by `python models/training/sizes.py {args.corpus}` (seed {args.seed}). Every size is trained with "
             f"the shipped procedure (`train.fit`) and scored on the {n} real held-out test columns metrics.md leads with. "
             "Acceptable = no label's F1 more than 1 point below the first row, macro-F1 at most 0.5 point below.",
             f"The shipped settings (`train.DEFAULT`): {DEFAULT.members} member(s), hidden "
             f"{'-'.join(map(str, DEFAULT.sizes(X.shape[1])))}; made beside model {SHA_MARK}`{model_sha(os.path.dirname(os.path.abspath(args.out)))}`.", "",
             "| size | weights (KiB, f32) | accuracy | macro-F1 | PII recall | false-PII | ECE | largest F1 drop | acceptable |",
             "|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for r in rows:
        lines.append(f"| {r['name']} | {r['bytes'] / 1024:.0f} | {fmt(r['acc'])} | {fmt(r['macro'])} | {fmt(r['rec'])} | "
                     f"{fmt(100 * r['fpr'], 2)} % | {fmt(r['ece'])} | {drop(r['worst'])} | "
                     f"{'reference' if r is rows[0] else ('yes' if r['ok'] else 'no')} |")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
