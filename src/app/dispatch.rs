//! The one place commands are applied: actions from menus, shortcuts and the palette, panel and
//! canvas requests, answers to questions.

use super::state::AtlasApp;
use crate::analysis::Filter;
use crate::commands::{Action, AnalysisCommand, Command, GroupCommand};
use crate::i18n::UiLang;
use crate::model::NodeIx;
use crate::ui::{AfterSave, Prompt};
use crate::view::LabelLang;
use crate::view::Selection;
use std::collections::BTreeSet;

impl AtlasApp {
    /// Apply one command. The only place app state changes in response to the user.
    pub fn apply(&mut self, cmd: Command) {
        match cmd {
            Command::Run(action) => self.run(action),
            Command::OpenPath(path) => self.guard_unsaved(AfterSave::Open(path)),
            Command::Db(db) => self.db_command(db),
            Command::Edit(edit) => {
                self.apply_edit(edit);
                self.view.editor = Default::default();
            }
            Command::DragEnded {
                node,
                from,
                to,
                was_pinned,
            } => {
                if let Some(n) = self
                    .doc
                    .kg
                    .graph
                    .node_weight(node)
                    .map(|_| self.doc.kg.node(node).id.clone())
                {
                    let pinned_after = self.layout.is_pinned(node.index());
                    // Already moved while dragging: record it only.
                    self.history.push(crate::commands::Edit::Move(vec![
                        crate::commands::NodeMove {
                            id: n,
                            from,
                            to,
                            pinned_before: was_pinned,
                            pinned_after,
                        },
                    ]));
                }
            }
            Command::Connect { from, to } => {
                self.view.editor = crate::ui::EditorState::connect(&self.doc.kg, from, Some(to));
            }
            Command::Answer(answer) => self.answer(answer),
            Command::Analysis(a) => self.analysis(a),
            Command::View(v) => self.view_command(v),
            Command::Group(g) => self.group_command(g),
            Command::Select { node, additive } => {
                if additive {
                    if !self.view.selection.nodes.remove(&node) {
                        self.view.selection.nodes.insert(node);
                    }
                } else {
                    self.view.selection.nodes = [node].into();
                }
                if !additive
                    || self
                        .view
                        .selection
                        .anchor
                        .is_none_or(|a| !self.view.selection.nodes.contains(&a))
                {
                    self.view.selection.anchor = self.view.selection.nodes.iter().next().copied();
                }
                self.view.selection.edge = None;
            }
            Command::SelectEdge(e) => {
                self.view.selection = Selection {
                    nodes: BTreeSet::new(),
                    edge: Some(e),
                    anchor: None,
                }
            }
            Command::Focus(node) => self.focus_node(node),
            Command::SetPinned { node, pinned } => self.layout.set_pinned(node.index(), pinned),
            Command::MoveNode { node, to } => {
                self.layout.drag(node.index(), to);
                self.view.auto_fit = false;
            }
            Command::DismissError => self.shell.error = None,
        }
    }

    pub(super) fn answer(&mut self, answer: crate::commands::Answer) {
        use crate::commands::Answer;
        let Some(prompt) = self.shell.prompt.take() else {
            return;
        };
        match (prompt, answer) {
            (Prompt::Unsaved(then), Answer::Save) if self.save() => {
                self.continue_after_save(then);
            }
            (Prompt::Unsaved(then), Answer::Discard) => {
                self.discard_edits();
                self.continue_after_save(then);
            }
            (Prompt::DiskChanged, Answer::Discard) => {
                self.discard_edits();
                self.reload_from_disk();
            }
            (Prompt::DiskChanged, Answer::Save) => {
                // Keep mine: overwrite the outside change.
                self.save();
            }
            (Prompt::Recover(path), Answer::Recover) => self.recover_from(&path),
            (Prompt::Recover(path), Answer::Discard) => super::recovery_file::remove(&path),
            // Cancelled: the edits stay, the graph read in the background is dropped.
            (Prompt::Unsaved(AfterSave::InstallLoaded), _) => self.files.held = None,
            _ => {}
        }
    }

