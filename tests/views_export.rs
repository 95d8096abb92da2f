//! Saved views (sidecar round trip, errors with line:col, the shipped briefing, broken files
//! kept aside, unusable numbers ignored) and export (SVG is XML with Chinese labels as text,
//! also for names holding characters XML forbids; PNG has the requested size and is not blank;
//! `render --tour` writes numbered images).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use clap::Parser;
use innovation_atlas::cli::{Cli, CliCommand};
use innovation_atlas::io::views::{
    Direction, EgoFocus, View, ViewCamera, Views, load_views, open_views, read_views, save_views,
    save_views_reporting, views_sidecar_path,
};
use innovation_atlas::layout::Positions;
use innovation_atlas::model::{Kind, KnowledgeGraph, Names, Relation};
use innovation_atlas::view::LabelLang;
use innovation_atlas::view::export::{Scene, apply_view, scene_to_svg, svg_to_pixmap, svg_to_png};
use quick_xml::events::Event;
use std::path::Path;
use std::process::ExitCode;

use common::shipped_kg as shenzhen;

const SHENZHEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/graph-data/shenzhen.ron");

fn shipped_views() -> Views {
    load_views(&views_sidecar_path(Path::new(SHENZHEN)))
        .expect("shipped views parse")
        .expect("shipped views exist")
}

fn sample_views() -> Views {
    Views {
        views: vec![
            View {
                name: "平台 platforms".into(),
                caption: Names {
                    zh: "四大平台".into(),
                    en: "The four platforms".into(),
                },
                camera: Some(ViewCamera {
                    center: (12.5, -3.25),
                    zoom: 0.75,
                    viewport: Some((1280.0, 720.0)),
                }),
                hidden_kinds: vec![Kind::METRIC, Kind::AREA],
                hidden_relations: vec![Relation::LOCATED_IN],
                ego: Some(EgoFocus {
                    nodes: vec!["hetao".into(), "qianhai".into()],
                    radius: 2,
                    direction: Direction::Out,
                }),
                highlight: vec!["hetao".into()],
                paths: vec![vec!["plan-14fyp-sti".into(), "four-platforms".into()]],
                layout: Some("force".into()),
                lang: Some(LabelLang::Chinese),
                groups: Some(innovation_atlas::io::groups::GroupState {
                    by: Some(innovation_atlas::io::groups::GroupBy::Kind),
                    hand: vec![],
                    collapsed: vec!["kind:Lab".into()],
                }),
                ..View::default()
            },
            View {
                name: "minimal".into(),
                ..View::default()
            },
        ],
    }
}

#[test]
fn views_save_then_load_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.views.ron");
    let views = sample_views();
    save_views(&path, &views).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    // Human-editable: kinds and relations are bare identifiers.
    assert!(text.contains("hidden_kinds: [Metric, Area]") || text.contains("Metric,"));
    assert!(text.contains("LocatedIn"));
    let back = load_views(&path).unwrap().unwrap();
    assert_eq!(back, views);
    // Saving again is byte-identical (diff-stable).
    save_views(&path, &back).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn missing_views_file_is_none_and_broken_one_reports_line_col() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.views.ron");
    assert_eq!(load_views(&path).unwrap(), None);
    let broken = dir.path().join("broken.views.ron");
    std::fs::write(
        &broken,
        "Views(\n    views: [\n        View(name: \"a\", zoom: 3),\n    ],\n)\n",
    )
    .unwrap();
    let err = load_views(&broken).unwrap_err();
    assert_eq!(err.line, 3, "{err}");
    assert!(err.col > 1, "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("{}:3:", broken.display())),
        "{err}"
    );
    assert_eq!(
        views_sidecar_path(Path::new("d/x.ron")),
        Path::new("d/x.views.ron")
    );
}

