//! The fast data-file parser must read every text it accepts exactly as ron does, and hand
//! everything else to ron.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

#[path = "common/vocab_strategy.rs"]
mod vocab_strategy;
use innovation_atlas::io::formats::MAX_ELEMENTS;
use innovation_atlas::io::ron_fast::Fast;
use innovation_atlas::io::{
    EMBEDDED_SHENZHEN, check_text, parse_dataset, parse_dataset_lenient, ron_fast, to_canonical_ron,
};
use innovation_atlas::model::{Cite, Dataset, Edge, Kind, Names, Node, Relation, Source};
use proptest::prelude::*;
use rayon::prelude::*;
use std::collections::BTreeMap;

fn ron_reads(text: &str) -> Result<Dataset, ron::error::SpannedError> {
    ron::Options::default().from_str(text)
}

/// If the fast path accepts `text`, ron must accept it too and produce the same dataset.
fn assert_agrees(text: &str) -> bool {
    match ron_fast::parse(text) {
        Some(fast) => {
            let slow = ron_reads(text)
                .unwrap_or_else(|e| panic!("fast path accepted what ron rejects ({e}):\n{text}"));
            assert_eq!(fast, slow, "fast path read differently:\n{text}");
            true
        }
        None => false,
    }
}

#[test]
fn shipped_graph_reads_the_same_through_the_fast_path() {
    assert!(
        assert_agrees(EMBEDDED_SHENZHEN),
        "the canonical shipped file must take the fast path"
    );
}

