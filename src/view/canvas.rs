//! The graph canvas: draws the visible graph and turns pointer input into `Command`s.

use super::Camera;
use super::batch::{EDGE_SLOT, MeshPool};
use super::canvas_notes::NoteEditing;
use super::cull::Projected;
use super::draw;
use super::gpu::GpuMeshes;
use super::graph_cache::GraphCache;
use super::scene::{self, Frame, Labels};
use super::spatial::PointGrid;
use super::style::LabelLang;
use super::theme::{Palette, Theme};
use crate::analysis::Visible;
use crate::commands::{Action, Command};
use crate::layout::Positions;
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use egui::{Pos2, Rect, Sense, Stroke};
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
    /// The labels placed in the last frame (boxes and texts), for tests.
    pub labels: Labels,
    /// Metric-mapped sizes and colours, highlighted paths (set by the app).
    pub overlay: super::overlay::Overlay,
    /// Projector style: larger labels, thicker edges, high contrast.
    pub projector: bool,
    /// Points at the left of the canvas that fitting leaves free (the legend stands there).
    pub fit_inset_left: f32,
    /// World-space index of the visible nodes for hit-testing, rebuilt when they move.
    spatial: SpatialCache,
    /// Vertex buffers of the batched meshes, reused from frame to frame.
    meshes: MeshPool,
    /// Drawn under the graph (the district outline of the geographic layout); set by the app.
    pub backdrop: Option<super::geo_backdrop::Backdrop>,
    /// The graph flattened for drawing, rebuilt when the graph or the filter changes.
    graph: GraphCache,
    /// Last frame's projection, kept for its buffers.
    proj: Projected,
    /// Draw the batched meshes through the glow paint callback (set by the app when eframe
    /// renders with glow; off in tests and with other renderers).
    pub gpu_paint: bool,
    gpu: GpuMeshes,
    /// Node and edge geometry resident on the GPU (used when `gpu_paint` is set).
    gpu_scene: super::gpu_scene::GpuScene,
    /// With `gpu_paint`: build the batched meshes on the CPU every frame and only draw them
    /// through GL (the path before GPU-resident geometry), for comparisons.
    pub gpu_meshes_only: bool,
    /// Bumped by the app whenever positions change (the layout session's generation): the
    /// GPU then gets new positions once. `None`: the canvas fingerprints the positions.
    pub positions_generation: Option<u64>,
    /// Keyboard focus: the focused node, Tab's pivot, whether its relations are described.
    pub keys: super::keynav::KeyFocus,
    // Presenting (issue #15): view state set by the app from the active view.
    /// Colour, shape and size by attribute; `None`: the style table's default (kinds, or a
    /// kind-like attribute of an imported graph).
    pub appearance: Option<crate::io::views::Appearance>,
    /// Notes, callouts and shapes drawn over the graph.
    pub annotations: Vec<crate::io::views::Annotation>,
    looks: super::appearance::AppearanceCache,
    /// Where the annotations were drawn in the last frame.
    pub notes: Vec<super::annotations::Placed>,
    /// The saved views the annotations belong to; dragging and editing them in place.
    pub note_editing: super::canvas_notes::NoteEditing,
}

/// The canvas widget's id: the app asks egui whether it has keyboard focus.
pub fn canvas_id() -> egui::Id {
    egui::Id::unique("atlas-canvas")
}

impl CanvasState {
    /// The document or the filter changed: rebuild the flattened graph before the next frame.
    pub fn graph_changed(&mut self) {
        self.graph.invalidate();
        self.looks.invalidate();
    }

    /// The fill and shape node `ix` was drawn with in the last frame (the style table's
    /// answer, before dimming), for tests and the legend.
    pub fn node_look(&self, ix: NodeIx) -> Option<(egui::Color32, super::Shape)> {
        self.graph.style.get(ix.index()).copied()
    }

    /// The appearance the canvas draws with this frame, resolved (what its legend lists).
    pub fn looks(
        &mut self,
        kg: &KnowledgeGraph,
        visible: &Visible,
        lang: LabelLang,
    ) -> Option<&super::appearance::Styled> {
        let chosen = self.appearance.as_ref();
        self.looks.get(kg, visible, chosen, lang).map(|s| s.0)
    }

    /// What the GPU-resident path handed to the GPU so far.
    #[cfg(test)]
    pub(crate) fn gpu_staged(&self) -> super::gpu_scene::Staged {
        self.gpu_scene.staged
    }

    /// Nodes in the cull rectangle in the last GPU-resident frame.
    #[cfg(test)]
    pub(crate) fn gpu_in_view(&self) -> usize {
        self.gpu_scene.in_view
    }
}

