//! Every file of ../shared/realworld (written by Gephi, yEd, igraph, networkx, Cytoscape,
//! graphviz, TinkerPop, …) imports with the node and edge counts of SOURCES.tsv. Without the
//! corpus beside the repository each test is skipped with a notice (see `tests/common`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use innovation_atlas::io::formats::{CsvMapping, import_file};
use std::path::Path;

/// (file, nodes, edges). Where this differs from SOURCES.tsv the comment says why.
const EXPECTED: &[(&str, usize, usize)] = &[
    ("airlines.graphml", 235, 2101),
    ("air-routes-small.graphml", 47, 1390),
    ("yed-character-statemachine.graphml", 17, 27),
    ("yed-katet.graphml", 6, 5),
    ("yed-graph1.graphml", 20, 30),
    ("yed-nested-sample.graphml", 55, 50),
    ("igraph_sample.graphml", 10000, 9999),
    ("atted-nonamespace.graphml", 41, 118),
    ("exptest-undeclared-keys.graphml", 41, 118),
    // 15 declared + 36 implicit endpoints.
    ("missing-nodes.graphml", 51, 37),
    ("multigraph-defaults.graphml", 6, 9),
    // The 2 hyperedges are skipped with a warning.
    ("hyperedge-ports-keydata.graphml", 6, 2),
    ("les_miserables.gexf", 77, 254),
    ("arctic.gexf", 1715, 6676),
    ("rio.gephi.gexf", 366, 1107),
    ("quakers.gexf", 119, 174),
    ("gexf-dynamics-spells.gexf", 4, 5),
    // SOURCES counts 394 <node> elements; id "120" is declared twice, so 393 distinct nodes.
    ("photoviz-dynamic.gexf", 393, 623),
    ("karate.gml", 34, 78),
    ("lesmis.gml", 77, 254),
    ("emojis.gml", 1, 0),
    // SOURCES says 20 (what pydot sees); graphviz draws 21: N1…N20 plus the legend node
    // "File: [stackcollapse]" inside cluster_L.
    ("pprof.gv", 21, 28),
    ("cluster.gv", 10, 13),
    ("tokyo-railways.cyjs.json", 943, 860),
    ("cytoscapejs-compound.json", 28, 35),
    ("miserables.d3.json", 77, 254),
];

