//! What must hold of the files a hostile run leaves behind: untouched inputs, written symlink
//! targets, well-formed SVG, CSV without formula cells, Cypher without raw backslashes in names.

use super::*;

pub(super) fn post_check(post: &Post) -> Vec<String> {
    let mut bad = Vec::new();
    match post {
        Post::None => {}
        Post::Unchanged(p, before) => match std::fs::read(p) {
            Ok(now) if &now == before => {}
            Ok(_) => bad.push(format!("{} was overwritten", p.display())),
            Err(e) => bad.push(format!("{} is gone: {e}", p.display())),
        },
        Post::StillLink { link, before } => {
            match std::fs::symlink_metadata(link) {
                Ok(m) if m.file_type().is_symlink() => {}
                _ => bad.push(format!("{} is no longer a symlink", link.display())),
            }
            match std::fs::read(link) {
                Ok(now) if now != *before && !now.is_empty() => {}
                _ => bad.push(format!("{}'s target was not written", link.display())),
            }
        }
        Post::SvgClean(p) => {
            let files: Vec<PathBuf> = if p.is_dir() {
                std::fs::read_dir(p)
                    .map(|d| d.flatten().map(|e| e.path()).collect())
                    .unwrap_or_default()
            } else if p.exists() {
                vec![p.clone()]
            } else {
                vec![]
            };
            for f in files
                .iter()
                .filter(|f| f.extension().is_some_and(|e| e == "svg"))
            {
                let text = match std::fs::read_to_string(f) {
                    Ok(t) => t,
                    Err(e) => {
                        bad.push(format!("{}: not UTF-8: {e}", f.display()));
                        continue;
                    }
                };
                if let Err(e) = xml_well_formed(&text) {
                    bad.push(format!("{}: malformed SVG: {e}", f.display()));
                }
                for word in ["NaN", "inf\"", "inf ", "inf,"] {
                    if text.contains(word) {
                        bad.push(format!("{}: contains `{word}`", f.display()));
                    }
                }
            }
        }
        Post::CsvNoFormula(p) => {
            let edges = p.with_file_name(format!(
                "{}.edges.csv",
                p.file_stem().unwrap().to_string_lossy()
            ));
            for f in [p.clone(), edges] {
                let Ok(mut rd) = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_path(&f)
                else {
                    if f == *p {
                        bad.push(format!("{}: not written", f.display()));
                    }
                    continue;
                };
                for rec in rd.records().flatten() {
                    for cell in rec.iter() {
                        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                            bad.push(format!("{}: formula cell {cell:?}", f.display()));
                        }
                    }
                }
            }
        }
        Post::CypherEscaped(p) => {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            if let Err(e) = cypher_names_escaped(&text) {
                bad.push(format!("{}:{e}", p.display()));
            }
        }
    }
    bad
}

/// Inside `…` Neo4j decodes `\uXXXX`: a raw `\` (say before `u0060`) can close the quote and
/// inject a clause. The only backslashes allowed in a backquoted name are the escapes of a
/// backslash (`\u005C`; backticks are doubled). Strings ('…', "…") are skipped.
fn cypher_names_escaped(text: &str) -> Result<(), String> {
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut quote: Option<char> = None;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (quote, c) {
                (None, '\'' | '"' | '`') => quote = Some(c),
                (Some('\'' | '"'), '\\') => {
                    chars.next();
                }
                (Some('`'), '`') if chars.peek() == Some(&'`') => {
                    chars.next();
                }
                (Some('`'), '\\') => {
                    let rest: String = chars.clone().take(5).collect();
                    if !rest.eq_ignore_ascii_case("u005c") {
                        return Err(format!("{}: raw `\\` inside a backquoted name", i + 1));
                    }
                }
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
        }
    }
    Ok(())
}

/// Whether `text` is well-formed XML with only XML-legal characters.
fn xml_well_formed(text: &str) -> Result<(), String> {
    if let Some(c) = text.chars().find(|&c| {
        !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    }) {
        return Err(format!("XML-illegal character U+{:04X}", c as u32));
    }
    let mut r = quick_xml::Reader::from_str(text);
    r.config_mut().check_end_names = true;
    let mut depth = 0i64;
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(_) => {}
            Err(e) => return Err(format!("at {}: {e}", r.error_position())),
        }
    }
    if depth != 0 {
        return Err(format!("{depth} unclosed element(s)"));
    }
    Ok(())
}

#[test]
fn cypher_check_catches_raw_backslashes() {
    assert!(cypher_names_escaped("CREATE (:`a\\u0060`)").is_err());
    assert!(cypher_names_escaped("CREATE (:`a\\`)").is_err());
    assert!(cypher_names_escaped("CREATE (:`K\\u005C``` {id: 'a`b\\''})").is_ok());
    assert!(cypher_names_escaped("MATCH (a)-[:`r``\\u005Cu0060` {}]->(b)").is_ok());
}
