//! Layout quality measures shared with `shared/scripts/peers/quality.py`: normalised stress over
//! BFS distances and the edge-length ratio. Both are scale-invariant; lower is better.

use super::SplitMix64;
use rayon::prelude::*;
use std::collections::VecDeque;

/// Compressed adjacency (undirected, self-loops dropped).
fn csr(n: usize, edges: &[(u32, u32)]) -> (Vec<usize>, Vec<u32>) {
    let mut off = vec![0usize; n + 1];
    for &(a, b) in edges {
        if a != b && (a as usize) < n && (b as usize) < n {
            off[a as usize + 1] += 1;
            off[b as usize + 1] += 1;
        }
    }
    for i in 0..n {
        off[i + 1] += off[i];
    }
    let mut fill = off.clone();
    let mut adj = vec![0u32; off[n]];
    for &(a, b) in edges {
        if a != b && (a as usize) < n && (b as usize) < n {
            adj[fill[a as usize]] = b;
            fill[a as usize] += 1;
            adj[fill[b as usize]] = a;
            fill[b as usize] += 1;
        }
    }
    (off, adj)
}

/// Normalised stress: BFS from `sources` seeded sources to every reachable node, optimal global
/// scale `s = Σ(x/d) / Σ(x²/d²)`, mean of `(s·x − d)² / d²`.
///
/// Accumulated as three sums instead of a list of pairs (`Σ(s·x/d − 1)² = s²·A − 2s·B + N` with
/// `A = Σx²/d²`, `B = Σx/d`), so 20 sources over a million nodes need no 20-million-pair buffer.
/// The sources' BFS run in parallel, each summed in its own order, then added in source order,
/// so the result does not depend on the thread count.
pub fn stress(xy: &[[f32; 2]], edges: &[(u32, u32)], sources: usize, seed: u64) -> f64 {
    let n = xy.len();
    if n < 2 {
        return 0.0;
    }
    let (off, adj) = csr(n, edges);
    let mut rng = SplitMix64(seed);
    let picks: Vec<usize> = (0..sources.min(n))
        .map(|_| (rng.next_u64() % n as u64) as usize)
        .collect();
    let sums: Vec<(f64, f64, u64)> = picks
        .par_iter()
        .map(|&s| {
            let mut dist = vec![u32::MAX; n];
            let mut queue = VecDeque::new();
            dist[s] = 0;
            queue.push_back(s);
            let (mut a, mut b, mut count) = (0.0f64, 0.0f64, 0u64);
            while let Some(u) = queue.pop_front() {
                let du = dist[u];
                if du > 0 {
                    let x = (xy[s][0] as f64 - xy[u][0] as f64)
                        .hypot(xy[s][1] as f64 - xy[u][1] as f64);
                    let r = x / du as f64;
                    a += r * r;
                    b += r;
                    count += 1;
                }
                for &v in &adj[off[u]..off[u + 1]] {
                    let v = v as usize;
                    if dist[v] == u32::MAX {
                        dist[v] = du + 1;
                        queue.push_back(v);
                    }
                }
            }
            (a, b, count)
        })
        .collect();
    let (a, b, count) = sums
        .iter()
        .fold((0.0, 0.0, 0u64), |t, s| (t.0 + s.0, t.1 + s.1, t.2 + s.2));
    if count == 0 {
        return 0.0;
    }
    let s = b / a.max(1e-300);
    ((s * s * a - 2.0 * s * b + count as f64) / count as f64).max(0.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mid = v.len() / 2;
    let (_, m, _) = v.select_nth_unstable_by(mid, f64::total_cmp);
    *m
}

/// Median edge length divided by the median distance between `pairs` random node pairs
/// (≈1 for a random layout; smaller means edges are short relative to the drawing).
pub fn edge_length_ratio(xy: &[[f32; 2]], edges: &[(u32, u32)], pairs: usize, seed: u64) -> f64 {
    let n = xy.len();
    if n < 2 || edges.is_empty() {
        return 0.0;
    }
    let d = |a: usize, b: usize| {
        (xy[a][0] as f64 - xy[b][0] as f64).hypot(xy[a][1] as f64 - xy[b][1] as f64)
    };
    let el = edges
        .iter()
        .filter(|(a, b)| (*a as usize) < n && (*b as usize) < n)
        .map(|&(a, b)| d(a as usize, b as usize))
        .collect();
    let mut rng = SplitMix64(seed);
    let rp = (0..pairs)
        .map(|_| {
            let a = (rng.next_u64() % n as u64) as usize;
            let b = (rng.next_u64() % n as u64) as usize;
            d(a, b)
        })
        .collect();
    median(el) / median(rp).max(1e-300)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, with every pair kept: what `stress` computed before it summed instead.
    fn stress_from_pairs(xy: &[[f32; 2]], edges: &[(u32, u32)], sources: usize, seed: u64) -> f64 {
        let n = xy.len();
        let (off, adj) = csr(n, edges);
        let mut rng = SplitMix64(seed);
        let mut pairs = Vec::new();
        for _ in 0..sources.min(n) {
            let s = (rng.next_u64() % n as u64) as usize;
            let mut dist = vec![u32::MAX; n];
            dist[s] = 0;
            let mut queue = VecDeque::from([s]);
            while let Some(u) = queue.pop_front() {
                for &v in &adj[off[u]..off[u + 1]] {
                    if dist[v as usize] == u32::MAX {
                        dist[v as usize] = dist[u] + 1;
                        queue.push_back(v as usize);
                    }
                }
            }
            for (v, &d) in dist.iter().enumerate() {
                if d != u32::MAX && d > 0 {
                    let x = (xy[s][0] as f64 - xy[v][0] as f64)
                        .hypot(xy[s][1] as f64 - xy[v][1] as f64);
                    pairs.push((x, d as f64));
                }
            }
        }
        let num: f64 = pairs.iter().map(|(x, d)| x / d).sum();
        let den: f64 = pairs.iter().map(|(x, d)| x * x / (d * d)).sum();
        let s = num / den;
        pairs
            .iter()
            .map(|(x, d)| (s * x - d).powi(2) / (d * d))
            .sum::<f64>()
            / pairs.len() as f64
    }

    #[test]
    fn summed_stress_equals_the_pairwise_definition() {
        let n = 400;
        let edges = crate::layout::barabasi_albert(n, 2, 3);
        let mut rng = SplitMix64(8);
        let xy: Vec<[f32; 2]> = (0..n)
            .map(|_| [rng.next_f32() * 50.0, rng.next_f32() * 50.0])
            .collect();
        let (a, b) = (
            stress(&xy, &edges, 20, 1),
            stress_from_pairs(&xy, &edges, 20, 1),
        );
        assert!(a > 0.05 && (a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn a_path_drawn_straight_has_zero_stress_and_a_shuffled_one_does_not() {
        let n = 50;
        let edges: Vec<(u32, u32)> = (0..n as u32 - 1).map(|i| (i, i + 1)).collect();
        let line: Vec<[f32; 2]> = (0..n).map(|i| [i as f32 * 3.0, 0.0]).collect();
        assert!(stress(&line, &edges, 20, 1) < 1e-9);
        let mut rng = SplitMix64(5);
        let random: Vec<[f32; 2]> = (0..n).map(|_| [rng.next_f32(), rng.next_f32()]).collect();
        assert!(stress(&random, &edges, 20, 1) > 0.1);
        assert!(edge_length_ratio(&line, &edges, 1000, 1) < 0.2);
        assert!(edge_length_ratio(&random, &edges, 1000, 1) > 0.5);
    }
}
