//! The Atlas model as database rows and back (the storage convention is in `db/mod.rs`).
//!
//! Labels and relationship types cannot be query parameters in Cypher, so they are the one part
//! of a statement built from data: only names that match a strict identifier pattern (a letter
//! or `_`, then letters, digits or `_`, at most 64 characters; letters of any script, so `大学`
//! qualifies) are used, always backquoted. Any other kind or relation is still stored, in the
//! `kind`/`rel` property, under the label `Atlas` alone or the type `RELATED`; reading takes the
//! property first, so every kind and relation round-trips whatever its spelling.

use super::value::{DbNode, DbRel, Props, Value};
use crate::model::{Cite, Dataset, Edge, Kind, Names, Node, Relation, Source, Vocabulary};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The label every Atlas node has; the label of source nodes.
pub const NODE_LABEL: &str = "Atlas";
pub const SOURCE_LABEL: &str = "AtlasSource";
/// The type of an edge whose relation is not an identifier.
pub const FALLBACK_TYPE: &str = "RELATED";

const NODE_KEYS: &[&str] = &[
    "id",
    "kind",
    "name_zh",
    "name_en",
    "aliases",
    "cite_sources",
    "cite_quotes",
    "cite_contexts",
    "search",
];
const EDGE_KEYS: &[&str] = &[
    "key",
    "rel",
    "year",
    "inferred",
    "cite_sources",
    "cite_quotes",
];
/// Attribute names that would collide with the properties above get this prefix (and so does
/// one that already starts with it), which reading removes once.
const ATTR_PREFIX: &str = "attr.";

/// True for a name that may be a label or relationship type (see the module comment).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    s.chars().count() <= 64
        && chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// `name` backquoted when it is an identifier (so never holding a backquote), else `None`.
pub fn quoted(name: &str) -> Option<String> {
    is_identifier(name).then(|| format!("`{name}`"))
}

/// The extra label of a node of `kind`, if it can have one.
pub fn kind_label(kind: &Kind) -> Option<String> {
    let k = kind.ident();
    if k == NODE_LABEL || k == SOURCE_LABEL {
        return None;
    }
    quoted(k)
}

/// The relationship type of `rel`, backquoted.
pub fn rel_type(rel: &Relation) -> String {
    quoted(rel.ident()).unwrap_or_else(|| FALLBACK_TYPE.to_string())
}

fn attr_key(k: &str, reserved: &[&str]) -> String {
    if reserved.contains(&k) || k.starts_with(ATTR_PREFIX) || k.is_empty() {
        format!("{ATTR_PREFIX}{k}")
    } else {
        k.to_string()
    }
}

fn cite_props(p: &mut Props, cites: &[Cite]) {
    let (sources, quotes): (Vec<String>, Vec<String>) = cites
        .iter()
        .map(|c| (c.source.clone(), c.quote.clone()))
        .unzip();
    p.insert("cite_sources".into(), sources.into());
    p.insert("cite_quotes".into(), quotes.into());
    // Written only when some citation has a context ("" for the ones without).
    if cites.iter().any(|c| c.context.is_some()) {
        let contexts: Vec<String> = cites
            .iter()
            .map(|c| c.context.clone().unwrap_or_default())
            .collect();
        p.insert("cite_contexts".into(), contexts.into());
    }
}

/// The properties of a node (its `id` among them).
pub fn node_props(n: &Node) -> Props {
    let mut p = Props::new();
    for (k, v) in &n.attrs {
        p.insert(attr_key(k, NODE_KEYS), Value::str(v.as_str()));
    }
    p.insert("id".into(), Value::str(n.id.as_str()));
    p.insert("kind".into(), Value::str(n.kind.ident()));
    p.insert("name_zh".into(), Value::str(n.name.zh.as_str()));
    p.insert("name_en".into(), Value::str(n.name.en.as_str()));
    p.insert("aliases".into(), n.aliases.clone().into());
    cite_props(&mut p, &n.cites);
    p.insert("search".into(), Value::Str(search_text(n)));
    p
}

