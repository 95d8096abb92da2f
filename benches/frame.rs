//! Criterion: CPU time to prepare one frame of the full canvas (egui pass running `canvas_ui`,
//! then `Context::tessellate`) on Barabási–Albert graphs of 1k, 10k and 100k nodes after a
//! layout. Two views: the whole graph fitted to a 1280×800 canvas, and zoomed in 8× on its
//! centre (shapes, arrowheads and labels instead of dots).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic on what it set up

use criterion::{BenchmarkId, Criterion, criterion_group};

// The app's allocator (see src/main.rs), so the bench measures what the app does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use innovation_atlas::analysis::{Filter, visible_subgraph};
use innovation_atlas::io::{
    EMBEDDED_SHENZHEN, SavedLayout, SavedPos, layout_sidecar_path, parse_dataset, save_layout,
    to_canonical_ron,
};
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
        Kind::ORGANIZATION,
        Kind::COMPANY,
        Kind::PLAN,
        Kind::LAB,
        Kind::PLATFORM,
        Kind::INDUSTRY,
        Kind::ACTION,
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

/// The layout of `graph(n)`; with `cache` it is kept in `target/` between runs (the layout is
/// deterministic), so profiling under valgrind does not spend minutes on it.
fn positions(kg: &KnowledgeGraph, n: usize, cache: bool) -> Positions {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(format!("frame-bench-positions-{n}.bin"));
    if cache
        && let Ok(bytes) = std::fs::read(&path)
        && bytes.len() == kg.node_bound() * 8
    {
        let mut pos = Positions::random(kg.node_bound(), 42);
        for (i, c) in bytes.chunks_exact(8).enumerate() {
            let f = |k: usize| f32::from_le_bytes([c[k], c[k + 1], c[k + 2], c[k + 3]]);
            pos.xy[i] = [f(0), f(4)];
        }
        return pos;
    }
    let pos = layout(kg);
    if cache {
        let bytes: Vec<u8> = pos
            .xy
            .iter()
            .flat_map(|p| p[0].to_le_bytes().into_iter().chain(p[1].to_le_bytes()))
            .collect();
        let _ = std::fs::write(&path, bytes);
    }
    pos
}

fn degrees(kg: &KnowledgeGraph) -> Vec<u32> {
    let mut degree = vec![0u32; kg.node_bound()];
    for e in kg.graph.edge_indices() {
        if let Some((a, b)) = kg.graph.edge_endpoints(e) {
            degree[a.index()] += 1;
            degree[b.index()] += 1;
        }
    }
    degree
}

