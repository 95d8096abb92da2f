//! The architecture measures of issue #14, checked on the source text (no new dependency):
//! 1. layers: a top-level module imports only itself and the modules below it, in the order
//!    model ← io ← layout, analysis, db (peers: none imports another) ← commands ← view ← ui
//!    ← app ← cli ← main;
//! 2. no import cycle between the files of one top-level module (a file and its own parent or
//!    child module are one unit and do not count);
//! 3. no `.rs` file over 600 lines in `src/`, `tests/` and `benches/`.
//!
//! Imports are read from `use` trees (groups, `self`, `as`, globs, `pub use` re-exports, which
//! are followed to the file that defines the name) and from paths written inline
//! (`crate::view::node_radius(..)`, `super::x`, `child::y`), after comments, strings and
//! `#[cfg(test)]` items are removed. Run with `--nocapture` for the dependency table.
//!
//! `KNOWN_VIOLATIONS` lists what is still wrong while the work on the issue goes on: each entry
//! is printed when hit; a violation not listed fails, and so does a listed one that no longer
//! occurs, so the list can only shrink.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

#[path = "architecture/lex.rs"]
mod lex;
#[path = "architecture/resolve.rs"]
mod resolve;

use resolve::{Crate, top_of};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Violations accepted for now (none: a new one fails the test).
const KNOWN_VIOLATIONS: &[&str] = &[];

/// The layer of each top-level module: an import must not go to a higher layer, nor sideways
/// to another module of the same layer.
const LAYERS: &[(&str, u8)] = &[
    // The interface strings: imports nothing from the crate, so every layer may use it.
    ("i18n", 0),
    ("model", 0),
    ("io", 1),
    ("layout", 2),
    ("analysis", 2),
    // Graph databases (issue #17): model and io only; commands and the interface use it.
    ("db", 2),
    ("commands", 3),
    ("view", 4),
    ("ui", 5),
    ("app", 6),
    ("cli", 7),
    ("lib", 8),
    ("main", 8),
];

const MAX_LINES: usize = 600;

fn layer(top: &str) -> Option<u8> {
    LAYERS.iter().find(|(n, _)| *n == top).map(|(_, l)| *l)
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn parse_crate() -> Crate {
    let root = common::repo("");
    let mut files = Vec::new();
    rs_files(&root.join("src"), &mut files);
    let sources = files
        .iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    Crate::parse(sources)
}

/// Every violation found, each with the lines that show it.
fn violations(krate: &Crate) -> BTreeMap<String, Vec<String>> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in krate.edges() {
        let (from, to) = (top_of(&krate.files[e.from].module), &e.to_top);
        if from == *to {
            continue;
        }
        let (Some(lf), Some(lt)) = (layer(&from), layer(to)) else {
            continue;
        };
        if lt >= lf {
            found
                .entry(format!("layer: {from} -> {to}"))
                .or_default()
                .push(format!(
                    "{}:{}: {}",
                    krate.files[e.from].rel, e.line, e.path
                ));
        }
    }
    for cycle in krate.file_cycles() {
        let names: Vec<&str> = cycle.iter().map(|&f| krate.files[f].rel.as_str()).collect();
        let mut sites: Vec<String> = krate
            .edges()
            .filter(|e| cycle.contains(&e.from) && cycle.contains(&e.to))
            .map(|e| {
                let (from, to) = (&krate.files[e.from], &krate.files[e.to]);
                format!("{}:{}: {} (in {})", from.rel, e.line, e.path, to.rel)
            })
            .collect();
        sites.dedup();
        found.insert(format!("cycle: {}", names.join(" <-> ")), sites);
    }
    let root = common::repo("");
    let mut all = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rs_files(&root.join(dir), &mut all);
    }
    for p in all {
        let n = std::fs::read_to_string(&p).unwrap().lines().count();
        if n > MAX_LINES {
            let rel = p.strip_prefix(&root).unwrap().display().to_string();
            found.insert(format!("long: {rel}"), vec![format!("{n} lines")]);
        }
    }
    found
}

