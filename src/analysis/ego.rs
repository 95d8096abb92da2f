//! Ego focus: only the nodes within N hops of a selection, in the graph as currently filtered.

use super::Visible;
use super::filter::restrict;
use crate::model::{KnowledgeGraph, NodeIx};
use petgraph::Direction;
use petgraph::visit::EdgeRef;
use std::collections::VecDeque;

/// The largest radius the focus offers (the keyboard's + stops here).
pub const MAX_RADIUS: usize = 9;

/// Which edges a hop may follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EgoDirection {
    /// Along the arrows: what the selection points to.
    Out,
    /// Against the arrows: what points to the selection.
    In,
    #[default]
    Both,
}

/// Hops from the nearest seed over visible edges, per `NodeIx::index()`; `None` when farther
/// than `radius` (clamped to `MAX_RADIUS`) or hidden. Hidden seeds are ignored. O(n + m).
pub fn ego_distances(
    kg: &KnowledgeGraph,
    vis: &Visible,
    seeds: &[NodeIx],
    radius: usize,
    dir: EgoDirection,
) -> Vec<Option<usize>> {
    let radius = radius.min(MAX_RADIUS);
    let mut dist = vec![None; kg.node_bound()];
    let mut queue = VecDeque::new();
    for &s in seeds {
        if vis.node(s) && dist[s.index()].is_none() {
            dist[s.index()] = Some(0);
            queue.push_back(s);
        }
    }
    let ways: &[Direction] = match dir {
        EgoDirection::Out => &[Direction::Outgoing],
        EgoDirection::In => &[Direction::Incoming],
        EgoDirection::Both => &[Direction::Outgoing, Direction::Incoming],
    };
    while let Some(u) = queue.pop_front() {
        let d = dist[u.index()].unwrap_or(0);
        if d >= radius {
            continue;
        }
        for &way in ways {
            for e in kg.graph.edges_directed(u, way) {
                let v = if way == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if vis.edge(e.id()) && vis.node(v) && dist[v.index()].is_none() {
                    dist[v.index()] = Some(d + 1);
                    queue.push_back(v);
                }
            }
        }
    }
    dist
}

/// The view restricted to the ego network: nodes within `radius` hops of `seeds` and the
/// visible edges among them. With no visible seed, the view is unchanged (nothing to focus on).
pub fn ego(
    kg: &KnowledgeGraph,
    vis: &Visible,
    seeds: &[NodeIx],
    radius: usize,
    dir: EgoDirection,
) -> Visible {
    if !seeds.iter().any(|&s| vis.node(s)) {
        return vis.clone();
    }
    let dist = ego_distances(kg, vis, seeds, radius, dir);
    restrict(kg, vis, |ix| dist[ix.index()].is_some())
}
