//! The label co-occurrence prior: pointwise mutual information between labels of nearby columns.

use super::GraphError;

/// Largest magnitude a PMI entry may have; entries are clipped to `[-PMI_CLIP, PMI_CLIP]`.
pub const PMI_CLIP: f32 = 3.0;

/// Largest label set accepted (the matrix has `n * n` entries).
pub const MAX_LABELS: usize = 4096;

/// Tolerance for `pmi[a][b]` versus `pmi[b][a]`.
const SYMMETRY_TOLERANCE: f32 = 1e-3;

/// Learned label co-occurrence: `pmi[a * n + b] = log P(a, b in one table near each other) / (P(a) P(b))`,
/// symmetric, clipped to `[-3, 3]`; shipped with the model.
///
/// Positive entries mean "these labels tend to sit side by side" (first_name / last_name,
/// latitude / longitude), negative ones "rarely together". A neutral prior (all zeros) makes the
/// graph rank columns without ever relabelling them.
#[derive(Debug, Clone, PartialEq)]
pub struct Prior {
    n: usize,
    /// Row-major `n * n`; empty when `neutral`.
    pmi: Vec<f32>,
    neutral: bool,
}

impl Prior {
    /// Checks the matrix: `n_labels * n_labels` entries, all finite, symmetric within 1e-3.
    /// Entries are clipped to `[-3, 3]` and the two triangles averaged, so the stored matrix is
    /// exactly symmetric.
    pub fn new(n_labels: usize, pmi: Vec<f32>) -> Result<Prior, GraphError> {
        if n_labels > MAX_LABELS {
            return Err(GraphError::TooManyLabels {
                n_labels,
                max: MAX_LABELS,
            });
        }
        let expected = n_labels * n_labels;
        if pmi.len() != expected {
            return Err(GraphError::PriorSizeMismatch {
                n_labels,
                expected,
                found: pmi.len(),
            });
        }
        if let Some(i) = pmi.iter().position(|x| !x.is_finite()) {
            return Err(GraphError::PriorNotFinite {
                a: i / n_labels,
                b: i % n_labels,
            });
        }
        let mut pmi = pmi;
        for a in 0..n_labels {
            for b in (a + 1)..n_labels {
                let ab = pmi[a * n_labels + b];
                let ba = pmi[b * n_labels + a];
                if (ab - ba).abs() > SYMMETRY_TOLERANCE {
                    return Err(GraphError::PriorNotSymmetric { a, b, ab, ba });
                }
                let v = (0.5 * (ab + ba)).clamp(-PMI_CLIP, PMI_CLIP);
                pmi[a * n_labels + b] = v;
                pmi[b * n_labels + a] = v;
            }
            let d = &mut pmi[a * n_labels + a];
            *d = d.clamp(-PMI_CLIP, PMI_CLIP);
        }
        let neutral = pmi.iter().all(|&x| x == 0.0);
        if neutral {
            return Ok(Prior::neutral(n_labels));
        }
        Ok(Prior {
            n: n_labels,
            pmi,
            neutral,
        })
    }

    /// All zeros: the graph then only ranks, never relabels. Allocates nothing.
    pub fn neutral(n_labels: usize) -> Prior {
        Prior {
            n: n_labels,
            pmi: Vec::new(),
            neutral: true,
        }
    }

    /// The same prior over `n_labels >= self.n_labels()` labels: the added labels (a rules
    /// document's own) are neutral towards every other, so neighbours neither pull a column to
    /// them nor away from them; the model's labels keep their learned affinities.
    pub fn padded(&self, n_labels: usize) -> Prior {
        if self.neutral || n_labels <= self.n {
            return Prior {
                n: n_labels.max(self.n),
                ..self.clone()
            };
        }
        let mut pmi = vec![0.0; n_labels * n_labels];
        for a in 0..self.n {
            pmi[a * n_labels..a * n_labels + self.n].copy_from_slice(&self.pmi[a * self.n..(a + 1) * self.n]);
        }
        Prior {
            n: n_labels,
            pmi,
            neutral: false,
        }
    }

    /// Number of labels the prior (and every column's probability vector) covers.
    pub fn n_labels(&self) -> usize {
        self.n
    }

    /// True if every entry is zero.
    pub fn is_neutral(&self) -> bool {
        self.neutral
    }

    /// `pmi(a, b)` after clipping; 0 for a neutral prior or an out-of-range label.
    pub fn pmi(&self, a: usize, b: usize) -> f32 {
        if self.neutral || a >= self.n || b >= self.n {
            return 0.0;
        }
        self.pmi[a * self.n + b]
    }

