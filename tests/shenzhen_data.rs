//! The shipped Shenzhen knowledge graph (`graph-data/shenzhen.ron`): validity against its
//! sources, coverage, structure, and spot checks of facts verified by reading the five source
//! documents in `../shared/seeds` (the facts in `shenzhen_data/facts.rs`). No egui.

mod common;
#[path = "shenzhen_data/facts.rs"]
mod facts;

use innovation_atlas::cli::check_file;
use innovation_atlas::io::load_dataset;
use innovation_atlas::model::{Edge, Kind, KnowledgeGraph, Node, Relation};
use std::collections::{BTreeMap, HashMap, HashSet};

use common::shipped as data_path;

fn kg() -> KnowledgeGraph {
    let data = load_dataset(&data_path()).unwrap_or_else(|d| {
        panic!(
            "shenzhen.ron does not load:\n{}",
            innovation_atlas::io::join_diagnostics(&d)
        )
    });
    KnowledgeGraph::build(data)
}

fn node<'a>(kg: &'a KnowledgeGraph, id: &str) -> &'a Node {
    kg.data
        .nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no node \"{id}\""))
}

fn attr<'a>(kg: &'a KnowledgeGraph, id: &str, key: &str) -> Option<&'a str> {
    node(kg, id).attrs.get(key).map(String::as_str)
}

fn edges<'a>(kg: &'a KnowledgeGraph, from: &str, rel: Relation, to: &str) -> Vec<&'a Edge> {
    kg.data
        .edges
        .iter()
        .filter(|e| e.from == from && e.rel == rel && e.to == to)
        .collect()
}

fn has_edge(kg: &KnowledgeGraph, from: &str, rel: Relation, to: &str) -> bool {
    !edges(kg, from, rel, to).is_empty()
}

#[track_caller]
fn assert_edge(kg: &KnowledgeGraph, from: &str, rel: Relation, to: &str) {
    assert!(
        has_edge(kg, from, rel.clone(), to),
        "missing edge {from} -{}-> {to}",
        rel.ident()
    );
}

/// Ids of the nodes `x` with an edge `x -rel-> to`.
fn sources_of(kg: &KnowledgeGraph, rel: Relation, to: &str) -> HashSet<String> {
    kg.data
        .edges
        .iter()
        .filter(|e| e.rel == rel && e.to == to)
        .map(|e| e.from.clone())
        .collect()
}

fn set(ids: &[&str]) -> HashSet<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------- validity

#[test]
fn shipped_file_checks_clean_with_sources() {
    // Without the seed documents the quotes cannot be matched; the rest is still checked.
    let seeds = common::shared("seeds");
    let diags = check_file(&data_path(), seeds.as_deref());
    assert!(
        diags.is_empty(),
        "{} problem(s):\n{}",
        diags.len(),
        innovation_atlas::io::join_diagnostics(&diags)
    );
}

#[test]
fn every_edge_is_indexed_and_its_year_resolvable() {
    let kg = kg();
    // No edge was skipped for a missing endpoint.
    assert_eq!(kg.edge_count(), kg.data.edges.len());
    assert_eq!(kg.node_count(), kg.data.nodes.len());
    for ix in kg.graph.edge_indices() {
        let e = kg.edge(ix);
        let year = kg.edge_year(ix);
        assert!(
            matches!(year, Some(y) if (2015..=2030).contains(&y)),
            "edge {} -{}-> {} has year {:?}",
            e.from,
            e.rel.ident(),
            e.to,
            year
        );
    }
}

#[test]
fn every_source_is_cited_and_has_a_date() {
    let kg = kg();
    assert_eq!(kg.data.sources.len(), 5, "five seed documents");
    for s in &kg.data.sources {
        assert!(s.year().is_some(), "source {} has no dated year", s.id);
        let cited = kg
            .data
            .nodes
            .iter()
            .flat_map(|n| &n.cites)
            .any(|c| c.source == s.id);
        assert!(cited, "source {} is never cited", s.id);
    }
}

// ---------------------------------------------------------------- coverage and structure

