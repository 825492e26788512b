//! Small numeric kernels: vectorisable reductions, and `exp` / `ln` written out in plain
//! IEEE arithmetic.
//!
//! The platform `expf` / `logf` differ between libm implementations (glibc, musl, the Rust `libm`
//! used on `wasm32`), so results would differ in the last bits between a native build and the
//! WebAssembly one. These versions use only `+ - * /`, comparisons and bit casts, which IEEE 754
//! fixes exactly, so the graph gives the same bits everywhere. Both are the Cephes single-precision
//! algorithms (relative error below 2e-7 on the ranges used here).
//!
//! Reductions use eight independent lanes with a fixed combination order: the compiler can keep
//! them in SIMD registers, and the result does not depend on the target.

/// Dot product with eight independent accumulators (vectorisable, fixed summation order).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let ca = a.chunks_exact(8);
    let cb = b.chunks_exact(8);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let mut tail = 0.0;
    for (x, y) in ra.iter().zip(rb.iter()) {
        tail += x * y;
    }
    combine_sum(&acc) + tail
}

/// Sum with eight independent accumulators.
pub fn sum(v: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let c = v.chunks_exact(8);
    let r = c.remainder();
    for x in c {
        for k in 0..8 {
            acc[k] += x[k];
        }
    }
    let mut tail = 0.0;
    for &x in r {
        tail += x;
    }
    combine_sum(&acc) + tail
}

fn combine_sum(acc: &[f32; 8]) -> f32 {
    ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]))
}

fn lane_max(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// Mantissa bits [`coarse`] clears: values within about 2^-11 of each other (relative) compare equal.
const COARSE_BITS: u32 = 12;

/// `x` with its last [`COARSE_BITS`] mantissa bits cleared, for ranking values that carry the
/// model's output: its kernels differ between builds (fused multiply-adds natively, none in
/// wasm), so near-equal values can swap order between the native and the WebAssembly report. On
/// the coarse values those near-ties become exact ties, which every caller breaks by column index;
/// two values now rank differently between builds only if they straddle a boundary of this grid.
pub fn coarse(x: f32) -> f32 {
    f32::from_bits(x.to_bits() & !((1u32 << COARSE_BITS) - 1))
}

/// Largest entry (`-inf` for an empty slice); NaN entries are ignored.
pub fn max(v: &[f32]) -> f32 {
    let mut acc = [f32::NEG_INFINITY; 8];
    let c = v.chunks_exact(8);
    let r = c.remainder();
    for x in c {
        for k in 0..8 {
            acc[k] = lane_max(acc[k], x[k]);
        }
    }
    let mut m = acc.iter().copied().fold(f32::NEG_INFINITY, lane_max);
    for &x in r {
        m = lane_max(m, x);
    }
    m
}

/// Largest `|a[i] - b[i]|` (0 for empty slices).
pub fn max_abs_diff(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let ca = a.chunks_exact(8);
    let cb = b.chunks_exact(8);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] = lane_max(acc[k], (x[k] - y[k]).abs());
        }
    }
    let mut m = acc.iter().copied().fold(0.0, lane_max);
    for (x, y) in ra.iter().zip(rb.iter()) {
        m = lane_max(m, (x - y).abs());
    }
    m
}

const LOG2E: f32 = std::f32::consts::LOG2_E;
/// `ln 2` split in a part exact in few bits and a correction (Cody–Waite).
const LN2_HI: f32 = 0.693_359_4;
const LN2_LO: f32 = -2.121_944_4e-4;

