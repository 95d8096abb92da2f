//! The graph canvas: draws the visible graph and turns pointer input into `Command`s.

use super::Camera;
use super::hit::{hit_edge, hit_node};
use super::labels::LabelPlacer;
use super::style::{LabelLang, draw_shape, kind_color, kind_shape};
use crate::analysis::Visible;
use crate::commands::{Action, Command};
use crate::layout::Positions;
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use egui::{Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};
use std::collections::{BTreeSet, HashSet};

/// What the canvas needs to draw one frame. Borrowed; the canvas owns none of it.
pub struct CanvasInput<'a> {
    pub kg: &'a KnowledgeGraph,
    pub positions: &'a Positions,
    pub visible: &'a Visible,
    pub selected_nodes: &'a BTreeSet<NodeIx>,
    pub selected_edge: Option<EdgeIx>,
    pub search_hits: &'a [NodeIx],
    pub degree: &'a [u32],
    pub lang: LabelLang,
    pub dark: bool,
}

/// View state the canvas keeps between frames (never saved with the graph).
#[derive(Clone, Debug, Default)]
pub struct CanvasState {
    pub camera: Camera,
    pub fit_requested: bool,
    /// Fit without animation (first frame of a newly opened graph).
    pub fit_instantly: bool,
    pub dragging: Option<NodeIx>,
    /// Where the dragged node started, and whether it was pinned (for one undo step per drag).
    pub drag_origin: Option<([f32; 2], bool)>,
    /// Alt-drag from a node: drawing a new edge from it.
    pub connecting: Option<NodeIx>,
    pub hovered: Option<NodeIx>,
    pub hovered_edge: Option<EdgeIx>,
    pub rect: Option<Rect>,
    /// Set when the user panned or zoomed (the app stops auto-fitting).
    pub user_moved_camera: bool,
    /// Nodes drawn in the last frame (after filtering and culling), for tests and the status bar.
    pub drawn_nodes: Vec<NodeIx>,
    /// Nodes whose label was drawn in the last frame.
    pub labelled: Vec<NodeIx>,
    /// Metric-mapped sizes and colours, highlighted paths (set by the app).
    pub overlay: super::overlay::Overlay,
    /// Projector style: larger labels, thicker edges, high contrast.
    pub projector: bool,
}

#[derive(Default)]
pub struct CanvasOutput {
    pub commands: Vec<Command>,
}

