//! The canvas overlay of an analysis focus: sizes and colours from metrics, highlighted paths
//! and the nodes a saved view highlights.

use super::overlay::{Overlay, category, ramp};
use crate::analysis::focus::Focus;
use crate::analysis::paths::FoundPath;
use crate::model::{KnowledgeGraph, NodeIx};

/// Sizes and colours from metrics, and the selected path's nodes and edges.
pub fn compute_overlay(kg: &KnowledgeGraph, focus: &Focus) -> Overlay {
    let mut overlay = Overlay::default();
    let n = kg.node_bound();
    if let (Some(m), Some(gm)) = (focus.size_by, &focus.metrics) {
        overlay.scale = (0..n)
            .map(|i| {
                gm.normalised(NodeIx::new(i), m)
                    .map_or(1.0, |t| 0.6 + 2.4 * t.sqrt() as f32)
            })
            .collect();
    }
    if let (Some(m), Some(gm)) = (focus.color_by, &focus.metrics) {
        overlay.fill = (0..n)
            .map(|i| {
                let ix = NodeIx::new(i);
                if m.is_categorical() {
                    gm.communities.of(ix).map(category)
                } else {
                    gm.normalised(ix, m).map(|t| ramp(t as f32))
                }
            })
            .collect();
    }
    let chosen = focus.path_selected.and_then(|i| focus.paths.get(i));
    let shown: Vec<&FoundPath> = match chosen {
        Some(p) => vec![p],
        None => focus.paths.iter().collect(),
    };
    for p in shown {
        overlay.highlight_nodes.extend(p.nodes.iter().copied());
        overlay.highlight_edges.extend(p.edges());
    }
    overlay
        .highlight_nodes
        .extend(focus.view_highlight.0.iter().copied());
    overlay
        .highlight_edges
        .extend(focus.view_highlight.1.iter().copied());
    overlay.focus_nodes = focus.view_focus.iter().copied().collect();
    overlay.dim_others = focus.view_dims_others;
    overlay
}
