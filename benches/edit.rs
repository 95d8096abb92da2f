//! Criterion: one edit of a 100k-node / 200k-edge graph. `Document::apply` updates data, graph,
//! id index, search index and degrees in place; each edit is timed apart from its undo, and the
//! undo apart from the edit. The path the app took before (clone the dataset, apply, rebuild the
//! document) is timed in the same run for the ratio.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use std::time::{Duration, Instant};

// The app's allocator (see src/main.rs), so the bench measures what the app does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use innovation_atlas::commands::{Document, Edit, Origin};
use innovation_atlas::io::{EMBEDDED_SHENZHEN, parse_dataset};
use innovation_atlas::layout::barabasi_albert;
use innovation_atlas::model::{Dataset, Edge};

/// The shipped nodes and edges in turn as templates (names, aliases and citations as long as in
/// real data), renamed and wired as a Barabási–Albert graph (m = 2), like `benches/load.rs`.
fn big(n: usize) -> Dataset {
    let base = parse_dataset(EMBEDDED_SHENZHEN, "embedded").expect("embedded dataset parses");
    let mut data = Dataset {
        nodes: Vec::with_capacity(n),
        edges: Vec::new(),
        ..base.clone()
    };
    for i in 0..n {
        let mut v = base.nodes[i % base.nodes.len()].clone();
        v.id = format!("n{i}");
        v.name.en = format!("{} {i}", v.name.en);
        data.nodes.push(v);
    }
    for (k, (a, b)) in barabasi_albert(n, 2, 42).into_iter().enumerate() {
        let mut e = base.edges[k % base.edges.len()].clone();
        e.from = format!("n{a}");
        e.to = format!("n{b}");
        data.edges.push(e);
    }
    data
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// Time `first` on `doc`, running `second` after each run (untimed) to restore it.
fn timed(c: &mut Group<'_>, doc: &mut Document, label: &str, first: &Edit, second: &Edit) {
    c.bench_function(label, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let change = doc.apply(first).expect("edit applies");
                total += t.elapsed();
                drop(change);
                doc.apply(second).expect("undo applies");
            }
            total
        })
    });
}

/// Time `edit` and, apart, its undo (from the edited state).
fn bench_pair(c: &mut Group<'_>, doc: &mut Document, name: &str, edit: &Edit) {
    let undo = edit.inverse();
    timed(c, doc, name, edit, &undo);
    doc.apply(edit).expect("edit applies");
    timed(c, doc, &format!("{name}_undo"), &undo, edit);
    doc.apply(&undo).expect("undo applies");
}

fn edit(c: &mut Criterion) {
    let data = big(100_000);
    eprintln!("{} nodes, {} edges", data.nodes.len(), data.edges.len());
    let mut doc = Document::new(data.clone(), Origin::Embedded);
    let mid = data.nodes.len() / 2;

    let before = data.nodes[mid].clone();
    let mut after = before.clone();
    after.name.en = "Renamed node".into();
    after.name.zh = "改名节点".into();
    let rename = Edit::ReplaceNode {
        index: mid,
        before,
        after,
    };
    let mut fresh = data.nodes[mid].clone();
    fresh.id = "brand-new".into();
    let add_node = Edit::InsertNode {
        index: mid,
        node: fresh,
    };
    let add_edge = Edit::InsertEdge {
        index: data.edges.len() / 2,
        edge: Edge {
            from: data.nodes[mid].id.clone(),
            to: data.nodes[mid + 1].id.clone(),
            ..data.edges[0].clone()
        },
    };
    let delete = doc.delete_node(mid).expect("node exists");
    // The most connected node: its edges spread over the whole edge list.
    let hub = (0..data.nodes.len())
        .max_by_key(|&i| doc.kg.edges_of(doc.kg.node_at(i).expect("node")).len())
        .expect("nodes");
    let delete_hub = doc.delete_node(hub).expect("node exists");
    if let Edit::DeleteNode { edges, .. } = &delete_hub {
        eprintln!("hub n{hub}: {} edges", edges.len());
    }

    let mut group = c.benchmark_group("edit_100k");
    group.sample_size(20);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("make_delete_node_edit", |b| b.iter(|| doc.delete_node(mid)));
    bench_pair(&mut group, &mut doc, "rename", &rename);
    bench_pair(&mut group, &mut doc, "add_node", &add_node);
    bench_pair(&mut group, &mut doc, "add_edge", &add_edge);
    bench_pair(&mut group, &mut doc, "delete_node", &delete);
    bench_pair(&mut group, &mut doc, "delete_hub", &delete_hub);
    group.finish();

    // The whole app: the edit in place, then what is shown, the layout graph (only the
    // touched neighbourhood may move), the search results — what one frame's command costs.
    let mut app = innovation_atlas::app::AtlasApp::new(Default::default());
    app.replace_data(data.clone(), Origin::Embedded);
    app.pause_layout();
    let mut group = c.benchmark_group("edit_100k_app");
    group.sample_size(20);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (name, e) in [
        ("rename", &rename),
        ("add_edge", &add_edge),
        ("delete_node", &delete),
    ] {
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let t = Instant::now();
                    app.apply_edit(e.clone());
                    total += t.elapsed();
                    app.undo();
                }
                total
            })
        });
    }
    group.finish();
    assert!(app.error().is_none(), "{:?}", app.error());

    // Before: every edit cloned the dataset, applied the edit and rebuilt the whole document.
    let mut group = c.benchmark_group("edit_100k_rebuild");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    // The result replaces (drops) the open document, as it did in the app.
    group.bench_function("rename", |b| {
        b.iter(|| {
            let mut copy = doc.kg.data.clone();
            rename.apply(&mut copy).expect("edit applies");
            Document::new(copy, doc.origin.clone())
        })
    });
    group.finish();
}

criterion_group!(benches, edit);
criterion_main!(benches);
