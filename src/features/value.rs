//! Facts about one sampled value, computed once and then counted over the column.

use super::scan::class;
use super::{checksums as ck, dates, dict, dict::Dict, numbers, patterns as pt, scan, text};

/// Validator/pattern slots, one bit each in [`ValueFacts::flags`] (bit = position here).
pub const FLAG_NAMES: [&str; 44] = [
    "pat.email",
    "pat.url",
    "pat.ipv4",
    "pat.ipv6",
    "pat.mac",
    "pat.uuid",
    "pat.jwt",
    "pat.aws_key",
    "pat.secret_token",
    "pat.hex_digest",
    "pat.crypt_hash",
    "pat.base64",
    "pat.hex_colour",
    "pat.version",
    "pat.phone",
    "pat.e164",
    "pat.us_zip",
    "pat.uk_postcode",
    "pat.ca_postcode",
    "pat.postcode_like",
    "pat.boolean",
    "pat.gender",
    "pat.username",
    "pat.street",
    "pat.digits_only",
    "pat.alnum_code",
    "pat.hex_only",
    "pat.letters_and_digits",
    "pat.leading_plus",
    "chk.card",
    "chk.luhn_digits",
    "chk.iban",
    "chk.ssn_shape",
    "chk.ssn_valid",
    "chk.uk_nino",
    "chk.ca_sin",
    "chk.fr_insee",
    "chk.es_dni",
    "chk.isbn",
    "chk.passport_like",
    "date.date",
    "date.datetime",
    "date.time",
    "date.unix_ts",
];

/// Dictionary slots, one bit each in [`ValueFacts::dicts`].
pub const DICT_NAMES: [&str; 17] = [
    "dict.first_name",
    "dict.last_name",
    "dict.full_name",
    "dict.first_token_first_name",
    "dict.last_token_last_name",
    "dict.city",
    "dict.country",
    "dict.country_code",
    "dict.state",
    "dict.state_code",
    "dict.job_title",
    "dict.company_suffix",
    "dict.street_word",
    "dict.name_title",
    "dict.org_word",
    "dict.place_word",
    "dict.cjk_name",
];

/// Position of `name` in `names`, evaluated at compile time: a misspelt slot name fails the build.
const fn bit(names: &[&str], name: &str) -> u32 {
    let mut i = 0;
    while i < names.len() {
        let (a, b) = (names[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut k = 0;
            while k < a.len() && a[k] == b[k] {
                k += 1;
            }
            if k == a.len() {
                return i as u32;
            }
        }
        i += 1;
    }
    panic!("unknown feature slot name")
}

/// Honorifics that may precede a person's name.
const NAME_TITLES: [&str; 16] = [
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "herr", "frau", "mme", "mlle", "m", "sr", "sra", "dott", "dra",
];

pub struct ValueFacts {
    pub class_share: [f32; scan::N_CLASSES],
    pub words: u32,
    pub digits: u32,
    pub title_case: bool,
    pub all_upper: bool,
    pub all_lower: bool,
    pub sentence_end: bool,
    pub char_entropy: f32,
    pub number: Option<numbers::Number>,
    pub date_year: Option<i32>,
    pub flags: u64,
    pub dicts: u32,
    /// The script of most of the value's letters (index into [`super::script::NAMES`]).
    pub script: Option<usize>,
}

/// Shannon entropy (bits) of the bytes of a value (its first 64 bytes), in O(length).
fn byte_entropy(b: &[u8]) -> f32 {
    let b = &b[..b.len().min(64)];
    let mut counts = [0u8; 256];
    for &c in b {
        counts[c as usize] += 1;
    }
    let terms = entropy_terms(b.len());
    let mut h = 0.0f32;
    for &c in b {
        let k = std::mem::take(&mut counts[c as usize]);
        if k > 0 {
            h -= terms[k as usize];
        }
    }
    h
}

/// `p * log2(p)` for `p = k / n`, k = 0..=64, for a value of `n` bytes (n ≤ 64): `log2` was a
/// twentieth of feature extraction, and in wasm it is a software routine. Computed with the same
/// operations as before, so the entropies are bit-identical.
fn entropy_terms(n: usize) -> &'static [f32; 65] {
    static TABLES: std::sync::OnceLock<Vec<[f32; 65]>> = std::sync::OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        (0..=64usize)
            .map(|n| {
                let mut t = [0f32; 65];
                for (k, slot) in t.iter_mut().enumerate().skip(1).take(n) {
                    let p = k as f32 / n as f32;
                    *slot = p * p.log2();
                }
                t
            })
            .collect()
    });
    &tables[n.min(64)]
}

