//! Groups through the UI: collapse by kind, expand back in place, search into a collapsed
//! group, Ctrl+G, and a saved view that restores what was collapsed.

use super::*;
use innovation_atlas::commands::{Action, GroupCommand, ViewCommand};
use innovation_atlas::io::groups::{GroupBy, groups_sidecar_path, open_groups};
use innovation_atlas::model::{LabelLang, NodeIx};
use std::collections::{BTreeMap, BTreeSet};

/// The shipped graph copied to `dir` (sidecars written there cannot touch the repo).
fn shipped_copy(dir: &Path) -> Harness<'static, AtlasApp> {
    for f in ["shenzhen.ron", "shenzhen.views.ron"] {
        std::fs::copy(common::repo("graph-data").join(f), dir.join(f)).unwrap();
    }
    harness_on(&dir.join("shenzhen.ron"))
}

fn run(h: &mut Harness<'static, AtlasApp>, cmd: Command) {
    h.state_mut().queue(cmd);
    h.run_steps(2);
}

/// Frames in real time until the expand animation (0.7 s) is over.
fn settle(h: &mut Harness<'static, AtlasApp>) {
    for _ in 0..30 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(1);
    }
}

#[test]
fn collapsing_by_kind_leaves_one_node_per_kind_and_aggregates_every_edge() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = shipped_copy(dir.path());
    h.run_steps(2);
    let app = h.state();
    let kg = &app.doc().kg;
    let mut per_kind: BTreeMap<String, usize> = BTreeMap::new();
    for ix in kg.node_indices().filter(|ix| app.visible().node(*ix)) {
        *per_kind.entry(kg.node(ix).kind.to_string()).or_default() += 1;
    }
    let kinds = per_kind.values().filter(|n| **n > 1).count();
    let alone: usize = per_kind.values().filter(|n| **n == 1).sum();
    let edges_before = app.visible().edge_count;
    assert!(kinds >= 5, "{per_kind:?}");

    run(&mut h, Command::Run(Action::GroupByKind));
    settle(&mut h);
    h.state_mut().pause_layout();
    run(&mut h, Command::Run(Action::FitView));
    h.run_steps(60);
    let app = h.state();
    assert_eq!(app.visible().node_count, kinds + alone);
    let p = app.groups_projection();
    assert_eq!(p.metas.len(), kinds);
    // Drawn on the canvas: exactly the shown nodes.
    assert_eq!(app.canvas().drawn_nodes.len(), kinds + alone);
    let kg = &app.doc().kg;
    // Every member edge is aggregated, unless both ends are in one group.
    let inside = kg
        .edge_indices()
        .filter(|e| app.visible_before_groups().edge(*e))
        .filter(|e| {
            let (a, b) = kg.graph.edge_endpoints(*e).unwrap();
            p.shown(a) == p.shown(b)
        })
        .count();
    let aggregated: usize = p.edges.iter().map(|e| e.edges.len()).sum();
    assert_eq!(aggregated + inside + app.visible().edge_count, edges_before);
    // The groups are labelled first, with their kind and member count.
    let labelled: Vec<_> = (p.metas.iter())
        .filter_map(|m| {
            let l = app.canvas().labels.nodes.iter().find(|l| l.node == m.rep)?;
            Some((m, l))
        })
        .collect();
    let xy: Vec<_> = p
        .metas
        .iter()
        .map(|m| app.positions().xy[m.rep.index()])
        .collect();
    assert!(
        labelled.len() * 2 >= p.metas.len(),
        "{} of {}: {xy:?}",
        labelled.len(),
        p.metas.len()
    );
    for (m, l) in labelled {
        let kind = innovation_atlas::view::kind_label(kg.vocab(), &m.dominant, LabelLang::Both);
        assert_eq!(l.main, kind);
        assert!(
            l.sub.as_ref().unwrap().contains(&m.count.to_string()),
            "{:?}",
            l.sub
        );
    }
}

#[test]
fn expanding_puts_the_members_back_where_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = shipped_copy(dir.path());
    h.run_steps(2);
    let before: Vec<[f32; 2]> = h.state().positions().xy.clone();
    run(&mut h, Command::Run(Action::GroupByKind));
    let reps: BTreeSet<NodeIx> = (h.state().groups_projection().metas.iter())
        .map(|m| m.rep)
        .collect();
    let members: Vec<NodeIx> = {
        let app = h.state();
        let p = app.groups_projection();
        (app.doc().kg.node_indices())
            .filter(|ix| p.shown(*ix).is_some_and(|s| reps.contains(&s)))
            .collect()
    };
    assert!(members.len() > 500);
    settle(&mut h);
    // A meta-node starts at the centroid of its members.
    run(&mut h, Command::Run(Action::ExpandAllGroups));
    assert_eq!(
        h.state().visible().node_count,
        h.state().visible_before_groups().node_count
    );
    settle(&mut h);
    let after = &h.state().positions().xy;
    for m in members {
        let (a, b) = (before[m.index()], after[m.index()]);
        assert!(
            (a[0] - b[0]).abs() < 1e-3 && (a[1] - b[1]).abs() < 1e-3,
            "{m:?}: {a:?} → {b:?}"
        );
    }
}

