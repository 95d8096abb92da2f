//! Criterion: a 100k-node / 200k-edge RON dataset from text to a ready graph (parsed, indexed
//! and turned into the layout's view), and a file on disk to the app's document.
//!
//! `LOAD_N=1000000` runs the same on a million nodes and two million edges; `LOAD_INPUT=lean`
//! drops aliases, attributes and citations (a graph imported from another tool: a million
//! elements with the shipped citations would be 1.4 GB, beyond the reader's 512 MB limit).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark may panic on what it set up

use criterion::{Criterion, criterion_group, criterion_main};

// The app's allocator (see src/main.rs), so the bench measures what the app does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use innovation_atlas::commands::{Document, Origin};
use innovation_atlas::io::{
    EMBEDDED_SHENZHEN, parse_dataset, parse_dataset_lenient, to_canonical_ron,
};
use innovation_atlas::layout::{LayoutGraph, barabasi_albert};
use innovation_atlas::model::{Dataset, KnowledgeGraph};

/// A 100k-node / 200k-edge file: the shipped nodes and edges in turn as templates (so names,
/// aliases, attributes and citations are as long as in real data), renamed and wired as a BA
/// graph. `LOAD_INPUT=first` copies only the first node and edge, as earlier runs did (their
/// citations are long: 1.5 × the shipped file's bytes per element).
fn big_ron(n: usize) -> String {
    let base = parse_dataset(EMBEDDED_SHENZHEN, "embedded").expect("embedded dataset parses");
    let first_only = std::env::var("LOAD_INPUT").is_ok_and(|v| v == "first");
    let lean = std::env::var("LOAD_INPUT").is_ok_and(|v| v == "lean");
    let template = |len: usize, i: usize| if first_only { 0 } else { i % len };
    let mut data = Dataset {
        nodes: Vec::with_capacity(n),
        edges: Vec::new(),
        ..base.clone()
    };
    for i in 0..n {
        let mut v = base.nodes[template(base.nodes.len(), i)].clone();
        v.id = format!("n{i}");
        v.name.en = format!("{} {i}", v.name.en);
        if first_only {
            v.name.en = format!("Node {i}");
            v.aliases.clear();
        }
        if lean {
            v.aliases.clear();
            v.attrs.clear();
            v.cites.clear();
        }
        data.nodes.push(v);
    }
    for (k, (a, b)) in barabasi_albert(n, 2, 42).into_iter().enumerate() {
        let mut e = base.edges[template(base.edges.len(), k)].clone();
        e.from = format!("n{a}");
        e.to = format!("n{b}");
        if lean {
            e.attrs.clear();
            e.cites.clear();
        }
        data.edges.push(e);
    }
    to_canonical_ron(&data).expect("serialises")
}

fn load(c: &mut Criterion) {
    let n: usize = std::env::var("LOAD_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let text = big_ron(n);
    // `LOAD_WRITE=FILE` keeps the generated file (e.g. to open it in the app).
    if let Some(out) = std::env::var_os("LOAD_WRITE") {
        std::fs::write(&out, &text).expect("LOAD_WRITE is writable");
    }
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    // The app's way in: the file read under the size limit, validated leniently, indexed
    // (graph, search index, degrees) and turned into the layout's view.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    std::fs::write(&path, &text).expect("written");
    group.bench_function("file_to_document", |b| {
        b.iter_with_large_drop(|| {
            let text = innovation_atlas::io::read_text(&path).expect("reads");
            let (data, _) = parse_dataset_lenient(&text, "bench").expect("parses");
            let doc = Document::new(data, Origin::File(path.clone()));
            let edges = doc.kg.graph.edge_indices().filter_map(|e| {
                let (a, b) = doc.kg.graph.edge_endpoints(e)?;
                Some((a.index() as u32, b.index() as u32))
            });
            let layout = LayoutGraph::full(doc.kg.node_bound(), edges);
            (text, doc, layout)
        })
    });
    // Dropping a 100k-element dataset is not part of loading one (and costs a tenth as much
    // again), so results are dropped outside the timing.
    group.bench_function(format!("ron_{}k_to_ready_graph", n / 1000), |b| {
        b.iter_with_large_drop(|| {
            let data = parse_dataset(&text, "bench").expect("parses");
            let kg = KnowledgeGraph::build(data);
            let edges = kg.graph.edge_indices().filter_map(|e| {
                let (a, b) = kg.graph.edge_endpoints(e)?;
                Some((a.index() as u32, b.index() as u32))
            });
            let layout = LayoutGraph::full(kg.node_bound(), edges);
            (kg, layout)
        })
    });
    // ron takes seconds per million elements: measured at 100k, for scale.
    if n <= 200_000 {
        group.bench_function("stage_ron_serde_parse", |b| {
            b.iter_with_large_drop(|| {
                ron::Options::default()
                    .from_str::<Dataset>(&text)
                    .expect("parses")
            })
        });
    }
    group.bench_function("stage_fast_parse", |b| {
        b.iter_with_large_drop(|| {
            innovation_atlas::io::ron_fast::parse(&text).expect("fast path reads it")
        })
    });
    let data = parse_dataset(&text, "bench").expect("parses");
    group.bench_function("stage_validate", |b| {
        b.iter(|| innovation_atlas::model::validate::validate(&data))
    });
    group.bench_function("stage_build_graph", |b| {
        b.iter_batched(
            || data.clone(),
            KnowledgeGraph::build,
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("stage_document", |b| {
        b.iter_batched(
            || data.clone(),
            |d| Document::new(d, Origin::Embedded),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
    eprintln!("text: {} bytes", text.len());
}

criterion_group!(benches, load);
criterion_main!(benches);
