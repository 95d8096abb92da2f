//! The live layout under edits: only the neighbourhood of a change moves; the worker thread.

use super::*;

/// Positions by node id, to compare across edits (indices may change).
fn positions_by_id(app: &AtlasApp) -> std::collections::HashMap<String, [f32; 2]> {
    app.doc()
        .kg
        .node_indices()
        .map(|ix| {
            (
                app.doc().kg.node(ix).id.clone(),
                app.positions().xy[ix.index()],
            )
        })
        .collect()
}

/// Ids whose position differs between two `positions_by_id` snapshots.
fn moved_ids(
    before: &std::collections::HashMap<String, [f32; 2]>,
    after: &std::collections::HashMap<String, [f32; 2]>,
) -> Vec<String> {
    after
        .iter()
        .filter(|(id, p)| before.get(*id) != Some(*p))
        .map(|(id, _)| id.clone())
        .collect()
}

fn assert_all_near(moved: &[String], may_move: &std::collections::HashSet<String>, what: &str) {
    for id in moved {
        assert!(may_move.contains(id), "{id} moved but is far from {what}");
    }
}

/// Ids within `hops` undirected hops of any of `from`, among visible nodes.
fn within(app: &AtlasApp, from: &[&str], hops: usize) -> std::collections::HashSet<String> {
    let kg = &app.doc().kg;
    let mut frontier: Vec<_> = from.iter().filter_map(|id| kg.node_ix(id)).collect();
    let mut seen: std::collections::HashSet<_> = frontier.iter().copied().collect();
    for _ in 0..hops {
        let mut next = Vec::new();
        for n in frontier {
            for m in kg.graph.neighbors_undirected(n) {
                if app.visible().node(m) && seen.insert(m) {
                    next.push(m);
                }
            }
        }
        frontier = next;
    }
    seen.into_iter().map(|n| kg.node(n).id.clone()).collect()
}

#[test]
fn a_new_edge_moves_only_its_neighbourhood() {
    let mut h = harness();
    h.run_steps(2);
    // Two leaves far apart in the graph.
    let app = h.state();
    let kg = &app.doc().kg;
    let leaf = |ix| kg.graph.neighbors_undirected(ix).count() == 1;
    let a = kg.node_indices().find(|&ix| leaf(ix)).unwrap();
    let a_id = kg.node(a).id.clone();
    let near_a = within(app, &[&a_id], 4);
    let b = kg
        .node_indices()
        .find(|&ix| leaf(ix) && !near_a.contains(&kg.node(ix).id))
        .unwrap();
    let b_id = kg.node(b).id.clone();
    let mut edge = kg.data.edges[0].clone();
    edge.from = a_id.clone();
    edge.to = b_id.clone();
    let index = kg.data.edges.len();
    let before = positions_by_id(app);
    let iterations = app.layout().force().iterations;

    h.state_mut().queue(Command::Edit(
        innovation_atlas::commands::Edit::InsertEdge { index, edge },
    ));
    h.run_steps(6);
    let app = h.state();
    // It may already have settled again: what matters is that it ran.
    assert!(
        app.layout().force().iterations > iterations,
        "a structural edit restarts the layout"
    );
    let may_move = within(app, &[&a_id, &b_id], 2);
    let total = app.visible().nodes.iter().filter(|v| **v).count();
    assert!(
        app.layout().mobile_count() <= may_move.len(),
        "{}",
        app.layout().mobile_count()
    );
    assert!(app.layout().mobile_count() < total);
    let after = positions_by_id(app);
    let moved = moved_ids(&before, &after);
    assert!(moved.iter().any(|id| *id == a_id || *id == b_id));
    assert_all_near(&moved, &may_move, "the edit");
}

