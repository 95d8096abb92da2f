//! The layout session: the one owner of node positions and of everything that moves them — the
//! force layout (within the frame, or on a worker thread for big graphs), fixed arrangements and
//! their animated transitions, pins, and the incremental re-layout after an edit.
//!
//! Every method that replaces positions, the layout graph or the layout state stops the worker
//! first, and every single-node change made while it runs is sent to it. Callers cannot forget
//! either: the worker is private to this type, and dropping the session stops the thread.

pub use super::kind::LayoutKind;
use super::worker::{LayoutWorker, Message, Override, WORKER_MIN_NODES};
use super::{ForceLayout, ForceParams, LayoutGraph, Positions};
use std::time::{Duration, Instant};

/// After a local change, nodes within this many hops of it may move; the rest stay put.
pub const INCREMENTAL_HOPS: u32 = 2;

/// How long an animated move between two layouts takes, in seconds.
const TRANSITION_SECONDS: f64 = 0.7;

/// An animated move from one set of positions to another.
struct Transition {
    from: Positions,
    to: Positions,
    /// Time (s) of the first frame that showed it.
    start: Option<f64>,
}

/// What a frame's layout work did.
#[derive(Debug, Default, PartialEq)]
pub struct Tick {
    /// Positions changed: the canvas redraws (and may refit).
    pub moved: bool,
    /// Something the user should read in the status bar (the layout thread failed, …).
    pub notice: Option<String>,
}

pub struct LayoutSession {
    positions: Positions,
    force: ForceLayout,
    graph: LayoutGraph,
    /// Nodes that have a meaningful position (laid out, kept from an earlier graph, or read
    /// from a sidecar). A node shown for the first time starts next to its neighbours.
    placed: Vec<bool>,
    /// Nodes an edit touched that `changed_between` cannot see (neighbours of deleted nodes).
    touched: Vec<usize>,
    worker: Option<LayoutWorker>,
    /// Active nodes from which the force layout runs on a thread.
    worker_min_nodes: usize,
    /// The layout thread could not be started or died: lay out within the frame instead.
    worker_failed: bool,
    active_count: usize,
    running: bool,
    kind: LayoutKind,
    transition: Option<Transition>,
    /// Drawn radius per node, for the overlap-removal pass once the force layout settles.
    radii: Vec<f32>,
    /// Counts changes of `positions`, so that a renderer keeping them on the GPU uploads them
    /// once per change instead of comparing them every frame.
    generation: u64,
    /// The positions are random: a big graph gets a multilevel start before the force layout
    /// (on the layout thread, showing its coarse pictures), until one has been received.
    coarse_pending: bool,
}

/// Graphs with more active nodes than this get a multilevel start instead of starting the
/// force layout from random positions.
pub const MULTILEVEL_NODES: usize = 3000;

impl Default for LayoutSession {
    fn default() -> Self {
        LayoutSession::new(ForceParams::default())
    }
}

impl Drop for LayoutSession {
    /// A session nobody holds must not keep a core busy.
    fn drop(&mut self) {
        self.stop_worker();
    }
}

impl LayoutSession {
    pub fn new(params: ForceParams) -> Self {
        LayoutSession {
            positions: Positions::default(),
            force: ForceLayout::new(params),
            graph: LayoutGraph::default(),
            placed: Vec::new(),
            touched: Vec::new(),
            worker: None,
            worker_min_nodes: WORKER_MIN_NODES,
            worker_failed: false,
            active_count: 0,
            running: false,
            kind: LayoutKind::Force,
            transition: None,
            radii: Vec::new(),
            generation: 0,
            coarse_pending: false,
        }
    }

