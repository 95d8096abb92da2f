//! The graph database inside the app (issue #17) under egui_kittest, against the FalkorDB test
//! server of tests/bolt.rs (`ATLAS_BOLT_TEST_URI`; skipped with a notice when there is none):
//! File → Connect opens a subgraph as the working graph, X expands the selected node with its
//! new neighbours placed around it, and a server that cannot be reached changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use common::ui::{copy_of_tiny, harness_with, wait_for};
use egui_kittest::kittest::Queryable;
use innovation_atlas::app::{AtlasApp, Prefs};
use innovation_atlas::commands::{Action, Command};
use innovation_atlas::db::{DbParams, DbSession, JobOutput};
use innovation_atlas::i18n::UiLang;
use std::sync::Arc;

fn server() -> Option<String> {
    if let Ok(uri) = std::env::var("ATLAS_BOLT_TEST_URI")
        && !uri.is_empty()
    {
        return Some(uri);
    }
    let required = std::env::var("ATLAS_REQUIRE_SHARED").is_ok_and(|v| v == "1")
        && std::env::var("ATLAS_REQUIRE_DB").is_ok_and(|v| v == "1");
    assert!(
        !required,
        "ATLAS_BOLT_TEST_URI is not set, and ATLAS_REQUIRE_DB=1 requires it"
    );
    eprintln!("note: ATLAS_BOLT_TEST_URI is not set: skipping the app's database test");
    None
}

/// The app on a small file, its connect form filled in for `database` on `uri`.
fn app_for(dir: &std::path::Path, uri: &str, database: &str, search: &str) -> AtlasApp {
    UiLang::set_current(UiLang::English);
    let mut app = AtlasApp::new(Prefs::default());
    app.open_path(&copy_of_tiny(dir));
    app.pause_layout();
    let form = app.connect_form_mut();
    form.uri = uri.to_string();
    form.user = String::new();
    form.database = database.to_string();
    form.password_from_env = false;
    form.by_cypher = false;
    form.search = search.to_string();
    app.queue(Command::Run(Action::ConnectDatabase));
    app
}

#[test]
fn connect_opens_a_subgraph_and_x_expands_the_selected_node_around_it() {
    let Some(uri) = server() else { return };
    let database = format!("atlas_test_app_{}", std::process::id());
    let mut p = DbParams::new(&uri);
    p.database = database.clone();
    let (seed, _) = DbSession::connect(p);
    let pushed = seed.push(Arc::new(common::shipped_data())).wait();
    assert!(matches!(pushed, Ok(JobOutput::Pushed(_))), "{pushed:?}");

    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_with(app_for(
        dir.path(),
        &uri,
        &database,
        "Guangming Science City",
    ));
    h.run_steps(2);
    h.get_by_label("Connect").click();
    assert!(
        wait_for(&mut h, &|a| !a.db_busy()
            && a.db_connected().is_some()
            && a.doc().kg.node_ix("guangming-science-city").is_some()),
        "the subgraph never became the working graph: {:?}",
        h.state().db_error()
    );
    let app = h.state();
    assert!(
        app.doc().path().is_none(),
        "a database graph is saved with Save As"
    );
    let opened = app.doc().kg.node_count();
    let hub = app.doc().kg.node_ix("guangming-science-city").unwrap();

    // X on the selected node brings its neighbours, around it.
    h.state_mut().queue(Command::Select {
        node: hub,
        additive: false,
    });
    h.run_steps(1);
    h.state_mut()
        .queue(Command::Run(Action::ExpandFromDatabase));
    assert!(
        wait_for(&mut h, &|a| !a.db_busy()
            && a.doc().kg.node_count() > opened),
        "expanding added nothing: {:?}",
        h.state().db_error()
    );
    let app = h.state();
    let kg = &app.doc().kg;
    let hub = kg.node_ix("guangming-science-city").unwrap();
    let neighbours: Vec<_> = kg.graph.neighbors_undirected(hub).collect();
    let shipped = common::shipped_kg();
    let want = shipped
        .graph
        .neighbors_undirected(shipped.node_ix("guangming-science-city").unwrap())
        .count();
    assert!(
        neighbours.len() >= want.min(100),
        "{} of {want} neighbours",
        neighbours.len()
    );
    let at = app.positions().xy[hub.index()];
    let near = neighbours
        .iter()
        .filter(|n| {
            let p = app.positions().xy[n.index()];
            ((p[0] - at[0]).powi(2) + (p[1] - at[1]).powi(2)).sqrt() < 400.0
        })
        .count();
    assert!(
        near * 2 >= neighbours.len(),
        "new nodes start near their parent"
    );
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut clean = DbParams::new(&uri);
    clean.database = database;
    if let Ok(mut b) = innovation_atlas::db::connect(&clean, &cancel) {
        let _ = b.run("MATCH (n) DETACH DELETE n", Vec::new(), &cancel);
    }
}

#[test]
fn an_unreachable_server_says_so_and_keeps_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens on port 9 of the loopback.
    let mut h = harness_with(app_for(dir.path(), "falkordb://127.0.0.1:9", "atlas", "x"));
    h.run_steps(2);
    let before = h.state().doc().kg.node_count();
    h.get_by_label("Connect").click();
    assert!(
        wait_for(&mut h, &|a| a.db_error().is_some()),
        "no error shown"
    );
    let app = h.state();
    assert_eq!(app.doc().kg.node_count(), before, "the open graph stays");
    assert!(app.doc().path().is_some(), "still the file it was");
    assert!(
        app.status().contains("cannot be reached"),
        "status says which failure: {}",
        app.status()
    );
}
