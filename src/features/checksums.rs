//! Check-digit validators for financial and national identifiers.
//!
//! Every function works on bytes with a fixed stack buffer, never allocates and
//! never panics: anything longer than the longest identifier is rejected at once.

/// Stack buffer size for an identifier with its separators removed (IBANs top out at 34).
const BUF: usize = 40;

/// Copies `s` into `buf` without its group separators (the bytes in `seps`).
///
/// Fails on a byte that is neither `keep` nor a separator, on a separator at either
/// end, on two separators in a row, on mixed separator kinds and when the result would
/// not fit. Returns the compacted bytes and the separator used (0 when there was none).
fn compact<'a>(s: &str, seps: &[u8], keep: fn(&u8) -> bool, buf: &'a mut [u8; BUF]) -> Option<(&'a [u8], u8)> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 2 * BUF {
        return None;
    }
    let (mut n, mut sep, mut after_sep) = (0usize, 0u8, true);
    for &c in b {
        if seps.contains(&c) {
            if after_sep || (sep != 0 && sep != c) {
                return None;
            }
            sep = c;
            after_sep = true;
        } else if keep(&c) {
            *buf.get_mut(n)? = c;
            n += 1;
            after_sep = false;
        } else {
            return None;
        }
    }
    if after_sep {
        return None;
    }
    Some((&buf[..n], sep))
}

/// Lengths of the groups of `b` split on `sep`.
fn group_lens(b: &[u8], sep: u8) -> impl Iterator<Item = usize> + '_ {
    b.split(move |&c| c == sep).map(<[u8]>::len)
}

/// Numeric value of the first `k` bytes of an already validated ASCII-digit slice.
fn num(d: &[u8], k: usize) -> u64 {
    d.iter()
        .take(k)
        .fold(0, |a, &c| a * 10 + u64::from(c.wrapping_sub(b'0') % 10))
}

/// True when every byte is the same (e.g. "000000000"), a typical placeholder.
fn all_same(d: &[u8]) -> bool {
    d.windows(2).all(|w| w[0] == w[1])
}

/// Luhn (mod-10) check over at least two ASCII digits; any other byte fails. Used by payment cards and Canadian SINs.
pub fn luhn_valid(digits: &[u8]) -> bool {
    if digits.len() < 2 {
        return false;
    }
    let mut sum = 0u32;
    for (i, &c) in digits.iter().rev().enumerate() {
        if !c.is_ascii_digit() {
            return false;
        }
        let d = u32::from(c - b'0');
        sum += if i % 2 == 1 { (d * 2) % 10 + d * 2 / 10 } else { d };
        sum %= 10;
    }
    sum == 0
}

/// Payment card (PAN) issuer rule: a known IIN prefix and a length that issuer uses.
fn card_issuer_ok(d: &[u8]) -> bool {
    let n = d.len();
    match num(d, 2) {
        40..=49 => matches!(n, 13 | 16 | 19),                     // Visa
        22..=27 => n == 16 && (2221..=2720).contains(&num(d, 4)), // Mastercard 2-series
        51..=55 => n == 16,                                       // Mastercard
        50 | 56..=69 => true, // Maestro (also covers Discover 6011/644-649/65, UnionPay 62)
        34 | 37 => n == 15,   // Amex
        36 | 38 => n >= 14,   // Diners
        30 => n >= 14 && (300..=305).contains(&num(d, 3)), // Diners Carte Blanche
        35 => n >= 16 && (3528..=3589).contains(&num(d, 4)), // JCB
        _ => false,
    }
}

/// Payment card number: 13-19 digits (single spaces or dashes between groups of 3-6), a known issuer prefix and length, and a valid Luhn digit, so 16-digit order numbers mostly fail.
pub fn is_card_number(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    let Some((d, sep)) = compact(s, b" -", u8::is_ascii_digit, &mut buf) else {
        return false;
    };
    (13..=19).contains(&d.len())
        && (sep == 0 || group_lens(s.as_bytes(), sep).all(|g| (3..=6).contains(&g)))
        && !all_same(d)
        && card_issuer_ok(d)
        && luhn_valid(d)
}

