//! Looks at the start of the input before parsing: is it text at all, which delimiter, is the
//! first row a header. Decisions are made on a bounded prefix so streaming stays bounded.

/// Delimiters we sniff among, in order of preference on ties.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// What the prefix says about the encoding / file type.
#[derive(Debug, PartialEq)]
pub enum Content {
    Text,
    Binary { offset: u64, what: &'static str },
    Encoding(&'static str),
}

/// Recognises binary formats and text encodings we do not read, from the first bytes.
pub fn inspect(prefix: &[u8]) -> Content {
    const MAGIC: [(&[u8], &str); 14] = [
        (b"\x89PNG", "a PNG image"),
        (b"\x1f\x8b", "gzip-compressed data"),
        (b"PK\x03\x04", "a ZIP archive (e.g. .xlsx or .docx)"),
        (b"%PDF", "a PDF document"),
        (b"\x7fELF", "an executable"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"BZh", "bzip2-compressed data"),
        (b"\xfd7zXZ", "xz-compressed data"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
        (b"\0asm", "a WebAssembly module"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"PAR1", "a Parquet file"),
        (b"\xd0\xcf\x11\xe0", "an old Office document (.xls/.doc)"),
    ];
    for (magic, what) in MAGIC {
        if prefix.starts_with(magic) {
            return Content::Binary { offset: 0, what };
        }
    }
    if prefix.starts_with(b"\xff\xfe\0\0") || prefix.starts_with(b"\0\0\xfe\xff") {
        return Content::Encoding("UTF-32");
    }
    if prefix.starts_with(b"\xff\xfe") {
        return Content::Encoding("UTF-16LE");
    }
    if prefix.starts_with(b"\xfe\xff") {
        return Content::Encoding("UTF-16BE");
    }
    let head = &prefix[..prefix.len().min(4096)];
    if let Some(first_nul) = head.iter().position(|&b| b == 0) {
        // UTF-16 without a BOM: ASCII text with a NUL in every other byte.
        let (even, odd) = head.iter().enumerate().fold((0, 0), |(e, o), (i, &b)| {
            if b == 0 {
                if i % 2 == 0 {
                    (e + 1, o)
                } else {
                    (e, o + 1)
                }
            } else {
                (e, o)
            }
        });
        let half = head.len() / 2;
        if half > 8 && odd * 10 >= half * 9 {
            return Content::Encoding("UTF-16LE");
        }
        if half > 8 && even * 10 >= half * 9 {
            return Content::Encoding("UTF-16BE");
        }
        return Content::Binary {
            offset: first_nul as u64,
            what: "binary data (it holds NUL bytes)",
        };
    }
    Content::Text
}

/// Splits the prefix into at most `max` logical lines, honouring quotes (a quoted newline does
/// not end a line). The last, possibly incomplete line is dropped unless the prefix is all there is.
fn logical_lines(prefix: &[u8], max: usize, complete: bool) -> Vec<&[u8]> {
    let mut lines = Vec::new();
    let mut in_quotes = false;
    let mut start = 0;
    for (i, &b) in prefix.iter().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => {
                if i > start {
                    lines.push(&prefix[start..i]);
                    if lines.len() == max {
                        return lines;
                    }
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    if complete && start < prefix.len() {
        lines.push(&prefix[start..]);
    }
    lines
}

/// Counts a delimiter outside quotes in one line.
fn count_outside_quotes(line: &[u8], delim: u8) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for &b in line {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == delim && !in_quotes {
            n += 1;
        }
    }
    n
}

/// Picks the delimiter whose per-line count is most consistent (and non-zero) over the first lines.
/// `complete` says the prefix is the whole input.
pub fn sniff_delimiter(prefix: &[u8], complete: bool) -> u8 {
    let lines = logical_lines(prefix, 50, complete);
    if lines.is_empty() {
        return b',';
    }
    let mut best = (b',', 0.0f64, 0usize);
    for d in DELIMITERS {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        // The most common count (ties to the larger), and the share of lines that have it.
        let mut mode = 0;
        let mut mode_n = 0;
        for &c in &counts {
            let n = counts.iter().filter(|&&x| x == c).count();
            if c > 0 && (n > mode_n || (n == mode_n && c > mode)) {
                mode = c;
                mode_n = n;
            }
        }
        if mode == 0 {
            continue;
        }
        let score = mode_n as f64 / counts.len() as f64;
        let better = score > best.1 + 0.1 || ((score - best.1).abs() <= 0.1 && mode > best.2);
        if better {
            best = (d, score, mode);
        }
    }
    best.0
}

/// Coarse type of a cell, enough to tell a header from data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellType {
    Empty,
    Number,
    Date,
    Text,
}

fn cell_type(cell: &str) -> CellType {
    let s = cell.trim();
    if s.is_empty() {
        return CellType::Empty;
    }
    let b = s.as_bytes();
    let body = b.strip_prefix(b"-").or_else(|| b.strip_prefix(b"+")).unwrap_or(b);
    let digits = body.iter().filter(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return CellType::Text;
    }
    if body
        .iter()
        .all(|c| c.is_ascii_digit() || *c == b'.' || *c == b',' || *c == b'e' || *c == b'E')
    {
        return CellType::Number;
    }
    let date_like = body.iter().all(|c| c.is_ascii_digit() || b"-/.:T Z+".contains(c));
    if date_like && digits >= 4 {
        return CellType::Date;
    }
    // "$5", "12%", "-3.5 %": a number with its unit. "$5 coupons" and "Q1 %" are words.
    let unit = body
        .strip_prefix(b"$")
        .or_else(|| body.strip_suffix(b"%").map(|b| b.strip_suffix(b" ").unwrap_or(b)));
    if unit.is_some_and(|n| !n.is_empty() && n.iter().all(|c| c.is_ascii_digit() || b".,".contains(c))) {
        return CellType::Number;
    }
    CellType::Text
}

/// Whether a cell is a value that a validator recognises as personal or secret (an e-mail
/// address, a card number, an IBAN, an IP address, a key, ...). No real header looks like one,
/// and a row holding one is data: taking it for the header would print the value as a column
/// name, in evidence and in tables, and drop it from the statistics.
pub fn looks_like_sensitive_value(cell: &str) -> bool {
    use crate::features::checksums as c;
    use crate::features::patterns as p;
    let s = cell.trim();
    !s.is_empty()
        && (p::is_email(s)
            || p::is_url(s)
            || p::is_ipv4(s)
            || p::is_ipv6(s)
            || p::is_mac(s)
            || p::is_uuid(s)
            || p::is_jwt(s)
            || p::is_aws_access_key(s)
            || p::is_secret_token(s)
            || p::is_crypt_hash(s)
            || p::is_hex_digest(s)
            || p::is_phone_plausible(s)
            || p::is_e164(s)
            || c::is_iban(s)
            || c::is_card_number(s)
            || c::ssn_valid(s)
            || c::is_uk_nino(s))
}

/// A cell that reads as a person's name: two or three words, the first a common given name and
/// the last a common family name, and not a header word ("First Name" hints `first_name`).
fn looks_like_person_name(cell: &str) -> bool {
    use crate::features::dict::{self, Dict};
    let words: Vec<&str> = cell.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let mut buf = String::new();
    // The dictionaries first: they are cheap, and most cells fail them; the keyword table last.
    (2..=3).contains(&words.len())
        && dict::lookup(Dict::FirstName, first, &mut buf)
        && dict::lookup(Dict::LastName, last, &mut buf)
        && crate::features::header::best_hint(cell).is_none()
}

/// What [`detect_header`] decided, and whether anything in the rows supported the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderGuess {
    pub header: bool,
    /// False when the first row was taken as the header only because nearly every CSV has one:
    /// all text above text, no header word, nothing that marks it as data either.
    pub sure: bool,
}

/// Decides whether the first of `rows` is a header, like a person skimming the top of the file:
/// a first row of words above columns of numbers or dates is a header; a first row of the same
/// type as the rows below is data; a first row holding a value that a validator recognises (an
/// e-mail address, an IBAN, a key id) or a person's name above names is data. With no signal
/// either way (all text), a header is assumed, as nearly every exported CSV has one, and the
/// guess says it is not sure.
pub fn detect_header(rows: &[Vec<String>]) -> HeaderGuess {
    let data = HeaderGuess {
        header: false,
        sure: true,
    };
    let Some(first) = rows.first() else {
        return HeaderGuess {
            header: true,
            sure: true,
        };
    };
    if first
        .iter()
        .any(|c| matches!(cell_type(c), CellType::Number | CellType::Date) || looks_like_sensitive_value(c))
    {
        return data;
    }
    // Whether each first-row cell is a known header word, looked up once.
    let hinted: Vec<bool> = first
        .iter()
        .map(|c| crate::features::header::best_hint(c).is_some())
        .collect();
    let header_words = hinted.iter().filter(|&&h| h).count();
    if rows.len() == 1 {
        return HeaderGuess {
            header: true,
            sure: header_words > 0,
        };
    }
    let mut header_votes = 0;
    let mut data_votes = 0;
    for (c, head) in first.iter().enumerate() {
        let below: Vec<&str> = rows[1..]
            .iter()
            .filter_map(|r| r.get(c))
            .map(String::as_str)
            .filter(|v| cell_type(v) != CellType::Empty)
            .collect();
        if below.is_empty() {
            continue;
        }
        let typed = below
            .iter()
            .filter(|v| matches!(cell_type(v), CellType::Number | CellType::Date))
            .count();
        if typed * 2 > below.len() {
            header_votes += 1; // a word above numbers/dates
            continue;
        }
        // Text above text: a header cell rarely repeats a value of its own column, and is not a
        // person's name above other people's names.
        let head = head.trim();
        let repeats = !head.is_empty() && below.iter().any(|v| v.trim() == head);
        let name_above_names = looks_like_person_name(head)
            && below.iter().filter(|v| looks_like_person_name(v)).count() * 2 > below.len();
        if repeats || name_above_names {
            data_votes += 1;
        } else if hinted[c] {
            header_votes += 1; // a known header word above text
        }
    }
    HeaderGuess {
        header: header_votes >= data_votes,
        sure: header_votes > 0 || data_votes > 0 || header_words > 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&str]) -> Vec<Vec<String>> {
        lines.iter().map(|l| l.split(',').map(String::from).collect()).collect()
    }

    #[test]
    fn sniffs_common_delimiters() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n4,5,6\n", true), b',');
        assert_eq!(sniff_delimiter(b"a;b;c\n1,5;2;3\n4;5,1;6\n", true), b';');
        assert_eq!(sniff_delimiter(b"a\tb\n1\t2\n", true), b'\t');
        assert_eq!(sniff_delimiter(b"a|b|c\n\"x|y\"|2|3\n", true), b'|');
        assert_eq!(sniff_delimiter(b"name\nalice\nbob\n", true), b',');
        // Quoted delimiters do not count.
        assert_eq!(sniff_delimiter(b"a;b\n\"1,2,3\";4\n\"5,6,7\";8\n", true), b';');
    }

