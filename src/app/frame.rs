//! One frame: shortcuts, panels, canvas, dialogs, then the queued commands, then layout work.

use crate::i18n::{t, t_args};

use super::AtlasApp;
use super::view_state::RightTab;
use crate::commands::AnalysisCommand;
use crate::commands::{Action, Command};
use crate::ui;
use crate::view::{CanvasInput, canvas_ui};

impl AtlasApp {
    /// Turn key presses into actions. More specific shortcuts first (Ctrl+Shift+Z before Ctrl+Z,
    /// Shift+Tab before Tab), and the canvas's keys before the others (Space pins the focused
    /// node while the canvas has keyboard focus, and toggles the layout otherwise).
    fn shortcuts(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let canvas = crate::view::canvas_id();
        let focused = ctx.memory(|m| m.focused());
        let canvas_focused = focused == Some(canvas);
        // A focused text field or button keeps its keys; the focused canvas does not.
        let typing = focused.is_some() && !canvas_focused;
        let node_focused = self.view.canvas.keys.node.is_some();
        let mut actions: Vec<(Action, egui::KeyboardShortcut)> = Action::ALL
            .iter()
            .flat_map(|a| a.shortcuts().map(|s| (*a, s)))
            .collect();
        actions.sort_by_key(|(a, s)| {
            let mods = [
                s.modifiers.ctrl || s.modifiers.command,
                s.modifiers.shift,
                s.modifiers.alt,
            ];
            (
                std::cmp::Reverse(mods.iter().filter(|m| **m).count()),
                !a.canvas_only(),
            )
        });
        let modal = self.shell.error.is_some() || self.shell.prompt.is_some();
        for (action, sc) in actions {
            // Text fields keep their own keys (and their own Ctrl+Z).
            let text_key =
                action.needs_canvas_focus() || matches!(action, Action::Undo | Action::Redo);
            if (typing && text_key && action != Action::ClearSelection)
                || (modal && action != Action::ClearSelection)
            {
                continue;
            }
            if action.canvas_only()
                && (!canvas_focused || (action == Action::PinFocused && !node_focused))
            {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                commands.push(Command::Run(action));
            }
        }
    }

    /// Draw the whole app into `ui` (the eframe root, or a kittest harness).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        crate::i18n::UiLang::set_current(self.prefs.ui_lang);
        let theme = (
            self.prefs.dark,
            self.prefs.projector,
            self.prefs.ui_scale.to_bits(),
        );
        if self.shell.applied_theme != Some(theme) {
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
            // Ctrl+= / Ctrl+- are the app's actions (persisted in the preferences): egui's own
            // keyboard zoom would zoom a second time and forget it at exit.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            let projector = if self.prefs.projector { 1.25 } else { 1.0 };
            let scale = self.prefs.stepped_scale(0);
            ctx.set_zoom_factor(scale * projector);
            self.shell.applied_theme = Some(theme);
        }

