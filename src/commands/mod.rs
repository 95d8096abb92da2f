//! Every user action, defined once: its label, its shortcut, and the request the app executes.
//!
//! Menus, the command palette and keyboard shortcuts all read `Action::ALL`, so an action can
//! never be reachable from one place and missing from another. Panels and the canvas do not
//! change state themselves: they push `Command`s that the app applies after drawing.

pub mod cite;
pub mod db;
pub mod document;
mod edit;
pub mod groups;
mod history;

pub use db::{DbCommand, DbStart};
pub use document::{Change, Document, Origin};
pub use edit::{Edit, Lookup, NodeMove, delete_node, set_kind_style};
pub use groups::GroupCommand;
pub use history::History;

use crate::model::{EdgeIx, NodeIx};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Parameterless actions: what menus, shortcuts and the palette offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Open,
    Save,
    SaveAs,
    Reload,
    OpenShipped,
    SaveLayout,
    Quit,
    FitView,
    ToggleLayout,
    RerunLayout,
    NewSeed,
    Find,
    CommandPalette,
    ClearSelection,
    SelectNeighbours,
    UnpinAll,
    LabelsEnglish,
    LabelsChinese,
    LabelsBoth,
    ThemeLight,
    ThemeDark,
    ToggleLegend,
    ShowAllKinds,
    Undo,
    Redo,
    NewNode,
    EditSelection,
    ConnectSelection,
    DeleteSelection,
    EgoFocus,
    EgoMore,
    EgoLess,
    FindPaths,
    PlayTimeline,
    Present,
    NextView,
    PreviousView,
    ToggleMinimap,
    ExportSvg,
    ExportPng,
    ThemeProjector,
    LayoutForce,
    LayoutLayered,
    LayoutRadial,
    LayoutCircularKind,
    LayoutCircularCommunity,
    LayoutGeographic,
    UiEnglish,
    UiChinese,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ShortcutSheet,
    FocusCanvas,
    DescribeRelations,
    FocusLeft,
    FocusRight,
    FocusUp,
    FocusDown,
    FocusNextNeighbour,
    FocusPreviousNeighbour,
    SelectFocused,
    PinFocused,
    ToggleReader,
    ConnectDatabase,
    ExpandFromDatabase,
    GroupSelection,
    Ungroup,
    ToggleGroup,
    GroupByKind,
    GroupByCommunity,
    CollapseAllGroups,
    ExpandAllGroups,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::Reload,
        Action::OpenShipped,
        Action::SaveLayout,
        Action::Quit,
        Action::FitView,
        Action::ToggleLayout,
        Action::RerunLayout,
        Action::NewSeed,
        Action::Find,
        Action::CommandPalette,
        Action::ClearSelection,
        Action::SelectNeighbours,
        Action::UnpinAll,
        Action::LabelsEnglish,
        Action::LabelsChinese,
        Action::LabelsBoth,
        Action::ThemeLight,
        Action::ThemeDark,
        Action::ToggleLegend,
        Action::ShowAllKinds,
        Action::Undo,
        Action::Redo,
        Action::NewNode,
        Action::EditSelection,
        Action::ConnectSelection,
        Action::DeleteSelection,
        Action::EgoFocus,
        Action::EgoMore,
        Action::EgoLess,
        Action::FindPaths,
        Action::PlayTimeline,
        Action::Present,
        Action::NextView,
        Action::PreviousView,
        Action::ToggleMinimap,
        Action::ExportSvg,
        Action::ExportPng,
        Action::ThemeProjector,
        Action::LayoutForce,
        Action::LayoutLayered,
        Action::LayoutRadial,
        Action::LayoutCircularKind,
        Action::LayoutCircularCommunity,
        Action::LayoutGeographic,
        Action::UiEnglish,
        Action::UiChinese,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::ShortcutSheet,
        Action::FocusCanvas,
        Action::DescribeRelations,
        Action::FocusLeft,
        Action::FocusRight,
        Action::FocusUp,
        Action::FocusDown,
        Action::FocusNextNeighbour,
        Action::FocusPreviousNeighbour,
        Action::SelectFocused,
        Action::PinFocused,
        Action::ToggleReader,
        Action::ConnectDatabase,
        Action::ExpandFromDatabase,
        Action::GroupSelection,
        Action::Ungroup,
        Action::ToggleGroup,
        Action::GroupByKind,
        Action::GroupByCommunity,
        Action::CollapseAllGroups,
        Action::ExpandAllGroups,
    ];

    /// The Fluent message id of the action's label.
    pub fn key(self) -> &'static str {
        match self {
            Action::Open => "action-open",
            Action::Save => "action-save",
            Action::SaveAs => "action-save-as",
            Action::Undo => "action-undo",
            Action::Redo => "action-redo",
            Action::NewNode => "action-new-node",
            Action::EditSelection => "action-edit-selection",
            Action::ConnectSelection => "action-connect-selection",
            Action::DeleteSelection => "action-delete-selection",
            Action::EgoFocus => "action-ego-focus",
            Action::EgoMore => "action-ego-more",
            Action::EgoLess => "action-ego-less",
            Action::FindPaths => "action-find-paths",
            Action::PlayTimeline => "action-play-timeline",
            Action::Present => "action-present",
            Action::NextView => "action-next-view",
            Action::PreviousView => "action-previous-view",
            Action::ToggleMinimap => "action-toggle-minimap",
            Action::ExportSvg => "action-export-svg",
            Action::ExportPng => "action-export-png",
            Action::ThemeProjector => "action-theme-projector",
            Action::LayoutForce => "action-layout-force",
            Action::LayoutLayered => "action-layout-layered",
            Action::LayoutRadial => "action-layout-radial",
            Action::LayoutCircularKind => "action-layout-circular-kind",
            Action::LayoutCircularCommunity => "action-layout-circular-community",
            Action::LayoutGeographic => "action-layout-geographic",
            Action::UiEnglish => "action-ui-english",
            Action::UiChinese => "action-ui-chinese",
            Action::Reload => "action-reload",
            Action::OpenShipped => "action-open-shipped",
            Action::SaveLayout => "action-save-layout",
            Action::Quit => "action-quit",
            Action::FitView => "action-fit-view",
            Action::ToggleLayout => "action-toggle-layout",
            Action::RerunLayout => "action-rerun-layout",
            Action::NewSeed => "action-new-seed",
            Action::Find => "action-find",
            Action::CommandPalette => "action-command-palette",
            Action::ClearSelection => "action-clear-selection",
            Action::SelectNeighbours => "action-select-neighbours",
            Action::UnpinAll => "action-unpin-all",
            Action::LabelsEnglish => "action-labels-english",
            Action::LabelsChinese => "action-labels-chinese",
            Action::LabelsBoth => "action-labels-both",
            Action::ThemeLight => "action-theme-light",
            Action::ThemeDark => "action-theme-dark",
            Action::ToggleLegend => "action-toggle-legend",
            Action::ShowAllKinds => "action-show-all-kinds",
            Action::ZoomIn => "action-zoom-in",
            Action::ZoomOut => "action-zoom-out",
            Action::ZoomReset => "action-zoom-reset",
            Action::ShortcutSheet => "action-shortcut-sheet",
            Action::FocusCanvas => "action-focus-canvas",
            Action::DescribeRelations => "action-describe-relations",
            Action::FocusLeft => "action-focus-left",
            Action::FocusRight => "action-focus-right",
            Action::FocusUp => "action-focus-up",
            Action::FocusDown => "action-focus-down",
            Action::FocusNextNeighbour => "action-focus-next-neighbour",
            Action::FocusPreviousNeighbour => "action-focus-previous-neighbour",
            Action::SelectFocused => "action-select-focused",
            Action::PinFocused => "action-pin-focused",
            Action::ToggleReader => "action-toggle-reader",
            Action::ConnectDatabase => "action-connect-database",
            Action::ExpandFromDatabase => "action-expand-from-database",
            Action::GroupSelection => "action-group-selection",
            Action::Ungroup => "action-ungroup",
            Action::ToggleGroup => "action-toggle-group",
            Action::GroupByKind => "action-group-by-kind",
            Action::GroupByCommunity => "action-group-by-community",
            Action::CollapseAllGroups => "action-collapse-all-groups",
            Action::ExpandAllGroups => "action-expand-all-groups",
        }
    }

    /// The label in the interface language of this thread.
    pub fn label(self) -> String {
        crate::i18n::t(self.key())
    }

    /// The label in a given language (the palette matches both).
    pub fn label_in(self, lang: crate::i18n::UiLang) -> String {
        crate::i18n::tr(lang, self.key())
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = |k| Some(KeyboardShortcut::new(Modifiers::COMMAND, k));
        let plain = |k| Some(KeyboardShortcut::new(Modifiers::NONE, k));
        match self {
            Action::Open => cmd(Key::O),
            Action::Save => cmd(Key::S),
            Action::SaveAs => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::ALT,
                Key::S,
            )),
            Action::Undo => cmd(Key::Z),
            Action::Redo => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Z,
            )),
            Action::NewNode => cmd(Key::N),
            Action::EditSelection => plain(Key::E),
            Action::ConnectSelection => plain(Key::C),
            Action::DeleteSelection => plain(Key::Delete),
            Action::EgoFocus => plain(Key::O),
            Action::EgoMore => plain(Key::Plus),
            Action::EgoLess => plain(Key::Minus),
            Action::FindPaths => plain(Key::P),
            Action::PlayTimeline => plain(Key::Y),
            Action::Present => plain(Key::F5),
            Action::ToggleMinimap => plain(Key::M),
            Action::NextView => Some(KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)),
            Action::PreviousView => Some(KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)),
            Action::Reload => cmd(Key::R),
            Action::SaveLayout => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::S,
            )),
            Action::Quit => cmd(Key::Q),
            Action::FitView => plain(Key::F),
            Action::ToggleLayout => plain(Key::Space),
            Action::RerunLayout => plain(Key::L),
            Action::Find => cmd(Key::F),
            Action::CommandPalette => cmd(Key::K),
            Action::ClearSelection => plain(Key::Escape),
            Action::ToggleLegend => plain(Key::G),
            Action::ZoomIn => cmd(Key::Equals),
            Action::ZoomOut => cmd(Key::Minus),
            Action::ZoomReset => cmd(Key::Num0),
            Action::ShortcutSheet => plain(Key::F1),
            Action::FocusCanvas => plain(Key::F6),
            Action::DescribeRelations => plain(Key::D),
            Action::FocusLeft => plain(Key::ArrowLeft),
            Action::FocusRight => plain(Key::ArrowRight),
            Action::FocusUp => plain(Key::ArrowUp),
            Action::FocusDown => plain(Key::ArrowDown),
            Action::FocusNextNeighbour => plain(Key::Tab),
            Action::FocusPreviousNeighbour => {
                Some(KeyboardShortcut::new(Modifiers::SHIFT, Key::Tab))
            }
            Action::SelectFocused => plain(Key::Enter),
            Action::PinFocused => plain(Key::Space),
            Action::ToggleReader => plain(Key::R),
            Action::ExpandFromDatabase => plain(Key::X),
            Action::GroupSelection => cmd(Key::G),
            Action::Ungroup => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::G,
            )),
            Action::ToggleGroup => Some(KeyboardShortcut::new(Modifiers::ALT, Key::G)),
            _ => None,
        }
    }

    /// Further shortcuts of the same action (Ctrl+Y redoes, as on Windows).
    pub fn alternate_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        // Ctrl++ as browsers take it (Ctrl+= is the same key without Shift).
        const ZOOM_PLUS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
        match self {
            Action::Redo => &[REDO_Y],
            Action::ZoomIn => &[ZOOM_PLUS],
            _ => &[],
        }
    }

    /// Every shortcut of the action, the one menus show first.
    pub fn shortcuts(self) -> impl Iterator<Item = KeyboardShortcut> {
        self.shortcut()
            .into_iter()
            .chain(self.alternate_shortcuts().iter().copied())
    }

    /// Plain-key shortcuts must not fire while the user types in a text field.
    /// Function keys type nothing, so they act everywhere (F6 leaves a text field for the canvas).
    pub fn needs_canvas_focus(self) -> bool {
        self.shortcut().is_some_and(|s| {
            let name = s.logical_key.name();
            let function_key =
                name.len() > 1 && name.starts_with('F') && name[1..].parse::<u8>().is_ok();
            s.modifiers.is_none() && !function_key
        })
    }

    /// Keys of the canvas's keyboard navigation: they act only while the canvas has keyboard
    /// focus (elsewhere arrows, Tab, Enter and Space belong to the focused widget). From the
    /// palette they act on the canvas's focused node all the same.
    pub fn canvas_only(self) -> bool {
        matches!(
            self,
            Action::FocusLeft
                | Action::FocusRight
                | Action::FocusUp
                | Action::FocusDown
                | Action::FocusNextNeighbour
                | Action::FocusPreviousNeighbour
                | Action::SelectFocused
                | Action::PinFocused
        )
    }
}

