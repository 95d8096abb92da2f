//! Hot reload: watch the open file and its sidecar; an outside change reloads the graph, keeping
//! the view, or shows the file's errors while the last good graph stays open.

use crate::i18n::t_args;

use super::disk::{FileWatcher, Reloading, Reread, Which, reread};
use super::job::Job;
use super::open::ReadData;
use std::time::Duration;

impl super::AtlasApp {
    /// Keep a watcher on the open file; react to outside changes.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        let path = self.doc.path().cloned();
        let stale = match (&self.files.watcher, &path) {
            (Some(w), Some(p)) => &w.path != p,
            (None, Some(_)) => true,
            (Some(_), None) => {
                self.files.watcher = None;
                false
            }
            (None, None) => false,
        };
        if stale && let Some(p) = &path {
            self.files.watcher = match FileWatcher::new(p, Some(ctx.clone())) {
                Ok(w) => Some(w),
                Err(e) => {
                    self.shell.status = t_args(
                        "msg-not-watching",
                        &[
                            ("path", p.display().to_string().into()),
                            ("problem", e.to_string().into()),
                        ],
                    );
                    None
                }
            };
        }
        self.poll_reloading();
        if self.files.reloading.is_some() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
        let changed = self
            .files
            .watcher
            .as_mut()
            .map(FileWatcher::poll)
            .unwrap_or_default();
        if self
            .files
            .watcher
            .as_ref()
            .is_some_and(FileWatcher::pending)
        {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if changed.contains(&Which::Data) {
            self.on_disk_change();
        }
        if changed.contains(&Which::Layout) {
            self.on_layout_change();
        }
        if changed.contains(&Which::Views) {
            self.on_views_change();
        }
    }

    /// Positions edited by hand in `NAME.layout.ron`: move the nodes it names.
    fn on_layout_change(&mut self) {
        let Some(path) = self.doc.path().cloned() else {
            return;
        };
        match crate::io::load_layout(&crate::io::layout_sidecar_path(&path)) {
            Ok(Some(saved)) => {
                let kg = &self.doc.kg;
                let moves = kg.node_indices().filter_map(|ix| {
                    let p = saved.positions.get(&kg.node(ix).id)?;
                    Some((ix.index(), [p.x, p.y], p.pinned))
                });
                self.layout.place_many(moves);
            }
            Ok(None) => {}
            Err(d) => {
                self.shell.status =
                    t_args("msg-layout-sidecar", &[("warning", d.to_string().into())])
            }
        }
    }

    /// Views edited by hand in `NAME.views.ron`: take them over unless unchanged.
    fn on_views_change(&mut self) {
        let Some(p) = self.view.briefing.path.clone() else {
            return;
        };
        match crate::io::views::load_views(&p) {
            Ok(Some(v)) if v != self.view.briefing.views => {
                self.view.briefing.views = v;
                self.view.briefing.active = None;
                self.shell.status = t_args(
                    "msg-reloaded-views",
                    &[("path", p.display().to_string().into())],
                );
            }
            Ok(_) => {}
            Err(d) => {
                self.files.disk_banner = Some(vec![d.to_string()]);
            }
        }
    }

    /// The open file changed on disk: re-read it on a worker thread (a big file, or one an
    /// editor is still writing, must not freeze the window).
    fn on_disk_change(&mut self) {
        let Some(path) = self.doc.path().cloned() else {
            return;
        };
        let expected = self.files.disk_hash;
        let p = path.clone();
        match Job::spawn("atlas-reload", move || reread(&p, expected)) {
            Ok(job) => self.files.reloading = Some(Reloading { job }),
            Err(e) => {
                self.files.disk_banner = Some(vec![t_args(
                    "banner-reread-no-thread",
                    &[
                        ("path", path.display().to_string().into()),
                        ("problem", e.to_string().into()),
                    ],
                )])
            }
        }
    }

    /// Pick up a finished re-read of the open file.
    pub(super) fn poll_reloading(&mut self) {
        let Some(result) = self.files.reloading.as_mut().and_then(|r| r.job.poll()) else {
            return;
        };
        self.files.reloading = None;
        let label = self.doc.display_name();
        match result {
            Ok(Reread::Unchanged) => {}
            Ok(Reread::Changed {
                hash,
                result: Err(diags),
            }) => {
                // A half-written or broken file: say where, keep the last good graph and edits.
                if hash.is_some() {
                    self.files.disk_hash = hash;
                }
                self.files.disk_banner = Some(super::shell::summarize(&diags));
            }
            Ok(Reread::Changed {
                result: Ok(read), ..
            }) if self.history.is_dirty() => {
                self.files.held_reload = Some(Box::new(read));
                self.shell.prompt = Some(super::Prompt::DiskChanged);
            }
            Ok(Reread::Changed {
                result: Ok(read), ..
            }) => self.apply_reload(read),
            Err(failure) => {
                self.files.disk_banner = Some(vec![t_args(
                    "banner-reread-failed",
                    &[
                        ("path", (&label).into()),
                        ("problem", failure.to_string().into()),
                    ],
                )])
            }
        }
    }

    /// Show what was re-read from disk, keeping camera, selection and unchanged positions.
    pub(super) fn apply_reload(&mut self, read: ReadData) {
        let Some(path) = self.doc.path().cloned() else {
            return;
        };
        self.replace_data(read.data, super::Origin::File(path.clone()));
        self.history = Default::default();
        self.files.disk_hash = read.disk_hash;
        self.files.disk_banner = None;
        self.shell.status = match read.warnings.first() {
            Some(w) => t_args(
                "msg-reloaded-warnings",
                &[
                    ("path", path.display().to_string().into()),
                    ("count", read.warnings.total.into()),
                    ("warning", w.to_string().into()),
                ],
            ),
            None => t_args(
                "msg-reloaded",
                &[("path", path.display().to_string().into())],
            ),
        };
    }

    /// The user chose to drop their edits for the version on disk.
    pub(super) fn reload_from_disk(&mut self) {
        match self.files.held_reload.take() {
            Some(read) => self.apply_reload(*read),
            None => self.on_disk_change(),
        }
    }
}
