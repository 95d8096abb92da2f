//! Sidecar files beside a data file: the positions sidecar (`name.layout.ron`: node positions
//! and pins, kept apart so that moving a node never rewrites the facts) and what every sidecar
//! shares: a size limit, numbers checked on reading, and a broken file never overwritten.
//!
//! A sidecar that cannot be read (syntax error, invalid UTF-8, too large, not a regular file)
//! may hold hours of hand work, so it is kept as `NAME.bad` (`NAME.bad.1`, … when that exists,
//! an earlier copy is never replaced) before a fresh one is written: when it is opened
//! (`open_layout`, `views::open_views`) and again by every save, in case it broke meanwhile.

use super::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedPos {
    pub x: f32,
    pub y: f32,
    #[serde(default)]
    pub pinned: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedLayout {
    #[serde(default)]
    pub positions: BTreeMap<String, SavedPos>,
}

/// The layout sidecar of the largest graph accepted (5M nodes) is a few hundred MB; any lower
/// limit would refuse, and keep aside, a file the app wrote itself (kept at 512 MiB when data
/// files went to 1 GiB: no sidecar needs more).
pub const MAX_LAYOUT_BYTES: u64 = 512 * 1024 * 1024;

/// Coordinates beyond this are not a layout but damage: squared distances of such values
/// overflow `f32` to infinity and then to NaN inside the force layout.
pub const MAX_COORD: f32 = 1e9;

/// Individual warnings per file; the rest are counted in one last warning.
const MAX_WARNINGS: usize = 20;

/// Copies kept per sidecar before giving up (then the save is refused, nothing is lost).
const MAX_KEPT: usize = 1000;

/// A sidecar as read: the usable value and what was ignored in it (each with `path:line:col`
/// where the value was found).
#[derive(Clone, Debug, PartialEq)]
pub struct Checked<T> {
    pub value: T,
    pub warnings: Vec<Diagnostic>,
}

/// What opening a sidecar gave. Never an error: a missing file is `value: None`, a broken one
/// is kept aside and described in `broken`.
#[derive(Clone, Debug, PartialEq)]
pub struct SidecarOpen<T> {
    pub value: Option<T>,
    /// Values that were ignored (non-finite positions, a zero zoom, …).
    pub warnings: Vec<Diagnostic>,
    /// The file could not be read: why, and where it was kept (or why it could not be moved,
    /// in which case saves refuse to replace it).
    pub broken: Option<String>,
}

pub fn layout_sidecar_path(data_path: &Path) -> PathBuf {
    let stem = data_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".into());
    data_path.with_file_name(format!("{stem}.layout.ron"))
}

/// The text of a sidecar, `Ok(None)` when there is none. Anything present under that name that
/// cannot be read (a dangling link, a directory, a FIFO) is an error, so that it is kept aside
/// rather than replaced.
pub(crate) fn read_sidecar(path: &Path, limit: u64) -> Result<Option<String>, Diagnostic> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        _ => super::read_text_limited(path, limit).map(Some),
    }
}

/// A RON syntax or type error at its `line:col`.
pub(crate) fn ron_error(label: &str, e: &ron::error::SpannedError) -> Diagnostic {
    Diagnostic::new(
        label,
        e.span.start.line,
        e.span.start.col,
        e.code.to_string(),
    )
}

/// Warnings capped at `MAX_WARNINGS`, then one line with the count of the rest.
pub(crate) struct Warnings {
    label: String,
    list: Vec<Diagnostic>,
    more: usize,
}

impl Warnings {
    pub(crate) fn new(label: &str) -> Self {
        Warnings {
            label: label.to_string(),
            list: Vec::new(),
            more: 0,
        }
    }

    /// True while warnings are still listed one by one (callers skip locating the rest).
    pub(crate) fn listing(&self) -> bool {
        self.list.len() < MAX_WARNINGS
    }

    pub(crate) fn push(&mut self, at: Option<(usize, usize)>, msg: impl Into<String>) {
        if self.listing() {
            let (line, col) = at.unwrap_or((0, 0));
            self.list.push(Diagnostic::new(&self.label, line, col, msg));
        } else {
            self.more += 1;
        }
    }

    pub(crate) fn finish(mut self) -> Vec<Diagnostic> {
        if self.more > 0 {
            let msg = format!("… and {} more values ignored", self.more);
            self.list.push(Diagnostic::new(&self.label, 0, 0, msg));
        }
        self.list
    }
}

