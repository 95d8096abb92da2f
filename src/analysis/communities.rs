//! Communities of the graph as currently filtered: seeded Louvain and modularity.
//!
//! The graph is taken as undirected and weighted: the weight of a pair of nodes is the number
//! of edges between them in either direction (a relation stated twice is a stronger tie);
//! loops are ignored. Modularity is Newman's, resolution 1, as `nx.community.modularity`.
//! Louvain follows `nx.community.louvain_communities` (same gain formula, levels stop when
//! modularity improves by less than 1e-7), but its random node order comes from our own
//! seeded generator, so on graphs without a clear structure the partition may differ from
//! networkx's for the same seed while reaching a comparable modularity.

use super::compact::Compact;
use crate::model::SplitMix64;
use crate::model::{KnowledgeGraph, NodeIx};

/// An undirected weighted graph on dense nodes `0..n`.
#[derive(Clone, Debug, Default)]
pub struct WeightedGraph {
    /// Neighbours with the weight of the pair (no self entries).
    pub adj: Vec<Vec<(usize, f64)>>,
    /// Weight of each node's loop (aggregated communities carry their internal weight here).
    pub loops: Vec<f64>,
}

impl WeightedGraph {
    /// From undirected (a, b, weight) triples; pairs may repeat (weights add), loops are kept.
    pub fn from_pairs(n: usize, pairs: impl IntoIterator<Item = (usize, usize, f64)>) -> Self {
        let mut g = WeightedGraph {
            adj: vec![Vec::new(); n],
            loops: vec![0.0; n],
        };
        let mut list: Vec<(usize, usize, f64)> = pairs
            .into_iter()
            .map(|(a, b, w)| (a.min(b), a.max(b), w))
            .collect();
        list.sort_by_key(|x| (x.0, x.1));
        let mut i = 0;
        while i < list.len() {
            let (a, b, mut w) = list[i];
            i += 1;
            while i < list.len() && (list[i].0, list[i].1) == (a, b) {
                w += list[i].2;
                i += 1;
            }
            if a == b {
                g.loops[a] += w;
            } else {
                g.adj[a].push((b, w));
                g.adj[b].push((a, w));
            }
        }
        g
    }

    /// The visible graph: one unit of weight per edge, loops dropped.
    pub fn from_compact(c: &Compact) -> Self {
        Self::from_pairs(
            c.len(),
            c.edges
                .iter()
                .filter(|(a, b, _)| a != b)
                .map(|&(a, b, _)| (a, b, 1.0)),
        )
    }

    pub fn len(&self) -> usize {
        self.adj.len()
    }

    pub fn is_empty(&self) -> bool {
        self.adj.is_empty()
    }

    /// Weighted degree; a loop counts twice, as in networkx.
    fn strength(&self, v: usize) -> f64 {
        self.adj[v].iter().map(|&(_, w)| w).sum::<f64>() + 2.0 * self.loops[v]
    }

    /// Total edge weight m (each edge once, loops once).
    fn total(&self) -> f64 {
        (0..self.len()).map(|v| self.strength(v)).sum::<f64>() / 2.0
    }
}

/// Newman modularity Q = Σ_c [L_c / m − (D_c / 2m)²] of a partition (`community[v]`), where L_c
/// is the weight inside c and D_c the summed strength of its nodes; 0 for a graph without
/// edges. O(n + m).
pub fn modularity(g: &WeightedGraph, community: &[usize]) -> f64 {
    let m = g.total();
    if m <= 0.0 {
        return 0.0;
    }
    let k = community.iter().copied().max().map_or(0, |x| x + 1);
    let mut inside = vec![0.0; k];
    let mut degree = vec![0.0; k];
    for v in 0..g.len() {
        let c = community[v];
        degree[c] += g.strength(v);
        inside[c] += g.loops[v];
        for &(u, w) in &g.adj[v] {
            // Each undirected edge is seen from both ends.
            if community[u] == c && u > v {
                inside[c] += w;
            }
        }
    }
    (0..k)
        .map(|c| inside[c] / m - (degree[c] / (2.0 * m)).powi(2))
        .sum()
}

/// Louvain community detection with a seeded node order. Returns a community number per node
/// (dense, arbitrary order). O(m) per pass; a handful of passes and levels in practice.
pub fn louvain(g: &WeightedGraph, seed: u64) -> Vec<usize> {
    let n = g.len();
    let mut rng = SplitMix64(seed);
    // partition[v]: community of original node v.
    let mut partition: Vec<usize> = (0..n).collect();
    let mut current = g.clone();
    let mut best_q = modularity(g, &partition);
    loop {
        let (level, moved) = one_level(&current, &mut rng);
        if !moved {
            break;
        }
        let (labels, count) = relabel(&level);
        let candidate: Vec<usize> = partition.iter().map(|&c| labels[c]).collect();
        let q = modularity(g, &candidate);
        if q - best_q <= 1e-7 {
            break;
        }
        best_q = q;
        partition = candidate;
        current = aggregate(&current, &labels, count);
    }
    partition
}

