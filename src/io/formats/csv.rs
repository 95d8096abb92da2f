//! CSV in and out: a nodes file and an edges file, with a column mapping.
//!
//! Import reads `X.csv` (nodes) and, if present, the edges file next to it (`X.edges.csv`, or
//! `edges.csv` beside `nodes.csv`, `foo_edges.csv` beside `foo_nodes.csv`); a file whose name
//! says `edges` is read as an edges-only file. Columns are found by common names (Gephi's
//! `Id`/`Label`/`Source`/`Target` included) unless the mapping names them. Unmapped columns
//! become attributes; empty cells are omitted.

use super::raw::{Attrs, Builder, RawGraph};
use super::text::{MAX_ELEMENTS, too_many};
use crate::io::Diagnostic;
use std::path::{Path, PathBuf};

/// Which columns hold what; `None` means "look for the usual names".
#[derive(Clone, Debug, Default)]
pub struct CsvMapping {
    /// The edges file (default: found next to the nodes file).
    pub edges: Option<PathBuf>,
    pub id: Option<String>,
    pub label: Option<String>,
    pub kind: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub relation: Option<String>,
}

const ID: &[&str] = &["id", "Id", "ID", "key", "node"];
const LABEL: &[&str] = &["label", "Label", "name", "Name"];
const KIND: &[&str] = &["kind", "Kind", "category", "Category"];
const SOURCE: &[&str] = &["source", "Source", "from", "From", "src"];
const TARGET: &[&str] = &["target", "Target", "to", "To", "dst"];
const RELATION: &[&str] = &["relation", "Relation", "rel", "label", "Label"];

/// The edges file that goes with nodes file `nodes`: `a/b.csv` → `a/b.edges.csv`;
/// `a/nodes.csv` → `a/edges.csv`; `a/x_nodes.csv` → `a/x_edges.csv`; `a/x.nodes.csv` → `a/x.edges.csv`.
pub fn edges_path(nodes: &Path) -> PathBuf {
    let stem = nodes
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("graph");
    let ext = nodes.extension().and_then(|s| s.to_str()).unwrap_or("csv");
    let name = match stem.strip_suffix("nodes") {
        Some(head) => format!("{head}edges.{ext}"),
        None => format!("{stem}.edges.{ext}"),
    };
    nodes.with_file_name(name)
}

/// True when the file name says it holds edges only (`edges.csv`, `foo_edges.csv`).
pub fn is_edges_file(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.to_ascii_lowercase().ends_with("edges"))
}

fn find(
    headers: &[String],
    chosen: Option<&str>,
    defaults: &[&str],
    label: &str,
    what: &str,
) -> Result<Option<usize>, Diagnostic> {
    match chosen {
        Some(c) => headers
            .iter()
            .position(|h| h == c)
            .map(Some)
            .ok_or_else(|| {
                Diagnostic::new(
                    label,
                    1,
                    1,
                    format!(
                        "no column named \"{c}\" for the {what} (columns: {})",
                        headers.join(", ")
                    ),
                )
            }),
        None => Ok(defaults
            .iter()
            .find_map(|d| headers.iter().position(|h| h == d))),
    }
}

fn csv_err(label: &str, e: &csv::Error, headers: &[String]) -> Diagnostic {
    let line = e
        .position()
        .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
    let msg = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("this row has {len} fields but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { err, .. } => {
            let col = headers
                .get(err.field())
                .map_or(String::from("?"), String::clone);
            return Diagnostic::new(
                label,
                line,
                err.field() + 1,
                format!("column \"{col}\": invalid UTF-8"),
            );
        }
        _ => format!("malformed CSV: {e}"),
    };
    Diagnostic::new(label, line, 1, msg)
}

struct Table {
    headers: Vec<String>,
    /// (line, cells)
    rows: Vec<(usize, Vec<String>)>,
}

fn read_table(text: &str, label: &str, budget: usize) -> Result<Table, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = r
        .headers()
        .map_err(|e| csv_err(label, &e, &[]))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| csv_err(label, &e, &headers))?;
        let line = rec
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        rows.push((line, rec.iter().map(str::to_string).collect()));
        if rows.len() > budget {
            return Err(too_many(label));
        }
    }
    Ok(Table { headers, rows })
}

fn attrs_of(t: &Table, row: &[String], skip: &[Option<usize>]) -> Attrs {
    let mut a = Attrs::new();
    for (i, (h, v)) in t.headers.iter().zip(row).enumerate() {
        if !skip.contains(&Some(i)) && !v.is_empty() && !h.is_empty() {
            a.insert(h.clone(), v.clone());
        }
    }
    a
}

