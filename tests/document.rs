//! Edits applied to a `Document` in place: after any sequence of edits, refusals and undos the
//! document equals one rebuilt from the same data (structure by ids, search, degrees), refuses
//! exactly what `Edit::apply` refuses, and its `Change`s account for every index.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use innovation_atlas::commands::{Change, Document, Edit, Origin, delete_node};
use innovation_atlas::io::parse_dataset;
use innovation_atlas::model::{Cite, Dataset, Edge, EdgeIx, Node, NodeIx};
use proptest::prelude::*;
use std::collections::BTreeSet;

const BASE: &str = r#"#![enable(implicit_some)]
Dataset(
    format: 1,
    title: (zh: "测试", en: "Test"),
    sources: [Source(id: "s1", file: "s.txt", date: "2021-05-13", title: (zh: "来源", en: "Source"))],
    nodes: [
        Node(id: "a", kind: Official, name: (zh: "王某", en: "Wang"), cites: [Cite(source: "s1", quote: "王某")]),
        Node(id: "b", kind: Organization, name: (zh: "委员会", en: "Commission"), cites: [Cite(source: "s1", quote: "委员会")]),
        Node(id: "c", kind: Platform, name: (zh: "光明科学城", en: "Guangming Science City"), aliases: ["光明"], cites: [Cite(source: "s1", quote: "光明")]),
        Node(id: "d", kind: Lab, name: (zh: "实验室", en: "Lab"), cites: [Cite(source: "s1", quote: "实验室")]),
    ],
    edges: [
        Edge(from: "a", to: "b", rel: HeadOf, cites: [Cite(source: "s1", quote: "书记")]),
        Edge(from: "b", to: "c", rel: Builds, year: 2022, cites: [Cite(source: "s1", quote: "建设")]),
        Edge(from: "b", to: "c", rel: Builds, year: 2023, cites: [Cite(source: "s1", quote: "建设")]),
        Edge(from: "d", to: "d", rel: Builds, cites: [Cite(source: "s1", quote: "自")]),
    ],
)
"#;

fn base() -> Dataset {
    parse_dataset(BASE, "base").unwrap()
}

fn cite() -> Vec<Cite> {
    vec![Cite::new("s1", "引")]
}

/// A random edit expressed against whatever the data is at that moment.
#[derive(Clone, Debug)]
enum Op {
    AddNode(u8, u8),
    DeleteNode(u8),
    Rename(u8, String),
    ChangeId(u8, u8),
    AddEdge(u8, u8, u8),
    DeleteEdge(u8),
    Rewire(u8, u8, u8),
    Relabel(u8, u8),
    Batch(Vec<Op>),
    Undo,
}

fn op() -> impl Strategy<Value = Op> {
    let leaf = prop_oneof![
        (any::<u8>(), any::<u8>()).prop_map(|(i, j)| Op::AddNode(i, j)),
        any::<u8>().prop_map(Op::DeleteNode),
        (any::<u8>(), "[a-z光明中文 ]{0,5}").prop_map(|(i, s)| Op::Rename(i, s)),
        (any::<u8>(), any::<u8>()).prop_map(|(i, j)| Op::ChangeId(i, j)),
        (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(a, b, i)| Op::AddEdge(a, b, i)),
        any::<u8>().prop_map(Op::DeleteEdge),
        (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(i, a, b)| Op::Rewire(i, a, b)),
        (any::<u8>(), any::<u8>()).prop_map(|(i, j)| Op::Relabel(i, j)),
    ];
    prop_oneof![
        6 => leaf.clone(),
        1 => prop::collection::vec(leaf, 1..4).prop_map(Op::Batch),
        2 => Just(Op::Undo),
    ]
}

fn pick<T>(v: &[T], i: u8) -> Option<usize> {
    (!v.is_empty()).then(|| i as usize % v.len())
}

