//! Views that present well (issue #15 parts 2, 3, 5), checked on exports without egui: the
//! shipped "From the plan to actions" draws its ten actions at full strength, named, filling
//! the frame; the overview names the hubs; the legend lists exactly the colours drawn; notes,
//! callouts and shapes of a view are in the SVG.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use innovation_atlas::cli::render::positions_for;
use innovation_atlas::io::views::{
    Annotation, AnnotationShape, Appearance, StyleBy, View, Views, load_views, views_sidecar_path,
};
use innovation_atlas::layout::Positions;
use innovation_atlas::model::{KnowledgeGraph, Names, NodeIx};
use innovation_atlas::view::LabelLang;
use innovation_atlas::view::export::{Drawn, Scene, apply_view, render_svg};
use std::collections::BTreeSet;

fn shipped_views() -> Views {
    load_views(&views_sidecar_path(&common::shipped()))
        .unwrap()
        .unwrap()
}

fn view_named(part: &str) -> View {
    shipped_views()
        .views
        .into_iter()
        .find(|v| v.name.contains(part))
        .unwrap_or_else(|| panic!("no view {part:?}"))
}

/// The export of `view` at 1600×900 as `render` draws it (its own arrangement, if any).
fn render(kg: &KnowledgeGraph, base: &Positions, view: &View) -> (String, Drawn) {
    let applied = apply_view(kg, view);
    let positions = applied.positions(kg, base, 1600.0 / (900.0 * 0.75));
    let scene = Scene::from_view(
        kg,
        &positions,
        &applied,
        LabelLang::Both,
        view.name.clone(),
        vec![view.caption.zh.clone()],
        1600,
        900,
    );
    render_svg(&scene)
}

/// The `<g id="…">` group of an SVG (groups of the export do not nest `<g` inside except the
/// per-node and per-label ones, which close on their own line).
fn group<'a>(svg: &'a str, id: &str) -> &'a str {
    let start = svg
        .find(&format!("<g id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no group {id}"));
    let rest = &svg[start..];
    let end = rest.find("\n</g>").unwrap_or(rest.len());
    &rest[..end]
}

/// Fill colours of the shapes (not the text) in a part of an SVG.
fn fills(part: &str) -> BTreeSet<String> {
    part.split('<')
        .filter(|e| {
            ["circle", "polygon", "rect"]
                .iter()
                .any(|s| e.starts_with(s))
        })
        .filter_map(|e| e.split("fill=\"").nth(1)?.split('"').next())
        .filter(|c| c.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_plan_to_actions_view_draws_its_ten_actions_lit_named_and_filling_the_frame() {
    let kg = common::shipped_kg();
    let base = positions_for(&common::shipped(), &kg).unwrap();
    let view = view_named("From the plan to actions");
    let applied = apply_view(&kg, &view);
    let actions: Vec<NodeIx> = kg
        .node_indices()
        .filter(|ix| kg.node(*ix).id.starts_with("act-") && applied.visible.node(*ix))
        .collect();
    assert_eq!(actions.len(), 10, "the ten actions are shown");
    for a in &actions {
        assert!(
            applied.highlight_nodes.contains(a),
            "{} is the subject",
            kg.node(*a).id
        );
    }
    let (svg, drawn) = render(&kg, &base, &view);
    for a in &actions {
        assert!(drawn.nodes.contains(a), "{} drawn", kg.node(*a).id);
        assert!(drawn.labelled.contains(a), "{} named", kg.node(*a).id);
    }
    // Lit: no action is inside a faded group (opacity below 1).
    let nodes = group(&svg, "nodes");
    for a in &actions {
        let id = &kg.node(*a).id;
        let at = nodes.find(&format!("<title>{id}</title>")).unwrap();
        let open = nodes[..at].rfind("<g").unwrap();
        assert!(
            !nodes[open..at].starts_with("<g opacity"),
            "{id} is drawn faded"
        );
    }
    // The arrangement fills the graph area: the nodes span most of its width and height.
    let (center, zoom) = drawn.camera;
    let [w, h] = drawn.points;
    let arranged = applied.positions(&kg, &base, 1600.0 / (900.0 * 0.75));
    let (lo, hi) = arranged
        .bounds(|i| applied.visible.nodes.get(i).copied().unwrap_or(false))
        .unwrap();
    let span = [(hi[0] - lo[0]) * zoom, (hi[1] - lo[1]) * zoom];
    assert!(span[0] > 0.6 * w, "width {:.0} of {w:.0}", span[0]);
    assert!(span[1] > 0.6 * h, "height {:.0} of {h:.0}", span[1]);
    let _ = center;
    // No two labels overlap (their halo boxes).
    let labels = group(&svg, "labels");
    let boxes: Vec<[f32; 4]> = labels
        .split("<rect ")
        .skip(1)
        .map(|r| {
            let num = |k: &str| -> f32 {
                let s = r.split(&format!("{k}=\"")).nth(1).unwrap();
                s.split('"').next().unwrap().parse().unwrap()
            };
            [
                num("x"),
                num("y"),
                num("x") + num("width"),
                num("y") + num("height"),
            ]
        })
        .collect();
    assert!(boxes.len() >= 13, "{} labels", boxes.len());
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap =
                a[0] < b[2] - 1.0 && b[0] < a[2] - 1.0 && a[1] < b[3] - 1.0 && b[1] < a[3] - 1.0;
            assert!(!overlap, "labels overlap: {a:?} {b:?}");
        }
    }
}

