use super::*;
use crate::analysis::{Filter, visible_subgraph};
use crate::io::{EMBEDDED_SHENZHEN, parse_dataset};
use crate::model::colour_vision::{MIN_DISTINCT, closest_pair};
use crate::model::{Dataset, Kind, Names, Node};

/// An imported-looking graph: every node of kind "Unknown", `type` and `score` attributes.
fn imported(types: &[&str], scores: bool) -> KnowledgeGraph {
    let nodes = types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut attrs = std::collections::BTreeMap::new();
            attrs.insert("type".to_string(), t.to_string());
            if scores {
                attrs.insert("score".to_string(), format!("{}", i * 3));
            }
            Node {
                id: format!("n{i}"),
                kind: Kind::new("Unknown"),
                name: Names {
                    zh: String::new(),
                    en: format!("n{i}"),
                },
                aliases: vec![],
                attrs,
                cites: vec![],
            }
        })
        .collect();
    KnowledgeGraph::build(Dataset {
        nodes,
        ..Dataset::default()
    })
}

fn all_visible(kg: &KnowledgeGraph) -> Visible {
    visible_subgraph(kg, &Filter::default())
}

#[test]
fn an_imported_graph_is_coloured_by_its_type_attribute_not_grey() {
    let kg = imported(&["person", "org", "org", "place", "person", "org"], false);
    let a = default_for(&kg).expect("a default appearance");
    assert_eq!(a.node_color, Some(StyleBy::Attr("type".into())));
    let st = resolve(&kg, &all_visible(&kg), &a, LabelLang::English);
    let Some(LegendPart::Categories { items, .. }) = st.legend.first() else {
        panic!("no categories: {:?}", st.legend);
    };
    // By frequency: org (3), person (2), place (1).
    let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
    assert_eq!(labels, ["org", "person", "place"]);
    let fill = |i: usize| st.node_fill[i];
    assert_eq!(fill(1), fill(2));
    assert_ne!(fill(0), fill(1));
    assert_ne!(fill(0), fill(3));
    assert!(st.node_fill.iter().all(|c| *c != OTHER));
    // Redundant shapes, as the legend says.
    assert_eq!(Some(st.node_shape[0]), items[1].shape);
    assert_eq!(Some(st.node_shape[1]), items[0].shape);
}

#[test]
fn the_shipped_graph_keeps_its_kinds() {
    let kg = KnowledgeGraph::build(parse_dataset(EMBEDDED_SHENZHEN, "embedded").unwrap());
    assert_eq!(default_for(&kg), None);
    assert_eq!(effective(&kg, None), None);
}

#[test]
fn categories_stay_apart_for_colour_blind_readers_and_in_greyscale() {
    let names: Vec<String> = (0..14).map(|i| format!("c{i:02}")).collect();
    // Category i has 20 - i members, so the order is known.
    let types: Vec<&str> = names
        .iter()
        .enumerate()
        .flat_map(|(i, n)| std::iter::repeat_n(n.as_str(), 20 - i))
        .collect();
    let kg = imported(&types, false);
    let a = default_for(&kg).unwrap();
    let st = resolve(&kg, &all_visible(&kg), &a, LabelLang::English);
    let Some(LegendPart::Categories { items, .. }) = st.legend.first() else {
        panic!("no categories");
    };
    assert_eq!(items.len(), MAX_CATEGORIES, "nine categories and `other`");
    assert_eq!(items.last().unwrap().label, "other (5)");
    let colours: Vec<[u8; 3]> = items[..MAX_CATEGORIES - 1]
        .iter()
        .map(|i| {
            let c = i.color.unwrap();
            [c.r(), c.g(), c.b()]
        })
        .collect();
    let (a, b, d, vision) = closest_pair(&colours).unwrap();
    assert!(
        d >= MIN_DISTINCT,
        "{a} and {b} only {d:.1} apart for {vision:?}"
    );
    // Greyscale keeps only lightness: the shapes tell every category apart.
    let shapes: std::collections::HashSet<Shape> = items.iter().map(|i| i.shape.unwrap()).collect();
    assert_eq!(shapes.len(), items.len());
}

#[test]
fn numbers_become_a_ramp_and_sizes() {
    let types: Vec<&str> = vec!["a"; 12];
    let kg = imported(&types, true);
    let a = Appearance {
        node_color: Some(StyleBy::Attr("score".into())),
        node_size: Some(StyleBy::Attr("score".into())),
        ..Appearance::default()
    };
    let st = resolve(&kg, &all_visible(&kg), &a, LabelLang::English);
    assert!(matches!(&st.legend[0], LegendPart::Ramp { lo, hi, .. } if lo == "0" && hi == "33"));
    assert!(matches!(&st.legend[1], LegendPart::Sizes { .. }));
    assert_eq!(st.node_fill[0], ramp(0.0));
    assert_eq!(st.node_fill[11], ramp(1.0));
    assert!(st.node_radius.windows(2).all(|w| w[0] < w[1]));
    // A ramp's lightness rises with the value: readable in greyscale.
    let light = |c: Color32| 0.3 * c.r() as f32 + 0.59 * c.g() as f32 + 0.11 * c.b() as f32;
    assert!(light(st.node_fill[0]) < light(st.node_fill[6]));
    assert!(light(st.node_fill[6]) < light(st.node_fill[11]));
}

#[test]
fn edges_by_relation_and_width_by_metric() {
    let kg = KnowledgeGraph::build(parse_dataset(EMBEDDED_SHENZHEN, "embedded").unwrap());
    let vis = all_visible(&kg);
    let a = Appearance {
        edge_color: Some(StyleBy::Relation),
        edge_width: Some(StyleBy::Metric("degree".into())),
        ..Appearance::default()
    };
    let st = resolve(&kg, &vis, &a, LabelLang::English);
    let e = kg.graph.edge_indices().next().unwrap();
    let same_rel = kg
        .graph
        .edge_indices()
        .find(|f| *f != e && kg.edge(*f).rel == kg.edge(e).rel)
        .unwrap();
    assert_eq!(st.edge_color[e.index()], st.edge_color[same_rel.index()]);
    assert!(st.edge_color[e.index()].is_some());
    assert!(st.edge_width.iter().all(|w| (0.6..=4.6).contains(w)));
    assert!(matches!(
        &st.legend[0],
        LegendPart::Categories { edges: true, .. }
    ));
}
