//! Stable-Rust randomized fuzzing of every parser (the cargo-fuzz targets in `fuzz/` need
//! nightly): truncations and byte mutations of real files, and random token soup, must give
//! `Ok` or positioned errors, never a panic. `FORMATS_FUZZ_CASES=N` runs longer.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use common::peak::MB;
use innovation_atlas::io::formats::{Format, RawGraph, export, parse_text, to_dataset};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn seeds() -> Vec<(Format, String)> {
    let fx = common::fixture("formats");
    let mut out = vec![
        (Format::Csv, "id,label,kind\na,\"A, \"\"x\"\"\",Lab\nb,B,\n".to_string()),
        (Format::Dot, "digraph \"g\" { node [a=1]; subgraph cluster_x { a -> {b c} -> d:p:n [label=\"x\\ny\" w=<b>1</b>] } e -- f; }".to_string()),
    ];
    for (f, p) in [
        (Format::GraphMl, fx.join("nx.graphml")),
        (Format::Gexf, fx.join("nx.gexf")),
        (Format::Gml, fx.join("nx.gml")),
        (Format::Json, fx.join("nx.nodelink.json")),
    ] {
        out.push((f, std::fs::read_to_string(&p).unwrap()));
    }
    // Real files from other tools, when the corpus is beside the repository.
    let Some(rw) = common::shared("realworld") else {
        return out;
    };
    for (f, p) in [
        (Format::GraphMl, rw.join("yed-katet.graphml")),
        (Format::GraphMl, rw.join("hyperedge-ports-keydata.graphml")),
        (Format::Gexf, rw.join("gexf-dynamics-spells.gexf")),
        (Format::Gml, rw.join("emojis.gml")),
        (Format::Dot, rw.join("cluster.gv")),
        (Format::Json, rw.join("cytoscapejs-compound.json")),
    ] {
        out.push((f, std::fs::read_to_string(&p).unwrap()));
    }
    out
}

fn check(format: Format, text: &str) {
    match parse_text(text, "fuzz", format) {
        Ok(raw) => {
            let (data, _) = to_dataset(raw);
            // What the Atlas writes in the XML and JSON formats must open again.
            if matches!(format, Format::GraphMl | Format::Gexf | Format::Json)
                && let Ok((files, _)) = export(&data, std::path::Path::new("fuzz"), format)
                && let Some(f) = files.first()
                && let Err(d) = parse_text(&f.text, "round trip", format)
            {
                panic!("{format:?} export does not read back: {}\n{}", d[0], f.text);
            }
        }
        Err(d) => assert!(!d.is_empty(), "an error without a diagnostic"),
    }
}

fn cases() -> u32 {
    std::env::var("FORMATS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

#[test]
fn mutated_real_files_never_panic() {
    let seeds = seeds();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        ..Config::default()
    });
    let strategy = (
        0..seeds.len(),
        any::<prop::sample::Index>(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    );
    runner
        .run(&strategy, |(which, cut, edits)| {
            let (format, text) = &seeds[which];
            let mut bytes = text.as_bytes().to_vec();
            bytes.truncate(cut.index(bytes.len() + 1));
            for (at, b) in edits {
                if !bytes.is_empty() {
                    let i = at.index(bytes.len());
                    bytes[i] = b;
                }
            }
            let s = String::from_utf8_lossy(&bytes);
            check(*format, &s);
            Ok(())
        })
        .expect("no panics");
}

#[test]
fn token_soup_never_panics() {
    const TOKENS: &[&str] = &[
        "<",
        ">",
        "</",
        "/>",
        "<graph>",
        "<node id=\"a\">",
        "</node>",
        "<edge source=\"a\" target=\"b\">",
        "<data key=\"k\">",
        "</data>",
        "&amp;",
        "&#x41;",
        "&bogus;",
        "<![CDATA[x]]>",
        "[",
        "]",
        "{",
        "}",
        "\"",
        "\\",
        "node",
        "edge",
        "graph",
        "digraph",
        "subgraph",
        "->",
        "--",
        "=",
        ";",
        ",",
        ":",
        "id",
        "label",
        "source",
        "target",
        "1",
        "-2.5",
        "\n",
        " ",
        "#",
        "//",
        "/*",
        "*/",
        "\"nodes\"",
        "\"links\"",
        "\"elements\"",
        "null",
        "é",
        "光",
        "\u{feff}",
    ];
    let formats = [
        Format::GraphMl,
        Format::Gexf,
        Format::Gml,
        Format::Json,
        Format::Csv,
        Format::Dot,
    ];
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        ..Config::default()
    });
    let strategy = prop::collection::vec(0..TOKENS.len(), 0..200);
    runner
        .run(&strategy, |toks| {
            let s: String = toks.iter().map(|&i| TOKENS[i]).collect();
            for f in formats {
                check(f, &s);
            }
            Ok(())
        })
        .expect("no panics");
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs built in code: each must give `Ok` or a positioned refusal, with the memory
// the parser takes bounded (measured per thread by the allocator below, so parallel tests do
// not disturb each other).

