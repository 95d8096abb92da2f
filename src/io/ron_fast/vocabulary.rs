//! The `vocabulary` field: kinds and relations with their labels and looks.

use super::P;
use crate::model::{Kind, KindDef, Relation, RelationDef, Rgb, Shape, Vocabulary};

impl<'a> P<'a> {
    /// `Some(value)`, or (with implicit_some) a bare value; `None` is left to ron.
    pub(super) fn some<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let rest = self.b.get(self.i..)?;
        let wrapped = rest.starts_with(b"Some")
            && !rest
                .get(4)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80);
        if !wrapped {
            return if self.implicit_some {
                value(self)
            } else {
                None
            };
        }
        self.i += 4;
        self.ws()?;
        self.expect(b'(')?;
        self.ws()?;
        let v = value(self)?;
        self.ws()?;
        self.expect(b')')?;
        Some(v)
    }

    /// `Vocabulary(kinds: [...], relations: [...])`, as an optional field.
    pub(super) fn vocabulary(&mut self) -> Option<Vocabulary> {
        self.some(P::vocabulary_struct)
    }

    fn vocabulary_struct(&mut self) -> Option<Vocabulary> {
        self.struct_open("Vocabulary")?;
        let (mut kinds, mut relations) = (Vec::new(), Vec::new());
        self.fields(|p, key| match key {
            "kinds" => {
                kinds = p.list(P::kind_def)?;
                Some(1)
            }
            "relations" => {
                relations = p.list(P::relation_def)?;
                Some(2)
            }
            _ => None,
        })?;
        Some(Vocabulary::new(kinds, relations))
    }

    fn kind_def(&mut self) -> Option<KindDef> {
        self.struct_open("Kind")?;
        let mut id = None;
        let mut def = KindDef::bare(Kind::new(""));
        self.fields(|p, key| match key {
            "id" => {
                id = Some(Kind::from(p.word()?));
                Some(1)
            }
            "zh" => {
                def.zh = p.string()?;
                Some(2)
            }
            "en" => {
                def.en = p.string()?;
                Some(4)
            }
            "color" => {
                def.color = Some(p.some(P::color)?);
                Some(8)
            }
            "shape" => {
                def.shape = Some(p.some(|p| Shape::from_name(&p.word()?))?);
                Some(16)
            }
            "layer" => {
                def.layer = Some(p.some(|p| u32::try_from(p.int()?).ok())?);
                Some(32)
            }
            _ => None,
        })?;
        def.id = id?;
        Some(def)
    }

    fn relation_def(&mut self) -> Option<RelationDef> {
        self.struct_open("Relation")?;
        let mut id = None;
        let mut def = RelationDef::bare(Relation::new(""));
        self.fields(|p, key| match key {
            "id" => {
                id = Some(Relation::from(p.word()?));
                Some(1)
            }
            "zh" => {
                def.zh = p.string()?;
                Some(2)
            }
            "en" => {
                def.en = p.string()?;
                Some(4)
            }
            "color" => {
                def.color = Some(p.some(P::color)?);
                Some(8)
            }
            "definition" => {
                def.definition = p.names()?;
                Some(16)
            }
            "from" => {
                def.from = p.list(|p| p.word().map(Kind::from))?;
                Some(32)
            }
            "to" => {
                def.to = p.list(|p| p.word().map(Kind::from))?;
                Some(64)
            }
            _ => None,
        })?;
        def.id = id?;
        Some(def)
    }

    /// `"#rrggbb"`; anything else is left to ron, which reports it.
    fn color(&mut self) -> Option<Rgb> {
        Rgb::parse(&self.string()?)
    }
}
