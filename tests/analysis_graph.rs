//! Paths, ego focus, timeline, series and view masks on the shipped Shenzhen graph.

mod common;

use innovation_atlas::analysis::ego::{self, EgoDirection, MAX_RADIUS};
use innovation_atlas::analysis::paths::{self, PathDirection, PathQuery};
use innovation_atlas::analysis::{Filter, Visible, masks, timeline, visible_subgraph};
use innovation_atlas::model::{Kind, KnowledgeGraph, NodeIx, Relation};
use std::collections::BTreeSet;

use common::shipped_kg as kg;

fn all(kg: &KnowledgeGraph) -> Visible {
    visible_subgraph(kg, &Filter::default())
}

fn ix(kg: &KnowledgeGraph, id: &str) -> NodeIx {
    kg.node_ix(id).unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn every_hop_of_every_path_is_cited_and_connects_its_nodes() {
    let kg = kg();
    let vis = all(&kg);
    let pairs = [
        ("zhang-lin", "guangming-science-city"),
        ("sz-stic", "fut-brain-science"),
        ("sz-sti-bureau", "lab-proof-of-concept-centres"),
    ];
    for (a, b) in pairs {
        let (a, b) = (ix(&kg, a), ix(&kg, b));
        let found = paths::k_shortest_paths(
            &kg,
            &vis,
            a,
            b,
            &PathQuery {
                k: 10,
                ..PathQuery::default()
            },
        );
        assert_eq!(found.len(), 10, "{} paths", found.len());
        // Shortest first, no repeats, all simple.
        assert!(found.windows(2).all(|w| w[0].len() <= w[1].len()));
        let distinct: BTreeSet<&Vec<NodeIx>> = found.iter().map(|p| &p.nodes).collect();
        assert_eq!(distinct.len(), found.len());
        for p in &found {
            assert_eq!(p.nodes.first(), Some(&a));
            assert_eq!(p.nodes.last(), Some(&b));
            assert_eq!(p.hops.len() + 1, p.nodes.len());
            let unique: BTreeSet<_> = p.nodes.iter().collect();
            assert_eq!(unique.len(), p.nodes.len(), "simple path");
            for (h, pair) in p.hops.iter().zip(p.nodes.windows(2)) {
                assert_eq!((h.from, h.to), (pair[0], pair[1]));
                for e in std::iter::once(h.edge).chain(h.parallel.iter().copied()) {
                    let (s, t) = kg.graph.edge_endpoints(e).expect("edge");
                    assert!((s, t) == (h.from, h.to) || (s, t) == (h.to, h.from));
                    let cites = &kg.edge(e).cites;
                    assert!(!cites.is_empty(), "hop without citation");
                    assert!(
                        cites
                            .iter()
                            .all(|c| !c.quote.is_empty() && kg.data.source(&c.source).is_some())
                    );
                }
                assert_eq!(
                    h.forward,
                    kg.graph.edge_endpoints(h.edge).map(|(s, _)| s) == Some(h.from)
                );
            }
        }
    }
}

#[test]
fn a_node_behind_a_bridge_has_one_simple_path() {
    // The seed fund's only other neighbours (its action, its metric) are leaves.
    let kg = kg();
    let found = paths::k_shortest_paths(
        &kg,
        &all(&kg),
        ix(&kg, "shenzhen"),
        ix(&kg, "fund-sti-seed"),
        &PathQuery {
            k: 10,
            ..PathQuery::default()
        },
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].len(), 1);
    assert_eq!(kg.edge(found[0].hops[0].edge).rel, Relation::ESTABLISHES);
}