/// IBAN length per country from the SWIFT IBAN registry, as 4-byte entries "CCnn".
const IBAN_LENGTHS: &str = concat!(
    "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27DK18DO28",
    "EE20EG29ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HN28HR21HU28IE22IL23IQ23IS26",
    "IT27JO30KW30KZ20LB28LC32LI21LT20LU20LV21LY25MC27MD24ME22MK19MN20MR27MT31MU30NI28",
    "NL18NO15OM23PK24PL28PS29PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19SK24SM27SO23ST25",
    "SV28TL23TN24TR26UA29VA22VG24XK20YE30",
);

/// IBAN: country code with its registry length, two check digits and an alphanumeric BBAN (any case, optional space every 4 characters), accepted only when mod-97 equals 1.
pub fn is_iban(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    let Some((d, sep)) = compact(s, b" ", u8::is_ascii_alphanumeric, &mut buf) else {
        return false;
    };
    if sep != 0 && !s.bytes().enumerate().all(|(i, c)| c != b' ' || i % 5 == 4) {
        return false;
    }
    if d.len() < 5 {
        return false;
    }
    let cc = [d[0].to_ascii_uppercase(), d[1].to_ascii_uppercase()];
    let known = IBAN_LENGTHS
        .as_bytes()
        .chunks(4)
        .any(|e| e[..2] == cc && num(&e[2..], 2) == d.len() as u64);
    if !known || !d[2].is_ascii_digit() || !d[3].is_ascii_digit() {
        return false;
    }
    // ISO 7064 mod 97-10 on BBAN + country + check digits, letters as 10..35, digit by digit.
    let rem = d[4..].iter().chain(&d[..4]).fold(0u32, |r, &c| {
        if c.is_ascii_digit() {
            (r * 10 + u32::from(c - b'0')) % 97
        } else {
            (r * 100 + u32::from(c.to_ascii_uppercase() - b'A') + 10) % 97
        }
    });
    rem == 1
}

/// Nine SSN digits from `ddd-dd-dddd`, `ddd dd dddd` or bare `ddddddddd`.
fn ssn_digits(s: &str, out: &mut [u8; 9]) -> bool {
    let b = s.as_bytes();
    let dashed = b.len() == 11 && b[3] == b[6] && (b[3] == b'-' || b[3] == b' ');
    if !(dashed || b.len() == 9) {
        return false;
    }
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        if dashed && (i == 3 || i == 6) {
            continue;
        }
        if !c.is_ascii_digit() {
            return false;
        }
        out[n] = c;
        n += 1;
    }
    true
}

/// US SSN shape only: `ddd-dd-dddd`, `ddd dd dddd` or nine bare digits (no mixed separators).
pub fn ssn_shape(s: &str) -> bool {
    ssn_digits(s, &mut [0; 9])
}

/// US SSN: the shape plus SSA rules (area not 000, 666 or 900-999, group not 00, serial not 0000) and not the famous published sample numbers.
pub fn ssn_valid(s: &str) -> bool {
    let mut d = [0u8; 9];
    if !ssn_digits(s, &mut d) {
        return false;
    }
    let (area, group, serial) = (num(&d, 3), num(&d[3..], 2), num(&d[5..], 4));
    area != 0
        && area != 666
        && area < 900
        && group != 0
        && serial != 0
        && &d != b"078051120"
        && &d != b"219099999"
        && &d != b"123456789"
}

/// UK National Insurance number: HMRC prefix letters (first not D F I Q U V, second not D F I O Q U V, not BG GB KN NK NT TN ZZ), six digits and suffix A-D; any case, optional single spaces.
pub fn is_uk_nino(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    let Some((d, _)) = compact(s, b" ", u8::is_ascii_alphanumeric, &mut buf) else {
        return false;
    };
    let [a, b, rest @ .., suffix] = d else {
        return false;
    };
    let (a, b, suffix) = (
        a.to_ascii_uppercase(),
        b.to_ascii_uppercase(),
        suffix.to_ascii_uppercase(),
    );
    a.is_ascii_uppercase()
        && b.is_ascii_uppercase()
        && !b"DFIQUV".contains(&a)
        && !b"DFIOQUV".contains(&b)
        && ![*b"BG", *b"GB", *b"KN", *b"NK", *b"NT", *b"TN", *b"ZZ"].contains(&[a, b])
        && rest.len() == 6
        && rest.iter().all(u8::is_ascii_digit)
        && (b'A'..=b'D').contains(&suffix)
}

