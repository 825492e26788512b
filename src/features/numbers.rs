//! Locale-aware number parsing: amounts, percentages, thousands separators.
//!
//! Works on bytes with fixed stack buffers, never allocates, and rejects input
//! longer than any realistic formatted number before looking at it.

/// A parsed numeric cell and how it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// Numeric value as written: "12.5%" gives 12.5, "(1,234.00)" gives -1234.0.
    pub value: f64,
    /// Digits after the decimal separator.
    pub decimals: u8,
    /// A currency symbol or ISO code was attached.
    pub currency: bool,
    /// Thousands separators were used ("1,234,567", "1.234,5", "1 234").
    pub thousands: bool,
    /// A trailing percent sign was present.
    pub percent: bool,
    /// The integer part has several digits and starts with 0 ("007"): an id or code, not an amount.
    pub leading_zero: bool,
    /// An explicit sign was written: leading `+`/`-`/`−` or accounting parentheses.
    pub sign: bool,
}

/// Longest input considered.
const MAX_LEN: usize = 64;

/// Currency symbols, longest first where one is a suffix of another.
const SYMBOLS: &[&str] = &[
    "US$", "NZ$", "HK$", "R$", "A$", "C$", "S$", "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "₴", "₱", "₦", "฿",
    "zł", "kr", "Fr.",
];

/// ISO 4217 codes of the most traded currencies (upper case only).
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "CAD", "AUD", "NZD", "INR", "KRW", "RUB", "BRL", "MXN", "SEK", "NOK",
    "DKK", "PLN", "CZK", "HUF", "ZAR", "TRY", "SGD", "HKD",
];

/// Space-like separators: ASCII space, no-break space, narrow no-break space, thin space.
const SPACES: [&[u8]; 4] = [b" ", "\u{a0}".as_bytes(), "\u{202f}".as_bytes(), "\u{2009}".as_bytes()];

fn strip_space_start(b: &[u8]) -> &[u8] {
    SPACES.iter().find_map(|s| b.strip_prefix(*s)).unwrap_or(b)
}

fn strip_space_end(b: &[u8]) -> &[u8] {
    SPACES.iter().find_map(|s| b.strip_suffix(*s)).unwrap_or(b)
}

/// Removes a leading currency symbol or code (and one space after it).
fn strip_currency_prefix(b: &[u8]) -> Option<&[u8]> {
    SYMBOLS
        .iter()
        .chain(CODES)
        .find_map(|c| b.strip_prefix(c.as_bytes()))
        .map(strip_space_start)
}

/// Removes a trailing currency symbol or code (and one space before it).
fn strip_currency_suffix(b: &[u8]) -> Option<&[u8]> {
    SYMBOLS
        .iter()
        .chain(CODES)
        .find_map(|c| b.strip_suffix(c.as_bytes()))
        .map(strip_space_end)
}

/// Removes a leading `+`, `-` or `−`; returns the rest and whether the sign was negative.
fn strip_sign(b: &[u8]) -> Option<(&[u8], bool)> {
    match b {
        [b'+', rest @ ..] => Some((rest, false)),
        [b'-', rest @ ..] => Some((rest, true)),
        _ => b.strip_prefix("\u{2212}".as_bytes()).map(|r| (r, true)),
    }
}

/// Whether `int` (digits and separator `t`) is validly grouped: Western 1-3 then 3s, or Indian 1-2, 2s, then a final 3.
fn grouping_ok(int: &[u8], t: u8) -> bool {
    let mut groups = int.split(|&c| c == t).map(<[u8]>::len);
    let first = groups.next().unwrap_or(0);
    if !(1..=3).contains(&first) || int.first() == Some(&b'0') {
        return false;
    }
    let (mut threes, mut twos, mut count, mut last) = (0, 0, 0, 0);
    for g in groups {
        count += 1;
        last = g;
        match g {
            3 => threes += 1,
            2 => twos += 1,
            _ => return false,
        }
    }
    let western = count > 0 && threes == count;
    let indian = twos > 0 && last == 3 && twos == count - 1 && first <= 2;
    western || indian
}

