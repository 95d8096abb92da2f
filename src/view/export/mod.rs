//! Export of a scene (the graph as a view shows it) to SVG and PNG, headless and identical
//! everywhere: labels are SVG text in the bundled CJK font, PNGs are rendered by resvg with a
//! font database that holds only that font.
//!
//! Typical use: `apply_view(kg, view)` → `Scene::from_view(...)` → `scene_to_svg` → `svg_to_png`.

mod apply;
mod arrange;
mod bands;
mod graph;
mod legend;
mod notes;
mod png;
mod scene;
mod shapes;
mod svg;
mod text;
mod xml;

pub use apply::{AppliedView, apply_view, caption_lines};
pub use arrange::arranged;
pub use graph::Drawn;
pub use png::{svg_to_pixmap, svg_to_png};
pub use scene::{FIT_MARGIN, FONT_FAMILY, Scene, Theme, fit_camera, view_camera};
pub use svg::{picture_scale, render_svg, scene_to_svg};
