//! The column graph: neighbouring columns correct each other's labels, and columns are ranked by
//! importance.
//!
//! # Why
//!
//! The model looks at one column at a time, but much of what a person uses to tell columns apart
//! is in the *table*: a date beside `first_name`, `last_name` and `email` is most likely a date of
//! birth; a number beside a longitude is a latitude; a two-letter code between `city` and
//! `postal_code` is a state. The graph adds that context after the model — cheaply, explainably
//! (every edge and every relabelling says why) and without a second model: the only learned input
//! is the label co-occurrence [`Prior`] shipped with the model.
//!
//! # Method
//!
//! 1. **Edges** (`edges.rs`). Every pair of columns `a < b` gets three *structural* signals in
//!    `0..1`: adjacency `A` (`0.6` side by side, `0.3` two apart, `0.15` three apart, none beyond),
//!    header similarity `H` (token Jaccard after light stemming, ignoring tokens that appear in most
//!    columns, such as a table-wide prefix or `field_1 … field_40`) and value overlap `V` (MinHash
//!    Jaccard, e.g. an id column and a foreign key). A noisy-or combines them,
//!    `s = 1 − (1−A)(1−H)(1−V)`: any one signal suffices, several reinforce. The label affinity `λ`
//!    (expected PMI of the two columns' model distributions) then scales it:
//!    `w = s · (1 + clamp(λ/3, −0.5, 1))`, so `w ∈ 0..2`. Affinity alone never creates an edge —
//!    the prior describes labels *near each other* — and edges lighter than [`Params::min_edge`]
//!    are dropped.
//! 2. **Joint refinement** (`refine.rs`). Damped mean-field updates, all columns at once:
//!    `log q_i(l) = log p_i(l) + strength · π_i · Σ_j w_ij (PMI · q_j)(l) / (Σ_j w_ij + 1)`, then
//!    `q_i ← ½ q_i + ½ normalise(exp …)`, for [`Params::iterations`] rounds or until nothing moves
//!    by `1e-4`. The `+1` counts the column's own evidence as one more neighbour, so a weak
//!    neighbourhood can only nudge. The plasticity `π_i = min(1, (1 − max p_i) / 0.3)` keeps
//!    confident columns in place (`p ≥ 0.97` → `π ≤ 0.1`) while uncertain ones (`p ≤ 0.7`) may move
//!    fully. Since PMI is clipped to ±3, the log-probability of any label moves by at most
//!    `3 · strength · π_i`: a column's own evidence is never overwritten, only re-weighed. Each
//!    round uses the neighbours' *current* `q_j`, so evidence propagates along chains of columns.
//! 3. **Rank** (`rank.rs`). Weighted PageRank with uniform teleport over the undirected edges;
//!    columns without edges teleport. All equal when there are no edges.
//! 4. **Influences** (`refine.rs`). For each column, the up to three neighbours that raised the
//!    log-probability of its refined top label the most relative to the column's own evidence.
//!
//! # Cost and reproducibility
//!
//! `O(n²)` cheap pair tests (token merge, 16 slot compares) plus `O(edges · L)`; per refinement
//! round `O(n · L²)` for the vectors `PMI · q_j` plus `O(edges · L)`; PageRank `O(edges)` per power
//! step. About 0.15–0.25 ms for 50 columns × 40 labels in a release build.
//!
//! Everything is sequential with fixed summation orders, no hash maps and no randomness, and
//! `exp`/`ln` are computed with plain IEEE arithmetic (`math.rs`) rather than the platform libm,
//! so the same input gives the same output bit for bit, natively and in WebAssembly. Pure `std`.

mod edges;
mod math;
mod minhash;
mod prior;
mod rank;
mod refine;
#[cfg(test)]
mod tests;

use std::fmt;

pub use minhash::{jaccard, minhash, EMPTY_SIGNATURE};
pub use prior::Prior;

