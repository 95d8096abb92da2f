//! Cypher script export for Neo4j and Memgraph: one `CREATE` per node (labels `Atlas` and its
//! kind), then one `MATCH … CREATE` per edge (type = relation). Properties are strings, except
//! `year` (an integer) and `inferred` (a boolean).

use super::raw::RawGraph;
use std::fmt::Write;

/// A Cypher string literal.
fn lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
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
        s.to_string()
    } else {
        format!("`{}`", s.replace('`', "``"))
    }
}

fn props<'a>(pairs: impl Iterator<Item = (&'a String, &'a String)>) -> String {
    let parts: Vec<String> = pairs
        .map(|(k, v)| {
            let value = match k.as_str() {
                "year" if v.parse::<i64>().is_ok() => v.clone(),
                "inferred" if v == "true" || v == "false" => v.clone(),
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
        let kind = n.attrs.get("kind").map_or("Unknown", String::as_str);
        let id = (&"id".to_string(), &n.id);
        let _ = writeln!(
            out,
            "CREATE (:Atlas:{} {{{}}});",
            name(kind),
            props(std::iter::once(id).chain(n.attrs.iter().filter(|(k, _)| *k != "kind")))
        );
    }
    for e in &g.edges {
        let rel = e.attrs.get("relation").map_or("RELATED", String::as_str);
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

    #[test]
    fn quoting() {
        assert_eq!(lit("it's\n"), "'it\\'s\\n'");
        assert_eq!(name("Hosts"), "Hosts");
        assert_eq!(name("part of"), "`part of`");
        assert_eq!(name("a`b"), "`a``b`");
    }
}
