//! The CPU side of GPU-resident drawing: decides when node data must be uploaded (cheap keys
//! and generations, never a comparison of buffers) and which few nodes the CPU still handles.
//!
//! With geometry on the GPU, a frame must not touch every node. Picking uses a world-space
//! grid rebuilt only when positions change; labels, rings, outlined near nodes and emphasised
//! edges need the nodes the CPU path would project, but only some of them: zoomed in, those
//! in view (a grid query); zoomed out over a crowd, those the scene can use (emphasised,
//! search hits, hover neighbourhood, nodes big enough for a shape or a label, the biggest hubs
//! in view), found from orders sorted once per style change. They are projected into the
//! same [`Projected`] the CPU path fills, so labels and emphasis use the same scene code.

use super::Camera;
use super::cull::{Projected, ScreenNode, side_of};
use super::gpu_gl::{Pending, Shared, TEX_WIDTH, tex_rows};
use super::graph_cache::GraphCache;
use super::overlay::Overlay;
use super::scene::{HUBS, SMALL};
use super::spatial::PointGrid;
use super::style::screen_radius;
use crate::analysis::Visible;
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use egui::{Pos2, Rect};
use petgraph::Direction;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeSet, HashSet};
use std::sync::{Arc, Mutex};

/// Up to this many nodes in view, the CPU projects all of them (as the CPU path does).
pub const VIEW_LIMIT: usize = 20_000;

/// Data uploads counted on the CPU side (for tests and benchmarks; the paint thread counts the
/// ones it performed in `Shared::uploads`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Staged {
    pub positions: u64,
    pub style: u64,
    pub flags: u64,
    pub nodes: u64,
    pub edges: u64,
}

#[derive(Clone, Default)]
pub struct GpuScene {
    pub(super) shared: Arc<Mutex<Shared>>,
    graph_gen: Option<u64>,
    style_key: Option<u64>,
    edges_key: Option<u64>,
    flags_key: Option<u64>,
    pos_key: Option<u64>,
    grid: PointGrid,
    grid_key: Option<u64>,
    /// World radius (base times the overlay's scale) per node index.
    world_radius: Vec<f32>,
    max_world_radius: f32,
    /// Visible nodes by world radius, largest first, and in label order (degree, index).
    by_radius: Vec<u32>,
    by_degree: Vec<u32>,
    /// Entries of the projection written last frame, reset before the next.
    touched: Vec<u32>,
    /// Marks a projection this scene wrote (the CPU path writes every entry).
    proj_mark: u64,
    pub(super) hover_edge: Option<(u64, Option<EdgeIx>)>,
    /// Nodes whose centre is in the cull rectangle, this frame.
    pub in_view: usize,
    pub staged: Staged,
}

impl std::fmt::Debug for GpuScene {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GpuScene")
            .field("in_view", &self.in_view)
            .field("staged", &self.staged)
            .finish()
    }
}

fn mix(h: u64, v: u64) -> u64 {
    (h ^ v).wrapping_mul(0x100_0000_01B3).rotate_left(23)
}

/// A hash of a set that does not depend on its iteration order.
fn set_hash(items: impl Iterator<Item = u64>) -> u64 {
    items.fold(0u64, |acc, v| {
        acc.wrapping_add(mix(0x9E37_79B9_7F4A_7C15, v).wrapping_mul(0x2545_F491_4F6C_DD1D))
    })
}

fn ids<'a>(s: impl Iterator<Item = &'a NodeIx>) -> u64 {
    set_hash(s.map(|x| x.index() as u64))
}

/// A fingerprint of every position, for when nobody tells the canvas that they moved: one
/// linear pass over plain floats (far cheaper than rebuilding geometry, not free at 1M).
pub fn positions_fingerprint(xy: &[[f32; 2]]) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325u64 ^ xy.len() as u64;
    for p in xy {
        h = mix(h, ((p[0].to_bits() as u64) << 32) | p[1].to_bits() as u64);
    }
    h
}

/// What [`GpuScene::project`] needs besides the graph cache.
pub struct Want<'a> {
    pub kg: &'a KnowledgeGraph,
    pub cache: &'a GraphCache,
    pub visible: &'a Visible,
    pub xy: &'a [[f32; 2]],
    pub overlay: &'a Overlay,
    pub cam: &'a Camera,
    pub rect: Rect,
    pub cull: Rect,
    pub selected: &'a BTreeSet<NodeIx>,
    pub selected_edge: Option<EdgeIx>,
    pub hits: &'a [NodeIx],
    pub focus: Option<&'a HashSet<NodeIx>>,
    pub emphasised: Option<NodeIx>,
    /// Nodes the canvas needs projected whatever their size (keyboard focus, dragged node).
    pub also: [Option<NodeIx>; 2],
}