#[test]
fn the_overview_names_shenzhen_and_the_plan_before_leaves() {
    let kg = common::shipped_kg();
    let base = positions_for(&common::shipped(), &kg).unwrap();
    let overview = shipped_views().views.into_iter().next().unwrap();
    let (_, drawn) = render(&kg, &base, &overview);
    for id in ["shenzhen", "plan-14fyp-sti"] {
        let ix = kg.node_ix(id).unwrap();
        assert!(drawn.labelled.contains(&ix), "{id} unlabelled");
    }
    // Hubs first: the labelled nodes' degrees are, on the whole, far above the drawn ones'.
    let degree = kg.undirected_degree();
    let mean =
        |v: &[NodeIx]| v.iter().map(|i| degree[i.index()] as f32).sum::<f32>() / v.len() as f32;
    assert!(mean(&drawn.labelled) > 3.0 * mean(&drawn.nodes));
}

#[test]
fn the_legend_lists_exactly_the_colours_drawn() {
    let kg = common::shipped_kg();
    let base = Positions::random(kg.node_bound(), 3);
    for appearance in [
        None,
        Some(Appearance {
            node_color: Some(StyleBy::Metric("community".into())),
            ..Appearance::default()
        }),
        Some(Appearance {
            node_color: Some(StyleBy::Relation),
            ..Appearance::default()
        }),
    ] {
        let mut view = view_named("Guangming");
        view.appearance = appearance.clone();
        let (svg, _) = render(&kg, &base, &view);
        let drawn = fills(group(&svg, "nodes"));
        let listed = fills(group(&svg, "legend"));
        assert!(drawn.len() >= 2, "{appearance:?}: {drawn:?}");
        assert_eq!(drawn, listed, "{appearance:?}");
    }
}

