//! Opening files: parse, index and (for big graphs) lay out a coarse start on a worker thread,
//! so a 100k-node import shows progress instead of freezing the window.

use super::document::{Document, Origin};
use super::state::AtlasApp;
use crate::io;
use crate::layout::{ForceParams, LayoutGraph, Positions, multilevel_start};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

/// Files above this size load on a worker thread.
const ASYNC_BYTES: u64 = 1 << 20;
/// Graphs above this many nodes get a multilevel starting layout.
const MULTILEVEL_NODES: usize = 3000;

/// Everything needed to show a file, prepared off the UI thread.
pub struct Loaded {
    pub doc: Document,
    pub saved: Option<io::SavedLayout>,
    pub sidecar_problem: Option<String>,
    pub start: Option<Positions>,
    pub disk_text: Option<String>,
    /// Curation problems the file has (missing citations, unknown kinds), shown but not fatal.
    pub warnings: Vec<io::Diagnostic>,
}

pub struct Loading {
    pub path: PathBuf,
    pub bytes: u64,
    pub started: Instant,
    rx: Receiver<Result<Loaded, Vec<io::Diagnostic>>>,
}

pub fn is_ron(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// Read, validate (RON) or import (other formats), index, and pick a starting layout.
pub fn prepare(path: &Path, seed: u64) -> Result<Loaded, Vec<io::Diagnostic>> {
    let (data, warnings, disk_text) = if is_ron(path) {
        let label = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![io::Diagnostic::new(
                &label,
                0,
                0,
                format!("cannot read file: {e}"),
            )]
        })?;
        let (data, warnings) = io::parse_dataset_lenient(&text, &label)?;
        (data, warnings, Some(text))
    } else {
        (io::formats::load_any(path)?, Vec::new(), None)
    };
    let (saved, sidecar_problem) = match io::load_layout(&io::layout_sidecar_path(path)) {
        Ok(s) => (s, None),
        Err(d) => (None, Some(format!("ignored broken layout sidecar: {d}"))),
    };
    let doc = Document::new(data, Origin::File(path.to_path_buf()));
    let n = doc.kg.node_bound();
    let start = (saved.is_none() && doc.kg.node_count() > MULTILEVEL_NODES).then(|| {
        let edges = doc.kg.graph.edge_indices().filter_map(|e| {
            let (a, b) = doc.kg.graph.edge_endpoints(e)?;
            Some((a.index() as u32, b.index() as u32))
        });
        let g = LayoutGraph::full(n, edges);
        let params = ForceParams {
            seed,
            ..Default::default()
        };
        multilevel_start(&g, &params, &Positions::random(n, seed))
    });
    Ok(Loaded {
        doc,
        saved,
        sidecar_problem,
        start,
        disk_text,
        warnings,
    })
}

impl AtlasApp {
    /// Open a file now (blocking); used at startup, by tests and for small files.
    pub fn open_path(&mut self, path: &Path) {
        match prepare(path, self.layout.params.seed) {
            Ok(loaded) => self.install(loaded),
            Err(diags) => self.show_error(&format!("Could not open {}", path.display()), &diags),
        }
    }

    /// Open a file, on a worker thread when it is big. The open graph stays usable meanwhile.
    pub fn open_path_in_background(&mut self, path: &Path) {
        let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if bytes < ASYNC_BYTES {
            self.open_path(path);
            return;
        }
        let (tx, rx) = channel();
        let p = path.to_path_buf();
        let seed = self.layout.params.seed;
        let spawned = std::thread::Builder::new()
            .name("atlas-load".into())
            .spawn(move || {
                let _ = tx.send(prepare(&p, seed));
            });
        match spawned {
            Ok(_) => {
                self.loading = Some(Loading {
                    path: path.to_path_buf(),
                    bytes,
                    started: Instant::now(),
                    rx,
                })
            }
            Err(_) => self.open_path(path),
        }
    }

    /// Pick up a finished background load.
    pub(super) fn poll_loading(&mut self) {
        let Some(loading) = &self.loading else {
            return;
        };
        match loading.rx.try_recv() {
            Ok(result) => {
                let path = loading.path.clone();
                self.loading = None;
                match result {
                    Ok(loaded) => self.install(loaded),
                    Err(diags) => {
                        self.show_error(&format!("Could not open {}", path.display()), &diags)
                    }
                }
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                let path = loading.path.display().to_string();
                self.loading = None;
                self.show_error(
                    "Loading failed",
                    &[io::Diagnostic::new(
                        &path,
                        0,
                        0,
                        "the loader stopped unexpectedly",
                    )],
                );
            }
        }
    }

    fn install(&mut self, loaded: Loaded) {
        self.disk_text = loaded.disk_text;
        self.disk_banner = None;
        if let Some(p) = loaded.sidecar_problem {
            self.status = p;
        }
        let warnings = loaded.warnings;
        self.set_document(loaded.doc, loaded.saved, loaded.start);
        if let Some(first) = warnings.first() {
            self.status = format!(
                "opened with {} curation warning(s) (`innovation-atlas check` lists them): {first}",
                warnings.len()
            );
        }
    }
}
