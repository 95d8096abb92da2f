//! What the Debian package installs (`[package.metadata.deb]` in Cargo.toml) matches its
//! sources: the man pages are the clap definition's, the PNG icon is the SVG's, the desktop
//! entry names exactly the MIME types the package defines, Atlas files carry the MIME magic;
//! and `--help` documents every flag. Stale generated files are refreshed with
//! `ATLAS_BLESS=1 cargo test --test packaging`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

use clap::CommandFactory;
use innovation_atlas::cli::Cli;
use innovation_atlas::io;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const REFRESH: &str = "ATLAS_BLESS=1 cargo test --test packaging";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn bless() -> bool {
    std::env::var_os("ATLAS_BLESS").is_some_and(|v| v == "1")
}

/// Every man page of the CLI, `(file name, roff)`: the command and each visible subcommand,
/// as `clap_mangen::generate_to` names them, rendered in memory.
fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            walk(sub, out);
        }
        let man = clap_mangen::Man::new(cmd.clone());
        let mut roff = Vec::new();
        man.render(&mut roff).unwrap();
        out.push((man.get_filename(), roff));
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, &mut out);
    out.sort();
    out
}

#[test]
fn man_pages_are_generated_from_the_cli_definition() {
    let dir = repo("assets/man");
    let pages = man_pages();
    let on_disk = |dir: &Path| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter(|n| n.ends_with(".1"))
                    .collect()
            })
            .unwrap_or_default()
    };
    if bless() {
        std::fs::create_dir_all(&dir).unwrap();
        for name in on_disk(&dir) {
            std::fs::remove_file(dir.join(name)).unwrap();
        }
        for (name, roff) in &pages {
            std::fs::write(dir.join(name), roff).unwrap();
        }
    }
    let mut stale = Vec::new();
    for (name, roff) in &pages {
        if std::fs::read(dir.join(name)).ok().as_deref() != Some(roff.as_slice()) {
            stale.push(format!("{name} differs or is missing"));
        }
    }
    let expected: BTreeSet<String> = pages.iter().map(|(n, _)| n.clone()).collect();
    for extra in on_disk(&dir).difference(&expected) {
        stale.push(format!("{extra} has no command any more"));
    }
    assert!(
        stale.is_empty(),
        "assets/man/ is stale ({}); refresh it with `{REFRESH}`",
        stale.join("; ")
    );
    // The main page names each subcommand and the installed data.
    let main = String::from_utf8(
        pages
            .iter()
            .find(|(n, _)| n == "innovation-atlas.1")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    for sub in ["check", "convert", "render", "stats", "path", "fmt"] {
        assert!(main.contains(sub), "main man page lacks {sub}");
    }
    assert!(main.contains("/usr/share/innovation\\-atlas/graph\\-data/shenzhen.ron"));
}

