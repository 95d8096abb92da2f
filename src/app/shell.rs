//! The window around the graph: title, theme, full screen, closing, and what the app tells the
//! user (status line, error dialog, questions).

use crate::io;
use crate::ui::{ErrorReport, Prompt};

/// Diagnostics shown in a dialog or banner: the first ones and a count. Laying out a million
/// lines every frame would freeze the window; `innovation-atlas check` lists them all.
pub const SHOWN_DIAGNOSTICS: usize = 100;

pub fn summarize(diags: &[io::Diagnostic]) -> Vec<String> {
    let mut lines: Vec<String> = diags
        .iter()
        .take(SHOWN_DIAGNOSTICS)
        .map(ToString::to_string)
        .collect();
    if diags.len() > SHOWN_DIAGNOSTICS {
        lines.push(format!(
            "… and {} more problem(s): `innovation-atlas check FILE` lists them all",
            diags.len() - SHOWN_DIAGNOSTICS
        ));
    }
    lines
}

#[derive(Default)]
pub(super) struct Shell {
    pub error: Option<ErrorReport>,
    /// A short message for the status bar (saved, reloaded, …).
    pub status: String,
    pub prompt: Option<Prompt>,
    /// Dark, projector and the UI scale's bits, as last given to egui.
    pub applied_theme: Option<(bool, bool, u32)>,
    pub fullscreen: bool,
    /// Set by the Quit action; the frame closes the viewport.
    pub quit_requested: bool,
    /// The window may close even with unsaved edits (the user chose Save or Discard).
    pub allow_close: bool,
    pub title: String,
}
