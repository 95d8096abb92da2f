//! Other graph formats (GraphML, GEXF, GML, JSON, CSV, DOT, Cypher): import and export.
//!
//! Every parser produces a format-neutral [`raw::RawGraph`]; `schema.rs` maps it onto the Atlas
//! schema once. Imported files carry no citations, so they are not held to the strict RON
//! validation; their kinds and relations are kept as they are, declared by a generated
//! vocabulary (distinct colours) when the shipped one does not know them.

mod csv;
mod cypher;
mod dot;
mod gexf;
mod gml;
mod graphml;
mod json;
mod raw;
mod schema;
mod text;
mod xml;

pub use super::read::MAX_INPUT_BYTES;
pub use csv::{CsvMapping, edges_path as csv_edges_path, neutralise_cell as csv_neutralise_cell};
pub use raw::{RawEdge, RawGraph, RawNode};
pub use schema::{from_dataset, to_dataset};
pub use text::{Budget, MAX_DEPTH, MAX_ELEMENTS, line_col, over_budget};

use super::Diagnostic;
use crate::model::Dataset;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Ron,
    GraphMl,
    Gexf,
    Gml,
    /// Node-link JSON (networkx, D3).
    Json,
    /// Cytoscape.js / Cytoscape desktop `.cyjs`.
    Cytoscape,
    Csv,
    Dot,
    /// Export only.
    Cypher,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Ron,
        Format::GraphMl,
        Format::Gexf,
        Format::Gml,
        Format::Json,
        Format::Cytoscape,
        Format::Csv,
        Format::Dot,
        Format::Cypher,
    ];

    /// The name used by `--from`/`--to`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ron => "ron",
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Gml => "gml",
            Format::Json => "json",
            Format::Cytoscape => "cyjs",
            Format::Csv => "csv",
            Format::Dot => "dot",
            Format::Cypher => "cypher",
        }
    }

    /// A format by name or file extension (case-insensitive).
    pub fn from_name(s: &str) -> Option<Format> {
        Some(match s.to_ascii_lowercase().as_str() {
            "ron" => Format::Ron,
            "graphml" | "xml" => Format::GraphMl,
            "gexf" => Format::Gexf,
            "gml" => Format::Gml,
            "json" | "node-link" | "nodelink" => Format::Json,
            "cyjs" | "cytoscape" => Format::Cytoscape,
            "csv" => Format::Csv,
            "dot" | "gv" | "graphviz" => Format::Dot,
            "cypher" | "cql" | "cyp" => Format::Cypher,
            _ => return None,
        })
    }

    pub fn from_path(path: &Path) -> Option<Format> {
        Format::from_name(path.extension()?.to_str()?)
    }

    pub fn can_read(self) -> bool {
        self != Format::Cypher
    }
}

/// What an import produced, with what the user should know (skipped hyperedges, implicit
/// nodes, …).
#[derive(Clone, Debug)]
pub struct Imported {
    pub data: Dataset,
    pub warnings: Vec<String>,
}

fn whole(path: &Path, msg: impl Into<String>) -> Vec<Diagnostic> {
    vec![Diagnostic::new(&path.display().to_string(), 0, 0, msg)]
}

/// Read a file as text through the one limited reader (`io::read_text`).
pub fn read_limited(path: &Path) -> Result<String, Vec<Diagnostic>> {
    super::read_text(path).map_err(|d| vec![d])
}

/// Parse text of a non-RON, non-CSV format into a raw graph.
pub fn parse_text(text: &str, label: &str, format: Format) -> Result<RawGraph, Vec<Diagnostic>> {
    match format {
        Format::GraphMl => graphml::parse(text, label),
        Format::Gexf => gexf::parse(text, label),
        Format::Gml => gml::parse(text, label),
        Format::Json | Format::Cytoscape => json::parse(text, label),
        Format::Dot => dot::parse(text, label),
        Format::Csv => csv::parse(Some((text, label)), None, &CsvMapping::default()),
        Format::Ron | Format::Cypher => Err(vec![Diagnostic::new(
            label,
            0,
            0,
            format!("{} is not an import format here", format.name()),
        )]),
    }
}

/// Parse CSV tables (nodes and/or edges) with a column mapping.
pub fn parse_csv(
    nodes: Option<(&str, &str)>,
    edges: Option<(&str, &str)>,
    map: &CsvMapping,
) -> Result<RawGraph, Vec<Diagnostic>> {
    csv::parse(nodes, edges, map)
}

fn import_csv(path: &Path, map: &CsvMapping) -> Result<RawGraph, Vec<Diagnostic>> {
    let label = path.display().to_string();
    if csv::is_edges_file(path) && map.edges.is_none() {
        let text = read_limited(path)?;
        return csv::parse(None, Some((&text, &label)), map);
    }
    let nodes = read_limited(path)?;
    let edges_file: Option<PathBuf> = match &map.edges {
        Some(p) => Some(p.clone()),
        None => Some(csv::edges_path(path)).filter(|p| p.is_file()),
    };
    match edges_file {
        Some(ep) => {
            let elabel = ep.display().to_string();
            let edges = read_limited(&ep)?;
            csv::parse(Some((&nodes, &label)), Some((&edges, &elabel)), map)
        }
        None => csv::parse(Some((&nodes, &label)), None, map),
    }
}

