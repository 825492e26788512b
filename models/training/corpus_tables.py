#!/usr/bin/env python3
"""Add the labelled real-table corpus (../shared/corpus/real) to the training corpus.

    python models/training/corpus_tables.py [OUT_DIR] [--corpus PATH] [--augment K]

The tables themselves are not part of this project: they are read from the corpus folder when it
is there (default `../shared/corpus/real` beside the repository, or $DATACLOAK_REAL_CORPUS), and
the pipeline says so when it is not (OUT_DIR/corpus_status.json, quoted by metrics.md). What the
project keeps is the labels (`corpus_labels/batch_*.json`, made as `corpus_labels/CONVENTIONS.md`
says), the list of sources with their split (`corpus_sources.tsv`, written by this script) and
this code.

Splits are by source repository, never by rows or tables: every table of a repository goes to the
same split, chosen by a hash of the repository name (about 60 % train, 15 % val, 25 % test).
Repositories holding tables under a non-commercial licence (SOURCES.md's NON-COMMERCIAL flags)
never go to train. Reserved evaluation repositories (reserved_sources.txt) are refused.
Train tables are also written K more times (default 3) with generic headers and fewer rows, as
real_tables.py does, so the model cannot learn the corpus's header names by heart.
"""
import argparse
import csv
import hashlib
import json
import os
import re
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
from labels import LABEL_INDEX  # noqa: E402
from real_tables import _write, replace_entries, variant  # noqa: E402

csv.field_size_limit(1 << 30)
DEFAULT_CORPUS = os.environ.get("DATACLOAK_REAL_CORPUS", os.path.join(ROOT, "..", "shared", "corpus", "real"))
LABEL_DIR = os.path.join(HERE, "corpus_labels")
SOURCES_TSV = os.path.join(HERE, "corpus_sources.tsv")
NON_COMMERCIAL = ("non-commercial", "nc-sa", "cc-by-nc")
# Repositories whose tables are non-commercial only in part (SOURCES.md names the tables).
NC_TABLES = re.compile(r"^F1-SQL_f1-sql__ergast_")


