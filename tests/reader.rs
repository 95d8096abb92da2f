//! The source reader panel under egui_kittest, in a harness of its own (the whole app is
//! `tests/app_reader.rs`): citing a selected passage, "show in source", selecting what cites a
//! highlight.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use egui_kittest::{Harness, kittest::Queryable};
use innovation_atlas::commands::{Command, Document, Edit, Origin};
use innovation_atlas::model::KnowledgeGraph;
use innovation_atlas::ui::{CiteForm, ReaderState, reader_ui};
use innovation_atlas::view::{LabelLang, Selection};

/// What the panel is drawn with, and the commands it pushed.
struct Panel {
    reader: ReaderState,
    doc: Document,
    selection: Selection,
    commands: Vec<Command>,
}

fn harness() -> Harness<'static, Panel> {
    let path = common::shipped();
    let data = innovation_atlas::io::load_dataset(&path).unwrap();
    let panel = Panel {
        reader: ReaderState::default(),
        doc: Document::new(data, Origin::File(path)),
        selection: Selection::default(),
        commands: Vec::new(),
    };
    Harness::builder()
        .with_size([900.0, 700.0])
        .with_context_setup(innovation_atlas::view::fonts::install_fonts)
        .build_ui_state(
            |ui, p: &mut Panel| {
                reader_ui(
                    ui,
                    &mut p.reader,
                    &p.doc,
                    &p.selection,
                    LabelLang::Chinese,
                    &mut p.commands,
                )
            },
            panel,
        )
}

/// Apply the pushed edits to the document, as the app does.
fn apply_edits(p: &mut Panel) -> Vec<Edit> {
    let mut applied = Vec::new();
    for c in std::mem::take(&mut p.commands) {
        if let Command::Edit(e) = c {
            p.doc.apply(&e).unwrap();
            applied.push(e);
        }
    }
    applied
}

#[test]
fn new_node_citing_a_selected_passage_quotes_it_exactly_and_undoes() {
    let mut h = harness();
    h.state_mut().reader.open_source("plan-14fyp");
    h.run();
    let text = h.state().reader.text().unwrap().to_string();
    // Twelve characters from the middle of a sentence near the end.
    let start = text.find("全过程监测评估").unwrap();
    let end = start + text[start..].char_indices().nth(12).unwrap().0;
    let selected = text[start..end].to_string();
    h.state_mut().reader.select_text(start..end);
    h.run();
    h.get_by_label("New node citing this").click();
    h.run();
    assert!(matches!(h.state().reader.form, CiteForm::NewNode { .. }));
    h.get_by_label("Create node").click();
    h.run();
    let nodes_before = h.state().doc.kg.data.nodes.len();
    let edits = apply_edits(h.state_mut());
    assert_eq!(edits.len(), 1, "one undoable edit");
    let doc = &h.state().doc;
    assert_eq!(doc.kg.data.nodes.len(), nodes_before + 1);
    let node = doc.kg.data.nodes.last().unwrap();
    assert_eq!(node.cites.len(), 1);
    assert_eq!(node.cites[0].source, "plan-14fyp");
    assert_eq!(node.cites[0].quote, selected);
    // Undo takes it away again.
    h.state_mut().doc.apply(&edits[0].inverse()).unwrap();
    assert_eq!(h.state().doc.kg.data.nodes.len(), nodes_before);
}

#[test]
fn show_in_source_scrolls_to_the_passage_and_highlights_it() {
    let mut h = harness();
    // A passage near the end of the longest source, far below the first screen.
    let quote = "健全规划全过程监测评估制度";
    h.state_mut().reader.show_passage("plan-14fyp", quote);
    h.run();
    h.run();
    let (range, visible) = h.state().reader.target().unwrap();
    let text = h.state().reader.text().unwrap();
    assert_eq!(&text[range.clone()], quote);
    assert!(range.start > text.len() * 9 / 10);
    assert!(visible, "the passage is scrolled into view");
    // Another source's opening is visible without scrolling; the far passage is not.
    let mut other = harness();
    other.state_mut().reader.open_source("plan-14fyp");
    other.run();
    other
        .state_mut()
        .reader
        .show_passage("plan-14fyp", "深圳市科技创新“十四五”规划");
    other.run();
    other.run();
    assert!(other.state().reader.target().unwrap().1);
}

#[test]
fn clicking_a_highlight_selects_the_nodes_citing_it() {
    let mut h = harness();
    // A short source whose first passage a node cites.
    let data = &h.state().doc.kg.data;
    let kg = KnowledgeGraph::build(data.clone());
    let (node_i, quote) = data
        .nodes
        .iter()
        .enumerate()
        .find_map(|(i, n)| {
            n.cites
                .iter()
                .find(|c| c.source == "zhang-lin-2025" && c.quote.chars().count() >= 8)
                .map(|c| (i, c.quote.clone()))
        })
        .unwrap();
    h.state_mut().reader.show_passage("zhang-lin-2025", &quote);
    h.run();
    h.run();
    h.state_mut().commands.clear();
    let (range, _) = h.state().reader.target().unwrap();
    // Click in the middle of the highlighted passage.
    let text = h.state().reader.text().unwrap().to_string();
    let mid = range.start + text[range.clone()].char_indices().nth(3).unwrap().0;
    let pos = h.state().reader.screen_pos_of(mid).unwrap();
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    let selected: Vec<usize> = h
        .state()
        .commands
        .iter()
        .filter_map(|c| match c {
            Command::Select { node, .. } => Some(h.state().doc.kg.graph[*node]),
            _ => None,
        })
        .collect();
    assert!(!selected.is_empty(), "{:?}", h.state().commands);
    assert!(
        selected.contains(&node_i) || {
            // Another node citing the same passage comes first.
            let _ = &kg;
            selected.iter().all(|&i| {
                h.state().doc.kg.data.nodes[i].cites.iter().any(|c| {
                    c.source == "zhang-lin-2025" && quote.contains(c.quote.as_str())
                        || c.quote.contains(quote.as_str())
                })
            })
        },
        "{selected:?}"
    );
}
