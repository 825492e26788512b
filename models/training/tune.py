#!/usr/bin/env python3
"""Choose training settings by leave-sources-out cross-validation on the tuning sources only.

    python models/training/tune.py [CORPUS_DIR] [--jobs 2] [--folds 5] [--out FILE.md] [NAME ...]

Each named candidate (`CANDIDATES`, a `train.Config` each) is scored by `cv.cross_validate` over
the corpus sources of the train and val splits; the test split's sources are neither trained on
nor scored here, so the held-out figures metrics.md leads with stay unseen by every choice.
Writes a Markdown table (accuracy, macro-F1, PII recall, false-PII, ECE, model size) to --out,
default models/datacloak-v1/tuning.md. Slow: about three minutes per candidate and core.
"""
import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, replace

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cv import cross_validate  # noqa: E402
from metrics import fmt, macro, pii, prf, reliability  # noqa: E402
from train import DEFAULT, has_corpus, load  # noqa: E402

# candidates are compared as single networks (half the time); alone, one network is as wide as fits
# (256-96 where the shipped two are 230-96): the widths column says so
ONE = replace(DEFAULT, members=1)
# name -> (settings, seed of the fold models); the same settings under another seed show the noise
CANDIDATES = {
    "default": (DEFAULT, 7),
    "one member": (ONE, 7),
    "one member, seed 8": (ONE, 8),
    "real x2.5": (replace(ONE, real_weight=2.5), 7),
    "real x10": (replace(ONE, real_weight=10.0), 7),
    "real x20": (replace(ONE, real_weight=20.0), 7),
    "real x40": (replace(ONE, real_weight=40.0), 7),
    "window 3": (replace(ONE, window=3), 7),
    "window 3, seed 8": (replace(ONE, window=3), 8),
    "window 5": (replace(ONE, window=5), 7),
    "sources 0.5": (replace(ONE, source_power=0.5), 7),
    "sources 1": (replace(ONE, source_power=1.0), 7),
    "class power 0.3": (replace(ONE, class_power=0.3), 7),
    "smoothing 0.05": (replace(ONE, smoothing=0.05), 7),
    "128,64": (replace(ONE, hidden=(128, 64)), 7),
    "96,64": (replace(ONE, hidden=(96, 64)), 7),
}

_DATA = None


def _score(args):
    name, (cfg, seed), corpus, folds = args
    global _DATA
    if _DATA is None:
        _DATA = load(corpus)
    split = _DATA[5]
    t0 = time.time()
    order, P, _ = cross_validate(_DATA, cfg, folds, use=(split != "test"), seed=seed)
    y = _DATA[2][order]
    p = P.argmax(1)
    rec, fpr, _, _ = pii(y, p)
    _, ece = reliability(P.max(1), p == y)
    return {"name": name, "cfg": cfg, "seed": seed, "columns": len(y), "accuracy": float(np.mean(p == y)),
            "macro_f1": macro(prf(y, p)), "pii_recall": rec, "false_pii": fpr, "ece": ece,
            "weights_kib": cfg.weights_bytes(_DATA[1].shape[1]) / 1024, "widths": cfg.sizes(_DATA[1].shape[1]), "seconds": time.time() - t0}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="target/corpus")
    ap.add_argument("names", nargs="*", help=f"candidates (default all): {', '.join(CANDIDATES)}")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", default="models/datacloak-v1/tuning.md")
    args = ap.parse_args(argv)
    names = args.names or list(CANDIDATES)
    unknown = [n for n in names if n not in CANDIDATES]
    if unknown:
        raise SystemExit(f"unknown candidate(s) {unknown}; known: {list(CANDIDATES)}")
    if not has_corpus(load(args.corpus)[0]):
        raise SystemExit("no corpus tables in this corpus (../shared/corpus/real absent): nothing to tune on")
    jobs = [(n, CANDIDATES[n], args.corpus, args.folds) for n in names]
    with ProcessPoolExecutor(max_workers=args.jobs) as ex:
        results = []
        for r in ex.map(_score, jobs):
            print(f"{r['name']}: macro-F1 {r['macro_f1']:.4f}, accuracy {r['accuracy']:.4f}, false-PII "
                  f"{100 * r['false_pii']:.2f} %, PII recall {r['pii_recall']:.4f}, ECE {r['ece']:.4f} "
                  f"({r['seconds']:.0f} s)", file=sys.stderr)
            results.append(r)
    lines = ["# Training settings, chosen by leave-sources-out cross-validation", "",
             f"Made by `python models/training/tune.py {args.corpus} {' '.join(repr(n) for n in names)}`. "
             f"Each candidate is scored on the {results[0]['columns']} columns of the real corpus's train and val "
             f"sources, each column by a model trained without its source ({args.folds} groups of sources); the "
             "test split's sources take no part. `train.DEFAULT` when this was run: "
             f"`{asdict(DEFAULT)}`; the settings column lists what a candidate changes.", "",
             "| candidate | accuracy | macro-F1 | PII recall | false-PII | ECE | widths | weights (KiB, f32) | seed | settings |",
             "|---|---:|---:|---:|---:|---:|---|---:|---:|---|"]
    for r in results:
        diff = {k: v for k, v in asdict(r["cfg"]).items() if asdict(DEFAULT)[k] != v}
        lines.append(f"| {r['name']} | {fmt(r['accuracy'])} | {fmt(r['macro_f1'])} | {fmt(r['pii_recall'])} | "
                     f"{fmt(100 * r['false_pii'], 2)} % | {fmt(r['ece'])} | {'-'.join(map(str, r['widths']))} | "
                     f"{r['weights_kib']:.0f} | {r['seed']} | "
                     f"{diff or 'train.DEFAULT'} |")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
