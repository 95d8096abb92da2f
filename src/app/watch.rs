//! Hot reload: watch the open file and its sidecar; an outside change reloads the graph, keeping
//! the view, or shows the file's errors while the last good graph stays open.

use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

pub struct FileWatcher {
    pub path: PathBuf,
    _watcher: RecommendedWatcher,
    rx: Receiver<()>,
    changed_at: Option<Instant>,
}

impl FileWatcher {
    /// Watch the directory (saves replace the file by rename, which a file watch would lose).
    pub fn new(path: &Path, ctx: Option<egui::Context>) -> notify::Result<Self> {
        let (tx, rx) = channel();
        let names: Vec<std::ffi::OsString> =
            [path.to_path_buf(), crate::io::layout_sidecar_path(path)]
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_os_string()))
                .collect();
        let mut watcher =
            notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
                let Ok(event) = res else { return };
                if event.kind.is_access() {
                    return;
                }
                if event
                    .paths
                    .iter()
                    .any(|p| p.file_name().is_some_and(|n| names.iter().any(|m| m == n)))
                {
                    let _ = tx.send(());
                    if let Some(ctx) = &ctx {
                        ctx.request_repaint_after(Duration::from_millis(250));
                    }
                }
            })?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        watcher.watch(&dir, RecursiveMode::NonRecursive)?;
        Ok(FileWatcher {
            path: path.to_path_buf(),
            _watcher: watcher,
            rx,
            changed_at: None,
        })
    }

    /// True once the file has been quiet for a moment after a change (editors write in steps).
    pub fn poll(&mut self) -> bool {
        while self.rx.try_recv().is_ok() {
            self.changed_at = Some(Instant::now());
        }
        match self.changed_at {
            Some(t) if t.elapsed() >= Duration::from_millis(200) => {
                self.changed_at = None;
                true
            }
            _ => false,
        }
    }

    pub fn pending(&self) -> bool {
        self.changed_at.is_some()
    }
}

impl super::AtlasApp {
    /// Keep a watcher on the open file; react to outside changes.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        let path = self.doc.path().cloned();
        let stale = match (&self.watcher, &path) {
            (Some(w), Some(p)) => &w.path != p,
            (None, Some(_)) => true,
            (Some(_), None) => {
                self.watcher = None;
                false
            }
            (None, None) => false,
        };
        if stale && let Some(p) = &path {
            self.watcher = match FileWatcher::new(p, Some(ctx.clone())) {
                Ok(w) => Some(w),
                Err(e) => {
                    self.status = format!("not watching {} for changes: {e}", p.display());
                    None
                }
            };
        }
        let changed = self.watcher.as_mut().is_some_and(FileWatcher::poll);
        if self.watcher.as_ref().is_some_and(FileWatcher::pending) {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        if changed {
            self.on_disk_change();
        }
    }

    fn on_disk_change(&mut self) {
        let Some(path) = self.doc.path().cloned() else {
            return;
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            return;
        };
        if self.disk_text.as_deref() == Some(text.as_str()) {
            return; // our own save, or a sidecar-only change we don't need to reload for
        }
        if self.history.is_dirty() {
            self.prompt = Some(super::Prompt::DiskChanged);
        } else {
            self.reload_from_disk();
        }
    }

    /// Re-read the file in place, keeping camera, selection and unchanged positions.
    pub(super) fn reload_from_disk(&mut self) {
        let Some(path) = self.doc.path().cloned() else {
            return;
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                self.disk_banner = Some(vec![format!("{}: cannot read file: {e}", path.display())]);
                return;
            }
        };
        let parsed = if super::loading::is_ron(&path) {
            crate::io::parse_dataset(&text, &path.display().to_string())
        } else {
            crate::io::formats::load_any(&path)
        };
        match parsed {
            Ok(data) => {
                self.replace_data(data, super::Origin::File(path.clone()));
                self.history = Default::default();
                self.disk_text = Some(text);
                self.disk_banner = None;
                self.status = format!("reloaded {} after an outside change", path.display());
            }
            Err(diags) => {
                self.disk_text = Some(text);
                self.disk_banner = Some(diags.iter().map(ToString::to_string).collect());
            }
        }
    }
}
