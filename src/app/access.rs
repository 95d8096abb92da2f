//! Read-only access to the app's state, for tests, benchmarks and the CLI. Changes go through
//! `queue`/`apply` (commands) or the document operations (open, save, edit).

use super::Briefing;
use super::document::Document;
use super::prefs::Prefs;
use super::state::AtlasApp;
use crate::analysis::focus::Focus;
use crate::analysis::{Filter, Visible};
use crate::commands::History;
use crate::layout::{LayoutSession, Positions};
use crate::ui::PaletteState;
use crate::ui::{ErrorReport, Prompt};
use crate::view::CanvasState;
use crate::view::Selection;

impl AtlasApp {
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    pub fn error(&self) -> Option<&ErrorReport> {
        self.shell.error.as_ref()
    }

    pub fn status(&self) -> &str {
        &self.shell.status
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.shell.prompt.as_ref()
    }

    pub fn layout(&self) -> &LayoutSession {
        &self.layout
    }

    pub fn positions(&self) -> &Positions {
        self.layout.positions()
    }

    pub fn visible(&self) -> &Visible {
        &self.view.visible
    }

    pub fn filter(&self) -> &Filter {
        &self.view.filter
    }

    pub fn selection(&self) -> &Selection {
        &self.view.selection
    }

    pub fn canvas(&self) -> &CanvasState {
        &self.view.canvas
    }

    pub fn focus(&self) -> &Focus {
        &self.view.focus
    }

    pub fn briefing(&self) -> &Briefing {
        &self.view.briefing
    }

    /// How the screen is grouped (`io::groups::GroupState`: automatic grouping, hand groups,
    /// collapsed keys).
    pub fn group_state(&self) -> &crate::io::groups::GroupState {
        &self.view.groups.state
    }

    /// The groups of the visible graph.
    pub fn grouping(&self) -> &crate::analysis::groups::Grouping {
        &self.view.groups.grouping
    }

    /// The graph as shown: collapsed groups as meta-nodes, aggregated edges.
    pub fn groups_projection(&self) -> &crate::analysis::groups::Projection {
        &self.view.groups.projection
    }

    /// What filters, focus and timeline leave visible, before collapsed groups fold it.
    pub fn visible_before_groups(&self) -> &Visible {
        &self.view.full
    }

    pub fn palette(&self) -> &PaletteState {
        &self.view.palette
    }

    /// Whether a file is being read in the background.
    pub fn is_loading(&self) -> bool {
        self.files.loading.is_some()
    }

    /// Problems of the file on disk after an outside edit (the last good graph stays open).
    pub fn disk_banner(&self) -> Option<&[String]> {
        self.files.disk_banner.as_deref()
    }

    /// Stop the force layout (tests and benchmarks want still positions).
    pub fn pause_layout(&mut self) {
        self.layout.pause();
    }

    /// Let the force layout run again.
    pub fn resume_layout(&mut self) {
        if !self.layout.running() {
            self.layout.toggle_running();
        }
    }

    /// The camera, for tests that play a user panning and zooming.
    pub fn camera_mut(&mut self) -> &mut crate::view::Camera {
        &mut self.view.canvas.camera
    }

    /// Size of PNG exports (the Views panel's export size).
    pub fn set_export_size(&mut self, size: [u32; 2]) {
        self.view.briefing.export_size = size;
    }

    /// The connect dialog's form (tests fill it as a user would type).
    pub fn connect_form_mut(&mut self) -> &mut crate::ui::ConnectForm {
        &mut self.db.form
    }

    /// The label of the open database session, if any.
    pub fn db_connected(&self) -> Option<&str> {
        self.db.session.as_ref().map(|s| s.label.as_str())
    }

    /// Why the last database request failed, if it did.
    pub fn db_error(&self) -> Option<&crate::db::DbError> {
        self.db.error.as_ref()
    }

    /// A database request is running.
    pub fn db_busy(&self) -> bool {
        self.db.job.is_some()
    }

    /// The source reader panel: its open source, search and text selection.
    pub fn reader(&self) -> &crate::ui::ReaderState {
        &self.view.reader
    }

    /// The reader's panel-owned state (open source, text selection), as a drag in its text
    /// would set it.
    pub fn reader_mut(&mut self) -> &mut crate::ui::ReaderState {
        &mut self.view.reader
    }
}