#[test]
fn a_views_notes_callouts_and_shapes_are_in_the_svg() {
    let kg = common::shipped_kg();
    let base = Positions::random(kg.node_bound(), 3);
    let mut view = view_named("Guangming");
    let text = |zh: &str, en: &str| Names {
        zh: zh.into(),
        en: en.into(),
    };
    view.annotations = vec![
        Annotation {
            shape: AnnotationShape::Note,
            text: text("大科学装置集聚", "Big-science cluster"),
            node: Some("guangming-science-city".into()),
            at: (30.0, -30.0),
            size: None,
        },
        Annotation {
            shape: AnnotationShape::Rect,
            text: text("实验室", "Labs"),
            node: None,
            at: (base.xy[0][0], base.xy[0][1]),
            size: Some((200.0, 120.0)),
        },
        Annotation {
            shape: AnnotationShape::Circle,
            text: text("", "Facilities"),
            node: Some("pengcheng-lab".into()),
            at: (0.0, 0.0),
            size: Some((80.0, 80.0)),
        },
    ];
    let (svg, _) = render(&kg, &base, &view);
    let notes = group(&svg, "annotations");
    for t in [
        "大科学装置集聚",
        "Big-science cluster",
        "实验室",
        "Labs",
        "Facilities",
    ] {
        assert!(notes.contains(&format!(">{t}</text>")), "{t} missing");
    }
    assert_eq!(
        notes.matches("<rect ").count(),
        2,
        "the note's box and the rectangle"
    );
    assert_eq!(notes.matches("<circle ").count(), 1);
    assert_eq!(notes.matches("<line ").count(), 1, "the callout's leader");
    // The callout's leader ends on its node as the node is drawn.
    let num = |s: &str, k: &str| -> f32 {
        let v = s.split(&format!(" {k}=\"")).nth(1).unwrap();
        v.split('"').next().unwrap().parse().unwrap()
    };
    let line = &notes[notes.find("<line ").unwrap()..];
    let end = [num(line, "x2"), num(line, "y2")];
    let nodes = group(&svg, "nodes");
    let gsc = nodes.find("<title>guangming-science-city</title>").unwrap();
    let shape = &nodes[nodes[..gsc].rfind("<g").unwrap()..gsc];
    let pts: Vec<[f32; 2]> = if shape.contains("<circle") {
        let (x, y, r) = (num(shape, "cx"), num(shape, "cy"), num(shape, "r"));
        vec![[x - r, y - r], [x + r, y + r]]
    } else {
        let list = shape
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        list.split(' ')
            .map(|p| {
                let mut xy = p.split(',').map(|v| v.parse::<f32>().unwrap());
                [xy.next().unwrap(), xy.next().unwrap()]
            })
            .collect()
    };
    let inside = |k: usize| {
        let lo = pts.iter().map(|p| p[k]).fold(f32::INFINITY, f32::min);
        let hi = pts.iter().map(|p| p[k]).fold(f32::NEG_INFINITY, f32::max);
        (lo - 0.5..=hi + 0.5).contains(&end[k])
    };
    assert!(
        inside(0) && inside(1),
        "leader ends at {end:?}, node at {pts:?}"
    );
}

/// `render` draws a view's collapsed groups as on the screen: one ringed meta-node per
/// collapsed group, thick aggregated edges, the members folded away; and the shipped views
/// that carry notes draw them.
#[test]
fn the_cli_render_of_a_grouped_view_draws_its_groups_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hosts.svg");
    let view = view_named("The platforms and what they host");
    let collapsed = view.groups.as_ref().unwrap().collapsed.len();
    let args = [
        "innovation-atlas".to_string(),
        "render".into(),
        common::shipped().to_string_lossy().into_owned(),
        "--view".into(),
        view.name.clone(),
        "-o".into(),
        out.to_string_lossy().into_owned(),
    ];
    let cli = <innovation_atlas::cli::Cli as clap::Parser>::try_parse_from(args).unwrap();
    let Some(innovation_atlas::cli::CliCommand::Render(a)) = cli.command else {
        panic!("not a render command");
    };
    assert_eq!(
        innovation_atlas::cli::render::run(a),
        std::process::ExitCode::SUCCESS
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert_eq!(svg.matches(r#"<circle class="group""#).count(), collapsed);
    assert!(svg.contains(r#"<line class="group-edge""#));
    // Every shipped note is drawn.
    for a in &view.annotations {
        assert!(svg.contains(&a.text.zh), "{} is drawn", a.text.zh);
    }
    assert!(!view.annotations.is_empty(), "the view ships a note");
}
