//! JSON graphs in and out: node-link (networkx, D3; `links` or `edges`) and Cytoscape.js
//! (`elements` as an object of `nodes`/`edges` or as one array with `group`).

use super::raw::{Attrs, Builder, RawGraph};
use super::text::{Budget, MAX_ELEMENTS, too_many};
use crate::io::Diagnostic;
use crate::model::Dataset;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserializer, Serialize, Serializer};
use serde_json::{Map, Number, Value, json};
use std::borrow::Cow;
use std::fmt;

/// A parsed JSON value, kept compact: serde_json's `Value` spends a B-tree node (over 600
/// bytes) on every object, so a list of `{"a":0}` grows 80-fold in memory; here an object is
/// a sorted vector and the whole tree is charged to a `Budget` while it is built.
#[derive(Debug)]
enum J {
    Null,
    Bool(bool),
    Num(Number),
    Str(String),
    Arr(Vec<J>),
    /// Sorted by key, one entry per key: the last one in the file wins, as with `Value`.
    Obj(Vec<(String, J)>),
}

type Obj = [(String, J)];

fn get<'j>(obj: &'j Obj, key: &str) -> Option<&'j J> {
    obj.binary_search_by(|(k, _)| k.as_str().cmp(key))
        .ok()
        .map(|i| &obj[i].1)
}

