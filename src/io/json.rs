//! Node-link JSON as networkx reads it with `node_link_graph(data, edges="links")`.

use crate::model::{Cite, Dataset};
use serde_json::{Value, json};

fn cites(c: &[Cite]) -> Value {
    c.iter()
        .map(|c| match &c.context {
            Some(ctx) => json!({"source": c.source, "quote": c.quote, "context": ctx}),
            None => json!({"source": c.source, "quote": c.quote}),
        })
        .collect()
}

pub fn to_node_link_json(data: &Dataset) -> Value {
    let sources: Vec<Value> = data
        .sources
        .iter()
        .map(|s| {
            json!({"id": s.id, "file": s.file, "date": s.date,
                   "title_zh": s.title.zh, "title_en": s.title.en,
                   "publisher": s.publisher, "url": s.url})
        })
        .collect();
    let nodes: Vec<Value> = data
        .nodes
        .iter()
        .map(|n| {
            json!({
                "id": n.id, "kind": n.kind.ident(), "name_zh": n.name.zh, "name_en": n.name.en,
                "aliases": n.aliases, "attrs": n.attrs, "cites": cites(&n.cites),
            })
        })
        .collect();
    let links: Vec<Value> = data
        .edges
        .iter()
        .map(|e| {
            let year = e.year.or_else(|| {
                e.cites
                    .iter()
                    .filter_map(|c| data.source(&c.source)?.year())
                    .min()
            });
            json!({
                "source": e.from, "target": e.to, "relation": e.rel.ident(),
                "year": year, "inferred": e.inferred, "attrs": e.attrs, "cites": cites(&e.cites),
            })
        })
        .collect();
    json!({
        "directed": true,
        "multigraph": true,
        "graph": {"title": {"zh": data.title.zh, "en": data.title.en}, "sources": sources},
        "nodes": nodes,
        "links": links,
    })
}