#[global_allocator]
static ALLOC: common::peak::Counting = common::peak::Counting;

/// Parse `text`, asserting the parser held at most `max_mb` MB at once.
fn parse_bounded(text: &str, format: Format, max_mb: usize) -> Result<RawGraph, String> {
    common::peak::parse_bounded(text, "hostile", format, max_mb).map_err(|d| d.to_string())
}

/// A refusal with a real position: `hostile:LINE:COL: …` with LINE ≥ 1, containing `what`.
fn assert_refused_at(r: Result<RawGraph, String>, what: &str) {
    let msg = match r {
        Ok(g) => panic!("accepted ({} nodes), expected `{what}`", g.nodes.len()),
        Err(m) => m,
    };
    assert!(msg.contains(what), "{msg}");
    let mut parts = msg.splitn(4, ':');
    let (_, line, col) = (parts.next(), parts.next(), parts.next());
    let pos = |p: Option<&str>| p.and_then(|s| s.trim().parse::<usize>().ok()).unwrap_or(0);
    assert!(pos(line) >= 1 && pos(col) >= 1, "no line:col in {msg}");
}

fn short_id(i: usize) -> String {
    format!("{i:x}")
}

fn tiny_nodes(n: usize, tag: &str) -> String {
    (0..n)
        .map(|i| format!("<{tag} id=\"{}\"/>", short_id(i)))
        .collect()
}

#[test]
fn graphml_key_defaults_are_charged_before_copying() {
    let keys: String = (0..50)
        .map(|k| {
            let d = "x".repeat(6000);
            format!(
                "<key id=\"k{k}\" for=\"node\" attr.name=\"a{k}\"><default>{d}</default></key>\n"
            )
        })
        .collect();
    let text = format!(
        "<graphml>\n{keys}<graph>{}</graph></graphml>",
        tiny_nodes(100_000, "node")
    );
    // Copied out, the defaults would take 30 GB.
    assert_refused_at(
        parse_bounded(&text, Format::GraphMl, 300),
        "refused: this file expands",
    );
}

#[test]
fn graphml_defaults_still_apply_in_order() {
    let text = r#"<graphml><key id="k" for="node" attr.name="colour"><default>red</default></key>
<key id="w" for="edge" attr.name="weight"><default>1</default></key>
<key id="k2" for="all" attr.name="colour"><default>blue</default></key>
<graph><node id="a"/><node id="b"><data key="k">green</data></node><edge source="a" target="b"/></graph></graphml>"#;
    let g = parse_bounded(text, Format::GraphMl, 64).expect("a normal file");
    assert_eq!(
        g.nodes[0].attrs["colour"], "red",
        "the first declared default wins"
    );
    assert_eq!(
        g.nodes[1].attrs["colour"], "green",
        "an element's own value wins"
    );
    assert_eq!(g.edges[0].attrs["weight"], "1");
    assert_eq!(g.edges[0].attrs["colour"], "blue");
}

#[test]
fn gexf_attribute_defaults_are_charged_before_copying() {
    let defs: String = (0..50)
        .map(|k| {
            let d = "x".repeat(6000);
            format!("<attribute id=\"{k}\" title=\"a{k}\"><default>{d}</default></attribute>\n")
        })
        .collect();
    let text = format!(
        "<gexf><graph><attributes class=\"node\">\n{defs}</attributes><nodes>{}</nodes></graph></gexf>",
        tiny_nodes(100_000, "node")
    );
    assert_refused_at(
        parse_bounded(&text, Format::Gexf, 300),
        "refused: this file expands",
    );
}

