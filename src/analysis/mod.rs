//! Questions asked of the graph: search, neighbourhoods, filtering. Free functions over
//! `KnowledgeGraph` / petgraph, no egui.

pub mod census;
pub mod communities;
mod compact;
pub mod coverage;
pub mod ego;
mod filter;
pub mod focus;
pub mod groups;
#[cfg(test)]
mod groups_tests;
pub mod masks;
pub mod metrics;
mod neighbours;
pub mod paths;
mod search;
pub mod sentences;
pub mod timeline;

pub use filter::{Filter, Visible, visible_subgraph};
pub use neighbours::{NeighbourGroup, neighbour_groups, neighbours};
pub use search::{SearchHit, SearchIndex, pinyin_keys};
