//! Applying edits, undo/redo, saving, and replacing the data while keeping the view.

use crate::i18n::{t, t_args};

use super::document::{Document, Origin};
use super::state::{AtlasApp, node_radii};
use crate::commands::Edit;
use crate::io;
use crate::layout::Positions;
use crate::model::{Dataset, NodeIx};
use crate::ui::{AfterSave, ErrorReport, Prompt};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

impl AtlasApp {
    /// Apply a new edit and record it, or tell the user why it was refused.
    pub fn apply_edit(&mut self, edit: Edit) {
        match self.perform(&edit) {
            Ok(()) => {
                self.shell.status = t_args("msg-done", &[("what", edit.describe().into())]);
                self.history.push(edit);
            }
            Err(e) => self.refuse(e),
        }
    }

    fn refuse(&mut self, message: String) {
        self.shell.error = Some(ErrorReport {
            title: t("err-edit-refused"),
            lines: vec![message],
        });
    }

    pub fn undo(&mut self) {
        let Some(edit) = self.history.undo() else {
            self.shell.status = t("msg-nothing-to-undo");
            return;
        };
        match self.perform(&edit) {
            Ok(()) => self.shell.status = t_args("msg-undone", &[("what", edit.describe().into())]),
            Err(e) => {
                self.history.revert_undo();
                self.refuse(t_args(
                    "msg-cannot-undo",
                    &[("problem", e.to_string().into())],
                ));
            }
        }
    }

    pub fn redo(&mut self) {
        let Some(edit) = self.history.redo() else {
            self.shell.status = t("msg-nothing-to-redo");
            return;
        };
        match self.perform(&edit) {
            Ok(()) => self.shell.status = t_args("msg-redone", &[("what", edit.describe().into())]),
            Err(e) => {
                self.history.revert_redo();
                self.refuse(t_args(
                    "msg-cannot-redo",
                    &[("problem", e.to_string().into())],
                ));
            }
        }
    }

    /// Carry out an edit on the document and the positions. It costs what it changes: the
    /// document is updated in place and only the touched nodes are laid out again.
    fn perform(&mut self, edit: &Edit) -> Result<(), String> {
        if edit.touches_data() {
            if self.doc.kg.is_regular() {
                let change = self.doc.apply(edit)?;
                self.after_change(&change);
            } else {
                // Duplicate ids or dangling edges (as loaded): indices cannot follow edit by
                // edit, so rebuild and match positions by id.
                let mut data = self.doc.kg.data.clone();
                edit.apply(&mut data)?;
                let origin = self.doc.origin.clone();
                self.replace_data(data, origin);
            }
        }
        self.apply_outside_data(edit);
        Ok(())
    }

    /// Follow an in-place change of the document: positions of added and removed nodes, the
    /// selection, what is shown and what the layout may move.
    fn after_change(&mut self, change: &crate::commands::Change) {
        let kg = &self.doc.kg;
        for &ix in &change.nodes_removed {
            self.layout.removed(ix.index());
            self.view.selection.nodes.remove(&ix);
        }
        for &ix in &change.nodes_added {
            let Some(node) = kg.graph.node_weight(ix).and_then(|&i| kg.data.nodes.get(i)) else {
                continue;
            };
            let at = self.view.spawn_at.remove(&node.id);
            let fallback = self.view.canvas.camera.center;
            self.layout
                .added(ix.index(), at.unwrap_or(fallback), at.is_some());
        }
        if self
            .view
            .selection
            .edge
            .is_some_and(|e| change.edges_removed.contains(&e))
        {
            self.view.selection.edge = None;
        }
        if !change.nodes_removed.is_empty() || !change.nodes_added.is_empty() {
            // Found paths and a view's highlights refer to nodes that may be gone.
            let focus = &mut self.view.focus;
            focus.paths.clear();
            focus.path_ends = None;
            focus.path_selected = None;
            focus.view_highlight = Default::default();
            focus.view_focus = Default::default();
            focus.view_dims_others = false;
        }
        let structural = !change.nodes_added.is_empty()
            || !change.nodes_removed.is_empty()
            || !change.edges_added.is_empty()
            || !change.edges_removed.is_empty();
        if structural {
            self.layout.set_radii(super::state::node_radii(&self.doc));
        }
        self.refresh_visible_after(structural);
        self.refresh_search();
    }

