//! The modal that shows why a file could not be opened, one `path:line:col: message` per line.

use crate::i18n::{t, t_args};

use crate::commands::Command;

/// A failure shown to the user in a dialog, one diagnostic per line.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorReport {
    pub title: String,
    pub lines: Vec<String>,
}

pub fn error_dialog_ui(ctx: &egui::Context, err: &ErrorReport, commands: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("error_dialog")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        ui.heading(&err.title);
        // Long lists arrive cut to their first lines plus a "… and N more" line.
        let cut = err.lines.last().is_some_and(|l| l.starts_with("… and "));
        if cut {
            ui.label(t("error-many"));
        } else {
            ui.label(t_args("error-count", &[("count", err.lines.len().into())]));
        }
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for line in &err.lines {
                    ui.add(egui::Label::new(egui::RichText::new(line).monospace()).wrap());
                }
            });
        ui.horizontal(|ui| {
            if ui.button(t("button-copy")).clicked() {
                ui.ctx().copy_text(err.lines.join("\n"));
            }
            if ui.button(t("button-ok")).clicked() {
                commands.push(Command::DismissError);
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::DismissError);
    }
}
