//! Malformed input gives `line:col` (CSV: line and column name), never a panic; deep nesting is
//! refused with a clear message.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

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

// ---------------------------------------------------------------------------------------------
// Hostile DOT and GML built in code: amplification (subgraph products, copied defaults, long
// key prefixes), quadratic traps (many subgraphs, `&` runs), truncation, CRLF, NUL bytes. Each
// gives `Ok` or a refusal at a `line:col`, with the memory the parser holds measured per thread.

#[global_allocator]
static ALLOC: common::peak::Counting = common::peak::Counting;

use innovation_atlas::io::formats::RawGraph;

/// Parse, asserting the parser held at most `max_mb` MB at once; errors as their first
/// diagnostic's (line, col, message).
fn bounded(text: &str, format: Format, max_mb: usize) -> Result<RawGraph, (usize, usize, String)> {
    common::peak::parse_bounded(text, "t", format, max_mb).map_err(|d| (d.line, d.col, d.message))
}

/// Refused at `line` (column ≥ 1) with a message containing `what`.
fn refused(r: Result<RawGraph, (usize, usize, String)>, line: usize, what: &str) {
    match r {
        Ok(g) => panic!(
            "accepted ({} nodes, {} edges), expected `{what}`",
            g.nodes.len(),
            g.edges.len()
        ),
        Err((l, c, m)) => {
            assert!(m.contains(what), "{m}");
            assert!(l == line && c >= 1, "at {l}:{c}, expected line {line}: {m}");
        }
    }
}

fn names(prefix: &str, n: usize) -> String {
    (0..n)
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn dot_subgraph_products_are_counted_before_building() {
    // 118 KB asking for 10^8 edges: refused from its size alone, before any pair exists.
    let (a, b) = (names("a", 10_000), names("b", 10_000));
    let text = format!("digraph {{\n {{{a}}} -> {{{b}}}\n}}\n");
    refused(bounded(&text, Format::Dot, 8), 2, "10000000");
    // A chain multiplies every pair of consecutive ends.
    let text = format!("digraph {{\n x -> {{{a}}} -> {{{b}}} -> y\n}}\n");
    refused(bounded(&text, Format::Dot, 8), 2, "100020000 edges");
    // Under the element limit but over the budget for a 20 KB file (2.25 million edges).
    let (a, b) = (names("a", 1500), names("b", 1500));
    let text = format!("digraph {{\n\n {{{a}}} -> {{{b}}}\n}}\n");
    refused(bounded(&text, Format::Dot, 8), 3, "expands to more than");
    // Small products are built, each pair once: a subgraph is a set of nodes.
    let g = bounded("digraph { {a b a} -> {c d} -> e }", Format::Dot, 1).expect("small product");
    let pairs: Vec<(&str, &str)> = g
        .edges
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("a", "c"),
            ("a", "d"),
            ("b", "c"),
            ("b", "d"),
            ("c", "e"),
            ("d", "e")
        ]
    );
}

#[test]
fn dot_defaults_copied_into_every_element_are_charged() {
    // 120 KB: a 20 KB default label copied into 5000 nodes would be 100 MB.
    let label = "L".repeat(20_000);
    let nodes: String = (0..5000).map(|i| format!("n{i};\n")).collect();
    let text = format!("digraph {{\nnode [label=\"{label}\"]\n{nodes}}}\n");
    let r = bounded(&text, Format::Dot, 80);
    let Err((line, _, m)) = &r else {
        panic!("accepted")
    };
    assert!(*line > 3 && *line < 5003, "{m}");
    refused(r.clone(), *line, "expands to more than");
    // The same through edge defaults, and through a statement's attributes given to a set.
    let edges: String = (0..5000)
        .map(|i| format!("n{i} -> n{};\n", i + 1))
        .collect();
    let text = format!("digraph {{\nedge [label=\"{label}\"]\n{edges}}}\n");
    assert!(bounded(&text, Format::Dot, 80).is_err_and(|e| e.2.contains("expands")));
    let text = format!(
        "digraph {{\n{{{}}} [label=\"{label}\"]\n}}\n",
        names("n", 5000)
    );
    refused(bounded(&text, Format::Dot, 80), 2, "expands to more than");
    // A subgraph changing shared defaults pays for its own copy of them.
    let big: String = (0..2000)
        .map(|i| format!("k{i}=\"{}\" ", "v".repeat(20)))
        .collect();
    let text = format!(
        "digraph {{\nnode [{big}]\n{}}}\n",
        "{ node [x=1] }\n".repeat(20_000)
    );
    assert!(bounded(&text, Format::Dot, 80).is_err_and(|e| e.2.contains("expands")));
}

