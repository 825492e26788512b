//! Postal codes and street addresses.

use super::*;
use crate::features::dict::{self, Dict};

/// US ZIP code: 5 digits or ZIP+4 `12345-6789`, not 00000.
pub fn is_us_zip(s: &str) -> bool {
    let b = s.as_bytes();
    (shape(b, b"99999") || shape(b, b"99999-9999")) && !b.starts_with(b"00000")
}

/// UK postcode: outward code A9, A99, AA9, AA99, A9A or AA9A with Royal Mail letter rules, optional single space, inward 9AA (no C I K M O V), upper or lower case; also GIR 0AA.
pub fn is_uk_postcode(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || b.len() > 8 || !one_case(b) {
        return false;
    }
    let (out, inward) = match b.iter().position(|&c| c == b' ') {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => b.split_at(b.len() - 3),
    };
    let mut buf = [0u8; 8];
    let up = &mut buf[..out.len()];
    up.copy_from_slice(out);
    up.make_ascii_uppercase();
    let inward_ok = match inward {
        [d, x, y] => {
            d.is_ascii_digit()
                && [x, y]
                    .iter()
                    .all(|c| c.is_ascii_alphabetic() && !b"CIKMOV".contains(&c.to_ascii_uppercase()))
        }
        _ => false,
    };
    if up == b"GIR" {
        return inward.eq_ignore_ascii_case(b"0AA");
    }
    let l = |c: &u8| c.is_ascii_uppercase();
    let d = u8::is_ascii_digit;
    let out_ok = match &*up {
        [a, rest @ ..] if l(a) && !b"QVX".contains(a) => match rest {
            [x] => d(x),
            [x, y] if d(x) => d(y) || b"ABCDEFGHJKPSTUW".contains(y),
            [x, y] => l(x) && !b"IJZ".contains(x) && d(y),
            [x, y, z] => l(x) && !b"IJZ".contains(x) && d(y) && (d(z) || b"ABEHMNPRVWXY".contains(z)),
            _ => false,
        },
        _ => false,
    };
    inward_ok && out_ok
}

/// Canadian postal code `A1A 1A1` (space optional, upper or lower case) without the unused letters D F I O Q U, and not starting with W or Z.
pub fn is_ca_postcode(s: &str) -> bool {
    let b = s.as_bytes();
    let letters_ok = |x: &[u8]| {
        x.iter()
            .filter(|c| c.is_ascii_alphabetic())
            .all(|c| !b"DFIOQU".contains(&c.to_ascii_uppercase()))
    };
    (shape(b, b"A9A 9A9") || shape(b, b"A9A9A9"))
        && letters_ok(b)
        && one_case(b)
        && !b"WZ".contains(&b[0].to_ascii_uppercase())
}

/// Any postal code shape: US, UK or Canadian code, 4-6 bare digits, NL `1234 AB`, PL `12-345`, BR `12345-678`, PT `1234-567`, JP `123-4567` or SE/CZ/GR `123 45`.
pub fn is_postcode_like(s: &str) -> bool {
    const SHAPES: [&[u8]; 5] = [b"99-999", b"99999-999", b"9999-999", b"999-9999", b"999 99"];
    let b = s.as_bytes();
    let bare_digits = (4..=6).contains(&b.len()) && b.iter().all(u8::is_ascii_digit);
    // Dutch codes never start with 0 and never use the letter pairs SA, SD or SS.
    let dutch = (shape(b, b"9999 AA") || shape(b, b"9999AA"))
        && b[0] != b'0'
        && ![&b"SA"[..], b"SD", b"SS"]
            .iter()
            .any(|p| b[b.len() - 2..].eq_ignore_ascii_case(p));
    bare_digits || dutch || SHAPES.iter().any(|p| shape(b, p)) || is_us_zip(s) || is_uk_postcode(s) || is_ca_postcode(s)
}

