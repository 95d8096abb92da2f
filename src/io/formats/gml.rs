//! GML in and out (as Gephi, igraph, networkx and Mark Newman's data sets write it): a
//! hand-written parser, since no maintained crate reads GML with positions. Accepts unquoted
//! word values (`id A`), `&#NNN;`/`&amp;` entities and `#` comment lines.

use super::raw::{Attrs, Builder, RawGraph};
use super::text::{ATTRIBUTE_COST, Budget, MAX_DEPTH, MAX_ELEMENTS, diag_at, over_budget};
use crate::io::Diagnostic;
use std::borrow::Cow;
use std::fmt::Write;

/// A key, its value and the key's byte offset. Keys and plain values borrow the text: only
/// strings with entities are copied.
type Item<'a> = (&'a str, Val<'a>, usize);

#[derive(Debug)]
enum Val<'a> {
    Scalar(Cow<'a, str>),
    List(Vec<Item<'a>>),
}

/// What one parsed `key value` pair costs while its node or edge is being read.
const ITEM_COST: u64 = std::mem::size_of::<Item>() as u64;

struct Parser<'a> {
    text: &'a str,
    label: &'a str,
    pos: usize,
    count: usize,
    budget: Budget,
}

/// The graph's nodes (GML id, attributes, offset) and edges (source, target, attributes,
/// offset) as read, before nodes are named.
#[derive(Default)]
struct Elements {
    nodes: Vec<(String, Attrs, usize)>,
    edges: Vec<(String, String, Attrs, usize)>,
}

impl<'a> Parser<'a> {
    fn err(&self, pos: usize, msg: impl Into<String>) -> Diagnostic {
        diag_at(self.label, self.text, pos, msg)
    }

    fn over_budget(&self, pos: usize) -> Diagnostic {
        over_budget(self.label, self.text, pos)
    }

    /// Skip whitespace (the same set `word` stops at, so that parsing always advances) and
    /// `#` comment lines.
    fn skip_ws(&mut self) {
        while let Some(c) = self.text[self.pos..].chars().next() {
            if c.is_whitespace() {
                self.pos += c.len_utf8();
            } else if c == '#' {
                self.pos += self.text[self.pos..]
                    .find('\n')
                    .unwrap_or(self.text.len() - self.pos);
            } else {
                break;
            }
        }
    }

