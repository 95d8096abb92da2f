//! GraphML and GEXF inputs: deep nesting, `<key>` and attribute defaults that amplify,
//! entities, unterminated comments and CDATA, duplicate ids.

use super::*;
use std::fmt::Write as _;

pub(super) fn xml_head(root: &str) -> String {
    match root {
        "gexf" => "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n".to_string(),
        _ => "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n".to_string(),
    }
}

pub(super) fn graphml_cases(g: &mut Gen) {
    // Amplification: 64 keys with 1 KB defaults × 100k nodes (≈ 6.4 GB if copied), ≈ 2.3 MB.
    let mut s = xml_head("graphml");
    let long = "x".repeat(1024);
    for k in 0..64 {
        let _ = writeln!(
            s,
            "<key id=\"k{k}\" for=\"node\" attr.name=\"key{k}\" attr.type=\"string\"><default>{long}</default></key>"
        );
    }
    s.push_str("<graph edgedefault=\"directed\">\n");
    for i in 0..100_000 {
        let _ = writeln!(s, "<node id=\"n{i}\"/>");
    }
    s.push_str("</graph></graphml>\n");
    g.add(
        "graphml_key_defaults_amplification",
        "graphml",
        s,
        Expect::Refused,
    );
    // Edge defaults the same way, 100k edges.
    let mut s = xml_head("graphml");
    for k in 0..64 {
        let _ = writeln!(
            s,
            "<key id=\"k{k}\" for=\"all\" attr.name=\"key{k}\" attr.type=\"string\"><default>{long}</default></key>"
        );
    }
    s.push_str("<graph edgedefault=\"directed\"><node id=\"a\"/>\n");
    for _ in 0..100_000 {
        s.push_str("<edge source=\"a\" target=\"a\"/>\n");
    }
    s.push_str("</graph></graphml>\n");
    g.add(
        "graphml_edge_defaults_amplification",
        "graphml",
        s,
        Expect::Refused,
    );
    // Deep nesting: unknown elements, nested graphs, nested data.
    g.add(
        "graphml_deep_elements",
        "graphml",
        format!("{}<graph>{}", xml_head("graphml"), "<x>".repeat(200_000)),
        Expect::Refused,
    );
    let mut s = xml_head("graphml");
    s.push_str("<graph>");
    for i in 0..50_000 {
        let _ = write!(s, "<node id=\"n{i}\"><graph>");
    }
    for _ in 0..50_000 {
        s.push_str("</graph></node>");
    }
    s.push_str("</graph></graphml>");
    g.add("graphml_deep_graphs", "graphml", s, Expect::Refused);
    // One element with 100k attributes (quadratic duplicate check).
    let mut s = xml_head("graphml");
    s.push_str("<graph><node id=\"a\"");
    for i in 0..100_000 {
        let _ = write!(s, " a{i}=\"1\"");
    }
    s.push_str("/></graph></graphml>");
    g.add("graphml_100k_attributes", "graphml", s, Expect::Either);
    g.add(
        "graphml_duplicate_attribute",
        "graphml",
        TINY_GRAPHML.replace("<node id=\"a\">", "<node id=\"a\" id=\"b\">"),
        Expect::Either,
    );
    g.add(
        "graphml_duplicate_ids",
        "graphml",
        TINY_GRAPHML.replace("<node id=\"b\">", "<node id=\"a\">"),
        Expect::Either,
    );
    g.add(
        "graphml_edge_to_missing",
        "graphml",
        TINY_GRAPHML.replace("target=\"b\"", "target=\"zz\""),
        Expect::Either,
    );
    // Entities: billion laughs (internal DTD), undefined entities, huge character references.
    let mut dtd = String::from(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n<!ENTITY l0 \"lollollollollol\">\n",
    );
    for i in 1..10 {
        let p = i - 1;
        let _ = writeln!(
            dtd,
            "<!ENTITY l{i} \"&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};&l{p};\">"
        );
    }
    dtd.push_str("]>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"d0\" for=\"node\" attr.name=\"label\"/><graph><node id=\"a\"><data key=\"d0\">&l9;</data></node></graph></graphml>\n");
    g.add("graphml_billion_laughs", "graphml", dtd, Expect::Either);
    g.add(
        "graphml_undefined_entity",
        "graphml",
        TINY_GRAPHML.replace(">A<", ">&nope;<"),
        Expect::Either,
    );
    g.add(
        "graphml_huge_charref",
        "graphml",
        TINY_GRAPHML.replace(">A<", ">&#99999999999999999999;&#x110000;&#xD800;&#0;<"),
        Expect::Either,
    );
    // Numbers: huge ints, NaN/inf doubles, yEd geometry.
    let nums = r#"<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="w" attr.type="double"/>
  <key id="d1" for="node" attr.name="n" attr.type="long"/>
  <key id="d2" for="node" attr.name="i" attr.type="int"/>
  <key id="g" for="node" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed">
    <node id="a"><data key="d0">NaN</data><data key="d1">99999999999999999999999999</data><data key="d2">-99999999999999999999</data>
      <data key="g"><y:ShapeNode><y:Geometry x="NaN" y="inf" width="-1e999" height="1e999"/></y:ShapeNode></data></node>
    <node id="b"><data key="d0">1e99999</data><data key="d1">-0x10</data><data key="d2">1.5</data>
      <data key="g"><y:ShapeNode><y:Geometry x="-inf" y="1e308" width="0" height="-0"/></y:ShapeNode></data></node>
    <edge source="a" target="b"><data key="d0">-inf</data></edge>
  </graph>
</graphml>
"#;
    g.add("graphml_nan_huge_numbers", "graphml", nums, Expect::Either);
    g.add(
        "graphml_unclosed_comment",
        "graphml",
        format!("{}<!-- never closed", TINY_GRAPHML),
        Expect::Either,
    );
    g.add(
        "graphml_unclosed_cdata",
        "graphml",
        TINY_GRAPHML.replace(">A<", "><![CDATA[ never closed"),
        Expect::Refused,
    );
    g.add(
        "graphml_huge_attribute_value",
        "graphml",
        TINY_GRAPHML.replace("id=\"a\"", &format!("id=\"{}\"", "a".repeat(4 << 20))),
        Expect::Either,
    );
    g.add(
        "graphml_many_namespaces",
        "graphml",
        TINY_GRAPHML.replace(
            "<graphml ",
            &format!(
                "<graphml {}",
                (0..50_000)
                    .map(|i| format!("xmlns:n{i}=\"u{i}\" "))
                    .collect::<String>()
            ),
        ),
        Expect::Either,
    );
    g.add("graphml_wrong_root", "graphml", TINY_GEXF, Expect::Either);
}

