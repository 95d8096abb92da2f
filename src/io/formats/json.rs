//! JSON graphs in and out: node-link (networkx, D3; `links` or `edges`) and Cytoscape.js
//! (`elements` as an object of `nodes`/`edges` or as one array with `group`).

use super::raw::{Attrs, Builder, RawGraph};
use super::text::{MAX_ELEMENTS, too_many};
use crate::io::Diagnostic;
use crate::model::Dataset;
use serde_json::{Map, Value, json};

pub fn parse(text: &str, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    // serde_json refuses nesting deeper than 128 levels with a positioned error, so hostile
    // nesting cannot exhaust the stack.
    let v: Value =
        serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|e| {
            vec![Diagnostic::new(
                label,
                e.line(),
                e.column(),
                format!("malformed JSON: {e}"),
            )]
        })?;
    let whole = |m: &str| vec![Diagnostic::new(label, 0, 0, m)];
    let g = if v.get("elements").is_some() || v.is_array() {
        cytoscape(&v, label)?
    } else if v.get("nodes").is_some() {
        node_link(&v, label)?
    } else {
        return Err(whole(
            "JSON is neither node-link (`nodes`, `links`) nor Cytoscape.js (`elements`)",
        ));
    };
    Ok(g)
}

const SCHEMA_KEYS: &[&str] = &[
    "id", "kind", "name_zh", "name_en", "label", "aliases", "cites", "source", "target",
    "relation", "year", "inferred",
];

/// A JSON value as attribute text: strings as they are, everything else as JSON.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn flatten_into(a: &mut Attrs, obj: &Map<String, Value>, skip: &[&str]) {
    for (k, v) in obj {
        if skip.contains(&k.as_str()) {
            continue;
        }
        // Our own node-link export nests free attributes in `attrs`.
        if k == "attrs"
            && let Value::Object(inner) = v
        {
            for (ik, iv) in inner {
                if let Some(t) = as_text(iv) {
                    // A free attribute named like a schema field must not be taken for it.
                    let key = if SCHEMA_KEYS.contains(&ik.as_str()) {
                        format!("attr_{ik}")
                    } else {
                        ik.clone()
                    };
                    a.entry(key).or_insert(t);
                }
            }
            continue;
        }
        if let Some(t) = as_text(v) {
            a.insert(k.clone(), t);
        }
    }
}

fn node_link(v: &Value, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    let whole = |m: String| vec![Diagnostic::new(label, 0, 0, m)];
    let directed = v.get("directed").and_then(Value::as_bool).unwrap_or(true);
    let mut b = Builder::new(directed);
    if let Some(Value::Object(g)) = v.get("graph") {
        for (k, val) in g {
            match (k.as_str(), val) {
                ("title", Value::Object(t)) => {
                    for (lang, name) in t {
                        if let Some(s) = name.as_str() {
                            b.graph.attrs.insert(format!("title_{lang}"), s.to_string());
                        }
                    }
                }
                _ => {
                    if let Some(t) = as_text(val) {
                        b.graph.attrs.insert(k.clone(), t);
                    }
                }
            }
        }
    }
    let nodes = v
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or_else(|| whole("`nodes` is not a list".into()))?;
    if nodes.len() > MAX_ELEMENTS {
        return Err(vec![too_many(label)]);
    }
    // D3 data often has no ids: nodes are then named by their position, which is also what
    // numeric `source`/`target` mean there.
    let mut ids = Vec::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let id = match n.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(x)) => x.to_string(),
            Some(_) => return Err(whole(format!("node {i}: `id` must be a string or number"))),
            None => i.to_string(),
        };
        let node = b.node(&id, true);
        if let Value::Object(obj) = n {
            flatten_into(&mut node.attrs, obj, &["id"]);
        }
        ids.push(id);
    }
    let links = match v.get("links").or_else(|| v.get("edges")) {
        Some(Value::Array(l)) => l.as_slice(),
        Some(_) => return Err(whole("`links` is not a list".into())),
        None => &[],
    };
    if nodes.len() + links.len() > MAX_ELEMENTS {
        return Err(vec![too_many(label)]);
    }
    for (i, l) in links.iter().enumerate() {
        let end = |k: &str| -> Result<String, Vec<Diagnostic>> {
            match l.get(k) {
                Some(Value::String(s)) => Ok(s.clone()),
                Some(Value::Number(x)) => {
                    let s = x.to_string();
                    if b.has_node(&s) {
                        return Ok(s);
                    }
                    x.as_u64()
                        .and_then(|ix| ids.get(usize::try_from(ix).ok()?))
                        .cloned()
                        .ok_or_else(|| whole(format!("link {i}: `{k}` {s} names no node")))
                }
                // D3 after simulation: the endpoint object itself.
                Some(Value::Object(o)) => o
                    .get("id")
                    .and_then(as_text)
                    .ok_or_else(|| whole(format!("link {i}: `{k}` object has no id"))),
                _ => Err(whole(format!("link {i}: missing `{k}`"))),
            }
        };
        let (s, t) = (end("source")?, end("target")?);
        let e = b.edge(&s, &t);
        if let Value::Object(obj) = l {
            flatten_into(&mut e.attrs, obj, &["source", "target", "key"]);
        }
    }
    Ok(b.finish())
}

