//! Criterion: CPU time to prepare one frame of the full canvas (egui pass running `canvas_ui`,
//! then `Context::tessellate`) on Barabási–Albert graphs of 1k, 10k and 100k nodes after a
//! layout. Two views: the whole graph fitted to a 1280×800 canvas, and zoomed in 8× on its
//! centre (shapes, arrowheads and labels instead of dots).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use innovation_atlas::analysis::{Filter, visible_subgraph};
use innovation_atlas::io::{EMBEDDED_SHENZHEN, parse_dataset};
use innovation_atlas::layout::{
    ForceLayout, ForceParams, LayoutGraph, Positions, barabasi_albert, multilevel_start,
};
use innovation_atlas::model::{Dataset, Kind, KnowledgeGraph};
use innovation_atlas::view::{CanvasInput, CanvasState, LabelLang, canvas_ui};
use std::collections::BTreeSet;

/// A BA graph (m = 2) as a knowledge graph with a mix of kinds and names.
fn graph(n: usize) -> KnowledgeGraph {
    let base = parse_dataset(EMBEDDED_SHENZHEN, "embedded").expect("embedded dataset parses");
    let (node, edge) = (base.nodes[0].clone(), base.edges[0].clone());
    let kinds = [
        Kind::Organization,
        Kind::Company,
        Kind::Plan,
        Kind::Lab,
        Kind::Platform,
        Kind::Industry,
        Kind::Action,
    ];
    let mut data = Dataset {
        nodes: Vec::with_capacity(n),
        edges: Vec::new(),
        ..base
    };
    for i in 0..n {
        let mut v = node.clone();
        v.id = format!("n{i}");
        v.name.en = format!("Node {i}");
        v.name.zh = format!("节点{i}");
        v.aliases.clear();
        v.kind = kinds[i % kinds.len()].clone();
        data.nodes.push(v);
    }
    for (a, b) in barabasi_albert(n, 2, 42) {
        let mut e = edge.clone();
        e.from = format!("n{a}");
        e.to = format!("n{b}");
        data.edges.push(e);
    }
    KnowledgeGraph::build(data)
}

/// Multilevel start plus 30 ForceAtlas2 iterations with the app's parameters.
fn layout(kg: &KnowledgeGraph) -> Positions {
    let edges = kg.graph.edge_indices().filter_map(|e| {
        let (a, b) = kg.graph.edge_endpoints(e)?;
        Some((a.index() as u32, b.index() as u32))
    });
    let g = LayoutGraph::full(kg.node_bound(), edges);
    let params = ForceParams::default();
    let mut pos = multilevel_start(&g, &params, &Positions::random(g.len(), 42));
    let mut fa2 = ForceLayout::new(params);
    for _ in 0..30 {
        fa2.step(&mut pos, &g);
    }
    pos
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for n in [1_000usize, 10_000, 100_000] {
        let kg = graph(n);
        let pos = layout(&kg);
        let visible = visible_subgraph(&kg, &Filter::default());
        let mut degree = vec![0u32; kg.node_bound()];
        for e in kg.graph.edge_indices() {
            if let Some((a, b)) = kg.graph.edge_endpoints(e) {
                degree[a.index()] += 1;
                degree[b.index()] += 1;
            }
        }
        let selected = BTreeSet::new();
        let input = CanvasInput {
            kg: &kg,
            positions: &pos,
            visible: &visible,
            selected_nodes: &selected,
            selected_edge: None,
            search_hits: &[],
            degree: &degree,
            lang: LabelLang::Both,
            dark: false,
        };
        let ctx = egui::Context::default();
        let mut state = CanvasState::default();
        state.fit_requested = true;
        state.fit_instantly = true;
        // First pass fits the camera and fills the font atlas and galley cache.
        let _ = ctx.run_ui(raw_input(), |ui| {
            canvas_ui(ui, &mut state, &input);
        });
        let fitted = state.camera.clone();
        for (view, zoom) in [("fit", 1.0f32), ("zoom8", 8.0)] {
            state.camera = fitted.clone();
            state.camera.zoom *= zoom;
            group.bench_with_input(BenchmarkId::new(view, n), &n, |b, _| {
                b.iter(|| {
                    let out = ctx.run_ui(raw_input(), |ui| {
                        canvas_ui(ui, &mut state, &input);
                    });
                    ctx.tessellate(out.shapes, out.pixels_per_point)
                })
            });
            eprintln!(
                "frame/{view}/{n}: {} nodes drawn, {} labelled",
                state.drawn_nodes.len(),
                state.labelled.len()
            );
        }
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
