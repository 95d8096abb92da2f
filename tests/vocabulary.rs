//! The vocabulary comes from the data: files declaring their own kinds and relations, `check`
//! against them, imports with generated vocabularies, restyling with undo.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use innovation_atlas::commands::{Edit, set_kind_style};
use innovation_atlas::io::formats::{CsvMapping, Format, import_file, save_any};
use innovation_atlas::io::{
    Diagnostic, EMBEDDED_SHENZHEN, check_text, parse_dataset, parse_dataset_lenient,
    to_canonical_ron,
};
use innovation_atlas::model::{
    Dataset, Kind, KindStyle, KnowledgeGraph, Relation, Rgb, Shape, Vocabulary,
};
use innovation_atlas::view::{LabelLang, kind_color, kind_label, relation_label};

/// A small file in another domain: its own kinds (one with a string id), relations, colours.
const OWN: &str = r##"#![enable(implicit_some)]
Dataset(
    format: 1,
    title: (zh: "", en: "Birds"),
    vocabulary: Vocabulary(
        kinds: [
            Kind(id: Bird, zh: "鸟", en: "Bird", color: "#112233", shape: Triangle, layer: 2),
            Kind(id: "sea bird", en: "Sea bird", color: "#445566", shape: Ring),
            Kind(id: Nest, en: "Nest"),
        ],
        relations: [
            Relation(id: Builds, zh: "筑", en: "builds", color: "#778899"),
            Relation(id: "flies to", en: "flies to"),
        ],
    ),
    sources: [
        Source(id: "s", file: "s.txt"),
    ],
    nodes: [
        Node(id: "robin", kind: Bird, name: (en: "Robin"), cites: [Cite(source: "s", quote: "q")]),
        Node(id: "gull", kind: "sea bird", name: (en: "Gull"), cites: [Cite(source: "s", quote: "q")]),
        Node(id: "nest", kind: Nest, name: (en: "Nest"), cites: [Cite(source: "s", quote: "q")]),
    ],
    edges: [
        Edge(from: "robin", to: "nest", rel: Builds, cites: [Cite(source: "s", quote: "q")]),
        Edge(from: "gull", to: "robin", rel: "flies to", cites: [Cite(source: "s", quote: "q")]),
    ],
)
"##;

/// The same text sent to ron instead of the fast parser (it leaves block comments to ron).
fn via_ron(text: &str) -> String {
    text.replacen("Dataset(", "/* to ron */ Dataset(", 1)
}

fn errors(text: &str) -> Vec<String> {
    check_text(text, "t.ron")
        .1
        .iter()
        .map(Diagnostic::to_string)
        .collect()
}

#[test]
fn a_file_declaring_its_vocabulary_loads_with_its_labels_and_colours() {
    for text in [OWN.to_string(), via_ron(OWN)] {
        let data = parse_dataset(&text, "own.ron").expect("a valid file");
        let kg = KnowledgeGraph::build(data);
        let v = kg.vocab();
        let bird = Kind::new("Bird");
        let sea = Kind::new("sea bird");
        assert_eq!(kind_label(v, &bird, LabelLang::Chinese), "鸟");
        assert_eq!(kind_label(v, &bird, LabelLang::Both), "鸟 Bird");
        // No Chinese label: the English one stands in.
        assert_eq!(kind_label(v, &sea, LabelLang::Chinese), "Sea bird");
        assert_eq!(
            relation_label(v, &Relation::new("Builds"), LabelLang::Both),
            "筑 builds"
        );
        assert_eq!(
            kind_color(v, &bird),
            egui::Color32::from_rgb(0x11, 0x22, 0x33)
        );
        assert_eq!(v.style(&sea).shape, Shape::Ring);
        assert_eq!(v.layer(&bird), 2);
        assert_eq!(
            v.relation_color(&Relation::new("Builds")),
            Some(Rgb::new(0x77, 0x88, 0x99))
        );
        // "Nest" names neither colour nor shape: a palette colour unlike the declared ones.
        let nest = v.style(&Kind::new("Nest"));
        assert!(![Rgb::new(0x11, 0x22, 0x33), Rgb::new(0x44, 0x55, 0x66)].contains(&nest.color));
        // The Shenzhen kinds are not this file's.
        assert!(!v.declares_kind(&Kind::OFFICIAL));
    }
    assert_eq!(errors(OWN), Vec::<String>::new());
}

#[test]
fn a_declared_vocabulary_saves_and_reopens_byte_for_byte() {
    let data = parse_dataset(OWN, "own.ron").expect("valid");
    let saved = to_canonical_ron(&data).expect("serialises");
    assert!(saved.contains("kind: \"sea bird\""), "{saved}");
    assert!(saved.contains("id: Bird"), "{saved}");
    assert!(saved.contains("color: \"#112233\""), "{saved}");
    let back = parse_dataset(&saved, "saved.ron").expect("reopens");
    assert_eq!(back, data);
    assert_eq!(to_canonical_ron(&back).expect("serialises"), saved);
    assert_eq!(
        parse_dataset(&via_ron(&saved), "saved.ron").expect("ron"),
        data
    );
}

