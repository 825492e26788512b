//! Joint relabelling: damped mean-field refinement of every column's label distribution.
//!
//! With `p_i` the model's probabilities for column `i`, `W_i = Σ_j w_ij` its total edge weight and
//! `m_j = PMI · q_j` the expected PMI of each label with neighbour `j` as currently believed,
//!
//! ```text
//! log q_i(l) = log p_i(l) + strength · π_i · Σ_j w_ij m_j(l) / (W_i + 1)      (then normalised)
//! q_i ← ½ q_i + ½ q_i(new)                                                      (damping)
//! ```
//!
//! repeated for `iterations` synchronous rounds or until no probability moves by `1e-4`.
//!
//! * The `+ 1` in the denominator is the column's own evidence counted as one more neighbour: a
//!   single light edge can only nudge, a heavy neighbourhood can do more, but the neighbourhood
//!   term is an average of PMI values and so never exceeds `3` in size.
//! * `π_i = min(1, (1 - max_l p_i(l)) / 0.3)` is the column's *plasticity*: a column the model is
//!   sure about (`p ≥ 0.97`, `π ≤ 0.1`) hardly moves, an uncertain one (`p ≤ 0.7`) can move fully.
//! * Together the log-probability of any label moves by at most `3 · strength · π_i`, so a
//!   column's own evidence is bounded away from being overwritten by its neighbourhood.
//! * `m_j` uses the *current* `q_j`, so evidence propagates (a column settled by its neighbours
//!   then helps the next one); it is computed once per round per column, `O(n·L²)`, and each
//!   edge costs `O(L)`.

use super::math::{coarse, dot, exp, ln, max, max_abs_diff, sum};
use super::{Edge, Influence, Prior};

/// Probabilities below this are treated as this when taking logarithms.
const P_FLOOR: f32 = 1e-12;
/// `1 - max p` at which a column becomes fully plastic.
const PLASTIC_MARGIN: f32 = 0.3;
/// Weight of the new estimate in each damped round.
const STEP: f32 = 0.5;
/// Stop when no probability moved by more than this in a round.
const TOLERANCE: f32 = 1e-4;
/// A pull must exceed this to be reported: 0.001 in log-probability (0.1 %) is far below anything
/// worth showing, and keeps confident columns from listing rounding-level "influences".
pub const MIN_PULL: f32 = 1e-3;
/// At most this many influences per column.
const MAX_INFLUENCES: usize = 3;

/// Undirected weighted adjacency in compressed form; neighbours of each column in ascending order.
#[derive(Debug, Clone)]
pub struct Adjacency {
    start: Vec<usize>,
    nbr: Vec<usize>,
    w: Vec<f32>,
    /// `W_i`, the total edge weight of each column.
    pub total: Vec<f32>,
}

impl Adjacency {
    /// From edges sorted by `(a, b)` with `a < b < n`.
    pub fn new(n: usize, edges: &[Edge]) -> Adjacency {
        let mut deg = vec![0usize; n + 1];
        for e in edges {
            deg[e.a + 1] += 1;
            deg[e.b + 1] += 1;
        }
        for i in 0..n {
            deg[i + 1] += deg[i];
        }
        let start = deg;
        let mut fill = start.clone();
        let m = start[n];
        let mut nbr = vec![0usize; m];
        let mut w = vec![0.0f32; m];
        // Sorted by (a, b): neighbours below k (edges (x, k)) arrive before those above (edges (k, y)),
        // each group ascending, so every list is ascending.
        for e in edges {
            nbr[fill[e.a]] = e.b;
            w[fill[e.a]] = e.weight;
            fill[e.a] += 1;
            nbr[fill[e.b]] = e.a;
            w[fill[e.b]] = e.weight;
            fill[e.b] += 1;
        }
        let total = (0..n).map(|i| w[start[i]..start[i + 1]].iter().sum()).collect();
        Adjacency { start, nbr, w, total }
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// `(neighbour, weight)` pairs of column `i`, ascending by neighbour.
    pub fn neighbours(&self, i: usize) -> impl Iterator<Item = (usize, f32)> + '_ {
        let r = self.start[i]..self.start[i + 1];
        self.nbr[r.clone()].iter().copied().zip(self.w[r].iter().copied())
    }

