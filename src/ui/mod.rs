//! Panels, menus and dialogs, one file each. They read state and push `Command`s; the few
//! pieces of view state they own (text fields, filter checkboxes) are passed in explicitly.

mod connect_ui;
mod editor_ui;
mod error_dialog_ui;
mod filters_ui;
mod focus_ui;
mod groups_ui;
mod inspector_ui;
mod legend_ui;
mod menu_ui;
mod metrics_ui;
mod palette_ui;
mod paths_ui;
mod present_ui;
mod prompt_ui;
mod reader_add;
mod reader_form;
mod reader_state;
mod reader_text;
mod reader_ui;
mod search_ui;
mod shortcuts_ui;
mod status_ui;
mod styled_legend_ui;
mod views_ui;

pub use connect_ui::{
    ConnectForm, DbStatus, connect_menu_label, connect_ui, error_text as db_error_text,
    expand_menu_ui, expanded_message as db_expanded_message, opened_message as db_opened_message,
};
pub use editor_ui::{EdgeForm, EditorState, NodeForm, edit_buttons_ui, editor_ui};
pub use error_dialog_ui::{ErrorReport, error_dialog_ui};
pub use filters_ui::filters_ui;
pub use focus_ui::focus_ui;
pub use groups_ui::{GroupInspector, GroupsPanel, group_inspector_ui, groups_ui};
pub use inspector_ui::{inspector_ui, inspector_ui_with_sources};
pub use legend_ui::{legend_ui, legend_ui_styled};
pub use menu_ui::{MenuState, action_button, menu_ui};
pub use metrics_ui::metrics_ui;
pub use palette_ui::{PaletteState, palette_matches, palette_ui};
pub use paths_ui::paths_ui;
pub use present_ui::present_ui;
pub use prompt_ui::{AfterSave, Prompt, prompt_ui};
pub use reader_form::{AddForm, normalise_date};
pub use reader_state::{CiteForm, ReaderState};
pub use reader_ui::reader_ui;
pub use search_ui::{SearchState, search_ui};
pub use shortcuts_ui::{shortcut_text, shortcuts_ui};
pub use status_ui::{StatusInfo, status_ui};
pub use views_ui::{caption_ui, views_ui};

use crate::model::{Kind, Node, Vocabulary};
use crate::view::LabelLang;

/// A node's name as the chosen label language shows it.
pub fn node_name(node: &Node, lang: LabelLang) -> String {
    match lang {
        LabelLang::English => node.display_name(false).to_string(),
        LabelLang::Chinese => node.display_name(true).to_string(),
        LabelLang::Both => {
            if node.name.en.is_empty() || node.name.zh.is_empty() {
                node.display_name(true).to_string()
            } else {
                format!("{} · {}", node.name.zh, node.name.en)
            }
        }
    }
}

/// A kind's label from the vocabulary, in the label language.
pub fn kind_name(vocab: &Vocabulary, kind: &Kind, lang: LabelLang) -> String {
    crate::view::kind_label(vocab, kind, lang)
}

/// A metric's name in the interface language (metrics are named in both by `analysis`).
pub fn metric_label(m: crate::analysis::metrics::Metric) -> String {
    match crate::i18n::UiLang::current() {
        crate::i18n::UiLang::English => m.label_en().to_string(),
        crate::i18n::UiLang::Chinese => m.label_zh().to_string(),
    }
}

/// A small shape swatch of a kind, as drawn on the canvas.
pub fn kind_swatch(ui: &mut egui::Ui, vocab: &Vocabulary, kind: &Kind) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    crate::view::draw_shape(
        ui.painter(),
        crate::view::kind_shape(vocab, kind),
        rect.center(),
        5.5,
        crate::view::kind_color(vocab, kind),
        egui::Stroke::new(0.5, ui.visuals().text_color()),
    );
    response
}
