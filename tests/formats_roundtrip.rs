//! Atlas → format → Atlas keeps nodes, edges, names, kinds, relations, attributes and (where
//! the format can hold them) citations and sources; files written by networkx read correctly.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use innovation_atlas::io::formats::{CsvMapping, Format, import_file, save_any};
use innovation_atlas::model::{Dataset, Kind, Relation};
use std::path::{Path, PathBuf};

fn shenzhen() -> Dataset {
    common::shipped_data()
}

fn round_trip(data: &Dataset, format: Format, ext: &str) -> (Dataset, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(format!("g.{ext}"));
    let warnings = save_any(&path, data, format).expect("export");
    let back = import_file(&path, Some(format), &CsvMapping::default()).expect("re-import");
    (back.data, warnings)
}

fn assert_same_graph(a: &Dataset, b: &Dataset, with_sources: bool, what: &str) {
    assert_eq!(a.nodes.len(), b.nodes.len(), "{what}: node count");
    assert_eq!(a.edges.len(), b.edges.len(), "{what}: edge count");
    for (x, y) in a.nodes.iter().zip(&b.nodes) {
        assert_eq!(x, y, "{what}: node");
    }
    for (x, y) in a.edges.iter().zip(&b.edges) {
        assert_eq!(x, y, "{what}: edge");
    }
    if with_sources {
        assert_eq!(a.sources, b.sources, "{what}: sources");
        assert_eq!(a.title, b.title, "{what}: title");
    }
}

#[test]
fn shenzhen_round_trips_through_every_format() {
    let data = shenzhen();
    assert!(data.nodes.len() > 500 && data.edges.len() > 900);
    // GML keys are ASCII identifiers: `co-builders` and `组长` go into `attr [ name … value … ]`.
    let (back, warnings) = round_trip(&data, Format::Gml, "gml");
    assert_same_graph(&data, &back, true, "gml");
    assert!(
        warnings.iter().any(|w| w.contains("co-builders")),
        "{warnings:?}"
    );
    for (format, ext, sources) in [
        (Format::GraphMl, "graphml", true),
        (Format::Json, "json", true),
        (Format::Cytoscape, "cyjs", true),
        (Format::Dot, "dot", true),
        (Format::Gexf, "gexf", false),
        (Format::Csv, "csv", false),
        (Format::Ron, "ron", true),
    ] {
        let (back, warnings) = round_trip(&data, format, ext);
        assert_same_graph(&data, &back, sources, format.name());
        if !matches!(format, Format::Json | Format::Ron) {
            assert!(
                warnings.iter().any(|w| w.contains("citations")),
                "{}: {warnings:?}",
                format.name()
            );
        }
    }
}

#[test]
fn unknown_kinds_relations_and_odd_text_round_trip() {
    let mut data = shenzhen();
    data.nodes.truncate(3);
    let ids: Vec<String> = data.nodes.iter().map(|n| n.id.clone()).collect();
    data.edges
        .retain(|e| ids.contains(&e.from) && ids.contains(&e.to));
    data.nodes[0].kind = Kind::new("Spaceship");
    data.nodes[1].name.en = "quote \" amp & lt < backslash \\ newline\nend 'single'".into();
    data.nodes[1]
        .attrs
        .insert("weird key: ü".into(), "値 & <b>".into());
    data.edges.push(innovation_atlas::model::Edge {
        from: ids[0].clone(),
        to: ids[2].clone(),
        rel: Relation::new("Teleports"),
        year: Some(1999),
        inferred: true,
        attrs: Default::default(),
        cites: vec![],
    });
    for (format, ext) in [
        (Format::GraphMl, "graphml"),
        (Format::Gml, "gml"),
        (Format::Json, "json"),
        (Format::Cytoscape, "cyjs"),
        (Format::Dot, "gv"),
        (Format::Gexf, "gexf"),
        (Format::Csv, "csv"),
    ] {
        let (back, _) = round_trip(&data, format, ext);
        assert_same_graph(&data, &back, false, format.name());
    }
    let (back, warnings) = round_trip(&data, Format::Gml, "gml");
    assert!(
        warnings.iter().any(|w| w.contains("weird key")),
        "{warnings:?}"
    );
    assert_same_graph(&data, &back, false, "gml");
    // RON is the strict, curated format: writing uncurated data says so.
    let dir = tempfile::tempdir().expect("tempdir");
    let w = save_any(&dir.path().join("g.ron"), &data, Format::Ron).expect("ron");
    assert!(
        w.iter().any(|w| w.contains("will not pass `check`")),
        "{w:?}"
    );
}

