//! Analysis through the UI: paths between two nodes, the timeline, ego focus, the metrics table.

use super::*;

#[test]
fn select_two_nodes_then_find_paths_lists_and_highlights_them() {
    let mut h = harness();
    h.run_steps(2);
    let a = h.state().doc().kg.node_ix("wang-youming").unwrap();
    let b = h
        .state()
        .doc()
        .kg
        .node_ix("guangming-science-city")
        .unwrap();
    h.state_mut().queue(Command::Select {
        node: a,
        additive: false,
    });
    h.state_mut().queue(Command::Select {
        node: b,
        additive: true,
    });
    h.run_steps(2);
    h.key_press(egui::Key::P);
    h.run_steps(3);
    let app = h.state();
    assert!(
        !app.focus().paths.is_empty(),
        "{}",
        app.focus().path_message
    );
    let first = &app.focus().paths[0];
    assert_eq!(first.nodes.first(), Some(&a));
    assert_eq!(first.nodes.last(), Some(&b));
    // Highlighted on the canvas.
    for hop in &first.hops {
        assert!(app.canvas().overlay.highlight_edges.contains(&hop.edge));
    }
    // Listed with its hops' citations.
    h.get_by_label_contains(&format!("Path 1 · {} hop", first.len()));
    let quote = app.doc().kg.edge(first.hops[0].edge).cites[0].quote.clone();
    assert!(h.query_all_by_label_contains(&quote).count() >= 1);
}

#[test]
fn timeline_at_2021_hides_edges_known_only_from_2025() {
    let mut h = harness();
    h.run_steps(2);
    let kg = &h.state().doc().kg;
    let late: Vec<_> = kg
        .graph
        .edge_indices()
        .filter(|e| kg.edge_year(*e) == Some(2025))
        .collect();
    assert!(!late.is_empty());
    assert!(late.iter().all(|e| h.state().visible().edge(*e)));
    h.get_by_label("Show the graph as of a year").click();
    h.run_steps(2);
    h.state_mut().queue(Command::Analysis(
        innovation_atlas::commands::AnalysisCommand::SetYear(Some(2021)),
    ));
    h.run_steps(2);
    let app = h.state();
    assert!(late.iter().all(|e| !app.visible().edge(*e)));
    let bureau = app.doc().kg.node_ix("sz-sti-bureau").unwrap();
    assert!(
        !app.visible().node(bureau),
        "the bureau first appears in 2025"
    );
    assert!(app.visible().edge_count > 0);
}

#[test]
fn ego_focus_grows_and_shrinks_with_plus_and_minus() {
    let mut h = harness();
    h.run_steps(2);
    let n = h.state().doc().kg.node_ix("hetao").unwrap();
    h.state_mut().queue(Command::Select {
        node: n,
        additive: false,
    });
    h.run_steps(1);
    h.key_press(egui::Key::O);
    h.run_steps(2);
    let one = h.state().visible().node_count;
    h.key_press(egui::Key::Plus);
    h.run_steps(2);
    let two = h.state().visible().node_count;
    h.key_press(egui::Key::Minus);
    h.key_press(egui::Key::Minus);
    h.run_steps(2);
    let zero = h.state().visible().node_count;
    assert!(zero == 1 && one > 1 && two > one, "{zero} {one} {two}");
    h.key_press(egui::Key::O);
    h.run_steps(2);
    assert_eq!(
        h.state().visible().node_count,
        h.state().doc().kg.node_count()
    );
}

#[test]
fn metrics_table_sorts_and_maps_to_size() {
    let mut h = harness();
    h.run_steps(2);
    h.get_by_label("Metrics").click();
    h.run_steps(3);
    let gm = h.state().focus().metrics.clone().expect("metrics computed");
    assert_eq!(gm.rows.len(), h.state().visible().node_count);
    h.get_by_label_contains("PageRank").click_accesskit();
    h.run_steps(2);
    assert_eq!(
        h.state().focus().sort.0,
        Some(innovation_atlas::analysis::metrics::Metric::PageRank)
    );
    h.state_mut().queue(Command::Analysis(
        innovation_atlas::commands::AnalysisCommand::SizeBy(Some(
            innovation_atlas::analysis::metrics::Metric::PageRank,
        )),
    ));
    h.run_steps(2);
    let scale = &h.state().canvas().overlay.scale;
    assert!(scale.iter().any(|s| *s > 1.5) && scale.iter().any(|s| *s < 1.0));
}