    fn header(lines: &[&str]) -> bool {
        detect_header(&rows(lines)).header
    }

    #[test]
    fn detects_headers() {
        assert!(header(&["id,name,amount", "1,Ann,3.5", "2,Bob,4"]));
        assert!(!header(&["1,Ann,3.5", "2,Bob,4"]));
        assert!(header(&["name,city", "Ann,Paris", "Bob,Rome"]));
        assert!(header(&["only,a,header"]));
        assert!(!header(&["Ann,Paris", "Ann,Rome", "Bob,Paris"]));
        assert!(header(&["when,what", "2024-01-02,x", "2024-02-03,y"]));
        assert!(detect_header(&rows(&["name,city", "Ann,Paris"])).sure);
    }

    /// The probe's leak: a headerless file of e-mail addresses, names, IBANs and key ids had its
    /// first data row taken for the header.
    #[test]
    fn a_first_row_of_sensitive_values_is_data() {
        let nh = [
            "ann.lee@example.org,Ann Lee,DE89370400440532013000,AKIAIOSFODNN7EXAMPLE",
            "bo.chan@example.com,Bo Chan,GB82WEST12345698765432,AKIAI44QH8DHBEXAMPLE",
            "cy.diaz@example.net,Cy Diaz,FR1420041010050500013M02606,AKIAJ2XEXAMPLEKEY123",
        ];
        assert_eq!(
            detect_header(&rows(&nh)),
            HeaderGuess {
                header: false,
                sure: true
            }
        );
        for one in ["4111111111111111", "192.168.1.20", "+44 20 7946 0958", "078-05-1120"] {
            assert!(!header(&[&format!("name,{one}"), "Ann,x", "Bo,y"]), "{one}");
        }
        // A person's name above names is data even without a validator.
        assert!(!header(&["Mary Smith,Paris", "John Brown,Rome", "Linda Jones,Oslo"]));
        assert!(header(&["Full Name,City", "John Brown,Rome", "Linda Jones,Oslo"]));
    }