#[test]
fn the_shipped_file_loads_and_saves_unchanged() {
    let data = parse_dataset(EMBEDDED_SHENZHEN, "shenzhen.ron").expect("valid");
    assert_eq!(
        data.vocabulary, None,
        "the shipped file declares no vocabulary"
    );
    assert_eq!(
        to_canonical_ron(&data).expect("serialises"),
        EMBEDDED_SHENZHEN
    );
    let kg = KnowledgeGraph::build(data);
    let v = kg.vocab();
    assert_eq!(
        v,
        Vocabulary::shenzhen(),
        "nothing undeclared in the shipped data"
    );
    assert_eq!(
        kind_color(v, &Kind::OFFICIAL),
        egui::Color32::from_rgb(0xf3, 0x5d, 0x83)
    );
    assert_eq!(kind_label(v, &Kind::METRIC, LabelLang::Both), "指标 Metric");
}

#[test]
fn check_reports_undeclared_kinds_and_relations_at_their_line() {
    let text = OWN
        .replace("kind: Nest,", "kind: Official,")
        .replace("rel: Builds", "rel: PartOf");
    let e = errors(&text);
    assert!(
        e.iter()
            .any(|l| l.starts_with("t.ron:22:9: node \"nest\": unknown kind `Official`")),
        "{e:#?}"
    );
    assert!(
        e.iter().any(|l| l.starts_with(
            "t.ron:25:9: edge \"robin\" -PartOf-> \"nest\": unknown relation `PartOf`"
        )),
        "{e:#?}"
    );
    assert_eq!(e.len(), 2, "{e:#?}");
    // The app opens such a file (curation warnings) and still draws the kind, not in grey.
    let (data, warnings) = parse_dataset_lenient(&text, "t.ron").expect("opens");
    assert_eq!(warnings.len(), 2);
    let kg = KnowledgeGraph::build(data);
    assert_ne!(kind_color(kg.vocab(), &Kind::OFFICIAL), egui::Color32::GRAY);
}

#[test]
fn malformed_vocabulary_entries_are_errors_with_line_and_col() {
    let duplicate = OWN.replace("Kind(id: Nest,", "Kind(id: Bird,");
    assert!(
        errors(&duplicate)
            .iter()
            .any(|l| l.starts_with("t.ron:9:13: vocabulary: kind `Bird` is declared twice")),
        "{:#?}",
        errors(&duplicate)
    );
    let duplicate = OWN.replace("Relation(id: \"flies to\"", "Relation(id: Builds");
    assert!(
        errors(&duplicate)
            .iter()
            .any(|l| l.starts_with("t.ron:13:13: vocabulary: relation `Builds` is declared twice")),
        "{:#?}",
        errors(&duplicate)
    );
    for (bad, what) in [
        (OWN.replace("#445566", "#4455"), "bad colour"),
        (
            OWN.replace("shape: Ring", "shape: Blob"),
            "unknown shape `Blob`",
        ),
    ] {
        let e = errors(&bad);
        assert_eq!(e.len(), 1, "{e:#?}");
        assert!(e[0].starts_with("t.ron:8:"), "{e:#?}");
        assert!(e[0].contains(what), "{e:#?}");
    }
}

const FOREIGN_GRAPHML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="r" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="szu"><data key="k">大学</data></node>
    <node id="tencent"><data key="k">公司</data></node>
    <node id="lab"><data key="k">Lab</data></node>
    <node id="p"><data key="k">Person</data></node>
    <edge source="tencent" target="szu"><data key="r">part of</data></edge>
    <edge source="p" target="lab"><data key="r">Leads</data></edge>
  </graph>
</graphml>
"#;

/// Import, save as RON, reopen: the kinds stay as they were and look the same.
fn import_save_reopen(path: &std::path::Path, kinds: &[&str]) {
    let imported = import_file(path, None, &CsvMapping::default())
        .unwrap_or_else(|e| panic!("{path:?}: {e:?}"))
        .data;
    let got: Vec<&str> = imported.nodes.iter().map(|n| n.kind.ident()).collect();
    assert_eq!(got, kinds, "{path:?}");
    let v = imported
        .vocabulary
        .as_ref()
        .expect("a generated vocabulary");
    let colours: Vec<Rgb> = kinds.iter().map(|k| v.style(&Kind::new(k)).color).collect();
    for (i, c) in colours.iter().enumerate() {
        let [r, g, b] = c.0;
        assert!(r.max(g).max(b) - r.min(g).min(b) > 20, "{c} is grey");
        assert!(!colours[..i].contains(c), "{c} twice in {colours:?}");
    }
    // A kind the shipped vocabulary knows keeps its look.
    if kinds.contains(&"Lab") {
        let shipped = Vocabulary::shenzhen();
        assert_eq!(v.style(&Kind::LAB), shipped.style(&Kind::LAB));
    }
    let ron = path.with_extension("ron");
    save_any(&ron, &imported, Format::Ron).expect("save");
    let text = std::fs::read_to_string(&ron).expect("read");
    assert!(text.contains("vocabulary: Vocabulary("), "{text}");
    for t in [text.clone(), via_ron(&text)] {
        let (back, _) = parse_dataset_lenient(&t, "saved.ron").expect("reopens");
        assert_eq!(back, imported);
        let (a, b) = (
            KnowledgeGraph::build(back),
            KnowledgeGraph::build(imported.clone()),
        );
        for k in kinds {
            let k = Kind::new(k);
            assert_eq!(a.vocab().style(&k), b.vocab().style(&k));
        }
        // `check` finds no undeclared kind or relation in it.
        assert!(
            !errors(&t).iter().any(|e| e.contains("unknown")),
            "{:#?}",
            errors(&t)
        );
    }
}

