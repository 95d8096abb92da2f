//! A fast path for reading data files: a hand-written parser for exactly the `Dataset` schema.
//!
//! serde + ron reads about 90 MB/s, so a 100k-node file took seconds. This parser reads the
//! same text several times faster (it scans strings with `memchr`, builds the structs directly and
//! splits the long `nodes`/`edges` lists across threads). It is deliberately narrow: whenever it
//! meets anything it is not sure to read exactly as ron would (a block comment, a raw string, an
//! unusual number, an unknown or repeated field, a syntax error…) it gives up and the caller
//! parses the text with ron, which stays the reference and produces the error messages.
//! `tests/ron_fast.rs` checks that whatever this parser accepts, ron reads identically.
//!
//! It must be total: every offset it slices at comes from a search in the same buffer or is
//! checked with `get`, so a file cut anywhere (inside a string, after a backslash) gives up
//! instead of panicking.

mod items;
mod lists;
mod scalars;
mod vocabulary;

use crate::io::formats::MAX_ELEMENTS;
use crate::model::Dataset;

/// What the fast path made of a text.
#[derive(Debug)]
pub enum Fast {
    Read(Dataset),
    /// More than `MAX_ELEMENTS` nodes and edges; the byte offset of the first one too many.
    /// Found by counting list elements before any of them is built.
    TooMany(usize),
    /// Anything else: ron must decide.
    Unsure,
}

/// Parse a whole data file, or `None` when ron must decide.
pub fn parse(text: &str) -> Option<Dataset> {
    match read(text) {
        Fast::Read(data) => Some(data),
        Fast::TooMany(_) | Fast::Unsure => None,
    }
}

/// Parse a whole data file, counting nodes and edges against `MAX_ELEMENTS` first.
pub fn read(text: &str) -> Fast {
    let mut p = P::new(text);
    match p.dataset() {
        Some(data) => Fast::Read(data),
        None => p.too_many.map_or(Fast::Unsure, Fast::TooMany),
    }
}

/// Lists longer than this are split across threads.
const PARALLEL_MIN: usize = 4096;

struct P<'a> {
    /// The same text as bytes and as `str` (strings are sliced from `s` at ASCII quotes, which
    /// are character boundaries, so they need no second UTF-8 check).
    b: &'a [u8],
    s: &'a str,
    i: usize,
    implicit_some: bool,
    /// Nodes and edges the file may still hold.
    elements_left: usize,
    /// Set when a list was counted past `elements_left`: the offset of the first extra element.
    too_many: Option<usize>,
}

impl<'a> P<'a> {
    fn new(s: &'a str) -> Self {
        P {
            b: s.as_bytes(),
            s,
            i: 0,
            implicit_some: false,
            elements_left: MAX_ELEMENTS,
            too_many: None,
        }
    }

