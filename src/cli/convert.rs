//! `innovation-atlas convert IN OUT [--from F] [--to F]`: convert between graph formats, chosen
//! by extension unless named. Warnings (what the output format cannot hold, what the input
//! needed fixing) go to standard error.

use crate::io::Diagnostic;
use crate::io::formats::{self, CsvMapping, Format};
use std::path::PathBuf;
use std::process::ExitCode;

const FORMATS: &str = "ron, graphml, gexf, gml, json (node-link), cyjs (Cytoscape.js), csv, dot, cypher (output only)";

#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// Input file (for CSV: the nodes file; its edges file is found next to it, see --edges).
    pub input: PathBuf,
    /// Output file (for CSV: the nodes file; the edges file is written next to it).
    pub output: PathBuf,
    /// Input format (default: by extension): ron, graphml, gexf, gml, json, cyjs, csv, dot.
    #[arg(long, value_name = "F")]
    pub from: Option<String>,
    /// Output format (default: by extension): ron, graphml, gexf, gml, json, cyjs, csv, dot, cypher.
    #[arg(long, value_name = "F")]
    pub to: Option<String>,
    /// CSV column mapping (boxed: it is the bulk of the arguments).
    #[command(flatten)]
    pub csv: Box<CsvArgs>,
}

/// How CSV input maps onto nodes and edges.
#[derive(clap::Args, Debug)]
pub struct CsvArgs {
    /// CSV input: the edges file (default: `X.edges.csv` next to `X.csv`, or `edges.csv` next to `nodes.csv`).
    #[arg(long, value_name = "FILE")]
    pub edges: Option<PathBuf>,
    /// CSV input: column holding node ids (default: id, Id, ID, key, node).
    #[arg(long, value_name = "COL")]
    pub id_col: Option<String>,
    /// CSV input: column holding node labels (default: label, Label, name, Name).
    #[arg(long, value_name = "COL")]
    pub label_col: Option<String>,
    /// CSV input: column holding node kinds (default: kind, Kind, category, Category).
    #[arg(long, value_name = "COL")]
    pub kind_col: Option<String>,
    /// CSV input: column holding edge sources (default: source, Source, from, From, src).
    #[arg(long, value_name = "COL")]
    pub source_col: Option<String>,
    /// CSV input: column holding edge targets (default: target, Target, to, To, dst).
    #[arg(long, value_name = "COL")]
    pub target_col: Option<String>,
    /// CSV input: column holding edge relations (default: relation, Relation, rel, label, Label).
    #[arg(long, value_name = "COL")]
    pub relation_col: Option<String>,
}

fn pick(named: Option<&str>, path: &std::path::Path, which: &str) -> Result<Format, String> {
    match named {
        Some(n) => Format::from_name(n)
            .ok_or_else(|| format!("unknown {which} format `{n}` (formats: {FORMATS})")),
        None => Format::from_path(path).ok_or_else(|| {
            format!(
                "{}: cannot tell the format from the extension; use --{which} (formats: {FORMATS})",
                path.display()
            )
        }),
    }
}

pub fn run(args: ConvertArgs) -> ExitCode {
    let (from, to) = match (
        pick(args.from.as_deref(), &args.input, "from"),
        pick(args.to.as_deref(), &args.output, "to"),
    ) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if !from.can_read() {
        eprintln!("{} is an output-only format", from.name());
        return ExitCode::from(2);
    }
    let csv = *args.csv;
    let map = CsvMapping {
        edges: csv.edges,
        id: csv.id_col,
        label: csv.label_col,
        kind: csv.kind_col,
        source: csv.source_col,
        target: csv.target_col,
        relation: csv.relation_col,
    };
    let imported = match formats::import_file(&args.input, Some(from), &map) {
        Ok(i) => i,
        Err(diags) => {
            print_diags(&diags);
            return ExitCode::from(1);
        }
    };
    for w in &imported.warnings {
        eprintln!("warning: {}: {w}", args.input.display());
    }
    match formats::save_any(&args.output, &imported.data, to) {
        Ok(notes) => {
            for n in notes {
                eprintln!("warning: {}: {n}", args.output.display());
            }
            eprintln!(
                "{} -> {}: {} nodes, {} edges",
                args.input.display(),
                args.output.display(),
                imported.data.nodes.len(),
                imported.data.edges.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn print_diags(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
}
