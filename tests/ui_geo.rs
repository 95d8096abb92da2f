//! The geographic layout through the real UI: Layout menu → geographic, animated transition,
//! district outline shown only while the layout is geographic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use common::harness_on as harness;
use egui_kittest::kittest::Queryable;
use innovation_atlas::app::AtlasApp;
use innovation_atlas::commands::{Action, Command};

fn xy(app: &AtlasApp, id: &str) -> [f32; 2] {
    let ix = app.doc().kg.node_ix(id).expect(id);
    app.positions().xy[ix.index()]
}

#[test]
fn layout_menu_geographic_puts_guangming_north_west_of_hetao() {
    let mut h = harness(&common::shipped());
    h.run_steps(2);
    h.get_by_label("Layout").click();
    h.run_steps(2);
    h.get_by_label("Layout: geographic (places on a map of Shenzhen)")
        .click();
    h.run_steps(2);
    assert!(h.state().layout().in_transition(), "the move is animated");
    for _ in 0..400 {
        if !h.state().layout().in_transition() {
            break;
        }
        h.run_steps(1);
    }
    let app = h.state();
    assert!(!app.layout().in_transition(), "the transition ends");
    assert_eq!(app.layout().kind().name(), "geographic");
    assert!(
        app.status().starts_with("geographic layout: 11 places"),
        "{}",
        app.status()
    );
    let outline = app.canvas().backdrop.as_ref().expect("outline shown");
    assert_eq!(outline.districts.len(), 9);
    let (gm, ht) = (xy(app, "guangming-science-city"), xy(app, "hetao"));
    // World y grows downwards (north is up): Guangming is west (smaller x) and north (smaller y).
    assert!(gm[0] < ht[0] && gm[1] < ht[1], "{gm:?} vs {ht:?}");
    assert!(app.positions().xy.iter().flatten().all(|v| v.is_finite()));

    // Another layout hides the outline again.
    h.state_mut().queue(Command::Run(Action::LayoutForce));
    h.run_steps(2);
    assert!(h.state().canvas().backdrop.is_none());
}

#[test]
fn without_a_geo_sidecar_the_status_line_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::copy_of_tiny(dir.path());
    let mut h = harness(&path);
    h.run_steps(2);
    let before = h.state().positions().clone();
    h.state_mut().queue(Command::Run(Action::LayoutGeographic));
    h.run_steps(2);
    let app = h.state();
    assert!(app.status().contains("no geo sidecar"), "{}", app.status());
    assert!(app.status().contains("tiny.geo.ron"), "{}", app.status());
    assert!(app.canvas().backdrop.is_none() && !app.layout().in_transition());
    assert_eq!(app.positions(), &before);
}
