//! Byte-class scan: how many bytes of a value fall in each character class.
//!
//! This is the hottest loop of feature extraction, so it has a 128-bit SIMD version (wasm
//! `simd128`, or SSE2 on x86_64) beside the scalar one. Both must give identical counts; a test
//! checks that on many inputs. The SIMD body is written once over a tiny lane layer (`lanes`).

/// Number of classes counted.
pub const N_CLASSES: usize = 16;

/// Class names, in count order (feature names are built from these).
pub const CLASS_NAMES: [&str; N_CLASSES] = [
    "digit",
    "upper",
    "lower",
    "space",
    "at",
    "dot",
    "dash",
    "underscore",
    "slash",
    "colon",
    "plus",
    "paren",
    "comma",
    "non_ascii",
    "other",
    "hex_letter",
];

/// The index of each class in [`ClassCounts`], in the order of [`CLASS_NAMES`].
pub mod class {
    pub const DIGIT: usize = 0;
    pub const UPPER: usize = 1;
    pub const LOWER: usize = 2;
    pub const SPACE: usize = 3;
    pub const AT: usize = 4;
    pub const DOT: usize = 5;
    pub const DASH: usize = 6;
    pub const UNDERSCORE: usize = 7;
    pub const SLASH: usize = 8;
    pub const COLON: usize = 9;
    pub const PLUS: usize = 10;
    pub const PAREN: usize = 11;
    pub const COMMA: usize = 12;
    pub const NON_ASCII: usize = 13;
    pub const OTHER: usize = 14;
    pub const HEX_LETTER: usize = 15;
}

/// Per-class byte counts of one value. Classes 0..15 partition the bytes; `hex_letter`
/// (a-f, A-F) overlaps upper/lower.
pub type ClassCounts = [u32; N_CLASSES];

const fn class_of(b: u8) -> usize {
    match b {
        b'0'..=b'9' => class::DIGIT,
        b'A'..=b'Z' => class::UPPER,
        b'a'..=b'z' => class::LOWER,
        b' ' | b'\t' => class::SPACE,
        b'@' => class::AT,
        b'.' => class::DOT,
        b'-' => class::DASH,
        b'_' => class::UNDERSCORE,
        b'/' => class::SLASH,
        b':' => class::COLON,
        b'+' => class::PLUS,
        b'(' | b')' => class::PAREN,
        b',' => class::COMMA,
        0x80..=0xFF => class::NON_ASCII,
        _ => class::OTHER,
    }
}

const CLASS_TABLE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = class_of(i as u8) as u8;
        i += 1;
    }
    t
};

/// Scalar twin: a table look-up per byte.
pub fn class_counts_scalar(bytes: &[u8]) -> ClassCounts {
    let mut c = [0u32; N_CLASSES];
    for &b in bytes {
        c[CLASS_TABLE[b as usize] as usize] += 1;
        if b.is_ascii_hexdigit() && !b.is_ascii_digit() {
            c[15] += 1;
        }
    }
    c
}

/// Fastest available version for this build.
#[inline]
pub fn class_counts(bytes: &[u8]) -> ClassCounts {
    #[cfg(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128")))]
    {
        class_counts_simd(bytes)
    }
    #[cfg(not(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128"))))]
    {
        class_counts_scalar(bytes)
    }
}

#[cfg(target_arch = "x86_64")]
mod lanes {
    //! SSE2 is part of the x86_64 baseline, so these intrinsics are always available.
    use core::arch::x86_64::*;
    pub type V = __m128i;
    #[inline(always)]
    pub fn load(b: &[u8; 16]) -> V {
        // SAFETY: SSE2 is baseline on x86_64; the load is unaligned and reads exactly 16 bytes.
        unsafe { _mm_loadu_si128(b.as_ptr() as *const __m128i) }
    }
    #[inline(always)]
    pub fn splat(x: u8) -> V {
        // SAFETY: SSE2 baseline.
        unsafe { _mm_set1_epi8(x as i8) }
    }
    /// Lanes with lo <= v <= hi (unsigned).
    #[inline(always)]
    pub fn within(v: V, lo: u8, hi: u8) -> V {
        // SAFETY: SSE2 baseline. max(v,lo)==v <=> v>=lo; min(v,hi)==v <=> v<=hi.
        unsafe {
            let ge = _mm_cmpeq_epi8(_mm_max_epu8(v, splat(lo)), v);
            let le = _mm_cmpeq_epi8(_mm_min_epu8(v, splat(hi)), v);
            _mm_and_si128(ge, le)
        }
    }
    #[inline(always)]
    pub fn eq(v: V, x: u8) -> V {
        // SAFETY: SSE2 baseline.
        unsafe { _mm_cmpeq_epi8(v, splat(x)) }
    }
    #[inline(always)]
    pub fn or(a: V, b: V) -> V {
        // SAFETY: SSE2 baseline.
        unsafe { _mm_or_si128(a, b) }
    }
    #[inline(always)]
    pub fn count(m: V) -> u32 {
        // SAFETY: SSE2 baseline.
        unsafe { (_mm_movemask_epi8(m) as u32).count_ones() }
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use core::arch::wasm32::*;
    pub type V = v128;
    #[inline(always)]
    pub fn load(b: &[u8; 16]) -> V {
        u8x16(
            b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15],
        )
    }
    #[inline(always)]
    pub fn splat(x: u8) -> V {
        u8x16_splat(x)
    }
    #[inline(always)]
    pub fn within(v: V, lo: u8, hi: u8) -> V {
        v128_and(u8x16_ge(v, splat(lo)), u8x16_le(v, splat(hi)))
    }
    #[inline(always)]
    pub fn eq(v: V, x: u8) -> V {
        u8x16_eq(v, splat(x))
    }
    #[inline(always)]
    pub fn or(a: V, b: V) -> V {
        v128_or(a, b)
    }
    #[inline(always)]
    pub fn count(m: V) -> u32 {
        u8x16_bitmask(m).count_ones()
    }
}

