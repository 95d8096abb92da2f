//! Nothing lost: half-written files, recovery of imports, background loads over unsaved edits,
//! broken sidecars, read-only files — driven through the real UI with egui_kittest.

mod common;

use common::{copy_of_tiny, harness_on, harness_with, name_en, rename, wait_for};
use egui_kittest::kittest::Queryable;
use innovation_atlas::commands::{Action, Command};

#[test]
fn a_half_written_file_on_disk_keeps_the_graph_and_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    rename(&mut h, 1, "Edited here");
    assert!(h.state().history().is_dirty());
    // A text editor saving over the file, caught mid-write: it ends right after `\"`.
    let text = std::fs::read_to_string(&path).unwrap();
    let cut = text.find("王某").unwrap();
    let half = format!("{}\\\"", &text[..cut]);
    std::fs::write(&path, half).unwrap();
    assert!(
        wait_for(&mut h, &|a| a.disk_banner().is_some()),
        "a banner names the problem"
    );
    let banner = h.state().disk_banner().map(<[String]>::to_vec).unwrap();
    assert!(banner[0].contains("tiny.ron:"), "{banner:?}");
    let app = h.state();
    assert_eq!(app.doc().kg.node_count(), 3, "the last good graph stays");
    assert_eq!(name_en(app, "b"), "Edited here", "the unsaved edit stays");
    assert!(app.history().is_dirty());
    assert!(
        app.prompt().is_none(),
        "nothing to decide about a broken file"
    );
}

#[test]
fn an_outside_change_with_unsaved_edits_asks_and_discard_takes_the_disk_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    rename(&mut h, 0, "Mine");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("\"Commission\"", "\"Theirs\"")).unwrap();
    assert!(wait_for(&mut h, &|a| a.prompt().is_some()));
    assert_eq!(
        name_en(h.state(), "a"),
        "Mine",
        "nothing replaced before the answer"
    );
    h.run_steps(2);
    h.get_by_label("Reload (discard my edits)").click();
    h.run_steps(3);
    assert_eq!(name_en(h.state(), "b"), "Theirs");
    assert_eq!(name_en(h.state(), "a"), "Wang");
    assert!(!h.state().history().is_dirty());
}

/// A 2 MB file opened in the background while the user edits the open graph.
#[test]
fn a_background_load_does_not_replace_unsaved_edits_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let big = dir.path().join("big.ron");
    let mut s = String::from("Dataset(sources: [Source(id: \"s\", file: \"s.txt\")], nodes: [");
    for i in 0..12_000 {
        s.push_str(&format!("Node(id: \"n{i}\", kind: Lab, name: (zh: \"实验室{i}\", en: \"Lab {i}\"), cites: [Cite(source: \"s\", quote: \"q\")]),\n"));
    }
    s.push_str("], edges: [])\n");
    std::fs::write(&big, s).unwrap();
    let mut h = harness_on(&path);
    h.run_steps(2);
    h.state_mut().queue(Command::OpenPath(big.clone()));
    h.run_steps(1);
    assert!(h.state().is_loading(), "a 1 MB+ file loads on a thread");
    rename(&mut h, 1, "Edited meanwhile");
    assert!(wait_for(&mut h, &|a| !a.is_loading() && a.prompt().is_some()));
    assert_eq!(
        h.state().doc().kg.node_count(),
        3,
        "not replaced before the answer"
    );
    h.run_steps(2);
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(
        name_en(h.state(), "b"),
        "Edited meanwhile",
        "Cancel keeps the edits"
    );
    assert_eq!(h.state().doc().kg.node_count(), 3);
    // Again, and this time discard the edits: the big graph opens.
    h.state_mut().queue(Command::OpenPath(big));
    h.run_steps(5);
    assert!(
        h.state().prompt().is_some(),
        "asked before starting, as before"
    );
    h.get_by_label("Discard").click();
    let opened = wait_for(&mut h, &|a| a.doc().kg.node_count() == 12_000);
    let app = h.state();
    assert!(
        opened,
        "status {:?}, error {:?}, prompt {:?}, loading {}",
        app.status(),
        app.error(),
        app.prompt(),
        app.is_loading()
    );
}