#[test]
fn a_search_hit_inside_a_collapsed_group_highlights_the_group() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = shipped_copy(dir.path());
    h.run_steps(2);
    run(&mut h, Command::Run(Action::GroupByKind));
    let (member, rep) = {
        let app = h.state();
        let kg = &app.doc().kg;
        let m = kg.node_ix("guangming-science-city").unwrap();
        (m, app.groups_projection().shown(m).unwrap())
    };
    assert_ne!(member, rep, "the platform is folded into its kind's group");
    assert!(!h.state().canvas().overlay.highlight_nodes.contains(&rep));
    search_field(&h).focus();
    search_field(&h).type_text("光明科学城");
    h.run_steps(3);
    assert!(h.state().canvas().overlay.highlight_nodes.contains(&rep));
    assert!(h.state().canvas().labelled.contains(&rep));
}

#[test]
fn ctrl_g_groups_the_selection_and_the_inspector_lists_the_members() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = shipped_copy(dir.path());
    h.run_steps(2);
    let ids = ["guangming-science-city", "hetao", "qianhai"];
    let picked: Vec<NodeIx> = ids
        .iter()
        .map(|id| h.state().doc().kg.node_ix(id).unwrap())
        .collect();
    for (i, n) in picked.iter().enumerate() {
        run(
            &mut h,
            Command::Select {
                node: *n,
                additive: i > 0,
            },
        );
    }
    let shown_before = h.state().visible().node_count;
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::G);
    h.run_steps(3);
    assert_eq!(h.state().visible().node_count, shown_before - 2);
    assert_eq!(h.state().group_state().hand.len(), 1);
    // Saved beside the data, never inside it.
    let sidecar = groups_sidecar_path(&dir.path().join("shenzhen.ron"));
    let saved = open_groups(&sidecar).value.unwrap();
    assert_eq!(saved.hand[0].members.len(), 3);
    let data = std::fs::read_to_string(dir.path().join("shenzhen.ron")).unwrap();
    assert!(!data.contains(&saved.hand[0].name));
    // Select the meta-node: the inspector lists its members.
    let rep = h.state().groups_projection().shown(picked[1]).unwrap();
    run(
        &mut h,
        Command::Select {
            node: rep,
            additive: false,
        },
    );
    h.get_by_label("Members");
    for n in &picked {
        let zh = &h.state().doc().kg.node(*n).name.zh;
        let bullet = format!("• {zh}");
        assert_eq!(
            h.query_all_by_label_contains(&bullet).count(),
            1,
            "{bullet}"
        );
    }
    h.get_by_label_contains("Aggregated edges");
    // Ctrl+Shift+G removes the hand group.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::G,
    );
    h.run_steps(3);
    assert!(h.state().group_state().hand.is_empty());
    assert_eq!(h.state().visible().node_count, shown_before);
}

#[test]
fn a_saved_view_restores_the_collapsed_groups() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = shipped_copy(dir.path());
    h.run_steps(2);
    run(
        &mut h,
        Command::Group(GroupCommand::By(Some(GroupBy::Containment(
            "PartOf".into(),
        )))),
    );
    let key = h.state().grouping().groups[0].key.clone();
    run(&mut h, Command::Group(GroupCommand::Toggle(key.clone())));
    let shown = h.state().visible().node_count;
    assert!(shown < h.state().visible_before_groups().node_count);
    run(&mut h, Command::View(ViewCommand::Add("grouped".into())));
    let index = h.state().briefing().views.views.len() - 1;
    run(&mut h, Command::Group(GroupCommand::By(None)));
    assert!(!h.state().groups_projection().is_active());
    // On disk, and back on screen.
    let views = innovation_atlas::io::views::load_views(&dir.path().join("shenzhen.views.ron"))
        .unwrap()
        .unwrap();
    let saved = views.views[index].groups.clone().unwrap();
    assert_eq!(saved.collapsed, std::slice::from_ref(&key));
    run(&mut h, Command::View(ViewCommand::Activate(index)));
    assert_eq!(h.state().group_state().collapsed, [key]);
    assert_eq!(h.state().visible().node_count, shown);
}

#[test]
fn the_export_of_a_grouped_graph_draws_its_groups_and_their_edges() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = shipped_copy(dir.path());
    h.run_steps(2);
    let plain = h
        .state()
        .export_svg(1600, 900, innovation_atlas::view::Theme::Light);
    assert!(!plain.contains(r#"class="group""#));
    run(&mut h, Command::Run(Action::GroupByKind));
    settle(&mut h);
    h.state_mut().pause_layout();
    run(&mut h, Command::Run(Action::FitView));
    h.run_steps(60);
    let app = h.state();
    let svg = app.export_svg(1600, 900, innovation_atlas::view::Theme::Light);
    // One ring per collapsed group, one thick line per aggregated edge, as on the screen.
    let rings = svg.matches(r#"<circle class="group""#).count();
    assert_eq!(rings, app.groups_projection().metas.len());
    assert!(svg.matches(r#"<line class="group-edge""#).count() > 0);
    // Members inside a collapsed group are not drawn one by one.
    let kg = &app.doc().kg;
    let hidden = kg
        .node_indices()
        .find(|ix| !app.visible().node(*ix) && app.visible_before_groups().node(*ix))
        .unwrap();
    let name = &kg.node(hidden).name.zh;
    assert!(
        !svg.contains(&format!(">{name}<")),
        "{name} is inside a group"
    );
}
