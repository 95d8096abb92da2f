//! Which nodes and edges are shown: hidden kinds and relations leave the view and the layout.

use crate::model::{EdgeIx, Kind, KnowledgeGraph, NodeIx, Relation};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub hidden_kinds: BTreeSet<Kind>,
    pub hidden_relations: BTreeSet<Relation>,
}

/// The result of applying a filter: masks indexed by node / edge index.
#[derive(Clone, Debug, Default)]
pub struct Visible {
    pub nodes: Vec<bool>,
    pub edges: Vec<bool>,
    pub node_count: usize,
    pub edge_count: usize,
}

impl Visible {
    pub fn node(&self, ix: NodeIx) -> bool {
        self.nodes.get(ix.index()).copied().unwrap_or(false)
    }
    pub fn edge(&self, ix: EdgeIx) -> bool {
        self.edges.get(ix.index()).copied().unwrap_or(false)
    }
}

pub fn visible_subgraph(kg: &KnowledgeGraph, filter: &Filter) -> Visible {
    let n = kg.node_bound();
    let mut nodes = vec![false; n];
    for ix in kg.node_indices() {
        nodes[ix.index()] = !filter.hidden_kinds.contains(&kg.node(ix).kind);
    }
    let mut edges = vec![false; kg.edge_bound()];
    for e in kg.graph.edge_indices() {
        if let Some((a, b)) = kg.graph.edge_endpoints(e) {
            edges[e.index()] = nodes[a.index()]
                && nodes[b.index()]
                && !filter.hidden_relations.contains(&kg.edge(e).rel);
        }
    }
    Visible {
        node_count: nodes.iter().filter(|v| **v).count(),
        edge_count: edges.iter().filter(|v| **v).count(),
        nodes,
        edges,
    }
}

/// A view from masks, with the counts filled in.
pub fn from_masks(nodes: Vec<bool>, edges: Vec<bool>) -> Visible {
    Visible {
        node_count: nodes.iter().filter(|v| **v).count(),
        edge_count: edges.iter().filter(|v| **v).count(),
        nodes,
        edges,
    }
}

/// The visible nodes for which `keep` holds, and the visible edges between two kept nodes.
/// O(n + m).
pub fn restrict(kg: &KnowledgeGraph, vis: &Visible, keep: impl Fn(NodeIx) -> bool) -> Visible {
    let mut nodes = vec![false; kg.node_bound()];
    for ix in kg.node_indices() {
        nodes[ix.index()] = vis.node(ix) && keep(ix);
    }
    let mut edges = vec![false; kg.edge_bound()];
    for e in (&kg.graph).edge_references() {
        edges[e.id().index()] =
            vis.edge(e.id()) && nodes[e.source().index()] && nodes[e.target().index()];
    }
    from_masks(nodes, edges)
}