/// The edit for `op` on `data`, and `data` as it would be after it (for batches, whose later
/// parts refer to what earlier parts made).
fn to_edit(data: &Dataset, op: &Op) -> Option<Edit> {
    let id = |i: u8| data.nodes.get(pick(&data.nodes, i)?).map(|n| n.id.clone());
    Some(match op {
        Op::AddNode(i, j) => Edit::InsertNode {
            index: *i as usize % (data.nodes.len() + 1),
            // A small pool of ids, so that some collide and are refused.
            node: Node {
                id: format!("n{}", j % 7),
                kind: data.nodes.first()?.kind.clone(),
                name: innovation_atlas::model::Names {
                    zh: format!("节点{j}"),
                    en: format!("node {j}"),
                },
                aliases: vec![],
                attrs: Default::default(),
                cites: cite(),
            },
        },
        Op::DeleteNode(i) => delete_node(data, pick(&data.nodes, *i)?)?,
        Op::Rename(i, s) => {
            let index = pick(&data.nodes, *i)?;
            let before = data.nodes[index].clone();
            let mut after = before.clone();
            after.name.en = s.clone();
            after.name.zh = s.chars().rev().collect();
            Edit::ReplaceNode {
                index,
                before,
                after,
            }
        }
        Op::ChangeId(i, j) => {
            let index = pick(&data.nodes, *i)?;
            let before = data.nodes[index].clone();
            let mut after = before.clone();
            after.id = format!("n{}", j % 7);
            Edit::ReplaceNode {
                index,
                before,
                after,
            }
        }
        Op::AddEdge(a, b, i) => {
            let template = data.edges.first().cloned().unwrap_or(Edge {
                from: String::new(),
                to: String::new(),
                rel: base().edges[0].rel.clone(),
                year: None,
                inferred: false,
                attrs: Default::default(),
                cites: cite(),
            });
            Edit::InsertEdge {
                index: *i as usize % (data.edges.len() + 1),
                edge: Edge {
                    from: id(*a)?,
                    // Sometimes a node that does not exist: refused.
                    to: if b % 9 == 0 { "ghost".into() } else { id(*b)? },
                    year: Some(2000 + *b as i32),
                    ..template
                },
            }
        }
        Op::DeleteEdge(i) => {
            let index = pick(&data.edges, *i)?;
            Edit::DeleteEdge {
                index,
                edge: data.edges[index].clone(),
            }
        }
        Op::Rewire(i, a, b) => {
            let index = pick(&data.edges, *i)?;
            let before = data.edges[index].clone();
            let mut after = before.clone();
            after.from = id(*a)?;
            after.to = id(*b)?;
            Edit::ReplaceEdge {
                index,
                before,
                after,
            }
        }
        Op::Relabel(i, j) => {
            let index = pick(&data.edges, *i)?;
            let before = data.edges[index].clone();
            let mut after = before.clone();
            after.rel = data.edges[*j as usize % data.edges.len()].rel.clone();
            after.inferred = !before.inferred;
            Edit::ReplaceEdge {
                index,
                before,
                after,
            }
        }
        Op::Batch(ops) => {
            // Parts written against the data as the earlier parts leave it; a refused part
            // stays in, so the batch as a whole is refused and must leave nothing behind.
            let mut scratch = data.clone();
            let mut parts = Vec::new();
            for op in ops {
                if let Some(e) = to_edit(&scratch, op) {
                    let _ = e.apply(&mut scratch);
                    parts.push(e);
                }
            }
            Edit::Batch(parts)
        }
        Op::Undo => return None,
    })
}

/// Search results as (score, id, matched key), order among equal scores aside (ties break by
/// graph index, which differs between an edited and a rebuilt graph).
fn search(doc: &Document, q: &str) -> Vec<(u32, String, String)> {
    let mut hits: Vec<_> = doc
        .search
        .search(q, usize::MAX)
        .into_iter()
        .map(|h| (h.score, doc.kg.node(h.node).id.clone(), h.matched))
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits
}

