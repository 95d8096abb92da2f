//! `AtlasApp`: document + view state + preferences, and the one place commands are applied.

use super::document::{Document, Origin};
use crate::analysis::{Filter, SearchHit, Visible};
use crate::commands::{Action, AnalysisCommand, Command};
use crate::io;
use crate::layout::{ForceLayout, ForceParams, LayoutGraph, Positions};
use crate::model::{EdgeIx, NodeIx};
use crate::view::{CanvasState, LabelLang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

/// Preferences persisted by eframe between runs. Never graph data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: LabelLang,
    pub dark: bool,
    pub show_legend: bool,
    pub show_minimap: bool,
    /// Light, high-contrast theme with large labels for projectors.
    pub projector: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: LabelLang::Both,
            dark: false,
            show_legend: true,
            show_minimap: true,
            projector: false,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub nodes: BTreeSet<NodeIx>,
    pub edge: Option<EdgeIx>,
    /// The node selected first (paths go from it to the other selected node).
    pub anchor: Option<NodeIx>,
}

/// A failure shown to the user in a dialog, one diagnostic per line.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorReport {
    pub title: String,
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub focus_requested: bool,
}

/// What to do once the user has answered "save your changes?".
#[derive(Clone, Debug, PartialEq)]
pub enum AfterSave {
    Close,
    Open(std::path::PathBuf),
    OpenDialog,
    Reload,
    OpenShipped,
    /// Show the graph a background load finished reading (held in `AtlasApp::held`).
    InstallLoaded,
}

/// A question the app is waiting for the user to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// Unsaved edits would be lost by `AfterSave`.
    Unsaved(AfterSave),
    /// The file changed on disk while there are unsaved edits here.
    DiskChanged,
    /// A recovery file from a session that did not end cleanly.
    Recover(std::path::PathBuf),
}

/// What the right-hand panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RightTab {
    Inspector,
    Metrics,
    Paths,
    Views,
}

#[derive(Clone, Debug, Default)]
pub struct PaletteState {
    pub open: bool,
    pub query: String,
}

pub struct AtlasApp {
    pub doc: Document,
    pub positions: Positions,
    pub layout: ForceLayout,
    pub layout_running: bool,
    pub filter: Filter,
    pub visible: Visible,
    pub(super) layout_graph: LayoutGraph,
    /// Nodes that have a meaningful position (laid out, kept from an earlier graph, or read
    /// from the sidecar). A node shown for the first time starts next to its neighbours.
    pub(super) placed: Vec<bool>,
    /// Nodes an edit touched that `changed_between` cannot see (neighbours of deleted nodes).
    pub(super) layout_touched: Vec<usize>,
    /// The force layout running on a thread (big graphs), if any.
    pub(super) worker: Option<super::layout_worker::LayoutWorker>,
    /// Active nodes of `layout_graph`.
    pub(super) active_count: usize,
    /// The layout thread could not be started; lay out within the frame instead.
    pub(super) worker_failed: bool,
    pub selection: Selection,
    pub canvas: CanvasState,
    pub search: SearchState,
    pub palette: PaletteState,
    pub prefs: Prefs,
    pub error: Option<ErrorReport>,
    /// A short message for the status bar (saved, reloaded, …).
    pub status: String,
    pub(super) pending: Vec<Command>,
    /// Keep fitting the view while a fresh layout unfolds, until the user moves the camera.
    pub(super) auto_fit: bool,
    pub(super) applied_theme: Option<(bool, bool)>,
    pub(super) fullscreen: bool,
    /// Set by the Quit action; the frame closes the viewport.
    pub quit_requested: bool,
    /// A file being read on a worker thread.
    pub loading: Option<super::loading::Loading>,
    /// A graph read by a background load that finished while there were unsaved edits: it
    /// waits here until the user says whether to save, discard or keep the edits.
    pub(super) held: Option<Box<super::loading::Loaded>>,
    /// The open file being re-read after an outside change, on a worker thread.
    pub(super) reloading: Option<super::watch::Reloading>,
    /// A re-read of the open file held while the user decides about their unsaved edits.
    pub(super) held_reload: Option<Box<super::loading::ReadData>>,
    /// A recovery file being written on a worker thread, and the edit it was written for.
    pub(super) recovery: super::recovery::RecoveryWriter,
    /// The window may close even with unsaved edits (the user chose Save or Discard).
    pub allow_close: bool,
    pub history: crate::commands::History,
    pub prompt: Option<Prompt>,
    /// Where to put nodes created in the app, by id, until the next rebuild.
    pub spawn_at: std::collections::HashMap<String, [f32; 2]>,
    /// The file's text as last loaded or saved, to tell our own writes from outside edits.
    pub disk_text: Option<String>,
    /// Problems of the file on disk after an outside edit; the last good graph stays open.
    pub disk_banner: Option<Vec<String>>,
    pub watcher: Option<super::watch::FileWatcher>,
    pub editor: crate::ui::EditorState,
    pub focus: super::focus::Focus,
    pub briefing: super::Briefing,
    /// Name of the layout in use (force, layered, radial, circular-kind, circular-community).
    pub layout_name: String,
    /// Animated move between layouts: from, to, start time (s).
    pub transition: Option<(Positions, Positions, f64)>,
    pub right_tab: RightTab,
    pub(super) last_recovery: std::time::Instant,
    pub(super) title: String,
}