/// Read and check a layout sidecar without touching it: non-finite positions (NaN, inf) and
/// coordinates beyond `MAX_COORD` are dropped with a warning (the node is laid out afresh).
/// `Ok(None)` when there is no sidecar.
pub fn read_layout(path: &Path) -> Result<Option<Checked<SavedLayout>>, Diagnostic> {
    let label = path.display().to_string();
    let Some(text) = read_sidecar(path, MAX_LAYOUT_BYTES)? else {
        return Ok(None);
    };
    let mut layout: SavedLayout = ron::from_str(&text).map_err(|e| ron_error(&label, &e))?;
    let ok = |v: f32| v.is_finite() && v.abs() <= MAX_COORD;
    let bad: Vec<String> = layout
        .positions
        .iter()
        .filter(|(_, p)| !(ok(p.x) && ok(p.y)))
        .map(|(id, _)| id.clone())
        .collect();
    let mut warnings = Warnings::new(&label);
    let places = lex::map_keys(&text, &bad[..bad.len().min(MAX_WARNINGS)]);
    for id in &bad {
        if let Some(p) = layout.positions.remove(id) {
            let at = places.get(id.as_str()).copied();
            warnings.push(
                at,
                format!(
                    "position of {id:?} ({}, {}) is not a usable number; ignored (the node is laid out afresh)",
                    p.x, p.y
                ),
            );
        }
    }
    Ok(Some(Checked {
        value: layout,
        warnings: warnings.finish(),
    }))
}

/// A missing sidecar is not an error (`Ok(None)`); a broken one is. Unusable positions are
/// dropped (see `read_layout`); use `read_layout` for the warnings, `open_layout` to keep a
/// broken file aside.
pub fn load_layout(path: &Path) -> Result<Option<SavedLayout>, Diagnostic> {
    read_layout(path).map(|c| c.map(|c| c.value))
}

/// Open the layout sidecar for a document: like `read_layout`, but a file that cannot be read
/// is moved aside (`NAME.layout.ron.bad`) and described in `broken`, so the next save writes a
/// fresh one without losing it.
pub fn open_layout(path: &Path) -> SidecarOpen<SavedLayout> {
    open_with(path, read_layout)
}

/// Save positions atomically. A sidecar on disk that does not read is kept aside first; use
/// `save_layout_reporting` to learn about that.
pub fn save_layout(path: &Path, layout: &SavedLayout) -> std::io::Result<()> {
    save_layout_reporting(path, layout).map(drop)
}

/// `save_layout`, returning the message to show when a broken file was kept aside first.
pub fn save_layout_reporting(path: &Path, layout: &SavedLayout) -> std::io::Result<Option<String>> {
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    let text = ron::ser::to_string_pretty(layout, config).map_err(std::io::Error::other)?;
    if text.len() as u64 > MAX_LAYOUT_BYTES {
        return Err(std::io::Error::other(format!(
            "refused: the layout would be {} MB, over the {} MB a sidecar may have",
            text.len() / 1_000_000,
            MAX_LAYOUT_BYTES / 1_000_000
        )));
    }
    let kept = keep_aside_if_unreadable(path, |p| read_layout(p).map(drop))?;
    super::write_atomic(path, text.as_bytes())?;
    Ok(kept)
}

/// Move `path` to the first free `NAME.bad`, `NAME.bad.1`, `NAME.bad.2`, …; returns where.
/// An earlier copy is never replaced: the name is taken with a hard link, which fails when it
/// exists, and only then is the original name removed.
pub fn keep_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| std::io::Error::other("no file name"))?;
    for n in 0..MAX_KEPT {
        let bad = if n == 0 {
            path.with_file_name(format!("{name}.bad"))
        } else {
            path.with_file_name(format!("{name}.bad.{n}"))
        };
        match std::fs::hard_link(path, &bad) {
            Ok(()) => {
                std::fs::remove_file(path)?;
                return Ok(bad);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            // No hard links (FAT, some network shares, directories): rename to a free name.
            Err(_) => match std::fs::symlink_metadata(&bad) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    std::fs::rename(path, &bad)?;
                    return Ok(bad);
                }
                _ => {}
            },
        }
    }
    Err(std::io::Error::other(format!(
        "{MAX_KEPT} earlier copies {name}.bad… exist already"
    )))
}

/// Before a save: when something under `path` does not pass `read`, move it aside. Returns the
/// message for the user; an error when it could not be moved (the save must not go on).
pub(crate) fn keep_aside_if_unreadable(
    path: &Path,
    read: impl FnOnce(&Path) -> Result<(), Diagnostic>,
) -> std::io::Result<Option<String>> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let Err(d) = read(path) else {
        return Ok(None);
    };
    match keep_aside(path) {
        Ok(bad) => Ok(Some(kept_message(&d, &bad))),
        Err(e) => Err(std::io::Error::other(format!(
            "refused to replace {}, which could not be read ({d}) and could not be kept aside: {e}",
            path.display()
        ))),
    }
}