    /// The parts of an edit that are not graph data: positions and saved views.
    fn apply_outside_data(&mut self, edit: &Edit) {
        match edit {
            Edit::Move(moves) => {
                for m in moves {
                    if let Some(ix) = self.doc.kg.node_ix(&m.id) {
                        self.layout.place(ix.index(), m.to, m.pinned_after);
                    }
                }
            }
            Edit::Views { after, .. } => self.set_views(after),
            Edit::Batch(parts) => parts.iter().for_each(|p| self.apply_outside_data(p)),
            _ => {}
        }
    }

    /// Swap in new data, keeping the camera, the selection and the positions of nodes that are
    /// still there (matched by id). New nodes start next to a neighbour, or at `spawn_at`.
    pub fn replace_data(&mut self, data: Dataset, origin: Origin) {
        let old = &self.doc.kg;
        let mut kept: HashMap<String, ([f32; 2], bool)> = HashMap::new();
        for ix in old.node_indices() {
            let positions = self.layout.positions();
            if let (Some(p), Some(pin)) = (
                positions.xy.get(ix.index()),
                positions.pinned.get(ix.index()),
            ) {
                kept.insert(old.node(ix).id.clone(), (*p, *pin));
            }
        }
        let selected_ids: Vec<String> = self
            .view
            .selection
            .nodes
            .iter()
            .map(|n| old.node(*n).id.clone())
            .collect();
        let selected_edge = self.view.selection.edge.map(|e| {
            let e = old.edge(e);
            (e.from.clone(), e.to.clone(), e.rel.clone())
        });

        let old_ids: Vec<String> = old
            .node_indices()
            .map(|ix| old.node(ix).id.clone())
            .collect();
        let old_placed: HashMap<&str, bool> = old
            .node_indices()
            .map(|ix| {
                let placed = self.layout.is_placed(ix.index());
                (old.node(ix).id.as_str(), placed)
            })
            .collect();

        let doc = Document::new(data, origin);
        let n = doc.kg.node_bound();
        let mut positions = Positions::random(n, self.layout.seed());
        let mut fresh = Vec::new();
        for ix in doc.kg.node_indices() {
            match kept.get(&doc.kg.node(ix).id) {
                Some((p, pin)) => {
                    positions.xy[ix.index()] = *p;
                    positions.pinned[ix.index()] = *pin;
                }
                None => fresh.push(ix),
            }
        }
        for ix in fresh {
            let id = &doc.kg.node(ix).id;
            let near = self
                .view
                .spawn_at
                .remove(id)
                .or_else(|| {
                    doc.kg
                        .graph
                        .neighbors_undirected(ix)
                        .find_map(|nb| kept.get(&doc.kg.node(nb).id).map(|(p, _)| *p))
                        .map(|p| [p[0] + 15.0, p[1] + 15.0])
                })
                .unwrap_or(self.view.canvas.camera.center);
            positions.xy[ix.index()] = near;
        }
        self.view.selection.nodes = selected_ids
            .iter()
            .filter_map(|id| doc.kg.node_ix(id))
            .collect();
        self.view.selection.edge = selected_edge.and_then(|(from, to, rel)| {
            doc.kg.graph.edge_indices().find(|e| {
                let x = doc.kg.edge(*e);
                x.from == from && x.to == to && x.rel == rel
            })
        });
        // The old layout graph in the new indices, so that refresh_visible sees exactly what
        // the edit changed and lets only that neighbourhood move.
        let to_new: Vec<Option<usize>> = old_ids
            .iter()
            .map(|id| doc.kg.node_ix(id).map(|ix| ix.index()))
            .collect();
        let (remapped, touched) = self.layout.graph().remapped(&to_new, n);
        let mut placed = vec![false; n];
        for ix in doc.kg.node_indices() {
            placed[ix.index()] = old_placed
                .get(doc.kg.node(ix).id.as_str())
                .copied()
                .unwrap_or(true);
        }
        self.layout
            .remap(positions, remapped, placed, touched, node_radii(&doc));
        self.doc = doc;
        // Found paths refer to node indices of the old graph.
        self.view.focus.paths.clear();
        self.view.focus.path_ends = None;
        self.view.focus.path_selected = None;
        self.view.focus.view_highlight = Default::default();
        self.view.focus.view_focus = Default::default();
        self.view.focus.view_dims_others = false;
        self.refresh_visible();
        self.refresh_search();
    }

