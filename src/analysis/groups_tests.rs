//! Tests of `analysis::groups`: grouping and the projection, without egui.

use super::filter::{Filter, visible_subgraph};
use super::groups::*;
use crate::io::groups::{GroupBy, GroupState, HandGroup};
use crate::model::{Cite, Dataset, Edge, Kind, KnowledgeGraph, Names, Node, NodeIx, Relation};

fn node(id: &str, kind: Kind, district: Option<&str>) -> Node {
    Node {
        id: id.into(),
        kind,
        name: Names {
            zh: String::new(),
            en: id.into(),
        },
        aliases: vec![],
        attrs: district
            .map(|d| [("district".to_string(), d.to_string())].into())
            .unwrap_or_default(),
        cites: vec![Cite::new("s", "q")],
    }
}

fn edge(from: &str, rel: &str, to: &str) -> Edge {
    Edge {
        from: from.into(),
        to: to.into(),
        rel: Relation::new(rel),
        year: None,
        inferred: false,
        attrs: Default::default(),
        cites: vec![Cite::new("s", "q")],
    }
}

/// A city with two districts; labs and platforms in them; a plan with two actions.
fn graph() -> KnowledgeGraph {
    let nodes = vec![
        node("city", Kind::AREA, None),
        node("nanshan", Kind::AREA, None),
        node("futian", Kind::AREA, None),
        node("lab-a", Kind::LAB, Some("nanshan")),
        node("lab-b", Kind::LAB, Some("nanshan")),
        node("lab-c", Kind::LAB, Some("futian")),
        node("hub", Kind::PLATFORM, Some("futian")),
        node("plan", Kind::PLAN, None),
        node("act-1", Kind::ACTION, None),
        node("act-2", Kind::ACTION, None),
    ];
    let edges = vec![
        edge("nanshan", "PartOf", "city"),
        edge("futian", "PartOf", "city"),
        edge("lab-a", "LocatedIn", "nanshan"),
        edge("lab-b", "LocatedIn", "nanshan"),
        edge("lab-c", "LocatedIn", "futian"),
        edge("hub", "LocatedIn", "futian"),
        edge("hub", "Hosts", "lab-a"),
        edge("hub", "Hosts", "lab-b"),
        edge("plan", "Supports", "lab-a"),
        edge("plan", "Supports", "hub"),
        edge("act-1", "PartOf", "plan"),
        edge("act-2", "PartOf", "plan"),
        edge("act-1", "Supports", "lab-c"),
    ];
    KnowledgeGraph::build(Dataset {
        nodes,
        edges,
        ..Default::default()
    })
}

fn ix(kg: &KnowledgeGraph, id: &str) -> NodeIx {
    kg.node_ix(id).unwrap()
}

fn state(by: GroupBy) -> GroupState {
    GroupState {
        by: Some(by),
        ..Default::default()
    }
}

fn all_collapsed(g: &Grouping) -> Vec<bool> {
    vec![true; g.groups.len()]
}

#[test]
fn collapsing_by_kind_leaves_one_node_per_kind_and_counts_every_member_edge() {
    let kg = graph();
    let vis = visible_subgraph(&kg, &Filter::default());
    let g = build(&kg, &vis, &state(GroupBy::Kind), 1);
    // area ×3, lab ×3, action ×2 form groups; the platform and the plan are alone.
    assert_eq!(g.groups.len(), 3);
    let p = project(&kg, &vis, &g, &all_collapsed(&g));
    assert_eq!(p.visible.node_count, 3 + 2);
    assert_eq!(p.metas.iter().map(|m| m.count).sum::<usize>(), 8);
    // Every visible edge is either shown, aggregated, or inside one group.
    let inside = kg
        .edge_indices()
        .filter(|e| {
            let (a, b) = kg.graph.edge_endpoints(*e).unwrap();
            p.shown(a) == p.shown(b)
        })
        .count();
    let aggregated: usize = p.edges.iter().map(|e| e.edges.len()).sum();
    assert_eq!(p.visible.edge_count + aggregated + inside, kg.edge_count());
    assert_eq!(p.visible.edge_count, 1, "plan supports hub: both alone");
    // The labs' group and the hub: hub hosts lab-a, lab-b; lab-c located_in → area group.
    let labs = p.shown(ix(&kg, "lab-a")).unwrap();
    let hub = ix(&kg, "hub");
    let e = p
        .edges
        .iter()
        .find(|e| (e.a, e.b) == (labs.min(hub), labs.max(hub)))
        .unwrap();
    assert_eq!(e.edges.len(), 2);
    assert_eq!(relations_of(&kg, e), vec![(Relation::new("Hosts"), 2)]);
    assert_eq!(p.meta(labs).unwrap().dominant, Kind::LAB);
}