/// Diagnostics shown in a dialog or banner: the first ones and a count. Laying out a million
/// lines every frame would freeze the window; `innovation-atlas check` lists them all.
pub const SHOWN_DIAGNOSTICS: usize = 100;

pub fn summarize(diags: &[io::Diagnostic]) -> Vec<String> {
    let mut lines: Vec<String> = diags
        .iter()
        .take(SHOWN_DIAGNOSTICS)
        .map(ToString::to_string)
        .collect();
    if diags.len() > SHOWN_DIAGNOSTICS {
        lines.push(format!(
            "… and {} more problem(s): `innovation-atlas check FILE` lists them all",
            diags.len() - SHOWN_DIAGNOSTICS
        ));
    }
    lines
}

/// How long layout may run per frame, so the UI never stalls.
pub(super) const LAYOUT_BUDGET: Duration = Duration::from_millis(6);

/// After a local change, nodes within this many hops of it may move; the rest stay put.
pub(super) const INCREMENTAL_HOPS: u32 = 2;

impl AtlasApp {
    /// An app with an empty graph; call `open_default` or `open_path` next.
    pub fn new(prefs: Prefs) -> Self {
        let doc = Document::new(Default::default(), Origin::Embedded);
        let mut app = AtlasApp {
            doc,
            positions: Positions::default(),
            layout: ForceLayout::new(ForceParams::default()),
            layout_running: false,
            filter: Filter::default(),
            visible: Visible::default(),
            layout_graph: LayoutGraph::default(),
            placed: Vec::new(),
            layout_touched: Vec::new(),
            worker: None,
            active_count: 0,
            worker_failed: false,
            selection: Selection::default(),
            canvas: CanvasState::default(),
            search: SearchState::default(),
            palette: PaletteState::default(),
            prefs,
            error: None,
            status: String::new(),
            pending: Vec::new(),
            auto_fit: true,
            applied_theme: None,
            fullscreen: false,
            quit_requested: false,
            loading: None,
            held: None,
            reloading: None,
            held_reload: None,
            recovery: Default::default(),
            allow_close: false,
            history: Default::default(),
            prompt: None,
            spawn_at: Default::default(),
            disk_text: None,
            disk_banner: None,
            watcher: None,
            editor: Default::default(),
            focus: Default::default(),
            briefing: Default::default(),
            layout_name: "force".into(),
            transition: None,
            right_tab: RightTab::Inspector,
            last_recovery: std::time::Instant::now(),
            title: String::new(),
        };
        app.refresh_visible();
        app
    }

    /// The shipped graph: `graph-data/shenzhen.ron` when present, else the embedded copy.
    pub fn open_default(&mut self) {
        let local = Path::new("graph-data/shenzhen.ron");
        if local.is_file() {
            self.open_path(local);
        } else {
            self.open_source(&super::loading::Source::Embedded);
        }
    }

    /// At startup, after the file named on the command line failed: the shipped graph.
    pub fn open_default_if_nothing_open(&mut self) {
        if self.loading.is_none()
            && self.doc.origin == Origin::Embedded
            && self.doc.kg.data.nodes.is_empty()
        {
            self.open_default();
        }
    }

    /// Open a data file. On failure the errors are shown and the open graph stays.
    /// File → Open, drag-and-drop and the command line all come through here.
    pub(super) fn show_error(&mut self, title: &str, diags: &[io::Diagnostic]) {
        self.error = Some(ErrorReport {
            title: title.to_string(),
            lines: summarize(diags),
        });
    }

