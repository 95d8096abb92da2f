//! GEXF (1.1–1.3) in and out: attributes with defaults, `viz:position`, `viz:color`, and
//! dynamics (`start`/`end` and `<spells>`) mapped to years.

use super::graphml::apply_default;
use super::raw::{Attrs, Builder, RawGraph};
use super::schema::parse_year;
use super::text::{Budget, MAX_ELEMENTS, over_budget, too_many};
use super::xml::{Ev, Xml, esc, get};
use crate::io::Diagnostic;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

struct AttrDef {
    class: String,
    title: String,
    default: Option<String>,
    /// Where the attribute is declared: a default that overruns the budget is reported there.
    pos: usize,
}

enum Ctx {
    Node(usize),
    Edge(usize),
    Other,
}

pub fn parse(text: &str, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    parse_inner(text, label).map_err(|d| vec![d])
}

/// Record `start`/`end` (and the year they give) on an element; the earliest start wins, so
/// several spells yield the year the element first appears.
fn note_time(a: &mut Attrs, start: Option<&str>, end: Option<&str>) {
    if let Some(s) = start {
        let earlier = match a.get("start") {
            Some(old) => s < old.as_str(),
            None => true,
        };
        if earlier {
            a.insert("start".into(), s.to_string());
            if let Some(y) = parse_year(s) {
                a.insert("year".into(), y.to_string());
            }
        }
    }
    if let Some(e) = end {
        a.entry("end".into()).or_insert_with(|| e.to_string());
    }
}

fn color(attrs: &[(String, String)]) -> Option<String> {
    if let Some(hex) = get(attrs, "hex") {
        return Some(hex.to_string());
    }
    // NaN, inf and 1e999 parse as floats but are no colour component.
    let c = |k| {
        get(attrs, k)
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite())
    };
    let (r, g, b) = (c("r")?, c("g")?, c("b")?);
    let byte = |v: f64| v.clamp(0.0, 255.0).round() as u8;
    Some(format!("#{:02x}{:02x}{:02x}", byte(r), byte(g), byte(b)))
}

