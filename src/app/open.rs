//! Reading a graph: the one policy every way in uses (open, reload, recovery, the built-in
//! graph) — structural errors refuse the file, curation problems are warnings — and the
//! starting layout of a big graph. Called on worker threads; knows nothing of the app.

use super::document::{Document, Origin};
use super::job::Job;
use crate::i18n::t_args;
use crate::io;
use crate::model::Dataset;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Files above this size load on a worker thread.
pub(super) const ASYNC_BYTES: u64 = 1 << 20;
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
    pub warnings: io::Warnings,
    /// A hash of the RON text as read, to tell our own saves from outside edits (the text
    /// itself would be 600 MB at a million nodes).
    pub disk_hash: Option<u64>,
    /// Edge endpoints resolved while validating (RON only), so indexing need not redo it.
    pub ends: Option<Vec<[u32; 2]>>,
}

/// Everything needed to show a file, prepared off the UI thread.
pub struct Loaded {
    pub doc: Document,
    pub saved: Option<io::SavedLayout>,
    pub sidecar_problem: Option<String>,
    pub disk_hash: Option<u64>,
    /// Curation problems the file has (missing citations, unknown kinds), shown but not fatal.
    pub warnings: io::Warnings,
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
    Ok(read_data(io::parse_for_open(text, label)?, None))
}

/// A RON file (a data file or a recovery file) under the app's policy. The text is hashed and
/// then handed over to be freed once parsed (`io::parse_file_for_open`).
pub fn read_ron_file(path: &Path) -> Result<ReadData, Vec<io::Diagnostic>> {
    let text = io::read_text(path).map_err(|d| vec![d])?;
    let hash = text_hash(&text);
    read_ron_parsed(text, path, hash)
}

/// The text just read from `path` (hashing to `hash`) under the app's policy.
pub fn read_ron_parsed(
    text: String,
    path: &Path,
    hash: u64,
) -> Result<ReadData, Vec<io::Diagnostic>> {
    Ok(read_data(io::parse_file_for_open(text, path)?, Some(hash)))
}

fn read_data(opened: io::Opened, disk_hash: Option<u64>) -> ReadData {
    ReadData {
        data: opened.data,
        warnings: opened.warnings,
        disk_hash,
        ends: Some(opened.ends),
    }
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
                warnings: io::Warnings::all(
                    imported
                        .warnings
                        .into_iter()
                        .map(|w| io::Diagnostic::new(&label, 0, 0, w))
                        .collect(),
                ),
                disk_hash: None,
                ends: None,
            })
        }
    }
}

/// Read `source`, index it and read its layout sidecar.
pub fn prepare(source: &Source) -> Result<Loaded, Vec<io::Diagnostic>> {
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
    // A big graph without a layout file opens at once with random positions: its multilevel
    // start runs on the layout thread, and its picture forms on screen (`LayoutSession`).
    let doc = Document::new_resolved(read.data, origin, read.ends);
    Ok(Loaded {
        doc,
        saved,
        sidecar_problem,
        disk_hash: read.disk_hash,
        warnings: read.warnings,
    })
}

/// The hash the app keeps of a file's text to tell its own saves from outside edits.
pub(super) fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::default().hash_one(text)
}
