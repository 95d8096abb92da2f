//! What an export draws: the graph, what is visible and emphasised, camera, language, theme and
//! the image frame (caption band on top, sources footer at the bottom).

use super::AppliedView;
use crate::analysis::Visible;
use crate::layout::Positions;
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use crate::view::LabelLang;
use std::collections::BTreeSet;

/// The bundled font's family name, first in every `font-family` the SVG writes, followed by
/// common CJK fallbacks for viewers that open the SVG without the embedded font.
pub const FONT_FAMILY: &str = "Noto Sans CJK SC";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Light background, high contrast, thicker strokes and larger labels for a room.
    Projector,
}

/// Colours and sizes of a theme (sizes in pixels at 1600×900; scaled with the image).
pub(super) struct Palette {
    pub background: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub edge: &'static str,
    pub edge_width: f32,
    pub halo: &'static str,
    pub outline: &'static str,
    pub accent: &'static str,
    pub label_size: f32,
    pub band: &'static str,
}

impl Theme {
    pub(super) fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: "#fafafa",
                text: "#141414",
                muted: "#555555",
                edge: "#9a9a9a",
                edge_width: 1.0,
                halo: "#fafafa",
                outline: "#ffffff",
                accent: "#2b8cff",
                label_size: 13.0,
                band: "#f0f0f0",
            },
            Theme::Dark => Palette {
                background: "#181818",
                text: "#ebebeb",
                muted: "#b0b0b0",
                edge: "#6e6e6e",
                edge_width: 1.0,
                halo: "#181818",
                outline: "#141414",
                accent: "#5aa9ff",
                label_size: 13.0,
                band: "#222222",
            },
            Theme::Projector => Palette {
                background: "#ffffff",
                text: "#000000",
                muted: "#303030",
                edge: "#7a7a7a",
                edge_width: 1.6,
                halo: "#ffffff",
                outline: "#ffffff",
                accent: "#0057d9",
                label_size: 17.0,
                band: "#eef2f7",
            },
        }
    }
}

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
    /// Embed the whole bundled font as an `@font-face` data URI (≈4.7 MB) so that any SVG
    /// viewer shows the Chinese labels; without it the font is referenced by name.
    pub embed_font: bool,
    pub width: u32,
    pub height: u32,
}

impl<'a> Scene<'a> {
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
            embed_font: false,
            width,
            height,
        }
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
