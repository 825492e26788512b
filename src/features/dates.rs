//! Date, time and timestamp recognition for the formats found in exports and spreadsheets.
//!
//! Parsing works on bytes without allocating, slices only at ASCII positions and
//! rejects anything longer than a real date/time string before looking at it.

use super::text::lower_bytes as lower;

/// A calendar date (proleptic Gregorian), always valid: month 1-12, day within the month, year 1000-2999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A wall-clock time, 24-hour: hour 0-23, minute 0-59, second 0-60 (leap second).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// Longest input worth looking at ("Wednesday, 25 de septiembre de 2024 14:05:09.123456 +01:00" fits).
const MAX_LEN: usize = 64;

/// Month names in en/de/fr/es/it/pt (lower case, plus ASCII spellings), one space-separated entry per month;
/// any 3+ letter prefix is accepted as an abbreviation.
const MONTHS: [&[&str]; 12] = [
    &["january", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro"],
    &[
        "february",
        "februar",
        "février",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
    ],
    &["march", "märz", "maerz", "mrz", "mars", "marzo", "março", "marco"],
    &["april", "avril", "abril", "aprile"],
    &["may", "mai", "mayo", "maggio", "maio"],
    &["june", "juni", "juin", "junio", "giugno", "junho"],
    &["july", "juli", "juillet", "julio", "luglio", "julho"],
    &["august", "août", "aout", "agosto"],
    &[
        "september",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
    ],
    &["october", "oktober", "octobre", "octubre", "ottobre", "outubro"],
    &["november", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
    ],
];

/// Weekday names in en/de/fr/es/it/pt; any 2+ letter prefix counts (Mon, Di, mer., ...).
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
];

/// Value of 1-4 ASCII digits.
fn num(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 4 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |a, &c| a * 10 + u32::from(c - b'0')))
}

/// A checked date: year 1000-2999, month 1-12, day within the month (leap years included).
fn date(year: u32, month: u32, day: u32) -> Option<Date> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=2999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
        year: year as i32,
        month: month as u8,
        day: day as u8,
    })
}

/// Two-digit years: 00-30 are 2000-2030, 31-99 are 1931-1999.
fn full_year(y: u32, digits: usize) -> u32 {
    match (digits, y) {
        (2, 0..=30) => 2000 + y,
        (2, _) => 1900 + y,
        _ => y,
    }
}

/// Number of characters (not bytes) in UTF-8 text.
fn chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| !(0x80..0xC0).contains(&c)).count()
}

/// Month number of a month name or unambiguous abbreviation (3+ letters), any case.
fn month_of(tok: &[u8]) -> Option<u32> {
    let mut buf = [0u8; 16];
    let t = lower(tok, &mut buf)?;
    if chars(t) < 3 {
        return None;
    }
    let mut found = None;
    for (m, names) in (1..).zip(MONTHS) {
        if names.iter().any(|name| name.as_bytes().starts_with(t)) {
            if found.is_some() {
                return None; // "jui": juin or juillet
            }
            found = Some(m);
        }
    }
    found
}

/// Whether a token is a weekday name or abbreviation (2+ letters), any case.
fn is_weekday(tok: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    lower(tok, &mut buf).is_some_and(|t| chars(t) >= 2 && WEEKDAYS.iter().any(|w| w.as_bytes().starts_with(t)))
}

/// Day of month from "5", "05", "5th", "1st", "1er".
fn day_of(tok: &[u8]) -> Option<u32> {
    let d = tok.iter().take_while(|c| c.is_ascii_digit()).count();
    let suffix = &tok[d..];
    let ordinal = [&b""[..], b"st", b"nd", b"rd", b"th", b"er"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s));
    if (1..=2).contains(&d) && ordinal {
        num(&tok[..d])
    } else {
        None
    }
}

