//! In-process: truncations through the loader (fast, so every byte).

use super::*;
use std::cell::Cell;
use std::sync::Mutex;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}
static QUIET_HOOK: Mutex<bool> = Mutex::new(false);

/// Panics on this thread are counted by the caller, not printed (hundreds would drown the
/// report); other threads keep the default hook.
fn install_quiet_hook() {
    let mut done = QUIET_HOOK.lock().unwrap();
    if !*done {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                default(info);
            }
        }));
        *done = true;
    }
}

/// Runs `f` on every prefix (`cuts` byte lengths) of `bytes`; returns the cut lengths that
/// panicked with the first panic message.
fn truncations(
    bytes: &[u8],
    cuts: impl Iterator<Item = usize>,
    f: impl Fn(&[u8]) + std::panic::RefUnwindSafe,
) -> (usize, Vec<usize>, Option<String>) {
    install_quiet_hook();
    QUIET.with(|q| q.set(true));
    let mut panicked = Vec::new();
    let mut first = None;
    let mut n = 0;
    for cut in cuts {
        n += 1;
        let prefix = &bytes[..cut];
        if let Err(e) = std::panic::catch_unwind(|| f(prefix)) {
            if first.is_none() {
                first = Some(
                    e.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default(),
                );
            }
            panicked.push(cut);
        }
    }
    QUIET.with(|q| q.set(false));
    (n, panicked, first)
}

/// The loader on bytes: UTF-8 check (with its `line:col`), then the lenient RON parse.
fn load_ron_bytes(b: &[u8]) {
    let label = "cut.ron";
    let Ok(text) = innovation_atlas::io::decode_utf8(b.to_vec(), label) else {
        return;
    };
    match innovation_atlas::io::parse_dataset_lenient(&text, label) {
        Ok(_) => {}
        Err(d) => assert!(!d.is_empty(), "a refusal without a diagnostic"),
    }
}

#[test]
fn ron_truncated_at_every_byte_never_panics() {
    let mut report = Vec::new();
    for (name, text) in [
        ("tiny.ron", inputs::tiny_ron()),
        ("tiny.ron with escapes", inputs::tiny_ron_escaped()),
    ] {
        let b = text.as_bytes();
        let t = Instant::now();
        let (n, bad, first) = truncations(b, 0..=b.len(), load_ron_bytes);
        println!(
            "{name}: {n} truncations in {} ms, {} panicked",
            t.elapsed().as_millis(),
            bad.len()
        );
        if !bad.is_empty() {
            report.push(format!(
                "{name}: {} of {n} truncations panic (at bytes {:?}…): {}",
                bad.len(),
                &bad[..bad.len().min(8)],
                first.unwrap_or_default()
            ));
        }
    }
    // Right after `\"` and after `\`, explicitly.
    let esc = inputs::tiny_ron_escaped();
    let at = esc.find("\\\"").unwrap();
    let (_, bad, first) = truncations(esc.as_bytes(), [at + 1, at + 2].into_iter(), load_ron_bytes);
    if !bad.is_empty() {
        report.push(format!(
            "cut right after `\\` / `\\\"` panics: {}",
            first.unwrap_or_default()
        ));
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}

#[test]
fn shipped_graph_truncated_at_line_ends_never_panics() {
    let text = innovation_atlas::io::EMBEDDED_SHENZHEN;
    let ends: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
    let full = std::env::var_os("HOSTILE_FULL").is_some();
    // Default: the first and last 40 line ends and an even sample between (≈ 140 line ends);
    // HOSTILE_FULL=1: every line end.
    let cuts: Vec<usize> = if full {
        ends.clone()
    } else {
        let step = (ends.len() / 60).max(1);
        ends.iter()
            .enumerate()
            .filter(|(i, _)| *i < 40 || *i + 40 >= ends.len() || i % step == 0)
            .map(|(_, &e)| e)
            .collect()
    };
    // Also each cut one byte short of the line end and right after a `\` if the line has one.
    let mut all = Vec::new();
    for &c in &cuts {
        all.push(c);
        all.push(c - 1);
        let line_start = text[..c - 1].rfind('\n').map_or(0, |i| i + 1);
        if let Some(bs) = text[line_start..c].find('\\') {
            all.push(line_start + bs + 1);
            all.push((line_start + bs + 2).min(text.len()));
        }
    }
    let t = Instant::now();
    let (n, bad, first) = truncations(text.as_bytes(), all.into_iter(), |b| {
        // The fast parser alone first (where the slice panic was), then the whole loader.
        if let Ok(s) = std::str::from_utf8(b) {
            let _ = innovation_atlas::io::ron_fast::parse(s);
        }
        load_ron_bytes(b)
    });
    println!(
        "shipped graph: {n} truncations ({} line ends of {}) in {} ms, {} panicked",
        cuts.len(),
        ends.len(),
        t.elapsed().as_millis(),
        bad.len()
    );
    assert!(
        bad.is_empty(),
        "{} of {n} truncations of the shipped graph panic (at bytes {:?}…): {}",
        bad.len(),
        &bad[..bad.len().min(8)],
        first.unwrap_or_default()
    );
}

/// Every other parser on every prefix of its small sample (in-process, fast).
#[test]
fn other_formats_truncated_at_every_byte_never_panic() {
    use innovation_atlas::io::formats::{Format, parse_text, to_dataset};
    let mut report = Vec::new();
    for (format, text) in [
        (Format::GraphMl, inputs::TINY_GRAPHML),
        (Format::Gexf, inputs::TINY_GEXF),
        (Format::Gml, inputs::TINY_GML),
        (Format::Json, inputs::TINY_JSON),
        (Format::Dot, inputs::TINY_DOT),
        (Format::Csv, inputs::TINY_CSV),
    ] {
        let b = text.as_bytes();
        let (n, bad, first) = truncations(b, 0..=b.len(), |p| {
            if let Ok(s) = std::str::from_utf8(p) {
                match parse_text(s, "cut", format) {
                    Ok(raw) => {
                        let _ = to_dataset(raw);
                    }
                    Err(d) => assert!(!d.is_empty(), "a refusal without a diagnostic"),
                }
            }
        });
        if !bad.is_empty() {
            report.push(format!(
                "{}: {} of {n} truncations panic (at {:?}…): {}",
                format.name(),
                bad.len(),
                &bad[..bad.len().min(8)],
                first.unwrap_or_default()
            ));
        }
    }
    assert!(report.is_empty(), "{}", report.join("\n"));
}