    pub fn run(&mut self, action: Action) {
        match action {
            Action::Open => self.guard_unsaved(AfterSave::OpenDialog),
            Action::Reload => self.guard_unsaved(AfterSave::Reload),
            Action::OpenShipped => self.guard_unsaved(AfterSave::OpenShipped),
            Action::SaveLayout => self.save_layout(),
            Action::Quit => self.guard_unsaved(AfterSave::Close),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::NewNode => {
                self.view.editor = crate::ui::EditorState::new_node(&self.doc.kg.data);
            }
            Action::EditSelection => {
                self.view.editor =
                    crate::ui::EditorState::edit_selection(&self.doc.kg, &self.view.selection);
            }
            Action::ConnectSelection => {
                if let Some(&from) = self.view.selection.nodes.iter().next() {
                    self.view.editor = crate::ui::EditorState::connect(&self.doc.kg, from, None);
                }
            }
            Action::DeleteSelection => self.delete_selection(),
            Action::EgoFocus => {
                let cmd = if self.view.focus.ego.is_some() {
                    AnalysisCommand::EgoOff
                } else {
                    AnalysisCommand::EgoFromSelection
                };
                self.analysis(cmd);
            }
            Action::EgoMore => {
                let r = self.view.focus.ego.as_ref().map_or(0, |e| e.radius);
                if self.view.focus.ego.is_none() {
                    self.analysis(AnalysisCommand::EgoFromSelection);
                } else {
                    self.analysis(AnalysisCommand::EgoRadius(r + 1));
                }
            }
            Action::EgoLess => {
                if let Some(r) = self.view.focus.ego.as_ref().map(|e| e.radius) {
                    self.analysis(AnalysisCommand::EgoRadius(r.saturating_sub(1)));
                }
            }
            Action::FindPaths => self.analysis(AnalysisCommand::FindPaths),
            Action::PlayTimeline => self.analysis(AnalysisCommand::Play(!self.view.focus.playing)),
            Action::Present => {
                self.view.briefing.presenting = !self.view.briefing.presenting;
                self.view.briefing.blank = false;
                if self.view.briefing.presenting && self.view.briefing.active.is_none() {
                    self.step_tour(true);
                }
            }
            Action::NextView => self.step_tour(true),
            Action::PreviousView => self.step_tour(false),
            Action::ToggleMinimap => self.prefs.show_minimap = !self.prefs.show_minimap,
            Action::ExportSvg => self.export_dialog(false),
            Action::ExportPng => self.export_dialog(true),
            Action::ThemeProjector => {
                self.prefs.projector = !self.prefs.projector;
                if self.prefs.projector {
                    self.prefs.dark = false;
                }
            }
            Action::LayoutForce => {
                self.view.canvas.backdrop = None;
                self.layout.use_force();
            }
            Action::LayoutLayered
            | Action::LayoutRadial
            | Action::LayoutCircularKind
            | Action::LayoutCircularCommunity
            | Action::LayoutGeographic => {
                self.arrange(action);
            }
            Action::FitView => {
                self.view.canvas.fit_requested = true;
            }
            Action::ToggleLayout => self.layout.toggle_running(),
            Action::RerunLayout => {
                self.layout.restart(false);
                self.view.auto_fit = true;
            }
            Action::NewSeed => {
                self.layout.restart(true);
                self.view.auto_fit = true;
            }
            Action::Find => self.view.search.focus_requested = true,
            Action::CommandPalette => {
                self.view.palette.open = !self.view.palette.open;
                self.view.palette.query.clear();
            }
            Action::ClearSelection => {
                if self.view.palette.open {
                    self.view.palette.open = false;
                } else if self.view.show_shortcuts {
                    self.view.show_shortcuts = false;
                } else {
                    self.view.selection = Selection::default();
                    self.view.canvas.keys.clear();
                }
            }
            Action::SelectNeighbours => {
                let kg = &self.doc.kg;
                let extra: Vec<NodeIx> = self
                    .view
                    .selection
                    .nodes
                    .iter()
                    .flat_map(|n| kg.graph.neighbors_undirected(*n))
                    .filter(|n| self.view.visible.node(*n))
                    .collect();
                self.view.selection.nodes.extend(extra);
            }
            Action::UnpinAll => self.layout.unpin_all(),
            Action::LabelsEnglish => self.prefs.lang = LabelLang::English,
            Action::LabelsChinese => self.prefs.lang = LabelLang::Chinese,
            Action::LabelsBoth => self.prefs.lang = LabelLang::Both,
            Action::UiEnglish | Action::UiChinese => {
                let lang = if action == Action::UiChinese {
                    UiLang::Chinese
                } else {
                    UiLang::English
                };
                self.prefs.ui_lang = lang;
                UiLang::set_current(lang);
            }
            Action::ThemeLight => {
                self.prefs.dark = false;
                self.prefs.projector = false;
            }
            Action::ThemeDark => {
                self.prefs.dark = true;
                self.prefs.projector = false;
            }
            Action::ToggleLegend => self.prefs.show_legend = !self.prefs.show_legend,
            Action::ShowAllKinds => {
                self.view.filter = Filter::default();
                self.refresh_visible();
            }
            Action::ZoomIn
            | Action::ZoomOut
            | Action::ZoomReset
            | Action::ShortcutSheet
            | Action::FocusCanvas
            | Action::DescribeRelations
            | Action::FocusLeft
            | Action::FocusRight
            | Action::FocusUp
            | Action::FocusDown
            | Action::FocusNextNeighbour
            | Action::FocusPreviousNeighbour
            | Action::SelectFocused
            | Action::PinFocused => self.keyboard(action),
            Action::ToggleReader => self.view.reader.toggle(),
            Action::ConnectDatabase => self.db.open = true,
            Action::ExpandFromDatabase => self.db_expand_selected(),
            Action::GroupSelection => self.group_command(GroupCommand::FromSelection),
            Action::Ungroup => self.group_command(GroupCommand::Ungroup),
            Action::ToggleGroup => self.group_command(GroupCommand::ToggleSelected),
            Action::GroupByKind => self.group_by(crate::io::groups::GroupBy::Kind),
            Action::GroupByCommunity => self.group_by(crate::io::groups::GroupBy::Community),
            Action::CollapseAllGroups => self.group_command(GroupCommand::CollapseAll),
            Action::ExpandAllGroups => self.group_command(GroupCommand::ExpandAll),
        }
    }
}
