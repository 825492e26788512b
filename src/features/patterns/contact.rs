//! Ways to reach a person: e-mail addresses, URLs, phone numbers, user names.

use super::*;

/// E-mail address: RFC 5322 dot-atom local part (1-64 chars, no leading, trailing or double dot; UTF-8 allowed) `@` a DNS domain with an alphabetic TLD.
pub fn is_email(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 6 || b.len() > 254 {
        return false;
    }
    let Some(at) = b.iter().rposition(|&c| c == b'@') else {
        return false;
    };
    let (local, domain) = (&b[..at], &b[at + 1..]);
    (1..=64).contains(&local.len())
        && local[0] != b'.'
        && local[local.len() - 1] != b'.'
        && !local.windows(2).any(|w| w == b"..")
        && local
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || *c >= 0x80 || b"!#$%&'*+/=?^_`{|}~.-".contains(c))
        && is_domain(domain)
}

/// `host[:port]` of a URL: DNS name, IPv4, `[IPv6]` or localhost, with an optional 1-5 digit port.
pub(super) fn host_port_ok(b: &[u8]) -> bool {
    if let Some(v6) = b.strip_prefix(b"[") {
        let Some(end) = v6.iter().position(|&c| c == b']') else {
            return false;
        };
        let port_ok = match &v6[end + 1..] {
            [] => true,
            [b':', port @ ..] => (1..=5).contains(&port.len()) && port.iter().all(u8::is_ascii_digit),
            _ => false,
        };
        return port_ok && std::str::from_utf8(&v6[..end]).is_ok_and(is_ipv6);
    }
    let host = match b.iter().rposition(|&c| c == b':') {
        Some(i) => {
            let port = &b[i + 1..];
            if !(1..=5).contains(&port.len()) || !port.iter().all(u8::is_ascii_digit) {
                return false;
            }
            &b[..i]
        }
        None => b,
    };
    is_domain(host) || ipv4(host) || host.eq_ignore_ascii_case(b"localhost")
}

/// URL: `http(s)://` or `ftp://` with a valid host, a `www.` host, or a bare domain followed by a path (`example.com/x`); no whitespace, and never an e-mail address.
pub fn is_url(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || b.len() > 8192 || b.iter().any(|&c| c <= b' ' || c == 0x7f) {
        return false;
    }
    let rest = [&b"https://"[..], b"http://", b"ftp://"]
        .iter()
        .find_map(|p| strip_prefix_ci(b, p));
    let body = rest.unwrap_or(b);
    let end = body.iter().position(|c| b"/?#".contains(c)).unwrap_or(body.len());
    let authority = &body[..end];
    if rest.is_some() {
        // A scheme may carry user info before the host.
        let host = match authority.iter().rposition(|&c| c == b'@') {
            Some(i) => &authority[i + 1..],
            None => authority,
        };
        return host_port_ok(host);
    }
    if authority.contains(&b'@') {
        return false;
    }
    if strip_prefix_ci(authority, b"www.").is_some() {
        return host_port_ok(authority);
    }
    // A bare domain needs a path, and stays ASCII with a letters-only TLD so prose and file names fail.
    let ascii_tld = authority
        .rsplit(|&c| c == b'.')
        .next()
        .is_some_and(|t| t.iter().all(u8::is_ascii_alphabetic));
    body.get(end) == Some(&b'/')
        && body.is_ascii()
        && ascii_tld
        && is_domain(authority)
        && body[end..]
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(c))
}

/// Everything before a trailing phone extension (`x123`, `ext. 123`, `extension 123`, `#123`), or the whole input.
pub(super) fn strip_extension(b: &[u8]) -> &[u8] {
    let trim = |x: &[u8]| -> usize { x.len() - x.iter().rev().take_while(|&&c| c == b' ').count() };
    let digits = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 6 {
        return b;
    }
    let head = &b[..trim(&b[..b.len() - digits])];
    let head = head.strip_suffix(b".").unwrap_or(head);
    for kw in [&b"extension"[..], b"ext", b"x", b"#"] {
        if head.len() > kw.len() && head[head.len() - kw.len()..].eq_ignore_ascii_case(kw) {
            let main = &head[..head.len() - kw.len()];
            return &main[..trim(main)];
        }
    }
    b
}

/// Phone number: 7-15 digits with only `+` (leading), spaces, one `( )` pair and `- . /` separators plus an optional extension; rejects dates, IPv4, decimals like `12.5`, SSN-shaped `ddd-dd-dddd` and bare numbers under 10 digits.
pub fn is_phone_plausible(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 7 || b.len() > 40 {
        return false;
    }
    let main = strip_extension(b);
    let (plus, body) = match main.strip_prefix(b"+") {
        Some(rest) => (true, rest),
        None => (false, main),
    };
    if !body.first().is_some_and(|c| c.is_ascii_digit() || *c == b'(') || !body.last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let (mut digits, mut groups, mut seps) = (0usize, 0usize, 0u8);
    let mut lens = [0usize; 3];
    let (mut in_parens, mut parens_used, mut prev_sep) = (false, false, false);
    for (i, &c) in body.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                if i == 0 || !body[i - 1].is_ascii_digit() {
                    groups += 1;
                }
                if let Some(l) = lens.get_mut(groups - 1) {
                    *l += 1;
                }
                digits += 1;
                prev_sep = false;
            }
            b'(' if !parens_used => (in_parens, parens_used, prev_sep) = (true, true, false),
            b')' if in_parens && body[i - 1].is_ascii_digit() => (in_parens, prev_sep) = (false, false),
            b' ' | b'-' | b'.' | b'/' if !in_parens && !prev_sep => {
                if c != b' ' {
                    if seps != 0 && seps != c {
                        seps = b'*'; // mixed punctuation separators
                    } else if seps == 0 {
                        seps = c;
                    }
                }
                prev_sep = true;
            }
            _ => return false,
        }
    }
    if in_parens || !(7..=15).contains(&digits) {
        return false;
    }
    let bare = groups == 1 && !plus && !parens_used;
    let dots_only = seps == b'.' && !body.contains(&b' ') && !parens_used;
    let three = (groups == 3 && !plus && !parens_used && seps != b'*').then_some((lens[0], lens[1], lens[2]));
    let date_like = matches!(three, Some((4, 1..=2, 1..=2) | (1..=2, 1..=2, 4)));
    let ssn_like = three == Some((3, 2, 4)) && seps == b'-';
    !(bare && digits < 10) && !(dots_only && (groups == 2 || ipv4(body))) && !date_like && !ssn_like
}

/// E.164 phone number: `+`, a non-zero country digit, 8-15 digits in all, no separators.
pub fn is_e164(s: &str) -> bool {
    match s.as_bytes() {
        [b'+', d @ ..] => (8..=15).contains(&d.len()) && d[0] != b'0' && d.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

/// Username/handle: 3-32 ASCII letters, digits, `.`, `_` or `-` with at least one letter, and not an e-mail, URL, UUID, MAC, hex digest or version string.
pub fn is_username_like(s: &str) -> bool {
    let b = s.as_bytes();
    (3..=32).contains(&b.len())
        && b.iter().all(|c| c.is_ascii_alphanumeric() || b"._-".contains(c))
        && b.iter().any(u8::is_ascii_alphabetic)
        && !is_url(s)
        && !is_uuid(s)
        && !is_mac(s)
        && !is_hex_digest(s)
        && !is_version_string(s)
}
