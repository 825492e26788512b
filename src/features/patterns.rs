//! Shape tests for cell values: contact details, network ids, credentials, codes.
//!
//! Every function takes an already trimmed `&str`, works on its bytes without
//! allocating, slices only at ASCII positions and rejects over-long input first.

use super::text::lower_bytes as lower;

/// True for a byte that may appear inside a word: ASCII letter or any UTF-8 byte of a non-ASCII letter.
fn letter(c: &u8) -> bool {
    c.is_ascii_alphabetic() || *c >= 0x80
}

/// True for a byte of the base64url alphabet.
fn b64url(c: &u8) -> bool {
    c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'
}

/// True for a byte of the crypt(3) "ab64" alphabet (`./0-9A-Za-z`).
fn ab64(c: &u8) -> bool {
    c.is_ascii_alphanumeric() || *c == b'.' || *c == b'/'
}

/// True for a byte of standard base64 (no padding).
fn b64(c: &u8) -> bool {
    c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/'
}

/// Matches `b` against a template: `9` digit, `A` ASCII letter, `x` hex digit, anything else literally.
fn shape(b: &[u8], pat: &[u8]) -> bool {
    b.len() == pat.len()
        && b.iter().zip(pat).all(|(&c, &p)| match p {
            b'9' => c.is_ascii_digit(),
            b'A' => c.is_ascii_alphabetic(),
            b'x' => c.is_ascii_hexdigit(),
            _ => c == p,
        })
}

/// Whether ASCII letters in `b` are all upper case or all lower case.
fn one_case(b: &[u8]) -> bool {
    !(b.iter().any(u8::is_ascii_uppercase) && b.iter().any(u8::is_ascii_lowercase))
}

/// Strips an ASCII prefix case-insensitively.
fn strip_prefix_ci<'a>(b: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    let head = b.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &b[prefix.len()..])
}

/// Whether `s` contains at least one ASCII letter and one ASCII digit (typical of codes and ids, rare in names).
pub fn has_letters_and_digits(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().any(u8::is_ascii_alphabetic) && b.iter().any(u8::is_ascii_digit)
}

