//! The SVG writer: caption band, the graph area (drawn from the canvas's scene, see
//! `graph.rs`), a legend band of the kinds shown and a footer naming the cited sources.

use super::bands::{cited_sources, footer, footer_height, footer_scale, header};
use super::graph::{Drawn, graph};
use super::legend::Legend;
use super::scene::{FONT_FAMILY, Scene};
use super::text::base64;
use crate::view::appearance::{effective, resolve};
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
    // One resolution of the appearance for the graph area and its legend.
    let styled = effective(scene.kg, scene.appearance)
        .map(|a| resolve(scene.kg, scene.visible, &a, scene.lang));
    let legend = Legend::layout(scene, styled.as_ref(), &pal, s, w, footer_scale(scene));
    let bottom = h - footer_h - legend.height;
    let drawn = graph(
        &mut out,
        scene,
        styled.as_ref(),
        &pal,
        s,
        [0.0, top, w, bottom],
    );
    legend.write(&mut out, &pal, s, bottom);
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
