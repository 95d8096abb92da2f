//! DOT tokens. Every branch advances by at least one byte or returns an error, and every scan
//! looks only ahead of the current position, so lexing is linear in the file.

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Id(String),
    /// `{ } [ ] ; , = : +` and edge operators `->` / `--` (as `>` and `-`). `+` is punctuation,
    /// not a name, so that a quoted `"+"` stays an ordinary string.
    P(char),
    Eof,
}

pub(super) struct Lexer<'a> {
    pub(super) text: &'a str,
    pub(super) pos: usize,
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.' || (c as u32) >= 0x80
}

impl Lexer<'_> {
    /// Next token and its byte offset.
    pub(super) fn next(&mut self) -> Result<(Tok, usize), (usize, String)> {
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
            '{' | '}' | '[' | ']' | ';' | ',' | '=' | ':' | '+' => {
                self.pos += 1;
                Ok((Tok::P(c), start))
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
                let mut chars = rest[1..].char_indices().peekable();
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
                            // A line continuation, whatever the line ends are (CRLF included).
                            Some((_, '\n')) => {}
                            Some((_, '\r')) => {
                                chars.next_if(|&(_, c)| c == '\n');
                            }
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
            '\0' => Err((start, "unexpected NUL byte (a binary file?)".into())),
            other => Err((start, format!("unexpected character `{other}`"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Result<Vec<Tok>, (usize, String)> {
        let mut lex = Lexer { text, pos: 0 };
        let mut out = Vec::new();
        loop {
            match lex.next()? {
                (Tok::Eof, _) => return Ok(out),
                (t, _) => out.push(t),
            }
        }
    }

    #[test]
    fn crlf_line_continuation_drops_both_bytes() {
        assert_eq!(
            tokens("\"ab\\\r\ncd\"").expect("lexes"),
            vec![Tok::Id("abcd".into())]
        );
    }

    #[test]
    fn plus_is_punctuation_and_quoted_plus_a_name() {
        assert_eq!(
            tokens("\"+\" +").expect("lexes"),
            vec![Tok::Id("+".into()), Tok::P('+')]
        );
    }

    #[test]
    fn truncated_tokens_are_errors_at_their_start() {
        for (text, at) in [("a \"xy\\", 2), ("a /* x", 2), ("<<b>", 0), ("\0", 0)] {
            assert_eq!(tokens(text).map_err(|e| e.0), Err(at), "{text:?}");
        }
    }
}
