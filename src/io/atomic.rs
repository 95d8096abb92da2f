//! Atomic file replacement: temp file in the same directory, fsync, rename.
//! On any failure the original file is left untouched and the temp file is removed.
//! A symlink is written through (its target is replaced, the link stays a link), and a
//! read-only file is refused rather than silently replaced by the rename.

use std::io::Write;
use std::path::{Path, PathBuf};

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
    let target = resolve_target(path)?;
    let path = target.as_path();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // Keep the original's permissions on the replacement.
    let existing = std::fs::metadata(path).ok();
    if let Some(m) = &existing {
        if !m.is_file() {
            return Err(std::io::Error::other(
                "refused: not a regular file (a directory, pipe or device)",
            ));
        }
        // A rename would replace a read-only file without complaint: the user marked it so
        // for a reason.
        if m.permissions().readonly() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "refused: the file is read-only (make it writable or use Save As)",
            ));
        }
    }
    let permissions = existing.map(|m| m.permissions());
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

/// The file a save to `path` must replace: symlinks followed to their final target (at most
/// 40 hops, like the kernel), relative link targets taken from the link's own directory.
fn resolve_target(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            // Not a link (or not there yet): this is the file to write.
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(
        "refused: too many levels of symbolic links",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn writes_through_symlinks_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "old").unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let link = sub.join("link.ron");
        std::os::unix::fs::symlink("../real.ron", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_read_only_files_and_symlink_loops() {
        let dir = tempfile::tempdir().unwrap();
        let ro = dir.path().join("ro.ron");
        std::fs::write(&ro, "keep").unwrap();
        let mut perm = std::fs::metadata(&ro).unwrap().permissions();
        perm.set_readonly(true);
        std::fs::set_permissions(&ro, perm).unwrap();
        let e = write_atomic(&ro, b"lost").unwrap_err();
        assert!(e.to_string().contains("read-only"), "{e}");
        assert_eq!(std::fs::read_to_string(&ro).unwrap(), "keep");
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(write_atomic(&a, b"x").is_err());
    }
}
