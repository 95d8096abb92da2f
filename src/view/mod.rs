//! The canvas: camera, node styles, hit-testing, level of detail, labels and drawing.
//! It reports what the user did as `Command`s and never changes the graph.

mod batch;
mod briefing;
mod camera;
mod canvas;
mod cull;
mod draw;
pub mod export;
mod focus_overlay;
pub mod geo_backdrop;
mod gpu;
mod graph_cache;
mod hit;
mod labels;
mod minimap;
pub mod overlay;
mod selection;
mod spatial;
mod style;

pub use briefing::{Briefing, ViewDraft};
pub use camera::Camera;
pub use canvas::{CanvasInput, CanvasOutput, CanvasState, canvas_ui, node_radius, relation_label};
pub use focus_overlay::compute_overlay;
pub use hit::{hit_edge, hit_node};
pub use minimap::minimap_ui;
pub use selection::Selection;
pub use style::{LabelLang, Shape, draw_shape, kind_color, kind_label, kind_shape};
