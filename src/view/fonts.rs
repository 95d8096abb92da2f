//! The bundled CJK font: installed into egui for the canvas, loaded by resvg for PNGs and
//! measured here for label placement, so Chinese renders (and labels fit) on any machine.

use std::sync::{Arc, OnceLock};

/// Noto Sans CJK SC, subset to GB2312 plus every character of the source documents (OFL 1.1).
pub const BUNDLED_FONT: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/NotoSansSC-Regular-subset.otf"
));

/// Add the bundled font as a fallback after egui's own fonts, for text of every family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans-sc".into(),
        Arc::new(egui::FontData::from_static(BUNDLED_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-sans-sc".into());
    }
    ctx.set_fonts(fonts);
}

/// The bundled font, parsed once; `None` only if the bundled file were corrupt.
fn face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(BUNDLED_FONT, 0).ok())
        .as_ref()
}

/// Advance of `c` in em, read from the bundled font (the font every export is rendered with).
fn advance_em(c: char) -> f32 {
    // ASCII is most of every label: its advances are looked up once, not per character.
    static ASCII: OnceLock<[f32; 128]> = OnceLock::new();
    if c.is_ascii() {
        let table = ASCII.get_or_init(|| std::array::from_fn(|i| measure(i as u8 as char)));
        return table[c as usize];
    }
    measure(c)
}

fn measure(c: char) -> f32 {
    let measured = face().and_then(|f| {
        let gid = f.glyph_index(c)?;
        Some(f32::from(f.glyph_hor_advance(gid)?) / f32::from(f.units_per_em()))
    });
    measured.unwrap_or(if is_wide(c) { 1.0 } else { 0.6 })
}

/// CJK ideographs, kana, full-width forms and CJK punctuation: a line may break before them.
pub fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Width of `s` at font size `size` (no kerning: labels err slightly wide). The one measure
/// label placement uses on the canvas and in exports, so both place the same labels.
pub fn text_width(s: &str, size: f32) -> f32 {
    s.chars().map(advance_em).sum::<f32>() * size
}

/// Shorten `s` with an ellipsis so that it fits in `max` at font size `size`.
pub fn truncate(s: &str, size: f32, max: f32) -> String {
    if text_width(s, size) <= max {
        return s.to_string();
    }
    let mut t = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        w += advance_em(c) * size;
        if w > max - size {
            break;
        }
        t.push(c);
    }
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_bundled_font() {
        assert!(face().is_some(), "the bundled font parses");
        let zh = text_width("深圳", 10.0);
        assert!((zh - 20.0).abs() < 1.0, "CJK is about one em wide: {zh}");
        let en = text_width("il", 10.0);
        assert!(en > 1.0 && en < text_width("WM", 10.0), "{en}");
        assert_eq!(text_width("", 13.0), 0.0);
    }

    #[test]
    fn truncation_fits_the_width_and_keeps_short_text() {
        assert_eq!(truncate("Hetao", 10.0, 200.0), "Hetao");
        let long = "Shenzhen Park of the Hetao Shenzhen-Hong Kong Science and Technology Zone";
        let t = truncate(long, 10.0, 120.0);
        assert!(t.ends_with('…') && t.len() < long.len(), "{t}");
        assert!(text_width(&t, 10.0) <= 120.0, "{t}");
    }
}
