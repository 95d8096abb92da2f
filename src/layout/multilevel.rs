//! A multilevel start for big graphs: coarsen by matching neighbours, lay out the small coarse
//! graph, then place each node at its cluster's position and refine level by level. A 100k-node
//! graph gets its global shape from a few hundred nodes instead of from thousands of iterations.

use rayon::prelude::*;

use super::{ForceLayout, ForceParams, LayoutGraph, Positions, SplitMix64};

/// One level: a weighted graph with node masses, and for each node its cluster one level up.
struct Level {
    graph: LayoutGraph,
    mass: Vec<f32>,
    parent: Vec<u32>,
}

/// Stop coarsening at this many nodes.
const COARSEST: usize = 300;

/// Positions for every node of `g` (inactive nodes keep their place in `start`) from a coarse
/// to fine refinement. Pinned nodes in `start` are kept. Costs about as much as ten force
/// iterations on the full graph; coarsening and prolongation run mostly in parallel, and the
/// result depends on the seed only, not on the number of threads.
pub fn multilevel_start(g: &LayoutGraph, params: &ForceParams, start: &Positions) -> Positions {
    multilevel_start_with(g, params, start, None).unwrap_or_else(|| start.clone())
}

/// Levels smaller than this are not shown while a start is in progress (a blob of a few
/// hundred points tells the user nothing a random start does not).
const SHOWN_LEVEL: usize = 2_000;

/// What `multilevel_start_with` reports to: a picture after a level (`Some`), or just the
/// question whether to go on (`None`); false stops the start.
pub type Progress<'a> = dyn FnMut(Option<&Positions>) -> bool + 'a;

/// `multilevel_start`, showing its work: after each level from `SHOWN_LEVEL` nodes, `progress`
/// gets every node placed at (near) its cluster's position, so a big graph's picture forms
/// from coarse to fine instead of appearing after seconds. Between levels it is also asked,
/// with `None`, whether to go on. When it returns false the start stops and gives `None`.
pub fn multilevel_start_with(
    g: &LayoutGraph,
    params: &ForceParams,
    start: &Positions,
    mut progress: Option<&mut Progress<'_>>,
) -> Option<Positions> {
    let n = g.len().min(start.len());
    let mut out = start.clone();
    let ids: Vec<u32> = (0..n as u32).filter(|&i| g.active[i as usize]).collect();
    if ids.len() <= COARSEST {
        return Some(out);
    }
    // Level 0: the active subgraph, densely renumbered.
    let mut dense = vec![u32::MAX; n];
    for (k, &i) in ids.iter().enumerate() {
        dense[i as usize] = k as u32;
    }
    let edges: Vec<(u32, u32)> = g
        .edges
        .par_iter()
        .filter(|(a, b, _)| (*a as usize) < n && (*b as usize) < n)
        .map(|&(a, b, _)| (dense[a as usize], dense[b as usize]))
        .collect();
    let base = LayoutGraph::full(ids.len(), edges);
    let mass = base.degree.iter().map(|&d| d as f32 + 1.0).collect();
    let mut rng = SplitMix64(params.seed ^ 0x6d75_6c74_696c_6576);
    let mut levels = vec![Level {
        graph: base,
        mass,
        parent: Vec::new(),
    }];
    while let Some(last) = levels.last_mut() {
        if last.graph.len() <= COARSEST {
            break;
        }
        let (parent, coarse, cmass) = coarsen(&last.graph, &last.mass, rng.next_u64());
        if coarse.len() as f32 > 0.85 * last.graph.len() as f32 {
            break;
        }
        last.parent = parent;
        if progress.as_mut().is_some_and(|p| !p(None)) {
            return None;
        }
        levels.push(Level {
            graph: coarse,
            mass: cmass,
            parent: Vec::new(),
        });
    }

    // Coarsest level from a seeded random start, then prolong and refine.
    let coarsest = levels.len() - 1;
    let mut pos = Positions::random(levels[coarsest].graph.len(), params.seed);
    for level in (0..levels.len()).rev() {
        let l = &levels[level];
        if level < coarsest {
            let up = &levels[level + 1];
            let spread = typical_edge(&pos, &up.graph) * 0.2;
            let jitter = rng.next_u64();
            let xy = l
                .parent
                .par_iter()
                .enumerate()
                .with_min_len(4096)
                .map(|(i, &c)| {
                    let q = pos.xy[c as usize];
                    let h = node_hash(jitter, i);
                    // Two 24-bit fractions in [0, 1).
                    let (fx, fy) = ((h >> 40) as f32, ((h >> 16) & 0xff_ffff) as f32);
                    let unit = 1.0 / (1u32 << 24) as f32;
                    [
                        q[0] + (fx * unit - 0.5) * spread,
                        q[1] + (fy * unit - 0.5) * spread,
                    ]
                })
                .collect();
            pos = Positions {
                xy,
                pinned: vec![false; l.graph.len()],
            };
        }
        let iters = iterations(level == coarsest, l.graph.len());
        let mut layout = ForceLayout::new(params.clone());
        for _ in 0..iters {
            layout.step_with_mass(&mut pos, &l.graph, &l.mass);
        }
        if level > 0
            && l.graph.len() >= SHOWN_LEVEL
            && let Some(p) = progress.as_mut()
        {
            // Its own jitter, so that watching the start does not change its result.
            let jitter = params.seed ^ 0x7368_6f77 ^ level as u64;
            let shown = at_level(&levels, level, &pos, &ids, &out, jitter);
            if !p(Some(&shown)) {
                return None;
            }
        }
    }
    Some(place(&mut out, &ids, |k| pos.xy[k]))
}

