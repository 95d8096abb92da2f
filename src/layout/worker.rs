//! ForceAtlas2 on a background thread for big graphs, where one iteration takes longer than a
//! frame's layout budget: the UI keeps drawing at full rate and picks up the newest positions.
//!
//! The UI's `Positions` stay the truth. A worker starts from a copy of them and of the layout
//! state, publishes a snapshot after every step, and stops as soon as the UI says so (it never
//! blocks the UI: a stopped worker finishes its step and its result is dropped). Single-node
//! changes made while it runs (drags, pins) reach it as overrides; the UI re-applies the ones a
//! snapshot has not seen yet, so a dragged node never jumps back.

use super::{ForceLayout, LayoutGraph, Positions};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// Active nodes from which the layout runs on a worker instead of within the frame budget.
pub const WORKER_MIN_NODES: usize = 8_000;

/// One node's position and pin, set by the user while the worker runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Override {
    pub node: usize,
    pub xy: [f32; 2],
    pub pinned: bool,
}

/// A change the UI made while the worker runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Message {
    /// The user moved or (un)pinned a node.
    Override(Override),
    /// Let the layout move fast again (neighbours follow a dragged or unpinned node).
    ResetSpeed,
}

/// What a worker publishes after each step.
pub struct Snapshot {
    pub xy: Vec<[f32; 2]>,
    pub layout: ForceLayout,
    /// Overrides up to this sequence number are included.
    pub seen: u64,
    /// The positions have come through the whole multilevel start (or the worker had none to
    /// run); false for the coarse pictures shown while it runs.
    pub start_done: bool,
}

#[derive(Default)]
struct Shared {
    stop: AtomicBool,
    /// True while the thread runs.
    alive: Arc<AtomicBool>,
    /// Set when the layout thread panicked: the UI reports it and lays out in the frame.
    panicked: Mutex<Option<String>>,
    latest: Mutex<Option<Snapshot>>,
    /// Overrides not yet taken by the worker, with their sequence numbers.
    inbox: Mutex<Vec<(u64, Message)>>,
}

/// A running background layout.
pub struct LayoutWorker {
    shared: Arc<Shared>,
    /// Messages sent, newest last, until a snapshot has seen them.
    unseen: Vec<(u64, Message)>,
    next_seq: u64,
    /// A snapshot from after the multilevel start has been received.
    start_received: bool,
}

impl LayoutWorker {
    /// Start laying out `graph` from `positions` with the state in `layout`.
    pub fn start(
        layout: ForceLayout,
        graph: LayoutGraph,
        positions: Positions,
    ) -> std::io::Result<Self> {
        Self::start_with(layout, graph, positions, false)
    }

    /// As `start`; with `coarse`, the thread first runs the multilevel start (publishing its
    /// coarse pictures as it goes), then the force layout from its result. A big graph opens
    /// at once with random positions, and its picture forms while the user already looks.
    pub fn start_with(
        layout: ForceLayout,
        graph: LayoutGraph,
        positions: Positions,
        coarse: bool,
    ) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        shared.alive.store(true, Ordering::Relaxed);
        let theirs = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("layout".into())
            .spawn(move || {
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    run(&theirs, layout, &graph, positions, coarse)
                }));
                if let Err(payload) = outcome {
                    *lock(&theirs.panicked) = Some(panic_message(payload.as_ref()));
                }
                theirs.alive.store(false, Ordering::Relaxed);
            })?;
        Ok(LayoutWorker {
            shared,
            unseen: Vec::new(),
            next_seq: 1,
            start_received: !coarse,
        })
    }

    /// Whether positions from after the multilevel start have been received (always true for
    /// a worker started without one).
    pub fn start_received(&self) -> bool {
        self.start_received
    }

    /// Tell the worker to stop after its current step; its later results are dropped.
    pub fn stop(self) {
        // Dropping does it.
    }

    /// A flag that turns false when the thread has ended (for tests and diagnostics).
    pub fn alive_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.shared.alive)
    }

    /// The panic message, when the layout thread died.
    pub fn panicked(&self) -> Option<String> {
        lock(&self.shared.panicked).clone()
    }

    /// Pass a user's change to the worker.
    pub fn send(&mut self, m: Message) {
        let seq = self.next_seq;
        self.next_seq += 1;
        self.unseen.push((seq, m));
        lock(&self.shared.inbox).push((seq, m));
    }

    /// Copy the newest snapshot, if any, into `positions` and `layout`. Returns whether there
    /// was one. Overrides the snapshot has not seen yet are applied again on top.
    pub fn receive(&mut self, positions: &mut Positions, layout: &mut ForceLayout) -> bool {
        let Some(snap) = lock(&self.shared.latest).take() else {
            return false;
        };
        let n = positions.len().min(snap.xy.len());
        positions.xy[..n].copy_from_slice(&snap.xy[..n]);
        *layout = snap.layout;
        self.start_received |= snap.start_done;
        self.unseen.retain(|(seq, _)| *seq > snap.seen);
        for (_, m) in &self.unseen {
            apply(positions, layout, m);
        }
        true
    }
}