#[test]
fn shipped_briefing_has_eight_bilingual_views_whose_ids_all_resolve() {
    let kg = shenzhen();
    let views = shipped_views();
    assert!(views.views.len() >= 8, "{} views", views.views.len());
    for v in &views.views {
        assert!(
            !v.caption.zh.is_empty() && !v.caption.en.is_empty(),
            "{}",
            v.name
        );
        let applied = apply_view(&kg, v);
        assert!(
            applied.missing.is_empty(),
            "{}: {:?}",
            v.name,
            applied.missing
        );
        assert!(applied.visible.node_count >= 2, "{} shows nothing", v.name);
    }
    let bureau = views
        .views
        .iter()
        .find(|v| v.paths.iter().flatten().any(|id| id == "sz-sti-bureau"))
        .expect("a view tells the commission becoming the bureau");
    let applied = apply_view(&kg, bureau);
    let stic = kg.node_ix("sz-stic").unwrap();
    let bureau_ix = kg.node_ix("sz-sti-bureau").unwrap();
    let succession = kg.graph.find_edge(stic, bureau_ix).unwrap();
    assert_eq!(kg.edge(succession).rel, Relation::SUCCEEDED_BY);
    assert!(applied.highlight_edges.contains(&succession));
}

#[test]
fn ego_focus_follows_direction_and_radius() {
    let kg = shenzhen();
    let view = |direction, radius| View {
        name: "ego".into(),
        ego: Some(EgoFocus {
            nodes: vec!["four-platforms".into()],
            radius,
            direction,
        }),
        ..View::default()
    };
    let shown = |v: &View| {
        let a = apply_view(&kg, v);
        kg.node_indices()
            .filter(|ix| a.visible.node(*ix))
            .map(|ix| kg.node(ix).id.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    // The four platforms point at `four-platforms` (PartOf); the plan defines it.
    let incoming = shown(&view(Direction::In, 1));
    for id in [
        "guangming-science-city",
        "hetao",
        "qianhai",
        "xili-lake",
        "plan-14fyp-sti",
    ] {
        assert!(incoming.contains(id), "{id} missing from {incoming:?}");
    }
    assert_eq!(
        shown(&view(Direction::Out, 1)).len(),
        1,
        "nothing leaves four-platforms"
    );
    assert_eq!(shown(&view(Direction::Both, 0)).len(), 1);
    assert!(shown(&view(Direction::Both, 2)).len() > incoming.len());
}

fn positions(kg: &KnowledgeGraph) -> Positions {
    // A fixed scatter is enough to test drawing; layouts are tested elsewhere.
    Positions::random(kg.node_bound(), 7)
}

fn platforms_svg(kg: &KnowledgeGraph, pos: &Positions, w: u32, h: u32) -> String {
    let views = shipped_views();
    let view = views
        .views
        .iter()
        .find(|v| {
            v.ego
                .as_ref()
                .is_some_and(|e| e.nodes.iter().any(|n| n == "xili-lake"))
        })
        .expect("a platforms view");
    let applied = apply_view(kg, view);
    let scene = Scene::from_view(
        kg,
        pos,
        &applied,
        LabelLang::Both,
        view.name.clone(),
        vec![view.caption.zh.clone(), view.caption.en.clone()],
        w,
        h,
    );
    scene_to_svg(&scene)
}

#[test]
fn svg_is_xml_with_chinese_labels_as_text_and_a_sources_footer() {
    let kg = shenzhen();
    let pos = positions(&kg);
    let svg = platforms_svg(&kg, &pos, 1600, 900);
    let mut reader = quick_xml::Reader::from_str(&svg);
    let mut texts = Vec::new();
    let mut in_text = false;
    let mut elements = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                elements += 1;
                in_text = e.name().as_ref() == b"text";
            }
            Ok(Event::Empty(_)) => elements += 1,
            Ok(Event::End(_)) => in_text = false,
            Ok(Event::Text(t)) if in_text => {
                texts.push(t.decode().unwrap().into_owned());
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not XML at {}: {e}", reader.buffer_position()),
        }
    }
    assert!(elements > 20, "{elements} elements");
    for label in ["光明科学城", "西丽湖国际科教城", "河套深港科技创新合作区"]
    {
        assert!(
            texts.iter().any(|t| t == label),
            "no <text>{label}</text> in {texts:?}"
        );
    }
    assert!(svg.contains("font-family=\"'Noto Sans CJK SC'"));
    // The footer names the plan, which the visible nodes cite.
    assert!(
        texts
            .iter()
            .any(|t| t.contains("深圳市科技创新“十四五”规划"))
    );
}