/// `out` with active node `ids[k]` at `xy(k)`, pinned nodes kept.
fn place(out: &mut Positions, ids: &[u32], xy: impl Fn(usize) -> [f32; 2]) -> Positions {
    for (k, &i) in ids.iter().enumerate() {
        if !out.pinned.get(i as usize).copied().unwrap_or(false) {
            out.xy[i as usize] = xy(k);
        }
    }
    std::mem::take(out)
}

/// Every node near its cluster's position at `level` (`pos`), scattered by a fifth of a
/// typical edge so that a cluster shows as a small cloud, not as one dot.
fn at_level(
    levels: &[Level],
    level: usize,
    pos: &Positions,
    ids: &[u32],
    out: &Positions,
    jitter: u64,
) -> Positions {
    let spread = typical_edge(pos, &levels[level].graph) * 0.2;
    let cluster: Vec<u32> = (0..ids.len() as u32)
        .into_par_iter()
        .with_min_len(4096)
        .map(|k| levels[..level].iter().fold(k, |c, l| l.parent[c as usize]))
        .collect();
    let mut shown = out.clone();
    place(&mut shown, ids, |k| {
        let q = pos.xy[cluster[k] as usize];
        let h = node_hash(jitter, k);
        let unit = 1.0 / (1u32 << 24) as f32;
        let (fx, fy) = (
            (h >> 40) as f32 * unit,
            ((h >> 16) & 0xff_ffff) as f32 * unit,
        );
        [q[0] + (fx - 0.5) * spread, q[1] + (fy - 0.5) * spread]
    })
}

/// Force iterations at one level. The coarsest level gets many (it is tiny and sets the global
/// shape); finer levels fewer as they grow, since their clusters arrive nearly in place and an
/// iteration costs in proportion to the level's size.
fn iterations(coarsest: bool, n: usize) -> usize {
    if coarsest {
        return 300;
    }
    // 40 iterations up to ~500 nodes, then falling with the square root of the size: about 9
    // at 10k, 3 at 100k, 2 from 250k. Measured on Barabási–Albert graphs of 100k and 1M nodes
    // (`bench layout --usable`), the stress after the start is then within 0.01 of what 300
    // more iterations reach, at a tenth of the old schedule's cost (40 per level, 20 at the
    // finest).
    (40.0 * (500.0 / n.max(1) as f64).sqrt())
        .clamp(2.0, 40.0)
        .round() as usize
}

fn typical_edge(pos: &Positions, g: &LayoutGraph) -> f32 {
    let mut lens: Vec<f32> = g
        .edges
        .iter()
        .map(|&(a, b, _)| {
            let (p, q) = (pos.xy[a as usize], pos.xy[b as usize]);
            (p[0] - q[0]).hypot(p[1] - q[1])
        })
        .filter(|d| d.is_finite())
        .collect();
    if lens.is_empty() {
        return 1.0;
    }
    let mid = lens.len() / 2;
    *lens.select_nth_unstable_by(mid, f32::total_cmp).1
}

/// Rounds of mutual-preference matching per coarsening step.
const MATCH_ROUNDS: usize = 2;

/// A seeded pseudo-random 64-bit value for node `i` (independent of visiting order, so the
/// parallel steps below give the same result on any number of threads).
fn node_hash(seed: u64, i: usize) -> u64 {
    SplitMix64(seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).next_u64()
}

