//! Editing safety: undo/redo restore exact datasets, saves are canonical and atomic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use innovation_atlas::commands::{Edit, History, delete_node};
use innovation_atlas::io::{
    load_dataset, parse_dataset, to_canonical_ron, write_atomic, write_atomic_with,
};
use innovation_atlas::model::{Cite, Dataset, Edge, Kind, Names, Node, Relation};
use proptest::prelude::*;
use std::path::Path;

use common::shipped as shipped_path;

fn small() -> Dataset {
    let text = std::fs::read_to_string(common::fixture("tiny.ron")).unwrap();
    parse_dataset(&text, "tiny").unwrap()
}

fn cite() -> Vec<Cite> {
    vec![Cite::new("s1", "委员会")]
}

/// A random edit expressed against whatever the dataset is at that moment.
#[derive(Clone, Debug)]
enum Op {
    AddNode(u8),
    DeleteNode(u8),
    Rename(u8, String),
    ChangeId(u8, u8),
    AddEdge(u8, u8, u8),
    DeleteEdge(u8),
    Relabel(u8, u8),
    Move(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<u8>().prop_map(Op::AddNode),
        any::<u8>().prop_map(Op::DeleteNode),
        (any::<u8>(), "[a-z中文]{1,6}").prop_map(|(i, s)| Op::Rename(i, s)),
        (any::<u8>(), any::<u8>()).prop_map(|(i, j)| Op::ChangeId(i, j)),
        (any::<u8>(), any::<u8>(), any::<u8>()).prop_map(|(a, b, r)| Op::AddEdge(a, b, r)),
        any::<u8>().prop_map(Op::DeleteEdge),
        (any::<u8>(), any::<u8>()).prop_map(|(i, r)| Op::Relabel(i, r)),
        any::<u8>().prop_map(Op::Move),
    ]
}

fn shipped_kinds() -> Vec<Kind> {
    let v = innovation_atlas::model::Vocabulary::shenzhen();
    v.kinds().iter().map(|d| d.id.clone()).collect()
}

fn shipped_relations() -> Vec<Relation> {
    let v = innovation_atlas::model::Vocabulary::shenzhen();
    v.relations().iter().map(|d| d.id.clone()).collect()
}

fn pick<T>(v: &[T], i: u8) -> Option<usize> {
    (!v.is_empty()).then(|| i as usize % v.len())
}

