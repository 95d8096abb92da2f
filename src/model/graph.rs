//! `KnowledgeGraph`: a validated `Dataset` plus a petgraph index over it.
//!
//! Node and edge weights are indices into `data.nodes` / `data.edges`, so the dataset stays the
//! single owner of facts; petgraph indices never leave memory. Edits (`edit.rs`) update the
//! index in place: graph indices stay stable (a removed node leaves a hole), and the two
//! position maps give the graph index of each data position.

mod edit;

use super::{Dataset, Vocabulary};
use foldhash::fast::RandomState;
use hashbrown::HashTable;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use rayon::prelude::*;
use std::hash::BuildHasher;

pub type NodeIx = NodeIndex<u32>;
pub type EdgeIx = EdgeIndex<u32>;

#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    pub data: Dataset,
    /// Weights are positions in `data.nodes` / `data.edges`.
    pub graph: StableDiGraph<usize, usize>,
    /// Graph node indices keyed by the hash of their id, compared against the node's id in
    /// `data`: the index borrows the dataset's strings instead of copying every id.
    ids: HashTable<u32>,
    hasher: RandomState,
    /// The vocabulary the data is drawn with: declared (or shipped) plus kinds found in it.
    vocab: Vocabulary,
    /// Graph index of `data.nodes[i]`.
    node_at: Vec<NodeIx>,
    /// Graph index of `data.edges[i]`; `None` for an edge whose endpoints are missing.
    edge_at: Vec<Option<EdgeIx>>,
    /// Every id is unique and every edge has both endpoints: only then can edits update the
    /// index in place and match a rebuild (otherwise which duplicate wins depends on order).
    regular: bool,
}

impl KnowledgeGraph {
    /// Index a dataset. Edges whose endpoints are missing are skipped (validation reports them).
    pub fn build(data: Dataset) -> Self {
        Self::build_resolved(data, None)
    }

    /// `build`, with each edge's endpoints already resolved to data positions by validation
    /// (`validate::Validation::ends`): a million-node file then looks every id up once, not
    /// twice. Ignored unless there is one pair per edge.
    pub fn build_resolved(data: Dataset, ends: Option<Vec<[u32; 2]>>) -> Self {
        let ends = ends.filter(|e| e.len() == data.edges.len());
        // The drawing vocabulary needs a pass over every element: do it beside the indexing.
        let (vocab, (graph, ids, hasher, edge_at, regular)) = rayon::join(
            || Vocabulary::for_dataset(&data),
            || Self::index(&data, ends),
        );
        let node_at = (0..data.nodes.len()).map(NodeIx::new).collect();
        KnowledgeGraph {
            data,
            graph,
            ids,
            hasher,
            vocab,
            node_at,
            edge_at,
            regular,
        }
    }

