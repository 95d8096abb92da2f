//! Criterion: collapse and expand one group of 10,000 members in a 100k-node Barabási–Albert
//! graph (m = 2). What the app redoes per change: the grouping (`groups::build`) and the
//! projection of the visible graph through the collapsed groups (`groups::project`); both must
//! fit in one frame of UI work (~16 ms).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench may panic on what it set up

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use innovation_atlas::analysis::groups::{build, project};
use innovation_atlas::analysis::{Filter, visible_subgraph};
use innovation_atlas::io::groups::{GroupBy, GroupState};
use innovation_atlas::layout::barabasi_albert;
use innovation_atlas::model::{Cite, Dataset, Edge, Kind, KnowledgeGraph, Names, Node, Relation};

const N: usize = 100_000;
const MEMBERS: usize = 10_000;

/// Every tenth node carries `team = big` (10,000 members spread over the graph); the rest
/// have no team, so the grouping holds one big group.
fn big() -> KnowledgeGraph {
    let nodes = (0..N)
        .map(|i| Node {
            id: format!("n{i}"),
            kind: if i % 3 == 0 { Kind::LAB } else { Kind::PLAN },
            name: Names {
                zh: String::new(),
                en: format!("node {i}"),
            },
            aliases: vec![],
            attrs: if i % (N / MEMBERS) == 0 {
                [("team".to_string(), "big".to_string())].into()
            } else {
                Default::default()
            },
            cites: vec![Cite::new("s", "q")],
        })
        .collect();
    let edges = barabasi_albert(N, 2, 42)
        .into_iter()
        .map(|(a, b)| Edge {
            from: format!("n{a}"),
            to: format!("n{b}"),
            rel: Relation::SUPPORTS,
            year: None,
            inferred: false,
            attrs: Default::default(),
            cites: vec![Cite::new("s", "q")],
        })
        .collect();
    KnowledgeGraph::build(Dataset {
        nodes,
        edges,
        ..Default::default()
    })
}

fn bench(c: &mut Criterion) {
    let kg = big();
    let vis = visible_subgraph(&kg, &Filter::default());
    let state = GroupState {
        by: Some(GroupBy::Attribute("team".into())),
        ..Default::default()
    };
    let grouping = build(&kg, &vis, &state, 1);
    assert_eq!(grouping.groups.len(), 1);
    assert_eq!(grouping.groups[0].members.len(), MEMBERS);
    let collapsed = vec![true];
    let expanded = vec![false];
    let p = project(&kg, &vis, &grouping, &collapsed);
    assert_eq!(p.visible.node_count, N - MEMBERS + 1);
    let mut g = c.benchmark_group("groups 100k nodes, one group of 10k");
    g.sample_size(20);
    g.bench_function("collapse (project)", |b| {
        b.iter(|| black_box(project(&kg, &vis, &grouping, &collapsed)))
    });
    g.bench_function("expand (project)", |b| {
        b.iter(|| black_box(project(&kg, &vis, &grouping, &expanded)))
    });
    g.bench_function("group by attribute (build)", |b| {
        b.iter(|| black_box(build(&kg, &vis, &state, 1)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
