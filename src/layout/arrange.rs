//! Fixed arrangements: layered by group (e.g. kind), radial rings by hop distance around a node,
//! circular grouped arcs; plus the blend used to animate between two layouts. Pure functions of
//! a `LayoutGraph` and per-node group ids; nodes that are not active are put at the origin.

use super::{LayoutGraph, Positions};
use std::collections::VecDeque;

/// Distance between neighbouring nodes in these arrangements (world units, like node radii).
const GAP: f32 = 40.0;

fn adjacency(g: &LayoutGraph) -> Vec<Vec<u32>> {
    let mut adj = vec![Vec::new(); g.len()];
    for &(a, b, _) in &g.edges {
        if (a as usize) < g.len() && (b as usize) < g.len() && a != b {
            adj[a as usize].push(b);
            adj[b as usize].push(a);
        }
    }
    adj
}

fn blank(n: usize) -> Positions {
    Positions {
        xy: vec![[0.0, 0.0]; n],
        pinned: vec![false; n],
    }
}

/// Rows by ascending `layer[i]` (e.g. officials → organisations → plans → actions → industries),
/// each row ordered by the mean position of its neighbours in the rows above (then below) to
/// keep edges short and crossings few; rows are centred.
pub fn layered(g: &LayoutGraph, layer: &[u32]) -> Positions {
    let n = g.len();
    let mut pos = blank(n);
    let mut layers: Vec<u32> = (0..n)
        .filter(|&i| g.active[i])
        .map(|i| layer.get(i).copied().unwrap_or(0))
        .collect();
    layers.sort_unstable();
    layers.dedup();
    let mut rows: Vec<Vec<u32>> = vec![Vec::new(); layers.len()];
    for i in (0..n).filter(|&i| g.active[i]) {
        let l = layer.get(i).copied().unwrap_or(0);
        if let Ok(r) = layers.binary_search(&l) {
            rows[r].push(i as u32);
        }
    }
    let adj = adjacency(g);
    let row_of = |i: usize| {
        layers
            .binary_search(&layer.get(i).copied().unwrap_or(0))
            .unwrap_or(0)
    };
    let place = |pos: &mut Positions, r: usize, row: &[u32]| {
        let width = (row.len().saturating_sub(1)) as f32 * GAP;
        for (k, &i) in row.iter().enumerate() {
            pos.xy[i as usize] = [k as f32 * GAP - width * 0.5, r as f32 * GAP * 4.0];
        }
    };
    for (r, row) in rows.iter_mut().enumerate() {
        row.sort_unstable_by_key(|&i| (std::cmp::Reverse(g.degree[i as usize]), i));
        place(&mut pos, r, row);
    }
    // Barycentre sweeps: down, up, down.
    for sweep in 0..3 {
        let order: Vec<usize> = if sweep % 2 == 0 {
            (1..rows.len()).collect()
        } else {
            (0..rows.len().saturating_sub(1)).rev().collect()
        };
        for r in order {
            let reference = |i: u32| {
                let ns: Vec<f32> = adj[i as usize]
                    .iter()
                    .filter(|&&j| g.active[j as usize])
                    .filter(|&&j| {
                        let rj = row_of(j as usize);
                        if sweep % 2 == 0 { rj < r } else { rj > r }
                    })
                    .map(|&j| pos.xy[j as usize][0])
                    .collect();
                if ns.is_empty() {
                    pos.xy[i as usize][0]
                } else {
                    ns.iter().sum::<f32>() / ns.len() as f32
                }
            };
            let mut keyed: Vec<(f32, u32)> = rows[r].iter().map(|&i| (reference(i), i)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            rows[r] = keyed.into_iter().map(|(_, i)| i).collect();
            place(&mut pos, r, &rows[r]);
        }
    }
    pos
}

/// Rings by hop distance around `center`: ring `k` holds the nodes `k` hops away, ordered so
/// that each node sits near the node it was reached from. Unreachable nodes form an outer ring.
pub fn radial(g: &LayoutGraph, center: usize) -> Positions {
    let n = g.len();
    let mut pos = blank(n);
    if center >= n || !g.active[center] {
        return pos;
    }
    let mut adj = adjacency(g);
    for list in adj.iter_mut() {
        list.sort_unstable();
    }
    let mut hop = vec![u32::MAX; n];
    let mut rings: Vec<Vec<u32>> = vec![vec![center as u32]];
    hop[center] = 0;
    let mut queue = VecDeque::from([center]);
    while let Some(u) = queue.pop_front() {
        for &v in &adj[u] {
            let v = v as usize;
            if g.active[v] && hop[v] == u32::MAX {
                hop[v] = hop[u] + 1;
                let h = hop[v] as usize;
                if rings.len() <= h {
                    rings.push(Vec::new());
                }
                // BFS order within a ring follows the order of the parents: subtrees stay together.
                rings[h].push(v as u32);
                queue.push_back(v);
            }
        }
    }
    let unreachable: Vec<u32> = (0..n)
        .filter(|&i| g.active[i] && hop[i] == u32::MAX)
        .map(|i| i as u32)
        .collect();
    if !unreachable.is_empty() {
        rings.push(unreachable);
    }
    let mut radius = 0.0f32;
    for (k, ring) in rings.iter().enumerate() {
        if k == 0 {
            continue;
        }
        // Far enough out to fit the ring's nodes, and always beyond the previous ring.
        radius = (radius + GAP * 2.0).max(ring.len() as f32 * GAP / std::f32::consts::TAU);
        for (j, &i) in ring.iter().enumerate() {
            let a = j as f32 / ring.len() as f32 * std::f32::consts::TAU;
            pos.xy[i as usize] = [radius * a.cos(), radius * a.sin()];
        }
    }
    pos
}

/// One circle with an arc per group (kind or community), a gap between arcs; within a group
/// the best-connected nodes come first.
pub fn circular(g: &LayoutGraph, group: &[u32]) -> Positions {
    let n = g.len();
    let mut pos = blank(n);
    let mut order: Vec<u32> = (0..n as u32).filter(|&i| g.active[i as usize]).collect();
    order.sort_unstable_by_key(|&i| {
        (
            group.get(i as usize).copied().unwrap_or(0),
            std::cmp::Reverse(g.degree[i as usize]),
            i,
        )
    });
    let groups = {
        let mut gs: Vec<u32> = order
            .iter()
            .map(|&i| group.get(i as usize).copied().unwrap_or(0))
            .collect();
        gs.dedup();
        gs.len()
    };
    // Each group gap is worth three node slots.
    let slots = order.len() + 3 * groups;
    let radius = (slots as f32 * GAP / std::f32::consts::TAU).max(GAP);
    let mut slot = 0usize;
    let mut last: Option<u32> = None;
    for &i in &order {
        let gi = group.get(i as usize).copied().unwrap_or(0);
        if last.is_some_and(|l| l != gi) {
            slot += 3;
        }
        last = Some(gi);
        let a = slot as f32 / slots.max(1) as f32 * std::f32::consts::TAU;
        pos.xy[i as usize] = [radius * a.cos(), radius * a.sin()];
        slot += 1;
    }
    pos
}

/// Positions a fraction `t` (0..=1, eased) of the way from `from` to `to`, for animated
/// transitions between layouts. Pinned flags come from `from`.
pub fn blend(from: &Positions, to: &Positions, t: f32) -> Positions {
    let t = t.clamp(0.0, 1.0);
    let e = t * t * (3.0 - 2.0 * t);
    let mut out = from.clone();
    for (p, q) in out.xy.iter_mut().zip(&to.xy) {
        *p = [p[0] + (q[0] - p[0]) * e, p[1] + (q[1] - p[1]) * e];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layered_rows_follow_layers_and_radial_rings_follow_hops() {
        let g = LayoutGraph::full(5, [(0, 1), (1, 2), (2, 3), (0, 4)]);
        let p = layered(&g, &[2, 0, 1, 1, 0]);
        assert!(p.xy[1][1] < p.xy[2][1] && p.xy[2][1] < p.xy[0][1]);
        assert_eq!(p.xy[2][1], p.xy[3][1]);
        let r = radial(&g, 0);
        let d = |i: usize| r.xy[i][0].hypot(r.xy[i][1]);
        assert_eq!(d(0), 0.0);
        assert!((d(1) - d(4)).abs() < 1e-3);
        assert!(d(1) < d(2) && d(2) < d(3));
        let c = circular(&g, &[0, 1, 0, 1, 0]);
        let radius = c.xy[0][0].hypot(c.xy[0][1]);
        assert!(
            c.xy.iter()
                .all(|q| (q[0].hypot(q[1]) - radius).abs() < 1e-2)
        );
    }
}
