//! The canvas and the exports: camera, the scene (what a picture shows: visibility, emphasis,
//! label ranking and placement), the style table (kinds, sizes, themes), hit-testing, and the
//! two renderers of one scene, egui on screen and SVG/PNG in `export`.
//! It reports what the user did as `Command`s and never changes the graph.

pub mod annotations;
pub mod appearance;
mod appearance_values;
mod batch;
mod briefing;
mod camera;
mod canvas;
mod canvas_a11y;
mod canvas_follow;
mod canvas_notes;
mod cull;
mod draw;
pub mod export;
mod focus_overlay;
pub mod fonts;
pub mod geo_backdrop;
mod gpu;
mod gpu_draw;
mod gpu_gl;
#[cfg(test)]
mod gpu_parity;
mod gpu_scene;
mod graph_cache;
pub mod group_fold;
mod group_scene;
pub mod groups;
mod hit;
pub mod keynav;
mod minimap;
pub mod overlay;
mod scene;
mod selection;
mod spatial;
mod style;
pub mod theme;

pub use briefing::{Briefing, ViewDraft};
pub use camera::Camera;
pub use canvas::{CanvasInput, CanvasOutput, CanvasState, canvas_id, canvas_ui, screen_palette};
pub use canvas_a11y::{node_description, relation_text};
pub use focus_overlay::compute_overlay;
pub use hit::{hit_edge, hit_node};
pub use keynav::{Direction, KeyFocus};
pub use minimap::minimap_ui;
pub use scene::legend_kinds;
pub use selection::Selection;
pub use style::{
    LabelLang, Outline, Shape, draw_shape, kind_color, kind_label, kind_shape, kind_style,
    node_label, node_radius, outline, relation_label, screen_radius,
};
pub use theme::{Paint, Palette, Theme};
