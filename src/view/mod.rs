//! The canvas: camera, node styles, hit-testing, level of detail, labels and drawing.
//! It reports what the user did as `Command`s and never changes the graph.

mod camera;
mod canvas;
pub mod export;
mod hit;
mod labels;
mod minimap;
pub mod overlay;
mod style;

pub use camera::Camera;
pub use canvas::{CanvasInput, CanvasOutput, CanvasState, canvas_ui, node_radius, relation_label};
pub use hit::{hit_edge, hit_node};
pub use minimap::minimap_ui;
pub use style::{LabelLang, Shape, draw_shape, kind_color, kind_shape};
