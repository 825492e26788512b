//! The cloak's secret: an HMAC-SHA-256 key. Pseudonyms and fakes are derived from it, so the same
//! value gives the same token in every file cloaked with the same key, and nobody without the key
//! can compute a token from a guessed value. The core never makes one up: a face hands it the
//! user's key, or 32 random bytes from the platform (then nothing of it is ever written out).

use crate::error::{Error, Result};
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Shortest key accepted: a shorter one could be found by trying every key.
pub const MIN_KEY_BYTES: usize = 16;
/// Longest key accepted (a key file is read whole).
pub const MAX_KEY_BYTES: usize = 4096;

/// What a derived value is for: tokens and fakes of the same value must not be related.
#[derive(Debug, Clone, Copy)]
pub enum Purpose {
    Pseudonym = 1,
    Fake = 2,
    Fingerprint = 3,
}

#[derive(Clone)]
pub struct Key {
    mac: HmacSha256,
    /// The user gave the key (false: random for this run).
    pub given: bool,
}

impl std::fmt::Debug for Key {
    // Never prints key material.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Key")
            .field("given", &self.given)
            .finish_non_exhaustive()
    }
}

impl Key {
    /// The user's key, as the bytes of a key file: one trailing line break is not part of it (so
    /// `echo secret > key` and `printf secret > key` give the same key).
    pub fn given(bytes: &[u8]) -> Result<Key> {
        let bytes = bytes
            .strip_suffix(b"\r\n")
            .or_else(|| bytes.strip_suffix(b"\n"))
            .unwrap_or(bytes);
        if bytes.len() < MIN_KEY_BYTES || bytes.len() > MAX_KEY_BYTES {
            return Err(Error::InvalidOption {
                name: "key".into(),
                message: format!(
                    "the key is {} bytes; it must be {MIN_KEY_BYTES} to {MAX_KEY_BYTES} (e.g. `openssl rand -hex 32 > cloak.key`)",
                    bytes.len()
                ),
            });
        }
        Ok(Key::with(bytes, true))
    }

    /// A key for this run only, from the platform's random source.
    pub fn random(bytes: [u8; 32]) -> Key {
        Key::with(&bytes, false)
    }

    fn with(bytes: &[u8], given: bool) -> Key {
        // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
        let mac = HmacSha256::new_from_slice(bytes).unwrap_or_else(|_| HmacSha256::new(&Default::default()));
        Key { mac, given }
    }

    /// HMAC-SHA-256 of `data` for `purpose`.
    pub fn derive(&self, purpose: Purpose, data: &[u8]) -> [u8; 32] {
        let mut m = self.mac.clone();
        m.update(&[purpose as u8]);
        m.update(data);
        m.finalize().into_bytes().into()
    }

    /// A short public name of a given key (8 hex digits of a keyed hash of nothing), so that a
    /// user can tell two files were cloaked with the same key without showing it.
    pub fn fingerprint(&self) -> Option<String> {
        self.given.then(|| {
            self.derive(Purpose::Fingerprint, b"")[..4]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231_case_2() {
        // RFC 4231 test case 2 (key "Jefe"), through the same crate the key wraps.
        let mut m = HmacSha256::new_from_slice(b"Jefe").unwrap();
        m.update(b"what do ya want for nothing?");
        let hex: String = m.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    #[test]
    fn a_trailing_line_break_is_not_part_of_the_key() {
        let a = Key::given(b"0123456789abcdef0123\n").unwrap();
        let b = Key::given(b"0123456789abcdef0123").unwrap();
        assert_eq!(a.derive(Purpose::Pseudonym, b"x"), b.derive(Purpose::Pseudonym, b"x"));
        assert_ne!(a.derive(Purpose::Pseudonym, b"x"), a.derive(Purpose::Fake, b"x"));
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert!(Key::random([7; 32]).fingerprint().is_none());
    }

    #[test]
    fn short_keys_are_refused() {
        let e = Key::given(b"short\n").unwrap_err();
        assert_eq!(e.code(), "INVALID_OPTION");
        assert!(e.to_string().contains("5 bytes"), "{e}");
    }
}
