//! The real UI driven by egui_kittest: search → select → citation; kind filter; broken file;
//! editing, reloading and background loads. Paths, timeline, ego and metrics are in
//! `ui/analysis.rs`, saved views and export in `ui/views.rs`, the live layout in `ui/layout.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

#[path = "ui/analysis.rs"]
mod analysis;
mod common;
#[path = "ui/groups.rs"]
mod groups;
#[path = "ui/layout.rs"]
mod layout;
#[path = "ui/views.rs"]
mod views;

use common::{copy_of_tiny, harness_on, harness_with, name_en, selected_ids, wait_for};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innovation_atlas::app::{AtlasApp, Prefs};
use innovation_atlas::commands::Command;
use innovation_atlas::model::Kind;
use std::path::Path;

/// The shipped graph, the live layout off.
fn harness() -> Harness<'static, AtlasApp> {
    harness_on(&common::shipped())
}

fn search_field<'a>(h: &'a Harness<'static, AtlasApp>) -> egui_kittest::Node<'a> {
    h.get_by_role(egui::accesskit::Role::TextInput)
}

#[test]
fn search_select_and_read_the_citation() {
    let mut h = harness();
    h.run_steps(2);
    search_field(&h).focus();
    search_field(&h).type_text("光明");
    h.run_steps(2);
    let hit = "光明科学城 · Guangming Science City";
    h.get_by_label(hit).click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(selected_ids(app), ["guangming-science-city"]);
    // The inspector shows the node's first citation quote, as a quote.
    let quote = app
        .doc()
        .kg
        .node(*app.selection().nodes.iter().next().unwrap())
        .cites[0]
        .quote
        .clone();
    h.get_by_label(&format!("“{quote}”"));
}

#[test]
fn enter_in_search_focuses_top_hit() {
    let mut h = harness();
    h.run_steps(2);
    let field = search_field(&h);
    field.focus();
    field.type_text("gmkxc");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    let first = selected_ids(h.state()).into_iter().next();
    assert_eq!(first.as_deref(), Some("guangming-science-city"));
}

#[test]
fn unticking_a_kind_removes_its_nodes_from_the_canvas() {
    let mut h = harness();
    h.run_steps(3);
    let count_kind = |app: &AtlasApp, kind: &Kind| {
        app.canvas()
            .drawn_nodes
            .iter()
            .filter(|n| &app.doc().kg.node(**n).kind == kind)
            .count()
    };
    assert!(count_kind(h.state(), &Kind::INDUSTRY) > 0);
    let before = h.state().canvas().drawn_nodes.len();
    h.get_by_label_contains("产业 Industry (").click();
    h.run_steps(3);
    assert_eq!(count_kind(h.state(), &Kind::INDUSTRY), 0);
    assert!(h.state().canvas().drawn_nodes.len() < before);
    assert!(h.state().filter().hidden_kinds.contains(&Kind::INDUSTRY));
    // And back.
    h.get_by_label_contains("产业 Industry (").click();
    h.run_steps(3);
    assert!(count_kind(h.state(), &Kind::INDUSTRY) > 0);
}

#[test]
fn a_broken_file_shows_its_errors_and_keeps_the_open_graph() {
    let mut h = harness();
    h.run_steps(2);
    let nodes_before = h.state().doc().kg.node_count();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "Dataset(\n    format: 1,\n    nodes: [ Node(id: \"x\" kind: Lab) ],\n)\n",
    )
    .unwrap();
    // The same path File → Open and drag-and-drop take once they have a file name.
    h.state_mut().queue(Command::OpenPath(broken.clone()));
    h.run_steps(3);
    let err = h.state().error().cloned().expect("an error dialog");
    assert!(
        err.lines[0].starts_with(&format!("{}:3:", broken.display())),
        "{err:?}"
    );
    h.get_by_label_contains("broken.ron:3:");
    assert_eq!(h.state().doc().kg.node_count(), nodes_before);
    assert!(
        h.state()
            .doc()
            .path()
            .is_some_and(|p| p.ends_with("shenzhen.ron"))
    );
    h.get_by_label("OK").click();
    h.run_steps(2);
    assert!(h.state().error().is_none());
}

#[test]
fn clicking_a_neighbour_in_the_inspector_selects_it() {
    let mut h = harness();
    h.run_steps(2);
    let ix = h.state().doc().kg.node_ix("sz-stic").unwrap();
    h.state_mut().queue(Command::Focus(ix));
    h.run_steps(3);
    h.get_by_label("王有明 · Wang Youming").click_accesskit();
    h.run_steps(3);
    let first = selected_ids(h.state()).into_iter().next();
    assert_eq!(first.as_deref(), Some("wang-youming"));
}

#[test]
fn command_palette_lists_and_runs_actions() {
    let mut h = harness();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run_steps(2);
    assert!(h.state().palette().open);
    h.get_by_label("Labels: English").click();
    h.run_steps(2);
    assert_eq!(
        h.state().prefs().lang,
        innovation_atlas::view::LabelLang::English
    );
    assert!(!h.state().palette().open);
}

