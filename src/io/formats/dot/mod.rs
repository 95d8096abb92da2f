//! Graphviz DOT in and out: a hand-written parser of the full grammar (subgraphs and clusters,
//! edge chains, edges to subgraphs, scoped `node [...]`/`edge [...]` defaults, ports, HTML
//! labels, `+` string concatenation), since no maintained permissively licensed crate reports
//! positions.

use super::raw::{Attrs, Builder, RawGraph};
use super::text::{MAX_DEPTH, MAX_ELEMENTS, diag_at, too_many};
use crate::io::Diagnostic;
use std::fmt::Write;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Id(String),
    /// `{ } [ ] ; , = :` and edge operators `->` / `--` (as `>` and `-`).
    P(char),
    Eof,
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.' || (c as u32) >= 0x80
}

impl Lexer<'_> {
    /// Next token and its byte offset.
    fn next(&mut self) -> Result<(Tok, usize), (usize, String)> {
        let b = self.text.as_bytes();
        loop {
            while self.pos < b.len() && b[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            let rest = &self.text[self.pos..];
            let at_line_start = self.pos == 0 || b[self.pos - 1] == b'\n';
            if rest.starts_with("//") || (rest.starts_with('#') && at_line_start) {
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else if let Some(body) = rest.strip_prefix("/*") {
                let end = body
                    .find("*/")
                    .ok_or((self.pos, "unterminated comment".to_string()))?;
                self.pos += end + 4;
            } else {
                break;
            }
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let Some(c) = rest.chars().next() else {
            return Ok((Tok::Eof, start));
        };
        match c {
            '{' | '}' | '[' | ']' | ';' | ',' | '=' | ':' => {
                self.pos += 1;
                Ok((Tok::P(c), start))
            }
            '+' => {
                self.pos += 1;
                Ok((Tok::Id("+".into()), start))
            }
            '-' if rest.starts_with("->") => {
                self.pos += 2;
                Ok((Tok::P('>'), start))
            }
            '-' if rest.starts_with("--") => {
                self.pos += 2;
                Ok((Tok::P('-'), start))
            }
            '"' => {
                let mut s = String::new();
                let mut chars = rest[1..].char_indices();
                loop {
                    match chars.next() {
                        None => return Err((start, "unterminated string".into())),
                        Some((i, '"')) => {
                            self.pos = start + 1 + i + 1;
                            break;
                        }
                        Some((_, '\\')) => match chars.next() {
                            Some((_, '"')) => s.push('"'),
                            Some((_, '\\')) => s.push('\\'),
                            Some((_, '\n')) => {}
                            Some((_, '\r')) => {}
                            Some((_, o)) => {
                                s.push('\\');
                                s.push(o);
                            }
                            None => return Err((start, "unterminated string".into())),
                        },
                        Some((_, o)) => s.push(o),
                    }
                }
                Ok((Tok::Id(s), start))
            }
            '<' => {
                let mut depth = 0usize;
                for (i, ch) in rest.char_indices() {
                    match ch {
                        '<' => depth += 1,
                        '>' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos = start + i + 1;
                                return Ok((Tok::Id(rest[1..i].to_string()), start));
                            }
                        }
                        _ => {}
                    }
                }
                Err((start, "unterminated HTML string".into()))
            }
            c if is_id_char(c) || c == '-' => {
                let len = rest
                    .char_indices()
                    .skip(1)
                    .find(|&(_, ch)| !is_id_char(ch))
                    .map_or(rest.len(), |(i, _)| i);
                self.pos += len;
                Ok((Tok::Id(rest[..len].to_string()), start))
            }
            other => Err((start, format!("unexpected character `{other}`"))),
        }
    }
}

struct Parser<'a> {
    lex: Lexer<'a>,
    label: &'a str,
    tok: Tok,
    at: usize,
    b: Builder,
    /// Default node and edge attributes of each open scope (`node [...]`, `edge [...]`).
    scopes: Vec<(Attrs, Attrs)>,
    edge_op: char,
}

/// The endpoints of an edge statement: one node (port dropped) or a subgraph's nodes.
type Ends = Vec<String>;

impl<'a> Parser<'a> {
    fn err(&self, at: usize, msg: impl Into<String>) -> Diagnostic {
        diag_at(self.label, self.lex.text, at, msg)
    }

