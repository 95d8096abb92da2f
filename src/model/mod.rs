//! The typed knowledge graph: the serde schema of data files, kinds and relations, validation.
//! Knows nothing of egui or files.

mod dataset;
mod graph;
pub mod validate;
mod vocab;

pub use dataset::{Cite, Dataset, Edge, Names, Node, Source};
pub use graph::{EdgeIx, KnowledgeGraph, NodeIx};
pub use vocab::{Kind, Relation};