pub(super) fn gexf_cases(g: &mut Gen) {
    // Attribute defaults: 64 attributes with 1 KB defaults × 100k nodes.
    let long = "y".repeat(1024);
    let mut s = xml_head("gexf");
    s.push_str("<graph defaultedgetype=\"directed\"><attributes class=\"node\">\n");
    for k in 0..64 {
        let _ = writeln!(
            s,
            "<attribute id=\"{k}\" title=\"t{k}\" type=\"string\"><default>{long}</default></attribute>"
        );
    }
    s.push_str("</attributes><nodes>\n");
    for i in 0..100_000 {
        let _ = writeln!(s, "<node id=\"n{i}\"/>");
    }
    s.push_str("</nodes></graph></gexf>\n");
    g.add(
        "gexf_attribute_defaults_amplification",
        "gexf",
        s,
        Expect::Refused,
    );
    let mut s = xml_head("gexf");
    s.push_str("<graph defaultedgetype=\"directed\"><attributes class=\"edge\">\n");
    for k in 0..64 {
        let _ = writeln!(
            s,
            "<attribute id=\"{k}\" title=\"t{k}\" type=\"string\"><default>{long}</default></attribute>"
        );
    }
    s.push_str("</attributes><nodes><node id=\"a\"/></nodes><edges>\n");
    for i in 0..100_000 {
        let _ = writeln!(s, "<edge id=\"{i}\" source=\"a\" target=\"a\"/>");
    }
    s.push_str("</edges></graph></gexf>\n");
    g.add(
        "gexf_edge_defaults_amplification",
        "gexf",
        s,
        Expect::Refused,
    );
    // Deep: hierarchical nodes (node > nodes > node …) and plain elements.
    let mut s = xml_head("gexf");
    s.push_str("<graph><nodes>");
    for i in 0..50_000 {
        let _ = write!(s, "<node id=\"n{i}\"><nodes>");
    }
    for _ in 0..50_000 {
        s.push_str("</nodes></node>");
    }
    s.push_str("</nodes></graph></gexf>");
    g.add("gexf_deep_hierarchy", "gexf", s, Expect::Refused);
    g.add(
        "gexf_deep_elements",
        "gexf",
        format!("{}<graph>{}", xml_head("gexf"), "<a>".repeat(200_000)),
        Expect::Refused,
    );
    // One element with 100k attributes.
    let mut s = xml_head("gexf");
    s.push_str("<graph><nodes><node id=\"a\"");
    for i in 0..100_000 {
        let _ = write!(s, " a{i}=\"1\"");
    }
    s.push_str("/></nodes></graph></gexf>");
    g.add("gexf_100k_attributes", "gexf", s, Expect::Either);
    // Coordinates and sizes: NaN, inf, out of range; spells with huge dates.
    let viz = r#"<?xml version="1.0"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <graph defaultedgetype="directed" mode="dynamic" timeformat="double">
    <attributes class="node"><attribute id="0" title="w" type="double"/><attribute id="1" title="n" type="long"/></attributes>
    <nodes>
      <node id="a" label="A" start="-1e999" end="NaN"><attvalues><attvalue for="0" value="NaN"/><attvalue for="1" value="99999999999999999999999"/></attvalues>
        <viz:position x="NaN" y="inf" z="-1e999"/><viz:size value="-inf"/><viz:color r="99999" g="-1" b="NaN" a="2"/></node>
      <node id="b" label="B"><viz:position x="1e308" y="-1e308"/><spells><spell start="1e999" end="-1e999"/></spells></node>
    </nodes>
    <edges><edge id="0" source="a" target="b" weight="NaN"/><edge id="0" source="b" target="a" weight="1e999"/></edges>
  </graph>
</gexf>
"#;
    g.add("gexf_nan_viz", "gexf", viz, Expect::Either);
    g.add(
        "gexf_duplicate_ids",
        "gexf",
        TINY_GEXF.replace("<node id=\"b\"", "<node id=\"a\""),
        Expect::Either,
    );
    g.add(
        "gexf_edge_to_missing",
        "gexf",
        TINY_GEXF.replace("target=\"b\"", "target=\"zz\""),
        Expect::Either,
    );
    g.add("gexf_undeclared_attvalue", "gexf", TINY_GEXF.replace("<node id=\"a\" label=\"A\"/>", "<node id=\"a\" label=\"A\"><attvalues><attvalue for=\"nope\" value=\"1\"/></attvalues></node>"), Expect::Either);
}