#[test]
fn recovery_of_an_imported_graph_works() {
    let dir = tempfile::tempdir().unwrap();
    let gml = dir.path().join("g.gml");
    std::fs::write(
        &gml,
        "graph [ directed 1 node [ id 1 label \"大学\" type \"University\" ] node [ id 2 label \"公司\" ] edge [ source 1 target 2 label \"part of\" ] ]",
    )
    .unwrap();
    // A session that crashed with edits: the app wrote its recovery file beside the import.
    let status = {
        let mut h = harness_on(&gml);
        h.run_steps(2);
        rename(&mut h, 0, "Recovered name");
        let app = h.state_mut();
        app.write_recovery_now();
        app.finish_recovery_write();
        format!("{} {:?}", app.status(), app.error())
    };
    let rec = dir.path().join(".g.gml.recovery.ron");
    assert!(rec.is_file(), "the recovery file was written: {status}");
    let mut h = harness_on(&gml);
    h.run_steps(2);
    assert!(h.state().prompt().is_some(), "recovery is offered");
    h.get_by_label("Recover").click();
    h.run_steps(3);
    assert!(h.state().error().is_none(), "{:?}", h.state().error());
    let app = h.state();
    assert_eq!(app.doc().kg.data.nodes[0].name.en, "Recovered name");
    assert_eq!(app.doc().kg.edge_count(), 1);
    assert!(
        app.history().is_dirty(),
        "recovered edits are unsaved until saved"
    );
}

#[cfg(unix)]
#[test]
fn saving_over_a_read_only_file_is_refused_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    rename(&mut h, 1, "Unsaved");
    let before = std::fs::read(&path).unwrap();
    let mut perm = std::fs::metadata(&path).unwrap().permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(&path, perm).unwrap();
    h.state_mut().queue(Command::Run(Action::Save));
    h.run_steps(3);
    let err = h.state().error().cloned().expect("an error dialog");
    assert!(err.lines.join("\n").contains("read-only"), "{err:?}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    assert!(
        h.state().history().is_dirty(),
        "the edit is still unsaved, not lost"
    );
}

#[test]
fn a_file_with_a_hundred_thousand_problems_shows_the_first_ones_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let good = copy_of_tiny(dir.path());
    let bad = dir.path().join("bad.ron");
    let mut s = String::from("Dataset(nodes: [], edges: [\n");
    for i in 0..100_000 {
        s.push_str(&format!("Edge(from: \"x{i}\", to: \"y\", rel: PartOf),\n"));
    }
    s.push_str("])\n");
    std::fs::write(&bad, s).unwrap();
    let mut h = harness_on(&good);
    h.run_steps(2);
    h.state_mut().open_path(&bad);
    h.run_steps(3);
    let err = h.state().error().cloned().expect("an error dialog");
    assert_eq!(err.lines.len(), 101, "the first 100 and a count");
    assert!(err.lines[0].contains("bad.ron:2:"), "{}", err.lines[0]);
    assert!(
        err.lines[100].contains("more problem"),
        "{}",
        err.lines[100]
    );
    h.get_by_label(
        "Many problems found (the first ones are listed). The graph that was open stays open.",
    );
    assert_eq!(h.state().doc().kg.node_count(), 3, "the open graph stays");
}

#[test]
fn an_unreadable_views_sidecar_is_kept_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let views = dir.path().join("tiny.views.ron");
    let broken = b"Views(views: [View(name: \"half-writ".to_vec();
    std::fs::write(&views, &broken).unwrap();
    let mut app = innovation_atlas::app::AtlasApp::new(Default::default());
    app.open_path(&path);
    let err = app.error().cloned().expect("the user is told");
    assert!(
        err.lines.join(" ").contains("tiny.views.ron.bad"),
        "{err:?}"
    );
    let kept = dir.path().join("tiny.views.ron.bad");
    assert_eq!(std::fs::read(&kept).unwrap(), broken, "kept byte for byte");
    // Saving the (empty) views now writes a fresh file and leaves the broken one alone.
    app.apply(innovation_atlas::commands::Command::DismissError);
    app.pause_layout();
    let mut h = harness_with(app);
    h.run_steps(2);
    h.state_mut().add_view("first");
    h.run_steps(2);
    assert!(views.is_file(), "{:?}", h.state().error());
    assert_eq!(std::fs::read(&kept).unwrap(), broken);
}
