//! CSV in and out: a nodes file and an edges file, with a column mapping.
//!
//! Import reads `X.csv` (nodes) and, if present, the edges file next to it (`X.edges.csv`, or
//! `edges.csv` beside `nodes.csv`, `foo_edges.csv` beside `foo_nodes.csv`); a file whose name
//! says `edges` is read as an edges-only file. Columns are found by common names (Gephi's
//! `Id`/`Label`/`Source`/`Target` included) unless the mapping names them. Unmapped columns
//! become attributes; empty cells are omitted.
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
//! carriage return, and not a plain number such as `-3.5`) are written with a leading `'`, and
//! that one quote is dropped again on import, so our own files round-trip exactly.

mod cell;

use super::raw::{Attrs, Builder, RawGraph};
use super::text::{Budget, MAX_ELEMENTS, over_budget, too_many};
use crate::io::Diagnostic;
pub use cell::neutralise_cell;
use cell::restore_cell;
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

/// Diagnostics kept per table: a file of a million bad rows would otherwise build a list far
/// larger than itself; the count of the rest is reported instead.
const MAX_REPORTED: usize = 1000;

/// Problems of one table, capped at `MAX_REPORTED` plus a count of the rest.
struct Problems {
    list: Vec<Diagnostic>,
    more: usize,
}

impl Problems {
    fn new() -> Self {
        Problems {
            list: Vec::new(),
            more: 0,
        }
    }

    fn push(&mut self, d: impl FnOnce() -> Diagnostic) {
        if self.list.len() < MAX_REPORTED {
            self.list.push(d());
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self, label: &str) -> Result<(), Vec<Diagnostic>> {
        if self.more > 0 {
            self.list.push(Diagnostic::new(
                label,
                0,
                0,
                format!("… and {} more rows with the same problem", self.more),
            ));
        }
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(self.list)
        }
    }
}

/// One table being read: its header (neutralised cells restored) and a streaming reader, so
/// that no row is kept after it has been turned into a node or edge.
struct Table<'a> {
    headers: Vec<String>,
    reader: csv::Reader<&'a [u8]>,
    text: &'a str,
    label: &'a str,
}

/// The byte cost of a kept header (its `String` plus its bytes), checked against the budget.
const HEADER_COST: u64 = 24;

fn open_table<'a>(
    text: &'a str,
    label: &'a str,
    budget: &mut Budget,
) -> Result<Table<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let record = reader.headers().map_err(|e| csv_err(label, &e, &[]))?;
    let mut headers = Vec::with_capacity(record.len().min(1 << 16));
    for h in record.iter() {
        if !budget.spend(HEADER_COST + h.len() as u64) {
            return Err(over_budget(label, text, 0));
        }
        headers.push(restore_cell(h.trim()).into_owned());
    }
    Ok(Table {
        headers,
        reader,
        text,
        label,
    })
}

impl Table<'_> {
    /// The next row and its line, reusing `row`; `None` at the end.
    fn next(&mut self, row: &mut csv::StringRecord) -> Result<Option<usize>, Diagnostic> {
        match self.reader.read_record(row) {
            Ok(true) => Ok(Some(
                row.position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0)),
            )),
            Ok(false) => Ok(None),
            Err(e) => Err(csv_err(self.label, &e, &self.headers)),
        }
    }

    fn over_budget(&self, row: &csv::StringRecord) -> Diagnostic {
        let at = row
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        over_budget(self.label, self.text, at)
    }

    /// The listed column names of a message, shortened for tables with thousands of columns.
    fn columns(&self) -> String {
        const SHOWN: usize = 20;
        let mut s = self.headers[..self.headers.len().min(SHOWN)].join(", ");
        if self.headers.len() > SHOWN {
            s.push_str(&format!(", … ({} columns)", self.headers.len()));
        }
        s
    }

    fn find(
        &self,
        chosen: Option<&str>,
        defaults: &[&str],
        what: &str,
    ) -> Result<Option<usize>, Diagnostic> {
        let headers = &self.headers;
        match chosen {
            Some(c) => headers
                .iter()
                .position(|h| h == c)
                .map(Some)
                .ok_or_else(|| {
                    Diagnostic::new(
                        self.label,
                        1,
                        1,
                        format!(
                            "no column named \"{c}\" for the {what} (columns: {})",
                            self.columns()
                        ),
                    )
                }),
            None => Ok(defaults
                .iter()
                .find_map(|d| headers.iter().position(|h| h == d))),
        }
    }

    /// The attributes of `row` outside the `skip` columns (empty cells omitted), charged to
    /// `budget`; `None` when the budget is exhausted.
    fn attrs(
        &self,
        row: &csv::StringRecord,
        skip: &[Option<usize>],
        budget: &mut Budget,
    ) -> Option<Attrs> {
        let mut a = Attrs::new();
        for (i, (h, v)) in self.headers.iter().zip(row.iter()).enumerate() {
            if !skip.contains(&Some(i)) && !v.is_empty() && !h.is_empty() {
                if !budget.attribute(h, v) {
                    return None;
                }
                a.insert(h.clone(), restore_cell(v).into_owned());
            }
        }
        Some(a)
    }
}

