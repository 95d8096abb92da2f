//! What a graph holds, counted once per change for the panels drawn every frame: at a million
//! nodes, counting kinds and relations sixty times a second cost more than the whole canvas.

use super::Visible;
use crate::model::{Kind, KnowledgeGraph, Relation};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;

/// Counts the Filters panel and the legend show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Census {
    /// Every kind with its number of nodes, in the vocabulary's order.
    pub kinds: Vec<(Kind, usize)>,
    /// Every relation with its number of edges, in the vocabulary's order.
    pub relations: Vec<(Relation, usize)>,
    /// The kinds of the visible nodes, in the vocabulary's order (the legend's entries).
    pub visible_kinds: Vec<Kind>,
    /// First and last year anything is dated to (the timeline's range), `None` when nothing is.
    pub years: Option<(i32, i32)>,
}

/// Count `kg` and what `visible` shows of it.
pub fn census(kg: &KnowledgeGraph, visible: &Visible) -> Census {
    let vocab = kg.vocab();
    let node_ix: Vec<_> = kg.node_indices().collect();
    let (all, shown) = node_ix
        .par_iter()
        .with_min_len(8192)
        .fold(
            || (HashMap::new(), HashMap::new()),
            |(mut all, mut shown), &ix| {
                let kind = &kg.node(ix).kind;
                *all.entry(kind).or_insert(0usize) += 1;
                if visible.node(ix) {
                    shown.entry(kind).or_insert(());
                }
                (all, shown)
            },
        )
        .reduce(
            || (HashMap::new(), HashMap::new()),
            |(mut a, mut s), (b, t)| {
                for (k, n) in b {
                    *a.entry(k).or_insert(0) += n;
                }
                s.extend(t);
                (a, s)
            },
        );
    let edge_ix: Vec<_> = kg.graph.edge_indices().collect();
    let rels = edge_ix
        .par_iter()
        .with_min_len(8192)
        .fold(HashMap::new, |mut m, &e| {
            *m.entry(&kg.edge(e).rel).or_insert(0usize) += 1;
            m
        })
        .reduce(HashMap::new, |mut a, b| {
            for (r, n) in b {
                *a.entry(r).or_insert(0) += n;
            }
            a
        });
    let mut kinds: Vec<(Kind, usize)> = all.into_iter().map(|(k, n)| (k.clone(), n)).collect();
    kinds.sort_by(|a, b| (vocab.kind_order(&a.0), &a.0).cmp(&(vocab.kind_order(&b.0), &b.0)));
    let mut relations: Vec<(Relation, usize)> =
        rels.into_iter().map(|(r, n)| (r.clone(), n)).collect();
    relations.sort_by(|a, b| {
        (vocab.relation_order(&a.0), &a.0).cmp(&(vocab.relation_order(&b.0), &b.0))
    });
    let mut visible_kinds: Vec<Kind> = shown.into_keys().cloned().collect();
    visible_kinds.sort_by(|a, b| (vocab.kind_order(a), a).cmp(&(vocab.kind_order(b), b)));
    Census {
        kinds,
        relations,
        visible_kinds,
        years: super::timeline::year_range(kg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{EMBEDDED_SHENZHEN, parse_dataset};
    use std::collections::BTreeMap;

    /// The counts the panels computed every frame before, the slow and obvious way.
    #[test]
    fn counts_what_a_plain_count_finds() {
        let kg = KnowledgeGraph::build(parse_dataset(EMBEDDED_SHENZHEN, "t").unwrap());
        let mut visible = crate::analysis::visible_subgraph(&kg, &Default::default());
        let hidden = kg.node(kg.node_indices().next().unwrap()).kind.clone();
        for ix in kg.node_indices() {
            if kg.node(ix).kind == hidden {
                visible.nodes[ix.index()] = false;
            }
        }
        let c = census(&kg, &visible);
        let mut kinds: BTreeMap<Kind, usize> = BTreeMap::new();
        for ix in kg.node_indices() {
            *kinds.entry(kg.node(ix).kind.clone()).or_default() += 1;
        }
        let mut rels: BTreeMap<Relation, usize> = BTreeMap::new();
        for e in kg.graph.edge_indices() {
            *rels.entry(kg.edge(e).rel.clone()).or_default() += 1;
        }
        assert_eq!(c.kinds.len(), kinds.len());
        for (k, n) in &c.kinds {
            assert_eq!(kinds[k], *n);
        }
        for (r, n) in &c.relations {
            assert_eq!(rels[r], *n);
        }
        assert_eq!(c.relations.len(), rels.len());
        assert!(!c.visible_kinds.contains(&hidden));
        assert_eq!(c.years, crate::analysis::timeline::year_range(&kg));
        assert!(c.years.is_some());
        assert_eq!(c.visible_kinds.len(), kinds.len() - 1);
        // In the vocabulary's order.
        let order: Vec<_> = c
            .kinds
            .iter()
            .map(|(k, _)| kg.vocab().kind_order(k))
            .collect();
        assert!(order.is_sorted());
    }
}
