//! What the analyst asked for: timeline year, ego focus, extra filters, metrics mapping and
//! found paths. Turned into the visible subgraph here, and into the canvas overlay by
//! `view::focus_overlay`.

use super::ego::EgoDirection;
use super::metrics::{GraphMetrics, Metric, MetricOptions};
use super::paths::{FoundPath, PathDirection, PathQuery};
use super::{Visible, ego, masks, metrics, paths, timeline, visible_subgraph};
use crate::model::{KnowledgeGraph, NodeIx, Relation};
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq)]
pub struct EgoFocus {
    /// Node ids, so the focus survives edits and reloads.
    pub seeds: Vec<String>,
    pub radius: usize,
    pub direction: EgoDirection,
}

#[derive(Clone, Debug, Default)]
pub struct Focus {
    /// Show the graph as of this year (edges by date, nodes by first citation).
    pub year: Option<i32>,
    pub playing: bool,
    pub play_clock: f64,
    pub degree_min: usize,
    pub degree_max: Option<usize>,
    /// Only what this source document cites.
    pub source: Option<String>,
    /// Only search matches and their neighbours.
    pub search_as_filter: bool,
    pub ego: Option<EgoFocus>,
    pub size_by: Option<Metric>,
    pub color_by: Option<Metric>,
    pub metrics: Option<GraphMetrics>,
    pub metrics_stale: bool,
    pub sort: (Option<Metric>, bool),
    pub path_query: PathQuery,
    pub path_ends: Option<(NodeIx, NodeIx)>,
    pub paths: Vec<FoundPath>,
    pub path_selected: Option<usize>,
    pub path_message: String,
    pub path_relations: BTreeSet<Relation>,
    /// Nodes and edges a saved view highlights.
    pub view_highlight: (BTreeSet<NodeIx>, BTreeSet<crate::model::EdgeIx>),
    /// Ego centres of a saved view: emphasised like highlights.
    pub view_focus: BTreeSet<NodeIx>,
    /// A saved view with highlights fades everything else.
    pub view_dims_others: bool,
}

impl Focus {
    pub fn path_direction_label(d: PathDirection) -> &'static str {
        match d {
            PathDirection::Any => "either direction",
            PathDirection::Forward => "along arrows only",
        }
    }
}

/// Filters, timeline, degree range, source, search filter, then ego focus, in that order.
pub fn compute_visible(
    kg: &KnowledgeGraph,
    filter: &super::Filter,
    focus: &Focus,
    search_hits: &[NodeIx],
) -> Visible {
    let mut vis = visible_subgraph(kg, filter);
    if let Some(year) = focus.year {
        vis = timeline::as_of(kg, &vis, year);
    }
    if focus.degree_min > 0 || focus.degree_max.is_some() {
        vis = masks::degree_range(
            kg,
            &vis,
            focus.degree_min,
            focus.degree_max.unwrap_or(usize::MAX),
        );
    }
    if let Some(src) = &focus.source {
        vis = masks::from_source(kg, &vis, src);
    }
    if focus.search_as_filter && !search_hits.is_empty() {
        vis = masks::search_filter(kg, &vis, search_hits, true);
    }
    if let Some(e) = &focus.ego {
        let seeds: Vec<NodeIx> = e.seeds.iter().filter_map(|id| kg.node_ix(id)).collect();
        vis = ego::ego(kg, &vis, &seeds, e.radius, e.direction);
    }
    vis
}

pub fn compute_metrics(kg: &KnowledgeGraph, vis: &Visible) -> GraphMetrics {
    metrics::compute(kg, vis, &MetricOptions::default())
}

pub fn find_paths(kg: &KnowledgeGraph, vis: &Visible, focus: &mut Focus, from: NodeIx, to: NodeIx) {
    let mut query = focus.path_query.clone();
    query.relations = (!focus.path_relations.is_empty()).then(|| focus.path_relations.clone());
    focus.paths = paths::k_shortest_paths(kg, vis, from, to, &query);
    focus.path_ends = Some((from, to));
    focus.path_selected = None;
    focus.path_message = if focus.paths.is_empty() {
        "No path between them in the graph as shown (filters, timeline and focus apply).".into()
    } else {
        format!("{} path(s) found", focus.paths.len())
    };
}
