//! `KnowledgeGraph`: a validated `Dataset` plus a petgraph index over it.
//!
//! Node and edge weights are indices into `data.nodes` / `data.edges`, so the dataset stays the
//! single owner of facts; petgraph indices never leave memory.

use super::{Dataset, Vocabulary};
use foldhash::fast::RandomState;
use hashbrown::HashTable;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use std::hash::BuildHasher;

pub type NodeIx = NodeIndex<u32>;
pub type EdgeIx = EdgeIndex<u32>;

#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    pub data: Dataset,
    /// Weights are positions in `data.nodes` / `data.edges`.
    pub graph: StableDiGraph<usize, usize>,
    /// Node positions keyed by the hash of their id, compared against `data.nodes[i].id`: the
    /// index borrows the dataset's strings instead of copying every id.
    ids: HashTable<u32>,
    hasher: RandomState,
    /// The vocabulary the data is drawn with: declared (or shipped) plus kinds found in it.
    vocab: Vocabulary,
}

impl KnowledgeGraph {
    /// Index a dataset. Edges whose endpoints are missing are skipped (validation reports them).
    pub fn build(data: Dataset) -> Self {
        let mut graph = StableDiGraph::with_capacity(data.nodes.len(), data.edges.len());
        let hasher = RandomState::default();
        let mut ids = HashTable::with_capacity(data.nodes.len());
        let nodes = &data.nodes;
        for (i, n) in nodes.iter().enumerate() {
            graph.add_node(i);
            let h = hasher.hash_one(n.id.as_str());
            // The first node with an id wins (validation reports the others).
            if let hashbrown::hash_table::Entry::Vacant(v) = ids.entry(
                h,
                |&j: &u32| nodes[j as usize].id == n.id,
                |&j: &u32| hasher.hash_one(nodes[j as usize].id.as_str()),
            ) {
                v.insert(i as u32);
            }
        }
        let find = |id: &str| {
            ids.find(hasher.hash_one(id), |&j| nodes[j as usize].id == id)
                .map(|&j| NodeIx::new(j as usize))
        };
        for (i, e) in data.edges.iter().enumerate() {
            if let (Some(a), Some(b)) = (find(&e.from), find(&e.to)) {
                graph.add_edge(a, b, i);
            }
        }
        let vocab = Vocabulary::for_dataset(&data);
        KnowledgeGraph {
            data,
            graph,
            ids,
            hasher,
            vocab,
        }
    }

    /// Labels, colours, shapes and layers of the kinds and relations of this graph.
    pub fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    pub fn node_ix(&self, id: &str) -> Option<NodeIx> {
        let nodes = &self.data.nodes;
        self.ids
            .find(self.hasher.hash_one(id), |&j| nodes[j as usize].id == id)
            .map(|&j| NodeIx::new(j as usize))
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
