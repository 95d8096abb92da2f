//! Questions asked of the graph: search, neighbourhoods, filtering. Free functions over
//! `KnowledgeGraph` / petgraph, no egui.

mod filter;
mod neighbours;
mod search;

pub use filter::{Filter, Visible, visible_subgraph};
pub use neighbours::{NeighbourGroup, neighbour_groups, neighbours};
pub use search::{SearchHit, SearchIndex, pinyin_keys};
