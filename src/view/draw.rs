//! Building one frame's shapes: thin edges and far nodes batched into meshes, emphasised edges
//! and close nodes as egui shapes, labels by priority without overlap.

use super::batch::{EDGE_SLOT, MeshBatch, MeshPool, NODE_SLOT};
use super::cull::{Projected, segment_may_show, trimmed};
use super::graph_cache::GraphCache;
use super::hit::segment_distance;
use super::labels::LabelPlacer;
use super::overlay::Overlay;
use super::style::{LabelLang, draw_shape, kind_color, kind_shape};
use crate::analysis::Visible;
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use egui::{Color32, FontId, Painter, Pos2, Rect, Stroke, Vec2};
use std::collections::{BTreeSet, HashSet};

/// Below this screen radius a node is a plain square dot.
pub const DOT_RADIUS: f32 = 3.0;
/// From this screen radius on a node gets its outlined kind shape (and may get a label).
pub const SHAPE_RADIUS: f32 = 7.0;
/// Thin edges get arrowheads only from this zoom on: further out they are noise.
pub const ARROW_ZOOM: f32 = 0.5;
const EDGE_HIT_TOLERANCE: f32 = 4.0;
/// At most about this many thin edges are drawn. Beyond it (a whole 100k-node graph on one
/// screen) the edges are a uniform haze: a fixed subset, drawn opaque, shows the same density
/// at a fraction of the cost. Emphasised edges and hit-testing always use every edge.
pub const EDGE_BUDGET: usize = 40_000;

/// Draw every `stride`-th thin edge (by index, so the subset is stable while panning).
pub fn edge_stride(visible_edges: usize, on_screen_nodes: usize, visible_nodes: usize) -> usize {
    let share = on_screen_nodes as f64 / visible_nodes.max(1) as f64;
    let expected = visible_edges as f64 * share.min(1.0);
    (expected / EDGE_BUDGET as f64).ceil().max(1.0) as usize
}

/// Colours and fonts of one frame.
pub struct Palette {
    pub bg: Color32,
    pub edge_base: Color32,
    pub text: Color32,
    pub accent: Color32,
    pub outline: Color32,
    pub halo: Color32,
    pub strong_edge: Color32,
    pub font: FontId,
    pub small: FontId,
}

impl Palette {
    pub fn new(dark: bool, projector: bool) -> Self {
        let (font, small) = if projector {
            (FontId::proportional(19.0), FontId::proportional(15.0))
        } else {
            (FontId::proportional(13.0), FontId::proportional(11.0))
        };
        let g = Color32::from_gray;
        Palette {
            bg: if dark { g(24) } else { g(250) },
            edge_base: if dark { g(150) } else { g(120) },
            text: if dark { g(235) } else { g(20) },
            accent: Color32::from_rgb(0x2b, 0x8c, 0xff),
            outline: if dark { g(20) } else { Color32::WHITE },
            halo: if dark {
                Color32::from_black_alpha(170)
            } else {
                Color32::from_white_alpha(200)
            },
            strong_edge: if dark { g(210) } else { g(70) },
            font,
            small,
        }
    }
}

pub fn dim(c: Color32, on: bool) -> Color32 {
    if on { c } else { c.gamma_multiply(0.18) }
}

/// Everything the drawing passes read; computed by the canvas before drawing.
pub struct Frame<'a> {
    pub kg: &'a KnowledgeGraph,
    /// The graph flattened for drawing (visible edges, kind styles).
    pub cache: &'a GraphCache,
    pub visible: &'a Visible,
    pub proj: &'a Projected,
    pub pinned: &'a [bool],
    pub degree: &'a [u32],
    pub overlay: &'a Overlay,
    pub selected_nodes: &'a BTreeSet<NodeIx>,
    pub selected_edge: Option<EdgeIx>,
    pub search_hits: &'a [NodeIx],
    pub hovered: Option<NodeIx>,
    /// The hovered node and its neighbours (everything else is dimmed).
    pub focus: Option<&'a HashSet<NodeIx>>,
    pub zoom: f32,
    pub rect: Rect,
    pub cull: Rect,
    pub lang: LabelLang,
    pub palette: &'a Palette,
    /// The custom paint path for the batched meshes, when the renderer is glow.
    pub gpu: Option<&'a super::gpu::GpuMeshes>,
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