    /// True if column `i` has at least one edge.
    pub fn has_neighbours(&self, i: usize) -> bool {
        self.start[i + 1] > self.start[i]
    }
}

/// `π` from the model's own top probability.
pub fn plasticity(p: &[f32]) -> f32 {
    let top = p.iter().fold(0.0f32, |a, &b| a.max(b));
    ((1.0 - top) / PLASTIC_MARGIN).clamp(0.0, 1.0)
}

/// Index of the largest entry; the lowest index wins ties.
pub fn argmax(v: &[f32]) -> usize {
    let mut best = 0;
    for (i, &x) in v.iter().enumerate() {
        if x > v[best] {
            best = i;
        }
    }
    best
}

/// Everything the refinement produces.
pub struct Refined {
    /// Row-major `n × L` refined probabilities.
    pub q: Vec<f32>,
    /// Per column, `strength · π_i / (W_i + 1)` (0 for isolated columns).
    pub gain: Vec<f32>,
}

/// Runs the refinement. `p` is row-major `n × l` (rows sum to 1), `m0 = PMI · p` row by row.
pub fn refine(
    p: &[f32],
    m0: &[f32],
    prior: &Prior,
    adj: &Adjacency,
    l: usize,
    strength: f32,
    iterations: usize,
) -> Refined {
    let n = adj.len();
    let gain: Vec<f32> = (0..n)
        .map(|i| {
            if !adj.has_neighbours(i) || prior.is_neutral() {
                0.0
            } else {
                strength * plasticity(&p[i * l..(i + 1) * l]) / (adj.total[i] + 1.0)
            }
        })
        .collect();
    let mut q = p.to_vec();
    if l == 0 || gain.iter().all(|&g| g == 0.0) {
        return Refined { q, gain };
    }
    let mut m = m0.to_vec();
    let logp: Vec<f32> = p.iter().map(|&x| ln(x.max(P_FLOOR))).collect();
    let mut next = q.clone();
    let mut field = vec![0.0f32; l];
    let mut logits = vec![0.0f32; l];
    for round in 0..iterations {
        if round > 0 {
            // Only columns that can move have a new q_j; the others keep m_j = PMI · p_j.
            for j in 0..n {
                if gain[j] > 0.0 {
                    prior.times(&q[j * l..(j + 1) * l], &mut m[j * l..(j + 1) * l]);
                }
            }
        }
        let mut change = 0.0f32;
        for i in 0..n {
            if gain[i] == 0.0 {
                continue; // never moves: next[i] keeps q[i]
            }
            field.fill(0.0);
            for (j, w) in adj.neighbours(i) {
                for (f, &mj) in field.iter_mut().zip(&m[j * l..(j + 1) * l]) {
                    *f += w * mj;
                }
            }
            let g = gain[i];
            let lp = &logp[i * l..(i + 1) * l];
            for ((x, &a), &f) in logits.iter_mut().zip(lp).zip(&field) {
                *x = a + g * f;
            }
            let top = max(&logits);
            for x in logits.iter_mut() {
                *x = exp(*x - top);
            }
            let inv = 1.0 / sum(&logits);
            let qi = &q[i * l..(i + 1) * l];
            let out = &mut next[i * l..(i + 1) * l];
            for ((o, &old), &x) in out.iter_mut().zip(qi).zip(&logits) {
                *o = (1.0 - STEP) * old + STEP * x * inv;
            }
            change = change.max(max_abs_diff(out, qi));
        }
        // Columns that never move hold p_i in both buffers, so swapping keeps them right.
        std::mem::swap(&mut q, &mut next);
        if change < TOLERANCE {
            break;
        }
    }
    for (j, row) in q.chunks_exact_mut(l).enumerate() {
        if gain[j] > 0.0 {
            let s = sum(row);
            if s > 0.0 {
                let inv = 1.0 / s;
                row.iter_mut().for_each(|x| *x *= inv);
            }
        }
    }
    Refined { q, gain }
}