#[test]
fn png_has_the_requested_size_and_is_not_blank() {
    let kg = shenzhen();
    let pos = positions(&kg);
    let (w, h) = (800, 450);
    let svg = platforms_svg(&kg, &pos, w, h);
    let png = svg_to_png(&svg, w, h).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let dim = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    assert_eq!((dim(16), dim(20)), (w, h), "IHDR width/height");

    let pixmap = svg_to_pixmap(&svg, w, h).unwrap();
    let px = pixmap.pixels();
    let background = px[px.len() / 2 + 3];
    let differing = px.iter().filter(|p| **p != background).count();
    assert!(
        differing > px.len() / 100,
        "only {differing} non-background pixels"
    );
    // Dark pixels in the caption band: the title glyphs really rendered (no font, no ink).
    let band_ink = px[..(w as usize) * 60]
        .iter()
        .filter(|p| p.red() < 80 && p.green() < 80 && p.blue() < 80)
        .count();
    assert!(band_ink > 200, "caption ink {band_ink}");
}

#[test]
fn render_tour_writes_numbered_images_and_render_view_writes_svg() {
    let dir = tempfile::tempdir().unwrap();
    let tour = dir.path().join("slides");
    let run = |args: &[&str]| -> ExitCode {
        let cli = Cli::try_parse_from(args).unwrap();
        match cli.command {
            Some(CliCommand::Render(a)) => innovation_atlas::cli::render::run(a),
            other => panic!("parsed as {other:?}"),
        }
    };
    let tour_s = tour.to_string_lossy().into_owned();
    let code = run(&[
        "innovation-atlas",
        "render",
        SHENZHEN,
        "--tour",
        &tour_s,
        "--width",
        "320",
        "--height",
        "180",
    ]);
    assert_eq!(code, ExitCode::SUCCESS);
    let n = shipped_views().views.len();
    let mut names: Vec<String> = std::fs::read_dir(&tour)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected: Vec<String> = (1..=n).map(|i| format!("{i:02}.png")).collect();
    assert_eq!(names, expected);
    let first = std::fs::read(tour.join("01.png")).unwrap();
    assert_eq!(u32::from_be_bytes(first[16..20].try_into().unwrap()), 320);

    let out = dir.path().join("one.svg");
    let out_s = out.to_string_lossy().into_owned();
    let name = shipped_views().views[1].name.clone();
    assert_eq!(
        run(&[
            "innovation-atlas",
            "render",
            SHENZHEN,
            "--view",
            &name,
            "-o",
            &out_s
        ]),
        ExitCode::SUCCESS
    );
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<svg"));
    assert_ne!(
        run(&[
            "innovation-atlas",
            "render",
            SHENZHEN,
            "--view",
            "no such view",
            "-o",
            &out_s
        ]),
        ExitCode::SUCCESS
    );
}

