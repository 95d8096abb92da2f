//! Search box (Ctrl+F) and ranked results; Enter focuses the top hit.

use crate::i18n::{t, t_args};

use crate::commands::Command;
use crate::commands::Document;
use crate::view::LabelLang;

use crate::analysis::SearchHit;

/// The search box's text and its current hits (panel state).
#[derive(Clone, Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<SearchHit>,
    pub focus_requested: bool,
}

pub fn search_ui(
    ui: &mut egui::Ui,
    search: &mut SearchState,
    doc: &Document,
    lang: LabelLang,
    commands: &mut Vec<Command>,
) {
    ui.heading(t("search-title"));
    let edit = egui::TextEdit::singleline(&mut search.query)
        .hint_text(t("search-hint"))
        .desired_width(f32::INFINITY);
    let response = ui.add(edit);
    if std::mem::take(&mut search.focus_requested) {
        response.request_focus();
    }
    if response.changed() {
        search.hits = doc.search.search(&search.query, 30);
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if let Some(top) = search.hits.first().filter(|_| entered) {
        commands.push(Command::Focus(top.node));
    }
    if !search.query.trim().is_empty() {
        if search.hits.is_empty() {
            ui.weak(t("search-no-match"));
        }
        for hit in search.hits.iter().take(12) {
            let node = doc.kg.node(hit.node);
            ui.horizontal(|ui| {
                super::kind_swatch(ui, doc.kg.vocab(), &node.kind);
                let label = super::node_name(node, lang);
                if ui
                    .add(egui::Button::selectable(false, label).truncate())
                    .on_hover_text(t_args(
                        "search-matched",
                        &[
                            ("matched", (&hit.matched).into()),
                            ("id", (&node.id).into()),
                        ],
                    ))
                    .clicked()
                {
                    commands.push(Command::Focus(hit.node));
                }
            });
        }
    }
}