/// The table of which top-level module imports which, with the number of references.
fn dependency_table(krate: &Crate) -> String {
    let mut deps: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for e in krate.edges() {
        let from = top_of(&krate.files[e.from].module);
        if from != e.to_top {
            *deps
                .entry(from)
                .or_default()
                .entry(e.to_top.clone())
                .or_default() += 1;
        }
    }
    let mut out =
        String::from("module    layer  imports (references); ✗ = against the layer order\n");
    for (name, l) in LAYERS {
        let row: Vec<String> = deps
            .get(*name)
            .map(|m| {
                m.iter()
                    .map(|(to, n)| {
                        let bad = layer(to).is_some_and(|lt| lt >= *l);
                        format!("{to} ({n}){}", if bad { " ✗" } else { "" })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let row = if row.is_empty() {
            "-".to_string()
        } else {
            row.join(", ")
        };
        out.push_str(&format!("{name:<9} {l:>5}  {row}\n"));
    }
    out
}

#[test]
fn the_architecture_measures_hold_or_are_known() {
    let krate = parse_crate();
    println!("{}", dependency_table(&krate));
    let found = violations(&krate);
    let known: BTreeSet<&str> = KNOWN_VIOLATIONS.iter().copied().collect();
    let mut new = Vec::new();
    for (v, sites) in &found {
        let tag = if known.contains(v.as_str()) {
            "known"
        } else {
            "NEW"
        };
        println!("{tag}: {v}");
        for s in sites.iter().take(12) {
            println!("    {s}");
        }
        if sites.len() > 12 {
            println!("    … and {} more", sites.len() - 12);
        }
        if tag == "NEW" {
            new.push(v.clone());
        }
    }
    let gone: Vec<&str> = known
        .iter()
        .copied()
        .filter(|k| !found.contains_key(*k))
        .collect();
    for g in &gone {
        println!("fixed, remove from KNOWN_VIOLATIONS: {g}");
    }
    assert!(
        new.is_empty() && gone.is_empty(),
        "new violations: {new:#?}\nfixed but still listed in KNOWN_VIOLATIONS: {gone:#?}"
    );
}

#[test]
fn the_reader_finds_imports_where_they_are_written() {
    let krate = Crate::parse(vec![
        (
            "src/lib.rs".into(),
            "pub mod a; pub mod b; pub mod c;".into(),
        ),
        (
            "src/a/mod.rs".into(),
            "mod x; mod y; pub use x::Thing; pub use y::*;".into(),
        ),
        ("src/a/x.rs".into(), "pub struct Thing;".into()),
        (
            "src/a/y.rs".into(),
            "pub fn f() { super::x::Thing; } // crate::c::nope".into(),
        ),
        (
            "src/b.rs".into(),
            "use crate::{a::{self, Thing as T}, c};\n\
             fn g() { let s = \"crate::c::not_code\"; a::f(); }\n\
             #[cfg(test)] mod tests { use crate::c::Hidden; }"
                .into(),
        ),
        ("src/c.rs".into(), "pub fn h() { crate::a::f(); }".into()),
    ]);
    let mut seen: Vec<String> = krate
        .edges()
        .map(|e| format!("{} -> {}", krate.files[e.from].rel, krate.files[e.to].rel))
        .collect();
    seen.sort();
    seen.dedup();
    assert_eq!(
        seen,
        [
            "src/a/mod.rs -> src/a/x.rs",
            "src/a/mod.rs -> src/a/y.rs",
            "src/a/y.rs -> src/a/x.rs",
            // `Thing` through the re-export in a/mod.rs, to the file that defines it.
            "src/b.rs -> src/a/mod.rs",
            "src/b.rs -> src/a/x.rs",
            "src/b.rs -> src/a/y.rs",
            "src/b.rs -> src/c.rs",
            "src/c.rs -> src/a/y.rs",
        ]
    );
}

#[test]
fn cycles_between_sibling_files_are_found() {
    let krate = Crate::parse(vec![
        ("src/lib.rs".into(), "pub mod m;".into()),
        (
            "src/m/mod.rs".into(),
            "mod p; mod q; mod r; pub use p::P;".into(),
        ),
        ("src/m/p.rs".into(), "use super::q::Q; pub struct P;".into()),
        (
            "src/m/q.rs".into(),
            "pub struct Q; fn f() { super::r::R; }".into(),
        ),
        ("src/m/r.rs".into(), "pub struct R(crate::m::P);".into()),
    ]);
    let cycles: Vec<Vec<&str>> = krate
        .file_cycles()
        .iter()
        .map(|c| c.iter().map(|&f| krate.files[f].rel.as_str()).collect())
        .collect();
    assert_eq!(cycles, [["src/m/p.rs", "src/m/q.rs", "src/m/r.rs"]]);
}