/// Per column, the neighbours that pulled it towards its refined top label, strongest first.
///
/// The pull of neighbour `j` on column `i` with refined top label `t` is
/// `gain_i · w_ij · (m_j(t) − Σ_l p_i(l) m_j(l))` with `m_j = PMI · q_j` at the refined `q_j`: how
/// much `j`'s term raised the log-probability of `t` relative to the column's own evidence. A
/// neighbour that favours every candidate equally pulls nothing; one that favours `t` over the
/// alternatives pulls positively. By symmetry of the PMI this is
/// `gain_i · w_ij · (PMI[t] − PMI · p_i) · q_j`, one `O(L)` dot product per edge (`m0` holds
/// `PMI · p_i` row by row).
pub fn influences(m0: &[f32], r: &Refined, prior: &Prior, adj: &Adjacency, l: usize) -> Vec<Vec<Influence>> {
    let n = adj.len();
    let mut out = Vec::with_capacity(n);
    let mut lever = vec![0.0f32; l];
    for i in 0..n {
        let mut list = Vec::new();
        let row = if r.gain[i] > 0.0 && l > 0 {
            prior.row(argmax(&r.q[i * l..(i + 1) * l]))
        } else {
            None
        };
        if let Some(row) = row {
            for ((v, &a), &b) in lever.iter_mut().zip(row).zip(&m0[i * l..(i + 1) * l]) {
                *v = a - b;
            }
            for (j, w) in adj.neighbours(i) {
                let pull = r.gain[i] * w * dot(&lever, &r.q[j * l..(j + 1) * l]);
                if pull > MIN_PULL {
                    list.push(Influence { neighbour: j, pull });
                }
            }
            // Coarsely, so near-equal pulls rank by column index in every build (`coarse`).
            list.sort_by(|x: &Influence, y: &Influence| {
                coarse(y.pull)
                    .total_cmp(&coarse(x.pull))
                    .then(x.neighbour.cmp(&y.neighbour))
            });
            list.truncate(MAX_INFLUENCES);
        }
        out.push(list);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_edge as edge;
    use super::*;

    #[test]
    fn adjacency_lists_are_ascending() {
        let edges = [edge(0, 2, 1.0), edge(0, 3, 0.5), edge(1, 2, 2.0), edge(2, 3, 0.25)];
        let adj = Adjacency::new(4, &edges);
        let n2: Vec<(usize, f32)> = adj.neighbours(2).collect();
        assert_eq!(n2, vec![(0, 1.0), (1, 2.0), (3, 0.25)]);
        assert_eq!(adj.total[2], 3.25);
        assert_eq!(adj.total[3], 0.75);
        assert_eq!(adj.len(), 4);
        let empty = Adjacency::new(0, &[]);
        assert_eq!(empty.len(), 0);
    }

    #[test]
    fn plasticity_levels() {
        assert_eq!(plasticity(&[1.0, 0.0]), 0.0);
        assert!((plasticity(&[0.97, 0.03]) - 0.1).abs() < 1e-5);
        assert_eq!(plasticity(&[0.55, 0.45]), 1.0);
        assert_eq!(plasticity(&[]), 1.0);
    }

    #[test]
    fn argmax_lowest_index_on_ties() {
        assert_eq!(argmax(&[0.5, 0.5]), 0);
        assert_eq!(argmax(&[0.1, 0.2, 0.2]), 1);
        assert_eq!(argmax(&[]), 0);
    }

    #[test]
    fn shift_is_bounded() {
        // Two labels; label 1 has maximal affinity with label 1 of the neighbour.
        let prior = Prior::new(2, vec![-3.0, -3.0, -3.0, 3.0]).unwrap();
        let p = vec![0.9f32, 0.1, 0.0, 1.0];
        let mut m0 = vec![0.0; 4];
        prior.times(&p[0..2], &mut m0[0..2]);
        prior.times(&p[2..4], &mut m0[2..4]);
        let adj = Adjacency::new(2, &[edge(0, 1, 100.0)]);
        let r = refine(&p, &m0, &prior, &adj, 2, 1.0, 50);
        // π = 1/3 for column 0; log-odds move by at most 2·3·strength·π = 2.
        let before = (0.9f32 / 0.1).ln();
        let after = (r.q[0] / r.q[1]).ln();
        assert!(before - after <= 2.0 + 1e-3, "{before} -> {after}");
        assert!(r.q[0] > 0.5);
        // Column 1 is certain and does not move.
        assert!(r.q[3] > 0.999);
    }
}
