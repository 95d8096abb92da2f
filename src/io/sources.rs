//! Source documents beside a data file: `graph-data/shenzhen.ron` cites the texts in
//! `graph-data/sources/` by the `file` of each `Source`. The shipped texts are also compiled
//! in, for the built-in graph. New sources are written there atomically.

use crate::model::Dataset;
use std::path::{Path, PathBuf};

/// The folder beside a data file that holds its sources.
pub const SOURCES_DIR: &str = "sources";

/// The shipped, cleaned source texts by file name.
pub const EMBEDDED_SOURCES: &[(&str, &str)] = &[
    (
        "000_b6f049b6b72c476a.txt",
        include_str!("../../graph-data/sources/000_b6f049b6b72c476a.txt"),
    ),
    (
        "001_c69897aab498d22d.txt",
        include_str!("../../graph-data/sources/001_c69897aab498d22d.txt"),
    ),
    (
        "002_1e2a77e6e55b6189.txt",
        include_str!("../../graph-data/sources/002_1e2a77e6e55b6189.txt"),
    ),
    (
        "003_415acb22f0f2dae4.txt",
        include_str!("../../graph-data/sources/003_415acb22f0f2dae4.txt"),
    ),
    (
        "004_fd5c39e6cab42f66.txt",
        include_str!("../../graph-data/sources/004_fd5c39e6cab42f66.txt"),
    ),
];

/// `dir/shenzhen.ron` → `dir/sources`.
pub fn sources_dir_beside(data_file: &Path) -> PathBuf {
    data_file
        .parent()
        .unwrap_or_else(|| Path::new(""))
        .join(SOURCES_DIR)
}

/// A shipped source text by file name.
pub fn embedded_source(file: &str) -> Option<&'static str> {
    EMBEDDED_SOURCES
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, text)| *text)
}

/// Whether `file` is a plain file name a source may be stored under (no folders, no `..`).
pub fn is_plain_file_name(file: &str) -> bool {
    !file.is_empty()
        && file != "."
        && file != ".."
        && !file.contains(['/', '\\', '\0'])
        && !file.starts_with('.')
}

/// The text of source `file` in `dir` (`None`: the shipped copy), with the usual size limit.
pub fn read_source(dir: Option<&Path>, file: &str) -> Result<String, String> {
    if !is_plain_file_name(file) {
        return Err(format!("\"{file}\" is not a plain file name"));
    }
    match dir {
        Some(dir) => super::read_text(&dir.join(file)).map_err(|d| d.message),
        None => embedded_source(file)
            .map(str::to_string)
            .ok_or_else(|| format!("{file} is not a shipped source")),
    }
}

/// Every source of `data` with its text or why it could not be read, in the data's order.
pub fn read_sources(data: &Dataset, dir: Option<&Path>) -> Vec<(String, Result<String, String>)> {
    data.sources
        .iter()
        .map(|s| (s.id.clone(), read_source(dir, &s.file)))
        .collect()
}

/// Write the text of a new source into `dir` (created if missing), atomically. A file that
/// is already there with other text is not overwritten: the caller picks another name.
pub fn write_source(dir: &Path, file: &str, text: &str) -> Result<PathBuf, String> {
    if !is_plain_file_name(file) {
        return Err(format!("\"{file}\" is not a plain file name"));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let path = dir.join(file);
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if existing == text {
            return Ok(path);
        }
        return Err(format!("{} exists with other text", path.display()));
    }
    super::write_atomic(&path, text.as_bytes())
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    Ok(path)
}

/// A file name for a new source from its title or original name: ASCII slug, `.txt`, not
/// among `taken`.
pub fn new_file_name(hint: &str, taken: &[&str]) -> String {
    let mut slug = crate::model::ascii_slug(hint);
    if slug.is_empty() || slug == "txt" {
        slug = "source".into();
    }
    slug.truncate(40);
    let stem = slug.trim_end_matches("-txt").to_string();
    let mut name = format!("{stem}.txt");
    let mut n = 2;
    while taken.contains(&name.as_str()) {
        name = format!("{stem}-{n}.txt");
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_and_fresh() {
        assert!(!is_plain_file_name("../x.txt"));
        assert!(!is_plain_file_name("a/b.txt"));
        assert!(is_plain_file_name("plan.txt"));
        assert_eq!(new_file_name("Plan 2022.pdf", &[]), "plan-2022-pdf.txt");
        assert_eq!(new_file_name("深圳", &["source.txt"]), "source-2.txt");
    }

    #[test]
    fn written_once_never_overwritten_with_other_text() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sources");
        write_source(&sub, "a.txt", "一").unwrap();
        assert!(write_source(&sub, "a.txt", "一").is_ok());
        assert!(write_source(&sub, "a.txt", "二").is_err());
        assert_eq!(read_source(Some(&sub), "a.txt").unwrap(), "一");
        assert!(read_source(Some(&sub), "../a.txt").is_err());
    }

    #[test]
    fn shipped_texts_are_compiled_in() {
        assert!(
            read_source(None, "004_fd5c39e6cab42f66.txt")
                .unwrap()
                .contains("十四五")
        );
        assert!(read_source(None, "nope.txt").is_err());
    }
}
