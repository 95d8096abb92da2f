//! Where things are in a RON text, for warnings about values found wrong after parsing. A small
//! streaming lexer (no copy of the text: layout sidecars reach hundreds of MB): strings (also
//! raw), chars and comments are skipped, so nothing inside them counts.

use std::collections::HashMap;

#[derive(Debug, PartialEq)]
pub enum Tok {
    Ident(String),
    Str(String),
    Open,
    Close,
    Colon,
    Other,
}

struct Cursor<'a> {
    text: &'a str,
    i: usize,
    line: usize,
    col: usize,
}

impl Cursor<'_> {
    fn peek(&self, k: usize) -> Option<u8> {
        self.text.as_bytes().get(self.i + k).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.text[self.i..].chars().next()?;
        self.i += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn bump_n(&mut self, n: usize) {
        for _ in 0..n {
            self.bump();
        }
    }

    /// A `"…"` string body after the opening quote, as written (escapes kept).
    fn quoted(&mut self) -> String {
        let mut raw = String::new();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => {
                    raw.push('\\');
                    raw.extend(self.bump());
                }
                c => raw.push(c),
            }
        }
        raw
    }

    /// A raw string `r#"…"#` starting at the cursor (on the `r`).
    fn raw(&mut self) -> String {
        self.bump();
        let mut hashes = 0;
        while self.peek(0) == Some(b'#') {
            hashes += 1;
            self.bump();
        }
        self.bump();
        let mut value = String::new();
        while let Some(c) = self.bump() {
            if c == '"' && (0..hashes).all(|k| self.peek(k) == Some(b'#')) {
                self.bump_n(hashes);
                break;
            }
            value.push(c);
        }
        value
    }
}

/// Call `f` with every token and its 1-based `(line, col)` (col counted in characters).
pub fn scan(text: &str, mut f: impl FnMut(Tok, (usize, usize))) {
    let mut cur = Cursor {
        text,
        i: 0,
        line: 1,
        col: 1,
    };
    while let Some(b) = cur.peek(0) {
        let at = (cur.line, cur.col);
        let next = cur.peek(1);
        match b {
            b'/' if next == Some(b'/') => {
                while cur.peek(0).is_some_and(|c| c != b'\n') {
                    cur.bump();
                }
            }
            b'/' if next == Some(b'*') => {
                // RON block comments nest.
                let mut depth = 0usize;
                while let Some(c) = cur.peek(0) {
                    match (c, cur.peek(1)) {
                        (b'/', Some(b'*')) => {
                            depth += 1;
                            cur.bump_n(2);
                        }
                        (b'*', Some(b'/')) => {
                            depth -= 1;
                            cur.bump_n(2);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {
                            cur.bump();
                        }
                    }
                }
            }
            b'"' => {
                cur.bump();
                let raw = cur.quoted();
                f(Tok::Str(unescape(&raw)), at);
            }
            // A byte string b"…" or br"…": the prefix is skipped, the string read next.
            b'b' if matches!(next, Some(b'"')) => {
                cur.bump();
            }
            b'b' if next == Some(b'r') && matches!(cur.peek(2), Some(b'"' | b'#')) => {
                cur.bump();
            }
            b'r' if matches!(next, Some(b'"' | b'#')) => {
                let value = cur.raw();
                f(Tok::Str(value), at);
            }
            b'\'' => {
                // A char literal: '\'' and '"' must not start anything.
                cur.bump();
                if cur.bump() == Some('\\') {
                    cur.bump();
                }
                while let Some(c) = cur.bump() {
                    if c == '\'' {
                        break;
                    }
                }
                f(Tok::Other, at);
            }
            b'(' | b'[' | b'{' => {
                cur.bump();
                f(Tok::Open, at);
            }
            b')' | b']' | b'}' => {
                cur.bump();
                f(Tok::Close, at);
            }
            b':' => {
                cur.bump();
                f(Tok::Colon, at);
            }
            _ => {
                let Some(c) = cur.bump() else { break };
                if c.is_alphabetic() || c == '_' {
                    let mut name = c.to_string();
                    while let Some(d) = cur.text[cur.i..].chars().next() {
                        if !(d.is_alphanumeric() || d == '_') {
                            break;
                        }
                        name.push(d);
                        cur.bump();
                    }
                    f(Tok::Ident(name), at);
                } else if !c.is_whitespace() {
                    f(Tok::Other, at);
                }
            }
        }
    }
}

/// The value of a RON string body (escapes decoded; a malformed escape is kept as written).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut it = raw.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some('x') => {
                let hex: String = it.by_ref().take(2).collect();
                match u8::from_str_radix(&hex, 16) {
                    Ok(b) if b.is_ascii() => out.push(char::from(b)),
                    _ => out.push_str(&format!("\\x{hex}")),
                }
            }
            Some('u') if it.peek() == Some(&'{') => {
                it.next();
                let hex: String = it.by_ref().take_while(|&d| d != '}').collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(d) => out.push(d),
                    None => out.push_str(&format!("\\u{{{hex}}}")),
                }
            }
            Some(d) => out.push(d),
            None => out.push('\\'),
        }
    }
    out
}

/// Where each of `keys` is written as a map key (`"key": …`) at the second level of nesting
/// (`(positions: {"key": …})`); the last occurrence wins, as it does when parsing.
pub fn map_keys<'k>(text: &str, keys: &'k [String]) -> HashMap<&'k str, (usize, usize)> {
    let mut found = HashMap::new();
    if keys.is_empty() {
        return found;
    }
    let mut depth = 0usize;
    let mut pending: Option<(String, (usize, usize))> = None;
    scan(text, |tok, at| {
        if let (Tok::Colon, Some((s, at))) = (&tok, pending.take())
            && let Some(key) = keys.iter().find(|key| **key == s)
        {
            found.insert(key.as_str(), at);
        }
        match tok {
            Tok::Open => depth += 1,
            Tok::Close => depth = depth.saturating_sub(1),
            Tok::Str(s) if depth == 2 => pending = Some((s, at)),
            _ => {}
        }
    });
    found
}

/// Where each field `name: …` is written, in order, at any depth.
pub fn fields(text: &str, name: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pending = None;
    scan(text, |tok, at| {
        if let (Tok::Colon, Some(at)) = (&tok, pending.take()) {
            out.push(at);
        }
        if matches!(&tok, Tok::Ident(n) if n == name) {
            pending = Some(at);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexer_skips_strings_comments_and_chars() {
        let text = "(a: \"zoom: 1\", // zoom: 2\n /* zoom: /* 3 */ */ c: '\"', zoom: r#\"zoom: \"#, zoom: 4)";
        assert_eq!(fields(text, "zoom"), vec![(2, 30), (2, 49)]);
        let keys = vec!["a\"b".to_string(), "光".to_string()];
        let text =
            "SavedLayout(\n  positions: {\n    \"a\\\"b\": (x: 1),\n  \"\\u{5149}\": (x: NaN)})";
        let found = map_keys(text, &keys);
        assert_eq!(found.get("a\"b"), Some(&(3, 5)));
        assert_eq!(found.get("光"), Some(&(4, 3)));
    }

    #[test]
    fn lexer_survives_truncated_text() {
        let text = "SavedLayout(positions: {\"a\": (x: 1.0, y: 2.0), r#\"b\"#: 'c', '\\'', /* x";
        for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
            scan(&text[..end], |_, _| {});
        }
    }
}