fn parse_inner(text: &str, label: &str) -> Result<RawGraph, Diagnostic> {
    let mut x = Xml::new(text, label);
    let mut b = Builder::new(true);
    let mut budget = Budget::for_input(text.len());
    // Declaration order, so that defaults apply (and a refusal is reported) deterministically.
    let mut defs: Vec<AttrDef> = Vec::new();
    // (class, id) -> index in `defs`
    let mut def_ix: HashMap<(String, String), usize> = HashMap::new();
    let mut class = String::from("node");
    let mut stack: Vec<Ctx> = Vec::new();
    let mut seen_graph = false;
    let mut in_meta = false;
    loop {
        match x.next()? {
            Ev::Eof => break,
            Ev::Text(_) => {}
            Ev::End => {
                stack.pop();
                if x.depth <= 1 {
                    in_meta = false;
                }
            }
            Ev::Start { name, attrs, pos } => match name.as_str() {
                "graph" => {
                    seen_graph = true;
                    b.graph.directed = get(&attrs, "defaultedgetype") != Some("undirected");
                    stack.push(Ctx::Other);
                }
                "meta" => {
                    in_meta = true;
                    stack.push(Ctx::Other);
                }
                "description" if in_meta => {
                    // GEXF has no graph attributes; the description is the nearest to a title.
                    let t = x.text_content()?;
                    b.graph.attrs.insert("title".into(), t.trim().to_string());
                }
                "attributes" => {
                    class = get(&attrs, "class").unwrap_or("node").to_string();
                    stack.push(Ctx::Other);
                }
                "attribute" => {
                    let id =
                        get(&attrs, "id").ok_or_else(|| x.err(pos, "<attribute> without an id"))?;
                    let title = get(&attrs, "title").unwrap_or(id).to_string();
                    let key = (class.clone(), id.to_string());
                    let mut default = None;
                    loop {
                        match x.next()? {
                            Ev::Start { name, .. } if name == "default" => {
                                default = Some(x.text_content()?.trim().to_string());
                            }
                            Ev::Start { .. } => x.skip()?,
                            Ev::End | Ev::Eof => break,
                            Ev::Text(_) => {}
                        }
                    }
                    let def = AttrDef {
                        class: key.0.clone(),
                        title,
                        default,
                        pos,
                    };
                    match def_ix.get(&key) {
                        // A repeated id replaces the earlier definition, as a map would.
                        Some(&i) => defs[i] = def,
                        None => {
                            def_ix.insert(key, defs.len());
                            defs.push(def);
                        }
                    }
                }
                "node" => {
                    let id = get(&attrs, "id").ok_or_else(|| x.err(pos, "<node> without an id"))?;
                    let parent = stack.iter().rev().find_map(|c| match c {
                        Ctx::Node(ix) => Some(*ix),
                        _ => None,
                    });
                    let parent_id = match parent {
                        Some(p) => Some(b.graph.nodes[p].id.as_str()),
                        None => get(&attrs, "pid"),
                    };
                    // Every child of a nested node copies its parent's id: charged before the
                    // copy, as a long id over many children multiplies.
                    let cost = id.len() + parent_id.map_or(0, str::len);
                    if !budget.element(cost) {
                        return Err(over_budget(label, text, pos));
                    }
                    let parent = parent_id.map(str::to_string);
                    b.node(id, true);
                    let ix = b.node_index(id).unwrap_or(0);
                    let n = b.node_at(ix);
                    if let Some(l) = get(&attrs, "label") {
                        n.attrs.insert("label".into(), l.to_string());
                    }
                    if let Some(p) = parent {
                        n.attrs.insert("parent".into(), p);
                    }
                    note_time(&mut n.attrs, get(&attrs, "start"), get(&attrs, "end"));
                    stack.push(Ctx::Node(ix));
                }
                "edge" => {
                    let (Some(s), Some(t)) = (get(&attrs, "source"), get(&attrs, "target")) else {
                        return Err(x.err(pos, "<edge> needs both source and target"));
                    };
                    if !budget.element(s.len() + t.len()) {
                        return Err(over_budget(label, text, pos));
                    }
                    let e = b.edge(s, t);
                    for k in ["label", "weight", "type", "kind"] {
                        if let Some(v) = get(&attrs, k) {
                            e.attrs.insert(k.into(), v.to_string());
                        }
                    }
                    note_time(&mut e.attrs, get(&attrs, "start"), get(&attrs, "end"));
                    stack.push(Ctx::Edge(b.graph.edges.len() - 1));
                }
                _ => {
                    let target = match stack.iter().rev().find(|c| !matches!(c, Ctx::Other)) {
                        Some(Ctx::Node(ix)) => Some((&mut b.graph.nodes[*ix].attrs, "node")),
                        Some(Ctx::Edge(ix)) => Some((&mut b.graph.edges[*ix].attrs, "edge")),
                        _ => None,
                    };
                    if let Some((a, cls)) = target {
                        match name.as_str() {
                            "attvalue" => {
                                if let Some(id) = get(&attrs, "for").or_else(|| get(&attrs, "id")) {
                                    let title = def_ix
                                        .get(&(cls.to_string(), id.to_string()))
                                        .map_or(id, |&i| defs[i].title.as_str());
                                    if let Some(v) = get(&attrs, "value") {
                                        // A long title is copied into every element with a value.
                                        if !budget.attribute(title, v) {
                                            return Err(over_budget(label, text, pos));
                                        }
                                        a.entry(title.to_string()).or_insert_with(|| v.to_string());
                                    }
                                }
                            }
                            "spell" => note_time(a, get(&attrs, "start"), get(&attrs, "end")),
                            "position" => {
                                for k in ["x", "y", "z"] {
                                    if let Some(v) = get(&attrs, k) {
                                        a.insert(k.into(), v.to_string());
                                    }
                                }
                            }
                            "color" => {
                                if let Some(c) = color(&attrs) {
                                    a.insert("color".into(), c);
                                }
                            }
                            "size" | "thickness" => {
                                if let Some(v) = get(&attrs, "value") {
                                    a.insert(name.clone(), v.to_string());
                                }
                            }
                            "shape" => {
                                if let Some(v) = get(&attrs, "value") {
                                    a.insert("shape".into(), v.to_string());
                                }
                            }
                            _ => {}
                        }
                    }
                    stack.push(Ctx::Other);
                }
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
            "no <graph> element: not a GEXF file",
        ));
    }
    for def in &defs {
        let Some(d) = &def.default else { continue };
        let over = || over_budget(label, text, def.pos);
        if def.class == "node" {
            for n in &mut b.graph.nodes {
                apply_default(&mut n.attrs, &def.title, d, &mut budget).ok_or_else(over)?;
            }
        } else if def.class == "edge" {
            for e in &mut b.graph.edges {
                apply_default(&mut e.attrs, &def.title, d, &mut budget).ok_or_else(over)?;
            }
        }
    }
    Ok(b.finish())
}