#[test]
fn every_subcommand_and_argument_is_documented() {
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        if cmd.get_about().is_none() && cmd.get_long_about().is_none() {
            missing.push(format!("{path}: no description"));
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            if arg.get_help().is_none() && arg.get_long_help().is_none() {
                missing.push(format!("{path}: argument `{id}` has no help"));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut missing = Vec::new();
    walk(&cmd, "innovation-atlas", &mut missing);
    assert!(missing.is_empty(), "undocumented:\n{}", missing.join("\n"));
}

fn atlas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_innovation-atlas"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn version_and_help_print_and_exit_cleanly() {
    let out = atlas(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("innovation-atlas {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = atlas(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in ["--ui-lang", "--version", "check", "render", "Files:"] {
        assert!(help.contains(needle), "--help lacks {needle}:\n{help}");
    }
    let out = atlas(&["render", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--width <WIDTH>") && help.contains("Image width"));
}

/// A `<mime-type>` of the package's shared-mime-info XML: its name and its globs.
type MimeType = (String, Vec<String>);

/// Each `<mime-type>` of the package's XML, and the `(value, offset)` of every string
/// `<match>` of the Atlas type.
fn mime_xml() -> (Vec<MimeType>, Vec<(String, String)>) {
    use quick_xml::events::Event;
    let text = std::fs::read_to_string(repo("assets/linux/innovation-atlas.xml")).unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut types: Vec<MimeType> = Vec::new();
    let mut atlas_magic = Vec::new();
    let attr = |e: &quick_xml::events::BytesStart, name: &[u8]| {
        e.attributes()
            .filter_map(Result::ok)
            .find(|a| a.key.as_ref() == name)
            .map(|a| String::from_utf8(a.value.into_owned()).unwrap())
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"mime-type" => types.push((attr(&e, b"type").unwrap(), Vec::new())),
                b"glob" => types
                    .last_mut()
                    .unwrap()
                    .1
                    .push(attr(&e, b"pattern").unwrap()),
                b"match" if types.last().unwrap().0 == "application/x-innovation-atlas" => {
                    atlas_magic.push((attr(&e, b"value").unwrap(), attr(&e, b"offset").unwrap()))
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    (types, atlas_magic)
}

#[test]
fn desktop_entry_opens_every_type_the_package_defines() {
    let entry = std::fs::read_to_string(repo("assets/linux/innovation-atlas.desktop")).unwrap();
    let key = |k: &str| {
        entry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .unwrap_or_else(|| panic!("desktop entry lacks {k}"))
    };
    assert_eq!(key("Exec"), "innovation-atlas %f");
    assert_eq!(key("Icon"), "innovation-atlas");
    assert_eq!(key("Name[zh_CN]"), "创新图谱");
    assert!(!key("Comment[zh_CN]").is_empty() && !key("Categories").is_empty());
    let listed: BTreeSet<&str> = key("MimeType")
        .split(';')
        .filter(|t| !t.is_empty())
        .collect();
    let (types, _) = mime_xml();
    let mut wanted: BTreeSet<&str> = types.iter().map(|(t, _)| t.as_str()).collect();
    // DOT is in the freedesktop.org database already.
    wanted.insert("text/vnd.graphviz");
    assert_eq!(listed, wanted);
    let globs: BTreeSet<&str> = types
        .iter()
        .flat_map(|(_, g)| g.iter().map(String::as_str))
        .collect();
    assert_eq!(globs, BTreeSet::from(["*.gexf", "*.gml", "*.graphml"]));
    // The icon the entry names is installed from these two files.
    assert!(repo("assets/icons/innovation-atlas.svg").is_file());
    assert!(repo("assets/icons/innovation-atlas-256.png").is_file());
}

/// Whether `text` has `value` starting within the byte range `offset` ("a" or "a:b").
fn magic_matches(text: &str, value: &str, offset: &str) -> bool {
    let (from, to) = match offset.split_once(':') {
        Some((a, b)) => (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap()),
        None => (offset.parse().unwrap(), offset.parse().unwrap()),
    };
    let end = (to + value.len()).min(text.len());
    text.as_bytes()
        .get(from..end)
        .is_some_and(|w| w.windows(value.len()).any(|x| x == value.as_bytes()))
}

#[test]
fn atlas_files_and_only_they_match_the_mime_magic() {
    let (_, magic) = mime_xml();
    assert_eq!(magic.len(), 1, "one rule: {magic:?}");
    let (value, offset) = &magic[0];
    let is_atlas = |text: &str| magic_matches(text, value, offset);
    let shipped = std::fs::read_to_string(repo("graph-data/shenzhen.ron")).unwrap();
    assert!(is_atlas(&shipped));
    assert!(is_atlas(io::EMBEDDED_SHENZHEN));
    // What Save writes, for the shipped graph and for an empty one.
    let data = io::load_dataset(&repo("graph-data/shenzhen.ron")).unwrap();
    assert!(is_atlas(&io::to_canonical_ron(&data).unwrap()));
    assert!(is_atlas(
        &io::to_canonical_ron(&Default::default()).unwrap()
    ));
    // Sidecars and other programs' RON are not Atlas data files.
    for side in [
        "shenzhen.vocab.ron",
        "shenzhen.views.ron",
        "shenzhen.geo.ron",
    ] {
        let text = std::fs::read_to_string(repo(&format!("graph-data/{side}"))).unwrap();
        assert!(!is_atlas(&text), "{side} would open as a data file");
    }
    assert!(!is_atlas("(name: \"x\", items: [1, 2])\n"));
}

#[test]
fn png_icon_is_the_svg_rendered_at_256() {
    let svg = std::fs::read_to_string(repo("assets/icons/innovation-atlas.svg")).unwrap();
    let rendered = innovation_atlas::view::export::svg_to_pixmap(&svg, 256, 256).unwrap();
    let png_path = repo("assets/icons/innovation-atlas-256.png");
    if bless() {
        std::fs::write(&png_path, rendered.encode_png().unwrap()).unwrap();
    }
    let committed = resvg::tiny_skia::Pixmap::load_png(&png_path)
        .unwrap_or_else(|e| panic!("{}: {e}; refresh it with `{REFRESH}`", png_path.display()));
    assert_eq!((committed.width(), committed.height()), (256, 256));
    // A little slack for rasteriser updates; a changed drawing differs by far more.
    let worst = committed
        .data()
        .iter()
        .zip(rendered.data())
        .map(|(a, b)| a.abs_diff(*b))
        .max()
        .unwrap();
    assert!(
        worst <= 8,
        "the PNG icon is stale (max channel difference {worst}); refresh it with `{REFRESH}`"
    );
    // Opaque in the middle, transparent in the corner (rounded tile).
    assert_eq!(rendered.pixel(128, 128).unwrap().alpha(), 255);
    assert_eq!(rendered.pixel(0, 0).unwrap().alpha(), 0);
}
