//! The saved-views sidecar (`name.views.ron` beside `name.ron`): named views that make a briefing.
//!
//! A view records what the audience should see — camera, filters, ego focus, highlighted nodes
//! and paths, layout, label language — and a caption in both languages. Node references are the
//! data file's ids (never petgraph indices), so a view survives edits of the graph; ids the graph
//! no longer has are reported by `view::export::apply_view`, not rejected here.
//!
//! Reading checks the camera numbers (a zero, negative or non-finite zoom would blank the
//! canvas): such a camera is dropped with a warning and the view fits its content. A file that
//! cannot be read is never overwritten: `open_views` and every save keep it as
//! `NAME.views.ron.bad` first (see `io::sidecar`).

use super::Diagnostic;
pub use super::present::{Annotation, AnnotationShape, Appearance, Arrange, StyleBy};
use super::sidecar;
// The shared sidecar API, reachable here because `io::sidecar` itself is private.
pub use super::sidecar::{
    Checked, MAX_LAYOUT_BYTES, SidecarOpen, keep_aside, open_layout, read_layout,
    save_layout_reporting,
};
use crate::model::{Kind, LabelLang, Names, Relation};
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
    /// Groups and which of them are collapsed; `None` shows the graph ungrouped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<super::groups::GroupState>,
    // Presenting (issue #15 parts 2, 3, 5; `io::present`): kept together for merging.
    /// Colour, shape and size by attribute; `None`: the style table's defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appearance: Option<Appearance>,
    /// Notes, callouts and shapes drawn over the graph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
    /// The view's own arrangement of its subgraph; `None` crops the global layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrange: Option<Arrange>,
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

/// Views sidecars are written by hand or by the app, a few KB each; far larger is not a views
/// file (and a larger one is refused before it is read).
pub const MAX_VIEWS_BYTES: u64 = 64 * 1024 * 1024;

/// Parse views from RON text; `label` names the file in the diagnostic. Unusable camera numbers
/// are ignored (see `parse_views_checked`).
pub fn parse_views(text: &str, label: &str) -> Result<Views, Diagnostic> {
    parse_views_checked(text, label).map(|c| c.value)
}

/// Parse views and check their numbers: a camera with a zoom that is not a positive finite
/// number, or a centre that is not finite, is dropped (the view fits its content instead); a
/// viewport that is not positive and finite is dropped (the zoom is used as it is). Each
/// such value gives a warning at its `line:col`.
pub fn parse_views_checked(text: &str, label: &str) -> Result<Checked<Views>, Diagnostic> {
    let mut views: Views = ron::Options::default()
        .from_str(text)
        .map_err(|e| sidecar::ron_error(label, &e))?;
    let usable = |v: f32| v.is_finite() && v.abs() <= sidecar::MAX_COORD;
    let positive = |v: f32| usable(v) && v > 0.0;
    let mut warnings = sidecar::Warnings::new(label);
    // Found only when needed: the k-th `zoom:` in the text is the k-th camera's.
    let mut places: Option<[Vec<(usize, usize)>; 3]> = None;
    let mut at = |which: usize, k: usize| {
        let p = places.get_or_insert_with(|| {
            ["center", "zoom", "viewport"].map(|name| sidecar::lex::fields(text, name))
        });
        p[which].get(k).copied()
    };
    let mut k = 0;
    for view in &mut views.views {
        let Some(cam) = &mut view.camera else {
            continue;
        };
        let name = &view.name;
        let (x, y) = cam.center;
        if !(usable(x) && usable(y)) {
            warnings.push(
                at(0, k),
                format!("view {name:?}: camera centre ({x}, {y}) is not a usable number; the view fits its content instead"),
            );
            view.camera = None;
        } else if !positive(cam.zoom) {
            warnings.push(
                at(1, k),
                format!("view {name:?}: zoom {} is not a positive number; the view fits its content instead", cam.zoom),
            );
            view.camera = None;
        } else if let Some((w, h)) = cam.viewport
            && !(positive(w) && positive(h))
        {
            // `viewport: None` in the text would shift the count: point at the camera's zoom.
            warnings.push(
                at(1, k),
                format!("view {name:?}: viewport ({w}, {h}) is not a positive size; ignored"),
            );
            cam.viewport = None;
        }
        k += 1;
    }
    Ok(Checked {
        value: views,
        warnings: warnings.finish(),
    })
}

/// Read and check a views sidecar without touching it (hot reload, `render`). `Ok(None)` when
/// there is none; an error for a file that cannot be read or parsed.
pub fn read_views(path: &Path) -> Result<Option<Checked<Views>>, Diagnostic> {
    let label = path.display().to_string();
    match sidecar::read_sidecar(path, MAX_VIEWS_BYTES)? {
        Some(text) => parse_views_checked(&text, &label).map(Some),
        None => Ok(None),
    }
}

/// A missing sidecar is not an error (`Ok(None)`); an unreadable or broken one is. Unusable
/// camera numbers are dropped silently: `read_views` returns the warnings.
pub fn load_views(path: &Path) -> Result<Option<Views>, Diagnostic> {
    read_views(path).map(|c| c.map(|c| c.value))
}

/// Open the views sidecar of a document: like `read_views`, but a file that cannot be read is
/// moved aside (`NAME.views.ron.bad`, never replacing an earlier one) and described in
/// `broken`, so that the next save writes a fresh file without losing it.
pub fn open_views(path: &Path) -> SidecarOpen<Views> {
    sidecar::open_with(path, read_views)
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

/// Write atomically: a crash mid-save leaves the previous file intact. A file on disk that does
/// not read as views is kept aside first (`save_views_reporting` says so).
pub fn save_views(path: &Path, views: &Views) -> std::io::Result<()> {
    save_views_reporting(path, views).map(drop)
}

/// `save_views`, returning the message to show when a broken file was kept aside first.
pub fn save_views_reporting(path: &Path, views: &Views) -> std::io::Result<Option<String>> {
    let text = views_to_ron(views).map_err(std::io::Error::other)?;
    if text.len() as u64 > MAX_VIEWS_BYTES {
        return Err(std::io::Error::other(format!(
            "refused: the views would be {} MB, over the {} MB a views file may have",
            text.len() / 1_000_000,
            MAX_VIEWS_BYTES / 1_000_000
        )));
    }
    let kept = sidecar::keep_aside_if_unreadable(path, |p| read_views(p).map(drop))?;
    super::write_atomic(path, text.as_bytes())?;
    Ok(kept)
}
