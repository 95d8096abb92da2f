//! `Vocabulary`: the kinds and relations a dataset declares, with their labels in Chinese and
//! English, the colour and shape of each kind and its row in the layered layout.
//!
//! A data file declares one in its `vocabulary` field or uses the shipped Shenzhen vocabulary
//! (`graph-data/shenzhen.vocab.ron`). Kinds a file uses without declaring them still get a
//! distinct colour and shape (by order of first appearance), so nothing is drawn grey.

use super::appearance::{Palette, Rgb, Shape};
use super::{Kind, Names, Relation};
use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::LazyLock;

/// The shipped vocabulary, as text: what `Vocabulary::shenzhen` reads.
pub const SHENZHEN_VOCABULARY: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/graph-data/shenzhen.vocab.ron"
));

/// A kind as declared. Colour, shape and layer may be left out: they are then chosen for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Kind", deny_unknown_fields)]
pub struct KindDef {
    pub id: Kind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zh: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Rgb>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<Shape>,
    /// Row in the layered layout (lower rows first); by default the kind's place in the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<u32>,
}

impl KindDef {
    /// A kind with no labels and nothing chosen yet.
    pub fn bare(id: Kind) -> Self {
        KindDef {
            id,
            zh: String::new(),
            en: String::new(),
            color: None,
            shape: None,
            layer: None,
        }
    }
}

/// A relation as declared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Relation", deny_unknown_fields)]
pub struct RelationDef {
    pub id: Relation,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zh: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Rgb>,
    /// What an edge of this relation asserts, so that it means one thing (`check` cannot test
    /// meaning, but curators and readers can).
    #[serde(default, skip_serializing_if = "Names::is_empty")]
    pub definition: Names,
    /// Kinds allowed at the `from` end; empty: any kind (`check` warns about others).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<Kind>,
    /// Kinds allowed at the `to` end; empty: any kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to: Vec<Kind>,
}

impl RelationDef {
    pub fn bare(id: Relation) -> Self {
        RelationDef {
            id,
            zh: String::new(),
            en: String::new(),
            color: None,
            definition: Names::default(),
            from: Vec::new(),
            to: Vec::new(),
        }
    }

    /// True when an edge of this relation may go from a `from` node to a `to` node.
    pub fn allows(&self, from: &Kind, to: &Kind) -> bool {
        (self.from.is_empty() || self.from.contains(from))
            && (self.to.is_empty() || self.to.contains(to))
    }
}

/// How a kind is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KindStyle {
    pub color: Rgb,
    pub shape: Shape,
}

/// Kinds and relations with O(1) lookups by id. The first `declared` entries are the ones the
/// file (or the shipped vocabulary) declares; entries after them were found in the data.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    kinds: Vec<KindDef>,
    relations: Vec<RelationDef>,
    declared_kinds: usize,
    declared_relations: usize,
    kind_ix: HashMap<Kind, usize>,
    relation_ix: HashMap<Relation, usize>,
    /// Resolved style and layer of each entry of `kinds`.
    styles: Vec<(KindStyle, u32)>,
    /// The layer of kinds the vocabulary does not declare: after every declared one.
    other_layer: u32,
}

impl PartialEq for Vocabulary {
    fn eq(&self, other: &Self) -> bool {
        self.kinds == other.kinds
            && self.relations == other.relations
            && self.declared_kinds == other.declared_kinds
            && self.declared_relations == other.declared_relations
    }
}

static SHENZHEN: LazyLock<Vocabulary> = LazyLock::new(|| {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(SHENZHEN_VOCABULARY)
        .unwrap_or_else(|e| {
            // Cannot happen for the embedded file (a test reads it); an empty vocabulary still
            // draws every kind, in palette colours.
            log::error!("the shipped vocabulary does not parse: {e}");
            Vocabulary::default()
        })
});

impl Vocabulary {
    /// A vocabulary declaring `kinds` and `relations`. Where an id is declared twice the first
    /// entry counts (validation reports the others).
    pub fn new(kinds: Vec<KindDef>, relations: Vec<RelationDef>) -> Self {
        let mut v = Vocabulary {
            declared_kinds: kinds.len(),
            declared_relations: relations.len(),
            kinds,
            relations,
            ..Vocabulary::default()
        };
        v.index();
        v
    }

