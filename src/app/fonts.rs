//! The bundled CJK font lives in `view::fonts`; re-exported where the app has always found it.
pub use crate::view::fonts::{BUNDLED_FONT, install_fonts};
