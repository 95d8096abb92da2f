//! The SVG writer: caption band, the graph area (drawn from the canvas's scene, see
//! `graph.rs`), a legend band of the kinds shown and a footer naming the cited sources.

use super::bands::{cited_sources, footer, footer_height, footer_scale, header};
use super::graph::{Drawn, graph};
use super::scene::{FONT_FAMILY, Scene};
use super::shapes::shape_svg;
use super::text::{base64, text_width};
use super::xml::xml_escape;
use crate::model::{Kind, Vocabulary};
use crate::view::scene::legend_kinds;
use crate::view::style::{kind_label, kind_style};
use crate::view::theme::Palette;
use std::fmt::Write;

/// Fallbacks after the bundled font, for viewers that open a by-name SVG elsewhere.
const FALLBACKS: &str =
    "'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/// Render `scene` as a standalone SVG document of `scene.width`×`scene.height` pixels.
pub fn scene_to_svg(scene: &Scene) -> String {
    render_svg(scene).0
}

/// [`scene_to_svg`], also reporting what was drawn (nodes, labels, edges, camera, area).
pub fn render_svg(scene: &Scene) -> (String, Drawn) {
    let w = scene.width.max(16) as f32;
    let h = scene.height.max(16) as f32;
    // Everything is sized for 1600×900 and scaled with the image.
    let s = picture_scale(scene.width, scene.height);
    let pal = scene.theme.palette();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="'{FONT_FAMILY}', {FALLBACKS}">"#
    );
    out.push('\n');
    if scene.embed_font {
        let _ = writeln!(
            out,
            "<defs><style>@font-face {{ font-family: '{FONT_FAMILY}'; src: url(data:font/otf;base64,{}) format('opentype'); }}</style></defs>",
            base64(crate::view::fonts::BUNDLED_FONT)
        );
    }
    let _ = writeln!(
        out,
        r#"<rect x="0" y="0" width="{w}" height="{h}" fill="{}"/>"#,
        pal.background.hex()
    );

    let top = header(&mut out, scene, &pal, s, w);
    let sources = cited_sources(scene);
    let footer_h = footer_height(scene, &sources, s);
    let kinds = if scene.legend {
        legend_kinds(scene.kg, scene.visible)
    } else {
        Vec::new()
    };
    let legend = Legend::layout(scene, &pal, s, w, &kinds);
    let bottom = h - footer_h - legend.height;
    let drawn = graph(&mut out, scene, &pal, s, [0.0, top, w, bottom]);
    legend.write(&mut out, scene.kg.vocab(), &pal, s, bottom);
    if scene.footer {
        footer(&mut out, scene, &pal, s, w, h - footer_h, &sources);
    }
    out.push_str("</svg>\n");
    (out, drawn)
}

/// The scale of a `width`×`height` export relative to the 1600×900 it is designed at.
pub fn picture_scale(width: u32, height: u32) -> f32 {
    let (w, h) = (width.max(16) as f32, height.max(16) as f32);
    (w / 1600.0).min(h / 900.0).max(0.2)
}

/// The legend band: each kind shown as its shape and name, in rows across the image.
struct Legend {
    /// `(kind, label, x, row)` per entry.
    entries: Vec<(Kind, String, f32, usize)>,
    height: f32,
    size: f32,
}

impl Legend {
    fn layout(scene: &Scene, pal: &Palette, s: f32, w: f32, kinds: &[Kind]) -> Legend {
        let size = pal.small_size * s * footer_scale(scene);
        let pad = 18.0 * s;
        let (mut x, mut row) = (pad, 0);
        let mut entries = Vec::new();
        for k in kinds {
            let label = kind_label(scene.kg.vocab(), k, scene.lang);
            let width = size * 1.5 + text_width(&label, size) + size * 1.5;
            if x + width > w - pad && x > pad {
                (x, row) = (pad, row + 1);
            }
            entries.push((k.clone(), label, x, row));
            x += width;
        }
        let rows = entries.last().map_or(0, |e| e.3 + 1);
        let height = if rows == 0 {
            0.0
        } else {
            rows as f32 * size * 1.6 + 10.0 * s
        };
        Legend {
            entries,
            height,
            size,
        }
    }

    fn write(&self, out: &mut String, vocab: &Vocabulary, pal: &Palette, s: f32, y0: f32) {
        if self.entries.is_empty() {
            return;
        }
        let size = self.size;
        out.push_str("<g id=\"legend\">\n");
        for (kind, label, x, row) in &self.entries {
            let cy = y0 + 5.0 * s + size * 1.6 * (*row as f32 + 0.5);
            let (fill, shape) = kind_style(vocab, kind);
            let at = [x + size * 0.5, cy];
            shape_svg(
                out,
                shape,
                at,
                size * 0.42,
                &fill.hex(),
                &pal.outline.hex(),
                0.8 * s,
            );
            let _ = writeln!(
                out,
                r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" fill="{}">{}</text>"#,
                x + size * 1.5,
                cy + size * 0.36,
                pal.text.hex(),
                xml_escape(label)
            );
        }
        out.push_str("</g>\n");
    }
}