/// What a database search looks in, lower case: names, aliases, id, and the full pinyin and
/// initials of the Chinese name and aliases (a server cannot compute pinyin; written on push,
/// ignored on reading).
pub fn search_text(n: &Node) -> String {
    let mut out = vec![
        n.id.to_lowercase(),
        n.name.zh.to_lowercase(),
        n.name.en.to_lowercase(),
    ];
    for zh in std::iter::once(&n.name.zh).chain(n.aliases.iter()) {
        out.push(zh.to_lowercase());
        let (full, initials) = crate::model::pinyin_keys(zh);
        out.push(full);
        out.push(initials);
    }
    out.retain(|s| !s.is_empty());
    out.join("\u{1f}")
}

/// The properties of an edge; `key` names it among the edges of the file.
pub fn edge_props(e: &Edge, key: &str) -> Props {
    let mut p = Props::new();
    for (k, v) in &e.attrs {
        p.insert(attr_key(k, EDGE_KEYS), Value::str(v.as_str()));
    }
    p.insert("key".into(), Value::str(key));
    p.insert("rel".into(), Value::str(e.rel.ident()));
    if let Some(y) = e.year {
        p.insert("year".into(), Value::Int(i64::from(y)));
    }
    p.insert("inferred".into(), Value::Bool(e.inferred));
    cite_props(&mut p, &e.cites);
    p
}

/// Keys of the edges of `data`, in order: from, relation, to and the count of earlier edges with
/// the same three, so pushing the same file again merges every edge onto itself.
pub fn edge_keys(data: &Dataset) -> Vec<String> {
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    data.edges
        .iter()
        .map(|e| {
            let n = seen.entry((&e.from, e.rel.ident(), &e.to)).or_default();
            let key = format!("{}\u{1f}{}\u{1f}{}\u{1f}{n}", e.from, e.rel.ident(), e.to);
            *n += 1;
            key
        })
        .collect()
}

pub fn source_props(s: &Source) -> Props {
    let mut p = Props::new();
    p.insert("id".into(), Value::str(s.id.as_str()));
    p.insert("file".into(), Value::str(s.file.as_str()));
    p.insert("date".into(), Value::str(s.date.as_str()));
    p.insert("title_zh".into(), Value::str(s.title.zh.as_str()));
    p.insert("title_en".into(), Value::str(s.title.en.as_str()));
    p.insert("publisher".into(), Value::str(s.publisher.as_str()));
    p.insert("url".into(), Value::str(s.url.as_str()));
    p
}

fn text(p: &Props, k: &str) -> String {
    p.get(k).and_then(Value::to_text).unwrap_or_default()
}

fn cites(p: &Props) -> Vec<Cite> {
    let sources = p
        .get("cite_sources")
        .map(Value::strings)
        .unwrap_or_default();
    let quotes = p.get("cite_quotes").map(Value::strings).unwrap_or_default();
    let contexts = p
        .get("cite_contexts")
        .map(Value::strings)
        .unwrap_or_default();
    sources
        .into_iter()
        .zip(quotes)
        .enumerate()
        .map(|(i, (source, quote))| Cite {
            source,
            quote,
            context: contexts.get(i).filter(|c| !c.is_empty()).cloned(),
        })
        .collect()
}

fn attrs(p: &Props, reserved: &[&str]) -> BTreeMap<String, String> {
    p.iter()
        .filter(|(k, _)| !reserved.contains(&k.as_str()))
        .filter_map(|(k, v)| {
            let k = k.strip_prefix(ATTR_PREFIX).unwrap_or(k);
            Some((k.to_string(), v.to_text()?))
        })
        .collect()
}

/// The Atlas id of a stored node: its `id` property, or one made from the server's id for a
/// node Atlas did not write.
pub fn node_id(n: &DbNode) -> String {
    match n.props.get("id").and_then(Value::to_text) {
        Some(id) if !id.is_empty() => id,
        _ => format!("db:{}", n.id),
    }
}

