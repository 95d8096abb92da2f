//! Reading a graph: the one policy every way in uses (open, reload, recovery, the built-in
//! graph) — structural errors refuse the file, curation problems are warnings — and the
//! starting layout of a big graph. Called on worker threads; knows nothing of the app.

use super::document::{Document, Origin};
use super::job::Job;
use crate::i18n::t_args;
use crate::io;
use crate::layout::{ForceParams, LayoutGraph, Positions, multilevel_start};
use crate::model::Dataset;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Files above this size load on a worker thread.
pub(super) const ASYNC_BYTES: u64 = 1 << 20;
/// Graphs above this many nodes get a multilevel starting layout.
pub(super) const MULTILEVEL_NODES: usize = 3000;
/// Label of the built-in graph in messages.
pub const EMBEDDED_LABEL: &str = "shenzhen.ron (built in)";

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    File(PathBuf),
    /// The copy of the Shenzhen graph compiled into the binary.
    Embedded,
}

/// A dataset read under the app's policy.
pub struct ReadData {
    pub data: Dataset,
    /// Curation problems and import notes: shown, never fatal.
    pub warnings: Vec<io::Diagnostic>,
    /// The RON text as read, to tell our own saves from outside edits.
    pub disk_text: Option<String>,
}

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

/// A file being opened on a worker thread.
pub struct Loading {
    pub path: PathBuf,
    pub bytes: u64,
    pub started: Instant,
    pub(super) job: Job<Result<Loaded, Vec<io::Diagnostic>>>,
}

pub fn is_ron(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// RON text under the app's policy (used for data files, recovery files and the built-in copy).
pub fn read_ron_text(text: &str, label: &str) -> Result<ReadData, Vec<io::Diagnostic>> {
    let (data, warnings) = io::parse_dataset_lenient(text, label)?;
    Ok(ReadData {
        data,
        warnings,
        disk_text: None,
    })
}

/// A RON file (a data file or a recovery file) under the app's policy.
pub fn read_ron_file(path: &Path) -> Result<ReadData, Vec<io::Diagnostic>> {
    let text = io::read_text(path).map_err(|d| vec![d])?;
    let mut read = read_ron_text(&text, &path.display().to_string())?;
    read.disk_text = Some(text);
    Ok(read)
}

/// The dataset of `source`: RON validated leniently, other formats imported.
pub fn read_dataset(source: &Source) -> Result<ReadData, Vec<io::Diagnostic>> {
    match source {
        Source::Embedded => read_ron_text(io::EMBEDDED_SHENZHEN, EMBEDDED_LABEL),
        Source::File(path) if is_ron(path) => read_ron_file(path),
        Source::File(path) => {
            let imported = io::formats::import_file(path, None, &Default::default())?;
            let label = path.display().to_string();
            Ok(ReadData {
                data: imported.data,
                warnings: imported
                    .warnings
                    .into_iter()
                    .map(|w| io::Diagnostic::new(&label, 0, 0, w))
                    .collect(),
                disk_text: None,
            })
        }
    }
}

/// Read `source`, index it, read its layout sidecar and pick a starting layout.
pub fn prepare(source: &Source, seed: u64) -> Result<Loaded, Vec<io::Diagnostic>> {
    let read = read_dataset(source)?;
    let (origin, sidecar) = match source {
        Source::File(path) => (
            Origin::File(path.clone()),
            Some(io::layout_sidecar_path(path)),
        ),
        Source::Embedded => (Origin::Embedded, None),
    };
    // A broken sidecar is moved aside (never overwritten by the next save) and reported.
    let (saved, sidecar_problem) = match sidecar.as_deref().map(io::views::open_layout) {
        None => (None, None),
        Some(open) => {
            let problem = open.broken.or_else(|| {
                open.warnings.first().map(|w| match open.warnings.len() {
                    1 => t_args("msg-layout-sidecar", &[("warning", w.to_string().into())]),
                    n => t_args(
                        "msg-layout-sidecar-more",
                        &[("warning", w.to_string().into()), ("more", (n - 1).into())],
                    ),
                })
            });
            (open.value, problem)
        }
    };
    let doc = Document::new(read.data, origin);
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
        disk_text: read.disk_text,
        warnings: read.warnings,
    })
}
