//! Loading and saving `Dataset`s as RON.

use super::diagnostic::Diagnostic;
use super::formats::{MAX_ELEMENTS, line_col};
use super::locate::Locator;
use super::ron_fast::Fast;
use crate::model::Dataset;
use crate::model::validate::{self, Place};
use std::path::Path;

/// The shipped Shenzhen graph, so an installed binary works from any directory.
pub const EMBEDDED_SHENZHEN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/graph-data/shenzhen.ron"
));

/// Parse and validate RON text, keeping the dataset even when it has semantic problems
/// (so that `check` can report those and verify quotes in one pass). `None` on a syntax error.
pub fn check_text(text: &str, label: &str) -> (Option<Dataset>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let data = check_text_each(text, label, |d| diags.push(d));
    (data, diags)
}

/// `check_text` handing each problem to `each` as it is located, so a file with a million
/// problems is reported without holding a million diagnostics at once (`check` streams them).
pub fn check_text_each(
    text: &str,
    label: &str,
    mut each: impl FnMut(Diagnostic),
) -> Option<Dataset> {
    let data = match read_ron(text, label) {
        Ok(d) => d,
        Err(d) => {
            each(d);
            return None;
        }
    };
    let problems = validate::validate(&data);
    if problems.is_empty() {
        return Some(data);
    }
    let locator = Locator::scan(text);
    for p in problems {
        let (line, col) = locator.position(p.place);
        each(Diagnostic::new(label, line, col, p.message));
    }
    Some(data)
}

/// Warnings about what `data` (read from `text`) says: edges outside their relation's allowed
/// kinds and containment contradictions (`model::lint`). They never refuse a file, so they are
/// kept apart from `check_text`'s problems: `check` prints them after those.
pub fn lint_diagnostics(data: &Dataset, text: &str, label: &str) -> Vec<Diagnostic> {
    let warnings = crate::model::lint::lint(data);
    if warnings.is_empty() {
        return Vec::new();
    }
    let locator = Locator::scan(text);
    warnings
        .into_iter()
        .map(|p| {
            let (line, col) = locator.position(p.place);
            Diagnostic::new(label, line, col, p.message)
        })
        .collect()
}

/// Parse and validate RON text. `label` is the path shown in diagnostics.
/// On failure returns every problem found: one syntax/type error, or all semantic errors.
pub fn parse_dataset(text: &str, label: &str) -> Result<Dataset, Vec<Diagnostic>> {
    match check_text(text, label) {
        (Some(data), diags) if diags.is_empty() => Ok(data),
        (_, diags) => Err(diags),
    }
}

/// Curation warnings `parse_dataset_lenient` formats and places; the rest are counted
/// (`check` lists them all).
pub const SHOWN_WARNINGS: usize = 100;

/// The curation warnings of a file opened leniently: the first `SHOWN_WARNINGS` and how many
/// there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Warnings {
    pub list: Vec<Diagnostic>,
    pub total: usize,
}

impl Warnings {
    /// Warnings that are all there is (imports, sidecars).
    pub fn all(list: Vec<Diagnostic>) -> Self {
        Warnings {
            total: list.len(),
            list,
        }
    }
}

impl std::ops::Deref for Warnings {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.list
    }
}

/// Like `parse_dataset`, but curation problems (`Problem::is_soft`) come back as warnings
/// instead of refusing the file (the first `SHOWN_WARNINGS`, and their count). Structural
/// errors still refuse it.
pub fn parse_dataset_lenient(
    text: &str,
    label: &str,
) -> Result<(Dataset, Warnings), Vec<Diagnostic>> {
    parse_for_open(text, label).map(|o| (o.data, o.warnings))
}

/// What `parse_for_open` read.
#[derive(Debug)]
pub struct Opened {
    pub data: Dataset,
    pub warnings: Warnings,
    /// Each edge's endpoints as node positions, found by validation, for
    /// `KnowledgeGraph::build_resolved`.
    pub ends: Vec<[u32; 2]>,
}

/// `parse_dataset_lenient`, keeping what validation resolved for indexing the graph.
pub fn parse_for_open(text: &str, label: &str) -> Result<Opened, Vec<Diagnostic>> {
    let data = read_ron(text, label).map_err(|d| vec![d])?;
    finish_open(data, label, |places| Locator::scan_for(text, places))
}