/// The cell of column `c` with a neutralised formula restored.
fn cell(row: &csv::StringRecord, c: Option<usize>) -> Option<String> {
    c.and_then(|c| row.get(c))
        .filter(|v| !v.is_empty())
        .map(|v| restore_cell(v).into_owned())
}

/// Parse a nodes table (`nodes`, may be `None`) and an edges table into a graph.
pub fn parse(
    nodes: Option<(&str, &str)>,
    edges: Option<(&str, &str)>,
    map: &CsvMapping,
) -> Result<RawGraph, Vec<Diagnostic>> {
    let mut b = Builder::new(true);
    let total = nodes.map_or(0, |n| n.0.len()) + edges.map_or(0, |e| e.0.len());
    let mut budget = Budget::for_input(total);
    let mut row = csv::StringRecord::new();
    if let Some((text, label)) = nodes {
        let mut t = open_table(text, label, &mut budget).map_err(|d| vec![d])?;
        let id = t
            .find(map.id.as_deref(), ID, "node id")
            .map_err(|d| vec![d])?;
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
        let lab = t
            .find(map.label.as_deref(), LABEL, "label")
            .map_err(|d| vec![d])?;
        let kind = t
            .find(map.kind.as_deref(), KIND, "kind")
            .map_err(|d| vec![d])?;
        let mut problems = Problems::new();
        while let Some(line) = t.next(&mut row).map_err(|d| vec![d])? {
            let Some(v) = cell(&row, Some(id)).filter(|v| !v.trim().is_empty()) else {
                problems.push(|| {
                    Diagnostic::new(
                        label,
                        line,
                        id + 1,
                        format!("column \"{}\": empty node id", t.headers[id]),
                    )
                });
                continue;
            };
            if b.len() >= MAX_ELEMENTS {
                return Err(vec![too_many(label)]);
            }
            if !budget.element(v.len()) {
                return Err(vec![t.over_budget(&row)]);
            }
            let Some(mut a) = t.attrs(&row, &[Some(id), lab, kind], &mut budget) else {
                return Err(vec![t.over_budget(&row)]);
            };
            if let Some(v) = cell(&row, lab) {
                a.insert("label".into(), v);
            }
            if let Some(v) = cell(&row, kind) {
                a.insert("kind".into(), v);
            }
            b.node(v.trim(), true).attrs.extend(a);
        }
        problems.finish(label)?;
    }
    if let Some((text, label)) = edges {
        let mut t = open_table(text, label, &mut budget).map_err(|d| vec![d])?;
        let col = |chosen: Option<&String>, defaults: &[&str], what: &str| {
            t.find(chosen.map(String::as_str), defaults, what)
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
        // Gephi's edge table says `Type` = Directed/Undirected: that is not a relation.
        let rel = col(map.relation.as_ref(), RELATION, "relation")?;
        let mut problems = Problems::new();
        while let Some(line) = t.next(&mut row).map_err(|d| vec![d])? {
            let end = |c: usize| cell(&row, Some(c)).filter(|v| !v.trim().is_empty());
            let (Some(from), Some(to)) = (end(s), end(tg)) else {
                let c = if end(s).is_none() { s } else { tg };
                problems.push(|| {
                    Diagnostic::new(
                        label,
                        line,
                        c + 1,
                        format!("column \"{}\": empty node id", t.headers[c]),
                    )
                });
                continue;
            };
            if b.len() >= MAX_ELEMENTS {
                return Err(vec![too_many(label)]);
            }
            if !budget.element(from.len() + to.len()) {
                return Err(vec![t.over_budget(&row)]);
            }
            let Some(mut a) = t.attrs(&row, &[Some(s), Some(tg), rel], &mut budget) else {
                return Err(vec![t.over_budget(&row)]);
            };
            if let Some(v) = cell(&row, rel) {
                a.insert("relation".into(), v);
            }
            b.edge(from.trim(), to.trim()).attrs = a;
        }
        problems.finish(label)?;
    }
    Ok(b.finish())
}

fn write_table(
    headers: &[String],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let safe = |cells: &[String]| -> Vec<String> {
        cells
            .iter()
            .map(|c| neutralise_cell(c).into_owned())
            .collect()
    };
    w.write_record(safe(headers)).map_err(|e| e.to_string())?;
    for r in rows {
        w.write_record(safe(&r)).map_err(|e| e.to_string())?;
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

#[cfg(test)]
mod tests {
    use super::cell::{FORMULA_START, is_number};
    use super::*;
    use crate::io::formats::raw::{RawEdge, RawNode};

    #[test]
    fn our_export_reads_back_exactly() {
        let tricky = [
            "=cmd|' /C calc'!A0",
            "'=x",
            "''@y",
            "-1",
            "-x",
            "'",
            "plain",
            "+",
        ];
        let mut g = RawGraph::default();
        for (i, t) in tricky.iter().enumerate() {
            let mut attrs = Attrs::new();
            attrs.insert("label".into(), (*t).into());
            attrs.insert((*t).into(), format!("v{i}"));
            g.nodes.push(RawNode {
                id: format!("{t}{i}"),
                attrs,
            });
            let mut attrs = Attrs::new();
            attrs.insert("relation".into(), (*t).into());
            g.edges.push(RawEdge {
                from: format!("{t}{i}"),
                to: format!("{t}{i}"),
                attrs,
            });
        }
        let (nodes, edges) = write(&g).unwrap();
        for line in nodes.lines().chain(edges.lines()) {
            for cell in line.split(',') {
                let cell = cell.trim_start_matches('"');
                assert!(
                    !cell.starts_with(FORMULA_START) || is_number(cell),
                    "formula cell {cell:?} in {line:?}"
                );
            }
        }
        let back = parse(
            Some((&nodes, "n.csv")),
            Some((&edges, "e.csv")),
            &CsvMapping::default(),
        )
        .unwrap();
        assert_eq!(back.nodes, g.nodes);
        assert_eq!(back.edges, g.edges);
    }

    #[test]
    fn wide_and_empty_tables_stay_cheap() {
        // A million columns of empty cells: the header is charged, the empty cells copy nothing.
        let width = 1_000_000;
        let text = format!("id{}\na{}\n", ",".repeat(width), ",".repeat(width));
        let g = parse(Some((&text, "wide.csv")), None, &CsvMapping::default());
        assert!(g.is_ok_and(|g| g.nodes.len() == 1));
        // A long header key copied into every row is charged per copy.
        let key = "k".repeat(1 << 20);
        let rows = "a,1\n".repeat(4000);
        let text = format!("id,{key}\n{rows}");
        let e = parse(Some((&text, "copies.csv")), None, &CsvMapping::default()).unwrap_err();
        assert!(e[0].message.contains("refused"), "{}", e[0]);
        assert!(e[0].line > 1, "{}", e[0]);
    }

    #[test]
    fn a_million_bad_rows_give_a_bounded_report() {
        let text = format!("id,label\n{}", ",x\n".repeat(1_000_000));
        let e = parse(Some((&text, "bad.csv")), None, &CsvMapping::default()).unwrap_err();
        assert_eq!(e.len(), MAX_REPORTED + 1);
        assert!(
            e[MAX_REPORTED].message.contains("999000 more"),
            "{}",
            e[MAX_REPORTED]
        );
    }

    #[test]
    fn nul_and_long_fields_are_data() {
        let long = "x".repeat(1 << 20);
        let text = format!("id,label\na\0b,{long}\n");
        let g = parse(Some((&text, "nul.csv")), None, &CsvMapping::default()).unwrap();
        assert_eq!(g.nodes[0].id, "a\0b");
        assert_eq!(g.nodes[0].attrs["label"].len(), long.len());
    }

    /// The property the fuzz target checks, on inputs a fuzzer finds first.
    #[test]
    fn imported_ids_survive_export_and_reimport() {
        use crate::io::formats::{Format, export, parse_csv, parse_text, to_dataset};
        for text in [
            "id\n=1+2\n'=x\n -3 \n@a\n\"\ta\"\n",
            "id,x\n=a,+b\n'-c,=a\n",
            "id,label,kind\n\"x\ny\",=l,=k\n\"a\rb\",'',+\n",
        ] {
            let raw = parse_text(text, "in.csv", Format::Csv).unwrap();
            let (data, _) = to_dataset(raw);
            let (files, _) = export(&data, Path::new("out.csv"), Format::Csv).unwrap();
            let back = parse_csv(
                Some((&files[0].text, "out.csv")),
                Some((&files[1].text, "out.edges.csv")),
                &CsvMapping::default(),
            )
            .unwrap();
            let ids = |d: &crate::model::Dataset| {
                let mut v: Vec<String> = d.nodes.iter().map(|n| n.id.clone()).collect();
                v.sort();
                v
            };
            assert_eq!(ids(&to_dataset(back).0), ids(&data), "{text:?}");
        }
    }
}
