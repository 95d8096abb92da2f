//! The typed knowledge graph: the serde schema of data files, kinds and relations and the vocabulary
//! that declares them, validation.
//! Knows nothing of egui or files.

mod appearance;
mod dataset;
mod graph;
pub mod validate;
mod vocab;
mod vocabulary;

pub use appearance::{Palette, Rgb, Shape};
pub use dataset::{Cite, Dataset, Edge, Names, Node, Source};
pub use graph::{EdgeIx, KnowledgeGraph, NodeIx};
pub(crate) use vocab::RON_VALUES;
pub use vocab::{Kind, Relation};
pub use vocabulary::{KindDef, KindStyle, RelationDef, SHENZHEN_VOCABULARY, Vocabulary};