    /// A parser over `text[..end]` positioned at `start`.
    fn sub(&self, start: usize, end: usize) -> Option<P<'a>> {
        let s = self.s.get(..end)?;
        Some(P {
            b: s.as_bytes(),
            s,
            i: start.min(end),
            implicit_some: self.implicit_some,
            elements_left: MAX_ELEMENTS,
            too_many: None,
        })
    }

    fn dataset(&mut self) -> Option<Dataset> {
        self.header()?;
        self.struct_open("Dataset")?;
        let mut data = Dataset {
            format: 1,
            ..Dataset::default()
        };
        let mut seen = 0u8;
        loop {
            self.ws()?;
            if self.eat(b')') {
                break;
            }
            let key = self.ident()?;
            self.colon()?;
            let bit = match key {
                "format" => {
                    data.format = u32::try_from(self.int()?).ok()?;
                    1
                }
                "title" => {
                    data.title = self.names()?;
                    2
                }
                "sources" => {
                    data.sources = self.list(P::source)?;
                    4
                }
                "nodes" => {
                    data.nodes = self.big_list(P::node)?;
                    8
                }
                "edges" => {
                    data.edges = self.big_list(P::edge)?;
                    16
                }
                "vocabulary" => {
                    data.vocabulary = Some(Box::new(self.vocabulary()?));
                    32
                }
                _ => return None,
            };
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            if !self.field_end()? {
                break;
            }
        }
        self.ws()?;
        (self.i == self.b.len()).then_some(data)
    }

    /// Take `n` elements from the file's allowance; `at(k)` is the offset of element `k`, for
    /// the refusal.
    fn count(&mut self, n: usize, at: impl Fn(usize) -> usize) -> Option<()> {
        if n > self.elements_left {
            self.too_many = Some(at(self.elements_left));
            return None;
        }
        self.elements_left -= n;
        Some(())
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        self.eat(c).then_some(())
    }

    /// Skip spaces and line comments. Anything ron might treat as whitespace that we don't
    /// (block comments, vertical tab, Unicode spaces) stops here and fails the next token.
    fn ws(&mut self) -> Option<()> {
        loop {
            // Indentation is most of a pretty-printed file's whitespace: skip it 8 bytes at a time.
            while let Some(chunk) = self.b.get(self.i..self.i.saturating_add(8)) {
                if chunk == b"        " {
                    self.i += 8;
                } else {
                    break;
                }
            }
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.i += 1,
                Some(b'/') => match self.b.get(self.i + 1) {
                    Some(b'/') => {
                        let rest = self.b.get(self.i..)?;
                        self.i =
                            memchr::memchr(b'\n', rest).map_or(self.b.len(), |k| self.i + k + 1);
                    }
                    _ => return None,
                },
                _ => return Some(()),
            }
        }
    }

    /// `#![enable(implicit_some)]`, the only attribute our files carry.
    fn header(&mut self) -> Option<()> {
        self.ws()?;
        if self.peek() != Some(b'#') {
            return Some(());
        }
        const HEADER: &[u8] = b"#![enable(implicit_some)]";
        if self.b.get(self.i..)?.starts_with(HEADER) {
            self.i += HEADER.len();
            self.implicit_some = true;
            Some(())
        } else {
            None
        }
    }

    fn ident(&mut self) -> Option<&'a str> {
        let start = self.i;
        match self.peek() {
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => self.i += 1,
            _ => return None,
        }
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' {
                self.i += 1;
            } else if c >= 0x80 || c == b'#' || c == b'\'' || c == b'"' {
                // A Unicode identifier, raw identifier or prefixed string: leave it to ron.
                return None;
            } else {
                break;
            }
        }
        self.s.get(start..self.i)
    }

    fn colon(&mut self) -> Option<()> {
        self.ws()?;
        self.expect(b':')?;
        self.ws()
    }

    /// After a field value: `,` (true: more may follow) or `)` (false: the struct ended).
    fn field_end(&mut self) -> Option<bool> {
        self.ws()?;
        if self.eat(b',') {
            Some(true)
        } else if self.eat(b')') {
            Some(false)
        } else {
            None
        }
    }

    /// `Name(` or `(`; ron accepts a struct without its name but not with another one.
    fn struct_open(&mut self, name: &str) -> Option<()> {
        self.ws()?;
        if self.peek() != Some(b'(') && self.ident()? != name {
            return None;
        }
        self.ws()?;
        self.expect(b'(')
    }

    /// Iterate the fields of a struct whose opening was consumed: `f(self, key)` parses the
    /// value and returns the field's bit (for duplicate detection). Returns the bits seen.
    fn fields(&mut self, mut f: impl FnMut(&mut Self, &str) -> Option<u32>) -> Option<u32> {
        let mut seen = 0u32;
        loop {
            self.ws()?;
            if self.eat(b')') {
                return Some(seen);
            }
            let key = self.ident()?;
            self.colon()?;
            let bit = f(self, key)?;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            if !self.field_end()? {
                return Some(seen);
            }
        }
    }
}
