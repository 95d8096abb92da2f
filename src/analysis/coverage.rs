//! What the graph cites of a source text: the cited passages with the nodes and edges citing
//! each, the sentences no citation overlaps, and the share of sentences cited.

use super::sentences;
use crate::model::Dataset;
use crate::model::passage::PassageIndex;
use std::collections::HashMap;
use std::ops::Range;

/// A node or edge of the data, by its position in `Dataset::nodes` / `Dataset::edges`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Citer {
    Node(usize),
    Edge(usize),
}

/// A stretch of the text that one or more citations quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Byte range in the source text.
    pub range: Range<usize>,
    /// Who quotes it, nodes first, in data order.
    pub citers: Vec<Citer>,
}

/// A citation whose quote the text does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub citer: Citer,
    pub quote: String,
}

/// One source text read against the graph.
#[derive(Clone, Debug, Default)]
pub struct SourceCoverage {
    /// Cited passages, ordered by where they start (then by length, longest first).
    pub passages: Vec<Passage>,
    pub missing: Vec<Missing>,
    /// Sentence byte ranges in text order.
    pub sentences: Vec<Range<usize>>,
    /// Per sentence: whether a cited passage overlaps it.
    pub cited: Vec<bool>,
    /// Per sentence: whether it states something (`sentences::is_statement`).
    pub statement: Vec<bool>,
}

/// Every citation of source `source_id` located in `text` (whitespace ignored), grouped by the
/// stretch of text it covers.
pub fn passages(data: &Dataset, source_id: &str, text: &str) -> (Vec<Passage>, Vec<Missing>) {
    let index = PassageIndex::new(text);
    let mut by_range: HashMap<(usize, usize), usize> = HashMap::new();
    let mut out: Vec<Passage> = Vec::new();
    let mut missing = Vec::new();
    let cites = data
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (Citer::Node(i), &n.cites))
        .chain(
            data.edges
                .iter()
                .enumerate()
                .map(|(i, e)| (Citer::Edge(i), &e.cites)),
        );
    for (citer, list) in cites {
        for c in list.iter().filter(|c| c.source == source_id) {
            match index.find(text, &c.quote) {
                Some(found) => {
                    let key = (found.range.start, found.range.end);
                    let at = *by_range.entry(key).or_insert_with(|| {
                        out.push(Passage {
                            range: found.range.clone(),
                            citers: Vec::new(),
                        });
                        out.len() - 1
                    });
                    if out[at].citers.last() != Some(&citer) {
                        out[at].citers.push(citer);
                    }
                }
                None => missing.push(Missing {
                    citer,
                    quote: c.quote.clone(),
                }),
            }
        }
    }
    out.sort_by_key(|p| (p.range.start, std::cmp::Reverse(p.range.end)));
    (out, missing)
}

/// Passages, sentences and which sentences are cited, for one source.
pub fn analyse(data: &Dataset, source_id: &str, text: &str) -> SourceCoverage {
    let (passages, missing) = passages(data, source_id, text);
    let mut covered = vec![false; text.len()];
    for p in &passages {
        covered[p.range.clone()].iter_mut().for_each(|b| *b = true);
    }
    let sentences = sentences::split(text);
    let cited = sentences
        .iter()
        .map(|s| covered[s.clone()].iter().any(|b| *b))
        .collect();
    let statement = sentences
        .iter()
        .map(|s| sentences::is_statement(&text[s.clone()]))
        .collect();
    SourceCoverage {
        passages,
        missing,
        sentences,
        cited,
        statement,
    }
}

impl SourceCoverage {
    pub fn cited_count(&self) -> usize {
        self.cited.iter().filter(|c| **c).count()
    }

    /// Share of sentences a citation overlaps, 0–1 (1 for a text without sentences).
    pub fn share(&self) -> f64 {
        ratio(self.cited_count(), self.sentences.len())
    }

    pub fn statement_count(&self) -> usize {
        self.statement.iter().filter(|s| **s).count()
    }

    /// Share of statement sentences cited, 0–1.
    pub fn statement_share(&self) -> f64 {
        let cited = (0..self.sentences.len())
            .filter(|&i| self.statement[i] && self.cited[i])
            .count();
        ratio(cited, self.statement_count())
    }

    /// Indices (into `sentences`) of the statement sentences nothing cites.
    pub fn uncited_statements(&self) -> Vec<usize> {
        (0..self.sentences.len())
            .filter(|&i| self.statement[i] && !self.cited[i])
            .collect()
    }

    /// The passages covering byte `at` of the text, innermost (shortest) first.
    pub fn passages_at(&self, at: usize) -> Vec<&Passage> {
        let mut hits: Vec<&Passage> = self
            .passages
            .iter()
            .take_while(|p| p.range.start <= at)
            .filter(|p| p.range.contains(&at))
            .collect();
        hits.sort_by_key(|p| p.range.len());
        hits
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// 1-based line and column (in characters) of byte `at` of `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cite, Edge, Kind, Names, Node, Relation};

    fn node(id: &str, quotes: &[&str]) -> Node {
        Node {
            id: id.into(),
            kind: Kind::LAB,
            name: Names {
                zh: id.into(),
                en: id.into(),
            },
            aliases: Vec::new(),
            attrs: Default::default(),
            cites: quotes.iter().map(|q| Cite::new("s", *q)).collect(),
        }
    }

    #[test]
    fn coverage_counts_sentences_a_quote_overlaps() {
        let text = "建设鹏城实验室。深圳湾实验室 加快建设。全市11所高校获支持；让人才竞相成长。";
        let mut data = Dataset::default();
        data.nodes.push(node("a", &["鹏城实验室"]));
        // Found across the space, and shared with an edge.
        data.nodes.push(node("b", &["深圳湾实验室加快"]));
        data.nodes.push(node("c", &["不在文中"]));
        data.edges.push(Edge {
            from: "a".into(),
            to: "b".into(),
            rel: Relation::PART_OF,
            year: None,
            inferred: false,
            attrs: Default::default(),
            cites: vec![Cite::new("s", "深圳湾实验室 加快")],
        });
        let cov = analyse(&data, "s", text);
        assert_eq!(cov.sentences.len(), 4);
        assert_eq!(cov.cited, vec![true, true, false, false]);
        assert_eq!(cov.share(), 0.5);
        // The third states a figure, the fourth nothing a graph holds.
        assert_eq!(cov.statement, vec![true, true, true, false]);
        assert_eq!(cov.uncited_statements(), vec![2]);
        assert!((cov.statement_share() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(cov.passages.len(), 2);
        assert_eq!(cov.passages[1].citers, vec![Citer::Node(1), Citer::Edge(0)]);
        assert_eq!(cov.missing.len(), 1);
        assert_eq!(cov.missing[0].citer, Citer::Node(2));
        let at = text.find("湾").unwrap();
        assert_eq!(cov.passages_at(at).len(), 1);
        assert!(cov.passages_at(0).is_empty());
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\n深圳x", 9), (2, 3));
    }
}
