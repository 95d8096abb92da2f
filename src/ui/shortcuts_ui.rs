//! Help → Keyboard shortcuts: every action with its keys, generated from `Action::ALL` so the
//! sheet cannot fall behind the menus and the palette. The canvas's own keys come last, under
//! a heading saying when they act.

use crate::commands::Action;
use crate::i18n::t;

/// The keys of an action as the sheet shows them ("Ctrl+Y / Ctrl+Shift+Z"), empty for actions
/// reached through the menus and the palette only.
pub fn shortcut_text(ctx: &egui::Context, action: Action) -> String {
    action
        .shortcuts()
        .map(|s| ctx.format_shortcut(&s))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The sheet, while `open`; its close button clears `open`.
pub fn shortcuts_ui(ctx: &egui::Context, open: &mut bool) {
    if !*open {
        return;
    }
    egui::Window::new(t("shortcuts-title"))
        .open(open)
        .collapsible(false)
        .default_size(egui::vec2(460.0, 560.0))
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.weak(t("shortcuts-palette-note"));
            egui::ScrollArea::vertical().show(ui, |ui| {
                let (canvas, general): (Vec<Action>, Vec<Action>) =
                    Action::ALL.iter().partition(|a| a.canvas_only());
                table(ui, "shortcuts_general", &general);
                ui.add_space(8.0);
                ui.strong(t("shortcuts-canvas-heading"));
                table(ui, "shortcuts_canvas", &canvas);
            });
        });
}

fn table(ui: &mut egui::Ui, id: &str, actions: &[Action]) {
    egui::Grid::new(id)
        .num_columns(2)
        .striped(true)
        .spacing(egui::vec2(24.0, 4.0))
        .show(ui, |ui| {
            for &a in actions {
                ui.label(a.label());
                let keys = shortcut_text(ui.ctx(), a);
                if keys.is_empty() {
                    ui.weak("—");
                } else {
                    ui.monospace(keys);
                }
                ui.end_row();
            }
        });
}
