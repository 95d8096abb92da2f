//! What Atlas asks of a graph database, over any [`Backend`]: push a data file (batched `UNWIND
//! $rows … MERGE`), pull the answer of a Cypher query, search by name, expand a node's
//! neighbours a page at a time. Every statement is fixed text with parameters; only labels and
//! relationship types (which Cypher cannot take as parameters) come from the data, checked by
//! `mapping::quoted`.

use super::mapping::{self, SOURCE_LABEL, SubgraphBuilder};
use super::value::Value;
use super::{Backend, DbError};
use crate::model::Dataset;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Rows per statement when pushing.
pub const PUSH_BATCH: usize = 2000;
/// Neighbours fetched by one expansion (Bloom's default).
pub const EXPAND_LIMIT: usize = 100;
/// Relationships added between the nodes of an answer, at most.
const CONNECT_LIMIT: i64 = 100_000;

/// How far a long job has come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    /// `None` while the size is unknown (a query still running).
    pub total: Option<usize>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PushStats {
    pub sources: usize,
    pub nodes: usize,
    pub edges: usize,
    pub seconds: f64,
}

/// A subgraph read from the database, ready to become the working graph or to be merged in.
#[derive(Clone, Debug, PartialEq)]
pub struct Subgraph {
    pub data: Dataset,
    /// The node expanded (its Atlas id), for placing the new nodes around it.
    pub around: Option<String>,
    /// More neighbours wait: ask again with `skip = next_skip`.
    pub more: bool,
    pub next_skip: usize,
}

fn check(cancel: &AtomicBool) -> Result<(), DbError> {
    if cancel.load(Ordering::Relaxed) {
        Err(DbError::Cancelled)
    } else {
        Ok(())
    }
}

