//! Kind shapes as SVG elements, from the same geometry (`style::outline`) the canvas draws.

use crate::view::style::{Outline, Shape, outline};
use std::fmt::Write;

/// A kind shape as SVG: the geometry of `style::outline`, as the canvas draws it.
pub(super) fn shape_svg(
    out: &mut String,
    shape: Shape,
    c: [f32; 2],
    r: f32,
    fill: &str,
    stroke: &str,
    sw: f32,
) {
    let paint = format!(r#"fill="{fill}" stroke="{stroke}" stroke-width="{sw:.2}""#);
    let _ = match outline(shape, c, r) {
        Outline::Circle { c, r } => write!(
            out,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" {paint}/>"#,
            c[0], c[1]
        ),
        Outline::Ring { c, r, inner, width } => write!(
            out,
            r##"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" {paint}/><circle cx="{:.1}" cy="{:.1}" r="{inner:.1}" fill="none" stroke="#000000" stroke-opacity="{}" stroke-width="{width:.2}"/>"##,
            c[0],
            c[1],
            c[0],
            c[1],
            crate::view::style::RING_ALPHA,
        ),
        Outline::Polygon(pts) => {
            let pts: Vec<String> = pts
                .iter()
                .map(|p| format!("{:.1},{:.1}", p[0], p[1]))
                .collect();
            write!(out, r#"<polygon points="{}" {paint}/>"#, pts.join(" "))
        }
    };
}
