//! Graphviz DOT in and out: a hand-written parser of the full grammar (subgraphs and clusters,
//! edge chains, edges to subgraphs, scoped `node [...]`/`edge [...]` defaults, ports, HTML
//! labels, `+` string concatenation), since no maintained permissively licensed crate reports
//! positions.

mod lex;
mod parse;

use super::raw::{Attrs, RawGraph};
use crate::io::Diagnostic;
use std::fmt::Write;

pub fn parse(text: &str, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut g = parse::graph(text, label).map_err(|d| vec![d])?;
    // Escapes are interpreted in every value, not only labels (tooltips use `\n` too).
    let all = g
        .nodes
        .iter_mut()
        .map(|n| &mut n.attrs)
        .chain(g.edges.iter_mut().map(|e| &mut e.attrs))
        .chain(std::iter::once(&mut g.attrs));
    for attrs in all {
        for v in attrs.values_mut() {
            if v.contains('\\') {
                *v = unescape_label(v);
            }
        }
    }
    Ok(g)
}

/// Graphviz label escapes: `\n`, `\l`, `\r` end lines (a trailing one is dropped).
fn unescape_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'l' | 'r') => out.push('\n'),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out.trim_end_matches('\n').to_string()
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn attr_list(a: &Attrs) -> String {
    let parts: Vec<String> = a
        .iter()
        .map(|(k, v)| format!("{}={}", quote(k), quote(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [{}]", parts.join(", "))
    }
}

pub fn write(g: &RawGraph) -> String {
    let (kw, op) = if g.directed {
        ("digraph", "->")
    } else {
        ("graph", "--")
    };
    let mut out = format!("{kw} {{\n");
    if !g.attrs.is_empty() {
        let _ = writeln!(out, "  graph{};", attr_list(&g.attrs));
    }
    for n in &g.nodes {
        let _ = writeln!(out, "  {}{};", quote(&n.id), attr_list(&n.attrs));
    }
    for e in &g.edges {
        let _ = writeln!(
            out,
            "  {} {op} {}{};",
            quote(&e.from),
            quote(&e.to),
            attr_list(&e.attrs)
        );
    }
    out.push_str("}\n");
    out
}
