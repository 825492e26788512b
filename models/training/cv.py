#!/usr/bin/env python3
"""Leave-sources-out cross-validation over the real-table corpus.

    python models/training/cv.py [CORPUS_DIR] [--folds 5] [--epochs 25]

The corpus's source repositories (every split) are dealt into K groups by a hash of their name.
For each group, a model (train.py's `DEFAULT` settings, but one member as wide as fits alone, 256-96,
and 25 epochs) is trained on the
synthetic train tables, the packaged real train tables and the corpus tables of the *other* groups
(never a non-commercial one), early-stopped on the synthetic val tables, and scored on the group's
own tables, which it never saw: each figure is on sources unseen in training, as users' data is.

Temperature: a fold model's temperature is fitted on the out-of-fold logits of the *other* folds
(cross-fitting), so no column's calibration ever saw that column or its source.
Writes CORPUS_DIR/cv.json (per-column probabilities), which metrics.py scores and quotes beside the
held-out test figures. tune.py calls `cross_validate` with other settings and other source sets.
"""
import argparse
import hashlib
import json
import os
import sys
from dataclasses import replace

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from labels import LABELS  # noqa: E402
from train import (DEFAULT, fit_temperature, has_corpus, is_corpus_source, load, sample_weights, softmax,  # noqa: E402
                   source_names, standardise, standardiser, train_mlp)


def source_folds(data, folds):
    """Fold of each column: a hash of its corpus source repository, -1 for columns outside the corpus."""
    tables, ti = data[0], data[3]
    src = np.array([tables[t]["source"] for t in ti])
    corpus = np.array([is_corpus_source(s) for s in src])
    fold = np.array([int(hashlib.sha256(s.encode()).hexdigest()[:8], 16) % folds if c else -1
                     for s, c in zip(src, corpus)])
    return src, corpus, fold


def cross_validate(data, cfg, folds=5, use=None, seed=7, log=None):
    """Out-of-fold probabilities for the corpus columns `use` selects (default: all of them).

    Corpus columns outside `use` are neither trained on nor scored (tune.py keeps the test split's
    sources out of every decision this way). Returns (indices of the scored columns, their
    probabilities, per-fold facts)."""
    tables, X, y, ti, ci, split, real, variant = data[:8]
    src, corpus, fold = source_folds(data, folds)
    use = corpus if use is None else (use & corpus)
    nc = np.array([bool(tables[t].get("non_commercial")) for t in ti])
    syn_tr = ~real & (split == "train")
    pkg_tr = real & ~corpus & (split == "train")
    syn_va = ~real & (split == "val")
    w = sample_weights(y, real, variant, cfg, source_names(tables, ti))
    evals, logits, facts = [], [], []
    for k in range(folds):
        tr = syn_tr | pkg_tr | (use & (fold != k) & ~nc & ((variant == 0) | (split == "train")))
        ev = use & (fold == k) & (variant == 0)
        evals.append(ev)
        facts.append({"fold": k, "sources": int(len(set(src[ev]))), "columns": int(ev.sum())})
        if not ev.any():
            logits.append(np.zeros((0, len(LABELS)), np.float32))
            continue
        Z = standardise(X, *standardiser(X[tr]))
        nets = [train_mlp(Z[tr], y[tr], w[tr], Z[syn_va], y[syn_va], w[syn_va], seed + k + 1000 * m, cfg,
                          log=lambda s: None)[0] for m in range(cfg.members)]
        logits.append(sum(n.logits(Z[ev]) for n in nets) / len(nets))
        if log:
            log(f"fold {k}: {ev.sum()} columns of {len(set(src[ev]))} sources")
    P = []
    for k in range(folds):
        others = [j for j in range(folds) if j != k and len(logits[j])]
        n_other = sum(len(logits[j]) for j in others)
        # too few out-of-fold columns to calibrate on: no temperature (T = 1)
        T = fit_temperature(np.concatenate([logits[j] for j in others]),
                            np.concatenate([y[evals[j]] for j in others]))[0] if n_other >= 100 else 1.0
        facts[k]["temperature"] = T
        P.append(softmax(logits[k] / T))
        facts[k]["accuracy"] = float(np.mean(P[k].argmax(1) == y[evals[k]])) if len(P[k]) else float("nan")
    order = np.concatenate([np.where(ev)[0] for ev in evals])
    return order, np.concatenate(P), facts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="target/corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=25)
    args = ap.parse_args(argv)
    data = load(args.corpus)
    if not has_corpus(data[0]):
        print("no corpus tables in this corpus: cross-validation skipped", file=sys.stderr)
        return
    cfg = replace(DEFAULT, members=1, epochs=args.epochs)
    order, P, facts = cross_validate(data, cfg, args.folds, log=lambda s: print(s, file=sys.stderr))
    Y = data[2][order]
    doc = {"about": __doc__.strip().splitlines()[0], "folds": facts, "layout": data[8],
           "probabilities": P.round(5).tolist(), "labels_true": Y.tolist(), "label_order": LABELS}
    with open(os.path.join(args.corpus, "cv.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f)
    print(f"cv: {len(Y)} columns, accuracy {np.mean(P.argmax(1) == Y):.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
