//! cargo-fuzz target: the graphml parser and the schema mapping never panic on arbitrary input,
//! and what the graphml writer makes of an accepted graph reads back.
#![no_main]

use innovation_atlas::io::formats::{Format, export, parse_text, to_dataset};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Lossy rather than skipping invalid UTF-8: the reader refuses such files before any
    // parser sees them, but replacement characters reach more of the parser.
    let text = String::from_utf8_lossy(data);
    let Ok(raw) = parse_text(&text, "fuzz", Format::GraphMl) else {
        return;
    };
    let (dataset, _) = to_dataset(raw);
    let path = std::path::Path::new("fuzz.graphml");
    if let Ok((files, _)) = export(&dataset, path, Format::GraphMl)
        && let Some(f) = files.first()
    {
        // A file the Atlas wrote must open again.
        if let Err(d) = parse_text(&f.text, "round trip", Format::GraphMl) {
            panic!("the export does not read back: {}\n{}", d[0], f.text);
        }
    }
});
