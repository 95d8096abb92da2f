//! `AtlasApp`: the app split by phase — preferences, view state, the layout session, the
//! document and its file, the window shell — and the document-level operations between them.
//! Fields are private to `app`; panels get the narrow data they draw and queue commands.

use crate::i18n::{t, t_args};

use super::document::{Document, Origin};
use super::files::FileState;
use super::prefs::Prefs;
use super::shell::{Shell, summarize};
use super::view_state::{RightTab, ViewState};
use crate::commands::{Command, History};
use crate::io;
use crate::layout::{LayoutGraph, LayoutSession, Positions};
use crate::model::NodeIx;
use crate::ui::{ErrorReport, Prompt};
use crate::view::Selection;
use std::path::Path;
use std::time::Duration;

pub struct AtlasApp {
    pub(super) prefs: Prefs,
    /// The graph and what is derived from it (search index, degrees).
    pub(super) doc: Document,
    pub(super) history: History,
    pub(super) files: FileState,
    /// The one owner of node positions.
    pub(super) layout: LayoutSession,
    pub(super) view: ViewState,
    pub(super) shell: Shell,
    /// Commands queued from outside a frame (drops, tests), applied with the next frame's.
    pub(super) pending: Vec<Command>,
    /// The graph database session, if any, and its one running job.
    pub(super) db: super::db_state::DbState,
}

/// How long layout may run per frame, so the UI never stalls.
pub(super) const LAYOUT_BUDGET: Duration = Duration::from_millis(6);

/// Drawn radius of each node (by degree), for the layout's overlap removal.
pub(super) fn node_radii(doc: &Document) -> Vec<f32> {
    doc.degree
        .iter()
        .map(|&d| crate::view::node_radius(d))
        .collect()
}

impl AtlasApp {
    /// An app with an empty graph; call `open_default` or `open_path` next.
    pub fn new(prefs: Prefs) -> Self {
        // Messages written before the first frame (e.g. "opened …") use the chosen language.
        crate::i18n::UiLang::set_current(prefs.ui_lang);
        let mut app = AtlasApp {
            prefs,
            doc: Document::new(Default::default(), Origin::Embedded),
            history: History::default(),
            files: FileState::default(),
            layout: LayoutSession::default(),
            view: ViewState::default(),
            shell: Shell::default(),
            pending: Vec::new(),
            db: Default::default(),
        };
        app.refresh_visible();
        app
    }

    /// The shipped graph: `graph-data/shenzhen.ron` under the working directory, else the
    /// installed copy (`/usr/share/innovation-atlas/…`), else the embedded copy.
    pub fn open_default(&mut self) {
        self.view.groups.first_picture = true;
        match io::install::shipped_graph() {
            Some(path) => self.open_path(&path),
            None => self.open_source(&super::open::Source::Embedded),
        }
    }

    /// At startup, after the file named on the command line failed: the shipped graph.
    pub fn open_default_if_nothing_open(&mut self) {
        if self.files.loading.is_none()
            && self.doc.origin == Origin::Embedded
            && self.doc.kg.data.nodes.is_empty()
        {
            self.open_default();
        }
    }

    /// Open a data file. On failure the errors are shown and the open graph stays.
    /// File → Open, drag-and-drop and the command line all come through here.
    pub(super) fn show_error(&mut self, title: &str, diags: &[io::Diagnostic]) {
        self.shell.error = Some(ErrorReport {
            title: title.to_string(),
            lines: summarize(diags),
        });
    }

    pub(super) fn set_document(&mut self, doc: Document, saved: Option<io::SavedLayout>) {
        let n = doc.kg.node_bound();
        let mut positions = Positions::random(n, self.layout.seed());
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
        self.shell.status = t_args(
            "status-opened",
            &[
                ("file", doc.display_name().to_string().into()),
                ("nodes", doc.kg.node_count().into()),
                ("edges", doc.kg.edge_count().into()),
            ],
        );
        let placed_all = from_sidecar > 0;
        self.layout
            .start_document(positions, placed_all, node_radii(&doc));
        self.doc = doc;
        self.view.selection = Default::default();
        self.history = Default::default();
        self.view.editor = Default::default();
        self.view.focus = Default::default();
        let views_for = self.doc.path().cloned();
        self.load_views_for(views_for.as_deref());
        self.load_groups_for(views_for.as_deref());
        if let Some(path) = self.doc.path()
            && super::recovery_file::exists(path)
        {
            self.shell.prompt = Some(Prompt::Recover(path.clone()));
        }
        self.view.search.hits.clear();
        self.refresh_search();
        self.refresh_visible();
        // Warm up so the first frame already shows structure (a graph too big for the frame
        // starts on the layout thread instead); then keep running live.
        if from_sidecar < n {
            self.layout.warm_up(Duration::from_millis(250), 600);
        }
        if from_sidecar >= n {
            self.layout.pause();
        }
        self.view.auto_fit = true;
        self.view.canvas.fit_requested = true;
        self.view.canvas.fit_instantly = true;
    }

    /// Recompute what is visible after the document or the filter changed.
    pub fn refresh_visible(&mut self) {
        self.refresh_visible_after(true);
    }