/// `e^x`, for `x` in about `[-87, 88]`; smaller arguments give `e^-87` (≈ 1.6e-38), larger `e^88`.
/// NaN gives NaN.
pub fn exp(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    let x = x.clamp(-87.0, 88.0);
    let t = x * LOG2E;
    // Round to nearest; `as` truncates towards zero (|t| < 128, so it never saturates).
    let n = if t >= 0.0 { (t + 0.5) as i32 } else { (t - 0.5) as i32 };
    let nf = n as f32;
    let r = x - nf * LN2_HI - nf * LN2_LO;
    let z = r * r;
    let p = (((((1.987_569_2e-4 * r + 1.398_2e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r + 1.666_666_5e-1) * r
        + 0.5)
        * z
        + r
        + 1.0;
    // n is in [-126, 127], so the biased exponent is a normal one.
    p * f32::from_bits(((n + 127) as u32) << 23)
}

/// Natural logarithm of a positive, finite `x` (subnormals, zero and negatives give the value for
/// the smallest normal float; NaN gives NaN).
pub fn ln(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    let x = if x >= f32::MIN_POSITIVE { x } else { f32::MIN_POSITIVE };
    let x = if x <= f32::MAX { x } else { f32::MAX };
    let bits = x.to_bits();
    let mut e = ((bits >> 23) & 0xff) as i32 - 126;
    // Mantissa in [0.5, 1).
    let mut m = f32::from_bits((bits & 0x007f_ffff) | 0x3f00_0000);
    if m < std::f32::consts::FRAC_1_SQRT_2 {
        e -= 1;
        m = m + m - 1.0;
    } else {
        m -= 1.0;
    }
    let z = m * m;
    let mut y = ((((((((7.037_683_6e-2 * m - 1.151_461e-1) * m + 1.167_699_9e-1) * m - 1.242_014_1e-1) * m
        + 1.424_932_3e-1)
        * m
        - 1.666_805_8e-1)
        * m
        + 2.000_071_4e-1)
        * m
        - 2.499_999_4e-1)
        * m
        + 3.333_333e-1)
        * m
        * z;
    let fe = e as f32;
    y += LN2_LO * fe;
    y -= 0.5 * z;
    (m + y) + LN2_HI * fe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coarse_ties_values_that_differ_in_their_last_bits() {
        let x = 0.482_f32;
        let next = f32::from_bits(x.to_bits() + 1);
        assert_ne!(x, next);
        assert_eq!(coarse(x), coarse(next));
        assert!(coarse(0.482) < coarse(0.484), "distinct weights keep their order");
        assert!((coarse(x) - x).abs() <= x * 2f32.powi(-11));
        assert_eq!(coarse(0.0), 0.0);
        assert!(coarse(-0.5) < 0.0);
    }

    #[test]
    fn exp_matches_std() {
        let mut x = -87.0f32;
        while x <= 88.0 {
            let (a, b) = (exp(x), x.exp());
            assert!(((a - b) / b).abs() < 4e-7, "exp({x}) = {a}, std {b}");
            x += 0.0137;
        }
        assert_eq!(exp(0.0), 1.0);
        assert!(exp(-1000.0) > 0.0 && exp(-1000.0) < 1e-37);
        assert!(exp(f32::NAN).is_nan());
        assert!(exp(f32::INFINITY).is_finite());
    }

    #[test]
    fn ln_matches_std() {
        let mut x = 1e-30f32;
        while x < 1e30 {
            let (a, b) = (ln(x), x.ln());
            assert!((a - b).abs() <= 4e-7 * b.abs().max(1.0), "ln({x}) = {a}, std {b}");
            x *= 1.0173;
        }
        let h = std::f32::consts::FRAC_1_SQRT_2.to_bits();
        let (below, above) = (f32::from_bits(h - 1), f32::from_bits(h + 1));
        for x in [1.0f32, 0.5, 2.0, 0.97, 0.03, 1e-12, below, above] {
            assert!((ln(x) - x.ln()).abs() < 4e-7 * x.ln().abs().max(1.0), "{x}");
        }
        assert_eq!(ln(1.0), 0.0);
        assert!(ln(0.0).is_finite() && ln(-1.0).is_finite());
        assert!(ln(f32::NAN).is_nan());
    }

    #[test]
    fn reductions() {
        let a: Vec<f32> = (0..43).map(|i| (i as f32 * 0.37).sin()).collect();
        let b: Vec<f32> = (0..43).map(|i| (i as f32 * 0.11).cos()).collect();
        let naive: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((dot(&a, &b) - naive).abs() < 1e-4);
        assert!((sum(&a) - a.iter().sum::<f32>()).abs() < 1e-4);
        let m = a.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        assert_eq!(max(&a), m);
        assert_eq!(max(&a[..5]), a[..5].iter().copied().fold(f32::NEG_INFINITY, f32::max));
        let d = a.iter().zip(&b).map(|(x, y)| (x - y).abs()).fold(0.0, f32::max);
        assert_eq!(max_abs_diff(&a, &b), d);
        assert_eq!(dot(&[], &[]), 0.0);
        assert_eq!(sum(&[]), 0.0);
        assert_eq!(max(&[]), f32::NEG_INFINITY);
        assert_eq!(max_abs_diff(&[], &[]), 0.0);
    }
}
