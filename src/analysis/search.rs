//! Search by Chinese name, English name, alias, pinyin (full syllables and initials) or id,
//! ranked by fuzzy match quality (nucleo, the matcher behind helix and television).

use crate::model::{KnowledgeGraph, NodeIx};
use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use pinyin::ToPinyin;

/// What a node can be found by, prepared once per graph.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    entries: Vec<(NodeIx, Vec<String>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub node: NodeIx,
    pub score: u32,
    /// The key that matched best (a name, alias or pinyin form).
    pub matched: String,
}

/// Full pinyin without tones (`guangmingkexuecheng`) and initials (`gmkxc`); other characters are
/// kept as they are so mixed names ("5G") still match.
pub fn pinyin_keys(text: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (ch, py) in text.chars().zip(text.to_pinyin()) {
        match py {
            Some(p) => {
                full.push_str(p.plain());
                initials.push_str(p.first_letter());
            }
            None if ch.is_alphanumeric() => {
                full.extend(ch.to_lowercase());
                initials.extend(ch.to_lowercase());
            }
            None => {}
        }
    }
    (full, initials)
}

impl SearchIndex {
    pub fn build(kg: &KnowledgeGraph) -> Self {
        let entries = kg
            .node_indices()
            .map(|ix| {
                let n = kg.node(ix);
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
                (ix, keys)
            })
            .collect();
        SearchIndex { entries }
    }

    /// Best matches first. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let query = query.trim();
        if query.is_empty() {
            return Vec::new();
        }
        let mut matcher = Matcher::new(Config::DEFAULT);
        let pattern = Pattern::new(
            query,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
        );
        let q_lower = query.to_lowercase();
        let q_compact: String = q_lower.chars().filter(|c| !c.is_whitespace()).collect();
        let mut buf = Vec::new();
        let mut hits: Vec<SearchHit> = self
            .entries
            .iter()
            .filter_map(|(ix, keys)| {
                keys.iter()
                    .filter_map(|k| {
                        let fuzzy = pattern.score(Utf32Str::new(k, &mut buf), &mut matcher)?;
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
                        node: *ix,
                        score,
                        matched: k.clone(),
                    })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.node.cmp(&b.node)));
        hits.truncate(limit);
        hits
    }
}