#[test]
fn broken_views_file_is_kept_aside_byte_for_byte_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.views.ron");
    let bad = dir.path().join("g.views.ron.bad");
    // Hours of hand work with one slip (and a byte that is not UTF-8).
    let broken: &[u8] = b"Views(\n    views: [\n        View(name: \"a\", zoom: 3),\n        View(name: \"caf\xe9\"),\n    ],\n)\n";
    std::fs::write(&path, broken).unwrap();
    let opened = open_views(&path);
    assert_eq!(opened.value, None);
    let msg = opened.broken.expect("reported");
    assert!(
        msg.starts_with(&format!("{}:4:", path.display())),
        "names the file, line and column: {msg}"
    );
    assert!(msg.contains("kept it as g.views.ron.bad"), "{msg}");
    assert_eq!(std::fs::read(&bad).unwrap(), broken, "kept byte for byte");
    assert!(!path.exists(), "moved aside, so a save cannot replace it");

    // The next save writes a fresh file and leaves the kept one alone.
    let views = sample_views();
    assert_eq!(save_views_reporting(&path, &views).unwrap(), None);
    assert_eq!(load_views(&path).unwrap(), Some(views.clone()));
    assert_eq!(std::fs::read(&bad).unwrap(), broken);

    // Broken again while the app runs (hot reload only reports it): the save keeps it too,
    // under a new name, without replacing the first copy.
    let again = b"Views(views: [View(name: \"b\", camera: (center: (0, 0)".as_slice();
    std::fs::write(&path, again).unwrap();
    assert!(read_views(&path).is_err());
    let msg = save_views_reporting(&path, &views)
        .unwrap()
        .expect("says it kept the file");
    assert!(msg.contains("g.views.ron.bad.1"), "{msg}");
    assert_eq!(
        std::fs::read(dir.path().join("g.views.ron.bad.1")).unwrap(),
        again
    );
    assert_eq!(std::fs::read(&bad).unwrap(), broken);
    assert_eq!(load_views(&path).unwrap(), Some(views.clone()));

    // `save_views` (the old signature) gives the same protection.
    std::fs::write(&path, "not views").unwrap();
    save_views(&path, &views).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("g.views.ron.bad.2")).unwrap(),
        "not views"
    );
}

#[test]
fn unusable_camera_numbers_are_ignored_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.views.ron");
    let text = r#"#![enable(implicit_some)]
Views(
    views: [
        View(name: "zero", camera: ViewCamera(center: (1.0, 2.0), zoom: 0.0)),
        View(name: "nan", camera: Some(ViewCamera(center: (1.0, 2.0), zoom: NaN))),
        View(name: "none", camera: None),
        View(name: "negative", camera: ViewCamera(center: (1.0, 2.0), zoom: -2.0)),
        View(name: "infinite", camera: ViewCamera(center: (1.0, 2.0), zoom: inf)),
        View(name: "centre", camera: ViewCamera(center: (NaN, 2.0), zoom: 1.0)),
        View(name: "viewport", camera: ViewCamera(center: (1.0, 2.0), zoom: 1.5, viewport: (0.0, 720.0))),
        View(name: "good", camera: ViewCamera(center: (1.0, 2.0), zoom: 0.5, viewport: (1280.0, 720.0))),
    ],
)
"#;
    std::fs::write(&path, text).unwrap();
    let read = read_views(&path).unwrap().unwrap();
    let cameras: Vec<(&str, Option<ViewCamera>)> = read
        .value
        .views
        .iter()
        .map(|v| (v.name.as_str(), v.camera))
        .collect();
    let kept = |zoom, viewport| {
        Some(ViewCamera {
            center: (1.0, 2.0),
            zoom,
            viewport,
        })
    };
    assert_eq!(
        cameras,
        [
            ("zero", None),
            ("nan", None),
            ("none", None),
            ("negative", None),
            ("infinite", None),
            ("centre", None),
            ("viewport", kept(1.5, None)),
            ("good", kept(0.5, Some((1280.0, 720.0)))),
        ]
    );
    let lines: Vec<String> = read.warnings.iter().map(ToString::to_string).collect();
    let p = path.display();
    let expected = [
        format!("{p}:4:67: view \"zero\": zoom 0 is not a positive number"),
        format!("{p}:5:71: view \"nan\": zoom NaN is not a positive number"),
        format!("{p}:7:71: view \"negative\": zoom -2 is not a positive number"),
        format!("{p}:8:71: view \"infinite\": zoom inf is not a positive number"),
        format!("{p}:9:49: view \"centre\": camera centre (NaN, 2) is not a usable number"),
        format!("{p}:10:71: view \"viewport\": viewport (0, 720) is not a positive size"),
    ];
    assert_eq!(lines.len(), expected.len(), "{lines:#?}");
    for (line, want) in lines.iter().zip(&expected) {
        assert!(
            line.starts_with(want),
            "{line}\n  should start with\n{want}"
        );
    }
    // The plain loader never hands out an unusable camera either.
    assert_eq!(load_views(&path).unwrap().unwrap(), read.value);
}

