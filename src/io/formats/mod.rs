//! Other graph formats (GraphML, GEXF, GML, JSON, CSV, DOT, Cypher): import and export.

use super::Diagnostic;
use crate::model::Dataset;
use std::path::Path;

/// Load any supported file, choosing the format by extension. RON files are validated strictly;
/// imported formats are mapped onto the Atlas schema (unknown kinds and relations are kept).
pub fn load_any(path: &Path) -> Result<Dataset, Vec<Diagnostic>> {
    super::load_dataset(path)
}