    /// The petgraph graph (graph index i = data position i), the id index, edge positions, and
    /// whether ids are unique and every edge has both ends.
    #[allow(clippy::type_complexity)]
    fn index(
        data: &Dataset,
        resolved: Option<Vec<[u32; 2]>>,
    ) -> (
        StableDiGraph<usize, usize>,
        HashTable<u32>,
        RandomState,
        Vec<Option<EdgeIx>>,
        bool,
    ) {
        let mut graph = StableDiGraph::with_capacity(data.nodes.len(), data.edges.len());
        let hasher = RandomState::default();
        let mut ids = HashTable::with_capacity(data.nodes.len());
        let mut regular = true;
        let nodes = &data.nodes;
        // Hashing ids and resolving edge endpoints are independent per element: done in
        // parallel (a million nodes and two million edges), only the inserts are sequential.
        let hashes: Vec<u64> = nodes
            .par_iter()
            .with_min_len(4096)
            .map(|n| hasher.hash_one(n.id.as_str()))
            .collect();
        // While building, graph index i is data position i.
        for (i, n) in nodes.iter().enumerate() {
            graph.add_node(i);
            // The first node with an id wins (validation reports the others).
            match ids.entry(
                hashes[i],
                |&j: &u32| nodes[j as usize].id == n.id,
                |&j: &u32| hashes[j as usize],
            ) {
                hashbrown::hash_table::Entry::Vacant(v) => {
                    v.insert(i as u32);
                }
                hashbrown::hash_table::Entry::Occupied(_) => regular = false,
            }
        }
        let find = |id: &str| {
            ids.find(hasher.hash_one(id), |&j| nodes[j as usize].id == id)
                .map(|&j| NodeIx::new(j as usize))
        };
        let n = nodes.len();
        let ends: Vec<(Option<NodeIx>, Option<NodeIx>)> = match resolved {
            Some(r) => r
                .par_iter()
                .with_min_len(4096)
                .map(|&[a, b]| {
                    let at = |k: u32| ((k as usize) < n).then(|| NodeIx::new(k as usize));
                    (at(a), at(b))
                })
                .collect(),
            None => data
                .edges
                .par_iter()
                .with_min_len(4096)
                .map(|e| (find(&e.from), find(&e.to)))
                .collect(),
        };
        drop(hashes);
        let mut edge_at = Vec::with_capacity(data.edges.len());
        for (i, ends) in ends.into_iter().enumerate() {
            if let (Some(a), Some(b)) = ends {
                edge_at.push(Some(graph.add_edge(a, b, i)));
            } else {
                edge_at.push(None);
                regular = false;
            }
        }
        (graph, ids, hasher, edge_at, regular)
    }

    /// Undirected degree per node index, self-loops counted once (what node sizes follow).
    pub fn undirected_degree(&self) -> Vec<u32> {
        let mut degree = vec![0u32; self.node_bound()];
        for e in self.graph.edge_indices() {
            if let Some((a, b)) = self.graph.edge_endpoints(e) {
                degree[a.index()] += 1;
                if a != b {
                    degree[b.index()] += 1;
                }
            }
        }
        degree
    }

    /// Labels, colours, shapes and layers of the kinds and relations of this graph.
    pub fn vocab(&self) -> &Vocabulary {
        &self.vocab
    }

    /// True when ids are unique and every edge has both endpoints (see `regular`).
    pub fn is_regular(&self) -> bool {
        self.regular
    }

    /// Graph index of the node at position `index` of `data.nodes`.
    pub fn node_at(&self, index: usize) -> Option<NodeIx> {
        self.node_at.get(index).copied()
    }

    /// Graph index of the edge at position `index` of `data.edges` (`None` also when the edge
    /// was skipped for a missing endpoint).
    pub fn edge_at(&self, index: usize) -> Option<EdgeIx> {
        self.edge_at.get(index).copied().flatten()
    }

    pub fn node_ix(&self, id: &str) -> Option<NodeIx> {
        self.ids
            .find(self.hasher.hash_one(id), |&j| self.id_of(j) == Some(id))
            .map(|&j| NodeIx::new(j as usize))
    }

    /// The id of graph node `j`, for the id index.
    fn id_of(&self, j: u32) -> Option<&str> {
        let at = *self.graph.node_weight(NodeIx::new(j as usize))?;
        self.data.nodes.get(at).map(|n| n.id.as_str())
    }

    pub fn node(&self, ix: NodeIx) -> &super::Node {
        &self.data.nodes[self.graph[ix]]
    }

    pub fn edge(&self, ix: EdgeIx) -> &super::Edge {
        &self.data.edges[self.graph[ix]]
    }

    /// One past the largest node index. Indices are dense after `build`; edits leave holes
    /// where nodes were removed (a hole is not in `node_indices`).
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

    /// Node indices in data-file order (also after edits, so that whatever iterates them gives
    /// the same result as on the data reloaded).
    pub fn node_indices(&self) -> impl Iterator<Item = NodeIx> + '_ {
        self.node_at.iter().copied()
    }

    /// Edge indices in data-file order (edges skipped for a missing endpoint left out).
    pub fn edge_indices(&self) -> impl Iterator<Item = EdgeIx> + '_ {
        self.edge_at.iter().filter_map(|e| *e)
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