/// Cull and batch the visible edges; `pointer` (if given) looks for the edge under it.
pub fn edge_pass(f: &Frame, pointer: Option<Pos2>, pool: &mut MeshPool) -> Edges {
    let proj = f.proj;
    let arrows = f.zoom >= ARROW_ZOOM;
    let stride = edge_stride(
        f.visible.edge_count,
        proj.on_screen.len(),
        f.visible.node_count,
    );
    let alpha = if stride > 1 { 1.0 } else { 0.7 };
    let thin_color = dim(f.palette.edge_base.gamma_multiply(alpha), f.focus.is_none());
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
    let selected_any = !f.selected_nodes.is_empty();
    let highlighted_any = !f.overlay.highlight_edges.is_empty();
    let hovered = f.hovered.map(|h| h.index() as u32);
    // Without a pointer or emphasised edges, an edge left out by sampling needs no other look.
    let sample_first = stride > 1
        && pointer.is_none()
        && hovered.is_none()
        && !selected_any
        && f.selected_edge.is_none()
        && !highlighted_any;
    let (nodes, side) = (&proj.nodes[..], &proj.side[..]);
    for &[sa, sb, id] in &f.cache.edges {
        if sample_first && !(id as usize).is_multiple_of(stride) {
            continue;
        }
        // Both ends beyond the same side of the cull rectangle: off screen.
        let (ca, cb) = (side.get(sa as usize), side.get(sb as usize));
        if let (Some(ca), Some(cb)) = (ca, cb)
            && ca & cb != 0
        {
            continue;
        }
        let (Some(&na), Some(&nb)) = (nodes.get(sa as usize), nodes.get(sb as usize)) else {
            continue;
        };
        let (ra, rb) = (na.r, nb.r);
        if !(ra > 0.0 && rb > 0.0) {
            continue;
        }
        let (a, b) = (na.p, nb.p);
        if !segment_may_show(a, b, f.cull) {
            continue;
        }
        let e = EdgeIx::new(id as usize);
        if let Some(p) = pointer {
            let t = best.0;
            let near = p.x >= a.x.min(b.x) - t
                && p.x <= a.x.max(b.x) + t
                && p.y >= a.y.min(b.y) - t
                && p.y <= a.y.max(b.y) + t;
            if near {
                let d = segment_distance(p, a, b);
                if d <= best.0 {
                    best = (d, Some(e));
                }
            }
        }
        let special = hovered.is_some_and(|h| h == sa || h == sb)
            || (selected_any
                && (f.selected_nodes.contains(&NodeIx::new(sa as usize))
                    || f.selected_nodes.contains(&NodeIx::new(sb as usize))))
            || f.selected_edge == Some(e)
            || (highlighted_any && f.overlay.highlight_edges.contains(&e));
        if special {
            out.special.push(e);
            continue;
        }
        if stride > 1 && !(id as usize).is_multiple_of(stride) {
            continue;
        }
        let Some((start, tip, dir)) = trimmed(a, b, ra, rb, 1.0) else {
            continue;
        };
        out.thin.line(start, tip, 1.0, thin_color);
        out.drawn += 1;
        if arrows {
            let v = tip - start;
            let head = 7.0f32.min((v.x * v.x + v.y * v.y).sqrt() * 0.5);
            if head > 2.0 {
                out.thin.arrowhead(tip, dir, head, thin_color);
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
        let Some((na, nb)) = f.kg.graph.edge_endpoints(e) else {
            continue;
        };
        let (ia, ib) = (na.index(), nb.index());
        let (a, b) = (f.proj.screen(ia), f.proj.screen(ib));
        let touches_hover = f.hovered.is_some_and(|h| h == na || h == nb);
        let touches_sel = f.selected_nodes.contains(&na) || f.selected_nodes.contains(&nb);
        let emph = f.selected_edge == Some(e)
            || hovered_edge == Some(e)
            || f.overlay.highlight_edges.contains(&e);
        let on = f.focus.is_none() || touches_hover || emph;
        let (width, color) = if emph {
            (2.5, f.palette.accent)
        } else if touches_hover || touches_sel {
            (1.6, f.palette.strong_edge)
        } else {
            (1.0, f.palette.edge_base.gamma_multiply(0.7))
        };
        let color = dim(color, on);
        let Some((start, tip, dir)) = trimmed(a, b, f.proj.radius(ia), f.proj.radius(ib), 1.0)
        else {
            continue;
        };
        painter.line_segment([start, tip], Stroke::new(width, color));
        let head = (5.0 + width * 2.0).min((tip - start).length() * 0.5);
        if head > 2.0 {
            let back = tip - dir * head;
            let perp = Vec2::new(-dir.y, dir.x) * head * 0.5;
            painter.add(egui::Shape::convex_polygon(
                vec![tip, back + perp, back - perp],
                color,
                Stroke::NONE,
            ));
        }
        let show_rel = emph
            || (touches_hover && f.focus.is_some_and(|s| s.len() <= 16))
            || (touches_sel && f.selected_nodes.len() == 1 && f.zoom > 0.6);
        if show_rel {
            labels.push((
                start + (tip - start) * 0.5,
                super::canvas::relation_label(f.kg.vocab(), &f.kg.edge(e).rel, f.lang),
            ));
        }
    }
    labels
}

/// Draw the on-screen nodes by level of detail: dots, then filled kind shapes, then outlined
/// shapes with markers. Far nodes go into one mesh.
pub fn draw_nodes(painter: &Painter, f: &Frame, pool: &mut MeshPool) {
    let n = f.proj.on_screen.len();
    let mut far = pool.batch(NODE_SLOT, n * 4, n * 6);
    let mut near: Vec<(NodeIx, Pos2, f32, Color32, bool)> = Vec::new();
    let ring = Color32::from_rgb(0xff, 0x8c, 0x00);
    let (highlighted_any, selected_any) = (
        !f.overlay.highlight_nodes.is_empty(),
        !f.selected_nodes.is_empty(),
    );
    let filled = !f.overlay.fill.is_empty();
    for &(i, p, r) in &f.proj.on_screen {
        let ix = NodeIx::new(i);
        let (kind_fill, shape) = f.cache.style.get(i).copied().unwrap_or_else(|| {
            (
                kind_color(f.kg.vocab(), &f.kg.node(ix).kind),
                kind_shape(f.kg.vocab(), &f.kg.node(ix).kind),
            )
        });
        let on = f.focus.is_none_or(|s| s.contains(&ix));
        let fill = if filled {
            f.overlay.fill_of(ix).unwrap_or(kind_fill)
        } else {
            kind_fill
        };
        let fill = dim(fill, on);
        if highlighted_any && f.overlay.highlight_nodes.contains(&ix) {
            painter.circle_stroke(p, r + 3.0, Stroke::new(2.5, ring));
        }
        if selected_any && f.selected_nodes.contains(&ix) {
            painter.circle_stroke(p, r + 4.0, Stroke::new(3.0, f.palette.accent));
        }
        if r < DOT_RADIUS {
            far.dot(p, r * 0.9, fill);
        } else if r < SHAPE_RADIUS {
            far.node(shape, p, r, fill);
        } else {
            near.push((ix, p, r, fill, on));
        }
    }
    pool.paint(painter, NODE_SLOT, far, f.gpu);
    for (ix, p, r, fill, on) in near {
        if f.pinned.get(ix.index()).copied().unwrap_or(false) {
            painter.circle_filled(p + Vec2::new(r * 0.8, -r * 0.8), 2.5, f.palette.text);
        }
        draw_shape(
            painter,
            kind_shape(f.kg.vocab(), &f.kg.node(ix).kind),
            p,
            r,
            fill,
            Stroke::new(1.0, dim(f.palette.outline, on)),
        );
    }
}

fn node_label(kg: &KnowledgeGraph, ix: NodeIx, lang: LabelLang) -> (String, Option<String>) {
    let n = kg.node(ix);
    match lang {
        LabelLang::English => (n.display_name(false).to_string(), None),
        LabelLang::Chinese => (n.display_name(true).to_string(), None),
        LabelLang::Both => {
            let zh = n.display_name(true).to_string();
            let en = (!n.name.en.is_empty() && n.name.en != zh).then(|| n.name.en.clone());
            (zh, en)
        }
    }
}

/// Label tiers: 0 selected or on a highlighted path, 1 search hit, 2 hovered neighbourhood,
/// 3 the rest (ordered by degree).
pub fn label_candidates(f: &Frame) -> Vec<(u8, u32, usize, Pos2, f32)> {
    /// Far away, only this many of the highest-degree nodes compete for a label.
    const HUBS: usize = 40;
    let hits: HashSet<NodeIx> = f.search_hits.iter().copied().collect();
    let deg = |i: usize| f.degree.get(i).copied().unwrap_or(0);
    let (selected_any, highlighted_any) = (
        !f.selected_nodes.is_empty(),
        !f.overlay.highlight_nodes.is_empty(),
    );
    let mut small: Vec<(u8, u32, usize, Pos2, f32)> = Vec::new();
    // Small nodes whose (degree, index) key is not below `cut` cannot be among the hubs.
    let mut cut = (u32::MAX, usize::MAX);
    let mut order: Vec<(u8, u32, usize, Pos2, f32)> = Vec::new();
    for &(i, p, r) in &f.proj.on_screen {
        if !f.rect.contains(p) {
            continue;
        }
        let ix = NodeIx::new(i);
        let tier = if (selected_any && f.selected_nodes.contains(&ix))
            || (highlighted_any && f.overlay.highlight_nodes.contains(&ix))
        {
            0
        } else if !hits.is_empty() && hits.contains(&ix) {
            1
        } else if f.focus.is_some_and(|s| s.contains(&ix)) {
            2
        } else {
            // With a hovered node only its neighbourhood is labelled.
            if f.focus.is_some() {
                continue;
            }
            3
        };
        let item = (tier, u32::MAX - deg(i), i, p, r);
        if tier == 3 && r < 5.0 {
            if (item.1, item.2) >= cut {
                continue;
            }
            small.push(item);
            // Keep the candidates bounded: the best `HUBS` so far and a new cut-off.
            if small.len() >= 4 * HUBS {
                small.select_nth_unstable_by_key(HUBS, |t| (t.1, t.2));
                cut = (small[HUBS].1, small[HUBS].2);
                small.truncate(HUBS);
            }
        } else {
            order.push(item);
        }
    }
    // Small nodes: only the biggest hubs, found without sorting everything.
    if small.len() > HUBS {
        small.select_nth_unstable_by_key(HUBS, |t| (t.1, t.2));
        small.truncate(HUBS);
    }
    order.extend(small);
    order.sort_by_key(|t| (t.0, t.1, t.2));
    order
}

/// Place and draw node labels in priority order, then the relation labels; returns the
/// labelled nodes.
pub fn draw_labels(painter: &Painter, f: &Frame, edge_labels: Vec<(Pos2, String)>) -> Vec<NodeIx> {
    let pal = f.palette;
    let mut placer = LabelPlacer::default();
    let mut labelled = Vec::new();
    for (tier, _, i, p, r) in label_candidates(f) {
        let ix = NodeIx::new(i);
        let top_y = p.y + r + 3.0;
        // Every label is at least this big: if even that is taken, skip the text layout.
        let core = Rect::from_min_size(Pos2::new(p.x - 4.0, top_y), Vec2::new(6.0, pal.font.size));
        if tier != 0 && !placer.fits(core) {
            continue;
        }
        let (main, sub) = node_label(f.kg, ix, f.lang);
        let g1 = painter.layout_no_wrap(main, pal.font.clone(), pal.text);
        let g2 =
            sub.map(|s| painter.layout_no_wrap(s, pal.small.clone(), pal.text.gamma_multiply(0.8)));
        let w = g1.size().x.max(g2.as_ref().map_or(0.0, |g| g.size().x));
        let h = g1.size().y + g2.as_ref().map_or(0.0, |g| g.size().y);
        let top = Pos2::new(p.x - w * 0.5, top_y);
        let area = Rect::from_min_size(top, Vec2::new(w, h));
        if !placer.try_place(area.expand(2.0), tier == 0) {
            continue;
        }
        painter.rect_filled(area.expand(1.5), 3.0, pal.halo);
        let h1 = g1.size().y;
        painter.galley(Pos2::new(p.x - g1.size().x * 0.5, top.y), g1, pal.text);
        if let Some(g2) = g2 {
            painter.galley(Pos2::new(p.x - g2.size().x * 0.5, top.y + h1), g2, pal.text);
        }
        labelled.push(ix);
    }
    for (p, text) in edge_labels {
        let g = painter.layout_no_wrap(text, pal.small.clone(), pal.accent);
        let area = Rect::from_center_size(p, g.size());
        if placer.try_place(area.expand(1.0), false) {
            painter.rect_filled(area.expand(2.0), 3.0, pal.bg.gamma_multiply(0.9));
            painter.galley(area.min, g, pal.accent);
        }
    }
    labelled
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