/// World radius of a node: grows with the square root of its degree.
pub fn node_radius(degree: u32) -> f32 {
    5.0 + 1.6 * (degree as f32).sqrt()
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

pub fn relation_label(rel: &crate::model::Relation, lang: LabelLang) -> String {
    match lang {
        LabelLang::English => rel.label_en().to_string(),
        LabelLang::Chinese => rel.label_zh().to_string(),
        LabelLang::Both => format!("{} {}", rel.label_zh(), rel.label_en()),
    }
}

pub fn canvas_ui(ui: &mut egui::Ui, state: &mut CanvasState, input: &CanvasInput) -> CanvasOutput {
    let mut out = CanvasOutput::default();
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    state.rect = Some(rect);
    let kg = input.kg;
    let pos = input.positions;
    let visible_node = |ix: NodeIx| input.visible.node(ix) && ix.index() < pos.len();

    let bg = if input.dark {
        Color32::from_gray(24)
    } else {
        Color32::from_gray(250)
    };
    painter.rect_filled(rect, 0.0, bg);

    if state.fit_requested {
        if let Some((lo, hi)) = pos.bounds(|i| input.visible.nodes.get(i).copied().unwrap_or(false))
        {
            let (c, z) = Camera::fitting(rect, lo, hi);
            if state.fit_instantly {
                state.camera.center = c;
                state.camera.zoom = z;
                state.camera.target = None;
            } else {
                state.camera.target = Some((c, z));
            }
        }
        state.fit_requested = false;
        state.fit_instantly = false;
    }
    if state.camera.animate(ui.input(|i| i.stable_dt).min(0.1)) {
        ui.ctx().request_repaint();
    }

    // Zoom with the wheel (or pinch / ctrl+wheel) around the cursor.
    if response.hovered() {
        let (scroll, pinch, hover) = ui.input(|i| {
            (
                i.smooth_scroll_delta.y,
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        let factor = pinch * (scroll * 0.0015).exp();
        if let Some(p) = hover.filter(|_| (factor - 1.0).abs() > 1e-4) {
            state.camera.zoom_around(rect, p, factor);
            state.user_moved_camera = true;
        }
    }

    let cam = state.camera.clone();
    let zoom = cam.zoom;
    let screen = |ix: NodeIx| cam.to_screen(rect, pos.xy[ix.index()]);
    let overlay = state.overlay.clone();
    let radius = |ix: NodeIx| {
        let d = input.degree.get(ix.index()).copied().unwrap_or(0);
        (node_radius(d) * overlay.scale_of(ix) * zoom).clamp(2.5, 60.0)
    };
    let cull = rect.expand(60.0);
    let on_screen: Vec<(NodeIx, Pos2, f32)> = kg
        .node_indices()
        .filter(|&ix| visible_node(ix))
        .map(|ix| (ix, screen(ix), radius(ix)))
        .filter(|(_, p, _)| cull.contains(*p))
        .collect();

    // Hover: a node under the pointer, else an edge.
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| rect.contains(*p));
    state.hovered = state.dragging.or_else(|| {
        let p = pointer?;
        if !response.hovered() && !response.dragged() {
            return None;
        }
        hit_node(
            p,
            on_screen.iter().map(|(ix, p, r)| (ix.index(), *p, *r)),
            3.0,
        )
        .map(NodeIx::new)
    });
    let edge_segments = || {
        kg.graph.edge_indices().filter_map(|e| {
            if !input.visible.edge(e) {
                return None;
            }
            let (a, b) = kg.graph.edge_endpoints(e)?;
            Some((e, screen(a), screen(b)))
        })
    };
    state.hovered_edge = match (state.hovered, pointer) {
        (None, Some(p)) if response.hovered() => {
            hit_edge(p, edge_segments().map(|(e, a, b)| (e.index(), a, b)), 4.0).map(EdgeIx::new)
        }
        _ => None,
    };

    // Pointer actions.
    let modifiers = ui.input(|i| i.modifiers);
    let node_at = |p: Pos2| {
        hit_node(
            p,
            on_screen.iter().map(|(ix, p, r)| (ix.index(), *p, *r)),
            3.0,
        )
        .map(NodeIx::new)
    };
    if response.drag_started() {
        let start = response.interact_pointer_pos().and_then(node_at);
        if modifiers.alt {
            state.connecting = start;
        } else {
            state.dragging = start;
            state.drag_origin = start.map(|n| {
                (
                    pos.xy[n.index()],
                    pos.pinned.get(n.index()).copied().unwrap_or(false),
                )
            });
        }
    }
    if let (Some(from), Some(p)) = (state.connecting, response.interact_pointer_pos()) {
        painter.line_segment(
            [cam.to_screen(rect, pos.xy[from.index()]), p],
            Stroke::new(2.0, Color32::from_rgb(0x2b, 0x8c, 0xff)),
        );
        if response.drag_stopped() {
            if let Some(to) = node_at(p).filter(|t| *t != from) {
                out.commands.push(Command::Connect { from, to });
            }
            state.connecting = None;
        }
    } else if response.dragged() {
        match (state.dragging, response.interact_pointer_pos()) {
            (Some(node), Some(p)) => out.commands.push(Command::MoveNode {
                node,
                to: cam.to_world(rect, p),
            }),
            _ => {
                state.camera.pan_screen(response.drag_delta());
                state.user_moved_camera = true;
            }
        }
    }
    if response.drag_stopped() {
        if let (Some(node), Some((from, was_pinned)), Some(p)) = (
            state.dragging,
            state.drag_origin,
            response.interact_pointer_pos(),
        ) {
            out.commands.push(Command::DragEnded {
                node,
                from,
                to: cam.to_world(rect, p),
                was_pinned,
            });
        }
        state.dragging = None;
        state.drag_origin = None;
        state.connecting = None;
    }
    if response.double_clicked() && state.hovered.is_none() && state.hovered_edge.is_none() {
        out.commands.push(Command::Run(Action::FitView));
    } else if response.clicked() {
        if let Some(node) = state.hovered {
            out.commands.push(Command::Select {
                node,
                additive: modifiers.shift || modifiers.command,
            });
        } else if let Some(e) = state.hovered_edge {
            out.commands.push(Command::SelectEdge(e));
        } else if !modifiers.shift && !modifiers.command {
            out.commands.push(Command::Run(Action::ClearSelection));
        }
    }

    // Who is emphasised: the hovered node and its neighbours dim everything else.
    let focus: Option<HashSet<NodeIx>> = state.hovered.map(|h| {
        let mut s: HashSet<NodeIx> = kg.graph.neighbors_undirected(h).collect();
        s.insert(h);
        s
    });
    let dim = |c: Color32, on: bool| if on { c } else { c.gamma_multiply(0.18) };
    let edge_base = if input.dark {
        Color32::from_gray(150)
    } else {
        Color32::from_gray(120)
    };
    let text_color = if input.dark {
        Color32::from_gray(235)
    } else {
        Color32::from_gray(20)
    };
    let accent = Color32::from_rgb(0x2b, 0x8c, 0xff);

    // Edges: thin lines with arrowheads; emphasised ones thicker with their relation.
    let mut edge_labels: Vec<(Pos2, String)> = Vec::new();
    for (e, a, b) in edge_segments() {
        if !cull.intersects(Rect::from_two_pos(a, b)) {
            continue;
        }
        let Some((na, nb)) = kg.graph.edge_endpoints(e) else {
            continue;
        };
        let touches_hover = state.hovered.is_some_and(|h| h == na || h == nb);
        let touches_sel = input.selected_nodes.contains(&na) || input.selected_nodes.contains(&nb);
        let on_path = overlay.highlight_edges.contains(&e);
        let emph = input.selected_edge == Some(e) || state.hovered_edge == Some(e) || on_path;
        let on = focus.is_none() || touches_hover || emph;
        let (width, color) = if emph {
            (2.5, accent)
        } else if touches_hover || touches_sel {
            (
                1.6,
                if input.dark {
                    Color32::from_gray(210)
                } else {
                    Color32::from_gray(70)
                },
            )
        } else {
            (1.0, edge_base.gamma_multiply(0.7))
        };
        let color = dim(color, on);
        let dir = (b - a).normalized();
        if !dir.x.is_finite() {
            continue;
        }
        let rb = radius(nb);
        let tip = b - dir * (rb + 1.0);
        let start = a + dir * radius(na);
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
            || (touches_hover && focus.as_ref().is_some_and(|f| f.len() <= 16))
            || (touches_sel && input.selected_nodes.len() == 1 && zoom > 0.6);
        if show_rel {
            edge_labels.push((
                start + (tip - start) * 0.5,
                relation_label(&kg.edge(e).rel, input.lang),
            ));
        }
    }

    // Nodes.
    let outline = if input.dark {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    };
    for &(ix, p, r) in &on_screen {
        let node = kg.node(ix);
        let on = focus.as_ref().is_none_or(|f| f.contains(&ix));
        let fill = dim(
            overlay
                .fill_of(ix)
                .unwrap_or_else(|| kind_color(&node.kind)),
            on,
        );
        let selected = input.selected_nodes.contains(&ix);
        if overlay.highlight_nodes.contains(&ix) {
            painter.circle_stroke(
                p,
                r + 3.0,
                Stroke::new(2.5, Color32::from_rgb(0xff, 0x8c, 0x00)),
            );
        }
        if selected {
            painter.circle_stroke(p, r + 4.0, Stroke::new(3.0, accent));
        }
        if pos.pinned.get(ix.index()).copied().unwrap_or(false) {
            painter.circle_filled(p + Vec2::new(r * 0.8, -r * 0.8), 2.5, text_color);
        }
        draw_shape(
            &painter,
            kind_shape(&node.kind),
            p,
            r,
            fill,
            Stroke::new(1.0, dim(outline, on)),
        );
    }

    // Labels by priority: selected > search hits > hovered neighbourhood > degree.
    let hits: HashSet<NodeIx> = input.search_hits.iter().copied().collect();
    let mut order: Vec<(u8, u32, NodeIx, Pos2, f32)> = on_screen
        .iter()
        .filter(|(_, p, _)| rect.contains(*p))
        .map(|&(ix, p, r)| {
            let tier =
                if input.selected_nodes.contains(&ix) || overlay.highlight_nodes.contains(&ix) {
                    0
                } else if hits.contains(&ix) {
                    1
                } else if focus.as_ref().is_some_and(|f| f.contains(&ix)) {
                    2
                } else {
                    3
                };
            (
                tier,
                u32::MAX - input.degree.get(ix.index()).copied().unwrap_or(0),
                ix,
                p,
                r,
            )
        })
        .collect();
    order.sort_by_key(|(tier, deg, ix, _, _)| (*tier, *deg, *ix));
    let mut placer = LabelPlacer::default();
    state.labelled.clear();
    let (font, small) = if state.projector {
        (FontId::proportional(19.0), FontId::proportional(15.0))
    } else {
        (FontId::proportional(13.0), FontId::proportional(11.0))
    };
    let halo = if input.dark {
        Color32::from_black_alpha(170)
    } else {
        Color32::from_white_alpha(200)
    };
    let mut hubs_labelled = 0;
    for (tier, _, ix, p, r) in order {
        // Level of detail: far away only emphasised nodes and the biggest hubs get a label.
        if tier == 3 {
            let hub = hubs_labelled < 40;
            if focus.is_some() || (r < 5.0 && !hub) {
                continue;
            }
            hubs_labelled += 1;
        }
        let (main, sub) = node_label(kg, ix, input.lang);
        let g1 = painter.layout_no_wrap(main, font.clone(), text_color);
        let g2 =
            sub.map(|s| painter.layout_no_wrap(s, small.clone(), text_color.gamma_multiply(0.8)));
        let w = g1.size().x.max(g2.as_ref().map_or(0.0, |g| g.size().x));
        let h = g1.size().y + g2.as_ref().map_or(0.0, |g| g.size().y);
        let top = Pos2::new(p.x - w * 0.5, p.y + r + 3.0);
        let area = Rect::from_min_size(top, Vec2::new(w, h));
        if !placer.try_place(area.expand(2.0), tier == 0) {
            continue;
        }
        painter.rect_filled(area.expand(1.5), 3.0, halo);
        let h1 = g1.size().y;
        painter.galley(Pos2::new(p.x - g1.size().x * 0.5, top.y), g1, text_color);
        if let Some(g2) = g2 {
            painter.galley(
                Pos2::new(p.x - g2.size().x * 0.5, top.y + h1),
                g2,
                text_color,
            );
        }
        state.labelled.push(ix);
    }
    for (p, text) in edge_labels {
        let g = painter.layout_no_wrap(text, small.clone(), accent);
        let area = Rect::from_center_size(p, g.size());
        if placer.try_place(area.expand(1.0), false) {
            painter.rect_filled(area.expand(2.0), 3.0, bg.gamma_multiply(0.9));
            painter.galley(area.min, g, accent);
        }
    }

    state.drawn_nodes = on_screen
        .iter()
        .filter(|(_, p, _)| rect.contains(*p))
        .map(|(ix, _, _)| *ix)
        .collect();
    if state.hovered.is_some() {
        ui.ctx().set_cursor_icon(if state.dragging.is_some() {
            egui::CursorIcon::Grabbing
        } else {
            egui::CursorIcon::PointingHand
        });
    }
    out
}
