//! Narrowing a view: keep the nodes that pass a test (and the edges between them) — by degree,
//! by source document, by search matches.

// Defined beside `Visible` so that `ego` can use them without importing this module back.
use super::Visible;
pub use super::filter::{from_masks, restrict};
use crate::model::{KnowledgeGraph, NodeIx};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

/// Total degree (in + out, parallel edges counted) of every node within the view, per
/// `NodeIx::index()`.
pub fn view_degrees(kg: &KnowledgeGraph, vis: &Visible) -> Vec<usize> {
    let mut deg = vec![0; kg.node_bound()];
    for e in (&kg.graph).edge_references() {
        if vis.edge(e.id()) && vis.node(e.source()) && vis.node(e.target()) {
            deg[e.source().index()] += 1;
            deg[e.target().index()] += 1;
        }
    }
    deg
}

/// Nodes whose degree within the view lies in `min..=max`, and the edges among them.
pub fn degree_range(kg: &KnowledgeGraph, vis: &Visible, min: usize, max: usize) -> Visible {
    let deg = view_degrees(kg, vis);
    restrict(kg, vis, |ix| (min..=max).contains(&deg[ix.index()]))
}

/// What one source document says: the visible edges it is cited for, the nodes it is cited for
/// and the endpoints of those edges.
pub fn from_source(kg: &KnowledgeGraph, vis: &Visible, source: &str) -> Visible {
    let cites = |c: &[crate::model::Cite]| c.iter().any(|c| c.source == source);
    let mut nodes = vec![false; kg.node_bound()];
    for ix in kg.node_indices() {
        nodes[ix.index()] = vis.node(ix) && cites(&kg.node(ix).cites);
    }
    let mut edges = vec![false; kg.edge_bound()];
    for e in (&kg.graph).edge_references() {
        let (a, b) = (e.source(), e.target());
        if vis.edge(e.id()) && vis.node(a) && vis.node(b) && cites(&kg.edge(e.id()).cites) {
            edges[e.id().index()] = true;
            nodes[a.index()] = true;
            nodes[b.index()] = true;
        }
    }
    from_masks(nodes, edges)
}

/// Search as a filter: the matches, with `neighbours` also their visible neighbours (either
/// direction), and the visible edges among them.
pub fn search_filter(
    kg: &KnowledgeGraph,
    vis: &Visible,
    matches: &[NodeIx],
    neighbours: bool,
) -> Visible {
    let radius = usize::from(neighbours);
    let dist = super::ego::ego_distances(kg, vis, matches, radius, super::ego::EgoDirection::Both);
    restrict(kg, vis, |ix| dist[ix.index()].is_some())
}