/// Canadian Social Insurance Number: 9 digits (optionally 3-3-3 with spaces or dashes), Luhn valid, first digit not 0 or 8 (unassigned).
pub fn is_ca_sin(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    let Some((d, sep)) = compact(s, b" -", u8::is_ascii_digit, &mut buf) else {
        return false;
    };
    d.len() == 9
        && (sep == 0 || group_lens(s.as_bytes(), sep).eq([3, 3, 3]))
        && d[0] != b'0'
        && d[0] != b'8'
        && !all_same(d)
        && luhn_valid(d)
}

/// French INSEE/NIR social security number: 13 digits (department 2A/2B for Corsica) plus key = 97 - (n mod 97), sex digit 1,2,3,4,7 or 8, month 01-12 or 20-99; optional single spaces.
pub fn is_fr_insee(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    let Some((d, _)) = compact(s, b" ", u8::is_ascii_alphanumeric, &mut buf) else {
        return false;
    };
    if d.len() != 15 || !b"123478".contains(&d[0]) {
        return false;
    }
    // Corsica: department 2A counts as 19 and 2B as 18 in the key computation.
    let mut body = [0u8; 13];
    body.copy_from_slice(&d[..13]);
    match (body[5], body[6].to_ascii_uppercase()) {
        (b'2', b'A') => body[5..7].copy_from_slice(b"19"),
        (b'2', b'B') => body[5..7].copy_from_slice(b"18"),
        _ => {}
    }
    if !body.iter().chain(&d[13..]).all(u8::is_ascii_digit) {
        return false;
    }
    let month = num(&body[3..], 2);
    let month_ok = (1..=12).contains(&month) || month >= 20;
    month_ok && num(&d[13..], 2) == 97 - num(&body, 13) % 97
}

/// Spanish DNI (8 digits) or NIE (X/Y/Z + 7 digits) with the mod-23 control letter from "TRWAGMYFPDXBNJZSQVHLCKE"; optional dash or space before the letter, any case.
pub fn is_es_dni(s: &str) -> bool {
    const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    let b = s.as_bytes();
    let (body, letter) = match b {
        [body @ .., b'-' | b' ', l] | [body @ .., l] if body.len() == 8 => (body, *l),
        _ => return false,
    };
    let mut digits = [0u8; 8];
    digits.copy_from_slice(body);
    digits[0] = match digits[0].to_ascii_uppercase() {
        b'X' => b'0',
        b'Y' => b'1',
        b'Z' => b'2',
        c => c,
    };
    digits.iter().all(u8::is_ascii_digit) && LETTERS[(num(&digits, 8) % 23) as usize] == letter.to_ascii_uppercase()
}

/// ISBN-10 (mod-11, final X allowed) or ISBN-13 (978/979 prefix, EAN check digit), optional "ISBN" label and hyphens or spaces; a hard negative, never personal data.
pub fn is_isbn(s: &str) -> bool {
    let mut b = s.as_bytes();
    if b.len() > 3 * BUF {
        return false;
    }
    if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"ISBN") {
        b = &b[4..];
        if let Some(r) = b.strip_prefix(b"-10").or_else(|| b.strip_prefix(b"-13")) {
            b = r;
        }
        b = b.strip_prefix(b":").unwrap_or(b);
        b = b.strip_prefix(b" ").unwrap_or(b);
    }
    let Ok(rest) = std::str::from_utf8(b) else {
        return false;
    };
    let mut buf = [0u8; BUF];
    let keep: fn(&u8) -> bool = |c| c.is_ascii_digit() || *c == b'X' || *c == b'x';
    let Some((d, _)) = compact(rest, b"- ", keep, &mut buf) else {
        return false;
    };
    let digit = |c: u8| u32::from(c.wrapping_sub(b'0'));
    match d.len() {
        10 if d[..9].iter().all(u8::is_ascii_digit) => {
            let check = if d[9].is_ascii_digit() { digit(d[9]) } else { 10 };
            let sum: u32 = d[..9]
                .iter()
                .enumerate()
                .map(|(i, &c)| (10 - i as u32) * digit(c))
                .sum();
            (sum + check) % 11 == 0
        }
        13 if d.iter().all(u8::is_ascii_digit) && (d.starts_with(b"978") || d.starts_with(b"979")) => {
            let sum: u32 = d
                .iter()
                .enumerate()
                .map(|(i, &c)| digit(c) * if i % 2 == 1 { 3 } else { 1 })
                .sum();
            sum % 10 == 0
        }
        _ => false,
    }
}

