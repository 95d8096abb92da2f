//! The visible part of a graph re-indexed densely: the input of metrics, communities and paths.

use super::Visible;
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use petgraph::graph::{DiGraph, UnGraph};

/// The visible part of a graph, re-indexed densely (`0..n`) for the algorithms.
#[derive(Clone, Debug, Default)]
pub struct Compact {
    /// Dense index → graph node.
    pub nodes: Vec<NodeIx>,
    /// `NodeIx::index()` → dense index, `None` for hidden nodes.
    pub dense: Vec<Option<usize>>,
    /// Visible edges as (from, to, edge), dense endpoints; parallel edges and loops kept.
    pub edges: Vec<(usize, usize, EdgeIx)>,
}

impl Compact {
    /// The visible subgraph of `kg`: nodes with `vis.nodes`, edges with `vis.edges` whose two
    /// endpoints are visible. O(n + m).
    pub fn new(kg: &KnowledgeGraph, vis: &Visible) -> Self {
        let mut dense = vec![None; kg.node_bound()];
        let mut nodes = Vec::new();
        for ix in kg.node_indices() {
            if vis.node(ix) {
                dense[ix.index()] = Some(nodes.len());
                nodes.push(ix);
            }
        }
        let mut edges = Vec::new();
        // Data order, so that seeded results do not depend on the order edits left the graph in.
        for e in kg.edge_indices() {
            if !vis.edge(e) {
                continue;
            }
            if let Some((a, b)) = kg.graph.edge_endpoints(e)
                && let (Some(a), Some(b)) = (dense[a.index()], dense[b.index()])
            {
                edges.push((a, b, e));
            }
        }
        Compact {
            nodes,
            dense,
            edges,
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Distinct (from, to) pairs without self-loops, sorted; with `directed == false` each
    /// unordered pair once as (min, max).
    fn simple_pairs(&self, directed: bool) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = self
            .edges
            .iter()
            .filter(|(a, b, _)| a != b)
            .map(|&(a, b, _)| if directed || a < b { (a, b) } else { (b, a) })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    /// The underlying simple directed graph (no parallel edges, no loops).
    pub fn simple_directed(&self) -> DiGraph<(), ()> {
        let mut g = DiGraph::with_capacity(self.len(), self.edges.len());
        for _ in 0..self.len() {
            g.add_node(());
        }
        for (a, b) in self.simple_pairs(true) {
            g.add_edge((a as u32).into(), (b as u32).into(), ());
        }
        g
    }

    /// The underlying simple undirected graph (no parallel edges, no loops).
    pub fn simple_undirected(&self) -> UnGraph<(), ()> {
        let mut g = UnGraph::with_capacity(self.len(), self.edges.len());
        for _ in 0..self.len() {
            g.add_node(());
        }
        for (a, b) in self.simple_pairs(false) {
            g.add_edge((a as u32).into(), (b as u32).into(), ());
        }
        g
    }

    /// Undirected neighbour sets of the simple graph, sorted. O(m log m).
    pub fn undirected_neighbours(&self) -> Vec<Vec<usize>> {
        let mut adj = vec![Vec::new(); self.len()];
        for (a, b) in self.simple_pairs(false) {
            adj[a].push(b);
            adj[b].push(a);
        }
        for list in &mut adj {
            list.sort_unstable();
        }
        adj
    }
}
