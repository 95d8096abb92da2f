//! Changes to saved state go through commands: view names and captions are one undoable edit
//! when the field is left (never a write per keystroke), view edits leave no unsaved changes,
//! a saved view's layout is applied, Ctrl+Y redoes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use common::{copy_of_tiny, harness_on, name_en, rename};
use egui_kittest::kittest::Queryable;
use innovation_atlas::commands::{Action, Command, ViewCommand};
use innovation_atlas::io::views::{load_views, views_sidecar_path};
use innovation_atlas::layout::LayoutKind;

fn views_on_disk(path: &std::path::Path) -> innovation_atlas::io::views::Views {
    load_views(&views_sidecar_path(path))
        .unwrap()
        .unwrap_or_default()
}

#[test]
fn a_caption_typed_in_the_views_panel_is_one_undoable_edit_saved_when_the_field_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    h.get_by_label("Views").click();
    h.run_steps(2);
    h.get_by_label("Save current view").click();
    h.run_steps(3);
    assert_eq!(views_on_disk(&path).views.len(), 1);
    assert!(!h.state().history().is_dirty(), "views are saved at once");
    let edits_before = h.state().history().len();

    let field = h.get_by_label("Caption (English)");
    field.focus();
    field.type_text("Hubs of Shenzhen");
    h.run_steps(2);
    // Typing changes a draft only: nothing saved, nothing recorded yet.
    assert_eq!(h.state().briefing().views.views[0].caption.en, "");
    assert_eq!(views_on_disk(&path).views[0].caption.en, "");
    assert_eq!(h.state().history().len(), edits_before);

    // Leaving the field saves the caption as one edit.
    h.get_by_label("Save current view").focus();
    h.run_steps(3);
    assert_eq!(
        h.state().briefing().views.views[0].caption.en,
        "Hubs of Shenzhen"
    );
    assert_eq!(views_on_disk(&path).views[0].caption.en, "Hubs of Shenzhen");
    assert_eq!(h.state().history().len(), edits_before + 1);
    assert!(!h.state().history().is_dirty());

    // Undo takes it back, on screen and on disk.
    h.state_mut().queue(Command::Run(Action::Undo));
    h.run_steps(2);
    assert_eq!(h.state().briefing().views.views[0].caption.en, "");
    assert_eq!(views_on_disk(&path).views[0].caption.en, "");
    assert!(!h.state().history().is_dirty());
}

#[test]
fn deleting_a_view_can_be_undone_and_a_data_edit_still_counts_as_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    h.state_mut()
        .queue(Command::View(ViewCommand::Add("first".into())));
    h.run_steps(2);
    rename(&mut h, 0, "Renamed");
    assert!(h.state().history().is_dirty());
    h.state_mut().queue(Command::View(ViewCommand::Delete(0)));
    h.run_steps(2);
    assert!(views_on_disk(&path).views.is_empty());
    assert!(
        h.state().history().is_dirty(),
        "the rename is still unsaved"
    );
    h.state_mut().queue(Command::Run(Action::Undo));
    h.run_steps(2);
    assert_eq!(views_on_disk(&path).views[0].name, "first");
    assert_eq!(
        name_en(h.state(), h.state().doc().kg.data.nodes[0].id.as_str()),
        "Renamed"
    );
    // Undo the rename too: back to the state on disk, nothing unsaved.
    h.state_mut().queue(Command::Run(Action::Undo));
    h.run_steps(2);
    assert!(!h.state().history().is_dirty());
}

#[test]
fn ctrl_y_redoes() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    let id = h.state().doc().kg.data.nodes[0].id.clone();
    let original = name_en(h.state(), &id);
    rename(&mut h, 0, "Changed");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(name_en(h.state(), &id), original);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run_steps(2);
    assert_eq!(name_en(h.state(), &id), "Changed");
}

#[test]
fn a_view_saved_with_a_layout_arranges_the_nodes_that_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut h = harness_on(&path);
    h.run_steps(2);
    h.state_mut().queue(Command::Run(Action::LayoutLayered));
    h.run_steps(2);
    h.state_mut()
        .queue(Command::View(ViewCommand::Add("layered".into())));
    h.run_steps(2);
    assert_eq!(
        h.state().briefing().views.views[0].layout.as_deref(),
        Some("layered")
    );
    h.state_mut().queue(Command::Run(Action::LayoutForce));
    h.run_steps(2);
    assert_eq!(h.state().layout().kind(), LayoutKind::Force);
    h.state_mut().queue(Command::View(ViewCommand::Activate(0)));
    h.run_steps(2);
    assert_eq!(h.state().layout().kind(), LayoutKind::Layered);
    assert!(h.state().layout().in_transition() || !h.state().layout().running());
}