impl ValueFacts {
    /// Analyses one trimmed, non-null value; `scratch` is reused to avoid an allocation per value.
    pub fn of(v: &str, scratch: &mut String) -> ValueFacts {
        let b = v.as_bytes();
        let cc = scan::class_counts(b);
        let total = b.len().max(1) as f32;
        let mut class_share = [0f32; scan::N_CLASSES];
        for (s, c) in class_share.iter_mut().zip(cc) {
            *s = c as f32 / total;
        }
        let (digits, upper, lower) = (cc[class::DIGIT], cc[class::UPPER], cc[class::LOWER]);
        let letters = upper + lower + cc[class::NON_ASCII];
        // Words and title case in one walk over the words.
        let (mut words, mut title_case) = (0u32, true);
        for w in v.split_whitespace() {
            words += 1;
            if title_case {
                let mut ch = w.chars();
                title_case = ch.next().is_some_and(char::is_uppercase) && ch.any(char::is_lowercase);
            }
        }
        let title_case = words > 0 && title_case;
        // Cheap gates first: most validators cannot match without these characters.
        let at = cc[class::AT];
        let spaces = cc[class::SPACE];
        let lead = b.first().copied().unwrap_or(0);
        // "+44 20 7946 0001" and "(555) 010 2030" are phone-shaped, not amounts or dates.
        let phone_shaped = (lead == b'+' || lead == b'(') && spaces > 0;
        let number = if digits > 0 && at == 0 && letters <= 4 && spaces <= 3 && !phone_shaped {
            numbers::parse_number(v)
        } else {
            None
        };
        let date_like = digits >= 2 && at == 0 && b.len() <= 48 && !phone_shaped;
        let date = if date_like && digits <= 8 {
            dates::parse_date(v)
        } else {
            None
        };
        let datetime = if date_like && date.is_none() && digits >= 4 && cc[class::COLON] > 0 {
            dates::parse_datetime(v)
        } else {
            None
        };
        let date_year = date.as_ref().or(datetime.as_ref().map(|(d, _)| d)).map(|d| d.year);

        let mut flags = 0u64;
        let mut set = |bit: u32, on: bool| flags |= u64::from(on) << bit;
        let digits_only = digits as usize == b.len();
        set(
            const { bit(&FLAG_NAMES, "pat.email") },
            cc[class::AT] == 1 && pt::is_email(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.url") },
            (cc[class::DOT] > 0 || cc[class::COLON] > 0) && pt::is_url(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.ipv4") },
            cc[class::DOT] == 3 && pt::is_ipv4(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.ipv6") },
            cc[class::COLON] >= 2 && pt::is_ipv6(v),
        );
        set(const { bit(&FLAG_NAMES, "pat.mac") }, pt::is_mac(v));
        set(
            const { bit(&FLAG_NAMES, "pat.uuid") },
            cc[class::DASH] == 4 && pt::is_uuid(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.jwt") },
            cc[class::DOT] == 2 && pt::is_jwt(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.aws_key") },
            upper > 0 && pt::is_aws_access_key(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.secret_token") },
            b.len() >= 16
                && at == 0
                && letters >= 2
                && (spaces == 0 || lead.is_ascii_alphabetic() || lead == b'-')
                && pt::is_secret_token(v),
        );
        set(const { bit(&FLAG_NAMES, "pat.hex_digest") }, pt::is_hex_digest(v));
        set(
            const { bit(&FLAG_NAMES, "pat.crypt_hash") },
            b.first() == Some(&b'$') && pt::is_crypt_hash(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.base64") },
            b.len() >= 20 && pt::is_base64_blob(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.hex_colour") },
            b.first() == Some(&b'#') && pt::is_hex_colour(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.version") },
            cc[class::DOT] > 0 && pt::is_version_string(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.phone") },
            digits >= 7 && pt::is_phone_plausible(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.e164") },
            b.first() == Some(&b'+') && pt::is_e164(v),
        );
        set(const { bit(&FLAG_NAMES, "pat.us_zip") }, pt::is_us_zip(v));
        set(const { bit(&FLAG_NAMES, "pat.uk_postcode") }, pt::is_uk_postcode(v));
        set(const { bit(&FLAG_NAMES, "pat.ca_postcode") }, pt::is_ca_postcode(v));
        set(const { bit(&FLAG_NAMES, "pat.postcode_like") }, pt::is_postcode_like(v));
        set(
            const { bit(&FLAG_NAMES, "pat.boolean") },
            b.len() <= 5 && pt::is_boolean_token(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.gender") },
            b.len() <= 12 && pt::is_gender_token(v),
        );
        set(const { bit(&FLAG_NAMES, "pat.username") }, pt::is_username_like(v));
        set(
            const { bit(&FLAG_NAMES, "pat.street") },
            digits > 0 && letters > 0 && cc[class::SPACE] > 0 && pt::is_street_address_like(v),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.digits_only") },
            digits_only && !b.is_empty(),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.alnum_code") },
            digits > 0
                && letters > 0
                && words == 1
                && b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_/.#".contains(c)),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.hex_only") },
            b.len() >= 8 && b.iter().all(u8::is_ascii_hexdigit),
        );
        set(
            const { bit(&FLAG_NAMES, "pat.letters_and_digits") },
            digits > 0 && letters > 0,
        );
        set(const { bit(&FLAG_NAMES, "pat.leading_plus") }, b.first() == Some(&b'+'));
        if digits >= 6 {
            let mut buf = [0u8; 24];
            let mut k = 0;
            let mut only_sep = true;
            for &c in b {
                if c.is_ascii_digit() {
                    if k < buf.len() {
                        buf[k] = c;
                    }
                    k += 1;
                } else if !b" -.".contains(&c) {
                    only_sep = false;
                }
            }
            set(
                const { bit(&FLAG_NAMES, "chk.card") },
                (13..=23).contains(&b.len()) && ck::is_card_number(v),
            );
            set(
                const { bit(&FLAG_NAMES, "chk.luhn_digits") },
                only_sep && (12..=19).contains(&k) && ck::luhn_valid(&buf[..k.min(24)]),
            );
            set(const { bit(&FLAG_NAMES, "chk.iban") }, b.len() >= 15 && ck::is_iban(v));
            set(const { bit(&FLAG_NAMES, "chk.ssn_shape") }, ck::ssn_shape(v));
            set(const { bit(&FLAG_NAMES, "chk.ssn_valid") }, ck::ssn_valid(v));
            set(const { bit(&FLAG_NAMES, "chk.uk_nino") }, ck::is_uk_nino(v));
            set(const { bit(&FLAG_NAMES, "chk.ca_sin") }, ck::is_ca_sin(v));
            set(const { bit(&FLAG_NAMES, "chk.fr_insee") }, ck::is_fr_insee(v));
            set(const { bit(&FLAG_NAMES, "chk.es_dni") }, ck::is_es_dni(v));
            set(const { bit(&FLAG_NAMES, "chk.isbn") }, ck::is_isbn(v));
            set(const { bit(&FLAG_NAMES, "chk.passport_like") }, ck::is_passport_like(v));
        }
        set(const { bit(&FLAG_NAMES, "date.date") }, date.is_some());
        set(const { bit(&FLAG_NAMES, "date.datetime") }, datetime.is_some());
        set(
            const { bit(&FLAG_NAMES, "date.time") },
            cc[class::COLON] >= 1 && date.is_none() && datetime.is_none() && dates::parse_time(v).is_some(),
        );
        set(
            const { bit(&FLAG_NAMES, "date.unix_ts") },
            digits_only && dates::is_unix_timestamp(v),
        );

        let mut dicts = 0u32;
        // Names, places and titles hold letters and no '@' or '/'; only they reach the dictionaries.
        if letters > 0 && b.len() <= 80 && at == 0 && cc[class::SLASH] == 0 && (digits == 0 || cc[class::SPACE] > 0) {
            text::normalize_into(v, scratch);
            let norm = scratch.as_str();
            let mut dset = |bit: u32, on: bool| dicts |= u32::from(on) << bit;
            let toks: Vec<&str> = norm.split([' ', ',']).filter(|t| !t.is_empty()).collect();
            let first = toks.first().copied().unwrap_or("");
            let last = toks.last().copied().unwrap_or("");
            let titled = NAME_TITLES.contains(&first.trim_end_matches('.'));
            let given = if titled {
                toks.get(1).copied().unwrap_or("")
            } else {
                first
            };
            dset(
                const { bit(&DICT_NAMES, "dict.first_name") },
                dict::contains(Dict::FirstName, norm),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.last_name") },
                dict::contains(Dict::LastName, norm),
            );
            let name_like = (2..=4).contains(&toks.len()) && digits == 0;
            let first_is_given = dict::contains(Dict::FirstName, given);
            let last_is_family = dict::contains(Dict::LastName, last);
            // "Smith, John" is a full name too.
            let reversed =
                norm.contains(',') && dict::contains(Dict::LastName, first) && dict::contains(Dict::FirstName, last);
            dset(
                const { bit(&DICT_NAMES, "dict.full_name") },
                name_like && ((first_is_given && last_is_family) || reversed),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.first_token_first_name") },
                toks.len() >= 2 && first_is_given,
            );
            dset(
                const { bit(&DICT_NAMES, "dict.last_token_last_name") },
                toks.len() >= 2 && last_is_family,
            );
            dset(
                const { bit(&DICT_NAMES, "dict.city") },
                dict::contains(Dict::City, norm),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.country") },
                dict::contains(Dict::Country, norm),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.country_code") },
                b.len() <= 3 && dict::contains(Dict::CountryCode, norm),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.state") },
                dict::contains(Dict::State, norm),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.state_code") },
                b.len() <= 3 && dict::contains(Dict::StateCode, norm),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.job_title") },
                dict::contains(Dict::JobTitle, norm),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.company_suffix") },
                toks.len() >= 2 && dict::contains(Dict::CompanySuffix, last.trim_end_matches('.')),
            );
            dset(
                const { bit(&DICT_NAMES, "dict.street_word") },
                toks.len() >= 2
                    && toks
                        .iter()
                        .any(|t| dict::contains(Dict::StreetWord, t.trim_end_matches('.'))),
            );
            dset(const { bit(&DICT_NAMES, "dict.name_title") }, titled && toks.len() >= 2);
            dset(
                const { bit(&DICT_NAMES, "dict.org_word") },
                toks.iter()
                    .any(|t| dict::contains(Dict::OrgWord, t.trim_end_matches('.')))
                    || cjk_suffix(norm, Dict::OrgWord),
            );
            // A unit word at either end ("Amphoe Amphawa", "Aleutians East Borough", "Andong-si",
            // "حي العمل") or as a CJK/Hangul suffix ("札幌市"); in the middle it is mostly prose.
            let unit = |t: &str| {
                let t = t.trim_end_matches('.');
                dict::contains(Dict::PlaceWord, t)
                    || t.rsplit_once('-')
                        .is_some_and(|(_, tail)| dict::contains(Dict::PlaceWord, tail))
            };
            dset(const { bit(&DICT_NAMES, "dict.cjk_name") }, is_cjk_name(norm));
            dset(
                const { bit(&DICT_NAMES, "dict.place_word") },
                unit(first) || unit(last) || cjk_suffix(norm, Dict::PlaceWord),
            );
        }

        ValueFacts {
            class_share,
            words,
            digits,
            title_case,
            all_upper: letters > 0 && lower == 0 && upper > 0,
            all_lower: letters > 0 && upper == 0 && lower > 0,
            sentence_end: words >= 3 && matches!(b.last(), Some(b'.' | b'!' | b'?')),
            char_entropy: byte_entropy(b),
            number,
            date_year,
            flags,
            dicts,
            script: super::script::dominant(v, cc[class::NON_ASCII] == 0),
        }
    }
}

/// Han, kana and Hangul letters: scripts that write names and words without spaces.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Whether `norm` reads as an East Asian personal name: two to five Han or Hangul letters, at most
/// one space (佐藤 太郎, 佐藤　太郎), starting with a family name of `dict/cjk_surnames.txt`
/// (김민준, 王秀英). A place or a word of two letters may start like a name too; the model weighs
/// this beside the place and organisation words.
fn is_cjk_name(norm: &str) -> bool {
    let letters = norm.chars().filter(|&c| is_cjk(c)).count();
    let spaces = norm.chars().filter(|&c| c == ' ' || c == '\u{3000}').count();
    if !(2..=5).contains(&letters) || spaces > 1 || letters + spaces != norm.chars().count() {
        return false;
    }
    let head = norm.split([' ', '\u{3000}']).next().unwrap_or("");
    let prefix = |k: usize| head.char_indices().nth(k).map_or(head, |(i, _)| &head[..i]);
    // a family name and at least one letter of the given name
    (1..=2).any(|k| {
        let p = prefix(k);
        p.chars().count() == k && (spaces == 1 || p.len() < head.len()) && dict::contains(Dict::CjkSurname, p)
    })
}

/// Whether `norm` ends in one to three CJK or Hangul characters that are an entry of `dict`
/// ("札幌市" ends in 市, "서울대학교" in 대학교): these scripts write unit and organisation words
/// without a space, so a token look-up never sees them.
fn cjk_suffix(norm: &str, dict_: Dict) -> bool {
    // the suffix must be shorter than the whole value: the value names something of that kind
    norm.char_indices()
        .rev()
        .take(3)
        .take_while(|&(_, c)| is_cjk(c))
        .any(|(i, _)| i > 0 && dict::contains(dict_, &norm[i..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_fit_in_a_u64_and_names_are_unique() {
        assert!(FLAG_NAMES.len() <= 64 && DICT_NAMES.len() <= 32);
        let mut all: Vec<&str> = FLAG_NAMES.iter().chain(DICT_NAMES.iter()).copied().collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), FLAG_NAMES.len() + DICT_NAMES.len());
    }

    fn has(v: &str, slot: &str) -> bool {
        let i = DICT_NAMES.iter().position(|n| *n == slot).expect("slot");
        ValueFacts::of(v, &mut String::new()).dicts & (1 << i) != 0
    }

    #[test]
    fn organisation_and_place_words() {
        for v in [
            "University of Minnesota",
            "Sunderland AFC",
            "Redwood City Public Library",
            "東京大学",
            "自由民主党",
        ] {
            assert!(has(v, "dict.org_word"), "{v}");
        }
        for v in ["Smith", "Grinning face", "Oakland", "学生"] {
            assert!(!has(v, "dict.org_word"), "{v}");
        }
        for v in [
            "Amphoe Amphawa",
            "Aleutians East Borough",
            "Andong-si",
            "حي العمل",
            "札幌市",
            "Балаклавский район",
        ] {
            assert!(has(v, "dict.place_word"), "{v}");
        }
        // a unit word inside prose, a word that only ends in a unit word, a unit character not at the end: not places
        for v in ["we drove to the county fair today", "Oakland", "Петербург", "市場"] {
            assert!(!has(v, "dict.place_word"), "{v}");
        }
    }

    #[test]
    fn east_asian_names() {
        for v in ["김민준", "王秀英", "佐藤 太郎", "青木\u{3000}愛", "歐陽修"] {
            assert!(has(v, "dict.cjk_name"), "{v}");
        }
        // a family name alone, a long phrase, Latin letters, two spaces: not a name
        for v in [
            "王",
            "김",
            "佐藤",
            "政府情報システムの移行",
            "Wang Xiuying",
            "佐藤 太 郎",
        ] {
            assert!(!has(v, "dict.cjk_name"), "{v}");
        }
    }

    #[test]
    fn entropy_of_simple_values() {
        assert_eq!(byte_entropy(b"aaaa"), 0.0);
        assert!((byte_entropy(b"abab") - 1.0).abs() < 1e-6);
    }
}