pub fn is_source(n: &DbNode) -> bool {
    n.labels.iter().any(|l| l == SOURCE_LABEL)
}

/// An Atlas node from a stored one (also one Atlas did not write: its first label is the kind,
/// a `name` or `title` property the name).
pub fn node_from_db(n: &DbNode) -> Node {
    let p = &n.props;
    let kind = match text(p, "kind") {
        k if !k.is_empty() => k,
        _ => n
            .labels
            .iter()
            .find(|l| *l != NODE_LABEL)
            .cloned()
            .unwrap_or_else(|| "Unknown".into()),
    };
    let mut name = Names {
        zh: text(p, "name_zh"),
        en: text(p, "name_en"),
    };
    if name.zh.is_empty() && name.en.is_empty() {
        name.en = ["name", "title"]
            .iter()
            .map(|k| text(p, k))
            .find(|s| !s.is_empty())
            .unwrap_or_default();
    }
    Node {
        id: node_id(n),
        kind: Kind::new(&kind),
        name,
        aliases: p.get("aliases").map(Value::strings).unwrap_or_default(),
        attrs: attrs(p, NODE_KEYS),
        cites: cites(p),
    }
}

pub fn edge_from_db(r: &DbRel, from: String, to: String) -> Edge {
    let p = &r.props;
    let rel = match text(p, "rel") {
        rel if !rel.is_empty() => rel,
        _ => r.typ.clone(),
    };
    Edge {
        from,
        to,
        rel: Relation::new(&rel),
        year: match p.get("year") {
            Some(Value::Int(y)) => i32::try_from(*y).ok(),
            Some(v) => v.to_text().and_then(|t| t.parse().ok()),
            None => None,
        },
        inferred: matches!(p.get("inferred"), Some(Value::Bool(true))),
        attrs: attrs(p, EDGE_KEYS),
        cites: cites(p),
    }
}

pub fn source_from_db(n: &DbNode) -> Source {
    let p = &n.props;
    Source {
        id: node_id(n),
        file: text(p, "file"),
        date: text(p, "date"),
        title: Names {
            zh: text(p, "title_zh"),
            en: text(p, "title_en"),
        },
        publisher: text(p, "publisher"),
        url: text(p, "url"),
    }
}

/// Gathers the nodes and relationships of answers into one data set: each node once (by Atlas
/// id), each relationship once, and only those whose two ends are in it.
#[derive(Default)]
pub struct SubgraphBuilder {
    ids: HashMap<i64, String>,
    nodes: Vec<Node>,
    seen_nodes: HashSet<String>,
    rels: Vec<DbRel>,
    seen_rels: HashSet<i64>,
    sources: BTreeMap<String, Source>,
}

impl SubgraphBuilder {
    pub fn add(&mut self, v: Value) {
        let (mut nodes, mut rels) = (Vec::new(), Vec::new());
        v.collect_into(&mut nodes, &mut rels);
        for n in nodes {
            self.add_node(&n);
        }
        for r in rels {
            if self.seen_rels.insert(r.id) {
                self.rels.push(r);
            }
        }
    }

