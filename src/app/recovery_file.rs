//! The recovery file beside a data file (`.NAME.recovery.ron`): where it is, writing it
//! atomically, removing it, and the writer that runs off the UI thread.

use super::job::Job;
use std::path::{Path, PathBuf};

/// Where the recovery file of `data_path` goes: beside it, or, when its folder cannot be written
/// (an installed example under `/usr/share`), in the user's state folder, so that edits of a
/// read-only file are still recoverable.
pub fn path_for(data_path: &Path) -> PathBuf {
    let beside = beside(data_path);
    if beside.exists() || crate::io::install::can_save_beside(data_path) {
        return beside;
    }
    match state_root() {
        Some(root) => in_state_folder(data_path, &root),
        None => beside,
    }
}

fn beside(data_path: &Path) -> PathBuf {
    let name = data_path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph.ron".into());
    data_path.with_file_name(format!(".{name}.recovery.ron"))
}

/// `$XDG_STATE_HOME`, else `~/.local/state` (the XDG base directory rules).
fn state_root() -> Option<PathBuf> {
    std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
}

/// The recovery file of a data file kept outside its folder: named after the whole path, so two
/// read-only files of the same name never share one.
pub fn in_state_folder(data_path: &Path, state_root: &Path) -> PathBuf {
    let whole = std::path::absolute(data_path).unwrap_or_else(|_| data_path.to_path_buf());
    let name: String = whole
        .to_string_lossy()
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':') {
                '%'
            } else {
                c
            }
        })
        .collect();
    state_root
        .join("innovation-atlas/recovery")
        .join(format!("{name}.recovery.ron"))
}

pub fn exists(data_path: &Path) -> bool {
    path_for(data_path).exists()
}

pub fn write(data_path: &Path, text: &str) -> std::io::Result<()> {
    let path = path_for(data_path);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::io::write_atomic(&path, text.as_bytes())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_only_files_keep_their_recovery_in_the_state_folder_by_whole_path() {
        let a = in_state_folder(
            Path::new("/usr/share/a/shenzhen.ron"),
            Path::new("/home/u/.local/state"),
        );
        let b = in_state_folder(
            Path::new("/usr/share/b/shenzhen.ron"),
            Path::new("/home/u/.local/state"),
        );
        assert_ne!(a, b);
        assert!(a.starts_with("/home/u/.local/state/innovation-atlas/recovery"));
        assert_eq!(
            a.file_name().and_then(|n| n.to_str()),
            Some("%usr%share%a%shenzhen.ron.recovery.ron")
        );
    }

    #[test]
    fn a_writable_folder_keeps_the_recovery_beside_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("g.ron");
        assert_eq!(path_for(&data), dir.path().join(".g.ron.recovery.ron"));
    }
}
