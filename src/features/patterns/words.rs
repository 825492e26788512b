//! Word and code tokens that are hard negatives or categories: colours, versions, booleans, genders.

use super::*;

/// CSS hex colour `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`; a hard negative that looks like a short hex id.
pub fn is_hex_colour(s: &str) -> bool {
    match s.as_bytes() {
        [b'#', hex @ ..] => matches!(hex.len(), 3 | 4 | 6 | 8) && hex.iter().all(u8::is_ascii_hexdigit),
        _ => false,
    }
}

/// Semver pre-release/build suffix: empty, `-ident`, `+ident` or `-ident+ident`.
pub(super) fn semver_suffix(s: &[u8]) -> bool {
    let ident = |x: &[u8]| !x.is_empty() && x.iter().all(|c| c.is_ascii_alphanumeric() || b".-".contains(c));
    let (pre, build) = match s.iter().position(|&c| c == b'+') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    (pre.is_empty() || (pre[0] == b'-' && ident(&pre[1..]))) && build.is_none_or(ident)
}

/// Software version: optional `v`, 2-4 dot-separated numbers and optional `-pre`/`+build`; bare `1.2` (a decimal), date shapes (`5.3.2024`) and IPv4 addresses are excluded.
pub fn is_version_string(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 3 || b.len() > 64 {
        return false;
    }
    let (v, core) = match b {
        [b'v' | b'V', rest @ ..] => (true, rest),
        _ => (false, b),
    };
    let end = core.iter().position(|&c| c == b'-' || c == b'+').unwrap_or(core.len());
    let (nums, suffix) = core.split_at(end);
    let mut lens = [0usize; 4];
    let mut n = 0;
    for part in nums.split(|&c| c == b'.') {
        if n == 4 || !(1..=9).contains(&part.len()) || !part.iter().all(u8::is_ascii_digit) {
            return false;
        }
        lens[n] = part.len();
        n += 1;
    }
    if n < 2 || !semver_suffix(suffix) {
        return false;
    }
    if v {
        return true;
    }
    if n == 2 {
        // "1.2" alone is a decimal: two-part versions need a v or a pre-release tag like "-rc1".
        return suffix.len() > 1 && suffix[0] == b'-' && suffix[1].is_ascii_alphabetic();
    }
    if !suffix.is_empty() {
        return true;
    }
    // Bare dotted numbers that read as a date (5.3.2024, 2024.03.05) or an IPv4 address are not versions.
    match n {
        3 => !matches!((lens[0], lens[1], lens[2]), (4, 1..=2, 1..=2) | (1..=2, 1..=2, 4)),
        _ => !ipv4(nums),
    }
}

/// Boolean token in en/de/fr/es/it/pt/nl (true/false, yes/no, y/n, t/f, 1/0, on/off, ja/nein, oui/non, sí/no, sim/não, ...), any case.
pub fn is_boolean_token(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "true",
        "false",
        "yes",
        "no",
        "y",
        "n",
        "t",
        "f",
        "0",
        "1",
        "on",
        "off",
        "ja",
        "nein",
        "nee",
        "oui",
        "non",
        "si",
        "sí",
        "sim",
        "não",
        "nao",
        "wahr",
        "falsch",
        "vrai",
        "faux",
        "verdadero",
        "vero",
        "falso",
    ];
    let mut buf = [0u8; 24];
    lower(s.as_bytes(), &mut buf).is_some_and(|w| WORDS.iter().any(|x| x.as_bytes() == w))
}

/// Gender token: m/f/x (and German w/d, Spanish/French h, Dutch v), male/female/man/woman, non-binary, diverse, other, and the de/fr/es/it/pt/nl words, any case.
pub fn is_gender_token(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "m",
        "f",
        "x",
        "w",
        "d",
        "h",
        "v",
        "male",
        "female",
        "man",
        "woman",
        "men",
        "women",
        "non-binary",
        "nonbinary",
        "non binary",
        "other",
        "diverse",
        "masc",
        "fem",
        "männlich",
        "weiblich",
        "divers",
        "mann",
        "frau",
        "homme",
        "femme",
        "masculin",
        "féminin",
        "feminin",
        "hombre",
        "mujer",
        "masculino",
        "femenino",
        "feminino",
        "homem",
        "mulher",
        "maschio",
        "femmina",
        "maschile",
        "femminile",
        "uomo",
        "donna",
        "vrouw",
        "mannelijk",
        "vrouwelijk",
    ];
    let mut buf = [0u8; 24];
    lower(s.as_bytes(), &mut buf).is_some_and(|w| WORDS.iter().any(|x| x.as_bytes() == w))
}