/// A request to the app: an action, or something that carries parameters.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)] // a handful per frame; boxing would only add noise at call sites
pub enum Command {
    Run(Action),
    OpenPath(PathBuf),
    /// A graph database request (connect, open a subgraph, expand a node, cancel).
    Db(DbCommand),
    /// Replace the selection (or toggle the node in it when `additive`).
    Select {
        node: NodeIx,
        additive: bool,
    },
    SelectEdge(EdgeIx),
    /// Select and move the camera to the node.
    Focus(NodeIx),
    SetPinned {
        node: NodeIx,
        pinned: bool,
    },
    /// A node was dragged to a world position (it becomes pinned).
    MoveNode {
        node: NodeIx,
        to: [f32; 2],
    },
    DismissError,
    /// An undoable change to the data (or to node positions).
    Edit(Edit),
    /// A node drag finished: one undo step for the whole drag.
    DragEnded {
        node: NodeIx,
        from: [f32; 2],
        to: [f32; 2],
        was_pinned: bool,
    },
    /// Drag with Alt from one node onto another: start connecting them.
    Connect {
        from: NodeIx,
        to: NodeIx,
    },
    /// The answer to "unsaved changes" or "file changed on disk" questions.
    Answer(Answer),
    /// Analyst view changes (timeline, focus, filters, metrics mapping, paths).
    Analysis(AnalysisCommand),
    /// Saved views and the tour.
    View(ViewCommand),
    /// Groups: grouping, collapse and expand, groups made by hand.
    Group(GroupCommand),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    Activate(usize),
    Add(String),
    Update(usize),
    Edit {
        index: usize,
        name: String,
        caption: crate::model::Names,
    },
    Delete(usize),
    Move {
        index: usize,
        up: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum AnalysisCommand {
    SetYear(Option<i32>),
    Play(bool),
    EgoFromSelection,
    EgoOff,
    EgoRadius(usize),
    EgoDirection(crate::analysis::ego::EgoDirection),
    DegreeRange(usize, Option<usize>),
    SourceFilter(Option<String>),
    SearchFilter(bool),
    SizeBy(Option<crate::analysis::metrics::Metric>),
    /// Show or hide the nodes of a kind.
    ShowKind(crate::model::Kind, bool),
    /// Show or hide the edges of a relation.
    ShowRelation(crate::model::Relation, bool),
    ColorBy(Option<crate::analysis::metrics::Metric>),
    FindPaths,
    SelectPath(Option<usize>),
    ClearPaths,
}

/// Buttons of the app's questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    Recover,
}
