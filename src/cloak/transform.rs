//! The actions applied to one value. Pure functions of the value, its label and the key: the
//! same input, policy and key give the same bytes on every platform.

use super::key::{Key, Purpose};
use super::labels::{Fake, Generalise, LabelActions, Mask, Norm};
use super::policy::Action;
use crate::features::checksums;
use crate::features::dict::{self, Dict};
use crate::hash::Rng;

/// What happened to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Written,
    /// `generalise` could not read the value (not a date, not an address, ...): it was redacted.
    Unreadable,
}

/// The alphabet of tokens: lower-case letters and digits without the look-alikes 0/o and 1/l.
const TOKEN_ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
/// Token characters: 16 × 5 bits = 80 bits, so two values share a token with odds of about
/// n² / 2⁸¹ (one in a trillion for 10 million distinct values).
const TOKEN_CHARS: usize = 16;

/// Draws of a fake before one without a piece of the value is taken (the odds of needing a
/// second are about 1 in 100 for a card, of needing a ninth negligible).
const FAKE_DRAWS: usize = 8;
/// Characters in a row that make a piece of a value.
const PIECE_CHARS: usize = 6;

/// Whether `fake` holds `PIECE_CHARS` consecutive characters of `value` (or all of a shorter one).
fn shares_piece(value: &str, fake: &str) -> bool {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() < PIECE_CHARS {
        return chars.len() > 2 && fake.contains(value);
    }
    let mut piece = String::new();
    chars.windows(PIECE_CHARS).any(|w| {
        piece.clear();
        piece.extend(w);
        fake.contains(piece.as_str())
    })
}

/// Writes `value` (trimmed, not null) cloaked by `action` into `out` (cleared first); `norm` is
/// scratch space for the normalised value. `Keep` and `Drop` are the caller's (they never reach here).
#[allow(clippy::too_many_arguments)]
pub fn apply(
    action: Action,
    label: &str,
    la: &LabelActions,
    value: &str,
    key: &Key,
    redaction: &str,
    norm: &mut String,
    out: &mut String,
) -> Outcome {
    out.clear();
    norm.clear();
    match action {
        Action::Keep | Action::Drop => out.push_str(value),
        Action::Redact => out.push_str(redaction),
        Action::Mask => mask(la.mask, value, out),
        Action::Pseudonymise => {
            normalise_into(la.norm, value, norm);
            pseudonym(label, norm, key, out)
        }
        Action::Generalise => {
            let done = la.generalise.is_some_and(|g| generalise(g, value, out));
            if !done {
                out.clear();
                out.push_str(redaction);
                return Outcome::Unreadable;
            }
        }
        Action::Fake => {
            normalise_into(la.norm, value, norm);
            let seed = key.derive(Purpose::Fake, norm.as_bytes());
            let mut w = [0u8; 8];
            w.copy_from_slice(&seed[..8]);
            let mut rng = Rng::new(u64::from_le_bytes(w));
            // A fake drawn with a piece of the value in it (a name drawn as itself, 4 digits of a
            // card drawn again by chance) is drawn again, so no fake carries its own value's pieces.
            for _ in 0..FAKE_DRAWS {
                out.clear();
                fake(la.fake, label, value, &mut rng, out);
                if !shares_piece(value, out) {
                    return Outcome::Written;
                }
            }
            // Some layouts keep words of the value (a street word, a date's separators): after
            // the last draw, every letter and digit is drawn; a value that is mostly punctuation
            // is redacted.
            out.clear();
            shape(value, &mut rng, out);
            if shares_piece(value, out) {
                out.clear();
                out.push_str(redaction);
            }
        }
    }
    Outcome::Written
}

/// The form of a value that is pseudonymised, into `out`: one token for the same thing written
/// two ways.
pub fn normalise_into(norm: Norm, value: &str, out: &mut String) {
    match norm {
        Norm::Compact => out.extend(
            value
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_uppercase),
        ),
        Norm::Folded if value.is_ascii() => {
            // The common case, a byte at a time (a fifth of a pseudonym's cost went to Unicode
            // lower-casing of ASCII text).
            for (i, w) in value.split_whitespace().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
            }
        }
        Norm::Folded => {
            for (i, w) in value.split_whitespace().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.extend(w.chars().flat_map(char::to_lowercase));
            }
        }
        Norm::Exact => out.push_str(value),
    }
}