    /// The shipped Shenzhen vocabulary, for files that declare none.
    pub fn shenzhen() -> &'static Vocabulary {
        &SHENZHEN
    }

    /// This vocabulary plus the kinds and relations given that it does not declare, in order of
    /// first appearance (see `Vocabulary::for_dataset` in dataset.rs).
    pub fn with_undeclared<'a>(
        &self,
        used_kinds: impl Iterator<Item = &'a Kind>,
        used_relations: impl Iterator<Item = &'a Relation>,
    ) -> Vocabulary {
        let mut v = self.clone();
        let (kinds, relations) = (v.kinds.len(), v.relations.len());
        // Neighbouring elements mostly share a kind: compare with the last one before hashing.
        let mut last: Option<&Kind> = None;
        for kind in used_kinds {
            if last == Some(kind) {
                continue;
            }
            last = Some(kind);
            if !v.kind_ix.contains_key(kind) {
                v.kind_ix.insert(kind.clone(), v.kinds.len());
                v.kinds.push(KindDef::bare(kind.clone()));
            }
        }
        let mut last: Option<&Relation> = None;
        for rel in used_relations {
            if last == Some(rel) {
                continue;
            }
            last = Some(rel);
            if !v.relation_ix.contains_key(rel) {
                v.relation_ix.insert(rel.clone(), v.relations.len());
                v.relations.push(RelationDef::bare(rel.clone()));
            }
        }
        if (kinds, relations) != (v.kinds.len(), v.relations.len()) {
            v.resolve();
        }
        v
    }

    /// A vocabulary declaring exactly the kinds and relations given, in order of first
    /// appearance: what an import gets (`Vocabulary::generated`), so that its kinds keep
    /// distinct colours once saved. Ids the shipped vocabulary knows keep its labels and looks;
    /// the others get distinct palette colours, cycling shapes and a layer each.
    pub fn declaring<'a>(
        used_kinds: impl Iterator<Item = &'a Kind>,
        used_relations: impl Iterator<Item = &'a Relation>,
    ) -> Vocabulary {
        let shipped = Vocabulary::shenzhen();
        let mut kinds: Vec<KindDef> = Vec::new();
        let mut seen: HashMap<&Kind, ()> = HashMap::new();
        for kind in used_kinds {
            if seen.insert(kind, ()).is_none() {
                kinds.push(
                    shipped
                        .declared_kind(kind)
                        .cloned()
                        .unwrap_or_else(|| KindDef::bare(kind.clone())),
                );
            }
        }
        let mut relations: Vec<RelationDef> = Vec::new();
        let mut seen: HashMap<&Relation, ()> = HashMap::new();
        for rel in used_relations {
            if seen.insert(rel, ()).is_none() {
                relations.push(
                    shipped
                        .declared_relation(rel)
                        .cloned()
                        .unwrap_or_else(|| RelationDef::bare(rel.clone())),
                );
            }
        }
        // Write the chosen looks into the entries, so the saved file shows (and keeps) them.
        let mut v = Vocabulary::new(kinds, relations);
        for (i, def) in v.kinds.iter_mut().enumerate() {
            let (style, layer) = v.styles[i];
            def.color = Some(style.color);
            def.shape = Some(style.shape);
            def.layer = Some(layer);
        }
        v
    }

    /// Build the id indices (first entry wins) and resolve every kind's style and layer.
    fn index(&mut self) {
        self.kind_ix = HashMap::with_capacity(self.kinds.len());
        for (i, k) in self.kinds.iter().enumerate() {
            self.kind_ix.entry(k.id.clone()).or_insert(i);
        }
        self.relation_ix = HashMap::with_capacity(self.relations.len());
        for (i, r) in self.relations.iter().enumerate() {
            self.relation_ix.entry(r.id.clone()).or_insert(i);
        }
        self.resolve();
    }

    /// Give kinds without a colour, shape or layer one: palette colours distinct from the
    /// declared ones, shapes in turn, declared kinds their place in the list and kinds found
    /// in the data the row after every declared one.
    fn resolve(&mut self) {
        let mut palette = Palette::avoiding(self.kinds.iter().filter_map(|k| k.color));
        let mut shapes = 0;
        let declared = &self.kinds[..self.declared_kinds.min(self.kinds.len())];
        self.other_layer = declared
            .iter()
            .enumerate()
            .map(|(i, k)| k.layer.unwrap_or(i as u32))
            .max()
            .map_or(0, |m| m.saturating_add(1));
        self.styles = self
            .kinds
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let color = k.color.unwrap_or_else(|| palette.next_color());
                let shape = k.shape.unwrap_or_else(|| {
                    shapes += 1;
                    Shape::cycle(shapes - 1)
                });
                let layer = match k.layer {
                    Some(l) => l,
                    None if i < self.declared_kinds => i as u32,
                    None => self.other_layer,
                };
                (KindStyle { color, shape }, layer)
            })
            .collect();
    }

    /// Every kind: the declared ones in their order, then the ones found in the data.
    pub fn kinds(&self) -> &[KindDef] {
        &self.kinds
    }

    pub fn relations(&self) -> &[RelationDef] {
        &self.relations
    }

    /// The kinds the file (or the shipped vocabulary) declares.
    pub fn declared_kinds(&self) -> &[KindDef] {
        &self.kinds[..self.declared_kinds.min(self.kinds.len())]
    }

    pub fn declared_relations(&self) -> &[RelationDef] {
        &self.relations[..self.declared_relations.min(self.relations.len())]
    }

    /// The entry of `kind`, declared or found in the data.
    pub fn kind(&self, kind: &Kind) -> Option<&KindDef> {
        self.kinds.get(*self.kind_ix.get(kind)?)
    }

    pub fn relation(&self, rel: &Relation) -> Option<&RelationDef> {
        self.relations.get(*self.relation_ix.get(rel)?)
    }

    /// The entry of `kind` if the vocabulary declares it.
    pub fn declared_kind(&self, kind: &Kind) -> Option<&KindDef> {
        let &i = self.kind_ix.get(kind)?;
        (i < self.declared_kinds).then(|| &self.kinds[i])
    }

    pub fn declared_relation(&self, rel: &Relation) -> Option<&RelationDef> {
        let &i = self.relation_ix.get(rel)?;
        (i < self.declared_relations).then(|| &self.relations[i])
    }

    pub fn declares_kind(&self, kind: &Kind) -> bool {
        self.declared_kind(kind).is_some()
    }

    pub fn declares_relation(&self, rel: &Relation) -> bool {
        self.declared_relation(rel).is_some()
    }

    /// Where `kind` is in `kinds()`, for listing kinds in the vocabulary's order; kinds it
    /// does not know come last.
    pub fn kind_order(&self, kind: &Kind) -> usize {
        self.kind_ix.get(kind).copied().unwrap_or(usize::MAX)
    }

    pub fn relation_order(&self, rel: &Relation) -> usize {
        self.relation_ix.get(rel).copied().unwrap_or(usize::MAX)
    }

    /// The label of a kind in Chinese (`zh`) or English, falling back to the other language
    /// and then to the id.
    pub fn kind_label<'a>(&'a self, kind: &'a Kind, zh: bool) -> &'a str {
        match self.kind(kind) {
            Some(d) => pick(&d.zh, &d.en, zh).unwrap_or(kind.ident()),
            None => kind.ident(),
        }
    }

    pub fn relation_label<'a>(&'a self, rel: &'a Relation, zh: bool) -> &'a str {
        match self.relation(rel) {
            Some(d) => pick(&d.zh, &d.en, zh).unwrap_or(rel.ident()),
            None => rel.ident(),
        }
    }

    /// Colour and shape of `kind`. A kind the vocabulary has never seen (not even in the data
    /// it was built for) gets a palette colour chosen by its id, so it is still not grey.
    pub fn style(&self, kind: &Kind) -> KindStyle {
        match self.kind_ix.get(kind) {
            Some(&i) => self.styles[i].0,
            None => {
                let h = kind
                    .ident()
                    .bytes()
                    .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
                let mut p = Palette::default();
                let color = (0..=h % 18).map(|_| p.next_color()).last();
                KindStyle {
                    color: color.unwrap_or(Rgb::new(0x4e, 0x79, 0xa7)),
                    shape: Shape::cycle(h),
                }
            }
        }
    }

    /// The row of `kind` in the layered layout.
    pub fn layer(&self, kind: &Kind) -> u32 {
        self.kind_ix
            .get(kind)
            .map_or(self.other_layer, |&i| self.styles[i].1)
    }

    /// The colour a relation declares, if any.
    pub fn relation_color(&self, rel: &Relation) -> Option<Rgb> {
        self.relation(rel)?.color
    }

    /// The declared part of this vocabulary with `kind` restyled; a kind it did not declare is
    /// declared by this (after the others, with the layer it had).
    pub fn restyled(&self, kind: &Kind, style: KindStyle) -> Vocabulary {
        let mut kinds = self.declared_kinds().to_vec();
        match kinds.iter_mut().find(|k| &k.id == kind) {
            Some(def) => {
                def.color = Some(style.color);
                def.shape = Some(style.shape);
            }
            None => kinds.push(KindDef {
                color: Some(style.color),
                shape: Some(style.shape),
                layer: Some(self.layer(kind)),
                ..KindDef::bare(kind.clone())
            }),
        }
        Vocabulary::new(kinds, self.declared_relations().to_vec())
    }
}

