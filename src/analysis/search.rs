//! Search by Chinese name, English name, alias, pinyin (full syllables and initials) or id,
//! ranked by fuzzy match quality (nucleo, the matcher behind helix and television).

use crate::model::{KnowledgeGraph, NodeIx};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use rayon::prelude::*;

/// What a node can be found by, prepared once per graph and kept up to date node by node as
/// the graph is edited.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Keys per `NodeIx::index()`, joined by `SEP` into one allocation per node (a million
    /// nodes have five or six keys each: one box instead of a `Vec` of `String`s saves about
    /// 150 MB); empty for a hole left by a removed node.
    keys: Vec<Box<str>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub node: NodeIx,
    pub score: u32,
    /// The key that matched best (a name, alias or pinyin form).
    pub matched: String,
}

pub use crate::model::pinyin_keys;

/// Separates a node's keys in its entry. A name holding this character is split there, which
/// only adds its pieces as keys of their own.
const SEP: char = '\u{1f}';

/// The keys a node is found by, joined by `SEP`.
fn joined_keys(n: &crate::model::Node) -> Box<str> {
    keys_of(n).join("\u{1f}").into_boxed_str()
}

/// The keys a node is found by: names, aliases, their pinyin, its id.
fn keys_of(n: &crate::model::Node) -> Vec<String> {
    let mut keys = vec![n.name.zh.clone(), n.name.en.clone()];
    keys.extend(n.aliases.iter().cloned());
    for zh in std::iter::once(&n.name.zh).chain(n.aliases.iter()) {
        let (full, initials) = pinyin_keys(zh);
        if !full.is_empty() {
            keys.push(full);
            keys.push(initials);
        }
    }
    keys.push(n.id.clone());
    keys.retain(|k| !k.is_empty());
    keys.dedup();
    keys
}

impl SearchIndex {
    pub fn build(kg: &KnowledgeGraph) -> Self {
        // Pinyin for a million names takes a while: spread over the cores.
        let nodes: Vec<NodeIx> = kg.node_indices().collect();
        let built: Vec<Box<str>> = nodes
            .par_iter()
            .map(|&ix| joined_keys(kg.node(ix)))
            .collect();
        let mut keys: Vec<Box<str>> = vec![Box::from(""); kg.node_bound()];
        for (ix, k) in nodes.into_iter().zip(built) {
            keys[ix.index()] = k;
        }
        SearchIndex { keys }
    }

    /// Index node `ix` of `kg` again, after it was added or changed.
    pub fn update(&mut self, kg: &KnowledgeGraph, ix: NodeIx) {
        if self.keys.len() <= ix.index() {
            self.keys.resize_with(ix.index() + 1, || Box::from(""));
        }
        self.keys[ix.index()] = kg
            .graph
            .node_weight(ix)
            .and_then(|&at| kg.data.nodes.get(at))
            .map_or_else(|| Box::from(""), joined_keys);
    }

    /// Forget node `ix`, after it was removed.
    pub fn remove(&mut self, ix: NodeIx) {
        if let Some(keys) = self.keys.get_mut(ix.index()) {
            *keys = Box::from("");
        }
    }

    /// Best matches first. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let pattern = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let q_lower = query.to_lowercase();
        let q_compact: String = q_lower.chars().filter(|c| !c.is_whitespace()).collect();
        // Every node is scored: spread over the cores, one matcher per worker.
        let mut hits: Vec<SearchHit> = self
            .keys
            .par_iter()
            .enumerate()
            .map_init(
                || (Matcher::new(Config::DEFAULT), Vec::new()),
                |(matcher, buf), (ix, keys)| {
                    keys.split(SEP)
                        .filter(|k| !k.is_empty())
                        .filter_map(|k| {
                            let fuzzy = pattern.score(Utf32Str::new(k, buf), matcher)?;
                            let lower = k.to_lowercase();
                            // Exact and prefix matches beat scattered fuzzy ones; shorter keys beat longer.
                            let bonus = if lower == q_lower || lower == q_compact {
                                10_000
                            } else if lower.starts_with(&q_lower) || lower.starts_with(&q_compact) {
                                5_000
                            } else if lower.contains(&q_lower) {
                                2_000
                            } else {
                                0
                            };
                            let length_penalty = k.chars().count() as u32;
                            Some(((fuzzy * 10 + bonus).saturating_sub(length_penalty), k))
                        })
                        .max_by_key(|(s, _)| *s)
                        .map(|(score, k)| SearchHit {
                            node: NodeIx::new(ix),
                            score,
                            matched: k.to_string(),
                        })
                },
            )
            .flatten()
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.node.cmp(&b.node)));
        hits.truncate(limit);
        hits
    }
}
