//! The open file on disk: a watcher of the file and its sidecars, and re-reading the file
//! off the UI thread to tell an outside change from our own save.

use super::job::Job;
use super::open::{ReadData, Source, read_dataset, text_hash};
use crate::io;
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

pub struct FileWatcher {
    pub path: PathBuf,
    _watcher: RecommendedWatcher,
    rx: Receiver<Which>,
    changed_at: Option<Instant>,
    changed: Vec<Which>,
}

/// Which of the watched files changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Data,
    Layout,
    Views,
}

impl FileWatcher {
    /// Watch the directory (saves replace the file by rename, which a file watch would lose).
    pub fn new(path: &Path, ctx: Option<egui::Context>) -> notify::Result<Self> {
        let (tx, rx) = channel();
        let names: Vec<(std::ffi::OsString, Which)> = [
            (path.to_path_buf(), Which::Data),
            (crate::io::layout_sidecar_path(path), Which::Layout),
            (crate::io::views::views_sidecar_path(path), Which::Views),
        ]
        .iter()
        .filter_map(|(p, w)| p.file_name().map(|n| (n.to_os_string(), *w)))
        .collect();
        let mut watcher =
            notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
                let Ok(event) = res else { return };
                if event.kind.is_access() {
                    return;
                }
                let hit = event
                    .paths
                    .iter()
                    .filter_map(|p| p.file_name())
                    .find_map(|n| names.iter().find(|(m, _)| m == n).map(|(_, w)| *w));
                if let Some(which) = hit {
                    let _ = tx.send(which);
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
            changed: Vec::new(),
        })
    }

    /// The files that changed, once they have been quiet for a moment (editors write in steps).
    pub fn poll(&mut self) -> Vec<Which> {
        while let Ok(w) = self.rx.try_recv() {
            self.changed_at = Some(Instant::now());
            if !self.changed.contains(&w) {
                self.changed.push(w);
            }
        }
        match self.changed_at {
            Some(t) if t.elapsed() >= Duration::from_millis(200) => {
                self.changed_at = None;
                std::mem::take(&mut self.changed)
            }
            _ => Vec::new(),
        }
    }

    pub fn pending(&self) -> bool {
        self.changed_at.is_some()
    }
}

/// A re-read of the open file in progress.
pub struct Reloading {
    pub(super) job: Job<Reread>,
}

/// What a re-read found.
#[allow(clippy::large_enum_variant)] // one per re-read of the file; boxing would only add noise
pub enum Reread {
    /// The same text as last loaded or saved (our own save, or a touch).
    Unchanged,
    Changed {
        /// A hash of the new text, when it could be read.
        hash: Option<u64>,
        result: Result<ReadData, Vec<io::Diagnostic>>,
    },
}

/// Read `path` again under the one load policy; `Unchanged` when its text hashes to `expected`.
pub(super) fn reread(path: &Path, expected: Option<u64>) -> Reread {
    if !super::open::is_ron(path) {
        return Reread::Changed {
            hash: None,
            result: read_dataset(&Source::File(path.to_path_buf())),
        };
    }
    let text = match io::read_text(path) {
        Ok(t) => t,
        Err(d) => {
            return Reread::Changed {
                hash: None,
                result: Err(vec![d]),
            };
        }
    };
    let hash = text_hash(&text);
    if expected == Some(hash) {
        return Reread::Unchanged;
    }
    Reread::Changed {
        hash: Some(hash),
        result: super::open::read_ron_parsed(text, path, hash),
    }
}
