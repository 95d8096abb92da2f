//! Turning a saved `View` into what a renderer needs: visibility, highlights and a camera.
//! Pure: the same graph and view always give the same result.

use crate::analysis::{Filter, Visible, visible_subgraph};
use crate::io::views::{Annotation, Appearance, Arrange, Direction, View};
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use crate::view::LabelLang;
use petgraph::Direction as PgDir;
use std::collections::{BTreeSet, VecDeque};

/// A view resolved against one graph.
#[derive(Clone, Debug, Default)]
pub struct AppliedView {
    /// The view's kind/relation filter (the app can adopt it as its own filter).
    pub filter: Filter,
    /// After the filter and the ego focus.
    pub visible: Visible,
    /// Highlighted nodes and every node of a highlighted path.
    pub highlight_nodes: BTreeSet<NodeIx>,
    /// Edges joining consecutive nodes of a highlighted path.
    pub highlight_edges: BTreeSet<EdgeIx>,
    /// The ego centres (labelled first, never dimmed).
    pub focus_nodes: BTreeSet<NodeIx>,
    /// What a fitted camera should frame: the highlights when the whole graph is shown, else
    /// everything visible.
    pub fit_nodes: Vec<bool>,
    /// The saved camera `(center, zoom, viewport)`, when the view has one.
    pub camera: Option<([f32; 2], f32, Option<[f32; 2]>)>,
    pub lang: Option<LabelLang>,
    /// Ids the view names that the graph lacks (or path steps with no edge), for a warning.
    pub missing: Vec<String>,
    // Presenting (issue #15), copied from the view.
    pub appearance: Option<Appearance>,
    pub annotations: Vec<Annotation>,
    pub arrange: Option<Arrange>,
}

impl AppliedView {
    /// True when non-highlighted elements should be drawn faded.
    pub fn dims_others(&self) -> bool {
        !self.highlight_nodes.is_empty()
    }
}

/// Resolve `view` against `kg`.
pub fn apply_view(kg: &KnowledgeGraph, view: &View) -> AppliedView {
    let filter = Filter {
        hidden_kinds: view.hidden_kinds.iter().cloned().collect(),
        hidden_relations: view.hidden_relations.iter().cloned().collect(),
    };
    let mut visible = visible_subgraph(kg, &filter);
    let mut missing = Vec::new();
    let lookup = |id: &str, missing: &mut Vec<String>| {
        let ix = kg.node_ix(id);
        if ix.is_none() {
            missing.push(id.to_string());
        }
        ix
    };

    let mut focus_nodes = BTreeSet::new();
    if let Some(ego) = &view.ego {
        let centres: Vec<NodeIx> = ego
            .nodes
            .iter()
            .filter_map(|id| lookup(id, &mut missing))
            .collect();
        focus_nodes.extend(centres.iter().copied());
        let keep = ego_set(kg, &visible, &centres, ego.radius, ego.direction);
        restrict(kg, &mut visible, &keep);
    }

    let mut highlight_nodes: BTreeSet<NodeIx> = view
        .highlight
        .iter()
        .filter_map(|id| lookup(id, &mut missing))
        .collect();
    let mut highlight_edges = BTreeSet::new();
    for path in &view.paths {
        let steps: Vec<Option<NodeIx>> = path.iter().map(|id| lookup(id, &mut missing)).collect();
        highlight_nodes.extend(steps.iter().flatten().copied());
        for pair in steps.windows(2) {
            let (Some(a), Some(b)) = (pair[0], pair[1]) else {
                continue;
            };
            match kg
                .graph
                .find_edge(a, b)
                .or_else(|| kg.graph.find_edge(b, a))
            {
                Some(e) => {
                    highlight_edges.insert(e);
                }
                None => missing.push(format!("{} → {}", kg.node(a).id, kg.node(b).id)),
            }
        }
    }

    let fit_nodes = if view.ego.is_none() && !highlight_nodes.is_empty() {
        let mut m = vec![false; kg.node_bound()];
        for ix in highlight_nodes.iter().filter(|ix| visible.node(**ix)) {
            m[ix.index()] = true;
        }
        m
    } else {
        visible.nodes.clone()
    };

    AppliedView {
        filter,
        visible,
        highlight_nodes,
        highlight_edges,
        focus_nodes,
        fit_nodes,
        camera: view.camera.map(|c| {
            (
                [c.center.0, c.center.1],
                c.zoom,
                c.viewport.map(|(w, h)| [w, h]),
            )
        }),
        lang: view.lang,
        missing,
        appearance: view.appearance.clone(),
        annotations: view.annotations.clone(),
        arrange: view.arrange.clone(),
    }
}

/// Caption lines of a view in the chosen language(s), empty ones left out.
pub fn caption_lines(view: &View, lang: LabelLang) -> Vec<String> {
    let (zh, en) = (&view.caption.zh, &view.caption.en);
    let lines = match lang {
        LabelLang::Chinese => vec![zh],
        LabelLang::English => vec![en],
        LabelLang::Both => vec![zh, en],
    };
    lines
        .into_iter()
        .filter(|l| !l.is_empty())
        .cloned()
        .collect()
}

/// Nodes within `radius` hops of `centres` along visible edges in `direction`.
fn ego_set(
    kg: &KnowledgeGraph,
    visible: &Visible,
    centres: &[NodeIx],
    radius: u32,
    direction: Direction,
) -> Vec<bool> {
    let mut seen = vec![false; kg.node_bound()];
    let mut queue = VecDeque::new();
    for &c in centres.iter().filter(|c| visible.node(**c)) {
        if !seen[c.index()] {
            seen[c.index()] = true;
            queue.push_back((c, 0u32));
        }
    }
    let dirs: &[PgDir] = match direction {
        Direction::Out => &[PgDir::Outgoing],
        Direction::In => &[PgDir::Incoming],
        Direction::Both => &[PgDir::Outgoing, PgDir::Incoming],
    };
    while let Some((n, d)) = queue.pop_front() {
        if d >= radius {
            continue;
        }
        for &dir in dirs {
            for e in kg.graph.edges_directed(n, dir) {
                use petgraph::visit::EdgeRef;
                let other = if dir == PgDir::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                if visible.edge(e.id()) && !seen[other.index()] {
                    seen[other.index()] = true;
                    queue.push_back((other, d + 1));
                }
            }
        }
    }
    seen
}

/// Keep only the nodes in `keep` and the visible edges among them.
fn restrict(kg: &KnowledgeGraph, visible: &mut Visible, keep: &[bool]) {
    for (v, k) in visible.nodes.iter_mut().zip(keep) {
        *v &= *k;
    }
    for e in kg.graph.edge_indices() {
        if let (Some((a, b)), Some(v)) =
            (kg.graph.edge_endpoints(e), visible.edges.get_mut(e.index()))
        {
            *v &= visible.nodes[a.index()] && visible.nodes[b.index()];
        }
    }
    visible.node_count = visible.nodes.iter().filter(|v| **v).count();
    visible.edge_count = visible.edges.iter().filter(|v| **v).count();
}
