//! Hashed character n-grams: a fixed-size picture of what values look like, without a vocabulary.

/// The "shape" of a byte: digits, upper and lower letters collapse to one symbol each, so
/// `AB-1234` and `XY-9876` look alike while `ab@cd.ef` keeps its punctuation.
#[inline]
fn shape(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b'9',
        b'A'..=b'Z' => b'A',
        b'a'..=b'z' => b'a',
        0x80..=0xFF => b'u',
        b'\t' => b' ',
        _ => b,
    }
}

/// Adds the 3-grams of one value (with start/end markers, first `max_bytes` bytes) into
/// `buckets`; `shaped` selects shape n-grams instead of lower-cased characters.
/// Each n-gram counts `weight` times (the value's multiplicity). Returns how many were added.
pub fn add_trigrams(value: &[u8], buckets: &mut [f32], shaped: bool, max_bytes: usize, weight: u32) -> u32 {
    let n = buckets.len() as u64;
    if n == 0 {
        return 0;
    }
    let body = &value[..value.len().min(max_bytes)];
    let map = |b: u8| if shaped { shape(b) } else { b.to_ascii_lowercase() };
    let mut window = [b'^', b'^', b'^'];
    let mut added = 0;
    let mut push = |window: &[u8; 3]| {
        // One multiply spreads the 24-bit n-gram over the high bits (Fibonacci hashing).
        let h = (u64::from(window[0]) << 16 | u64::from(window[1]) << 8 | u64::from(window[2]))
            .wrapping_add(1)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let i = ((h as u128 * n as u128) >> 64) as usize;
        if let Some(slot) = buckets.get_mut(i) {
            *slot += weight as f32;
        }
        added += weight;
    };
    for (k, &b) in body.iter().chain(std::iter::once(&b'$')).enumerate() {
        window = [window[1], window[2], if k == body.len() { b'$' } else { map(b) }];
        if k >= 1 {
            push(&window);
        }
    }
    added
}

/// Turns counts into shares (sum 1), square-rooted so frequent n-grams do not drown the rest.
pub fn normalise(buckets: &mut [f32], total: u32) {
    if total == 0 {
        return;
    }
    for b in buckets.iter_mut() {
        *b = (*b / total as f32).sqrt();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_shape_same_buckets() {
        let mut a = [0f32; 64];
        let mut b = [0f32; 64];
        add_trigrams(b"AB-1234", &mut a, true, 64, 1);
        add_trigrams(b"XY-9876", &mut b, true, 64, 1);
        assert_eq!(a, b);
        let mut c = [0f32; 64];
        let n = add_trigrams(b"ab", &mut c, false, 64, 1);
        assert_eq!(n, 2); // ^ab, ab$
        assert_eq!(c.iter().sum::<f32>(), 2.0);
        assert_eq!(add_trigrams(b"", &mut c, false, 64, 1), 0);
    }
}