#[test]
fn expanded_groups_show_the_graph_unchanged() {
    let kg = graph();
    let vis = visible_subgraph(&kg, &Filter::default());
    let g = build(&kg, &vis, &state(GroupBy::Kind), 1);
    let p = project(&kg, &vis, &g, &vec![false; g.groups.len()]);
    assert!(!p.is_active());
    assert_eq!(p.visible.nodes, vis.nodes);
    assert_eq!(p.visible.edges, vis.edges);
    assert!(p.edges.is_empty());
}

#[test]
fn attribute_groups_leave_nodes_without_the_attribute_alone() {
    let kg = graph();
    let vis = visible_subgraph(&kg, &Filter::default());
    let g = build(&kg, &vis, &state(GroupBy::Attribute("district".into())), 1);
    let keys: Vec<&str> = g.groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["attr:district=nanshan", "attr:district=futian"]);
    assert_eq!(g.group_of(ix(&kg, "plan")), None);
}

#[test]
fn containment_nests_and_the_outermost_collapsed_group_wins() {
    let kg = graph();
    let vis = visible_subgraph(&kg, &Filter::default());
    let g = build(
        &kg,
        &vis,
        &state(GroupBy::Containment("LocatedIn".into())),
        1,
    );
    let keys: Vec<&str> = g.groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["in:nanshan", "in:futian"]);
    let g = build(&kg, &vis, &state(GroupBy::Containment("PartOf".into())), 1);
    let city = g.index_of("in:city").unwrap();
    let plan = g.index_of("in:plan").unwrap();
    assert_eq!(g.groups[city].members.len(), 3);
    assert_eq!(g.groups[plan].container, Some(ix(&kg, "plan")));
    let mut collapsed = vec![false; g.groups.len()];
    collapsed[plan] = true;
    let p = project(&kg, &vis, &g, &collapsed);
    // The plan represents its group; the actions are folded into it.
    assert_eq!(p.shown(ix(&kg, "act-1")), Some(ix(&kg, "plan")));
    assert_eq!(p.meta(ix(&kg, "plan")).unwrap().count, 3);
    assert_eq!(p.visible.node_count, kg.node_count() - 2);
    // act-1 supports lab-c: now an aggregated edge from the plan.
    let e = (p.edges.iter())
        .find(|e| e.b == ix(&kg, "lab-c") || e.a == ix(&kg, "lab-c"))
        .unwrap();
    assert_eq!(e.edges.len(), 1);
}

#[test]
fn containment_groups_nest_along_the_chain() {
    // futian is part of the city and holds the hub: with located_in and part_of both being
    // containment, only one relation is used; nesting comes from chains of that relation.
    let mut kg = graph();
    let mut data = kg.data.clone();
    data.edges.push(edge("lab-c", "PartOf", "futian"));
    kg = KnowledgeGraph::build(data);
    let vis = visible_subgraph(&kg, &Filter::default());
    let g = build(&kg, &vis, &state(GroupBy::Containment("PartOf".into())), 1);
    let city = g.index_of("in:city").unwrap();
    let futian = g.index_of("in:futian").unwrap();
    assert_eq!(g.groups[futian].parent, Some(city));
    assert!(g.groups[city].members.contains(&ix(&kg, "lab-c")));
    let mut collapsed = vec![false; g.groups.len()];
    collapsed[futian] = true;
    let p = project(&kg, &vis, &g, &collapsed);
    assert_eq!(p.shown(ix(&kg, "lab-c")), Some(ix(&kg, "futian")));
    collapsed[city] = true;
    let p = project(&kg, &vis, &g, &collapsed);
    assert_eq!(p.shown(ix(&kg, "lab-c")), Some(ix(&kg, "city")));
    assert_eq!(p.meta(ix(&kg, "city")).unwrap().count, 4);
}