    fn word(&mut self) -> &'a str {
        let start = self.pos;
        let rest = &self.text[start..];
        let len = rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || c == '[' || c == ']' || c == '"')
            .map_or(rest.len(), |(i, _)| i);
        self.pos += len;
        &rest[..len]
    }

    /// The next key of a list and its offset, or `None` at the list's end (`]` when
    /// `closing`, else the end of the file).
    fn key(&mut self, closing: bool) -> Result<Option<(&'a str, usize)>, Diagnostic> {
        self.skip_ws();
        let at = self.pos;
        match self.text.as_bytes().get(self.pos) {
            None if closing => return Err(self.err(at, "unexpected end of file: missing `]`")),
            None => return Ok(None),
            Some(b']') if closing => {
                self.pos += 1;
                return Ok(None);
            }
            Some(b']') => return Err(self.err(at, "unexpected `]`")),
            Some(b'[' | b'"') => return Err(self.err(at, "expected a key")),
            Some(_) => {}
        }
        let key = self.word();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
        {
            let shown: String = key.chars().take(40).collect();
            return Err(self.err(at, format!("invalid key `{}`", shown.escape_debug())));
        }
        Ok(Some((key, at)))
    }

    /// The value of `key`; a list opened here is at nesting `depth`.
    fn value(&mut self, key: &str, depth: usize) -> Result<Val<'a>, Diagnostic> {
        self.skip_ws();
        let vat = self.pos;
        self.count += 1;
        if self.count > MAX_ELEMENTS * 4 {
            return Err(self.err(vat, format!("refused: more than {} keys", MAX_ELEMENTS * 4)));
        }
        if !self.budget.spend(ITEM_COST) {
            return Err(self.over_budget(vat));
        }
        Ok(match self.text.as_bytes().get(self.pos) {
            None => {
                return Err(self.err(vat, format!("unexpected end of file: `{key}` has no value")));
            }
            Some(b'[') => {
                self.pos += 1;
                Val::List(self.list(depth)?)
            }
            Some(b'"') => {
                let rest = &self.text[self.pos + 1..];
                let end = rest
                    .find('"')
                    .ok_or_else(|| self.err(vat, "unterminated string"))?;
                self.pos += end + 2;
                Val::Scalar(unescape(&rest[..end]))
            }
            Some(b']') => return Err(self.err(vat, format!("`{key}` has no value"))),
            Some(_) => {
                let w = self.word();
                if w.is_empty() {
                    return Err(self.err(vat, "expected a value"));
                }
                Val::Scalar(Cow::Borrowed(w))
            }
        })
    }

    /// The items of a list whose `[` was just read, through its `]`.
    fn list(&mut self, depth: usize) -> Result<Vec<Item<'a>>, Diagnostic> {
        if depth > MAX_DEPTH {
            return Err(self.err(
                self.pos,
                format!("refused: lists nested deeper than {MAX_DEPTH}"),
            ));
        }
        let mut items = Vec::new();
        while let Some((key, at)) = self.key(true)? {
            items.push((key, self.value(key, depth + 1)?, at));
        }
        Ok(items)
    }

    /// The items of `graph [ … ]`, each node and edge flattened as soon as it is read so that
    /// only one element's tree is held at a time.
    fn graph(&mut self, b: &mut Builder, els: &mut Elements) -> Result<(), Diagnostic> {
        while let Some((key, at)) = self.key(true)? {
            let v = self.value(key, 2)?;
            match (key, v) {
                ("directed", Val::Scalar(s)) => b.graph.directed = s.trim() == "1",
                ("node", Val::List(items)) => {
                    let mut a = Attrs::new();
                    flatten("", items, &mut a, &mut self.budget)
                        .map_err(|()| self.over_budget(at))?;
                    let Some(id) = a.remove("id") else {
                        return Err(self.err(at, "node without an id"));
                    };
                    free_if_empty(&mut a);
                    if !self.budget.element(id.len()) {
                        return Err(self.over_budget(at));
                    }
                    els.nodes.push((id, a, at));
                }
                ("edge", Val::List(items)) => {
                    let mut a = Attrs::new();
                    flatten("", items, &mut a, &mut self.budget)
                        .map_err(|()| self.over_budget(at))?;
                    let (Some(s), Some(t)) = (a.remove("source"), a.remove("target")) else {
                        return Err(self.err(at, "edge needs both source and target"));
                    };
                    a.remove("key");
                    free_if_empty(&mut a);
                    if !self.budget.element(s.len() + t.len()) {
                        return Err(self.over_budget(at));
                    }
                    els.edges.push((s, t, a, at));
                }
                (_, Val::Scalar(s)) => {
                    b.graph.attrs.insert(key.to_string(), s.into_owned());
                }
                _ => {}
            }
            if els.nodes.len() + els.edges.len() > MAX_ELEMENTS {
                return Err(self.err(
                    at,
                    format!("refused: more than {MAX_ELEMENTS} nodes and edges"),
                ));
            }
        }
        Ok(())
    }
}

/// A map emptied by `remove` keeps its node (about 500 bytes): a million `node [ id N ]`
/// would hold half a gigabyte of empty maps.
fn free_if_empty(a: &mut Attrs) {
    if a.is_empty() {
        *a = Attrs::new();
    }
}