def reserved():
    exact, patterns = set(), []
    with open(os.path.join(HERE, "reserved_sources.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("~"):
                patterns.append(line[1:].lower())
            else:
                exact.add(line.lower())
    return lambda repo: repo.lower() in exact or any(p in repo.lower() for p in patterns)


SHARES = {"train": 0.55, "val": 0.15, "test": 0.30}


def assign_splits(repos):
    """repos: {repo: (columns, non_commercial)} -> {repo: split}. Repositories are taken in the
    order of a hash of their name and each goes to the split furthest below its share of the
    columns, so the splits get their shares of columns (not just of repositories) while no
    repository is chosen by hand. Non-commercial ones skip train."""
    total = sum(c for c, _ in repos.values()) or 1
    have = {s: 0 for s in SHARES}
    out = {}
    for repo in sorted(repos, key=lambda r: hashlib.sha256(r.encode()).hexdigest()):
        cols, nc = repos[repo]
        choices = [s for s in SHARES if not (nc and s == "train")]
        s = min(choices, key=lambda k: (have[k] / total) - SHARES[k])
        out[repo] = s
        have[s] += cols
    return out


def load_labels():
    tables = {}
    for name in sorted(os.listdir(LABEL_DIR)):
        if name.startswith("batch_") and name.endswith(".json"):
            with open(os.path.join(LABEL_DIR, name), encoding="utf-8") as f:
                for t in json.load(f)["tables"]:
                    if t["file"] in tables:
                        raise SystemExit(f"{t['file']} is labelled twice ({name})")
                    tables[t["file"]] = t["columns"]
    return tables


def is_number(v):
    try:
        float(v.replace(",", ""))
        return True
    except ValueError:
        return False


def sane(label, values):
    """Labels that contradict their values are left out rather than taught: a latitude column
    must hold numbers (some corpus columns hold '(lat, lon)' pairs, which no label describes)."""
    vals = [v for v in values if v.strip()]
    if not vals:
        return False
    if label in ("latitude", "longitude"):
        return sum(is_number(v) for v in vals) * 2 > len(vals)
    return True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default="target/corpus")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--augment", type=int, default=3)
    args = ap.parse_args(argv)
    status_path = os.path.join(args.out, "corpus_status.json")
    manifest = os.path.join(args.corpus, "MANIFEST.tsv")
    if not os.path.exists(manifest):
        msg = f"real-table corpus not found at {args.corpus}: training on the synthetic and packaged real tables only"
        print(msg, file=sys.stderr)
        with open(status_path, "w", encoding="utf-8") as f:
            json.dump({"found": False, "path": args.corpus, "message": msg}, f)
        return
    with open(manifest, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    labels = load_labels()
    is_reserved = reserved()
    by_repo = {}
    for r in rows:
        by_repo.setdefault(r["repo"], []).append(r)
    entries, sources, dropped = [], [], 0
    os.makedirs(os.path.join(args.out, "corpus"), exist_ok=True)
    for repo in [r for r in by_repo if is_reserved(r)]:
        print(f"refusing reserved repository {repo}", file=sys.stderr)
        del by_repo[repo]
    nc_of = {repo: any(any(k in r["licence"].lower() for k in NON_COMMERCIAL) or NC_TABLES.match(r["file"])
                       for r in rs) for repo, rs in by_repo.items()}
    splits = assign_splits({repo: (sum(sum(1 for c in labels.get(r["file"], []) if c[1]) for r in rs), nc_of[repo])
                            for repo, rs in by_repo.items()})
    for repo, rs in sorted(by_repo.items()):
        nc = nc_of[repo]
        split = splits[repo]
        n_cols = 0
        for r in rs:
            cols = labels.get(r["file"])
            if cols is None:
                print(f"unlabelled table {r['file']}: left out", file=sys.stderr)
                continue
            with open(os.path.join(args.corpus, "tables", r["file"]), encoding="utf-8", newline="") as f:
                data = list(csv.reader(f))
            header, body = data[0], data[1:]
            if [c[0] for c in cols] != header:
                raise SystemExit(f"{r['file']}: the header does not match corpus_labels")
            keep = []
            for i, (_, lab) in enumerate(cols):
                if lab is None:
                    continue
                if lab not in LABEL_INDEX:
                    raise SystemExit(f"{r['file']}: unknown label {lab}")
                if not sane(lab, [row[i] if i < len(row) else "" for row in body]):
                    dropped += 1
                    continue
                keep.append(i)
            if not keep:
                continue
            h = [header[i] for i in keep]
            labs = [cols[i][1] for i in keep]
            b = [[(row[i] if i < len(row) else "") for i in keep] for row in body]
            base = re.sub(r"[^A-Za-z0-9]+", "_", r["file"][:-4])[:120]
            fname = f"corpus/{base}.csv"
            _write(os.path.join(args.out, fname), h, b)
            src = f"corpus:{repo}"
            entries.append({"file": fname, "source": src, "split": split, "columns": labs, "rows": len(b),
                            "variant": 0, "non_commercial": nc})
            n_cols += len(labs)
            if split == "train":
                for k in range(1, args.augment + 1):
                    h2, b2 = variant(h, b, labs, zlib.crc32(f"{r['file']}:{k}".encode()))
                    vname = f"corpus/{base}__v{k}.csv"
                    _write(os.path.join(args.out, vname), h2, b2)
                    entries.append({"file": vname, "source": src, "split": "train", "columns": labs,
                                    "rows": len(b2), "variant": k})
        sources.append((repo, rs[0]["commit"], rs[0]["licence"], len(rs), n_cols, split, "yes" if nc else ""))
    replace_entries(args.out, "corpus:", entries)
    with open(SOURCES_TSV, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["repo", "commit", "licence", "tables", "labelled_columns", "split", "non_commercial"])
        w.writerows(sources)
    base = [e for e in entries if e["variant"] == 0]
    by = {}
    for e in base:
        by[e["split"]] = by.get(e["split"], 0) + len(e["columns"])
    msg = (f"real-table corpus at {os.path.abspath(args.corpus)}: {len(base)} tables from {len(sources)} sources, "
           f"columns per split {by}; {dropped} columns left out by the sanity checks")
    with open(status_path, "w", encoding="utf-8") as f:
        json.dump({"found": True, "path": os.path.abspath(args.corpus), "message": msg, "tables": len(base),
                   "sources": len(sources), "columns": by}, f)
    print(msg, file=sys.stderr)


if __name__ == "__main__":
    main()