fn pseudonym(label: &str, normalised: &str, key: &Key, out: &mut String) {
    let d = key.derive(Purpose::Pseudonym, normalised.as_bytes());
    out.push_str(label);
    out.push('_');
    // 80 bits of the digest, 5 at a time.
    let mut bits: u128 = 0;
    for b in &d[..10] {
        bits = (bits << 8) | u128::from(*b);
    }
    for i in (0..TOKEN_CHARS).rev() {
        out.push(TOKEN_ALPHABET[((bits >> (5 * i)) & 31) as usize] as char);
    }
}

// ---- mask ----

fn mask(m: Mask, value: &str, out: &mut String) {
    match m {
        Mask::Last(n) => {
            let total = value.chars().filter(|c| c.is_alphanumeric()).count();
            // Never more than half of the letters and digits.
            let keep = n.min(total / 2);
            let mut seen = 0;
            for c in value.chars() {
                if c.is_alphanumeric() {
                    seen += 1;
                    out.push(if seen > total - keep { c } else { '*' });
                } else {
                    out.push(c);
                }
            }
        }
        Mask::EmailDomain => match value.rsplit_once('@') {
            Some((_, domain)) if is_hostname(domain) => {
                out.push_str("***@");
                out.push_str(domain);
            }
            _ => mask(Mask::Shape, value, out),
        },
        Mask::Initials => {
            for (i, w) in value.split_whitespace().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                if let Some(c) = w.chars().find(|c| c.is_alphanumeric()) {
                    out.push(c);
                }
                out.push_str("***");
            }
        }
        Mask::Shape => out.extend(value.chars().map(|c| if c.is_alphanumeric() { '*' } else { c })),
    }
}

/// A DNS host name: letters, digits, `-` and `.`, with a dot, no empty label, at most 253 bytes.
fn is_hostname(s: &str) -> bool {
    s.len() <= 253
        && s.contains('.')
        && s.split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

// ---- generalise ----

/// Runs of ASCII digits: (start byte, text).
fn digit_runs(value: &str) -> Vec<(usize, &str)> {
    let b = value.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, &value[start..i]));
        } else {
            i += 1;
        }
    }
    runs
}

