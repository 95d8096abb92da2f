//! `innovation-atlas stats` (every metric per node, JSON or CSV) and `innovation-atlas path`
//! (the k shortest paths between two nodes, hop by hop with citations).

use crate::analysis::metrics::{self, Metric, MetricOptions};
use crate::analysis::paths::{self, PathDirection, PathQuery};
use crate::analysis::{Filter, visible_subgraph};
use crate::io;
use crate::model::{KnowledgeGraph, Relation};
use clap::ValueEnum;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum StatsFormat {
    /// `{"directed", "seed", "modularity", "communities", "nodes": [{id, name_zh, …, community}]}`.
    Json,
    /// One row per node, header `id,name_zh,name_en,kind,<metric>…`.
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// Data file (.ron).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: StatsFormat,
    /// Output file (default: standard output).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// Betweenness and closeness follow edge direction (default: ignore it).
    #[arg(long)]
    pub directed: bool,
    /// Seed of the Louvain community detection.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

fn load(file: &Path) -> Result<KnowledgeGraph, String> {
    let data = io::load_dataset(file).map_err(|d| io::join_diagnostics(&d))?;
    Ok(KnowledgeGraph::build(data))
}

/// The stats of a whole data file in the chosen format.
pub fn stats_text(kg: &KnowledgeGraph, format: StatsFormat, opts: &MetricOptions) -> String {
    let vis = visible_subgraph(kg, &Filter::default());
    let gm = metrics::compute(kg, &vis, opts);
    match format {
        StatsFormat::Json => {
            let nodes: Vec<serde_json::Value> = gm
                .rows
                .iter()
                .map(|r| {
                    let n = kg.node(r.node);
                    let mut obj = serde_json::Map::new();
                    obj.insert("id".into(), n.id.clone().into());
                    obj.insert("name_zh".into(), n.name.zh.clone().into());
                    obj.insert("name_en".into(), n.name.en.clone().into());
                    obj.insert("kind".into(), n.kind.ident().into());
                    obj.insert("degree".into(), r.degree.into());
                    obj.insert("degree_in".into(), r.degree_in.into());
                    obj.insert("degree_out".into(), r.degree_out.into());
                    for m in [
                        Metric::PageRank,
                        Metric::Betweenness,
                        Metric::Closeness,
                        Metric::Eigenvector,
                        Metric::Clustering,
                    ] {
                        obj.insert(m.ident().into(), r.get(m).into());
                    }
                    obj.insert("community".into(), r.community.into());
                    serde_json::Value::Object(obj)
                })
                .collect();
            let doc = serde_json::json!({
                "directed": opts.directed,
                "seed": opts.seed,
                "modularity": gm.communities.modularity,
                "communities": gm.communities.count(),
                "nodes": nodes,
            });
            // Serialising a Value built from strings and finite numbers cannot fail.
            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
        }
        StatsFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let mut header = vec!["id", "name_zh", "name_en", "kind"];
            header.extend(Metric::ALL.iter().map(|m| m.ident()));
            let _ = w.write_record(&header);
            for r in &gm.rows {
                let n = kg.node(r.node);
                let mut rec: Vec<String> = [&n.id, &n.name.zh, &n.name.en, n.kind.ident()]
                    .into_iter()
                    .map(|c| io::formats::csv_neutralise_cell(c).into_owned())
                    .collect();
                rec.extend(Metric::ALL.iter().map(|&m| match m {
                    Metric::DegreeIn => r.degree_in.to_string(),
                    Metric::DegreeOut => r.degree_out.to_string(),
                    Metric::Degree => r.degree.to_string(),
                    Metric::Community => r.community.to_string(),
                    m => r.get(m).to_string(),
                }));
                let _ = w.write_record(&rec);
            }
            // Writing into a Vec cannot fail.
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
    }
}

pub fn run(args: StatsArgs) -> ExitCode {
    let result = load(&args.file).and_then(|kg| {
        let opts = MetricOptions {
            directed: args.directed,
            seed: args.seed,
            ..MetricOptions::default()
        };
        let text = stats_text(&kg, args.format, &opts);
        match &args.out {
            Some(path) => io::write_atomic(path, text.as_bytes())
                .map_err(|e| format!("{}: cannot write: {e}", path.display())),
            None => {
                print!("{text}");
                Ok(())
            }
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct PathArgs {
    /// Data file (.ron).
    pub file: PathBuf,
    /// Start node: id, Chinese or English name, or alias.
    pub a: String,
    /// End node: id, Chinese or English name, or alias.
    pub b: String,
    /// Number of paths (1–10).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=10))]
    pub k: u8,
    /// Only follow edges along their direction (default: either way).
    #[arg(long)]
    pub directed: bool,
    /// Only walk these relations (identifiers as in data files, e.g. `Leads`); repeatable.
    #[arg(long = "relation", value_name = "REL")]
    pub relations: Vec<String>,
}

/// The paths from `a` to `b` as text: one block per path, one line per hop with its relation
/// and direction, then one line per citation (quote and source).
pub fn path_text(
    kg: &KnowledgeGraph,
    a: &str,
    b: &str,
    query: &PathQuery,
) -> Result<String, String> {
    let from = paths::resolve_node(kg, a)?;
    let to = paths::resolve_node(kg, b)?;
    let vis = visible_subgraph(kg, &Filter::default());
    let found = paths::k_shortest_paths(kg, &vis, from, to, query);
    let label = |ix| {
        let n = kg.node(ix);
        format!("{} [{}]", n.display_name(true), n.id)
    };
    if found.is_empty() {
        return Err(format!("no path from {} to {}", label(from), label(to)));
    }
    let mut out = String::new();
    for (i, p) in found.iter().enumerate() {
        let _ = writeln!(out, "path {} ({} hops)", i + 1, p.len());
        for (j, h) in p.hops.iter().enumerate() {
            for (k, &e) in std::iter::once(&h.edge).chain(&h.parallel).enumerate() {
                let edge = kg.edge(e);
                let forward = kg.graph.edge_endpoints(e).is_some_and(|(s, _)| s == h.from);
                let rel = kg.vocab().relation_label(&edge.rel, false);
                let arrow = if forward {
                    format!("--{rel}-->")
                } else {
                    format!("<--{rel}--")
                };
                let lead = if k == 0 {
                    format!("  {}.", j + 1)
                } else {
                    "    also".to_string()
                };
                let inferred = if edge.inferred { " (inferred)" } else { "" };
                let _ = writeln!(
                    out,
                    "{lead} {} {arrow} {}{inferred}",
                    label(h.from),
                    label(h.to)
                );
                for c in &edge.cites {
                    let src = kg.data.source(&c.source);
                    let title = src.map(|s| s.title.zh.as_str()).unwrap_or("");
                    let date = src.map(|s| s.date.as_str()).unwrap_or("");
                    let _ = writeln!(out, "       “{}” — {} {title} {date}", c.quote, c.source);
                }
            }
        }
        out.push('\n');
    }
    Ok(out)
}

pub fn run_path(args: PathArgs) -> ExitCode {
    let result = load(&args.file).and_then(|kg| {
        let relations = if args.relations.is_empty() {
            None
        } else {
            let set: BTreeSet<Relation> = args.relations.iter().map(|r| Relation::new(r)).collect();
            if let Some(bad) = set.iter().find(|r| kg.vocab().relation(r).is_none()) {
                return Err(format!("unknown relation: {bad}"));
            }
            Some(set)
        };
        let query = PathQuery {
            k: usize::from(args.k),
            direction: if args.directed {
                PathDirection::Forward
            } else {
                PathDirection::Any
            },
            relations,
        };
        path_text(&kg, &args.a, &args.b, &query)
    });
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::formats::{Format, parse_text, to_dataset};

    #[test]
    fn stats_csv_neutralises_formula_cells_but_not_numbers() {
        let nodes = "id,label,kind\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",@SUM(A1),Lab\n-3.5,+1+1,-x\nplain,\tcalc,Lab\n";
        let raw = parse_text(nodes, "t.csv", Format::Csv).unwrap();
        let kg = KnowledgeGraph::build(to_dataset(raw).0);
        let text = stats_text(&kg, StatsFormat::Csv, &MetricOptions::default());
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().take(4).map(str::to_string).collect())
            .collect();
        let cells: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
        for must in ["'=HYPERLINK(\"http://evil\",\"x\")", "'-x", "-3.5", "plain"] {
            assert!(cells.contains(&must), "{must:?} not in {cells:?}");
        }
        for cell in cells {
            let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(!formula || cell == "-3.5", "formula cell {cell:?}");
        }
    }
}