#[test]
fn dot_scoped_defaults_still_apply() {
    let g = bounded(
        "digraph {\n node [shape=box]\n a\n subgraph cluster_1 { node [color=red] b; \
         subgraph cluster_2 { c } a }\n d\n edge [w=1]\n a -> b [w=2]\n c -> d\n}",
        Format::Dot,
        1,
    )
    .expect("parses");
    let attrs = |id: &str| {
        let n = g.nodes.iter().find(|n| n.id == id).expect("node");
        let get = |k: &str| n.attrs.get(k).map_or("", String::as_str).to_string();
        (get("shape"), get("color"), get("cluster"))
    };
    let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(attrs("a"), t("box", "", ""), "declared before the cluster");
    assert_eq!(attrs("b"), t("box", "red", "cluster_1"));
    assert_eq!(
        attrs("c"),
        t("box", "red", "cluster_2"),
        "innermost cluster"
    );
    assert_eq!(
        attrs("d"),
        t("box", "", ""),
        "the subgraph's default ended with it"
    );
    assert_eq!(g.edges[0].attrs["w"], "2");
    assert_eq!(g.edges[1].attrs["w"], "1");
}

#[test]
fn dot_many_subgraphs_take_linear_work() {
    // The node set used to be copied for every subgraph: 40 000 nodes × 100 000 subgraphs.
    let nodes: String = (0..40_000).map(|i| format!("n{i};")).collect();
    let text = format!(
        "digraph {{\n{nodes}\n{}\nsubgraph cluster_z {{ n1 z }}\n}}\n",
        "{} subgraph cluster_x { n0 }\n".repeat(100_000)
    );
    let g = bounded(&text, Format::Dot, 64).expect("parses");
    assert_eq!(g.nodes.len(), 40_001);
    let z = g.nodes.last().expect("z");
    assert_eq!(z.attrs["cluster"], "cluster_z");
    assert!(!g.nodes[1].attrs.contains_key("cluster"), "n1 predates it");
    // 90 levels deep, 2000 times over.
    let text = format!(
        "digraph {{\n{nodes}\n{}}}\n",
        format!("{}x -> n0{}\n", "{".repeat(90), "}".repeat(90)).repeat(2000)
    );
    let g = bounded(&text, Format::Dot, 64).expect("parses");
    assert_eq!(g.edges.len(), 2000);
    // Deeper than the limit through edge ends too.
    let text = format!("digraph {{\na -> {}\n}}", "{ b -> ".repeat(100_000));
    refused(bounded(&text, Format::Dot, 64), 2, "nested deeper");
}

#[test]
fn gml_entities_decode_in_linear_time() {
    // A 2 MB string of `&` with no `;`: each `&` used to search the whole rest for one.
    let amps = "&".repeat(2_000_000);
    let text = format!("graph [\n node [ id 1 label \"{amps}&amp;&#20013;&#x41;&bogus;\" ]\n]\n");
    let g = bounded(&text, Format::Gml, 16).expect("parses");
    assert_eq!(g.nodes[0].id, format!("{amps}&中A&bogus;"));
}

#[test]
fn gml_copies_are_charged() {
    // A 2 KB key nested 50 deep makes 100 KB keys; 2000 leaves would be 200 MB.
    let key = "K".repeat(2000);
    let leaves: String = (0..2000).map(|i| format!("x{i} 1 ")).collect();
    let text = format!(
        "graph [\n node [ id 1 {}{leaves}{} ]\n]\n",
        format!("{key} [ ").repeat(50),
        " ]".repeat(50)
    );
    refused(bounded(&text, Format::Gml, 80), 2, "expands to more than");
    // A 100 KB label naming a node is copied into every edge end that names it.
    let edges = "edge [ source 1 target 1 ]\n".repeat(2000);
    let text = format!(
        "graph [\nnode [ id 1 label \"{}\" ]\n{edges}]\n",
        "L".repeat(100_000)
    );
    let r = bounded(&text, Format::Gml, 80);
    let Err((line, _, m)) = &r else {
        panic!("accepted")
    };
    assert!((3..=2002).contains(line), "at an edge: {m}");
    refused(r.clone(), *line, "expands to more than");
    // Moderate nesting is flattened as before.
    let g = bounded(
        "graph [ node [ id 1 graphics [ x 1.5 fill \"#f00\" ] data [ a [ b 2 ] ] ] ]",
        Format::Gml,
        1,
    )
    .expect("parses");
    let a = &g.nodes[0].attrs;
    assert_eq!((&a["x"][..], &a["color"][..]), ("1.5", "#f00"));
    assert_eq!(a["data.a.b"], "2");
}

