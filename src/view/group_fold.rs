//! A grouping folded into a picture without the app: the shown graph, meta-nodes at their
//! members' centroid, and the overlay entries that draw them. The app's canvas and the CLI's
//! `render` (exported views, the tour) both draw meta-nodes through [`meta_overlay`].

use super::overlay::Overlay;
use crate::analysis::Visible;
use crate::analysis::groups::{self, GroupTitle, Grouping, Projection};
use crate::io::groups::GroupState;
use crate::layout::Positions;
use crate::model::{KnowledgeGraph, NodeIx};
use std::collections::HashSet;
use std::sync::Arc;

/// Which groups of `grouping` `state` names as collapsed.
pub fn collapsed_mask(grouping: &Grouping, state: &GroupState) -> Vec<bool> {
    let keys: HashSet<&str> = state.collapsed.iter().map(String::as_str).collect();
    (grouping.groups.iter())
        .map(|g| keys.contains(g.key.as_str()))
        .collect()
}

/// `base` with the meta-nodes of `p` sized by their member count, coloured by their dominant
/// kind and ringed, and highlighted members standing in for the group they are folded into.
pub fn meta_overlay(
    kg: &KnowledgeGraph,
    grouping: &Grouping,
    p: &Projection,
    mut o: Overlay,
) -> Overlay {
    if !p.is_active() {
        return o;
    }
    let n = kg.node_bound();
    if o.scale.len() < n {
        o.scale.resize(n, 1.0);
    }
    if o.fill.len() < n {
        o.fill.resize(n, None);
    }
    for m in &p.metas {
        o.scale[m.rep.index()] = super::groups::meta_scale(m.count);
        o.fill[m.rep.index()] = Some(super::kind_color(kg.vocab(), &m.dominant));
    }
    o.highlight_nodes = (o.highlight_nodes.iter())
        .filter_map(|x| p.shown(*x))
        .collect::<HashSet<NodeIx>>();
    let titles: Vec<GroupTitle> = (grouping.groups.iter()).map(|g| g.title.clone()).collect();
    o.groups = Some(Arc::new(super::groups::GroupScene::new(kg, p, &titles)));
    o
}

/// A view's grouping applied to a still picture.
pub struct Folded {
    /// What is drawn: plain nodes and the representatives of collapsed groups.
    pub visible: Visible,
    pub projection: Projection,
    /// Meta-nodes moved to their members' centroid; everything else as given.
    pub positions: Positions,
    pub overlay: Overlay,
}

/// Group what `visible` shows by `state` and fold what it collapses; `None` when nothing is
/// collapsed (the picture is the plain one).
pub fn fold(
    kg: &KnowledgeGraph,
    visible: &Visible,
    state: &GroupState,
    positions: &Positions,
    seed: u64,
) -> Option<Folded> {
    if state.is_empty() {
        return None;
    }
    let grouping = groups::build(kg, visible, state, seed);
    let mask = collapsed_mask(&grouping, state);
    let projection = groups::project(kg, visible, &grouping, &mask);
    if !projection.is_active() {
        return None;
    }
    let mut positions = positions.clone();
    let mut sums = vec![([0.0f64, 0.0f64], 0usize); kg.node_bound()];
    for (i, &s) in projection.shown_as.iter().enumerate() {
        let Some(xy) = positions.xy.get(i) else {
            continue;
        };
        if s != groups::NONE && projection.meta_of.get(s as usize) != Some(&groups::NONE) {
            let c = &mut sums[s as usize];
            c.0[0] += xy[0] as f64;
            c.0[1] += xy[1] as f64;
            c.1 += 1;
        }
    }
    for m in &projection.metas {
        let (sum, count) = sums[m.rep.index()];
        if let Some(xy) = positions.xy.get_mut(m.rep.index())
            && count > 0
        {
            *xy = [
                (sum[0] / count as f64) as f32,
                (sum[1] / count as f64) as f32,
            ];
        }
    }
    let overlay = meta_overlay(kg, &grouping, &projection, Overlay::default());
    Some(Folded {
        visible: projection.visible.clone(),
        projection,
        positions,
        overlay,
    })
}
