//! `innovation-atlas bench open FILE`: how long the app takes to open a data file, stage by
//! stage, and how much memory it holds afterwards (issue #19: a million nodes in ≤ 2 s).

use crate::app::{AtlasApp, Prefs};
use crate::io;
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct OpenArgs {
    /// The data file (RON or any format `convert` reads).
    pub file: PathBuf,
    /// Times to open it; medians are reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
}

/// The stages timed one by one (RON only), then the app's whole way in (`AtlasApp::open_path`:
/// read, parse, validate, index, install, first layout state) `runs` times.
pub fn bench_open(a: &OpenArgs) -> Result<String, String> {
    let label = a.file.display().to_string();
    let runs = a.runs.max(1);
    let mut stages = serde_json::Map::new();
    if crate::app::is_ron(&a.file) {
        let t = Instant::now();
        let text = io::read_text(&a.file).map_err(|d| d.to_string())?;
        stages.insert("read_ms".into(), ms(t).into());
        let t = Instant::now();
        let data = io::ron_fast::parse(&text).ok_or("the fast parser refused this file")?;
        stages.insert("parse_ms".into(), ms(t).into());
        let t = Instant::now();
        let found = crate::model::validate::validate_capped(&data, io::SHOWN_WARNINGS);
        stages.insert("validate_ms".into(), ms(t).into());
        stages.insert("curation_warnings".into(), found.soft_total.into());
        let t = Instant::now();
        let doc = crate::app::Document::new_resolved(
            data,
            crate::app::Origin::Embedded,
            Some(found.ends),
        );
        stages.insert("index_ms".into(), ms(t).into());
        let t = Instant::now();
        drop((doc, text));
        stages.insert("drop_ms".into(), ms(t).into());
    }
    let mut totals = Vec::with_capacity(runs);
    let mut app = AtlasApp::new(Prefs::default());
    let mut shown = (0, 0);
    let mut rss_open = None;
    for _ in 0..runs {
        // A fresh app each run, as at startup; the old one is dropped outside the timing.
        drop(std::mem::replace(&mut app, AtlasApp::new(Prefs::default())));
        let t = Instant::now();
        app.open_path(&a.file);
        totals.push(ms(t));
        shown = (app.doc().kg.node_count(), app.doc().kg.edge_count());
        rss_open = super::measure::rss_kb();
    }
    if shown.0 == 0 {
        return Err(format!("{label}: nothing opened ({})", app.status()));
    }
    let mut line = serde_json::json!({
        "file": label,
        "bytes": std::fs::metadata(&a.file).map(|m| m.len()).unwrap_or(0),
        "nodes": shown.0,
        "edges": shown.1,
        "runs": runs,
        "open_ms": super::measure::median(totals.clone()),
        "open_ms_all": totals,
        "rss_kb_after_open": rss_open,
        "peak_rss_kb": super::measure::peak_rss_kb(),
        "status": app.status(),
    });
    if let Some(obj) = line.as_object_mut() {
        obj.extend(stages);
    }
    Ok(line.to_string())
}

fn ms(t: Instant) -> f64 {
    (t.elapsed().as_secs_f64() * 1e4).round() / 10.0
}
