//! Layout engines: pure functions of a graph and parameters, seeded, no egui.
//!
//! Engines work on a `LayoutGraph` (dense indices, active mask, edge list) and mutate
//! `Positions` in place, one `step` at a time, so the caller decides how much work a frame does.
//! Fixed arrangements (layered, radial, circular) return fresh `Positions`.

mod arrange;
mod force;
mod generate;
pub mod geo;
mod graph;
mod incremental;
mod kind;
mod multilevel;
mod overlap;
mod positions;
mod quadtree;
pub mod quality;
mod session;
pub mod worker;

pub use arrange::{blend, circular, layered, radial};
pub use force::{ForceLayout, ForceParams};
pub use generate::barabasi_albert;
pub use geo::{GeoPlacement, Projection, arrange_geographic, geographic};
pub use graph::LayoutGraph;
pub use incremental::changed_between;
pub use multilevel::{multilevel_start, multilevel_start_with};
pub use overlap::{affected, place_near_neighbours, remove_overlaps};
pub use positions::{Positions, SplitMix64};
pub use session::{INCREMENTAL_HOPS, LayoutKind, LayoutSession, MULTILEVEL_NODES, Tick};
