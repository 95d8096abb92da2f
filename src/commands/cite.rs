//! Edits that cite a passage selected in a source: a new node citing it, a new edge citing it,
//! or the passage added to the citations of what is selected. Each is one undoable `Edit`.

use super::Edit;
use crate::model::{Cite, Dataset, Edge, Kind, Names, Node, Relation};

/// A lowercase slug from `name` (ASCII letters and digits, `-` between words), `node` when
/// nothing is left, made unique against `taken` with `-2`, `-3`, …
pub fn fresh_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut stem = crate::model::ascii_slug(name);
    stem.truncate(48);
    if stem.is_empty() {
        stem = "node".into();
    }
    let mut id = stem.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}

/// A new node of `kind` named `name`, citing `quote` of `source`, appended to the data.
pub fn new_node_citing(
    data: &Dataset,
    id: String,
    kind: Kind,
    name: Names,
    source: &str,
    quote: &str,
) -> Edit {
    Edit::InsertNode {
        index: data.nodes.len(),
        node: Node {
            id,
            kind,
            name,
            aliases: Vec::new(),
            attrs: Default::default(),
            cites: vec![cite(source, quote)],
        },
    }
}

/// A new edge `from -rel-> to` citing `quote` of `source`, appended to the data.
pub fn new_edge_citing(
    data: &Dataset,
    from: &str,
    to: &str,
    rel: Relation,
    source: &str,
    quote: &str,
) -> Edit {
    Edit::InsertEdge {
        index: data.edges.len(),
        edge: Edge {
            from: from.into(),
            to: to.into(),
            rel,
            year: None,
            inferred: false,
            attrs: Default::default(),
            cites: vec![cite(source, quote)],
        },
    }
}

/// The quote added to the citations of the nodes at `nodes` and the edge at `edge` (data
/// positions) that do not cite it yet: one edit, `None` when there is nothing to add.
pub fn add_citation(
    data: &Dataset,
    nodes: &[usize],
    edge: Option<usize>,
    source: &str,
    quote: &str,
) -> Option<Edit> {
    let c = cite(source, quote);
    let mut parts = Vec::new();
    for &i in nodes {
        let Some(before) = data.nodes.get(i) else {
            continue;
        };
        if before.cites.contains(&c) {
            continue;
        }
        let mut after = before.clone();
        after.cites.push(c.clone());
        parts.push(Edit::ReplaceNode {
            index: i,
            before: before.clone(),
            after,
        });
    }
    if let Some(before) = edge.and_then(|i| Some((i, data.edges.get(i)?))) {
        let (i, before) = before;
        if !before.cites.contains(&c) {
            let mut after = before.clone();
            after.cites.push(c.clone());
            parts.push(Edit::ReplaceEdge {
                index: i,
                before: before.clone(),
                after,
            });
        }
    }
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(Edit::Batch(parts)),
    }
}

fn cite(source: &str, quote: &str) -> Cite {
    Cite::new(source, quote)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_are_slugs_and_unique() {
        assert_eq!(fresh_id("Pengcheng Lab", |_| false), "pengcheng-lab");
        assert_eq!(fresh_id("鹏城实验室", |_| false), "node");
        assert_eq!(fresh_id("x", |id| id == "x" || id == "x-2"), "x-3");
    }

    #[test]
    fn citing_edits_apply_and_undo() {
        let mut data = Dataset::default();
        data.sources.push(crate::model::Source {
            id: "s".into(),
            file: "s.txt".into(),
            date: String::new(),
            title: Names::default(),
            publisher: String::new(),
            url: String::new(),
        });
        let names = Names {
            zh: "甲".into(),
            en: "A".into(),
        };
        let a = new_node_citing(&data, "a".into(), Kind::LAB, names.clone(), "s", "甲乙");
        a.apply(&mut data).unwrap();
        let b = new_node_citing(&data, "b".into(), Kind::LAB, names, "s", "乙");
        b.apply(&mut data).unwrap();
        let e = new_edge_citing(&data, "a", "b", Relation::PART_OF, "s", "甲乙丙");
        e.apply(&mut data).unwrap();
        let before = data.clone();
        let add = add_citation(&data, &[0, 1], Some(0), "s", "乙").unwrap();
        add.apply(&mut data).unwrap();
        // Node b already cites it: a and the edge get it.
        assert_eq!(data.nodes[0].cites.len(), 2);
        assert_eq!(data.nodes[1].cites.len(), 1);
        assert_eq!(data.edges[0].cites[1].quote, "乙");
        add.inverse().apply(&mut data).unwrap();
        assert_eq!(data, before);
        assert!(add_citation(&data, &[1], None, "s", "乙").is_none());
    }
}
