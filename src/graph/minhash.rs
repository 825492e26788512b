//! MinHash signatures of a column's distinct values, and the Jaccard estimate between two of them.
//!
//! Each value's bytes are hashed once with FNV-1a (64 bit) and finalised with the splitmix64 mixer;
//! slot `k` of the signature is the minimum over all values of `mix64(base ^ SEEDS[k]) >> 32`.
//! The fraction of slots on which two signatures agree is an unbiased estimate of the Jaccard
//! similarity of the two value sets (standard error about `sqrt(J (1 - J) / 16)` with 16 slots).
//! Duplicated values do not change a signature, so callers may pass raw samples.

use super::{Signature, SIGNATURE_LEN};

/// Signature of a column without any value: every slot is `u32::MAX`.
pub const EMPTY_SIGNATURE: Signature = [u32::MAX; SIGNATURE_LEN];

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// One fixed seed per slot (digits of pi, e and sqrt 2; any distinct odd constants would do).
const SEEDS: [u64; SIGNATURE_LEN] = [
    0x243f_6a88_85a3_08d3,
    0x1319_8a2e_0370_7344,
    0xa409_3822_299f_31d0,
    0x082e_fa98_ec4e_6c89,
    0x4528_21e6_38d0_1377,
    0xbe54_66cf_34e9_0c6c,
    0xc0ac_29b7_c97c_50dd,
    0x3f84_d5b5_b547_0917,
    0x9216_d5d9_8979_fb1b,
    0xb7e1_5162_8aed_2a6b,
    0xf324_6a7e_b3a1_1f8f,
    0x6a09_e667_f3bc_c908,
    0xbb67_ae85_84ca_a73b,
    0x3c6e_f372_fe94_f82b,
    0xa54f_f53a_5f1d_36f1,
    0x510e_527f_ade6_82d1,
];

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// splitmix64 finaliser: a bijective, well-avalanching 64-bit mix.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// MinHash signature of a set of values (each value given as its bytes).
///
/// An empty iterator gives [`EMPTY_SIGNATURE`]; a non-empty one never produces a `u32::MAX` slot,
/// so "all `u32::MAX`" reliably means "no values".
pub fn minhash<'v>(values: impl Iterator<Item = &'v [u8]>) -> Signature {
    let mut sig = EMPTY_SIGNATURE;
    for value in values {
        let base = mix64(fnv1a(value));
        for (slot, seed) in sig.iter_mut().zip(SEEDS.iter()) {
            // Keep u32::MAX free as the "empty" marker.
            let h = ((mix64(base ^ seed) >> 32) as u32).min(u32::MAX - 1);
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// True if the signature belongs to a column without values.
pub fn is_empty_signature(sig: &Signature) -> bool {
    sig.iter().all(|&x| x == u32::MAX)
}

/// Estimated Jaccard similarity: the fraction of equal slots; 0 if either column has no values.
pub fn jaccard(a: &Signature, b: &Signature) -> f32 {
    if is_empty_signature(a) || is_empty_signature(b) {
        return 0.0;
    }
    agreement(a, b)
}

/// Fraction of equal slots, without the emptiness check (callers check once per column).
#[inline]
pub fn agreement(a: &Signature, b: &Signature) -> f32 {
    let mut equal = 0u32;
    for (x, y) in a.iter().zip(b.iter()) {
        equal += u32::from(x == y);
    }
    equal as f32 / SIGNATURE_LEN as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig_of(values: &[String]) -> Signature {
        minhash(values.iter().map(|s| s.as_bytes()))
    }

    fn range(prefix: &str, from: usize, to: usize) -> Vec<String> {
        (from..to).map(|i| format!("{prefix}{i}")).collect()
    }

    #[test]
    fn identical_sets_give_one() {
        let a = range("user", 0, 200);
        let mut b = a.clone();
        b.reverse();
        b.extend(a.iter().take(50).cloned()); // duplicates do not matter
        assert_eq!(jaccard(&sig_of(&a), &sig_of(&b)), 1.0);
    }

    #[test]
    fn disjoint_sets_give_about_zero() {
        let a = range("a", 0, 300);
        let b = range("b", 0, 300);
        assert!(jaccard(&sig_of(&a), &sig_of(&b)) <= 0.0625);
    }

    #[test]
    fn half_overlap_gives_about_a_third() {
        // Sets of 200 sharing 100 values: true Jaccard 100 / 300 = 1/3.
        let mut total = 0.0;
        let trials = 8;
        for t in 0..trials {
            let p = format!("t{t}_");
            let a = range(&p, 0, 200);
            let b = range(&p, 100, 300);
            let j = jaccard(&sig_of(&a), &sig_of(&b));
            assert!((0.1..=0.65).contains(&j), "trial {t}: {j}");
            total += j;
        }
        let mean = total / trials as f32;
        assert!((0.25..=0.5).contains(&mean), "mean {mean}");
    }

    #[test]
    fn empty_columns() {
        let none: Vec<String> = Vec::new();
        let e = sig_of(&none);
        assert_eq!(e, EMPTY_SIGNATURE);
        assert!(is_empty_signature(&e));
        assert_eq!(jaccard(&e, &e), 0.0);
        let one = sig_of(&["x".to_string()]);
        assert!(!is_empty_signature(&one));
        assert_eq!(jaccard(&e, &one), 0.0);
        assert_eq!(jaccard(&one, &one), 1.0);
        // The empty value is a value.
        assert!(!is_empty_signature(&minhash([&b""[..]].into_iter())));
    }

    #[test]
    fn stable_across_runs() {
        let a = range("v", 0, 10);
        assert_eq!(sig_of(&a), sig_of(&a));
        // Pin one slot so an accidental change of the hash is caught (signatures are shipped).
        let s = minhash([&b"abc"[..]].into_iter());
        assert_eq!(s[0], (mix64(mix64(fnv1a(b"abc")) ^ SEEDS[0]) >> 32) as u32);
        assert_eq!(fnv1a(b""), FNV_OFFSET);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
