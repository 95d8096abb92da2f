//! Random declared vocabularies for the RON property tests, every optional field present or not.

use innovation_atlas::model::{
    Kind, KindDef, Names, Relation, RelationDef, Rgb, Shape, Vocabulary,
};
use proptest::prelude::*;

/// `None` or a vocabulary of a few kinds and relations whose texts come from `text`.
pub fn vocabulary(
    text: fn() -> BoxedStrategy<String>,
) -> impl Strategy<Value = Option<Box<Vocabulary>>> {
    let text_strategy = text;
    let kind_def = (
        text_strategy(),
        text_strategy(),
        text_strategy(),
        prop::option::of(any::<[u8; 3]>()),
        prop::option::of(0usize..Shape::ALL.len()),
        prop::option::of(0u32..20),
    )
        .prop_map(|(id, zh, en, color, shape, layer)| KindDef {
            id: Kind::new(&id),
            zh,
            en,
            color: color.map(Rgb),
            shape: shape.map(Shape::cycle),
            layer,
        });
    let relation_def = (
        text_strategy(),
        text_strategy(),
        prop::option::of(any::<[u8; 3]>()),
        text_strategy(),
        prop::collection::vec(text_strategy(), 0..3),
        prop::collection::vec(text_strategy(), 0..2),
    )
        .prop_map(|(id, en, color, definition, from, to)| RelationDef {
            id: Relation::new(&id),
            zh: String::new(),
            en,
            color: color.map(Rgb),
            definition: Names {
                zh: definition,
                en: String::new(),
            },
            from: from.iter().map(|k| Kind::new(k)).collect(),
            to: to.iter().map(|k| Kind::new(k)).collect(),
        });
    prop::option::of(
        (
            prop::collection::vec(kind_def, 0..4),
            prop::collection::vec(relation_def, 0..4),
        )
            .prop_map(|(k, r)| Box::new(Vocabulary::new(k, r))),
    )
}

/// The kinds of the shipped vocabulary.
pub fn shipped_kinds() -> Vec<Kind> {
    let v = Vocabulary::shenzhen();
    v.kinds().iter().map(|d| d.id.clone()).collect()
}

/// The relations of the shipped vocabulary.
pub fn shipped_relations() -> Vec<Relation> {
    let v = Vocabulary::shenzhen();
    v.relations().iter().map(|d| d.id.clone()).collect()
}
