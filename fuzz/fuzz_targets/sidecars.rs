//! cargo-fuzz target: the views sidecar (with groups, appearance, notes and arrangements) and
//! the groups sidecar never panic on arbitrary input, and what reads back re-reads identically.
#![no_main]

use innovation_atlas::io::groups::{groups_to_ron, parse_groups};
use innovation_atlas::io::views::{parse_views, views_to_ron};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(views) = parse_views(&text, "fuzz.views.ron")
        && let Ok(again) = views_to_ron(&views)
    {
        // Compared as text: a NaN that parsed is a value unequal to itself.
        let reread = parse_views(&again, "fuzz.views.ron").map(|v| views_to_ron(&v).ok());
        assert_eq!(reread.ok().flatten(), Some(again));
    }
    if let Ok(groups) = parse_groups(&text, "fuzz.groups.ron")
        && let Ok(again) = groups_to_ron(&groups)
    {
        let reread = parse_groups(&again, "fuzz.groups.ron").map(|g| groups_to_ron(&g).ok());
        assert_eq!(reread.ok().flatten(), Some(again));
    }
});
