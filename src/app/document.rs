//! The open document: the graph, where it came from, and what is derived from it once.

use crate::analysis::SearchIndex;
use crate::model::{Dataset, KnowledgeGraph};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    File(PathBuf),
    /// The copy of the Shenzhen graph compiled into the binary.
    Embedded,
}

pub struct Document {
    pub kg: KnowledgeGraph,
    pub origin: Origin,
    pub search: SearchIndex,
    /// Undirected degree per node index (self-loops counted once).
    pub degree: Vec<u32>,
}

impl Document {
    pub fn new(data: Dataset, origin: Origin) -> Self {
        let kg = KnowledgeGraph::build(data);
        let search = SearchIndex::build(&kg);
        let mut degree = vec![0u32; kg.node_bound()];
        for e in kg.graph.edge_indices() {
            if let Some((a, b)) = kg.graph.edge_endpoints(e) {
                degree[a.index()] += 1;
                if a != b {
                    degree[b.index()] += 1;
                }
            }
        }
        Document {
            kg,
            origin,
            search,
            degree,
        }
    }

    pub fn path(&self) -> Option<&PathBuf> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Embedded => None,
        }
    }

    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::File(p) => p.display().to_string(),
            Origin::Embedded => "shenzhen.ron (built in)".into(),
        }
    }
}