/// `parse_for_open` for the text of file `path`, which it takes over and frees as soon as it
/// is parsed: at a million nodes the text is 460 MB that validation and indexing would
/// otherwise hold beside the dataset. The problems found afterwards are placed by reading the
/// file's start again, only as far as they are (`locate_in_file`).
pub fn parse_file_for_open(text: String, path: &Path) -> Result<Opened, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let data = read_ron(&text, &label).map_err(|d| vec![d])?;
    drop(text);
    finish_open(data, &label, |places| locate_in_file(path, places))
}

/// Where `places` are in file `path`, reading 1 MB, then 32 MB, then all of it (within the
/// input limit) until each is found. Places the file no longer has (it changed since it was
/// read) stay unknown: their messages then name the file without a line.
fn locate_in_file(path: &Path, places: &[Place]) -> Locator {
    use std::io::Read;
    let mut found = Locator::default();
    for limit in [1 << 20, 32 << 20, super::MAX_INPUT_BYTES] {
        // As `read_bytes_limited`: a path swapped for a FIFO meanwhile would block the open.
        if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
            return found;
        }
        let Ok(file) = std::fs::File::open(path) else {
            return found;
        };
        let mut bytes = Vec::new();
        if file.take(limit).read_to_end(&mut bytes).is_err() {
            return found;
        }
        let complete = (bytes.len() as u64) < limit;
        // A prefix may end inside a character: keep the valid part.
        let valid = match std::str::from_utf8(&bytes) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
        };
        let text = valid.strip_prefix('\u{feff}').unwrap_or(valid);
        found = Locator::scan_for(text, places);
        let placed = places
            .iter()
            .all(|&p| p == Place::File || found.position(p) != (0, 0));
        if placed || complete {
            break;
        }
    }
    found
}

/// Validate what was read and place its problems with `locate`.
fn finish_open(
    data: Dataset,
    label: &str,
    locate: impl FnOnce(&[Place]) -> Locator,
) -> Result<Opened, Vec<Diagnostic>> {
    let found = validate::validate_capped(&data, SHOWN_WARNINGS);
    if found.problems.is_empty() {
        return Ok(Opened {
            data,
            warnings: Warnings {
                list: Vec::new(),
                total: found.soft_total,
            },
            ends: found.ends,
        });
    }
    let places: Vec<Place> = found.problems.iter().map(|p| p.place).collect();
    let locator = locate(&places);
    let (soft, hard): (Vec<_>, Vec<_>) = found.problems.into_iter().partition(|p| p.is_soft());
    let to_diag = |p: validate::Problem| {
        let (line, col) = locator.position(p.place);
        Diagnostic::new(label, line, col, p.message)
    };
    if hard.is_empty() {
        let list = soft.into_iter().map(to_diag).collect();
        Ok(Opened {
            data,
            warnings: Warnings {
                list,
                total: found.soft_total,
            },
            ends: found.ends,
        })
    } else {
        Err(hard.into_iter().chain(soft).map(to_diag).collect())
    }
}

/// The text as a `Dataset`: the fast parser when it is sure, ron otherwise (ron alone reports
/// syntax and type errors, so messages don't depend on which path ran). Both refuse more than
/// `MAX_ELEMENTS` nodes and edges: the fast parser counts list elements before building them,
/// ron stops a list at the limit, and the sum is checked here.
fn read_ron(text: &str, label: &str) -> Result<Dataset, Diagnostic> {
    let too_many = |line, col| {
        Diagnostic::new(
            label,
            line,
            col,
            format!("refused: more than {MAX_ELEMENTS} nodes and edges"),
        )
    };
    match super::ron_fast::read(text) {
        Fast::Read(data) => return Ok(data),
        Fast::TooMany(at) => {
            let (line, col) = line_col(text, at);
            return Err(too_many(line, col));
        }
        Fast::Unsure => {}
    }
    let data: Dataset = ron::Options::default().from_str(text).map_err(|e| {
        Diagnostic::new(
            label,
            e.span.start.line,
            e.span.start.col,
            e.code.to_string(),
        )
    })?;
    if data.nodes.len() + data.edges.len() > MAX_ELEMENTS {
        let first_extra = MAX_ELEMENTS.saturating_sub(data.nodes.len());
        let (line, col) = Locator::scan(text).position(Place::Edge(first_extra));
        return Err(too_many(line, col));
    }
    Ok(data)
}

pub fn load_dataset(path: &Path) -> Result<Dataset, Vec<Diagnostic>> {
    let label = path.display().to_string();
    let text = super::read_text(path).map_err(|d| vec![d])?;
    parse_dataset(&text, &label)
}

/// Canonical pretty RON: stable field order (the schema's), four-space indent, `Some` implicit.
pub fn to_canonical_ron(data: &Dataset) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(data, config)?;
    text.push('\n');
    Ok(text)
}
