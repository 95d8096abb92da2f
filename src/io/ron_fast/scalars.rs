//! Strings, numbers and words.

use super::P;
use crate::model::RON_VALUES;
use compact_str::CompactString;

impl<'a> P<'a> {
    pub(super) fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let rest = self.b.get(self.i..)?;
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest.get(end) == Some(&b'"') {
            // Split at ASCII bytes of valid UTF-8, so the slice is valid UTF-8 too.
            let s = self.s.get(self.i..self.i + end)?.to_owned();
            self.i += end + 1;
            return Some(s);
        }
        let mut out = Vec::with_capacity(end + 16);
        let mut k = 0;
        loop {
            let next = memchr::memchr2(b'"', b'\\', rest.get(k..)?)? + k;
            out.extend_from_slice(rest.get(k..next)?);
            if rest.get(next) == Some(&b'"') {
                self.i += next + 1;
                return String::from_utf8(out).ok();
            }
            // A backslash; the file may end right after it.
            let escape = *rest.get(next + 1)?;
            k = next + 2;
            match escape {
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
                    let digits = rest.get(k + 1..)?;
                    let close = memchr::memchr(b'}', digits.get(..7.min(digits.len()))?)?;
                    let digits = std::str::from_utf8(digits.get(..close)?).ok()?;
                    if digits.is_empty() || !digits.bytes().all(|d| d.is_ascii_hexdigit()) {
                        return None;
                    }
                    let c = char::from_u32(u32::from_str_radix(digits, 16).ok()?)?;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    k += 1 + close + 1;
                }
                _ => return None,
            }
        }
    }

    /// A plain decimal integer; signs other than `-`, radix prefixes, `_` separators and
    /// anything glued to the digits are left to ron.
    pub(super) fn int(&mut self) -> Option<i64> {
        let start = self.i;
        self.eat(b'-');
        let digits = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        // At most 10 digits: every such value fits an i64, so parsing cannot overflow.
        let len = self.i - digits;
        if len == 0 || len > 10 {
            return None;
        }
        if self.peek().is_some_and(|c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'#') || c >= 0x80
        }) {
            return None;
        }
        std::str::from_utf8(self.b.get(start..self.i)?)
            .ok()?
            .parse()
            .ok()
    }

    pub(super) fn bool(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// A kind, relation or shape: a bare identifier or a string (any other name, written so
    /// that it reads back exactly). Identifiers ron reads as values of their own (`None`…)
    /// are left to ron.
    pub(super) fn word(&mut self) -> Option<CompactString> {
        if self.peek() == Some(b'"') {
            // Most words have no escapes: take them from the text without an owned copy.
            let rest = self.b.get(self.i + 1..)?;
            let end = memchr::memchr2(b'"', b'\\', rest)?;
            if rest.get(end) == Some(&b'"') {
                let s = self.s.get(self.i + 1..self.i + 1 + end)?;
                self.i += end + 2;
                return Some(CompactString::new(s));
            }
            return self.string().map(CompactString::from);
        }
        let ident = self.ident()?;
        (!RON_VALUES.contains(&ident)).then(|| CompactString::new(ident))
    }

    /// `None`, `Some(n)`, or (with implicit_some) a bare `n`.
    pub(super) fn opt_year(&mut self) -> Option<Option<i32>> {
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
}
