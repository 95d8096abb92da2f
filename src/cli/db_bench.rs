//! `innovation-atlas bench db URI`: push a generated graph (Barabási–Albert, m = 2: N nodes,
//! about 2N edges) into a graph database and time it against loading our own Cypher script
//! export (`convert … .cypher`, one statement per line, with the index its header advises) into
//! the same server; then open the two-hop neighbourhood of one node. One JSON line.

use crate::db::{self, DbParams, Password, Value};
use crate::io::formats::{self, Format};
use crate::layout::barabasi_albert;
use crate::model::{
    Cite, Dataset, Edge, KnowledgeGraph, Names, Node, Relation, Source, Vocabulary,
};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct DbBenchArgs {
    /// The server (`falkordb://127.0.0.1:6379`, `bolt://…`).
    pub uri: String,
    /// Nodes of the generated graph (it has about twice as many edges).
    #[arg(long, default_value_t = 100_000)]
    pub nodes: usize,
    /// Load only this fraction of the script's node and edge statements (and scale the time).
    #[arg(long, default_value_t = 1.0)]
    pub script_fraction: f64,
    /// User name (password from ATLAS_BOLT_PASSWORD).
    #[arg(long)]
    pub user: Option<String>,
    /// Seed of the generated graph.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

/// A cited graph of `n` nodes with the shipped vocabulary's kinds and relations.
pub fn generated(n: usize, seed: u64) -> Dataset {
    let vocab = Vocabulary::shenzhen();
    let kinds: Vec<_> = vocab.kinds().iter().map(|k| k.id.clone()).collect();
    let rels: Vec<Relation> = vocab.relations().iter().map(|r| r.id.clone()).collect();
    let cite = |i: usize| Cite::new("gen", format!("fact {i}"));
    let nodes = (0..n)
        .map(|i| Node {
            id: format!("n{i}"),
            kind: kinds[i % kinds.len().max(1)].clone(),
            name: Names {
                zh: format!("节点{i}"),
                en: format!("Node {i}"),
            },
            aliases: Vec::new(),
            attrs: Default::default(),
            cites: vec![cite(i)],
        })
        .collect();
    let edges = barabasi_albert(n, 2, seed)
        .into_iter()
        .enumerate()
        .map(|(i, (a, b))| Edge {
            from: format!("n{a}"),
            to: format!("n{b}"),
            rel: rels[i % rels.len().max(1)].clone(),
            year: Some(2000 + (i % 25) as i32),
            inferred: false,
            attrs: Default::default(),
            cites: vec![cite(n + i)],
        })
        .collect();
    Dataset {
        sources: vec![Source {
            id: "gen".into(),
            file: "generated.md".into(),
            date: String::new(),
            title: Names::default(),
            publisher: String::new(),
            url: String::new(),
        }],
        nodes,
        edges,
        ..Dataset::default()
    }
}

fn connect(a: &DbBenchArgs, graph: &str) -> Result<Box<dyn db::Backend>, String> {
    let mut p = DbParams::new(&a.uri);
    p.user = a.user.clone().unwrap_or_default();
    p.database = graph.to_string();
    p.password = Password::FromEnv;
    p.timeout = std::time::Duration::from_secs(600);
    let mut b = db::connect(&p, &AtomicBool::new(false)).map_err(|e| e.to_string())?;
    b.run(
        "MATCH (n) DETACH DELETE n",
        Vec::new(),
        &AtomicBool::new(false),
    )
    .map_err(|e| e.to_string())?;
    Ok(b)
}

pub fn bench_db(a: &DbBenchArgs) -> Result<String, String> {
    let cancel = AtomicBool::new(false);
    let data = generated(a.nodes, a.seed);
    let (n, e) = (data.nodes.len(), data.edges.len());

    let mut b = connect(a, "atlas_bench_push")?;
    let t = Instant::now();
    db::ops::push(b.as_mut(), &data, db::ops::PUSH_BATCH, &cancel, &mut |_| {})
        .map_err(|e| e.to_string())?;
    let push_s = t.elapsed().as_secs_f64();

    // Two hops around a node of middling degree (the hubs of a BA graph reach most of it).
    let mid = format!("n{}", n / 2);
    let t = Instant::now();
    let sub = db::ops::two_hops(b.as_mut(), &mid, 100_000, &cancel).map_err(|e| e.to_string())?;
    let hop_result_ms = t.elapsed().as_secs_f64() * 1e3;
    let (hop_nodes, hop_edges) = (sub.data.nodes.len(), sub.data.edges.len());
    let t = Instant::now();
    let kg = KnowledgeGraph::build(sub.data);
    let hop_build_ms = t.elapsed().as_secs_f64() * 1e3;
    drop(kg);
    drop(b);

    let (files, _) = formats::export(&data, std::path::Path::new("bench.cypher"), Format::Cypher)?;
    let script = files.into_iter().map(|f| f.text).collect::<String>();
    let lines: Vec<&str> = script
        .lines()
        .filter(|l| !l.starts_with("//") && !l.trim().is_empty())
        .collect();
    let (node_lines, edge_lines) = lines.split_at(n.min(lines.len()));
    let take = |v: &[&str]| ((v.len() as f64 * a.script_fraction).ceil() as usize).min(v.len());
    let chosen: Vec<&str> = node_lines[..take(node_lines)]
        .iter()
        .chain(&edge_lines[..take(edge_lines)])
        .copied()
        .collect();
    let mut b = connect(a, "atlas_bench_script")?;
    for index in [
        "CREATE INDEX FOR (n:Atlas) ON (n.id)",
        "CREATE INDEX atlas_id IF NOT EXISTS FOR (n:Atlas) ON (n.id)",
    ] {
        let _ = b.run(index, Vec::<(&'static str, Value)>::new(), &cancel);
    }
    let t = Instant::now();
    for line in &chosen {
        b.run(line.trim_end_matches(';'), Vec::new(), &cancel)
            .map_err(|e| format!("{e}: {line}"))?;
    }
    let script_s = t.elapsed().as_secs_f64() / a.script_fraction.clamp(1e-6, 1.0);
    let _ = b.run("MATCH (n) DETACH DELETE n", Vec::new(), &cancel);
    let _ = connect(a, "atlas_bench_push");

    Ok(serde_json::json!({
        "bench": "db",
        "uri": a.uri,
        "nodes": n,
        "edges": e,
        "push_s": push_s,
        "push_nodes_per_s": n as f64 / push_s,
        "push_elements_per_s": (n + e) as f64 / push_s,
        "script_statements": chosen.len(),
        "script_fraction": a.script_fraction,
        "script_s": script_s,
        "script_nodes_per_s": n as f64 / script_s,
        "two_hop_node": mid,
        "two_hop_nodes": hop_nodes,
        "two_hop_edges": hop_edges,
        "two_hop_result_ms": hop_result_ms,
        "two_hop_graph_build_ms": hop_build_ms,
    })
    .to_string())
}
