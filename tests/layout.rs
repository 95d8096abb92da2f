//! Force layout: deterministic, respects pins, survives degenerate graphs, untangles.

use innovation_atlas::layout::{ForceLayout, ForceParams, LayoutGraph, Positions};

fn run(n: usize, edges: &[(u32, u32)], seed: u64, steps: usize) -> Positions {
    let g = LayoutGraph::full(n, edges.iter().copied());
    let mut pos = Positions::random(n, seed);
    let mut layout = ForceLayout::new(ForceParams {
        seed,
        ..Default::default()
    });
    for _ in 0..steps {
        layout.step(&mut pos, &g);
    }
    pos
}

fn ring(n: u32) -> Vec<(u32, u32)> {
    (0..n).map(|i| (i, (i + 1) % n)).collect()
}

fn all_finite(p: &Positions) -> bool {
    p.xy.iter().all(|[x, y]| x.is_finite() && y.is_finite())
}

#[test]
fn same_seed_same_positions_other_seed_differs() {
    let e = ring(50);
    assert_eq!(run(50, &e, 7, 100), run(50, &e, 7, 100));
    assert_ne!(run(50, &e, 7, 100).xy, run(50, &e, 8, 100).xy);
}

#[test]
fn pinned_nodes_stay_put() {
    let n = 40;
    let g = LayoutGraph::full(n, ring(n as u32));
    let mut pos = Positions::random(n, 1);
    pos.pinned[3] = true;
    pos.xy[3] = [123.0, -45.0];
    let mut layout = ForceLayout::new(ForceParams::default());
    for _ in 0..200 {
        layout.step(&mut pos, &g);
    }
    assert_eq!(pos.xy[3], [123.0, -45.0]);
    assert_ne!(pos.xy[4], Positions::random(n, 1).xy[4]);
}

#[test]
fn inactive_nodes_do_not_move() {
    let n = 10;
    let mut active = vec![true; n];
    active[0] = false;
    let g = LayoutGraph::new(n, active, ring(n as u32));
    let mut pos = Positions::random(n, 3);
    let before = pos.xy[0];
    let mut layout = ForceLayout::new(ForceParams::default());
    for _ in 0..50 {
        layout.step(&mut pos, &g);
    }
    assert_eq!(pos.xy[0], before);
    // Edges to an inactive node do not count.
    assert_eq!(g.degree[1], 1);
}

#[test]
fn degenerate_graphs_do_not_panic_or_produce_nan() {
    assert!(run(0, &[], 1, 10).is_empty());
    assert!(all_finite(&run(1, &[], 1, 10)));
    assert!(all_finite(&run(
        2,
        &[(0, 0), (0, 1), (0, 1), (1, 0)],
        1,
        50
    )));
    // Disconnected pieces.
    assert!(all_finite(&run(6, &[(0, 1), (2, 3), (4, 5)], 1, 100)));
    // All nodes on one point.
    let n = 30;
    let g = LayoutGraph::full(n, ring(n as u32));
    let mut pos = Positions {
        xy: vec![[5.0, 5.0]; n],
        pinned: vec![false; n],
    };
    let mut layout = ForceLayout::new(ForceParams::default());
    for _ in 0..50 {
        layout.step(&mut pos, &g);
    }
    assert!(all_finite(&pos));
    // Many isolated nodes.
    assert!(all_finite(&run(20_000, &[], 1, 3)));
}

#[test]
fn layout_pulls_neighbours_together() {
    // Two dense clusters joined by one edge: after layout, neighbours are closer than strangers.
    let mut e = Vec::new();
    for i in 0..10u32 {
        for j in (i + 1)..10 {
            e.push((i, j));
            e.push((i + 10, j + 10));
        }
    }
    e.push((0, 10));
    let pos = run(20, &e, 11, 400);
    let d = |a: usize, b: usize| {
        let (p, q) = (pos.xy[a], pos.xy[b]);
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
    };
    let within: f32 = (0..10).filter(|j| *j != 1).map(|j| d(1, j)).sum::<f32>() / 9.0;
    let across: f32 = (10..20).map(|j| d(1, j)).sum::<f32>() / 10.0;
    assert!(within * 1.5 < across, "within {within} across {across}");
}
