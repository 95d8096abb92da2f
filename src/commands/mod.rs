//! Every user action, defined once: its label, its shortcut, and the request the app executes.
//!
//! Menus, the command palette and keyboard shortcuts all read `Action::ALL`, so an action can
//! never be reachable from one place and missing from another. Panels and the canvas do not
//! change state themselves: they push `Command`s that the app applies after drawing.

use crate::model::{EdgeIx, NodeIx};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Parameterless actions: what menus, shortcuts and the palette offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Open,
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
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::Open,
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
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::Open => "Open…",
            Action::Reload => "Reload from disk",
            Action::OpenShipped => "Open the Shenzhen graph",
            Action::SaveLayout => "Save layout (positions sidecar)",
            Action::Quit => "Quit",
            Action::FitView => "Fit graph to view",
            Action::ToggleLayout => "Pause / resume layout",
            Action::RerunLayout => "Re-run layout",
            Action::NewSeed => "Re-run layout with a new seed",
            Action::Find => "Find…",
            Action::CommandPalette => "Command palette…",
            Action::ClearSelection => "Clear selection",
            Action::SelectNeighbours => "Select neighbours of selection",
            Action::UnpinAll => "Unpin all nodes",
            Action::LabelsEnglish => "Labels: English",
            Action::LabelsChinese => "Labels: 中文",
            Action::LabelsBoth => "Labels: both",
            Action::ThemeLight => "Theme: light",
            Action::ThemeDark => "Theme: dark",
            Action::ToggleLegend => "Show / hide legend",
            Action::ShowAllKinds => "Show all kinds and relations",
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = |k| Some(KeyboardShortcut::new(Modifiers::COMMAND, k));
        let plain = |k| Some(KeyboardShortcut::new(Modifiers::NONE, k));
        match self {
            Action::Open => cmd(Key::O),
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
            _ => None,
        }
    }

    /// Plain-key shortcuts must not fire while the user types in a text field.
    pub fn needs_canvas_focus(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }
}

/// A request to the app: an action, or something that carries parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Run(Action),
    OpenPath(PathBuf),
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
}