/// Fixed-size MinHash signature of a column's sampled distinct values (computed by the feature module).
pub const SIGNATURE_LEN: usize = 16;
/// See [`minhash()`]; all `u32::MAX` ([`EMPTY_SIGNATURE`]) if the column has no values.
pub type Signature = [u32; SIGNATURE_LEN];

/// One column as the graph sees it.
#[derive(Debug, Clone, Copy)]
pub struct Node<'a> {
    /// The column's position in the table. Adjacency is measured on it, not on the node's place
    /// in the list: empty columns are not nodes, and `first_name,notes,last_name` with `notes`
    /// empty must not make the two names neighbours.
    pub position: usize,
    /// Normalised header tokens, e.g. `["billing", "zip"]`; may be empty.
    pub header_tokens: &'a [String],
    /// Model probabilities over the prior's labels; must sum to about 1.
    pub probs: &'a [f32],
    /// MinHash of values; all `u32::MAX` if the column has no values.
    pub signature: &'a Signature,
}

/// Tuning knobs; [`Params::default`] is what the model was calibrated with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// How much neighbours may move a column (multiplies the neighbourhood term), default 0.6,
    /// at most 10.
    pub strength: f32,
    /// Maximum refinement rounds (stops earlier once nothing moves by 1e-4), default 5.
    pub iterations: usize,
    /// PageRank damping, default 0.85.
    pub damping: f32,
    /// Edges lighter than this are dropped, default 0.05.
    pub min_edge: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            strength: 0.6,
            iterations: 5,
            damping: 0.85,
            min_edge: 0.05,
        }
    }
}

/// Largest accepted [`Params::strength`]; beyond it the neighbourhood would simply dictate labels.
pub const MAX_STRENGTH: f32 = 10.0;

/// Largest accepted [`Params::iterations`].
pub const MAX_ITERATIONS: usize = 1000;

impl Params {
    /// Checks every field; [`build`] calls this.
    pub fn validate(&self) -> Result<(), GraphError> {
        let bad = |name: &'static str, value: f64, expected: &'static str| {
            Err(GraphError::InvalidParam { name, value, expected })
        };
        if !(self.strength >= 0.0 && self.strength <= MAX_STRENGTH) {
            return bad(
                "strength",
                f64::from(self.strength),
                "a number in [0, 10] (0.6 by default; 0 disables relabelling)",
            );
        }
        if !(self.damping >= 0.0 && self.damping < 1.0) {
            return bad(
                "damping",
                f64::from(self.damping),
                "a number in [0, 1) (0.85 by default)",
            );
        }
        if !(self.min_edge.is_finite() && self.min_edge >= 0.0) {
            return bad(
                "min_edge",
                f64::from(self.min_edge),
                "a finite number >= 0 (0.05 by default)",
            );
        }
        if self.iterations > MAX_ITERATIONS {
            return bad(
                "iterations",
                self.iterations as f64,
                "at most 1000 (5 by default; refinement stops early when converged)",
            );
        }
        Ok(())
    }
}

/// An edge between columns `a < b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// The left column (index into the `nodes` given to [`build`]).
    pub a: usize,
    /// The right column, `b > a`.
    pub b: usize,
    /// `s · (1 + clamp(labels / 3, −0.5, 1))` with `s = 1 − (1 − adjacency)(1 − header)(1 − values)`; in `0..2`.
    pub weight: f32,
    /// The signals the weight was made from.
    pub why: EdgeWhy,
}

/// The signals behind an edge's weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeWhy {
    /// The columns are side by side.
    pub adjacent: bool,
    /// Header token similarity, 0..1.
    pub header: f32,
    /// Estimated Jaccard similarity of the values, 0..1.
    pub values: f32,
    /// Label affinity: expected PMI under both columns' model probabilities; may be < 0.
    pub labels: f32,
}

/// A neighbour that pulled a column towards its final label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Influence {
    /// The neighbouring column's index.
    pub neighbour: usize,
    /// How much this neighbour raised the log-probability of the column's refined top label
    /// relative to the column's own evidence (0.1 = about 10 % more likely); always ≥ 0.001,
    /// smaller pulls are not reported.
    pub pull: f32,
}