    /// Changes whenever a position may have changed (never goes back to an earlier value).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn moved(&mut self) {
        self.generation = self.generation.wrapping_add(1);
    }

    /// Run the force layout on a thread from `n` active nodes (tests use small graphs).
    pub fn with_worker_threshold(mut self, n: usize) -> Self {
        self.worker_min_nodes = n;
        self
    }

    pub fn positions(&self) -> &Positions {
        &self.positions
    }

    pub fn graph(&self) -> &LayoutGraph {
        &self.graph
    }

    pub fn force(&self) -> &ForceLayout {
        &self.force
    }

    pub fn seed(&self) -> u64 {
        self.force.params.seed
    }

    pub fn kind(&self) -> LayoutKind {
        self.kind
    }

    /// Whether the force layout is running (on a thread or within frames).
    pub fn running(&self) -> bool {
        self.running
    }

    /// Whether the force layout is running on a background thread.
    pub fn on_worker(&self) -> bool {
        self.worker.is_some()
    }

    pub fn in_transition(&self) -> bool {
        self.transition.is_some()
    }

    /// How many nodes moved with the last incremental change (all active ones when the whole
    /// graph is laid out).
    pub fn mobile_count(&self) -> usize {
        self.force.mobile_count(&self.graph)
    }

    /// Whether `node` has a meaningful position (see `placed`).
    pub fn is_placed(&self, node: usize) -> bool {
        self.placed.get(node).copied().unwrap_or(false)
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.positions.pinned.get(node).copied().unwrap_or(false)
    }

    fn stop_worker(&mut self) {
        // Dropping the handle tells the thread to stop; its late result is dropped with it.
        self.worker = None;
    }

    /// A new document: `start` holds every node's position, `placed_all` says whether they are
    /// meaningful (a sidecar or a multilevel start) or random. No old layout graph to compare
    /// with: the next `set_graph` lays everything out. The force layout runs until `pause`.
    pub fn start_document(&mut self, start: Positions, placed_all: bool, radii: Vec<f32>) {
        self.moved();
        self.stop_worker();
        let n = start.len();
        self.positions = start;
        self.force = ForceLayout::new(self.force.params.clone());
        self.graph = LayoutGraph::default();
        self.placed = vec![placed_all; n];
        self.touched.clear();
        self.transition = None;
        self.kind = LayoutKind::Force;
        self.radii = radii;
        self.running = true;
        self.worker_failed = false;
        self.coarse_pending = !placed_all;
    }

    /// Data changed under the same layout: positions and the old layout graph remapped to the
    /// new node indices, which nodes were placed, and nodes whose neighbourhood changed in a
    /// way the next `set_graph` cannot see. Call `set_graph` next.
    pub fn remap(
        &mut self,
        positions: Positions,
        old_graph: LayoutGraph,
        placed: Vec<bool>,
        touched: Vec<usize>,
        radii: Vec<f32>,
    ) {
        self.moved();
        self.stop_worker();
        self.positions = positions;
        self.graph = old_graph;
        self.placed = placed;
        self.touched.extend(touched);
        self.radii = radii;
        self.transition = None;
    }

    /// Drawn node radii changed (degrees changed) without a remap.
    pub fn set_radii(&mut self, radii: Vec<f32>) {
        self.radii = radii;
    }

    /// What is shown changed (filter, focus, an edit): lay out again only what changed and its
    /// neighbourhood. Without a comparable old graph (a new document) everything moves.
    pub fn set_graph(&mut self, graph: LayoutGraph) {
        self.moved();
        self.stop_worker();
        let old = std::mem::replace(&mut self.graph, graph);
        self.active_count = self.graph.active.iter().filter(|a| **a).count();
        let n = self.graph.len();
        if self.positions.len() < n {
            let extra = Positions::random(n, self.seed());
            self.positions
                .xy
                .extend_from_slice(&extra.xy[self.positions.len()..]);
            self.positions.pinned.resize(n, false);
        }
        self.placed.resize(n, false);
        let touched = std::mem::take(&mut self.touched);
        if old.len() != n || n == 0 {
            self.force.set_mobile(None);
            self.mark_placed();
            return;
        }
        let mut changed = super::changed_between(&old, &self.graph);
        changed.extend(touched.into_iter().filter(|&i| i < n));
        if changed.is_empty() {
            return;
        }
        let g = &self.graph;
        let fresh: Vec<bool> = (0..n).map(|i| g.active[i] && !self.placed[i]).collect();
        if fresh.iter().any(|&f| f) {
            super::place_near_neighbours(&mut self.positions, g, &fresh, self.force.params.seed);
        }
        let mobile = super::affected(g, &changed, INCREMENTAL_HOPS);
        self.force.set_mobile(Some(mobile));
        self.mark_placed();
        self.running = true;
    }

    fn mark_placed(&mut self) {
        for (p, &a) in self.placed.iter_mut().zip(&self.graph.active) {
            *p |= a;
        }
    }

    /// A node the data gained (or a freed slot it reused): it starts at `xy`, where it stays
    /// when `placed` (a spawn point), else next to its neighbours once it is shown.
    pub fn added(&mut self, node: usize, xy: [f32; 2], placed: bool) {
        self.moved();
        self.stop_worker();
        if self.positions.len() <= node {
            self.positions.xy.resize(node + 1, xy);
            self.positions.pinned.resize(node + 1, false);
        }
        if self.placed.len() <= node {
            self.placed.resize(node + 1, false);
        }
        self.positions.xy[node] = xy;
        self.positions.pinned[node] = false;
        self.placed[node] = placed;
        self.touched.push(node);
    }

    /// A node the data lost: its slot may be reused by a later node, which starts afresh.
    pub fn removed(&mut self, node: usize) {
        self.moved();
        if let Some(p) = self.placed.get_mut(node) {
            *p = false;
        }
        if let Some(p) = self.positions.pinned.get_mut(node) {
            *p = false;
        }
    }

    /// The user dragged `node` to `xy`: it stays there (pinned) and its neighbours follow.
    pub fn drag(&mut self, node: usize, xy: [f32; 2]) {
        self.moved();
        if self.set_one(node, xy, true) {
            self.running = true;
            self.reset_speed();
        }
    }

    /// Pin or unpin a node; an unpinned node rejoins the layout.
    pub fn set_pinned(&mut self, node: usize, pinned: bool) {
        let Some(&xy) = self.positions.xy.get(node) else {
            return;
        };
        self.set_one(node, xy, pinned);
        if !pinned {
            self.running = true;
            self.reset_speed();
        }
    }

    /// Put one node at `xy` (an undone or redone move): the layout carries on around it.
    pub fn place(&mut self, node: usize, xy: [f32; 2], pinned: bool) {
        self.moved();
        self.set_one(node, xy, pinned);
    }

    /// Put many nodes where a sidecar says (by index). Returns how many moved.
    pub fn place_many(
        &mut self,
        moves: impl IntoIterator<Item = (usize, [f32; 2], bool)>,
    ) -> usize {
        self.moved();
        self.stop_worker();
        let mut moved = 0;
        for (i, xy, pinned) in moves {
            if let (Some(p), Some(pin)) = (
                self.positions.xy.get_mut(i),
                self.positions.pinned.get_mut(i),
            ) && (*p != xy || *pin != pinned)
            {
                *p = xy;
                *pin = pinned;
                moved += 1;
            }
        }
        moved
    }

    fn set_one(&mut self, node: usize, xy: [f32; 2], pinned: bool) -> bool {
        let (Some(p), Some(pin)) = (
            self.positions.xy.get_mut(node),
            self.positions.pinned.get_mut(node),
        ) else {
            return false;
        };
        *p = xy;
        *pin = pinned;
        if let Some(w) = &mut self.worker {
            w.send(Message::Override(Override { node, xy, pinned }));
        }
        true
    }

    fn reset_speed(&mut self) {
        self.force.reset_speed();
        if let Some(w) = &mut self.worker {
            w.send(Message::ResetSpeed);
        }
    }

    pub fn unpin_all(&mut self) {
        self.stop_worker();
        self.positions.pinned.iter_mut().for_each(|p| *p = false);
        self.force.set_mobile(None);
        self.running = true;
    }

    /// Start the force layout again from random positions (pinned nodes stay), with the next
    /// seed when `new_seed`.
    pub fn restart(&mut self, new_seed: bool) {
        self.moved();
        self.stop_worker();
        if new_seed {
            self.force.params.seed = self.force.params.seed.wrapping_add(1);
        }
        let fresh = Positions::random(self.positions.len(), self.seed());
        for (i, xy) in fresh.xy.into_iter().enumerate() {
            if !self.positions.pinned[i] {
                self.positions.xy[i] = xy;
            }
        }
        self.force = ForceLayout::new(self.force.params.clone());
        self.kind = LayoutKind::Force;
        self.transition = None;
        self.running = true;
        self.coarse_pending = true;
    }

    /// Switch back to the force layout from a fixed arrangement: everything may move.
    pub fn use_force(&mut self) {
        self.stop_worker();
        self.kind = LayoutKind::Force;
        self.transition = None;
        self.force.set_mobile(None);
        self.running = true;
    }

    /// Pause or resume the force layout.
    pub fn toggle_running(&mut self) {
        if self.running {
            self.pause();
        } else {
            self.running = true;
            self.reset_speed();
        }
    }

    pub fn pause(&mut self) {
        self.stop_worker();
        self.running = false;
    }

    /// Move to a fixed arrangement (`target`, one position per node) by an animated
    /// transition. Hidden nodes (not `shown`) keep their place; pins are kept.
    pub fn arrange(&mut self, kind: LayoutKind, mut target: Positions, shown: &[bool]) {
        self.moved();
        self.stop_worker();
        self.running = false;
        self.kind = kind;
        let n = self.positions.len();
        if target.len() < n {
            target
                .xy
                .extend_from_slice(&self.positions.xy[target.len()..]);
            target.pinned.resize(n, false);
        }
        for i in 0..n {
            if !shown.get(i).copied().unwrap_or(false) {
                target.xy[i] = self.positions.xy[i];
            }
            target.pinned[i] = self.positions.pinned[i];
        }
        target.xy.truncate(n);
        target.pinned.truncate(n);
        self.transition = Some(Transition {
            from: self.positions.clone(),
            to: target,
            start: None,
        });
    }

    /// Lay out within the caller's thread for up to `budget` (the first frame of a new graph).
    pub fn warm_up(&mut self, budget: Duration, max_steps: usize) {
        self.moved();
        if self.running && self.active_count < self.worker_min_nodes {
            self.steps_in_frame(budget, max_steps);
        }
    }

    /// A frame's layout work at time `now` (seconds): the force layout for up to `budget` or
    /// its newest result from the thread, then the transition in progress.
    pub fn tick(&mut self, now: f64, budget: Duration, max_steps: usize) -> Tick {
        let mut tick = Tick::default();
        if self.running {
            tick.notice = self.run_force(budget, max_steps);
            tick.moved = true;
            if self.force.settled() {
                self.pause();
                self.remove_overlaps();
            }
        }
        if let Some(t) = &mut self.transition {
            let start = *t.start.get_or_insert(now);
            let x = ((now - start) / TRANSITION_SECONDS).clamp(0.0, 1.0) as f32;
            if x < 1.0 {
                let eased = x * x * (3.0 - 2.0 * x);
                self.positions = super::blend(&t.from, &t.to, eased);
            } else if let Some(done) = self.transition.take() {
                // Exactly the target, not a blend's rounding of it.
                self.positions = done.to;
            }
            self.moved();
            tick.moved = true;
        }
        tick
    }

    fn run_force(&mut self, budget: Duration, max_steps: usize) -> Option<String> {
        let mut notice = None;
        if self.active_count >= self.worker_min_nodes && !self.worker_failed {
            if self.worker.is_none() {
                let coarse = self.coarse_pending && self.active_count > MULTILEVEL_NODES;
                match LayoutWorker::start_with(
                    self.force.clone(),
                    self.graph.clone(),
                    self.positions.clone(),
                    coarse,
                ) {
                    Ok(w) => self.worker = Some(w),
                    Err(e) => {
                        // Slower frames beat a frozen layout.
                        notice = Some(format!("layout runs in the window (no thread: {e})"));
                        self.worker_failed = true;
                    }
                }
            }
            if let Some(w) = &mut self.worker {
                if w.receive(&mut self.positions, &mut self.force) {
                    self.generation = self.generation.wrapping_add(1);
                }
                if w.start_received() {
                    self.coarse_pending = false;
                }
                let why = w.panicked()?;
                self.worker = None;
                self.worker_failed = true;
                notice = Some(format!(
                    "the layout thread failed ({why}); layout runs in the window"
                ));
            }
        }
        self.steps_in_frame(budget, max_steps);
        notice
    }

    /// Whether the positions are still waiting for a multilevel start (random, big graph).
    pub fn starting(&self) -> bool {
        self.coarse_pending && self.active_count > MULTILEVEL_NODES
    }

    fn steps_in_frame(&mut self, budget: Duration, max_steps: usize) {
        if max_steps > 0 {
            self.moved();
        }
        if self.coarse_pending {
            // No layout thread for this graph (small, or none could be started): the start
            // runs here, once; below the worker threshold it takes a few tens of milliseconds.
            if self.active_count > MULTILEVEL_NODES {
                self.positions =
                    super::multilevel_start(&self.graph, &self.force.params, &self.positions);
            }
            self.coarse_pending = false;
        }
        let start = Instant::now();
        for _ in 0..max_steps {
            self.force.step(&mut self.positions, &self.graph);
            if self.force.settled() || start.elapsed() >= budget {
                break;
            }
        }
    }

    /// ForceAtlas2's finishing pass: once the layout has settled, push apart nodes whose discs
    /// (as drawn, plus a small margin) overlap. Pinned nodes and, after an incremental change,
    /// nodes outside its neighbourhood stay.
    pub fn remove_overlaps(&mut self) {
        self.moved();
        self.stop_worker();
        let mut radius = self.radii.clone();
        radius.resize(self.positions.len(), 0.0);
        let pinned = self.positions.pinned.clone();
        if let Some(mobile) = self.force.mobile() {
            for (p, &m) in self.positions.pinned.iter_mut().zip(mobile) {
                *p |= !m;
            }
        }
        super::remove_overlaps(&mut self.positions, &self.graph, &radius, 4.0, 30);
        self.positions.pinned = pinned;
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