fn generalise(g: Generalise, value: &str, out: &mut String) -> bool {
    match g {
        Generalise::Year => {
            let year = digit_runs(value)
                .into_iter()
                .map(|(_, r)| r)
                .find(|r| r.len() == 4 && matches!(r.as_bytes()[0], b'1' | b'2'));
            year.map(|y| out.push_str(y)).is_some()
        }
        Generalise::AgeBand => match value.parse::<f64>() {
            Ok(v) if (0.0..150.0).contains(&v) => {
                let a = v as u32;
                if a >= 90 {
                    out.push_str("90+");
                } else {
                    let lo = a / 5 * 5;
                    out.push_str(&format!("{lo}-{}", lo + 4));
                }
                true
            }
            _ => false,
        },
        Generalise::PostalPrefix => {
            let (head, separated) = match value.find([' ', '-']) {
                Some(i) => (&value[..i], true),
                None => (value, false),
            };
            if head.is_empty() || !head.chars().all(|c| c.is_ascii_alphanumeric()) {
                return false;
            }
            let digits = head.bytes().all(|b| b.is_ascii_digit());
            if digits && head.len() >= 4 {
                out.push_str(&head[..3]);
            } else if separated && !digits && (2..=4).contains(&head.len()) {
                // The outward code of a UK or Canadian postcode: `SW1A 1AA` → `SW1A`.
                out.push_str(head);
            } else if !separated && (4..=10).contains(&head.len()) {
                out.push_str(&head[..3]);
            } else {
                return false;
            }
            true
        }
        Generalise::TwoDecimals => match value.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= 180.0 => {
                let s = format!("{v:.2}");
                out.push_str(if s == "-0.00" { "0.00" } else { &s });
                true
            }
            _ => false,
        },
        Generalise::IpNetwork => {
            let text = value.trim_start_matches('[').trim_end_matches(']');
            if let Ok(v4) = text.parse::<std::net::Ipv4Addr>() {
                let o = v4.octets();
                out.push_str(&format!("{}.{}.{}.0/24", o[0], o[1], o[2]));
                true
            } else if let Ok(v6) = text.parse::<std::net::Ipv6Addr>() {
                let s = v6.segments();
                let net = std::net::Ipv6Addr::new(s[0], s[1], s[2], 0, 0, 0, 0, 0);
                out.push_str(&format!("{net}/48"));
                true
            } else {
                false
            }
        }
        Generalise::MacVendor => {
            let hex: Vec<char> = value.chars().filter(|c| c.is_ascii_hexdigit()).collect();
            let shaped = value.chars().all(|c| c.is_ascii_hexdigit() || ":-. ".contains(c));
            if hex.len() != 12 || !shaped {
                return false;
            }
            for (i, pair) in hex[..6].chunks(2).enumerate() {
                if i > 0 {
                    out.push(':');
                }
                out.extend(pair.iter().map(|c| c.to_ascii_uppercase()));
            }
            true
        }
        Generalise::UrlOrigin => {
            let (scheme, rest) = match value.split_once("://") {
                Some((s, r)) if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) => {
                    (Some(s), r)
                }
                _ => (None, value),
            };
            let authority = rest.split(['/', '?', '#', ';', '\\']).next().unwrap_or("");
            let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            // A host name or [IPv6], and a port: anything else in it is not an origin.
            let (name, port) = match host.rsplit_once(':') {
                Some((n, p)) if !n.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && !n.ends_with(':') => (n, p),
                _ => (host, ""),
            };
            let bracketed = name.starts_with('[') && name.ends_with(']');
            if !(bracketed || is_hostname(name)) || (scheme.is_none() && !name.contains('.')) || port.len() > 5 {
                return false;
            }
            if let Some(s) = scheme {
                out.push_str(s);
                out.push_str("://");
            }
            out.push_str(host);
            true
        }
    }
}

// ---- fake ----

fn pick(rng: &mut Rng, d: Dict) -> &'static str {
    let e = dict::entries(d);
    if e.is_empty() {
        return "x";
    }
    e[rng.below(e.len() as u64) as usize]
}

/// `word` (a lower-case dictionary entry) in the case style of `like`.
fn cased(word: &str, like: &str) -> String {
    let letters: Vec<char> = like.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) {
        return word.to_uppercase();
    }
    if !letters.is_empty() && letters.iter().all(|c| c.is_lowercase()) {
        return word.to_string();
    }
    word.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn digit(rng: &mut Rng) -> char {
    (b'0' + rng.below(10) as u8) as char
}

/// Digits for digits, letters for letters (hex for hex), punctuation kept; letters of other
/// scripts become ASCII letters, so nothing of the value is left.
fn shape(value: &str, rng: &mut Rng, out: &mut String) {
    let hex = value.chars().all(|c| c.is_ascii_hexdigit() || "-:{} ".contains(c));
    let letters: &[u8] = if hex { b"abcdef" } else { b"abcdefghijklmnopqrstuvwxyz" };
    for c in value.chars() {
        if c.is_ascii_digit() {
            out.push(digit(rng));
        } else if c.is_alphabetic() {
            let l = letters[rng.below(letters.len() as u64) as usize] as char;
            out.push(if c.is_uppercase() { l.to_ascii_uppercase() } else { l });
        } else if c.is_numeric() {
            out.push(digit(rng));
        } else {
            out.push(c);
        }
    }
}

/// `value` with its letters and digits replaced, in order, by `chars` (punctuation kept).
fn respaced(value: &str, chars: &[u8], out: &mut String) {
    let mut it = chars.iter();
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(it.next().copied().unwrap_or(b'0') as char);
        } else {
            out.push(c);
        }
    }
}

