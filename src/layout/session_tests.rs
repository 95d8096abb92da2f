//! Tests of the layout session: every change of state stops or informs the thread.

use super::*;

fn ring(n: u32) -> LayoutGraph {
    LayoutGraph::full(n as usize, (0..n).map(|i| (i, (i + 1) % n)))
}

fn session_on(n: u32, threshold: usize) -> LayoutSession {
    let mut s = LayoutSession::default().with_worker_threshold(threshold);
    s.start_document(
        Positions::random(n as usize, 1),
        false,
        vec![3.0; n as usize],
    );
    s.set_graph(ring(n));
    s
}

fn tick_until(s: &mut LayoutSession, cond: impl Fn(&LayoutSession) -> bool) -> bool {
    for i in 0..4000 {
        s.tick(i as f64 * 0.016, Duration::from_millis(2), 5);
        if cond(s) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

#[test]
fn a_big_graph_runs_on_a_thread_that_every_change_of_state_stops() {
    let mut s = session_on(300, 100);
    s.tick(0.0, Duration::from_millis(1), 1);
    assert!(s.on_worker());
    s.restart(false);
    assert!(
        !s.on_worker(),
        "restart replaces positions: the thread must stop"
    );
    s.tick(0.0, Duration::from_millis(1), 1);
    assert!(s.on_worker());
    s.set_graph(ring(300));
    assert!(!s.on_worker(), "a new layout graph stops the thread");
    s.tick(0.0, Duration::from_millis(1), 1);
    let shown = vec![true; 300];
    s.arrange(LayoutKind::Layered, Positions::random(300, 9), &shown);
    assert!(!s.on_worker() && !s.running());
    s.use_force();
    s.tick(0.0, Duration::from_millis(1), 1);
    assert!(s.on_worker());
    s.pause();
    assert!(!s.on_worker());
}

#[test]
fn a_dragged_node_stays_where_it_was_put_while_the_thread_runs() {
    let mut s = session_on(400, 100);
    s.tick(0.0, Duration::from_millis(1), 1);
    assert!(s.on_worker());
    s.drag(7, [5000.0, -5000.0]);
    assert!(tick_until(&mut s, |s| s.force().iterations > 20));
    assert_eq!(s.positions().xy[7], [5000.0, -5000.0]);
    assert!(s.is_pinned(7));
}

#[test]
fn a_drag_lets_the_layout_move_fast_again_even_from_an_older_snapshot() {
    let mut s = session_on(400, 100);
    assert!(tick_until(&mut s, |s| s.force().iterations > 5));
    let before = s.force().resets();
    // Let the thread publish a snapshot that cannot have seen the drag below.
    std::thread::sleep(Duration::from_millis(20));
    s.drag(3, [10.0, 10.0]);
    s.tick(1.0, Duration::from_millis(1), 1);
    // Either the snapshot saw the reset, or the reset is applied again on top of it.
    assert!(
        s.force().resets() > before,
        "the speed reset was lost to an older snapshot"
    );
}

#[test]
fn a_transition_ends_on_its_target_and_keeps_hidden_nodes_and_pins() {
    let mut s = session_on(10, usize::MAX);
    s.place(2, [1.0, 2.0], true);
    let before = s.positions().clone();
    let target = Positions::random(10, 77);
    let mut shown = vec![true; 10];
    shown[4] = false;
    s.arrange(LayoutKind::CircularKind, target.clone(), &shown);
    assert_eq!(s.kind(), LayoutKind::CircularKind);
    s.tick(10.0, Duration::ZERO, 0);
    s.tick(10.0 + TRANSITION_SECONDS, Duration::ZERO, 0);
    assert!(!s.in_transition());
    assert_eq!(s.positions().xy[0], target.xy[0]);
    assert_eq!(s.positions().xy[4], before.xy[4]);
    assert!(s.is_pinned(2));
}

#[test]
fn dropping_the_session_stops_its_thread() {
    let mut s = session_on(2000, 100);
    s.tick(0.0, Duration::from_millis(1), 1);
    assert!(s.on_worker());
    let alive = s.worker.as_ref().map(LayoutWorker::alive_flag);
    drop(s);
    let alive = alive.expect("a worker");
    for _ in 0..500 {
        if !alive.load(std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the layout thread kept running after the session was dropped");
}

#[test]
fn the_generation_changes_with_the_positions_and_only_then() {
    // In the frame: every tick that steps moves nodes; a paused session stays put.
    let mut s = session_on(50, 1_000);
    let g0 = s.generation();
    s.tick(0.0, Duration::from_millis(2), 1);
    assert!(s.running());
    let g1 = s.generation();
    assert_ne!(g0, g1, "a force step moves nodes");
    s.pause();
    let g2 = s.generation();
    for i in 0..5 {
        s.tick(1.0 + i as f64, Duration::from_millis(2), 5);
    }
    assert_eq!(
        s.generation(),
        g2,
        "paused: nothing moved, nothing to upload"
    );
    s.drag(3, [10.0, 10.0]);
    assert_ne!(s.generation(), g2, "a drag moves a node");
    // On the thread: a frame without a new snapshot changes nothing.
    let mut t = session_on(300, 100);
    assert!(tick_until(&mut t, |t| t.on_worker()));
    let before = t.generation();
    assert!(tick_until(&mut t, |t| t.generation() != before));
}