#[test]
fn imports_keep_their_kinds_with_distinct_colours_through_a_ron_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let graphml = dir.path().join("g.graphml");
    std::fs::write(&graphml, FOREIGN_GRAPHML).expect("write");
    import_save_reopen(&graphml, &["大学", "公司", "Lab", "Person"]);

    let nodes = dir.path().join("people.csv");
    std::fs::write(
        &nodes,
        "id,label,kind\nada,Ada,Person\nacme,Acme,Company\nx,X,Robot\ny,Y,None\n",
    )
    .expect("write");
    std::fs::write(
        innovation_atlas::io::formats::csv_edges_path(&nodes),
        "source,target,relation\nada,acme,works at\nx,acme,made by\n",
    )
    .expect("write");
    import_save_reopen(&nodes, &["Person", "Company", "Robot", "None"]);
}

#[test]
fn imports_in_the_shipped_vocabulary_declare_none() {
    let data = parse_dataset(EMBEDDED_SHENZHEN, "shenzhen.ron").expect("valid");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("sz.graphml");
    save_any(&path, &data, Format::GraphMl).expect("export");
    let back = import_file(&path, None, &CsvMapping::default()).expect("import");
    assert_eq!(back.data.vocabulary, None);
}

fn restyle(data: &mut Dataset, kind: &Kind, style: KindStyle) -> Edit {
    let edit = set_kind_style(data, kind, style).expect("a change");
    edit.apply(data).expect("applies");
    edit
}

#[test]
fn restyling_a_kind_is_saved_in_the_file_and_undone_exactly() {
    let original = parse_dataset(EMBEDDED_SHENZHEN, "shenzhen.ron").expect("valid");
    let mut data = original.clone();
    let style = KindStyle {
        color: Rgb::new(0x12, 0x34, 0x56),
        shape: Shape::Hexagon,
    };
    let edit = restyle(&mut data, &Kind::PLAN, style);
    assert_eq!(edit.describe(), "restyle kind Plan");
    // The shipped vocabulary was written into the file, with the change.
    let v = data.vocabulary.as_ref().expect("materialised");
    assert_eq!(v.style(&Kind::PLAN), style);
    assert_eq!(
        v.style(&Kind::LAB),
        Vocabulary::shenzhen().style(&Kind::LAB)
    );
    assert_eq!(v.layer(&Kind::PLAN), 2);
    let saved = to_canonical_ron(&data).expect("serialises");
    let back = parse_dataset(&saved, "saved.ron").expect("reopens");
    let kg = KnowledgeGraph::build(back);
    assert_eq!(kg.vocab().style(&Kind::PLAN), style);
    assert_eq!(
        kind_color(kg.vocab(), &Kind::PLAN),
        egui::Color32::from_rgb(0x12, 0x34, 0x56)
    );
    // Restyling to the current look is no edit.
    assert!(set_kind_style(&data, &Kind::PLAN, style).is_none());
    // A second restyle, then undo both: the file is as loaded again.
    let second = restyle(
        &mut data,
        &Kind::LAB,
        KindStyle {
            color: Rgb::new(1, 2, 3),
            shape: Shape::Circle,
        },
    );
    second.inverse().apply(&mut data).expect("undo");
    assert_eq!(
        data.vocabulary.as_ref().map(|v| v.style(&Kind::PLAN)),
        Some(style)
    );
    edit.inverse().apply(&mut data).expect("undo");
    assert_eq!(data, original);
    assert_eq!(
        to_canonical_ron(&data).expect("serialises"),
        EMBEDDED_SHENZHEN
    );
    // Undo applies only to the state it was made in.
    assert!(edit.inverse().apply(&mut data).is_err());
}

#[test]
fn restyling_an_undeclared_kind_declares_it_with_its_layer() {
    let mut data = parse_dataset_lenient(&OWN.replace("kind: Nest,", "kind: Egg,"), "t.ron")
        .expect("opens")
        .0;
    let egg = Kind::new("Egg");
    let before = KnowledgeGraph::build(data.clone()).vocab().layer(&egg);
    let style = KindStyle {
        color: Rgb::new(9, 9, 9),
        shape: Shape::Square,
    };
    restyle(&mut data, &egg, style);
    let v = data.vocabulary.as_ref().expect("declared");
    assert!(v.declares_kind(&egg));
    assert_eq!((v.style(&egg), v.layer(&egg)), (style, before));
}