/// Year from a 4-digit or (pivoted) 2-digit token.
fn year_of(tok: &[u8]) -> Option<u32> {
    if !matches!(tok.len(), 2 | 4) {
        return None;
    }
    num(tok).map(|y| full_year(y, tok.len()))
}

/// All-numeric dates: Y-M-D, D.M.Y (day first) and M/D/Y or D/M/Y (month first unless the first number exceeds 12).
fn numeric_date(b: &[u8]) -> Option<Date> {
    let sep = *b.iter().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let mut parts = b.split(|&c| c == sep);
    let (p, q, r) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (x, y, z) = (num(p)?, num(q)?, num(r)?);
    match (p.len(), q.len(), r.len()) {
        (4, 1..=2, 1..=2) => date(x, y, z),
        // Short years only as dd.mm.yy / dd-mm-yy, or freely with slashes (3/5/24), so "1.2.10" is no date.
        (1..=2, 1..=2, 2 | 4) if r.len() == 4 || sep == b'/' || p.len() + q.len() == 4 => {
            let year = full_year(z, r.len());
            let (m, d) = if sep == b'.' || x > 12 { (y, x) } else { (x, y) };
            date(year, m, d).or_else(|| date(year, d, m))
        }
        _ => None,
    }
}

/// Dates with a month name: "5 March 2024", "March 5, 2024", "5-Mar-2024", "2024-Mar-05", "5. März 2024", "5 de marzo de 2024", with an optional leading weekday.
fn named_date(b: &[u8]) -> Option<Date> {
    let mut toks: [&[u8]; 4] = [&[]; 4];
    let mut n = 0;
    for t in b.split(|c| b" ,.-/".contains(c)).filter(|t| !t.is_empty()) {
        if [&b"de"[..], b"del", b"of"].iter().any(|f| t.eq_ignore_ascii_case(f)) {
            continue;
        }
        *toks.get_mut(n)? = t;
        n += 1;
    }
    let t = match n {
        4 if is_weekday(toks[0]) => &toks[1..],
        3 => &toks[..3],
        _ => return None,
    };
    if let Some(m) = month_of(t[0]) {
        return date(year_of(t[2])?, m, day_of(t[1])?);
    }
    let m = month_of(t[1])?;
    if t[0].len() == 4 {
        date(num(t[0])?, m, day_of(t[2])?)
    } else {
        date(year_of(t[2])?, m, day_of(t[0])?)
    }
}

fn date_bytes(b: &[u8]) -> Option<Date> {
    if b.len() < 6 || b.len() > MAX_LEN {
        return None;
    }
    if b.iter().all(|c| c.is_ascii_digit() || b"-/.".contains(c)) {
        numeric_date(b)
    } else {
        named_date(b)
    }
}

/// Calendar date: ISO `2024-03-05` or `2024/03/05`, `05/03/2024` (month first unless the first number is over 12), `5.3.2024` (day first), 2-digit years pivoting at 30, and month names/abbreviations in en/de/fr/es/it/pt; compact `20240305` is refused as it is indistinguishable from a number.
pub fn parse_date(s: &str) -> Option<Date> {
    date_bytes(s.as_bytes())
}

/// Parses a leading time and returns it with the number of bytes used.
fn time_prefix(b: &[u8]) -> Option<(Time, usize)> {
    let hd = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hd) {
        return None;
    }
    let hour = num(&b[..hd])?;
    let sep = *b.get(hd)?;
    if !matches!(sep, b':' | b'h' | b'H') {
        return None;
    }
    let minute = num(b.get(hd + 1..hd + 3)?)?;
    let mut i = hd + 3;
    let mut second = 0;
    if sep == b':' && b.get(i) == Some(&b':') {
        second = num(b.get(i + 1..i + 3)?)?;
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            let f = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if !(1..=9).contains(&f) {
                return None;
            }
            i += 1 + f;
        }
    }
    let rest = &b[i..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let meridiem = [(&b"am"[..], 0), (b"a.m.", 0), (b"pm", 12), (b"p.m.", 12)]
        .into_iter()
        .find(|(m, _)| rest.get(..m.len()).is_some_and(|r| r.eq_ignore_ascii_case(m)));
    let hour = match meridiem {
        Some((m, add)) => {
            if !(1..=12).contains(&hour) {
                return None;
            }
            i = b.len() - rest.len() + m.len();
            hour % 12 + add
        }
        None => {
            if rest.get(..3).is_some_and(|r| r.eq_ignore_ascii_case(b"uhr")) {
                i = b.len() - rest.len() + 3; // German "15:00 Uhr"
            }
            hour
        }
    };
    (hour <= 23 && minute <= 59 && second <= 60).then_some((
        Time {
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
        },
        i,
    ))
}