/// Digits, separators and exponent of the bare number; returns (absolute value, decimals, thousands, leading zero).
fn parse_core(b: &[u8]) -> Option<(f64, u8, bool, bool)> {
    // Normalise space-like separators and the typographic apostrophe into one stack buffer.
    let mut m = [0u8; MAX_LEN];
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let (c, width) = if let Some(sp) = SPACES.iter().find(|s| b[i..].starts_with(s)) {
            (b' ', sp.len())
        } else if b[i..].starts_with("\u{2019}".as_bytes()) {
            (b'\'', 3)
        } else {
            (b[i], 1)
        };
        *m.get_mut(n)? = c;
        n += 1;
        i += width;
    }
    let m = &m[..n];
    let (mant, exp) = match m.iter().position(|&c| c == b'e' || c == b'E') {
        Some(p) => (&m[..p], Some(&m[p + 1..])),
        None => (m, None),
    };
    if let Some(e) = exp {
        let digits = strip_sign(e).map_or(e, |(r, _)| r);
        if !(1..=3).contains(&digits.len()) || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
    }
    let is_sep = |c: &u8| b".,' ".contains(c);
    if !mant.iter().all(|c| c.is_ascii_digit() || is_sep(c))
        || !mant.last().is_some_and(u8::is_ascii_digit)
        || mant.windows(2).any(|w| is_sep(&w[0]) && is_sep(&w[1]))
    {
        return None;
    }
    // The decimal separator is the last separator when it is '.' or ',' and occurs once;
    // any other separator must be a single thousands character placed before it.
    let last = mant.iter().rposition(is_sep);
    let (int, frac, thousands_sep) = match last {
        None => (mant, &mant[..0], None),
        Some(p) => {
            let d = mant[p];
            let (head, tail) = (&mant[..p], &mant[p + 1..]);
            let once = !head.contains(&d);
            let other = head.iter().copied().find(|c| is_sep(c) && *c != d);
            if head.iter().any(|c| is_sep(c) && *c != d && Some(*c) != other) {
                return None; // three kinds of separator
            }
            let comma_thousands = d == b','
                && tail.len() == 3
                && (1..=3).contains(&head.len())
                && head.first() != Some(&b'0')
                && other.is_none();
            match (d, once, other) {
                (b'.' | b',', true, _) if !comma_thousands => (head, tail, other),
                (_, _, None) => (mant, &mant[..0], Some(d)),
                _ => return None,
            }
        }
    };
    let thousands = thousands_sep.is_some();
    if (thousands && exp.is_some()) || thousands_sep.is_some_and(|t| !grouping_ok(int, t)) {
        return None;
    }
    // Canonical "digits.digitsE±x" for the standard float parser.
    let mut canon = [0u8; MAX_LEN + 8];
    let mut k = 0;
    let int_digits = int.iter().filter(|c| c.is_ascii_digit());
    let frac_part = (!frac.is_empty())
        .then_some(b'.')
        .into_iter()
        .chain(frac.iter().copied());
    let exp_part = exp.map(|e| b"e".iter().chain(e)).into_iter().flatten().copied();
    for c in int_digits.copied().chain(frac_part).chain(exp_part) {
        *canon.get_mut(k)? = c;
        k += 1;
    }
    let value: f64 = std::str::from_utf8(&canon[..k]).ok()?.parse().ok()?;
    let int_len = int.iter().filter(|c| c.is_ascii_digit()).count();
    let leading_zero = int_len > 1 && int.first() == Some(&b'0');
    Some((value, frac.len() as u8, thousands, leading_zero))
}

