//! Mapping between [`RawGraph`] string attributes and the Atlas schema.
//!
//! Attribute names used (and recognised on import): nodes `kind`, `name_zh`, `name_en`, `label`,
//! `aliases` (JSON list), `cites` (JSON list of `{source, quote}`); edges `relation`, `year`,
//! `inferred`, `cites`; graph `title_zh`, `title_en`, `sources` (JSON). Other tools' common
//! spellings (`labelV`, `labelE`, `name`, GEXF `start`) are recognised too. Everything else stays
//! in `attrs`.

use super::raw::{Attrs, RawEdge, RawGraph, RawNode};
use super::text::is_cjk;
use crate::model::{Cite, Dataset, Edge, Kind, Names, Node, Relation, Source, Vocabulary};
use serde_json::{Value, json};
use std::collections::HashSet;

/// Kind and relation given to elements whose file says nothing about them.
pub const GENERIC: &str = "Unknown";

const KIND_KEYS: &[&str] = &["kind", "Kind", "labelV"];
const REL_KEYS: &[&str] = &["relation", "Relation", "rel", "labelE", "interaction"];
const LABEL_KEYS: &[&str] = &["label", "Label", "name", "Name", "title"];

fn take_first(attrs: &mut Attrs, keys: &[&str]) -> Option<String> {
    for k in keys {
        if let Some(v) = attrs.get(*k)
            && !v.trim().is_empty()
        {
            return attrs.remove(*k);
        }
    }
    None
}

fn parse_cites(text: &str) -> Option<Vec<Cite>> {
    let v: Value = serde_json::from_str(text).ok()?;
    v.as_array()?
        .iter()
        .map(|c| {
            Some(Cite {
                source: c.get("source")?.as_str()?.to_string(),
                quote: c.get("quote")?.as_str()?.to_string(),
                context: c
                    .get("context")
                    .and_then(|x| x.as_str())
                    .map(str::to_string),
            })
        })
        .collect()
}

fn parse_strings(text: &str) -> Option<Vec<String>> {
    let v: Value = serde_json::from_str(text).ok()?;
    v.as_array()?
        .iter()
        .map(|s| s.as_str().map(str::to_string))
        .collect()
}

fn parse_sources(text: &str) -> Option<Vec<Source>> {
    let v: Value = serde_json::from_str(text).ok()?;
    let s = |o: &Value, k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    v.as_array()?
        .iter()
        .map(|o| {
            Some(Source {
                id: o.get("id")?.as_str()?.to_string(),
                file: s(o, "file"),
                date: s(o, "date"),
                title: Names {
                    zh: s(o, "title_zh"),
                    en: s(o, "title_en"),
                },
                publisher: s(o, "publisher"),
                url: s(o, "url"),
            })
        })
        .collect()
}

/// A year from `2019`, `2019.0`, `2019-05-01` or `2019-05-01T…`; other numbers (GEXF integer
/// time steps such as `3`) are not years.
pub fn parse_year(text: &str) -> Option<i32> {
    let t = text.trim();
    let head: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &t[head.len()..];
    if head.len() == 4 && (rest.is_empty() || rest.starts_with('-') || rest.starts_with('.')) {
        return head.parse().ok();
    }
    None
}

/// Move a cites/aliases attribute into typed data when it parses; leave it as an attribute
/// (nothing lost) when it does not.
fn take_json<T>(attrs: &mut Attrs, key: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
    let parsed = parse(attrs.get(key)?)?;
    attrs.remove(key);
    Some(parsed)
}

fn names_from(attrs: &mut Attrs, id: &str) -> (Names, bool) {
    let zh = attrs.remove("name_zh").unwrap_or_default();
    let en = attrs.remove("name_en").unwrap_or_default();
    if !zh.is_empty() || !en.is_empty() {
        return (Names { zh, en }, true);
    }
    match take_first(attrs, LABEL_KEYS) {
        // A label that only repeats the id is no name (display falls back to the id anyway).
        Some(l) if l == id => (Names { zh, en }, false),
        Some(l) if is_cjk(&l) => (Names { zh: l, en }, false),
        Some(l) => (Names { zh, en: l }, false),
        None => (Names { zh, en }, false),
    }
}

