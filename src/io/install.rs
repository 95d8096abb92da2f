//! Where the shipped graph is: in a checkout (`graph-data/` under the working directory), where
//! the Debian package installs it (`<prefix>/share/innovation-atlas/`, found from the binary in
//! `<prefix>/bin`), else nowhere and the copy built into the binary is used.

use std::path::{Path, PathBuf};

/// The shipped graph, relative to a checkout of the repository.
pub const SHIPPED_GRAPH: &str = "graph-data/shenzhen.ron";

/// The package's data directory, relative to the installation prefix (`/usr`).
pub const SHARE_DIR: &str = "share/innovation-atlas";

/// Where to look for the shipped graph, best first: `cwd/graph-data/shenzhen.ron`, then
/// `<exe>/../../share/innovation-atlas/graph-data/shenzhen.ron` (`/usr/bin/innovation-atlas` →
/// `/usr/share/innovation-atlas/…`). An empty `cwd` keeps the first path relative, so it is
/// shown as the user would type it.
pub fn shipped_graph_candidates(cwd: &Path, exe: Option<&Path>) -> Vec<PathBuf> {
    let mut out = vec![cwd.join(SHIPPED_GRAPH)];
    // The prefix is the parent of the binary's directory; a binary at `/` has none.
    if let Some(prefix) = exe.and_then(Path::parent).and_then(Path::parent) {
        out.push(prefix.join(SHARE_DIR).join(SHIPPED_GRAPH));
    }
    out
}

/// The first candidate that is a regular file; `None` means "use the built-in copy".
pub fn find_shipped_graph(cwd: &Path, exe: Option<&Path>) -> Option<PathBuf> {
    shipped_graph_candidates(cwd, exe)
        .into_iter()
        .find(|p| p.is_file())
}

/// The shipped graph of this process: the working directory's, else the installed one
/// (the running binary's real path, symlinks resolved), else `None` (the built-in copy).
pub fn shipped_graph() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok();
    let found = find_shipped_graph(Path::new(""), exe.as_deref());
    match &found {
        Some(p) => log::info!("shipped graph: {}", p.display()),
        None => log::info!("shipped graph: none on disk, using the built-in copy"),
    }
    found
}

/// Whether a file can be created in `path`'s directory, found by creating (and removing) one:
/// permission bits alone do not say it (root, ACLs, read-only mounts). Saving replaces a file by
/// renaming a temporary file beside it, so this is what a save needs; an installed example
/// (`/usr/share/…`) fails it for a normal user, and Save should become Save As.
pub fn can_save_beside(path: &Path) -> bool {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(".atlas-write-probe")
        .tempfile_in(dir)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn touch(path: &Path) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "Dataset()").unwrap();
    }

    #[test]
    fn installed_binary_looks_in_share_beside_its_prefix() {
        let c = shipped_graph_candidates(
            Path::new("/home/u"),
            Some(Path::new("/usr/bin/innovation-atlas")),
        );
        assert_eq!(
            c,
            [
                PathBuf::from("/home/u/graph-data/shenzhen.ron"),
                PathBuf::from("/usr/share/innovation-atlas/graph-data/shenzhen.ron"),
            ]
        );
        // Relative to the working directory when `cwd` is empty, as the app has always shown it.
        assert_eq!(
            shipped_graph_candidates(Path::new(""), None),
            [PathBuf::from("graph-data/shenzhen.ron")]
        );
        // A binary at the root has no prefix to look under.
        assert_eq!(
            shipped_graph_candidates(Path::new("/w"), Some(Path::new("/atlas"))).len(),
            1
        );
    }

    #[test]
    fn working_directory_first_then_install_then_built_in() {
        let tmp = tempfile::tempdir().unwrap();
        let cwd = tmp.path().join("work");
        let prefix = tmp.path().join("usr");
        let exe = prefix.join("bin/innovation-atlas");
        let installed = prefix.join("share/innovation-atlas/graph-data/shenzhen.ron");
        fs::create_dir_all(&cwd).unwrap();

        assert_eq!(find_shipped_graph(&cwd, Some(&exe)), None);
        touch(&installed);
        assert_eq!(
            find_shipped_graph(&cwd, Some(&exe)),
            Some(installed.clone())
        );
        assert_eq!(find_shipped_graph(&cwd, None), None);
        let local = cwd.join("graph-data/shenzhen.ron");
        touch(&local);
        assert_eq!(find_shipped_graph(&cwd, Some(&exe)), Some(local));
        // A directory of that name is not a graph.
        let odd = tmp.path().join("odd");
        fs::create_dir_all(odd.join("graph-data/shenzhen.ron")).unwrap();
        assert_eq!(find_shipped_graph(&odd, Some(&exe)), Some(installed));
    }

    #[test]
    fn save_probe_leaves_nothing_behind() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("g.ron");
        assert!(can_save_beside(&file));
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
        assert!(!can_save_beside(&tmp.path().join("missing/g.ron")));
    }
}
