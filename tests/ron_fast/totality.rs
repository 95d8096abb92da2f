//! Totality of the fast parser: whatever the bytes, an answer with a place, never a panic.

use super::*;

/// Read `text` through the fast path and both entry points; every refusal must point at a line
/// and column (a syntax error) and nothing may panic. What opens must also save and reopen unchanged.
fn assert_total(text: &str, what: &str) {
    let _ = ron_fast::read(text);
    match parse_dataset_lenient(text, "t.ron") {
        Err(diags) => {
            assert!(!diags.is_empty(), "{what}: refused without a reason");
            for d in &diags {
                assert!(d.line >= 1 && d.col >= 1, "{what}: no line:col in {d}");
            }
        }
        Ok((data, _)) => {
            let saved = to_canonical_ron(&data).expect("serialises");
            let reopened = parse_dataset_lenient(&saved, "saved.ron").map(|(d, _)| d);
            assert_eq!(
                reopened.as_ref().ok(),
                Some(&data),
                "{what}: changed by a save"
            );
        }
    }
    let (data, diags) = check_text(text, "t.ron");
    if data.is_none() {
        assert_eq!(diags.len(), 1, "{what}: {diags:?}");
        assert!(
            diags[0].line >= 1 && diags[0].col >= 1,
            "{what}: {}",
            diags[0]
        );
    }
}

/// Every prefix of `text` cut at a character boundary.
fn prefixes(text: &str) -> impl Iterator<Item = (usize, &str)> {
    (0..=text.len()).filter_map(|k| text.get(..k).map(|p| (k, p)))
}

/// A small canonical file whose strings hold every escape the writer produces.
fn escaped() -> String {
    let mut data = small();
    data.nodes[0].name.en =
        "quote \" backslash \\ newline\n tab\t nul\u{0} esc\u{1b} 深圳 \\\"".into();
    data.nodes[0].id = "a\\".into();
    data.edges[0].from = "a\\".into();
    data.nodes[1].name.zh = "\\".into();
    data.edges[0].cites[0].quote = "\"\\\"".into();
    data.nodes[0].kind = Kind::new("大学 \"x\" \\");
    data.edges[0].rel = Relation::new("part of");
    to_canonical_ron(&data).expect("serialises")
}

