//! Opening big files leniently: only the first curation warnings are formatted and placed,
//! the rest counted; what validation resolves is what indexing would find by itself.

use innovation_atlas::io::{
    Locator, SHOWN_WARNINGS, check_text, parse_dataset_lenient, parse_for_open, to_canonical_ron,
};
use innovation_atlas::model::validate::{Place, validate, validate_capped};
use innovation_atlas::model::{Dataset, Edge, Kind, KnowledgeGraph, Names, Node, Relation};
use std::collections::BTreeMap;

fn node(id: &str) -> Node {
    Node {
        id: id.into(),
        kind: Kind::from("Unknown"),
        name: Names {
            zh: String::new(),
            en: format!("Node {id}"),
        },
        aliases: Vec::new(),
        attrs: BTreeMap::new(),
        cites: Vec::new(),
    }
}

fn edge(from: &str, to: &str) -> Edge {
    Edge {
        from: from.into(),
        to: to.into(),
        rel: Relation::from("LinksTo"),
        year: None,
        inferred: false,
        attrs: BTreeMap::new(),
        cites: Vec::new(),
    }
}

/// An imported-looking graph: no citations anywhere (one curation warning per element), a
/// duplicate edge, and, when `broken`, an edge to a missing node near the end.
fn uncited(n: usize, broken: bool) -> Dataset {
    let mut data = Dataset {
        nodes: (0..n).map(|i| node(&format!("n{i}"))).collect(),
        ..Default::default()
    };
    data.edges = (1..n)
        .map(|i| edge(&format!("n{i}"), &format!("n{}", i / 2)))
        .collect();
    data.edges.push(edge("n3", "n1"));
    if broken {
        data.edges.insert(n - 10, edge("n5", "nowhere"));
    }
    data
}

#[test]
fn capped_validation_keeps_every_structural_problem_and_the_first_curation_ones() {
    let data = uncited(3000, true);
    let all = validate(&data);
    for cap in [0, 1, 7, SHOWN_WARNINGS, 100_000] {
        let capped = validate_capped(&data, cap);
        let soft_all: Vec<_> = all.iter().filter(|p| p.curation).collect();
        assert_eq!(capped.soft_total, soft_all.len(), "cap {cap}");
        let soft: Vec<_> = capped.problems.iter().filter(|p| p.curation).collect();
        assert_eq!(soft.len(), cap.min(soft_all.len()), "cap {cap}");
        // The first ones in file order, with the same messages as the full validation.
        assert_eq!(soft, soft_all[..soft.len()], "cap {cap}");
        let hard: Vec<_> = capped.problems.iter().filter(|p| !p.curation).collect();
        let hard_all: Vec<_> = all.iter().filter(|p| !p.curation).collect();
        assert_eq!(hard, hard_all, "cap {cap}");
        assert!(hard.iter().any(|p| p.message.contains("nowhere")));
        // Still in file order.
        let order = |p: &&innovation_atlas::model::validate::Problem| match p.place {
            Place::Node(i) => (0, i),
            Place::Edge(i) => (1, i),
            _ => (2, 0),
        };
        assert!(capped.problems.iter().map(|p| order(&p)).is_sorted());
    }
    // Parallel edges: only the later copy is a duplicate.
    let dup: Vec<_> = all
        .iter()
        .filter(|p| p.message.contains("duplicate edge"))
        .collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].place, Place::Edge(data.edges.len() - 1));
}

#[test]
fn duplicate_edges_do_not_depend_on_the_number_of_threads() {
    let mut data = uncited(5000, false);
    let copies: Vec<Edge> = data.edges.iter().step_by(7).cloned().collect();
    data.edges.extend(copies);
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| validate(&data))
    };
    let one = run(1);
    assert_eq!(
        one.iter()
            .filter(|p| p.message.contains("duplicate edge"))
            .count(),
        5000usize.div_ceil(7) + 1 // the copies, and the parallel edge `uncited` has
    );
    assert_eq!(one, run(2));
    assert_eq!(one, run(3));
}

#[test]
fn a_file_with_thousands_of_warnings_opens_with_the_first_ones_placed_and_all_counted() {
    let data = uncited(2000, false);
    let text = to_canonical_ron(&data).unwrap();
    let (read, warnings) = parse_dataset_lenient(&text, "big.ron").expect("opens");
    assert_eq!(read.nodes.len(), 2000);
    // Every node and edge is uncited, of a kind or relation outside the vocabulary, and one
    // edge is parallel to another: all counted, as `check` counts them.
    let (_, all) = check_text(&text, "big.ron");
    assert_eq!(warnings.total, 2 * 2000 + 2 * 2000 + 1);
    assert_eq!(warnings.total, all.len());
    assert_eq!(warnings.len(), SHOWN_WARNINGS);
    // The same places and messages `check` reports for them.
    assert_eq!(&warnings[..], &all[..SHOWN_WARNINGS]);
    assert!(warnings[0].to_string().starts_with("big.ron:"));
    assert!(warnings[0].line > 0);
}

