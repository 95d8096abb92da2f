//! The source reader inside the whole app (egui_kittest): "show in source" from the inspector
//! opens the reader at the passage, a selected passage becomes a node through the one undo
//! history, and clicking a highlight selects what cites it on the canvas.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ui::{harness_on, selected_ids};
use egui_kittest::kittest::Queryable;
use innovation_atlas::commands::{Action, Command};

/// The first node of the shipped graph citing `source` with a quote of at least eight characters.
fn node_citing(app: &innovation_atlas::app::AtlasApp, source: &str) -> (String, String) {
    app.doc()
        .kg
        .data
        .nodes
        .iter()
        .find_map(|n| {
            n.cites
                .iter()
                .find(|c| c.source == source && c.quote.chars().count() >= 8)
                .map(|c| (n.id.clone(), c.quote.clone()))
        })
        .unwrap()
}

#[test]
fn show_in_source_from_the_inspector_opens_the_reader_at_the_passage() {
    let mut h = harness_on(&common::shipped());
    let (id, quote) = node_citing(h.state(), "plan-14fyp");
    let node = h.state().doc().kg.node_ix(&id).unwrap();
    h.state_mut().apply(Command::Select {
        node,
        additive: false,
    });
    h.run();
    assert!(!h.state().reader().open);
    h.get_all_by_label("Show in source").next().unwrap().click();
    h.run();
    h.run();
    let reader = h.state().reader();
    assert!(reader.open, "the reader panel opened");
    assert_eq!(reader.source.as_deref(), Some("plan-14fyp"));
    let (range, visible) = reader.target().unwrap();
    let text = reader.text().unwrap();
    // Quotes may differ from the text in whitespace only.
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(squash(&text[range]), squash(&quote));
    assert!(visible, "the passage is scrolled into view");
}

#[test]
fn a_selected_passage_becomes_a_node_through_the_undo_history() {
    let mut h = harness_on(&common::shipped());
    h.state_mut().apply(Command::Run(Action::ToggleReader));
    h.state_mut().reader_mut().open_source("plan-14fyp");
    h.run();
    let text = h.state().reader().text().unwrap().to_string();
    let start = text.find("全过程监测评估").unwrap();
    let end = start + text[start..].char_indices().nth(12).unwrap().0;
    let selected = text[start..end].to_string();
    h.state_mut().reader_mut().select_text(start..end);
    h.run();
    let nodes_before = h.state().doc().kg.data.nodes.len();
    h.get_by_label("New node citing this").click();
    h.run();
    h.get_by_label("Create node").click();
    h.run();
    let data = &h.state().doc().kg.data;
    assert_eq!(data.nodes.len(), nodes_before + 1);
    let node = data.nodes.last().unwrap();
    assert_eq!(node.cites.len(), 1);
    assert_eq!(node.cites[0].source, "plan-14fyp");
    assert_eq!(
        node.cites[0].quote, selected,
        "the quote is the selection, exactly"
    );
    assert!(h.state().history().can_undo());
    h.state_mut().apply(Command::Run(Action::Undo));
    h.run();
    assert_eq!(h.state().doc().kg.data.nodes.len(), nodes_before);
}

#[test]
fn clicking_a_highlight_selects_the_citing_node_on_the_canvas() {
    let mut h = harness_on(&common::shipped());
    let (id, quote) = node_citing(h.state(), "zhang-lin-2025");
    h.state_mut().apply(Command::Run(Action::ToggleReader));
    h.state_mut()
        .reader_mut()
        .show_passage("zhang-lin-2025", &quote);
    h.run();
    h.run();
    let (range, _) = h.state().reader().target().unwrap();
    let text = h.state().reader().text().unwrap().to_string();
    let mid = range.start + text[range.clone()].char_indices().nth(3).unwrap().0;
    let pos = h.state().reader().screen_pos_of(mid).unwrap();
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
    assert!(
        selected_ids(h.state()).contains(&id),
        "{id} is selected: {:?}",
        selected_ids(h.state())
    );
}
