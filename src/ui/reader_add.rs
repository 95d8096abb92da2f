//! Adding a source in the reader: a dropped or chosen `.txt`, `.md`, `.html` or `.pdf` file is
//! reduced to clean text, the user confirms its title, date and publisher, and one undoable edit
//! adds it to the data; its text is written beside the data file on save.

use super::reader_state::ReaderState;
use crate::commands::{Command, Document};
use crate::i18n::{t, t_args};
use std::sync::Arc;

/// The add-source form, when a file was read; pushes the edit when confirmed.
pub(super) fn add_form_ui(
    ui: &mut egui::Ui,
    state: &mut ReaderState,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    let Some(adding) = state.adding.as_mut() else {
        return;
    };
    let mut close = false;
    let mut add = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        match adding {
            Err(e) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    t_args("reader-add-failed", &[("problem", e.as_str().into())]),
                );
            }
            Ok(form) => {
                ui.strong(t("reader-add-title"));
                egui::Grid::new("reader_add_form")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (key, value) in [
                            ("reader-add-title-zh", &mut form.title.zh),
                            ("reader-add-title-en", &mut form.title.en),
                            ("reader-add-date", &mut form.date),
                            ("reader-add-publisher", &mut form.publisher),
                            ("reader-add-url", &mut form.url),
                            ("reader-add-id", &mut form.id),
                        ] {
                            let l = ui.label(t(key));
                            ui.text_edit_singleline(value).labelled_by(l.id);
                            ui.end_row();
                        }
                    });
                let preview: String = form.text.chars().take(200).collect();
                ui.weak(t_args(
                    "reader-add-preview",
                    &[
                        ("chars", form.text.chars().count().into()),
                        ("file", form.file.as_str().into()),
                    ],
                ));
                ui.label(egui::RichText::new(preview).small());
                let edit = form.edit(&doc.kg.data);
                let problem = edit.check(&doc.kg).err();
                if let Some(p) = &problem {
                    ui.colored_label(ui.visuals().warn_fg_color, p);
                }
                if ui
                    .add_enabled(
                        problem.is_none(),
                        egui::Button::new(t("reader-add-confirm")),
                    )
                    .clicked()
                {
                    add = Some((edit, form.file.clone(), form.text.clone(), form.id.clone()));
                }
            }
        }
        if ui.button(t("reader-add-cancel")).clicked() {
            close = true;
        }
    });
    if let Some((edit, file, text, id)) = add {
        state.added.insert(file, Arc::from(text));
        commands.push(Command::Edit(edit));
        state.source = Some(id.trim().to_string());
        close = true;
    }
    if close {
        state.adding = None;
    }
}
