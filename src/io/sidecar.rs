//! The positions sidecar (`name.layout.ron` beside `name.ron`): node positions and pins,
//! kept apart so that moving a node never rewrites the facts.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedPos {
    pub x: f32,
    pub y: f32,
    #[serde(default)]
    pub pinned: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedLayout {
    #[serde(default)]
    pub positions: BTreeMap<String, SavedPos>,
}

pub fn layout_sidecar_path(data_path: &Path) -> PathBuf {
    let stem = data_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".into());
    data_path.with_file_name(format!("{stem}.layout.ron"))
}

/// A missing sidecar is not an error (`Ok(None)`); a broken one is.
pub fn load_layout(path: &Path) -> Result<Option<SavedLayout>, super::Diagnostic> {
    let label = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(super::Diagnostic::new(
                &label,
                0,
                0,
                format!("cannot read: {e}"),
            ));
        }
    };
    ron::from_str(&text).map(Some).map_err(|e| {
        super::Diagnostic::new(
            &label,
            e.span.start.line,
            e.span.start.col,
            e.code.to_string(),
        )
    })
}

pub fn save_layout(path: &Path, layout: &SavedLayout) -> std::io::Result<()> {
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    let text = ron::ser::to_string_pretty(layout, config).map_err(std::io::Error::other)?;
    super::write_atomic(path, text.as_bytes())
}