    #[test]
    fn text_above_text_without_a_header_word_is_not_sure() {
        let g = detect_header(&rows(&["qqq,zzz", "alpha,beta", "gamma,delta"]));
        assert_eq!(
            g,
            HeaderGuess {
                header: true,
                sure: false
            }
        );
    }

    /// "Q1 %" and "$5 coupons" are header words, "$5" and "12 %" numbers.
    #[test]
    fn units_alone_do_not_make_a_number() {
        assert!(header(&["Q1 %,$5 coupons", "3.5,12", "4.1,9"]));
        assert_eq!(cell_type("$5"), CellType::Number);
        assert_eq!(cell_type("12 %"), CellType::Number);
        assert_eq!(cell_type("Q1 %"), CellType::Text);
        assert_eq!(cell_type("$5 coupons"), CellType::Text);
    }

    #[test]
    fn recognises_binaries_and_encodings() {
        assert!(matches!(inspect(b"\x89PNG\r\n\x1a\n...."), Content::Binary { .. }));
        assert!(matches!(inspect(b"\x1f\x8b\x08\0"), Content::Binary { .. }));
        assert_eq!(inspect(b"\xff\xfea\0,\0b\0"), Content::Encoding("UTF-16LE"));
        let utf16: Vec<u8> = "name,email\nann,a@b.c\n".bytes().flat_map(|b| [b, 0]).collect();
        assert_eq!(inspect(&utf16), Content::Encoding("UTF-16LE"));
        assert!(matches!(inspect(b"a,b\n1,\0\n"), Content::Binary { offset: 6, .. }));
        assert_eq!(inspect(b"a,b\n1,2\n"), Content::Text);
    }
}
