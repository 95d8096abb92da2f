//! Semantic validation of a `Dataset`: everything serde cannot see.
//!
//! Returns every problem, not only the first, each naming the offending id and its place in the
//! file (the caller maps `Place` to a line with `io::locate`).

use super::{Dataset, Vocabulary};
use foldhash::{HashSet, HashSetExt};
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

/// Every problem of `data`, in file order.
pub fn validate(data: &Dataset) -> Vec<Problem> {
    validate_capped(data, usize::MAX).problems
}

/// What `validate_capped` found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validation {
    /// Every structural problem and the first curation problems, in file order.
    pub problems: Vec<Problem>,
    /// Curation problems found, including those not in `problems`.
    pub soft_total: usize,
    /// Data positions of each edge's endpoints (`NO_NODE` when missing; the first node with
    /// an id wins), so that indexing the graph need not look up every id again.
    pub ends: Vec<[u32; 2]>,
}

/// An edge endpoint that names no node (`Validation::ends`).
pub const NO_NODE: u32 = u32::MAX;

/// Every structural problem, but only the first `soft_cap` curation problems (in file order)
/// with their messages; the rest are only counted. A graph imported from another tool has
/// a curation problem per node and edge (no citations): formatting millions of messages
/// nobody reads cost seconds and gigabytes at a million nodes.
pub fn validate_capped(data: &Dataset, soft_cap: usize) -> Validation {
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
    let node_ids = FirstIds::new(&data.nodes);
    // First pass: structural problems in full, curation problems counted. Second pass: the
    // few elements whose curation problems fall within the cap, again with messages.
    let mut pass = Capped {
        out,
        cap: soft_cap,
        kept: 0,
        soft_total: 0,
    };
    pass.kept = pass.out.iter().filter(|p| p.curation).count();
    pass.soft_total = pass.kept;
    let node_check = |i: usize, soft: bool| {
        let first = node_ids.first[i] as usize;
        node_problems(i, &data.nodes[i], first, &source_ids, vocab, soft)
    };
    pass.elements(data.nodes.len(), node_check);

    // Endpoints as node positions, so duplicate edges are found by integers, not strings.
    let ends: Vec<[u32; 2]> = data
        .edges
        .par_iter()
        .with_min_len(4096)
        .map(|e| [node_ids.get(e.from.as_str()), node_ids.get(e.to.as_str())])
        .collect();
    let duplicate = duplicate_edges(&data.edges, &ends);
    let edge_check = |i: usize, soft: bool| {
        edge_problems(
            i,
            &data.edges[i],
            ends[i].map(|k| (k != NO_NODE).then_some(k as usize)).into(),
            duplicate[i],
            &source_ids,
            vocab,
            soft,
        )
    };
    pass.elements(data.edges.len(), edge_check);
    drop(duplicate);
    Validation {
        problems: pass.out,
        soft_total: pass.soft_total,
        ends,
    }
}

/// Which edges repeat an earlier edge (same endpoints, relation and year). Each edge's key is
/// hashed once, in parallel; edges are then sharded by that hash and the shards checked in
/// parallel, comparing the keys themselves. Within a shard edges go in file order, so the first
/// of equal edges is the original whatever the number of threads.
fn duplicate_edges(edges: &[super::Edge], ends: &[[u32; 2]]) -> Vec<bool> {
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::FixedState::default();
    let resolved = |i: usize| ends[i][0] != NO_NODE && ends[i][1] != NO_NODE;
    let hashes: Vec<u64> = (0..edges.len())
        .into_par_iter()
        .with_min_len(4096)
        .map(|i| {
            let e = &edges[i];
            let ends = match resolved(i) {
                true => u64::from(ends[i][0]) << 32 | u64::from(ends[i][1]),
                false => hasher.hash_one((e.from.as_str(), e.to.as_str())),
            };
            hasher.hash_one((ends, hasher.hash_one(e.rel.ident()), e.year))
        })
        .collect();
    let same = |i: usize, j: usize| {
        let (a, b) = (&edges[i], &edges[j]);
        a.rel == b.rel
            && a.year == b.year
            && resolved(i) == resolved(j)
            && match resolved(i) {
                true => ends[i] == ends[j],
                false => a.from == b.from && a.to == b.to,
            }
    };
    let shards = (rayon::current_num_threads() * 2).max(1) as u64;
    let repeated: Vec<Vec<u32>> = (0..shards)
        .into_par_iter()
        .map(|shard| {
            let mut seen = hashbrown::HashTable::<u32>::new();
            let mut repeated = Vec::new();
            for (i, &h) in hashes.iter().enumerate() {
                if h % shards != shard {
                    continue;
                }
                match seen.entry(h, |&j| same(i, j as usize), |&j| hashes[j as usize]) {
                    hashbrown::hash_table::Entry::Vacant(v) => {
                        v.insert(i as u32);
                    }
                    hashbrown::hash_table::Entry::Occupied(_) => repeated.push(i as u32),
                }
            }
            repeated
        })
        .collect();
    let mut duplicate = vec![false; edges.len()];
    for i in repeated.into_iter().flatten() {
        duplicate[i as usize] = true;
    }
    duplicate
}

