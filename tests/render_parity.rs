//! One renderer: for every shipped view, the SVG export draws and labels exactly the nodes the
//! canvas (`canvas_ui`, the function the app calls each frame) draws and labels on a canvas of
//! the export's size in points, with the export's camera; the legend lists the same kinds.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use innovation_atlas::analysis::Visible;
use innovation_atlas::io::views::{View, load_views, views_sidecar_path};
use innovation_atlas::layout::{ForceLayout, ForceParams, LayoutGraph, Positions};
use innovation_atlas::model::{KnowledgeGraph, NodeIx};
use innovation_atlas::view::export::{AppliedView, Drawn, Scene, apply_view, render_svg};
use innovation_atlas::view::fonts::install_fonts;
use innovation_atlas::view::overlay::Overlay;
use innovation_atlas::view::{
    Camera, CanvasInput, CanvasState, LabelLang, canvas_ui, kind_label, legend_kinds,
};
use std::collections::BTreeSet;
use std::path::Path;

const SHENZHEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data/shenzhen.ron");

fn shenzhen() -> KnowledgeGraph {
    let data =
        innovation_atlas::io::load_dataset(Path::new(SHENZHEN)).expect("shipped graph loads");
    KnowledgeGraph::build(data)
}

fn shipped_views() -> Vec<View> {
    load_views(&views_sidecar_path(Path::new(SHENZHEN)))
        .expect("shipped views parse")
        .expect("shipped views exist")
        .views
}

/// A settled force layout, as `render` computes without a sidecar: nodes cluster, so labels
/// really compete for room.
fn layout(kg: &KnowledgeGraph) -> Positions {
    let edges = kg.graph.edge_indices().filter_map(|e| {
        let (a, b) = kg.graph.edge_endpoints(e)?;
        Some((a.index() as u32, b.index() as u32))
    });
    let graph = LayoutGraph::full(kg.node_bound(), edges);
    let params = ForceParams::default();
    let mut pos = Positions::random(kg.node_bound(), params.seed);
    let mut force = ForceLayout::new(params);
    for _ in 0..300 {
        force.step(&mut pos, &graph);
    }
    pos
}

/// The export of `applied` as a `w`×`h` image with no bands, and what it drew.
fn export(
    kg: &KnowledgeGraph,
    pos: &Positions,
    applied: &AppliedView,
    (w, h): (u32, u32),
    legend: bool,
) -> (String, Drawn) {
    let mut scene = Scene::from_view(
        kg,
        pos,
        applied,
        LabelLang::Both,
        String::new(),
        vec![],
        w,
        h,
    );
    scene.footer = false;
    scene.legend = legend;
    render_svg(&scene)
}

/// One canvas frame of `w`×`h` points showing `applied` with `camera`, as the app shows a view.
fn canvas(
    kg: &KnowledgeGraph,
    pos: &Positions,
    applied: &AppliedView,
    camera: ([f32; 2], f32),
    [w, h]: [f32; 2],
) -> CanvasState {
    let ctx = egui::Context::default();
    install_fonts(&ctx);
    let mut state = CanvasState::default();
    state.camera = Camera {
        center: camera.0,
        zoom: camera.1,
        target: None,
    };
    state.overlay = Overlay {
        highlight_nodes: applied.highlight_nodes.iter().copied().collect(),
        highlight_edges: applied.highlight_edges.iter().copied().collect(),
        focus_nodes: applied.focus_nodes.iter().copied().collect(),
        dim_others: applied.dims_others(),
        ..Overlay::default()
    };
    // What the app gives the canvas for the active view (`CanvasState::follow_briefing`).
    state.appearance = applied.appearance.clone();
    state.annotations = applied.annotations.clone();
    let degree = kg.undirected_degree();
    let none = BTreeSet::new();
    let input = CanvasInput {
        kg,
        positions: pos,
        visible: &applied.visible,
        selected_nodes: &none,
        selected_edge: None,
        search_hits: &[],
        degree: &degree,
        lang: applied.lang.unwrap_or(LabelLang::Both),
        dark: false,
    };
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(w, h),
        )),
        ..Default::default()
    };
    let mut out = ctx.run_ui(raw, |ui| {
        canvas_ui(ui, &mut state, &input);
    });
    out.textures_delta.clear();
    let rect = state.rect.expect("the canvas ran");
    assert_eq!(
        (rect.min, rect.size()),
        (egui::Pos2::ZERO, egui::vec2(w, h))
    );
    state
}