/// Decode `&quot;`, `&amp;`, `&lt;`, `&gt;`, `&apos;` and `&#NNN;`/`&#xHH;` (networkx writes
/// non-ASCII that way); anything else is kept as written.
fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // The `;` is looked for in the next few bytes only: searching the whole rest made a
        // string of many `&` quadratic.
        let window = &rest.as_bytes()[..rest.len().min(11)];
        let decoded = window.iter().position(|&b| b == b';').and_then(|j| {
            let ent = &rest[1..j];
            let c = match ent {
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                _ => {
                    let n = ent.strip_prefix('#')?;
                    let v = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(v)
                }
            }?;
            Some((c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Flatten nested lists into dotted keys (`graphics.fill`), except the common graphics fields
/// which become `x`, `y` and `color` like in the other formats. Every key built from a prefix
/// is paid for before it is built: long keys nested deep would otherwise multiply the file.
fn flatten(prefix: &str, items: Vec<Item>, out: &mut Attrs, budget: &mut Budget) -> Result<(), ()> {
    let dotted = |k: &str| (prefix.len() + 1 + k.len()) as u64;
    for (k, v, _) in items {
        let v = match (prefix.is_empty(), k, v) {
            (true, "attr", Val::List(l)) => match named_attr(&l) {
                Some((name, value)) => {
                    if !budget.attribute(&name, &value) {
                        return Err(());
                    }
                    out.insert(name, value);
                    continue;
                }
                None => Val::List(l),
            },
            (_, _, v) => v,
        };
        match v {
            Val::Scalar(s) => {
                let key_len = match prefix {
                    "" | "graphics" => k.len() as u64,
                    _ => dotted(k),
                };
                if !budget.spend(ATTRIBUTE_COST + key_len + s.len() as u64) {
                    return Err(());
                }
                let key = match (prefix, k) {
                    ("graphics", "x" | "y") => k.to_string(),
                    ("graphics", "fill") => "color".to_string(),
                    ("", _) => k.to_string(),
                    _ => dotted_key(prefix, k),
                };
                out.entry(key).or_insert_with(|| s.into_owned());
            }
            Val::List(l) => {
                if !budget.spend(dotted(k)) {
                    return Err(());
                }
                let p = if prefix.is_empty() {
                    k.to_string()
                } else {
                    dotted_key(prefix, k)
                };
                flatten(&p, l, out, budget)?;
            }
        }
    }
    Ok(())
}

/// `prefix.k`, allocated at its exact size: `format!` may reserve up to twice that, which the
/// budget would not see.
fn dotted_key(prefix: &str, k: &str) -> String {
    let mut key = String::with_capacity(prefix.len() + 1 + k.len());
    key.push_str(prefix);
    key.push('.');
    key.push_str(k);
    key
}

/// `attr [ name "组长" value "市长" ]`: how `write` stores attributes whose names are not GML keys.
fn named_attr(l: &[Item]) -> Option<(String, String)> {
    let get = |key: &str| {
        l.iter().find_map(|(k, v, _)| match v {
            Val::Scalar(s) if *k == key => Some(s.to_string()),
            _ => None,
        })
    };
    (l.len() == 2).then_some(())?;
    Some((get("name")?, get("value")?))
}

pub fn parse(text: &str, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    parse_inner(text, label).map_err(|d| vec![d])
}

fn parse_inner(text: &str, label: &str) -> Result<RawGraph, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        text,
        label,
        pos: 0,
        count: 0,
        budget: Budget::for_input(text.len()),
    };
    let mut b = Builder::new(false);
    let mut els = Elements::default();
    let mut found = false;
    while let Some((key, _)) = p.key(false)? {
        if key == "graph" && !found {
            p.skip_ws();
            if p.text.as_bytes().get(p.pos) == Some(&b'[') {
                p.pos += 1;
                found = true;
                p.graph(&mut b, &mut els)?;
                continue;
            }
        }
        // Other top-level keys (`Creator`, `Version`, a second graph) are read and dropped.
        p.value(key, 1)?;
    }
    if !found {
        return Err(Diagnostic::new(
            label,
            0,
            0,
            "no `graph [ … ]`: not a GML file",
        ));
    }
    let Elements { nodes, edges } = els;
    // As networkx reads GML: nodes are named by their labels when every node has a distinct
    // one (networkx and our own writer store the node name there), else by their GML ids.
    let labels: std::collections::HashSet<&str> = nodes
        .iter()
        .filter_map(|(_, a, _)| a.get("label").map(String::as_str))
        .collect();
    let by_label = !nodes.is_empty() && labels.len() == nodes.len();
    let mut map = std::collections::HashMap::new();
    for (id, mut a, at) in nodes {
        let name = match by_label {
            true => a.remove("label").unwrap_or_default(),
            false => id.clone(),
        };
        if by_label && name != id {
            // The name is copied into the index, the map and each edge end naming it.
            if !p.budget.spend(2 * name.len() as u64) {
                return Err(p.over_budget(at));
            }
            map.insert(id, name.clone());
        }
        b.node(&name, true).attrs.extend(a);
    }
    for (s, t, a, at) in edges {
        let rename = |end: String, budget: &mut Budget| match map.get(&end) {
            Some(name) if budget.spend(name.len() as u64) => Ok(name.clone()),
            Some(_) => Err(()),
            None => Ok(end),
        };
        let (Ok(s), Ok(t)) = (rename(s, &mut p.budget), rename(t, &mut p.budget)) else {
            return Err(p.over_budget(at));
        };
        b.graph.edges.push(super::raw::RawEdge {
            from: s,
            to: t,
            attrs: a,
        });
    }
    Ok(b.finish())
}

/// GML keys are `[A-Za-z][A-Za-z0-9_]*` (networkx enforces it).
fn is_gml_key(k: &str) -> bool {
    k.starts_with(|c: char| c.is_ascii_alphabetic())
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A GML string: ASCII only, with `"`, `&` and non-ASCII as entities (as networkx writes).
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let _ = write!(out, "&#{};", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// GML with integer ids and the Atlas id as `label` (networkx's `read_gml` names nodes by label).
pub fn write(g: &RawGraph) -> (String, Vec<String>) {
    let mut out = String::from("graph [\n");
    let mut renamed = std::collections::BTreeSet::new();
    // One `key value` line, or `attr [ name … value … ]` when the name is not a GML key.
    let mut pair = |k: &str, v: &str| {
        if is_gml_key(k) {
            format!("{k} {}", quote(v))
        } else {
            renamed.insert(k.to_string());
            format!("attr [ name {} value {} ]", quote(k), quote(v))
        }
    };
    let _ = writeln!(out, "  directed {}\n  multigraph 1", u8::from(g.directed));
    for (k, v) in &g.attrs {
        let _ = writeln!(out, "  {}", pair(k, v));
    }
    let index: std::collections::HashMap<&str, usize> = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    for (i, n) in g.nodes.iter().enumerate() {
        let _ = writeln!(out, "  node [\n    id {i}\n    label {}", quote(&n.id));
        for (k, v) in &n.attrs {
            if k != "label" {
                let _ = writeln!(out, "    {}", pair(k, v));
            }
        }
        out.push_str("  ]\n");
    }
    for e in &g.edges {
        let (Some(s), Some(t)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) else {
            continue;
        };
        let _ = writeln!(out, "  edge [\n    source {s}\n    target {t}");
        for (k, v) in &e.attrs {
            let _ = writeln!(out, "    {}", pair(k, v));
        }
        out.push_str("  ]\n");
    }
    out.push_str("]\n");
    let mut warnings = Vec::new();
    if !renamed.is_empty() {
        let names: Vec<String> = renamed.into_iter().collect();
        warnings.push(format!(
            "GML keys allow only ASCII letters, digits and `_`: attribute(s) {} were written as `attr [ name … value … ]`",
            names.join(", ")
        ));
    }
    (out, warnings)
}
