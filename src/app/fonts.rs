//! The bundled CJK font: Chinese must render on machines without any CJK font installed.

use std::sync::Arc;

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