/// Time of day: `14:05`, `14:05:09`, `14:05:09.123` (or `,123`), `2:05 PM` / `2:05pm` / `2:05 p.m.`, German `15:00 Uhr` and French `14h05`; a bare `2pm` has no colon and is refused.
pub fn parse_time(s: &str) -> Option<Time> {
    let b = s.as_bytes();
    if b.len() > MAX_LEN {
        return None;
    }
    match time_prefix(b) {
        Some((t, used)) if used == b.len() => Some(t),
        _ => None,
    }
}

/// UTC offset `+hh`, `+hhmm` or `+hh:mm` (or `-`), at most 14 hours.
fn offset_ok(o: &[u8]) -> bool {
    let (hh, mm) = match o {
        [b'+' | b'-', h @ ..] => match h {
            [_, _] => (&h[..2], &b"00"[..]),
            [_, _, _, _] => (&h[..2], &h[2..]),
            [_, _, b':', _, _] => (&h[..2], &h[3..]),
            _ => return false,
        },
        _ => return false,
    };
    num(hh).is_some_and(|h| h <= 14) && num(mm).is_some_and(|m| m <= 59)
}

/// Time-zone designator after a time: `Z`, an offset, or a 2-5 letter zone name (UTC, GMT, CET) optionally followed by an offset.
fn zone_ok(z: &[u8]) -> bool {
    let z = z.strip_prefix(b" ").unwrap_or(z);
    if z.is_empty() || z == b"Z" || z == b"z" {
        return true;
    }
    let name = z.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let offset = &z[name..];
    match name {
        0 => offset_ok(offset),
        2..=5 => offset.is_empty() || offset_ok(offset),
        _ => false,
    }
}

/// Date and time: a `parse_date` date, then `T` or a space (a comma may follow the date), then a `parse_time` time and an optional `Z`, `+01:00`/`-0500` offset or zone name; covers ISO 8601, RFC 2822 (`Tue, 05 Mar 2024 14:05:09 +0000`) and US `3/5/2024 2:05 PM`.
pub fn parse_datetime(s: &str) -> Option<(Date, Time)> {
    let b = s.as_bytes();
    if b.len() > MAX_LEN {
        return None;
    }
    let colon = b.iter().position(|&c| c == b':')?;
    let start = colon - b[..colon].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if start == 0 || !matches!(b[start - 1], b' ' | b'T' | b't') {
        return None;
    }
    let date_part = &b[..start - 1];
    let keep = date_part.len() - date_part.iter().rev().take_while(|c| b" ,".contains(c)).count();
    let date = date_bytes(&date_part[..keep])?;
    let (time, used) = time_prefix(&b[start..])?;
    zone_ok(&b[start + used..]).then_some((date, time))
}

