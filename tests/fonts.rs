//! The bundled font covers every character of the shipped data (and GB2312), so Chinese
//! renders on machines without CJK fonts.

mod common;

use innovation_atlas::app::BUNDLED_FONT;
use skrifa::{FontRef, MetadataProvider};

#[test]
fn every_character_of_the_data_files_has_a_glyph() {
    let font = FontRef::new(BUNDLED_FONT).expect("bundled font parses");
    let charmap = font.charmap();
    let dir = common::repo("graph-data");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            let text = std::fs::read_to_string(&path).unwrap();
            let missing: std::collections::BTreeSet<char> = text
                .chars()
                .filter(|c| !c.is_control() && !c.is_whitespace())
                .filter(|c| charmap.map(*c).is_none())
                .collect();
            assert!(
                missing.is_empty(),
                "{}: no glyph for {missing:?}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 1);
}

#[test]
fn covers_gb2312_sample_and_ui_symbols() {
    let font = FontRef::new(BUNDLED_FONT).unwrap();
    let charmap = font.charmap();
    // First and last hanzi of GB2312 level 1 and level 2, plus punctuation the UI uses.
    for c in ['啊', '座', '亍', '齄', '“', '”', '《', '》', '，', '·', '—'] {
        assert!(charmap.map(c).is_some(), "no glyph for {c}");
    }
}