/// One Louvain level: move nodes (in a shuffled order) to the neighbouring community with the
/// best modularity gain until no node moves. Returns each node's community and whether any
/// node moved.
fn one_level(g: &WeightedGraph, rng: &mut SplitMix64) -> (Vec<usize>, bool) {
    let n = g.len();
    let m = g.total();
    let mut comm: Vec<usize> = (0..n).collect();
    if m <= 0.0 {
        return (comm, false);
    }
    let k: Vec<f64> = (0..n).map(|v| g.strength(v)).collect();
    let mut stot = k.clone();
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    let mut to_comm = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut any = false;
    loop {
        let mut moved = 0;
        for &u in &order {
            for &(v, w) in &g.adj[u] {
                let c = comm[v];
                if to_comm[c] == 0.0 {
                    touched.push(c);
                }
                to_comm[c] += w;
            }
            let own = comm[u];
            stot[own] -= k[u];
            let remove = -to_comm[own] / m + k[u] * stot[own] / (2.0 * m * m);
            let mut best = own;
            let mut best_gain = 0.0;
            for &c in &touched {
                let gain = remove + to_comm[c] / m - k[u] * stot[c] / (2.0 * m * m);
                if gain > best_gain {
                    best_gain = gain;
                    best = c;
                }
            }
            stot[best] += k[u];
            if best != own {
                comm[u] = best;
                moved += 1;
            }
            for &c in &touched {
                to_comm[c] = 0.0;
            }
            touched.clear();
        }
        if moved == 0 {
            break;
        }
        any = true;
    }
    (comm, any)
}

/// Dense labels 0..count for arbitrary community numbers, in order of first appearance.
fn relabel(comm: &[usize]) -> (Vec<usize>, usize) {
    let mut map = vec![usize::MAX; comm.len()];
    let mut next = 0;
    let labels = comm
        .iter()
        .map(|&c| {
            if map[c] == usize::MAX {
                map[c] = next;
                next += 1;
            }
            map[c]
        })
        .collect();
    (labels, next)
}

/// The graph of communities: one node per community, internal weight as its loop.
fn aggregate(g: &WeightedGraph, labels: &[usize], count: usize) -> WeightedGraph {
    let mut pairs = Vec::new();
    for v in 0..g.len() {
        pairs.push((labels[v], labels[v], g.loops[v]));
        for &(u, w) in &g.adj[v] {
            if u > v {
                pairs.push((labels[v], labels[u], w));
            }
        }
    }
    WeightedGraph::from_pairs(count, pairs)
}

/// The communities of the visible nodes.
#[derive(Clone, Debug, Default)]
pub struct Communities {
    /// Members of each community, largest first (ties: earliest member first); members in
    /// data-file order.
    pub members: Vec<Vec<NodeIx>>,
    pub modularity: f64,
    /// `NodeIx::index()` → community.
    by_node: Vec<Option<usize>>,
}

impl Communities {
    /// Community of a node, `None` when it is not in the view.
    pub fn of(&self, ix: NodeIx) -> Option<usize> {
        self.by_node.get(ix.index()).copied().flatten()
    }

    pub fn count(&self) -> usize {
        self.members.len()
    }
}

/// Communities of the visible subgraph (`vis` as from `visible_subgraph`), seeded Louvain.
pub fn communities(kg: &KnowledgeGraph, vis: &super::Visible, seed: u64) -> Communities {
    communities_of(kg, &Compact::new(kg, vis), seed)
}

pub(crate) fn communities_of(kg: &KnowledgeGraph, c: &Compact, seed: u64) -> Communities {
    let g = WeightedGraph::from_compact(c);
    let comm = louvain(&g, seed);
    let modularity = modularity(&g, &comm);
    let (labels, count) = relabel(&comm);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (v, &l) in labels.iter().enumerate() {
        members[l].push(v);
    }
    // Largest first so that community 0 gets the first palette colour; members are in dense
    // (data-file) order, so ties fall back to the earliest member.
    members.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut by_node = vec![None; kg.node_bound()];
    let members = members
        .into_iter()
        .enumerate()
        .map(|(i, list)| {
            list.into_iter()
                .map(|v| {
                    let ix = c.nodes[v];
                    by_node[ix.index()] = Some(i);
                    ix
                })
                .collect()
        })
        .collect();
    Communities {
        members,
        modularity,
        by_node,
    }
}