#[test]
fn long_names_copied_into_every_element_are_charged() {
    let long = "n".repeat(MB);
    let many = |inner: &str| inner.repeat(100_000);
    // A GraphML group whose 1 MB id every child copies as `parent`.
    let t = format!(
        "<graphml><graph><node id=\"{long}\"><graph>{}</graph></node></graph></graphml>",
        tiny_nodes(100_000, "node")
    );
    assert_refused_at(parse_bounded(&t, Format::GraphMl, 300), "refused");
    // A GraphML key whose 1 MB `attr.name` every `<data>` copies.
    let t = format!(
        "<graphml><key id=\"k\" attr.name=\"{long}\"/><graph>{}</graph></graphml>",
        many(
            "<node id=\"a\"><data key=\"k\"/></node><edge source=\"a\" target=\"a\"><data key=\"k\"/></edge>"
        )
    );
    assert_refused_at(parse_bounded(&t, Format::GraphMl, 300), "refused");
    // A GEXF attribute whose 1 MB title every `<attvalue>` copies.
    let t = format!(
        "<gexf><graph><attributes class=\"edge\"><attribute id=\"0\" title=\"{long}\"/></attributes>\
<nodes><node id=\"a\"/></nodes><edges>{}</edges></graph></gexf>",
        many(
            "<edge source=\"a\" target=\"a\"><attvalues><attvalue for=\"0\" value=\"\"/></attvalues></edge>"
        )
    );
    assert_refused_at(parse_bounded(&t, Format::Gexf, 300), "refused");
    // A GEXF node whose 1 MB id its nested nodes copy.
    let t = format!(
        "<gexf><graph><nodes><node id=\"{long}\"><nodes>{}</nodes></node></nodes></graph></gexf>",
        tiny_nodes(100_000, "node")
    );
    assert_refused_at(parse_bounded(&t, Format::Gexf, 300), "refused");
}

#[test]
fn many_attributes_on_one_element_are_linear_and_capped() {
    let attrs = |n: usize| -> String {
        (0..n)
            .map(|i| format!(" a{}=\"xxxxxxxxx\"", short_id(i)))
            .collect()
    };
    // 100 000 attributes took over 20 s through quick-xml's pairwise duplicate check.
    let t = format!(
        "<graphml><graph>\n<node id=\"a\"{}/></graph></graphml>",
        attrs(100_000)
    );
    let (r, _) = common::peak::measure(|| parse_text(&t, "hostile", Format::GraphMl));
    let msg = r.expect_err("refused").remove(0).to_string();
    assert!(msg.starts_with("hostile:2:"), "{msg}");
    assert!(msg.contains("more than 1024 attributes"), "{msg}");
    let t = format!(
        "<graphml><graph><node id=\"a\"{}/></graph></graphml>",
        attrs(1000)
    );
    assert_eq!(
        parse_bounded(&t, Format::GraphMl, 64)
            .expect("1000 is fine")
            .nodes
            .len(),
        1
    );
    let t = "<graphml><graph>\n<node id=\"a\" b=\"1\"\n   b=\"2\"/></graph></graphml>";
    let msg = parse_bounded(t, Format::GraphMl, 64).expect_err("duplicate");
    assert!(
        msg.starts_with("hostile:3:4: duplicate attribute `b`"),
        "{msg}"
    );
}

#[test]
fn hostile_xml_is_refused_with_a_position() {
    let laughs = "<!DOCTYPE g [<!ENTITY a \"xxxxxxxxxx\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\
<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<graphml><graph><node id=\"a\"><data key=\"d\">&c;</data></node></graph></graphml>";
    let cases: Vec<(String, &str)> = vec![
        // Custom DTD entities are never expanded: no billion laughs.
        (laughs.to_string(), "unknown entity &c;"),
        ("<graphml><graph><node id=\"a\"><data key=\"d\">&#x0;</data></node></graph></graphml>".into(), "invalid character reference &#x0;"),
        ("<graphml><graph><node id=\"a\"><data key=\"d\">&#x110000;</data></node></graph></graphml>".into(), "invalid character reference"),
        ("<graphml><graph><node id=\"&#0;\"/></graph></graphml>".into(), "malformed attribute value"),
        (format!("<graphml><graph>{}", "<a>".repeat(100_000)), "nested deeper than 100"),
        (format!("<graphml><graph>{}<b/>", "<a>".repeat(99)), "nested deeper than 100"),
        ("<graphml><graph><node id=\"a\">".into(), "unexpected end of file"),
        ("<graphml><graph><node id=\"a\"></graph></graphml>".into(), "malformed XML"),
    ];
    for (text, what) in &cases {
        for f in [Format::GraphMl, Format::Gexf] {
            let text = text
                .replace("graphml>", "gexf>")
                .replace("<graphml", "<gexf");
            let text = if f == Format::GraphMl {
                text_back(&text)
            } else {
                text
            };
            assert_refused_at(parse_bounded(&text, f, 64), what);
        }
    }
}

fn text_back(t: &str) -> String {
    t.replace("gexf>", "graphml>").replace("<gexf", "<graphml")
}