/// Parse a nodes table (`nodes`, may be `None`) and an edges table into a graph.
pub fn parse(
    nodes: Option<(&str, &str)>,
    edges: Option<(&str, &str)>,
    map: &CsvMapping,
) -> Result<RawGraph, Vec<Diagnostic>> {
    let mut b = Builder::new(true);
    if let Some((text, label)) = nodes {
        let t = read_table(text, label, MAX_ELEMENTS).map_err(|d| vec![d])?;
        let id = find(&t.headers, map.id.as_deref(), ID, label, "node id").map_err(|d| vec![d])?;
        let Some(id) = id else {
            return Err(vec![Diagnostic::new(
                label,
                1,
                1,
                format!(
                    "no id column (looked for {}; choose one with --id-col)",
                    ID.join(", ")
                ),
            )]);
        };
        let lab =
            find(&t.headers, map.label.as_deref(), LABEL, label, "label").map_err(|d| vec![d])?;
        let kind =
            find(&t.headers, map.kind.as_deref(), KIND, label, "kind").map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        for (line, row) in &t.rows {
            let Some(v) = row.get(id).filter(|v| !v.trim().is_empty()) else {
                errors.push(Diagnostic::new(
                    label,
                    *line,
                    id + 1,
                    format!("column \"{}\": empty node id", t.headers[id]),
                ));
                continue;
            };
            let mut a = attrs_of(&t, row, &[Some(id), lab, kind]);
            if let Some(v) = lab.and_then(|c| row.get(c)).filter(|v| !v.is_empty()) {
                a.insert("label".into(), v.clone());
            }
            if let Some(v) = kind.and_then(|c| row.get(c)).filter(|v| !v.is_empty()) {
                a.insert("kind".into(), v.clone());
            }
            b.node(v.trim(), true).attrs.extend(a);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
    }
    if let Some((text, label)) = edges {
        let t =
            read_table(text, label, MAX_ELEMENTS.saturating_sub(b.len())).map_err(|d| vec![d])?;
        let col = |chosen: Option<&String>, defaults: &[&str], what: &str| {
            find(
                &t.headers,
                chosen.map(String::as_str),
                defaults,
                label,
                what,
            )
            .map_err(|d| vec![d])
        };
        let (Some(s), Some(tg)) = (
            col(map.source.as_ref(), SOURCE, "edge source")?,
            col(map.target.as_ref(), TARGET, "edge target")?,
        ) else {
            return Err(vec![Diagnostic::new(
                label,
                1,
                1,
                format!(
                    "edges need a source and a target column (looked for {} and {}; choose with --source-col/--target-col)",
                    SOURCE.join(", "),
                    TARGET.join(", ")
                ),
            )]);
        };
        let rel = col(map.relation.as_ref(), RELATION, "relation")?;
        // Gephi's edge table says `Type` = Directed/Undirected: that is not a relation.
        let mut errors = Vec::new();
        for (line, row) in &t.rows {
            let end = |c: usize| row.get(c).map(|v| v.trim()).filter(|v| !v.is_empty());
            let (Some(from), Some(to)) = (end(s), end(tg)) else {
                let c = if end(s).is_none() { s } else { tg };
                errors.push(Diagnostic::new(
                    label,
                    *line,
                    c + 1,
                    format!("column \"{}\": empty node id", t.headers[c]),
                ));
                continue;
            };
            let mut a = attrs_of(&t, row, &[Some(s), Some(tg), rel]);
            if let Some(v) = rel.and_then(|c| row.get(c)).filter(|v| !v.is_empty()) {
                a.insert("relation".into(), v.clone());
            }
            let (from, to) = (from.to_string(), to.to_string());
            b.edge(&from, &to).attrs = a;
        }
        if !errors.is_empty() {
            return Err(errors);
        }
    }
    Ok(b.finish())
}

fn write_table(
    headers: &[String],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(headers).map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record(&r).map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// The nodes table and the edges table.
pub fn write(g: &RawGraph) -> Result<(String, String), String> {
    let mut nh: Vec<String> = vec!["id".into()];
    let mut keys: std::collections::BTreeSet<&str> = g
        .nodes
        .iter()
        .flat_map(|n| n.attrs.keys().map(String::as_str))
        .collect();
    for first in ["label", "kind", "name_zh", "name_en"] {
        if keys.remove(first) {
            nh.push(first.into());
        }
    }
    nh.extend(keys.into_iter().map(str::to_string));
    let nodes = write_table(
        &nh,
        g.nodes.iter().map(|n| {
            std::iter::once(n.id.clone())
                .chain(
                    nh[1..]
                        .iter()
                        .map(|h| n.attrs.get(h).cloned().unwrap_or_default()),
                )
                .collect()
        }),
    )?;
    let mut eh: Vec<String> = vec!["source".into(), "target".into()];
    let mut keys: std::collections::BTreeSet<&str> = g
        .edges
        .iter()
        .flat_map(|e| e.attrs.keys().map(String::as_str))
        .collect();
    if keys.remove("relation") {
        eh.push("relation".into());
    }
    eh.extend(keys.into_iter().map(str::to_string));
    let edges = write_table(
        &eh,
        g.edges.iter().map(|e| {
            [e.from.clone(), e.to.clone()]
                .into_iter()
                .chain(
                    eh[2..]
                        .iter()
                        .map(|h| e.attrs.get(h).cloned().unwrap_or_default()),
                )
                .collect()
        }),
    )?;
    Ok((nodes, edges))
}