/// DNS name with at least two labels (letters, digits, hyphens, IDN bytes) and an alphabetic or `xn--` top-level domain.
fn is_domain(b: &[u8]) -> bool {
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
fn ipv4(b: &[u8]) -> bool {
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
fn host_port_ok(b: &[u8]) -> bool {
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

/// IPv4 dotted quad: four decimal octets ≤ 255 with no leading zeros (so "01.02.03.04" and version-like "1.2.3" fail).
pub fn is_ipv4(s: &str) -> bool {
    ipv4(s.as_bytes())
}

/// Number of 16-bit groups in a colon-separated IPv6 fragment, or `None` if malformed; an IPv4 tail counts as two.
fn ipv6_groups(part: &[u8], v4_tail: bool) -> Option<usize> {
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

/// JSON Web Token: three base64url segments (signature may be empty for `alg: none`) whose header starts with `eyJ`, i.e. encodes `{"`.
pub fn is_jwt(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 16 || b.len() > 16_384 {
        return false;
    }
    let mut parts = b.split(|&c| c == b'.');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(h), Some(p), Some(sig), None) => {
            h.len() >= 10
                && h.starts_with(b"eyJ")
                && p.len() >= 2
                && [h, p, sig].iter().all(|seg| seg.iter().all(b64url))
        }
        _ => false,
    }
}

/// AWS access key id: a known 4-letter id prefix (AKIA, ASIA, AGPA, AIDA, AROA, ...) plus 16 characters of base32 `[A-Z2-7]`.
pub fn is_aws_access_key(s: &str) -> bool {
    const PREFIXES: [&[u8; 4]; 12] = [
        b"AKIA", b"ASIA", b"ABIA", b"ACCA", b"AGPA", b"AIDA", b"AIPA", b"ANPA", b"ANVA", b"APKA", b"AROA", b"ASCA",
    ];
    let b = s.as_bytes();
    b.len() == 20
        && (PREFIXES.iter().any(|p| b.starts_with(*p))
            || (b.starts_with(b"A3T") && b[3].is_ascii_alphanumeric() && !b[3].is_ascii_lowercase()))
        && b[4..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || (b'2'..=b'7').contains(c))
}

/// Alphabet of the random part of a token.
#[derive(Clone, Copy)]
enum Tail {
    /// `[A-Za-z0-9_-]`
    Word,
    /// `[A-Za-z0-9_-.]`
    Dotted,
    /// Base64, base64url and JWT characters, for HTTP `Authorization` values.
    Auth,
}

/// Vendor token prefixes with the minimum and maximum length of the random tail.
const TOKEN_PREFIXES: &[(&str, usize, usize, Tail)] = &[
    ("sk_live_", 16, 250, Tail::Word), // Stripe
    ("sk_test_", 16, 250, Tail::Word),
    ("rk_live_", 16, 250, Tail::Word),
    ("rk_test_", 16, 250, Tail::Word),
    ("pk_live_", 16, 250, Tail::Word),
    ("pk_test_", 16, 250, Tail::Word),
    ("whsec_", 24, 250, Tail::Word),
    ("ghp_", 30, 255, Tail::Word), // GitHub
    ("gho_", 30, 255, Tail::Word),
    ("ghu_", 30, 255, Tail::Word),
    ("ghs_", 30, 255, Tail::Word),
    ("ghr_", 30, 255, Tail::Word),
    ("github_pat_", 40, 255, Tail::Word),
    ("xoxb-", 20, 255, Tail::Word), // Slack
    ("xoxp-", 20, 255, Tail::Word),
    ("xoxa-", 20, 255, Tail::Word),
    ("xoxr-", 20, 255, Tail::Word),
    ("xoxs-", 20, 255, Tail::Word),
    ("xoxe-", 20, 255, Tail::Word),
    ("xapp-", 20, 255, Tail::Word),
    ("AIza", 35, 35, Tail::Word), // Google API key, 39 chars in all
    ("ya29.", 20, 2048, Tail::Dotted),
    ("glpat-", 20, 64, Tail::Word), // GitLab
    ("glptt-", 20, 64, Tail::Word),
    ("SG.", 40, 80, Tail::Dotted), // SendGrid
    ("npm_", 36, 36, Tail::Word),
    ("pypi-", 50, 255, Tail::Word),
    ("hf_", 30, 64, Tail::Word),    // Hugging Face
    ("shpat_", 32, 32, Tail::Word), // Shopify
    ("shpss_", 32, 32, Tail::Word),
    ("shpca_", 32, 32, Tail::Word),
    ("shppa_", 32, 32, Tail::Word),
    ("sk-", 32, 255, Tail::Word),    // OpenAI, Anthropic
    ("dop_v1_", 64, 64, Tail::Word), // DigitalOcean
    ("sq0atp-", 22, 64, Tail::Word), // Square
    ("sq0csp-", 40, 64, Tail::Word),
    ("Bearer ", 16, 4096, Tail::Auth),
    ("Basic ", 12, 1024, Tail::Auth),
];

/// API secret or access token: a known vendor prefix (Stripe, GitHub, Slack, Google, GitLab, SendGrid, npm, Hugging Face, Shopify, OpenAI, `Bearer ...`) followed by a long random-looking tail mixing character classes, an AWS key id, or a PEM private key.
pub fn is_secret_token(s: &str) -> bool {
    let b = s.as_bytes();
    if b.starts_with(b"-----BEGIN ") {
        let head = &b[..b.len().min(48)];
        return head.windows(11).any(|w| w == b"PRIVATE KEY");
    }
    if b.len() > 4200 {
        return false;
    }
    if is_aws_access_key(s) {
        return true;
    }
    TOKEN_PREFIXES.iter().any(|&(prefix, min, max, tail)| {
        let rest = match tail {
            Tail::Auth => strip_prefix_ci(b, prefix.as_bytes()),
            _ => b.strip_prefix(prefix.as_bytes()),
        };
        let Some(rest) = rest else {
            return false;
        };
        let charset_ok = rest.iter().all(|c| match tail {
            Tail::Word => b64url(c),
            Tail::Dotted => b64url(c) || *c == b'.',
            Tail::Auth => b64url(c) || b".~+/=".contains(c),
        });
        let classes = [
            rest.iter().any(u8::is_ascii_uppercase),
            rest.iter().any(u8::is_ascii_lowercase),
            rest.iter().any(u8::is_ascii_digit),
        ];
        (min..=max).contains(&rest.len()) && charset_ok && classes.iter().filter(|&&x| x).count() >= 2
    })
}

/// Hex digest (MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512 lengths) in a single case, with both digits and letters so that long plain numbers fail.
pub fn is_hex_digest(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.len(), 32 | 40 | 56 | 64 | 96 | 128)
        && b.iter().all(u8::is_ascii_hexdigit)
        && has_letters_and_digits(s)
        && one_case(b)
}

/// Password hash in modular crypt format: bcrypt, argon2, md5-crypt (`$1$`, `$apr1$`), sha256/512-crypt, yescrypt, scrypt (`$7$`), passlib and Django PBKDF2.
pub fn is_crypt_hash(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || b.len() > 512 {
        return false;
    }
    let mut parts: [&[u8]; 7] = [&[]; 7];
    let mut n = 0;
    for p in b.split(|&c| c == b'$') {
        match parts.get_mut(n) {
            Some(slot) => *slot = p,
            None => return false,
        }
        n += 1;
    }
    let all = |x: &[u8], f: fn(&u8) -> bool| !x.is_empty() && x.iter().all(f);
    let digits = |x: &[u8]| all(x, u8::is_ascii_digit);
    let params = |x: &[u8]| x.starts_with(b"m=") && all(x, |c| c.is_ascii_alphanumeric() || b"=,".contains(c));
    let salted = |salt: &[u8], max_salt: usize, hash: &[u8], hash_len: usize| {
        salt.len() <= max_salt && all(salt, ab64) && hash.len() == hash_len && all(hash, ab64)
    };
    match &parts[..n] {
        [b"", b"2a" | b"2b" | b"2y" | b"2x", cost, rest] => {
            cost.len() == 2 && digits(cost) && rest.len() == 53 && all(rest, ab64)
        }
        [b"", b"1" | b"apr1", salt, hash] => salted(salt, 8, hash, 22),
        [b"", b"5", salt, hash] => salted(salt, 16, hash, 43),
        [b"", b"6", salt, hash] => salted(salt, 16, hash, 86),
        [b"", b"5", rounds, salt, hash] => rounds.starts_with(b"rounds=") && salted(salt, 16, hash, 43),
        [b"", b"6", rounds, salt, hash] => rounds.starts_with(b"rounds=") && salted(salt, 16, hash, 86),
        [b"", b"y" | b"gy", param, salt, hash] => all(param, ab64) && salted(salt, 64, hash, 43),
        [b"", b"7", param_salt, hash] => param_salt.len() >= 14 && salted(param_salt, 128, hash, 43),
        [b"", b"argon2i" | b"argon2d" | b"argon2id", rest @ ..] => match rest {
            [v, p, salt, hash] => {
                v.starts_with(b"v=") && params(p) && all(salt, b64) && hash.len() >= 16 && all(hash, b64)
            }
            [p, salt, hash] => params(p) && all(salt, b64) && hash.len() >= 16 && all(hash, b64),
            _ => false,
        },
        [b"", b"pbkdf2" | b"pbkdf2-sha1" | b"pbkdf2-sha256" | b"pbkdf2-sha512", rounds, salt, hash] => {
            digits(rounds) && all(salt, ab64) && hash.len() >= 16 && all(hash, ab64)
        }
        [b"pbkdf2_sha1" | b"pbkdf2_sha256", rounds, salt, hash] => {
            digits(rounds)
                && all(salt, u8::is_ascii_alphanumeric)
                && hash.len() >= 20
                && all(hash, |c| b64(c) || *c == b'=')
        }
        _ => false,
    }
}

/// Base64 or base64url blob: 20-65536 characters of one alphabet with correct `=` padding, mixing upper case, lower case and digits (so words, numbers and hex fail).
pub fn is_base64_blob(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || b.len() > 65_536 {
        return false;
    }
    let body = b.strip_suffix(b"==").or_else(|| b.strip_suffix(b"=")).unwrap_or(b);
    if body.len() != b.len() && b.len() % 4 != 0 {
        return false;
    }
    let std_alpha = body.iter().any(|c| b"+/".contains(c));
    let url_alpha = body.iter().any(|c| b"-_".contains(c));
    !(std_alpha && url_alpha)
        && body.iter().all(|c| b64(c) || b64url(c))
        && body.iter().any(u8::is_ascii_uppercase)
        && body.iter().any(u8::is_ascii_lowercase)
        && body.iter().any(u8::is_ascii_digit)
}

/// CSS hex colour `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`; a hard negative that looks like a short hex id.
pub fn is_hex_colour(s: &str) -> bool {
    match s.as_bytes() {
        [b'#', hex @ ..] => matches!(hex.len(), 3 | 4 | 6 | 8) && hex.iter().all(u8::is_ascii_hexdigit),
        _ => false,
    }
}

/// Semver pre-release/build suffix: empty, `-ident`, `+ident` or `-ident+ident`.
fn semver_suffix(s: &[u8]) -> bool {
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

/// Everything before a trailing phone extension (`x123`, `ext. 123`, `extension 123`, `#123`), or the whole input.
fn strip_extension(b: &[u8]) -> &[u8] {
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

/// Street words (lower case, trailing dot removed) in en/de/fr/es/it/pt/nl.
const STREET_WORDS: &str = concat!(
    "street st str avenue ave av avda road rd lane ln drive dr boulevard blvd bd way court ct place pl ",
    "square sq terrace crescent close highway hwy parkway pkwy circle cir trail row alley grove gardens ",
    "mews box strasse straße platz weg gasse allee ring damm ufer rue chemin allée impasse quai route ",
    "cours calle carrer avenida paseo plaza camino carretera rua travessa largo estrada praça via viale ",
    "piazza corso vicolo straat laan plein gracht kade singel",
);

/// Endings of compound street names (Hauptstraße, Kerkstraat, Storgatan, ...).
const STREET_SUFFIXES: &str = concat!(
    "straße strasse str weg gasse platz allee damm ufer straat laan gracht plein gatan vägen vej gade ",
    "veien",
);

/// A house number token: optional `#`, 1-5 digits, then up to 3 letters (221B, 12bis) or a `-`/`/` range (12-14, 4/2).
fn house_number(t: &[u8]) -> bool {
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
                let bare = tok.strip_suffix(b".").unwrap_or(tok);
                if let Some(w) = lower(bare, &mut buf) {
                    keyword |= STREET_WORDS.split(' ').any(|k| k.as_bytes() == w)
                        || STREET_SUFFIXES
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

#[cfg(test)]
mod tests {
    use super::*;

    fn all(f: fn(&str) -> bool, yes: &[&str], no: &[&str]) {
        for s in yes {
            assert!(f(s), "should accept {s:?}");
        }
        for s in no {
            assert!(!f(s), "should reject {s:?}");
        }
    }

    #[test]
    fn email() {
        all(
            is_email,
            &[
                "john.doe@example.com",
                "a+b@sub.example.co.uk",
                "USER_1@Example.ORG",
                "josé@exemple.fr",
                "x@bücher.de",
                "o'brien@example.ie",
            ],
            &[
                "",
                "john.doe@",
                "@example.com",
                "john..doe@example.com",
                ".john@example.com",
                "john@example",
                "john@example.c",
                "john@-example.com",
                "john doe@example.com",
                "john@@example.com",
                "http://example.com",
                "john@example.com.",
                "john@192.168.1.1",
            ],
        );
    }

    #[test]
    fn url() {
        all(
            is_url,
            &[
                "https://example.com",
                "http://example.com/path?q=1#frag",
                "HTTPS://EXAMPLE.COM/",
                "ftp://ftp.example.org/pub/file.txt",
                "http://localhost:8080/api",
                "http://192.168.0.1/admin",
                "http://[::1]:8080/",
                "https://user:pw@example.com/x",
                "www.example.com",
                "www.example.com/about",
                "example.com/path",
                "docs.google.com/spreadsheets/d/1",
                "https://bücher.de/",
            ],
            &[
                "",
                "https://",
                "http://exa mple.com",
                "example.com",
                "john@example.com",
                "john@example.com/x",
                "mailto:john@example.com",
                "2024/03/05",
                "1.5/2",
                "e.g./i.e.",
                "http://example.com:123456/",
                "www.",
                "C:/Users/file.txt",
                "4.Pwß/P,ä_f6v",
                "résumé.docx/x",
                "example.com/a b",
            ],
        );
    }

    #[test]
    fn ipv4() {
        all(
            is_ipv4,
            &["192.168.0.1", "0.0.0.0", "255.255.255.255", "10.0.0.10"],
            &[
                "",
                "256.1.1.1",
                "01.2.3.4",
                "1.2.3",
                "1.2.3.4.5",
                "1.2.3.",
                "1..2.3",
                "a.b.c.d",
                "1.2.3.4 ",
            ],
        );
    }

    #[test]
    fn ipv6() {
        all(
            is_ipv6,
            &[
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                "2001:db8:85a3::8a2e:370:7334",
                "::1",
                "::",
                "fe80::1%eth0",
                "::ffff:192.168.1.1",
                "64:ff9b::192.0.2.33",
                "1::",
                "FE80::ABCD",
            ],
            &[
                "",
                ":",
                ":::",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "1::2::3",
                "12345::1",
                "g::1",
                "12:30",
                "1.2.3.4::",
                "fe80::1%",
                "::ffff:999.1.1.1",
                "1:2:3:4:5:6:7::8:9",
            ],
        );
    }

    #[test]
    fn mac_uuid() {
        all(
            is_mac,
            &[
                "00:1A:2b:3C:4d:5E",
                "00-1a-2b-3c-4d-5e",
                "001a.2b3c.4d5e",
                "001A2B3C4D5E",
            ],
            &[
                "",
                "001122334455",
                "aabbccddeeff",
                "00:1a-2b:3c:4d:5e",
                "00:1a:2b:3c:4d",
                "0g:1a:2b:3c:4d:5e",
            ],
        );
        all(
            is_uuid,
            &[
                "123e4567-e89b-12d3-a456-426614174000",
                "{123E4567-E89B-12D3-A456-426614174000}",
                "urn:uuid:123e4567-e89b-12d3-a456-426614174000",
            ],
            &[
                "",
                "123e4567e89b12d3a456426614174000",
                "123e4567-e89b-12d3-a456-42661417400g",
                "{123e4567-e89b-12d3-a456-426614174000",
                "123e4567-e89b-12d3-a456-4266141740001",
            ],
        );
    }

    #[test]
    fn credentials() {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        all(
            is_jwt,
            &[jwt, "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."],
            &[
                "",
                "abc.def.ghi",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0",
                "eyJhbGciOiJIUzI1NiJ9.e+J.x.y",
            ],
        );
        all(
            is_aws_access_key,
            &["AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A", "A3T0IOSFODNN7EXAMPLE"],
            &[
                "",
                "AKIAIOSFODNN7EXAMPL",
                "AKIAIOSFODNN7EXAMPL1",
                "akiaiosfodnn7example",
                "ABCDIOSFODNN7EXAMPLE",
            ],
        );
        all(
            is_secret_token,
            &[
                "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
                "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
                "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",
                "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL",
                "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe",
                "glpat-xxxxXXXXxxxxXXXX1234",
                "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",
                "npm_abcdefghijklmnopqrstuvwxyz0123456789",
                "hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567",
                "shpat_0123456789abcdef0123456789abcdef",
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123",
                "bearer AbCdEf0123456789xyz",
                "AKIAIOSFODNN7EXAMPLE",
                "-----BEGIN RSA PRIVATE KEY-----\nMIIE...",
                "-----BEGIN OPENSSH PRIVATE KEY-----",
            ],
            &[
                "",
                "sk_live_short1",
                "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                "ghp_",
                "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQ",
                "Bearer token",
                "sk-",
                "hf_hello",
                "-----BEGIN CERTIFICATE-----",
                "sk_live_4eC39HqLyjWDarjtT1zdp7dc!",
            ],
        );
    }

    #[test]
    fn hashes() {
        all(
            is_hex_digest,
            &[
                "d41d8cd98f00b204e9800998ecf8427e",
                "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            ],
            &[
                "",
                "12345678901234567890123456789012",
                "abcdefabcdefabcdefabcdefabcdefab",
                "d41d8cd98f00b204e9800998ecf8427",
                "D41d8cd98f00b204e9800998ecf8427e",
                "g41d8cd98f00b204e9800998ecf8427e",
            ],
        );
        all(
            is_crypt_hash,
            &[
                "$2b$12$EXRkfkdmXn2gzds2SSitu.MW9.gAVqa9eLS1//RYtYCmB1eLHg.9q",
                "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi",
                "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
                "$argon2i$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
                "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/",
                "$apr1$71850310$gh9m4xcAn3MGxogwX/ztb.",
                "$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZF4KW0/E/",
                "$6$rounds=5000$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7",
                "$pbkdf2-sha256$29000$N2bsXUtp7b2XMgbgXIuxdg$6k0Y09dgHxhrqgMcJuCB8w4VZ/LqCfsXpNVv8QRdY2M",
                "pbkdf2_sha256$260000$abcdefghijkl$AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/ab=",
            ],
            &[
                "",
                "$2b$12$short",
                "$2b$1x$EXRkfkdmXn2gzds2SSitu.MW9.gAVqa9eLS1//RYtYCmB1eLHg.9q",
                "$1$saltsalt$short",
                "$9$abc$defghijklmnopqrstuvwxyz",
                "$argon2id$v=19$t=3$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
                "$$$$$$$$$$$$$$$$$$$$$$$$$$",
                "price $5$ and $6$ for things like that",
            ],
        );
    }

    #[test]
    fn base64_and_colour() {
        all(
            is_base64_blob,
            &[
                "SGVsbG8gV29ybGQhIFRoaXMgaXM=",
                "U29tZSBiaW5hcnkgZGF0YSAxMjM0",
                "ab-_CD12ef34GH56ij78KL90",
                "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MTIz",
            ],
            &[
                "",
                "hello world this is text",
                "abcdefghijklmnopqrstuvwxyz",
                "12345678901234567890",
                "d41d8cd98f00b204e9800998ecf8427e",
                "SGVsbG8gV29ybGQhIFRoaXMgaX=",
                "ab-_CD12ef34GH56ij78KL90+/",
                "SGVsbG8gV29ybGQhIFRoaXMgaXM===",
            ],
        );
        all(
            is_hex_colour,
            &["#fff", "#FFFFFF", "#1a2B3c", "#11223344", "#abcd"],
            &["", "#", "fff", "#ffff1", "#gggggg", "#1234567", "##fff"],
        );
    }

    #[test]
    fn versions() {
        all(
            is_version_string,
            &[
                "1.2.3",
                "v2.0",
                "V1.0",
                "10.4.1-beta",
                "1.0.0-rc.1+build.5",
                "2.0-rc1",
                "1.2.3.4567",
                "0.1.0",
                "10.0.19041.1",
            ],
            &[
                "",
                "1.2",
                "12.5",
                "v",
                "v1",
                "1.2.3.4.5",
                "1..2",
                "1.2.3-",
                "5.3.2024",
                "2024.03.05",
                "192.168.0.1",
                "1.2.x",
                "a.b.c",
                "1.98+3",
                "12.5-13",
            ],
        );
    }

    #[test]
    fn phones() {
        all(
            is_phone_plausible,
            &[
                "+1 (555) 123-4567",
                "(555) 123-4567",
                "555-123-4567",
                "555.123.4567",
                "+44 20 7946 0958",
                "+44 (0)20 7946 0958",
                "020 7946 0958",
                "07700900123",
                "+4930123456",
                "030/1234567",
                "01.23.45.67.89",
                "555-123-4567 x123",
                "555-123-4567 ext. 12",
                "+1-555-123-4567ext123",
            ],
            &[
                "",
                "1234567",
                "123456789",
                "12.5",
                "1234.5678",
                "192.168.100.200",
                "2024-03-05",
                "05/03/2024",
                "5.3.2024",
                "123-45-6789",
                "4111 1111 1111 1111",
                "1,234,567",
                "555--123-4567",
                "+1 555 123 4567+",
                "555-123-4567 x",
                "(555 123-4567",
                "555) 123-4567",
                "abc-def-ghij",
                "14:05:09",
                "++1 555 123 4567",
            ],
        );
        all(
            is_e164,
            &["+14155552671", "+442079460958", "+4930123456"],
            &[
                "",
                "+",
                "14155552671",
                "+0123456789",
                "+1 415 555 2671",
                "+1234567",
                "+1234567890123456",
            ],
        );
    }

    #[test]
    fn postcodes() {
        all(
            is_us_zip,
            &["12345", "12345-6789", "00501"],
            &["", "1234", "123456", "00000", "12345-678", "1234a"],
        );
        all(
            is_uk_postcode,
            &[
                "SW1A 1AA", "sw1a1aa", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX", "GIR 0AA",
            ],
            &[
                "",
                "SW1A 1AAA",
                "Q1 1AA",
                "SW1A 1CA",
                "1AA 1AA",
                "SW1A  1AA",
                "AB1 CDE",
                "M1 1A",
                "V1A 1AA",
                "Sw1A 1AA",
            ],
        );
        all(
            is_ca_postcode,
            &["K1A 0B1", "k1a0b1", "M5V 3L9"],
            &[
                "", "K1A0B", "D1A 0B1", "W1A 0B1", "K1A 0B1X", "K1A  0B1", "KKA 0B1", "K1a 0B1",
            ],
        );
        all(
            is_postcode_like,
            &[
                "12345",
                "1234",
                "123456",
                "1012 AB",
                "1012AB",
                "00-950",
                "01310-100",
                "1000-001",
                "100-0001",
                "114 55",
                "SW1A 1AA",
                "K1A 0B1",
            ],
            &[
                "",
                "123",
                "1234567",
                "0123 AB",
                "1012 SS",
                "12-34",
                "abcde",
                "12 345 67",
            ],
        );
    }

    #[test]
    fn tokens() {
        all(
            is_boolean_token,
            &[
                "true", "FALSE", "Yes", "n", "0", "1", "on", "OFF", "ja", "Nein", "oui", "non", "si", "sí", "SÍ", "não",
            ],
            &["", "2", "maybe", "truee", "yes!", "male"],
        );
        all(
            is_gender_token,
            &[
                "M",
                "f",
                "Male",
                "FEMALE",
                "woman",
                "non-binary",
                "Nonbinary",
                "diverse",
                "männlich",
                "MÄNNLICH",
                "Weiblich",
                "divers",
                "homme",
                "Femme",
                "hombre",
                "mujer",
                "masculino",
                "femenino",
                "maschio",
                "femmina",
                "uomo",
                "donna",
                "vrouw",
                "h",
                "v",
                "x",
                "other",
            ],
            &["", "unknown", "yes", "mr", "mrs", "true", "männer!"],
        );
    }

    #[test]
    fn usernames() {
        all(
            is_username_like,
            &["jdoe", "john.doe", "john_doe99", "x-ray", "Admin"],
            &[
                "",
                "ab",
                "john doe",
                "john@example.com",
                "12345",
                "www.example.com",
                "123e4567-e89b-12d3-a456-426614174000",
                "d41d8cd98f00b204e9800998ecf8427e",
                "v1.2.3",
                "a-very-long-username-that-goes-on-and-on",
                "jöhn",
            ],
        );
    }

    #[test]
    fn addresses() {
        all(
            is_street_address_like,
            &[
                "221B Baker Street",
                "Hauptstraße 5",
                "12 rue de la Paix",
                "Apt. 4, 500 Main St",
                "1600 Pennsylvania Avenue NW, Washington, DC 20500",
                "Kerkstraat 12-14",
                "Via Roma 10",
                "Calle Mayor 5, 3º",
                "10 Downing Street",
                "12 Oak Ridge",
                "PO Box 123",
                "Hauptstr. 12a, 10115 Berlin",
            ],
            &[
                "",
                "Order 12345",
                "Invoice #123",
                "5 March 2024",
                "March 5, 2024",
                "5 de marzo de 2024",
                "Baker Street",
                "12345",
                "iPhone 15 Pro",
                "Street 1234567",
                "John Smith",
                "7 $v,GB",
                "#4P m-’ #Gu",
                "c 261k",
            ],
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        let big = "9".repeat(10 << 20);
        let odd = [
            "",
            " ",
            "€",
            "ß",
            "日本語テキスト",
            "\u{0}",
            "((((",
            "$",
            "$$",
            "::",
            ".",
            "@",
            "#",
            "+",
            "x",
            "ext",
            "0x",
            "-",
            "ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ",
            big.as_str(),
        ];
        let fns: [fn(&str) -> bool; 27] = [
            has_letters_and_digits,
            is_email,
            is_url,
            is_ipv4,
            is_ipv6,
            is_mac,
            is_uuid,
            is_jwt,
            is_aws_access_key,
            is_secret_token,
            is_hex_digest,
            is_crypt_hash,
            is_base64_blob,
            is_hex_colour,
            is_version_string,
            is_phone_plausible,
            is_e164,
            is_us_zip,
            is_uk_postcode,
            is_ca_postcode,
            is_postcode_like,
            is_boolean_token,
            is_gender_token,
            is_username_like,
            is_street_address_like,
            is_email,
            is_url,
        ];
        for f in fns {
            for s in odd {
                let _ = f(s);
            }
        }
    }
}