fn fake(f: Fake, label: &str, value: &str, rng: &mut Rng, out: &mut String) {
    match f {
        Fake::FirstName => out.push_str(&cased(pick(rng, Dict::FirstName), value)),
        Fake::LastName => out.push_str(&cased(pick(rng, Dict::LastName), value)),
        Fake::City => out.push_str(&cased(pick(rng, Dict::City), value)),
        Fake::PersonName => {
            let first = cased(pick(rng, Dict::FirstName), value);
            let last = cased(pick(rng, Dict::LastName), value);
            if value.contains(',') {
                out.push_str(&format!("{last}, {first}"));
            } else if value.split_whitespace().count() < 2 {
                out.push_str(&first);
            } else {
                out.push_str(&format!("{first} {last}"));
            }
        }
        Fake::Username | Fake::Email => {
            let first = pick(rng, Dict::FirstName).replace(' ', "");
            let last = pick(rng, Dict::LastName).replace(' ', "");
            let n = rng.below(100);
            if f == Fake::Username {
                out.push_str(&format!("{}{last}{n}", first.chars().next().unwrap_or('x')));
            } else {
                // Domains reserved for examples (RFC 2606): mail to them goes nowhere.
                let domain = ["example.com", "example.org", "example.net"][rng.below(3) as usize];
                out.push_str(&format!("{first}.{last}{n}@{domain}"));
            }
        }
        Fake::Card => {
            let mut d: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
            if d.len() < 2 || value.chars().any(|c| c.is_alphabetic()) {
                return shape(value, rng, out);
            }
            let n = d.len();
            for x in d.iter_mut().take(n - 1).skip(1) {
                *x = digit(rng) as u8;
            }
            // The check digit that fails: the valid one plus 1 to 9.
            let valid = (b'0'..=b'9')
                .find(|&c| {
                    d[n - 1] = c;
                    checksums::luhn_valid(&d)
                })
                .unwrap_or(b'0');
            d[n - 1] = b'0' + ((valid - b'0') as u64 + 1 + rng.below(9)) as u8 % 10;
            respaced(value, &d, out);
        }
        Fake::Iban => {
            let mut c: Vec<u8> = value
                .bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_uppercase())
                .collect();
            if c.len() < 5 || !c[..2].iter().all(u8::is_ascii_alphabetic) {
                return shape(value, rng, out);
            }
            for x in c.iter_mut().skip(4) {
                *x = if x.is_ascii_digit() {
                    digit(rng) as u8
                } else {
                    b'A' + rng.below(26) as u8
                };
            }
            // Check digits 02-98 that fail mod-97, starting at a random one.
            let start = rng.below(97);
            for k in 0..97 {
                let v = 2 + (start + k) % 97;
                c[2] = b'0' + (v / 10) as u8;
                c[3] = b'0' + (v % 10) as u8;
                if !checksums::is_iban(std::str::from_utf8(&c).unwrap_or("")) {
                    break;
                }
            }
            respaced(value, &c, out);
        }
        Fake::Ssn => {
            let count = value.bytes().filter(u8::is_ascii_digit).count();
            if count != 9 || !value.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b' ') {
                return shape(value, rng, out);
            }
            // Group 00 is never issued, so the number cannot be anybody's.
            let mut area = 1 + rng.below(899);
            if area == 666 {
                area = 667;
            }
            let serial = 1 + rng.below(9999);
            let d = format!("{area:03}00{serial:04}");
            respaced(value, d.as_bytes(), out);
        }
        Fake::Date => fake_date(label == "date_of_birth", value, rng, out),
        Fake::Ip => {
            if value.parse::<std::net::Ipv4Addr>().is_ok() {
                // The documentation ranges (RFC 5737): never a real host.
                let net = ["192.0.2", "198.51.100", "203.0.113"][rng.below(3) as usize];
                out.push_str(&format!("{net}.{}", 1 + rng.below(254)));
            } else if value.parse::<std::net::Ipv6Addr>().is_ok() {
                out.push_str(&format!("2001:db8::{:x}:{:x}", rng.below(65536), rng.below(65536)));
            } else {
                shape(value, rng, out);
            }
        }
        Fake::Street => {
            let mut buf = String::new();
            for (i, w) in value.split(' ').enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let alpha = w.chars().any(char::is_alphabetic);
                if alpha && !dict::lookup(Dict::StreetWord, w, &mut buf) {
                    out.push_str(&cased(pick(rng, Dict::LastName), w));
                } else if alpha {
                    out.push_str(w);
                } else {
                    shape(w, rng, out);
                }
            }
        }
        Fake::Shape => shape(value, rng, out),
    }
}

