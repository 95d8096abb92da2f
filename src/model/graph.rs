//! `KnowledgeGraph`: a validated `Dataset` plus a petgraph index over it.
//!
//! Node and edge weights are indices into `data.nodes` / `data.edges`, so the dataset stays the
//! single owner of facts; petgraph indices never leave memory.

use super::Dataset;
use foldhash::{HashMap, HashMapExt};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

pub type NodeIx = NodeIndex<u32>;
pub type EdgeIx = EdgeIndex<u32>;

#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    pub data: Dataset,
    /// Weights are positions in `data.nodes` / `data.edges`.
    pub graph: StableDiGraph<usize, usize>,
    ids: HashMap<String, NodeIx>,
}

impl KnowledgeGraph {
    /// Index a dataset. Edges whose endpoints are missing are skipped (validation reports them).
    pub fn build(data: Dataset) -> Self {
        let mut graph = StableDiGraph::with_capacity(data.nodes.len(), data.edges.len());
        let mut ids = HashMap::new();
        ids.reserve(data.nodes.len());
        for (i, n) in data.nodes.iter().enumerate() {
            let ix = graph.add_node(i);
            ids.entry(n.id.clone()).or_insert(ix);
        }
        for (i, e) in data.edges.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (ids.get(&e.from), ids.get(&e.to)) {
                graph.add_edge(a, b, i);
            }
        }
        KnowledgeGraph { data, graph, ids }
    }

    pub fn node_ix(&self, id: &str) -> Option<NodeIx> {
        self.ids.get(id).copied()
    }

    pub fn node(&self, ix: NodeIx) -> &super::Node {
        &self.data.nodes[self.graph[ix]]
    }

    pub fn edge(&self, ix: EdgeIx) -> &super::Edge {
        &self.data.edges[self.graph[ix]]
    }

    /// One past the largest node index (indices are dense: the graph is built, never shrunk).
    pub fn node_bound(&self) -> usize {
        petgraph::visit::NodeIndexable::node_bound(&self.graph)
    }

    pub fn edge_bound(&self) -> usize {
        petgraph::visit::EdgeIndexable::edge_bound(&self.graph)
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Node indices in data-file order.
    pub fn node_indices(&self) -> impl Iterator<Item = NodeIx> + '_ {
        self.graph.node_indices()
    }

    /// The year of an edge: its own, else the earliest date among the sources it cites.
    pub fn edge_year(&self, ix: EdgeIx) -> Option<i32> {
        let e = self.edge(ix);
        e.year.or_else(|| {
            e.cites
                .iter()
                .filter_map(|c| self.data.source(&c.source)?.year())
                .min()
        })
    }

    /// The year a node is first attested: its earliest cited source.
    pub fn node_year(&self, ix: NodeIx) -> Option<i32> {
        self.node(ix)
            .cites
            .iter()
            .filter_map(|c| self.data.source(&c.source)?.year())
            .min()
    }
}