    pub(super) fn set_document(
        &mut self,
        doc: Document,
        saved: Option<io::SavedLayout>,
        start: Option<Positions>,
    ) {
        let n = doc.kg.node_bound();
        let seed = self.layout.params.seed;
        let multilevel = start.is_some();
        let mut positions = start.unwrap_or_else(|| Positions::random(n, seed));
        let mut from_sidecar = 0;
        if let Some(saved) = saved {
            for ix in doc.kg.node_indices() {
                if let Some(p) = saved.positions.get(&doc.kg.node(ix).id) {
                    positions.xy[ix.index()] = [p.x, p.y];
                    positions.pinned[ix.index()] = p.pinned;
                    from_sidecar += 1;
                }
            }
        }
        self.status = format!(
            "opened {} — {} nodes, {} edges",
            doc.display_name(),
            doc.kg.node_count(),
            doc.kg.edge_count()
        );
        self.doc = doc;
        self.positions = positions;
        self.selection = Selection::default();
        self.history = Default::default();
        self.editor = Default::default();
        self.focus = Default::default();
        let views_for = self.doc.path().cloned();
        self.load_views_for(views_for.as_deref());
        if let Some(path) = self.doc.path()
            && super::recovery::exists(path)
        {
            self.prompt = Some(Prompt::Recover(path.clone()));
        }
        self.search.hits.clear();
        self.refresh_search();
        self.layout = ForceLayout::new(self.layout.params.clone());
        // A new document: no old layout graph to compare with, everything is laid out afresh.
        self.layout_graph = LayoutGraph::default();
        self.placed = vec![false; n];
        if from_sidecar > 0 || multilevel {
            self.placed = vec![true; n];
        }
        self.refresh_visible();
        // Warm up so the first frame already shows structure; then keep running live.
        if from_sidecar < n && !multilevel {
            self.run_layout_for(Duration::from_millis(250), 600);
        }
        self.layout_running = from_sidecar < n;
        self.auto_fit = true;
        self.canvas.fit_requested = true;
        self.canvas.fit_instantly = true;
    }

    /// Recompute what is visible after the document or the filter changed.
    pub fn refresh_visible(&mut self) {
        self.stop_layout_worker();
        let hits: Vec<NodeIx> = self.search.hits.iter().map(|h| h.node).collect();
        self.visible =
            super::focus::compute_visible(&self.doc.kg, &self.filter, &self.focus, &hits);
        self.canvas.graph_changed();
        self.focus.metrics_stale = true;
        if self.focus.size_by.is_some()
            || self.focus.color_by.is_some()
            || self.right_tab == RightTab::Metrics
        {
            self.focus.metrics = Some(super::focus::compute_metrics(&self.doc.kg, &self.visible));
            self.focus.metrics_stale = false;
        }
        // Paths found on an older view may use hidden edges or stale indices.
        if !self.focus.paths.is_empty()
            && let Some((a, b)) = self.focus.path_ends
        {
            if a.index() < self.doc.kg.node_bound() && b.index() < self.doc.kg.node_bound() {
                super::focus::find_paths(&self.doc.kg, &self.visible, &mut self.focus, a, b);
            } else {
                self.focus.paths.clear();
            }
        }
        self.canvas.overlay = super::focus::compute_overlay(&self.doc.kg, &self.focus);
        let kg = &self.doc.kg;
        let edges = kg
            .graph
            .edge_indices()
            .filter(|e| self.visible.edge(*e))
            .filter_map(|e| {
                let (a, b) = kg.graph.edge_endpoints(e)?;
                Some((a.index() as u32, b.index() as u32))
            });
        let old = std::mem::replace(
            &mut self.layout_graph,
            LayoutGraph::new(kg.node_bound(), self.visible.nodes.clone(), edges),
        );
        self.selection.nodes.retain(|n| self.visible.node(*n));
        if self.selection.edge.is_some_and(|e| !self.visible.edge(e)) {
            self.selection.edge = None;
        }
        self.active_count = self.layout_graph.active.iter().filter(|a| **a).count();
        self.relayout_changes(&old);
    }

    /// Stop the background layout (its newest step is dropped); called before anything
    /// replaces positions, the layout state or the layout graph.
    pub(super) fn stop_layout_worker(&mut self) {
        if let Some(w) = self.worker.take() {
            w.stop();
        }
    }

    /// Whether the force layout is running on a background thread.
    pub fn layout_on_worker(&self) -> bool {
        self.worker.is_some()
    }

    /// Tell a running background layout that the user moved or (un)pinned `node`.
    pub(super) fn layout_override(&mut self, node: usize) {
        if let (Some(w), Some(xy), Some(pinned)) = (
            &mut self.worker,
            self.positions.xy.get(node),
            self.positions.pinned.get(node),
        ) {
            w.send(super::layout_worker::Override {
                node,
                xy: *xy,
                pinned: *pinned,
            });
        }
    }