#[test]
fn renaming_a_node_moves_nothing() {
    let mut h = harness();
    h.run_steps(2);
    let app = h.state();
    let ix = app.doc().kg.node_ix("sz-stic").unwrap();
    let before_node = app.doc().kg.node(ix).clone();
    let mut after_node = before_node.clone();
    after_node.name.en.push_str(" (renamed)");
    let before = positions_by_id(app);
    h.state_mut().queue(Command::Edit(
        innovation_atlas::commands::Edit::ReplaceNode {
            index: ix.index(),
            before: before_node,
            after: after_node,
        },
    ));
    h.run_steps(4);
    assert!(name_en(h.state(), "sz-stic").ends_with("(renamed)"));
    assert!(!h.state().layout().running());
    assert_eq!(positions_by_id(h.state()), before);
}

#[test]
fn hiding_a_kind_moves_only_what_it_touched() {
    let mut h = harness();
    h.run_steps(3);
    let app = h.state();
    let officials: Vec<String> = app
        .doc()
        .kg
        .node_indices()
        .filter(|&ix| app.doc().kg.node(ix).kind == Kind::OFFICIAL)
        .map(|ix| app.doc().kg.node(ix).id.clone())
        .collect();
    assert!(!officials.is_empty());
    let refs: Vec<&str> = officials.iter().map(String::as_str).collect();
    // The officials' neighbours lose edges; nodes within two hops of those may move.
    let may_move = within(app, &refs, 3);
    let before = positions_by_id(app);
    h.get_by_label_contains("官员 Official (").click();
    h.run_steps(6);
    let app = h.state();
    let after = positions_by_id(app);
    let moved = moved_ids(&before, &after);
    assert!(!moved.is_empty());
    let shown = app.visible().nodes.iter().filter(|v| **v).count();
    assert!(app.layout().mobile_count() < shown);
    assert_all_near(&moved, &may_move, "the officials");
}

#[test]
fn a_big_graph_lays_out_on_a_thread_and_a_dragged_node_stays_put() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let n = 10_000;
    let mut s = String::from("Dataset(sources: [Source(id: \"s\", file: \"s.txt\")], nodes: [");
    for i in 0..n {
        s.push_str(&format!("Node(id: \"n{i}\", kind: Lab, name: (zh: \"实验室{i}\", en: \"Lab {i}\"), cites: [Cite(source: \"s\", quote: \"q\")]),\n"));
    }
    s.push_str("], edges: [");
    for (a, b) in innovation_atlas::layout::barabasi_albert(n, 2, 7) {
        s.push_str(&format!("Edge(from: \"n{a}\", to: \"n{b}\", rel: PartOf, cites: [Cite(source: \"s\", quote: \"q\")]),\n"));
    }
    s.push_str("])\n");
    std::fs::write(&path, s).unwrap();
    let mut app = AtlasApp::new(Prefs::default());
    app.open_path(&path);
    assert!(app.error().is_none(), "{:?}", app.error());
    // Opened without waiting for a layout: the multilevel start runs on the layout thread,
    // and the status bar says the picture is still forming.
    assert!(app.layout().starting());
    app.resume_layout();
    let mut h = harness_with(app);
    h.run_steps(1);
    assert!(h.state().layout().on_worker());
    h.get_by_label_contains("layout starting: coarse to fine");
    let ix = h.state().doc().kg.node_ix("n42").unwrap();
    h.state_mut().queue(Command::MoveNode {
        node: ix,
        to: [5000.0, 5000.0],
    });
    h.run_steps(1);
    let start = h.state().positions().xy.clone();
    let start_iters = h.state().layout().force().iterations;
    let mut progressed = false;
    for _ in 0..400 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
        let app = h.state();
        assert_eq!(app.positions().xy[ix.index()], [5000.0, 5000.0]);
        assert!(app.positions().pinned[ix.index()]);
        if app.layout().force().iterations > start_iters + 2 && app.positions().xy != start {
            progressed = true;
            break;
        }
    }
    assert!(progressed, "the worker's steps reach the canvas");
    assert!(!h.state().layout().starting());
    // The status bar of the frame that received the start was drawn before it: look at the next.
    h.run_steps(1);
    assert!(h.query_by_label_contains("layout starting").is_none());
    // Pausing stops the thread.
    h.state_mut().queue(Command::Run(
        innovation_atlas::commands::Action::ToggleLayout,
    ));
    h.run_steps(2);
    assert!(!h.state().layout().on_worker());
}
