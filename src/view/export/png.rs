//! SVG → PNG with resvg. The font database holds only the bundled font, so the output is the
//! same on every machine, needs no display and never depends on installed fonts.

use super::scene::FONT_FAMILY;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};
use std::sync::{Arc, OnceLock};

fn font_db() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(crate::view::fonts::BUNDLED_FONT.to_vec());
        // Generic families (and any family the SVG names that is absent) resolve to it too.
        db.set_sans_serif_family(FONT_FAMILY);
        db.set_serif_family(FONT_FAMILY);
        db.set_monospace_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Rasterise `svg` into a `width`×`height` pixmap, stretching the SVG's own size to fit.
pub fn svg_to_pixmap(svg: &str, width: u32, height: u32) -> Result<Pixmap, String> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: font_db(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("invalid SVG: {e}"))?;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot make a {width}×{height} image"))?;
    let size = tree.size();
    let transform = Transform::from_scale(
        width as f32 / size.width().max(1.0),
        height as f32 / size.height().max(1.0),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(pixmap)
}

/// Rasterise `svg` and encode it as PNG bytes.
pub fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    svg_to_pixmap(svg, width, height)?
        .encode_png()
        .map_err(|e| format!("cannot encode PNG: {e}"))
}