    /// Incremental layout: compare the new layout graph with `old` (same node indices) and let
    /// only the changed nodes and their neighbourhood move. Without a comparable old graph (a
    /// new document) the whole graph is laid out.
    fn relayout_changes(&mut self, old: &LayoutGraph) {
        let g = &self.layout_graph;
        let n = g.len();
        self.placed.resize(n, false);
        let touched = std::mem::take(&mut self.layout_touched);
        if old.len() != n || n == 0 {
            // Laid out afresh: every shown node gets a real position.
            self.layout.set_mobile(None);
            for (p, &a) in self.placed.iter_mut().zip(&g.active) {
                *p |= a;
            }
            return;
        }
        let mut changed = crate::layout::changed_between(old, g);
        changed.extend(touched.into_iter().filter(|&i| i < n));
        if changed.is_empty() {
            return;
        }
        let fresh: Vec<bool> = (0..n).map(|i| g.active[i] && !self.placed[i]).collect();
        if fresh.iter().any(|&f| f) {
            crate::layout::place_near_neighbours(
                &mut self.positions,
                g,
                &fresh,
                self.layout.params.seed,
            );
        }
        let mobile = crate::layout::affected(g, &changed, INCREMENTAL_HOPS);
        self.layout.set_mobile(Some(mobile));
        for (p, &a) in self.placed.iter_mut().zip(&g.active) {
            *p |= a;
        }
        self.layout_running = true;
    }

    /// ForceAtlas2's finishing pass: once the layout has settled, push apart nodes whose discs
    /// (as drawn, plus a small margin) overlap. Pinned nodes stay.
    pub fn remove_overlaps(&mut self) {
        let radius: Vec<f32> = self
            .doc
            .degree
            .iter()
            .map(|&d| crate::view::node_radius(d))
            .collect();
        // Nodes outside an incremental change's neighbourhood stay put here too.
        let pinned = self.positions.pinned.clone();
        if let Some(mobile) = self.layout.mobile() {
            for (p, &m) in self.positions.pinned.iter_mut().zip(mobile) {
                *p |= !m;
            }
        }
        crate::layout::remove_overlaps(&mut self.positions, &self.layout_graph, &radius, 4.0, 30);
        self.positions.pinned = pinned;
    }

    /// How many nodes moved with the last incremental change (all active ones when the whole
    /// graph is laid out).
    pub fn mobile_count(&self) -> usize {
        self.layout.mobile_count(&self.layout_graph)
    }

    pub(super) fn run_layout_for(&mut self, budget: Duration, max_steps: usize) {
        if self.active_count >= super::layout_worker::WORKER_MIN_NODES && !self.worker_failed {
            // One iteration would take longer than the frame budget: run on a thread.
            if self.worker.is_none() {
                match super::layout_worker::LayoutWorker::start(
                    self.layout.clone(),
                    self.layout_graph.clone(),
                    self.positions.clone(),
                ) {
                    Ok(w) => self.worker = Some(w),
                    Err(e) => {
                        // Keep laying out, in the frame: slower frames beat a frozen layout.
                        self.status = format!("layout runs in the window (no thread: {e})");
                        self.worker_failed = true;
                    }
                }
            }
            if let Some(w) = &mut self.worker {
                w.receive(&mut self.positions, &mut self.layout);
                let Some(why) = w.panicked() else {
                    return;
                };
                // Reported once; the layout goes on in the frame rather than looking frozen.
                self.status =
                    format!("the layout thread failed ({why}); layout runs in the window");
                self.worker = None;
                self.worker_failed = true;
            }
        }
        let start = Instant::now();
        for _ in 0..max_steps {
            self.layout.step(&mut self.positions, &self.layout_graph);
            if self.layout.settled() || start.elapsed() >= budget {
                break;
            }
        }
    }

    pub fn refresh_search(&mut self) {
        self.search.hits = self.doc.search.search(&self.search.query, 30);
    }

    pub fn queue(&mut self, cmd: Command) {
        self.pending.push(cmd);
    }

