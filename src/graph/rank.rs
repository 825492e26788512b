//! Column importance: weighted PageRank over the (undirected) column graph.
//!
//! A random walker moves from column `i` to neighbour `j` with probability `w_ij / W_i` and, with
//! probability `1 - damping`, jumps to a uniformly chosen column (columns without edges send all
//! their mass to the uniform jump). Columns that many well-connected columns point to — an id that
//! several foreign keys copy, the middle of a block of related fields — collect the most mass.
//! Power iteration in `f64` until the L1 change is below `1e-6` or 100 rounds; the summation
//! order is fixed, so the result is reproducible bit for bit.

use super::refine::Adjacency;

const MAX_ROUNDS: usize = 100;
const TOLERANCE: f64 = 1e-6;

/// Stationary distribution (sums to 1); all equal when there are no edges.
pub fn pagerank(adj: &Adjacency, damping: f32) -> Vec<f32> {
    let n = adj.len();
    if n == 0 {
        return Vec::new();
    }
    let uniform = 1.0 / n as f64;
    if (0..n).all(|i| !adj.has_neighbours(i)) {
        return vec![uniform as f32; n];
    }
    let d = f64::from(damping);
    let mut r = vec![uniform; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..MAX_ROUNDS {
        let dangling: f64 = r
            .iter()
            .zip(&adj.total)
            .filter(|(_, &t)| t <= 0.0)
            .map(|(&x, _)| x)
            .sum();
        let base = (1.0 - d) * uniform + d * dangling * uniform;
        next.fill(base);
        for (i, (&ri, &t)) in r.iter().zip(&adj.total).enumerate() {
            if t <= 0.0 {
                continue;
            }
            let share = d * ri / f64::from(t);
            for (j, w) in adj.neighbours(i) {
                next[j] += share * f64::from(w);
            }
        }
        let diff: f64 = r.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut r, &mut next);
        if diff < TOLERANCE {
            break;
        }
    }
    let sum: f64 = r.iter().sum();
    r.iter().map(|&x| (x / sum) as f32).collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_edge as edge;
    use super::super::Edge;
    use super::*;

    #[test]
    fn star_centre_ranks_highest() {
        let edges: Vec<Edge> = (1..6).map(|b| edge(0, b, 1.0)).collect();
        let r = pagerank(&Adjacency::new(7, &edges), 0.85);
        let sum: f32 = r.iter().sum();
        assert!((sum - 1.0).abs() < 1e-5);
        assert!(r[1..].iter().all(|&x| x < r[0]));
        // Isolated column 6 gets only the uniform jump share, which is the least.
        assert!(r[..6].iter().all(|&x| x > r[6]));
    }

    #[test]
    fn no_edges_is_uniform() {
        assert_eq!(pagerank(&Adjacency::new(4, &[]), 0.85), vec![0.25; 4]);
        assert_eq!(pagerank(&Adjacency::new(1, &[]), 0.85), vec![1.0]);
        assert!(pagerank(&Adjacency::new(0, &[]), 0.85).is_empty());
    }

    #[test]
    fn heavier_edges_attract_more() {
        let edges = [edge(0, 1, 2.0), edge(1, 2, 0.1)];
        let r = pagerank(&Adjacency::new(3, &edges), 0.85);
        assert!(r[0] > r[2]);
        assert!(r[1] > r[0]);
    }
}
