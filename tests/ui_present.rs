//! The canvas and its legend under egui_kittest (issue #15): a callout pinned to a node follows
//! it while the node is dragged; the legend lists exactly the colours the canvas draws, also
//! for an imported graph whose kinds say nothing (coloured by its `type` attribute).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innovation_atlas::analysis::focus::Focus;
use innovation_atlas::analysis::{Filter, Visible, visible_subgraph};
use innovation_atlas::app::install_fonts;
use innovation_atlas::commands::{Command, Document, Edit, Origin};
use innovation_atlas::io::views::{Annotation, AnnotationShape, View, Views};
use innovation_atlas::layout::Positions;
use innovation_atlas::model::{Dataset, Edge, Kind, Names, Node, Relation};
use innovation_atlas::view::appearance::LegendPart;
use innovation_atlas::view::{CanvasInput, CanvasState, LabelLang, canvas_ui};
use std::collections::BTreeSet;

/// A canvas and its legend over one document, applying node drags the way the app does.
struct Bench {
    doc: Document,
    pos: Positions,
    visible: Visible,
    degree: Vec<u32>,
    canvas: CanvasState,
    focus: Focus,
    /// Commands other than node moves, as the app would get them.
    sent: Vec<Command>,
}

impl Bench {
    fn new(data: Dataset, xy: &[[f32; 2]]) -> Bench {
        let doc = Document::new(data, Origin::Embedded);
        let visible = visible_subgraph(&doc.kg, &Filter::default());
        let degree = doc.kg.undirected_degree();
        let mut pos = Positions::random(doc.kg.node_bound(), 1);
        pos.xy[..xy.len()].copy_from_slice(xy);
        let mut canvas = CanvasState::default();
        canvas.fit_requested = true;
        canvas.fit_instantly = true;
        Bench {
            doc,
            pos,
            visible,
            degree,
            canvas,
            focus: Focus::default(),
            sent: Vec::new(),
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui) {
        let none = BTreeSet::new();
        let input = CanvasInput {
            kg: &self.doc.kg,
            positions: &self.pos,
            visible: &self.visible,
            selected_nodes: &none,
            selected_edge: None,
            search_hits: &[],
            degree: &self.degree,
            lang: LabelLang::English,
            dark: false,
        };
        let out = canvas_ui(ui, &mut self.canvas, &input);
        for c in out.commands {
            match c {
                Command::MoveNode { node, to } => self.pos.xy[node.index()] = to,
                other => self.sent.push(other),
            }
        }
        let styled = self
            .canvas
            .looks(&self.doc.kg, &self.visible, LabelLang::English)
            .cloned();
        let mut commands = Vec::new();
        innovation_atlas::ui::legend_ui_styled(
            ui,
            &self.doc,
            &innovation_atlas::view::legend_kinds(&self.doc.kg, &self.visible),
            LabelLang::English,
            &self.focus,
            styled.as_ref(),
            &mut commands,
        );
    }
}

fn harness(bench: Bench) -> Harness<'static, Bench> {
    Harness::builder()
        .with_size([900.0, 700.0])
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(install_fonts)
        .build_ui_state(|ui, b: &mut Bench| b.ui(ui), bench)
}

fn node(id: &str, kind: &str, attrs: &[(&str, &str)]) -> Node {
    Node {
        id: id.into(),
        kind: Kind::new(kind),
        name: Names {
            zh: String::new(),
            en: id.to_uppercase(),
        },
        aliases: vec![],
        attrs: attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        cites: vec![],
    }
}

fn edge(from: &str, to: &str) -> Edge {
    Edge {
        from: from.into(),
        to: to.into(),
        rel: Relation::new("Unknown"),
        year: None,
        inferred: false,
        attrs: Default::default(),
        cites: vec![],
    }
}

