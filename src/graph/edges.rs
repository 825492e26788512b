//! How an edge between two columns is weighed.
//!
//! Three *structural* signals say whether two columns belong together, each in `0..1`:
//!
//! * **adjacency** `A`: `0.6` for neighbours, `0.3` two apart, `0.15` three apart, `0` beyond.
//!   People put related fields side by side (first / last name, lat / lon, city / state / zip).
//! * **header** `H`: Jaccard similarity of the two headers' token sets after light stemming
//!   ("names" → "name"). Tokens that occur in more than half of the columns (and in at least
//!   three) are boilerplate for this table (`field_1 … field_40`, a table-wide `customer_`) and are
//!   ignored, so they cannot tie every column to every other one. `billing_zip` / `billing_city`
//!   score 1/3, `phone` / `phones` 1.
//! * **values** `V`: the MinHash estimate of the Jaccard similarity of the sampled distinct values
//!   (an id column and a foreign key referencing it, two copies of one field).
//!
//! They are combined with a noisy-or, `s = 1 - (1 - A)(1 - H)(1 - V)`: any one signal suffices,
//! several reinforce, and `s` stays in `0..1`.
//!
//! The **label affinity** `λ = Σ_l Σ_l' p_a(l) p_b(l') pmi(l, l')` (expected PMI under the two
//! columns' model probabilities, in `-3..3`) then scales the structural weight:
//!
//! ```text
//! w = s · (1 + g),   g = clamp(λ / 3, -0.5, 1)
//! ```
//!
//! so `w` lies in `0..2`: a structurally related pair whose likely labels are known to go together
//! (first_name beside last_name) counts up to twice as much, an unlikely pairing half as much.
//! Label affinity alone never creates an edge: the prior describes columns *near each other*, so a
//! pair with no structural link stays unlinked. Pairs with `w < min_edge` are dropped.

use super::math::{coarse, dot};
use super::minhash::{agreement, is_empty_signature};
use super::{Edge, EdgeWhy, Node};
use std::borrow::Cow;

/// Tables wider than this are linked within a window: each column is compared with the
/// [`PAIR_WINDOW`] columns on either side and keeps its [`WIDE_EDGES_PER_COLUMN`] strongest links.
/// All pairs would be quadratic: 10,000 columns are 50 million pairs and, when the columns look
/// alike (a one-hot export), as many edges.
pub const WIDE_TABLE: usize = 256;
/// Columns compared on either side of a column in a wide table.
pub const PAIR_WINDOW: usize = 128;
/// Links each column of a wide table keeps (an edge stays when either end keeps it).
pub const WIDE_EDGES_PER_COLUMN: usize = 8;

/// Adjacency strength of columns one apart; halves with each further step.
pub const ADJACENT: f32 = 0.6;
/// Columns further apart than this get no adjacency signal.
pub const ADJACENCY_WINDOW: usize = 3;

/// Adjacency signal for two columns `d` positions apart.
pub fn adjacency(d: usize) -> f32 {
    match d {
        1..=ADJACENCY_WINDOW => ADJACENT / (1u32 << (d - 1)) as f32,
        _ => 0.0,
    }
}

/// Noisy-or of the structural signals, in `0..1`.
pub fn structure(adjacency: f32, header: f32, values: f32) -> f32 {
    1.0 - (1.0 - adjacency) * (1.0 - header) * (1.0 - values)
}

/// Edge weight from the structural closeness `s` and the label affinity (see the module docs).
pub fn weight(s: f32, labels: f32) -> f32 {
    s * (1.0 + (labels / 3.0).clamp(-0.5, 1.0))
}

/// Lower-cases and trims a token and strips a plural ending ("cities" → "city",
/// "addresses" → "address", "names" → "name"; "address", "status" and short tokens are kept).
fn stem(token: &str) -> Cow<'_, str> {
    let t = token.trim();
    let t: Cow<'_, str> = if t.chars().any(char::is_uppercase) {
        Cow::Owned(t.to_lowercase())
    } else {
        Cow::Borrowed(t)
    };
    let len = t.len();
    if len > 4 && t.ends_with("ies") {
        return Cow::Owned(format!("{}y", &t[..len - 3]));
    }
    if len > 4 && t.ends_with("sses") {
        return cut(t, 2);
    }
    if len > 3 && t.ends_with('s') && !t.ends_with("ss") && !t.ends_with("us") && !t.ends_with("is") {
        return cut(t, 1);
    }
    t
}

