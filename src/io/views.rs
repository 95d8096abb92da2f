//! The saved-views sidecar (`name.views.ron` beside `name.ron`): named views that make a briefing.
//!
//! A view records what the audience should see — camera, filters, ego focus, highlighted nodes
//! and paths, layout, label language — and a caption in both languages. Node references are the
//! data file's ids (never petgraph indices), so a view survives edits of the graph; ids the graph
//! no longer has are reported by `view::export::apply_view`, not rejected here.

use super::Diagnostic;
use crate::model::{Kind, Names, Relation};
use crate::view::LabelLang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Every view of one data file, in tour order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Views {
    #[serde(default)]
    pub views: Vec<View>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct View {
    pub name: String,
    #[serde(default)]
    pub caption: Names,
    /// `None`: fit the focused content (robust to a re-run layout; what shipped briefings use).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camera: Option<ViewCamera>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_kinds: Vec<Kind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_relations: Vec<Relation>,
    /// Show only the neighbourhood of these nodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ego: Option<EgoFocus>,
    /// Node ids drawn emphasised (everything else is dimmed when this or `paths` is non-empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<String>,
    /// Chains of node ids; consecutive ids are joined by an edge of either direction.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<Vec<String>>,
    /// Layout engine name (`"force"`); `None` keeps whatever layout is current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<String>,
    /// `None` keeps the viewer's current label language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<LabelLang>,
}

/// Where the camera looks. `zoom` is screen points per world unit for a canvas of `viewport`
/// size; renderers of another size scale it so the same world area stays in frame.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewCamera {
    pub center: (f32, f32),
    pub zoom: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewport: Option<(f32, f32)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EgoFocus {
    pub nodes: Vec<String>,
    #[serde(default = "default_radius")]
    pub radius: u32,
    #[serde(default)]
    pub direction: Direction,
}

fn default_radius() -> u32 {
    1
}

/// Which edges an ego neighbourhood follows, read from the focus nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Out,
    In,
    #[default]
    Both,
}

impl Views {
    pub fn find(&self, name: &str) -> Option<&View> {
        self.views.iter().find(|v| v.name == name)
    }
}

/// `graph-data/shenzhen.ron` → `graph-data/shenzhen.views.ron`.
pub fn views_sidecar_path(data_path: &Path) -> PathBuf {
    let stem = data_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "graph".into());
    data_path.with_file_name(format!("{stem}.views.ron"))
}

/// Parse views from RON text; `label` names the file in the diagnostic.
pub fn parse_views(text: &str, label: &str) -> Result<Views, Diagnostic> {
    ron::Options::default().from_str(text).map_err(|e| {
        Diagnostic::new(
            label,
            e.span.start.line,
            e.span.start.col,
            e.code.to_string(),
        )
    })
}

/// A missing sidecar is not an error (`Ok(None)`); an unreadable or broken one is.
pub fn load_views(path: &Path) -> Result<Option<Views>, Diagnostic> {
    let label = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Diagnostic::new(&label, 0, 0, format!("cannot read: {e}"))),
    };
    parse_views(&text, &label).map(Some)
}

/// Pretty RON with struct names, four-space indent, `Some` implicit (hand-editable).
pub fn views_to_ron(views: &Views) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut text = ron::ser::to_string_pretty(views, config)?;
    text.push('\n');
    Ok(text)
}

/// Write atomically: a crash mid-save leaves the previous file intact.
pub fn save_views(path: &Path, views: &Views) -> std::io::Result<()> {
    let text = views_to_ron(views).map_err(std::io::Error::other)?;
    super::write_atomic(path, text.as_bytes())
}