#[test]
fn huge_values_and_odd_numbers_are_kept_as_text() {
    let big = "v".repeat(4 * MB);
    let t = format!(
        "<gexf><graph><nodes><node id=\"a\" label=\"{big}\" start=\"99999999999999999999-01-01\">\
<viz:color r=\"NaN\" g=\"1e999\" b=\"0\"/><viz:position x=\"NaN\" y=\"-inf\"/><viz:size value=\"1e999\"/>\
<spells><spell start=\"1e999\"/><spell start=\"1999\"/></spells></node><node id=\"a\"/></nodes>\
<edges><edge source=\"a\" target=\"missing\"/></edges></graph></gexf>"
    );
    let g = parse_bounded(&t, Format::Gexf, 64).expect("accepted");
    let a = &g.nodes[0].attrs;
    assert_eq!(a["label"].len(), 4 * MB);
    assert!(
        !a.contains_key("color"),
        "NaN is no colour component: {:?}",
        a.get("color")
    );
    assert_eq!(
        (a["x"].as_str(), a["size"].as_str()),
        ("NaN", "1e999"),
        "nothing lost"
    );
    assert_eq!(a["year"], "1999");
    assert_eq!(g.nodes.len(), 1, "a repeated id is merged");
    assert!(
        g.warnings.iter().any(|w| w.contains("repeat an id")),
        "{:?}",
        g.warnings
    );
    let _ = to_dataset(g);
}

#[test]
fn a_million_tiny_xml_elements_parse() {
    let t = format!(
        "<graphml><graph>{}</graph></graphml>",
        tiny_nodes(1_000_000, "node")
    );
    let g = parse_bounded(&t, Format::GraphMl, 600).expect("accepted");
    assert_eq!(g.nodes.len(), 1_000_000);
    let t = format!(
        "<gexf><graph><nodes>{}</nodes></graph></gexf>",
        tiny_nodes(1_000_000, "node")
    );
    assert_eq!(
        parse_bounded(&t, Format::Gexf, 600)
            .expect("accepted")
            .nodes
            .len(),
        1_000_000
    );
}

#[test]
fn hostile_json_is_refused_with_a_position_or_read_within_limits() {
    let deep = format!("{{\"nodes\":{}", "[".repeat(100_000));
    assert_refused_at(parse_bounded(&deep, Format::Json, 64), "recursion limit");
    let huge = "{\"nodes\":[{\"id\":\"a\",\"w\":1e999}]}";
    assert_refused_at(parse_bounded(huge, Format::Json, 64), "number out of range");
    let g = parse_bounded(
        "{\"nodes\":[{\"id\":\"a\",\"w\":1,\"w\":2,\"big\":123456789012345678901234567890}]}",
        Format::Json,
        64,
    )
    .expect("accepted");
    assert_eq!(g.nodes[0].attrs["w"], "2", "the last duplicate key wins");
    assert_eq!(g.nodes[0].attrs["big"], "1.2345678901234568e+29");
}

#[test]
fn json_objects_take_memory_in_proportion_to_their_size() {
    // serde_json's `Value` spends a B-tree node on each object: 7 MB of `{"":0}` took 700 MB.
    let t = format!(
        "{{\"nodes\":[{{\"id\":\"a\",\"x\":[{}]}}]}}",
        vec!["{\"\":0}"; 1_000_000].join(",")
    );
    let g = parse_bounded(&t, Format::Json, 200).expect("accepted");
    assert_eq!(g.nodes[0].attrs["x"].len(), 7_000_001);
    let nodes: Vec<String> = (0..1_000_000).map(|i| format!("{{\"id\":{i}}}")).collect();
    let links: Vec<String> = (0..1_000)
        .map(|i| format!("{{\"source\":{i},\"target\":0}}"))
        .collect();
    let t = format!(
        "{{\"nodes\":[{}],\"links\":[{}]}}",
        nodes.join(","),
        links.join(",")
    );
    let g = parse_bounded(&t, Format::Json, 600).expect("a million nodes");
    assert_eq!((g.nodes.len(), g.edges.len()), (1_000_000, 1_000));
}

#[test]
fn json_endpoints_copied_into_every_link_are_charged() {
    // Numeric endpoints name node 0, whose 1 MB id each link would copy twice.
    let t = format!(
        "{{\"nodes\":[{{\"id\":\"{}\"}}],\"links\":[{}]}}",
        "x".repeat(MB),
        vec!["{\"source\":0,\"target\":0}"; 50_000].join(",")
    );
    let msg = parse_bounded(&t, Format::Json, 300).expect_err("refused");
    assert!(msg.contains("refused"), "{msg}");
}