#[test]
fn kind_counts_have_sensible_lower_bounds() {
    let kg = kg();
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for n in &kg.data.nodes {
        assert!(
            kg.data.declared_vocabulary().declares_kind(&n.kind),
            "node {} has unknown kind",
            n.id
        );
        *count.entry(n.kind.ident().to_string()).or_default() += 1;
    }
    let min = [
        (Kind::OFFICIAL, 4),
        (Kind::ORGANIZATION, 15),
        (Kind::UNIVERSITY, 8),
        (Kind::COMPANY, 2),
        (Kind::PLAN, 40),
        (Kind::LAB, 30),
        (Kind::FACILITY, 12),
        (Kind::PLATFORM, 15),
        (Kind::AREA, 40),
        (Kind::INDUSTRY, 40),
        (Kind::ACTION, 100),
        (Kind::FUND, 8),
        (Kind::METRIC, 60),
    ];
    for (kind, lower) in min {
        let n = count.get(kind.ident()).copied().unwrap_or(0);
        assert!(
            n >= lower,
            "only {n} {} nodes (expected at least {lower})",
            kind.ident()
        );
    }
    assert!(kg.data.nodes.len() >= 500, "{} nodes", kg.data.nodes.len());
    assert!(kg.data.edges.len() >= 800, "{} edges", kg.data.edges.len());
    for e in &kg.data.edges {
        assert!(
            kg.data.declared_vocabulary().declares_relation(&e.rel),
            "edge {} -> {} has unknown relation",
            e.from,
            e.to
        );
    }
}