/// SIMD version: 16 bytes at a time, the tail through the scalar twin.
#[cfg(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128")))]
pub fn class_counts_simd(bytes: &[u8]) -> ClassCounts {
    use lanes::*;
    let mut c = [0u32; N_CLASSES];
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        let mut arr = [0u8; 16];
        arr.copy_from_slice(block);
        let v = load(&arr);
        let digit = count(within(v, b'0', b'9'));
        let upper = count(within(v, b'A', b'Z'));
        let lower = count(within(v, b'a', b'z'));
        let hex = count(or(within(v, b'a', b'f'), within(v, b'A', b'F')));
        let space = count(or(eq(v, b' '), eq(v, b'\t')));
        let singles = [
            count(eq(v, b'@')),
            count(eq(v, b'.')),
            count(eq(v, b'-')),
            count(eq(v, b'_')),
            count(eq(v, b'/')),
            count(eq(v, b':')),
            count(eq(v, b'+')),
            count(or(eq(v, b'('), eq(v, b')'))),
            count(eq(v, b',')),
        ];
        let non_ascii = count(within(v, 0x80, 0xFF));
        let known = digit + upper + lower + space + singles.iter().sum::<u32>() + non_ascii;
        c[0] += digit;
        c[1] += upper;
        c[2] += lower;
        c[3] += space;
        for (k, s) in singles.iter().enumerate() {
            c[4 + k] += s;
        }
        c[13] += non_ascii;
        c[14] += 16 - known;
        c[15] += hex;
    }
    let tail = class_counts_scalar(blocks.remainder());
    for (a, b) in c.iter_mut().zip(tail) {
        *a += b;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalar_counts_partition_bytes() {
        let c = class_counts_scalar("Ab1 @.-_/:+(),é#".as_bytes());
        assert_eq!(c.iter().take(15).sum::<u32>() as usize, "Ab1 @.-_/:+(),é#".len());
        assert_eq!(c[13], 2); // é is two bytes
        assert_eq!(c[14], 1); // '#'
        assert_eq!(c[15], 2); // A and b are hex letters
    }

    #[cfg(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128")))]
    #[test]
    fn simd_agrees_with_scalar_exactly() {
        let mut inputs: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"john.doe@example.com".to_vec(),
            "Zürich, Straße 5 (Hinterhaus) +41 44 123 45 67 / ÅÄÖ"
                .as_bytes()
                .to_vec(),
            (0u8..=255).collect(),
        ];
        // Pseudo-random bytes of every length 0..200, deterministic.
        let mut x: u64 = 1;
        for len in 0..200 {
            let v = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    (x >> 56) as u8
                })
                .collect();
            inputs.push(v);
        }
        for v in &inputs {
            assert_eq!(class_counts_simd(v), class_counts_scalar(v), "{v:?}");
        }
    }

    #[test]
    fn class_indices_name_the_classes() {
        let named = [
            (class::DIGIT, "digit"),
            (class::UPPER, "upper"),
            (class::LOWER, "lower"),
            (class::SPACE, "space"),
            (class::AT, "at"),
            (class::DOT, "dot"),
            (class::DASH, "dash"),
            (class::UNDERSCORE, "underscore"),
            (class::SLASH, "slash"),
            (class::COLON, "colon"),
            (class::PLUS, "plus"),
            (class::PAREN, "paren"),
            (class::COMMA, "comma"),
            (class::NON_ASCII, "non_ascii"),
            (class::OTHER, "other"),
            (class::HEX_LETTER, "hex_letter"),
        ];
        for (i, name) in named {
            assert_eq!(CLASS_NAMES[i], name);
        }
    }
}