/// Undo `attr_NAME` renaming (see [`from_dataset`]) where NAME is free again.
fn restore_renamed(attrs: &mut Attrs) {
    for k in RESERVED_NODE.iter().chain(RESERVED_EDGE) {
        let renamed = format!("attr_{k}");
        if !attrs.contains_key(*k)
            && let Some(v) = attrs.remove(&renamed)
        {
            attrs.insert((*k).to_string(), v);
        }
    }
}

/// Map a parsed graph onto the Atlas schema. Edges naming undeclared nodes get implicit nodes
/// (as networkx and Gephi do), with a warning.
pub fn to_dataset(raw: RawGraph) -> (Dataset, Vec<String>) {
    let RawGraph {
        directed,
        mut attrs,
        nodes,
        edges,
        mut warnings,
    } = raw;
    let mut data = Dataset {
        format: 1,
        ..Dataset::default()
    };
    data.title.zh = attrs.remove("title_zh").unwrap_or_default();
    data.title.en = attrs.remove("title_en").unwrap_or_default();
    if data.title.zh.is_empty()
        && data.title.en.is_empty()
        && let Some(t) = take_first(&mut attrs, LABEL_KEYS)
    {
        if is_cjk(&t) {
            data.title.zh = t;
        } else {
            data.title.en = t;
        }
    }
    data.sources = take_json(&mut attrs, "sources", parse_sources).unwrap_or_default();

    let mut ids: HashSet<String> = HashSet::with_capacity(nodes.len());
    for RawNode { id, mut attrs } in nodes {
        attrs.remove("id");
        let kind = take_first(&mut attrs, KIND_KEYS).unwrap_or_else(|| GENERIC.to_string());
        let (name, explicit) = names_from(&mut attrs, &id);
        if explicit {
            // Our own exports write `label` as the display name for other tools; it is not data.
            if let Some(l) = attrs.get("label")
                && (l == &name.en || l == &name.zh || l == &id)
            {
                attrs.remove("label");
            }
        }
        let aliases = take_json(&mut attrs, "aliases", parse_strings).unwrap_or_default();
        let cites = take_json(&mut attrs, "cites", parse_cites).unwrap_or_default();
        restore_renamed(&mut attrs);
        ids.insert(id.clone());
        data.nodes.push(Node {
            id,
            kind: Kind::new(&kind),
            name,
            aliases,
            attrs,
            cites,
        });
    }
    let mut implicit = 0usize;
    for RawEdge {
        from,
        to,
        mut attrs,
    } in edges
    {
        for end in [&from, &to] {
            if !ids.contains(end.as_str()) {
                ids.insert(end.clone());
                implicit += 1;
                data.nodes.push(Node {
                    id: end.clone(),
                    kind: Kind::new(GENERIC),
                    name: Names::default(),
                    aliases: vec![],
                    attrs: Attrs::new(),
                    cites: vec![],
                });
            }
        }
        attrs.remove("id");
        let rel = take_first(&mut attrs, REL_KEYS).unwrap_or_else(|| GENERIC.to_string());
        let year = match attrs.get("year").and_then(|y| parse_year(y)) {
            Some(y) => {
                attrs.remove("year");
                Some(y)
            }
            None => attrs.get("start").and_then(|s| parse_year(s)),
        };
        let inferred = match attrs.get("inferred").map(String::as_str) {
            Some("true" | "True" | "1") => {
                attrs.remove("inferred");
                true
            }
            Some("false" | "False" | "0") => {
                attrs.remove("inferred");
                false
            }
            _ => false,
        };
        let cites = take_json(&mut attrs, "cites", parse_cites).unwrap_or_default();
        restore_renamed(&mut attrs);
        data.edges.push(Edge {
            from,
            to,
            rel: Relation::new(&rel),
            year,
            inferred,
            attrs,
            cites,
        });
    }
    if implicit > 0 {
        warnings.push(format!(
            "{implicit} node(s) were not declared but are named by edges; they were added"
        ));
    }
    if !directed && !data.edges.is_empty() {
        warnings.push(
            "the graph is undirected; each edge is kept once, in the direction written".into(),
        );
    }
    data.vocabulary = vocabulary_for(&data);
    (data, warnings)
}

/// An imported graph keeps its kinds and relations as they are: when it uses any the shipped
/// vocabulary does not declare, it gets a vocabulary declaring them all (distinct colours),
/// written into the RON file when saved so it re-opens with the same look.
fn vocabulary_for(data: &Dataset) -> Option<Box<Vocabulary>> {
    let shipped = Vocabulary::shenzhen();
    let foreign = data.nodes.iter().any(|n| !shipped.declares_kind(&n.kind))
        || data
            .edges
            .iter()
            .any(|e| !shipped.declares_relation(&e.rel));
    foreign.then(|| Box::new(Vocabulary::generated(data)))
}