    fn bump(&mut self) -> Result<(), Diagnostic> {
        let (t, at) = self
            .lex
            .next()
            .map_err(|(at, m)| diag_at(self.label, self.lex.text, at, m))?;
        self.tok = t;
        self.at = at;
        Ok(())
    }

    fn expect(&mut self, c: char) -> Result<(), Diagnostic> {
        if self.tok == Tok::P(c) {
            self.bump()
        } else {
            Err(self.err(
                self.at,
                format!("expected `{c}`, found {}", self.describe()),
            ))
        }
    }

    fn describe(&self) -> String {
        match &self.tok {
            Tok::Id(s) => format!("`{s}`"),
            Tok::P('>') => "`->`".into(),
            Tok::P('-') => "`--`".into(),
            Tok::P(c) => format!("`{c}`"),
            Tok::Eof => "end of file".into(),
        }
    }

    fn id(&mut self) -> Result<String, Diagnostic> {
        let Tok::Id(s) = &self.tok else {
            return Err(self.err(
                self.at,
                format!("expected a name, found {}", self.describe()),
            ));
        };
        let mut s = s.clone();
        self.bump()?;
        // "a" + "b" concatenation of quoted strings.
        while self.tok == Tok::Id("+".into()) {
            self.bump()?;
            let Tok::Id(more) = &self.tok else {
                return Err(self.err(self.at, "expected a string after `+`"));
            };
            s.push_str(more);
            self.bump()?;
        }
        Ok(s)
    }

    fn keyword(&self, kw: &str) -> bool {
        matches!(&self.tok, Tok::Id(s) if s.eq_ignore_ascii_case(kw))
    }

    fn attr_lists(&mut self) -> Result<Attrs, Diagnostic> {
        let mut a = Attrs::new();
        while self.tok == Tok::P('[') {
            self.bump()?;
            while self.tok != Tok::P(']') {
                let k = self.id()?;
                let v = if self.tok == Tok::P('=') {
                    self.bump()?;
                    self.id()?
                } else {
                    "true".to_string()
                };
                a.insert(k, v);
                if matches!(self.tok, Tok::P(',') | Tok::P(';')) {
                    self.bump()?;
                }
            }
            self.bump()?;
        }
        Ok(a)
    }

    fn declare(&mut self, id: &str) {
        let fresh = !self.b.has_node(id);
        let defaults = self.scopes.last().map(|s| s.0.clone()).unwrap_or_default();
        let n = self.b.node(id, false);
        if fresh {
            n.attrs.extend(defaults);
        }
    }

    fn subgraph(&mut self, depth: usize) -> Result<Ends, Diagnostic> {
        let mut name = None;
        if self.keyword("subgraph") {
            self.bump()?;
            if let Tok::Id(_) = self.tok {
                name = Some(self.id()?);
            }
        }
        if self.tok != Tok::P('{') {
            return Err(self.err(self.at, format!("expected `{{`, found {}", self.describe())));
        }
        self.bump()?;
        if depth > MAX_DEPTH {
            return Err(self.err(
                self.at,
                format!("refused: subgraphs nested deeper than {MAX_DEPTH}"),
            ));
        }
        let inherited = self.scopes.last().cloned().unwrap_or_default();
        self.scopes.push(inherited);
        let before: std::collections::HashSet<usize> = (0..self.b.graph.nodes.len()).collect();
        let mut members = self.stmts(depth)?;
        self.scopes.pop();
        self.expect('}')?;
        if let Some(n) = name.filter(|n| n.starts_with("cluster")) {
            for m in &members {
                if let Some(ix) = self.b.node_index(m)
                    && !before.contains(&ix)
                {
                    self.b
                        .node_at(ix)
                        .attrs
                        .entry("cluster".into())
                        .or_insert_with(|| n.clone());
                }
            }
        }
        members.dedup();
        Ok(members)
    }