    /// As `refresh_visible`; when `structural` is false (no node or edge came or went), an
    /// unchanged visible set keeps the layout graph as it is instead of rebuilding it.
    pub(super) fn refresh_visible_after(&mut self, structural: bool) {
        let hits: Vec<NodeIx> = self.view.search.hits.iter().map(|h| h.node).collect();
        let full = crate::analysis::focus::compute_visible(
            &self.doc.kg,
            &self.view.filter,
            &self.view.focus,
            &hits,
        );
        self.project_groups(&full);
        let shown = match self.view.groups.projection.is_active() {
            true => self.view.groups.projection.visible.clone(),
            false => full.clone(),
        };
        self.view.full = full;
        let view = &mut self.view;
        let before = std::mem::replace(&mut view.visible, shown);
        let same_shown =
            !structural && before.nodes == view.visible.nodes && before.edges == view.visible.edges;
        // Every data or visibility change comes through here: count once, not every frame.
        view.census = crate::analysis::census::census(&self.doc.kg, &view.visible);
        view.canvas.graph_changed();
        view.focus.metrics_stale = true;
        if view.focus.size_by.is_some()
            || view.focus.color_by.is_some()
            || view.right_tab == RightTab::Metrics
        {
            view.focus.metrics = Some(crate::analysis::focus::compute_metrics(
                &self.doc.kg,
                &view.visible,
            ));
            view.focus.metrics_stale = false;
        }
        // Paths found on an older view may use hidden edges or stale indices.
        if !view.focus.paths.is_empty()
            && let Some((a, b)) = view.focus.path_ends
        {
            if a.index() < self.doc.kg.node_bound() && b.index() < self.doc.kg.node_bound() {
                crate::analysis::focus::find_paths(&self.doc.kg, &view.full, &mut view.focus, a, b);
            } else {
                view.focus.paths.clear();
            }
        }
        self.view.canvas.overlay = self.overlay_now();
        let view = &mut self.view;
        let kg = &self.doc.kg;
        // Aggregated edges hold meta-nodes in place as their member edges held the members.
        let aggregated =
            (view.groups.projection.edges.iter()).map(|e| (e.a.index() as u32, e.b.index() as u32));
        let edges = kg
            .graph
            .edge_indices()
            .filter(|e| view.visible.edge(*e))
            .filter_map(|e| {
                let (a, b) = kg.graph.edge_endpoints(e)?;
                Some((a.index() as u32, b.index() as u32))
            })
            .chain(aggregated);
        if !same_shown {
            self.layout.set_graph(LayoutGraph::new(
                kg.node_bound(),
                view.visible.nodes.clone(),
                edges,
            ));
        }
        view.selection.nodes.retain(|n| view.visible.node(*n));
        if view.selection.edge.is_some_and(|e| !view.visible.edge(e)) {
            view.selection.edge = None;
        }
    }

    pub fn refresh_search(&mut self) {
        self.view.search.hits = self.doc.search.search(&self.view.search.query, 30);
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
            .add_filter(t("file-graphs"), &formats)
            .add_filter(t("file-atlas-graph"), &["ron"]);
        if let Some(dir) = self.doc.path().and_then(|p| p.parent()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(path) = dialog.pick_file() {
            self.open_path_in_background(&path);
        }
    }

    pub(super) fn save_layout(&mut self) {
        match self.doc.path().cloned() {
            Some(path) => self.write_layout_sidecar(&path),
            None => self.shell.status = t("msg-builtin-no-layout-file"),
        }
    }

    /// Positions and pins of every node to `NAME.layout.ron` beside `data_path`.
    pub(super) fn write_layout_sidecar(&mut self, data_path: &Path) {
        let sidecar = io::layout_sidecar_path(data_path);
        let kg = &self.doc.kg;
        let positions = kg
            .node_indices()
            .map(|ix| {
                let [x, y] = self.layout.positions().xy[ix.index()];
                let pinned = self.layout.is_pinned(ix.index());
                (kg.node(ix).id.clone(), io::SavedPos { x, y, pinned })
            })
            .collect();
        match io::views::save_layout_reporting(&sidecar, &io::SavedLayout { positions }) {
            Ok(Some(kept_aside)) => {
                self.shell.status = t_args(
                    "msg-layout-saved-aside",
                    &[
                        ("path", sidecar.display().to_string().into()),
                        ("aside", kept_aside.into()),
                    ],
                )
            }
            Ok(None) => {
                self.shell.status = t_args(
                    "msg-layout-saved",
                    &[("path", sidecar.display().to_string().into())],
                )
            }
            Err(e) => {
                self.shell.error = Some(ErrorReport {
                    title: t("err-save-layout"),
                    lines: vec![format!("{}: {e}", sidecar.display())],
                })
            }
        }
    }

    pub(super) fn focus_node(&mut self, node: NodeIx) {
        self.view.selection = Selection {
            nodes: [node].into(),
            edge: None,
            anchor: Some(node),
        };
        if let Some(p) = self.layout.positions().xy.get(node.index()) {
            let zoom = self.view.canvas.camera.zoom.max(0.9);
            self.view.canvas.camera.target = Some((*p, zoom));
        }
        self.view.auto_fit = false;
    }

    pub(super) fn delete_selection(&mut self) {
        if let Some(e) = self.view.selection.edge {
            let index = self.doc.kg.graph[e];
            let edge = self.doc.kg.data.edges[index].clone();
            self.view.selection.edge = None;
            self.apply_edit(crate::commands::Edit::DeleteEdge { index, edge });
            return;
        }
        // Delete from the back so earlier indices stay valid inside the batch.
        let mut indices: Vec<usize> = self
            .view
            .selection
            .nodes
            .iter()
            .map(|n| self.doc.kg.graph[*n])
            .collect();
        indices.sort_unstable_by(|a, b| b.cmp(a));
        if let [i] = indices[..] {
            // One node: its edges come from the graph, without copying the data.
            if let Some(edit) = self.doc.delete_node(i) {
                self.view.selection = Selection::default();
                self.apply_edit(edit);
            }
            return;
        }
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
            self.view.selection = Selection::default();
            self.apply_edit(crate::commands::Edit::Batch(parts));
        }
    }
}
