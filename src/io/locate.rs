//! Finds where each source, node and edge of a RON data file starts, so that semantic errors
//! found after parsing can still point at `line:col`.
//!
//! A small lexer: it skips strings and comments and records the start of every element of the
//! top-level `sources`, `nodes` and `edges` lists.

use crate::model::validate::Place;

#[derive(Clone, Debug, Default)]
pub struct Locator {
    pub sources: Vec<(usize, usize)>,
    pub nodes: Vec<(usize, usize)>,
    pub edges: Vec<(usize, usize)>,
}

impl Locator {
    pub fn scan(text: &str) -> Self {
        let mut loc = Locator::default();
        let mut depth = 0usize;
        let mut field = String::new();
        let mut ident = String::new();
        let mut expecting = false;
        let (mut line, mut col) = (1usize, 0usize);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\n' {
                line += 1;
                col = 0;
            } else {
                col += 1;
            }
            let here = (line, col);
            match c {
                '"' => {
                    // Skip the string, keeping line/col up to date.
                    let mut escaped = false;
                    for s in chars.by_ref() {
                        if s == '\n' {
                            line += 1;
                            col = 0;
                        } else {
                            col += 1;
                        }
                        if escaped {
                            escaped = false;
                        } else if s == '\\' {
                            escaped = true;
                        } else if s == '"' {
                            break;
                        }
                    }
                    if depth == 2 && expecting {
                        expecting = false;
                    }
                    ident.clear();
                }
                '/' if chars.peek() == Some(&'/') => {
                    for s in chars.by_ref() {
                        if s == '\n' {
                            line += 1;
                            col = 0;
                            break;
                        }
                    }
                }
                '/' if chars.peek() == Some(&'*') => {
                    let mut prev = ' ';
                    for s in chars.by_ref() {
                        if s == '\n' {
                            line += 1;
                            col = 0;
                        } else {
                            col += 1;
                        }
                        if prev == '*' && s == '/' {
                            break;
                        }
                        prev = s;
                    }
                }
                '#' if depth == 0 => {
                    // `#![enable(...)]`: skip to the closing bracket.
                    for s in chars.by_ref() {
                        if s == '\n' {
                            line += 1;
                            col = 0;
                        } else {
                            col += 1;
                        }
                        if s == ']' {
                            break;
                        }
                    }
                }
                '(' | '[' | '{' => {
                    if depth == 2 && expecting {
                        loc.record(&field, here);
                        expecting = false;
                    }
                    depth += 1;
                    if depth == 2 && c == '[' {
                        expecting = true;
                    }
                    ident.clear();
                }
                ')' | ']' | '}' => {
                    depth = depth.saturating_sub(1);
                    ident.clear();
                }
                ',' => {
                    if depth == 2 {
                        expecting = true;
                    }
                    ident.clear();
                }
                ':' => {
                    if depth == 1 {
                        field = std::mem::take(&mut ident);
                    }
                    ident.clear();
                }
                c if c.is_alphanumeric() || c == '_' => {
                    if depth == 2 && expecting {
                        loc.record(&field, here);
                        expecting = false;
                    }
                    ident.push(c);
                }
                c if c.is_whitespace() => {}
                _ => ident.clear(),
            }
        }
        loc
    }

    fn record(&mut self, field: &str, at: (usize, usize)) {
        match field {
            "sources" => self.sources.push(at),
            "nodes" => self.nodes.push(at),
            "edges" => self.edges.push(at),
            _ => {}
        }
    }

    /// `(line, col)` of a place, `(0, 0)` when unknown.
    pub fn position(&self, place: Place) -> (usize, usize) {
        let get = |v: &Vec<(usize, usize)>, i: usize| v.get(i).copied().unwrap_or((0, 0));
        match place {
            Place::Source(i) => get(&self.sources, i),
            Place::Node(i) => get(&self.nodes, i),
            Place::Edge(i) => get(&self.edges, i),
            Place::File => (0, 0),
        }
    }
}