    /// Statements up to `}` or end of file; returns the nodes they mention.
    fn stmts(&mut self, depth: usize) -> Result<Vec<String>, Diagnostic> {
        let mut members = Vec::new();
        loop {
            match &self.tok {
                Tok::P('}') | Tok::Eof => return Ok(members),
                Tok::P(';') => {
                    self.bump()?;
                    continue;
                }
                _ => {}
            }
            if self.keyword("graph") || self.keyword("node") || self.keyword("edge") {
                let Tok::Id(kw) = self.tok.clone() else {
                    continue;
                };
                let save = (self.at, self.lex.pos);
                self.bump()?;
                if self.tok == Tok::P('[') {
                    let a = self.attr_lists()?;
                    match kw.to_ascii_lowercase().as_str() {
                        "node" => self.scopes.last_mut().map(|s| s.0.extend(a)),
                        "edge" => self.scopes.last_mut().map(|s| s.1.extend(a)),
                        _ => {
                            if depth == 0 {
                                self.b.graph.attrs.extend(a);
                            }
                            None
                        }
                    };
                    continue;
                }
                // A node literally named `node`/`edge`/`graph` is not allowed unquoted.
                return Err(self.err(save.0, format!("`{kw}` must be followed by `[`")));
            }
            let ends: Ends = if self.keyword("subgraph") || self.tok == Tok::P('{') {
                self.subgraph(depth + 1)?
            } else {
                let id = self.id()?;
                if self.tok == Tok::P('=') {
                    self.bump()?;
                    let v = self.id()?;
                    if depth == 0 {
                        self.b.graph.attrs.insert(id, v);
                    }
                    continue;
                }
                // Port: `a:p` or `a:p:ne`, dropped.
                while self.tok == Tok::P(':') {
                    self.bump()?;
                    self.id()?;
                }
                self.declare(&id);
                vec![id]
            };
            members.extend(ends.iter().cloned());
            let mut chain = vec![ends];
            while let Tok::P(op @ ('>' | '-')) = self.tok {
                if op != self.edge_op {
                    return Err(self.err(
                        self.at,
                        if self.edge_op == '>' {
                            "`--` in a digraph"
                        } else {
                            "`->` in an undirected graph"
                        },
                    ));
                }
                self.bump()?;
                let next = if self.keyword("subgraph") || self.tok == Tok::P('{') {
                    self.subgraph(depth + 1)?
                } else {
                    let id = self.id()?;
                    while self.tok == Tok::P(':') {
                        self.bump()?;
                        self.id()?;
                    }
                    self.declare(&id);
                    vec![id]
                };
                members.extend(next.iter().cloned());
                chain.push(next);
            }
            let a = self.attr_lists()?;
            if chain.len() == 1 {
                for id in &chain[0] {
                    self.b.node(id, false).attrs.extend(a.clone());
                }
            } else {
                let mut ea = self.scopes.last().map(|s| s.1.clone()).unwrap_or_default();
                ea.extend(a);
                for pair in chain.windows(2) {
                    for s in &pair[0] {
                        for t in &pair[1] {
                            self.b.edge(s, t).attrs = ea.clone();
                        }
                    }
                }
            }
            if self.b.len() > MAX_ELEMENTS {
                return Err(too_many(self.label));
            }
        }
    }
}

pub fn parse(text: &str, label: &str) -> Result<RawGraph, Vec<Diagnostic>> {
    parse_inner(text, label).map_err(|d| vec![d])
}

fn parse_inner(text: &str, label: &str) -> Result<RawGraph, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        lex: Lexer { text, pos: 0 },
        label,
        tok: Tok::Eof,
        at: 0,
        b: Builder::new(true),
        scopes: vec![(Attrs::new(), Attrs::new())],
        edge_op: '>',
    };
    p.bump()?;
    if p.keyword("strict") {
        p.bump()?;
    }
    if p.keyword("digraph") {
        p.edge_op = '>';
    } else if p.keyword("graph") {
        p.edge_op = '-';
        p.b.graph.directed = false;
    } else {
        return Err(p.err(
            p.at,
            format!("expected `graph` or `digraph`, found {}", p.describe()),
        ));
    }
    p.bump()?;
    if let Tok::Id(_) = p.tok {
        let name = p.id()?;
        p.b.graph.attrs.insert("name".into(), name);
    }
    p.expect('{')?;
    p.stmts(0)?;
    p.expect('}')?;
    // Escapes are interpreted in every value, not only labels (tooltips use `\n` too).
    let g = &mut p.b.graph;
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
    Ok(p.b.finish())
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
