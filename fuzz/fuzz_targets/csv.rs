//! cargo-fuzz target: the csv parser and the schema mapping never panic on arbitrary input, and
//! what imports also survives our own export: written back as CSV (formula cells neutralised)
//! it reads again with the same node ids.
#![no_main]

use innovation_atlas::io::formats::{
    CsvMapping, Format, export, parse_csv, parse_text, to_dataset,
};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(raw) = parse_text(text, "fuzz", Format::Csv) else {
        return;
    };
    let (dataset, _) = to_dataset(raw);
    let Ok((files, _)) = export(&dataset, Path::new("fuzz.csv"), Format::Csv) else {
        return;
    };
    let [nodes, edges] = &files[..] else {
        panic!("CSV export writes a nodes and an edges file");
    };
    let back = parse_csv(
        Some((&nodes.text, "nodes.csv")),
        Some((&edges.text, "edges.csv")),
        &CsvMapping::default(),
    )
    .expect("our own CSV export reads back");
    let (again, _) = to_dataset(back);
    let ids = |d: &innovation_atlas::model::Dataset| {
        let mut v: Vec<String> = d.nodes.iter().map(|n| n.id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&again), ids(&dataset));
});