#[test]
fn paths_respect_direction_relations_and_the_filter() {
    let kg = kg();
    let vis = all(&kg);
    let (a, b) = (ix(&kg, "zhang-lin"), ix(&kg, "guangming-science-city"));
    let forward = PathQuery {
        k: 5,
        direction: PathDirection::Forward,
        relations: None,
    };
    for p in paths::k_shortest_paths(&kg, &vis, a, b, &forward) {
        assert!(p.hops.iter().all(|h| {
            h.forward
                && h.parallel
                    .iter()
                    .all(|&e| kg.graph.edge_endpoints(e).map(|(s, _)| s) == Some(h.from))
        }));
    }
    let only: BTreeSet<Relation> = [Relation::HEAD_OF, Relation::LEADS].into();
    let restricted = PathQuery {
        k: 5,
        direction: PathDirection::Any,
        relations: Some(only.clone()),
    };
    for p in paths::k_shortest_paths(&kg, &vis, a, ix(&kg, "sz-stic"), &restricted) {
        assert!(p.edges().all(|e| only.contains(&kg.edge(e).rel)));
    }
    // Hiding the only node of the first path's second position forces a detour or nothing.
    let first = &paths::k_shortest_paths(&kg, &vis, a, b, &PathQuery::default())[0];
    let mut narrowed = vis.clone();
    narrowed.nodes[first.nodes[1].index()] = false;
    for p in paths::k_shortest_paths(&kg, &narrowed, a, b, &PathQuery::default()) {
        assert!(!p.nodes.contains(&first.nodes[1]));
    }
    // Same node: one path of no hops; a hidden end: nothing.
    let same = paths::k_shortest_paths(&kg, &vis, a, a, &PathQuery::default());
    assert_eq!(same.len(), 1);
    assert!(same[0].is_empty());
    let mut hidden = vis.clone();
    hidden.nodes[b.index()] = false;
    assert!(paths::k_shortest_paths(&kg, &hidden, a, b, &PathQuery::default()).is_empty());
}

#[test]
fn nodes_resolve_by_id_names_and_aliases() {
    let kg = kg();
    let gm = ix(&kg, "guangming-science-city");
    assert_eq!(paths::resolve_node(&kg, "guangming-science-city"), Ok(gm));
    assert_eq!(paths::resolve_node(&kg, "光明科学城"), Ok(gm));
    let en = kg.node(gm).name.en.to_uppercase();
    assert_eq!(paths::resolve_node(&kg, &en), Ok(gm));
    let with_alias = kg.node_indices().find(|&i| {
        kg.node(i)
            .aliases
            .iter()
            .any(|a| paths::resolve_node(&kg, a) == Ok(i))
    });
    assert!(with_alias.is_some(), "some alias resolves to its node");
    assert!(paths::resolve_node(&kg, "no such node").is_err());
}

#[test]
fn ego_radius_grows_with_n_and_follows_direction() {
    let kg = kg();
    let vis = all(&kg);
    let seed = ix(&kg, "sz-sti-bureau");
    let zero = ego::ego(&kg, &vis, &[seed], 0, EgoDirection::Both);
    assert_eq!(zero.node_count, 1);
    assert!(zero.node(seed));
    let mut last = 1;
    for r in 1..=3 {
        let v = ego::ego(&kg, &vis, &[seed], r, EgoDirection::Both);
        assert!(v.node_count > last, "radius {r} adds nodes");
        last = v.node_count;
        // Every kept edge joins two kept nodes.
        for e in kg.graph.edge_indices() {
            if v.edge(e) {
                let (s, t) = kg.graph.edge_endpoints(e).expect("edge");
                assert!(v.node(s) && v.node(t));
            }
        }
    }
    let one = ego::ego(&kg, &vis, &[seed], 1, EgoDirection::Both);
    let expected: BTreeSet<NodeIx> = kg.graph.neighbors_undirected(seed).chain([seed]).collect();
    assert_eq!(one.node_count, expected.len());
    assert!(expected.iter().all(|&n| one.node(n)));
    let out = ego::ego(&kg, &vis, &[seed], 1, EgoDirection::Out);
    let inn = ego::ego(&kg, &vis, &[seed], 1, EgoDirection::In);
    assert!(out.node_count < one.node_count && inn.node_count < one.node_count);
    for n in kg.graph.neighbors(seed) {
        assert!(out.node(n));
    }
    // Radius beyond the maximum is clamped; no visible seed leaves the view as it is.
    let far = ego::ego_distances(&kg, &vis, &[seed], 100, EgoDirection::Both);
    assert!(far.iter().flatten().all(|&d| d <= MAX_RADIUS));
    assert_eq!(
        ego::ego(&kg, &vis, &[], 2, EgoDirection::Both).node_count,
        vis.node_count
    );
}