#[test]
fn every_realworld_file_imports_with_the_right_counts() {
    let Some(dir) = common::shared("realworld") else {
        return;
    };
    let listed = std::fs::read_to_string(dir.join("SOURCES.tsv")).expect("SOURCES.tsv");
    let files: Vec<&str> = listed
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(files.len(), 26);
    for f in &files {
        assert!(
            EXPECTED.iter().any(|(n, ..)| n == f),
            "{f} has no expected counts"
        );
    }
    let mut failures = Vec::new();
    for (file, nodes, edges) in EXPECTED {
        match import_file(&dir.join(file), None, &CsvMapping::default()) {
            Ok(i) => {
                let got = (i.data.nodes.len(), i.data.edges.len());
                if got != (*nodes, *edges) {
                    failures.push(format!("{file}: got {got:?}, want ({nodes}, {edges})"));
                }
            }
            Err(d) => failures.push(format!("{file}: {d:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn load(dir: &Path, file: &str) -> innovation_atlas::io::formats::Imported {
    import_file(&dir.join(file), None, &CsvMapping::default()).expect(file)
}

fn node<'a>(
    i: &'a innovation_atlas::io::formats::Imported,
    id: &str,
) -> &'a innovation_atlas::model::Node {
    i.data
        .nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn yed_labels_positions_colours_and_groups() {
    let Some(dir) = common::shared("realworld") else {
        return;
    };
    let g = load(&dir, "yed-graph1.graphml");
    let n0 = node(&g, "n0");
    assert!(!n0.display_name(false).is_empty() && n0.display_name(false) != "n0");
    assert!(n0.attrs.contains_key("x") && n0.attrs.contains_key("y"));
    assert!(n0.attrs["color"].starts_with('#'));
    let k = load(&dir, "yed-katet.graphml");
    assert!(
        k.data.nodes.iter().any(|n| n.attrs.contains_key("parent")),
        "nested nodes know their group"
    );
    assert!(
        k.data
            .nodes
            .iter()
            .all(|n| !n.display_name(false).is_empty())
    );
}

#[test]
fn graphml_key_defaults_apply_and_undeclared_keys_keep_their_ids() {
    let Some(dir) = common::shared("realworld") else {
        return;
    };
    let g = load(&dir, "multigraph-defaults.graphml");
    assert!(g.data.nodes.iter().all(|n| n.attrs.contains_key("color")));
    assert!(g.data.nodes.iter().any(|n| n.attrs["color"] == "yellow"));
    let u = load(&dir, "exptest-undeclared-keys.graphml");
    assert!(u.data.nodes.iter().all(|n| !n.attrs.is_empty()));
    let h = load(&dir, "hyperedge-ports-keydata.graphml");
    assert!(h.warnings.iter().any(|w| w.contains("hyperedge")));
    let m = load(&dir, "missing-nodes.graphml");
    assert!(
        m.warnings.iter().any(|w| w.contains("36 node(s)")),
        "{:?}",
        m.warnings
    );
}

#[test]
fn gexf_viz_attributes_and_dynamics() {
    let Some(dir) = common::shared("realworld") else {
        return;
    };
    let g = load(&dir, "les_miserables.gexf");
    let n = &g.data.nodes[0];
    assert!(n.attrs.contains_key("x") && n.attrs["color"].starts_with('#'));
    assert!(n.attrs.contains_key("Authority"), "{:?}", n.attrs);
    let d = load(&dir, "gexf-dynamics-spells.gexf");
    assert!(
        d.data.edges.iter().any(|e| e.year.is_some()),
        "start dates give edge years"
    );
    assert!(d.data.nodes.iter().any(|n| n.attrs.contains_key("year")));
    let r = load(&dir, "rio.gephi.gexf");
    assert_eq!(r.data.edges.iter().filter(|e| e.from == e.to).count(), 11);
    assert!(
        r.data
            .nodes
            .iter()
            .any(|n| n.attrs.contains_key("Nature of institution:"))
    );
}

#[test]
fn gml_unicode_and_unquoted_ids() {
    let Some(dir) = common::shared("realworld") else {
        return;
    };
    let e = load(&dir, "emojis.gml");
    assert_eq!(e.data.nodes[0].display_name(false), "\u{2705}");
    let l = load(&dir, "lesmis.gml");
    assert!(l.data.nodes.iter().any(|n| n.id == "Myriel"));
    assert!(l.data.edges.iter().all(|e| e.attrs.contains_key("value")));
}

#[test]
fn json_d3_indices_and_cytoscape_compounds_and_cjk() {
    let Some(dir) = common::shared("realworld") else {
        return;
    };
    let d = load(&dir, "miserables.d3.json");
    assert!(
        d.data
            .nodes
            .iter()
            .any(|n| n.display_name(false) == "Myriel")
    );
    let c = load(&dir, "cytoscapejs-compound.json");
    assert_eq!(
        c.data
            .nodes
            .iter()
            .filter(|n| n.attrs.contains_key("parent"))
            .count(),
        19
    );
    let t = load(&dir, "tokyo-railways.cyjs.json");
    assert!(t.data.nodes.iter().all(|n| n.attrs.contains_key("x")));
    assert!(
        t.data
            .nodes
            .iter()
            .any(|n| n.attrs.values().any(|v| v.contains("駅")))
    );
}

#[test]
fn dot_clusters_chains_and_escapes() {
    let Some(dir) = common::shared("realworld") else {
        return;
    };
    let c = load(&dir, "cluster.gv");
    assert!(
        c.data
            .nodes
            .iter()
            .any(|n| n.attrs.get("cluster").is_some_and(|v| v == "cluster_0"))
    );
    let p = load(&dir, "pprof.gv");
    let n1 = node(&p, "N1");
    assert!(
        n1.display_name(false).starts_with("deflate\n62"),
        "{:?}",
        n1.name
    );
    assert_eq!(n1.attrs["fillcolor"], "#edd6d5");
    // `node [style=filled …]` defaults reach nodes declared after them.
    assert_eq!(n1.attrs["style"], "filled");
}