/// Number as written in data: plain or exponent notation, leading sign, thousands separators (`1,234,567.89`, `1.234.567,89`, `1 234 567,89`, `1'234'567.89`, Indian `1,23,456`), decimal comma (`1,5`; `1,234` counts as thousands), currency symbol or ISO code before or after, accounting `(1,234.00)` and trailing `%`; rejects dates, versions like `1.2.3`, phone numbers, hex and NaN/inf words.
pub fn parse_number(s: &str) -> Option<Number> {
    let mut b = s.as_bytes();
    if b.is_empty() || b.len() > MAX_LEN {
        return None;
    }
    let mut neg = false;
    let mut sign = false;
    if let Some(inner) = b.strip_prefix(b"(").and_then(|r| r.strip_suffix(b")")) {
        b = inner;
        neg = true;
        sign = true;
    }
    let mut take_sign = |b: &mut &[u8]| {
        if let Some((rest, minus)) = strip_sign(b) {
            if sign {
                return false; // "(-5)" or "-$-5"
            }
            *b = rest;
            neg = minus;
            sign = true;
        }
        true
    };
    if !take_sign(&mut b) {
        return None;
    }
    let mut currency = false;
    if let Some(rest) = strip_currency_prefix(b) {
        b = rest;
        currency = true;
    }
    if !take_sign(&mut b) {
        return None;
    }
    let mut percent = false;
    if let Some(rest) = b.strip_suffix(b"%") {
        b = strip_space_end(rest);
        percent = true;
    } else if let Some(rest) = strip_currency_suffix(b).filter(|_| !currency) {
        b = rest;
        currency = true;
    }
    if percent && currency {
        return None;
    }
    let (abs, decimals, thousands, leading_zero) = parse_core(b)?;
    Some(Number {
        value: if neg { -abs } else { abs },
        decimals,
        currency,
        thousands,
        percent,
        leading_zero,
        sign,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> f64 {
        parse_number(s).unwrap_or_else(|| panic!("should parse {s:?}")).value
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn plain() {
        let n = parse_number("42").unwrap();
        assert_eq!(
            (n.value, n.decimals, n.sign, n.thousands, n.leading_zero),
            (42.0, 0, false, false, false)
        );
        let n = parse_number("-3.25").unwrap();
        assert_eq!((n.value, n.decimals, n.sign), (-3.25, 2, true));
        assert!(parse_number("+7").unwrap().sign);
        assert_eq!(v(".5"), 0.5);
        assert_eq!(v("−5"), -5.0);
        assert!(close(v("1.5e3"), 1500.0));
        assert!(close(v("2E-3"), 0.002));
        assert!(close(v("1e+05"), 100_000.0));
        assert!(close(v("4111111111111111"), 4_111_111_111_111_111.0));
    }

    #[test]
    fn separators() {
        for (s, want) in [
            ("1,234,567.89", 1_234_567.89),
            ("1.234.567,89", 1_234_567.89),
            ("1 234 567,89", 1_234_567.89),
            ("1\u{a0}234\u{a0}567,89", 1_234_567.89),
            ("1\u{202f}234,5", 1234.5),
            ("1'234'567.89", 1_234_567.89),
            ("1’234.50", 1234.5),
            ("1,234", 1234.0),
            ("1.234.567", 1_234_567.0),
            ("12,34,567.00", 1_234_567.0),
            ("1,23,456", 123_456.0),
            ("5 000", 5000.0),
        ] {
            let n = parse_number(s).unwrap_or_else(|| panic!("{s}"));
            assert!(close(n.value, want) && n.thousands, "{s}: {n:?}");
        }
        for (s, want, decimals) in [
            ("1,5", 1.5, 1),
            ("0,123", 0.123, 3),
            ("1234,567", 1234.567, 3),
            ("1.234", 1.234, 3),
            (",5", 0.5, 1),
        ] {
            let n = parse_number(s).unwrap_or_else(|| panic!("{s}"));
            assert!(
                close(n.value, want) && !n.thousands && n.decimals == decimals,
                "{s}: {n:?}"
            );
        }
    }

    #[test]
    fn currency_percent_accounting() {
        for (s, want) in [
            ("$1,234.56", 1234.56),
            ("-$1,234.56", -1234.56),
            ("$-5", -5.0),
            ("€12,50", 12.5),
            ("12,50 €", 12.5),
            ("12,50\u{a0}€", 12.5),
            ("EUR 12.50", 12.5),
            ("1.234,00 EUR", 1234.0),
            ("CHF 1'234.50", 1234.5),
            ("¥1,000", 1000.0),
            ("₹1,23,456", 123_456.0),
            ("US$ 10", 10.0),
            ("R$ 1.234,56", 1234.56),
            ("100 kr", 100.0),
            ("£0.99", 0.99),
            ("($5.00)", -5.0),
        ] {
            let n = parse_number(s).unwrap_or_else(|| panic!("{s}"));
            assert!(close(n.value, want) && n.currency, "{s}: {n:?}");
        }
        let n = parse_number("(1,234.00)").unwrap();
        assert!(n.sign && n.thousands && n.decimals == 2 && !n.currency && close(n.value, -1234.0));
        let n = parse_number("12.5%").unwrap();
        assert!(n.percent && close(n.value, 12.5) && !n.currency);
        let n = parse_number("-3 %").unwrap();
        assert!(n.percent && close(n.value, -3.0));
    }

    #[test]
    fn leading_zero() {
        let n = parse_number("007").unwrap();
        assert!(n.leading_zero && n.value == 7.0);
        assert!(parse_number("00501").unwrap().leading_zero);
        assert!(!parse_number("0.5").unwrap().leading_zero);
        assert!(!parse_number("0").unwrap().leading_zero);
        assert!(parse_number("00.5").unwrap().leading_zero);
    }

    #[test]
    fn rejects() {
        for s in [
            "",
            "-",
            "+",
            "$",
            "%",
            "()",
            "1.2.3",
            "1..2",
            "1.",
            "1,",
            "2024-03-05",
            "05.03.2024",
            "5.3.2024",
            "03/05/2024",
            "555-123-4567",
            "+1 555 123 4567",
            "0x1F",
            "1F",
            "NaN",
            "nan",
            "inf",
            "-inf",
            "Infinity",
            "1e",
            "e5",
            "1e1234",
            "1,234e3",
            "1 5",
            "12 34",
            "1,23,4567",
            "0,123,456",
            "1.234,567.89",
            "1,234.567,89",
            "1'234,567.8",
            "(-5)",
            "--5",
            "$5%",
            "5 $ USD",
            "$5 USD",
            "12:30",
            "1-2",
            "abc",
            "5-",
            "١٢٣",
            "1 234 567 890 123 456 789 012 345 678 901 234 567 890 123 456 789",
        ] {
            assert_eq!(parse_number(s), None, "{s}");
        }
        assert_eq!(parse_number(&"9".repeat(10 << 20)), None);
    }
}
