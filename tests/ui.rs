//! The real UI driven by egui_kittest: search → select → citation; kind filter; broken file.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innovation_atlas::app::{AtlasApp, Prefs, install_fonts};
use innovation_atlas::commands::Command;
use innovation_atlas::model::Kind;
use std::path::{Path, PathBuf};

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data/shenzhen.ron")
}

fn harness() -> Harness<'static, AtlasApp> {
    let mut app = AtlasApp::new(Prefs::default());
    app.open_path(&shipped());
    assert!(app.error.is_none(), "{:?}", app.error);
    // Keep frames deterministic: no live layout while the test clicks around.
    app.layout_running = false;
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
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
    let selected: Vec<_> = app
        .selection
        .nodes
        .iter()
        .map(|n| app.doc.kg.node(*n).id.clone())
        .collect();
    assert_eq!(selected, ["guangming-science-city"]);
    // The inspector shows the node's first citation quote, as a quote.
    let quote = app
        .doc
        .kg
        .node(*app.selection.nodes.iter().next().unwrap())
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
    let app = h.state();
    let id = app
        .selection
        .nodes
        .iter()
        .next()
        .map(|n| app.doc.kg.node(*n).id.clone());
    assert_eq!(id.as_deref(), Some("guangming-science-city"));
}

#[test]
fn unticking_a_kind_removes_its_nodes_from_the_canvas() {
    let mut h = harness();
    h.run_steps(3);
    let count_kind = |app: &AtlasApp, kind: &Kind| {
        app.canvas
            .drawn_nodes
            .iter()
            .filter(|n| &app.doc.kg.node(**n).kind == kind)
            .count()
    };
    assert!(count_kind(h.state(), &Kind::Industry) > 0);
    let before = h.state().canvas.drawn_nodes.len();
    h.get_by_label_contains("产业 Industry (").click();
    h.run_steps(3);
    assert_eq!(count_kind(h.state(), &Kind::Industry), 0);
    assert!(h.state().canvas.drawn_nodes.len() < before);
    assert!(h.state().filter.hidden_kinds.contains(&Kind::Industry));
    // And back.
    h.get_by_label_contains("产业 Industry (").click();
    h.run_steps(3);
    assert!(count_kind(h.state(), &Kind::Industry) > 0);
}

#[test]
fn a_broken_file_shows_its_errors_and_keeps_the_open_graph() {
    let mut h = harness();
    h.run_steps(2);
    let nodes_before = h.state().doc.kg.node_count();
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
    let err = h.state().error.clone().expect("an error dialog");
    assert!(
        err.lines[0].starts_with(&format!("{}:3:", broken.display())),
        "{err:?}"
    );
    h.get_by_label_contains("broken.ron:3:");
    assert_eq!(h.state().doc.kg.node_count(), nodes_before);
    assert!(
        h.state()
            .doc
            .path()
            .is_some_and(|p| p.ends_with("shenzhen.ron"))
    );
    h.get_by_label("OK").click();
    h.run_steps(2);
    assert!(h.state().error.is_none());
}

#[test]
fn clicking_a_neighbour_in_the_inspector_selects_it() {
    let mut h = harness();
    h.run_steps(2);
    let ix = h.state().doc.kg.node_ix("sz-stic").unwrap();
    h.state_mut().queue(Command::Focus(ix));
    h.run_steps(3);
    h.get_by_label("王有明 · Wang Youming").click_accesskit();
    h.run_steps(3);
    let app = h.state();
    let id = app
        .selection
        .nodes
        .iter()
        .next()
        .map(|n| app.doc.kg.node(*n).id.clone());
    assert_eq!(id.as_deref(), Some("wang-youming"));
}

#[test]
fn command_palette_lists_and_runs_actions() {
    let mut h = harness();
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run_steps(2);
    assert!(h.state().palette.open);
    h.get_by_label("Labels: English").click();
    h.run_steps(2);
    assert_eq!(
        h.state().prefs.lang,
        innovation_atlas::view::LabelLang::English
    );
    assert!(!h.state().palette.open);
}
