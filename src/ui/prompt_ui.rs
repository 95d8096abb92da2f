//! Questions that must be answered before work could be lost: unsaved edits, an outside change
//! to the open file, a recovery file from a crashed session.

use crate::i18n::{t, t_args};

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
    // Titles and buttons are message ids, looked up when drawn.
    let (title, body, buttons): (&str, String, &[(Answer, &str)]) = match prompt {
        Prompt::Unsaved(AfterSave::InstallLoaded) => (
            "prompt-unsaved-title",
            t("prompt-unsaved-loaded"),
            &[
                (Answer::Save, "button-save"),
                (Answer::Discard, "button-discard"),
                (Answer::Cancel, "button-cancel"),
            ],
        ),
        Prompt::Unsaved(_) => (
            "prompt-unsaved-title",
            t("prompt-unsaved-body"),
            &[
                (Answer::Save, "button-save"),
                (Answer::Discard, "button-discard"),
                (Answer::Cancel, "button-cancel"),
            ],
        ),
        Prompt::DiskChanged => (
            "prompt-disk-title",
            t("prompt-disk-body"),
            &[
                (Answer::Discard, "prompt-reload-discard"),
                (Answer::Save, "prompt-keep-mine"),
                (Answer::Cancel, "prompt-decide-later"),
            ],
        ),
        Prompt::Recover(path) => (
            "prompt-recover-title",
            t_args(
                "prompt-recover-body",
                &[("path", path.display().to_string().into())],
            ),
            &[
                (Answer::Recover, "button-recover"),
                (Answer::Discard, "button-discard"),
            ],
        ),
    };
    egui::Modal::new(egui::Id::unique("prompt")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(t(title));
        ui.label(body);
        ui.horizontal(|ui| {
            for (answer, label) in buttons {
                if ui.button(t(label)).clicked() {
                    commands.push(Command::Answer(*answer));
                }
            }
        });
    });
}