fn pick<'a>(zh: &'a str, en: &'a str, zh_first: bool) -> Option<&'a str> {
    let (a, b) = if zh_first { (zh, en) } else { (en, zh) };
    [a, b].into_iter().find(|s| !s.is_empty())
}

/// The form of a vocabulary in a data file.
#[derive(Serialize)]
#[serde(rename = "Vocabulary")]
struct FileRef<'a> {
    kinds: &'a [KindDef],
    relations: &'a [RelationDef],
}

#[derive(Deserialize)]
#[serde(rename = "Vocabulary", deny_unknown_fields)]
struct File {
    #[serde(default)]
    kinds: Vec<KindDef>,
    #[serde(default)]
    relations: Vec<RelationDef>,
}

impl Serialize for Vocabulary {
    /// Only the declared entries: kinds found in the data are not the file's declarations.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FileRef {
            kinds: self.declared_kinds(),
            relations: self.declared_relations(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Vocabulary {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = File::deserialize(d)?;
        Ok(Vocabulary::new(f.kinds, f.relations))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    #[test]
    fn the_shipped_vocabulary_holds_every_shenzhen_kind_and_relation() {
        let v = Vocabulary::shenzhen();
        assert_eq!((v.kinds().len(), v.relations().len()), (14, 25));
        assert_eq!(v.kind_label(&Kind::LAB, true), "实验室与研究机构");
        assert_eq!(v.relation_label(&Relation::PART_OF, false), "part of");
        let plan = v.style(&Kind::PLAN);
        assert_eq!(
            (plan.color.to_string(), plan.shape),
            ("#d6960e".into(), Shape::Diamond)
        );
        // The layers of the layered layout, as the code had them.
        let layers: Vec<u32> = v.kinds().iter().map(|k| v.layer(&k.id)).collect();
        assert_eq!(layers, [0, 1, 1, 1, 2, 4, 4, 4, 4, 5, 3, 2, 6, 2]);
        assert_eq!(v.layer(&Kind::new("Spaceship")), 7);
    }

    #[test]
    fn undeclared_kinds_get_distinct_colours_in_order_of_appearance() {
        let mut data = Dataset::default();
        for k in ["Spaceship", "Official", "Robot", "Spaceship", "Alien"] {
            data.nodes.push(crate::model::Node {
                id: k.to_lowercase(),
                kind: Kind::new(k),
                name: Default::default(),
                aliases: vec![],
                attrs: Default::default(),
                cites: vec![],
            });
        }
        let v = Vocabulary::for_dataset(&data);
        let shipped = Vocabulary::shenzhen().kinds().len();
        let found: Vec<&str> = v.kinds()[shipped..].iter().map(|k| k.id.ident()).collect();
        assert_eq!(found, ["Spaceship", "Robot", "Alien"]);
        let styles: Vec<KindStyle> = v.kinds().iter().map(|k| v.style(&k.id)).collect();
        for (i, a) in styles.iter().enumerate() {
            assert!(styles[..i].iter().all(|b| b.color != a.color), "{a:?}");
        }
        assert!(!v.declares_kind(&Kind::new("Robot")) && v.kind(&Kind::new("Robot")).is_some());
        // The same data gives the same colours.
        assert_eq!(
            Vocabulary::for_dataset(&data).style(&Kind::new("Alien")),
            styles[shipped + 2]
        );
    }

    #[test]
    fn every_shipped_relation_is_defined_and_allows_only_declared_kinds() {
        let v = Vocabulary::shenzhen();
        for r in v.declared_relations() {
            assert!(
                !r.definition.zh.is_empty() && !r.definition.en.is_empty(),
                "{} has no definition",
                r.id
            );
            for k in r.from.iter().chain(&r.to) {
                assert!(v.declares_kind(k), "{}: unknown kind {k}", r.id);
            }
        }
        let located = v
            .relation(&Relation::LOCATED_IN)
            .map(|r| r.allows(&Kind::ACTION, &Kind::AREA));
        assert_eq!(located, Some(false), "an action has no place");
        let focus = v
            .relation(&Relation::FOCUSES_ON)
            .map(|r| r.allows(&Kind::AREA, &Kind::INDUSTRY));
        assert_eq!(focus, Some(true));
        let targets = v
            .relation(&Relation::TARGETS)
            .map(|r| r.allows(&Kind::ACTION, &Kind::INDUSTRY));
        assert_eq!(
            targets,
            Some(false),
            "an industry field is focused on, not targeted"
        );
    }

    #[test]
    fn a_relation_written_before_definitions_existed_still_reads_and_allows_anything() {
        let text = r#"Vocabulary(relations: [Relation(id: PartOf, zh: "属于", en: "part of")])"#;
        let v: Vocabulary = ron::from_str(text).expect("old vocabulary");
        let r = &v.declared_relations()[0];
        assert!(r.definition.is_empty() && r.from.is_empty() && r.to.is_empty());
        assert!(r.allows(&Kind::OFFICIAL, &Kind::METRIC));
        // And a defined one survives a round trip through RON.
        let shipped = Vocabulary::shenzhen();
        let again: Vocabulary =
            ron::from_str(&ron::to_string(shipped).expect("write")).expect("read back");
        assert_eq!(&again, shipped);
    }
}
