//! Finishing touches: push overlapping nodes apart (after the force layout has settled) and
//! incremental helpers (where new nodes start, which nodes an edit may move).

use super::{LayoutGraph, Positions, SplitMix64};
use std::collections::VecDeque;

/// Push apart active nodes whose discs (radius `radius[i]` plus `margin`) overlap, for up to
/// `passes` sweeps. Pinned nodes stay; when one of a pair is pinned the other moves the whole
/// way. Returns how many overlapping pairs the last sweep found.
pub fn remove_overlaps(
    pos: &mut Positions,
    g: &LayoutGraph,
    radius: &[f32],
    margin: f32,
    passes: usize,
) -> usize {
    let n = pos.len().min(g.len()).min(radius.len());
    let r = |i: usize| radius[i].max(0.0) + margin * 0.5;
    let rmax = (0..n)
        .filter(|&i| g.active[i])
        .map(r)
        .fold(0.0f32, f32::max);
    let pinned = |p: &Positions, i: usize| p.pinned.get(i).copied().unwrap_or(false);
    let mut found = 0;
    for pass in 0..passes {
        let mut order: Vec<u32> = (0..n as u32).filter(|&i| g.active[i as usize]).collect();
        order.sort_by(|&a, &b| {
            pos.xy[a as usize][0]
                .total_cmp(&pos.xy[b as usize][0])
                .then(a.cmp(&b))
        });
        found = 0;
        let mut rng = SplitMix64(pass as u64);
        for k in 0..order.len() {
            let i = order[k] as usize;
            for &j in &order[k + 1..] {
                let j = j as usize;
                let dx = pos.xy[j][0] - pos.xy[i][0];
                if dx > r(i) + rmax {
                    break;
                }
                let dy = pos.xy[j][1] - pos.xy[i][1];
                let need = r(i) + r(j);
                let d2 = dx * dx + dy * dy;
                if d2 >= need * need {
                    continue;
                }
                found += 1;
                let d = d2.sqrt();
                let (ux, uy) = if d > 1e-6 {
                    (dx / d, dy / d)
                } else {
                    let a = rng.next_f32() * std::f32::consts::TAU;
                    (a.cos(), a.sin())
                };
                let push = need - d;
                let (wi, wj) = match (pinned(pos, i), pinned(pos, j)) {
                    (true, true) => continue,
                    (true, false) => (0.0, 1.0),
                    (false, true) => (1.0, 0.0),
                    (false, false) => (0.5, 0.5),
                };
                pos.xy[i][0] -= ux * push * wi;
                pos.xy[i][1] -= uy * push * wi;
                pos.xy[j][0] += ux * push * wj;
                pos.xy[j][1] += uy * push * wj;
            }
        }
        if found == 0 {
            break;
        }
    }
    found
}

/// Nodes within `hops` of any node in `changed` (active nodes only): what an incremental
/// layout lets move after an edit or a filter change.
pub fn affected(g: &LayoutGraph, changed: &[usize], hops: u32) -> Vec<bool> {
    let n = g.len();
    let mut adj = vec![Vec::new(); n];
    for &(a, b, _) in &g.edges {
        adj[a as usize].push(b as usize);
        adj[b as usize].push(a as usize);
    }
    let mut dist = vec![u32::MAX; n];
    let mut queue = VecDeque::new();
    for &c in changed.iter().filter(|&&c| c < n && g.active[c]) {
        dist[c] = 0;
        queue.push_back(c);
    }
    while let Some(u) = queue.pop_front() {
        if dist[u] >= hops {
            continue;
        }
        for &v in &adj[u] {
            if g.active[v] && dist[v] == u32::MAX {
                dist[v] = dist[u] + 1;
                queue.push_back(v);
            }
        }
    }
    dist.iter().map(|&d| d != u32::MAX).collect()
}

/// Put each node marked in `fresh` near the mean of its already placed neighbours (seeded
/// jitter), so a newly shown node starts where it belongs instead of at a random spot.
pub fn place_near_neighbours(pos: &mut Positions, g: &LayoutGraph, fresh: &[bool], seed: u64) {
    let n = pos.len().min(g.len()).min(fresh.len());
    let mut sum = vec![[0.0f32; 3]; n];
    for &(a, b, _) in &g.edges {
        let (a, b) = (a as usize, b as usize);
        if a >= n || b >= n {
            continue;
        }
        for (u, v) in [(a, b), (b, a)] {
            if fresh[u] && !fresh[v] {
                sum[u][0] += pos.xy[v][0];
                sum[u][1] += pos.xy[v][1];
                sum[u][2] += 1.0;
            }
        }
    }
    let mut rng = SplitMix64(seed);
    for i in 0..n {
        if fresh[i] && sum[i][2] > 0.0 && !pos.pinned.get(i).copied().unwrap_or(false) {
            let jitter = 20.0;
            pos.xy[i] = [
                sum[i][0] / sum[i][2] + (rng.next_f32() - 0.5) * jitter,
                sum[i][1] / sum[i][2] + (rng.next_f32() - 0.5) * jitter,
            ];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlaps_are_removed_and_pins_respected() {
        let n = 50;
        let g = LayoutGraph::full(n, []);
        let mut pos = Positions::random(n, 1);
        for p in pos.xy.iter_mut() {
            *p = [p[0] * 0.05, p[1] * 0.05];
        }
        pos.pinned[0] = true;
        let before = pos.xy[0];
        let radius = vec![5.0; n];
        assert!(remove_overlaps(&mut pos, &g, &radius, 1.0, 1) > 0);
        remove_overlaps(&mut pos, &g, &radius, 1.0, 200);
        assert_eq!(remove_overlaps(&mut pos, &g, &radius, 0.0, 1), 0);
        assert_eq!(pos.xy[0], before);
    }

    #[test]
    fn affected_stops_at_the_hop_limit() {
        let g = LayoutGraph::full(5, [(0, 1), (1, 2), (2, 3), (3, 4)]);
        assert_eq!(affected(&g, &[0], 2), vec![true, true, true, false, false]);
    }
}
