//! A fast path for reading data files: a hand-written parser for exactly the `Dataset` schema.
//!
//! serde + ron reads about 90 MB/s, so a 100k-node file took seconds. This parser reads the
//! same text several times faster (it scans strings with `memchr`, builds the structs directly and
//! splits the long `nodes`/`edges` lists across threads). It is deliberately narrow: whenever it
//! meets anything it is not sure to read exactly as ron would (a block comment, a raw string, an
//! unusual number, an unknown or repeated field, a syntax error…) it gives up with `None` and the
//! caller parses the text with ron, which stays the reference and produces the error messages.
//! `tests/ron_fast.rs` checks that whatever this parser accepts, ron reads identically.

use crate::model::{Cite, Dataset, Edge, Kind, Names, Node, Relation, Source};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Parse a whole data file, or `None` when ron must decide.
pub fn parse(text: &str) -> Option<Dataset> {
    let mut p = P::new(text);
    p.header()?;
    p.struct_open("Dataset")?;
    let mut data = Dataset {
        format: 1,
        ..Dataset::default()
    };
    let mut seen = 0u8;
    loop {
        p.ws()?;
        if p.eat(b')') {
            break;
        }
        let key = p.ident()?;
        p.colon()?;
        let bit = match key {
            "format" => {
                data.format = u32::try_from(p.int()?).ok()?;
                1
            }
            "title" => {
                data.title = p.names()?;
                2
            }
            "sources" => {
                data.sources = p.list(P::source)?;
                4
            }
            "nodes" => {
                data.nodes = p.big_list(P::node)?;
                8
            }
            "edges" => {
                data.edges = p.big_list(P::edge)?;
                16
            }
            _ => return None,
        };
        if seen & bit != 0 {
            return None;
        }
        seen |= bit;
        if !p.field_end()? {
            break;
        }
    }
    p.ws()?;
    (p.i == p.b.len()).then_some(data)
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
}

impl<'a> P<'a> {
    fn new(s: &'a str) -> Self {
        P {
            b: s.as_bytes(),
            s,
            i: 0,
            implicit_some: false,
        }
    }