#[test]
fn cypher_script_creates_every_node_and_edge() {
    let data = shenzhen();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("g.cypher");
    let warnings = save_any(&path, &data, Format::Cypher).expect("export");
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("CREATE (:Atlas:"))
            .count(),
        data.nodes.len()
    );
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("MATCH (a:Atlas"))
            .count(),
        data.edges.len()
    );
    assert!(text.contains("CREATE (:Atlas:Platform {id: 'guangming-science-city'"));
    assert!(text.contains("]->(b);"));
    assert!(warnings.iter().any(|w| w.contains("citations")));
}

#[test]
fn csv_mapping_and_edges_file_discovery() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nodes = dir.path().join("nodes.csv");
    std::fs::write(
        &nodes,
        "Key,Title,Type,extra\na,Alpha,Lab,1\nb,深圳,Area,\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("edges.csv"),
        "Source,Target,Type,Verb\na,b,Directed,LocatedIn\nb,c,Directed,Hosts\n",
    )
    .expect("write");
    let map = CsvMapping {
        id: Some("Key".into()),
        label: Some("Title".into()),
        kind: Some("Type".into()),
        relation: Some("Verb".into()),
        ..CsvMapping::default()
    };
    let g = import_file(&nodes, None, &map).expect("import").data;
    assert_eq!(g.nodes.len(), 3, "c is implicit");
    assert_eq!(g.nodes[0].kind, Kind::LAB);
    assert_eq!(g.nodes[0].name.en, "Alpha");
    assert_eq!(g.nodes[1].name.zh, "深圳");
    assert_eq!(g.nodes[0].attrs.get("extra").map(String::as_str), Some("1"));
    assert!(
        !g.nodes[1].attrs.contains_key("extra"),
        "empty cells are omitted"
    );
    assert_eq!(g.edges[0].rel, Relation::LOCATED_IN);
    assert_eq!(
        g.edges[0].attrs.get("Type").map(String::as_str),
        Some("Directed")
    );
    // A mapping naming a missing column is an error naming the columns.
    let bad = CsvMapping {
        id: Some("Nope".into()),
        ..CsvMapping::default()
    };
    let e = import_file(&nodes, None, &bad).expect_err("missing column");
    assert!(e[0].message.contains("Nope") && e[0].message.contains("Key"));
}

fn fixture(name: &str) -> PathBuf {
    common::fixture("formats").join(name)
}

fn check_nx(path: &Path) {
    let g = import_file(path, None, &CsvMapping::default())
        .unwrap_or_else(|e| panic!("{path:?}: {e:?}"))
        .data;
    let what = path.display();
    assert_eq!((g.nodes.len(), g.edges.len()), (4, 4), "{what}");
    let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["sz", "gm", "lab", "x"], "{what}");
    assert_eq!(g.nodes[1].kind, Kind::PLATFORM, "{what}");
    assert_eq!(g.nodes[3].kind, Kind::new("Spaceship"), "{what}");
    assert_eq!(g.edges[0].rel, Relation::HOSTS, "{what}");
    assert_eq!(g.edges[0].year, Some(2022), "{what}");
    assert_eq!(g.edges[2].rel, Relation::COOPERATES_WITH, "{what}");
    assert_eq!(g.edges[3].rel, Relation::new("Teleports"), "{what}");
    assert!(
        g.nodes[0].attrs["population"].starts_with("17560000"),
        "{what}"
    );
    assert!(g.edges[1].attrs["weight"].starts_with("1.5"), "{what}");
}

#[test]
fn files_written_by_networkx_read_correctly() {
    for f in ["nx.graphml", "nx.gexf", "nx.gml", "nx.nodelink.json"] {
        check_nx(&fixture(f));
    }
    // networkx's GML names nodes by label; labels that are not the node names (our fixture
    // stores the Chinese label in GraphML/GEXF/JSON) are checked there.
    let gx = import_file(&fixture("nx.gexf"), None, &CsvMapping::default())
        .expect("gexf")
        .data;
    assert_eq!(gx.nodes[0].name.zh, "深圳");
    let gi = import_file(&fixture("nx-int.gml"), None, &CsvMapping::default())
        .expect("int gml")
        .data;
    assert_eq!((gi.nodes.len(), gi.edges.len()), (4, 4));
}