/// `doc` (edited in place) describes the same graph as `fresh` (built from its data).
fn assert_same(doc: &Document, fresh: &Document) {
    let (kg, fk) = (&doc.kg, &fresh.kg);
    assert_eq!(kg.data, fk.data);
    let ids = |k: &innovation_atlas::model::KnowledgeGraph| -> Vec<String> {
        k.node_indices().map(|ix| k.node(ix).id.clone()).collect()
    };
    assert_eq!(ids(kg), ids(fk), "node order");
    assert_eq!(kg.node_count(), fk.node_count());
    assert_eq!(kg.edge_count(), fk.edge_count());
    for (at, n) in kg.data.nodes.iter().enumerate() {
        let ix = kg.node_at(at).unwrap();
        assert_eq!(kg.graph[ix], at, "weight of node {}", n.id);
        // The first node with an id is the one it finds.
        let first = kg.data.nodes.iter().position(|m| m.id == n.id).unwrap();
        assert_eq!(kg.node_ix(&n.id), kg.node_at(first), "id index of {}", n.id);
        let fix = fk.node_at(at).unwrap();
        assert_eq!(
            doc.degree[ix.index()],
            fresh.degree[fix.index()],
            "degree of {}",
            n.id
        );
        assert_eq!(kg.edges_of(ix), fk.edges_of(fix), "edges of {}", n.id);
    }
    let edges = |k: &innovation_atlas::model::KnowledgeGraph| -> Vec<(usize, String, String)> {
        k.edge_indices()
            .map(|e| {
                let (a, b) = k.graph.edge_endpoints(e).unwrap();
                (k.graph[e], k.node(a).id.clone(), k.node(b).id.clone())
            })
            .collect()
    };
    assert_eq!(
        edges(kg),
        edges(fk),
        "edges by data position and endpoint ids"
    );
    for (at, e) in kg.data.edges.iter().enumerate() {
        let ix = kg.edge_at(at).unwrap();
        let (a, b) = kg.graph.edge_endpoints(ix).unwrap();
        assert_eq!((&kg.node(a).id, &kg.node(b).id), (&e.from, &e.to));
    }
    let mut queries: Vec<String> = ["w", "光明", "gmkxc", "n1", "node", "lab", "委"]
        .map(String::from)
        .to_vec();
    queries.extend(kg.data.nodes.iter().map(|n| n.name.en.clone()));
    for q in &queries {
        assert_eq!(search(doc, q), search(fresh, q), "search {q:?}");
    }
    assert_eq!(kg.is_regular(), fk.is_regular());
    for at in 0..kg.data.nodes.len() {
        assert_eq!(
            doc.delete_node(at),
            delete_node(&kg.data, at),
            "delete edit of {at}"
        );
    }
}

/// Live indices as the app would track them from `Change`s alone.
#[derive(Default)]
struct Tracked {
    nodes: BTreeSet<NodeIx>,
    edges: BTreeSet<EdgeIx>,
}

impl Tracked {
    fn of(doc: &Document) -> Self {
        Tracked {
            nodes: doc.kg.graph.node_indices().collect(),
            edges: doc.kg.graph.edge_indices().collect(),
        }
    }