fn cites_json(c: &[Cite]) -> String {
    let v: Vec<Value> = c
        .iter()
        .map(|c| match &c.context {
            Some(ctx) => json!({"source": c.source, "quote": c.quote, "context": ctx}),
            None => json!({"source": c.source, "quote": c.quote}),
        })
        .collect();
    Value::Array(v).to_string()
}

/// Keys that the schema attributes use; a data attribute of the same name is renamed on export.
const RESERVED_NODE: &[&str] = &[
    "id", "kind", "name_zh", "name_en", "label", "aliases", "cites",
];
const RESERVED_EDGE: &[&str] = &[
    "id", "source", "target", "relation", "year", "inferred", "cites",
];

fn put_attrs(out: &mut Attrs, attrs: &Attrs, reserved: &[&str], renamed: &mut usize) {
    for (k, v) in attrs {
        if reserved.contains(&k.as_str()) {
            *renamed += 1;
            out.insert(format!("attr_{k}"), v.clone());
        } else {
            out.insert(k.clone(), v.clone());
        }
    }
}

/// The Atlas dataset as a string-attribute graph, and what was not representable natively
/// (to be named by writers that cannot hold lists or citations).
pub fn from_dataset(data: &Dataset) -> (RawGraph, Vec<String>) {
    let mut g = RawGraph {
        directed: true,
        ..RawGraph::default()
    };
    let mut renamed = 0usize;
    if !data.title.zh.is_empty() {
        g.attrs.insert("title_zh".into(), data.title.zh.clone());
    }
    if !data.title.en.is_empty() {
        g.attrs.insert("title_en".into(), data.title.en.clone());
    }
    if !data.sources.is_empty() {
        let v: Vec<Value> = data
            .sources
            .iter()
            .map(|s| json!({"id": s.id, "file": s.file, "date": s.date, "title_zh": s.title.zh, "title_en": s.title.en, "publisher": s.publisher, "url": s.url}))
            .collect();
        g.attrs
            .insert("sources".into(), Value::Array(v).to_string());
    }
    let mut any_cites = false;
    let mut any_aliases = false;
    for n in &data.nodes {
        let mut a = Attrs::new();
        a.insert("kind".into(), n.kind.ident().to_string());
        a.insert("name_zh".into(), n.name.zh.clone());
        a.insert("name_en".into(), n.name.en.clone());
        a.insert("label".into(), n.display_name(false).to_string());
        if !n.aliases.is_empty() {
            any_aliases = true;
            a.insert("aliases".into(), Value::from(n.aliases.clone()).to_string());
        }
        if !n.cites.is_empty() {
            any_cites = true;
            a.insert("cites".into(), cites_json(&n.cites));
        }
        put_attrs(&mut a, &n.attrs, RESERVED_NODE, &mut renamed);
        g.nodes.push(RawNode {
            id: n.id.clone(),
            attrs: a,
        });
    }
    for e in &data.edges {
        let mut a = Attrs::new();
        a.insert("relation".into(), e.rel.ident().to_string());
        if let Some(y) = e.year {
            a.insert("year".into(), y.to_string());
        }
        if e.inferred {
            a.insert("inferred".into(), "true".into());
        }
        if !e.cites.is_empty() {
            any_cites = true;
            a.insert("cites".into(), cites_json(&e.cites));
        }
        put_attrs(&mut a, &e.attrs, RESERVED_EDGE, &mut renamed);
        g.edges.push(RawEdge {
            from: e.from.clone(),
            to: e.to.clone(),
            attrs: a,
        });
    }
    let mut notes = Vec::new();
    if any_cites {
        notes.push("citations are written as a JSON-encoded text attribute `cites` (this importer reads them back; other tools see text)".to_string());
    }
    if any_aliases {
        notes.push("aliases are written as a JSON-encoded text attribute `aliases`".to_string());
    }
    if !data.sources.is_empty() {
        notes.push(
            "the source list is written as a JSON-encoded graph attribute `sources`".to_string(),
        );
    }
    if renamed > 0 {
        notes.push(format!(
            "{renamed} attribute(s) named like a schema field were written as `attr_NAME`"
        ));
    }
    (g, notes)
}
