//! What an export draws: the graph, what is visible and emphasised, camera, language, theme and
//! the image frame (caption band on top, legend and sources at the bottom). The graph itself is
//! drawn from the same scene as the canvas (`view::scene`).

use super::AppliedView;
use crate::analysis::Visible;
use crate::io::views::{Annotation, Appearance};
use crate::layout::Positions;
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use crate::view::LabelLang;
use crate::view::overlay::Overlay;
pub use crate::view::theme::Theme;
use std::collections::BTreeSet;

/// Margin around the nodes a fitted camera frames, in points: room for the labels of the
/// outermost nodes.
pub const FIT_MARGIN: f32 = 60.0;

/// The bundled font's family name, first in every `font-family` the SVG writes, followed by
/// common CJK fallbacks for viewers that open the SVG without the embedded font.
pub const FONT_FAMILY: &str = "Noto Sans CJK SC";

/// Everything `scene_to_svg` needs; borrowed, so building one is cheap.
pub struct Scene<'a> {
    pub kg: &'a KnowledgeGraph,
    pub positions: &'a Positions,
    pub visible: &'a Visible,
    pub highlight_nodes: &'a BTreeSet<NodeIx>,
    pub highlight_edges: &'a BTreeSet<EdgeIx>,
    /// Labelled first and never dimmed (ego centres).
    pub focus_nodes: &'a BTreeSet<NodeIx>,
    /// Fade whatever is not highlighted.
    pub dim_others: bool,
    /// `(center, zoom, viewport it was taken in)`; `None` fits `fit_nodes` (or all visible).
    pub camera: Option<([f32; 2], f32, Option<[f32; 2]>)>,
    pub fit_nodes: Option<&'a [bool]>,
    pub lang: LabelLang,
    pub theme: Theme,
    /// Heading of the caption band (a view's name); empty for none.
    pub title: String,
    /// Caption lines under the heading (already in the chosen language(s)).
    pub caption: Vec<String>,
    /// List the sources cited by what is visible in a footer.
    pub footer: bool,
    /// The screen's metric sizes and colours (`Overlay::scale`/`fill`); highlights, focus and
    /// dimming come from the fields above.
    pub overlay: Option<&'a Overlay>,
    /// A legend band of the kinds shown, above the sources.
    pub legend: bool,
    /// Embed the whole bundled font as an `@font-face` data URI (≈4.7 MB) so that any SVG
    /// viewer shows the Chinese labels; without it the font is referenced by name.
    pub embed_font: bool,
    pub width: u32,
    pub height: u32,
    // Presenting (issue #15).
    /// Colour, shape and size by attribute; `None`: the style table's default.
    pub appearance: Option<&'a Appearance>,
    /// Drawn over the graph, in the label language.
    pub annotations: &'a [Annotation],
}

impl<'a> Scene<'a> {
    /// The camera of a graph area of `w`×`h` points (see [`view_camera`]).
    pub fn camera_for(&self, w: f32, h: f32) -> ([f32; 2], f32) {
        let mask = match self.fit_nodes {
            Some(m) if m.iter().any(|b| *b) => m,
            _ => &self.visible.nodes,
        };
        let fit = |i: usize| mask.get(i).copied().unwrap_or(false);
        view_camera(self.camera, self.positions, fit, w, h).unwrap_or(([0.0, 0.0], 1.0))
    }

    /// The overlay the scene is drawn with: the screen's metric styling, if given, with this
    /// scene's highlights, focus nodes and dimming.
    pub fn drawn_overlay(&self) -> Overlay {
        let base = self.overlay.cloned().unwrap_or_default();
        Overlay {
            highlight_nodes: self.highlight_nodes.iter().copied().collect(),
            highlight_edges: self.highlight_edges.iter().copied().collect(),
            focus_nodes: self.focus_nodes.iter().copied().collect(),
            dim_others: self.dim_others,
            ..base
        }
    }

    /// A scene of an applied view with the default frame: caption from `title`/`caption`,
    /// footer on, light theme, fonts referenced by name.
    #[allow(clippy::too_many_arguments)]
    pub fn from_view(
        kg: &'a KnowledgeGraph,
        positions: &'a Positions,
        applied: &'a AppliedView,
        lang: LabelLang,
        title: String,
        caption: Vec<String>,
        width: u32,
        height: u32,
    ) -> Self {
        Scene {
            kg,
            positions,
            visible: &applied.visible,
            highlight_nodes: &applied.highlight_nodes,
            highlight_edges: &applied.highlight_edges,
            focus_nodes: &applied.focus_nodes,
            dim_others: applied.dims_others(),
            camera: applied.camera,
            fit_nodes: Some(&applied.fit_nodes),
            lang: applied.lang.unwrap_or(lang),
            theme: Theme::Light,
            title,
            caption,
            footer: true,
            overlay: None,
            legend: true,
            embed_font: false,
            width,
            height,
            appearance: applied.appearance.as_ref(),
            annotations: &applied.annotations,
        }
    }
}

/// The camera `(center, zoom)` of a picture of `w`×`h` points: a saved camera `(center, zoom,
/// viewport it was taken in)` keeps the world area it showed, else the camera fits the nodes
/// `fit` selects. The app and the export both frame views with this.
pub fn view_camera(
    saved: Option<([f32; 2], f32, Option<[f32; 2]>)>,
    positions: &Positions,
    fit: impl Fn(usize) -> bool,
    w: f32,
    h: f32,
) -> Option<([f32; 2], f32)> {
    match saved {
        Some((c, z, viewport)) => {
            let k = match viewport {
                Some([vw, vh]) if vw > 0.0 && vh > 0.0 => (w / vw).min(h / vh),
                _ => 1.0,
            };
            Some((c, z * k))
        }
        None => fit_camera(
            positions,
            |i| i < positions.len() && fit(i),
            w,
            h,
            FIT_MARGIN,
        ),
    }
}

impl AppliedView {
    /// [`view_camera`] of this view for a `w`×`h` canvas (what the app calls on activation).
    pub fn camera_in(&self, positions: &Positions, w: f32, h: f32) -> Option<([f32; 2], f32)> {
        let fit = |i: usize| self.fit_nodes.get(i).copied().unwrap_or(false);
        view_camera(self.camera, positions, fit, w, h)
    }
}

/// Camera `(center, zoom)` that shows the nodes selected by `include` inside a `w`×`h` area with
/// `margin` pixels on each side. `None` when no node is selected.
pub fn fit_camera(
    positions: &Positions,
    include: impl Fn(usize) -> bool,
    w: f32,
    h: f32,
    margin: f32,
) -> Option<([f32; 2], f32)> {
    let (lo, hi) = positions.bounds(include)?;
    let span_x = (hi[0] - lo[0]).max(1.0);
    let span_y = (hi[1] - lo[1]).max(1.0);
    let zoom = ((w - 2.0 * margin).max(10.0) / span_x)
        .min((h - 2.0 * margin).max(10.0) / span_y)
        // A lone node or a tight pair should not fill the screen.
        .min(4.0);
    Some(([(lo[0] + hi[0]) * 0.5, (lo[1] + hi[1]) * 0.5], zoom))
}
