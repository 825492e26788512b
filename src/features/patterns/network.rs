//! Network names and ids: domains, IPv4 and IPv6 addresses, MAC addresses, UUIDs.

use super::*;

/// DNS name with at least two labels (letters, digits, hyphens, IDN bytes) and an alphabetic or `xn--` top-level domain.
pub(super) fn is_domain(b: &[u8]) -> bool {
    if b.len() < 4 || b.len() > 253 {
        return false;
    }
    let mut labels = 0;
    let mut last: &[u8] = &[];
    for label in b.split(|&c| c == b'.') {
        let ok = (1..=63).contains(&label.len())
            && label[0] != b'-'
            && label[label.len() - 1] != b'-'
            && label
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c >= 0x80);
        if !ok {
            return false;
        }
        labels += 1;
        last = label;
    }
    labels >= 2 && last.len() >= 2 && (last.iter().all(letter) || last.starts_with(b"xn--"))
}

/// Dotted-quad IPv4 on bytes.
pub(super) fn ipv4(b: &[u8]) -> bool {
    if b.len() < 7 || b.len() > 15 {
        return false;
    }
    let mut n = 0;
    for part in b.split(|&c| c == b'.') {
        n += 1;
        let ok = (1..=3).contains(&part.len())
            && part.iter().all(u8::is_ascii_digit)
            && (part.len() == 1 || part[0] != b'0')
            && part.iter().fold(0u32, |a, &c| a * 10 + u32::from(c - b'0')) <= 255;
        if !ok {
            return false;
        }
    }
    n == 4
}

/// IPv4 dotted quad: four decimal octets ≤ 255 with no leading zeros (so "01.02.03.04" and version-like "1.2.3" fail).
pub fn is_ipv4(s: &str) -> bool {
    ipv4(s.as_bytes())
}

/// Number of 16-bit groups in a colon-separated IPv6 fragment, or `None` if malformed; an IPv4 tail counts as two.
pub(super) fn ipv6_groups(part: &[u8], v4_tail: bool) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    let mut n = 0;
    let mut groups = part.split(|&c| c == b':').peekable();
    while let Some(g) = groups.next() {
        if v4_tail && groups.peek().is_none() && g.contains(&b'.') {
            n += if ipv4(g) { 2 } else { return None };
        } else if (1..=4).contains(&g.len()) && g.iter().all(u8::is_ascii_hexdigit) {
            n += 1;
        } else {
            return None;
        }
        if n > 8 {
            return None;
        }
    }
    Some(n)
}

/// IPv6 address: eight hex groups, or fewer with one `::`, optionally ending in an embedded IPv4 and an `%zone` suffix.
pub fn is_ipv6(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 2 || b.len() > 80 {
        return false;
    }
    let addr = match b.iter().position(|&c| c == b'%') {
        Some(i) => {
            let zone = &b[i + 1..];
            if zone.is_empty() || !zone.iter().all(|c| c.is_ascii_alphanumeric() || b"._-".contains(c)) {
                return false;
            }
            &b[..i]
        }
        None => b,
    };
    if addr.len() > 45 {
        return false;
    }
    match addr.windows(2).position(|w| w == b"::") {
        Some(i) => {
            let (left, right) = (&addr[..i], &addr[i + 2..]);
            match (ipv6_groups(left, false), ipv6_groups(right, true)) {
                (Some(l), Some(r)) => l + r <= 7,
                _ => false,
            }
        }
        None => ipv6_groups(addr, true) == Some(8),
    }
}

/// MAC address: six hex pairs joined by `:` or `-`, Cisco `xxxx.xxxx.xxxx`, or 12 bare hex digits only when mixing digits and letters (so plain 12-digit numbers fail).
pub fn is_mac(s: &str) -> bool {
    let b = s.as_bytes();
    match b.len() {
        17 => shape(b, b"xx:xx:xx:xx:xx:xx") || shape(b, b"xx-xx-xx-xx-xx-xx"),
        14 => shape(b, b"xxxx.xxxx.xxxx"),
        12 => shape(b, b"xxxxxxxxxxxx") && has_letters_and_digits(s),
        _ => false,
    }
}

/// UUID/GUID: 8-4-4-4-12 hex digits in any case, optionally in braces or after `urn:uuid:`.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    let b = match (b.first(), b.last()) {
        (Some(b'{'), Some(b'}')) if b.len() == 38 => &b[1..37],
        _ => strip_prefix_ci(b, b"urn:uuid:").unwrap_or(b),
    };
    shape(b, b"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
}
