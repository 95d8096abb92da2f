//! One frame: shortcuts, panels, canvas, dialogs, then the queued commands, then layout work.

use super::AtlasApp;
use super::state::RightTab;
use crate::commands::AnalysisCommand;
use crate::commands::{Action, Command};
use crate::ui;
use crate::view::{CanvasInput, canvas_ui};

impl AtlasApp {
    /// Turn key presses into actions. More specific shortcuts first (Ctrl+Shift+Z before Ctrl+Z).
    fn shortcuts(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let typing = ctx.egui_wants_keyboard_input();
        let mut actions: Vec<(Action, egui::KeyboardShortcut)> = Action::ALL
            .iter()
            .filter_map(|a| a.shortcut().map(|s| (*a, s)))
            .collect();
        actions.sort_by_key(|(_, s)| {
            std::cmp::Reverse(
                [
                    s.modifiers.ctrl || s.modifiers.command,
                    s.modifiers.shift,
                    s.modifiers.alt,
                ]
                .iter()
                .filter(|m| **m)
                .count(),
            )
        });
        let modal = self.error.is_some() || self.prompt.is_some();
        for (action, sc) in actions {
            // Text fields keep their own keys (and their own Ctrl+Z).
            let text_key =
                action.needs_canvas_focus() || matches!(action, Action::Undo | Action::Redo);
            if (typing && text_key && action != Action::ClearSelection)
                || (modal && action != Action::ClearSelection)
            {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                commands.push(Command::Run(action));
            }
        }
        let redo_y = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Y);
        if !typing && !modal && ctx.input_mut(|i| i.consume_shortcut(&redo_y)) {
            commands.push(Command::Run(Action::Redo));
        }
    }

    /// Draw the whole app into `ui` (the eframe root, or a kittest harness).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let theme = (self.prefs.dark, self.prefs.projector);
        if self.applied_theme != Some(theme) {
            let mut visuals = if self.prefs.dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            if self.prefs.projector {
                visuals.override_text_color = Some(egui::Color32::BLACK);
                visuals.panel_fill = egui::Color32::WHITE;
            }
            ctx.set_visuals(visuals);
            ctx.set_zoom_factor(if self.prefs.projector { 1.25 } else { 1.0 });
            self.applied_theme = Some(theme);
        }

        let mut commands: Vec<Command> = std::mem::take(&mut self.pending);
        if self.briefing.presenting {
            self.presenter_keys(&ctx, &mut commands);
        }
        self.shortcuts(&ctx, &mut commands);
        if self.fullscreen != self.briefing.presenting {
            self.fullscreen = self.briefing.presenting;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.history.is_dirty()
            && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.prompt = Some(super::Prompt::Unsaved(super::AfterSave::Close));
        }
        self.watch_disk(&ctx);
        self.poll_loading();
        if self.loading.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.last_recovery.elapsed() >= std::time::Duration::from_secs(10) {
            self.last_recovery = std::time::Instant::now();
            self.write_recovery();
        }
        let title = format!(
            "{}{} — Innovation Atlas",
            if self.history.is_dirty() { "● " } else { "" },
            self.doc.display_name()
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }

        let presenting = self.briefing.presenting;
        if !presenting {
            self.panels(ui, &mut commands);
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.central(ui, &mut commands));
        self.dialogs(&ctx, &mut commands);
        self.after_frame(&ctx, commands);
    }

    /// Menu, banner, status bar, side panels.
    fn panels(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::Panel::top("menu").show(ui, |ui| ui::menu_ui(ui, self, commands));
        if let Some(lines) = &self.disk_banner {
            egui::Panel::top("disk-banner").show(ui, |ui| {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "The file on disk has errors; the last good graph stays open:",
                );
                for l in lines.iter().take(8) {
                    ui.monospace(l);
                }
            });
        }
        egui::Panel::bottom("status").show(ui, |ui| ui::status_ui(ui, self));
        egui::Panel::left("side")
            .default_size(290.0)
            .size_range(200.0..=480.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let query_before = self.search.query.clone();
                    ui::search_ui(ui, &mut self.search, &self.doc, self.prefs.lang, commands);
                    let search_changed = query_before != self.search.query;
                    ui.separator();
                    let before = self.filter.clone();
                    ui::filters_ui(ui, &mut self.filter, &self.doc, self.prefs.lang);
                    if before != self.filter || (search_changed && self.focus.search_as_filter) {
                        self.refresh_visible();
                    }
                    ui.separator();
                    ui::focus_ui(
                        ui,
                        &self.focus,
                        &self.doc,
                        !self.selection.nodes.is_empty(),
                        commands,
                    );
                });
            });
        egui::Panel::right("inspector")
            .default_size(360.0)
            .size_range(240.0..=560.0)
            .resizable(true)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for (tab, label) in [
                        (RightTab::Inspector, "Inspector"),
                        (RightTab::Metrics, "Metrics"),
                        (RightTab::Paths, "Paths"),
                        (RightTab::Views, "Views"),
                    ] {
                        if ui.selectable_label(self.right_tab == tab, label).clicked() {
                            self.right_tab = tab;
                        }
                    }
                });
                ui.separator();
                match self.right_tab {
                    RightTab::Inspector => ui::inspector_ui(
                        ui,
                        &self.doc,
                        &self.selection,
                        &self.positions,
                        self.prefs.lang,
                        commands,
                    ),
                    RightTab::Metrics => {
                        if self.focus.metrics.is_none() || self.focus.metrics_stale {
                            self.focus.metrics =
                                Some(super::focus::compute_metrics(&self.doc.kg, &self.visible));
                            self.focus.metrics_stale = false;
                        }
                        ui::metrics_ui(ui, &mut self.focus, &self.doc, self.prefs.lang, commands)
                    }
                    RightTab::Views => ui::views_ui(ui, &mut self.briefing, commands),
                    RightTab::Paths => {
                        ui::paths_ui(ui, &mut self.focus, &self.doc, self.prefs.lang, commands)
                    }
                }
            });
    }

    /// The canvas with its overlays (legend, minimap, presenter caption).
    fn central(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        self.canvas.projector = self.prefs.projector || self.briefing.presenting;

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
        if self.prefs.show_legend && !self.briefing.presenting {
            ui::legend_ui(ui, &self.doc, &self.visible, self.prefs.lang, &self.focus);
        }

        let rect = self.canvas.rect.unwrap_or(ui.max_rect());
        if self.prefs.show_minimap
            && !self.briefing.presenting
            && let Some(c) = crate::view::minimap_ui(
                ui,
                rect,
                &self.canvas.camera,
                &self.positions,
                &self.visible,
                self.prefs.dark,
            )
        {
            self.canvas.camera.center = c;
            self.canvas.camera.target = None;
            self.auto_fit = false;
        }
        if let Some(l) = &self.loading {
            let area = egui::Rect::from_center_size(rect.center(), egui::vec2(420.0, 70.0));
            ui.painter()
                .rect_filled(area, 8.0, ui.visuals().window_fill);
            ui.scope_builder(egui::UiBuilder::new().max_rect(area.shrink(12.0)), |ui| {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!(
                        "Loading {} ({:.1} MB) — {:.1} s",
                        l.path
                            .file_name()
                            .map(|f| f.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                        l.bytes as f64 / 1e6,
                        l.started.elapsed().as_secs_f32()
                    ));
                });
                ui.weak("The open graph stays usable; it is replaced when loading ends.");
            });
        }
        if self.briefing.presenting {
            if self.briefing.blank {
                ui.painter().rect_filled(rect, 0.0, egui::Color32::BLACK);
            } else if let Some(v) = self
                .briefing
                .active
                .and_then(|i| self.briefing.views.views.get(i))
            {
                let lines = crate::cli::render::caption_lines(v, self.prefs.lang);
                ui::caption_ui(ui, rect, &v.name, &lines);
            }
        }
    }

    fn dialogs(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let ctx = ctx.clone();
        ui::palette_ui(&ctx, &mut self.palette, commands);
        ui::editor_ui(
            &ctx,
            &mut self.editor,
            &self.doc.kg,
            &self.doc.search,
            commands,
        );
        if let Some(prompt) = &self.prompt {
            ui::prompt_ui(&ctx, prompt, commands);
        }
        if let Some(err) = &self.error {
            ui::error_dialog_ui(&ctx, err, commands);
        }
    }

    /// Apply the frame's commands, then time-based work: playback, transitions, layout.
    fn after_frame(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let ctx = ctx.clone();
        for cmd in commands {
            self.apply(cmd);
        }
        if self.quit_requested {
            self.quit_requested = false;
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }

        if self.focus.playing {
            let now = ctx.input(|i| i.time);
            if now - self.focus.play_clock >= 1.2 {
                self.focus.play_clock = now;
                let hi = crate::analysis::timeline::year_range(&self.doc.kg).map_or(0, |r| r.1);
                match self.focus.year {
                    Some(y) if y < hi => self.analysis(AnalysisCommand::SetYear(Some(y + 1))),
                    _ => self.focus.playing = false,
                }
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        if !self.layout_running {
            self.stop_layout_worker();
        }
        if self.layout_running {
            self.run_layout_for(super::state::LAYOUT_BUDGET, 40);
            if self.layout.settled() {
                self.layout_running = false;
                self.remove_overlaps();
            }
            if self.auto_fit {
                self.canvas.fit_requested = true;
                self.canvas.fit_instantly = true;
            }
            ctx.request_repaint();
        }
        if let Some((from, to, start)) = &mut self.transition {
            let now = ctx.input(|i| i.time);
            if *start < 0.0 {
                *start = now;
            }
            let t = ((now - *start) / 0.7).clamp(0.0, 1.0) as f32;
            let eased = t * t * (3.0 - 2.0 * t);
            self.positions = crate::layout::blend(from, to, eased);
            if self.auto_fit {
                self.canvas.fit_requested = true;
                self.canvas.fit_instantly = true;
            }
            if t >= 1.0 {
                self.transition = None;
            }
            ctx.request_repaint();
        }
    }

    /// Keys of presentation clickers: → / PageDown / Space next, ← / PageUp back, B blank,
    /// Esc leaves.
    fn presenter_keys(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        use egui::Key;
        let pressed = |k: Key| ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, k));
        if pressed(Key::ArrowRight) || pressed(Key::PageDown) || pressed(Key::Space) {
            commands.push(Command::Run(crate::commands::Action::NextView));
        }
        if pressed(Key::ArrowLeft) || pressed(Key::PageUp) {
            commands.push(Command::Run(crate::commands::Action::PreviousView));
        }
        if pressed(Key::B) {
            self.briefing.blank = !self.briefing.blank;
        }
        if pressed(Key::Escape) {
            self.briefing.presenting = false;
            self.briefing.blank = false;
        }
    }
}
