//! Verifies that every quote is a passage of its source file: exactly, or differing only in
//! whitespace (a warning, so that an editor can copy the text as it is).

use super::diagnostic::{Diagnostic, line_col};
use super::locate::Locator;
use crate::model::passage::PassageIndex;
use crate::model::validate::Place;
use crate::model::{Cite, Dataset};
use std::collections::HashMap;
use std::path::Path;

/// What checking the quotes found: problems (a quote not in its source, a source that cannot
/// be read) and warnings (a quote that matches only with whitespace ignored).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteReport {
    pub problems: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// Check every citation against the files in `dir`. `text` is the data file's text (for
/// positions). Problems only; see [`verify_quotes_report`] for the warnings too.
pub fn verify_quotes(data: &Dataset, text: &str, label: &str, dir: &Path) -> Vec<Diagnostic> {
    verify_quotes_report(data, text, label, Some(dir)).problems
}

/// Check every citation against the source texts in `dir` (`None`: the shipped texts).
pub fn verify_quotes_report(
    data: &Dataset,
    text: &str,
    label: &str,
    dir: Option<&Path>,
) -> QuoteReport {
    let locator = Locator::scan(text);
    let mut report = QuoteReport::default();
    let mut contents: HashMap<&str, Option<(String, PassageIndex)>> = HashMap::new();
    for (i, s) in data.sources.iter().enumerate() {
        let body = match super::sources::read_source(dir, &s.file) {
            Ok(t) => {
                let index = PassageIndex::new(&t);
                Some((t, index))
            }
            Err(e) => {
                let (line, col) = locator.position(Place::Source(i));
                let place = dir.map_or("the shipped sources".into(), |d| d.display().to_string());
                report.problems.push(Diagnostic::new(
                    label,
                    line,
                    col,
                    format!(
                        "source \"{}\": cannot read {} in {place}: {e}",
                        s.id, s.file
                    ),
                ));
                None
            }
        };
        contents.insert(&s.id, body);
    }
    let mut check = |cites: &[Cite], what: String, place: Place| {
        for c in cites {
            let Some(Some((body, index))) = contents.get(c.source.as_str()) else {
                continue;
            };
            if c.quote.trim().is_empty() {
                continue;
            }
            let at = quote_position(text, &locator, place, &c.quote);
            match index.find(body, &c.quote) {
                Some(found) if found.exact => {}
                Some(found) => {
                    let (sl, sc) = line_col(body, found.range.start);
                    report.warnings.push(Diagnostic::new(
                        label,
                        at.0,
                        at.1,
                        format!(
                            "warning: {what}: quote differs from source \"{}\" (line {sl}:{sc}) \
                             in whitespace only: \"{}\" vs \"{}\"",
                            c.source,
                            c.quote,
                            body[found.range].replace('\n', "\\n")
                        ),
                    ));
                }
                None => report.problems.push(Diagnostic::new(
                    label,
                    at.0,
                    at.1,
                    format!(
                        "{what}: quote not found in source \"{}\": \"{}\"",
                        c.source, c.quote
                    ),
                )),
            }
        }
    };
    for (i, n) in data.nodes.iter().enumerate() {
        check(&n.cites, format!("node \"{}\"", n.id), Place::Node(i));
    }
    for (i, e) in data.edges.iter().enumerate() {
        check(
            &e.cites,
            format!("edge \"{}\" -{}-> \"{}\"", e.from, e.rel.ident(), e.to),
            Place::Edge(i),
        );
    }
    report
}

/// Where `quote` is written in the data file: the element's start, or the quote string
/// itself when it appears (unescaped) soon after.
fn quote_position(text: &str, locator: &Locator, place: Place, quote: &str) -> (usize, usize) {
    let (line, col) = locator.position(place);
    let start = byte_at(text, line, col);
    let mut end = text.len().min(start + 64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = text.get(start..end).unwrap_or("");
    match window.find(&format!("\"{quote}\"")) {
        Some(off) => line_col(text, start + off + 1),
        None => (line, col),
    }
}

/// The byte offset of 1-based `line`:`col` (characters) in `text`.
fn byte_at(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    text.len()
}
