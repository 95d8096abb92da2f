//! The canvas by keyboard alone, read through the AccessKit tree a screen reader gets: focus
//! the canvas, move between nodes with arrows and Tab, select, pin (undoable), describe
//! relations, clear; in English and in Chinese. Keys do nothing to the canvas while a text
//! field has focus.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use common::{copy_of_tiny, harness_with, selected_ids};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use innovation_atlas::app::{AtlasApp, Prefs};
use innovation_atlas::commands::{Action, Command, Edit, NodeMove};
use innovation_atlas::i18n::UiLang;

/// The tiny graph (Wang → Commission → Guangming Science City) laid out on a line, left to
/// right, with the view fitted to it.
fn on_a_line(ui_lang: UiLang) -> (Harness<'static, AtlasApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of_tiny(dir.path());
    let mut app = AtlasApp::new(Prefs {
        ui_lang,
        ..Prefs::default()
    });
    app.open_path(&path);
    assert!(app.error().is_none(), "{:?}", app.error());
    app.pause_layout();
    let moves = [("a", -120.0), ("b", 0.0), ("c", 120.0)]
        .into_iter()
        .map(|(id, x)| {
            let ix = app.doc().kg.node_ix(id).unwrap();
            NodeMove {
                id: id.into(),
                from: app.positions().xy[ix.index()],
                to: [x, 10.0],
                pinned_before: false,
                pinned_after: false,
            }
        })
        .collect();
    app.apply(Command::Edit(Edit::Move(moves)));
    app.apply(Command::Run(Action::FitView));
    let mut h = harness_with(app);
    h.run_steps(3);
    (h, dir)
}

fn focused_id(h: &Harness<'static, AtlasApp>) -> Option<String> {
    let app = h.state();
    let n = app.canvas().keys.node?;
    Some(app.doc().kg.node(n).id.clone())
}

/// The focused node as a screen reader has it: its name (label) and what follows (kind and
/// number of neighbours).
fn read_focused(h: &Harness<'static, AtlasApp>, name: &str) -> String {
    let item = h.get_by_role_and_label(Role::TreeItem, name);
    item.accesskit_node().description().unwrap_or_default()
}

