"""Development-only stand-in featuriser (layout "py-dev-0").

Lets train.py / metrics.py be unit-checked before the Rust CLI exists. The shipped model is
always trained on the Rust CLI's features (`datacloak features`); never ship a py-dev-0 model.
"""
import csv
import math
import re
import zlib

import numpy as np

NULLS = {"", "null", "none", "n/a", "na", "nan", "-", "#n/a", "(null)", "?", "missing"}
PATS = [
    ("email", re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)),
    ("int", re.compile(r"^[+-]?\d+$")),
    ("float", re.compile(r"^[+-]?\d*[.,]\d+$")),
    ("date", re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")),
    ("datetime", re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d")),
    ("time", re.compile(r"^\d{1,2}:\d\d(:\d\d)?( ?[ap]m)?$", re.I)),
    ("uuid", re.compile(r"^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$", re.I)),
    ("ipv4", re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")),
    ("mac", re.compile(r"^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$", re.I)),
    ("url", re.compile(r"^(https?://|www\.)", re.I)),
    ("hex", re.compile(r"^[0-9a-f]{16,}$", re.I)),
    ("phone", re.compile(r"^\+?[\d ()./-]{7,}$")),
    ("money", re.compile(r"^[-(]?[$€£₹]|[€$]\)?$|^[A-Z]{3} |\d [A-Z]{3}$")),
    ("words2", re.compile(r"^[A-Za-zÀ-ÿ'-]+ [A-Za-zÀ-ÿ'-]+$")),
    ("word1", re.compile(r"^[A-Za-zÀ-ÿ'-]+$")),
    ("sentence", re.compile(r"\w+ \w+ \w+ \w+")),
    ("bool", re.compile(r"^(true|false|yes|no|y|n|t|f|0|1)$", re.I)),
]
HB = 48


def luhn_ok(s):
    d = re.sub(r"\D", "", s)
    if not 12 <= len(d) <= 19:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        k = int(ch)
        if i % 2:
            k *= 2
            if k > 9:
                k -= 9
        tot += k
    return tot % 10 == 0


def featurise(header, vals):
    f = []
    n = len(vals)
    nn = [v.strip() for v in vals if v.strip().lower() not in NULLS]
    m = max(1, len(nn))
    f.append(1 - len(nn) / max(1, n))
    f.append(len(set(nn)) / m)
    f.append(math.log1p(len(set(nn))) / 10)
    lens = [len(v) for v in nn] or [0]
    f += [np.mean(lens) / 50, np.std(lens) / 20, min(lens) / 50, max(lens) / 100]
    joined = "".join(nn[:500]) or " "
    L = len(joined)
    for cls in (str.isdigit, str.isalpha, str.isupper, str.isspace):
        f.append(sum(cls(c) for c in joined) / L)
    for ch in "@.-/:,_$€+()#":
        f.append(joined.count(ch) / L)
    for _, p in PATS:
        f.append(sum(1 for v in nn[:500] if p.search(v)) / min(m, 500))
    f.append(sum(luhn_ok(v) for v in nn[:300]) / min(m, 300))
    nums = []
    for v in nn[:500]:
        try:
            nums.append(float(v.replace(",", "")))
        except ValueError:
            pass
    if nums:
        a = np.array(nums)
        f += [len(nums) / min(m, 500), np.sign(a.mean()) * math.log1p(abs(a.mean())) / 10,
              math.log1p(a.std()) / 10, np.sign(a.min()) * math.log1p(abs(a.min())) / 10,
              np.sign(a.max()) * math.log1p(abs(a.max())) / 10, float(np.mean(a == np.round(a)))]
    else:
        f += [0] * 6
    hv = [0.0] * HB
    h = header.lower()
    for i in range(len(h) - 2):
        hv[zlib.crc32(h[i:i + 3].encode()) % HB] += 1
    s = sum(hv) or 1
    f += [x / s for x in hv]
    f.append(1.0 if re.fullmatch(r"(col_?\d+|unnamed: \d+|v\d+|field_?\d+|x\d+|c\d+|f\d+|var\d+|)", h) else 0.0)
    return [float(x) for x in f]


def names():
    n = ["null_share", "unique_ratio", "log_distinct", "len_mean", "len_std", "len_min", "len_max",
         "digit", "alpha", "upper", "space"] + [f"ch_{c}" for c in "@.-/:,_$€+()#"] + \
        [f"pat_{k}" for k, _ in PATS] + ["luhn", "num_share", "num_mean", "num_std", "num_min", "num_max", "num_int"] + \
        [f"hdr{i:02d}" for i in range(HB)] + ["hdr_generic"]
    return n


def run(corpus, tables):
    import os
    vecs = {}
    for ti, t in enumerate(tables):
        with open(os.path.join(corpus, t["file"]), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        hdr, body = rows[0], rows[1:1001]
        d = {}
        for j, h in enumerate(hdr):
            d[j] = featurise(h, [r[j] if j < len(r) else "" for r in body])
        vecs[ti] = d
    return "py-dev-0", names(), vecs