#[test]
fn render_ignores_non_finite_layout_positions() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("g.ron");
    std::fs::copy(SHENZHEN, &data).unwrap();
    let kg = shenzhen();
    // Every node at NaN or infinity: before, these reached the layout and the SVG.
    let body: String = kg
        .node_indices()
        .enumerate()
        .map(|(i, ix)| {
            let v = ["NaN", "inf", "-inf", "1e39"][i % 4];
            format!("{:?}: (x: {v}, y: 1.0, pinned: true),\n", kg.node(ix).id)
        })
        .collect();
    let sidecar = innovation_atlas::io::layout_sidecar_path(&data);
    std::fs::write(&sidecar, format!("SavedLayout(positions: {{\n{body}}})\n")).unwrap();
    let loaded = innovation_atlas::io::load_layout(&sidecar)
        .unwrap()
        .unwrap();
    assert!(loaded.positions.is_empty(), "every position dropped");
    let out = dir.path().join("g.svg");
    let cli = Cli::try_parse_from([
        "innovation-atlas",
        "render",
        &data.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ])
    .unwrap();
    let Some(CliCommand::Render(args)) = cli.command else {
        panic!("not render");
    };
    assert_eq!(innovation_atlas::cli::render::run(args), ExitCode::SUCCESS);
    let svg = std::fs::read_to_string(&out).unwrap();
    let mut reader = quick_xml::Reader::from_str(&svg);
    let mut numbers = 0;
    loop {
        match reader.read_event().expect("XML") {
            Event::Start(e) | Event::Empty(e) => {
                for a in e.attributes() {
                    let a = a.unwrap();
                    if !matches!(
                        a.key.as_ref(),
                        b"x" | b"y"
                            | b"cx"
                            | b"cy"
                            | b"r"
                            | b"x1"
                            | b"y1"
                            | b"x2"
                            | b"y2"
                            | b"points"
                    ) {
                        continue;
                    }
                    let value = String::from_utf8_lossy(&a.value).into_owned();
                    for n in value.split([' ', ',']) {
                        let v: f32 = n.parse().unwrap_or(f32::NAN);
                        assert!(v.is_finite(), "{n:?} in {value:?}");
                        numbers += 1;
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(numbers > 100, "{numbers} coordinates");
    assert!(svg.matches("<circle").count() > 10, "the nodes are drawn");
}

/// XML 1.0's `Char` production.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[test]
fn svg_and_png_survive_names_with_characters_xml_forbids() {
    let mut data =
        innovation_atlas::io::load_dataset(Path::new(SHENZHEN)).expect("shipped graph loads");
    let hostile = "\u{FFFE}\u{FFFF}\u{0}\u{1b}\u{8}";
    for n in &mut data.nodes {
        n.name.zh.push_str(hostile);
        n.name.en.insert_str(0, hostile);
    }
    data.nodes[0].kind = Kind::new(&format!("kind{hostile}"));
    for s in &mut data.sources {
        s.title.zh.push_str(hostile);
        s.title.en.push_str(hostile);
    }
    let kg = KnowledgeGraph::build(data);
    let pos = positions(&kg);
    let view = View::default();
    let applied = apply_view(&kg, &view);
    let (w, h) = (800, 450);
    let scene = Scene::from_view(
        &kg,
        &pos,
        &applied,
        LabelLang::Both,
        format!("title{hostile}"),
        vec![format!("caption{hostile}")],
        w,
        h,
    );
    let svg = scene_to_svg(&scene);
    let bad: Vec<char> = svg.chars().filter(|c| !is_xml_char(*c)).collect();
    assert!(bad.is_empty(), "characters XML forbids: {bad:?}");
    assert!(
        svg.contains("title\u{FFFD}"),
        "replaced, not silently dropped"
    );
    let png = svg_to_png(&svg, w, h).expect("the PNG renderer accepts the SVG");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // The same document with the raw characters is what the renderer refused before.
    assert!(svg_to_png(&svg.replace("title\u{FFFD}", "title\u{FFFE}"), w, h).is_err());
}
