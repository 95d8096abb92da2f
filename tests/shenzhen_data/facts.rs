//! Spot checks of facts in the shipped graph, each verified by reading the source documents.

use super::*;

#[test]
fn officials_head_their_bodies() {
    let kg = kg();
    let e = edges(&kg, "wang-youming", Relation::HEAD_OF, "sz-stic");
    assert_eq!(e.len(), 1, "王有明 heads the commission");
    assert_eq!(
        e[0].attrs.get("title").map(String::as_str),
        Some("党组书记、主任")
    );
    assert_eq!(e[0].year, Some(2023));
    let e = edges(&kg, "zhang-lin", Relation::HEAD_OF, "sz-sti-bureau");
    assert_eq!(e.len(), 1, "张林 heads the bureau");
    assert_eq!(
        e[0].attrs.get("title").map(String::as_str),
        Some("党组书记、局长")
    );
    assert_eq!(e[0].year, Some(2025));
    assert_edge(
        &kg,
        "wang-weizhong",
        Relation::HEAD_OF,
        "sz-party-committee",
    );
    assert_edge(&kg, "sz-mayor", Relation::HEAD_OF, "htz-leading-group");
}

#[test]
fn commission_is_succeeded_by_bureau() {
    let kg = kg();
    let e = edges(&kg, "sz-stic", Relation::SUCCEEDED_BY, "sz-sti-bureau");
    assert_eq!(e.len(), 1);
    let e = e[0];
    assert!(
        e.inferred,
        "no passage states the reform: the edge is inferred"
    );
    assert_eq!(e.year, Some(2025));
    let cited: HashSet<&str> = e.cites.iter().map(|c| c.source.as_str()).collect();
    assert!(
        cited.contains("wang-youming-2023") && cited.contains("zhang-lin-2025"),
        "{cited:?}"
    );
    assert_eq!(node(&kg, "sz-stic").kind, Kind::ORGANIZATION);
    assert_eq!(node(&kg, "sz-sti-bureau").kind, Kind::ORGANIZATION);
}

#[test]
fn chain_leaders() {
    let kg = kg();
    // "由我担任集成电路的链长" (王伟中, 2021).
    let e = edges(
        &kg,
        "wang-weizhong",
        Relation::CHAIN_LEADER_OF,
        "ind-integrated-circuits",
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].year, Some(2021));
    // "相关市领导担任5G、智能网联汽车、生物医药、人工智能等产业的链长".
    for ind in [
        "ind-5g",
        "ind-intelligent-connected-vehicles",
        "ind-biomedicine",
        "ind-artificial-intelligence",
    ] {
        assert_edge(&kg, "sz-city-leaders", Relation::CHAIN_LEADER_OF, ind);
        assert!(!has_edge(
            &kg,
            "wang-weizhong",
            Relation::CHAIN_LEADER_OF,
            ind
        ));
    }
    // An industry field is focused on (FocusesOn), never "targeted".
    assert_edge(
        &kg,
        "act-chain-leader-system",
        Relation::FOCUSES_ON,
        "ind-integrated-circuits",
    );
}

#[test]
fn rd_intensity_figures_stay_separate() {
    let kg = kg();
    let cases = [
        (
            "m-rd-intensity-2020-ww",
            "4.93%",
            "2020",
            "wang-weizhong-2021",
        ),
        ("m-rd-intensity-2020-plan", "5.46%", "2020", "plan-14fyp"),
        (
            "m-rd-intensity-2021-wym",
            "5.49%",
            "2021",
            "wang-youming-2023",
        ),
        (
            "m-rd-intensity-target-2025-plan",
            "5.5%-6%",
            "2025",
            "plan-14fyp",
        ),
    ];
    for (id, value, year, source) in cases {
        let n = node(&kg, id);
        assert_eq!(n.kind, Kind::METRIC);
        assert_eq!(attr(&kg, id, "value"), Some(value), "{id}");
        assert_eq!(attr(&kg, id, "year"), Some(year), "{id}");
        assert!(
            n.cites.iter().all(|c| c.source == source),
            "{id} cites {:?}",
            n.cites
        );
        assert_edge(&kg, id, Relation::MEASURES, "shenzhen");
    }
}

#[test]
fn funds_and_their_sizes() {
    let kg = kg();
    assert_eq!(attr(&kg, "fund-cell-gene", "size"), Some("15亿元"));
    assert_eq!(attr(&kg, "fund-brain-science", "size"), Some("10亿元"));
    assert_eq!(attr(&kg, "fund-sti-seed", "size"), Some("20亿元"));
    assert_eq!(attr(&kg, "fund-talent-innovation", "size"), Some("100亿元"));
    assert_eq!(attr(&kg, "fund-sz-angel-guidance", "size"), Some("百亿元"));
    assert_edge(&kg, "fund-cell-gene", Relation::FUNDS, "fut-cell-gene");
    assert_edge(&kg, "sz-stic", Relation::ESTABLISHES, "fund-cell-gene");
    assert_edge(
        &kg,
        "sz-sti-bureau",
        Relation::ESTABLISHES,
        "fund-ai-embodied-robots",
    );
    assert_edge(&kg, "shenzhen", Relation::ESTABLISHES, "fund-sti-seed");
    assert_edge(
        &kg,
        "m-seed-fund-subfunds-2024-zl",
        Relation::MEASURES,
        "fund-sti-seed",
    );
}