/// Endings of compound street names (Hauptstraße, Kerkstraat, Storgatan, ...).
const STREET_SUFFIXES: &str = concat!(
    "straße strasse str weg gasse platz allee damm ufer straat laan gracht plein gatan vägen vej gade ",
    "veien",
);

/// Whether `tok` (trailing dot removed) is a street-type word of the street-word dictionary
/// (`dict/street_words.txt`: "Street", "rue", "Straße", "ul", ...). A one-letter abbreviation
/// ("R." for rua) counts only when it was written with its dot, so that "R 2" or "B 12" are no streets.
/// An ASCII token (no spaces or controls here) normalises to its lower case, so it is looked up
/// from a stack buffer; only a non-ASCII word is folded into `buf` ("Straße" → "strasse").
fn is_street_word(tok: &[u8], dotted: bool, buf: &mut String) -> bool {
    if tok.len() < 2 && !dotted {
        return false;
    }
    let mut ascii = [0u8; 24];
    if tok.is_ascii() {
        return tok.len() <= ascii.len() && {
            let low = &mut ascii[..tok.len()];
            low.copy_from_slice(tok);
            low.make_ascii_lowercase();
            std::str::from_utf8(low).is_ok_and(|w| dict::contains(Dict::StreetWord, w))
        };
    }
    std::str::from_utf8(tok).is_ok_and(|t| dict::lookup(Dict::StreetWord, t, buf))
}

/// A house number token: optional `#`, 1-5 digits, then up to 3 letters (221B, 12bis) or a `-`/`/` range (12-14, 4/2).
pub(super) fn house_number(t: &[u8]) -> bool {
    let t = t.strip_prefix(b"#").unwrap_or(t);
    let d = t.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &t[d..];
    (1..=5).contains(&d)
        && match rest {
            [b'-' | b'/', r @ ..] => {
                let d2 = r.iter().take_while(|c| c.is_ascii_digit()).count();
                (1..=5).contains(&d2) && r[d2..].len() <= 1 && r[d2..].iter().all(u8::is_ascii_alphabetic)
            }
            _ => rest.len() <= 3 && rest.iter().all(u8::is_ascii_alphabetic),
        }
}

/// Street address: a house number at the start or end of a comma-separated part plus a street word ("Street", "rue", "-straße", ...), or a leading number followed only by two or more words ("12 Oak Ridge"); "Order 12345" and "5 March 2024" fail.
pub fn is_street_address_like(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 4 || b.len() > 200 {
        return false;
    }
    let (mut tokens, mut words, mut numbers) = (0usize, 0usize, 0usize);
    let (mut keyword, mut number_at_edge, mut first_is_number) = (false, false, false);
    let mut word = String::new();
    for part in b.split(|&c| c == b',' || c == b';') {
        let mut last_was_number = false;
        for (i, tok) in part.split(|&c| c == b' ').filter(|t| !t.is_empty()).enumerate() {
            tokens += 1;
            last_was_number = house_number(tok);
            if last_was_number {
                numbers += 1;
                number_at_edge |= i == 0;
                first_is_number |= tokens == 1;
            } else if tok.first().is_some_and(letter) && tok.iter().all(|c| letter(c) || b"-'.".contains(c)) {
                words += 1;
                let mut buf = [0u8; 24];
                let dotted = tok.ends_with(b".");
                let bare = tok.strip_suffix(b".").unwrap_or(tok);
                keyword |= is_street_word(bare, dotted, &mut word);
                if let Some(w) = lower(bare, &mut buf) {
                    keyword |= STREET_SUFFIXES
                        .split(' ')
                        .any(|k| w.len() > k.len() && w.ends_with(k.as_bytes()));
                }
            } else {
                numbers += 2; // a date, an id, or punctuation that is no part of a street name
            }
        }
        number_at_edge |= last_was_number;
    }
    tokens >= 2 && ((keyword && number_at_edge) || (first_is_number && numbers == 1 && words >= 2))
}