/// Import `path` as `format` (default: by extension). RON goes through the strict loader.
pub fn import_file(
    path: &Path,
    format: Option<Format>,
    csv_map: &CsvMapping,
) -> Result<Imported, Vec<Diagnostic>> {
    let format = match format.or_else(|| Format::from_path(path)) {
        Some(f) => f,
        None => {
            return Err(whole(
                path,
                "unknown file type: use .ron, .graphml, .gexf, .gml, .json, .cyjs, .csv, .dot or .gv",
            ));
        }
    };
    let raw = match format {
        Format::Ron => {
            // The app's policy: curation problems are warnings (only `check` refuses them).
            let text = read_limited(path)?;
            let (data, warnings) =
                super::parse_dataset_lenient(&text, &path.display().to_string())?;
            return Ok(Imported {
                data,
                warnings: warnings.iter().map(ToString::to_string).collect(),
            });
        }
        Format::Csv => import_csv(path, csv_map)?,
        other => {
            let text = read_limited(path)?;
            parse_text(&text, &path.display().to_string(), other)?
        }
    };
    let (data, warnings) = to_dataset(raw);
    Ok(Imported { data, warnings })
}

/// Load any supported file, choosing the format by extension. RON files are validated strictly;
/// imported formats are mapped onto the Atlas schema (unknown kinds and relations are kept).
pub fn load_any(path: &Path) -> Result<Dataset, Vec<Diagnostic>> {
    import_file(path, None, &CsvMapping::default()).map(|i| i.data)
}

/// One written file.
pub struct Written {
    pub path: PathBuf,
    pub text: String,
}

/// The files `data` becomes in `format` at `path` (CSV writes two), and warnings naming what
/// the format cannot hold.
pub fn export(
    data: &Dataset,
    path: &Path,
    format: Format,
) -> Result<(Vec<Written>, Vec<String>), String> {
    let (raw, mut notes) = from_dataset(data);
    let one = |text: String| {
        vec![Written {
            path: path.to_path_buf(),
            text,
        }]
    };
    let files = match format {
        Format::Ron => {
            notes.clear();
            let uncited = data.nodes.iter().filter(|n| n.cites.is_empty()).count()
                + data.edges.iter().filter(|e| e.cites.is_empty()).count();
            let vocab = data.declared_vocabulary();
            let unknown = data
                .nodes
                .iter()
                .filter(|n| !vocab.declares_kind(&n.kind))
                .count()
                + data
                    .edges
                    .iter()
                    .filter(|e| !vocab.declares_relation(&e.rel))
                    .count();
            if uncited > 0 || unknown > 0 {
                notes.push(format!(
                    "the RON file will not pass `check` until it is curated: {uncited} node(s)/edge(s) without citations, {unknown} with a kind or relation outside the vocabulary"
                ));
            }
            one(super::to_canonical_ron(data).map_err(|e| e.to_string())?)
        }
        Format::Json => {
            notes.clear();
            let v = json::write_node_link(data);
            one(serde_json::to_string_pretty(&v).map_err(|e| e.to_string())? + "\n")
        }
        Format::GraphMl => one(graphml::write(&raw)),
        Format::Gexf => {
            if !data.sources.is_empty() {
                notes.retain(|n| !n.contains("`sources`"));
                notes.push("GEXF has no graph attributes: the source list is not written (citations keep their source ids)".into());
            }
            if !data.title.zh.is_empty() && !data.title.en.is_empty() {
                notes.push(
                    "GEXF has no graph attributes: only one title is written (as the description)"
                        .into(),
                );
            }
            one(gexf::write(&raw))
        }
        Format::Gml => {
            let (text, w) = gml::write(&raw);
            notes.extend(w);
            one(text)
        }
        Format::Cytoscape => one(serde_json::to_string_pretty(&json::write_cytoscape(&raw))
            .map_err(|e| e.to_string())?
            + "\n"),
        Format::Dot => one(dot::write(&raw)),
        Format::Cypher => {
            notes.retain(|n| !n.contains("`sources`"));
            if !data.sources.is_empty() {
                notes.push("the Cypher script does not create the source list (citations keep their source ids)".into());
            }
            one(cypher::write(&raw))
        }
        Format::Csv => {
            let (nodes, edges) = csv::write(&raw)?;
            notes.retain(|n| !n.contains("`sources`"));
            if !data.sources.is_empty() || !data.title.zh.is_empty() || !data.title.en.is_empty() {
                notes.push(
                    "CSV has no graph-level data: the title and source list are not written".into(),
                );
            }
            vec![
                Written {
                    path: path.to_path_buf(),
                    text: nodes,
                },
                Written {
                    path: csv::edges_path(path),
                    text: edges,
                },
            ]
        }
    };
    Ok((files, notes))
}

/// Write `data` to `path` in `format` (atomically); returns warnings about what the format
/// cannot hold.
pub fn save_any(path: &Path, data: &Dataset, format: Format) -> Result<Vec<String>, String> {
    let (files, notes) = export(data, path, format)?;
    for f in files {
        super::write_atomic(&f.path, f.text.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", f.path.display()))?;
    }
    Ok(notes)
}