/// Unix epoch timestamp: 10 digits of seconds (optionally with a 1-6 digit fraction) or 13 digits of milliseconds, between 2001-09-09 and 2038-01-19, the span where such numbers are unmistakable.
pub fn is_unix_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() > 20 {
        return false;
    }
    let (int, frac) = match b.iter().position(|&c| c == b'.') {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    let frac_ok = frac.is_none_or(|f| (1..=6).contains(&f.len()) && f.iter().all(u8::is_ascii_digit));
    if !frac_ok || !int.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let v = || int.iter().fold(0u64, |a, &c| a * 10 + u64::from(c - b'0'));
    match int.len() {
        10 => (1_000_000_000..=2_147_483_647).contains(&v()),
        13 => frac.is_none() && (1_000_000_000_000..=2_147_483_647_999).contains(&v()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Option<Date> {
        Some(Date { year, month, day })
    }

    fn t(hour: u8, minute: u8, second: u8) -> Time {
        Time { hour, minute, second }
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(parse_date("2024-03-05"), d(2024, 3, 5));
        assert_eq!(parse_date("2024/03/05"), d(2024, 3, 5));
        assert_eq!(parse_date("2024-3-5"), d(2024, 3, 5));
        assert_eq!(parse_date("03/05/2024"), d(2024, 3, 5)); // month first
        assert_eq!(parse_date("25/03/2024"), d(2024, 3, 25)); // first > 12: day first
        assert_eq!(parse_date("03/25/2024"), d(2024, 3, 25));
        assert_eq!(parse_date("5.3.2024"), d(2024, 3, 5)); // dots: day first
        assert_eq!(parse_date("05-03-2024"), d(2024, 5, 3));
        assert_eq!(parse_date("05/03/89"), d(1989, 5, 3));
        assert_eq!(parse_date("3/5/24"), d(2024, 3, 5));
        assert_eq!(parse_date("05.03.30"), d(2030, 3, 5));
        assert_eq!(parse_date("29.02.2024"), d(2024, 2, 29));
        assert_eq!(parse_date("2000-02-29"), d(2000, 2, 29));
    }

    #[test]
    fn named_dates() {
        assert_eq!(parse_date("5 March 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("March 5, 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("5-Mar-2024"), d(2024, 3, 5));
        assert_eq!(parse_date("05-MAR-24"), d(2024, 3, 5));
        assert_eq!(parse_date("Mar 5 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("Mar. 5, 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("5. März 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("5. MÄRZ 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("5 de marzo de 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("1er janvier 2024"), d(2024, 1, 1));
        assert_eq!(parse_date("12 févr. 2024"), d(2024, 2, 12));
        assert_eq!(parse_date("3 août 1999"), d(1999, 8, 3));
        assert_eq!(parse_date("15 settembre 2023"), d(2023, 9, 15));
        assert_eq!(parse_date("7 de dezembro de 2020"), d(2020, 12, 7));
        assert_eq!(parse_date("March 5th, 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("5th of March 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("Sept 9 2021"), d(2021, 9, 9));
        assert_eq!(parse_date("2024-Mar-05"), d(2024, 3, 5));
        assert_eq!(parse_date("Tue, 05 Mar 2024"), d(2024, 3, 5));
        assert_eq!(parse_date("Di., 5. März 2024"), d(2024, 3, 5));
    }

    #[test]
    fn date_rejects() {
        for s in [
            "",
            "20240305",
            "2024-02-30",
            "2023-02-29",
            "1900-02-29",
            "2024-13-01",
            "31/02/2024",
            "0999-01-01",
            "3000-01-01",
            "1.2.3",
            "1.2.10",
            "10.4.12",
            "12.5",
            "192.168.0.1",
            "555-123-4567",
            "2024-03-05-01",
            "5 Marchy 2024",
            "5 jui 2024",
            "March 2024",
            "5 March",
            "32 March 2024",
            "Mar 5 2024 extra",
            "Order 5 March 2024",
            "2024-03-05T14:05",
            "ma 5 2024",
            "日本 5 2024",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("14:05"), Some(t(14, 5, 0)));
        assert_eq!(parse_time("14:05:09"), Some(t(14, 5, 9)));
        assert_eq!(parse_time("14:05:09.123"), Some(t(14, 5, 9)));
        assert_eq!(parse_time("2:05 PM"), Some(t(14, 5, 0)));
        assert_eq!(parse_time("12:30 am"), Some(t(0, 30, 0)));
        assert_eq!(parse_time("12:30pm"), Some(t(12, 30, 0)));
        assert_eq!(parse_time("9:15 a.m."), Some(t(9, 15, 0)));
        assert_eq!(parse_time("14h05"), Some(t(14, 5, 0)));
        assert_eq!(parse_time("15:00 Uhr"), Some(t(15, 0, 0)));
        assert_eq!(parse_time("0:00"), Some(t(0, 0, 0)));
        for s in [
            "",
            "2pm",
            "24:00",
            "14:60",
            "14:5",
            "14:05:",
            "14:05:9",
            "14:05:61",
            "13:05 PM",
            "0:30 AM",
            "14:05:09.",
            "14h",
            "14.05",
            "1405",
            "14:05 XM",
            "114:05",
            "14:05:09.1234567890",
        ] {
            assert_eq!(parse_time(s), None, "{s}");
        }
    }

    #[test]
    fn datetimes() {
        let dt = parse_datetime;
        assert_eq!(dt("2024-03-05T14:05:09Z"), Some((d(2024, 3, 5).unwrap(), t(14, 5, 9))));
        assert_eq!(dt("2024-03-05 14:05"), Some((d(2024, 3, 5).unwrap(), t(14, 5, 0))));
        assert_eq!(
            dt("2024-03-05T14:05:09.123+01:00"),
            Some((d(2024, 3, 5).unwrap(), t(14, 5, 9)))
        );
        assert_eq!(
            dt("2024-03-05T14:05:09-0500"),
            Some((d(2024, 3, 5).unwrap(), t(14, 5, 9)))
        );
        assert_eq!(
            dt("2024-03-05 14:05:09 UTC"),
            Some((d(2024, 3, 5).unwrap(), t(14, 5, 9)))
        );
        assert_eq!(
            dt("Tue, 05 Mar 2024 14:05:09 +0000"),
            Some((d(2024, 3, 5).unwrap(), t(14, 5, 9)))
        );
        assert_eq!(dt("3/5/2024 2:05 PM"), Some((d(2024, 3, 5).unwrap(), t(14, 5, 0))));
        assert_eq!(
            dt("March 5, 2024, 2:05 PM"),
            Some((d(2024, 3, 5).unwrap(), t(14, 5, 0)))
        );
        assert_eq!(dt("05.03.2024 14:05"), Some((d(2024, 3, 5).unwrap(), t(14, 5, 0))));
        for s in [
            "",
            "2024-03-05",
            "14:05",
            "2024-03-05T25:00",
            "2024-03-05X14:05",
            "2024-02-30 14:05",
            "2024-03-05 14:05 +15:00",
            "2024-03-05 14:05 nonsense",
            "2024-03-05 14:05 +01:0",
            "20240305T140509Z",
            "2024-03-05 14:05 PM",
            ":05",
        ] {
            assert_eq!(dt(s), None, "{s}");
        }
    }

    #[test]
    fn unix_timestamps() {
        for s in [
            "1700000000",
            "1000000000",
            "2147483647",
            "1700000000123",
            "1700000000.5",
        ] {
            assert!(is_unix_timestamp(s), "{s}");
        }
        for s in [
            "",
            "999999999",
            "0999999999",
            "2147483648",
            "17000000001",
            "1700000000.",
            "1700000000123.4",
            "-1700000000",
            "170000000a",
            "1.7e9",
        ] {
            assert!(!is_unix_timestamp(s), "{s}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        let big = "1".repeat(10 << 20);
        for s in [
            "",
            ":",
            "::",
            "1:",
            "1h",
            "ä:ö",
            "12:3€",
            "€ 5 2024",
            "5 € 2024",
            "T1:00",
            big.as_str(),
        ] {
            let _ = (parse_date(s), parse_time(s), parse_datetime(s), is_unix_timestamp(s));
        }
    }
}
