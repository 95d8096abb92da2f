//! Questions that must be answered before work could be lost: unsaved edits, an outside change
//! to the open file, a recovery file from a crashed session.

use crate::commands::{Answer, Command};

/// What to do once the user has answered "save your changes?".
#[derive(Clone, Debug, PartialEq)]
pub enum AfterSave {
    Close,
    Open(std::path::PathBuf),
    OpenDialog,
    Reload,
    OpenShipped,
    /// Show the graph a background load finished reading (held in `AtlasApp::held`).
    InstallLoaded,
}

/// A question the app is waiting for the user to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// Unsaved edits would be lost by `AfterSave`.
    Unsaved(AfterSave),
    /// The file changed on disk while there are unsaved edits here.
    DiskChanged,
    /// A recovery file from a session that did not end cleanly.
    Recover(std::path::PathBuf),
}

pub fn prompt_ui(ctx: &egui::Context, prompt: &Prompt, commands: &mut Vec<Command>) {
    let (title, body, buttons): (&str, String, &[(Answer, &str)]) = match prompt {
        Prompt::Unsaved(AfterSave::InstallLoaded) => (
            "Unsaved changes",
            "The file you opened has finished loading, but the graph open now has edits that are not saved. Save them before switching? (Cancel keeps your edits and drops the loaded file.)".into(),
            &[
                (Answer::Save, "Save"),
                (Answer::Discard, "Discard"),
                (Answer::Cancel, "Cancel"),
            ],
        ),
        Prompt::Unsaved(_) => (
            "Unsaved changes",
            "The graph has edits that are not saved. Save them first?".into(),
            &[
                (Answer::Save, "Save"),
                (Answer::Discard, "Discard"),
                (Answer::Cancel, "Cancel"),
            ],
        ),
        Prompt::DiskChanged => (
            "The file changed on disk",
            "Another program changed the open file, and you have unsaved edits here.".into(),
            &[
                (Answer::Discard, "Reload (discard my edits)"),
                (Answer::Save, "Keep mine (overwrite the file)"),
                (Answer::Cancel, "Decide later"),
            ],
        ),
        Prompt::Recover(path) => (
            "Recover unsaved edits?",
            format!(
                "Atlas did not close cleanly last time and kept unsaved edits of {}.",
                path.display()
            ),
            &[(Answer::Recover, "Recover"), (Answer::Discard, "Discard")],
        ),
    };
    egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(title);
        ui.label(body);
        ui.horizontal(|ui| {
            for (answer, label) in buttons {
                if ui.button(*label).clicked() {
                    commands.push(Command::Answer(*answer));
                }
            }
        });
    });
}