    /// Ask the user for a file with the native dialog, then open it.
    pub(super) fn open_dialog(&mut self) {
        let formats = [
            "ron", "graphml", "gexf", "gml", "json", "cyjs", "csv", "dot", "gv",
        ];
        let mut dialog = rfd::FileDialog::new()
            .add_filter("Graphs (RON, GraphML, GEXF, GML, JSON, CSV, DOT)", &formats)
            .add_filter("Atlas graph (RON)", &["ron"]);
        if let Some(dir) = self.doc.path().and_then(|p| p.parent()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(path) = dialog.pick_file() {
            self.open_path_in_background(&path);
        }
    }

    fn save_layout(&mut self) {
        match self.doc.path().cloned() {
            Some(path) => self.write_layout_sidecar(&path),
            None => self.status = "the built-in graph has no file to save a layout beside".into(),
        }
    }

    /// Positions and pins of every node to `NAME.layout.ron` beside `data_path`.
    pub(super) fn write_layout_sidecar(&mut self, data_path: &Path) {
        let sidecar = io::layout_sidecar_path(data_path);
        let kg = &self.doc.kg;
        let positions = kg
            .node_indices()
            .map(|ix| {
                let [x, y] = self.positions.xy[ix.index()];
                let pinned = self.positions.pinned[ix.index()];
                (kg.node(ix).id.clone(), io::SavedPos { x, y, pinned })
            })
            .collect();
        match io::views::save_layout_reporting(&sidecar, &io::SavedLayout { positions }) {
            Ok(Some(kept_aside)) => {
                self.status = format!("layout saved to {}; {kept_aside}", sidecar.display())
            }
            Ok(None) => self.status = format!("layout saved to {}", sidecar.display()),
            Err(e) => {
                self.error = Some(ErrorReport {
                    title: "Could not save the layout".into(),
                    lines: vec![format!("{}: {e}", sidecar.display())],
                })
            }
        }
    }

    fn restart_layout(&mut self, new_seed: bool) {
        self.stop_layout_worker();
        if new_seed {
            self.layout.params.seed = self.layout.params.seed.wrapping_add(1);
        }
        let fresh = Positions::random(self.positions.len(), self.layout.params.seed);
        for i in 0..self.positions.len() {
            if !self.positions.pinned[i] {
                self.positions.xy[i] = fresh.xy[i];
            }
        }
        self.layout = ForceLayout::new(self.layout.params.clone());
        self.layout_running = true;
        self.auto_fit = true;
    }

    fn focus(&mut self, node: NodeIx) {
        self.selection = Selection {
            nodes: [node].into(),
            edge: None,
            anchor: Some(node),
        };
        if let Some(p) = self.positions.xy.get(node.index()) {
            let zoom = self.canvas.camera.zoom.max(0.9);
            self.canvas.camera.target = Some((*p, zoom));
        }
        self.auto_fit = false;
    }

    /// Apply one command. The only place app state changes in response to the user.
    pub fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::Run(action) => self.run(action),
            Command::OpenPath(path) => self.guard_unsaved(AfterSave::Open(path)),
            Command::Edit(edit) => {
                self.apply_edit(edit);
                self.editor = Default::default();
            }
            Command::DragEnded {
                node,
                from,
                to,
                was_pinned,
            } => {
                if let Some(n) = self
                    .doc
                    .kg
                    .graph
                    .node_weight(node)
                    .map(|_| self.doc.kg.node(node).id.clone())
                {
                    let pinned_after = self
                        .positions
                        .pinned
                        .get(node.index())
                        .copied()
                        .unwrap_or(true);
                    // Already moved while dragging: record it only.
                    self.history.push(crate::commands::Edit::Move(vec![
                        crate::commands::NodeMove {
                            id: n,
                            from,
                            to,
                            pinned_before: was_pinned,
                            pinned_after,
                        },
                    ]));
                }
            }
            Command::Connect { from, to } => {
                self.editor = crate::ui::EditorState::connect(&self.doc.kg, from, Some(to));
            }
            Command::Answer(answer) => self.answer(answer),
            Command::Analysis(a) => self.analysis(a),
            Command::View(v) => self.view_command(v),
            Command::Select { node, additive } => {
                if additive {
                    if !self.selection.nodes.remove(&node) {
                        self.selection.nodes.insert(node);
                    }
                } else {
                    self.selection.nodes = [node].into();
                }
                if !additive
                    || self
                        .selection
                        .anchor
                        .is_none_or(|a| !self.selection.nodes.contains(&a))
                {
                    self.selection.anchor = self.selection.nodes.iter().next().copied();
                }
                self.selection.edge = None;
            }
            Command::SelectEdge(e) => {
                self.selection = Selection {
                    nodes: BTreeSet::new(),
                    edge: Some(e),
                    anchor: None,
                }
            }
            Command::Focus(node) => self.focus(node),
            Command::SetPinned { node, pinned } => {
                if let Some(p) = self.positions.pinned.get_mut(node.index()) {
                    *p = pinned;
                }
                self.layout_override(node.index());
                if !pinned {
                    self.layout_running = true;
                    self.layout.reset_speed();
                }
            }
            Command::MoveNode { node, to } => {
                if let Some(p) = self.positions.xy.get_mut(node.index()) {
                    *p = to;
                    self.positions.pinned[node.index()] = true;
                    self.layout_override(node.index());
                    self.auto_fit = false;
                    // Neighbours follow the dragged node.
                    self.layout_running = true;
                    self.layout.reset_speed();
                }
            }
            Command::DismissError => self.error = None,
        }
    }

    pub fn analysis(&mut self, cmd: AnalysisCommand) {
        use crate::analysis::ego::MAX_RADIUS;
        let mut refresh = true;
        match cmd {
            AnalysisCommand::SetYear(y) => {
                self.focus.year = y;
                if y.is_none() {
                    self.focus.playing = false;
                }
            }
            AnalysisCommand::Play(on) => {
                self.focus.playing = on;
                if on {
                    let (lo, hi) =
                        crate::analysis::timeline::year_range(&self.doc.kg).unwrap_or((2021, 2025));
                    // Restart from the first year when at (or past) the end.
                    if self.focus.year.is_none_or(|y| y >= hi) {
                        self.focus.year = Some(lo);
                    }
                } else {
                    refresh = false;
                }
            }
            AnalysisCommand::EgoFromSelection => {
                let seeds: Vec<String> = self
                    .selection
                    .nodes
                    .iter()
                    .map(|n| self.doc.kg.node(*n).id.clone())
                    .collect();
                if seeds.is_empty() {
                    self.status = "select a node first to focus on its neighbourhood".into();
                    refresh = false;
                } else {
                    self.focus.ego = Some(super::focus::EgoFocus {
                        seeds,
                        radius: 1,
                        direction: Default::default(),
                    });
                }
            }
            AnalysisCommand::EgoOff => self.focus.ego = None,
            AnalysisCommand::EgoRadius(r) => match &mut self.focus.ego {
                Some(e) => e.radius = r.min(MAX_RADIUS),
                None => refresh = false,
            },
            AnalysisCommand::EgoDirection(d) => match &mut self.focus.ego {
                Some(e) => e.direction = d,
                None => refresh = false,
            },
            AnalysisCommand::DegreeRange(lo, hi) => {
                self.focus.degree_min = lo;
                self.focus.degree_max = hi;
            }
            AnalysisCommand::SourceFilter(s) => self.focus.source = s,
            AnalysisCommand::SearchFilter(on) => self.focus.search_as_filter = on,
            AnalysisCommand::SizeBy(m) => self.focus.size_by = m,
            AnalysisCommand::ColorBy(m) => self.focus.color_by = m,
            AnalysisCommand::FindPaths => {
                let mut sel: Vec<NodeIx> = self.selection.nodes.iter().copied().collect();
                if sel.len() == 2 {
                    if self.selection.anchor == Some(sel[1]) {
                        sel.swap(0, 1);
                    }
                    super::focus::find_paths(
                        &self.doc.kg,
                        &self.visible,
                        &mut self.focus,
                        sel[0],
                        sel[1],
                    );
                    self.right_tab = RightTab::Paths;
                } else {
                    self.focus.path_message =
                        "Select exactly two nodes (Shift-click the second), then Find paths."
                            .into();
                    self.right_tab = RightTab::Paths;
                }
                refresh = false;
                self.canvas.overlay = super::focus::compute_overlay(&self.doc.kg, &self.focus);
            }
            AnalysisCommand::SelectPath(i) => {
                self.focus.path_selected = i;
                refresh = false;
                self.canvas.overlay = super::focus::compute_overlay(&self.doc.kg, &self.focus);
            }
            AnalysisCommand::ClearPaths => {
                self.focus.paths.clear();
                self.focus.path_ends = None;
                self.focus.path_selected = None;
                self.focus.path_message.clear();
                refresh = false;
                self.canvas.overlay = super::focus::compute_overlay(&self.doc.kg, &self.focus);
            }
        }
        if refresh {
            self.refresh_visible();
        }
    }

    fn view_command(&mut self, cmd: crate::commands::ViewCommand) {
        use crate::commands::ViewCommand as V;
        match cmd {
            V::Activate(i) => self.activate_view(i),
            V::Add(name) => self.add_view(&name),
            V::Update(i) => self.update_view(i),
            V::Edit {
                index,
                name,
                caption,
            } => self.edit_view(index, name, caption),
            V::Delete(i) => self.delete_view(i),
            V::Move { index, up } => self.move_view(index, up),
        }
    }

    /// A fixed arrangement (layered, radial, circular, geographic), reached by an animated
    /// transition.
    fn arrange(&mut self, action: Action) {
        self.stop_layout_worker();
        use crate::layout::{circular, layered, radial};
        let kg = &self.doc.kg;
        let g = &self.layout_graph;
        let kind_layer = |ix: NodeIx| -> u32 {
            use crate::model::Kind as K;
            match kg.node(ix).kind {
                K::Official => 0,
                K::Organization | K::University | K::Company => 1,
                K::Plan | K::Fund => 2,
                K::Action => 3,
                K::Platform | K::Area | K::Lab | K::Facility => 4,
                K::Industry => 5,
                K::Metric => 6,
                K::Unknown(_) => 7,
            }
        };
        let n = kg.node_bound();
        let by_kind: Vec<u32> = (0..n).map(|i| kind_layer(NodeIx::new(i))).collect();
        let (target, name) = match action {
            Action::LayoutLayered => (layered(g, &by_kind), "layered"),
            Action::LayoutRadial => {
                let Some(&center) = self.selection.nodes.iter().next() else {
                    self.status = "select a node to lay out the others in rings around it".into();
                    return;
                };
                (radial(g, center.index()), "radial")
            }
            Action::LayoutCircularKind => (circular(g, &by_kind), "circular-kind"),
            Action::LayoutGeographic => {
                let geo = match self.doc.path() {
                    Some(p) => io::geo::load_geo(&io::geo::geo_sidecar_path(p)),
                    None => io::geo::parse_geo(
                        io::geo::EMBEDDED_SHENZHEN_GEO,
                        "shenzhen.geo.ron (built in)",
                    )
                    .map(Some),
                };
                let geo = match geo {
                    Ok(Some(geo)) => geo,
                    Ok(None) => {
                        let name = self.doc.path().map(|p| io::geo::geo_sidecar_path(p));
                        self.status = format!(
                            "no geo sidecar ({}) beside the data file: nothing to place on the map",
                            name.map_or("NAME.geo.ron".into(), |p| p.display().to_string())
                        );
                        return;
                    }
                    Err(d) => {
                        self.status = format!("geo sidecar not used: {d}");
                        return;
                    }
                };
                let a =
                    crate::view::geo_backdrop::arrange_geographic(kg, g, &self.doc.degree, &geo);
                self.status = format!(
                    "geographic layout: {} places at their coordinates, the rest next to what they connect to{}",
                    a.anchored,
                    if a.unknown.is_empty() {
                        String::new()
                    } else {
                        format!("; unknown ids in the geo sidecar: {}", a.unknown.join(", "))
                    }
                );
                self.canvas.backdrop = Some(a.backdrop);
                (a.target, "geographic")
            }
            _ => {
                let comm = crate::analysis::communities::communities(kg, &self.visible, 1);
                let groups: Vec<u32> = (0..n)
                    .map(|i| comm.of(NodeIx::new(i)).map_or(u32::MAX, |c| c as u32))
                    .collect();
                (circular(g, &groups), "circular-community")
            }
        };
        self.layout_running = false;
        if name != "geographic" {
            self.canvas.backdrop = None;
        }
        self.layout_name = name.into();
        let mut target = target;
        // Hidden nodes keep their place; pins are kept.
        for i in 0..n.min(target.len()).min(self.positions.len()) {
            if !self.visible.nodes.get(i).copied().unwrap_or(false) {
                target.xy[i] = self.positions.xy[i];
            }
            target.pinned[i] = self.positions.pinned[i];
        }
        self.transition = Some((self.positions.clone(), target, -1.0));
        self.auto_fit = true;
    }

    fn delete_selection(&mut self) {
        if let Some(e) = self.selection.edge {
            let index = self.doc.kg.graph[e];
            let edge = self.doc.kg.data.edges[index].clone();
            self.selection.edge = None;
            self.apply_edit(crate::commands::Edit::DeleteEdge { index, edge });
            return;
        }
        // Delete from the back so earlier indices stay valid inside the batch.
        let mut indices: Vec<usize> = self
            .selection
            .nodes
            .iter()
            .map(|n| self.doc.kg.graph[*n])
            .collect();
        indices.sort_unstable_by(|a, b| b.cmp(a));
        let mut data = self.doc.kg.data.clone();
        let mut parts = Vec::new();
        for i in indices {
            if let Some(edit) = crate::commands::delete_node(&data, i)
                && edit.apply(&mut data).is_ok()
            {
                parts.push(edit);
            }
        }
        if !parts.is_empty() {
            self.selection = Selection::default();
            self.apply_edit(crate::commands::Edit::Batch(parts));
        }
    }

    fn answer(&mut self, answer: crate::commands::Answer) {
        use crate::commands::Answer;
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt, answer) {
            (Prompt::Unsaved(then), Answer::Save) if self.save() => {
                self.continue_after_save(then);
            }
            (Prompt::Unsaved(then), Answer::Discard) => {
                self.discard_edits();
                self.continue_after_save(then);
            }
            (Prompt::DiskChanged, Answer::Discard) => {
                self.discard_edits();
                self.reload_from_disk();
            }
            (Prompt::DiskChanged, Answer::Save) => {
                // Keep mine: overwrite the outside change.
                self.save();
            }
            (Prompt::Recover(path), Answer::Recover) => self.recover_from(&path),
            (Prompt::Recover(path), Answer::Discard) => super::recovery::remove(&path),
            // Cancelled: the edits stay, the graph read in the background is dropped.
            (Prompt::Unsaved(AfterSave::InstallLoaded), _) => self.held = None,
            _ => {}
        }
    }

    pub fn run(&mut self, action: Action) {
        match action {
            Action::Open => self.guard_unsaved(AfterSave::OpenDialog),
            Action::Reload => self.guard_unsaved(AfterSave::Reload),
            Action::OpenShipped => self.guard_unsaved(AfterSave::OpenShipped),
            Action::SaveLayout => self.save_layout(),
            Action::Quit => self.guard_unsaved(AfterSave::Close),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::NewNode => {
                self.editor = crate::ui::EditorState::new_node(&self.doc.kg.data);
            }
            Action::EditSelection => {
                self.editor = crate::ui::EditorState::edit_selection(&self.doc.kg, &self.selection);
            }
            Action::ConnectSelection => {
                if let Some(&from) = self.selection.nodes.iter().next() {
                    self.editor = crate::ui::EditorState::connect(&self.doc.kg, from, None);
                }
            }
            Action::DeleteSelection => self.delete_selection(),
            Action::EgoFocus => {
                let cmd = if self.focus.ego.is_some() {
                    AnalysisCommand::EgoOff
                } else {
                    AnalysisCommand::EgoFromSelection
                };
                self.analysis(cmd);
            }
            Action::EgoMore => {
                let r = self.focus.ego.as_ref().map_or(0, |e| e.radius);
                if self.focus.ego.is_none() {
                    self.analysis(AnalysisCommand::EgoFromSelection);
                } else {
                    self.analysis(AnalysisCommand::EgoRadius(r + 1));
                }
            }
            Action::EgoLess => {
                if let Some(r) = self.focus.ego.as_ref().map(|e| e.radius) {
                    self.analysis(AnalysisCommand::EgoRadius(r.saturating_sub(1)));
                }
            }
            Action::FindPaths => self.analysis(AnalysisCommand::FindPaths),
            Action::PlayTimeline => self.analysis(AnalysisCommand::Play(!self.focus.playing)),
            Action::Present => {
                self.briefing.presenting = !self.briefing.presenting;
                self.briefing.blank = false;
                if self.briefing.presenting && self.briefing.active.is_none() {
                    self.step_tour(true);
                }
            }
            Action::NextView => self.step_tour(true),
            Action::PreviousView => self.step_tour(false),
            Action::ToggleMinimap => self.prefs.show_minimap = !self.prefs.show_minimap,
            Action::ExportSvg => self.export_dialog(false),
            Action::ExportPng => self.export_dialog(true),
            Action::ThemeProjector => {
                self.prefs.projector = !self.prefs.projector;
                if self.prefs.projector {
                    self.prefs.dark = false;
                }
            }
            Action::LayoutForce => {
                self.layout_name = "force".into();
                self.canvas.backdrop = None;
                self.transition = None;
                self.stop_layout_worker();
                self.layout_running = true;
                self.layout.set_mobile(None);
            }
            Action::LayoutLayered
            | Action::LayoutRadial
            | Action::LayoutCircularKind
            | Action::LayoutCircularCommunity
            | Action::LayoutGeographic => {
                self.arrange(action);
            }
            Action::FitView => {
                self.canvas.fit_requested = true;
            }
            Action::ToggleLayout => {
                self.layout_running = !self.layout_running;
                if self.layout_running {
                    self.layout.reset_speed();
                }
            }
            Action::RerunLayout => self.restart_layout(false),
            Action::NewSeed => self.restart_layout(true),
            Action::Find => self.search.focus_requested = true,
            Action::CommandPalette => {
                self.palette.open = !self.palette.open;
                self.palette.query.clear();
            }
            Action::ClearSelection => {
                if self.palette.open {
                    self.palette.open = false;
                } else {
                    self.selection = Selection::default();
                }
            }
            Action::SelectNeighbours => {
                let kg = &self.doc.kg;
                let extra: Vec<NodeIx> = self
                    .selection
                    .nodes
                    .iter()
                    .flat_map(|n| kg.graph.neighbors_undirected(*n))
                    .filter(|n| self.visible.node(*n))
                    .collect();
                self.selection.nodes.extend(extra);
            }
            Action::UnpinAll => {
                self.stop_layout_worker();
                self.positions.pinned.iter_mut().for_each(|p| *p = false);
                self.layout_running = true;
                self.layout.set_mobile(None);
            }
            Action::LabelsEnglish => self.prefs.lang = LabelLang::English,
            Action::LabelsChinese => self.prefs.lang = LabelLang::Chinese,
            Action::LabelsBoth => self.prefs.lang = LabelLang::Both,
            Action::ThemeLight => {
                self.prefs.dark = false;
                self.prefs.projector = false;
            }
            Action::ThemeDark => {
                self.prefs.dark = true;
                self.prefs.projector = false;
            }
            Action::ToggleLegend => self.prefs.show_legend = !self.prefs.show_legend,
            Action::ShowAllKinds => {
                self.filter = Filter::default();
                self.refresh_visible();
            }
        }
    }
}
