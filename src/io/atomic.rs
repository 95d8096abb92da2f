//! Atomic file replacement: temp file in the same directory, fsync, rename.
//! On any failure the original file is left untouched and the temp file is removed.

use std::io::Write;
use std::path::Path;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, bytes, || Ok(()))
}

/// `write_atomic` with a hook run after the temp file is written and synced, before the rename
/// (tests inject failures there).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // Keep the original's permissions on the replacement.
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut tmp = tempfile::Builder::new()
        .prefix(".atlas-save-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    match permissions {
        Some(p) => tmp.as_file().set_permissions(p)?,
        // A new file gets the usual rw-r--r-- rather than the temp file's private 0600.
        #[cfg(unix)]
        None => {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))?;
        }
        #[cfg(not(unix))]
        None => {}
    }
    before_rename()?;
    // On error the NamedTempFile is dropped, which deletes it.
    tmp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
