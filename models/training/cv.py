#!/usr/bin/env python3
"""Leave-sources-out cross-validation over the real-table corpus.

    python models/training/cv.py [CORPUS_DIR] [--folds 5] [--epochs 25]

The corpus's source repositories (every split) are dealt into K groups by a hash of their name.
For each group, a model (one member, as train.py builds it) is trained on the synthetic train
tables, the packaged real train tables and the corpus tables of the *other* groups (never a
non-commercial one), early-stopped on the synthetic val tables, and scored on the group's own
tables, which it never saw: each figure is on sources unseen in training, as users' data is.
Writes CORPUS_DIR/cv.json (per-column probabilities), which metrics.py scores and quotes beside the
held-out test figures.
"""
import argparse
import hashlib
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from labels import LABELS  # noqa: E402
from train import CLIP, fit_temperature, load, sample_weights, softmax, train_mlp  # noqa: E402


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="target/corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=25)
    args = ap.parse_args(argv)
    tables, X, y, ti, ci, split, real, variant, layout, names = load(args.corpus)
    src = np.array([tables[t]["source"] for t in ti])
    corpus = np.array([s.startswith("corpus:") for s in src])
    nc = np.array([bool(tables[t].get("non_commercial")) for t in ti])
    if not corpus.any():
        print("no corpus tables in this corpus: cross-validation skipped", file=sys.stderr)
        return
    fold = np.array([int(hashlib.sha256(s.encode()).hexdigest()[:8], 16) % args.folds if c else -1
                     for s, c in zip(src, corpus)])
    syn_tr = ~real & (split == "train")
    pkg_tr = real & ~corpus & (split == "train")
    syn_va = ~real & (split == "val")
    P_all, Y_all, per_fold = [], [], []
    for k in range(args.folds):
        tr = syn_tr | pkg_tr | (corpus & (fold != k) & ~nc & ((variant == 0) | (split == "train")))
        ev = corpus & (fold == k) & (variant == 0)
        mean, std = X[tr].mean(0), X[tr].std(0)
        scale = np.where(std > 1e-6, 1.0 / np.maximum(std, 1e-3), 0.0).astype(np.float32)
        Z = np.clip((X - mean) * scale, -CLIP, CLIP).astype(np.float32)
        w = sample_weights(y, real, variant)
        h1 = int(min(256, (900_000 / 4 - 3 * X.shape[1] - 96 * 39) / (X.shape[1] + 97)))
        net, _ = train_mlp(Z[tr], y[tr], w[tr], Z[syn_va], y[syn_va], w[syn_va], (h1, 96), 7 + k,
                           epochs=args.epochs, log=lambda s: None)
        cal = corpus & (fold != k) & (variant == 0) & (split != "train")
        T, _ = fit_temperature(net.logits(Z[cal]), y[cal]) if cal.sum() >= 100 else (1.0, 0)
        P = softmax(net.logits(Z[ev]) / T)
        P_all.append(P)
        Y_all.append(y[ev])
        acc = float(np.mean(P.argmax(1) == y[ev]))
        per_fold.append({"fold": k, "sources": int(len(set(src[ev]))), "columns": int(ev.sum()), "accuracy": acc,
                         "temperature": T})
        print(f"fold {k}: {ev.sum()} columns of {len(set(src[ev]))} sources, accuracy {acc:.3f}", file=sys.stderr)
    P, Y = np.concatenate(P_all), np.concatenate(Y_all)
    doc = {"about": __doc__.strip().splitlines()[0], "folds": per_fold, "layout": layout,
           "probabilities": P.round(5).tolist(), "labels_true": Y.tolist(), "label_order": LABELS}
    with open(os.path.join(args.corpus, "cv.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f)
    print(f"cv: {len(Y)} columns, accuracy {np.mean(P.argmax(1) == Y):.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
