//! The records of the schema: names, maps, citations, sources, nodes and edges.

use super::P;
use crate::model::{Cite, Edge, Kind, Names, Node, Relation, Source};
use std::collections::BTreeMap;

impl<'a> P<'a> {
    pub(super) fn names(&mut self) -> Option<Names> {
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

    pub(super) fn map(&mut self) -> Option<BTreeMap<String, String>> {
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

    pub(super) fn strings(&mut self) -> Option<Vec<String>> {
        self.list(|p| p.string())
    }

    pub(super) fn cite(&mut self) -> Option<Cite> {
        self.struct_open("Cite")?;
        let (mut source, mut quote, mut context) = (None, None, None);
        self.fields(|p, key| match key {
            "source" => {
                source = Some(p.string()?);
                Some(1)
            }
            "quote" => {
                quote = Some(p.string()?);
                Some(2)
            }
            "context" => {
                context = Some(p.some(P::string)?);
                Some(4)
            }
            _ => None,
        })?;
        Some(Cite {
            source: source?,
            quote: quote?,
            context,
        })
    }

    pub(super) fn source(&mut self) -> Option<Source> {
        self.struct_open("Source")?;
        let (mut id, mut file, mut date, mut title) = (None, None, String::new(), Names::default());
        let (mut publisher, mut url) = (String::new(), String::new());
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
            "publisher" => {
                publisher = p.string()?;
                Some(16)
            }
            "url" => {
                url = p.string()?;
                Some(32)
            }
            _ => None,
        })?;
        Some(Source {
            id: id?,
            file: file?,
            date,
            title,
            publisher,
            url,
        })
    }

    pub(super) fn node(&mut self) -> Option<Node> {
        self.struct_open("Node")?;
        let (mut id, mut kind, mut name) = (None, None, None);
        let (mut aliases, mut attrs, mut cites) = (Vec::new(), BTreeMap::new(), Vec::new());
        self.fields(|p, key| match key {
            "id" => {
                id = Some(p.string()?);
                Some(1)
            }
            "kind" => {
                kind = Some(Kind::from(p.word()?));
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

    pub(super) fn edge(&mut self) -> Option<Edge> {
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
                rel = Some(Relation::from(p.word()?));
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