/// A `PointGrid` over world positions, valid while the projection fingerprint is unchanged.
#[derive(Clone, Debug, Default)]
struct SpatialCache {
    fingerprint: Option<u64>,
    grid: PointGrid,
}

impl SpatialCache {
    /// The node under screen point `p`: the closest within its radius plus `slack`.
    fn node_at(
        &mut self,
        proj: &Projected,
        pos: &Positions,
        cam: &Camera,
        rect: Rect,
        p: Pos2,
        slack: f32,
    ) -> Option<NodeIx> {
        if self.fingerprint != Some(proj.fingerprint) {
            let pts = (proj.nodes.iter().enumerate())
                .filter(|(i, n)| n.r > 0.0 && *i < pos.xy.len())
                .map(|(i, _)| (i as u32, pos.xy[i]));
            self.grid = PointGrid::build(pts);
            self.fingerprint = Some(proj.fingerprint);
        }
        let reach = (proj.max_radius + slack) / cam.zoom.max(f32::MIN_POSITIVE);
        self.grid
            .best_near(cam.to_world(rect, p), reach, |id| {
                let i = id as usize;
                let n = proj.nodes.get(i)?;
                let (r, d) = (n.r, n.p.distance(p));
                (r > 0.0 && d <= r + slack).then_some(d - r)
            })
            .map(|id| NodeIx::new(id as usize))
    }
}

#[derive(Default)]
pub struct CanvasOutput {
    pub commands: Vec<Command>,
}

/// The canvas's palette: the theme of the preferences, with projector sizes when presenting.
pub fn screen_palette(dark: bool, projector: bool) -> Palette {
    let palette = Theme::for_screen(dark, projector).palette();
    if projector { palette.large() } else { palette }
}

/// `ATLAS_GPU_MESHES=1`: draw as before GPU-resident geometry (meshes rebuilt on the CPU every
/// frame), to compare pictures and timings in the app.
fn meshes_by_env() -> bool {
    static SET: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SET.get_or_init(|| std::env::var_os("ATLAS_GPU_MESHES").is_some_and(|v| v == "1"))
}

