//! The command palette (Ctrl+K): every action by name, filtered as you type.

use crate::analysis::pinyin_keys;
use crate::commands::{Action, Command};
use crate::i18n::{UiLang, t};

#[derive(Clone, Debug, Default)]
pub struct PaletteState {
    pub open: bool,
    pub query: String,
}

/// Actions whose label, in either interface language or as pinyin of the Chinese label
/// (full or initials), contains every word of the query (case-insensitive).
pub fn palette_matches(query: &str) -> Vec<Action> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    Action::ALL
        .iter()
        .copied()
        .filter(|a| {
            let zh = a.label_in(UiLang::Chinese);
            let (full, initials) = pinyin_keys(&zh);
            let hay = [
                a.label_in(UiLang::English).to_lowercase(),
                zh.to_lowercase(),
                full,
                initials,
            ];
            words
                .iter()
                .all(|w| hay.iter().any(|h| h.contains(w.as_str())))
        })
        .collect()
}

pub fn palette_ui(ctx: &egui::Context, palette: &mut PaletteState, commands: &mut Vec<Command>) {
    if !palette.open {
        return;
    }
    let mut close = false;
    egui::Window::new(t("palette-title"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .show(ctx, |ui| {
            let r = ui.add(
                egui::TextEdit::singleline(&mut palette.query)
                    .hint_text(t("palette-hint"))
                    .desired_width(360.0),
            );
            r.request_focus();
            let matches = palette_matches(&palette.query);
            if let Some(a) = matches
                .first()
                .filter(|_| ui.input(|i| i.key_pressed(egui::Key::Enter)))
            {
                commands.push(Command::Run(*a));
                close = true;
            }
            for a in matches {
                ui.horizontal(|ui| {
                    if ui.selectable_label(false, a.label()).clicked() {
                        commands.push(Command::Run(a));
                        close = true;
                    }
                    if let Some(sc) = a.shortcut() {
                        ui.weak(ui.ctx().format_shortcut(&sc));
                    }
                });
            }
        });
    if close {
        palette.open = false;
        palette.query.clear();
    }
}
