//! The fast data-file parser must read every text it accepts exactly as ron does, and hand
//! everything else to ron.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

#[path = "ron_fast/big_open.rs"]
mod big_open;
#[path = "ron_fast/totality.rs"]
mod totality;
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
    let cite = |q: &str| Cite::new("s", q);
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
            publisher: "出版者".into(),
            url: "https://example.org/s".into(),
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
    let cite = (
        text_strategy(),
        text_strategy(),
        prop::option::of(text_strategy()),
    )
        .prop_map(|(source, quote, context)| Cite {
            source,
            quote,
            context,
        })
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
        text_strategy(),
        text_strategy(),
    )
        .prop_map(|(id, file, date, title, publisher, url)| Source {
            id,
            file,
            date,
            title,
            publisher,
            url,
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