fn press(h: &mut Harness<'static, AtlasApp>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

fn focus_canvas(h: &mut Harness<'static, AtlasApp>, label: &str) {
    h.get_by_role_and_label(Role::Tree, label).focus();
    h.run_steps(3);
    assert!(h.state().canvas().keys.has_focus, "the canvas took focus");
}

#[test]
fn arrows_move_focus_to_the_neighbour_in_that_direction_read_by_a_screen_reader() {
    let (mut h, _dir) = on_a_line(UiLang::English);
    // Nothing is announced before the canvas has focus.
    assert!(h.query_by_role(Role::TreeItem).is_none());
    focus_canvas(&mut h, "Graph canvas");
    // Entering the canvas focuses the node nearest the centre of the view.
    assert_eq!(focused_id(&h).as_deref(), Some("b"));
    assert_eq!(read_focused(&h, "Commission"), "Organization, 2 neighbours");

    press(&mut h, Key::ArrowRight);
    assert_eq!(focused_id(&h).as_deref(), Some("c"));
    assert_eq!(
        read_focused(&h, "Guangming Science City"),
        "Platform, 1 neighbour"
    );
    assert!(
        h.query_by_role_and_label(Role::TreeItem, "Commission")
            .is_none(),
        "only the focused node is announced"
    );
    // Nothing further right: the focus stays.
    press(&mut h, Key::ArrowRight);
    assert_eq!(focused_id(&h).as_deref(), Some("c"));
    press(&mut h, Key::ArrowLeft);
    press(&mut h, Key::ArrowLeft);
    assert_eq!(focused_id(&h).as_deref(), Some("a"));
    assert_eq!(read_focused(&h, "Wang"), "Official, 1 neighbour");
    // Arrows did not move egui's focus away from the canvas.
    assert!(h.state().canvas().keys.has_focus);
}

#[test]
fn in_chinese_the_focused_node_is_read_with_its_chinese_name_and_kind() {
    let (mut h, _dir) = on_a_line(UiLang::Chinese);
    focus_canvas(&mut h, "图谱画布");
    assert_eq!(read_focused(&h, "委员会"), "机构，2 个相邻节点");
    press(&mut h, Key::ArrowRight);
    assert_eq!(read_focused(&h, "光明科学城"), "平台，1 个相邻节点");
    // Relations on request, in Chinese, with their citations.
    press(&mut h, Key::D);
    let rel = h.get_by_role_and_label(Role::TreeItem, "委员会 建设 光明科学城");
    assert_eq!(
        rel.accesskit_node().description().as_deref(),
        Some("“建设光明科学城”（来源，2021-05-13）")
    );
}

#[test]
fn tab_walks_the_neighbours_enter_selects_space_pins_and_escape_clears() {
    let (mut h, _dir) = on_a_line(UiLang::English);
    focus_canvas(&mut h, "Graph canvas");
    assert_eq!(focused_id(&h).as_deref(), Some("b"));
    press(&mut h, Key::Enter);
    assert_eq!(selected_ids(h.state()), ["b"]);

    // The selection's neighbours by name: Guangming Science City, then Wang, then around.
    let mut walk = Vec::new();
    for _ in 0..3 {
        press(&mut h, Key::Tab);
        walk.push(focused_id(&h).unwrap());
        assert!(h.state().canvas().keys.has_focus, "Tab stays on the canvas");
    }
    assert_eq!(walk, ["c", "a", "c"]);
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run_steps(2);
    assert_eq!(focused_id(&h).as_deref(), Some("a"));
    assert_eq!(
        selected_ids(h.state()),
        ["b"],
        "Tab moves focus, not selection"
    );

    // Space pins the focused node as one undoable step; Ctrl+Z unpins it.
    let a = h.state().doc().kg.node_ix("a").unwrap().index();
    let edits = h.state().history().len();
    let steps = h.state().layout().force().iterations;
    assert!(!h.state().positions().pinned[a]);
    press(&mut h, Key::Space);
    assert!(h.state().positions().pinned[a]);
    assert_eq!(h.state().history().len(), edits + 1);
    assert_eq!(read_focused(&h, "Wang"), "Official, 1 neighbour, pinned");
    assert_eq!(
        h.state().layout().force().iterations,
        steps,
        "Space pinned, it did not run the layout"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(!h.state().positions().pinned[a], "undo unpins");

    // Relations and their citations on request.
    press(&mut h, Key::D);
    let rel = h.get_by_role_and_label(Role::TreeItem, "Wang head of Commission");
    assert_eq!(
        rel.accesskit_node().description().as_deref(),
        Some("“王某是书记” (Source, 2021-05-13)")
    );

    press(&mut h, Key::Escape);
    assert!(h.state().selection().nodes.is_empty());
    assert_eq!(focused_id(&h), None);
    assert!(h.query_by_role(Role::TreeItem).is_none());
}

#[test]
fn canvas_keys_do_nothing_while_typing_and_space_toggles_the_layout_off_the_canvas() {
    let (mut h, _dir) = on_a_line(UiLang::English);
    // Nothing has focus: Space is the layout's, as before (it runs some force steps).
    let steps = h.state().layout().force().iterations;
    press(&mut h, Key::Space);
    assert!(
        h.state().layout().force().iterations > steps,
        "Space ran the layout"
    );
    h.state_mut().pause_layout();
    focus_canvas(&mut h, "Graph canvas");
    let field = h.get_by_role(Role::TextInput);
    field.focus();
    h.run_steps(2);
    assert!(!h.state().canvas().keys.has_focus);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Enter);
    assert_eq!(
        focused_id(&h).as_deref(),
        Some("b"),
        "arrows went to the text"
    );
    assert!(h.state().selection().nodes.is_empty());
    // F6 brings the keyboard back to the canvas, from the text field too.
    h.get_by_role(Role::TextInput).focus();
    h.run_steps(2);
    press(&mut h, Key::F6);
    h.run_steps(2);
    assert!(h.state().canvas().keys.has_focus);
    press(&mut h, Key::ArrowRight);
    assert_eq!(focused_id(&h).as_deref(), Some("c"));
}

#[test]
fn the_panels_and_the_canvas_have_accessible_names() {
    let (h, _dir) = on_a_line(UiLang::English);
    for name in [
        "Menu bar",
        "Status bar",
        "Search, filters and focus",
        "Details: inspector, metrics, paths, views",
    ] {
        h.get_by_role_and_label(Role::Region, name);
    }
    h.get_by_role_and_label(Role::Tree, "Graph canvas");
}

#[test]
fn clicking_a_node_gives_the_canvas_keyboard_focus_on_that_node() {
    let (mut h, _dir) = on_a_line(UiLang::English);
    let c = h.state().doc().kg.node_ix("c").unwrap();
    let canvas = h.state().canvas();
    let at = canvas
        .camera
        .to_screen(canvas.rect.unwrap(), h.state().positions().xy[c.index()]);
    h.event(egui::Event::PointerMoved(at));
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(3);
    assert_eq!(selected_ids(h.state()), ["c"]);
    assert!(
        h.state().canvas().keys.has_focus,
        "the click focused the canvas"
    );
    assert_eq!(focused_id(&h).as_deref(), Some("c"));
    press(&mut h, Key::ArrowLeft);
    assert_eq!(focused_id(&h).as_deref(), Some("b"));
}