#[test]
fn every_dataset_file_in_the_repository_agrees() {
    let mut fast = 0;
    for dir in ["graph-data", "tests/fixtures"] {
        for entry in walk(std::path::Path::new(dir)) {
            if entry.extension().is_some_and(|e| e == "ron") {
                let text = std::fs::read_to_string(&entry).expect("readable");
                if assert_agrees(&text) {
                    fast += 1;
                }
            }
        }
    }
    assert!(fast >= 1);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn long_lists_are_split_across_threads_without_changing_anything() {
    let base = parse_dataset(EMBEDDED_SHENZHEN, "embedded").expect("parses");
    let mut data = base.clone();
    data.nodes.clear();
    data.edges.clear();
    for i in 0..12_000 {
        let mut n = base.nodes[i % base.nodes.len()].clone();
        n.id = format!("n{i}");
        // Brackets, commas and comment markers inside strings must not confuse the splitter.
        n.name.en = format!("Node {i} ], ) // [ \"quoted\" \\ end");
        data.nodes.push(n);
    }
    for i in 0..9_000 {
        let mut e = base.edges[i % base.edges.len()].clone();
        e.from = format!("n{i}");
        e.to = format!("n{}", (i * 7 + 1) % 12_000);
        data.edges.push(e);
    }
    let text = to_canonical_ron(&data).expect("serialises");
    assert_eq!(ron_fast::parse(&text).as_ref(), Some(&data));

    // A comment between elements and a trailing comma are still read.
    let commented = text.replacen("        Node(", "        // first node\n        Node(", 1);
    assert_eq!(ron_fast::parse(&commented).as_ref(), Some(&data));

    // A string holding a raw newline followed by what looks like the next element's start
    // must not split the list there.
    let mut tricky = data.clone();
    tricky.nodes[5000].name.en = "MARK".into();
    let text = to_canonical_ron(&tricky).expect("serialises");
    let raw = text.replacen("\"MARK\"", "\"before\n        Node(after\"", 1);
    assert_ne!(raw, text);
    tricky.nodes[5000].name.en = "before\n        Node(after".into();
    assert_eq!(ron_reads(&raw).as_ref().ok(), Some(&tricky));
    assert_eq!(ron_fast::parse(&raw).as_ref(), Some(&tricky));
}

#[test]
fn what_it_does_not_know_goes_to_ron() {
    let text = to_canonical_ron(&small()).expect("serialises");
    for (from, to) in [
        ("Node(", "/* block */ Node("),
        ("kind: Lab", "kind: r#Lab"),
        ("year: 2021", "year: 0x7e5"),
        ("year: 2021", "year: 2_021"),
        ("id: \"a\"", "id: \"a\", id: \"b\""),
        ("id: \"a\"", "id: r\"a\""),
        ("id: \"a\"", "id: \"\\x61\""),
        ("Dataset(", "Datasets("),
    ] {
        let changed = text.replacen(from, to, 1);
        assert_ne!(changed, text, "{from} not found");
        assert!(
            ron_fast::parse(&changed).is_none(),
            "fast path should give up on {to}"
        );
    }
    // Without implicit_some a bare year is an error in ron, so the fast path refuses it too.
    let bare = text.replacen("#![enable(implicit_some)]", "", 1);
    assert!(ron_fast::parse(&bare).is_none());
    assert!(ron_reads(&bare).is_err());
}

fn small() -> Dataset {
    let cite = |q: &str| Cite {
        source: "s".into(),
        quote: q.into(),
    };
    Dataset {
        format: 1,
        title: Names {
            zh: "标题".into(),
            en: "Title".into(),
        },
        vocabulary: None,
        sources: vec![Source {
            id: "s".into(),
            file: "s.md".into(),
            date: "2021-01-01".into(),
            title: Names::default(),
        }],
        nodes: vec![
            Node {
                id: "a".into(),
                kind: Kind::LAB,
                name: Names {
                    zh: "甲".into(),
                    en: "A".into(),
                },
                aliases: vec!["alpha".into()],
                attrs: BTreeMap::from([("k".into(), "v".into())]),
                cites: vec![cite("甲")],
            },
            Node {
                id: "b".into(),
                kind: Kind::PLAN,
                name: Names::default(),
                aliases: vec![],
                attrs: BTreeMap::new(),
                cites: vec![cite("乙")],
            },
        ],
        edges: vec![Edge {
            from: "a".into(),
            to: "b".into(),
            rel: Relation::IMPLEMENTS,
            year: Some(2021),
            inferred: true,
            attrs: BTreeMap::new(),
            cites: vec![cite("甲乙")],
        }],
    }
}

fn text_strategy() -> BoxedStrategy<String> {
    prop_oneof![
        "[a-z0-9 ]{0,8}",
        "\\PC{0,12}",
        prop::collection::vec(
            prop_oneof![
                Just("\"".to_string()),
                Just("\\".to_string()),
                Just("\n".to_string()),
                Just("\t".to_string()),
                Just("\u{0}".to_string()),
                Just("\u{1b}".to_string()),
                Just("]),//".to_string()),
                Just("深圳".to_string()),
                Just("\u{85}".to_string()),
            ],
            0..6
        )
        .prop_map(|v| v.concat()),
    ]
    .boxed()
}

fn dataset_strategy() -> impl Strategy<Value = Dataset> {
    let cite = (text_strategy(), text_strategy())
        .prop_map(|(source, quote)| Cite { source, quote })
        .boxed();
    let names = (text_strategy(), text_strategy())
        .prop_map(|(zh, en)| Names { zh, en })
        .boxed();
    let attrs = prop::collection::btree_map(text_strategy(), text_strategy(), 0..3).boxed();
    // Words outside the vocabulary, identifier-like or not, must come back exactly.
    let kind = prop_oneof![
        prop::sample::select(vocab_strategy::shipped_kinds()),
        "[A-Z][a-z]{1,6}".prop_map(|s| Kind::new(&s)),
        text_strategy().prop_map(|s| Kind::new(&s)),
    ];
    let rel = prop_oneof![
        prop::sample::select(vocab_strategy::shipped_relations()),
        text_strategy().prop_map(|s| Relation::new(&s)),
    ];
    let node = (
        text_strategy(),
        kind,
        names.clone(),
        prop::collection::vec(text_strategy(), 0..3),
        attrs.clone(),
        prop::collection::vec(cite.clone(), 0..3),
    )
        .prop_map(|(id, kind, name, aliases, attrs, cites)| Node {
            id,
            kind,
            name,
            aliases,
            attrs,
            cites,
        });
    let edge = (
        text_strategy(),
        text_strategy(),
        rel,
        prop::option::of(-3000i32..3000),
        any::<bool>(),
        attrs,
        prop::collection::vec(cite, 0..3),
    )
        .prop_map(|(from, to, rel, year, inferred, attrs, cites)| Edge {
            from,
            to,
            rel,
            year,
            inferred,
            attrs,
            cites,
        });
    let source = (
        text_strategy(),
        text_strategy(),
        text_strategy(),
        names.clone(),
    )
        .prop_map(|(id, file, date, title)| Source {
            id,
            file,
            date,
            title,
        });
    (
        0u32..5,
        names,
        vocab_strategy::vocabulary(text_strategy),
        prop::collection::vec(source, 0..3),
        prop::collection::vec(node, 0..6),
        prop::collection::vec(edge, 0..6),
    )
        .prop_map(|(format, title, v, sources, nodes, edges)| Dataset {
            format,
            title,
            vocabulary: v,
            sources,
            nodes,
            edges,
        })
}

/// Small textual damage: cut a range, or insert a token that often trips parsers.
fn mutate(text: &str, at: usize, len: usize, token: usize) -> String {
    let mut cut = at % (text.len() + 1);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut end = (cut + len).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    const TOKENS: &[&str] = &[
        "", "\"", ",", ")", "(", "]", "[", "// c\n", "/*", "Some(", "None", "\\", "r#", "0x1", "_",
        "\u{85}", "\u{b}", "'", "#", "year: 1,", "-", "1.5", " ", "{", "}", ":",
    ];
    format!(
        "{}{}{}",
        &text[..cut],
        TOKENS[token % TOKENS.len()],
        &text[end..]
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_datasets_read_the_same_in_every_style(data in dataset_strategy()) {
        let canonical = to_canonical_ron(&data).expect("serialises");
        prop_assert!(assert_agrees(&canonical), "canonical text left the fast path");
        prop_assert_eq!(ron_fast::parse(&canonical), Some(data.clone()));
        // Compact, without struct names or implicit_some: `Some(year)` and no names.
        let compact = ron::to_string(&data).expect("serialises");
        prop_assert!(assert_agrees(&compact), "compact text left the fast path");
    }

    #[test]
    fn damaged_text_is_read_as_ron_reads_it_or_left_to_ron(
        data in dataset_strategy(),
        edits in prop::collection::vec((any::<usize>(), 0usize..4, any::<usize>()), 1..4),
    ) {
        let mut text = to_canonical_ron(&data).expect("serialises");
        for (at, len, token) in edits {
            text = mutate(&text, at, len, token);
        }
        assert_agrees(&text);
    }
}

// ---- Totality: whatever the bytes, an answer with a place, never a panic. ----

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
    assert_eq!((refused.len(), diags.len()), (1_000_000, 1_000_000));
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