/// Problems collected with at most `cap` curation problems formatted.
struct Capped {
    out: Vec<Problem>,
    cap: usize,
    /// Curation problems in `out`.
    kept: usize,
    soft_total: usize,
}

impl Capped {
    /// Check `count` elements with `check(i, format_curation)` (its problems and how many are
    /// curation problems): all in parallel with structural problems only (unless everything is
    /// wanted), then again, with messages, the few whose curation problems fall within the cap.
    fn elements(
        &mut self,
        count: usize,
        check: impl Fn(usize, bool) -> (Vec<Problem>, usize) + Sync,
    ) {
        let all = self.cap == usize::MAX;
        let first: Vec<(Vec<Problem>, usize)> =
            (0..count).into_par_iter().map(|i| check(i, all)).collect();
        for (i, (problems, soft)) in first.into_iter().enumerate() {
            self.soft_total += soft;
            if all || soft == 0 || self.kept >= self.cap {
                self.out.extend(problems);
                continue;
            }
            for p in check(i, true).0 {
                if !p.curation {
                    self.out.push(p);
                } else if self.kept < self.cap {
                    self.kept += 1;
                    self.out.push(p);
                }
            }
        }
    }
}

/// One element's problems, formatted only when kept: structural ones always, curation ones
/// only when `soft` (otherwise just counted).
struct Sink {
    out: Vec<Problem>,
    soft: bool,
    soft_count: usize,
}

impl Sink {
    fn new(soft: bool) -> Self {
        Sink {
            out: Vec::new(),
            soft,
            soft_count: 0,
        }
    }

    fn push(&mut self, place: Place, curation: bool, message: impl FnOnce() -> String) {
        if curation {
            self.soft_count += 1;
            if !self.soft {
                return;
            }
        }
        self.out.push(Problem {
            place,
            message: message(),
            curation,
        });
    }

    fn done(self) -> (Vec<Problem>, usize) {
        (self.out, self.soft_count)
    }
}

/// Where each node id is first defined. The ids are hashed in parallel; only the inserts are
/// sequential, since order decides which copy is the duplicate.
struct FirstIds<'a> {
    /// Each id with its first position; the id is kept in the table (not looked up through
    /// the node), so a lookup costs one cache miss less.
    table: hashbrown::HashTable<(&'a str, u32)>,
    hasher: foldhash::fast::FixedState,
    /// Position of the first node with node `i`'s id (`i` itself unless a duplicate).
    first: Vec<u32>,
}

impl<'a> FirstIds<'a> {
    fn new(nodes: &'a [super::Node]) -> Self {
        use std::hash::BuildHasher;
        let hasher = foldhash::fast::FixedState::default();
        let hashes: Vec<u64> = nodes
            .par_iter()
            .with_min_len(4096)
            .map(|n| hasher.hash_one(n.id.as_str()))
            .collect();
        let mut table = hashbrown::HashTable::with_capacity(nodes.len());
        let mut first = Vec::with_capacity(nodes.len());
        for (i, n) in nodes.iter().enumerate() {
            let id = n.id.as_str();
            match table.entry(
                hashes[i],
                |&(other, _): &(&str, u32)| other == id,
                |&(_, j): &(&str, u32)| hashes[j as usize],
            ) {
                hashbrown::hash_table::Entry::Vacant(v) => {
                    v.insert((id, i as u32));
                    first.push(i as u32);
                }
                hashbrown::hash_table::Entry::Occupied(o) => first.push(o.get().1),
            }
        }
        FirstIds {
            table,
            hasher,
            first,
        }
    }

