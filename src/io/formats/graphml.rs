//! GraphML in and out, including the yEd flavour (labels in `y:NodeLabel`, `y:Geometry`,
//! `y:Fill`, group nodes as nested graphs) and keys with defaults.

use super::raw::{Attrs, Builder, RawGraph};
use super::text::{Budget, MAX_ELEMENTS, over_budget, too_many};
use super::xml::{Ev, Xml, esc, get};
use crate::io::Diagnostic;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

struct Key {
    name: String,
    domain: String,
    default: Option<String>,
    /// Where the key is declared: a default that overruns the budget is reported there.
    pos: usize,
}

enum Ctx {
    Graph { parent: Option<usize>, top: bool },
    Node(usize),
    Edge(usize),
    Other,
}

pub fn parse(text: &str, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    parse_inner(text, label).map_err(|d| vec![d])
}

fn read_key(
    x: &mut Xml,
    attrs: &[(String, String)],
    pos: usize,
) -> Result<(String, Key), Diagnostic> {
    let id = get(attrs, "id")
        .ok_or_else(|| x.err(pos, "<key> without an id"))?
        .to_string();
    let name = get(attrs, "attr.name").unwrap_or(&id).to_string();
    let domain = get(attrs, "for").unwrap_or("all").to_string();
    let mut default = None;
    loop {
        match x.next()? {
            Ev::Start { name, .. } if name == "default" => default = Some(x.text_content()?),
            Ev::Start { .. } => x.skip()?,
            Ev::End | Ev::Eof => break,
            Ev::Text(_) => {}
        }
    }
    Ok((
        id,
        Key {
            name,
            domain,
            default,
            pos,
        },
    ))
}

/// The content of a `<data>` element: its own text, plus what yEd puts in its graphics
/// elements (first label, geometry, fill colour).
struct DataContent {
    text: String,
    children: bool,
    label: Option<String>,
    xy: Option<(String, String)>,
    color: Option<String>,
}

fn read_data(x: &mut Xml) -> Result<DataContent, Diagnostic> {
    let base = x.depth;
    let mut c = DataContent {
        text: String::new(),
        children: false,
        label: None,
        xy: None,
        color: None,
    };
    loop {
        let depth_before = x.depth;
        match x.next()? {
            Ev::Text(t) if depth_before == base => c.text.push_str(&t),
            Ev::Text(_) => {}
            Ev::Start { name, attrs, .. } => {
                c.children = true;
                match name.as_str() {
                    "NodeLabel" | "EdgeLabel" => {
                        let t = x.text_content()?;
                        if c.label.is_none() && !t.trim().is_empty() {
                            c.label = Some(t.trim().to_string());
                        }
                    }
                    "Geometry" => {
                        if c.xy.is_none()
                            && let (Some(px), Some(py)) = (get(&attrs, "x"), get(&attrs, "y"))
                        {
                            c.xy = Some((px.to_string(), py.to_string()));
                        }
                    }
                    "Fill" => {
                        if c.color.is_none()
                            && let Some(col) = get(&attrs, "color")
                        {
                            c.color = Some(col.to_string());
                        }
                    }
                    _ => {}
                }
            }
            Ev::End => {
                if x.depth < base {
                    break;
                }
            }
            Ev::Eof => break,
        }
    }
    Ok(c)
}

