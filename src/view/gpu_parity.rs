//! GPU-resident drawing keeps the scene: with geometry on the GPU the canvas labels, picks,
//! emphasises and counts exactly what the CPU path does, zoomed in (every node in view is
//! projected) and zoomed out over a crowd (only the nodes the scene can use are); and data
//! is handed to the GPU only when it changed.

use super::canvas::{CanvasInput, CanvasState, canvas_ui};
use super::style::LabelLang;
use crate::analysis::{Filter, Visible, visible_subgraph};
use crate::io::{EMBEDDED_SHENZHEN, parse_dataset};
use crate::layout::{Positions, barabasi_albert};
use crate::model::{Dataset, KnowledgeGraph, NodeIx};
use std::collections::BTreeSet;

/// The shipped vocabulary's graph, or a BA graph of `n` nodes with its kinds and names.
fn graph(n: Option<usize>) -> KnowledgeGraph {
    let base = parse_dataset(EMBEDDED_SHENZHEN, "embedded").unwrap();
    let Some(n) = n else {
        return KnowledgeGraph::build(base);
    };
    let (node, edge) = (base.nodes[0].clone(), base.edges[0].clone());
    let kinds: Vec<_> = base.nodes.iter().map(|v| v.kind.clone()).collect();
    let mut data = Dataset {
        nodes: Vec::new(),
        edges: Vec::new(),
        ..base
    };
    for i in 0..n {
        let mut v = node.clone();
        v.id = format!("n{i}");
        v.name.en = format!("Node {i}");
        v.kind = kinds[i * 7 % kinds.len()].clone();
        data.nodes.push(v);
    }
    for (a, b) in barabasi_albert(n, 2, 7) {
        let mut e = edge.clone();
        (e.from, e.to) = (format!("n{a}"), format!("n{b}"));
        data.edges.push(e);
    }
    KnowledgeGraph::build(data)
}

fn degrees(kg: &KnowledgeGraph) -> Vec<u32> {
    let mut d = vec![0u32; kg.node_bound()];
    for e in kg.graph.edge_indices() {
        if let Some((a, b)) = kg.graph.edge_endpoints(e) {
            d[a.index()] += 1;
            d[b.index()] += 1;
        }
    }
    d
}

struct Setup {
    kg: KnowledgeGraph,
    pos: Positions,
    visible: Visible,
    degree: Vec<u32>,
}

impl Setup {
    fn new(n: Option<usize>) -> Self {
        let kg = graph(n);
        let pos = Positions::random(kg.node_bound(), 3);
        let visible = visible_subgraph(&kg, &Filter::default());
        let degree = degrees(&kg);
        Setup {
            kg,
            pos,
            visible,
            degree,
        }
    }

    /// One frame of `state` with the pointer at `pointer`.
    fn frame(
        &self,
        ctx: &egui::Context,
        state: &mut CanvasState,
        selected: &BTreeSet<NodeIx>,
        pointer: Option<egui::Pos2>,
    ) {
        let input = CanvasInput {
            kg: &self.kg,
            positions: &self.pos,
            visible: &self.visible,
            selected_nodes: selected,
            selected_edge: None,
            search_hits: &[],
            degree: &self.degree,
            lang: LabelLang::Both,
            dark: false,
        };
        let raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1000.0, 700.0),
            )),
            events: pointer.map(egui::Event::PointerMoved).into_iter().collect(),
            ..Default::default()
        };
        let mut out = ctx.run_ui(raw, |ui| {
            canvas_ui(ui, state, &input);
        });
        out.textures_delta.clear();
    }
}

/// CPU and GPU-resident canvases side by side, same camera.
fn pair(
    s: &Setup,
    zoom: f32,
    selected: &BTreeSet<NodeIx>,
    pointer: Option<egui::Pos2>,
) -> [CanvasState; 2] {
    [false, true].map(|resident| {
        let ctx = egui::Context::default();
        let mut state = CanvasState::default();
        state.gpu_paint = resident;
        state.positions_generation = resident.then_some(1);
        state.fit_requested = true;
        state.fit_instantly = true;
        s.frame(&ctx, &mut state, selected, None);
        state.camera.zoom *= zoom;
        for _ in 0..2 {
            s.frame(&ctx, &mut state, selected, pointer);
        }
        state
    })
}

fn assert_same_scene(
    s: &Setup,
    zoom: f32,
    selected: &BTreeSet<NodeIx>,
    pointer: Option<egui::Pos2>,
) {
    let [cpu, gpu] = pair(s, zoom, selected, pointer);
    let what = format!("zoom {zoom}, selected {selected:?}, pointer {pointer:?}");
    assert!(
        !cpu.labels.nodes.is_empty(),
        "{what}: something is labelled"
    );
    assert_eq!(cpu.labels, gpu.labels, "{what}: labels");
    assert_eq!(cpu.hovered, gpu.hovered, "{what}: hovered node");
    assert_eq!(cpu.hovered_edge, gpu.hovered_edge, "{what}: hovered edge");
    // Zoomed in, the CPU handles every node in view, as the CPU path does.
    if gpu.gpu_in_view() <= super::gpu_scene::VIEW_LIMIT {
        assert_eq!(cpu.drawn_nodes, gpu.drawn_nodes, "{what}: drawn nodes");
    } else {
        assert!(
            gpu.drawn_nodes.len() < cpu.drawn_nodes.len() / 10,
            "{what}: few nodes on the CPU"
        );
    }
}