/// Passport-number shape (most printed numbers carry no check digit): 1-2 uppercase letters + 6-8 digits or 9 bare digits, 7-9 characters, not one repeated digit.
pub fn is_passport_like(s: &str) -> bool {
    let b = s.as_bytes();
    if !(7..=9).contains(&b.len()) {
        return false;
    }
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = &b[letters..];
    digits.iter().all(u8::is_ascii_digit)
        && !all_same(digits)
        && match letters {
            0 => digits.len() == 9,
            1 | 2 => (6..=8).contains(&digits.len()),
            _ => false,
        }
}

/// Digits of `s` with single spaces, dashes, dots or slashes between groups, mixed as national
/// numbers write them (`85.07.30-033.28`); at most [`BUF`] digits.
fn digits_of<'a>(s: &str, buf: &'a mut [u8; BUF]) -> Option<&'a [u8]> {
    let (mut n, mut after_sep) = (0usize, true);
    for &c in s.as_bytes() {
        if c.is_ascii_digit() {
            *buf.get_mut(n)? = c;
            n += 1;
            after_sep = false;
        } else if b" -./".contains(&c) && !after_sep {
            after_sep = true;
        } else {
            return None;
        }
    }
    (!after_sep).then_some(&buf[..n])
}

/// Luhn (mod-10) over a written number: 2 to 40 digits with optional single separators
/// between groups. The check alone, for any Luhn-protected number (cards, IMEIs, SINs).
pub fn is_luhn(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    digits_of(s, &mut buf).is_some_and(luhn_valid)
}

/// Verhoeff's dihedral check (India's Aadhaar, some bank and product numbers): 2 to 40 digits,
/// separators as for [`is_luhn`], valid when the check over all digits gives 0.
pub fn is_verhoeff(s: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 1, 0],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let mut buf = [0u8; BUF];
    let Some(d) = digits_of(s, &mut buf).filter(|d| d.len() >= 2) else {
        return false;
    };
    let mut c = 0u8;
    for (i, &b) in d.iter().rev().enumerate() {
        c = D[usize::from(c)][usize::from(P[i % 8][usize::from(b - b'0')])];
    }
    c == 0
}

/// ISO 7064 MOD 97-10 over letters and digits (letters count A = 10 … Z = 35), valid when the
/// remainder is 1: the check of legal entity identifiers (LEI) and of IBANs once rearranged.
/// 2 to 40 characters, optional single spaces or dashes, any case.
pub fn is_iso7064_mod97(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    let Some((d, _)) = compact(s, b" -", u8::is_ascii_alphanumeric, &mut buf) else {
        return false;
    };
    if d.len() < 2 || !d.iter().any(u8::is_ascii_digit) {
        return false;
    }
    let mut r = 0u32;
    for &c in d {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            _ => u32::from(c.to_ascii_uppercase() - b'A') + 10,
        };
        r = if v >= 10 { (r * 100 + v) % 97 } else { (r * 10 + v) % 97 };
    }
    r == 1
}

/// A number whose last two digits are the key 97 − (the other digits mod 97), as in Belgian
/// and French national numbers and many invoice references: 3 to 40 digits, separators as for
/// [`is_luhn`].
pub fn is_mod97_key(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    let Some(d) = digits_of(s, &mut buf).filter(|d| d.len() >= 3) else {
        return false;
    };
    let (body, key) = d.split_at(d.len() - 2);
    let rem = body.iter().fold(0u64, |r, &c| (r * 10 + u64::from(c - b'0')) % 97);
    num(key, 2) == 97 - rem
}

