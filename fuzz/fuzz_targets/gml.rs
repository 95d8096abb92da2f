//! cargo-fuzz target: the gml parser and the schema mapping never panic on arbitrary input.
#![no_main]

use innovation_atlas::io::formats::{Format, parse_text, to_dataset};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(raw) = parse_text(text, "fuzz", Format::Gml)
    {
        let _ = to_dataset(raw);
    }
});
