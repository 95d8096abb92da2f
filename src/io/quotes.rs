//! Verifies that every quote is an exact passage of its source file (whitespace ignored).

use super::diagnostic::Diagnostic;
use super::locate::Locator;
use crate::model::validate::{Place, squash};
use crate::model::{Cite, Dataset};
use std::collections::HashMap;
use std::path::Path;

/// Check every citation against the files in `dir`. `text` is the data file's text (for positions).
pub fn verify_quotes(data: &Dataset, text: &str, label: &str, dir: &Path) -> Vec<Diagnostic> {
    let locator = Locator::scan(text);
    let mut out = Vec::new();
    let mut contents: HashMap<&str, Option<String>> = HashMap::new();
    for (i, s) in data.sources.iter().enumerate() {
        let path = dir.join(&s.file);
        let body = match super::read_text(&path) {
            Ok(t) => Some(squash(&t)),
            Err(e) => {
                let (line, col) = locator.position(Place::Source(i));
                out.push(Diagnostic::new(
                    label,
                    line,
                    col,
                    format!(
                        "source \"{}\": cannot read {}: {}",
                        s.id,
                        path.display(),
                        e.message
                    ),
                ));
                None
            }
        };
        contents.insert(&s.id, body);
    }
    let mut check = |cites: &[Cite], what: String, place: Place| {
        for c in cites {
            if let Some(Some(body)) = contents.get(c.source.as_str()) {
                let q = squash(&c.quote);
                if !q.is_empty() && !body.contains(&q) {
                    let (line, col) = locator.position(place);
                    out.push(Diagnostic::new(
                        label,
                        line,
                        col,
                        format!(
                            "{what}: quote not found in source \"{}\": \"{}\"",
                            c.source, c.quote
                        ),
                    ));
                }
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
    out
}
