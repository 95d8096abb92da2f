//! The graph database session in the app: the connect dialog's commands, the one job that runs
//! at a time, and what a finished job does to the working graph (nothing, when it failed).

use crate::commands::{DbCommand, DbStart, Origin};
use crate::db::{DbError, DbSession, JobOutput, Subgraph};
use crate::i18n::t;
use crate::model::Dataset;
use std::collections::HashSet;

use super::AtlasApp;

const SEARCH_LIMIT: usize = 200;

impl AtlasApp {
    pub(super) fn db_command(&mut self, command: DbCommand) {
        let db = &mut self.db;
        let start = |s: &DbSession, how: &DbStart| match how {
            DbStart::Search(text) => s.search(text, SEARCH_LIMIT),
            DbStart::Cypher(cypher) => s.query(cypher),
        };
        match command {
            DbCommand::Connect { params, start: how } => {
                db.error = None;
                db.more.clear();
                // The connect job only says whether the server answered; the open job that
                // follows it on the same worker brings the graph (or the same error).
                let (session, _connected) = DbSession::connect(params);
                db.job = Some(start(&session, &how));
                db.session = Some(session);
            }
            DbCommand::Open(how) => {
                if let Some(s) = &db.session {
                    db.error = None;
                    db.job = Some(start(s, &how));
                }
            }
            DbCommand::Expand { node, limit } => {
                if let Some(s) = &db.session {
                    db.error = None;
                    db.job = Some(s.expand(&node, limit, 0));
                }
            }
            DbCommand::More { node, limit, skip } => {
                if let Some(s) = &db.session {
                    db.error = None;
                    db.job = Some(s.expand(&node, limit, skip));
                }
            }
            DbCommand::Cancel => {
                if let Some(job) = db.job.take() {
                    job.cancel();
                }
            }
            DbCommand::Disconnect => {
                db.job = None;
                db.session = None;
                db.more.clear();
            }
        }
    }

    /// Pick up a finished database job. A failure changes nothing but the message.
    pub(super) fn poll_db(&mut self, ctx: &egui::Context) {
        let Some(job) = self.db.job.as_mut() else {
            return;
        };
        let Some(result) = job.poll() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.db.job = None;
        match result {
            Ok(JobOutput::Subgraph(sub)) => self.install_subgraph(sub),
            Ok(JobOutput::Connected | JobOutput::Pushed(_)) => {}
            Err(DbError::Cancelled) => self.shell.status = t("db-error-cancelled"),
            Err(e) => {
                self.shell.status = crate::ui::db_error_text(&e);
                self.db.error = Some(e);
            }
        }
    }

    fn install_subgraph(&mut self, sub: Subgraph) {
        let label = self
            .db
            .session
            .as_ref()
            .map(|s| s.label.clone())
            .unwrap_or_default();
        match sub.around.clone() {
            None => {
                let (nodes, edges) = (sub.data.nodes.len(), sub.data.edges.len());
                let doc = crate::commands::Document::new(sub.data, Origin::Database(label.clone()));
                let loaded = super::open::Loaded {
                    doc,
                    saved: None,
                    sidecar_problem: None,
                    disk_hash: None,
                    warnings: Default::default(),
                };
                // Edits made meanwhile are not replaced without asking, as for a file.
                if self.history.is_dirty() {
                    self.files.held = Some(Box::new(loaded));
                    self.shell.prompt =
                        Some(super::Prompt::Unsaved(super::AfterSave::InstallLoaded));
                } else {
                    self.install(loaded);
                }
                self.db.open = false;
                self.shell.status = crate::ui::db_opened_message(nodes, edges, &label);
            }
            Some(parent) => self.merge_expansion(sub, &parent),
        }
    }

    /// Add what the database returned around `parent` that the graph does not have yet; the new
    /// nodes start on a ring around their parent, and only they and their neighbours move.
    fn merge_expansion(&mut self, sub: Subgraph, parent: &str) {
        if sub.more {
            self.db.more.insert(parent.to_string(), sub.next_skip);
        } else {
            self.db.more.remove(parent);
        }
        let mut data: Dataset = self.doc.kg.data.clone();
        let have: HashSet<String> = data.nodes.iter().map(|n| n.id.clone()).collect();
        let new_nodes: Vec<_> = sub
            .data
            .nodes
            .into_iter()
            .filter(|n| !have.contains(&n.id))
            .collect();
        let edge_key = |e: &crate::model::Edge| (e.from.clone(), e.to.clone(), e.rel.clone());
        let have_edges: HashSet<_> = data.edges.iter().map(edge_key).collect();
        let new_edges: Vec<_> = sub
            .data
            .edges
            .into_iter()
            .filter(|e| !have_edges.contains(&edge_key(e)))
            .collect();
        for s in sub.data.sources {
            if data.source(&s.id).is_none() {
                data.sources.push(s);
            }
        }
        let centre = self
            .doc
            .kg
            .node_ix(parent)
            .and_then(|ix| self.layout.positions().xy.get(ix.index()).copied())
            .unwrap_or(self.view.canvas.camera.center);
        let count = new_nodes.len().max(1) as f32;
        for (i, n) in new_nodes.iter().enumerate() {
            let angle = std::f32::consts::TAU * i as f32 / count;
            let r = 60.0;
            self.view.spawn_at.insert(
                n.id.clone(),
                [centre[0] + r * angle.cos(), centre[1] + r * angle.sin()],
            );
        }
        let (added_nodes, added_edges) = (new_nodes.len(), new_edges.len());
        data.nodes.extend(new_nodes);
        data.edges.extend(new_edges);
        let name = self
            .doc
            .kg
            .node_ix(parent)
            .map(|ix| {
                let zh_first = self.prefs.lang != crate::model::LabelLang::English;
                self.doc.kg.node(ix).display_name(zh_first).to_string()
            })
            .unwrap_or_else(|| parent.to_string());
        if added_nodes + added_edges > 0 {
            let origin = std::mem::replace(&mut self.doc.origin, Origin::Embedded);
            self.replace_data(data, origin);
        }
        self.shell.status = crate::ui::db_expanded_message(added_nodes, added_edges, &name);
    }

    /// Expand the selected node from the database (the key and the palette's way to it).
    pub(super) fn db_expand_selected(&mut self) {
        match (self.db.session.is_some(), self.db_selected_id()) {
            (true, Some(node)) => self.db_command(DbCommand::Expand {
                node,
                limit: super::db_state::EXPAND_LIMIT,
            }),
            (false, _) => self.shell.status = t("msg-db-not-connected"),
            (true, None) => self.shell.status = t("msg-db-select-one"),
        }
    }

    /// The id of the node the user is on (the single selection), for expanding it.
    pub(super) fn db_selected_id(&self) -> Option<String> {
        let nodes = &self.view.selection.nodes;
        match nodes.first() {
            Some(one) if nodes.len() == 1 => Some(self.doc.kg.node(*one).id.clone()),
            _ => None,
        }
    }
}