#[test]
fn locating_only_some_places_gives_the_same_positions_as_a_full_scan() {
    let data = uncited(500, false);
    let text = to_canonical_ron(&data).unwrap();
    let full = Locator::scan(&text);
    let places = [Place::Node(3), Place::Node(120), Place::Edge(7)];
    let some = Locator::scan_for(&text, &places);
    for p in places {
        assert_eq!(some.position(p), full.position(p), "{p:?}");
        assert_ne!(some.position(p), (0, 0));
    }
    // It stopped early: the last edge was never reached.
    assert_eq!(some.position(Place::Edge(498)), (0, 0));
    assert_ne!(full.position(Place::Edge(498)), (0, 0));
}

#[test]
fn a_graph_indexed_with_validated_endpoints_equals_one_indexed_from_scratch() {
    let mut data = uncited(1500, false);
    data.nodes.push(node("n7")); // a duplicate id: the first wins in both
    data.edges.push(edge("n7", "n1400"));
    data.edges.push(edge("n2", "gone"));
    let text = to_canonical_ron(&data).unwrap();
    // Structural problems refuse the file, so index what was read directly.
    let read = innovation_atlas::io::ron_fast::parse(&text).unwrap();
    let found = validate_capped(&read, 10);
    let a = KnowledgeGraph::build(read.clone());
    let b = KnowledgeGraph::build_resolved(read, Some(found.ends));
    let edges = |kg: &KnowledgeGraph| {
        kg.graph
            .edge_indices()
            .map(|e| {
                let (x, y) = kg.graph.edge_endpoints(e).unwrap();
                (x.index(), y.index(), kg.graph[e])
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(edges(&a), edges(&b));
    assert_eq!(a.node_count(), b.node_count());
    assert!(
        parse_for_open(&text, "t.ron").is_err(),
        "a missing endpoint refuses"
    );
}

#[test]
fn a_file_opened_for_the_app_places_its_problems_from_the_file_itself() {
    use innovation_atlas::io::parse_file_for_open;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let label = path.display().to_string();
    // Warnings at the start (found in the first megabyte read back) …
    let text = to_canonical_ron(&uncited(2000, false)).unwrap();
    std::fs::write(&path, &text).unwrap();
    let opened = parse_file_for_open(text.clone(), &path).expect("opens");
    let (_, all) = check_text(&text, &label);
    assert_eq!(&opened.warnings[..], &all[..SHOWN_WARNINGS]);
    // … and a structural error past the first 32 MB: read to the end to place it.
    let mut data = uncited(2000, false);
    data.nodes[1999].name.en = "x".repeat(40 << 20);
    data.edges.push(edge("n1", "nowhere"));
    let text = to_canonical_ron(&data).unwrap();
    std::fs::write(&path, &text).unwrap();
    let refused = parse_file_for_open(text.clone(), &path).expect_err("a missing node");
    let (_, all) = check_text(&text, &label);
    let hard = |d: &&innovation_atlas::io::Diagnostic| d.message.contains("nowhere");
    let wanted = all.iter().find(hard).unwrap();
    assert_eq!(refused.iter().find(hard), Some(wanted));
    assert!(wanted.line > 2000);
    // The file changed meanwhile (here: emptied): messages lose their line, nothing panics.
    std::fs::write(&path, "").unwrap();
    let refused = parse_file_for_open(text.clone(), &path).expect_err("still refused");
    assert!(refused.iter().find(hard).is_some_and(|d| d.line == 0));
    // Swapped for a FIFO: reading it back must not block (opening a FIFO waits for a writer).
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    if made.is_ok_and(|s| s.success()) {
        let (tx, rx) = std::sync::mpsc::channel();
        let p = path.clone();
        std::thread::spawn(move || {
            let _ = tx.send(parse_file_for_open(text, &p).map(|_| ()));
        });
        let got = rx.recv_timeout(std::time::Duration::from_secs(20));
        let refused = got
            .expect("returns without blocking")
            .expect_err("still refused");
        assert!(refused.iter().find(hard).is_some_and(|d| d.line == 0));
    }
}

#[test]
fn a_file_saved_with_a_bom_and_crlf_or_cut_short_opens_or_refuses_in_place() {
    use innovation_atlas::io::{parse_file_for_open, read_text};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.ron");
    let label = path.display().to_string();
    let plain = to_canonical_ron(&uncited(300, false)).unwrap();
    let windows = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
    std::fs::write(&path, &windows).unwrap();
    // The places the app gives (read back from the file) are those `check` gives for the
    // text as the reader returns it (BOM dropped, CRLF kept).
    let text = read_text(&path).unwrap();
    let opened = parse_file_for_open(text.clone(), &path).expect("opens");
    let (_, all) = check_text(&text, &label);
    assert_eq!(&opened.warnings[..], &all[..SHOWN_WARNINGS]);
    assert_eq!(opened.data.nodes.len(), 300);
    // Cut at every 997th byte: opens or refuses with a place in the file, never panics.
    for cut in (1..windows.len()).step_by(997) {
        let Some(part) = windows.get(..cut) else {
            continue;
        };
        std::fs::write(&path, part).unwrap();
        let text = read_text(&path).unwrap();
        if let Err(diags) = parse_file_for_open(text, &path) {
            assert!(diags.iter().all(|d| d.path == label), "{diags:?}");
            assert!(diags.iter().any(|d| d.line > 0), "cut {cut}: {diags:?}");
        }
    }
}