    /// The first position of `id`, or `NO_NODE`.
    fn get(&self, id: &str) -> u32 {
        use std::hash::BuildHasher;
        self.table
            .find(self.hasher.hash_one(id), |&(other, _)| other == id)
            .map_or(NO_NODE, |&(_, j)| j)
    }
}

/// Problems of node `i`, in the order they are reported, and how many are curation problems
/// (formatted only when `soft`).
fn node_problems(
    i: usize,
    n: &super::Node,
    first: usize,
    source_ids: &HashSet<&str>,
    vocab: &Vocabulary,
    soft: bool,
) -> (Vec<Problem>, usize) {
    let mut sink = Sink::new(soft);
    let at = Place::Node(i);
    if first != i {
        sink.push(at, false, || {
            format!(
                "duplicate node id \"{}\" (first defined as node #{})",
                n.id,
                first + 1
            )
        });
    }
    if !is_slug(&n.id) {
        sink.push(at, true, || {
            format!(
                "node id \"{}\" must be a lowercase slug (a-z, 0-9, -)",
                n.id
            )
        });
    }
    if !vocab.declares_kind(&n.kind) {
        sink.push(at, true, || {
            format!(
                "node \"{}\": unknown kind `{}` (the vocabulary declares {})",
                n.id,
                n.kind,
                list(vocab.declared_kinds().iter().map(|k| k.id.ident()))
            )
        });
    }
    if n.name.zh.trim().is_empty() && n.name.en.trim().is_empty() {
        sink.push(at, true, || format!("node \"{}\" has no name", n.id));
    }
    check_cites(
        &n.cites,
        || format!("node \"{}\"", n.id),
        at,
        source_ids,
        &mut sink,
    );
    sink.done()
}

/// Problems of edge `i`, in the order they are reported, and how many are curation problems.
fn edge_problems(
    i: usize,
    e: &super::Edge,
    ends: (Option<usize>, Option<usize>),
    duplicate: bool,
    source_ids: &HashSet<&str>,
    vocab: &Vocabulary,
    soft: bool,
) -> (Vec<Problem>, usize) {
    let mut sink = Sink::new(soft);
    let at = Place::Edge(i);
    let label = || format!("edge \"{}\" -{}-> \"{}\"", e.from, e.rel.ident(), e.to);
    for (end, found) in [(&e.from, ends.0), (&e.to, ends.1)] {
        if found.is_none() {
            sink.push(at, false, || {
                format!("{}: no node with id \"{end}\"", label())
            });
        }
    }
    if !vocab.declares_relation(&e.rel) {
        sink.push(at, true, || {
            format!(
                "{}: unknown relation `{}` (the vocabulary declares {})",
                label(),
                e.rel,
                list(vocab.declared_relations().iter().map(|r| r.id.ident()))
            )
        });
    }
    // Parallel edges are a curation problem, not a broken file: multigraphs imported from
    // other tools must reopen once saved as RON.
    if duplicate {
        sink.push(at, true, || format!("{}: duplicate edge", label()));
    }
    check_cites(&e.cites, label, at, source_ids, &mut sink);
    sink.done()
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
    sink: &mut Sink,
) {
    if cites.is_empty() {
        sink.push(place, true, || format!("{} has no citation", what()));
    }
    for c in cites {
        if !sources.contains(c.source.as_str()) {
            sink.push(place, false, || {
                format!("{} cites unknown source \"{}\"", what(), c.source)
            });
        }
        if c.quote.trim().is_empty() {
            sink.push(place, false, || format!("{} has an empty quote", what()));
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
