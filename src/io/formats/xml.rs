//! A small pull layer over quick-xml for GraphML and GEXF: local names (namespaces are ignored,
//! so old and misspelt namespace URIs still read), resolved entities, a nesting limit and
//! `line:col` errors.

use super::text::{MAX_DEPTH, diag_at};
use crate::io::Diagnostic;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashSet;

/// Attributes accepted on one element. GraphML and GEXF put data in child elements, so real
/// elements carry a handful; thousands on one tag are hostile input.
pub const MAX_ATTRIBUTES: usize = 1024;

pub enum Ev {
    /// An element opens; empty elements are followed by a matching `End`.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        pos: usize,
    },
    End,
    Text(String),
    Eof,
}

pub struct Xml<'a> {
    text: &'a str,
    label: &'a str,
    reader: Reader<&'a [u8]>,
    pending_end: bool,
    pub depth: usize,
}

fn local(name: &[u8]) -> String {
    let n = match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    };
    String::from_utf8_lossy(n).into_owned()
}

impl<'a> Xml<'a> {
    pub fn new(text: &'a str, label: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        Xml {
            text,
            label,
            reader,
            pending_end: false,
            depth: 0,
        }
    }

    pub fn err(&self, pos: usize, msg: impl Into<String>) -> Diagnostic {
        diag_at(self.label, self.text, pos, msg)
    }

    pub fn pos(&self) -> usize {
        usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX)
    }

    /// Byte offset of `part` in the input when it borrows from it (the reader reads from a
    /// `&str`, so names and values do), else `fallback`.
    fn offset_of(&self, part: &[u8], fallback: usize) -> usize {
        (part.as_ptr() as usize)
            .checked_sub(self.text.as_ptr() as usize)
            .filter(|&o| o <= self.text.len())
            .unwrap_or(fallback)
    }

    fn attrs(&self, e: &BytesStart, pos: usize) -> Result<Vec<(String, String)>, Diagnostic> {
        let mut out = Vec::new();
        // quick-xml's own duplicate check compares each name with all before it (quadratic in
        // the attribute count); a set keeps one element with many attributes linear.
        let mut seen: HashSet<&[u8]> = HashSet::new();
        let mut it = e.attributes();
        it.with_checks(false);
        for a in it {
            let a = a.map_err(|err| self.err(pos, format!("malformed attribute: {err}")))?;
            let key: &[u8] = a.key.into_inner();
            let at = self.offset_of(key, pos);
            if out.len() == MAX_ATTRIBUTES {
                return Err(self.err(
                    at,
                    format!("refused: more than {MAX_ATTRIBUTES} attributes on one element"),
                ));
            }
            if !seen.insert(key) {
                let name = String::from_utf8_lossy(key);
                return Err(self.err(at, format!("duplicate attribute `{name}`")));
            }
            let v = a
                .unescape_value()
                .map_err(|err| self.err(at, format!("malformed attribute value: {err}")))?;
            out.push((local(key), v.into_owned()));
        }
        Ok(out)
    }

    pub fn next(&mut self) -> Result<Ev, Diagnostic> {
        if self.pending_end {
            self.pending_end = false;
            self.depth -= 1;
            return Ok(Ev::End);
        }
        loop {
            let before = self.pos();
            let ev = match self.reader.read_event() {
                Ok(ev) => ev,
                Err(e) => {
                    let at = usize::try_from(self.reader.error_position()).unwrap_or(before);
                    return Err(self.err(at, format!("malformed XML: {e}")));
                }
            };
            match ev {
                Event::Start(e) => {
                    let attrs = self.attrs(&e, before)?;
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self.err(
                            before,
                            format!("refused: XML nested deeper than {MAX_DEPTH} elements"),
                        ));
                    }
                    return Ok(Ev::Start {
                        name: local(e.name().as_ref()),
                        attrs,
                        pos: before,
                    });
                }
                Event::Empty(e) => {
                    let attrs = self.attrs(&e, before)?;
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self.err(
                            before,
                            format!("refused: XML nested deeper than {MAX_DEPTH} elements"),
                        ));
                    }
                    self.pending_end = true;
                    return Ok(Ev::Start {
                        name: local(e.name().as_ref()),
                        attrs,
                        pos: before,
                    });
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    return Ok(Ev::End);
                }
                Event::Text(t) => {
                    let s = t
                        .xml_content()
                        .map_err(|e| self.err(before, format!("malformed text: {e}")))?;
                    return Ok(Ev::Text(s.into_owned()));
                }
                Event::CData(t) => {
                    let s = t
                        .xml_content()
                        .map_err(|e| self.err(before, format!("malformed CDATA: {e}")))?;
                    return Ok(Ev::Text(s.into_owned()));
                }
                Event::GeneralRef(r) => {
                    let name = r
                        .decode()
                        .map_err(|e| self.err(before, format!("malformed entity: {e}")))?;
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => return Ok(Ev::Text(c.to_string())),
                        Ok(None) => {}
                        Err(e) => {
                            return Err(self.err(
                                before,
                                format!("invalid character reference &{name};: {e}"),
                            ));
                        }
                    }
                    let s = match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => {
                            return Err(self.err(before, format!("unknown entity &{other};")));
                        }
                    };
                    return Ok(Ev::Text(s.to_string()));
                }
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(
                            self.err(self.text.len(), "unexpected end of file: unclosed element")
                        );
                    }
                    return Ok(Ev::Eof);
                }
                _ => {}
            }
        }
    }

    /// Skip the rest of the element just opened (including its children).
    pub fn skip(&mut self) -> Result<(), Diagnostic> {
        let target = self.depth - 1;
        while self.depth > target {
            if let Ev::Eof = self.next()? {
                break;
            }
        }
        Ok(())
    }

    /// All text inside the element just opened, up to its end.
    pub fn text_content(&mut self) -> Result<String, Diagnostic> {
        let target = self.depth - 1;
        let mut s = String::new();
        while self.depth > target {
            match self.next()? {
                Ev::Text(t) => s.push_str(&t),
                Ev::Eof => break,
                _ => {}
            }
        }
        Ok(s)
    }
}

pub fn get<'v>(attrs: &'v [(String, String)], key: &str) -> Option<&'v str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Text safe inside an XML attribute or element: escaped, and characters XML 1.0 forbids
/// (control characters) replaced so that every reader accepts the file.
pub fn esc(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| {
            if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}