#[test]
fn the_shipped_graph_looks_the_same_on_the_gpu() {
    let s = Setup::new(None);
    let hub = (0..s.degree.len())
        .max_by_key(|&i| s.degree[i])
        .map(NodeIx::new)
        .unwrap();
    let none = BTreeSet::new();
    for zoom in [1.0, 3.0] {
        assert_same_scene(&s, zoom, &none, None);
        assert_same_scene(&s, zoom, &BTreeSet::from([hub]), None);
    }
    // Hovering the hub (where the CPU canvas draws it), then next to it.
    let [cpu, _] = pair(&s, 1.0, &none, None);
    let at = cpu
        .camera
        .to_screen(cpu.rect.unwrap(), s.pos.xy[hub.index()]);
    let [hovered, _] = pair(&s, 1.0, &none, Some(at));
    assert_eq!(hovered.hovered, Some(hub));
    for dx in [0.0, 25.0, 80.0] {
        assert_same_scene(&s, 1.0, &none, Some(at + egui::vec2(dx, 3.0)));
    }
}

#[test]
fn a_crowd_looks_the_same_with_only_a_few_nodes_on_the_cpu() {
    let s = Setup::new(Some(30_000));
    let none = BTreeSet::new();
    let hub = (0..s.degree.len())
        .max_by_key(|&i| s.degree[i])
        .map(NodeIx::new)
        .unwrap();
    // Fitted: 30k nodes in view, beyond the limit. Zoomed 30×: a few dozen.
    for zoom in [1.0, 30.0] {
        assert_same_scene(&s, zoom, &none, None);
        assert_same_scene(&s, zoom, &BTreeSet::from([hub]), None);
    }
    let [_, gpu] = pair(&s, 1.0, &none, None);
    assert!(gpu.gpu_in_view() > super::gpu_scene::VIEW_LIMIT);
}

#[test]
fn data_goes_to_the_gpu_only_when_it_changed() {
    let mut s = Setup::new(None);
    let ctx = egui::Context::default();
    let mut state = CanvasState::default();
    state.gpu_paint = true;
    state.positions_generation = Some(1);
    state.fit_requested = true;
    let none = BTreeSet::new();
    s.frame(&ctx, &mut state, &none, None);
    let first = state.gpu_staged();
    assert_eq!(
        (
            first.positions,
            first.style,
            first.nodes,
            first.edges,
            first.flags
        ),
        (1, 1, 1, 1, 1)
    );
    // Panning and zooming: no new data.
    for k in 0..5 {
        state.camera.center[0] += 10.0;
        state.camera.zoom *= 1.0 + k as f32 * 0.1;
        s.frame(&ctx, &mut state, &none, None);
    }
    assert_eq!(state.gpu_staged(), first);
    // A layout step: positions once.
    state.positions_generation = Some(2);
    s.frame(&ctx, &mut state, &none, None);
    s.frame(&ctx, &mut state, &none, None);
    let step = state.gpu_staged();
    assert_eq!((step.positions, step.style, step.flags), (2, 1, 1));
    // A selection: the emphasis flags only.
    let hub = (0..s.degree.len())
        .max_by_key(|&i| s.degree[i])
        .map(NodeIx::new)
        .unwrap();
    s.frame(&ctx, &mut state, &BTreeSet::from([hub]), None);
    assert_eq!(state.gpu_staged().flags, 2);
    assert_eq!(state.gpu_staged().positions, 2);
    // A metric overlay replaced by the app: radii and colours.
    state.overlay.scale = vec![2.0; s.kg.node_bound()];
    s.frame(&ctx, &mut state, &BTreeSet::from([hub]), None);
    assert_eq!(state.gpu_staged().style, 2);
    // The graph changed: everything.
    state.graph_changed();
    s.frame(&ctx, &mut state, &BTreeSet::from([hub]), None);
    let all = state.gpu_staged();
    assert_eq!(
        (all.nodes, all.edges, all.positions, all.style),
        (2, 2, 3, 3)
    );
    // Without a generation from the layout session, moved positions are still noticed.
    state.positions_generation = None;
    s.frame(&ctx, &mut state, &none, None);
    let before = state.gpu_staged().positions;
    s.frame(&ctx, &mut state, &none, None);
    assert_eq!(state.gpu_staged().positions, before, "unchanged positions");
    s.pos.xy[0][0] += 1.0;
    s.frame(&ctx, &mut state, &none, None);
    assert_eq!(state.gpu_staged().positions, before + 1, "one node moved");
}
