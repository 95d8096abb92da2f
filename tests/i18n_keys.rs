//! Every interface string has a translation: both Fluent files parse, define the same keys, and
//! define every key the source uses (string literals in `src/` shaped like a message id).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use fluent_bundle::FluentResource;
use innovation_atlas::commands::Action;
use innovation_atlas::i18n::{EN_FTL, UiLang, ZH_FTL, resource_keys, tr};
use std::collections::BTreeSet;
use std::path::Path;

/// Every string literal in the Rust files under `dir`.
fn literals(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            literals(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut rest = text.as_str();
            while let Some(start) = rest.find('"') {
                let after = &rest[start + 1..];
                let Some(end) = after.find('"') else { break };
                out.push((after[..end].to_string(), path.display().to_string()));
                rest = &after[end + 1..];
            }
        }
    }
}

fn is_key_shaped(s: &str) -> bool {
    s.contains('-')
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[test]
fn both_languages_parse_and_have_the_same_keys() {
    for (name, text) in [("en-US", EN_FTL), ("zh-CN", ZH_FTL)] {
        if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
            panic!("{name}/atlas.ftl does not parse: {errors:?}");
        }
    }
    let en: BTreeSet<&str> = resource_keys(EN_FTL).into_iter().collect();
    let zh: BTreeSet<&str> = resource_keys(ZH_FTL).into_iter().collect();
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(only_en.is_empty(), "only in en-US: {only_en:?}");
    assert!(only_zh.is_empty(), "only in zh-CN: {only_zh:?}");
    assert_eq!(
        en.len(),
        resource_keys(EN_FTL).len(),
        "a key is defined twice"
    );
    assert!(en.len() > 200, "{}", en.len());
}

#[test]
fn every_key_the_source_uses_is_translated_and_every_key_is_used() {
    let keys: BTreeSet<&str> = resource_keys(EN_FTL).into_iter().collect();
    // Message ids are grouped by prefix (`menu-`, `inspector-` …); a literal with one of these
    // prefixes is a message id (widget ids use other names or underscores).
    let prefixes: BTreeSet<&str> = keys.iter().filter_map(|k| k.split('-').next()).collect();
    let mut found = Vec::new();
    literals(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut found,
    );
    let mut missing = Vec::new();
    let mut used = BTreeSet::new();
    for (lit, file) in &found {
        if !is_key_shaped(lit) || !prefixes.contains(lit.split('-').next().unwrap_or("")) {
            continue;
        }
        if keys.contains(lit.as_str()) {
            used.insert(lit.clone());
        } else {
            missing.push(format!("{file}: {lit}"));
        }
    }
    assert!(
        missing.is_empty(),
        "keys used in src/ but not in the .ftl files: {missing:#?}"
    );
    let unused: Vec<_> = keys.iter().filter(|k| !used.contains(**k)).collect();
    assert!(unused.is_empty(), "keys no source uses: {unused:?}");
}

#[test]
fn every_action_has_a_label_in_both_languages() {
    for a in Action::ALL {
        let en = a.label_in(UiLang::English);
        let zh = a.label_in(UiLang::Chinese);
        assert_ne!(en, a.key(), "{a:?} has no English label");
        assert_ne!(zh, a.key(), "{a:?} has no Chinese label");
        assert_ne!(en, zh, "{a:?} is not translated");
    }
    assert_eq!(tr(UiLang::Chinese, "menu-file"), "文件");
}