/// The result of [`build`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnGraph {
    /// `a < b`, sorted by `(a, b)`.
    pub edges: Vec<Edge>,
    /// Per column, probabilities after joint refinement (sum 1).
    pub refined: Vec<Vec<f32>>,
    /// Per column centrality, sums to 1 (all equal if no edges).
    pub rank: Vec<f32>,
    /// Per column, at most 3, strongest first, only those whose pull > 0 towards the refined top
    /// label (in practice ≥ 0.001). Empty for columns without neighbours and for a neutral prior.
    pub influences: Vec<Vec<Influence>>,
}

/// Why a graph could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum GraphError {
    /// A [`Params`] field is out of range.
    InvalidParam {
        /// The field's name.
        name: &'static str,
        /// The value given.
        value: f64,
        /// What would have been accepted.
        expected: &'static str,
    },
    /// Columns were given but the prior has no labels.
    NoLabels,
    /// A column's probability vector does not have one entry per label of the prior.
    LabelCountMismatch {
        /// Index of the column.
        column: usize,
        /// Number of labels in the prior.
        expected: usize,
        /// Length of the column's probability vector.
        found: usize,
    },
    /// A column's probability is NaN or infinite.
    NonFiniteProbability {
        /// Index of the column.
        column: usize,
        /// Index of the label.
        label: usize,
    },
    /// A column's probability is negative.
    NegativeProbability {
        /// Index of the column.
        column: usize,
        /// Index of the label.
        label: usize,
        /// The offending value.
        value: f32,
    },
    /// A column's probabilities do not sum to about 1 (outside 0.9..1.1).
    ProbabilitiesNotNormalised {
        /// Index of the column.
        column: usize,
        /// The sum found.
        sum: f32,
    },
    /// The prior matrix does not have `n_labels²` entries.
    PriorSizeMismatch {
        /// Number of labels the prior was declared with.
        n_labels: usize,
        /// `n_labels²`.
        expected: usize,
        /// Entries given.
        found: usize,
    },
    /// The prior has more labels than supported.
    TooManyLabels {
        /// Number of labels the prior was declared with.
        n_labels: usize,
        /// The supported maximum.
        max: usize,
    },
    /// A prior entry is NaN or infinite.
    PriorNotFinite {
        /// Row of the entry.
        a: usize,
        /// Column of the entry.
        b: usize,
    },
    /// `pmi[a][b]` and `pmi[b][a]` differ by more than 1e-3.
    PriorNotSymmetric {
        /// First label.
        a: usize,
        /// Second label.
        b: usize,
        /// `pmi[a][b]`.
        ab: f32,
        /// `pmi[b][a]`.
        ba: f32,
    },
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GraphError::InvalidParam { name, value, expected } => {
                write!(f, "graph parameter `{name}` is {value}; expected {expected}")
            }
            GraphError::NoLabels => write!(
                f,
                "the label prior has no labels; load the prior that ships with the model"
            ),
            GraphError::LabelCountMismatch {
                column,
                expected,
                found,
            } => write!(
                f,
                "column {column} has {found} label probabilities but the prior has {expected} labels; \
                 the model and its prior must come from the same release"
            ),
            GraphError::NonFiniteProbability { column, label } => write!(
                f,
                "column {column}: probability of label {label} is not a finite number; \
                 check the model output for NaN or infinity"
            ),
            GraphError::NegativeProbability { column, label, value } => write!(
                f,
                "column {column}: probability of label {label} is {value}, below 0; \
                 pass softmax probabilities, not logits"
            ),
            GraphError::ProbabilitiesNotNormalised { column, sum } => write!(
                f,
                "column {column}: probabilities sum to {sum}, expected about 1; \
                 pass the softmax output over all labels"
            ),
            GraphError::PriorSizeMismatch {
                n_labels,
                expected,
                found,
            } => write!(
                f,
                "label prior for {n_labels} labels needs {expected} entries ({n_labels}×{n_labels}) \
                 but has {found}; the prior file is truncated or for another label set"
            ),
            GraphError::TooManyLabels { n_labels, max } => {
                write!(f, "label prior has {n_labels} labels; at most {max} are supported")
            }
            GraphError::PriorNotFinite { a, b } => write!(
                f,
                "label prior entry ({a}, {b}) is not a finite number; the prior file is corrupt"
            ),
            GraphError::PriorNotSymmetric { a, b, ab, ba } => write!(
                f,
                "label prior is not symmetric: entry ({a}, {b}) is {ab} but ({b}, {a}) is {ba}; \
                 the prior file is corrupt"
            ),
        }
    }
}

