//! cargo-fuzz target: the RON data format (fast parser, ron fallback, validation and locating
//! problems) never panics on arbitrary input, and what reads back re-reads identically.
#![no_main]

use innovation_atlas::io::{check_text, parse_dataset_lenient, ron_fast, to_canonical_ron};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = ron_fast::read(&text);
    let _ = check_text(&text, "fuzz.ron");
    if let Ok((dataset, _)) = parse_dataset_lenient(&text, "fuzz.ron")
        && let Ok(canonical) = to_canonical_ron(&dataset)
    {
        // Whatever opens must survive a save and reopen unchanged.
        let reopened = parse_dataset_lenient(&canonical, "fuzz.ron").map(|(d, _)| d);
        assert_eq!(reopened.as_ref().ok(), Some(&dataset));
    }
});
