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
    assert!(app.error().is_none(), "{:?}", app.error());
    // Keep frames deterministic: no live layout while the test clicks around.
    app.pause_layout();
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
        .selection()
        .nodes
        .iter()
        .map(|n| app.doc().kg.node(*n).id.clone())
        .collect();
    assert_eq!(selected, ["guangming-science-city"]);
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
    let app = h.state();
    let id = app
        .selection()
        .nodes
        .iter()
        .next()
        .map(|n| app.doc().kg.node(*n).id.clone());
    assert_eq!(id.as_deref(), Some("guangming-science-city"));
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
    let app = h.state();
    let id = app
        .selection()
        .nodes
        .iter()
        .next()
        .map(|n| app.doc().kg.node(*n).id.clone());
    assert_eq!(id.as_deref(), Some("wang-youming"));
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

fn open_copy_of_tiny(dir: &Path) -> (Harness<'static, AtlasApp>, PathBuf) {
    let path = dir.join("tiny.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny.ron"),
        &path,
    )
    .unwrap();
    let mut app = AtlasApp::new(Prefs::default());
    app.open_path(&path);
    assert!(app.error().is_none(), "{:?}", app.error());
    app.pause_layout();
    let h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    (h, path)
}

fn name_en(app: &AtlasApp, id: &str) -> String {
    app.doc()
        .kg
        .node(app.doc().kg.node_ix(id).unwrap())
        .name
        .en
        .clone()
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
    let (mut h, path) = open_copy_of_tiny(dir.path());
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
    let (mut h, path) = open_copy_of_tiny(dir.path());
    h.run_steps(2);
    let ix = h.state().doc().kg.node_ix("c").unwrap();
    h.state_mut().queue(Command::Select {
        node: ix,
        additive: false,
    });
    h.run_steps(2);
    let wait_for = |h: &mut Harness<'static, AtlasApp>, cond: &dyn Fn(&AtlasApp) -> bool| {
        for _ in 0..60 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            h.run_steps(1);
            if cond(h.state()) {
                return true;
            }
        }
        false
    };
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

/// The shipped graph and its views, copied to `dir` so that saving views cannot touch the repo.
fn harness_on_shipped_copy(dir: &Path) -> Harness<'static, AtlasApp> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("graph-data");
    for f in ["shenzhen.ron", "shenzhen.views.ron"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    let mut app = AtlasApp::new(Prefs::default());
    app.open_path(&dir.join("shenzhen.ron"));
    assert!(app.error().is_none(), "{:?}", app.error());
    app.pause_layout();
    Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
}

#[test]
fn a_saved_view_restores_the_camera() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_on_shipped_copy(dir.path());
    h.run_steps(3);
    h.get_by_label("Views").click();
    h.run_steps(2);
    let before = h.state().briefing().views.views.len();
    h.get_by_label("Save current view").click();
    h.run_steps(2);
    assert_eq!(h.state().briefing().views.views.len(), before + 1);
    let saved = h.state().canvas().camera.clone();
    // The sidecar on disk has it too.
    let on_disk = innovation_atlas::io::views::load_views(&dir.path().join("shenzhen.views.ron"))
        .unwrap()
        .unwrap();
    assert_eq!(on_disk.views.len(), before + 1);
    // Move the camera away, then activate the view.
    h.state_mut().camera_mut().center = [saved.center[0] + 500.0, saved.center[1] - 300.0];
    h.state_mut().camera_mut().zoom = saved.zoom * 3.0;
    h.run_steps(1);
    let name = format!("{}. View {}", before + 1, before + 1);
    h.get_by_label(&name).click();
    for _ in 0..60 {
        h.run_steps(1);
    }
    let cam = &h.state().canvas().camera;
    assert!(
        (cam.center[0] - saved.center[0]).abs() < 1.0
            && (cam.center[1] - saved.center[1]).abs() < 1.0,
        "{cam:?} vs {saved:?}"
    );
    assert!((cam.zoom / saved.zoom - 1.0).abs() < 0.01);
}

#[test]
fn presenter_keys_step_through_the_views() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_on_shipped_copy(dir.path());
    h.run_steps(2);
    assert!(h.state().briefing().views.views.len() >= 8);
    h.key_press(egui::Key::F5);
    h.run_steps(2);
    assert!(h.state().briefing().presenting);
    assert_eq!(h.state().briefing().active, Some(0));
    for (key, want) in [
        (egui::Key::ArrowRight, 1),
        (egui::Key::PageDown, 2),
        (egui::Key::Space, 3),
        (egui::Key::ArrowLeft, 2),
        (egui::Key::PageUp, 1),
    ] {
        h.key_press(key);
        h.run_steps(2);
        assert_eq!(h.state().briefing().active, Some(want), "after {key:?}");
    }
    // The caption of the active view is on screen (panels are hidden).
    assert!(h.query_by_label("Inspector").is_none());
    h.key_press(egui::Key::B);
    h.run_steps(1);
    assert!(h.state().briefing().blank);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().briefing().presenting);
    assert!(h.query_all_by_label("Inspector").count() >= 1);
}

#[test]
fn export_writes_svg_with_chinese_text_and_a_png_of_the_size_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_on_shipped_copy(dir.path());
    h.run_steps(2);
    let svg = dir.path().join("v.svg");
    let png = dir.path().join("v.png");
    h.state_mut().set_export_size([800, 500]);
    h.state_mut().export_to(&svg);
    h.state_mut().export_to(&png);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("深圳"), "Chinese labels are text in the SVG");
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let hgt = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((w, hgt), (800, 500));
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
    let dir = tempfile::tempdir().unwrap();
    let gml = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realworld/karate.gml");
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
    app.resume_layout();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    h.run_steps(1);
    assert!(h.state().layout().on_worker());
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
    // Pausing stops the thread.
    h.state_mut().queue(Command::Run(
        innovation_atlas::commands::Action::ToggleLayout,
    ));
    h.run_steps(2);
    assert!(!h.state().layout().on_worker());
}
