//! What every frame reads about the graph, flattened once per graph or filter change: the
//! visible nodes, the visible edges as endpoint-index triples, each node's kind style and base
//! radius. Walking petgraph's `StableGraph` and the `Dataset` per node and per edge every frame
//! cost random reads into large structs; these arrays are small and read in order.

use super::canvas::node_radius;
use super::style::{Shape, kind_color, kind_shape};
use crate::analysis::Visible;
use crate::model::KnowledgeGraph;
use egui::Color32;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

/// Cheap facts that change whenever the graph or the visible set does; a mismatch rebuilds the
/// cache even when the app forgot to call [`GraphCache::invalidate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    node_bound: usize,
    edge_bound: usize,
    nodes: usize,
    edges: usize,
    visible_nodes: usize,
    visible_edges: usize,
    degree_len: usize,
}

#[derive(Clone, Debug, Default)]
pub struct GraphCache {
    key: Option<Key>,
    /// Visible node indices, ascending.
    pub nodes: Vec<u32>,
    /// Visible edges `[source, target, edge index]`, by ascending edge index (the order the
    /// `StableGraph` iterates them, so drawing order is unchanged).
    pub edges: Vec<[u32; 3]>,
    /// Kind colour and shape per node index.
    pub style: Vec<(Color32, Shape)>,
    /// World radius per node index (from its degree), before overlay scale and zoom.
    pub radius: Vec<f32>,
}

impl GraphCache {
    /// Forget the cache: the app calls this whenever the document or the filter changed.
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// Make the cache describe `kg` as filtered by `visible`; rebuilds only when stale.
    pub fn update(&mut self, kg: &KnowledgeGraph, visible: &Visible, degree: &[u32]) {
        let key = Key {
            node_bound: kg.node_bound(),
            edge_bound: kg.edge_bound(),
            nodes: kg.graph.node_count(),
            edges: kg.graph.edge_count(),
            visible_nodes: visible.node_count,
            visible_edges: visible.edge_count,
            degree_len: degree.len(),
        };
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.nodes.clear();
        self.nodes.extend(
            kg.node_indices()
                .filter(|ix| visible.node(*ix))
                .map(|ix| ix.index() as u32),
        );
        self.edges.clear();
        self.edges.extend(
            kg.graph
                .edge_references()
                .filter(|er| visible.edge(er.id()))
                .map(|er| {
                    [
                        er.source().index() as u32,
                        er.target().index() as u32,
                        er.id().index() as u32,
                    ]
                }),
        );
        let n = kg.node_bound();
        self.style.clear();
        self.style.resize(n, (Color32::GRAY, Shape::Circle));
        self.radius.clear();
        self.radius.resize(n, node_radius(0));
        for ix in kg.node_indices() {
            let kind = &kg.node(ix).kind;
            self.style[ix.index()] = (kind_color(kind), kind_shape(kind));
            self.radius[ix.index()] = node_radius(degree.get(ix.index()).copied().unwrap_or(0));
        }
    }
}