/// A multigraph in another tool's vocabulary: kinds 大学 and 公司, relation "part of", and
/// three parallel edges between the same two nodes (two identical, one with a weight).
const FOREIGN_GRAPHML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="r" for="edge" attr.name="relation" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="szu"><data key="k">大学</data></node>
    <node id="tencent"><data key="k">公司</data></node>
    <node id="huawei"><data key="k">公司 </data></node>
    <node id="none"><data key="k">None</data></node>
    <edge id="e1" source="tencent" target="szu"><data key="r">part of</data></edge>
    <edge id="e2" source="tencent" target="szu"><data key="r">part of</data></edge>
    <edge id="e3" source="tencent" target="szu"><data key="r">part of</data><data key="w">2</data></edge>
    <edge id="e4" source="huawei" target="szu"><data key="r">part-of</data></edge>
    <edge id="e5" source="huawei" target="none"><data key="r">PartOf</data></edge>
  </graph>
</graphml>
"#;

const FOREIGN_GML: &str = r#"graph [
  directed 1
  multigraph 1
  node [ id 0 label "szu" kind "大学" ]
  node [ id 1 label "tencent" kind "公司" ]
  edge [ source 1 target 0 relation "part of" ]
  edge [ source 1 target 0 relation "part of" ]
  edge [ source 1 target 0 relation "part of" weight 2 ]
]
"#;

#[test]
fn foreign_vocabularies_and_multigraphs_survive_a_ron_round_trip() {
    use innovation_atlas::io::{check_text, parse_dataset_lenient, to_canonical_ron};
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text, edges) in [("g.graphml", FOREIGN_GRAPHML, 5), ("g.gml", FOREIGN_GML, 3)] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let imported = import_file(&path, None, &CsvMapping::default())
            .unwrap_or_else(|e| panic!("{name}: {e:?}"))
            .data;
        assert_eq!(imported.edges.len(), edges, "{name}");
        assert_eq!(imported.nodes[0].kind, Kind::new("大学"));
        assert_eq!(imported.nodes[1].kind, Kind::new("公司"));
        assert_eq!(imported.edges[0].rel, Relation::new("part of"));

        let ron = to_canonical_ron(&imported).expect("serialises");
        assert!(ron.contains(r#"kind: "大学""#), "{ron}");
        assert!(ron.contains(r#"rel: "part of""#), "{ron}");
        // Through the fast parser and through ron (a block comment sends the file to ron).
        let slow = ron.replacen("Dataset(", "/* to ron */ Dataset(", 1);
        for text in [&ron, &slow] {
            let (back, warnings) = parse_dataset_lenient(text, name)
                .unwrap_or_else(|e| panic!("{name}: reopening refused: {e:?}"));
            assert_eq!(back, imported, "{name}: changed by the round trip");
            assert!(
                warnings
                    .iter()
                    .any(|w| w.message.contains("duplicate edge")),
                "{name}: {warnings:?}"
            );
            // Curation warnings in the app, errors in `check`; the imported kinds and
            // relations are declared by the file's own vocabulary, so they are not among them.
            let (_, errors) = check_text(text, name);
            assert!(
                errors.iter().any(|d| d.message.contains("no citation")),
                "{errors:?}"
            );
            assert!(
                !errors.iter().any(|d| d.message.contains("unknown")),
                "{errors:?}"
            );
            assert!(errors.iter().all(|d| d.line >= 1));
        }
        // And through the RON writer used by Save As.
        let saved = dir.path().join(format!("{name}.ron"));
        save_any(&saved, &imported, Format::Ron).expect("save");
        let text = std::fs::read_to_string(&saved).expect("read");
        let (back, _) = parse_dataset_lenient(&text, "saved").expect("reopens");
        assert_eq!(back, imported, "{name}: saved and reopened");
    }
}

#[test]
fn older_files_with_unknown_words_as_identifiers_still_read() {
    use innovation_atlas::io::{parse_dataset_lenient, to_canonical_ron};
    let mut data = shenzhen();
    data.nodes.truncate(2);
    data.edges.clear();
    let text = to_canonical_ron(&data).expect("serialises");
    let kind = data.nodes[0].kind.ident().to_string();
    for (word, expected) in [
        ("Spaceship", Kind::new("Spaceship")),
        ("r#Spaceship", Kind::new("Spaceship")),
        ("None", Kind::new("None")),
        ("\"Platform\"", Kind::PLATFORM),
        ("\"Other\\u{5927}\"", Kind::new("Other大")),
    ] {
        let old = text.replacen(&format!("kind: {kind}"), &format!("kind: {word}"), 1);
        assert_ne!(old, text);
        let (back, _) =
            parse_dataset_lenient(&old, "old.ron").unwrap_or_else(|e| panic!("{word}: {e:?}"));
        assert_eq!(back.nodes[0].kind, expected, "{word}");
    }
    let bad = text.replacen(&format!("kind: {kind}"), "kind: 5", 1);
    let e = parse_dataset_lenient(&bad, "bad.ron").expect_err("a number is no kind");
    assert!(e[0].message.contains("kind"), "{e:?}");
}