/// The canvas: one frame of input handling and drawing.
pub fn canvas_ui(ui: &mut egui::Ui, state: &mut CanvasState, input: &CanvasInput) -> CanvasOutput {
    let mut out = CanvasOutput::default();
    let rect = ui.available_rect_before_wrap();
    ui.advance_cursor_after_rect(rect);
    // A fixed id: the app asks whether the canvas has keyboard focus before drawing it.
    let response = ui.interact(rect, canvas_id(), Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    state.rect = Some(rect);
    let kg = input.kg;
    let pos = input.positions;
    let palette = screen_palette(input.dark, state.projector);
    painter.rect_filled(rect, 0.0, palette.background.color32());
    if let Some(backdrop) = &state.backdrop {
        let (lang, dark) = (input.lang, input.dark);
        backdrop.paint(&painter, &state.camera, rect, lang, dark, state.projector);
    }

    if state.fit_requested {
        if let Some((lo, hi)) = pos.bounds(|i| input.visible.nodes.get(i).copied().unwrap_or(false))
        {
            let inset = state.fit_inset_left.clamp(0.0, rect.width() * 0.4);
            let (mut c, z) = Camera::fitting(rect.with_min_x(rect.min.x + inset), lo, hi);
            // The camera centres on the whole canvas: shift so the graph centres right of it.
            c[0] -= inset * 0.5 / z;
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

    let keyboard_focus = keyboard_focus(ui, &response, state, input);
    let cam = state.camera.clone();
    // Taken for the frame and put back at the end (cloning it copied per-node vectors).
    let overlay = std::mem::take(&mut state.overlay);
    let cull = scene::cull_rect(rect, 1.0);
    let looks = state
        .looks
        .get(kg, input.visible, state.appearance.as_ref(), input.lang);
    state
        .graph
        .update_styled(kg, input.visible, input.degree, looks);
    let graph = &state.graph;
    let mut proj = std::mem::take(&mut state.proj);
    // GPU-resident drawing: upload what changed, project only what the CPU still draws.
    let resident =
        state.gpu_paint && !state.gpu_meshes_only && !meshes_by_env() && !state.gpu_scene.failed();
    if resident {
        let generation = state.positions_generation;
        state
            .gpu_scene
            .sync(graph, input.degree, &pos.xy, &overlay, generation);
    } else {
        scene::project(&mut proj, graph, &pos.xy, &overlay, &cam, rect, 1.0);
    }

    // Hover: a node under the pointer, else an edge (found while batching the edges).
    let pointer = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|p| rect.contains(*p));
    let pick = |spatial: &mut SpatialCache, g: &super::gpu_scene::GpuScene, proj: &Projected, p| {
        if resident {
            g.node_at(&pos.xy, &cam, rect, p, 3.0)
        } else {
            spatial.node_at(proj, pos, &cam, rect, p, 3.0)
        }
    };
    state.hovered = match (state.dragging, pointer) {
        (Some(node), _) => Some(node),
        (None, Some(p)) if response.hovered() || response.dragged() => {
            pick(&mut state.spatial, &state.gpu_scene, &proj, p)
        }
        _ => None,
    };

    // A node reached by keys is emphasised as a hovered one (a pointer on a node wins).
    let emphasised = state
        .hovered
        .or(keyboard_focus.filter(|_| state.keys.by_keyboard));
    // Who is emphasised: the hovered node and its neighbours dim everything else.
    let focus: Option<HashSet<NodeIx>> = emphasised.map(|h| {
        let mut s: HashSet<NodeIx> = kg.graph.neighbors_undirected(h).collect();
        s.insert(h);
        s
    });
    let gpu = (state.gpu_paint && state.gpu.usable()).then_some(&state.gpu);
    let special = resident.then(|| {
        let want = super::gpu_scene::Want {
            kg,
            cache: graph,
            visible: input.visible,
            xy: &pos.xy,
            overlay: &overlay,
            cam: &cam,
            rect,
            cull,
            selected: input.selected_nodes,
            selected_edge: input.selected_edge,
            hits: input.search_hits,
            focus: focus.as_ref(),
            emphasised,
            also: [keyboard_focus, state.dragging],
        };
        state.gpu_scene.project(&mut proj, &want)
    });
    let frame = Frame {
        kg,
        cache: graph,
        visible: input.visible,
        proj: &proj,
        degree: input.degree,
        overlay: &overlay,
        selected_nodes: input.selected_nodes,
        selected_edge: input.selected_edge,
        search_hits: input.search_hits,
        hovered: emphasised,
        keyboard_focus,
        focus: focus.as_ref(),
        zoom: cam.zoom,
        rect,
        cull,
        lang: input.lang,
        palette: &palette,
        scale: 1.0,
    };
    let edge_pointer = pointer.filter(|_| state.hovered.is_none() && response.hovered());
    let (edges, uniforms) = match special {
        Some(special) => {
            let g = &mut state.gpu_scene;
            let stride = draw::edge_stride(
                input.visible.edge_count,
                g.in_view,
                input.visible.node_count,
            );
            let still = edge_pointer.filter(|_| !response.dragged());
            let under_pointer = super::gpu_draw::edge_at(g, &frame, &pos.xy, &cam, still);
            let special = (special.into_iter())
                .filter(|e| frame.edge_ends_of(*e).is_some())
                .collect();
            let u = super::gpu_draw::uniforms(&frame, &cam, stride);
            (draw::Edges::on_top(special, under_pointer), Some(u))
        }
        None => (
            draw::edge_pass(&frame, edge_pointer, &mut state.meshes),
            None,
        ),
    };
    state.hovered_edge = edges.under_pointer;

    // Pointer actions.
    let modifiers = ui.input(|i| i.modifiers);
    if response.clicked() || response.drag_started() {
        response.request_focus();
        state.keys.by_keyboard = false;
    }
    let on_note = response
        .interact_pointer_pos()
        .and_then(|p| NoteEditing::at(&state.notes, p).map(|i| (i, p)));
    if response.drag_started()
        && let Some((i, p)) = on_note.filter(|_| !modifiers.alt)
    {
        state.note_editing.start_drag(&state.annotations, i, p);
    } else if response.drag_started() {
        let start = (response.interact_pointer_pos())
            .and_then(|p| pick(&mut state.spatial, &state.gpu_scene, &proj, p));
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
            Stroke::new(2.0, palette.accent.color32()),
        );
        if response.drag_stopped() {
            let to = pick(&mut state.spatial, &state.gpu_scene, &proj, p);
            if let Some(to) = to.filter(|t| *t != from) {
                out.commands.push(Command::Connect { from, to });
            }
            state.connecting = None;
        }
    } else if response.dragged() && state.note_editing.dragging() {
        if let Some(p) = response.interact_pointer_pos() {
            state
                .note_editing
                .drag_to(&mut state.annotations, p, cam.zoom);
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
        out.commands
            .extend(state.note_editing.end_drag(&state.annotations));
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
    if response.double_clicked()
        && let Some((i, _)) = on_note
        && let Some(a) = state.annotations.get(i)
    {
        state.note_editing.editing = Some((i, a.text.clone()));
    } else if response.double_clicked() && state.hovered.is_none() && state.hovered_edge.is_none() {
        out.commands.push(Command::Run(Action::FitView));
    } else if response.clicked() {
        if let Some(node) = state.hovered {
            // The clicked node is where keys go on from.
            state.keys.node = Some(node);
            state.keys.describe = false;
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

    // Drawing, back to front: thin edges (one mesh), emphasised edges, nodes, labels.
    match uniforms {
        Some(u) => super::gpu_draw::paint_edges(&painter, &state.gpu_scene, u),
        None => state.meshes.paint(&painter, EDGE_SLOT, edges.thin, gpu),
    }
    let mut edge_labels =
        draw::draw_special_edges(&painter, &frame, &edges.special, state.hovered_edge);
    edge_labels.extend(super::groups::draw_groups(&painter, &frame));
    match uniforms {
        Some(u) => super::gpu_draw::paint_nodes(&painter, &frame, &pos.pinned, &state.gpu_scene, u),
        None => draw::draw_nodes(&painter, &frame, &pos.pinned, &mut state.meshes, gpu),
    }
    let labels = scene::place_labels(&frame, edge_labels);
    draw::draw_labels(&painter, &frame, &labels);
    state.labelled.clear();
    state.labelled.extend(labels.labelled());
    state.labels = labels;
    // Annotations on top, placed from this frame's positions: a callout follows its node.
    let notes = super::annotations::place(
        &state.annotations,
        kg,
        pos,
        &cam,
        rect,
        &palette,
        input.lang,
    );
    super::annotations::paint(&painter, &notes, &palette, 1.0);
    if let Some((i, text)) = &mut state.note_editing.editing
        && let Some(placed) = notes.iter().find(|n| n.index == *i)
    {
        match super::canvas_notes::edit_in_place(ui, placed.rect, text) {
            Some(true) => {
                let i = *i;
                let typed = text.clone();
                if let Some(a) = state.annotations.get_mut(i) {
                    a.text = typed;
                }
                out.commands
                    .extend(state.note_editing.commit(&state.annotations));
                state.note_editing.editing = None;
            }
            Some(false) => state.note_editing.editing = None,
            None => {}
        }
    }
    state.notes = notes;

    let at = keyboard_focus.and_then(|f| proj.nodes.get(f.index()).map(|n| (n.p, n.r)));
    if keyboard_focus.is_some() {
        // Where keys act: the canvas's outline, as focused text fields show theirs.
        let stroke = Stroke::new(2.0, palette.accent.color32());
        painter.rect_stroke(rect.shrink(1.0), 0.0, stroke, egui::StrokeKind::Inside);
    }
    let a11y = (kg, pos.pinned.as_slice(), input.selected_nodes);
    super::canvas_a11y::expose(ui, &response, &state.keys, a11y, at);

    state.drawn_nodes.clear();
    state.drawn_nodes.extend(scene::drawn_nodes(&proj, rect));
    state.proj = proj;
    state.overlay = overlay;
    if state.hovered.is_some() {
        ui.ctx().set_cursor_icon(if state.dragging.is_some() {
            egui::CursorIcon::Grabbing
        } else {
            egui::CursorIcon::PointingHand
        });
    }
    out
}

/// Keyboard focus for this frame: take focus when asked, keep Tab, arrows and Escape on the
/// canvas while it has focus, enter at the selection or the node nearest the centre, drop a
/// focused node that is gone or hidden. The node whose ring shows, if any.
fn keyboard_focus(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &mut CanvasState,
    input: &CanvasInput,
) -> Option<NodeIx> {
    if std::mem::take(&mut state.keys.request) {
        response.request_focus();
    }
    let keys = &mut state.keys;
    if keys
        .node
        .is_some_and(|n| input.kg.graph.node_weight(n).is_none() || !input.visible.node(n))
    {
        keys.clear();
    }
    keys.has_focus = response.has_focus();
    if !keys.has_focus {
        return None;
    }
    let clear_on_escape = keys.node.is_some() || !input.selected_nodes.is_empty();
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                // With nothing left to clear, Escape leaves the canvas.
                escape: clear_on_escape,
            },
        )
    });
    // Entering the canvas (not after Escape cleared it: the next arrow key starts again).
    if keys.node.is_none() && response.gained_focus() {
        let first = input.selected_nodes.iter().next().copied();
        let center = state.camera.center;
        keys.node =
            super::keynav::entry_node(input.kg, &input.positions.xy, input.visible, first, center);
    }
    keys.node
}