/// Belgian national register number (rijksregisternummer / numéro de registre national):
/// `YY.MM.DD-SSS.CC` or 11 bare digits, birth month 0-12 (+20 or +40 in bis numbers), and the key
/// 97 − (the first 9 digits mod 97), or for people born from 2000 on 97 − (2 followed by them mod 97).
pub fn is_be_national_number(s: &str) -> bool {
    let mut buf = [0u8; BUF];
    let Some(d) = digits_of(s, &mut buf).filter(|d| d.len() == 11) else {
        return false;
    };
    let month = num(&d[2..], 2) % 20;
    if month > 12 || all_same(d) {
        return false;
    }
    let body = num(d, 9);
    let key = num(&d[9..], 2);
    key == 97 - body % 97 || key == 97 - (2_000_000_000 + body) % 97
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn() {
        assert!(luhn_valid(b"79927398713"));
        assert!(!luhn_valid(b"79927398710"));
        assert!(!luhn_valid(b""));
        assert!(!luhn_valid(b"0"));
        assert!(!luhn_valid(b"7992739871a"));
    }

    #[test]
    fn cards_accept() {
        for s in [
            "4111111111111111",
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4012888888881881",
            "4222222222222",
            "5555555555554444",
            "5105 1051 0510 5100",
            "2221000000000009",
            "378282246310005",
            "3782 822463 10005",
            "371449635398431",
            "6011111111111117",
            "6011000990139424",
            "3530111333300000",
            "3566002020360505",
            "30569309025904",
            "38520000023237",
            "6200000000000005",
            "6759649826438453",
        ] {
            assert!(is_card_number(s), "{s}");
        }
    }

    #[test]
    fn cards_reject() {
        for s in [
            "",
            "4111111111111112",     // Luhn fails
            "1234567812345678",     // no issuer, not Luhn
            "4111  1111 1111 1111", // double space
            "4111-1111 1111-1111",  // mixed separators
            "-4111111111111111",
            "4111111111111111-",
            "0000000000000000",
            "378282246310005 ",
            "3782822463100050", // Amex with 16 digits
            "5555555555554",    // Mastercard with 13 digits
            "9111111111111111",
            "41111111111111111111", // 20 digits
            "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
            "4111 1111 1111 111x",
            "٤١١١١١١١١١١١١١١١",
        ] {
            assert!(!is_card_number(s), "{s}");
        }
        let long = "4".repeat(10_000_000);
        assert!(!is_card_number(&long));
    }

    #[test]
    fn iban() {
        for s in [
            "DE89370400440532013000",
            "DE89 3704 0044 0532 0130 00",
            "de89 3704 0044 0532 0130 00",
            "GB29NWBK60161331926819",
            "GB29 NWBK 6016 1331 9268 19",
            "FR1420041010050500013M02606",
            "NL91ABNA0417164300",
            "BE68539007547034",
            "NO9386011117947",
            "CH9300762011623852957",
            "MT84MALT011000012345MTLCAST001S",
            "BR1800360305000010009795493C1",
        ] {
            assert!(is_iban(s), "{s}");
        }
        for s in [
            "",
            "DE",
            "DE89370400440532013001",       // bad checksum
            "DE8937040044053201300",        // wrong length
            "DE89 37040044 0532 0130 00",   // bad grouping
            "DE89 3704 0044 0532 0130 00 ", // trailing space
            "XX89370400440532013000",       // unknown country
            "DEAB370400440532013000",       // check digits not numeric
            "DE89-3704-0044-0532-0130-00",
            "DE89370400440532013000ß",
            "4111111111111111",
        ] {
            assert!(!is_iban(s), "{s}");
        }
    }

    #[test]
    fn ssn() {
        for s in ["123-45-6780", "123 45 6780", "123456780", "078-05-1121"] {
            assert!(ssn_shape(s) && ssn_valid(s), "{s}");
        }
        assert!(ssn_shape("000-12-3456") && !ssn_valid("000-12-3456"));
        for s in [
            "666-12-3456",
            "900-12-3456",
            "999-12-3456",
            "123-00-4567",
            "123-45-0000",
            "078-05-1120",
            "123-45-6789",
        ] {
            assert!(ssn_shape(s) && !ssn_valid(s), "{s}");
        }
        for s in [
            "",
            "123-45 6789",
            "12-345-6789",
            "1234567890",
            "12345678",
            "123-45-678a",
            "123–45–6789",
        ] {
            assert!(!ssn_shape(s) && !ssn_valid(s), "{s}");
        }
    }

    #[test]
    fn nino() {
        for s in ["AB123456C", "AB 12 34 56 C", "ab123456c", "JG 103759 A", "CE123456D"] {
            assert!(is_uk_nino(s), "{s}");
        }
        for s in [
            "",
            "DA123456C", // bad first letter
            "AO123456C", // bad second letter
            "GB123456A", // reserved prefix
            "ZZ123456A",
            "NK123456A",
            "AB123456E", // bad suffix
            "AB12345C",
            "AB1234567C",
            "AB  123456C",
            "A1123456C",
            "ÄB123456C",
        ] {
            assert!(!is_uk_nino(s), "{s}");
        }
    }

    #[test]
    fn sin() {
        for s in ["046 454 286", "046-454-286", "046454286", "130692544"] {
            assert_eq!(is_ca_sin(s), !s.starts_with('0'), "{s}");
        }
        assert!(is_ca_sin("130 692 544"));
        for s in ["130692545", "830692549", "13069254", "1306 92 544", "130-692 544", ""] {
            assert!(!is_ca_sin(s), "{s}");
        }
    }

    #[test]
    fn insee() {
        for s in [
            "255081416802538",
            "2 55 08 14 168 025 38",
            "1 85 05 78 006 084 91",
            "2690299341732",
        ] {
            assert_eq!(is_fr_insee(s), s.len() > 13, "{s}");
        }
        // Corsica: 2A -> 19, 2B -> 18.
        let n: u64 = 1_850_519_006_084;
        let key = 97 - n % 97;
        assert!(is_fr_insee(&format!("18505 2A006084{key:02}")));
        let n: u64 = 1_850_518_006_084;
        let key = 97 - n % 97;
        assert!(is_fr_insee(&format!("185052B006084{key:02}")));
        for s in [
            "",
            "255081416802539", // bad key
            "555081416802538", // bad sex digit
            "255131416802538", // month 13
            "25508141680253",
            "2550814168025388",
            "2 55 08 14 168 025  38",
        ] {
            assert!(!is_fr_insee(s), "{s}");
        }
    }

    #[test]
    fn dni() {
        for s in [
            "12345678Z",
            "12345678-Z",
            "12345678 z",
            "X1234567L",
            "Y1234567X",
            "Z1234567R",
        ] {
            assert!(is_es_dni(s), "{s}");
        }
        for s in [
            "12345678A",
            "1234567Z",
            "X1234567A",
            "W1234567L",
            "12345678--Z",
            "",
            "ñ1234567L",
        ] {
            assert!(!is_es_dni(s), "{s}");
        }
    }

    #[test]
    fn isbn() {
        for s in [
            "0306406152",
            "0-306-40615-2",
            "080442957X",
            "0-8044-2957-x",
            "9780306406157",
            "978-0-306-40615-7",
            "ISBN 978-0-306-40615-7",
            "ISBN-13: 978-0-306-40615-7",
            "ISBN:0306406152",
            "979-10-90636-07-1",
        ] {
            assert!(is_isbn(s), "{s}");
        }
        for s in [
            "",
            "0306406153",
            "9780306406158",
            "9770306406155", // not 978/979
            "978--0306406157",
            "4111111111111111",
            "X306406152",
            "ISBN",
        ] {
            assert!(!is_isbn(s), "{s}");
        }
    }

    #[test]
    fn passport() {
        for s in ["A1234567", "AB1234567", "123456789", "X123456", "CA12345678"] {
            assert_eq!(is_passport_like(s), s.len() <= 9, "{s}");
        }
        for s in [
            "",
            "111111111",
            "AB000000",
            "ABC123456",
            "ab1234567",
            "12345678",
            "A12345",
            "1234567890",
            "AB12345678X",
        ] {
            assert!(!is_passport_like(s), "{s}");
        }
    }

    #[test]
    fn rule_validators_accept_their_numbers_and_refuse_one_changed_digit() {
        // Aadhaar-style test number with a valid Verhoeff digit, and one digit changed.
        assert!(is_verhoeff("2363"));
        assert!(!is_verhoeff("2364"));
        assert!(is_luhn("4111 1111 1111 1111") && is_luhn("79927398713"));
        assert!(!is_luhn("79927398710") && !is_luhn("1") && !is_luhn("12a3"));
        // An LEI (ISO 17442) carries MOD 97-10 check digits.
        assert!(is_iso7064_mod97("5493001KJTIIGC8Y1R12"));
        assert!(!is_iso7064_mod97("5493001KJTIIGC8Y1R13"));
        // 85.07.30-033.28: 850730033 mod 97 = 69, key 28.
        assert!(is_be_national_number("85.07.30-033.28") && is_be_national_number("85073003328"));
        assert!(!is_be_national_number("85.07.30-033.29") && !is_be_national_number("85.13.30-033.28"));
        // Born in 2001: the key is taken over 2 followed by the first nine digits.
        let body = 10_203_012_u64; // 01.02.03-012
        let key = 97 - (2_000_000_000 + body) % 97;
        assert!(is_be_national_number(&format!("{body:09}{key:02}")));
        assert!(is_mod97_key("85073003328") && !is_mod97_key("85073003327") && !is_mod97_key("12"));
    }
}