        let mut commands: Vec<Command> = std::mem::take(&mut self.pending);
        if self.view.briefing.presenting {
            self.presenter_keys(&ctx, &mut commands);
        }
        self.shortcuts(&ctx, &mut commands);
        if self.shell.fullscreen != self.view.briefing.presenting {
            self.shell.fullscreen = self.view.briefing.presenting;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.shell.fullscreen));
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.history.is_dirty()
            && !self.shell.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.shell.prompt = Some(super::Prompt::Unsaved(super::AfterSave::Close));
        }
        self.watch_disk(&ctx);
        self.poll_loading();
        self.poll_db(&ctx);
        if self.files.loading.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let now = std::time::Instant::now();
        if *self.files.last_recovery.get_or_insert(now) + std::time::Duration::from_secs(10) <= now
        {
            self.files.last_recovery = Some(now);
            self.write_recovery();
        }
        let title = format!(
            "{}{} — Innovation Atlas",
            if self.history.is_dirty() { "● " } else { "" },
            self.doc.display_name()
        );
        if title != self.shell.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shell.title = title;
        }

        let presenting = self.view.briefing.presenting;
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
        let menu = ui::MenuState {
            undo: self.history.undo_label(),
            redo: self.history.redo_label(),
            lang: self.prefs.lang,
            ui_lang: self.prefs.ui_lang,
            dark: self.prefs.dark,
            projector: self.prefs.projector,
            layout_running: self.layout.running(),
        };
        egui::Panel::top("menu").show(ui, |ui| {
            landmark(ui, "a11y-panel-menu");
            ui::menu_ui(ui, &menu, commands)
        });
        if let Some(lines) = &self.files.disk_banner {
            egui::Panel::top("disk-banner").show(ui, |ui| {
                ui.colored_label(ui.visuals().error_fg_color, t("banner-disk-errors"));
                for l in lines.iter().take(8) {
                    ui.monospace(l);
                }
            });
        }
        let status = ui::StatusInfo {
            file: self.doc.display_name(),
            shown_nodes: self.view.visible.node_count,
            nodes: self.doc.kg.node_count(),
            shown_edges: self.view.visible.edge_count,
            edges: self.doc.kg.edge_count(),
            layout_running: self.layout.running(),
            layout_starting: self.layout.running() && self.layout.starting(),
            seed: self.layout.seed(),
            iterations: self.layout.force().iterations,
            message: &self.shell.status,
        };
        egui::Panel::bottom("status").show(ui, |ui| {
            landmark(ui, "a11y-panel-status");
            ui::status_ui(ui, &status)
        });
        egui::Panel::left("side")
            .default_size(290.0)
            .size_range(200.0..=480.0)
            .resizable(true)
            .show(ui, |ui| {
                landmark(ui, "a11y-panel-side");
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let query_before = self.view.search.query.clone();
                    ui::search_ui(
                        ui,
                        &mut self.view.search,
                        &self.doc,
                        self.prefs.lang,
                        commands,
                    );
                    let search_changed = query_before != self.view.search.query;
                    ui.separator();
                    ui::filters_ui(
                        ui,
                        &self.view.filter,
                        &self.doc,
                        &self.view.census,
                        self.prefs.lang,
                        commands,
                    );
                    ui.separator();
                    self.groups_panel(ui, commands);
                    if search_changed && self.view.focus.search_as_filter {
                        self.refresh_visible();
                    }
                    ui.separator();
                    ui::focus_ui(
                        ui,
                        &self.view.focus,
                        &self.doc,
                        self.view.census.years,
                        !self.view.selection.nodes.is_empty(),
                        commands,
                    );
                });
            });
        if self.view.reader.open {
            egui::Panel::right("reader")
                .default_size(480.0)
                .size_range(280.0..=900.0)
                .resizable(true)
                .show(ui, |ui| {
                    ui::reader_ui(
                        ui,
                        &mut self.view.reader,
                        &self.doc,
                        &self.view.selection,
                        self.prefs.lang,
                        commands,
                    )
                });
        }
        egui::Panel::right("inspector")
            .default_size(360.0)
            .size_range(240.0..=560.0)
            .resizable(true)
            .show(ui, |ui| {
                landmark(ui, "a11y-panel-details");
                ui.horizontal(|ui| {
                    for (tab, label) in [
                        (RightTab::Inspector, t("inspector-title")),
                        (RightTab::Metrics, t("metrics-title")),
                        (RightTab::Paths, t("paths-title")),
                        (RightTab::Views, t("views-title")),
                    ] {
                        if ui
                            .selectable_label(self.view.right_tab == tab, label)
                            .clicked()
                        {
                            self.view.right_tab = tab;
                        }
                    }
                });
                ui.separator();
                match self.view.right_tab {
                    RightTab::Inspector => {
                        // Connected to a database: the selected node can bring its neighbours.
                        if self.db.session.is_some()
                            && let Some(id) = self.db_selected_id()
                        {
                            let mut out = Vec::new();
                            ui.horizontal_wrapped(|ui| {
                                ui::expand_menu_ui(
                                    ui,
                                    &id,
                                    super::db_state::EXPAND_LIMIT,
                                    self.db.more.get(&id).copied(),
                                    &mut out,
                                )
                            });
                            commands.extend(out.into_iter().map(Command::Db));
                            ui.separator();
                        }
                        if !self.group_inspector(ui, commands) {
                            ui::inspector_ui_with_sources(
                                ui,
                                &self.doc,
                                &self.view.selection,
                                self.layout.positions(),
                                self.prefs.lang,
                                commands,
                                Some(&mut self.view.reader),
                            )
                        }
                    }
                    RightTab::Metrics => {
                        if self.view.focus.metrics.is_none() || self.view.focus.metrics_stale {
                            self.view.focus.metrics =
                                Some(crate::analysis::focus::compute_metrics(
                                    &self.doc.kg,
                                    &self.view.visible,
                                ));
                            self.view.focus.metrics_stale = false;
                        }
                        ui::metrics_ui(
                            ui,
                            &mut self.view.focus,
                            &self.doc,
                            self.prefs.lang,
                            commands,
                        )
                    }
                    RightTab::Views => ui::views_ui(ui, &mut self.view.briefing, commands),
                    RightTab::Paths => ui::paths_ui(
                        ui,
                        &mut self.view.focus,
                        &self.doc,
                        self.prefs.lang,
                        commands,
                    ),
                }
            });
    }

    /// The canvas with its overlays (legend, minimap, presenter caption).
    fn central(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        self.view.canvas.projector = self.prefs.projector || self.view.briefing.presenting;
        // The legend sits at the bottom left: a fitted graph keeps clear of it.
        let legend = self.prefs.show_legend && !self.view.briefing.presenting;
        self.view.canvas.fit_inset_left = if legend { 190.0 } else { 0.0 };

        let hits: Vec<_> = self
            .view
            .search
            .hits
            .iter()
            .take(10)
            .map(|h| h.node)
            .collect();
        let hits = self.shown_hits(hits);
        // The active view's appearance and notes; the GPU uploads positions only when moved.
        self.view
            .canvas
            .follow_briefing(&self.view.briefing.views, self.view.briefing.active);
        self.view.canvas.positions_generation = Some(self.layout.generation());
        let out = canvas_ui(
            ui,
            &mut self.view.canvas,
            &CanvasInput {
                kg: &self.doc.kg,
                positions: self.layout.positions(),
                visible: &self.view.visible,
                selected_nodes: &self.view.selection.nodes,
                selected_edge: self.view.selection.edge,
                search_hits: &hits,
                degree: &self.doc.degree,
                lang: self.prefs.lang,
                dark: self.prefs.dark,
            },
        );
        // A pan or zoom by the user ends automatic fitting.
        if std::mem::take(&mut self.view.canvas.user_moved_camera) {
            self.view.auto_fit = false;
        }
        commands.extend(out.commands);
        if self.prefs.show_legend && !self.view.briefing.presenting {
            let styled = self
                .view
                .canvas
                .looks(&self.doc.kg, &self.view.visible, self.prefs.lang);
            ui::legend_ui_styled(
                ui,
                &self.doc,
                &self.view.census.visible_kinds,
                self.prefs.lang,
                &self.view.focus,
                styled,
                commands,
            );
        }

        let rect = self.view.canvas.rect.unwrap_or(ui.max_rect());
        if self.prefs.show_minimap
            && !self.view.briefing.presenting
            && let Some(c) = crate::view::minimap_ui(
                ui,
                rect,
                &self.view.canvas.camera,
                self.layout.positions(),
                self.layout.generation(),
                &self.view.visible,
                self.prefs.dark,
            )
        {
            self.view.canvas.camera.center = c;
            self.view.canvas.camera.target = None;
            self.view.auto_fit = false;
        }
        if let Some(l) = &self.files.loading {
            let area = egui::Rect::from_center_size(rect.center(), egui::vec2(420.0, 70.0));
            ui.painter()
                .rect_filled(area, 8.0, ui.visuals().window_fill);
            ui.scope_builder(egui::UiBuilder::new().max_rect(area.shrink(12.0)), |ui| {
                ui.horizontal(|ui| {
                    // A spinner repaints every frame; ten frames a second are enough to show
                    // progress and to pick up the result, and leave the cores to the loader
                    // (a software renderer would otherwise take one of two).
                    let ticks = (l.started.elapsed().as_millis() / 250) as usize;
                    ui.monospace(["·  ", "·· ", "···", " ··", "  ·", "   "][ticks % 6]);
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(100));
                    let file = l
                        .path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    ui.label(t_args(
                        "loading-progress",
                        &[
                            ("file", file.into()),
                            ("mb", format!("{:.1}", l.bytes as f64 / 1e6).into()),
                            (
                                "seconds",
                                format!("{:.1}", l.started.elapsed().as_secs_f32()).into(),
                            ),
                        ],
                    ));
                });
                ui.weak(t("loading-hint"));
            });
        }
        if self.view.briefing.presenting {
            if self.view.briefing.blank {
                ui.painter().rect_filled(rect, 0.0, egui::Color32::BLACK);
            } else if let Some(v) = self
                .view
                .briefing
                .active
                .and_then(|i| self.view.briefing.views.views.get(i))
            {
                let lines = crate::view::export::caption_lines(v, self.prefs.lang);
                ui::caption_ui(ui, rect, &v.name, &lines);
            }
        }
    }

    fn dialogs(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let ctx = ctx.clone();
        ui::palette_ui(&ctx, &mut self.view.palette, commands);
        ui::shortcuts_ui(&ctx, &mut self.view.show_shortcuts);
        ui::editor_ui(
            &ctx,
            &mut self.view.editor,
            &self.doc.kg,
            &self.doc.search,
            commands,
        );
        if self.db.open {
            let db = &mut self.db;
            let status = ui::DbStatus {
                busy: db.job.as_ref().map(crate::db::DbJob::progress),
                error: db.error.as_ref(),
                connected: db.session.as_ref().map(|s| s.label.as_str()),
            };
            let mut out = Vec::new();
            ui::connect_ui(&ctx, &mut db.open, &mut db.form, status, &mut out);
            commands.extend(out.into_iter().map(Command::Db));
        }
        if let Some(prompt) = &self.shell.prompt {
            ui::prompt_ui(&ctx, prompt, commands);
        }
        if let Some(err) = &self.shell.error {
            ui::error_dialog_ui(&ctx, err, commands);
        }
    }

    /// Apply the frame's commands, then time-based work: playback, transitions, layout.
    fn after_frame(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let ctx = ctx.clone();
        for cmd in commands {
            self.apply(cmd);
        }
        if self.shell.quit_requested {
            self.shell.quit_requested = false;
            self.shell.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }

        if self.view.focus.playing {
            let now = ctx.input(|i| i.time);
            if now - self.view.focus.play_clock >= 1.2 {
                self.view.focus.play_clock = now;
                let hi = self.view.census.years.map_or(0, |r| r.1);
                match self.view.focus.year {
                    Some(y) if y < hi => self.analysis(AnalysisCommand::SetYear(Some(y + 1))),
                    _ => self.view.focus.playing = false,
                }
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        let now = ctx.input(|i| i.time);
        let tick = self.layout.tick(now, super::state::LAYOUT_BUDGET, 40);
        if let Some(notice) = tick.notice {
            self.shell.status = notice;
        }
        if tick.moved {
            if self.view.auto_fit {
                self.view.canvas.fit_requested = true;
                self.view.canvas.fit_instantly = true;
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
            self.view.briefing.blank = !self.view.briefing.blank;
        }
        if pressed(Key::Escape) {
            self.view.briefing.presenting = false;
            self.view.briefing.blank = false;
        }
    }
}

/// Name a panel for screen readers: a landmark region they can jump to by its label.
fn landmark(ui: &egui::Ui, key: &str) {
    let label = t(key);
    ui.ctx().accesskit_node_builder(ui.unique_id(), |n| {
        n.set_role(egui::accesskit::Role::Region);
        n.set_label(label);
    });
}
