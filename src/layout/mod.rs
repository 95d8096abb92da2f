//! Layout engines: pure functions of a graph and parameters, seeded, no egui.
//!
//! Engines work on a `LayoutGraph` (dense indices, active mask, edge list) and mutate
//! `Positions` in place, one `step` at a time, so the caller decides how much work a frame does.

mod force;
mod graph;
mod positions;
mod quadtree;

pub use force::{ForceLayout, ForceParams};
pub use graph::LayoutGraph;
pub use positions::{Positions, SplitMix64};