#[test]
fn a_containment_cycle_is_cut() {
    let mut data = graph().data.clone();
    data.edges.push(edge("city", "PartOf", "nanshan"));
    let kg = KnowledgeGraph::build(data);
    let vis = visible_subgraph(&kg, &Filter::default());
    let g = build(&kg, &vis, &state(GroupBy::Containment("PartOf".into())), 1);
    for gi in 0..g.groups.len() {
        assert!(g.ancestors(gi).count() < 10);
    }
    let p = project(&kg, &vis, &g, &all_collapsed(&g));
    assert!(p.visible.node_count < kg.node_count());
}

#[test]
fn hand_groups_nest_inside_a_shared_automatic_group() {
    let kg = graph();
    let vis = visible_subgraph(&kg, &Filter::default());
    let mut s = state(GroupBy::Kind);
    s.hand.push(HandGroup {
        name: "nanshan labs".into(),
        members: vec!["lab-a".into(), "lab-b".into(), "missing".into()],
    });
    s.hand.push(HandGroup {
        name: "mixed".into(),
        members: vec!["plan".into(), "hub".into()],
    });
    let g = build(&kg, &vis, &s, 1);
    let labs = g.index_of("kind:Lab").unwrap();
    let hand = g.index_of("hand:nanshan labs").unwrap();
    assert_eq!(g.groups[hand].parent, Some(labs));
    assert_eq!(g.group_of(ix(&kg, "lab-a")), Some(hand));
    assert_eq!(g.groups[g.index_of("hand:mixed").unwrap()].parent, None);
    let mut collapsed = vec![false; g.groups.len()];
    collapsed[hand] = true;
    let p = project(&kg, &vis, &g, &collapsed);
    assert_eq!(p.shown(ix(&kg, "lab-b")), Some(ix(&kg, "lab-a")));
    assert_eq!(p.shown(ix(&kg, "lab-c")), Some(ix(&kg, "lab-c")));
}

#[test]
fn hidden_nodes_stay_out_of_groups_and_the_projection() {
    let kg = graph();
    let mut f = Filter::default();
    f.hidden_kinds.insert(Kind::LAB);
    let vis = visible_subgraph(&kg, &f);
    let g = build(&kg, &vis, &state(GroupBy::Kind), 1);
    assert!(g.index_of("kind:Lab").is_none());
    let p = project(&kg, &vis, &g, &all_collapsed(&g));
    assert_eq!(p.shown(ix(&kg, "lab-a")), None);
    assert!(p.edges.iter().all(|e| e.edges.iter().all(|x| vis.edge(*x))));
}

#[test]
fn community_groups_cover_the_connected_graph() {
    let kg = graph();
    let vis = visible_subgraph(&kg, &Filter::default());
    let g = build(&kg, &vis, &state(GroupBy::Community), 7);
    assert!(!g.is_empty());
    let grouped: usize = g.groups.iter().map(|g| g.members.len()).sum();
    assert!(grouped >= kg.node_count() - 2, "{grouped}");
    assert!(g.groups.iter().all(|x| x.key.starts_with("community:")));
}

#[test]
fn hubs_gather_what_they_point_at() {
    let kg = graph();
    let vis = visible_subgraph(&kg, &Filter::default());
    let g = build(&kg, &vis, &state(GroupBy::Around("Hosts".into())), 1);
    let keys: Vec<&str> = g.groups.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["around:hub"]);
    assert_eq!(g.groups[0].members.len(), 3);
    let p = project(&kg, &vis, &g, &all_collapsed(&g));
    assert_eq!(p.shown(ix(&kg, "lab-b")), Some(ix(&kg, "hub")));
}
