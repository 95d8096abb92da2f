//! Malformed input gives `line:col` (CSV: line and column name), never a panic; deep nesting is
//! refused with a clear message.

use innovation_atlas::io::formats::{CsvMapping, Format, parse_csv, parse_text};

fn err(text: &str, format: Format) -> (usize, usize, String) {
    let d = parse_text(text, "t", format).expect_err("should fail");
    (d[0].line, d[0].col, d[0].message.clone())
}

#[test]
fn xml_errors_have_positions() {
    let (l, c, m) = err(
        "<graphml>\n<graph>\n  <node id=\"a\">\n</graph></graphml>",
        Format::GraphMl,
    );
    assert_eq!(l, 4, "{m}");
    assert!(c >= 1 && m.contains("malformed XML"), "{m}");
    let (l, _, m) = err(
        "<gexf><graph><nodes>\n<node/></nodes></graph></gexf>",
        Format::Gexf,
    );
    assert_eq!(l, 2, "{m}");
    assert!(m.contains("without an id"));
    let (l, c, m) = err(
        "<graphml><graph>\n <edge source=\"a\"/></graph></graphml>",
        Format::GraphMl,
    );
    assert_eq!((l, c), (2, 2), "{m}");
}

#[test]
fn json_gml_dot_errors_have_positions() {
    let (l, c, m) = err("{\"nodes\": [\n  {\"id\": 1,}\n]}", Format::Json);
    assert_eq!((l, c), (2, 12), "{m}");
    let (l, c, m) = err("graph [\n  node [ id 1 label \"a ]\n", Format::Gml);
    assert_eq!((l, c), (2, 21), "{m}");
    assert!(m.contains("unterminated string"));
    let (l, c, m) = err("graph [\n  node [ id 1 ]\n  ]]\n", Format::Gml);
    assert_eq!((l, c), (3, 4), "{m}");
    let (l, c, m) = err("digraph {\n  a -> b;\n  a -- c;\n}", Format::Dot);
    assert_eq!((l, c), (3, 5), "{m}");
    let (l, c, m) = err("digraph {\n  a -> ;\n}", Format::Dot);
    assert_eq!((l, c), (2, 8), "{m}");
    assert!(m.contains("expected a name"));
}

#[test]
fn csv_errors_name_line_and_column() {
    let map = CsvMapping::default();
    let d =
        parse_csv(Some(("id,label\na,A\n,B\n", "nodes.csv")), None, &map).expect_err("empty id");
    assert_eq!((d[0].line, d[0].col), (3, 1));
    assert!(d[0].message.contains("column \"id\""), "{}", d[0].message);
    let d = parse_csv(
        None,
        Some(("source,target,relation\na,b,Hosts\nc\n", "edges.csv")),
        &map,
    )
    .expect_err("short row");
    assert_eq!(d[0].line, 3, "{}", d[0].message);
    let d =
        parse_csv(None, Some(("source,target\na,\n", "edges.csv")), &map).expect_err("no target");
    assert_eq!((d[0].line, d[0].col), (2, 2));
    assert!(d[0].message.contains("column \"target\""));
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = 100_000;
    let xml = format!(
        "<graphml><graph>{}{}</graph></graphml>",
        "<a>".repeat(deep),
        "</a>".repeat(deep)
    );
    assert!(err(&xml, Format::GraphMl).2.contains("refused"));
    assert!(err(&xml, Format::Gexf).2.contains("refused"));
    let gml = format!("graph [ {} ]", "a [ ".repeat(deep));
    assert!(err(&gml, Format::Gml).2.contains("refused"));
    let dot = format!("digraph {{ {} }}", "{ ".repeat(deep));
    assert!(err(&dot, Format::Dot).2.contains("refused"));
    let json = format!(
        "{{\"nodes\": [], \"graph\": {}{}}}",
        "[".repeat(deep),
        "]".repeat(deep)
    );
    assert!(err(&json, Format::Json).2.contains("recursion limit"));
}

#[test]
fn not_a_graph_is_a_clear_error() {
    assert!(
        err("<html></html>", Format::GraphMl)
            .2
            .contains("not a GraphML file")
    );
    assert!(
        err("{\"a\": 1}", Format::Json)
            .2
            .contains("neither node-link")
    );
    assert!(
        err("Creator \"x\"", Format::Gml)
            .2
            .contains("not a GML file")
    );
}

#[test]
fn fuzz_findings_stay_fixed() {
    // A form feed is whitespace to GML words but was not skipped: the parser looped forever,
    // pushing empty keys until memory ran out (found by cargo-fuzz).
    let text = "\u{c}\u{c}graph [\n node [ id\u{c}1 label \"\u{2705}\" ]\n]";
    let g = parse_text(text, "t", Format::Gml).expect("form feeds are whitespace");
    assert_eq!(g.nodes.len(), 1);
    assert!(parse_text("graph [ \u{1} ]", "t", Format::Gml).is_err());
    // DOT `+` concatenates quoted strings.
    let g = parse_text("digraph { a [label=\"x\" + \"y\"] }", "t", Format::Dot).expect("concat");
    assert_eq!(g.nodes[0].attrs["label"], "xy");
}
