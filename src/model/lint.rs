//! Warnings about what a graph says, as opposed to whether it is well formed (`validate`):
//! edges whose ends are of kinds their relation does not allow, and containment that
//! contradicts itself. They never refuse a file; `check` reports them beside its problems.

use super::validate::{Place, Problem};
use super::{Dataset, Relation};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// Relations that put one node inside another: `(relation, inner end is the from end)`.
/// `A PartOf B` and `A LocatedIn B` put A inside B; `A Hosts B` puts B inside A.
const CONTAINMENT: &[(Relation, bool)] = &[
    (Relation::PART_OF, true),
    (Relation::LOCATED_IN, true),
    (Relation::HOSTS, false),
];

/// Every warning of `data`, in file order (kind warnings of an edge before its containment one).
pub fn lint(data: &Dataset) -> Vec<Problem> {
    let vocab = data.declared_vocabulary();
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(data.nodes.len());
    for (i, n) in data.nodes.iter().enumerate() {
        index.entry(n.id.as_str()).or_insert(i);
    }
    // (inner, outer) of every containment edge, so a pair stated both ways is found at once.
    let mut inside: HashSet<(usize, usize)> = HashSet::new();
    let contained: Vec<Option<(usize, usize)>> = data
        .edges
        .iter()
        .map(|e| {
            let (a, b) = (*index.get(e.from.as_str())?, *index.get(e.to.as_str())?);
            let &(_, from_inner) = CONTAINMENT.iter().find(|(r, _)| *r == e.rel)?;
            let pair = if from_inner { (a, b) } else { (b, a) };
            inside.insert(pair);
            Some(pair)
        })
        .collect();
    let mut out = Vec::new();
    for (i, e) in data.edges.iter().enumerate() {
        let label = || format!("edge \"{}\" -{}-> \"{}\"", e.from, e.rel.ident(), e.to);
        let (Some(&a), Some(&b)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) else {
            continue; // `validate` reports missing ends
        };
        let (ka, kb) = (&data.nodes[a].kind, &data.nodes[b].kind);
        if let Some(def) = vocab.declared_relation(&e.rel)
            && !def.allows(ka, kb)
        {
            let ends = |kinds: &[super::Kind]| {
                if kinds.is_empty() {
                    "any kind".to_string()
                } else {
                    kinds
                        .iter()
                        .map(|k| k.ident())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            out.push(warning(
                i,
                format!(
                    "{}: `{}` links {} to {}, not {ka} to {kb}",
                    label(),
                    e.rel,
                    ends(&def.from),
                    ends(&def.to)
                ),
            ));
        }
        if let Some((inner, outer)) = contained[i]
            && inner != outer
            && inside.contains(&(outer, inner))
        {
            out.push(warning(
                i,
                format!(
                    "{}: contradicts another edge that puts \"{}\" inside \"{}\"",
                    label(),
                    data.nodes[outer].id,
                    data.nodes[inner].id
                ),
            ));
        }
    }
    out
}

fn warning(i: usize, message: String) -> Problem {
    Problem {
        place: Place::Edge(i),
        message: format!("warning: {message}"),
        curation: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cite, Edge, Kind, KindDef, Names, Node, RelationDef, Vocabulary};

    fn node(id: &str, kind: Kind) -> Node {
        Node {
            id: id.into(),
            kind,
            name: Names::default(),
            aliases: vec![],
            attrs: Default::default(),
            cites: vec![Cite::new("s", "q")],
        }
    }

    fn edge(from: &str, rel: Relation, to: &str) -> Edge {
        Edge {
            from: from.into(),
            to: to.into(),
            rel,
            year: None,
            inferred: false,
            attrs: Default::default(),
            cites: vec![Cite::new("s", "q")],
        }
    }

    fn data(edges: Vec<Edge>) -> Dataset {
        Dataset {
            nodes: vec![
                node("city", Kind::AREA),
                node("centre", Kind::PLATFORM),
                node("action", Kind::ACTION),
            ],
            edges,
            ..Dataset::default()
        }
    }

    #[test]
    fn edges_outside_the_allowed_kinds_are_warned_about_with_their_kinds() {
        let d = data(vec![
            edge("centre", Relation::LOCATED_IN, "city"),
            edge("action", Relation::LOCATED_IN, "city"),
        ]);
        let w = lint(&d);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].place, Place::Edge(1));
        assert!(
            w[0].message
                .starts_with("warning: edge \"action\" -LocatedIn-> \"city\"")
        );
        assert!(
            w[0].message.ends_with("not Action to Area"),
            "{}",
            w[0].message
        );
    }

    #[test]
    fn containment_stated_both_ways_is_warned_about_on_each_edge() {
        let d = data(vec![
            edge("city", Relation::PART_OF, "centre"),
            edge("centre", Relation::LOCATED_IN, "city"),
            // Hosts puts its `to` end inside: it agrees with #1 and so contradicts #0 too.
            edge("city", Relation::HOSTS, "centre"),
        ]);
        let w: Vec<Place> = lint(&d).into_iter().map(|p| p.place).collect();
        assert_eq!(w, [Place::Edge(0), Place::Edge(1), Place::Edge(2)]);
        let consistent = data(vec![
            edge("centre", Relation::LOCATED_IN, "city"),
            edge("city", Relation::HOSTS, "centre"),
        ]);
        assert!(lint(&consistent).is_empty());
    }

    #[test]
    fn a_relation_without_allowed_kinds_allows_any_and_a_file_vocabulary_counts() {
        let mut d = data(vec![edge("action", Relation::LOCATED_IN, "city")]);
        d.vocabulary = Some(Box::new(Vocabulary::new(
            vec![KindDef::bare(Kind::AREA), KindDef::bare(Kind::ACTION)],
            vec![RelationDef::bare(Relation::LOCATED_IN)],
        )));
        assert!(lint(&d).is_empty());
    }
}