/// GEXF 1.3 with string attributes; `x`/`y`/`color` attributes become `viz:` elements too.
pub fn write(g: &RawGraph) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" \
xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n",
    );
    let title = g.attrs.get("title_en").or_else(|| g.attrs.get("title_zh"));
    if let Some(t) = title {
        let _ = writeln!(
            out,
            "  <meta>\n    <description>{}</description>\n  </meta>",
            esc(t)
        );
    }
    let dir = if g.directed { "directed" } else { "undirected" };
    let _ = writeln!(out, "  <graph defaultedgetype=\"{dir}\" mode=\"static\">");
    let node_keys: BTreeSet<&str> = g
        .nodes
        .iter()
        .flat_map(|n| n.attrs.keys().map(String::as_str))
        .filter(|k| *k != "label")
        .collect();
    let edge_keys: BTreeSet<&str> = g
        .edges
        .iter()
        .flat_map(|e| e.attrs.keys().map(String::as_str))
        .collect();
    let mut ids: HashMap<(&str, &str), usize> = HashMap::new();
    for (cls, keys) in [("node", &node_keys), ("edge", &edge_keys)] {
        let _ = writeln!(out, "    <attributes class=\"{cls}\">");
        for k in keys.iter() {
            let id = ids.len();
            let _ = writeln!(
                out,
                "      <attribute id=\"{id}\" title=\"{}\" type=\"string\"/>",
                esc(k)
            );
            ids.insert((cls, k), id);
        }
        out.push_str("    </attributes>\n");
    }
    let attvalues = |out: &mut String, cls: &str, a: &Attrs| {
        let mut first = true;
        for (k, v) in a {
            if let Some(id) = ids.get(&(cls, k.as_str())) {
                if first {
                    out.push_str("        <attvalues>\n");
                    first = false;
                }
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"{id}\" value=\"{}\"/>",
                    esc(v)
                );
            }
        }
        if !first {
            out.push_str("        </attvalues>\n");
        }
    };
    out.push_str("    <nodes>\n");
    for n in &g.nodes {
        let label = n.attrs.get("label").unwrap_or(&n.id);
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            esc(&n.id),
            esc(label)
        );
        attvalues(&mut out, "node", &n.attrs);
        // `NaN` and `1e999` parse as floats; Gephi refuses them in a position.
        let num = |k: &str| {
            n.attrs
                .get(k)
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| v.is_finite())
        };
        if let (Some(px), Some(py)) = (num("x"), num("y")) {
            let _ = writeln!(out, "        <viz:position x=\"{px}\" y=\"{py}\"/>");
        }
        if let Some(c) = n.attrs.get("color").and_then(|c| hex_rgb(c)) {
            let _ = writeln!(
                out,
                "        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>",
                c.0, c.1, c.2
            );
        }
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in g.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\">",
            esc(&e.from),
            esc(&e.to)
        );
        attvalues(&mut out, "edge", &e.attrs);
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn hex_rgb(c: &str) -> Option<(u8, u8, u8)> {
    let h = c.strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((p(0)?, p(2)?, p(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::formats::raw::RawNode;

    #[test]
    fn non_finite_positions_are_not_written_as_viz() {
        let node = |id: &str, x: &str| RawNode {
            id: id.into(),
            attrs: [("x".to_string(), x.to_string()), ("y".into(), "2".into())].into(),
        };
        let g = RawGraph {
            nodes: vec![node("a", "NaN"), node("b", "1e999"), node("c", "1.5")],
            ..RawGraph::default()
        };
        let out = write(&g);
        assert_eq!(out.matches("<viz:position").count(), 1, "{out}");
        assert!(out.contains("<viz:position x=\"1.5\" y=\"2\"/>"), "{out}");
        // The text itself is kept as an attribute value.
        assert!(out.contains("value=\"NaN\""), "{out}");
    }
}
