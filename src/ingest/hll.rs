//! HyperLogLog distinct-count sketch: a few KiB per column, whatever the row count.

/// Register-index bits: 2^12 registers give about 1.6 % standard error.
const P: u32 = 12;
const M: usize = 1 << P;

#[derive(Debug, Clone)]
pub struct HyperLogLog {
    registers: Box<[u8; M]>,
}

impl Default for HyperLogLog {
    fn default() -> Self {
        HyperLogLog {
            registers: Box::new([0u8; M]),
        }
    }
}

impl HyperLogLog {
    /// Adds one value by its 64-bit hash (already well mixed).
    #[inline]
    pub fn add_hash(&mut self, h: u64) {
        let idx = (h >> (64 - P)) as usize;
        let rest = (h << P) | (1 << (P - 1));
        let rank = rest.leading_zeros() as u8 + 1;
        // idx < M by construction (top P bits of a u64).
        if let Some(r) = self.registers.get_mut(idx) {
            if rank > *r {
                *r = rank;
            }
        }
    }

    /// Estimated number of distinct values, with linear counting for small sets.
    pub fn estimate(&self) -> f64 {
        let m = M as f64;
        let mut sum = 0.0;
        let mut zeros = 0usize;
        for &r in self.registers.iter() {
            sum += 1.0 / (1u64 << r.min(63)) as f64;
            if r == 0 {
                zeros += 1;
            }
        }
        let alpha = 0.7213 / (1.0 + 1.079 / m);
        let raw = alpha * m * m / sum;
        if raw <= 2.5 * m && zeros > 0 {
            m * (m / zeros as f64).ln()
        } else {
            raw
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::hash_bytes;

    #[test]
    fn estimates_within_a_few_percent() {
        for n in [0usize, 1, 10, 1000, 50_000] {
            let mut h = HyperLogLog::default();
            for i in 0..n {
                h.add_hash(hash_bytes(i.to_string().as_bytes(), 0));
                h.add_hash(hash_bytes(i.to_string().as_bytes(), 0)); // duplicates do not count
            }
            let e = h.estimate();
            let err = (e - n as f64).abs() / (n.max(1) as f64);
            assert!(err < 0.05, "n={n} estimate={e}");
        }
    }
}
