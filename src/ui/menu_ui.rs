//! The menu bar. Every entry is an `Action`, shown with its shortcut.

use crate::commands::{Action, Command};
use crate::i18n::{UiLang, t, t_args};
use crate::view::LabelLang;

/// A menu button for an action, with its shortcut text; pushes the action when clicked.
pub fn action_button(ui: &mut egui::Ui, action: Action, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(action.label());
    if let Some(sc) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui.add(button).clicked() {
        commands.push(Command::Run(action));
        ui.close();
    }
}

fn labelled_action(ui: &mut egui::Ui, action: Action, label: &str, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(label);
    if let Some(sc) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&sc));
    }
    if ui.add(button).clicked() {
        commands.push(Command::Run(action));
        ui.close();
    }
}

fn radio_action(ui: &mut egui::Ui, checked: bool, action: Action, commands: &mut Vec<Command>) {
    if ui.radio(checked, action.label()).clicked() {
        commands.push(Command::Run(action));
        ui.close();
    }
}

/// What the menu bar shows besides its actions: undo/redo labels and checked options.
pub struct MenuState {
    /// What Undo and Redo would do, when there is something to undo or redo.
    pub undo: Option<String>,
    pub redo: Option<String>,
    pub lang: LabelLang,
    pub ui_lang: UiLang,
    pub dark: bool,
    pub projector: bool,
    pub layout_running: bool,
}

pub fn menu_ui(ui: &mut egui::Ui, app: &MenuState, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t("menu-file"), |ui| {
            for a in [
                Action::Open,
                Action::Save,
                Action::SaveAs,
                Action::Reload,
                Action::OpenShipped,
                Action::ConnectDatabase,
            ] {
                action_button(ui, a, commands);
            }
            ui.separator();
            for a in [Action::SaveLayout, Action::ExportSvg, Action::ExportPng] {
                action_button(ui, a, commands);
            }
            ui.separator();
            action_button(ui, Action::Quit, commands);
        });
        ui.menu_button(t("menu-edit"), |ui| {
            let undo = app.undo.as_ref().map_or(Action::Undo.label(), |l| {
                t_args("menu-undo-what", &[("what", l.into())])
            });
            let redo = app.redo.as_ref().map_or(Action::Redo.label(), |l| {
                t_args("menu-redo-what", &[("what", l.into())])
            });
            ui.add_enabled_ui(app.undo.is_some(), |ui| {
                labelled_action(ui, Action::Undo, &undo, commands)
            });
            ui.add_enabled_ui(app.redo.is_some(), |ui| {
                labelled_action(ui, Action::Redo, &redo, commands)
            });
            ui.separator();
            for a in [
                Action::NewNode,
                Action::EditSelection,
                Action::ConnectSelection,
                Action::DeleteSelection,
            ] {
                action_button(ui, a, commands);
            }
        });
        ui.menu_button(t("menu-view"), |ui| {
            for a in [
                Action::FitView,
                Action::Find,
                Action::CommandPalette,
                Action::ToggleLegend,
                Action::ToggleMinimap,
                Action::ToggleReader,
                Action::ShowAllKinds,
            ] {
                action_button(ui, a, commands);
            }
            ui.separator();
            for a in [
                Action::ZoomIn,
                Action::ZoomOut,
                Action::ZoomReset,
                Action::FocusCanvas,
            ] {
                action_button(ui, a, commands);
            }
            ui.separator();
            let lang = app.lang;
            radio_action(
                ui,
                lang == LabelLang::English,
                Action::LabelsEnglish,
                commands,
            );
            radio_action(
                ui,
                lang == LabelLang::Chinese,
                Action::LabelsChinese,
                commands,
            );
            radio_action(ui, lang == LabelLang::Both, Action::LabelsBoth, commands);
            ui.separator();
            let p = app.projector;
            radio_action(ui, !app.dark && !p, Action::ThemeLight, commands);
            radio_action(ui, app.dark && !p, Action::ThemeDark, commands);
            radio_action(ui, p, Action::ThemeProjector, commands);
            ui.separator();
            let ui_lang = app.ui_lang;
            radio_action(ui, ui_lang == UiLang::English, Action::UiEnglish, commands);
            radio_action(ui, ui_lang == UiLang::Chinese, Action::UiChinese, commands);
        });
        ui.menu_button(t("menu-analyse"), |ui| {
            for a in [
                Action::SelectNeighbours,
                Action::EgoFocus,
                Action::EgoMore,
                Action::EgoLess,
                Action::FindPaths,
                Action::PlayTimeline,
                Action::ClearSelection,
                Action::UnpinAll,
                Action::DescribeRelations,
            ] {
                action_button(ui, a, commands);
            }
            ui.separator();
            ui.menu_button(t("group-menu"), |ui| {
                for a in [
                    Action::GroupByKind,
                    Action::GroupByCommunity,
                    Action::GroupSelection,
                    Action::ToggleGroup,
                    Action::CollapseAllGroups,
                    Action::ExpandAllGroups,
                    Action::Ungroup,
                ] {
                    action_button(ui, a, commands);
                }
            });
        });
        ui.menu_button(t("menu-layout"), |ui| {
            for a in [Action::ToggleLayout, Action::RerunLayout, Action::NewSeed] {
                action_button(ui, a, commands);
            }
            ui.separator();
            for a in [
                Action::LayoutForce,
                Action::LayoutLayered,
                Action::LayoutRadial,
                Action::LayoutCircularKind,
                Action::LayoutCircularCommunity,
                Action::LayoutGeographic,
            ] {
                action_button(ui, a, commands);
            }
        });
        ui.menu_button(t("menu-present"), |ui| {
            for a in [Action::Present, Action::NextView, Action::PreviousView] {
                action_button(ui, a, commands);
            }
        });
        ui.menu_button(t("menu-help"), |ui| {
            action_button(ui, Action::ShortcutSheet, commands);
        });
        ui.separator();
        let state = if app.layout_running {
            "menu-pause-layout"
        } else {
            "menu-run-layout"
        };
        if ui.button(t(state)).clicked() {
            commands.push(Command::Run(Action::ToggleLayout));
        }
        if ui.button(t("menu-fit-view")).clicked() {
            commands.push(Command::Run(Action::FitView));
        }
    });
}
