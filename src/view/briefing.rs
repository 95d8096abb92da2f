//! Saved views and the tour: the views of the open file, which one is shown, presenting.
//! View state; the views themselves are saved beside the data file, changed only by commands.

use crate::io::views::Views;
use crate::model::Names;
use std::path::PathBuf;

#[derive(Clone, Debug, Default)]
pub struct Briefing {
    pub views: Views,
    /// The sidecar the views came from / are saved to.
    pub path: Option<PathBuf>,
    pub active: Option<usize>,
    pub presenting: bool,
    pub blank: bool,
    /// Caption typed for the next new view.
    pub new_name: String,
    /// Name and caption of the active view as typed, until the field is left (then an
    /// undoable edit saves them).
    pub draft: Option<ViewDraft>,
    /// Export size for PNG.
    pub export_size: [u32; 2],
}

/// The text fields of the active view while the user types in them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewDraft {
    pub index: usize,
    pub name: String,
    pub caption: Names,
}
