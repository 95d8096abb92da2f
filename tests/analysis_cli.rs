//! `innovation-atlas stats` and `innovation-atlas path` output shapes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use std::process::{Command, Output};

use common::shipped;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_innovation-atlas"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

const COLUMNS: &[&str] = &[
    "id",
    "name_zh",
    "name_en",
    "kind",
    "degree",
    "degree_in",
    "degree_out",
    "pagerank",
    "betweenness",
    "closeness",
    "eigenvector",
    "clustering",
    "community",
];

#[test]
fn stats_json_has_every_metric_for_every_node() {
    let file = shipped();
    let o = run(&["stats", file.to_str().expect("path"), "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let nodes = doc["nodes"].as_array().expect("nodes");
    let data = innovation_atlas::io::load_dataset(&file).expect("loads");
    assert_eq!(nodes.len(), data.nodes.len());
    for n in nodes {
        let obj = n.as_object().expect("object");
        for key in COLUMNS {
            assert!(obj.contains_key(*key), "missing {key}");
        }
        assert_eq!(
            obj["degree"].as_u64(),
            Some(obj["degree_in"].as_u64().unwrap_or(0) + obj["degree_out"].as_u64().unwrap_or(0))
        );
    }
    let pr: f64 = nodes.iter().filter_map(|n| n["pagerank"].as_f64()).sum();
    assert!((pr - 1.0).abs() < 1e-9, "PageRank sums to {pr}");
    let q = doc["modularity"].as_f64().expect("modularity");
    assert!(q > 0.2 && q < 1.0, "modularity {q}");
    assert!(doc["communities"].as_u64().expect("communities") > 2);
}

#[test]
fn stats_csv_has_a_header_and_a_row_per_node() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("stats.csv");
    let file = shipped();
    let o = run(&[
        "stats",
        file.to_str().expect("path"),
        "--format",
        "csv",
        "-o",
        out.to_str().expect("path"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let mut reader = csv::Reader::from_path(&out).expect("CSV");
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let mut want: Vec<&str> = COLUMNS.to_vec();
    want.sort_unstable();
    let mut got: Vec<&str> = header.iter().map(String::as_str).collect();
    assert_eq!(&got[..4], &COLUMNS[..4]);
    got.sort_unstable();
    assert_eq!(got, want);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let data = innovation_atlas::io::load_dataset(&file).expect("loads");
    assert_eq!(rows.len(), data.nodes.len());
    for r in &rows {
        assert_eq!(r.len(), COLUMNS.len());
        for v in r.iter().skip(4) {
            assert!(v.parse::<f64>().is_ok(), "not a number: {v}");
        }
    }
}

#[test]
fn path_prints_hops_with_relation_direction_and_citation() {
    let file = shipped();
    let o = run(&[
        "path",
        file.to_str().expect("path"),
        "张林",
        "Guangming Science City",
        "--k",
        "4",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = stdout(&o);
    let blocks: Vec<&str> = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .collect();
    assert_eq!(blocks.len(), 4, "{text}");
    for (i, block) in blocks.iter().enumerate() {
        let mut lines = block.lines();
        let head = lines.next().expect("header");
        assert!(head.starts_with(&format!("path {} (", i + 1)), "{head}");
        let lines: Vec<&str> = lines.collect();
        assert!(lines[0].contains("[zhang-lin]"), "{}", lines[0]);
        // Every hop line (numbered or "also") is followed by at least one quoted citation.
        for (j, l) in lines.iter().enumerate() {
            if !l.trim_start().starts_with('“') {
                assert!(l.contains("-->") || l.contains("<--"), "{l}");
                let next = lines.get(j + 1).expect("citation follows");
                assert!(
                    next.trim_start().starts_with('“') && next.contains("” — "),
                    "{next}"
                );
            }
        }
        assert!(block.contains("[guangming-science-city]"));
    }
}

#[test]
fn path_reports_unknown_nodes_and_rejects_k_above_ten() {
    let file = shipped();
    let f = file.to_str().expect("path");
    let o = run(&["path", f, "no-such-node", "shenzhen"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-node"));
    let o = run(&["path", f, "shenzhen", "zhang-lin", "--k", "11"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["path", f, "shenzhen", "zhang-lin", "--relation", "Likes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown relation"));
}
