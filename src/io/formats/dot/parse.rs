//! The DOT statement parser. Three things keep hostile files bounded:
//! - node sets are index ranges into one stack of mentions (`mentions`), so a subgraph costs
//!   its own statements, never a copy of the whole graph;
//! - scoped defaults are shared (`Rc`) between a scope and its subgraphs and copied only when a
//!   subgraph changes them, and every copy into an element is charged to the [`Budget`];
//! - an edge statement counts its pairs (`{a b} -> {c d}` makes four edges) and charges them
//!   before building any.

use super::lex::{Lexer, Tok};
use crate::io::Diagnostic;
use crate::io::formats::raw::{Attrs, Builder, RawEdge, RawGraph};
use crate::io::formats::text::{
    ATTRIBUTE_COST, Budget, ELEMENT_COST, MAX_DEPTH, MAX_ELEMENTS, diag_at, over_budget,
};
use std::ops::Range;
use std::rc::Rc;

/// The `node [...]` or `edge [...]` defaults of a scope, with what copying them costs.
#[derive(Clone, Debug, Default)]
struct Defaults {
    attrs: Rc<Attrs>,
    cost: u64,
}

fn attrs_cost(a: &Attrs) -> u64 {
    a.iter()
        .map(|(k, v)| ATTRIBUTE_COST + k.len() as u64 + v.len() as u64)
        .sum()
}

impl Defaults {
    /// Add `a`; false when the budget cannot pay for un-sharing the defaults of the enclosing
    /// scope.
    fn set(&mut self, a: Attrs, budget: &mut Budget) -> bool {
        if a.is_empty() {
            return true;
        }
        if Rc::strong_count(&self.attrs) > 1 && !budget.spend(self.cost) {
            return false;
        }
        let m = Rc::make_mut(&mut self.attrs);
        for (k, v) in a {
            // Kept up to date per key: recounting the whole map here would make many small
            // `node [...]` statements after large defaults quadratic.
            let key_cost = ATTRIBUTE_COST + k.len() as u64;
            self.cost += key_cost + v.len() as u64;
            if let Some(old) = m.insert(k, v) {
                self.cost -= key_cost + old.len() as u64;
            }
        }
        true
    }
}

#[derive(Clone, Debug, Default)]
struct Scope {
    node: Defaults,
    edge: Defaults,
}

struct Parser<'a> {
    lex: Lexer<'a>,
    label: &'a str,
    tok: Tok,
    at: usize,
    b: Builder,
    scope: Scope,
    edge_op: char,
    budget: Budget,
    /// Node indices mentioned by the open subgraphs, innermost last: a subgraph's node set is
    /// the tail it pushed, and its parent's set includes it without a copy.
    mentions: Vec<usize>,
    /// Per node, the `stamp` of the last deduplication that saw it.
    seen: Vec<u64>,
    stamp: u64,
}

