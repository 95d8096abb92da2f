//! Metrics and communities against networkx fixture values
//! (tests/fixtures/analysis/make_fixtures.py → networkx.json).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use innovation_atlas::analysis::communities::{self, WeightedGraph};
use innovation_atlas::analysis::metrics::{self, Compact, Metric, MetricOptions};
use innovation_atlas::analysis::{Filter, visible_subgraph};
use innovation_atlas::model::{Dataset, Edge, Kind, KnowledgeGraph, Names, Node, Relation};
use serde_json::Value;

const EPS: f64 = 1e-6;

struct Fixture {
    name: String,
    kg: KnowledgeGraph,
    expected: Value,
}

fn fixtures() -> Vec<Fixture> {
    let text = include_str!("fixtures/analysis/networkx.json");
    let doc: Value = serde_json::from_str(text).expect("fixture JSON");
    doc["graphs"]
        .as_array()
        .expect("graphs")
        .iter()
        .map(|g| {
            let nodes = g["nodes"]
                .as_array()
                .expect("nodes")
                .iter()
                .map(|n| Node {
                    id: n.as_str().expect("node id").to_string(),
                    kind: Kind::ORGANIZATION,
                    name: Names::default(),
                    aliases: vec![],
                    attrs: Default::default(),
                    cites: vec![],
                })
                .collect();
            let edges = g["edges"]
                .as_array()
                .expect("edges")
                .iter()
                .map(|e| Edge {
                    from: e[0].as_str().expect("from").to_string(),
                    to: e[1].as_str().expect("to").to_string(),
                    rel: Relation::SUPPORTS,
                    year: None,
                    inferred: false,
                    attrs: Default::default(),
                    cites: vec![],
                })
                .collect();
            Fixture {
                name: g["name"].as_str().expect("name").to_string(),
                kg: KnowledgeGraph::build(Dataset {
                    nodes,
                    edges,
                    ..Dataset::default()
                }),
                expected: g.clone(),
            }
        })
        .collect()
}

fn column(f: &Fixture, key: &str) -> Vec<f64> {
    f.expected[key]
        .as_array()
        .unwrap_or_else(|| panic!("{}: no {key}", f.name))
        .iter()
        .map(|v| v.as_f64().expect("number"))
        .collect()
}

fn assert_close(f: &Fixture, what: &str, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{} {what}: length", f.name);
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() < EPS,
            "{} {what}: node {} = {g}, networkx {w}",
            f.name,
            f.kg.data.nodes[i].id
        );
    }
}

#[test]
fn every_metric_matches_networkx() {
    let all = fixtures();
    assert_eq!(all.len(), 5);
    for f in &all {
        let vis = visible_subgraph(&f.kg, &Filter::default());
        for directed in [false, true] {
            let gm = metrics::compute(
                &f.kg,
                &vis,
                &MetricOptions {
                    directed,
                    ..MetricOptions::default()
                },
            );
            let get = |m: Metric| gm.rows.iter().map(|r| r.get(m)).collect::<Vec<f64>>();
            let suffix = if directed { "_directed" } else { "" };
            assert_close(
                f,
                "betweenness",
                &get(Metric::Betweenness),
                &column(f, &format!("betweenness{suffix}")),
            );
            assert_close(
                f,
                "closeness",
                &get(Metric::Closeness),
                &column(f, &format!("closeness{suffix}")),
            );
            for (m, key) in [
                (Metric::DegreeIn, "degree_in"),
                (Metric::DegreeOut, "degree_out"),
                (Metric::Degree, "degree"),
                (Metric::PageRank, "pagerank"),
                (Metric::Eigenvector, "eigenvector"),
                (Metric::Clustering, "clustering"),
            ] {
                assert_close(f, key, &get(m), &column(f, key));
            }
        }
    }
}

#[test]
fn modularity_of_networkx_partition_matches() {
    for f in &fixtures() {
        let vis = visible_subgraph(&f.kg, &Filter::default());
        let g = WeightedGraph::from_compact(&Compact::new(&f.kg, &vis));
        let labels: Vec<usize> = column(f, "louvain").iter().map(|&x| x as usize).collect();
        let want = f.expected["modularity"].as_f64().expect("modularity");
        let got = communities::modularity(&g, &labels);
        assert!((got - want).abs() < EPS, "{}: {got} vs {want}", f.name);
    }
}

/// Louvain visits nodes in a random order, and ours draws it from our own seeded generator,
/// so partitions may legitimately differ from networkx's; on a graph with a clear structure
/// they must agree, and elsewhere our modularity must be about as good.
#[test]
fn louvain_finds_the_cliques_and_comparable_modularity() {
    for f in &fixtures() {
        let vis = visible_subgraph(&f.kg, &Filter::default());
        let want = f.expected["modularity"].as_f64().expect("modularity");
        for seed in [1, 2, 3] {
            let c = communities::communities(&f.kg, &vis, seed);
            assert!(
                c.modularity > want - 0.03,
                "{} seed {seed}: modularity {} vs networkx {want}",
                f.name,
                c.modularity
            );
            let total: usize = c.members.iter().map(Vec::len).sum();
            assert_eq!(
                total,
                f.kg.node_count(),
                "{}: every node in one community",
                f.name
            );
            if f.name == "cliques" {
                assert_eq!(c.count(), 2);
                assert!((c.modularity - want).abs() < EPS);
                for members in &c.members {
                    let ids: Vec<&str> = members
                        .iter()
                        .map(|&ix| f.kg.node(ix).id.as_str())
                        .collect();
                    let side = &ids[0][..1];
                    assert!(ids.iter().all(|id| id.starts_with(side)), "{ids:?}");
                }
            }
        }
    }
}

#[test]
fn metrics_follow_the_filter() {
    let f = fixtures()
        .into_iter()
        .find(|f| f.name == "cliques")
        .expect("cliques");
    let mut vis = visible_subgraph(&f.kg, &Filter::default());
    // Hide the bridge's left end: the left clique shrinks to 4 and the bridge disappears.
    let l0 = f.kg.node_ix("l0").expect("l0");
    vis.nodes[l0.index()] = false;
    let gm = metrics::compute(&f.kg, &vis, &MetricOptions::default());
    assert_eq!(gm.rows.len(), 9);
    assert!(gm.row(l0).is_none());
    let r0 = f.kg.node_ix("r0").expect("r0");
    assert_eq!(gm.value(r0, Metric::Degree), Some(4.0));
    // Two disjoint cliques: every node has clustering 1 and betweenness 0.
    assert!(gm.rows.iter().all(|r| (r.clustering - 1.0).abs() < EPS));
    assert!(gm.rows.iter().all(|r| r.betweenness.abs() < EPS));
    let order = gm.order_by(Metric::Degree, true);
    assert_eq!(gm.rows[order[0]].degree, 4);
    assert_eq!(gm.range(Metric::Degree), (3.0, 4.0));
}