impl Drop for LayoutWorker {
    /// A worker nobody holds must not keep a core busy.
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic in the worker must not take the UI down; the data is plain positions.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn apply(positions: &mut Positions, layout: &mut ForceLayout, m: &Message) {
    match m {
        Message::Override(o) => {
            if let (Some(xy), Some(pin)) = (
                positions.xy.get_mut(o.node),
                positions.pinned.get_mut(o.node),
            ) {
                *xy = o.xy;
                *pin = o.pinned;
            }
        }
        Message::ResetSpeed => layout.reset_speed(),
    }
}

/// The text of a panic payload (`panic!` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a worker thread panicked".into())
}

fn run(
    shared: &Shared,
    mut layout: ForceLayout,
    graph: &LayoutGraph,
    mut positions: Positions,
    coarse: bool,
) {
    if coarse {
        let mut progress = |shown: Option<&Positions>| {
            if let Some(p) = shown {
                *lock(&shared.latest) = Some(Snapshot {
                    xy: p.xy.clone(),
                    layout: layout.clone(),
                    seen: 0,
                    start_done: false,
                });
            }
            !shared.stop.load(Ordering::Relaxed)
        };
        let params = layout.params.clone();
        match super::multilevel_start_with(graph, &params, &positions, Some(&mut progress)) {
            Some(p) => positions = p,
            None => return,
        }
    }
    let mut seen = 0;
    while !shared.stop.load(Ordering::Relaxed) {
        for (seq, m) in lock(&shared.inbox).drain(..) {
            apply(&mut positions, &mut layout, &m);
            seen = seen.max(seq);
        }
        layout.step(&mut positions, graph);
        let settled = layout.settled();
        *lock(&shared.latest) = Some(Snapshot {
            xy: positions.xy.clone(),
            layout: layout.clone(),
            seen,
            start_done: true,
        });
        if settled {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::ForceParams;

    fn wait_for_snapshot(
        w: &mut LayoutWorker,
        pos: &mut Positions,
        layout: &mut ForceLayout,
    ) -> bool {
        for _ in 0..2000 {
            if w.receive(pos, layout) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        false
    }

    #[test]
    fn worker_moves_nodes_and_keeps_overrides() {
        let edges: Vec<(u32, u32)> = (0..199).map(|i| (i, i + 1)).collect();
        let g = LayoutGraph::full(200, edges);
        let start = Positions::random(200, 7);
        let mut pos = start.clone();
        let mut layout = ForceLayout::new(ForceParams::default());
        let mut w = LayoutWorker::start(layout.clone(), g, pos.clone()).unwrap();
        let dragged = Override {
            node: 5,
            xy: [1234.0, -987.0],
            pinned: true,
        };
        w.send(Message::Override(dragged));
        apply(&mut pos, &mut layout, &Message::Override(dragged));
        assert!(wait_for_snapshot(&mut w, &mut pos, &mut layout));
        // The dragged node stays where the user put it, in every snapshot.
        for _ in 0..5 {
            assert_eq!(pos.xy[5], [1234.0, -987.0]);
            assert!(pos.pinned[5]);
            if !wait_for_snapshot(&mut w, &mut pos, &mut layout) {
                break; // settled and finished
            }
        }
        assert!(layout.iterations > 0);
        assert!((0..200).any(|i| i != 5 && pos.xy[i] != start.xy[i]));
        w.stop();
    }

    #[test]
    fn same_steps_same_positions_as_in_the_frame() {
        let edges: Vec<(u32, u32)> = (0..99).map(|i| (i, (i * 7 + 3) % 100)).collect();
        let g = LayoutGraph::full(100, edges);
        let start = Positions::random(100, 3);
        // The worker stops once settled; compare with as many steps in the caller's thread.
        let mut layout = ForceLayout::new(ForceParams::default());
        let mut pos = start.clone();
        let mut w = LayoutWorker::start(layout.clone(), g.clone(), start.clone()).unwrap();
        assert!(wait_for_snapshot(&mut w, &mut pos, &mut layout));
        w.stop();
        let steps = layout.iterations;
        let mut direct = ForceLayout::new(ForceParams::default());
        let mut expected = start;
        for _ in 0..steps {
            direct.step(&mut expected, &g);
        }
        assert_eq!(pos.xy, expected.xy);
    }
}
