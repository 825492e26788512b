//! Shape tests for cell values: contact details, network ids, credentials, postal codes and
//! addresses, and word tokens, one file per group.
//!
//! Every function takes an already trimmed `&str`, works on its bytes without
//! allocating (the street-address test folds a non-ASCII word into a small `String` to look
//! it up), slices only at ASCII positions and rejects over-long input first.

mod contact;
mod network;
mod postal;
mod secrets;
#[cfg(test)]
mod tests;
mod words;

pub use contact::*;
pub use network::*;
pub use postal::*;
pub use secrets::*;
pub use words::*;

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
