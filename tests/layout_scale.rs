//! ForceAtlas2 at scale: deterministic for a seed (and any thread count), converging, pinned
//! nodes fixed, and no NaN or panic on degenerate graphs up to 100k isolated nodes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use innovation_atlas::layout::{
    ForceLayout, ForceParams, LayoutGraph, Positions, barabasi_albert, multilevel_start, quality,
};

fn run_in_pool(
    threads: usize,
    n: usize,
    edges: &[(u32, u32)],
    seed: u64,
    steps: usize,
) -> Positions {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool");
    pool.install(|| {
        let g = LayoutGraph::full(n, edges.iter().copied());
        let params = ForceParams {
            seed,
            ..Default::default()
        };
        let mut pos = multilevel_start(&g, &params, &Positions::random(n, seed));
        let mut layout = ForceLayout::new(params);
        for _ in 0..steps {
            layout.step(&mut pos, &g);
        }
        pos
    })
}

/// Gephi's settings for big graphs, as `bench layout` uses them.
fn gephi() -> ForceParams {
    ForceParams {
        scaling: 1.0,
        gravity: 1.0,
        strong_gravity: false,
        ..Default::default()
    }
}

fn finite(p: &Positions) -> bool {
    p.xy.iter().all(|[x, y]| x.is_finite() && y.is_finite())
}

#[test]
fn same_seed_same_positions_for_any_thread_count() {
    let e = barabasi_albert(3000, 2, 5);
    let one = run_in_pool(1, 3000, &e, 5, 20);
    assert_eq!(one, run_in_pool(1, 3000, &e, 5, 20));
    assert_eq!(one, run_in_pool(2, 3000, &e, 5, 20));
    assert_eq!(one, run_in_pool(3, 3000, &e, 5, 20));
    assert_ne!(one.xy, run_in_pool(1, 3000, &e, 6, 20).xy);
}

/// Big enough that the multilevel start's parallel passes split the work between threads.
#[test]
fn multilevel_start_is_the_same_on_any_number_of_threads() {
    let n = 20_000;
    let e = barabasi_albert(n, 2, 7);
    let start = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        pool.install(|| {
            let g = LayoutGraph::full(n, e.iter().copied());
            multilevel_start(&g, &gephi(), &Positions::random(n, 7))
        })
    };
    let one = start(1);
    assert!(finite(&one));
    assert_eq!(one, start(2));
    assert_eq!(one, start(3));
    // And it is a layout: far better than the random start it began from.
    let s = quality::stress(&one.xy, &e, 20, 1);
    let s_random = quality::stress(&Positions::random(n, 7).xy, &e, 20, 1);
    assert!(s < s_random - 0.02, "multilevel {s} random {s_random}");
}

#[test]
fn stress_falls_as_iterations_run() {
    let n = 2000;
    let e = barabasi_albert(n, 2, 1);
    let g = LayoutGraph::full(n, e.iter().copied());
    let mut pos = Positions::random(n, 1);
    let mut layout = ForceLayout::new(gephi());
    let mut last = quality::stress(&pos.xy, &e, 20, 1);
    let start = last;
    for _ in 0..4 {
        for _ in 0..50 {
            layout.step(&mut pos, &g);
        }
        let s = quality::stress(&pos.xy, &e, 20, 1);
        assert!(s < last + 0.01, "stress rose from {last} to {s}");
        last = s;
    }
    assert!(last < start - 0.05, "stress {start} -> {last}");
    let elr = quality::edge_length_ratio(&pos.xy, &e, 20_000, 1);
    assert!(elr < 0.6, "edge length ratio {elr}");
}

#[test]
fn multilevel_start_beats_random_start() {
    let n = 5000;
    let e = barabasi_albert(n, 2, 2);
    let g = LayoutGraph::full(n, e.iter().copied());
    let random = Positions::random(n, 2);
    let ml = multilevel_start(&g, &gephi(), &random);
    assert!(finite(&ml));
    let (s_ml, s_random) = (
        quality::stress(&ml.xy, &e, 20, 1),
        quality::stress(&random.xy, &e, 20, 1),
    );
    assert!(
        s_ml < s_random - 0.02,
        "multilevel {s_ml} random {s_random}"
    );
}

#[test]
fn pinned_nodes_do_not_move_even_in_the_multilevel_start() {
    let n = 1500;
    let e = barabasi_albert(n, 2, 3);
    let g = LayoutGraph::full(n, e.iter().copied());
    let mut pos = Positions::random(n, 3);
    for i in (0..n).step_by(97) {
        pos.pinned[i] = true;
        pos.xy[i] = [i as f32, -(i as f32)];
    }
    let mut pos = multilevel_start(&g, &ForceParams::default(), &pos);
    let mut layout = ForceLayout::new(ForceParams::default());
    for _ in 0..30 {
        layout.step(&mut pos, &g);
    }
    for i in (0..n).step_by(97) {
        assert_eq!(pos.xy[i], [i as f32, -(i as f32)]);
    }
}

#[test]
fn incremental_layout_moves_only_the_mobile_nodes() {
    let n = 500;
    let e = barabasi_albert(n, 2, 4);
    let g = LayoutGraph::full(n, e.iter().copied());
    let mut pos = Positions::random(n, 4);
    let before = pos.clone();
    let mobile = innovation_atlas::layout::affected(&g, &[0], 1);
    let mut layout = ForceLayout::new(ForceParams::default());
    layout.set_mobile(Some(mobile.clone()));
    for _ in 0..20 {
        layout.step(&mut pos, &g);
    }
    for (i, &moves) in mobile.iter().enumerate().take(n) {
        if moves {
            assert_ne!(pos.xy[i], before.xy[i], "{i} should move");
        } else {
            assert_eq!(pos.xy[i], before.xy[i], "{i} should stay");
        }
    }
}

