//! The typed knowledge graph: the serde schema of data files, kinds and relations and the
//! vocabulary that declares them, validation, the index kept in step with edits, and the shared
//! bottom pieces (label language, seeded RNG).
//! Knows nothing of egui or files.

mod appearance;
pub mod colour_vision;
mod dataset;
mod graph;
mod lang;
pub mod lint;
mod names;
pub mod passage;
mod rng;
pub mod validate;
mod vocab;
mod vocabulary;

pub use appearance::{Palette, Rgb, Shape};
pub use dataset::{Cite, Dataset, Edge, MAX_ELEMENTS, Node, Source};
pub use graph::{EdgeIx, KnowledgeGraph, NodeIx};
pub use lang::{LabelLang, ascii_slug, pinyin_keys};
pub use names::Names;
pub use rng::SplitMix64;
pub(crate) use vocab::RON_VALUES;
pub use vocab::{Kind, Relation};
pub use vocabulary::{KindDef, KindStyle, RelationDef, SHENZHEN_VOCABULARY, Vocabulary};