    /// A parser over `text[..end]` positioned at `start`.
    fn sub(&self, start: usize, end: usize) -> Option<P<'a>> {
        let s = self.s.get(..end)?;
        Some(P {
            b: s.as_bytes(),
            s,
            i: start,
            implicit_some: self.implicit_some,
        })
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
            while let Some(chunk) = self.b.get(self.i..self.i + 8) {
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
                        self.i = memchr::memchr(b'\n', &self.b[self.i..])
                            .map_or(self.b.len(), |k| self.i + k + 1);
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
        if self.b[self.i..].starts_with(HEADER) {
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

    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let rest = &self.b[self.i..];
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[end] == b'"' {
            // Split at ASCII bytes of valid UTF-8, so the slice is valid UTF-8 too.
            let s = self.s.get(self.i..self.i + end)?.to_owned();
            self.i += end + 1;
            return Some(s);
        }
        let mut out = Vec::with_capacity(end + 16);
        let mut k = 0;
        loop {
            let next = memchr::memchr2(b'"', b'\\', &rest[k..])? + k;
            out.extend_from_slice(&rest[k..next]);
            if rest[next] == b'"' {
                self.i += next + 1;
                return String::from_utf8(out).ok();
            }
            k = next + 2;
            match *rest.get(next + 1)? {
                b'"' => out.push(b'"'),
                b'\'' => out.push(b'\''),
                b'\\' => out.push(b'\\'),
                b'n' => out.push(b'\n'),
                b'r' => out.push(b'\r'),
                b't' => out.push(b'\t'),
                b'0' => out.push(0),
                b'u' => {
                    if rest.get(k) != Some(&b'{') {
                        return None;
                    }
                    let close = memchr::memchr(b'}', &rest[k..])? + k;
                    let digits = std::str::from_utf8(&rest[k + 1..close]).ok()?;
                    if digits.is_empty()
                        || digits.len() > 6
                        || !digits.bytes().all(|d| d.is_ascii_hexdigit())
                    {
                        return None;
                    }
                    let c = char::from_u32(u32::from_str_radix(digits, 16).ok()?)?;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    k = close + 1;
                }
                _ => return None,
            }
        }
    }

    /// A plain decimal integer; signs other than `-`, radix prefixes, `_` separators and
    /// anything glued to the digits are left to ron.
    fn int(&mut self) -> Option<i64> {
        let start = self.i;
        self.eat(b'-');
        let digits = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        let len = self.i - digits;
        if len == 0 || len > 10 {
            return None;
        }
        if self.peek().is_some_and(|c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'#') || c >= 0x80
        }) {
            return None;
        }
        std::str::from_utf8(&self.b[start..self.i])
            .ok()?
            .parse()
            .ok()
    }

    fn bool(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// `None`, `Some(n)`, or (with implicit_some) a bare `n`.
    fn opt_year(&mut self) -> Option<Option<i32>> {
        if self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            return match self.ident()? {
                "None" => Some(None),
                "Some" => {
                    self.ws()?;
                    self.expect(b'(')?;
                    self.ws()?;
                    let n = i32::try_from(self.int()?).ok()?;
                    self.ws()?;
                    self.expect(b')')?;
                    Some(Some(n))
                }
                _ => None,
            };
        }
        if !self.implicit_some {
            return None;
        }
        Some(Some(i32::try_from(self.int()?).ok()?))
    }

    /// `[a, b, c,]`; trailing comma allowed, as in ron.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut out = Vec::new();
        loop {
            self.ws()?;
            if self.eat(b']') {
                return Some(out);
            }
            out.push(item(self)?);
            self.ws()?;
            if !self.eat(b',') {
                self.ws()?;
                self.expect(b']')?;
                return Some(out);
            }
        }
    }

    /// A long list: find where its elements start with a cheap scan, then parse the elements
    /// in parallel chunks. Short lists go through `list`.
    fn big_list<T: Send>(&mut self, item: fn(&mut P<'a>) -> Option<T>) -> Option<Vec<T>> {
        if let Some(out) = self.line_list(item) {
            return Some(out);
        }
        let open = self.i;
        let starts = element_starts(self.b, open)?;
        if starts.elements.len() < PARALLEL_MIN {
            return self.list(item);
        }
        let chunk = starts
            .elements
            .len()
            .div_ceil(rayon::current_num_threads().max(1) * 4);
        let me = &*self;
        let parts: Vec<Option<Vec<T>>> = starts
            .elements
            .par_chunks(chunk)
            .map(|spans| {
                let mut out = Vec::with_capacity(spans.len());
                for &(start, end) in spans {
                    let mut p = me.sub(start, end)?;
                    out.push(item(&mut p)?);
                    // The element must end exactly where the scan said it does.
                    p.ws()?;
                    if p.i != end {
                        return None;
                    }
                }
                Some(out)
            })
            .collect();
        let mut out = Vec::with_capacity(starts.elements.len());
        for part in parts {
            out.extend(part?);
        }
        self.i = starts.close + 1;
        Some(out)
    }

    /// The quick split for lists laid out one element per line group, as every file we write
    /// is: each element starts with the same newline + indentation + `Name(` as the first one,
    /// so the starts are found with one SIMD substring search instead of a byte-by-byte scan.
    /// Each piece must then parse as exactly one element followed by its comma; a pattern that
    /// occurs inside a string cuts the element before it short, so that element fails to parse
    /// and the caller falls back to the exact scan.
    fn line_list<T: Send>(&mut self, item: fn(&mut P<'a>) -> Option<T>) -> Option<Vec<T>> {
        let open = self.i;
        if self.b.get(open) != Some(&b'[') {
            return None;
        }
        let mut q = self.sub(open + 1, self.b.len())?;
        q.ws()?;
        let first = q.i;
        let line = memchr::memrchr(b'\n', &self.b[open..first])? + open;
        let name_len = self.b[first..]
            .iter()
            .take(64)
            .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_'))?;
        let pattern_end = first + name_len;
        if name_len == 0
            || self.b.get(pattern_end) != Some(&b'(')
            || !self.b[line + 1..first].iter().all(|&c| c == b' ')
        {
            return None;
        }
        let pattern = &self.b[line..=pattern_end];
        let finder = memchr::memmem::Finder::new(pattern);
        // Searched in parallel segments; a match is found in the segment where it starts (the
        // pattern holds one newline, at its start, so matches never overlap).
        let hay = &self.b[line..];
        let seg = hay
            .len()
            .div_ceil(rayon::current_num_threads().max(1) * 2)
            .max(1 << 20);
        let pieces: Vec<Vec<usize>> = (0..hay.len().div_ceil(seg))
            .into_par_iter()
            .map(|k| {
                let (lo, cut) = (k * seg, (k + 1) * seg);
                let hi = (cut + pattern.len() - 1).min(hay.len());
                finder
                    .find_iter(&hay[lo..hi])
                    .map(|p| p + lo)
                    .filter(|&p| p < cut)
                    .map(|p| p + line)
                    .collect()
            })
            .collect();
        let starts: Vec<usize> = pieces.concat();
        if starts.len() < PARALLEL_MIN {
            return None;
        }
        let last = *starts.last()?;
        let me = &*self;
        let parsed: Option<Vec<T>> = starts
            .par_windows(2)
            .with_min_len(256)
            .map(|w| {
                let mut p = me.sub(w[0], w[1])?;
                p.ws()?;
                let element = item(&mut p)?;
                p.ws()?;
                p.expect(b',')?;
                p.ws()?;
                (p.i == w[1]).then_some(element)
            })
            .collect();
        let mut out = parsed?;
        let mut p = self.sub(last, self.b.len())?;
        p.ws()?;
        out.push(item(&mut p)?);
        p.ws()?;
        if p.eat(b',') {
            p.ws()?;
        }
        p.expect(b']')?;
        self.i = p.i;
        Some(out)
    }

    fn names(&mut self) -> Option<Names> {
        self.struct_open("Names")?;
        let mut n = Names::default();
        self.fields(|p, key| match key {
            "zh" => {
                n.zh = p.string()?;
                Some(1)
            }
            "en" => {
                n.en = p.string()?;
                Some(2)
            }
            _ => None,
        })?;
        Some(n)
    }

    fn map(&mut self) -> Option<BTreeMap<String, String>> {
        self.expect(b'{')?;
        let mut out = BTreeMap::new();
        loop {
            self.ws()?;
            if self.eat(b'}') {
                return Some(out);
            }
            let k = self.string()?;
            self.colon()?;
            let v = self.string()?;
            // Later duplicates win, as in serde's BTreeMap visitor.
            out.insert(k, v);
            self.ws()?;
            if !self.eat(b',') {
                self.ws()?;
                self.expect(b'}')?;
                return Some(out);
            }
        }
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        self.list(|p| p.string())
    }

    fn cite(&mut self) -> Option<Cite> {
        self.struct_open("Cite")?;
        let (mut source, mut quote) = (None, None);
        self.fields(|p, key| match key {
            "source" => {
                source = Some(p.string()?);
                Some(1)
            }
            "quote" => {
                quote = Some(p.string()?);
                Some(2)
            }
            _ => None,
        })?;
        Some(Cite {
            source: source?,
            quote: quote?,
        })
    }

    fn source(&mut self) -> Option<Source> {
        self.struct_open("Source")?;
        let (mut id, mut file, mut date, mut title) = (None, None, String::new(), Names::default());
        self.fields(|p, key| match key {
            "id" => {
                id = Some(p.string()?);
                Some(1)
            }
            "file" => {
                file = Some(p.string()?);
                Some(2)
            }
            "date" => {
                date = p.string()?;
                Some(4)
            }
            "title" => {
                title = p.names()?;
                Some(8)
            }
            _ => None,
        })?;
        Some(Source {
            id: id?,
            file: file?,
            date,
            title,
        })
    }

    fn node(&mut self) -> Option<Node> {
        self.struct_open("Node")?;
        let (mut id, mut kind, mut name) = (None, None, None);
        let (mut aliases, mut attrs, mut cites) = (Vec::new(), BTreeMap::new(), Vec::new());
        self.fields(|p, key| match key {
            "id" => {
                id = Some(p.string()?);
                Some(1)
            }
            "kind" => {
                kind = Some(Kind::from_ident(p.ident()?));
                Some(2)
            }
            "name" => {
                name = Some(p.names()?);
                Some(4)
            }
            "aliases" => {
                aliases = p.strings()?;
                Some(8)
            }
            "attrs" => {
                attrs = p.map()?;
                Some(16)
            }
            "cites" => {
                cites = p.list(P::cite)?;
                Some(32)
            }
            _ => None,
        })?;
        Some(Node {
            id: id?,
            kind: kind?,
            name: name?,
            aliases,
            attrs,
            cites,
        })
    }

    fn edge(&mut self) -> Option<Edge> {
        self.struct_open("Edge")?;
        let (mut from, mut to, mut rel, mut year, mut inferred) = (None, None, None, None, false);
        let (mut attrs, mut cites) = (BTreeMap::new(), Vec::new());
        self.fields(|p, key| match key {
            "from" => {
                from = Some(p.string()?);
                Some(1)
            }
            "to" => {
                to = Some(p.string()?);
                Some(2)
            }
            "rel" => {
                rel = Some(Relation::from_ident(p.ident()?));
                Some(4)
            }
            "year" => {
                year = p.opt_year()?;
                Some(8)
            }
            "inferred" => {
                inferred = p.bool()?;
                Some(16)
            }
            "attrs" => {
                attrs = p.map()?;
                Some(32)
            }
            "cites" => {
                cites = p.list(P::cite)?;
                Some(64)
            }
            _ => None,
        })?;
        Some(Edge {
            from: from?,
            to: to?,
            rel: rel?,
            year,
            inferred,
            attrs,
            cites,
        })
    }
}

struct Spans {
    /// `(start, end)` of each element: from its first byte to its comma or the closing `]`.
    elements: Vec<(usize, usize)>,
    /// Offset of the list's closing `]`.
    close: usize,
}

/// Scan a list starting at `open` (`[`) for its top-level elements, skipping strings and
/// line comments. `None` on anything unusual (block comments, unbalanced brackets, char
/// literals that could hide a bracket), which sends the whole file to ron.
fn element_starts(b: &[u8], open: usize) -> Option<Spans> {
    if b.get(open) != Some(&b'[') {
        return None;
    }
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut i = open + 1;
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' => {
                start.get_or_insert(i);
                i += 1;
                loop {
                    let k = memchr::memchr2(b'"', b'\\', &b[i..])? + i;
                    if b[k] == b'\\' {
                        i = k + 2;
                    } else {
                        i = k + 1;
                        break;
                    }
                }
                continue;
            }
            b'/' => {
                if b.get(i + 1) != Some(&b'/') {
                    return None;
                }
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k + 1);
                continue;
            }
            b'\'' => return None,
            b'(' | b'[' | b'{' => {
                start.get_or_insert(i);
                depth += 1;
            }
            b')' | b'}' => depth = depth.checked_sub(1)?,
            b']' => {
                if depth == 0 {
                    if let Some(s) = start {
                        elements.push((s, i));
                    }
                    return Some(Spans { elements, close: i });
                }
                depth -= 1;
            }
            b',' if depth == 0 => {
                elements.push((start?, i));
                start = None;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => {
                start.get_or_insert(i);
            }
        }
        i += 1;
    }
    None
}