#[test]
fn a_file_cut_at_any_byte_is_refused_with_a_place_never_a_panic() {
    let tiny = std::fs::read_to_string("tests/fixtures/tiny.ron").expect("fixture");
    let escaped = escaped();
    // The escapes file reads back exactly, through the fast path, as ron reads it.
    assert!(assert_agrees(&escaped));
    let (data, diags) = check_text(&escaped, "e.ron");
    assert!(data.is_some() && diags.iter().all(|d| !d.message.contains("no node")));
    assert!(escaped.contains(r#"\\""#) && escaped.contains(r#"\""#));
    for text in [tiny.as_str(), escaped.as_str()] {
        for (k, prefix) in prefixes(text) {
            assert_total(prefix, &format!("cut at byte {k}"));
        }
    }
    // The case that used to panic: cut right after a backslash inside a string.
    let at = escaped.find('\\').expect("a backslash") + 1;
    let (data, diags) = check_text(&escaped[..at], "t.ron");
    assert!(data.is_none());
    assert!(diags[0].line >= 1, "{:?}", diags);
}

/// Where the shipped graph is cut: every line end, and right after every backslash.
fn shipped_cuts() -> Vec<usize> {
    let text = EMBEDDED_SHENZHEN;
    let mut ends: Vec<usize> = text
        .match_indices('\n')
        .map(|(k, _)| k)
        .chain(text.match_indices('\\').map(|(k, _)| k + 1))
        .collect();
    ends.sort_unstable();
    assert!(ends.len() > 20_000);
    ends
}

#[test]
fn the_shipped_graph_cut_at_line_ends_and_early_bytes_is_refused_never_a_panic() {
    let text = EMBEDDED_SHENZHEN;
    let ends = shipped_cuts();
    // Every cut through the fast parser (the hand-written code) would take minutes in a debug
    // build; the ends of the file, where parsing starts and stops, are cut at every line, the
    // middle at every seventh, and one cut in 97 goes through both entry points. The
    // exhaustive version is `every_line_end_of_the_shipped_graph` below (run with --ignored).
    let n = ends.len();
    ends.par_iter().enumerate().for_each(|(i, &k)| {
        let cut = &text[..k];
        if i % 97 == 0 || text[k..].trim().is_empty() {
            assert_total(cut, &format!("cut at byte {k}"));
        } else if i < 1500 || i + 1500 > n || i % 7 == 0 || text.as_bytes()[k - 1] == b'\\' {
            assert!(matches!(ron_fast::read(cut), Fast::Unsure));
        }
    });
    let early: Vec<_> = prefixes(text).take_while(|(k, _)| *k <= 4096).collect();
    early.par_iter().for_each(|(k, cut)| {
        assert_total(cut, &format!("cut at byte {k}"));
    });
}

/// Every line end through both entry points: 6.5 minutes in a release build on two busy cores
/// (`cargo test --release --test ron_fast -- --ignored`).
#[test]
#[ignore = "exhaustive; minutes in a debug build"]
fn every_line_end_of_the_shipped_graph() {
    let text = EMBEDDED_SHENZHEN;
    shipped_cuts().par_iter().for_each(|&k| {
        assert_total(&text[..k], &format!("cut at byte {k}"));
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_bytes_are_refused_with_a_place(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        assert_total(&String::from_utf8_lossy(&bytes), "random bytes");
    }

    #[test]
    fn damaged_small_files_are_refused_with_a_place(
        edits in prop::collection::vec((any::<usize>(), 0usize..8, any::<usize>()), 1..6),
        escapes in any::<bool>(),
    ) {
        let mut text = if escapes {
            escaped()
        } else {
            std::fs::read_to_string("tests/fixtures/tiny.ron").expect("fixture")
        };
        for (at, len, token) in edits {
            text = mutate(&text, at, len, token);
        }
        assert_total(&text, "mutated");
        assert_agrees(&text);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let tiny = std::fs::read_to_string("tests/fixtures/tiny.ron").expect("fixture");
    let deep =
        |open: &str, close: &str| format!("{}1{}", open.repeat(100_000), close.repeat(100_000));
    for (from, to) in [
        ("kind: Official", format!("kind: {}", deep("[", "]"))),
        ("kind: Official", format!("kind: {}", deep("Some(", ")"))),
        ("year: 2022", format!("year: {}", deep("Some(", ")"))),
        ("year: 2022", format!("year: {}", deep("(", ")"))),
        (
            "aliases: [\"光明\"]",
            format!("aliases: {}", deep("[", "]")),
        ),
        (
            "title: (zh: \"测试\", en: \"Test\")",
            format!("title: {}", deep("{", "}")),
        ),
    ] {
        let text = tiny.replacen(from, &to, 1);
        assert_ne!(text, tiny, "{from}");
        // On a thread with a small stack, as the app's loader threads have.
        let handle = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || parse_dataset_lenient(&text, "deep.ron").map(|_| ()))
            .expect("thread");
        let diags = handle
            .join()
            .expect("no stack overflow")
            .expect_err("refused");
        assert!(diags[0].line >= 1, "{diags:?}");
    }
}

#[test]
fn more_elements_than_the_limit_are_counted_and_refused_before_they_are_built() {
    // The smallest node ron reads, one per line as the writer lays lists out.
    let node = "\n(id:\"\",kind:Lab,name:()),";
    let mut text = String::with_capacity(node.len() * (MAX_ELEMENTS + 2) + 64);
    text.push_str("Dataset(nodes: [");
    for _ in 0..=MAX_ELEMENTS {
        text.push_str(node);
    }
    text.push_str("\n])\n");
    let started = std::time::Instant::now();
    match ron_fast::read(&text) {
        Fast::TooMany(at) => assert_eq!(at, 16 + 1 + node.len() * MAX_ELEMENTS),
        other => panic!(
            "expected a refusal, got {:?}",
            matches!(other, Fast::Read(_))
        ),
    }
    let diags = parse_dataset_lenient(&text, "big.ron").expect_err("refused");
    assert!(diags[0].message.contains("more than"), "{diags:?}");
    assert_eq!((diags[0].line, diags[0].col), (MAX_ELEMENTS + 2, 1));
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn a_million_problems_are_located_in_linear_time() {
    // Nodes all named "a" without citations (a duplicate id and a missing citation each), edges
    // all between missing nodes (two missing ends, a duplicate edge, a missing citation each).
    const NODES: usize = 250_001;
    const EDGES: usize = 125_000;
    let mut text = String::from("#![enable(implicit_some)]\nDataset(\n    nodes: [\n");
    for _ in 0..NODES {
        text.push_str("        Node(id: \"a\", kind: Lab, name: (zh: \"甲\")),\n");
    }
    text.push_str("    ],\n    edges: [\n");
    for _ in 0..EDGES {
        text.push_str("        Edge(from: \"x\", to: \"y\", rel: Hosts),\n");
    }
    text.push_str("    ],\n)\n");
    let started = std::time::Instant::now();
    let refused = parse_dataset_lenient(&text, "many.ron").expect_err("refused");
    let (_, diags) = check_text(&text, "many.ron");
    let elapsed = started.elapsed();
    // `check` lists all; refusing the file lists every structural problem (a duplicate id per
    // node but the first, two missing ends per edge) and the first curation ones.
    let shown = innovation_atlas::io::SHOWN_WARNINGS;
    assert_eq!((refused.len(), diags.len()), (500_000 + shown, 1_000_000));
    // Every problem on its element's line: node k is on line 4 + k, edge k on line 6 + NODES + k.
    assert!(diags.iter().all(|d| d.col == 9));
    assert!(diags.windows(2).all(|w| w[0].line <= w[1].line));
    let node_lines = diags.iter().filter(|d| d.line < 4 + NODES);
    assert!(node_lines.map(|d| d.line).eq((0..NODES).flat_map(|k| {
        let line = 4 + k;
        if k == 0 { vec![line] } else { vec![line, line] }
    })));
    assert_eq!(diags.last().map(|d| d.line), Some(5 + NODES + EDGES));
    // Linear: both calls take about 8 s in a debug build on two cores; a quadratic step
    // would take hours.
    assert!(elapsed.as_secs() < 40, "{elapsed:?}");
}

#[test]
fn problems_are_located_past_raw_strings_and_nested_comments() {
    let text = r####"Dataset(
    nodes: [
        /* one /* nested " */ ], still a comment */
        Node(id: r#"a"], ("#, kind: Lab, name: (en: r"b\"), cites: []),
        Node(id: "dup", kind: Lab, name: (en: "x")),
        Node(id: "dup", kind: Lab, name: (en: "y")),
    ],
)
"####;
    let (data, diags) = check_text(text, "raw.ron");
    assert_eq!(
        data.map(|d| d.nodes[0].id.clone()).as_deref(),
        Some("a\"], (")
    );
    let at = |needle: &str| {
        diags
            .iter()
            .find(|d| d.message.contains(needle))
            .map(|d| (d.line, d.col))
    };
    assert_eq!(at("lowercase slug"), Some((4, 9)), "{diags:?}");
    assert_eq!(at("duplicate node id"), Some((6, 9)), "{diags:?}");
}
