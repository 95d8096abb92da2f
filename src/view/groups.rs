//! Collapsed groups drawn: aggregated edges (thicker with more member edges, labelled with
//! their count and relations) and the ring that marks a meta-node, on the canvas and in SVG,
//! from the overlay's [`GroupScene`](super::group_scene::GroupScene).

pub use super::group_scene::{AggLook, GroupLook, GroupScene, agg_text, meta_scale, title_text};
use super::scene::Frame;
use super::theme::Paint;
use crate::model::NodeIx;
use egui::{Painter, Pos2, Stroke};

/// An aggregated edge as drawn: ends on the rims of its nodes, width, paint, and its label
/// (count and relations) when it is shown. The canvas and the SVG export both draw these.
pub struct AggShape {
    pub start: Pos2,
    pub end: Pos2,
    pub width: f32,
    pub paint: Paint,
    pub label: Option<(Pos2, String)>,
}

/// The aggregated edges of `f` that show, with their shapes.
pub fn agg_shapes<'a>(f: &'a Frame<'_>) -> impl Iterator<Item = AggShape> + 'a {
    let groups = f.overlay.groups.as_deref();
    groups
        .into_iter()
        .flat_map(|g| &g.edges)
        .filter_map(move |e| {
            let (a, b) = (e.a.index() as u32, e.b.index() as u32);
            let (start, end, _) = f.edge_ends(a, b)?;
            let o = f.overlay;
            let emphasised = (!o.highlight_edges.is_empty()
                && e.edges.iter().any(|x| o.highlight_edges.contains(x)))
                || f.selected_nodes.contains(&e.a)
                || f.selected_nodes.contains(&e.b)
                || f.hovered.is_some_and(|h| h == e.a || h == e.b);
            let width = (1.2 + (e.edges.len() as f32).log2() * 1.1).min(7.0) * f.scale;
            let pal = f.palette;
            let paint = if emphasised {
                pal.accent
            } else {
                pal.strong_edge.fade(0.55)
            };
            let paint = paint.dim(emphasised || (f.lit(e.a) && f.lit(e.b)));
            // Zoomed out, only the heavier or emphasised edges say what they stand for.
            let label = (emphasised || f.zoom > 0.6 || e.edges.len() > 2)
                .then(|| (start + (end - start) * 0.5, agg_text(f.kg, e, f.lang)));
            Some(AggShape {
                start,
                end,
                width,
                paint,
                label,
            })
        })
}

/// The rings that mark meta-nodes: centre, radius, stroke width and paint.
pub fn meta_rings<'a>(f: &'a Frame<'_>) -> impl Iterator<Item = (Pos2, f32, f32, Paint)> + 'a {
    let metas = f.overlay.groups.as_deref().map(|g| &g.metas);
    (f.proj.on_screen.iter())
        .filter(move |(i, _, _)| metas.is_some_and(|m| m.contains_key(&NodeIx::new(*i))))
        .map(|&(_, p, r)| {
            (
                p,
                r + 3.0 * f.scale,
                1.5 * f.scale,
                f.palette.text.fade(0.6),
            )
        })
}

/// Draw the aggregated edges and the rings that mark meta-nodes; returns the edge labels to
/// place with the relation labels.
pub fn draw_groups(painter: &Painter, f: &Frame) -> Vec<(Pos2, String)> {
    let mut labels = Vec::new();
    for s in agg_shapes(f) {
        painter.line_segment([s.start, s.end], Stroke::new(s.width, s.paint.color32()));
        labels.extend(s.label);
    }
    for (p, r, w, paint) in meta_rings(f) {
        painter.circle_stroke(p, r, Stroke::new(w, paint.color32()));
    }
    labels
}

/// The aggregated edges and meta-node rings of `f` as SVG (an export draws them under the
/// nodes, as the canvas does); returns the edge labels to place.
pub fn groups_svg(out: &mut String, f: &Frame) -> Vec<(Pos2, String)> {
    use std::fmt::Write;
    let mut labels = Vec::new();
    for s in agg_shapes(f) {
        let _ = writeln!(
            out,
            r#"<line class="group-edge" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-opacity="{:.2}" stroke-width="{:.1}"/>"#,
            s.start.x,
            s.start.y,
            s.end.x,
            s.end.y,
            s.paint.hex(),
            s.paint.alpha,
            s.width
        );
        labels.extend(s.label);
    }
    for (p, r, w, paint) in meta_rings(f) {
        let _ = writeln!(
            out,
            r#"<circle class="group" cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="{}" stroke-opacity="{:.2}" stroke-width="{:.1}"/>"#,
            p.x,
            p.y,
            r,
            paint.hex(),
            paint.alpha,
            w
        );
    }
    labels
}