/// Parse a DOT file into a raw graph (attribute values still escaped).
pub(super) fn graph(text: &str, label: &str) -> Result<RawGraph, Diagnostic> {
    let mut p = Parser {
        lex: Lexer { text, pos: 0 },
        label,
        tok: Tok::Eof,
        at: 0,
        b: Builder::new(true),
        scope: Scope::default(),
        edge_op: '>',
        budget: Budget::for_input(text.len()),
        mentions: Vec::new(),
        seen: Vec::new(),
        stamp: 0,
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
    Ok(p.b.finish())
}

impl Parser<'_> {
    fn err(&self, at: usize, msg: impl Into<String>) -> Diagnostic {
        diag_at(self.label, self.lex.text, at, msg)
    }

    fn over_budget(&self, at: usize) -> Diagnostic {
        over_budget(self.label, self.lex.text, at)
    }

    fn too_many(&self, at: usize) -> Diagnostic {
        self.err(
            at,
            format!("refused: more than {MAX_ELEMENTS} nodes and edges"),
        )
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
        let Tok::Id(s) = &mut self.tok else {
            return Err(self.err(
                self.at,
                format!("expected a name, found {}", self.describe()),
            ));
        };
        let mut s = std::mem::take(s);
        self.bump()?;
        // "a" + "b" concatenation of quoted strings.
        while self.tok == Tok::P('+') {
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

    /// The index of node `id`, created with the scope's node defaults if new.
    fn declare(&mut self, id: &str, at: usize) -> Result<usize, Diagnostic> {
        if let Some(ix) = self.b.node_index(id) {
            return Ok(ix);
        }
        if self.b.len() >= MAX_ELEMENTS {
            return Err(self.too_many(at));
        }
        // The id is stored twice: in the node and in the builder's index.
        if !self.budget.element(2 * id.len()) || !self.budget.spend(self.scope.node.cost) {
            return Err(self.over_budget(at));
        }
        let attrs = Attrs::clone(&self.scope.node.attrs);
        self.b.node(id, false).attrs = attrs;
        Ok(self.b.graph.nodes.len() - 1)
    }

    /// A node as a statement or edge end (`a`, `a:port`, `a:port:ne`; ports dropped).
    fn node_ref(&mut self) -> Result<Range<usize>, Diagnostic> {
        let at = self.at;
        let id = self.id()?;
        self.port_and_mention(&id, at)
    }

    fn port_and_mention(&mut self, id: &str, at: usize) -> Result<Range<usize>, Diagnostic> {
        while self.tok == Tok::P(':') {
            self.bump()?;
            self.id()?;
        }
        let ix = self.declare(id, at)?;
        self.mentions.push(ix);
        Ok(self.mentions.len() - 1..self.mentions.len())
    }

    /// Drop repeated nodes from `mentions[start..]`, keeping first mentions in order: a
    /// subgraph is a set, and `{a a} -> b` makes one edge.
    fn dedup(&mut self, start: usize) {
        self.stamp += 1;
        if self.seen.len() < self.b.graph.nodes.len() {
            self.seen.resize(self.b.graph.nodes.len(), 0);
        }
        let mut keep = start;
        for i in start..self.mentions.len() {
            let ix = self.mentions[i];
            if self.seen[ix] != self.stamp {
                self.seen[ix] = self.stamp;
                self.mentions[keep] = ix;
                keep += 1;
            }
        }
        self.mentions.truncate(keep);
    }

    fn subgraph(&mut self, depth: usize) -> Result<Range<usize>, Diagnostic> {
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
        if depth > MAX_DEPTH {
            return Err(self.err(
                self.at,
                format!("refused: subgraphs nested deeper than {MAX_DEPTH}"),
            ));
        }
        self.bump()?;
        let outer = self.scope.clone();
        let first_new = self.b.graph.nodes.len();
        let start = self.mentions.len();
        self.stmts(depth)?;
        self.scope = outer;
        self.expect('}')?;
        self.dedup(start);
        if let Some(name) = name.filter(|n| n.starts_with("cluster")) {
            // Nodes first declared in a cluster belong to it (the innermost cluster wins, as it
            // closes first).
            for &ix in &self.mentions[start..] {
                let attrs = &mut self.b.graph.nodes[ix].attrs;
                if ix < first_new || attrs.contains_key("cluster") {
                    continue;
                }
                if !self.budget.attribute("cluster", &name) {
                    return Err(over_budget(self.label, self.lex.text, self.at));
                }
                attrs.insert("cluster".into(), name.clone());
            }
        }
        Ok(start..self.mentions.len())
    }

    /// Statements up to `}` or end of file.
    fn stmts(&mut self, depth: usize) -> Result<(), Diagnostic> {
        loop {
            if depth == 0 {
                // Only subgraphs need their node sets.
                self.mentions.clear();
            }
            match &self.tok {
                Tok::P('}') | Tok::Eof => return Ok(()),
                Tok::P(';') => {
                    self.bump()?;
                    continue;
                }
                _ => {}
            }
            let at = self.at;
            if self.keyword("graph") || self.keyword("node") || self.keyword("edge") {
                let kw = self.id()?.to_ascii_lowercase();
                if self.tok != Tok::P('[') {
                    // A node literally named `node`/`edge`/`graph` is not allowed unquoted.
                    return Err(self.err(at, format!("`{kw}` must be followed by `[`")));
                }
                let a = self.attr_lists()?;
                let paid = match kw.as_str() {
                    "node" => self.scope.node.set(a, &mut self.budget),
                    "edge" => self.scope.edge.set(a, &mut self.budget),
                    _ => {
                        if depth == 0 {
                            self.b.graph.attrs.extend(a);
                        }
                        true
                    }
                };
                if !paid {
                    return Err(self.over_budget(at));
                }
                continue;
            }
            let first = if self.keyword("subgraph") || self.tok == Tok::P('{') {
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
                self.port_and_mention(&id, at)?
            };
            let mut chain = vec![first];
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
                    self.node_ref()?
                };
                chain.push(next);
            }
            let a = self.attr_lists()?;
            if chain.len() == 1 {
                self.node_attrs(chain[0].clone(), a, at)?;
            } else {
                self.edges(&chain, a, at)?;
            }
        }
    }

    /// `a [...]` or `{a b} [...]`: the attributes go to every node named.
    fn node_attrs(&mut self, nodes: Range<usize>, a: Attrs, at: usize) -> Result<(), Diagnostic> {
        if a.is_empty() {
            return Ok(());
        }
        let cost = attrs_cost(&a).saturating_mul(nodes.len() as u64);
        if !self.budget.spend(cost) {
            return Err(self.over_budget(at));
        }
        for &ix in &self.mentions[nodes] {
            self.b.graph.nodes[ix].attrs.extend(a.clone());
        }
        Ok(())
    }

    /// The edges of a chain `a -> {b c} -> d`: every pair of consecutive ends, counted and
    /// charged before the first is built.
    fn edges(&mut self, chain: &[Range<usize>], a: Attrs, at: usize) -> Result<(), Diagnostic> {
        let nodes = &self.b.graph.nodes;
        let id_bytes = |r: &Range<usize>| -> u64 {
            self.mentions[r.clone()]
                .iter()
                .map(|&ix| nodes[ix].id.len() as u64)
                .sum()
        };
        let (mut pairs, mut bytes) = (0u64, 0u64);
        for w in chain.windows(2) {
            let (l, r) = (w[0].len() as u64, w[1].len() as u64);
            pairs = pairs.saturating_add(l.saturating_mul(r));
            bytes = bytes
                .saturating_add(id_bytes(&w[0]).saturating_mul(r))
                .saturating_add(id_bytes(&w[1]).saturating_mul(l));
        }
        if pairs == 0 {
            return Ok(());
        }
        if (self.b.len() as u64).saturating_add(pairs) > MAX_ELEMENTS as u64 {
            return Err(self.err(
                at,
                format!(
                    "refused: this edge statement makes {pairs} edges; more than {MAX_ELEMENTS} nodes and edges in all"
                ),
            ));
        }
        // Statement attributes are merged into a copy of the defaults (an over-estimate when
        // they override a default, which is harmless).
        let attr_cost = self.scope.edge.cost + attrs_cost(&a);
        let cost = pairs
            .saturating_mul(ELEMENT_COST + attr_cost)
            .saturating_add(bytes)
            .saturating_add(attr_cost);
        if !self.budget.spend(cost) {
            return Err(self.over_budget(at));
        }
        let attrs = if a.is_empty() {
            Rc::clone(&self.scope.edge.attrs)
        } else {
            let mut merged = Attrs::clone(&self.scope.edge.attrs);
            merged.extend(a);
            Rc::new(merged)
        };
        let g = &mut self.b.graph;
        g.edges.reserve(pairs as usize);
        for w in chain.windows(2) {
            for &s in &self.mentions[w[0].clone()] {
                for &t in &self.mentions[w[1].clone()] {
                    g.edges.push(RawEdge {
                        from: g.nodes[s].id.clone(),
                        to: g.nodes[t].id.clone(),
                        attrs: Attrs::clone(&attrs),
                    });
                }
            }
        }
        Ok(())
    }
}
