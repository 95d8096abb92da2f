//! Annotations in an export: the placement the canvas uses (`view::annotations`), as SVG
//! shapes and text.

use super::xml::xml_escape;
use crate::io::views::AnnotationShape;
use crate::view::annotations::{Placed, line_baseline};
use crate::view::theme::Palette;
use std::fmt::Write;

pub(super) fn annotations_svg(out: &mut String, placed: &[Placed], pal: &Palette, s: f32) {
    if placed.is_empty() {
        return;
    }
    let size = pal.label_size * s;
    let ink = pal.accent.hex();
    let sw = 1.5 * s;
    out.push_str("<g id=\"annotations\">\n");
    for p in placed {
        if let Some((a, b)) = p.leader {
            let _ = write!(
                out,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{ink}" stroke-width="{sw:.2}"/>"#,
                a.x, a.y, b.x, b.y
            );
        }
        let r = p.rect;
        let _ = match p.shape {
            AnnotationShape::Note => write!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{:.1}" fill="{}" stroke="{ink}" stroke-width="{sw:.2}"/>"#,
                r.min.x,
                r.min.y,
                r.width(),
                r.height(),
                4.0 * s,
                pal.halo.hex()
            ),
            AnnotationShape::Rect => write!(
                out,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{:.1}" fill="{ink}" fill-opacity="0.07" stroke="{ink}" stroke-width="{sw:.2}"/>"#,
                r.min.x,
                r.min.y,
                r.width(),
                r.height(),
                6.0 * s
            ),
            AnnotationShape::Circle => write!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="{ink}" stroke-width="{sw:.2}"/>"#,
                r.center().x,
                r.center().y,
                r.width().min(r.height()) * 0.5
            ),
        };
        for (k, line) in p.lines.iter().enumerate() {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" text-anchor="middle" fill="{}">{}</text>"#,
                r.center().x,
                line_baseline(p, k, size),
                pal.text.hex(),
                xml_escape(line)
            );
        }
        out.push('\n');
    }
    out.push_str("</g>\n");
}