#[test]
fn dot_and_gml_truncated_at_every_byte_never_panic() {
    let dot = "strict digraph \"g\" {\r\n  // c\r\n  node [shape=box, label=\"a\\\r\nb\"];\r\n  \
               subgraph cluster_0 { a -> {b c} -> d:p:ne [label=<x<b>y</b>>] }\r\n  \
               /* block */ e = f; x -> y;\r\n}\r\n";
    let gml = "Creator \"x\"\r\ngraph [\r\n  directed 1\r\n  # comment\r\n  node [ id 1 label \
               \"A&amp;B\" graphics [ x 1e999 y nan ] ]\r\n  node [ id 2 label \"&#x4E2D;\" ]\r\n  \
               edge [ source 1 target 2 attr [ name \"w w\" value \"-inf\" ] ]\r\n]\r\n";
    for (format, text) in [(Format::Dot, dot), (Format::Gml, gml)] {
        let whole = parse_text(text, "t", format).expect("the whole file parses");
        assert!(!whole.nodes.is_empty() && !whole.edges.is_empty());
        // CRLF and LF read the same.
        let lf = parse_text(&text.replace("\r\n", "\n"), "t", format).expect("LF parses");
        assert_eq!(lf.nodes, whole.nodes);
        for end in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            if let Err(d) = parse_text(&text[..end], "t", format) {
                let lines = text[..end].matches('\n').count() + 1;
                assert!(
                    d[0].line <= lines && (d[0].line >= 1 || d[0].message.contains("not a GML")),
                    "cut at {end}: {}",
                    d[0]
                );
            }
        }
    }
}

#[test]
fn dot_and_gml_odd_bytes_are_positioned_errors() {
    let (l, c, m) = err("digraph {\n a -> b\n \0 }", Format::Dot);
    assert_eq!((l, c), (3, 2), "{m}");
    assert!(m.contains("NUL"), "{m}");
    let (l, c, m) = err("digraph {\n a /* never closed\n", Format::Dot);
    assert_eq!((l, c), (2, 4), "{m}");
    let (l, c, m) = err("digraph {\n a [label=\"x\\", Format::Dot);
    assert_eq!((l, c), (2, 11), "{m}");
    let (l, c, m) = err("graph [\n node [ id\u{0}1 ]\n]", Format::Gml);
    assert_eq!((l, c), (2, 9), "{m}");
    // A quoted `+` is a name, not concatenation.
    let g = parse_text("digraph { a -> \"+\" }", "t", Format::Dot).expect("parses");
    assert_eq!(g.edges[0].to, "+");
    // Huge numbers and non-finite values stay text for the schema to judge.
    let g = parse_text(
        "graph [ node [ id 1 graphics [ x 1e99999 y -nan ] ] ]",
        "t",
        Format::Gml,
    )
    .expect("parses");
    assert_eq!(
        (&g.nodes[0].attrs["x"][..], &g.nodes[0].attrs["y"][..]),
        ("1e99999", "-nan")
    );
}

#[test]
fn a_million_tiny_dot_and_gml_elements_parse() {
    let dot: String = (0..1_000_000).map(|i| format!("{i:x};")).collect();
    let g = bounded(&format!("graph {{{dot}}}"), Format::Dot, 400).expect("parses");
    assert_eq!(g.nodes.len(), 1_000_000);
    let gml: String = (0..1_000_000).map(|i| format!("node[id {i:x}]")).collect();
    let g = bounded(&format!("graph[{gml}]"), Format::Gml, 400).expect("parses");
    assert_eq!(g.nodes.len(), 1_000_000);
}
