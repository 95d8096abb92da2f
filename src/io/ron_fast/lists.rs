//! Lists, and the split of long ones across threads.

use super::{P, PARALLEL_MIN};
use rayon::prelude::*;

impl<'a> P<'a> {
    /// `[a, b, c,]`; trailing comma allowed, as in ron.
    pub(super) fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
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

    /// A long list: find where its elements start with a cheap scan, count them against the
    /// file's allowance, then parse the elements in parallel chunks. Short lists go through
    /// `list`.
    pub(super) fn big_list<T: Send>(
        &mut self,
        item: fn(&mut P<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        if let Some(out) = self.line_list(item) {
            return Some(out);
        }
        let open = self.i;
        let starts = element_starts(self.b, open)?;
        let elements = &starts.elements;
        self.count(elements.len(), |k| elements.get(k).map_or(open, |e| e.0))?;
        if elements.len() < PARALLEL_MIN {
            return self.list(item);
        }
        let chunk = elements
            .len()
            .div_ceil(rayon::current_num_threads().max(1) * 4)
            .max(1);
        let me = &*self;
        let parts: Vec<Option<Vec<T>>> = elements
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
        let mut out = Vec::with_capacity(elements.len());
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
    /// and the caller falls back to the exact scan (which also does the counting when this
    /// one finds too many: a pattern inside strings could inflate it).
    fn line_list<T: Send>(&mut self, item: fn(&mut P<'a>) -> Option<T>) -> Option<Vec<T>> {
        let open = self.i;
        if self.b.get(open) != Some(&b'[') {
            return None;
        }
        let mut q = self.sub(open + 1, self.b.len())?;
        q.ws()?;
        let first = q.i;
        let line = memchr::memrchr(b'\n', self.b.get(open..first)?)? + open;
        let name_len = self
            .b
            .get(first..)?
            .iter()
            .take(64)
            .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_'))?;
        let pattern_end = first + name_len;
        if name_len == 0
            || self.b.get(pattern_end) != Some(&b'(')
            || !self.b.get(line + 1..first)?.iter().all(|&c| c == b' ')
        {
            return None;
        }
        let pattern = self.b.get(line..=pattern_end)?;
        let finder = memchr::memmem::Finder::new(pattern);
        // Searched in parallel segments; a match is found in the segment where it starts (the
        // pattern holds one newline, at its start, so matches never overlap).
        let hay = self.b.get(line..)?;
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
                    .find_iter(hay.get(lo..hi).unwrap_or_default())
                    .map(|p| p + lo)
                    .filter(|&p| p < cut)
                    .map(|p| p + line)
                    .collect()
            })
            .collect();
        let starts: Vec<usize> = pieces.concat();
        if starts.len() < PARALLEL_MIN || starts.len() > self.elements_left {
            return None;
        }
        let last = *starts.last()?;
        let me = &*self;
        // Written straight into one vector (an indexed collect), then checked in place: a
        // collect into `Option<Vec<_>>` would build per-thread pieces and copy them into a
        // second, fresh allocation (half a gigabyte at a million nodes).
        let mut parsed: Vec<Option<T>> = Vec::with_capacity(starts.len());
        starts
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
            .collect_into_vec(&mut parsed);
        let mut out: Vec<T> = parsed.into_iter().collect::<Option<Vec<T>>>()?;
        let mut p = self.sub(last, self.b.len())?;
        p.ws()?;
        out.push(item(&mut p)?);
        p.ws()?;
        if p.eat(b',') {
            p.ws()?;
        }
        p.expect(b']')?;
        self.count(out.len(), |_| open)?;
        self.i = p.i;
        Some(out)
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
/// literals that could hide a bracket, a string the file ends in), which sends the whole
/// file to ron.
fn element_starts(b: &[u8], open: usize) -> Option<Spans> {
    if b.get(open) != Some(&b'[') {
        return None;
    }
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut i = open + 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                start.get_or_insert(i);
                i += 1;
                loop {
                    let k = memchr::memchr2(b'"', b'\\', b.get(i..)?)? + i;
                    if b.get(k) == Some(&b'\\') {
                        // Skips the escaped byte; past the end when the file ends here, which
                        // the `get` above turns into `None`.
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
                i = memchr::memchr(b'\n', b.get(i..)?).map_or(b.len(), |k| i + k + 1);
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
