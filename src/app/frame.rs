//! One frame: shortcuts, panels, canvas, dialogs, then the queued commands, then layout work.

use super::AtlasApp;
use crate::commands::{Action, Command};
use crate::ui;
use crate::view::{CanvasInput, canvas_ui};

impl AtlasApp {
    /// Draw the whole app into `ui` (the eframe root, or a kittest harness).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_theme != Some(self.prefs.dark) {
            ctx.set_visuals(if self.prefs.dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            });
            self.applied_theme = Some(self.prefs.dark);
        }

        let mut commands: Vec<Command> = std::mem::take(&mut self.pending);
        let typing = ctx.egui_wants_keyboard_input();
        for &action in Action::ALL {
            if let Some(sc) = action.shortcut() {
                if (typing && action.needs_canvas_focus() && action != Action::ClearSelection)
                    || (self.error.is_some() && action != Action::ClearSelection)
                {
                    continue;
                }
                if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                    commands.push(Command::Run(action));
                }
            }
        }

        egui::Panel::top("menu").show(ui, |ui| ui::menu_ui(ui, self, &mut commands));
        egui::Panel::bottom("status").show(ui, |ui| ui::status_ui(ui, self));
        egui::Panel::left("side")
            .default_size(290.0)
            .size_range(200.0..=480.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui::search_ui(
                        ui,
                        &mut self.search,
                        &self.doc,
                        self.prefs.lang,
                        &mut commands,
                    );
                    ui.separator();
                    let before = self.filter.clone();
                    ui::filters_ui(ui, &mut self.filter, &self.doc, self.prefs.lang);
                    if before != self.filter {
                        self.refresh_visible();
                        self.layout_running = true;
                    }
                });
            });
        egui::Panel::right("inspector")
            .default_size(360.0)
            .size_range(240.0..=560.0)
            .resizable(true)
            .show(ui, |ui| {
                ui::inspector_ui(
                    ui,
                    &self.doc,
                    &self.selection,
                    &self.positions,
                    self.prefs.lang,
                    &mut commands,
                )
            });
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                let hits: Vec<_> = self.search.hits.iter().take(10).map(|h| h.node).collect();
                let out = canvas_ui(
                    ui,
                    &mut self.canvas,
                    &CanvasInput {
                        kg: &self.doc.kg,
                        positions: &self.positions,
                        visible: &self.visible,
                        selected_nodes: &self.selection.nodes,
                        selected_edge: self.selection.edge,
                        search_hits: &hits,
                        degree: &self.doc.degree,
                        lang: self.prefs.lang,
                        dark: self.prefs.dark,
                    },
                );
                // A pan or zoom by the user ends automatic fitting.
                if std::mem::take(&mut self.canvas.user_moved_camera) {
                    self.auto_fit = false;
                }
                commands.extend(out.commands);
                if self.prefs.show_legend {
                    ui::legend_ui(ui, &self.doc, &self.visible, self.prefs.lang);
                }
            });
        ui::palette_ui(&ctx, &mut self.palette, &mut commands);
        if let Some(err) = &self.error {
            ui::error_dialog_ui(&ctx, err, &mut commands);
        }

        for cmd in commands {
            self.apply(cmd);
        }
        if self.quit_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }

        if self.layout_running {
            self.run_layout_for(super::state::LAYOUT_BUDGET, 40);
            if self.layout.settled() {
                self.layout_running = false;
            }
            if self.auto_fit {
                self.canvas.fit_requested = true;
                self.canvas.fit_instantly = true;
            }
            ctx.request_repaint();
        }
    }
}