#[test]
fn edit_a_name_in_the_inspector_then_undo() {
    let mut h = harness();
    h.run_steps(2);
    let ix = h.state().doc().kg.node_ix("sz-stic").unwrap();
    let original = name_en(h.state(), "sz-stic");
    h.state_mut().queue(Command::Focus(ix));
    h.run_steps(2);
    h.get_by_label("Edit…").click();
    h.run_steps(5);
    let field = h.get_by_label("name (English)");
    field.focus();
    field.type_text(" (edited)");
    h.run_steps(2);
    h.get_by_label("Apply").click();
    h.run_steps(3);
    assert_eq!(
        name_en(h.state(), "sz-stic"),
        format!("{original} (edited)")
    );
    assert!(h.state().history().is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(name_en(h.state(), "sz-stic"), original);
    assert!(!h.state().history().is_dirty());
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run_steps(3);
    assert_eq!(
        name_en(h.state(), "sz-stic"),
        format!("{original} (edited)")
    );
}

#[test]
fn reloading_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    let data = h.state().doc().kg.data.clone();
    let mut after = data.nodes[1].clone();
    after.name.en = "Changed".into();
    h.state_mut().queue(Command::Edit(
        innovation_atlas::commands::Edit::ReplaceNode {
            index: 1,
            before: data.nodes[1].clone(),
            after,
        },
    ));
    h.run_steps(2);
    h.state_mut()
        .queue(Command::Run(innovation_atlas::commands::Action::Reload));
    h.run_steps(2);
    assert!(
        h.state().prompt().is_some(),
        "error: {:?}",
        h.state().error()
    );
    h.run_steps(5);
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(name_en(h.state(), "b"), "Changed");
    // Save writes canonical RON atomically and clears the dirty marker.
    h.state_mut()
        .queue(Command::Run(innovation_atlas::commands::Action::Save));
    h.run_steps(2);
    assert!(!h.state().history().is_dirty());
    let saved = innovation_atlas::io::load_dataset(&path).unwrap();
    assert_eq!(saved.nodes[1].name.en, "Changed");
}

#[test]
fn a_file_changed_on_disk_updates_the_graph_and_a_broken_one_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    let ix = h.state().doc().kg.node_ix("c").unwrap();
    h.state_mut().queue(Command::Select {
        node: ix,
        additive: false,
    });
    h.run_steps(2);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("\"Commission\"", "\"Commission (renamed outside)\""),
    )
    .unwrap();
    assert!(wait_for(&mut h, &|a| name_en(a, "b")
        == "Commission (renamed outside)"));
    // The selection survives the reload.
    let sel: Vec<_> = h
        .state()
        .selection()
        .nodes
        .iter()
        .map(|n| h.state().doc().kg.node(*n).id.clone())
        .collect();
    assert_eq!(sel, ["c"]);
    // A broken file shows a banner with line:col; the last good graph stays.
    std::fs::write(&path, "Dataset(\n  nodes: [ oops ],\n)\n").unwrap();
    assert!(wait_for(&mut h, &|a| a.disk_banner().is_some()));
    let banner = h.state().disk_banner().map(<[String]>::to_vec).unwrap();
    assert!(banner[0].contains("tiny.ron:2:"), "{banner:?}");
    assert_eq!(name_en(h.state(), "b"), "Commission (renamed outside)");
}

#[test]
fn a_big_file_loads_in_the_background_while_the_open_graph_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let mut s = String::from("Dataset(sources: [Source(id: \"s\", file: \"s.txt\")], nodes: [");
    for i in 0..12_000 {
        s.push_str(&format!("Node(id: \"n{i}\", kind: Lab, name: (zh: \"实验室{i}\", en: \"Lab {i}\"), cites: [Cite(source: \"s\", quote: \"q\")]),\n"));
    }
    s.push_str("], edges: [");
    for i in 1..12_000 {
        s.push_str(&format!("Edge(from: \"n{}\", to: \"n{i}\", rel: PartOf, cites: [Cite(source: \"s\", quote: \"q\")]),\n", i / 3));
    }
    s.push_str("])\n");
    std::fs::write(&path, s).unwrap();
    let mut h = harness();
    h.run_steps(2);
    let before = h.state().doc().kg.node_count();
    h.state_mut().queue(Command::OpenPath(path.clone()));
    h.run_steps(1);
    assert!(
        h.state().is_loading(),
        "a 2 MB file loads on a worker thread"
    );
    assert_eq!(
        h.state().doc().kg.node_count(),
        before,
        "the open graph stays meanwhile"
    );
    let mut done = false;
    for _ in 0..300 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run_steps(1);
        if !h.state().is_loading() {
            done = true;
            break;
        }
    }
    assert!(done, "loading finished");
    assert_eq!(
        h.state().doc().kg.node_count(),
        12_000,
        "{:?}",
        h.state().error()
    );
    assert!(
        h.state()
            .positions()
            .xy
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())
    );
}

#[test]
fn an_import_saved_as_ron_opens_again_with_warnings() {
    let Some(realworld) = common::shared("realworld") else {
        return;
    };
    let gml = realworld.join("karate.gml");
    let dir = tempfile::tempdir().unwrap();
    let mut app = AtlasApp::new(Prefs::default());
    app.open_path(&gml);
    assert!(app.error().is_none(), "{:?}", app.error());
    assert_eq!(app.doc().kg.node_count(), 34);
    // Save As RON (what File → Save does for an import), then open that file.
    let ron = dir.path().join("karate.ron");
    assert!(app.save_to(&ron));
    let mut again = AtlasApp::new(Prefs::default());
    again.open_path(&ron);
    assert!(again.error().is_none(), "{:?}", again.error());
    assert_eq!(again.doc().kg.node_count(), 34);
    assert_eq!(again.doc().kg.edge_count(), 78);
    assert!(
        again.status().contains("curation warning"),
        "{}",
        again.status()
    );
    // `check` still reports the missing citations as errors.
    assert!(!innovation_atlas::cli::check_file(&ron, None).is_empty());
}