fn kept_message(d: &Diagnostic, bad: &Path) -> String {
    let name = bad.file_name().map_or_else(
        || bad.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!("{d}; could not read it, kept it as {name} (a new one is written at the next save)")
}

/// `read` for a document being opened, keeping a file that fails it aside.
pub(crate) fn open_with<T>(
    path: &Path,
    read: impl FnOnce(&Path) -> Result<Option<Checked<T>>, Diagnostic>,
) -> SidecarOpen<T> {
    match read(path) {
        Ok(found) => {
            let (value, warnings) =
                found.map_or((None, Vec::new()), |c| (Some(c.value), c.warnings));
            SidecarOpen {
                value,
                warnings,
                broken: None,
            }
        }
        Err(d) => {
            let broken = match keep_aside(path) {
                Ok(bad) => kept_message(&d, &bad),
                Err(e) => format!(
                    "{d}; could not read it nor keep it aside ({e}): it is not used and will not be overwritten"
                ),
            };
            SidecarOpen {
                value: None,
                warnings: Vec::new(),
                broken: Some(broken),
            }
        }
    }
}

/// Where things are in a RON text, for warnings about values found wrong after parsing.
pub(crate) mod lex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_finite_and_huge_positions_are_dropped_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.layout.ron");
        std::fs::write(
            &path,
            "SavedLayout(\n    positions: {\n        \"a\": (x: 1.0, y: 2.0),\n        \"b\": (x: NaN, y: 0.0),\n        \"c\": (x: 1.0, y: -inf),\n        \"d\": (x: 1e30, y: 0.0, pinned: true),\n    },\n)\n",
        )
        .unwrap();
        let read = read_layout(&path).unwrap().unwrap();
        assert_eq!(read.value.positions.keys().collect::<Vec<_>>(), ["a"]);
        let lines: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            lines[0].contains("g.layout.ron:4:9: position of \"b\""),
            "{lines:?}"
        );
        assert!(lines[1].contains(":5:9: position of \"c\""), "{lines:?}");
        assert!(lines[2].contains(":6:9: position of \"d\""), "{lines:?}");
        let loaded = load_layout(&path).unwrap().unwrap();
        assert!(
            loaded
                .positions
                .values()
                .all(|p| p.x.is_finite() && p.y.is_finite())
        );
    }

    #[test]
    fn many_bad_positions_give_a_bounded_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.layout.ron");
        let body: String = (0..5000)
            .map(|i| format!("\"n{i}\": (x: NaN, y: inf),"))
            .collect();
        std::fs::write(&path, format!("(positions: {{{body}}})")).unwrap();
        let read = read_layout(&path).unwrap().unwrap();
        assert!(read.value.positions.is_empty());
        assert_eq!(read.warnings.len(), MAX_WARNINGS + 1);
        let last = read.warnings.last().unwrap().to_string();
        assert!(last.contains("4980 more"), "{last}");
    }

    #[test]
    fn keep_aside_never_replaces_an_earlier_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.layout.ron");
        for (i, content) in ["one", "two", "three"].iter().enumerate() {
            std::fs::write(&path, content).unwrap();
            let bad = keep_aside(&path).unwrap();
            let expected = match i {
                0 => "g.layout.ron.bad".to_string(),
                n => format!("g.layout.ron.bad.{n}"),
            };
            assert_eq!(bad.file_name().unwrap().to_string_lossy(), expected);
            assert!(!path.exists());
        }
        let read = |n: &str| std::fs::read_to_string(dir.path().join(n)).unwrap();
        assert_eq!(read("g.layout.ron.bad"), "one");
        assert_eq!(read("g.layout.ron.bad.1"), "two");
        assert_eq!(read("g.layout.ron.bad.2"), "three");
    }

    #[test]
    fn broken_layout_is_kept_aside_on_open_and_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.layout.ron");
        let broken = b"SavedLayout(positions: {\"a\": (x: 1.0, y:\xff";
        std::fs::write(&path, broken).unwrap();
        let opened = open_layout(&path);
        assert_eq!(opened.value, None);
        let msg = opened.broken.unwrap();
        assert!(
            msg.contains("g.layout.ron:1:") && msg.contains("g.layout.ron.bad"),
            "{msg}"
        );
        assert_eq!(
            std::fs::read(dir.path().join("g.layout.ron.bad")).unwrap(),
            broken
        );
        assert!(open_layout(&path).value.is_none(), "missing now: fine");

        // Broken again by hand while the app runs: the save keeps it too.
        std::fs::write(&path, "SavedLayout(positions: {").unwrap();
        let layout = SavedLayout::default();
        let msg = save_layout_reporting(&path, &layout).unwrap().unwrap();
        assert!(msg.contains("g.layout.ron.bad.1"), "{msg}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("g.layout.ron.bad.1")).unwrap(),
            "SavedLayout(positions: {"
        );
        assert_eq!(load_layout(&path).unwrap(), Some(layout.clone()));
        assert_eq!(
            save_layout_reporting(&path, &layout).unwrap(),
            None,
            "a good file is replaced"
        );
    }
}
