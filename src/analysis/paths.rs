//! "How is A connected to B?": the k shortest simple paths (Yen's algorithm) over the visible
//! graph, optionally restricted to some relations and to the edges' direction; every hop names
//! the edge (and its parallel edges) so the caller can show the citations.

use super::Visible;
use super::compact::Compact;
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx, Relation};
use std::collections::{BTreeSet, HashSet, VecDeque};

/// At most this many paths are searched for.
pub const MAX_K: usize = 10;

/// Which way edges may be walked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PathDirection {
    /// Either way: a hop may go against the edge's arrow.
    #[default]
    Any,
    /// Only along the arrow (from → to).
    Forward,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PathQuery {
    /// Number of paths wanted, clamped to 1..=MAX_K.
    pub k: usize,
    pub direction: PathDirection,
    /// Only walk edges with one of these relations (`None`: any visible edge).
    pub relations: Option<BTreeSet<Relation>>,
}

impl Default for PathQuery {
    fn default() -> Self {
        PathQuery {
            k: 3,
            direction: PathDirection::Any,
            relations: None,
        }
    }
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    pub from: NodeIx,
    pub to: NodeIx,
    /// The edge shown for this step: one along the path's direction if any, else the
    /// earliest in file order.
    pub edge: EdgeIx,
    /// True when `edge` points from `from` to `to`; false when the hop walks against it.
    pub forward: bool,
    /// Other allowed edges between the same two nodes (other relations, other direction).
    pub parallel: Vec<EdgeIx>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundPath {
    /// From the start to the end node, inclusive.
    pub nodes: Vec<NodeIx>,
    pub hops: Vec<Hop>,
}

impl FoundPath {
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }

    /// Every edge the path uses, parallel ones included, for highlighting.
    pub fn edges(&self) -> impl Iterator<Item = EdgeIx> + '_ {
        self.hops
            .iter()
            .flat_map(|h| std::iter::once(h.edge).chain(h.parallel.iter().copied()))
    }
}

/// The k shortest simple paths (fewest hops; ties in a stable order) from `from` to `to` in the
/// visible graph. Empty when either end is hidden or they are not connected; `[path of 0 hops]`
/// when `from == to`. Yen's algorithm with BFS: O(k·n·(n + m)).
pub fn k_shortest_paths(
    kg: &KnowledgeGraph,
    vis: &Visible,
    from: NodeIx,
    to: NodeIx,
    query: &PathQuery,
) -> Vec<FoundPath> {
    let c = Compact::new(kg, vis);
    let allowed = |e: EdgeIx| {
        query
            .relations
            .as_ref()
            .is_none_or(|r| r.contains(&kg.edge(e).rel))
    };
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); c.len()];
    for &(a, b, e) in &c.edges {
        if a == b || !allowed(e) {
            continue;
        }
        adj[a].push(b);
        if query.direction == PathDirection::Any {
            adj[b].push(a);
        }
    }
    for list in &mut adj {
        list.sort_unstable();
        list.dedup();
    }
    let (Some(s), Some(t)) = (
        c.dense.get(from.index()).copied().flatten(),
        c.dense.get(to.index()).copied().flatten(),
    ) else {
        return Vec::new();
    };
    yen(&adj, s, t, query.k.clamp(1, MAX_K))
        .into_iter()
        .map(|p| {
            let nodes: Vec<NodeIx> = p.iter().map(|&v| c.nodes[v]).collect();
            let hops = nodes
                .windows(2)
                .filter_map(|w| hop(kg, vis, w[0], w[1], query, &allowed))
                .collect();
            FoundPath { nodes, hops }
        })
        .collect()
}