fn cytoscape(v: &Value, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    let whole = |m: String| vec![Diagnostic::new(label, 0, 0, m)];
    let mut b = Builder::new(true);
    let (nodes, edges): (Vec<&Value>, Vec<&Value>) = match v.get("elements").unwrap_or(v) {
        Value::Array(all) => all.iter().partition(|e| {
            e.get("group").and_then(Value::as_str) != Some("edges")
                && e.get("data").and_then(|d| d.get("source")).is_none()
        }),
        Value::Object(o) => (
            o.get("nodes")
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            o.get("edges")
                .and_then(Value::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
        ),
        _ => return Err(whole("`elements` must be a list or an object".into())),
    };
    if nodes.len() + edges.len() > MAX_ELEMENTS {
        return Err(vec![too_many(label)]);
    }
    if let Some(Value::Object(d)) = v.get("data") {
        flatten_into(&mut b.graph.attrs, d, &[]);
    }
    for (i, n) in nodes.iter().enumerate() {
        let data = n.get("data").and_then(Value::as_object);
        let id = data
            .and_then(|d| d.get("id"))
            .and_then(as_text)
            .ok_or_else(|| whole(format!("node element {i}: no `data.id`")))?;
        let node = b.node(&id, true);
        if let Some(d) = data {
            flatten_into(&mut node.attrs, d, &["id"]);
        }
        if let Some(p) = n.get("position") {
            for k in ["x", "y"] {
                if let Some(c) = p.get(k).and_then(as_text) {
                    node.attrs.insert(k.into(), c);
                }
            }
        }
    }
    for (i, e) in edges.iter().enumerate() {
        let data = e
            .get("data")
            .and_then(Value::as_object)
            .ok_or_else(|| whole(format!("edge element {i}: no `data`")))?;
        let (Some(s), Some(t)) = (
            data.get("source").and_then(as_text),
            data.get("target").and_then(as_text),
        ) else {
            return Err(whole(format!(
                "edge element {i}: needs `data.source` and `data.target`"
            )));
        };
        let edge = b.edge(&s, &t);
        flatten_into(&mut edge.attrs, data, &["source", "target", "id"]);
    }
    Ok(b.finish())
}

/// Node-link JSON as `innovation-atlas export --format json` writes it, except that `year` is
/// only the edge's own year (so that a round trip does not invent years from citations).
pub fn write_node_link(data: &Dataset) -> Value {
    let mut v = crate::io::to_node_link_json(data);
    if let Some(Value::Array(links)) = v.get_mut("links") {
        for (l, e) in links.iter_mut().zip(&data.edges) {
            if e.year.is_none()
                && let Some(o) = l.as_object_mut()
            {
                o.remove("year");
            }
        }
    }
    v
}

/// Cytoscape.js `cy.json()` elements (also read by Cytoscape desktop as `.cyjs`).
pub fn write_cytoscape(g: &RawGraph) -> Value {
    let nodes: Vec<Value> = g
        .nodes
        .iter()
        .map(|n| {
            let mut d = Map::new();
            d.insert("id".into(), json!(n.id));
            for (k, v) in &n.attrs {
                if k != "x" && k != "y" {
                    d.insert(k.clone(), json!(v));
                }
            }
            let mut el = json!({"data": d});
            let num = |k: &str| n.attrs.get(k).and_then(|v| v.parse::<f64>().ok());
            if let (Some(x), Some(y)) = (num("x"), num("y")) {
                el["position"] = json!({"x": x, "y": y});
            }
            el
        })
        .collect();
    let edges: Vec<Value> = g
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut d = Map::new();
            d.insert("id".into(), json!(format!("e{i}")));
            d.insert("source".into(), json!(e.from));
            d.insert("target".into(), json!(e.to));
            for (k, v) in &e.attrs {
                d.insert(k.clone(), json!(v));
            }
            json!({"data": d})
        })
        .collect();
    let mut data = Map::new();
    for (k, v) in &g.attrs {
        data.insert(k.clone(), json!(v));
    }
    json!({"data": data, "elements": {"nodes": nodes, "edges": edges}})
}
