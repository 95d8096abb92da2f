//! Barabási–Albert preferential-attachment graphs for benchmarks and tests (seeded, shuffled ids).

use super::SplitMix64;

/// A Barabási–Albert graph with `n` nodes, each new node attaching to `m` distinct existing
/// nodes chosen proportionally to degree (as networkx does: a star of `m + 1` nodes to start).
/// Node ids are shuffled so that id order says nothing about age or degree.
pub fn barabasi_albert(n: usize, m: usize, seed: u64) -> Vec<(u32, u32)> {
    let m = m.max(1);
    if n <= m {
        return Vec::new();
    }
    let mut rng = SplitMix64(seed);
    let mut edges: Vec<(u32, u32)> = Vec::with_capacity(n * m);
    // Every endpoint of every edge once: sampling from it is sampling by degree.
    let mut repeated: Vec<u32> = Vec::with_capacity(2 * n * m);
    for leaf in 1..=m as u32 {
        edges.push((0, leaf));
        repeated.extend([0, leaf]);
    }
    let mut targets: Vec<u32> = Vec::with_capacity(m);
    for source in (m + 1) as u32..n as u32 {
        targets.clear();
        while targets.len() < m {
            let t = repeated[(rng.next_u64() % repeated.len() as u64) as usize];
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
        for &t in &targets {
            edges.push((source, t));
            repeated.extend([source, t]);
        }
    }
    // Fisher–Yates shuffle of the ids.
    let mut perm: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        perm.swap(i, j);
    }
    edges
        .into_iter()
        .map(|(a, b)| (perm[a as usize], perm[b as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_degrees_and_seed() {
        let e = barabasi_albert(1000, 2, 7);
        assert_eq!(e.len(), 2 + (1000 - 3) * 2);
        let mut deg = vec![0u32; 1000];
        for &(a, b) in &e {
            assert_ne!(a, b);
            deg[a as usize] += 1;
            deg[b as usize] += 1;
        }
        assert!(deg.iter().all(|&d| d >= 1));
        // Preferential attachment makes hubs far above the mean degree of 4.
        assert!(*deg.iter().max().unwrap_or(&0) > 30);
        assert_eq!(e, barabasi_albert(1000, 2, 7));
        assert_ne!(e, barabasi_albert(1000, 2, 8));
    }
}
