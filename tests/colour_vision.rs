//! Kind colours stay apart for readers with the common colour-vision deficiencies: the
//! shipped vocabulary's and the palette imported vocabularies get, under protanopia,
//! deuteranopia and tritanopia simulated with Machado et al. (2009) and compared by
//! CIEDE2000 (see `model::colour_vision` for the threshold and why). The check fails on a
//! palette with two confusable colours.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use innovation_atlas::model::colour_vision::{
    MIN_DISTINCT, Vision, ciede2000, closest_pair, lab_seen, seen_distance,
};
use innovation_atlas::model::{Palette, Rgb, Vocabulary};

/// `Err` naming the two colours that look most alike, and to whom, when closer than the
/// threshold.
fn distinct(names: &[String], colours: &[Rgb]) -> Result<f32, String> {
    let bytes: Vec<[u8; 3]> = colours.iter().map(|c| c.0).collect();
    let (i, j, d, v) = closest_pair(&bytes).unwrap();
    if d >= MIN_DISTINCT {
        Ok(d)
    } else {
        Err(format!(
            "{} {} and {} {} are ΔE00 {d:.1} apart with {v:?} (need {MIN_DISTINCT})",
            names[i], colours[i], names[j], colours[j]
        ))
    }
}

#[test]
fn ciede2000_matches_the_published_test_pairs() {
    // Sharma, Wu & Dalal (2005), table 1: pairs 1, 17 and 33 (sic 27.1492 for pair 17).
    let cases = [
        ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
        ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
        (
            [60.2574, -34.0099, 36.2677],
            [60.4626, -34.1751, 39.4387],
            1.2644,
        ),
        ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
    ];
    for (a, b, want) in cases {
        let got = ciede2000(a, b);
        assert!((got - want).abs() < 1e-3, "{a:?} {b:?}: {got} != {want}");
        assert!((ciede2000(b, a) - want).abs() < 1e-3, "symmetric");
    }
}

#[test]
fn the_simulation_confuses_red_and_green_for_dichromats_but_not_blue_and_yellow() {
    let (red, green) = (Rgb::new(0xe1, 0x57, 0x59), Rgb::new(0x59, 0xa1, 0x4f));
    let seen = |v| ciede2000(lab_seen(red.0, v), lab_seen(green.0, v));
    assert!(seen(Vision::Normal) > 40.0);
    assert!(
        seen(Vision::Deuteranopia) < 3.0,
        "{}",
        seen(Vision::Deuteranopia)
    );
    assert!(
        seen(Vision::Protanopia) < seen(Vision::Normal) / 2.0,
        "{}",
        seen(Vision::Protanopia)
    );
    let (blue, yellow) = (Rgb::new(0x4e, 0x79, 0xa7), Rgb::new(0xed, 0xc9, 0x48));
    assert!(seen_distance(blue.0, yellow.0).0 > 30.0);
    // White stays white: the matrices keep the achromatic axis.
    let white = Rgb::new(255, 255, 255);
    for v in Vision::ALL {
        assert!(
            ciede2000(lab_seen(white.0, v), [100.0, 0.0, 0.0]) < 0.5,
            "{v:?}"
        );
    }
}

#[test]
fn a_palette_with_two_confusable_colours_fails_the_check() {
    // The shipped vocabulary's Official red and Lab green before this check existed.
    let names: Vec<String> = ["Official", "Organization", "Lab"].map(String::from).into();
    let colours = [
        Rgb::new(0xe1, 0x57, 0x59),
        Rgb::new(0x4e, 0x79, 0xa7),
        Rgb::new(0x59, 0xa1, 0x4f),
    ];
    let err = distinct(&names, &colours).unwrap_err();
    assert!(err.contains("Official") && err.contains("Lab"), "{err}");
    assert!(err.contains("Deuteranopia"), "{err}");
    // Without the confusable one it passes.
    assert!(distinct(&names[..2], &colours[..2]).is_ok());
}

#[test]
fn the_shipped_vocabulary_kind_colours_stay_apart_for_every_reader() {
    let vocab = Vocabulary::shenzhen();
    let (names, colours): (Vec<String>, Vec<Rgb>) = vocab
        .kinds()
        .iter()
        .map(|k| {
            (
                k.en.clone(),
                k.color.expect("the shipped kinds declare colours"),
            )
        })
        .unzip();
    assert!(colours.len() >= 13);
    let d = distinct(&names, &colours).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("shipped vocabulary: least distance ΔE00 {d:.1}");
}

#[test]
fn the_palette_for_imported_kinds_stays_apart_for_every_reader() {
    // An imported graph's kinds get the palette in order.
    let mut p = Palette::default();
    let colours: Vec<Rgb> = (0..12).map(|_| p.next_color()).collect();
    let names: Vec<String> = (0..12).map(|i| format!("kind {i}")).collect();
    let d = distinct(&names, &colours).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("imported palette, 12 kinds: least distance ΔE00 {d:.1}");
    // Kinds a vocabulary leaves without a colour keep away from the ones it declares.
    let shipped: Vec<Rgb> = Vocabulary::shenzhen()
        .kinds()
        .iter()
        .filter_map(|k| k.color)
        .collect();
    let mut p = Palette::avoiding(shipped.clone());
    let extra = p.next_color();
    let least = shipped
        .iter()
        .map(|c| seen_distance(c.0, extra.0).0)
        .fold(f32::INFINITY, f32::min);
    assert!(least >= MIN_DISTINCT, "{extra}: {least}");
}
