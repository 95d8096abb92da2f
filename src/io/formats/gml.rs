//! GML in and out (as Gephi, igraph, networkx and Mark Newman's data sets write it): a
//! hand-written parser, since no maintained crate reads GML with positions. Accepts unquoted
//! word values (`id A`), `&#NNN;`/`&amp;` entities and `#` comment lines.

use super::raw::{Attrs, Builder, RawGraph};
use super::text::{MAX_DEPTH, MAX_ELEMENTS, diag_at, too_many};
use crate::io::Diagnostic;
use std::fmt::Write;

#[derive(Debug)]
enum Val {
    Scalar(String),
    List(Vec<(String, Val, usize)>),
}

struct Parser<'a> {
    text: &'a str,
    label: &'a str,
    pos: usize,
    count: usize,
}

impl<'a> Parser<'a> {
    fn err(&self, pos: usize, msg: impl Into<String>) -> Diagnostic {
        diag_at(self.label, self.text, pos, msg)
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

    fn list(
        &mut self,
        depth: usize,
        closing: bool,
    ) -> Result<Vec<(String, Val, usize)>, Diagnostic> {
        if depth > MAX_DEPTH {
            return Err(self.err(
                self.pos,
                format!("refused: lists nested deeper than {MAX_DEPTH}"),
            ));
        }
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            let at = self.pos;
            match self.text.as_bytes().get(self.pos) {
                None if closing => return Err(self.err(at, "unexpected end of file: missing `]`")),
                None => return Ok(items),
                Some(b']') if closing => {
                    self.pos += 1;
                    return Ok(items);
                }
                Some(b']') => return Err(self.err(at, "unexpected `]`")),
                Some(b'[' | b'"') => return Err(self.err(at, "expected a key")),
                Some(_) => {}
            }
            let key = self.word().to_string();
            if key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
            {
                return Err(self.err(at, format!("invalid key `{key}`")));
            }
            self.skip_ws();
            let vat = self.pos;
            let val = match self.text.as_bytes().get(self.pos) {
                None => {
                    return Err(
                        self.err(vat, format!("unexpected end of file: `{key}` has no value"))
                    );
                }
                Some(b'[') => {
                    self.pos += 1;
                    Val::List(self.list(depth + 1, true)?)
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
                    Val::Scalar(w.to_string())
                }
            };
            self.count += 1;
            if self.count > MAX_ELEMENTS * 4 {
                return Err(too_many(self.label));
            }
            items.push((key, val, at));
        }
    }
}

/// Decode `&quot;`, `&amp;`, `&lt;`, `&gt;`, `&apos;` and `&#NNN;`/`&#xHH;` (networkx writes
/// non-ASCII that way); anything else is kept as written.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&j| j <= 10).and_then(|j| {
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
    out
}

/// Flatten nested lists into dotted keys (`graphics.fill`), except the common graphics fields
/// which become `x`, `y` and `color` like in the other formats.
fn flatten(prefix: &str, items: &[(String, Val, usize)], out: &mut Attrs) {
    for (k, v, _) in items {
        if let (true, "attr", Val::List(l)) = (prefix.is_empty(), k.as_str(), v)
            && let Some((name, value)) = named_attr(l)
        {
            out.insert(name, value);
            continue;
        }
        match v {
            Val::Scalar(s) => {
                let key = match (prefix, k.as_str()) {
                    ("graphics", "x" | "y") => k.clone(),
                    ("graphics", "fill") => "color".to_string(),
                    ("", _) => k.clone(),
                    _ => format!("{prefix}.{k}"),
                };
                out.entry(key).or_insert_with(|| s.clone());
            }
            Val::List(l) => {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&p, l, out);
            }
        }
    }
}

/// `attr [ name "组长" value "市长" ]`: how `write` stores attributes whose names are not GML keys.
fn named_attr(l: &[(String, Val, usize)]) -> Option<(String, String)> {
    let get = |key: &str| {
        l.iter().find_map(|(k, v, _)| match v {
            Val::Scalar(s) if k == key => Some(s.clone()),
            _ => None,
        })
    };
    (l.len() == 2).then_some(())?;
    Some((get("name")?, get("value")?))
}

pub fn parse(text: &str, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        text,
        label,
        pos: 0,
        count: 0,
    };
    let top = p.list(0, false).map_err(|d| vec![d])?;
    let Some((_, Val::List(graph), _)) = top
        .iter()
        .find(|(k, v, _)| k == "graph" && matches!(v, Val::List(_)))
    else {
        return Err(vec![Diagnostic::new(
            label,
            0,
            0,
            "no `graph [ … ]`: not a GML file",
        )]);
    };
    let mut b = Builder::new(false);
    let mut nodes: Vec<(String, Attrs)> = Vec::new();
    let mut edges = Vec::new();
    for (k, v, at) in graph {
        match (k.as_str(), v) {
            ("directed", Val::Scalar(s)) => b.graph.directed = s.trim() == "1",
            ("node", Val::List(items)) => {
                let mut a = Attrs::new();
                flatten("", items, &mut a);
                let Some(id) = a.remove("id") else {
                    return Err(vec![p.err(*at, "node without an id")]);
                };
                nodes.push((id, a));
            }
            ("edge", Val::List(items)) => {
                let mut a = Attrs::new();
                flatten("", items, &mut a);
                let (Some(s), Some(t)) = (a.remove("source"), a.remove("target")) else {
                    return Err(vec![p.err(*at, "edge needs both source and target")]);
                };
                a.remove("key");
                edges.push((s, t, a));
            }
            (_, Val::Scalar(s)) => {
                b.graph.attrs.insert(k.clone(), s.clone());
            }
            _ => {}
        }
        if nodes.len() + edges.len() > MAX_ELEMENTS {
            return Err(vec![too_many(label)]);
        }
    }
    // As networkx reads GML: nodes are named by their labels when every node has a distinct
    // one (networkx and our own writer store the node name there), else by their GML ids.
    let labels: std::collections::HashSet<&str> = nodes
        .iter()
        .filter_map(|(_, a)| a.get("label").map(String::as_str))
        .collect();
    let by_label = !nodes.is_empty() && labels.len() == nodes.len();
    let mut map = std::collections::HashMap::new();
    for (id, mut a) in nodes {
        let name = match by_label {
            true => a.remove("label").unwrap_or_default(),
            false => id.clone(),
        };
        if by_label && name != id {
            map.insert(id, name.clone());
        }
        b.node(&name, true).attrs.extend(a);
    }
    for (s, t, a) in edges {
        let s = map.get(&s).cloned().unwrap_or(s);
        let t = map.get(&t).cloned().unwrap_or(t);
        b.edge(&s, &t).attrs = a;
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