fn cut(t: Cow<'_, str>, n: usize) -> Cow<'_, str> {
    match t {
        Cow::Borrowed(s) => Cow::Borrowed(&s[..s.len() - n]),
        Cow::Owned(mut s) => {
            s.truncate(s.len() - n);
            Cow::Owned(s)
        }
    }
}

/// Per column, the sorted ids of its informative header tokens.
fn header_sets(nodes: &[Node]) -> Vec<Vec<u32>> {
    let stemmed: Vec<Vec<Cow<'_, str>>> = nodes
        .iter()
        .map(|n| {
            n.header_tokens
                .iter()
                .map(|t| stem(t))
                .filter(|t| !t.is_empty())
                .collect()
        })
        .collect();
    let mut vocab: Vec<&str> = stemmed.iter().flatten().map(|t| t.as_ref()).collect();
    vocab.sort_unstable();
    vocab.dedup();
    let mut sets: Vec<Vec<u32>> = stemmed
        .iter()
        .map(|toks| {
            let mut ids: Vec<u32> = toks
                .iter()
                .filter_map(|t| vocab.binary_search(&t.as_ref()).ok())
                .map(|i| i as u32)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    // Document frequency; drop boilerplate tokens.
    let mut df = vec![0usize; vocab.len()];
    for set in &sets {
        for &id in set {
            df[id as usize] += 1;
        }
    }
    let n = nodes.len();
    for set in &mut sets {
        set.retain(|&id| {
            let f = df[id as usize];
            !(f >= 3 && 2 * f > n)
        });
    }
    sets
}

/// Jaccard similarity of two sorted, deduplicated id lists.
fn sorted_jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f32 / (a.len() + b.len() - common) as f32
}

/// All edges `a < b` with weight `>= min_edge`, sorted by `(a, b)`.
///
/// `p` and `m` are row-major `n × l`: the columns' probabilities and `PMI · p` (all zeros for a
/// neutral prior, which `neutral` says so the dot product can be skipped).
pub fn build_edges(nodes: &[Node], p: &[f32], m: &[f32], l: usize, min_edge: f32, neutral: bool) -> Vec<Edge> {
    let n = nodes.len();
    let headers = header_sets(nodes);
    let empty: Vec<bool> = nodes.iter().map(|nd| is_empty_signature(nd.signature)).collect();
    let wide = n > WIDE_TABLE;
    let mut edges = Vec::new();
    // In a wide table, each column's strongest links so far (at most WIDE_EDGES_PER_COLUMN).
    let mut strongest: Vec<Vec<Edge>> = vec![Vec::new(); if wide { n } else { 0 }];
    for a in 0..n {
        let last = if wide { n.min(a + 1 + PAIR_WINDOW) } else { n };
        for b in (a + 1)..last {
            let distance = nodes[b].position.abs_diff(nodes[a].position);
            let adj = adjacency(distance);
            let header = sorted_jaccard(&headers[a], &headers[b]);
            let values = if empty[a] || empty[b] {
                0.0
            } else {
                agreement(nodes[a].signature, nodes[b].signature)
            };
            let s = structure(adj, header, values);
            // The label factor at most doubles s: skip the dot product when even that is too light.
            if s <= 0.0 || 2.0 * s < min_edge {
                continue;
            }
            let labels = if neutral {
                0.0
            } else {
                dot(&p[a * l..(a + 1) * l], &m[b * l..(b + 1) * l])
            };
            let weight = weight(s, labels);
            if !(weight >= min_edge && weight > 0.0) {
                continue;
            }
            let edge = Edge {
                a,
                b,
                weight,
                why: EdgeWhy {
                    adjacent: distance == 1,
                    header,
                    values,
                    labels,
                },
            };
            if wide {
                keep_if_strong(&mut strongest[a], &edge);
                keep_if_strong(&mut strongest[b], &edge);
            } else {
                edges.push(edge);
            }
        }
    }
    if wide {
        edges = strongest.into_iter().flatten().collect();
        edges.sort_by_key(|e| (e.a, e.b));
        edges.dedup_by_key(|e| (e.a, e.b));
    }
    edges
}

/// Keeps `edge` among a column's strongest links, replacing the weakest one when full. Weights
/// are compared [`coarse`]ly and the earlier edge stays on a tie, so the choice depends on the
/// input order alone, the same in the native and the WebAssembly build.
fn keep_if_strong(list: &mut Vec<Edge>, edge: &Edge) {
    if list.len() < WIDE_EDGES_PER_COLUMN {
        list.push(*edge);
        return;
    }
    let weakest = list
        .iter()
        .enumerate()
        .min_by(|x, y| coarse(x.1.weight).total_cmp(&coarse(y.1.weight)))
        .map(|(i, _)| i);
    if let Some(i) = weakest {
        if coarse(edge.weight) > coarse(list[i].weight) {
            list[i] = *edge;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{minhash, Signature};
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split('_').filter(|t| !t.is_empty()).map(str::to_string).collect()
    }

    #[test]
    fn stemming() {
        assert_eq!(stem("Names"), "name");
        assert_eq!(stem("cities"), "city");
        assert_eq!(stem("addresses"), "address");
        assert_eq!(stem("address"), "address");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("ids"), "ids");
        assert_eq!(stem(" Zip "), "zip");
        assert_eq!(stem(""), "");
        assert_eq!(stem("ÄPFELS"), "äpfel");
    }

    #[test]
    fn adjacency_decays() {
        assert_eq!(adjacency(0), 0.0);
        assert_eq!(adjacency(1), 0.6);
        assert_eq!(adjacency(2), 0.3);
        assert_eq!(adjacency(3), 0.15);
        assert_eq!(adjacency(4), 0.0);
        assert_eq!(adjacency(usize::MAX), 0.0);
    }

    #[test]
    fn weight_bounds() {
        let w = |a, h, v, lab| weight(structure(a, h, v), lab);
        assert_eq!(w(0.0, 0.0, 0.0, 3.0), 0.0);
        assert!((w(1.0, 1.0, 1.0, 3.0) - 2.0).abs() < 1e-6);
        assert!((w(0.6, 0.0, 0.0, -3.0) - 0.3).abs() < 1e-6);
        assert!((w(0.6, 0.0, 0.0, 0.0) - 0.6).abs() < 1e-6);
        assert!((w(0.6, 0.5, 0.0, 0.0) - 0.8).abs() < 1e-6);
    }

    #[test]
    fn header_similarity_and_boilerplate() {
        let heads: Vec<Vec<String>> = ["billing_zip", "billing_city", "ship_zip", "phone", "phones", ""]
            .iter()
            .map(|s| toks(s))
            .collect();
        let sig: Signature = minhash::EMPTY_SIGNATURE;
        let probs = [1.0f32];
        let nodes: Vec<Node> = heads
            .iter()
            .enumerate()
            .map(|(position, h)| Node {
                position,
                header_tokens: h,
                probs: &probs,
                signature: &sig,
            })
            .collect();
        let sets = header_sets(&nodes);
        let h = |a: usize, b: usize| sorted_jaccard(&sets[a], &sets[b]);
        assert!((h(0, 1) - 1.0 / 3.0).abs() < 1e-6);
        assert!((h(0, 2) - 1.0 / 3.0).abs() < 1e-6);
        assert_eq!(h(1, 2), 0.0);
        assert_eq!(h(3, 4), 1.0);
        assert_eq!(h(4, 5), 0.0);

        // A token in every column says nothing about which columns belong together.
        let heads: Vec<Vec<String>> = (0..6).map(|i| toks(&format!("field_{i}"))).collect();
        let nodes: Vec<Node> = heads
            .iter()
            .enumerate()
            .map(|(position, h)| Node {
                position,
                header_tokens: h,
                probs: &probs,
                signature: &sig,
            })
            .collect();
        let sets = header_sets(&nodes);
        assert_eq!(sorted_jaccard(&sets[0], &sets[1]), 0.0);
        let edges = build_edges(&nodes, &[1.0; 6], &[0.0; 6], 1, 0.05, true);
        assert!(edges.iter().all(|e| e.b - e.a <= ADJACENCY_WINDOW));
    }

    #[test]
    fn wide_tables_link_within_a_window_and_keep_the_strongest() {
        // Columns that all look alike: every pair would be an edge.
        let n = WIDE_TABLE * 4;
        let h = vec!["same".to_string()];
        let sig = minhash::minhash(std::iter::once(b"v".as_slice()));
        let probs = [1.0f32];
        let nodes: Vec<Node> = (0..n)
            .map(|position| Node {
                position,
                header_tokens: &h,
                probs: &probs,
                signature: &sig,
            })
            .collect();
        let edges = build_edges(&nodes, &vec![1.0; n], &vec![0.0; n], 1, 0.05, true);
        assert!(edges.iter().all(|e| e.b - e.a <= PAIR_WINDOW));
        let mut degree = vec![0usize; n];
        for e in &edges {
            degree[e.a] += 1;
            degree[e.b] += 1;
        }
        // Every column keeps links of its own; in all, at most K per column (here all weights tie,
        // and the earliest links stay).
        assert!(degree.iter().all(|&d| d >= WIDE_EDGES_PER_COLUMN), "{degree:?}");
        assert!(edges.len() <= n * WIDE_EDGES_PER_COLUMN);
        assert!(edges.windows(2).all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));
    }

    #[test]
    fn value_overlap_links_distant_columns() {
        let ids: Vec<String> = (0..100).map(|i| format!("{i}")).collect();
        let s_id = minhash::minhash(ids.iter().map(|s| s.as_bytes()));
        let other: Vec<String> = (0..100).map(|i| format!("x{i}")).collect();
        let s_other = minhash::minhash(other.iter().map(|s| s.as_bytes()));
        let h: Vec<String> = Vec::new();
        let probs = [1.0f32];
        let sigs = [s_id, s_other, s_other, s_other, s_other, s_id];
        // Columns 1..=4 share values with each other too; only check the id pair 0-5.
        let nodes: Vec<Node> = sigs
            .iter()
            .enumerate()
            .map(|(position, s)| Node {
                position,
                header_tokens: &h,
                probs: &probs,
                signature: s,
            })
            .collect();
        let edges = build_edges(&nodes, &[1.0; 6], &[0.0; 6], 1, 0.05, true);
        let e = edges.iter().find(|e| e.a == 0 && e.b == 5).unwrap();
        assert_eq!(e.why.values, 1.0);
        assert!(!e.why.adjacent);
        assert_eq!(e.weight, 1.0);
    }
}
