//! The scene: what one picture of the graph shows and how, decided once for every renderer.
//! The canvas paints a [`Frame`] with egui (batching meshes for speed), the export writes the
//! same `Frame` as SVG; both ask it which nodes and edges show, which are emphasised or dimmed,
//! how they look and where the labels go, so an export matches the screen at its size.

mod labels;
mod placer;

pub use labels::{HUBS, LINE, Labels, SMALL, place_labels};

use super::Camera;
use super::cull::{Projected, project_into, segment_may_show, trimmed};
use super::graph_cache::GraphCache;
use super::overlay::Overlay;
use super::style::{LabelLang, relation_label, screen_radius};
use super::theme::{Paint, Palette, THIN_EDGE_ALPHA};
use crate::analysis::Visible;
use crate::model::{EdgeIx, Kind, KnowledgeGraph, NodeIx};
use egui::{Pos2, Rect, Vec2};
use std::collections::{BTreeSet, HashSet};

/// Below this screen radius a node is a plain square dot on the canvas (a paint shortcut).
pub const DOT_RADIUS: f32 = 3.0;
/// From this screen radius on (times the picture's scale) a node has an outlined shape, and
/// its shape is an obstacle labels avoid.
pub const SHAPE_RADIUS: f32 = 7.0;
/// Thin edges get arrowheads only from this zoom on: further out they are noise.
pub const ARROW_ZOOM: f32 = 0.5;
/// Nodes just outside the picture still show their edges and the part of their shape inside.
pub const CULL_MARGIN: f32 = 60.0;

/// Everything a renderer reads to draw one picture.
pub struct Frame<'a> {
    pub kg: &'a KnowledgeGraph,
    /// The graph flattened for drawing (visible edges, kind styles, base radii).
    pub cache: &'a GraphCache,
    pub visible: &'a Visible,
    pub proj: &'a Projected,
    pub degree: &'a [u32],
    pub overlay: &'a Overlay,
    pub selected_nodes: &'a BTreeSet<NodeIx>,
    pub selected_edge: Option<EdgeIx>,
    pub search_hits: &'a [NodeIx],
    pub hovered: Option<NodeIx>,
    /// The node with keyboard focus on the canvas: view state of the screen only, so an
    /// export (which never has one) draws the same scene without its ring.
    pub keyboard_focus: Option<NodeIx>,
    /// The hovered node and its neighbours (everything else is dimmed).
    pub focus: Option<&'a HashSet<NodeIx>>,
    pub zoom: f32,
    /// The picture, in screen points (canvas) or pixels (export).
    pub rect: Rect,
    pub cull: Rect,
    pub lang: LabelLang,
    pub palette: &'a Palette,
    /// Size of strokes, fonts and radius limits relative to the canvas (1 on the canvas).
    pub scale: f32,
}

/// The cull rectangle of a picture `rect` at scale `s`.
pub fn cull_rect(rect: Rect, s: f32) -> Rect {
    rect.expand(CULL_MARGIN * s)
}

/// Project the nodes of `cache` for camera `cam` on `rect` into `proj` (buffers reused).
pub fn project(
    proj: &mut Projected,
    cache: &GraphCache,
    xy: &[[f32; 2]],
    overlay: &Overlay,
    cam: &Camera,
    rect: Rect,
    s: f32,
) {
    let scaled = !overlay.scale.is_empty();
    let zoom = cam.zoom;
    project_into(
        proj,
        cache.nodes.iter().map(|&i| i as usize),
        |_| true,
        xy,
        cam,
        rect,
        cull_rect(rect, s),
        |i| {
            let base = cache
                .radius
                .get(i)
                .copied()
                .unwrap_or_else(|| super::node_radius(0));
            let k = if scaled {
                overlay.scale.get(i).copied().unwrap_or(1.0)
            } else {
                1.0
            };
            screen_radius(base, k, zoom, s)
        },
    );
}

/// The nodes a picture shows: those whose centre lies inside it.
pub fn drawn_nodes(proj: &Projected, rect: Rect) -> impl Iterator<Item = NodeIx> + '_ {
    proj.on_screen
        .iter()
        .filter(move |(_, p, _)| rect.contains(*p))
        .map(|(i, _, _)| NodeIx::new(*i))
}

/// The legend: the kinds of the visible nodes, in the vocabulary's order.
pub fn legend_kinds(kg: &KnowledgeGraph, visible: &Visible) -> Vec<Kind> {
    let kinds: BTreeSet<Kind> = kg
        .node_indices()
        .filter(|ix| visible.node(*ix))
        .map(|ix| kg.node(ix).kind.clone())
        .collect();
    let mut kinds: Vec<Kind> = kinds.into_iter().collect();
    // In the vocabulary's order, as the on-screen legend lists them.
    kinds.sort_by_key(|k| kg.vocab().kind_order(k));
    kinds
}

