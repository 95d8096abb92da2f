//! Criterion: a 100k-node / 200k-edge RON dataset from text to a ready graph (parsed, indexed
//! and turned into the layout's view).

use criterion::{Criterion, criterion_group, criterion_main};
use innovation_atlas::io::{EMBEDDED_SHENZHEN, parse_dataset, to_canonical_ron};
use innovation_atlas::layout::{LayoutGraph, barabasi_albert};
use innovation_atlas::model::{Dataset, KnowledgeGraph};

/// The shipped dataset's first node and edge, cloned to 100k nodes wired as a BA graph.
fn big_ron(n: usize) -> String {
    let base = parse_dataset(EMBEDDED_SHENZHEN, "embedded").expect("embedded dataset parses");
    let (node, edge) = (base.nodes[0].clone(), base.edges[0].clone());
    let mut data = Dataset {
        nodes: Vec::with_capacity(n),
        edges: Vec::new(),
        ..base
    };
    for i in 0..n {
        let mut v = node.clone();
        v.id = format!("n{i}");
        v.name.en = format!("Node {i}");
        v.aliases.clear();
        data.nodes.push(v);
    }
    for (a, b) in barabasi_albert(n, 2, 42) {
        let mut e = edge.clone();
        e.from = format!("n{a}");
        e.to = format!("n{b}");
        data.edges.push(e);
    }
    to_canonical_ron(&data).expect("serialises")
}

fn load(c: &mut Criterion) {
    let text = big_ron(100_000);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("ron_100k_to_ready_graph", |b| {
        b.iter(|| {
            let data = parse_dataset(&text, "bench").expect("parses");
            let kg = KnowledgeGraph::build(data);
            let edges = kg.graph.edge_indices().filter_map(|e| {
                let (a, b) = kg.graph.edge_endpoints(e)?;
                Some((a.index() as u32, b.index() as u32))
            });
            LayoutGraph::full(kg.node_bound(), edges)
        })
    });
    group.bench_function("stage_ron_serde_parse", |b| {
        b.iter(|| {
            ron::Options::default()
                .from_str::<Dataset>(&text)
                .expect("parses")
        })
    });
    group.bench_function("stage_fast_parse", |b| {
        b.iter(|| innovation_atlas::io::ron_fast::parse(&text).expect("fast path reads it"))
    });
    let data = parse_dataset(&text, "bench").expect("parses");
    group.bench_function("stage_validate", |b| {
        b.iter(|| innovation_atlas::model::validate::validate(&data))
    });
    group.bench_function("stage_build_graph", |b| {
        b.iter(|| KnowledgeGraph::build(data.clone()))
    });
    group.bench_function("stage_clone_dataset", |b| b.iter(|| data.clone()));
    group.finish();
    eprintln!("text: {} bytes", text.len());
}

criterion_group!(benches, load);
criterion_main!(benches);
