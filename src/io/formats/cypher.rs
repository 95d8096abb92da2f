//! Cypher script export for Neo4j and Memgraph: one `CREATE` per node (labels `Atlas` and its
//! kind), then one `MATCH … CREATE` per edge (type = relation). Properties are strings, except
//! `year` (an integer) and `inferred` (a boolean).
//!
//! Names and values come from imported files, so they are hostile input: Neo4j decodes `\uXXXX`
//! escapes inside backquoted names and string literals (older versions before tokenising, the
//! Java way), so a raw `\u0060` in a name would close the backquote and start a clause of the
//! attacker's choosing. Every backslash is therefore encoded so that it can never begin an
//! escape: `\\` in string literals, `\u005C` in backquoted names (names know no other escape
//! but the doubled backquote). Control characters are written as `\uXXXX` in both, so every
//! statement stays on one line. Memgraph, which does not decode names, shows such a name with
//! the six characters `\u005C` instead of the backslash: odd, but safe.

use super::raw::RawGraph;
use std::fmt::Write;

/// A Cypher string literal: quotes and backslashes escaped, control characters as `\uXXXX`
/// (a raw one would be read as a line break or vanish in a terminal).
fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A label, relationship type or property key, backquoted when it is not a plain identifier.
fn name(s: &str) -> String {
    let plain = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('`');
    for c in s.chars() {
        match c {
            '`' => out.push_str("``"),
            '\\' => out.push_str("\\u005C"),
            // One statement per line, also for a kind holding a line break.
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('`');
    out
}

fn props<'a>(pairs: impl Iterator<Item = (&'a String, &'a String)>) -> String {
    // An empty key has no Cypher spelling (Neo4j refuses the name ``), so it is left out.
    let parts: Vec<String> = pairs
        .filter(|(k, _)| !k.is_empty())
        .map(|(k, v)| {
            // Written from the parsed number: `0012` would be an octal literal in Cypher.
            let value = match (k.as_str(), v.parse::<i64>()) {
                ("year", Ok(year)) => year.to_string(),
                ("inferred", _) if v == "true" || v == "false" => v.clone(),
                _ => lit(v),
            };
            format!("{}: {value}", name(k))
        })
        .collect();
    parts.join(", ")
}

pub fn write(g: &RawGraph) -> String {
    let mut out = String::from(
        "// Innovation Atlas graph as Cypher (Neo4j 5 / Memgraph).\n\
         // For speed on large graphs create an index first:\n\
         //   Neo4j:    CREATE INDEX atlas_id IF NOT EXISTS FOR (n:Atlas) ON (n.id);\n\
         //   Memgraph: CREATE INDEX ON :Atlas(id);\n",
    );
    for n in &g.nodes {
        let kind = n
            .attrs
            .get("kind")
            .filter(|k| !k.is_empty())
            .map_or("Unknown", String::as_str);
        let id = (&"id".to_string(), &n.id);
        let _ = writeln!(
            out,
            "CREATE (:Atlas:{} {{{}}});",
            name(kind),
            props(std::iter::once(id).chain(n.attrs.iter().filter(|(k, _)| *k != "kind")))
        );
    }
    for e in &g.edges {
        let rel = e
            .attrs
            .get("relation")
            .filter(|r| !r.is_empty())
            .map_or("RELATED", String::as_str);
        let p = props(e.attrs.iter().filter(|(k, _)| *k != "relation"));
        let _ = writeln!(
            out,
            "MATCH (a:Atlas {{id: {}}}), (b:Atlas {{id: {}}}) CREATE (a)-[:{} {{{p}}}]->(b);",
            lit(&e.from),
            lit(&e.to),
            name(rel)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::formats::raw::{Attrs, RawEdge, RawNode};

    /// Neo4j 4's reading of a script: `\uXXXX` decoded first, the Java way (a backslash begins
    /// an escape only after an even run of backslashes; a decoded character never does).
    fn java_unescape(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let mut run = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '\\' && run % 2 == 0 && chars.get(i + 1) == Some(&'u') {
                let hex: String = chars.iter().skip(i + 2).take(4).collect();
                if let Some(d) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(d);
                    i += 6;
                    run = 0;
                    continue;
                }
            }
            run = if c == '\\' { run + 1 } else { 0 };
            out.push(c);
            i += 1;
        }
        out
    }

    #[derive(Debug, PartialEq)]
    enum Tok {
        Word(String),
        Name(String),
        Str(String),
        Punct(char),
    }

    /// The tokens of one decoded script line, or an error for an unterminated quote.
    fn lex(s: &str) -> Result<Vec<Tok>, String> {
        let mut out = Vec::new();
        let mut it = s.chars().peekable();
        while let Some(c) = it.next() {
            match c {
                '`' => {
                    let mut n = String::new();
                    loop {
                        match it.next() {
                            Some('`') if it.peek() == Some(&'`') => {
                                it.next();
                                n.push('`');
                            }
                            Some('`') => break,
                            Some(c) => n.push(c),
                            None => return Err(format!("unterminated name in {s}")),
                        }
                    }
                    out.push(Tok::Name(n));
                }
                '\'' => {
                    let mut v = String::new();
                    loop {
                        match it.next() {
                            Some('\\') => match it.next() {
                                Some('n') => v.push('\n'),
                                Some('r') => v.push('\r'),
                                Some('t') => v.push('\t'),
                                Some(c @ ('\\' | '\'' | '"')) => v.push(c),
                                Some('u') => {
                                    let hex: String = it.by_ref().take(4).collect();
                                    let c = u32::from_str_radix(&hex, 16)
                                        .ok()
                                        .and_then(char::from_u32)
                                        .ok_or(format!("bad escape in {s}"))?;
                                    v.push(c);
                                }
                                other => return Err(format!("bad escape {other:?} in {s}")),
                            },
                            Some('\'') => break,
                            Some(c) => v.push(c),
                            None => return Err(format!("unterminated string in {s}")),
                        }
                    }
                    out.push(Tok::Str(v));
                }
                c if c.is_alphanumeric() || c == '_' => {
                    let mut w = c.to_string();
                    while let Some(&d) = it.peek().filter(|d| d.is_alphanumeric() || **d == '_') {
                        w.push(d);
                        it.next();
                    }
                    out.push(Tok::Word(w));
                }
                c if c.is_whitespace() => {}
                c => out.push(Tok::Punct(c)),
            }
        }
        Ok(out)
    }

    fn name_of(t: &Tok) -> Option<&str> {
        match t {
            Tok::Word(w) | Tok::Name(w) => Some(w),
            _ => None,
        }
    }

    const HOSTILE: &[&str] = &[
        "a`b",
        "a\\u0060) DETACH DELETE n //",
        "a\\\\u0060) DETACH DELETE n //",
        "x\\`}) MATCH (n) DETACH DELETE n //",
        "it's \"quoted\"\\",
        "two\nlines\r\n// comment",
        "nul\u{0}bell\u{7}esc\u{1b}",
        "\\u0027) DETACH DELETE n //",
        "end\\",
    ];

    #[test]
    fn hostile_names_and_values_stay_inside_their_quotes() {
        let mut g = RawGraph::default();
        for (i, h) in HOSTILE.iter().enumerate() {
            let mut attrs = Attrs::new();
            attrs.insert("kind".into(), (*h).into());
            attrs.insert((*h).into(), (*h).into());
            g.nodes.push(RawNode {
                id: format!("{i}{h}"),
                attrs,
            });
            let mut attrs = Attrs::new();
            attrs.insert("relation".into(), (*h).into());
            attrs.insert((*h).into(), (*h).into());
            g.edges.push(RawEdge {
                from: format!("{i}{h}"),
                to: h.to_string(),
                attrs,
            });
        }
        let script = write(&g);
        // Every statement on one line: a raw line break would let a value start a new clause.
        let statements: Vec<&str> = script.lines().filter(|l| !l.starts_with("//")).collect();
        assert_eq!(statements.len(), 2 * HOSTILE.len(), "{script}");
        for (i, h) in HOSTILE.iter().enumerate() {
            let node = lex(&java_unescape(statements[i])).unwrap();
            let id = format!("{i}{h}");
            assert_eq!(name_of(&node[0]), Some("CREATE"), "{node:?}");
            assert_eq!(
                node[5],
                Tok::Name(h.to_string()),
                "label of {h:?}: {node:?}"
            );
            assert_eq!(node[9], Tok::Str(id.clone()), "{node:?}");
            assert_eq!(node[11], Tok::Name(h.to_string()), "key of {h:?}: {node:?}");
            assert_eq!(node[13], Tok::Str(h.to_string()), "{node:?}");
            assert_eq!(node.len(), 17, "one CREATE and nothing else: {node:?}");
            let edge = lex(&java_unescape(statements[HOSTILE.len() + i])).unwrap();
            let strings: Vec<&Tok> = edge.iter().filter(|t| matches!(t, Tok::Str(_))).collect();
            assert_eq!(
                strings,
                [
                    &Tok::Str(id),
                    &Tok::Str(h.to_string()),
                    &Tok::Str(h.to_string())
                ]
            );
            let words: Vec<&str> = edge
                .iter()
                .filter_map(|t| match t {
                    Tok::Word(w) => Some(w.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(
                words,
                [
                    "MATCH", "a", "Atlas", "id", "b", "Atlas", "id", "CREATE", "a", "b"
                ],
                "{edge:?}"
            );
        }
    }

    #[test]
    fn quoting() {
        assert_eq!(lit("it's\n"), "'it\\'s\\n'");
        assert_eq!(lit("a\\u0060"), "'a\\\\u0060'");
        assert_eq!(lit("\u{0}\u{2028}"), "'\\u0000\\u2028'");
        assert_eq!(name("Hosts"), "Hosts");
        assert_eq!(name("part of"), "`part of`");
        assert_eq!(name("a`b"), "`a``b`");
        assert_eq!(name("a\\u0060"), "`a\\u005Cu0060`");
    }

    #[test]
    fn year_is_a_decimal_number_and_empty_names_fall_back() {
        let mut attrs = Attrs::new();
        attrs.insert("year".into(), "0012".into());
        attrs.insert("kind".into(), String::new());
        attrs.insert(String::new(), "x".into());
        let g = RawGraph {
            nodes: vec![RawNode {
                id: "n".into(),
                attrs,
            }],
            ..RawGraph::default()
        };
        let script = write(&g);
        assert!(
            script.contains("CREATE (:Atlas:Unknown {id: 'n', year: 12});"),
            "{script}"
        );
    }
}
