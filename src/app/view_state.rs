//! What the user is looking at: selection, camera, search, filters, analysis focus, panels.
//! View state only: none of it is saved inside the graph data.

use crate::analysis::{Filter, Visible};
use crate::ui::{PaletteState, SearchState};
use crate::view::{CanvasState, Selection};

/// What the right-hand panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RightTab {
    Inspector,
    Metrics,
    Paths,
    Views,
}

pub(super) struct ViewState {
    pub selection: Selection,
    pub canvas: CanvasState,
    pub search: SearchState,
    pub palette: PaletteState,
    pub filter: Filter,
    /// The shown graph: `full` with collapsed groups folded into meta-nodes.
    pub visible: Visible,
    /// What filters, focus and timeline leave visible, before grouping.
    pub full: Visible,
    /// Kinds and relations counted at the last change, for the panels drawn every frame.
    pub census: crate::analysis::census::Census,
    pub groups: super::groups_state::GroupsView,
    pub focus: crate::analysis::focus::Focus,
    pub right_tab: RightTab,
    pub briefing: super::Briefing,
    pub editor: crate::ui::EditorState,
    /// Keep fitting the view while a fresh layout unfolds, until the user moves the camera.
    pub auto_fit: bool,
    /// Where to put nodes created in the app, by id, until the next rebuild.
    pub spawn_at: std::collections::HashMap<String, [f32; 2]>,
    /// Help → Keyboard shortcuts is open.
    pub show_shortcuts: bool,
    /// The source reader panel (`reader.open` shows it).
    pub reader: crate::ui::ReaderState,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            selection: Selection::default(),
            canvas: CanvasState::default(),
            search: SearchState::default(),
            palette: PaletteState::default(),
            filter: Filter::default(),
            visible: Visible::default(),
            full: Visible::default(),
            census: Default::default(),
            groups: Default::default(),
            focus: Default::default(),
            right_tab: RightTab::Inspector,
            briefing: Default::default(),
            editor: Default::default(),
            auto_fit: true,
            spawn_at: Default::default(),
            show_shortcuts: false,
            reader: Default::default(),
        }
    }
}
