//! Semantic validation of a `Dataset`: everything serde cannot see.
//!
//! Returns every problem, not only the first, each naming the offending id and its place in the
//! file (the caller maps `Place` to a line with `io::locate`).

use super::{Dataset, Vocabulary};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;

/// Where in the dataset a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Source(usize),
    Node(usize),
    Edge(usize),
    /// An entry of the `kinds` list of the file's vocabulary.
    VocabularyKind(usize),
    /// An entry of the `relations` list of the file's vocabulary.
    VocabularyRelation(usize),
    File,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub message: String,
    /// Curation problems (a missing citation or name, an id that is not a slug, a kind or
    /// relation outside the vocabulary, parallel edges): `check` reports them as errors, but the app can still
    /// open the file — e.g. a graph imported from another tool and saved as RON.
    pub curation: bool,
}

impl Problem {
    pub fn is_soft(&self) -> bool {
        self.curation
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

pub fn validate(data: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut source_ids = HashSet::new();
    let mut push = pusher(&mut out);
    for (i, s) in data.sources.iter().enumerate() {
        if !source_ids.insert(s.id.as_str()) {
            push(
                Place::Source(i),
                false,
                format!("duplicate source id \"{}\"", s.id),
            );
        }
        if s.file.is_empty() {
            push(
                Place::Source(i),
                false,
                format!("source \"{}\" has no file", s.id),
            );
        }
    }
    if let Some(v) = &data.vocabulary {
        vocabulary_problems(v, &mut push);
    }
    drop(push);
    let vocab = data.declared_vocabulary();

    // Where each node id is first defined: sequential, since order decides which copy is the
    // duplicate. Everything else is checked per element in parallel (files may hold hundreds
    // of thousands of elements), and problems keep file order.
    let mut node_ids: HashMap<&str, usize> = HashMap::new();
    node_ids.reserve(data.nodes.len());
    for (i, n) in data.nodes.iter().enumerate() {
        node_ids.entry(n.id.as_str()).or_insert(i);
    }
    let node_problems: Vec<Vec<Problem>> = data
        .nodes
        .par_iter()
        .enumerate()
        .map(|(i, n)| node_problems(i, n, &node_ids, &source_ids, vocab))
        .collect();
    out.extend(node_problems.into_iter().flatten());

    // Endpoints as node positions, so duplicate edges are found by integers, not strings.
    let ends: Vec<(Option<usize>, Option<usize>)> = data
        .edges
        .par_iter()
        .map(|e| {
            (
                node_ids.get(e.from.as_str()).copied(),
                node_ids.get(e.to.as_str()).copied(),
            )
        })
        .collect();
    let mut seen = HashSet::new();
    seen.reserve(data.edges.len());
    let mut seen_dangling = HashSet::new();
    let duplicate: Vec<bool> = data
        .edges
        .iter()
        .zip(&ends)
        .map(|(e, ends)| match *ends {
            (Some(a), Some(b)) => !seen.insert((a, b, e.rel.ident(), e.year)),
            _ => !seen_dangling.insert((e.from.as_str(), e.to.as_str(), e.rel.ident(), e.year)),
        })
        .collect();
    let edge_problems: Vec<Vec<Problem>> = data
        .edges
        .par_iter()
        .enumerate()
        .map(|(i, e)| edge_problems(i, e, ends[i], duplicate[i], &source_ids, vocab))
        .collect();
    out.extend(edge_problems.into_iter().flatten());
    out
}

/// Problems of node `i`, in the order they are reported. Messages are formatted only when
/// there is a problem.
fn node_problems(
    i: usize,
    n: &super::Node,
    node_ids: &HashMap<&str, usize>,
    source_ids: &HashSet<&str>,
    vocab: &Vocabulary,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = pusher(&mut out);
    if let Some(&first) = node_ids.get(n.id.as_str())
        && first != i
    {
        push(
            Place::Node(i),
            false,
            format!(
                "duplicate node id \"{}\" (first defined as node #{})",
                n.id,
                first + 1
            ),
        );
    }
    if !is_slug(&n.id) {
        push(
            Place::Node(i),
            true,
            format!(
                "node id \"{}\" must be a lowercase slug (a-z, 0-9, -)",
                n.id
            ),
        );
    }
    if !vocab.declares_kind(&n.kind) {
        push(
            Place::Node(i),
            true,
            format!(
                "node \"{}\": unknown kind `{}` (the vocabulary declares {})",
                n.id,
                n.kind,
                list(vocab.declared_kinds().iter().map(|k| k.id.ident()))
            ),
        );
    }
    if n.name.zh.trim().is_empty() && n.name.en.trim().is_empty() {
        push(
            Place::Node(i),
            true,
            format!("node \"{}\" has no name", n.id),
        );
    }
    check_cites(
        &n.cites,
        || format!("node \"{}\"", n.id),
        Place::Node(i),
        source_ids,
        &mut push,
    );
    drop(push);
    out
}

/// Problems of edge `i`, in the order they are reported.
fn edge_problems(
    i: usize,
    e: &super::Edge,
    ends: (Option<usize>, Option<usize>),
    duplicate: bool,
    source_ids: &HashSet<&str>,
    vocab: &Vocabulary,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = pusher(&mut out);
    let label = || format!("edge \"{}\" -{}-> \"{}\"", e.from, e.rel.ident(), e.to);
    for (end, found) in [(&e.from, ends.0), (&e.to, ends.1)] {
        if found.is_none() {
            push(
                Place::Edge(i),
                false,
                format!("{}: no node with id \"{end}\"", label()),
            );
        }
    }
    if !vocab.declares_relation(&e.rel) {
        push(
            Place::Edge(i),
            true,
            format!(
                "{}: unknown relation `{}` (the vocabulary declares {})",
                label(),
                e.rel,
                list(vocab.declared_relations().iter().map(|r| r.id.ident()))
            ),
        );
    }
    // Parallel edges are a curation problem, not a broken file: multigraphs imported from
    // other tools must reopen once saved as RON.
    if duplicate {
        push(Place::Edge(i), true, format!("{}: duplicate edge", label()));
    }
    check_cites(&e.cites, label, Place::Edge(i), source_ids, &mut push);
    drop(push);
    out
}

/// Entries of a declared vocabulary that are empty or declared twice (colours and shapes are
/// checked while the file is read).
fn vocabulary_problems(v: &Vocabulary, push: &mut impl FnMut(Place, bool, String)) {
    let mut kinds = HashSet::new();
    for (i, k) in v.declared_kinds().iter().enumerate() {
        if k.id.ident().trim().is_empty() {
            push(
                Place::VocabularyKind(i),
                false,
                "vocabulary: a kind with an empty id".into(),
            );
        } else if !kinds.insert(&k.id) {
            push(
                Place::VocabularyKind(i),
                false,
                format!("vocabulary: kind `{}` is declared twice", k.id),
            );
        }
    }
    let mut relations = HashSet::new();
    for (i, r) in v.declared_relations().iter().enumerate() {
        if r.id.ident().trim().is_empty() {
            push(
                Place::VocabularyRelation(i),
                false,
                "vocabulary: a relation with an empty id".into(),
            );
        } else if !relations.insert(&r.id) {
            push(
                Place::VocabularyRelation(i),
                false,
                format!("vocabulary: relation `{}` is declared twice", r.id),
            );
        }
    }
}

/// `push(place, curation, message)` appending to `out`.
fn pusher(out: &mut Vec<Problem>) -> impl FnMut(Place, bool, String) + '_ {
    |place, curation, message| {
        out.push(Problem {
            place,
            message,
            curation,
        })
    }
}

fn check_cites(
    cites: &[super::Cite],
    what: impl Fn() -> String,
    place: Place,
    sources: &HashSet<&str>,
    push: &mut impl FnMut(Place, bool, String),
) {
    if cites.is_empty() {
        push(place, true, format!("{} has no citation", what()));
    }
    for c in cites {
        if !sources.contains(c.source.as_str()) {
            push(
                place,
                false,
                format!("{} cites unknown source \"{}\"", what(), c.source),
            );
        }
        if c.quote.trim().is_empty() {
            push(place, false, format!("{} has an empty quote", what()));
        }
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// Remove all whitespace: PDF-extracted sources carry stray spaces inside words.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