    fn follow(&mut self, c: &Change) {
        for n in &c.nodes_removed {
            assert!(self.nodes.remove(n), "removed node {n:?} was not live");
        }
        for n in &c.nodes_added {
            assert!(self.nodes.insert(*n), "added node {n:?} was live");
        }
        for n in &c.nodes_changed {
            assert!(self.nodes.contains(n), "changed node {n:?} is not live");
        }
        for e in &c.edges_removed {
            assert!(self.edges.remove(e), "removed edge {e:?} was not live");
        }
        for e in &c.edges_added {
            assert!(self.edges.insert(*e), "added edge {e:?} was live");
        }
        for e in &c.edges_changed {
            assert!(self.edges.contains(e), "changed edge {e:?} is not live");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn edited_document_equals_a_rebuilt_one(ops in prop::collection::vec(op(), 1..25)) {
        let mut doc = Document::new(base(), Origin::Embedded);
        let mut plain = base();
        let mut tracked = Tracked::of(&doc);
        let mut undo: Vec<Edit> = Vec::new();
        for op in &ops {
            let edit = match op {
                Op::Undo => match undo.pop() {
                    Some(e) => e.inverse(),
                    None => continue,
                },
                op => match to_edit(&plain, op) {
                    Some(e) => e,
                    None => continue,
                },
            };
            let expected = edit.apply(&mut plain);
            let got = doc.apply(&edit);
            prop_assert_eq!(got.as_ref().map(|_| ()), expected.as_ref().map(|_| ()), "{:?}", edit);
            if let Ok(change) = got {
                prop_assert!(!change.rebuilt);
                tracked.follow(&change);
                if !matches!(op, Op::Undo) {
                    undo.push(edit);
                }
            }
            assert_same(&doc, &Document::new(plain.clone(), Origin::Embedded));
            let now = Tracked::of(&doc);
            prop_assert_eq!(&tracked.nodes, &now.nodes);
            prop_assert_eq!(&tracked.edges, &now.edges);
        }
    }
}

#[test]
fn deleting_a_node_and_undoing_gives_back_its_indices() {
    let mut doc = Document::new(base(), Origin::Embedded);
    let b = doc.kg.node_ix("b").unwrap();
    let edges: BTreeSet<EdgeIx> = doc
        .kg
        .graph
        .edge_indices()
        .filter(|e| {
            let (x, y) = doc.kg.graph.edge_endpoints(*e).unwrap();
            x == b || y == b
        })
        .collect();
    let del = delete_node(&doc.kg.data, 1).unwrap();
    let change = doc.apply(&del).unwrap();
    assert_eq!(change.nodes_removed, vec![b]);
    assert_eq!(
        change
            .edges_removed
            .iter()
            .copied()
            .collect::<BTreeSet<_>>(),
        edges
    );
    assert!(change.nodes_added.is_empty() && change.edges_added.is_empty());
    assert_eq!(doc.kg.node_ix("b"), None);
    assert_eq!(doc.degree[doc.kg.node_ix("c").unwrap().index()], 0);
    assert!(doc.search.search("委员会", 10).is_empty());

    let back = doc.apply(&del.inverse()).unwrap();
    assert_eq!(back.nodes_added, vec![b]);
    assert_eq!(
        back.edges_added.iter().copied().collect::<BTreeSet<_>>(),
        edges
    );
    assert_eq!(doc.kg.data, base());
    assert_eq!(doc.search.search("委员会", 1)[0].node, b);
    assert_same(&doc, &Document::new(base(), Origin::Embedded));
}

#[test]
fn a_refused_batch_leaves_data_and_indices_as_they_were() {
    let mut doc = Document::new(base(), Origin::Embedded);
    let before: Vec<(String, NodeIx)> = doc
        .kg
        .node_indices()
        .map(|ix| (doc.kg.node(ix).id.clone(), ix))
        .collect();
    let edges_before: Vec<EdgeIx> = doc.kg.edge_indices().collect();
    let del = delete_node(&doc.kg.data, 1).unwrap();
    let bad = Edit::InsertEdge {
        index: 0,
        edge: Edge {
            to: "nowhere".into(),
            ..base().edges[0].clone()
        },
    };
    let batch = Edit::Batch(vec![del, bad]);
    let mut plain = base();
    let expected = batch.apply(&mut plain).unwrap_err();
    assert_eq!(doc.apply(&batch).unwrap_err(), expected);
    assert_eq!(expected, "no node with id \"nowhere\"");
    let after: Vec<(String, NodeIx)> = doc
        .kg
        .node_indices()
        .map(|ix| (doc.kg.node(ix).id.clone(), ix))
        .collect();
    assert_eq!(after, before);
    assert_eq!(doc.kg.edge_indices().collect::<Vec<_>>(), edges_before);
    assert_same(&doc, &Document::new(base(), Origin::Embedded));
}

#[test]
fn renaming_an_id_updates_its_edges_and_the_id_index() {
    let mut doc = Document::new(base(), Origin::Embedded);
    let before = doc.kg.data.nodes[1].clone();
    let mut after = before.clone();
    after.id = "committee".into();
    let b = doc.kg.node_ix("b").unwrap();
    let change = doc
        .apply(&Edit::ReplaceNode {
            index: 1,
            before,
            after,
        })
        .unwrap();
    assert_eq!(change.nodes_changed, vec![b]);
    assert_eq!(change.edges_changed.len(), 3);
    assert_eq!(doc.kg.node_ix("committee"), Some(b));
    assert_eq!(doc.kg.node_ix("b"), None);
    assert_eq!(doc.kg.data.edges[0].to, "committee");
    assert_eq!(doc.search.search("committee", 1)[0].node, b);
}

#[test]
fn data_with_duplicate_ids_is_edited_by_rebuilding() {
    let mut data = base();
    let mut twin = data.nodes[3].clone();
    twin.name.en = "Twin".into();
    data.nodes.push(twin);
    let mut doc = Document::new(data.clone(), Origin::Embedded);
    assert!(!doc.kg.is_regular());
    let before = data.nodes[0].clone();
    let mut after = before.clone();
    after.name.en = "Wang Mou".into();
    let edit = Edit::ReplaceNode {
        index: 0,
        before,
        after,
    };
    let change = doc.apply(&edit).unwrap();
    assert!(change.rebuilt);
    edit.apply(&mut data).unwrap();
    assert_same(&doc, &Document::new(data, Origin::Embedded));
}
