//! The shortcut sheet lists every action with its keys, in both languages, and the palette
//! offers it; the interface scale follows Ctrl+= / Ctrl+- / Ctrl+0 once per press (egui's own
//! keyboard zoom is off) and comes back after a restart through the saved preferences.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use common::{copy_of_tiny, harness_with};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innovation_atlas::app::{AtlasApp, Prefs};
use innovation_atlas::commands::Action;
use innovation_atlas::i18n::UiLang;
use innovation_atlas::ui::{palette_matches, shortcut_text};

fn app(prefs: Prefs, dir: &std::path::Path) -> Harness<'static, AtlasApp> {
    let mut app = AtlasApp::new(prefs);
    app.open_path(&copy_of_tiny(dir));
    app.pause_layout();
    let mut h = harness_with(app);
    h.run_steps(2);
    h
}

fn sheet_lists_every_action(lang: UiLang) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(
        Prefs {
            ui_lang: lang,
            ..Prefs::default()
        },
        dir.path(),
    );
    let canvas_only = Action::FocusPreviousNeighbour.label_in(lang);
    assert!(h.query_by_label(&canvas_only).is_none(), "sheet closed");
    h.key_press(Key::F1);
    h.run_steps(3);
    for a in Action::ALL {
        let label = a.label_in(lang);
        assert!(
            h.query_all_by_label(&label).count() >= 1,
            "{a:?} ({label}) missing from the sheet"
        );
        let keys = shortcut_text(&h.ctx, *a);
        if !keys.is_empty() {
            assert!(h.query_all_by_label(&keys).count() >= 1, "{a:?}: {keys}");
        }
    }
    h.get_by_label(&shortcut_text(&h.ctx, Action::FocusPreviousNeighbour));
    // Escape closes it.
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(
        h.query_by_label(&canvas_only).is_none(),
        "sheet closed again"
    );
}

#[test]
fn the_shortcut_sheet_lists_every_action_in_english() {
    sheet_lists_every_action(UiLang::English);
}

#[test]
fn the_shortcut_sheet_lists_every_action_in_chinese() {
    sheet_lists_every_action(UiLang::Chinese);
}

#[test]
fn the_palette_and_the_help_menu_open_the_sheet() {
    assert!(palette_matches("keyboard shortcuts").contains(&Action::ShortcutSheet));
    assert!(palette_matches("快捷键").contains(&Action::ShortcutSheet));
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(Prefs::default(), dir.path());
    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label_contains("Keyboard shortcuts").click();
    h.run_steps(3);
    h.get_by_label(&Action::FocusPreviousNeighbour.label());
}

#[test]
fn ctrl_plus_and_minus_scale_the_interface_once_per_press_and_it_persists() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(Prefs::default(), dir.path());
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run_steps(2);
    // One step, not two: egui's built-in keyboard zoom does not also act.
    assert!((h.state().prefs().ui_scale - 1.1).abs() < 1e-6);
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-6);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run_steps(2);
    assert!((h.ctx.zoom_factor() - 1.2).abs() < 1e-6);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run_steps(2);
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-6);
    assert!(h.state().selection().nodes.is_empty());
    assert!(
        h.state().focus().ego.is_none(),
        "Ctrl+- is not the ego's minus"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run_steps(2);

    // Saved as eframe saves preferences (RON), read back at the next start.
    let saved = ron::to_string(h.state().prefs()).unwrap();
    let prefs: Prefs = ron::from_str(&saved).unwrap();
    assert!((prefs.ui_scale - 1.2).abs() < 1e-6);
    let dir2 = tempfile::tempdir().unwrap();
    let mut h2 = app(prefs, dir2.path());
    assert!((h2.ctx.zoom_factor() - 1.2).abs() < 1e-6);
    h2.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h2.run_steps(2);
    assert_eq!(h2.ctx.zoom_factor(), 1.0);
    assert_eq!(h2.state().prefs().ui_scale, 1.0);
}

#[test]
fn the_scale_is_kept_in_range_and_a_bad_stored_value_falls_back() {
    let mut p = Prefs {
        ui_scale: 2.95,
        ..Prefs::default()
    };
    assert_eq!(p.stepped_scale(1), 3.0);
    p.ui_scale = 0.5;
    assert_eq!(p.stepped_scale(-1), 0.5);
    p.ui_scale = f32::NAN;
    assert_eq!(p.stepped_scale(0), 1.0);
    let old: Prefs = ron::from_str("(dark: true)").unwrap();
    assert_eq!(
        old.ui_scale, 1.0,
        "preferences from before the field have scale 1"
    );
}