fn to_edit(data: &Dataset, op: &Op) -> Option<Edit> {
    match op {
        Op::AddNode(i) => Some(Edit::InsertNode {
            index: *i as usize % (data.nodes.len() + 1),
            node: Node {
                id: format!("n{i}"),
                kind: shipped_kinds()[*i as usize % shipped_kinds().len()].clone(),
                name: Names {
                    zh: format!("节点{i}"),
                    en: String::new(),
                },
                aliases: vec![],
                attrs: Default::default(),
                cites: cite(),
            },
        }),
        Op::DeleteNode(i) => delete_node(data, pick(&data.nodes, *i)?),
        Op::Rename(i, s) => {
            let index = pick(&data.nodes, *i)?;
            let before = data.nodes[index].clone();
            let mut after = before.clone();
            after.name.en = s.clone();
            Some(Edit::ReplaceNode {
                index,
                before,
                after,
            })
        }
        Op::ChangeId(i, j) => {
            let index = pick(&data.nodes, *i)?;
            let before = data.nodes[index].clone();
            let mut after = before.clone();
            after.id = format!("renamed-{j}");
            Some(Edit::ReplaceNode {
                index,
                before,
                after,
            })
        }
        Op::AddEdge(a, b, r) => Some(Edit::InsertEdge {
            index: data.edges.len(),
            edge: Edge {
                from: data.nodes[pick(&data.nodes, *a)?].id.clone(),
                to: data.nodes[pick(&data.nodes, *b)?].id.clone(),
                rel: shipped_relations()[*r as usize % shipped_relations().len()].clone(),
                year: Some(2000 + *r as i32),
                inferred: false,
                attrs: Default::default(),
                cites: cite(),
            },
        }),
        Op::DeleteEdge(i) => {
            let index = pick(&data.edges, *i)?;
            Some(Edit::DeleteEdge {
                index,
                edge: data.edges[index].clone(),
            })
        }
        Op::Relabel(i, r) => {
            let index = pick(&data.edges, *i)?;
            let before = data.edges[index].clone();
            let mut after = before.clone();
            after.rel = shipped_relations()[*r as usize % shipped_relations().len()].clone();
            Some(Edit::ReplaceEdge {
                index,
                before,
                after,
            })
        }
        Op::Move(i) => Some(Edit::Move(vec![innovation_atlas::commands::NodeMove {
            id: data.nodes.first()?.id.clone(),
            from: [0.0, 0.0],
            to: [*i as f32, 1.0],
            pinned_before: false,
            pinned_after: true,
        }])),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn undo_all_restores_and_redo_all_replays(ops in proptest::collection::vec(op(), 1..40)) {
        let original = small();
        let mut data = original.clone();
        let mut history = History::new(1000);
        for op in &ops {
            if let Some(edit) = to_edit(&data, op) {
                // Refused edits (duplicate id, dangling edge…) must leave the data untouched.
                let before = data.clone();
                match edit.apply(&mut data) {
                    Ok(()) => history.push(edit),
                    Err(_) => prop_assert_eq!(&data, &before),
                }
            }
        }
        let edited = data.clone();
        prop_assert_eq!(history.is_dirty(), !history.is_empty());
        while let Some(inverse) = history.undo() {
            inverse.apply(&mut data).map_err(TestCaseError::fail)?;
        }
        prop_assert_eq!(&data, &original);
        prop_assert!(!history.is_dirty());
        while let Some(edit) = history.redo() {
            edit.apply(&mut data).map_err(TestCaseError::fail)?;
        }
        prop_assert_eq!(&data, &edited);
    }
}

/// The undo entries and refusals read in the interface's language.
#[test]
fn edits_describe_and_refuse_in_the_interface_language() {
    use innovation_atlas::i18n::UiLang;
    let mut data = small();
    let dup = Edit::InsertNode {
        index: 0,
        node: data.nodes[0].clone(),
    };
    UiLang::set_current(UiLang::Chinese);
    let refused = dup.apply(&mut data).unwrap_err();
    let described = dup.describe();
    UiLang::set_current(UiLang::English);
    assert_eq!(refused, "已存在 ID 为“a”的节点");
    assert_eq!(described, "添加节点 a");
    assert_eq!(dup.describe(), "add node a");
}

#[test]
fn refused_edits_explain_why() {
    let mut data = small();
    let dup = Edit::InsertNode {
        index: 0,
        node: data.nodes[0].clone(),
    };
    assert!(
        dup.apply(&mut data)
            .unwrap_err()
            .contains("already a node with id \"a\"")
    );
    let mut edge = data.edges[0].clone();
    edge.to = "ghost".into();
    let dangling = Edit::InsertEdge { index: 0, edge };
    assert!(
        dangling
            .apply(&mut data)
            .unwrap_err()
            .contains("no node with id \"ghost\"")
    );
    let mut node = data.nodes[0].clone();
    node.id = "z".into();
    node.cites.clear();
    let uncited = Edit::InsertNode { index: 0, node };
    assert!(uncited.apply(&mut data).unwrap_err().contains("citation"));
    assert_eq!(data, small());
}

#[test]
fn history_cap_keeps_the_newest_and_knows_it_is_dirty() {
    let mut h = History::new(3);
    for i in 0..5 {
        h.push(Edit::Move(vec![innovation_atlas::commands::NodeMove {
            id: "a".into(),
            from: [i as f32, 0.0],
            to: [i as f32 + 1.0, 0.0],
            pinned_before: false,
            pinned_after: true,
        }]));
    }
    assert_eq!(h.len(), 3);
    while h.undo().is_some() {}
    // The loaded state is out of reach: still dirty.
    assert!(h.is_dirty());
}

#[test]
fn shipped_file_is_canonical_so_an_unchanged_save_is_byte_identical() {
    let text = std::fs::read_to_string(shipped_path()).unwrap();
    let data = parse_dataset(&text, "shenzhen.ron").unwrap();
    assert_eq!(to_canonical_ron(&data).unwrap(), text);
}

#[test]
fn a_one_field_edit_is_a_one_line_diff() {
    let data = load_dataset(&shipped_path()).unwrap();
    let before = to_canonical_ron(&data).unwrap();
    let mut edited = data.clone();
    edited.nodes[5].name.en = "A new English name".into();
    let after = to_canonical_ron(&edited).unwrap();
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    assert_eq!(a.len(), b.len());
    let changed: Vec<usize> = (0..a.len()).filter(|i| a[*i] != b[*i]).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(b[changed[0]].contains("A new English name"));
    // And it loads back equal.
    assert_eq!(parse_dataset(&after, "x").unwrap(), edited);
}

#[test]
fn failure_after_the_temp_write_leaves_the_original_and_no_litter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.ron");
    std::fs::write(&path, "old").unwrap();
    let err = write_atomic_with(&path, b"new contents", || {
        Err(std::io::Error::other("injected"))
    })
    .unwrap_err();
    assert_eq!(err.to_string(), "injected");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    write_atomic(&path, b"new").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
}