#[test]
fn timeline_at_2021_hides_what_is_known_only_from_2025() {
    let kg = kg();
    let vis = all(&kg);
    let (first, last) = timeline::year_range(&kg).expect("dated graph");
    assert!(first <= 2020 && last >= 2025, "{first}..{last}");
    let y2021 = timeline::as_of(&kg, &vis, 2021);
    let mut hidden_2025 = 0;
    let mut shown_2021 = 0;
    for e in kg.graph.edge_indices() {
        match kg.edge_year(e) {
            Some(y) if y > 2021 => {
                assert!(!y2021.edge(e), "edge of {y} shown in 2021");
                hidden_2025 += usize::from(y == 2025);
            }
            Some(_) => {
                let (s, t) = kg.graph.edge_endpoints(e).expect("edge");
                assert_eq!(y2021.edge(e), y2021.node(s) && y2021.node(t));
                shown_2021 += usize::from(y2021.edge(e));
            }
            None => {}
        }
    }
    assert!(
        hidden_2025 > 10 && shown_2021 > 10,
        "{hidden_2025} / {shown_2021}"
    );
    // Zhang Lin is first cited in 2025: absent in 2021, present in 2025.
    let zl = ix(&kg, "zhang-lin");
    assert!(!y2021.node(zl));
    assert!(timeline::as_of(&kg, &vis, 2025).node(zl));
    assert_eq!(timeline::as_of(&kg, &vis, last).edge_count, vis.edge_count);
    assert!(y2021.edge_count < vis.edge_count);
}

#[test]
fn rd_intensity_reads_as_one_series() {
    let kg = kg();
    let rd = ix(&kg, "m-rd-intensity-2021-wym");
    let series = timeline::series_of(&kg, rd).expect("series");
    let ids: Vec<&str> = series
        .points
        .iter()
        .map(|p| kg.node(p.node).id.as_str())
        .collect();
    assert!(ids.contains(&"m-rd-intensity-2020-plan"), "{ids:?}");
    assert!(ids.contains(&"m-rd-intensity-target-2025-plan"), "{ids:?}");
    assert_eq!(series.subjects, vec![ix(&kg, "shenzhen")]);
    let years: Vec<Option<i32>> = series.points.iter().map(|p| p.year).collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
    let last = series.points.last().expect("points");
    assert_eq!(last.year, Some(2025));
    assert!(last.target);
    assert!(
        series
            .points
            .iter()
            .any(|p| p.value == "5.49%" && !p.target)
    );
    // Figures about different subjects never share a series.
    for s in timeline::metric_series(&kg) {
        assert!(s.points.len() >= 2);
        for p in &s.points {
            assert_eq!(kg.node(p.node).kind, Kind::METRIC);
        }
    }
    // A figure without company has no series.
    assert!(timeline::series_of(&kg, ix(&kg, "m-reform-firsts-2023-wym")).is_none());
}

#[test]
fn masks_narrow_the_view() {
    let kg = kg();
    let vis = all(&kg);
    let deg = masks::view_degrees(&kg, &vis);
    let hubs = masks::degree_range(&kg, &vis, 20, usize::MAX);
    assert!(hubs.node_count > 0 && hubs.node_count < 50);
    for n in kg.node_indices() {
        assert_eq!(hubs.node(n), deg[n.index()] >= 20);
    }
    let src = masks::from_source(&kg, &vis, "zhang-lin-2025");
    assert!(src.edge_count > 0);
    for e in kg.graph.edge_indices() {
        assert_eq!(
            src.edge(e),
            kg.edge(e)
                .cites
                .iter()
                .any(|c| c.source == "zhang-lin-2025")
        );
    }
    let m = ix(&kg, "guangming-science-city");
    let only = masks::search_filter(&kg, &vis, &[m], false);
    assert_eq!(only.node_count, 1);
    let with = masks::search_filter(&kg, &vis, &[m], true);
    let expected: BTreeSet<NodeIx> = kg.graph.neighbors_undirected(m).chain([m]).collect();
    assert_eq!(with.node_count, expected.len());
    let kept = masks::restrict(&kg, &with, |n| kg.node(n).kind != Kind::PLAN);
    assert!(
        kg.node_indices()
            .all(|n| !kept.node(n) || kg.node(n).kind != Kind::PLAN)
    );
}
