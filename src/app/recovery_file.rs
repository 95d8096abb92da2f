//! The recovery file beside a data file (`.NAME.recovery.ron`): where it is, writing it
//! atomically, removing it, and the writer that runs off the UI thread.

use super::job::Job;
use std::path::{Path, PathBuf};

pub fn path_for(data_path: &Path) -> PathBuf {
    let name = data_path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph.ron".into());
    data_path.with_file_name(format!(".{name}.recovery.ron"))
}

pub fn exists(data_path: &Path) -> bool {
    path_for(data_path).exists()
}

pub fn write(data_path: &Path, text: &str) -> std::io::Result<()> {
    crate::io::write_atomic(&path_for(data_path), text.as_bytes())
}

pub fn remove(data_path: &Path) {
    let p = path_for(data_path);
    if p.exists()
        && let Err(e) = std::fs::remove_file(&p)
    {
        log::warn!("cannot remove recovery file {}: {e}", p.display());
    }
}

/// The recovery file written off the UI thread, once per state of the edits.
#[derive(Default)]
pub struct RecoveryWriter {
    /// The data file and history version last written (or being written).
    pub(super) written_for: Option<(PathBuf, (u64, u64))>,
    pub(super) job: Option<Job<Result<(), String>>>,
}