#[test]
fn a_callout_follows_its_node_when_the_node_is_dragged() {
    let data = Dataset {
        nodes: vec![
            node("a", "Unknown", &[]),
            node("b", "Unknown", &[]),
            node("c", "Unknown", &[]),
        ],
        edges: vec![edge("a", "b"), edge("b", "c")],
        ..Dataset::default()
    };
    let mut bench = Bench::new(data, &[[-200.0, 0.0], [0.0, 0.0], [200.0, 0.0]]);
    bench.canvas.annotations = vec![Annotation {
        shape: AnnotationShape::Note,
        text: Names {
            zh: "注".into(),
            en: "Look here".into(),
        },
        node: Some("c".into()),
        at: (0.0, -80.0),
        size: None,
    }];
    let mut h = harness(bench);
    h.run_steps(3);
    let c = h.state().doc.kg.node_ix("c").unwrap();
    let screen = |h: &Harness<'static, Bench>| {
        let s = h.state();
        s.canvas
            .camera
            .to_screen(s.canvas.rect.unwrap(), s.pos.xy[c.index()])
    };
    let note = |h: &Harness<'static, Bench>| h.state().canvas.notes[0].clone();
    let (at, before) = (screen(&h), note(&h));
    assert_eq!(before.lines, ["Look here"]);
    assert!(
        before.rect.center().y < at.y,
        "the note sits above its node"
    );
    assert_eq!(
        before.leader.unwrap().1,
        at,
        "the leader points at the node"
    );

    // Drag the node 120 points left and 90 down (the note stays inside the picture).
    h.event(egui::Event::PointerMoved(at));
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(1);
    let delta = egui::vec2(-120.0, 90.0);
    for k in 1..=6 {
        h.event(egui::Event::PointerMoved(at + delta * (k as f32 / 6.0)));
        h.run_steps(1);
    }
    h.event(egui::Event::PointerButton {
        pos: at + delta,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(2);
    let (moved_to, after) = (screen(&h), note(&h));
    assert!(
        (moved_to - (at + delta)).length() < 1.0,
        "dragged to {moved_to:?}"
    );
    let shift = after.rect.center() - before.rect.center();
    assert!(
        (shift - delta).length() < 1.0,
        "the note moved by {shift:?}"
    );
    assert_eq!(after.leader.unwrap().1, moved_to);
}

#[test]
fn the_legend_lists_exactly_the_colours_drawn_for_an_imported_graph() {
    let kinds = [
        ("p1", "person"),
        ("p2", "person"),
        ("o1", "org"),
        ("o2", "org"),
        ("o3", "org"),
        ("x", "place"),
    ];
    let data = Dataset {
        nodes: kinds
            .iter()
            .map(|(id, t)| node(id, "Unknown", &[("type", t)]))
            .collect(),
        edges: vec![edge("p1", "o1"), edge("p2", "o2"), edge("o3", "x")],
        ..Dataset::default()
    };
    let xy: Vec<[f32; 2]> = (0..6)
        .map(|i| [i as f32 * 90.0 - 220.0, (i % 2) as f32 * 80.0])
        .collect();
    let mut h = harness(Bench::new(data, &xy));
    h.run_steps(3);
    let state = h.state();
    let drawn: BTreeSet<[u8; 4]> = state
        .canvas
        .drawn_nodes
        .iter()
        .map(|ix| state.canvas.node_look(*ix).unwrap().0.to_array())
        .collect();
    assert_eq!(state.canvas.drawn_nodes.len(), 6);
    let mut canvas = state.canvas.clone();
    let styled = canvas
        .looks(&state.doc.kg, &state.visible, LabelLang::English)
        .cloned()
        .expect("an imported graph is styled by its type");
    let Some(LegendPart::Categories { title, items, .. }) = styled.legend.first() else {
        panic!("{:?}", styled.legend);
    };
    assert_eq!(title, "type");
    let listed: BTreeSet<[u8; 4]> = items.iter().map(|i| i.color.unwrap().to_array()).collect();
    assert_eq!(drawn, listed, "the legend's colours are the drawn ones");
    assert_eq!(drawn.len(), 3);
    // The legend on screen names the three types, not the kind "Unknown".
    for label in ["org", "person", "place"] {
        h.get_by_label(label);
    }
    assert!(h.query_by_label("Unknown").is_none());
}

#[test]
fn a_note_is_edited_in_place_and_saved_as_one_edit_of_the_views() {
    let data = Dataset {
        nodes: vec![node("a", "Unknown", &[]), node("b", "Unknown", &[])],
        edges: vec![edge("a", "b")],
        ..Dataset::default()
    };
    let mut bench = Bench::new(data, &[[-200.0, 0.0], [200.0, 0.0]]);
    let note = Annotation {
        shape: AnnotationShape::Note,
        text: Names {
            zh: "旧".into(),
            en: "Old".into(),
        },
        node: Some("a".into()),
        at: (0.0, -90.0),
        size: None,
    };
    let views = Views {
        views: vec![View {
            name: "v".into(),
            annotations: vec![note],
            ..View::default()
        }],
    };
    bench.canvas.follow_briefing(&views, Some(0));
    let mut h = harness(bench);
    h.run_steps(3);
    let at = h.state().canvas.notes[0].rect.center();
    h.event(egui::Event::PointerMoved(at));
    h.run_steps(1);
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            h.run_steps(1);
        }
    }
    assert!(
        h.state().canvas.note_editing.editing.is_some(),
        "a double-click opens the editor: {:?}",
        h.state().sent
    );
    h.run_steps(1);
    h.get_by_label("Text (English)").click();
    h.run_steps(1);
    h.get_by_label("Text (English)").type_text(" and new");
    h.run_steps(1);
    h.get_by_label("OK").click();
    h.run_steps(2);
    let edits: Vec<&Command> = h
        .state()
        .sent
        .iter()
        .filter(|c| matches!(c, Command::Edit(Edit::Views { .. })))
        .collect();
    assert_eq!(edits.len(), 1, "{:?}", h.state().sent);
    let Command::Edit(Edit::Views { before, after, .. }) = edits[0] else {
        unreachable!()
    };
    assert_eq!(**before, views);
    assert_eq!(after.views[0].annotations[0].text.en, "Old and new");
    assert_eq!(after.views[0].annotations[0].text.zh, "旧");
    assert!(
        h.state().canvas.note_editing.editing.is_none(),
        "the editor closed"
    );
}