#[test]
fn project_manager_system_and_future_industry_funding() {
    let kg = kg();
    assert_edge(&kg, "sz-stic", Relation::LEADS, "project-manager-system");
    let e = edges(&kg, "sz-rd-fund", Relation::FUNDS, "project-manager-system");
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0].attrs.get("amount").map(String::as_str),
        Some("10亿元左右")
    );
    assert_edge(
        &kg,
        "project-manager-system",
        Relation::FOCUSES_ON,
        "ind-electrochemical-energy-storage",
    );
    assert_eq!(
        attr(&kg, "m-future-ind-rd-funding-2023-wym", "value"),
        Some("超过25亿元")
    );
}

#[test]
fn plans_issuers_and_years() {
    let kg = kg();
    let e = edges(
        &kg,
        "sz-stic",
        Relation::ISSUED,
        "plan-future-industries-2022-2025",
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].year, Some(2022));
    assert_edge(&kg, "sz-stic", Relation::DRAFTED, "plan-14fyp-sti");
    assert_edge(
        &kg,
        "sz-stic",
        Relation::DRAFTED,
        "plan-global-sti-centre-2023-2025",
    );
    // The text says the 7th Party congress refined the arrangement, not that the committee
    // issued it.
    assert_edge(
        &kg,
        "ev-sz-7th-party-congress",
        Relation::DECIDED,
        "plan-1-10-10",
    );
    assert_edge(
        &kg,
        "state-council-general-office",
        Relation::ISSUED,
        "plan-sc-achievement-evaluation-guideline",
    );
    assert_edge(&kg, "sz-sti-bureau", Relation::LEADS, "five-tasks-2025");
    assert_eq!(
        sources_of(&kg, Relation::PART_OF, "five-tasks-2025").len(),
        5
    );
}

#[test]
fn commercialization_counts_2024() {
    let kg = kg();
    assert_eq!(attr(&kg, "m-pilot-bases-2024-zl", "value"), Some("53家"));
    assert_edge(
        &kg,
        "m-pilot-bases-2024-zl",
        Relation::MEASURES,
        "fac-pilot-bases",
    );
    assert_eq!(attr(&kg, "m-poc-centres-2024-zl", "value"), Some("50家"));
    assert_edge(
        &kg,
        "m-poc-centres-2024-zl",
        Relation::MEASURES,
        "lab-proof-of-concept-centres",
    );
    assert_eq!(
        attr(&kg, "m-rd-expenditure-2023-zl", "value"),
        Some("2236.61亿元")
    );
}

#[test]
fn labs_and_facilities_are_placed() {
    let kg = kg();
    // Every lab and facility is hosted, built, defined, located or part of something.
    let placing = [
        Relation::HOSTS,
        Relation::BUILDS,
        Relation::DEFINES,
        Relation::SUPPORTS,
        Relation::TARGETS,
        Relation::ESTABLISHES,
    ];
    for n in kg
        .data
        .nodes
        .iter()
        .filter(|n| [Kind::LAB, Kind::FACILITY].contains(&n.kind))
    {
        let placed = kg.data.edges.iter().any(|e| {
            (e.to == n.id && placing.contains(&e.rel))
                || (e.from == n.id && [Relation::LOCATED_IN, Relation::PART_OF].contains(&e.rel))
        });
        assert!(placed, "{} ({}) is not placed anywhere", n.id, n.name.zh);
    }
    assert_edge(&kg, "pengcheng-lab", Relation::LOCATED_IN, "shenzhen");
    assert_edge(
        &kg,
        "sa-xinqiao-east",
        Relation::HOSTS,
        "lab-fiber-laser-etrc",
    );
    assert_edge(
        &kg,
        "lab-gd-ai-digital-economy",
        Relation::PART_OF,
        "lab-gd-provincial-labs",
    );
    assert_edge(
        &kg,
        "lab-sz-intl-quantum",
        Relation::PART_OF,
        "lab-basic-research-institutions",
    );
}

#[test]
fn builds_and_establishes_start_from_an_actor() {
    let kg = kg();
    let kind: HashMap<&str, &Kind> = kg
        .data
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), &n.kind))
        .collect();
    for e in &kg.data.edges {
        if [
            Relation::BUILDS,
            Relation::ESTABLISHES,
            Relation::HEAD_OF,
            Relation::CHAIN_LEADER_OF,
        ]
        .contains(&e.rel)
        {
            let k = kind[e.from.as_str()];
            let ok = if [Relation::HEAD_OF, Relation::CHAIN_LEADER_OF].contains(&e.rel) {
                *k == Kind::OFFICIAL
            } else {
                [
                    Kind::ORGANIZATION,
                    Kind::AREA,
                    Kind::PLATFORM,
                    Kind::OFFICIAL,
                ]
                .contains(k)
            };
            assert!(
                ok,
                "{} -{}-> {} starts from a {}",
                e.from,
                e.rel.ident(),
                e.to,
                k.ident()
            );
        }
        if e.rel == Relation::MEASURES {
            assert_eq!(
                *kind[e.from.as_str()],
                Kind::METRIC,
                "{} measures {}",
                e.from,
                e.to
            );
        }
        if e.inferred {
            assert!(
                e.cites.len() >= 2,
                "inferred edge {} -> {} cites one passage",
                e.from,
                e.to
            );
        }
    }
}
