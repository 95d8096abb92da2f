//! Loading errors: every class reported with its exact `path:line:col`, all at once.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use innovation_atlas::cli::check_file;
use innovation_atlas::io::{Diagnostic, parse_dataset};

use common::fixture;

fn tiny() -> String {
    std::fs::read_to_string(fixture("tiny.ron")).unwrap()
}

/// Parse `text` and return the diagnostics as `line:col: message` strings.
fn errors(text: &str) -> Vec<String> {
    match parse_dataset(text, "t.ron") {
        Ok(_) => vec![],
        Err(d) => d.iter().map(Diagnostic::to_string).collect(),
    }
}

#[test]
fn tiny_fixture_is_valid() {
    assert_eq!(errors(&tiny()), Vec::<String>::new());
}

#[test]
fn syntax_error_has_line_and_col() {
    // Drop the comma after the first node (line 9 ends with `]),`).
    let text = tiny().replacen("王某是书记\")]),", "王某是书记\")])", 1);
    let e = errors(&text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("t.ron:10:9: "), "{e:?}");
}

#[test]
fn type_error_has_line_and_col() {
    let text = tiny().replace("year: 2022", "year: \"soon\"");
    let e = errors(&text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].starts_with("t.ron:15:"), "{e:?}");
    assert!(
        e[0].contains("nteger") || e[0].contains("expected"),
        "{e:?}"
    );
}

#[test]
fn unknown_field_is_reported() {
    let text = tiny().replace("aliases: [\"光明\"]", "alias: [\"光明\"]");
    let e = errors(&text);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("t.ron:11:") && e[0].contains("alias"),
        "{e:?}"
    );
}

#[test]
fn semantic_errors_name_id_and_line_and_are_all_reported() {
    let text = tiny()
        .replace(
            "id: \"b\", kind: Organization",
            "id: \"a\", kind: Organisation",
        )
        .replace("rel: Builds", "rel: Constructs")
        .replace(
            "Cite(source: \"s1\", quote: \"委员会\")",
            "Cite(source: \"nope\", quote: \" \")",
        );
    let e = errors(&text);
    let want = [
        "t.ron:10:9: duplicate node id \"a\"",
        "t.ron:10:9: node \"a\": unknown kind `Organisation`",
        "t.ron:10:9: node \"a\" cites unknown source \"nope\"",
        "t.ron:10:9: node \"a\" has an empty quote",
        "t.ron:14:9: edge \"a\" -HeadOf-> \"b\": no node with id \"b\"",
        "t.ron:15:9: edge \"b\" -Constructs-> \"c\": no node with id \"b\"",
        "t.ron:15:9: edge \"b\" -Constructs-> \"c\": unknown relation `Constructs`",
    ];
    for w in want {
        assert!(
            e.iter().any(|l| l.starts_with(w)),
            "missing {w:?} in {e:#?}"
        );
    }
    assert_eq!(e.len(), want.len(), "{e:#?}");
}

#[test]
fn missing_citations_are_reported() {
    let text = tiny()
        .replace(
            ", cites: [Cite(source: \"s1\", quote: \"光明 科学城\")]",
            "",
        )
        .replace(
            "cites: [Cite(source: \"s1\", quote: \"建设光明科学城\")]",
            "cites: []",
        );
    let e = errors(&text);
    assert!(
        e.contains(&"t.ron:11:9: node \"c\" has no citation".to_string()),
        "{e:#?}"
    );
    assert!(
        e.contains(&"t.ron:15:9: edge \"b\" -Builds-> \"c\" has no citation".to_string()),
        "{e:#?}"
    );
}

#[test]
fn check_without_and_with_sources() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.ron");
    // A quote that is not in the source: fine without --sources, an error with it.
    std::fs::write(
        &file,
        tiny().replace("quote: \"委员会\"", "quote: \"市政府\""),
    )
    .unwrap();
    std::fs::copy(fixture("source.txt"), dir.path().join("source.txt")).unwrap();
    assert!(check_file(&file, None).is_empty());
    let d = check_file(&file, Some(dir.path()));
    assert_eq!(d.len(), 1, "{d:?}");
    let line = d[0].to_string();
    // Pointed at the quote itself.
    let col = "        Node(id: \"b\", kind: Organization, name: (zh: \"委员会\", en: \"Commission\"), cites: [Cite(source: \"s1\", quote: \""
        .chars()
        .count()
        + 1;
    assert!(
        line.starts_with(&format!(
            "{}:10:{col}: node \"b\": quote not found",
            file.display()
        )),
        "{line}"
    );
    // The whitespace-split quote "光明 科学城" (source has a line break inside) is accepted.
    assert!(!line.contains("光明"));
}

#[test]
fn check_cli_exit_codes_and_one_error_per_line() {
    let bin = env!("CARGO_BIN_EXE_innovation-atlas");
    let ok = std::process::Command::new(bin)
        .args(["check", fixture("tiny.ron").to_str().unwrap(), "--sources"])
        .arg(fixture(""))
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    assert!(ok.stdout.is_empty());

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        tiny()
            .replace("to: \"b\"", "to: \"x\"")
            .replace("to: \"c\"", "to: \"y\""),
    )
    .unwrap();
    let out = std::process::Command::new(bin)
        .arg("check")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].ends_with("bad.ron:14:9: edge \"a\" -HeadOf-> \"x\": no node with id \"x\""),
        "{stdout}"
    );
    assert!(lines[1].contains("bad.ron:15:9: "), "{stdout}");
}

#[test]
fn export_json_round_trip() {
    let bin = env!("CARGO_BIN_EXE_innovation-atlas");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.json");
    let status = std::process::Command::new(bin)
        .args([
            "export",
            fixture("tiny.ron").to_str().unwrap(),
            "--format",
            "json",
            "-o",
        ])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], true);
    assert_eq!(v["graph"]["title"]["en"], "Test");
    assert_eq!(v["nodes"].as_array().unwrap().len(), 3);
    assert_eq!(v["links"].as_array().unwrap().len(), 2);
    let n = &v["nodes"][2];
    assert_eq!(n["id"], "c");
    assert_eq!(n["kind"], "Platform");
    assert_eq!(n["name_zh"], "光明科学城");
    assert_eq!(n["aliases"][0], "光明");
    assert_eq!(n["cites"][0]["source"], "s1");
    let l = &v["links"][0];
    assert_eq!(
        (l["source"].as_str(), l["target"].as_str()),
        (Some("a"), Some("b"))
    );
    assert_eq!(l["relation"], "HeadOf");
    // An edge without its own year takes its source's.
    assert_eq!(l["year"], 2021);
    assert_eq!(v["links"][1]["year"], 2022);
}

#[test]
fn shipped_graph_exports_every_node_and_edge() {
    let data = common::shipped_data();
    let v = innovation_atlas::io::to_node_link_json(&data);
    assert_eq!(v["nodes"].as_array().unwrap().len(), data.nodes.len());
    assert_eq!(v["links"].as_array().unwrap().len(), data.edges.len());
}

#[test]
fn canonical_form_is_stable() {
    let data = parse_dataset(&tiny(), "t").unwrap();
    let once = innovation_atlas::io::to_canonical_ron(&data).unwrap();
    let again =
        innovation_atlas::io::to_canonical_ron(&parse_dataset(&once, "t").unwrap()).unwrap();
    assert_eq!(once, again);
    assert_eq!(parse_dataset(&once, "t").unwrap(), data);
}