    /// Save to the open file (Save As for the built-in graph). Returns true when saved.
    pub fn save(&mut self) -> bool {
        match self.doc.path().cloned() {
            // Imported files are saved as RON elsewhere, never overwritten in another format.
            Some(path) if super::open::is_ron(&path) && io::install::can_save_beside(&path) => {
                self.save_to(&path)
            }
            // An installed example (`/usr/share/…`) cannot be replaced: save a copy instead.
            Some(path) if super::open::is_ron(&path) => {
                self.shell.status = t_args(
                    "msg-save-read-only",
                    &[("path", path.display().to_string().into())],
                );
                self.save_as()
            }
            _ => self.save_as(),
        }
    }

    pub fn save_as(&mut self) -> bool {
        let mut dialog = rfd::FileDialog::new()
            .add_filter(t("file-atlas-graph"), &["ron"])
            .set_file_name("shenzhen.ron");
        match self.doc.path() {
            Some(p) if io::install::can_save_beside(p) => {
                if let Some(dir) = p.parent() {
                    dialog = dialog.set_directory(dir);
                }
            }
            // Not beside a read-only file: start where the user keeps their files.
            _ => {
                if let Some(home) = std::env::var_os("HOME") {
                    dialog = dialog.set_directory(home);
                }
            }
        }
        match dialog.save_file() {
            Some(path) => self.save_to(&path),
            None => false,
        }
    }

    /// Canonical RON, written atomically; positions go to the sidecar.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let text = match io::to_canonical_ron(&self.doc.kg.data) {
            Ok(t) => t,
            Err(e) => {
                self.refuse(t_args(
                    "msg-cannot-encode",
                    &[("problem", e.to_string().into())],
                ));
                return false;
            }
        };
        // Sources added in the reader go beside the data file first: a data file must never
        // cite a text that is not there.
        if let Err(e) = self.view.reader.write_sources_beside(&self.doc, path) {
            self.shell.error = Some(ErrorReport {
                title: t("err-save"),
                lines: vec![format!("{e}\n{}", t("err-save-nothing-lost"))],
            });
            return false;
        }
        if let Err(e) = io::write_atomic(path, text.as_bytes()) {
            self.shell.error = Some(ErrorReport {
                title: t("err-save"),
                // One problem, with what it means for the user's edits beneath it.
                lines: vec![format!(
                    "{}: {e}\n{}",
                    path.display(),
                    t("err-save-nothing-lost")
                )],
            });
            return false;
        }
        self.files.disk_hash = Some(super::open::text_hash(&text));
        // The built-in graph, a database subgraph or Save As: the file saved is now the one open.
        if self.doc.path().is_none_or(|p| p != path) {
            self.doc.origin = Origin::File(path.to_path_buf());
        }
        self.write_layout_sidecar(path);
        self.history.mark_saved();
        // A write in flight would bring the file back after we remove it.
        self.finish_recovery_write();
        super::recovery_file::remove(path);
        self.shell.status = t_args("msg-saved", &[("path", path.display().to_string().into())]);
        true
    }

    /// Ask before an action that would drop unsaved edits; run it now when nothing is unsaved.
    pub fn guard_unsaved(&mut self, then: AfterSave) {
        if self.history.is_dirty() {
            self.shell.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.continue_after_save(then);
        }
    }

    pub fn continue_after_save(&mut self, then: AfterSave) {
        match then {
            AfterSave::Close => {
                self.shell.allow_close = true;
                self.shell.quit_requested = true;
            }
            AfterSave::Open(path) => self.open_path_in_background(&path),
            AfterSave::OpenDialog => self.open_dialog(),
            AfterSave::Reload => self.reload(),
            AfterSave::OpenShipped => self.open_default(),
            AfterSave::InstallLoaded => self.install_held(),
        }
    }

    /// Discard edits: forget history and the recovery file.
    pub fn discard_edits(&mut self) {
        self.history = Default::default();
        self.finish_recovery_write();
        if let Some(p) = self.doc.path() {
            super::recovery_file::remove(p);
        }
    }

    pub fn reload(&mut self) {
        match self.doc.path().cloned() {
            Some(p) => self.open_path(&p),
            None => self.open_default(),
        }
    }

    /// The node a new node is placed at: the centre of the view.
    pub fn spawn_point(&self) -> [f32; 2] {
        self.view.canvas.camera.center
    }

    pub fn node_index_of(&self, ix: NodeIx) -> usize {
        self.doc.kg.graph[ix]
    }

    pub fn path_buf(&self) -> Option<PathBuf> {
        self.doc.path().cloned()
    }
}