/// One frame exactly as the criterion benchmark measures it.
fn one_frame(ctx: &egui::Context, state: &mut CanvasState, input: &CanvasInput) -> usize {
    let out = ctx.run_ui(raw_input(), |ui| {
        canvas_ui(ui, state, input);
    });
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

/// `FRAME_PROFILE=fit/100000` (or `zoom8/10000`, …): run only that case for `FRAME_ITERS`
/// frames (default 10) inside `profiled_frames`, for counting instructions with
/// `valgrind --tool=callgrind --toggle-collect='*profiled_frames*'`, which does not depend on
/// the machine's load.
fn profile(spec: &str) {
    let (view, n) = spec.split_once('/').unwrap_or(("fit", spec));
    let n: usize = n.parse().expect("FRAME_PROFILE=<fit|zoom8>/<nodes>");
    let iters: usize = std::env::var("FRAME_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let kg = graph(n);
    let pos = positions(&kg, n, true);
    if let Ok(path) = std::env::var("FRAME_EXPORT") {
        export(&kg, &pos, std::path::Path::new(&path));
        return;
    }
    let visible = visible_subgraph(&kg, &Filter::default());
    let degree = degrees(&kg);
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
    // As in the app, which renders with glow: the batched meshes go through the paint callback.
    state.gpu_paint = std::env::var_os("FRAME_EPAINT").is_none();
    state.fit_requested = true;
    state.fit_instantly = true;
    one_frame(&ctx, &mut state, &input);
    if view == "zoom8" {
        state.camera.zoom *= 8.0;
    }
    // Warm up: caches, lent buffers and the galley cache settle after a couple of frames.
    for _ in 0..3 {
        one_frame(&ctx, &mut state, &input);
    }
    let prims = profiled_frames(&ctx, &mut state, &input, iters);
    eprintln!(
        "frame/{view}/{n}: {iters} frames, {prims} primitives, {} nodes drawn, {} labelled",
        state.drawn_nodes.len(),
        state.labelled.len()
    );
}

/// `FRAME_EXPORT=FILE.ron` (with `FRAME_PROFILE`): write the graph and its layout sidecar, to
/// open the benchmark's picture in the app (`innovation-atlas FILE.ron`) for screenshots.
fn export(kg: &KnowledgeGraph, pos: &Positions, path: &std::path::Path) {
    let text = to_canonical_ron(&kg.data).expect("dataset serialises");
    std::fs::write(path, text).expect("write the RON file");
    let mut layout = SavedLayout::default();
    for ix in kg.node_indices() {
        let [x, y] = pos.xy[ix.index()];
        let id = kg.node(ix).id.clone();
        layout.positions.insert(
            id,
            SavedPos {
                x,
                y,
                pinned: false,
            },
        );
    }
    save_layout(&layout_sidecar_path(path), &layout).expect("write the layout sidecar");
    eprintln!("wrote {} and its layout sidecar", path.display());
}

#[inline(never)]
fn profiled_frames(
    ctx: &egui::Context,
    state: &mut CanvasState,
    input: &CanvasInput,
    iters: usize,
) -> usize {
    let mut prims = 0;
    for _ in 0..iters {
        prims = std::hint::black_box(one_frame(ctx, state, input));
    }
    prims
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for n in [1_000usize, 10_000, 100_000] {
        let kg = graph(n);
        let pos = positions(&kg, n, false);
        let visible = visible_subgraph(&kg, &Filter::default());
        let degree = degrees(&kg);
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
        // As in the app, which renders with glow: the batched meshes go through the paint
        // callback (`FRAME_EPAINT=1` measures the epaint path instead).
        state.gpu_paint = std::env::var_os("FRAME_EPAINT").is_none();
        // `FRAME_MESHES=1`: the meshes built on the CPU each frame (before #19).
        state.gpu_meshes_only = std::env::var_os("FRAME_MESHES").is_some();
        // As the app does with the layout session's generation: positions are paused.
        state.positions_generation = Some(1);
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
                b.iter(|| one_frame(&ctx, &mut state, &input))
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

/// Issue #19: CPU time per frame while panning a paused graph (one point per frame, so every
/// frame has a new camera), and per published layout step (the positions' generation changes:
/// one upload of positions and a new picking grid), at 100k and 1M nodes. "resident" is the
/// app's path with GPU-resident geometry; "meshes" (`gpu_meshes_only`) is the path before it,
/// which rebuilt the thin-edge and far-node meshes on the CPU every frame.
fn pan(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_gpu");
    group.sample_size(20);
    let sizes: Vec<usize> = match std::env::var("FRAME_GPU_SIZES") {
        Ok(s) => s.split(',').filter_map(|n| n.parse().ok()).collect(),
        Err(_) => vec![100_000, 1_000_000],
    };
    for n in sizes {
        let kg = graph(n);
        let pos = positions(&kg, n, true);
        let visible = visible_subgraph(&kg, &Filter::default());
        let degree = degrees(&kg);
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
        // "fingerprint": resident, but without the layout session's generation (the canvas
        // fingerprints the positions every frame).
        for (mode, meshes) in [
            ("resident", false),
            ("fingerprint", false),
            ("meshes", true),
        ] {
            let ctx = egui::Context::default();
            let mut state = CanvasState::default();
            state.gpu_paint = true;
            state.gpu_meshes_only = meshes;
            state.positions_generation = (mode != "fingerprint").then_some(1);
            state.fit_requested = true;
            state.fit_instantly = true;
            one_frame(&ctx, &mut state, &input);
            let fitted = state.camera.clone();
            let mut k = 0u64;
            group.bench_with_input(BenchmarkId::new(format!("pan_{mode}"), n), &n, |b, _| {
                b.iter(|| {
                    k += 1;
                    let step = if k.is_multiple_of(2) { 1.0 } else { -1.0 };
                    state.camera.center[0] += step / state.camera.zoom;
                    one_frame(&ctx, &mut state, &input)
                })
            });
            state.camera = fitted;
            if mode == "resident" {
                let mut generation = 1;
                group.bench_with_input(BenchmarkId::new("layout_step", n), &n, |b, _| {
                    b.iter(|| {
                        generation += 1;
                        state.positions_generation = Some(generation);
                        one_frame(&ctx, &mut state, &input)
                    })
                });
            }
            eprintln!(
                "frame_gpu/{mode}/{n}: {} nodes drawn by the CPU, {} labelled",
                state.drawn_nodes.len(),
                state.labelled.len()
            );
        }
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_group!(gpu_benches, pan);

fn main() {
    match std::env::var("FRAME_PROFILE") {
        Ok(spec) => profile(&spec),
        Err(_) => {
            if std::env::var_os("FRAME_GPU_ONLY").is_none() {
                benches();
            }
            gpu_benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
