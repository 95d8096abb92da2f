//! Stable-Rust randomized fuzzing of every parser (the cargo-fuzz targets in `fuzz/` need
//! nightly): truncations and byte mutations of real files, and random token soup, must give
//! `Ok` or positioned errors, never a panic. `FORMATS_FUZZ_CASES=N` runs longer.

use innovation_atlas::io::formats::{Format, parse_text, to_dataset};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn seeds() -> Vec<(Format, String)> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fx = dir.join("tests/fixtures/formats");
    let rw = dir.join("../shared/realworld");
    let mut out = vec![
        (Format::Csv, "id,label,kind\na,\"A, \"\"x\"\"\",Lab\nb,B,\n".to_string()),
        (Format::Dot, "digraph \"g\" { node [a=1]; subgraph cluster_x { a -> {b c} -> d:p:n [label=\"x\\ny\" w=<b>1</b>] } e -- f; }".to_string()),
    ];
    for (f, p) in [
        (Format::GraphMl, fx.join("nx.graphml")),
        (Format::Gexf, fx.join("nx.gexf")),
        (Format::Gml, fx.join("nx.gml")),
        (Format::Json, fx.join("nx.nodelink.json")),
        (Format::GraphMl, rw.join("yed-katet.graphml")),
        (Format::GraphMl, rw.join("hyperedge-ports-keydata.graphml")),
        (Format::Gexf, rw.join("gexf-dynamics-spells.gexf")),
        (Format::Gml, rw.join("emojis.gml")),
        (Format::Dot, rw.join("cluster.gv")),
        (Format::Json, rw.join("cytoscapejs-compound.json")),
    ] {
        if let Ok(t) = std::fs::read_to_string(&p) {
            out.push((f, t));
        }
    }
    out
}

fn check(format: Format, text: &str) {
    match parse_text(text, "fuzz", format) {
        Ok(raw) => {
            let _ = to_dataset(raw);
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