/// The edges realising the step `a → b`.
fn hop(
    kg: &KnowledgeGraph,
    vis: &Visible,
    a: NodeIx,
    b: NodeIx,
    query: &PathQuery,
    allowed: &impl Fn(EdgeIx) -> bool,
) -> Option<Hop> {
    let mut found: Vec<(bool, EdgeIx)> = kg
        .graph
        .edges_connecting(a, b)
        .map(|e| (true, petgraph::visit::EdgeRef::id(&e)))
        .collect();
    if query.direction == PathDirection::Any {
        found.extend(
            kg.graph
                .edges_connecting(b, a)
                .map(|e| (false, petgraph::visit::EdgeRef::id(&e))),
        );
    }
    found.retain(|&(_, e)| vis.edge(e) && allowed(e));
    // Forward edges first, then file order.
    found.sort_by_key(|&(fwd, e)| (!fwd, e.index()));
    let (&(forward, edge), rest) = found.split_first()?;
    Some(Hop {
        from: a,
        to: b,
        edge,
        forward,
        parallel: rest.iter().map(|&(_, e)| e).collect(),
    })
}

/// Yen's k shortest simple paths on an unweighted adjacency list (sorted neighbours).
fn yen(adj: &[Vec<usize>], s: usize, t: usize, k: usize) -> Vec<Vec<usize>> {
    let Some(first) = bfs(adj, s, t, &HashSet::new(), &HashSet::new()) else {
        return Vec::new();
    };
    let mut found = vec![first];
    // Ordered by (hops, node sequence) so ties are broken the same way every time.
    let mut candidates: BTreeSet<(usize, Vec<usize>)> = BTreeSet::new();
    while found.len() < k {
        let prev = found[found.len() - 1].clone();
        for i in 0..prev.len().saturating_sub(1) {
            let spur = prev[i];
            let root = &prev[..=i];
            let banned_links: HashSet<(usize, usize)> = found
                .iter()
                .filter(|p| p.len() > i + 1 && &p[..=i] == root)
                .map(|p| (p[i], p[i + 1]))
                .collect();
            let banned_nodes: HashSet<usize> = root[..i].iter().copied().collect();
            if let Some(spur_path) = bfs(adj, spur, t, &banned_nodes, &banned_links) {
                let mut total = root[..i].to_vec();
                total.extend(spur_path);
                if !found.contains(&total) {
                    candidates.insert((total.len(), total));
                }
            }
        }
        match candidates.pop_first() {
            Some((_, p)) => found.push(p),
            None => break,
        }
    }
    found
}

/// Shortest path by BFS avoiding some nodes and some directed links; neighbours are visited in
/// index order, so the result is deterministic. O(n + m).
fn bfs(
    adj: &[Vec<usize>],
    s: usize,
    t: usize,
    banned_nodes: &HashSet<usize>,
    banned_links: &HashSet<(usize, usize)>,
) -> Option<Vec<usize>> {
    let mut prev = vec![usize::MAX; adj.len()];
    prev[s] = s;
    let mut queue = VecDeque::from([s]);
    while let Some(u) = queue.pop_front() {
        if u == t {
            let mut path = vec![t];
            let mut v = t;
            while v != s {
                v = prev[v];
                path.push(v);
            }
            path.reverse();
            return Some(path);
        }
        for &v in &adj[u] {
            if prev[v] == usize::MAX
                && !banned_nodes.contains(&v)
                && !banned_links.contains(&(u, v))
            {
                prev[v] = u;
                queue.push_back(v);
            }
        }
    }
    None
}

/// A node named by its id, Chinese or English name, or an alias (exact match; names and
/// aliases ignore case and surrounding spaces). Errors name the candidates when ambiguous.
pub fn resolve_node(kg: &KnowledgeGraph, query: &str) -> Result<NodeIx, String> {
    let q = query.trim();
    if let Some(ix) = kg.node_ix(q) {
        return Ok(ix);
    }
    let lower = q.to_lowercase();
    let hits: Vec<NodeIx> = kg
        .node_indices()
        .filter(|&ix| {
            let n = kg.node(ix);
            std::iter::once(&n.name.zh)
                .chain(std::iter::once(&n.name.en))
                .chain(n.aliases.iter())
                .any(|s| !s.is_empty() && s.trim().to_lowercase() == lower)
        })
        .collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("no node with id, name or alias “{q}”")),
        many => Err(format!(
            "“{q}” is ambiguous: {}",
            many.iter()
                .map(|&ix| kg.node(ix).id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}