/// Pair nodes with neighbours: in each round every unmatched node names its lightest unmatched
/// neighbour (seeded ties), and two nodes naming each other are matched. Each round is a
/// parallel pass over the nodes; a sequential greedy pass then pairs the rest. A node left alone with one neighbour joins that neighbour's cluster. Returns
/// the cluster of each node, the cluster graph (edge weights summed) and the cluster masses.
fn coarsen(g: &LayoutGraph, mass: &[f32], seed: u64) -> (Vec<u32>, LayoutGraph, Vec<f32>) {
    let n = g.len();
    let mut off = vec![0usize; n + 1];
    for &(a, b, _) in &g.edges {
        off[a as usize + 1] += 1;
        off[b as usize + 1] += 1;
    }
    for i in 0..n {
        off[i + 1] += off[i];
    }
    let mut fill = off.clone();
    let mut adj = vec![0u32; off[n]];
    for &(a, b, _) in &g.edges {
        adj[fill[a as usize]] = b;
        fill[a as usize] += 1;
        adj[fill[b as usize]] = a;
        fill[b as usize] += 1;
    }
    drop(fill);
    let key: Vec<u64> = (0..n)
        .into_par_iter()
        .with_min_len(4096)
        .map(|i| node_hash(seed, i))
        .collect();
    let mut mate = vec![u32::MAX; n];
    for _ in 0..MATCH_ROUNDS {
        let pref: Vec<u32> = (0..n)
            .into_par_iter()
            .with_min_len(4096)
            .map(|u| {
                if mate[u] != u32::MAX {
                    return u32::MAX;
                }
                adj[off[u]..off[u + 1]]
                    .iter()
                    .map(|&v| v as usize)
                    .filter(|&v| v != u && mate[v] == u32::MAX)
                    .min_by(|&a, &b| mass[a].total_cmp(&mass[b]).then(key[a].cmp(&key[b])))
                    .map_or(u32::MAX, |v| v as u32)
            })
            .collect();
        let next: Vec<u32> = (0..n)
            .into_par_iter()
            .with_min_len(4096)
            .map(|u| {
                let p = pref[u];
                if mate[u] == u32::MAX && p != u32::MAX && pref[p as usize] == u as u32 {
                    p
                } else {
                    mate[u]
                }
            })
            .collect();
        let changed = next != mate;
        mate = next;
        if !changed {
            break;
        }
    }
    // Mutual preferences stall on hubs (every leaf names the hub, the hub names one leaf): a
    // sequential greedy pass pairs what the rounds left, so levels keep halving.
    for u in 0..n {
        if mate[u] != u32::MAX {
            continue;
        }
        let best = adj[off[u]..off[u + 1]]
            .iter()
            .map(|&v| v as usize)
            .filter(|&v| v != u && mate[v] == u32::MAX)
            .min_by(|&a, &b| mass[a].total_cmp(&mass[b]).then(key[a].cmp(&key[b])));
        if let Some(v) = best {
            mate[u] = v as u32;
            mate[v] = u as u32;
        }
    }
    let mut parent = vec![u32::MAX; n];
    let mut clusters = 0u32;
    for u in 0..n {
        if parent[u] != u32::MAX {
            continue;
        }
        parent[u] = clusters;
        if let Some(v) = mate.get(u).copied().filter(|&v| v != u32::MAX) {
            parent[v as usize] = clusters;
        }
        clusters += 1;
    }
    // Leaves whose neighbour was taken ride along with that neighbour.
    let mut size = vec![0u32; clusters as usize];
    for &p in &parent {
        size[p as usize] += 1;
    }
    for u in 0..n {
        if off[u + 1] - off[u] == 1 && size[parent[u] as usize] == 1 {
            let v = adj[off[u]] as usize;
            size[parent[u] as usize] = 0;
            parent[u] = parent[v];
        }
    }
    // Renumber clusters densely (some emptied above).
    let mut renum = vec![u32::MAX; clusters as usize];
    let mut k = 0u32;
    for p in parent.iter_mut() {
        let r = &mut renum[*p as usize];
        if *r == u32::MAX {
            *r = k;
            k += 1;
        }
        *p = *r;
    }
    let cn = k as usize;
    let mut cmass = vec![0.0f32; cn];
    for u in 0..n {
        cmass[parent[u] as usize] += mass[u];
    }
    let mut cedges: Vec<(u32, u32, f32)> = g
        .edges
        .par_iter()
        .filter_map(|&(a, b, w)| {
            let (pa, pb) = (parent[a as usize], parent[b as usize]);
            (pa != pb).then(|| (pa.min(pb), pa.max(pb), w))
        })
        .collect();
    cedges.par_sort_unstable_by_key(|&(a, b, _)| (a, b));
    let mut merged: Vec<(u32, u32, f32)> = Vec::with_capacity(cedges.len());
    for (a, b, w) in cedges {
        match merged.last_mut() {
            Some(last) if last.0 == a && last.1 == b => last.2 += w,
            _ => merged.push((a, b, w)),
        }
    }
    let mut degree = vec![0u32; cn];
    for &(a, b, _) in &merged {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    let graph = LayoutGraph {
        active: vec![true; cn],
        edges: merged,
        degree,
    };
    (parent, graph, cmass)
}
