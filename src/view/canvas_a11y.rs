//! The canvas for screen readers (AccessKit, which egui builds its tree on): the canvas is a
//! tree whose active item is the keyboard-focused node, named in the interface language with
//! its kind and number of neighbours; asked to describe it, the node's relations and their
//! citations become its child items. Nothing here is drawn.

use super::keynav::KeyFocus;
use crate::i18n::{UiLang, t, t_args};
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx};
use egui::accesskit::Role;
use egui::{Pos2, Rect, UiBuilder};
use petgraph::Direction;
use std::collections::BTreeSet;

/// At most this many relations are read out; a hub's others are counted in a last item.
const MAX_RELATIONS: usize = 60;

/// The canvas's accessibility node, and its focused node's.
pub fn expose(
    ui: &mut egui::Ui,
    response: &egui::Response,
    keys: &KeyFocus,
    (kg, pinned, selected): (&KnowledgeGraph, &[bool], &BTreeSet<NodeIx>),
    at: Option<(Pos2, f32)>,
) {
    let ctx = ui.ctx().clone();
    let canvas = response.id;
    let focused = keys.node.filter(|_| keys.has_focus || keys.describe);
    let described = ctx.accesskit_node_builder(canvas, |n| {
        n.set_role(Role::Tree);
        n.set_label(t("a11y-canvas"));
        n.set_description(t("a11y-canvas-hint"));
    });
    let (Some(node), Some(_)) = (focused, described) else {
        return;
    };
    let zh = UiLang::current() == UiLang::Chinese;
    let bounds = at.map_or(Rect::NOTHING, |(p, r)| {
        Rect::from_center_size(p, egui::vec2(2.0 * r, 2.0 * r))
    });
    let item = ui.new_child(
        UiBuilder::new()
            .id_salt("a11y_focused_node")
            .max_rect(bounds)
            .accessibility_parent(canvas)
            .accessibility_role(Role::TreeItem)
            .accessibility_label(kg.node(node).display_name(zh).to_string()),
    );
    let item_id = item.unique_id();
    let pinned = pinned.get(node.index()).copied().unwrap_or(false);
    let description = node_description(kg, node, zh, pinned);
    let selected = selected.contains(&node);
    ctx.accesskit_node_builder(item_id, |n| {
        n.set_description(description);
        n.set_selected(selected);
        n.set_expanded(keys.describe);
        n.set_level(1);
    });
    ctx.accesskit_node_builder(canvas, |n| n.set_active_descendant(item_id.accesskit_id()));
    if !keys.describe {
        return;
    }
    let relations = relations(kg, node);
    let shown = relations.len().min(MAX_RELATIONS);
    for (i, (e, outgoing)) in relations.iter().take(MAX_RELATIONS).enumerate() {
        let (label, cites) = relation_text(kg, node, *e, *outgoing, zh);
        let child = ui.new_child(
            UiBuilder::new()
                .id_salt(("a11y_relation", i))
                .max_rect(bounds)
                .accessibility_parent(item_id)
                .accessibility_role(Role::TreeItem)
                .accessibility_label(label),
        );
        ctx.accesskit_node_builder(child.unique_id(), |n| {
            n.set_description(cites);
            n.set_level(2);
        });
    }
    if relations.len() > shown {
        let more = t_args(
            "a11y-more-relations",
            &[("count", (relations.len() - shown).into())],
        );
        ui.new_child(
            UiBuilder::new()
                .id_salt("a11y_relation_more")
                .max_rect(bounds)
                .accessibility_parent(item_id)
                .accessibility_role(Role::TreeItem)
                .accessibility_label(more),
        );
    }
}

/// "Platform, 2 neighbours" (and "pinned"): what follows a node's name.
pub fn node_description(kg: &KnowledgeGraph, node: NodeIx, zh: bool, pinned: bool) -> String {
    let kind = kg.vocab().kind_label(&kg.node(node).kind, zh).to_string();
    let mut neighbours: Vec<NodeIx> = kg
        .graph
        .neighbors_undirected(node)
        .filter(|n| *n != node)
        .collect();
    neighbours.sort();
    neighbours.dedup();
    let key = if pinned {
        "a11y-node-description-pinned"
    } else {
        "a11y-node-description"
    };
    t_args(
        key,
        &[("kind", kind.into()), ("count", neighbours.len().into())],
    )
}

/// The node's relations, outgoing first, each in the graph's order.
fn relations(kg: &KnowledgeGraph, node: NodeIx) -> Vec<(EdgeIx, bool)> {
    let out = kg.graph.edges_directed(node, Direction::Outgoing);
    let inc = kg.graph.edges_directed(node, Direction::Incoming);
    use petgraph::visit::EdgeRef;
    out.map(|e| (e.id(), true))
        .chain(inc.map(|e| (e.id(), false)))
        .collect()
}

/// A relation as a sentence ("Commission builds Guangming Science City") and its citations
/// ("“建设光明科学城” — Source, 2021-05-13").
pub fn relation_text(
    kg: &KnowledgeGraph,
    node: NodeIx,
    e: EdgeIx,
    outgoing: bool,
    zh: bool,
) -> (String, String) {
    let edge = kg.edge(e);
    let other = kg
        .graph
        .edge_endpoints(e)
        .map(|(a, b)| if outgoing { b } else { a })
        .unwrap_or(node);
    let (from, to) = if outgoing {
        (node, other)
    } else {
        (other, node)
    };
    let rel = kg.vocab().relation_label(&edge.rel, zh).to_string();
    let label = t_args(
        "a11y-relation",
        &[
            ("from", kg.node(from).display_name(zh).into()),
            ("rel", rel.into()),
            ("to", kg.node(to).display_name(zh).into()),
        ],
    );
    let cites: Vec<String> = edge
        .cites
        .iter()
        .map(|c| {
            let source = kg.data.sources.iter().find(|s| s.id == c.source);
            let title = source.map_or(c.source.as_str(), |s| {
                let (a, b) = if zh {
                    (&s.title.zh, &s.title.en)
                } else {
                    (&s.title.en, &s.title.zh)
                };
                if a.is_empty() { b } else { a }
            });
            let date = source.map_or("", |s| s.date.as_str());
            t_args(
                "a11y-cite",
                &[
                    ("quote", c.quote.as_str().into()),
                    ("source", title.into()),
                    ("date", date.into()),
                ],
            )
        })
        .collect();
    let cites = if cites.is_empty() {
        t("a11y-no-cites")
    } else {
        cites.join("; ")
    };
    (label, cites)
}
