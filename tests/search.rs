//! Search by Chinese, English, alias and pinyin (full and initials), best match first.

mod common;

use innovation_atlas::analysis::SearchIndex;
use innovation_atlas::model::KnowledgeGraph;

use common::shipped_kg as shenzhen;

fn top_id(kg: &KnowledgeGraph, index: &SearchIndex, q: &str) -> String {
    let hits = index.search(q, 5);
    assert!(!hits.is_empty(), "no hit for {q}");
    kg.node(hits[0].node).id.clone()
}

#[test]
fn finds_guangming_every_way() {
    let kg = shenzhen();
    let index = SearchIndex::build(&kg);
    for q in [
        "光明科学城",
        "Guangming Science City",
        "guangming science",
        "guangmingkexuecheng",
        "gmkxc",
        "GMKXC",
    ] {
        assert_eq!(
            top_id(&kg, &index, q),
            "guangming-science-city",
            "query {q}"
        );
    }
}

#[test]
fn finds_by_alias_and_partial_name() {
    let kg = shenzhen();
    let index = SearchIndex::build(&kg);
    assert_eq!(top_id(&kg, &index, "河套"), "hetao");
    assert_eq!(top_id(&kg, &index, "市科创委"), "sz-stic");
    assert_eq!(top_id(&kg, &index, "wang youming"), "wang-youming");
    assert_eq!(top_id(&kg, &index, "Pengcheng Lab"), "pengcheng-lab");
}

#[test]
fn empty_and_nonsense_queries() {
    let kg = shenzhen();
    let index = SearchIndex::build(&kg);
    assert!(index.search("   ", 10).is_empty());
    assert!(index.search("zzzzqqqxxj", 10).is_empty());
    assert!(index.search("光明", 3).len() <= 3);
}

#[test]
fn pinyin_keys_have_full_syllables_and_initials() {
    let (full, initials) = innovation_atlas::analysis::pinyin_keys("光明科学城5G");
    assert_eq!(full, "guangmingkexuecheng5g");
    assert_eq!(initials, "gmkxc5g");
}
