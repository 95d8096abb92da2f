//! Finds where each source, node and edge of a RON data file starts, so that semantic errors
//! found after parsing can still point at `line:col`.
//!
//! A small lexer: it skips strings and comments and records the start of every element of the
//! top-level `sources`, `nodes` and `edges` lists and of the vocabulary's `kinds` and
//! `relations`.

use crate::model::validate::Place;

#[derive(Clone, Debug, Default)]
pub struct Locator {
    pub sources: Vec<(usize, usize)>,
    pub nodes: Vec<(usize, usize)>,
    pub edges: Vec<(usize, usize)>,
    pub vocabulary_kinds: Vec<(usize, usize)>,
    pub vocabulary_relations: Vec<(usize, usize)>,
}

/// The characters of a text with the `(line, col)` of the last one taken.
struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.col = 0;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    /// Skip past the first `end` (a line comment's newline, an attribute's `]`).
    fn skip_to(&mut self, end: char) {
        while let Some(c) = self.next() {
            if c == end {
                break;
            }
        }
    }

    /// Skip the rest of a string whose opening quote was taken.
    fn skip_string(&mut self) {
        let mut escaped = false;
        while let Some(c) = self.next() {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                break;
            }
        }
    }

    /// Skip a raw string `r##"…"##` after its `r` and `first` (its opening quote or first `#`):
    /// it has no escapes, and a quote inside it ends it only when followed by as many `#`s.
    fn skip_raw_string(&mut self, first: char) {
        let mut hashes = 0;
        if first == '#' {
            hashes = 1;
            while self.peek() == Some('#') {
                self.next();
                hashes += 1;
            }
            // `r#ident` is a raw identifier, not a string: leave what follows to the caller.
            if self.peek() != Some('"') {
                return;
            }
            self.next();
        }
        while let Some(c) = self.next() {
            if c == '"' {
                let mut closing = 0;
                while closing < hashes && self.peek() == Some('#') {
                    self.next();
                    closing += 1;
                }
                if closing == hashes {
                    return;
                }
            }
        }
    }

    /// Skip a block comment after its `/`; ron's nest.
    fn skip_block_comment(&mut self) {
        let mut depth = 0usize;
        let mut prev = '/';
        while let Some(c) = self.next() {
            match (prev, c) {
                ('/', '*') => {
                    depth += 1;
                    prev = ' ';
                    continue;
                }
                ('*', '/') => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                    prev = ' ';
                    continue;
                }
                _ => {}
            }
            prev = c;
        }
    }
}

impl Locator {
    /// One pass over the text, linear in its length (each character is taken once).
    pub fn scan(text: &str) -> Self {
        Self::scan_until(text, |_| false)
    }

    /// Only as far as needed to place `places`: a file's first problems are placed without
    /// reading the rest of a 600 MB file. Places past the end stay unknown (`(0, 0)`).
    pub fn scan_for(text: &str, places: &[Place]) -> Self {
        let mut need = [0usize; 5];
        for &p in places {
            let (slot, i) = match p {
                Place::Source(i) => (0, i),
                Place::Node(i) => (1, i),
                Place::Edge(i) => (2, i),
                Place::VocabularyKind(i) => (3, i),
                Place::VocabularyRelation(i) => (4, i),
                Place::File => continue,
            };
            need[slot] = need[slot].max(i + 1);
        }
        Self::scan_until(text, |loc| {
            loc.sources.len() >= need[0]
                && loc.nodes.len() >= need[1]
                && loc.edges.len() >= need[2]
                && loc.vocabulary_kinds.len() >= need[3]
                && loc.vocabulary_relations.len() >= need[4]
        })
    }

    /// Scan until `enough` holds after an element was recorded.
    fn scan_until(text: &str, enough: impl Fn(&Locator) -> bool) -> Self {
        let mut loc = Locator::default();
        let mut depth = 0usize;
        let mut field = String::new();
        let mut ident = String::new();
        let mut expecting = false;
        // The field of the vocabulary struct being read (at depth 2), and whether an element
        // of its list (at depth 3) comes next.
        let mut inner = String::new();
        let mut expecting_inner = false;
        let mut cur = Cursor {
            chars: text.chars().peekable(),
            line: 1,
            col: 0,
        };
        while let Some(c) = cur.next() {
            let here = (cur.line, cur.col);
            let before = loc.nodes.len() + loc.edges.len() + loc.sources.len();
            let before_inner = loc.vocabulary_kinds.len() + loc.vocabulary_relations.len();
            let raw_prefix = ident == "r" || ident == "br";
            match c {
                '"' | '#' if raw_prefix => {
                    cur.skip_raw_string(c);
                    if depth == 2 && expecting {
                        expecting = false;
                    }
                    if depth == 3 && expecting_inner {
                        loc.record_inner(&field, &inner, here);
                        expecting_inner = false;
                    }
                    ident.clear();
                }
                '"' => {
                    cur.skip_string();
                    if depth == 2 && expecting {
                        expecting = false;
                    }
                    if depth == 3 && expecting_inner {
                        loc.record_inner(&field, &inner, here);
                        expecting_inner = false;
                    }
                    ident.clear();
                }
                '/' if cur.peek() == Some('/') => cur.skip_to('\n'),
                '/' if cur.peek() == Some('*') => cur.skip_block_comment(),
                // `#![enable(...)]`: skip to the closing bracket.
                '#' if depth == 0 => cur.skip_to(']'),
                '(' | '[' | '{' => {
                    if depth == 2 && expecting {
                        loc.record(&field, here);
                        expecting = false;
                    }
                    if depth == 3 && expecting_inner {
                        loc.record_inner(&field, &inner, here);
                        expecting_inner = false;
                    }
                    depth += 1;
                    if depth == 2 && c == '[' {
                        expecting = true;
                    }
                    if depth == 3 && c == '[' {
                        expecting_inner = true;
                    }
                    ident.clear();
                }
                ')' | ']' | '}' => {
                    depth = depth.saturating_sub(1);
                    if depth < 3 {
                        expecting_inner = false;
                    }
                    ident.clear();
                }
                ',' => {
                    if depth == 2 {
                        expecting = true;
                    }
                    if depth == 3 {
                        expecting_inner = true;
                    }
                    ident.clear();
                }
                ':' => {
                    if depth == 1 {
                        field = std::mem::take(&mut ident);
                    } else if depth == 2 {
                        inner.clear();
                        inner.push_str(&ident);
                    }
                    ident.clear();
                }
                c if c.is_alphanumeric() || c == '_' => {
                    if depth == 2 && expecting {
                        loc.record(&field, here);
                        expecting = false;
                    }
                    if depth == 3 && expecting_inner {
                        loc.record_inner(&field, &inner, here);
                        expecting_inner = false;
                    }
                    ident.push(c);
                }
                c if c.is_whitespace() => {}
                _ => ident.clear(),
            }
            let after = loc.nodes.len() + loc.edges.len() + loc.sources.len();
            let after_inner = loc.vocabulary_kinds.len() + loc.vocabulary_relations.len();
            if (after != before || after_inner != before_inner) && enough(&loc) {
                break;
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

    fn record_inner(&mut self, field: &str, inner: &str, at: (usize, usize)) {
        match (field, inner) {
            ("vocabulary", "kinds") => self.vocabulary_kinds.push(at),
            ("vocabulary", "relations") => self.vocabulary_relations.push(at),
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
            Place::VocabularyKind(i) => get(&self.vocabulary_kinds, i),
            Place::VocabularyRelation(i) => get(&self.vocabulary_relations, i),
            Place::File => (0, 0),
        }
    }
}