impl GpuScene {
    /// Whether the paint thread could not build the programs (draw on the CPU instead).
    pub fn failed(&self) -> bool {
        self.shared.lock().map(|s| s.failed).unwrap_or(true)
    }

    fn pending(&self, f: impl FnOnce(&mut Pending)) {
        let mut s = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut s.pending);
    }

    /// Hand the GPU what changed: the node list and edges (graph or filter), radii, shapes
    /// and colours (style), positions (`generation` from the layout session when given, else
    /// a fingerprint of the positions). Nothing when nothing changed.
    pub fn sync(
        &mut self,
        cache: &GraphCache,
        degree: &[u32],
        xy: &[[f32; 2]],
        overlay: &Overlay,
        generation: Option<u64>,
    ) {
        let n = cache.style.len();
        let rows = tex_rows(n);
        if self.graph_gen != Some(cache.generation) {
            self.graph_gen = Some(cache.generation);
            (self.style_key, self.edges_key, self.flags_key, self.pos_key) =
                (None, None, None, None);
            self.hover_edge = None;
            let nodes = cache.nodes.clone();
            self.pending(|p| p.nodes = Some(nodes));
            self.staged.nodes += 1;
        }
        // Overlays are replaced, not edited, by the app: new vectors, new addresses.
        let style_key = [
            cache.generation,
            overlay.scale.as_ptr() as u64,
            overlay.scale.len() as u64,
            overlay.fill.as_ptr() as u64,
            overlay.fill.len() as u64,
        ]
        .into_iter()
        .fold(1, mix);
        if self.style_key != Some(style_key) {
            self.style_key = Some(style_key);
            self.restyle(cache, degree, overlay, rows);
        }
        let edges_key = mix(
            cache.generation,
            set_hash(overlay.highlight_edges.iter().map(|e| e.index() as u64)),
        );
        if self.edges_key != Some(edges_key) {
            self.edges_key = Some(edges_key);
            let hl = &overlay.highlight_edges;
            let edges: Vec<[u32; 3]> = (cache.edges.iter())
                .map(|&[a, b, id]| {
                    let top = !hl.is_empty() && hl.contains(&EdgeIx::new(id as usize));
                    [a, b, id | if top { 1 << 31 } else { 0 }]
                })
                .collect();
            self.pending(|p| p.edges = Some(edges));
            self.staged.edges += 1;
        }
        let pos_key = match generation {
            Some(g) => mix(g, 0x5EED),
            None => positions_fingerprint(xy),
        };
        if self.pos_key != Some(pos_key) {
            self.pos_key = Some(pos_key);
            let mut staged = vec![[f32::NAN; 2]; rows * TEX_WIDTH];
            let k = xy.len().min(staged.len());
            staged[..k].copy_from_slice(&xy[..k]);
            self.pending(|p| p.positions = Some(staged));
            self.staged.positions += 1;
        }
        let grid_key = mix(cache.generation, pos_key);
        if self.grid_key != Some(grid_key) {
            self.grid_key = Some(grid_key);
            self.grid = PointGrid::build(
                cache
                    .nodes
                    .iter()
                    .filter_map(|&i| Some((i, *xy.get(i as usize)?))),
            );
        }
    }

    /// Radii, shapes, colours and the size orders, after a graph or overlay change.
    fn restyle(&mut self, cache: &GraphCache, degree: &[u32], overlay: &Overlay, rows: usize) {
        let n = cache.style.len();
        self.world_radius.clear();
        self.world_radius.extend((0..n).map(|i| {
            let base = cache
                .radius
                .get(i)
                .copied()
                .unwrap_or_else(|| super::node_radius(0));
            base * if overlay.scale.is_empty() {
                1.0
            } else {
                overlay.scale.get(i).copied().unwrap_or(1.0)
            }
        }));
        self.max_world_radius = cache
            .nodes
            .iter()
            .map(|&i| self.world_radius[i as usize])
            .fold(0.0, f32::max);
        let mut style = vec![[0.0f32; 2]; rows * TEX_WIDTH];
        let mut colors = vec![[0u8; 4]; rows * TEX_WIDTH];
        for (i, &(kind, shape)) in cache.style.iter().enumerate() {
            let fill = if overlay.fill.is_empty() {
                kind
            } else {
                overlay.fill_of(NodeIx::new(i)).unwrap_or(kind)
            };
            style[i] = [
                self.world_radius[i],
                super::batch::shape_number(shape) as f32,
            ];
            colors[i] = fill.to_array();
        }
        self.pending(|p| {
            p.style = Some(style);
            p.colors = Some(colors);
        });
        self.staged.style += 1;
        let wr = &self.world_radius;
        self.by_radius = cache.nodes.clone();
        self.by_radius
            .sort_unstable_by(|&a, &b| wr[b as usize].total_cmp(&wr[a as usize]).then(a.cmp(&b)));
        // The label order: degree down, then index (`scene::labels::candidates`).
        self.by_degree = cache.nodes.clone();
        let d = |i: u32| degree.get(i as usize).copied().unwrap_or(0);
        self.by_degree
            .sort_unstable_by_key(|&i| (u32::MAX - d(i), i));
    }

    /// World radius of node `i` (times the overlay's scale).
    pub fn world_radius(&self, i: usize) -> f32 {
        self.world_radius.get(i).copied().unwrap_or(0.0)
    }

    fn screen(&self, xy: &[[f32; 2]], cam: &Camera, rect: Rect, i: usize) -> ScreenNode {
        let w = xy.get(i).copied().unwrap_or([f32::NAN; 2]);
        let c = rect.center();
        let p = c + egui::Vec2::new(
            (w[0] - cam.center[0]) * cam.zoom,
            (w[1] - cam.center[1]) * cam.zoom,
        );
        let wr = self.world_radius.get(i).copied().unwrap_or(0.0);
        ScreenNode {
            p,
            r: screen_radius(wr, 1.0, cam.zoom, 1.0),
        }
    }

    /// The node under screen point `p`: the closest within its radius plus `slack` (as the
    /// CPU path's spatial cache answers it).
    pub fn node_at(
        &self,
        xy: &[[f32; 2]],
        cam: &Camera,
        rect: Rect,
        p: Pos2,
        slack: f32,
    ) -> Option<NodeIx> {
        let max_r = screen_radius(self.max_world_radius, 1.0, cam.zoom, 1.0);
        let reach = (max_r + slack) / cam.zoom.max(f32::MIN_POSITIVE);
        self.grid
            .best_near(cam.to_world(rect, p), reach, |id| {
                let n = self.screen(xy, cam, rect, id as usize);
                let d = n.p.distance(p);
                (d <= n.r + slack).then_some(d - n.r)
            })
            .map(|id| NodeIx::new(id as usize))
    }

    /// Project the nodes the CPU handles this frame into `proj` (see the module comment), and
    /// hand the GPU new emphasis flags when the emphasis changed. Returns the special edges
    /// (drawn on top by the CPU), in edge order.
    pub fn project(&mut self, proj: &mut Projected, w: &Want) -> Vec<EdgeIx> {
        let n = w.cache.style.len();
        if proj.nodes.len() != n || proj.fingerprint != self.proj_mark {
            proj.nodes.clear();
            proj.nodes.resize(n, ScreenNode::default());
            proj.side.clear();
            proj.side.resize(n, 0);
            self.touched.clear();
        }
        for &i in &self.touched {
            proj.nodes[i as usize] = ScreenNode::default();
            proj.side[i as usize] = 0;
        }
        self.touched.clear();
        proj.on_screen.clear();
        proj.max_radius = 0.0;
        self.proj_mark = mix(self.grid_key.unwrap_or(0), 0xA71A5);
        proj.fingerprint = self.proj_mark;

        let lo = w.cam.to_world(w.rect, w.cull.min);
        let hi = w.cam.to_world(w.rect, w.cull.max);
        self.in_view = self.grid.count_in(lo, hi);
        let add = |s: &mut Self, proj: &mut Projected, i: usize| {
            if i >= n || proj.nodes[i].r > 0.0 || !w.visible.node(NodeIx::new(i)) {
                return;
            }
            let sn = s.screen(w.xy, w.cam, w.rect, i);
            proj.nodes[i] = sn;
            proj.side[i] = side_of(sn.p, w.cull);
            s.touched.push(i as u32);
            if w.cull.contains(sn.p) {
                proj.on_screen.push((i, sn.p, sn.r));
                proj.max_radius = proj.max_radius.max(sn.r);
            }
        };
        let enumerate = self.in_view <= VIEW_LIMIT;
        if enumerate {
            // A point's slack: the screen test below decides, as in the CPU path.
            let e = 1.0 / w.cam.zoom.max(f32::MIN_POSITIVE);
            let (lo, hi) = ([lo[0] - e, lo[1] - e], [hi[0] + e, hi[1] + e]);
            let mut ids = Vec::with_capacity(self.in_view);
            self.grid.query(lo, hi, |id, _| ids.push(id));
            for id in ids {
                add(self, proj, id as usize);
            }
        } else {
            // Zoomed out over a crowd: nodes big enough for a shape or a label…
            let zoom = w.cam.zoom;
            let mut k = 0;
            while let Some(&i) = self.by_radius.get(k) {
                if self.world_radius[i as usize] * zoom < SMALL {
                    break;
                }
                add(self, proj, i as usize);
                k += 1;
            }
            // …and the hubs that compete for the small nodes' labels (none while hovering).
            if w.focus.is_none() {
                let explicit = |ix: NodeIx| {
                    w.selected.contains(&ix)
                        || w.overlay.highlight_nodes.contains(&ix)
                        || w.overlay.focus_nodes.contains(&ix)
                        || w.hits.contains(&ix)
                };
                let (mut found, mut k) = (0, 0);
                while let Some(&i) = self.by_degree.get(k) {
                    k += 1;
                    let sn = self.screen(w.xy, w.cam, w.rect, i as usize);
                    if w.rect.contains(sn.p) && sn.r < SMALL && !explicit(NodeIx::new(i as usize)) {
                        add(self, proj, i as usize);
                        found += 1;
                        if found >= HUBS {
                            break;
                        }
                    }
                }
            }
        }
        // Whatever is emphasised, and the ends of the edges drawn on top.
        let o = w.overlay;
        let explicit = (w
            .selected
            .iter()
            .chain(&o.highlight_nodes)
            .chain(&o.focus_nodes))
        .chain(w.hits)
        .chain(w.focus.into_iter().flatten())
        .chain(w.emphasised.iter())
        .chain(w.also.iter().flatten());
        let explicit: Vec<NodeIx> = explicit.copied().collect();
        for ix in &explicit {
            add(self, proj, ix.index());
        }
        let mut special: Vec<EdgeIx> = Vec::new();
        let g = &w.kg.graph;
        for &v in w.emphasised.iter().chain(w.selected) {
            if g.node_weight(v).is_none() {
                continue;
            }
            for dir in [Direction::Outgoing, Direction::Incoming] {
                special.extend(g.edges_directed(v, dir).map(|e| e.id()));
            }
        }
        special.extend(w.selected_edge);
        special.extend(o.highlight_edges.iter().copied());
        special.retain(|e| w.visible.edge(*e));
        special.sort_unstable();
        special.dedup();
        for e in &special {
            if let Some((a, b)) = g.edge_endpoints(*e) {
                add(self, proj, a.index());
                add(self, proj, b.index());
            }
        }
        proj.on_screen.sort_unstable_by_key(|t| t.0);
        if enumerate {
            self.in_view = proj.on_screen.len();
        }
        self.flags(w, n);
        special
    }

    /// Emphasis flags per node: 1 emphasised, 2 in the hover focus, 4 hovered or selected.
    fn flags(&mut self, w: &Want, n: usize) {
        let o = w.overlay;
        let key = [
            self.graph_gen.unwrap_or(0),
            w.emphasised.map_or(u64::MAX, |x| x.index() as u64),
            ids(w.selected.iter()),
            ids(o.highlight_nodes.iter()),
            ids(o.focus_nodes.iter()),
            w.focus.map_or(u64::MAX, |f| ids(f.iter())),
        ]
        .into_iter()
        .fold(7, mix);
        if self.flags_key == Some(key) {
            return;
        }
        self.flags_key = Some(key);
        let mut flags = vec![0u8; tex_rows(n) * TEX_WIDTH];
        let mut set = |ix: &NodeIx, bit: u8| {
            if let Some(f) = flags.get_mut(ix.index()) {
                *f |= bit;
            }
        };
        for ix in w
            .selected
            .iter()
            .chain(&o.highlight_nodes)
            .chain(&o.focus_nodes)
        {
            set(ix, 1);
        }
        for ix in w.focus.into_iter().flatten() {
            set(ix, 2);
        }
        for ix in w.selected.iter().chain(w.emphasised.iter()) {
            set(ix, 4);
        }
        self.pending(|p| p.flags = Some(flags));
        self.staged.flags += 1;
    }
}