    /// Row `a` of the matrix (`pmi(a, ·)`); `None` for a neutral prior or an out-of-range label.
    pub(super) fn row(&self, a: usize) -> Option<&[f32]> {
        if self.neutral || a >= self.n {
            return None;
        }
        Some(&self.pmi[a * self.n..(a + 1) * self.n])
    }

    /// `out = PMI · q` (the expected PMI of each label with a column distributed as `q`).
    ///
    /// Written as a sum of rows scaled by `q[l']` (the matrix is symmetric), four rows at a time so
    /// `out` is loaded and stored once per four rows; the inner loop is vectorised by the
    /// compiler. The order of additions is fixed, so the result is bit-for-bit reproducible.
    pub(super) fn times(&self, q: &[f32], out: &mut [f32]) {
        out.fill(0.0);
        if self.neutral {
            return;
        }
        let n = self.n;
        let blocks = self.pmi.chunks_exact(4 * n);
        let qs = q.chunks_exact(4);
        let (rest_rows, rest_q) = (blocks.remainder(), qs.remainder());
        for (block, qq) in blocks.zip(qs) {
            let (r0, rest) = block.split_at(n);
            let (r1, rest) = rest.split_at(n);
            let (r2, r3) = rest.split_at(n);
            let (q0, q1, q2, q3) = (qq[0], qq[1], qq[2], qq[3]);
            for ((((o, &a), &b), &c), &d) in out.iter_mut().zip(r0).zip(r1).zip(r2).zip(r3) {
                *o += (q0 * a + q1 * b) + (q2 * c + q3 * d);
            }
        }
        for (row, &qv) in rest_rows.chunks_exact(n).zip(rest_q) {
            for (o, &r) in out.iter_mut().zip(row) {
                *o += qv * r;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_shape_finiteness_symmetry() {
        assert!(matches!(
            Prior::new(3, vec![0.0; 8]),
            Err(GraphError::PriorSizeMismatch {
                n_labels: 3,
                expected: 9,
                found: 8
            })
        ));
        let mut m = vec![0.0; 4];
        m[1] = f32::NAN;
        assert_eq!(Prior::new(2, m), Err(GraphError::PriorNotFinite { a: 0, b: 1 }));
        assert!(matches!(
            Prior::new(2, vec![0.0, 1.0, 0.5, 0.0]),
            Err(GraphError::PriorNotSymmetric { a: 0, b: 1, .. })
        ));
        assert!(matches!(
            Prior::new(MAX_LABELS + 1, Vec::new()),
            Err(GraphError::TooManyLabels { .. })
        ));
        assert!(Prior::new(0, Vec::new()).is_ok());
    }

    #[test]
    fn clips_and_symmetrises() {
        let p = Prior::new(2, vec![9.0, 1.0, 1.0005, -7.0]).unwrap();
        assert_eq!(p.pmi(0, 0), 3.0);
        assert_eq!(p.pmi(1, 1), -3.0);
        assert_eq!(p.pmi(0, 1), p.pmi(1, 0));
        assert_eq!(p.pmi(5, 0), 0.0);
        assert!(!p.is_neutral());
    }

    #[test]
    fn zeros_are_neutral() {
        let p = Prior::new(3, vec![0.0; 9]).unwrap();
        assert!(p.is_neutral());
        assert_eq!(p, Prior::neutral(3));
        assert_eq!(p.n_labels(), 3);
        let mut out = [1.0; 3];
        p.times(&[0.2, 0.3, 0.5], &mut out);
        assert_eq!(out, [0.0; 3]);
    }

    #[test]
    fn times_matches_naive_for_any_size() {
        for n in [1usize, 3, 4, 5, 8, 11, 40] {
            let mut m = vec![0.0f32; n * n];
            for a in 0..n {
                for b in a..n {
                    let v = ((a * 7 + b * 13) % 11) as f32 / 2.0 - 2.5;
                    m[a * n + b] = v;
                    m[b * n + a] = v;
                }
            }
            let p = Prior::new(n, m.clone()).unwrap();
            let q: Vec<f32> = (0..n).map(|i| 1.0 / (1.0 + i as f32)).collect();
            let mut out = vec![0.0; n];
            p.times(&q, &mut out);
            for a in 0..n {
                let naive: f32 = (0..n).map(|b| m[a * n + b] * q[b]).sum();
                assert!((out[a] - naive).abs() < 1e-4, "n={n} a={a}");
            }
        }
    }

    #[test]
    fn times_is_matrix_vector_product() {
        let p = Prior::new(2, vec![1.0, 2.0, 2.0, -1.0]).unwrap();
        let mut out = [0.0; 2];
        p.times(&[0.25, 0.75], &mut out);
        assert!((out[0] - (0.25 + 1.5)).abs() < 1e-6);
        assert!((out[1] - (0.5 - 0.75)).abs() < 1e-6);
    }
}