#[test]
fn shipped_graph_has_no_lint_warnings() {
    // Edges inside their relation's allowed kinds, containment that never contradicts itself.
    let kg = kg();
    let warnings: Vec<String> = innovation_atlas::model::lint::lint(&kg.data)
        .into_iter()
        .map(|p| p.message)
        .collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn no_orphan_nodes() {
    // Explicit allow-list of nodes that may stand alone: currently none.
    let allowed: HashSet<&str> = HashSet::new();
    let kg = kg();
    let mut linked: HashSet<&str> = HashSet::new();
    for e in &kg.data.edges {
        linked.insert(&e.from);
        linked.insert(&e.to);
    }
    let orphans: Vec<&str> = kg
        .data
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .filter(|id| !linked.contains(id) && !allowed.contains(id))
        .collect();
    assert!(orphans.is_empty(), "orphan nodes: {orphans:?}");
}

#[test]
fn one_thing_is_one_node() {
    let kg = kg();
    // No Chinese name or alias is shared by two nodes (whitespace ignored).
    let mut owner: HashMap<String, &str> = HashMap::new();
    for n in &kg.data.nodes {
        let mut names: Vec<&str> = vec![n.name.zh.as_str()];
        names.extend(n.aliases.iter().map(String::as_str));
        let mut own: HashSet<String> = HashSet::new();
        for name in names {
            let key: String = name.chars().filter(|c| !c.is_whitespace()).collect();
            if key.is_empty() || !own.insert(key.clone()) {
                continue;
            }
            if let Some(other) = owner.insert(key.clone(), n.id.as_str()) {
                panic!("\"{key}\" names both {other} and {}", n.id);
            }
        }
    }
    // Reconciled duplicates: the deprecated ids are gone, the kept ones are present.
    for gone in [
        "goal-innovation-highland",
        "act-pilot-test-bases",
        "lab-pilot-test-bases",
        "gd-provincial-labs",
        "sz-municipal-key-labs",
        "innovation-consortia",
        "basic-research-institutions",
        "sz-pilot-demo-zone",
        "act-st-ethics-governance",
        // Headship read from the honorific “习近平总书记、党中央”: no text states it.
        "cpc-central-committee",
    ] {
        assert!(
            kg.node_ix(gone).is_none(),
            "deprecated id {gone} still present"
        );
    }
    for kept in [
        "goal-sti-industry-innovation-highland",
        "fac-pilot-bases",
        "lab-gd-provincial-labs",
        "lab-municipal-labs",
        "act-innovation-consortia",
        "lab-basic-research-institutions",
        "pilot-demonstration-zone",
        "act-research-ethics-governance",
        "strategic-emerging-industries",
        "industry-20-8",
    ] {
        assert!(kg.node_ix(kept).is_some(), "kept id {kept} missing");
    }
}

#[test]
fn metrics_have_value_year_and_one_source() {
    let kg = kg();
    for n in kg.data.nodes.iter().filter(|n| n.kind == Kind::METRIC) {
        assert!(
            n.attrs.contains_key("value"),
            "metric {} has no value",
            n.id
        );
        let year = n
            .attrs
            .get("year")
            .unwrap_or_else(|| panic!("metric {} has no year", n.id));
        assert!(year.parse::<i32>().is_ok(), "metric {} year {year:?}", n.id);
        let sources: HashSet<&str> = n.cites.iter().map(|c| c.source.as_str()).collect();
        assert_eq!(
            sources.len(),
            1,
            "metric {} merges sources {sources:?}",
            n.id
        );
        let measures = kg
            .data
            .edges
            .iter()
            .any(|e| e.from == n.id && e.rel == Relation::MEASURES);
        assert!(measures, "metric {} measures nothing", n.id);
    }
}

#[test]
fn major_platforms_host_and_focus_as_the_plan_states() {
    let kg = kg();
    for p in ["guangming-science-city", "hetao", "qianhai", "xili-lake"] {
        assert_eq!(node(&kg, p).kind, Kind::PLATFORM, "{p} kind");
        let out = |rel: Relation| {
            kg.data
                .edges
                .iter()
                .filter(|e| e.from == p && e.rel == rel)
                .count()
        };
        assert!(
            out(Relation::HOSTS) >= 3,
            "{p} hosts {} things",
            out(Relation::HOSTS)
        );
        assert!(out(Relation::FOCUSES_ON) >= 1, "{p} focuses on nothing");
        assert_edge(&kg, p, Relation::PART_OF, "four-platforms");
        assert_edge(&kg, "plan-14fyp-sti", Relation::DEFINES, p);
    }
    // 光明科学城: big-science facilities and labs (plan §3(一)).
    assert_edge(
        &kg,
        "guangming-science-city",
        Relation::HOSTS,
        "fac-pengcheng-cloud-brain-3",
    );
    assert_edge(
        &kg,
        "guangming-science-city",
        Relation::HOSTS,
        "fac-synthetic-biology-research",
    );
    assert_edge(
        &kg,
        "guangming-science-city",
        Relation::HOSTS,
        "shenzhen-bay-lab",
    );
    assert_edge(
        &kg,
        "guangming-science-city",
        Relation::FOCUSES_ON,
        "fut-synthetic-biology",
    );
    // 河套: quantum science centre; IC cluster and quantum information (plan §3(二)).
    assert_edge(
        &kg,
        "hetao",
        Relation::HOSTS,
        "lab-gba-quantum-science-center",
    );
    assert_edge(
        &kg,
        "hetao",
        Relation::FOCUSES_ON,
        "ind-integrated-circuits",
    );
    assert_edge(
        &kg,
        "hetao",
        Relation::FOCUSES_ON,
        "fut-quantum-information",
    );
    // 前海: information hub; digital economy and marine industry (plan §3(三)).
    assert_edge(&kg, "qianhai", Relation::HOSTS, "fac-qianhai-info-hub");
    assert_edge(&kg, "qianhai", Relation::FOCUSES_ON, "ind-digital-economy");
    assert_edge(&kg, "qianhai", Relation::FOCUSES_ON, "ind-marine-industry");
    // 西丽湖: 鹏城实验室石壁龙园区 and the university city (plan §3(四)).
    assert_edge(&kg, "xili-lake", Relation::HOSTS, "pengcheng-lab");
    assert_edge(&kg, "xili-lake", Relation::HOSTS, "univ-tsinghua-sigs");
    assert_edge(&kg, "xili-lake", Relation::FOCUSES_ON, "fut-brain-science");
}

#[test]
fn twenty_clusters_in_seven_groups_and_eight_future_industries() {
    let kg = kg();
    let groups = [
        ("ind-new-gen-electronic-information", 5),
        ("ind-digital-and-fashion", 3),
        ("ind-high-end-equipment-manufacturing", 4),
        ("ind-green-low-carbon", 3),
        ("ind-biomedicine-and-health", 3),
    ];
    let mut clusters = 0;
    for (g, n) in groups {
        let members = sources_of(&kg, Relation::PART_OF, g);
        assert_eq!(members.len(), n, "{g} members {members:?}");
        assert_edge(&kg, g, Relation::PART_OF, "strategic-emerging-industries");
        clusters += n;
    }
    // 新材料 and 海洋产业 are single-cluster groups.
    for g in ["ind-new-materials", "ind-marine-industry"] {
        assert_edge(&kg, g, Relation::PART_OF, "strategic-emerging-industries");
        clusters += 1;
    }
    assert_eq!(clusters, 20);
    assert_edge(
        &kg,
        "ind-integrated-circuits",
        Relation::PART_OF,
        "ind-new-gen-electronic-information",
    );
    assert_edge(
        &kg,
        "ind-intelligent-connected-vehicles",
        Relation::PART_OF,
        "ind-green-low-carbon",
    );
    // "20+8": the plan's strategic emerging industries and the future industries.
    assert_edge(
        &kg,
        "strategic-emerging-industries",
        Relation::PART_OF,
        "industry-20-8",
    );
    assert_edge(&kg, "future-industries", Relation::PART_OF, "industry-20-8");

    let near = set(&[
        "fut-synthetic-biology",
        "fut-blockchain",
        "fut-cell-gene",
        "fut-aerospace",
    ]);
    let far = set(&[
        "fut-brain-science",
        "fut-deep-earth-deep-sea",
        "fut-visible-light-communication",
        "fut-quantum-information",
    ]);
    let all: HashSet<String> = near.union(&far).cloned().collect();
    assert_eq!(sources_of(&kg, Relation::PART_OF, "future-industries"), all);
    for f in &near {
        assert_eq!(attr(&kg, f, "horizon"), Some("5-10年"), "{f}");
    }
    for f in &far {
        assert_eq!(attr(&kg, f, "horizon"), Some("10-15年"), "{f}");
    }
}

#[test]
fn eleven_innovation_cluster_areas() {
    let kg = kg();
    let areas = sources_of(&kg, Relation::PART_OF, "innovation-cluster-areas");
    assert_eq!(areas.len(), 11, "{areas:?}");
    for a in &areas {
        assert_eq!(node(&kg, a).kind, Kind::AREA, "{a}");
        let focus = kg
            .data
            .edges
            .iter()
            .any(|e| e.from == *a && e.rel == Relation::FOCUSES_ON);
        let parts = kg
            .data
            .edges
            .iter()
            .any(|e| e.to == *a && e.rel == Relation::PART_OF);
        assert!(focus || parts, "{a} has neither a focus nor sub-areas");
    }
    // 坪山园区北片区 focuses on 高端医疗器械 and 脑科学与类脑智能 (plan §7(二)).
    assert_edge(&kg, "sa-pingshan-north", Relation::PART_OF, "ica-pingshan");
    assert_edge(
        &kg,
        "sa-pingshan-north",
        Relation::FOCUSES_ON,
        "ind-high-end-medical-devices",
    );
    assert_edge(
        &kg,
        "sa-pingshan-north",
        Relation::FOCUSES_ON,
        "fut-brain-science",
    );
}

#[test]
fn action_sets_are_distinct_and_complete() {
    let kg = kg();
    assert_eq!(sources_of(&kg, Relation::PART_OF, "ten-actions").len(), 10);
    assert_edge(&kg, "plan-14fyp-sti", Relation::DEFINES, "ten-actions");

    // 2021 (王伟中): 夯基、攻坚、加速、融合、汇聚 — the interview's own five, not the plan's
    // ten actions of similar names: no text says they are the same.
    let s2021 = sources_of(&kg, Relation::PART_OF, "five-actions-2021");
    assert_eq!(
        s2021,
        set(&[
            "ww21-basic-research",
            "ww21-key-tech-tackling",
            "ww21-commercialization",
            "ww21-sci-tech-finance",
            "ww21-talent-gathering",
        ])
    );
    // 2023 (王有明, 2023—2025 action plan): a different set of five.
    let s2023 = sources_of(&kg, Relation::PART_OF, "five-actions-2023");
    assert_eq!(s2023.len(), 5, "{s2023:?}");
    assert!(s2023.contains("fa23-paradigm-innovation"));
    assert!(s2023.contains("fa23-strategic-force"));
    assert!(s2023.contains("fa23-talent-gathering"));
    // An action of one plan belongs to that plan's set only (创新人才汇聚行动 once sat in three).
    let sets = ["ten-actions", "five-actions-2021", "five-actions-2023"];
    for a in &kg.data.nodes {
        let member_of: Vec<&str> = sets
            .iter()
            .copied()
            .filter(|set| has_edge(&kg, &a.id, Relation::PART_OF, set))
            .collect();
        assert!(member_of.len() <= 1, "{} is in {member_of:?}", a.id);
    }
    assert_ne!(s2021, s2023);
    assert_edge(
        &kg,
        "plan-global-sti-centre-2023-2025",
        Relation::DEFINES,
        "five-actions-2023",
    );

    assert_eq!(
        sources_of(&kg, Relation::PART_OF, "six-ones-system").len(),
        6
    );
    assert_edge(&kg, "sz-stic", Relation::LEADS, "six-ones-system");
    assert!(kg.node_ix("five-ones-system").is_some());
}