fn map(pairs: impl IntoIterator<Item = (&'static str, Value)>) -> Value {
    Value::Map(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// Indexes on the ids Atlas merges by. Each server has its own syntax: the ones that do not
/// apply (or an index that exists) fail and are ignored.
pub fn ensure_indexes(b: &mut dyn Backend, cancel: &AtomicBool) -> Result<(), DbError> {
    const STATEMENTS: &[&str] = &[
        // Neo4j 5
        "CREATE INDEX atlas_id IF NOT EXISTS FOR (n:Atlas) ON (n.id)",
        "CREATE INDEX atlas_source_id IF NOT EXISTS FOR (n:AtlasSource) ON (n.id)",
        // FalkorDB
        "CREATE INDEX FOR (n:Atlas) ON (n.id)",
        "CREATE INDEX FOR (n:AtlasSource) ON (n.id)",
        // Memgraph
        "CREATE INDEX ON :Atlas(id)",
        "CREATE INDEX ON :AtlasSource(id)",
    ];
    let mut made = false;
    for s in STATEMENTS {
        match b.run(s, Vec::new(), cancel) {
            Ok(_) => made = true,
            Err(DbError::Query(_)) => {}
            Err(e) => return Err(e),
        }
        // FalkorDB and Neo4j each take their own pair; stop before the other syntaxes.
        if made && s.contains("AtlasSource") {
            break;
        }
    }
    Ok(())
}

/// Write `data` into the database: sources, nodes (merged by id, properties replaced), then edges
/// (merged by key), `batch` rows per statement. Pushing the same file again changes nothing;
/// nothing is deleted. Each statement is its own transaction: a push that fails part-way leaves
/// whole batches, and running it again completes it.
pub fn push(
    b: &mut dyn Backend,
    data: &Dataset,
    batch: usize,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<PushStats, DbError> {
    let start = Instant::now();
    let batch = batch.max(1);
    ensure_indexes(b, cancel)?;
    let total = data.sources.len() + data.nodes.len() + data.edges.len();
    let mut done = 0;
    let mut send = |b: &mut dyn Backend, statement: &str, rows: Vec<Value>| {
        for chunk in rows.chunks(batch) {
            check(cancel)?;
            b.run(
                statement,
                vec![("rows", Value::List(chunk.to_vec()))],
                cancel,
            )?;
            done += chunk.len();
            progress(Progress {
                done,
                total: Some(total),
            });
        }
        Ok::<(), DbError>(())
    };

    let sources = data
        .sources
        .iter()
        .map(|s| {
            map([
                ("id", Value::str(s.id.as_str())),
                ("p", Value::Map(mapping::source_props(s))),
            ])
        })
        .collect();
    send(
        b,
        &format!("UNWIND $rows AS row MERGE (s:{SOURCE_LABEL} {{id: row.id}}) SET s = row.p"),
        sources,
    )?;

    // One statement per label: a label cannot be a parameter.
    let mut by_label: BTreeMap<Option<String>, Vec<Value>> = BTreeMap::new();
    for n in &data.nodes {
        by_label
            .entry(mapping::kind_label(&n.kind))
            .or_default()
            .push(map([
                ("id", Value::str(n.id.as_str())),
                ("p", Value::Map(mapping::node_props(n))),
            ]));
    }
    for (label, rows) in by_label {
        match label {
            Some(l) => {
                // `MERGE (n:Atlas:K …)` is several times faster on FalkorDB than merging on
                // `Atlas` and then setting the label; a node stored under another kind first
                // gets this label too, so that the merge finds it instead of making a second
                // node with the same id (the old label stays; the `kind` property decides).
                let relabel = format!(
                    "UNWIND $rows AS row MATCH (n:Atlas {{id: row.id}}) WHERE NOT n:{l} SET n:{l}"
                );
                for chunk in rows.chunks(batch) {
                    check(cancel)?;
                    b.run(
                        &relabel,
                        vec![("rows", Value::List(chunk.to_vec()))],
                        cancel,
                    )?;
                }
                send(
                    b,
                    &format!(
                        "UNWIND $rows AS row MERGE (n:Atlas:{l} {{id: row.id}}) SET n = row.p"
                    ),
                    rows,
                )?;
            }
            None => send(
                b,
                "UNWIND $rows AS row MERGE (n:Atlas {id: row.id}) SET n = row.p",
                rows,
            )?,
        }
    }

    let keys = mapping::edge_keys(data);
    let mut by_type: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (e, key) in data.edges.iter().zip(&keys) {
        by_type
            .entry(mapping::rel_type(&e.rel))
            .or_default()
            .push(map([
                ("from", Value::str(e.from.as_str())),
                ("to", Value::str(e.to.as_str())),
                ("key", Value::str(key.as_str())),
                ("p", Value::Map(mapping::edge_props(e, key))),
            ]));
    }
    for (typ, rows) in by_type {
        send(
            b,
            &format!(
                "UNWIND $rows AS row MATCH (a:Atlas {{id: row.from}}) MATCH (c:Atlas {{id: row.to}}) \
                 MERGE (a)-[r:{typ} {{key: row.key}}]->(c) SET r = row.p"
            ),
            rows,
        )?;
    }
    Ok(PushStats {
        sources: data.sources.len(),
        nodes: data.nodes.len(),
        edges: data.edges.len(),
        seconds: start.elapsed().as_secs_f64(),
    })
}

/// The server ids of the nodes gathered so far (to add the relationships between them).
fn server_ids(rows: &[Vec<Value>]) -> Vec<Value> {
    let (mut nodes, mut rels) = (Vec::new(), Vec::new());
    for row in rows {
        for v in row {
            v.clone().collect_into(&mut nodes, &mut rels);
        }
    }
    let mut ids: Vec<i64> = nodes.iter().map(|n| n.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter().map(Value::Int).collect()
}

/// The relationships between the nodes of `rows`, and the sources their citations name.
fn complete(
    b: &mut dyn Backend,
    rows: Vec<Vec<Value>>,
    cancel: &AtomicBool,
) -> Result<SubgraphBuilder, DbError> {
    let ids = server_ids(&rows);
    let mut sub = SubgraphBuilder::default();
    for v in rows.into_iter().flatten() {
        sub.add(v);
    }
    if ids.len() > 1 {
        check(cancel)?;
        let connecting = b.run(
            "MATCH (a)-[r]->(c) WHERE id(a) IN $ids AND id(c) IN $ids RETURN a, r, c LIMIT $limit",
            vec![
                ("ids", Value::List(ids)),
                ("limit", Value::Int(CONNECT_LIMIT)),
            ],
            cancel,
        )?;
        connecting.into_iter().flatten().for_each(|v| sub.add(v));
    }
    let missing = sub.missing_sources();
    if !missing.is_empty() {
        check(cancel)?;
        let sources = b.run(
            &format!("MATCH (s:{SOURCE_LABEL}) WHERE s.id IN $ids RETURN s"),
            vec![("ids", missing.into())],
            cancel,
        )?;
        sources.into_iter().flatten().for_each(|v| sub.add(v));
    }
    Ok(sub)
}

/// The nodes, relationships and paths a Cypher query returns, with the relationships between
/// those nodes and the sources they cite.
pub fn pull(b: &mut dyn Backend, cypher: &str, cancel: &AtomicBool) -> Result<Subgraph, DbError> {
    let rows = b.run(cypher, Vec::new(), cancel)?;
    let data = complete(b, rows, cancel)?.finish();
    Ok(Subgraph {
        data,
        around: None,
        more: false,
        next_skip: 0,
    })
}

/// Nodes whose names, aliases, pinyin or id contain `text` (case ignored), at most `limit`.
pub fn search(
    b: &mut dyn Backend,
    text: &str,
    limit: usize,
    cancel: &AtomicBool,
) -> Result<Subgraph, DbError> {
    let q = text.trim().to_lowercase();
    let squashed: String = q.chars().filter(|c| !c.is_whitespace()).collect();
    let rows = b.run(
        "MATCH (n) WHERE NOT n:AtlasSource AND ( \
           (n.search IS NOT NULL AND (n.search CONTAINS $q OR n.search CONTAINS $squashed)) \
           OR (n.search IS NULL AND toLower(toString(coalesce(n.name, n.title, n.id, ''))) CONTAINS $q)) \
         RETURN n ORDER BY (n.name_zh = $text OR toLower(n.name_en) = $q OR n.id = $text) DESC \
         LIMIT $limit",
        vec![
            ("text", Value::str(text.trim())),
            ("q", Value::Str(q)),
            ("squashed", Value::Str(squashed)),
            ("limit", Value::Int(i64::try_from(limit).unwrap_or(i64::MAX))),
        ],
        cancel,
    )?;
    let data = complete(b, rows, cancel)?.finish();
    Ok(Subgraph {
        data,
        around: None,
        more: false,
        next_skip: 0,
    })
}

/// The statement part that finds the node with Atlas id `node` (`db:N`: the server's id N).
fn match_node(node: &str) -> (String, Value) {
    match node.strip_prefix("db:").and_then(|n| n.parse::<i64>().ok()) {
        Some(n) => ("MATCH (a) WHERE id(a) = $node".into(), Value::Int(n)),
        None => ("MATCH (a:Atlas {id: $node})".into(), Value::str(node)),
    }
}

/// The neighbours of `node` over relationships number `skip + 1 ..= skip + limit` (ordered by
/// the server's relationship id, so pages do not overlap), with the node itself.
pub fn expand(
    b: &mut dyn Backend,
    node: &str,
    limit: usize,
    skip: usize,
    cancel: &AtomicBool,
) -> Result<Subgraph, DbError> {
    let (find, id) = match_node(node);
    let as_int = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let rows = b.run(
        &format!("{find} MATCH (a)-[r]-(c) RETURN a, r, c ORDER BY id(r) SKIP $skip LIMIT $limit"),
        vec![
            ("node", id),
            ("skip", as_int(skip)),
            ("limit", as_int(limit + 1)),
        ],
        cancel,
    )?;
    if rows.is_empty() && skip == 0 {
        let (find, id) = match_node(node);
        let found = b.run(&format!("{find} RETURN a"), vec![("node", id)], cancel)?;
        if found.is_empty() {
            return Err(DbError::Query(format!("no node {node:?} in the database")));
        }
    }
    let more = rows.len() > limit;
    let rows: Vec<Vec<Value>> = rows.into_iter().take(limit).collect();
    let got = rows.len();
    let mut sub = SubgraphBuilder::default();
    rows.into_iter().flatten().for_each(|v| sub.add(v));
    let missing = sub.missing_sources();
    if !missing.is_empty() {
        let sources = b.run(
            &format!("MATCH (s:{SOURCE_LABEL}) WHERE s.id IN $ids RETURN s"),
            vec![("ids", missing.into())],
            cancel,
        )?;
        sources.into_iter().flatten().for_each(|v| sub.add(v));
    }
    Ok(Subgraph {
        data: sub.finish(),
        around: Some(node.to_string()),
        more,
        next_skip: skip + got,
    })
}

/// Every node within two hops of `node` with the relationships between them (at most `limit`
/// paths): the benchmark's "open a neighbourhood".
pub fn two_hops(
    b: &mut dyn Backend,
    node: &str,
    limit: usize,
    cancel: &AtomicBool,
) -> Result<Subgraph, DbError> {
    let (find, id) = match_node(node);
    let rows = b.run(
        &format!("{find} MATCH p = (a)-[*1..2]-(c) RETURN p LIMIT $limit"),
        vec![
            ("node", id),
            (
                "limit",
                Value::Int(i64::try_from(limit).unwrap_or(i64::MAX)),
            ),
        ],
        cancel,
    )?;
    let data = complete(b, rows, cancel)?.finish();
    Ok(Subgraph {
        data,
        around: Some(node.to_string()),
        more: false,
        next_skip: 0,
    })
}