impl std::error::Error for GraphError {}

/// Checks and normalises every column's probabilities into one row-major `n × l` buffer.
fn normalised_probs(nodes: &[Node], l: usize) -> Result<Vec<f32>, GraphError> {
    let mut p = Vec::with_capacity(nodes.len().saturating_mul(l));
    for (column, node) in nodes.iter().enumerate() {
        if node.probs.len() != l {
            return Err(GraphError::LabelCountMismatch {
                column,
                expected: l,
                found: node.probs.len(),
            });
        }
        let mut sum = 0.0f64;
        for (label, &x) in node.probs.iter().enumerate() {
            if !x.is_finite() {
                return Err(GraphError::NonFiniteProbability { column, label });
            }
            if x < -1e-6 {
                return Err(GraphError::NegativeProbability {
                    column,
                    label,
                    value: x,
                });
            }
            sum += f64::from(x.max(0.0));
        }
        if !(0.9..=1.1).contains(&sum) {
            return Err(GraphError::ProbabilitiesNotNormalised {
                column,
                sum: sum as f32,
            });
        }
        let inv = (1.0 / sum) as f32;
        p.extend(node.probs.iter().map(|&x| x.max(0.0) * inv));
    }
    Ok(p)
}

/// Builds the column graph: edges, jointly refined label probabilities, ranks and influences.
///
/// Errors (never panics) on invalid parameters, on probability vectors that are not one finite,
/// non-negative, roughly normalised entry per prior label, and when columns are given to a prior
/// without labels. Zero columns give an empty graph.
pub fn build(nodes: &[Node], prior: &Prior, params: &Params) -> Result<ColumnGraph, GraphError> {
    params.validate()?;
    let n = nodes.len();
    let l = prior.n_labels();
    if n == 0 {
        return Ok(ColumnGraph::default());
    }
    if l == 0 {
        return Err(GraphError::NoLabels);
    }
    let p = normalised_probs(nodes, l)?;
    let mut m0 = vec![0.0f32; n * l];
    if !prior.is_neutral() {
        for (row, out) in p.chunks_exact(l).zip(m0.chunks_exact_mut(l)) {
            prior.times(row, out);
        }
    }
    let edges = edges::build_edges(nodes, &p, &m0, l, params.min_edge, prior.is_neutral());
    let adj = refine::Adjacency::new(n, &edges);
    let refined = refine::refine(&p, &m0, prior, &adj, l, params.strength, params.iterations);
    let influences = refine::influences(&m0, &refined, prior, &adj, l);
    let rank = rank::pagerank(&adj, params.damping);
    Ok(ColumnGraph {
        edges,
        refined: refined.q.chunks_exact(l).map(<[f32]>::to_vec).collect(),
        rank,
        influences,
    })
}

/// An edge with only its weight and adjacency set, for the module's unit tests.
#[cfg(test)]
pub(crate) fn test_edge(a: usize, b: usize, weight: f32) -> Edge {
    Edge {
        a,
        b,
        weight,
        why: EdgeWhy {
            adjacent: b - a == 1,
            header: 0.0,
            values: 0.0,
            labels: 0.0,
        },
    }
}