fn sorted(v: &[NodeIx]) -> Vec<NodeIx> {
    let mut v = v.to_vec();
    v.sort();
    v
}

#[test]
fn every_shipped_view_draws_and_labels_the_same_nodes_on_canvas_and_in_the_export() {
    let kg = shenzhen();
    let pos = layout(&kg);
    let views = shipped_views();
    assert!(views.len() >= 8, "{} views", views.len());
    let mut dimmed_views = 0;
    for view in &views {
        let applied = apply_view(&kg, view);
        dimmed_views += applied.dims_others() as usize;
        // 800×450 is drawn at half scale: the canvas it matches is 1600×900 points.
        for size in [(1600, 900), (800, 450), (1000, 1000)] {
            let (_, drawn) = export(&kg, &pos, &applied, size, false);
            let state = canvas(&kg, &pos, &applied, drawn.camera, drawn.points);
            let what = format!("view {:?} at {size:?}", view.name);
            assert!(!drawn.nodes.is_empty(), "{what}: nothing drawn");
            assert!(drawn.labelled.len() >= 3, "{what}: {:?}", drawn.labelled);
            assert_eq!(
                sorted(&state.drawn_nodes),
                drawn.nodes,
                "{what}: drawn nodes"
            );
            assert_eq!(
                state.labelled, drawn.labelled,
                "{what}: labelled nodes, in order"
            );
            // Highlighted and ego-centre nodes in the picture are always named.
            for ix in applied.highlight_nodes.iter().chain(&applied.focus_nodes) {
                if drawn.nodes.contains(ix) {
                    assert!(drawn.labelled.contains(ix), "{what}: {ix:?} unnamed");
                }
            }
        }
    }
    assert!(
        dimmed_views > 0,
        "some shipped view highlights, so dimming is compared"
    );
}

#[test]
fn a_saved_camera_and_the_legend_match_the_screen_too() {
    let kg = shenzhen();
    let pos = layout(&kg);
    let views = shipped_views();
    let view = views
        .iter()
        .find(|v| !v.highlight.is_empty())
        .expect("a view with highlights");
    let mut applied = apply_view(&kg, view);
    // A camera saved on a 1280×720 canvas, zoomed in on the first highlighted node.
    let first = *applied.highlight_nodes.iter().next().expect("highlights");
    applied.camera = Some((pos.xy[first.index()], 2.0, Some([1280.0, 720.0])));
    let (_, drawn) = export(&kg, &pos, &applied, (1280, 720), false);
    // The saved camera keeps the world area it showed on its 1280×720 canvas: the export is
    // 1600×900 points, so it zooms by 1.25.
    assert_eq!(drawn.points, [1600.0, 900.0]);
    assert!((drawn.camera.1 - 2.5).abs() < 1e-4, "{:?}", drawn.camera);
    let state = canvas(&kg, &pos, &applied, drawn.camera, drawn.points);
    assert_eq!(sorted(&state.drawn_nodes), drawn.nodes);
    assert_eq!(state.labelled, drawn.labelled);
    assert!(drawn.labelled.contains(&first));
    // The legend names the kinds of the visible nodes (what the canvas legend lists), in a
    // band under the graph.
    let (svg, with_legend) = export(&kg, &pos, &applied, (1280, 720), true);
    assert!(with_legend.area[3] < 720.0, "{:?}", with_legend.area);
    let visible: &Visible = &applied.visible;
    let kinds = legend_kinds(&kg, visible);
    assert!(kinds.len() >= 2);
    let legend = &svg[svg.find("<g id=\"legend\">").expect("a legend")..];
    let legend = &legend[..legend.find("</g>").expect("legend ends")];
    assert_eq!(legend.matches("<text").count(), kinds.len());
    for k in &kinds {
        let name = kind_label(kg.vocab(), k, LabelLang::Both);
        assert!(
            legend.contains(&format!(">{name}</text>")),
            "{name} missing"
        );
    }
}