fn parse_inner(text: &str, label: &str) -> Result<RawGraph, Diagnostic> {
    let mut x = Xml::new(text, label);
    let mut b = Builder::new(true);
    let mut budget = Budget::for_input(text.len());
    // Declaration order, so that defaults apply (and a refusal is reported) deterministically.
    let mut keys: Vec<Key> = Vec::new();
    let mut key_ix: HashMap<String, usize> = HashMap::new();
    let mut stack: Vec<Ctx> = Vec::new();
    let mut seen_graph = false;
    let mut hyperedges = 0usize;
    loop {
        match x.next()? {
            Ev::Eof => break,
            Ev::Text(_) => {}
            Ev::End => {
                stack.pop();
            }
            Ev::Start { name, attrs, pos } => match name.as_str() {
                "key" => {
                    let (id, key) = read_key(&mut x, &attrs, pos)?;
                    match key_ix.get(&id) {
                        // A repeated id replaces the earlier key, as a map would.
                        Some(&i) => keys[i] = key,
                        None => {
                            key_ix.insert(id, keys.len());
                            keys.push(key);
                        }
                    }
                }
                "graph" => {
                    let top = !seen_graph;
                    if top {
                        seen_graph = true;
                        b.graph.directed = get(&attrs, "edgedefault") == Some("directed");
                    }
                    let parent = stack.iter().rev().find_map(|c| match c {
                        Ctx::Node(ix) => Some(*ix),
                        _ => None,
                    });
                    stack.push(Ctx::Graph { parent, top });
                }
                "node" => {
                    let id = get(&attrs, "id").ok_or_else(|| x.err(pos, "<node> without an id"))?;
                    let parent = match stack.last() {
                        Some(Ctx::Graph {
                            parent: Some(p), ..
                        }) => Some(*p),
                        _ => None,
                    };
                    if !budget.element(id.len()) {
                        return Err(over_budget(label, text, pos));
                    }
                    b.node(id, true);
                    let ix = b.node_index(id).unwrap_or(0);
                    if let Some(p) = parent {
                        // Every child of a group copies the group's id: a long id over many
                        // children multiplies, so it is charged before it is cloned.
                        if !budget.attribute("parent", &b.graph.nodes[p].id) {
                            return Err(over_budget(label, text, pos));
                        }
                        let p = b.graph.nodes[p].id.clone();
                        b.node_at(ix).attrs.insert("parent".into(), p);
                    }
                    stack.push(Ctx::Node(ix));
                }
                "edge" => {
                    let (Some(s), Some(t)) = (get(&attrs, "source"), get(&attrs, "target")) else {
                        return Err(x.err(pos, "<edge> needs both source and target"));
                    };
                    if !budget.element(s.len() + t.len()) {
                        return Err(over_budget(label, text, pos));
                    }
                    b.edge(s, t);
                    stack.push(Ctx::Edge(b.graph.edges.len() - 1));
                }
                "hyperedge" => {
                    hyperedges += 1;
                    x.skip()?;
                }
                "data" => {
                    let key =
                        get(&attrs, "key").ok_or_else(|| x.err(pos, "<data> without a key"))?;
                    let attr_name = key_ix.get(key).map_or(key, |&i| keys[i].name.as_str());
                    let c = read_data(&mut x)?;
                    let value = (!c.children || !c.text.trim().is_empty()).then(|| c.text.trim());
                    // A long `attr.name` is copied into every element that has the key.
                    let cost = [value, c.label.as_deref(), c.color.as_deref()]
                        .into_iter()
                        .flatten()
                        .map(str::len)
                        .sum::<usize>()
                        + c.xy.as_ref().map_or(0, |(px, py)| px.len() + py.len());
                    if !budget.attribute(attr_name, "") || !budget.spend(cost as u64) {
                        return Err(over_budget(label, text, pos));
                    }
                    let attr_name = attr_name.to_string();
                    let target = match stack.last() {
                        Some(Ctx::Node(ix)) => Some(&mut b.graph.nodes[*ix].attrs),
                        Some(Ctx::Edge(ix)) => Some(&mut b.graph.edges[*ix].attrs),
                        Some(Ctx::Graph { top: true, .. }) => Some(&mut b.graph.attrs),
                        _ => None,
                    };
                    if let Some(a) = target {
                        if let Some(v) = value {
                            a.insert(attr_name, v.to_string());
                        }
                        if let Some(l) = c.label {
                            a.entry("label".into()).or_insert(l);
                        }
                        if let Some((px, py)) = c.xy {
                            a.entry("x".into()).or_insert(px);
                            a.entry("y".into()).or_insert(py);
                        }
                        if let Some(col) = c.color {
                            a.entry("color".into()).or_insert(col);
                        }
                    }
                }
                _ => stack.push(Ctx::Other),
            },
        }
        if b.len() > MAX_ELEMENTS {
            return Err(too_many(label));
        }
    }
    if !seen_graph {
        return Err(Diagnostic::new(
            label,
            0,
            0,
            "no <graph> element: not a GraphML file",
        ));
    }
    for key in &keys {
        let Some(d) = &key.default else { continue };
        let over = || over_budget(label, text, key.pos);
        if matches!(key.domain.as_str(), "node" | "all") {
            for n in &mut b.graph.nodes {
                apply_default(&mut n.attrs, &key.name, d, &mut budget).ok_or_else(over)?;
            }
        }
        if matches!(key.domain.as_str(), "edge" | "all") {
            for e in &mut b.graph.edges {
                apply_default(&mut e.attrs, &key.name, d, &mut budget).ok_or_else(over)?;
            }
        }
    }
    if hyperedges > 0 {
        b.warn(format!(
            "{hyperedges} hyperedge(s) skipped: the Atlas holds edges between two nodes"
        ));
    }
    Ok(b.finish())
}

/// Give `attrs` the default `name = value` unless it has its own; the copy is charged to the
/// budget before it is made (`None` when the budget does not hold it).
pub(super) fn apply_default(
    attrs: &mut Attrs,
    name: &str,
    value: &str,
    budget: &mut Budget,
) -> Option<()> {
    if attrs.contains_key(name) {
        return Some(());
    }
    if !budget.attribute(name, value) {
        return None;
    }
    attrs.insert(name.to_string(), value.to_string());
    Some(())
}

/// GraphML as networkx, Gephi, yEd and Cytoscape read it (all attributes typed `string`).
pub fn write(g: &RawGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let mut ids: HashMap<(&str, &str), String> = HashMap::new();
    let domains: [(&str, BTreeSet<&str>); 3] = [
        ("graph", g.attrs.keys().map(String::as_str).collect()),
        (
            "node",
            g.nodes
                .iter()
                .flat_map(|n| n.attrs.keys().map(String::as_str))
                .collect(),
        ),
        (
            "edge",
            g.edges
                .iter()
                .flat_map(|e| e.attrs.keys().map(String::as_str))
                .collect(),
        ),
    ];
    for (domain, names) in &domains {
        for name in names {
            let id = format!("{}{}", &domain[..1], ids.len());
            let _ = writeln!(
                out,
                "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"string\"/>",
                esc(name)
            );
            ids.insert((domain, name), id);
        }
    }
    let data = |out: &mut String, domain: &str, attrs: &super::raw::Attrs, indent: &str| {
        for (k, v) in attrs {
            if let Some(id) = ids.get(&(domain, k.as_str())) {
                let _ = writeln!(out, "{indent}<data key=\"{id}\">{}</data>", esc(v));
            }
        }
    };
    let dir = if g.directed { "directed" } else { "undirected" };
    let _ = writeln!(out, "  <graph id=\"G\" edgedefault=\"{dir}\">");
    data(&mut out, "graph", &g.attrs, "    ");
    for n in &g.nodes {
        let _ = writeln!(out, "    <node id=\"{}\">", esc(&n.id));
        data(&mut out, "node", &n.attrs, "      ");
        out.push_str("    </node>\n");
    }
    for (i, e) in g.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            esc(&e.from),
            esc(&e.to)
        );
        data(&mut out, "edge", &e.attrs, "      ");
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
