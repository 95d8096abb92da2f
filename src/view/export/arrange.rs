//! A view's own arrangement of the subgraph it shows (issue #15 part 5): radial rings around
//! its subject, rows by layer, or the force layout of just that subgraph, stretched to the
//! picture's proportions so that the fitted camera fills the frame instead of cropping a
//! corner of the global layout. Nodes the view hides keep their positions.

use super::AppliedView;
use crate::io::views::Arrange;
use crate::layout::{ForceLayout, ForceParams, LayoutGraph, Positions, layered, radial};
use crate::model::{KnowledgeGraph, NodeIx};
use std::borrow::Cow;

/// Most force steps for a view's subgraph (it stops earlier once settled).
const FORCE_STEPS: usize = 1500;
/// Width in world units of an arranged subgraph: at least this, …
const MIN_WIDTH: f32 = 1100.0;
/// … or this times the square root of its node count.
const WIDTH_PER_NODE: f32 = 140.0;

impl AppliedView {
    /// The positions this view is drawn with in a picture of proportions `aspect` (width /
    /// height of the graph area): `base` itself, or `base` with the view's arrangement of its
    /// visible nodes. The app animates to these when the view is activated; `render` and the
    /// tour draw with them.
    pub fn positions<'p>(
        &self,
        kg: &KnowledgeGraph,
        base: &'p Positions,
        aspect: f32,
    ) -> Cow<'p, Positions> {
        match &self.arrange {
            Some(a) => Cow::Owned(arranged(kg, self, a, base, aspect)),
            None => Cow::Borrowed(base),
        }
    }
}

/// `base` with the visible nodes of `applied` arranged by `how` (see the module comment).
pub fn arranged(
    kg: &KnowledgeGraph,
    applied: &AppliedView,
    how: &Arrange,
    base: &Positions,
    aspect: f32,
) -> Positions {
    let n = kg.node_bound().max(base.len());
    let vis = &applied.visible;
    let active: Vec<bool> = (0..n).map(|i| vis.node(NodeIx::new(i))).collect();
    let edges = kg
        .graph
        .edge_indices()
        .filter(|e| vis.edge(*e))
        .filter_map(|e| {
            let (a, b) = kg.graph.edge_endpoints(e)?;
            Some((a.index() as u32, b.index() as u32))
        });
    let g = LayoutGraph::new(n, active.clone(), edges);
    let mut target = match how {
        Arrange::Radial(centre) => {
            let by_id = centre.as_deref().and_then(|id| kg.node_ix(id));
            let subject = by_id
                .or_else(|| applied.focus_nodes.iter().next().copied())
                .or_else(|| applied.highlight_nodes.iter().next().copied())
                .filter(|c| active.get(c.index()).copied().unwrap_or(false))
                .map(|c| c.index())
                .or_else(|| (0..n).filter(|&i| active[i]).max_by_key(|&i| g.degree[i]));
            match subject {
                Some(c) => radial(&g, c),
                None => return base.clone(),
            }
        }
        Arrange::Layered => {
            let layer: Vec<u32> = (0..n)
                .map(|i| {
                    let ix = NodeIx::new(i);
                    kg.graph
                        .node_weight(ix)
                        .map_or(0, |_| kg.vocab().layer(&kg.node(ix).kind))
                })
                .collect();
            layered(&g, &layer)
        }
        Arrange::Force => {
            let params = ForceParams::default();
            let mut pos = Positions::random(n, params.seed);
            let mut force = ForceLayout::new(params);
            for _ in 0..FORCE_STEPS {
                force.step(&mut pos, &g);
                if force.settled() {
                    break;
                }
            }
            pos
        }
    };
    fill_frame(&mut target, &active, aspect);
    // World size such that a fitted camera lands near zoom 1: nodes keep their usual size
    // (a small subgraph is not blown up to giant shapes), larger subgraphs spread wider.
    let count = active.iter().filter(|a| **a).count() as f32;
    let width = (WIDTH_PER_NODE * count.sqrt()).max(MIN_WIDTH);
    if let Some((lo, hi)) = target.bounds(|i| active.get(i).copied().unwrap_or(false))
        && hi[0] - lo[0] > 1.0
    {
        let k = width / (hi[0] - lo[0]);
        for (p, on) in target.xy.iter_mut().zip(&active) {
            if *on {
                *p = [p[0] * k, p[1] * k];
            }
        }
    }
    let mut out = base.clone();
    out.xy.resize(n, [0.0, 0.0]);
    out.pinned.resize(n, false);
    // Centred where the subgraph was, so the app's animation moves it in place.
    let centre = |p: &Positions| {
        p.bounds(|i| active.get(i).copied().unwrap_or(false))
            .map_or([0.0, 0.0], |(lo, hi)| {
                [(lo[0] + hi[0]) * 0.5, (lo[1] + hi[1]) * 0.5]
            })
    };
    let (from, to) = (centre(&target), centre(&out));
    for i in (0..n).filter(|&i| active[i]) {
        let p = target.xy[i];
        out.xy[i] = [p[0] - from[0] + to[0], p[1] - from[1] + to[1]];
    }
    out
}

/// Stretch the active nodes' extent to `aspect` (width / height) along its shorter side, so a
/// fitted camera fills the picture both ways: a ring becomes an ellipse with room for labels at
/// its sides, rows of a layered arrangement move apart.
fn fill_frame(pos: &mut Positions, active: &[bool], aspect: f32) {
    let Some((lo, hi)) = pos.bounds(|i| active.get(i).copied().unwrap_or(false)) else {
        return;
    };
    let (w, h) = (hi[0] - lo[0], hi[1] - lo[1]);
    if !(aspect.is_finite() && aspect > 0.0) || w <= 1.0 || h <= 1.0 {
        return;
    }
    let (sx, sy) = if w / h < aspect {
        (aspect * h / w, 1.0)
    } else {
        (1.0, w / (h * aspect))
    };
    for (p, on) in pos.xy.iter_mut().zip(active) {
        if *on {
            *p = [p[0] * sx, p[1] * sy];
        }
    }
}