#[test]
fn fmt_is_idempotent_and_check_reports_files_that_would_change() {
    let bin = env!("CARGO_BIN_EXE_innovation-atlas");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.ron");
    std::fs::copy(common::fixture("tiny.ron"), &path).unwrap();
    let check = |p: &Path| {
        std::process::Command::new(bin)
            .args(["fmt", "--check"])
            .arg(p)
            .output()
            .unwrap()
    };
    let fmt = |p: &Path| {
        std::process::Command::new(bin)
            .arg("fmt")
            .arg(p)
            .status()
            .unwrap()
            .success()
    };
    let out = check(&path);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("t.ron"));
    assert!(fmt(&path));
    let once = std::fs::read(&path).unwrap();
    assert!(fmt(&path));
    assert_eq!(std::fs::read(&path).unwrap(), once);
    assert_eq!(check(&path).status.code(), Some(0));
}

/// A big, valid, non-canonical file: every node on one line.
fn big_noncanonical(nodes: usize) -> String {
    let mut s = String::from(
        "Dataset(format: 1, title: (zh: \"大\", en: \"Big\"), sources: [Source(id: \"s\", file: \"s.txt\", date: \"2022-01-01\", title: (zh: \"源\", en: \"S\"))], nodes: [",
    );
    for i in 0..nodes {
        s.push_str(&format!(
            "Node(id: \"n{i}\", kind: Lab, name: (zh: \"实验室{i}\", en: \"Lab {i}\"), cites: [Cite(source: \"s\", quote: \"实验室\")]),"
        ));
    }
    s.push_str("], edges: [])\n");
    s
}

#[test]
fn a_save_killed_at_random_points_leaves_the_old_or_the_new_file() {
    let bin = env!("CARGO_BIN_EXE_innovation-atlas");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let old = big_noncanonical(20_000);
    let new = to_canonical_ron(&parse_dataset(&old, "big").unwrap()).unwrap();
    let mut rng = innovation_atlas::layout::SplitMix64(7);
    let mut outcomes = (0, 0);
    for _ in 0..25 {
        std::fs::write(&path, &old).unwrap();
        let mut child = std::process::Command::new(bin)
            .arg("fmt")
            .arg(&path)
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(rng.next_u64() % 400_000));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let now = std::fs::read_to_string(&path).unwrap();
        assert!(
            now == old || now == new,
            "partial file of {} bytes",
            now.len()
        );
        if now == old {
            outcomes.0 += 1
        } else {
            outcomes.1 += 1
        }
    }
    // Leftover temp files are allowed (the process was killed) but never replace the file.
    assert!(outcomes.0 + outcomes.1 == 25);
}
