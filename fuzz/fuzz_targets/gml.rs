//! cargo-fuzz target: the gml parser and the schema mapping never panic on arbitrary input, and
//! what they report holds: an error points inside the text (`line:col` from 1, at most one line
//! past the last newline), a graph stays within the element limit.
#![no_main]

use innovation_atlas::io::formats::{Format, MAX_ELEMENTS, parse_text, to_dataset};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Invalid UTF-8 is refused before any parser; a lossy copy lets the fuzzer still explore
    // the grammar from such inputs.
    let text = String::from_utf8_lossy(data);
    match parse_text(&text, "fuzz", Format::Gml) {
        Ok(raw) => {
            assert!(raw.nodes.len() + raw.edges.len() <= MAX_ELEMENTS);
            let _ = to_dataset(raw);
        }
        Err(d) => {
            let lines = text.matches('\n').count() + 1;
            let first = d.first().expect("an error has a diagnostic");
            let whole_file = first.line == 0 && first.message.contains("not a GML file");
            assert!(
                whole_file || (first.line >= 1 && first.col >= 1 && first.line <= lines),
                "{first}"
            );
        }
    }
});
