//! Painting a scene [`Frame`] with egui, the canvas's renderer: thin edges and far nodes
//! batched into meshes (for speed), emphasised edges, near nodes and labels as egui shapes.
//! What is drawn, its look and the labels' places come from `scene`, as for the export.

use super::batch::{EDGE_SLOT, MeshBatch, MeshPool, NODE_SLOT};
use super::gpu::GpuMeshes;
use super::hit::segment_distance;
use super::scene::{DOT_RADIUS, Frame, LINE, Labels, SHAPE_RADIUS};
use super::style::draw_shape;
use super::theme::{FADED_LABEL, Paint};
use crate::model::{EdgeIx, NodeIx};
use egui::{Color32, FontId, Painter, Pos2, Stroke, Vec2};

const EDGE_HIT_TOLERANCE: f32 = 4.0;
/// At most about this many thin edges are drawn. Beyond it (a whole 100k-node graph on one
/// screen) the edges are a uniform haze: a fixed subset, drawn opaque, shows the same density
/// at a fraction of the cost. Emphasised edges and hit-testing always use every edge. A level
/// of detail of the canvas only: exports draw every edge.
pub const EDGE_BUDGET: usize = 40_000;

/// Draw every `stride`-th thin edge (by index, so the subset is stable while panning).
pub fn edge_stride(visible_edges: usize, on_screen_nodes: usize, visible_nodes: usize) -> usize {
    let share = on_screen_nodes as f64 / visible_nodes.max(1) as f64;
    let expected = visible_edges as f64 * share.min(1.0);
    (expected / EDGE_BUDGET as f64).ceil().max(1.0) as usize
}

/// The edges pass: thin edges batched, emphasised ones set aside, the edge under the pointer.
pub struct Edges {
    pub thin: MeshBatch,
    /// Edges drawn as shapes on top: touching the hovered or a selected node, on a highlighted
    /// path, or selected.
    pub special: Vec<EdgeIx>,
    pub under_pointer: Option<EdgeIx>,
    /// Thin edges drawn this frame.
    pub drawn: usize,
}

impl Edges {
    /// No thin edges here (the GPU draws them): only the ones drawn on top.
    pub fn on_top(special: Vec<EdgeIx>, under_pointer: Option<EdgeIx>) -> Self {
        Edges {
            thin: MeshBatch::with_capacity(0, 0),
            special,
            under_pointer,
            drawn: 0,
        }
    }
}

/// Cull and batch the visible edges; `pointer` (if given) looks for the edge under it.
pub fn edge_pass(f: &Frame, pointer: Option<Pos2>, pool: &mut MeshPool) -> Edges {
    let proj = f.proj;
    let arrows = f.thin_arrows();
    let stride = edge_stride(
        f.visible.edge_count,
        proj.on_screen.len(),
        f.visible.node_count,
    );
    // Sampled edges stand for the ones left out: drawn opaque.
    let sampled = |p: Paint| {
        if stride > 1 {
            Paint { alpha: 1.0, ..p }
        } else {
            p
        }
    };
    // One colour for every thin edge unless a view dims some of them.
    let uniform = (!f.overlay.dim_others).then(|| sampled(f.thin_paint(0, 0)).color32());
    let width = f.thin_width();
    let cap = (f.visible.edge_count / stride).min(f.cache.edges.len());
    let mut out = Edges {
        // A quad per edge, plus a triangle for its arrowhead when zoomed in.
        thin: pool.batch(
            EDGE_SLOT,
            cap * (4 + 3 * arrows as usize),
            cap * (6 + 3 * arrows as usize),
        ),
        special: Vec::new(),
        under_pointer: None,
        drawn: 0,
    };
    let mut best = (EDGE_HIT_TOLERANCE, None);
    // Without a pointer or emphasised edges, an edge left out by sampling needs no other look.
    let sample_first = stride > 1
        && pointer.is_none()
        && f.hovered.is_none()
        && f.selected_nodes.is_empty()
        && f.selected_edge.is_none()
        && f.overlay.highlight_edges.is_empty();
    for &[sa, sb, id] in &f.cache.edges {
        if sample_first && !(id as usize).is_multiple_of(stride) {
            continue;
        }
        let Some((start, tip, dir)) = f.edge_ends(sa, sb) else {
            continue;
        };
        let e = EdgeIx::new(id as usize);
        if let Some(p) = pointer {
            let t = best.0;
            let near = p.x >= start.x.min(tip.x) - t
                && p.x <= start.x.max(tip.x) + t
                && p.y >= start.y.min(tip.y) - t
                && p.y <= start.y.max(tip.y) + t;
            if near {
                let d = segment_distance(p, start, tip);
                if d <= best.0 {
                    best = (d, Some(e));
                }
            }
        }
        if f.is_special(e, sa, sb) {
            out.special.push(e);
            continue;
        }
        if stride > 1 && !(id as usize).is_multiple_of(stride) {
            continue;
        }
        let color = uniform.unwrap_or_else(|| sampled(f.thin_paint(sa, sb)).color32());
        out.thin.line(start, tip, width, color);
        out.drawn += 1;
        if arrows {
            let head = f.thin_head(start, tip);
            if head > 0.0 {
                out.thin.arrowhead(tip, dir, head, color);
            }
        }
    }
    out.under_pointer = best.1;
    out
}