impl J {
    fn get(&self, key: &str) -> Option<&J> {
        self.as_object().and_then(|o| get(o, key))
    }
    fn as_object(&self) -> Option<&Obj> {
        match self {
            J::Obj(o) => Some(o),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&[J]> {
        match self {
            J::Arr(a) => Some(a),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            J::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl Serialize for J {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            J::Null => s.serialize_unit(),
            J::Bool(b) => s.serialize_bool(*b),
            J::Num(n) => n.serialize(s),
            J::Str(t) => s.serialize_str(t),
            J::Arr(a) => s.collect_seq(a),
            J::Obj(o) => s.collect_map(o.iter().map(|(k, v)| (k, v))),
        }
    }
}

const VALUE_COST: u64 = size_of::<J>() as u64;
const ENTRY_COST: u64 = size_of::<(String, J)>() as u64;
const REFUSED: &str = "refused: this JSON needs more memory than its size justifies";

/// Builds one `J`, charging every value, entry and string before it is allocated.
struct Seed<'b>(&'b mut Budget);

/// Builds one object key, charged like a string.
struct Key<'b>(&'b mut Budget);

fn charge<E: serde::de::Error>(budget: &mut Budget, bytes: u64) -> Result<(), E> {
    if budget.spend(bytes) {
        Ok(())
    } else {
        Err(E::custom(REFUSED))
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = J;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<J, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = J;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<J, E> {
        Ok(J::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<J, E> {
        Ok(J::Bool(b))
    }
    fn visit_u64<E>(self, n: u64) -> Result<J, E> {
        Ok(J::Num(n.into()))
    }
    fn visit_i64<E>(self, n: i64) -> Result<J, E> {
        Ok(J::Num(n.into()))
    }
    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<J, E> {
        // serde_json refuses 1e999 itself; this only guards the conversion.
        Number::from_f64(n)
            .map(J::Num)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<J, E> {
        charge(self.0, s.len() as u64)?;
        Ok(J::Str(s.to_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<J, A::Error> {
        let mut out = Vec::new();
        loop {
            charge(self.0, VALUE_COST)?;
            match seq.next_element_seed(Seed(&mut *self.0))? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        out.shrink_to_fit();
        Ok(J::Arr(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<J, A::Error> {
        let mut out = Vec::new();
        loop {
            charge(self.0, ENTRY_COST)?;
            let Some(k) = map.next_key_seed(Key(&mut *self.0))? else {
                break;
            };
            let v = map.next_value_seed(Seed(&mut *self.0))?;
            out.push((k, v));
        }
        // Stable: among equal keys the last stays last, and `dedup_by` keeps the first of a
        // run, so the order is reversed around it to keep the last.
        out.reverse();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.dedup_by(|a, b| a.0 == b.0);
        out.shrink_to_fit();
        Ok(J::Obj(out))
    }
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object key")
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<String, E> {
        charge(self.0, s.len() as u64)?;
        Ok(s.to_owned())
    }
}

fn read(text: &str, label: &str) -> Result<J, Diagnostic> {
    let mut budget = Budget::for_input(text.len());
    let mut de = serde_json::Deserializer::from_str(text);
    // serde_json refuses nesting deeper than 128 levels with a positioned error (also through
    // a seed), so hostile nesting cannot exhaust the stack.
    let v = Seed(&mut budget)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
        .map_err(|e| {
            let msg = if e.is_data() {
                e.to_string()
            } else {
                format!("malformed JSON: {e}")
            };
            Diagnostic::new(label, e.line(), e.column(), msg)
        })?;
    Ok(v)
}

pub fn parse(text: &str, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    let v = read(text.strip_prefix('\u{feff}').unwrap_or(text), label).map_err(|d| vec![d])?;
    let whole = |m: &str| vec![Diagnostic::new(label, 0, 0, m)];
    // Elements and copied endpoints are charged apart from the parsed tree.
    let mut budget = Budget::for_input(text.len());
    let g = if v.get("elements").is_some() || matches!(v, J::Arr(_)) {
        cytoscape(&v, label, &mut budget)?
    } else if v.get("nodes").is_some() {
        node_link(&v, label, &mut budget)?
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
fn as_text(v: &J) -> Option<String> {
    match v {
        J::Null => None,
        J::Str(s) => Some(s.clone()),
        other => serde_json::to_string(other).ok(),
    }
}

fn flatten_into(a: &mut Attrs, obj: &Obj, skip: &[&str]) {
    for (k, v) in obj {
        if skip.contains(&k.as_str()) {
            continue;
        }
        // Our own node-link export nests free attributes in `attrs`.
        if k == "attrs"
            && let J::Obj(inner) = v
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

fn refused(label: &str) -> Vec<Diagnostic> {
    vec![Diagnostic::new(
        label,
        0,
        0,
        format!("{REFUSED} (endpoints or attributes copied into every element)"),
    )]
}

/// A link's `source` or `target` as a node id. Borrowed, not cloned: a numeric endpoint names
/// a node whose id may be long, and its copy into every link is charged first.
fn endpoint<'a>(l: &'a J, k: &str, ids: &'a [String], b: &Builder) -> Result<Cow<'a, str>, String> {
    match l.get(k) {
        Some(J::Str(s)) => Ok(s.as_str().into()),
        Some(J::Num(x)) => {
            let s = x.to_string();
            if b.has_node(&s) {
                return Ok(s.into());
            }
            x.as_u64()
                .and_then(|ix| ids.get(usize::try_from(ix).ok()?))
                .map(|id| id.as_str().into())
                .ok_or_else(|| format!("`{k}` {s} names no node"))
        }
        // D3 after simulation: the endpoint object itself.
        Some(J::Obj(o)) => get(o, "id")
            .and_then(as_text)
            .map(Into::into)
            .ok_or_else(|| format!("`{k}` object has no id")),
        _ => Err(format!("missing `{k}`")),
    }
}

fn node_link(v: &J, label: &str, budget: &mut Budget) -> Result<RawGraph, Vec<Diagnostic>> {
    let whole = |m: String| vec![Diagnostic::new(label, 0, 0, m)];
    let directed = !matches!(v.get("directed"), Some(J::Bool(false)));
    let mut b = Builder::new(directed);
    if let Some(J::Obj(g)) = v.get("graph") {
        for (k, val) in g {
            match (k.as_str(), val) {
                ("title", J::Obj(t)) => {
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
        .and_then(J::as_array)
        .ok_or_else(|| whole("`nodes` is not a list".into()))?;
    if nodes.len() > MAX_ELEMENTS {
        return Err(vec![too_many(label)]);
    }
    // D3 data often has no ids: nodes are then named by their position, which is also what
    // numeric `source`/`target` mean there.
    let mut ids = Vec::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        let id = match n.get("id") {
            Some(J::Str(s)) => s.clone(),
            Some(J::Num(x)) => x.to_string(),
            Some(_) => return Err(whole(format!("node {i}: `id` must be a string or number"))),
            None => i.to_string(),
        };
        if !budget.element(id.len()) {
            return Err(refused(label));
        }
        let node = b.node(&id, true);
        if let J::Obj(obj) = n {
            flatten_into(&mut node.attrs, obj, &["id"]);
        }
        ids.push(id);
    }
    let links = match v.get("links").or_else(|| v.get("edges")) {
        Some(J::Arr(l)) => l.as_slice(),
        Some(_) => return Err(whole("`links` is not a list".into())),
        None => &[],
    };
    if nodes.len() + links.len() > MAX_ELEMENTS {
        return Err(vec![too_many(label)]);
    }
    for (i, l) in links.iter().enumerate() {
        let end = |k| endpoint(l, k, &ids, &b).map_err(|m| whole(format!("link {i}: {m}")));
        let (s, t) = (end("source")?, end("target")?);
        if !budget.element(s.len() + t.len()) {
            return Err(refused(label));
        }
        let (s, t) = (s.into_owned(), t.into_owned());
        let e = b.edge(&s, &t);
        if let J::Obj(obj) = l {
            flatten_into(&mut e.attrs, obj, &["source", "target", "key"]);
        }
    }
    Ok(b.finish())
}

fn cytoscape(v: &J, label: &str, budget: &mut Budget) -> Result<RawGraph, Vec<Diagnostic>> {
    let whole = |m: String| vec![Diagnostic::new(label, 0, 0, m)];
    let mut b = Builder::new(true);
    let (nodes, edges): (Vec<&J>, Vec<&J>) = match v.get("elements").unwrap_or(v) {
        J::Arr(all) => all.iter().partition(|e| {
            e.get("group").and_then(J::as_str) != Some("edges")
                && e.get("data").and_then(|d| d.get("source")).is_none()
        }),
        J::Obj(o) => (
            get(o, "nodes")
                .and_then(J::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
            get(o, "edges")
                .and_then(J::as_array)
                .map(|a| a.iter().collect())
                .unwrap_or_default(),
        ),
        _ => return Err(whole("`elements` must be a list or an object".into())),
    };
    if nodes.len() + edges.len() > MAX_ELEMENTS {
        return Err(vec![too_many(label)]);
    }
    if let Some(J::Obj(d)) = v.get("data") {
        flatten_into(&mut b.graph.attrs, d, &[]);
    }
    for (i, n) in nodes.iter().enumerate() {
        let data = n.get("data").and_then(J::as_object);
        let id = data
            .and_then(|d| get(d, "id"))
            .and_then(as_text)
            .ok_or_else(|| whole(format!("node element {i}: no `data.id`")))?;
        if !budget.element(id.len()) {
            return Err(refused(label));
        }
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
            .and_then(J::as_object)
            .ok_or_else(|| whole(format!("edge element {i}: no `data`")))?;
        let (Some(s), Some(t)) = (
            get(data, "source").and_then(as_text),
            get(data, "target").and_then(as_text),
        ) else {
            return Err(whole(format!(
                "edge element {i}: needs `data.source` and `data.target`"
            )));
        };
        if !budget.element(s.len() + t.len()) {
            return Err(refused(label));
        }
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
            // JSON has no NaN or infinity (serde_json would write `null`): a position that is
            // not two finite numbers stays in `data` as text instead of being lost.
            let num = |k: &str| {
                n.attrs
                    .get(k)
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|v| v.is_finite())
            };
            let position = num("x").zip(num("y"));
            let mut d = Map::new();
            d.insert("id".into(), json!(n.id));
            for (k, v) in &n.attrs {
                if position.is_none() || (k != "x" && k != "y") {
                    d.insert(k.clone(), json!(v));
                }
            }
            let mut el = json!({"data": d});
            if let Some((x, y)) = position {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::formats::raw::RawNode;

    #[test]
    fn cytoscape_keeps_non_finite_positions_as_data() {
        let node = |id: &str, x: &str, y: Option<&str>| RawNode {
            id: id.into(),
            attrs: std::iter::once(("x".to_string(), x.to_string()))
                .chain(y.map(|y| ("y".to_string(), y.to_string())))
                .collect(),
        };
        let g = RawGraph {
            nodes: vec![
                node("a", "NaN", Some("1")),
                node("b", "3", None),
                node("c", "1", Some("2")),
            ],
            ..RawGraph::default()
        };
        let v = write_cytoscape(&g);
        let n = &v["elements"]["nodes"];
        assert_eq!(n[0]["data"]["x"], "NaN");
        assert!(n[0].get("position").is_none());
        assert_eq!(n[1]["data"]["x"], "3", "a lone x is not dropped");
        assert_eq!(n[2]["position"], json!({"x": 1.0, "y": 2.0}));
        assert!(n[2]["data"].get("x").is_none());
    }

    #[test]
    fn parsed_values_read_back_as_serde_json_wrote_them() {
        let text = r#"{"nodes":[{"id":1.5,"b":{"z":[1,-2,3.25e40,null,true],"a":"s"},"attrs":{"id":"x"}}]}"#;
        let g = parse(text, "t").expect("valid");
        let a = &g.nodes[0].attrs;
        assert_eq!(g.nodes[0].id, "1.5");
        assert_eq!(a["b"], r#"{"a":"s","z":[1,-2,3.25e+40,null,true]}"#);
        assert_eq!(a["attr_id"], "x");
    }

    #[test]
    fn a_refusal_while_reading_has_a_position() {
        let mut budget = Budget::for_input(0);
        assert!(budget.spend(super::super::text::BUDGET_FLOOR - 10));
        let mut de = serde_json::Deserializer::from_str("[\n  \"a long string\"]");
        let e = Seed(&mut budget).deserialize(&mut de).expect_err("over");
        assert_eq!((e.line(), e.is_data()), (2, true), "{e}");
    }
}