/// An edge drawn on top of the thin ones, with its look.
pub struct SpecialEdge {
    pub start: Pos2,
    pub tip: Pos2,
    pub dir: Vec2,
    pub width: f32,
    pub paint: Paint,
    /// Arrowhead length; 0 for none.
    pub head: f32,
    /// The relation's name at the edge's middle, when it should be labelled.
    pub label: Option<(Pos2, String)>,
}

impl Frame<'_> {
    /// Selected, highlighted or a focus node: labelled first and never dimmed by a view.
    pub fn emphasised(&self, ix: NodeIx) -> bool {
        let o = self.overlay;
        (!self.selected_nodes.is_empty() && self.selected_nodes.contains(&ix))
            || (!o.highlight_nodes.is_empty() && o.highlight_nodes.contains(&ix))
            || (!o.focus_nodes.is_empty() && o.focus_nodes.contains(&ix))
    }

    /// Whether node `ix` is drawn at full strength (not faded by hover focus or a view).
    pub fn lit(&self, ix: NodeIx) -> bool {
        self.focus.is_none_or(|s| s.contains(&ix))
            && (!self.overlay.dim_others || self.emphasised(ix))
    }

    /// Whether a node is faded by a view's emphasis (its label comes last and faded too).
    pub fn faded_by_view(&self, ix: NodeIx) -> bool {
        self.overlay.dim_others && !self.emphasised(ix)
    }

    /// Fill and shape of node `i`: its kind, or its metric colour.
    pub fn node_style(&self, i: usize) -> (egui::Color32, super::Shape) {
        let ix = NodeIx::new(i);
        let (kind, shape) = self.cache.style.get(i).copied().unwrap_or_else(|| {
            let (p, s) = super::style::kind_style(self.kg.vocab(), &self.kg.node(ix).kind);
            (p.color32(), s)
        });
        let fill = if self.overlay.fill.is_empty() {
            kind
        } else {
            self.overlay.fill_of(ix).unwrap_or(kind)
        };
        (fill, shape)
    }

    /// Whether any node has a ring this frame (most frames none: the loop skips them).
    pub fn any_rings(&self) -> bool {
        !self.overlay.highlight_nodes.is_empty()
            || !self.selected_nodes.is_empty()
            || self.keyboard_focus.is_some()
    }

    /// Rings around a node: `(radius, width, paint)` for a highlight, for a selection, and
    /// for keyboard focus. The focus ring is two-tone (text colour outside a background-
    /// coloured gap) and farther out, so it reads on any fill and differs from the others.
    pub fn rings(&self, ix: NodeIx, r: f32) -> [Option<(f32, f32, Paint)>; 4] {
        let (s, o) = (self.scale, self.overlay);
        let hi = !o.highlight_nodes.is_empty() && o.highlight_nodes.contains(&ix);
        let sel = !self.selected_nodes.is_empty() && self.selected_nodes.contains(&ix);
        let focus = self.keyboard_focus == Some(ix);
        [
            hi.then_some((r + 3.0 * s, 2.5 * s, self.palette.highlight)),
            sel.then_some((r + 4.0 * s, 3.0 * s, self.palette.accent)),
            focus.then_some((r + 8.0 * s, 4.0 * s, self.palette.background)),
            focus.then_some((r + 8.0 * s, 2.0 * s, self.palette.text)),
        ]
    }

    /// Outline width of node shapes.
    pub fn outline_width(&self) -> f32 {
        self.scale
    }

    /// The drawn part of edge `sa`→`sb` (between the rims of its nodes), or `None` when it
    /// cannot show: an end hidden, both ends beyond one side of the picture, or the nodes
    /// covering it.
    #[inline]
    pub fn edge_ends(&self, sa: u32, sb: u32) -> Option<(Pos2, Pos2, Vec2)> {
        let (proj, cull) = (self.proj, self.cull);
        if let (Some(ca), Some(cb)) = (proj.side.get(sa as usize), proj.side.get(sb as usize))
            && ca & cb != 0
        {
            return None;
        }
        let (na, nb) = (proj.nodes.get(sa as usize)?, proj.nodes.get(sb as usize)?);
        if !(na.r > 0.0 && nb.r > 0.0 && segment_may_show(na.p, nb.p, cull)) {
            return None;
        }
        trimmed(na.p, nb.p, na.r, nb.r, self.scale)
    }

    /// [`Frame::edge_ends`] of edge `e`.
    pub fn edge_ends_of(&self, e: EdgeIx) -> Option<(Pos2, Pos2, Vec2)> {
        let (a, b) = self.kg.graph.edge_endpoints(e)?;
        self.edge_ends(a.index() as u32, b.index() as u32)
    }

    /// Whether edge `e` is drawn on top with its own look rather than as a thin edge.
    #[inline]
    pub fn is_special(&self, e: EdgeIx, sa: u32, sb: u32) -> bool {
        let (na, nb) = (NodeIx::new(sa as usize), NodeIx::new(sb as usize));
        self.hovered.is_some_and(|h| h == na || h == nb)
            || (!self.selected_nodes.is_empty()
                && (self.selected_nodes.contains(&na) || self.selected_nodes.contains(&nb)))
            || self.selected_edge == Some(e)
            || (!self.overlay.highlight_edges.is_empty()
                && self.overlay.highlight_edges.contains(&e))
            || self.edge_look(e).is_some()
    }

    /// An edge's own colour (transparent: the theme's) and width factor from the appearance.
    #[inline]
    pub fn edge_look(&self, e: EdgeIx) -> Option<(egui::Color32, f32)> {
        self.cache.edge_look.get(e.index()).copied().flatten()
    }

    /// Whether thin edges show arrowheads at this zoom.
    pub fn thin_arrows(&self) -> bool {
        self.zoom >= ARROW_ZOOM
    }

    /// Width of thin edges.
    pub fn thin_width(&self) -> f32 {
        self.palette.edge_width * self.scale
    }

    /// Paint of a thin edge between `sa` and `sb`.
    #[inline]
    pub fn thin_paint(&self, sa: u32, sb: u32) -> Paint {
        let lit = self.focus.is_none()
            && (!self.overlay.dim_others
                || (self.lit(NodeIx::new(sa as usize)) && self.lit(NodeIx::new(sb as usize))));
        self.palette.edge.fade(THIN_EDGE_ALPHA).dim(lit)
    }

    /// Arrowhead length of a thin edge from `start` to `tip`; 0 for none.
    #[inline]
    pub fn thin_head(&self, start: Pos2, tip: Pos2) -> f32 {
        let v = tip - start;
        let head = (7.0 * self.scale).min((v.x * v.x + v.y * v.y).sqrt() * 0.5);
        if head > 2.0 * self.scale { head } else { 0.0 }
    }

    /// The look of an edge drawn on top: emphasised (selected, hovered, on a highlighted path),
    /// touching the hovered or a selected node, or neither. `None` when it cannot show.
    pub fn special_edge(&self, e: EdgeIx, hovered_edge: Option<EdgeIx>) -> Option<SpecialEdge> {
        let (na, nb) = self.kg.graph.edge_endpoints(e)?;
        let (start, tip, dir) = self.edge_ends(na.index() as u32, nb.index() as u32)?;
        let (s, pal) = (self.scale, self.palette);
        let touches_hover = self.hovered.is_some_and(|h| h == na || h == nb);
        let touches_sel = self.selected_nodes.contains(&na) || self.selected_nodes.contains(&nb);
        let emph = self.selected_edge == Some(e)
            || hovered_edge == Some(e)
            || self.overlay.highlight_edges.contains(&e);
        let on = (self.focus.is_none() || touches_hover || emph)
            && (!self.overlay.dim_others || emph || (self.lit(na) && self.lit(nb)));
        let (width, paint) = if emph {
            (2.5 * s, pal.accent)
        } else if touches_hover || touches_sel {
            (1.6 * s, pal.strong_edge)
        } else if let Some((c, w)) = self.edge_look(e) {
            let paint = if c.a() == 0 {
                pal.edge.fade(THIN_EDGE_ALPHA)
            } else {
                Paint::from(c)
            };
            (pal.edge_width.max(1.0) * s * w, paint)
        } else {
            (pal.edge_width * s, pal.edge.fade(THIN_EDGE_ALPHA))
        };
        let head = (5.0 * s + width * 2.0).min((tip - start).length() * 0.5);
        let show_rel = emph
            || (touches_hover && self.focus.is_some_and(|f| f.len() <= 16))
            || (touches_sel && self.selected_nodes.len() == 1 && self.zoom > 0.6);
        let label = show_rel.then(|| {
            (
                start + (tip - start) * 0.5,
                relation_label(self.kg.vocab(), &self.kg.edge(e).rel, self.lang),
            )
        });
        Some(SpecialEdge {
            start,
            tip,
            dir,
            width,
            paint: paint.dim(on),
            head: if head > 2.0 * s { head } else { 0.0 },
            label,
        })
    }
}
