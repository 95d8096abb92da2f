//! The canvas: camera, node styles, hit-testing, level of detail, labels and drawing.
//! It reports what the user did as `Command`s and never changes the graph.

mod batch;
mod camera;
mod canvas;
mod cull;
mod draw;
pub mod export;
pub mod geo_backdrop;
mod gpu;
mod graph_cache;
mod hit;
mod labels;
mod minimap;
pub mod overlay;
mod spatial;
mod style;

pub use camera::Camera;
pub use canvas::{CanvasInput, CanvasOutput, CanvasState, canvas_ui, node_radius, relation_label};
pub use hit::{hit_edge, hit_node};
pub use minimap::minimap_ui;
pub use style::{LabelLang, Shape, draw_shape, kind_color, kind_shape};
