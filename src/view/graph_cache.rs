//! What every frame reads about the graph, flattened once per graph or filter change: the
//! visible nodes, the visible edges as endpoint-index triples, each node's kind style and base
//! radius. Walking petgraph's `StableGraph` and the `Dataset` per node and per edge every frame
//! cost random reads into large structs; these arrays are small and read in order.

use super::appearance::Styled;
use super::style::{Shape, kind_style, node_radius};
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
    /// Which resolved appearance the styles come from (0: the kinds').
    styled: u64,
}

#[derive(Clone, Debug, Default)]
pub struct GraphCache {
    key: Option<Key>,
    /// Counts rebuilds: whoever copied these arrays (the GPU) copies again when it changes.
    pub generation: u64,
    /// Visible node indices, ascending.
    pub nodes: Vec<u32>,
    /// Visible edges `[source, target, edge index]`, by ascending edge index (the order the
    /// `StableGraph` iterates them, so drawing order is unchanged).
    pub edges: Vec<[u32; 3]>,
    /// Kind colour and shape per node index.
    pub style: Vec<(Color32, Shape)>,
    /// World radius per node index (from its degree), before overlay scale and zoom.
    pub radius: Vec<f32>,
    /// Colour and width multiplier per edge index when an appearance maps edges (else empty):
    /// such edges are drawn one by one with their own look.
    pub edge_look: Vec<Option<(Color32, f32)>>,
}

impl GraphCache {
    /// Forget the cache: the app calls this whenever the document or the filter changed.
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// Make the cache describe `kg` as filtered by `visible`; rebuilds only when stale.
    #[cfg(test)]
    pub fn update(&mut self, kg: &KnowledgeGraph, visible: &Visible, degree: &[u32]) {
        self.update_styled(kg, visible, degree, None);
    }

    /// [`GraphCache::update`] with the looks of a resolved appearance `(styles, stamp)`; a new
    /// stamp rebuilds.
    pub fn update_styled(
        &mut self,
        kg: &KnowledgeGraph,
        visible: &Visible,
        degree: &[u32],
        styled: Option<(&Styled, u64)>,
    ) {
        let key = Key {
            node_bound: kg.node_bound(),
            edge_bound: kg.edge_bound(),
            nodes: kg.graph.node_count(),
            edges: kg.graph.edge_count(),
            visible_nodes: visible.node_count,
            visible_edges: visible.edge_count,
            degree_len: degree.len(),
            styled: styled.map_or(0, |s| s.1),
        };
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.generation += 1;
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
            let (paint, shape) = kind_style(kg.vocab(), kind);
            self.style[ix.index()] = (paint.color32(), shape);
            self.radius[ix.index()] = node_radius(degree.get(ix.index()).copied().unwrap_or(0));
        }
        self.edge_look.clear();
        let Some((st, _)) = styled else {
            return;
        };
        for (i, slot) in self.style.iter_mut().enumerate() {
            if let Some(c) = st.node_fill.get(i) {
                slot.0 = *c;
            }
            if let Some(s) = st.node_shape.get(i) {
                slot.1 = *s;
            }
        }
        for (r, s) in self.radius.iter_mut().zip(&st.node_radius) {
            *r = *s;
        }
        if !st.edge_color.is_empty() || !st.edge_width.is_empty() {
            self.edge_look = (0..kg.edge_bound())
                .map(|i| {
                    let c = st.edge_color.get(i).copied().flatten();
                    let w = st.edge_width.get(i).copied();
                    (c.is_some() || w.is_some())
                        .then(|| (c.unwrap_or(Color32::TRANSPARENT), w.unwrap_or(1.0)))
                })
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Filter, visible_subgraph};
    use crate::io::{EMBEDDED_SHENZHEN, parse_dataset};
    use crate::model::EdgeIx;
    use crate::view::style::{kind_color, kind_shape};

    fn visible_edges(kg: &KnowledgeGraph, vis: &Visible) -> Vec<[u32; 3]> {
        kg.graph
            .edge_indices()
            .filter(|e| vis.edge(*e))
            .filter_map(|e| {
                let (a, b) = kg.graph.edge_endpoints(e)?;
                Some([a.index() as u32, b.index() as u32, e.index() as u32])
            })
            .collect()
    }

    #[test]
    fn lists_the_visible_edges_in_order_and_rebuilds_when_invalidated() {
        let kg = KnowledgeGraph::build(parse_dataset(EMBEDDED_SHENZHEN, "embedded").unwrap());
        let first = kg.node_indices().next().unwrap();
        let mut filter = Filter::default();
        filter.hidden_kinds.insert(kg.node(first).kind.clone());
        let mut vis = visible_subgraph(&kg, &filter);
        let degree: Vec<u32> = (0..kg.node_bound() as u32).collect();
        let mut cache = GraphCache::default();
        cache.update(&kg, &vis, &degree);
        let want = visible_edges(&kg, &vis);
        assert!(!want.is_empty() && want.len() < kg.graph.edge_count());
        assert_eq!(cache.edges, want);
        assert!(!cache.nodes.contains(&(first.index() as u32)));
        assert_eq!(cache.nodes.len(), vis.node_count);
        let (color, shape) = cache.style[first.index()];
        assert_eq!(color, kind_color(kg.vocab(), &kg.node(first).kind));
        assert_eq!(shape, kind_shape(kg.vocab(), &kg.node(first).kind));
        assert_eq!(cache.radius[5], node_radius(5));

        // Swap which edge is visible without changing any count: only an explicit
        // invalidation (what the app does after every change) makes the cache notice.
        let shown = want[0][2] as usize;
        let hidden = (0..vis.edges.len())
            .find(|&e| !vis.edges[e] && kg.graph.edge_endpoints(EdgeIx::new(e)).is_some())
            .unwrap();
        vis.edges[shown] = false;
        vis.edges[hidden] = true;
        cache.update(&kg, &vis, &degree);
        assert_eq!(cache.edges, want, "counts unchanged: the cache is kept");
        cache.invalidate();
        cache.update(&kg, &vis, &degree);
        assert_eq!(cache.edges, visible_edges(&kg, &vis));
        assert_ne!(cache.edges, want);
    }
}