/// Draw the emphasised edges (and the hovered one) as shapes; returns relation labels to place.
pub fn draw_special_edges(
    painter: &Painter,
    f: &Frame,
    special: &[EdgeIx],
    hovered_edge: Option<EdgeIx>,
) -> Vec<(Pos2, String)> {
    let mut labels = Vec::new();
    let extra = hovered_edge.filter(|e| !special.contains(e));
    for &e in special.iter().chain(extra.iter()) {
        let Some(edge) = f.special_edge(e, hovered_edge) else {
            continue;
        };
        let color = edge.paint.color32();
        painter.line_segment([edge.start, edge.tip], Stroke::new(edge.width, color));
        if edge.head > 0.0 {
            let (tip, dir, head) = (edge.tip, edge.dir, edge.head);
            let back = tip - dir * head;
            let perp = Vec2::new(-dir.y, dir.x) * head * 0.5;
            painter.add(egui::Shape::convex_polygon(
                vec![tip, back + perp, back - perp],
                color,
                Stroke::NONE,
            ));
        }
        labels.extend(edge.label);
    }
    labels
}

/// Draw the on-screen nodes by level of detail: dots, then filled kind shapes, then outlined
/// shapes with markers. Far nodes go into one mesh.
pub fn draw_nodes(
    painter: &Painter,
    f: &Frame,
    pinned: &[bool],
    pool: &mut MeshPool,
    gpu: Option<&GpuMeshes>,
) {
    let n = f.proj.on_screen.len();
    let mut far = pool.batch(NODE_SLOT, n * 4, n * 6);
    let mut near: Vec<(NodeIx, Pos2, f32, Color32, bool)> = Vec::new();
    let ringed = f.any_rings();
    let plain = f.focus.is_none() && !f.overlay.dim_others;
    for &(i, p, r) in &f.proj.on_screen {
        let ix = NodeIx::new(i);
        let (fill, shape) = f.node_style(i);
        let on = plain || f.lit(ix);
        let fill = if on {
            fill
        } else {
            Paint::from(fill).dim(false).color32()
        };
        if ringed {
            for (rr, w, paint) in f.rings(ix, r).into_iter().flatten() {
                painter.circle_stroke(p, rr, Stroke::new(w, paint.color32()));
            }
        }
        if r < DOT_RADIUS {
            far.dot(p, r * 0.9, fill);
        } else if r < SHAPE_RADIUS {
            far.node(shape, p, r, fill);
        } else {
            near.push((ix, p, r, fill, on));
        }
    }
    pool.paint(painter, NODE_SLOT, far, gpu);
    let outline = f.palette.outline;
    for (ix, p, r, fill, on) in near {
        // Pinned is an editing state: marked on the canvas only.
        if pinned.get(ix.index()).copied().unwrap_or(false) {
            painter.circle_filled(
                p + Vec2::new(r * 0.8, -r * 0.8),
                2.5,
                f.palette.text.color32(),
            );
        }
        let shape = f.node_style(ix.index()).1;
        let stroke = Stroke::new(f.outline_width(), outline.dim(on).color32());
        draw_shape(painter, shape, p, r, fill, stroke);
    }
}

/// Draw the placed labels: node labels on their halo, then relation labels.
pub fn draw_labels(painter: &Painter, f: &Frame, labels: &Labels) {
    let pal = f.palette;
    let s = f.scale;
    let (font, small) = (
        FontId::proportional(pal.label_size * s),
        FontId::proportional(pal.small_size * s),
    );
    let line = pal.label_size * s * LINE;
    for l in &labels.nodes {
        let k = if l.faded { FADED_LABEL } else { 1.0 };
        let (text, muted) = (pal.text.fade(k).color32(), pal.muted.fade(k).color32());
        painter.rect_filled(l.rect.expand(1.5 * s), 3.0 * s, pal.halo.fade(k).color32());
        let cx = l.rect.center().x;
        let g1 = painter.layout_no_wrap(l.main.clone(), font.clone(), text);
        painter.galley(Pos2::new(cx - g1.size().x * 0.5, l.rect.top()), g1, text);
        if let Some(sub) = &l.sub {
            let g2 = painter.layout_no_wrap(sub.clone(), small.clone(), muted);
            let at = Pos2::new(cx - g2.size().x * 0.5, l.rect.top() + line);
            painter.galley(at, g2, muted);
        }
    }
    let accent = pal.accent.color32();
    for l in &labels.relations {
        let g = painter.layout_no_wrap(l.text.clone(), small.clone(), accent);
        painter.rect_filled(l.rect.expand(2.0 * s), 3.0 * s, pal.halo.color32());
        let at = l.rect.center() - g.size() * 0.5;
        painter.galley(at, g, accent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_are_sampled_only_when_too_many_would_show() {
        assert_eq!(
            edge_stride(200_000, 500, 100_000),
            1,
            "zoomed in: all edges"
        );
        assert_eq!(edge_stride(EDGE_BUDGET, 10_000, 10_000), 1);
        assert_eq!(edge_stride(EDGE_BUDGET + 1, 10_000, 10_000), 2);
        assert_eq!(edge_stride(200_000, 100_000, 100_000), 5);
        assert_eq!(edge_stride(0, 0, 0), 1);
    }
}