    fn add_node(&mut self, n: &DbNode) {
        if is_source(n) {
            let s = source_from_db(n);
            self.sources.insert(s.id.clone(), s);
            return;
        }
        let id = node_id(n);
        self.ids.insert(n.id, id.clone());
        if self.seen_nodes.insert(id) {
            self.nodes.push(node_from_db(n));
        }
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn has_node(&self, id: &str) -> bool {
        self.seen_nodes.contains(id)
    }

    /// Source ids the citations name that no source node came for.
    pub fn missing_sources(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .nodes
            .iter()
            .flat_map(|n| n.cites.iter())
            .map(|c| c.source.clone())
            .filter(|s| !self.sources.contains_key(s))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The data set: relationships with an end outside it are left out; a cited source that was
    /// not found is listed with its id only; kinds and relations outside the shipped vocabulary
    /// are declared.
    pub fn finish(mut self) -> Dataset {
        let mut edges = Vec::with_capacity(self.rels.len());
        for r in &self.rels {
            if let (Some(a), Some(b)) = (self.ids.get(&r.start), self.ids.get(&r.end)) {
                edges.push(edge_from_db(r, a.clone(), b.clone()));
            }
        }
        let cited: Vec<String> = self
            .nodes
            .iter()
            .flat_map(|n| n.cites.iter())
            .chain(edges.iter().flat_map(|e| e.cites.iter()))
            .map(|c| c.source.clone())
            .collect();
        for id in cited {
            self.sources.entry(id.clone()).or_insert_with(|| Source {
                id,
                file: String::new(),
                date: String::new(),
                title: Names::default(),
                publisher: String::new(),
                url: String::new(),
            });
        }
        let mut data = Dataset {
            sources: self.sources.into_values().collect(),
            nodes: self.nodes,
            edges,
            ..Dataset::default()
        };
        let shipped = Vocabulary::shenzhen();
        let all_shipped = data.nodes.iter().all(|n| shipped.declares_kind(&n.kind))
            && data.edges.iter().all(|e| shipped.declares_relation(&e.rel));
        if !all_shipped {
            data.vocabulary = Some(Box::new(Vocabulary::generated(&data)));
        }
        data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_strict() {
        assert!(is_identifier("University"));
        assert!(is_identifier("大学"));
        assert!(is_identifier("_x9"));
        for bad in [
            "",
            "part of",
            "a`b",
            "9a",
            "a-b",
            "a\\u0060",
            "x\n",
            &"a".repeat(65),
        ] {
            assert!(!is_identifier(bad), "{bad:?}");
            assert_eq!(quoted(bad), None);
        }
        assert_eq!(rel_type(&Relation::new("part of")), FALLBACK_TYPE);
        assert_eq!(rel_type(&Relation::new("FUNDS")), "`FUNDS`");
        assert_eq!(kind_label(&Kind::new("Atlas")), None);
    }

    #[test]
    fn a_node_round_trips_through_properties() {
        let mut attrs = BTreeMap::new();
        attrs.insert("id".to_string(), "clash".to_string());
        attrs.insert("attr.x".to_string(), "prefixed".to_string());
        attrs.insert("founded".to_string(), "1983".to_string());
        let n = Node {
            id: "szu".into(),
            kind: Kind::new("University"),
            name: Names {
                zh: "深圳大学".into(),
                en: "Shenzhen University".into(),
            },
            aliases: vec!["深大".into()],
            attrs,
            cites: vec![
                Cite::new("s1", "q \"1\""),
                Cite {
                    context: Some("七、优化创新空间格局".into()),
                    ..Cite::new("s1", "q2")
                },
            ],
        };
        let db = DbNode {
            id: 7,
            labels: vec!["Atlas".into()],
            props: node_props(&n),
        };
        assert_eq!(node_from_db(&db), n);
    }

    #[test]
    fn an_edge_round_trips_and_keys_count_repeats() {
        let e = Edge {
            from: "a".into(),
            to: "b".into(),
            rel: Relation::new("part of"),
            year: Some(2001),
            inferred: true,
            attrs: BTreeMap::new(),
            cites: vec![],
        };
        let data = Dataset {
            edges: vec![e.clone(), e.clone()],
            ..Dataset::default()
        };
        let keys = edge_keys(&data);
        assert_ne!(keys[0], keys[1]);
        let r = DbRel {
            id: 1,
            start: 1,
            end: 2,
            typ: FALLBACK_TYPE.into(),
            props: edge_props(&e, &keys[0]),
        };
        assert_eq!(edge_from_db(&r, "a".into(), "b".into()), e);
    }
}
