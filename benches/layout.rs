//! Criterion: one ForceAtlas2 step on Barabási–Albert graphs (1k, 10k, 100k nodes, m = 2) after
//! the multilevel start, on one thread and on the default pool.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic on what it set up

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use innovation_atlas::layout::{
    ForceLayout, ForceParams, LayoutGraph, Positions, barabasi_albert, multilevel_start,
};

fn step(c: &mut Criterion) {
    let mut group = c.benchmark_group("fa2_step");
    group.sample_size(20);
    for n in [1_000usize, 10_000, 100_000] {
        let g = LayoutGraph::full(n, barabasi_albert(n, 2, 42));
        let params = ForceParams {
            scaling: 1.0,
            gravity: 1.0,
            strong_gravity: false,
            ..Default::default()
        };
        let start = multilevel_start(&g, &params, &Positions::random(n, 42));
        for threads in [1usize, 2] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool");
            let mut pos = start.clone();
            let mut layout = ForceLayout::new(params.clone());
            group.bench_with_input(BenchmarkId::new(format!("{threads}t"), n), &n, |b, _| {
                b.iter(|| pool.install(|| layout.step(&mut pos, &g)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, step);
criterion_main!(benches);