/// A date in the layout of `value`: its digit runs rewritten (year, month, day, then time parts
/// in range). Month and day are both at most 12 when the order is ambiguous, so the date is
/// valid whichever way it is read.
fn fake_date(birth: bool, value: &str, rng: &mut Rng, out: &mut String) {
    let runs = digit_runs(value);
    let Some(year_at) = runs.iter().take(3).position(|(_, r)| r.len() == 4) else {
        return shape(value, rng, out);
    };
    if runs.len() < 3 || (year_at != 0 && year_at != 2) {
        return shape(value, rng, out);
    }
    let old_year: u64 = runs[year_at].1.parse().unwrap_or(2000);
    let year = if birth {
        1940 + rng.below(66)
    } else {
        old_year.saturating_sub(5) + rng.below(11)
    };
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(if year_at == 0 { 28 } else { 12 });
    let mut last = 0;
    for (k, (start, run)) in runs.iter().enumerate() {
        out.push_str(&value[last..*start]);
        let n = match (k, year_at) {
            (k, y) if k == y => year,
            (1, 0) => month,
            (2, 0) | (1, 2) => day,
            (0, 2) => month,
            (3, _) => rng.below(24),
            (4 | 5, _) => rng.below(60),
            _ => rng.below(10u64.pow(run.len().min(9) as u32)),
        };
        let text = format!("{n:0w$}", w = run.len());
        out.push_str(&text[text.len().saturating_sub(run.len().max(1))..]);
        last = start + run.len();
    }
    out.push_str(&value[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloak::labels::for_label;

    fn key() -> Key {
        Key::given(b"a test key of 24 bytes..").unwrap()
    }

    fn run(action: Action, label: &str, value: &str) -> String {
        let mut out = String::new();
        apply(
            action,
            label,
            &for_label(label),
            value,
            &key(),
            "[redacted]",
            &mut String::new(),
            &mut out,
        );
        out
    }

    #[test]
    fn masks_keep_what_the_label_allows() {
        assert_eq!(
            run(Action::Mask, "credit_card_number", "4111 1111 1111 1234"),
            "**** **** **** 1234"
        );
        assert_eq!(
            run(Action::Mask, "phone_number", "+1 (555) 010-7788"),
            "+* (***) ***-7788"
        );
        assert_eq!(run(Action::Mask, "email", "ann.lee@example.org"), "***@example.org");
        // Not just a domain after the `@`: the whole value is masked.
        assert_eq!(run(Action::Mask, "email", "ann@x.org (Ann Lee)"), "***@*.*** (*** ***)");
        assert_eq!(run(Action::Mask, "person_name", "Ann  Lee"), "A*** L***");
        assert_eq!(run(Action::Mask, "ssn", "123-45-6789"), "***-**-6789");
        // Never more than half: a 4-digit value keeps 2.
        assert_eq!(run(Action::Mask, "phone_number", "1234"), "**34");
        assert_eq!(run(Action::Mask, "api_key", "sk_live_ab12"), "**_****_****");
    }

    #[test]
    fn generalisations() {
        let g = |label, v| run(Action::Generalise, label, v);
        assert_eq!(g("date_of_birth", "1985-03-14"), "1985");
        assert_eq!(g("date_of_birth", "14/03/1985"), "1985");
        assert_eq!(g("date_of_birth", "yesterday"), "[redacted]");
        assert_eq!(g("age", "37"), "35-39");
        assert_eq!(g("age", "94"), "90+");
        assert_eq!(g("age", "-3"), "[redacted]");
        assert_eq!(g("postal_code", "02139"), "021");
        assert_eq!(g("postal_code", "02139-4307"), "021");
        assert_eq!(g("postal_code", "SW1A 1AA"), "SW1A");
        assert_eq!(g("latitude", "48.858370"), "48.86");
        assert_eq!(g("longitude", "-0.001"), "0.00");
        assert_eq!(g("ip_address", "192.168.17.201"), "192.168.17.0/24");
        assert_eq!(
            g("ip_address", "2001:db8:85a3:8d3:1319:8a2e:370:7348"),
            "2001:db8:85a3::/48"
        );
        assert_eq!(g("mac_address", "00-1a-2b-3c-4d-5e"), "00:1A:2B");
        assert_eq!(
            g("url", "https://ann:pw@shop.example.com:8443/u/ann?x=1"),
            "https://shop.example.com:8443"
        );
    }

    #[test]
    fn ascii_and_unicode_folding_agree() {
        for v in ["Ann  LEE", "ann lee", " Ann\tLee ", "Ann\u{b}Lee"] {
            let (mut a, mut b) = (String::new(), String::new());
            normalise_into(Norm::Folded, v, &mut a);
            // The Unicode path, forced by a non-ASCII character that folds to itself.
            normalise_into(Norm::Folded, &format!("{v} é"), &mut b);
            assert_eq!(format!("{a} é"), b, "{v:?}");
        }
    }

    #[test]
    fn pseudonyms_are_keyed_and_normalised() {
        let a = run(Action::Pseudonymise, "email", "Ann.Lee@Example.org ");
        let b = run(Action::Pseudonymise, "email", "ann.lee@example.org");
        assert_eq!(a, b);
        assert!(
            a.starts_with("email_") && a.len() == "email_".len() + TOKEN_CHARS,
            "{a}"
        );
        assert_eq!(
            run(Action::Pseudonymise, "credit_card_number", "4111-1111-1111-1111"),
            run(Action::Pseudonymise, "credit_card_number", "4111111111111111")
        );
        let other = Key::given(b"another key, 24 bytes...").unwrap();
        let mut c = String::new();
        apply(
            Action::Pseudonymise,
            "email",
            &for_label("email"),
            "ann.lee@example.org",
            &other,
            "",
            &mut String::new(),
            &mut c,
        );
        assert_ne!(a, c);
    }

    #[test]
    fn fakes_look_right_and_fail_their_checks() {
        for v in ["4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005"] {
            let f = run(Action::Fake, "credit_card_number", v);
            assert_eq!(f.len(), v.len());
            let digits: Vec<u8> = f.bytes().filter(u8::is_ascii_digit).collect();
            assert!(!checksums::luhn_valid(&digits), "{v} → {f}");
            assert_eq!(f.as_bytes()[0], v.as_bytes()[0]);
        }
        for v in ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"] {
            let f = run(Action::Fake, "iban", v);
            assert_eq!(f.len(), v.len());
            assert_eq!(&f[..2], &v[..2]);
            assert!(!checksums::is_iban(&f), "{v} → {f}");
        }
        let s = run(Action::Fake, "ssn", "123-45-6789");
        assert_eq!(&s[3..7], "-00-", "{s}");
        assert!(!checksums::ssn_valid(&s));
        let e = run(Action::Fake, "email", "ann@corp.com");
        assert!(
            e.contains('@') && (e.ends_with(".com") || e.ends_with(".org") || e.ends_with(".net")),
            "{e}"
        );
        assert!(e.contains("@example."), "{e}");
        let d = run(Action::Fake, "date_of_birth", "1985-03-14");
        assert_eq!(d.len(), 10);
        assert_eq!(&d[4..5], "-");
        let ip = run(Action::Fake, "ip_address", "10.1.2.3");
        assert!(
            ["192.0.2.", "198.51.100.", "203.0.113."]
                .iter()
                .any(|p| ip.starts_with(p)),
            "{ip}"
        );
        let n = run(Action::Fake, "person_name", "ANN LEE");
        assert_eq!(n, n.to_uppercase());
        assert_eq!(n.split(' ').count().min(2), 2, "{n}");
        // The same value and key give the same fake.
        assert_eq!(run(Action::Fake, "person_name", "ANN LEE"), n);
        // A street made of street words only is never written back with them.
        for v in ["12 Park Hill Road", "7 Mill Lane Green"] {
            let f = run(Action::Fake, "street_address", v);
            assert!(!shares_piece(v, &f), "{v} → {f}");
        }
        assert_ne!(&run(Action::Fake, "ssn", "SSN 123-45-6789")[..3], "SSN");
    }
}
