//! Per-node styling layered over kind colours: metric-mapped size and colour, highlighted
//! paths, a saved view's emphasis. View state set by the app; empty by default. The canvas and
//! the export read the same overlay, so both emphasise and dim the same things.

use crate::model::{EdgeIx, NodeIx};
use egui::Color32;
use std::collections::HashSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    /// Radius multiplier per node index (empty: 1.0 for all).
    pub scale: Vec<f32>,
    /// Fill per node index replacing the kind colour (empty or `None`: kind colour).
    pub fill: Vec<Option<Color32>>,
    pub highlight_nodes: HashSet<NodeIx>,
    pub highlight_edges: HashSet<EdgeIx>,
    /// Labelled first and never dimmed (a view's ego centres).
    pub focus_nodes: HashSet<NodeIx>,
    /// Fade what is neither highlighted, a focus node nor selected (a view with highlights,
    /// see `AppliedView::dims_others`).
    pub dim_others: bool,
    /// Collapsed groups shown as meta-nodes, and their aggregated edges (`view::groups`).
    pub groups: Option<std::sync::Arc<super::group_scene::GroupScene>>,
}

impl Overlay {
    pub fn scale_of(&self, ix: NodeIx) -> f32 {
        self.scale.get(ix.index()).copied().unwrap_or(1.0)
    }

    pub fn fill_of(&self, ix: NodeIx) -> Option<Color32> {
        self.fill.get(ix.index()).copied().flatten()
    }
}

/// A perceptually ordered ramp (viridis endpoints and midpoint) for `t` in [0, 1].
pub fn ramp(t: f32) -> Color32 {
    let stops = [(0x44, 0x01, 0x54), (0x21, 0x91, 0x8c), (0xfd, 0xe7, 0x25)];
    let t = t.clamp(0.0, 1.0) * 2.0;
    let (a, b, u) = if t < 1.0 {
        (stops[0], stops[1], t)
    } else {
        (stops[1], stops[2], t - 1.0)
    };
    let mix = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * u).round() as u8;
    Color32::from_rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Distinct colours for communities (Tableau 10 + 2), cycling.
pub fn category(i: usize) -> Color32 {
    const P: [(u8, u8, u8); 12] = [
        (0x4e, 0x79, 0xa7),
        (0xf2, 0x8e, 0x2b),
        (0xe1, 0x57, 0x59),
        (0x76, 0xb7, 0xb2),
        (0x59, 0xa1, 0x4f),
        (0xed, 0xc9, 0x48),
        (0xb0, 0x7a, 0xa1),
        (0xff, 0x9d, 0xa7),
        (0x9c, 0x75, 0x5f),
        (0xba, 0xb0, 0xac),
        (0x17, 0xbe, 0xcf),
        (0x8c, 0x56, 0x4b),
    ];
    let (r, g, b) = P[i % P.len()];
    Color32::from_rgb(r, g, b)
}
