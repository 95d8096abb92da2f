//! Just enough of a Rust reader for the architecture check: tokens without comments, strings
//! and char literals; then `use` trees, paths written inline and the names a file defines.

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Ident(String),
    /// `::`
    Sep,
    P(char),
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub line: usize,
}

/// The tokens of `src`, with their 1-based lines; comments, string, byte-string, raw-string
/// and char literals, numbers and lifetimes' quotes leave nothing behind.
pub fn tokens(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let ident_char = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let ch = c[i];
        // Skip from `i` to `end` (exclusive), counting lines.
        let skip_to = |end: usize, line: &mut usize| {
            *line += c[i..end.min(c.len())]
                .iter()
                .filter(|&&x| x == '\n')
                .count();
            end
        };
        if ch == '/' && at(i + 1) == '/' {
            let end = (i..c.len()).find(|&j| c[j] == '\n').unwrap_or(c.len());
            i = skip_to(end, &mut line);
        } else if ch == '/' && at(i + 1) == '*' {
            let (mut j, mut depth) = (i + 2, 1);
            while j < c.len() && depth > 0 {
                if c[j] == '/' && at(j + 1) == '*' {
                    depth += 1;
                    j += 1;
                } else if c[j] == '*' && at(j + 1) == '/' {
                    depth -= 1;
                    j += 1;
                }
                j += 1;
            }
            i = skip_to(j, &mut line);
        } else if ch == '"' || (ch == 'b' && at(i + 1) == '"') {
            let mut j = if ch == 'b' { i + 2 } else { i + 1 };
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            i = skip_to(j + 1, &mut line);
        } else if let Some(start) = raw_string_start(&c, i) {
            // r"…", r#"…"#, br#"…"#: ends at `"` followed by as many `#`.
            let hashes = start - i - 1 - usize::from(ch == 'b');
            let mut j = start + 1;
            while j < c.len() && !(c[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#')) {
                j += 1;
            }
            i = skip_to(j + 1 + hashes, &mut line);
        } else if ch == '\'' || (ch == 'b' && at(i + 1) == '\'') {
            let q = if ch == 'b' { i + 1 } else { i };
            if at(q + 1) == '\\' {
                let end = (q + 3..c.len()).find(|&j| c[j] == '\'').unwrap_or(c.len());
                i = end + 1;
            } else if at(q + 2) == '\'' {
                i = q + 3;
            } else {
                i = q + 1; // a lifetime: its name reads as an identifier
            }
        } else if ch.is_ascii_digit() {
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
        } else if ident_char(ch) {
            let start = i;
            while i < c.len() && ident_char(c[i]) {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            out.push(Token {
                tok: Tok::Ident(word),
                line,
            });
        } else if ch == ':' && at(i + 1) == ':' {
            out.push(Token {
                tok: Tok::Sep,
                line,
            });
            i += 2;
        } else {
            if ch == '\n' {
                line += 1;
            } else if !ch.is_whitespace() {
                out.push(Token {
                    tok: Tok::P(ch),
                    line,
                });
            }
            i += 1;
        }
    }
    out
}

/// The index of the opening `"` when a raw string starts at `i`.
fn raw_string_start(c: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    if c.get(j) == Some(&'b') {
        j += 1;
    }
    if c.get(j) != Some(&'r') || (i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_')) {
        return None;
    }
    j += 1;
    while c.get(j) == Some(&'#') {
        j += 1;
    }
    (c.get(j) == Some(&'"')).then_some(j)
}

/// One leaf of a `use` tree, or one path written inline.
#[derive(Clone, Debug)]
pub struct PathUse {
    /// As written: may start with `crate`, `super`, `self` or a relative name.
    pub segs: Vec<String>,
    /// The name a `use` binds (`None` for inline paths and globs).
    pub binds: Option<String>,
    pub glob: bool,
    pub in_use: bool,
    pub line: usize,
}

/// What the reader keeps of one file.
#[derive(Debug, Default)]
pub struct Read {
    pub paths: Vec<PathUse>,
    /// Names of the items it defines (functions, types, constants, macros).
    pub defines: Vec<String>,
}

fn ident(t: Option<&Token>) -> Option<&str> {
    match t.map(|t| &t.tok) {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

fn is(t: Option<&Token>, want: &Tok) -> bool {
    t.is_some_and(|t| &t.tok == want)
}

/// Index just past the item starting at `i`: its `;` or its balanced `{ … }`.
fn item_end(toks: &[Token], mut i: usize) -> usize {
    let mut depth = 0i32;
    while i < toks.len() {
        match toks[i].tok {
            Tok::P('{') => depth += 1,
            Tok::P('}') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            Tok::P(';') if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// Reads the imports and definitions of one file. `innovation_atlas` (the binary's name for
/// the library) reads as `crate`.
pub fn read(src: &str) -> Read {
    let toks = tokens(src);
    let mut r = Read::default();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let word = ident(Some(t));
        // `#[cfg(test)]`: the item after it is test code.
        let cfg_test = [
            Tok::P('#'),
            Tok::P('['),
            Tok::Ident("cfg".into()),
            Tok::P('('),
            Tok::Ident("test".into()),
            Tok::P(')'),
        ]
        .iter()
        .enumerate()
        .all(|(k, want)| is(toks.get(i + k), want));
        if cfg_test {
            let close = (i..toks.len()).find(|&j| is(toks.get(j), &Tok::P(']')));
            i = item_end(&toks, close.map_or(toks.len(), |j| j + 1));
            continue;
        }
        match word {
            Some("use") => {
                let line = t.line;
                i += 1;
                if is(toks.get(i), &Tok::Sep) {
                    i += 1;
                }
                use_tree(&toks, &mut i, Vec::new(), line, &mut r.paths);
                continue;
            }
            Some("fn" | "struct" | "enum" | "trait" | "type" | "const" | "static" | "union") => {
                if let Some(name) = ident(toks.get(i + 1)) {
                    r.defines.push(name.to_string());
                }
            }
            Some("macro_rules") if is(toks.get(i + 1), &Tok::P('!')) => {
                if let Some(name) = ident(toks.get(i + 2)) {
                    r.defines.push(name.to_string());
                }
            }
            Some(w)
                if is(toks.get(i + 1), &Tok::Sep)
                    && !is(toks.get(i.wrapping_sub(1)), &Tok::Sep) =>
            {
                // A path written inline: `a::b::c`, up to the first non-name.
                let mut segs = vec![if w == "innovation_atlas" { "crate" } else { w }.to_string()];
                let mut j = i + 1;
                while is(toks.get(j), &Tok::Sep) {
                    match ident(toks.get(j + 1)) {
                        Some(s) => segs.push(s.to_string()),
                        None => break,
                    }
                    j += 2;
                }
                r.paths.push(PathUse {
                    segs,
                    binds: None,
                    glob: false,
                    in_use: false,
                    line: t.line,
                });
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    r
}

/// One (sub)tree of a `use`: `a::b`, `a::{b, c::d}`, `a::*`, `a::{self, b as c}`.
fn use_tree(
    toks: &[Token],
    i: &mut usize,
    mut prefix: Vec<String>,
    line: usize,
    out: &mut Vec<PathUse>,
) {
    loop {
        match toks.get(*i).map(|t| &t.tok) {
            Some(Tok::P('{')) => {
                *i += 1;
                while !matches!(toks.get(*i).map(|t| &t.tok), Some(Tok::P('}')) | None) {
                    use_tree(toks, i, prefix.clone(), line, out);
                    if is(toks.get(*i), &Tok::P(',')) {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            Some(Tok::P('*')) => {
                *i += 1;
                out.push(PathUse {
                    segs: prefix,
                    binds: None,
                    glob: true,
                    in_use: true,
                    line,
                });
                return;
            }
            Some(Tok::Ident(name)) => {
                let name = if name == "innovation_atlas" {
                    "crate"
                } else {
                    name
                }
                .to_string();
                *i += 1;
                if is(toks.get(*i), &Tok::Sep) {
                    *i += 1;
                    prefix.push(name);
                    continue;
                }
                let mut binds = if name == "self" {
                    prefix.last().cloned().unwrap_or_default()
                } else {
                    name.clone()
                };
                if name != "self" {
                    prefix.push(name);
                }
                if ident(toks.get(*i)) == Some("as") {
                    binds = ident(toks.get(*i + 1)).unwrap_or("_").to_string();
                    *i += 2;
                }
                out.push(PathUse {
                    segs: prefix,
                    binds: Some(binds),
                    glob: false,
                    in_use: true,
                    line,
                });
                return;
            }
            _ => return,
        }
    }
}
