//! Credentials and opaque blobs: JWTs, vendor tokens and keys, digests, password hashes, base64.

use super::*;

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