fn survives(n: usize, edges: &[(u32, u32)], start: Option<Positions>) {
    let g = LayoutGraph::full(n, edges.iter().copied());
    let start = start.unwrap_or_else(|| Positions::random(n, 9));
    let mut pos = multilevel_start(&g, &ForceParams::default(), &start);
    let mut layout = ForceLayout::new(ForceParams::default());
    for _ in 0..20 {
        layout.step(&mut pos, &g);
    }
    assert_eq!(pos.len(), n);
    assert!(finite(&pos), "n={n}");
}

#[test]
fn degenerate_graphs() {
    survives(0, &[], None);
    survives(1, &[], None);
    survives(1, &[(0, 0)], None);
    // Self-loops and parallel edges.
    survives(3, &[(0, 0), (0, 1), (0, 1), (1, 0), (1, 2), (2, 2)], None);
    // Disconnected pieces, big enough for the multilevel start.
    let pieces: Vec<(u32, u32)> = (0..1000u32).map(|i| (2 * i, 2 * i + 1)).collect();
    survives(2000, &pieces, None);
    // Every node on one point, small and large.
    for n in [30, 5000] {
        let e = barabasi_albert(n, 2, 1);
        let one_point = Positions {
            xy: vec![[5.0, 5.0]; n],
            pinned: vec![false; n],
        };
        survives(n, &e, Some(one_point));
    }
}

#[test]
fn a_hundred_thousand_isolated_nodes() {
    let n = 100_000;
    let g = LayoutGraph::full(n, []);
    let mut pos = Positions::random(n, 1);
    let mut layout = ForceLayout::new(ForceParams::default());
    for _ in 0..2 {
        layout.step(&mut pos, &g);
    }
    assert!(finite(&pos));
}

/// A big graph opens with random positions and its multilevel start runs on the layout
/// thread: the start shows its coarse levels as it goes and can be stopped between them.
#[test]
fn the_multilevel_start_shows_its_levels_and_can_be_stopped() {
    use innovation_atlas::layout::multilevel_start_with;
    let n = 20_000;
    let e = barabasi_albert(n, 2, 3);
    let g = LayoutGraph::full(n, e.iter().copied());
    let start = Positions::random(n, 3);
    let params = ForceParams::default();
    let mut shown = Vec::new();
    let mut asked = 0;
    let mut progress = |p: Option<&Positions>| {
        asked += 1;
        if let Some(p) = p {
            shown.push(p.clone());
        }
        true
    };
    let done = multilevel_start_with(&g, &params, &start, Some(&mut progress)).unwrap();
    assert_eq!(done, multilevel_start(&g, &params, &start));
    assert!(shown.len() >= 2, "coarse levels shown: {}", shown.len());
    assert!(asked > shown.len());
    // Each picture places every node (finite, moved from the random start) and already
    // draws neighbours close together, as the random start does not.
    let ratio = |p: &Positions| quality::edge_length_ratio(&p.xy, &e, 100_000, 1);
    let random = ratio(&start);
    for p in &shown {
        assert!(finite(p));
        assert_ne!(p.xy, start.xy);
        assert!(ratio(p) < random * 0.6, "{} vs random {random}", ratio(p));
    }
    // Stopped at the first question: no result.
    let mut stop = |_: Option<&Positions>| false;
    assert!(multilevel_start_with(&g, &params, &start, Some(&mut stop)).is_none());
}

#[test]
fn a_session_with_random_positions_starts_big_graphs_coarse_to_fine() {
    use innovation_atlas::layout::{LayoutSession, MULTILEVEL_NODES};
    let n = MULTILEVEL_NODES + 2000;
    let e = barabasi_albert(n, 2, 9);
    let g = LayoutGraph::full(n, e.iter().copied());
    let start = Positions::random(n, 9);
    // In the frame (no layout thread below this threshold): the start runs once, first.
    let mut s = LayoutSession::new(ForceParams::default()).with_worker_threshold(usize::MAX);
    s.start_document(start.clone(), false, vec![4.0; n]);
    s.set_graph(g.clone());
    assert!(s.starting());
    s.tick(0.0, std::time::Duration::from_millis(1), 0);
    assert!(!s.starting());
    assert_eq!(
        s.positions(),
        &multilevel_start(&g, &ForceParams::default(), &start)
    );
    // On the layout thread: the session reports the start until the thread delivered it.
    let mut s = LayoutSession::new(ForceParams::default()).with_worker_threshold(1000);
    s.start_document(start.clone(), false, vec![4.0; n]);
    s.set_graph(g.clone());
    assert!(s.starting());
    let mut waited = 0;
    while s.starting() && waited < 3000 {
        s.tick(0.0, std::time::Duration::from_millis(1), 1);
        std::thread::sleep(std::time::Duration::from_millis(10));
        waited += 1;
    }
    assert!(!s.starting(), "the layout thread delivered its start");
    assert!(s.on_worker());
    assert!(finite(s.positions()));
    // Positions read from a layout file are meaningful: no start.
    let mut s = LayoutSession::new(ForceParams::default()).with_worker_threshold(1000);
    s.start_document(start, true, vec![4.0; n]);
    s.set_graph(g);
    assert!(!s.starting());
}
