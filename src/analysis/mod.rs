//! Questions asked of the graph: search, neighbourhoods, filtering. Free functions over
//! `KnowledgeGraph` / petgraph, no egui.

mod filter;
mod neighbours;
mod search;

pub use filter::{visible_subgraph, Filter, Visible};
pub use neighbours::{neighbour_groups, neighbours, NeighbourGroup};
pub use search::{pinyin_keys, SearchHit, SearchIndex};
