//! Saved views, the tour and presenter mode, and exporting what is on screen as SVG or PNG.

use crate::i18n::{t, t_args};

use super::state::AtlasApp;
use crate::io::views::{self, Direction, View, ViewCamera, Views};
use crate::layout::LayoutKind;
use crate::model::Names;
use crate::ui::ErrorReport;
use crate::view::export::{Scene, Theme, apply_view, scene_to_svg, svg_to_png};
use std::path::Path;

fn to_ego_dir(d: crate::analysis::ego::EgoDirection) -> Direction {
    use crate::analysis::ego::EgoDirection as E;
    match d {
        E::Out => Direction::Out,
        E::In => Direction::In,
        E::Both => Direction::Both,
    }
}

fn from_ego_dir(d: Direction) -> crate::analysis::ego::EgoDirection {
    use crate::analysis::ego::EgoDirection as E;
    match d {
        Direction::Out => E::Out,
        Direction::In => E::In,
        Direction::Both => E::Both,
    }
}

impl AtlasApp {
    /// Load `NAME.views.ron` beside the open file (missing is fine; broken is reported).
    pub(super) fn load_views_for(&mut self, data_path: Option<&Path>) {
        self.view.briefing.views = Views::default();
        self.view.briefing.active = None;
        self.view.briefing.path = data_path.map(views::views_sidecar_path);
        if let Some(p) = &self.view.briefing.path {
            let open = views::open_views(p);
            if let Some(v) = open.value {
                self.view.briefing.views = v;
            }
            if let Some(broken) = open.broken {
                self.shell.error = Some(ErrorReport {
                    title: t("err-views-unreadable"),
                    lines: vec![broken],
                });
            } else if let Some(w) = open.warnings.first() {
                self.shell.status = match open.warnings.len() {
                    1 => t_args("msg-views-warning", &[("warning", w.to_string().into())]),
                    n => t_args(
                        "msg-views-warnings",
                        &[("warning", w.to_string().into()), ("more", (n - 1).into())],
                    ),
                };
            }
        }
    }

    fn save_views(&mut self) {
        let Some(p) = self.view.briefing.path.clone() else {
            self.shell.status = t("msg-views-builtin");
            return;
        };
        match views::save_views_reporting(&p, &self.view.briefing.views) {
            Ok(Some(kept_aside)) => self.shell.status = kept_aside,
            Ok(None) => {}
            Err(e) => {
                self.shell.error = Some(ErrorReport {
                    title: t("err-views-save"),
                    lines: vec![format!("{}: {e}", p.display())],
                });
            }
        }
    }

    /// The current screen as a view: camera, filters, focus, highlights, layout, language.
    pub fn capture_view(&self, name: &str) -> View {
        let kg = &self.doc.kg;
        let viewport = self.view.canvas.rect.map(|r| (r.width(), r.height()));
        let mut highlight: Vec<String> = self
            .view
            .selection
            .nodes
            .iter()
            .map(|n| kg.node(*n).id.clone())
            .collect();
        highlight.extend(
            self.view
                .focus
                .view_highlight
                .0
                .iter()
                .map(|n| kg.node(*n).id.clone()),
        );
        highlight.sort();
        highlight.dedup();
        let chosen = self
            .view
            .focus
            .path_selected
            .and_then(|i| self.view.focus.paths.get(i));
        let paths: Vec<Vec<String>> = match chosen {
            Some(p) => vec![p.nodes.iter().map(|n| kg.node(*n).id.clone()).collect()],
            None => self
                .view
                .focus
                .paths
                .iter()
                .map(|p| p.nodes.iter().map(|n| kg.node(*n).id.clone()).collect())
                .collect(),
        };
        View {
            name: name.to_string(),
            caption: Names::default(),
            camera: Some(ViewCamera {
                center: (
                    self.view.canvas.camera.center[0],
                    self.view.canvas.camera.center[1],
                ),
                zoom: self.view.canvas.camera.zoom,
                viewport,
            }),
            hidden_kinds: self.view.filter.hidden_kinds.iter().cloned().collect(),
            hidden_relations: self.view.filter.hidden_relations.iter().cloned().collect(),
            ego: self.view.focus.ego.as_ref().map(|e| views::EgoFocus {
                nodes: e.seeds.clone(),
                radius: e.radius as u32,
                direction: to_ego_dir(e.direction),
            }),
            highlight,
            paths,
            layout: Some(self.layout.kind().name().to_string()),
            lang: Some(self.prefs.lang),
            groups: (!self.view.groups.state.is_empty()).then(|| self.view.groups.state.clone()),
            ..View::default()
        }
    }

    /// Make view `i` the screen: filters, focus, highlights, language, then move the camera.
    pub fn activate_view(&mut self, i: usize) {
        let Some(view) = self.view.briefing.views.views.get(i).cloned() else {
            return;
        };
        let applied = apply_view(&self.doc.kg, &view);
        self.view.filter = applied.filter.clone();
        self.view.focus.ego = view.ego.as_ref().map(|e| crate::analysis::focus::EgoFocus {
            seeds: e.nodes.clone(),
            radius: e.radius as usize,
            direction: from_ego_dir(e.direction),
        });
        self.view.focus.paths.clear();
        self.view.focus.path_ends = None;
        self.view.focus.view_highlight = (
            applied.highlight_nodes.clone(),
            applied.highlight_edges.clone(),
        );
        self.view.focus.view_focus = applied.focus_nodes.clone();
        self.view.focus.view_dims_others = applied.dims_others();
        if let Some(lang) = applied.lang {
            self.prefs.lang = lang;
        }
        self.view.selection = Default::default();
        // The view's grouping; groups made by hand that it does not name stay (expanded), so
        // the sidecar never loses them.
        let mut groups = view.groups.clone().unwrap_or_default();
        for h in &self.view.groups.state.hand {
            if !groups.hand.iter().any(|x| x.name == h.name) {
                groups.hand.push(h.clone());
            }
        }
        self.set_group_state(groups);
        self.apply_view_layout(view.layout.as_deref());
        let rect = self.view.canvas.rect.unwrap_or(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 800.0),
        ));
        // A view with its own arrangement of its subgraph moves there (animated); the rest of
        // the graph stays where it was. The camera frames the arranged positions.
        let target = match &applied.arrange {
            Some(how) => {
                let kind = match how {
                    views::Arrange::Radial(_) => LayoutKind::Radial,
                    views::Arrange::Layered => LayoutKind::Layered,
                    views::Arrange::Force => LayoutKind::Saved,
                };
                let aspect = rect.width() / rect.height().max(1.0);
                let arranged = applied
                    .positions(&self.doc.kg, self.layout.positions(), aspect)
                    .into_owned();
                self.layout
                    .arrange(kind, arranged.clone(), &applied.visible.nodes);
                applied.camera_in(&arranged, rect.width(), rect.height())
            }
            // The same fit and margin as the export of this view.
            None => applied.camera_in(self.layout.positions(), rect.width(), rect.height()),
        };
        if let Some(t) = target {
            self.view.canvas.camera.target = Some(t);
        }
        self.view.auto_fit = false;
        self.view.briefing.active = Some(i);
        if !applied.missing.is_empty() {
            self.shell.status = t_args(
                "msg-view-missing",
                &[
                    ("view", (&view.name).into()),
                    ("missing", applied.missing.join(", ").into()),
                ],
            );
        }
    }

    /// Change the saved views as one undoable edit (written to the views file at once).
    fn change_views(&mut self, what: String, change: impl FnOnce(&mut Views)) {
        let before = self.view.briefing.views.clone();
        let mut after = before.clone();
        change(&mut after);
        if after != before {
            self.apply_edit(crate::commands::Edit::Views {
                what,
                before: Box::new(before),
                after: Box::new(after),
            });
        }
    }

    /// Show `views` (an edit, its undo or its redo) and write them beside the data file.
    pub(super) fn set_views(&mut self, views: &Views) {
        let n = views.views.len();
        self.view.briefing.views = views.clone();
        self.view.briefing.draft = None;
        if self.view.briefing.active.is_some_and(|i| i >= n) {
            self.view.briefing.active = None;
        }
        self.save_views();
    }

    /// Arrange the nodes as a view says (its layout is saved by name).
    fn apply_view_layout(&mut self, name: Option<&str>) {
        use crate::commands::Action;
        use crate::layout::LayoutKind as K;
        let Some(kind) = name.and_then(K::from_name) else {
            return;
        };
        if kind == self.layout.kind() {
            return;
        }
        match kind {
            K::Force => {
                self.view.canvas.backdrop = None;
                self.layout.use_force();
            }
            K::Layered => self.arrange(Action::LayoutLayered),
            K::CircularKind => self.arrange(Action::LayoutCircularKind),
            K::CircularCommunity => self.arrange(Action::LayoutCircularCommunity),
            K::Geographic => self.arrange(Action::LayoutGeographic),
            // Rings around a node need that node selected; saved positions are not in views.
            K::Radial | K::Saved => {
                self.shell.status = t_args(
                    "msg-view-layout-needs-selection",
                    &[("layout", kind.name().into())],
                )
            }
        }
    }

    pub fn add_view(&mut self, name: &str) {
        let name = if name.trim().is_empty() {
            t_args(
                "views-default-name",
                &[("n", (self.view.briefing.views.views.len() + 1).into())],
            )
        } else {
            name.trim().to_string()
        };
        let view = self.capture_view(&name);
        self.change_views(t_args("edit-add-view", &[("name", (&name).into())]), |v| {
            v.views.push(view)
        });
        self.view.briefing.active = Some(self.view.briefing.views.views.len().saturating_sub(1));
    }

    /// Re-capture view `i` from the screen, keeping its name and caption.
    pub fn update_view(&mut self, i: usize) {
        if let Some(old) = self.view.briefing.views.views.get(i).cloned() {
            let mut v = self.capture_view(&old.name);
            v.caption = old.caption;
            // Set in the Views panel, not captured from the screen: kept as they were.
            v.appearance = old.appearance;
            v.annotations = old.annotations;
            v.arrange = old.arrange;
            self.change_views(
                t_args("edit-update-view", &[("name", (&old.name).into())]),
                |views| views.views[i] = v,
            );
        }
    }

    pub fn edit_view(&mut self, i: usize, name: String, caption: Names) {
        self.change_views(
            t_args("edit-edit-view", &[("name", (&name).into())]),
            |views| {
                if let Some(v) = views.views.get_mut(i) {
                    v.name = name;
                    v.caption = caption;
                }
            },
        );
    }

    pub fn delete_view(&mut self, i: usize) {
        let Some(name) = self
            .view
            .briefing
            .views
            .views
            .get(i)
            .map(|v| v.name.clone())
        else {
            return;
        };
        self.change_views(
            t_args("edit-delete-view", &[("name", (&name).into())]),
            |v| {
                v.views.remove(i);
            },
        );
        self.view.briefing.active = None;
    }

    pub fn move_view(&mut self, i: usize, up: bool) {
        let n = self.view.briefing.views.views.len();
        let j = if up {
            i.checked_sub(1)
        } else {
            (i + 1 < n).then_some(i + 1)
        };
        if let Some(j) = j {
            self.change_views(t("edit-reorder-views"), |v| v.views.swap(i, j));
            self.view.briefing.active = Some(j);
        }
    }

    /// Next (or previous) view of the tour.
    pub fn step_tour(&mut self, forward: bool) {
        let n = self.view.briefing.views.views.len();
        if n == 0 {
            return;
        }
        let next = match (self.view.briefing.active, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(n - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.view.briefing.blank = false;
        self.activate_view(next);
    }

    /// The screen as SVG (what is visible, highlighted, in the current language).
    pub fn export_svg(&self, width: u32, height: u32, theme: Theme) -> String {
        let view = self.capture_view("");
        let mut applied = apply_view(&self.doc.kg, &view);
        // The live view: its own visibility (timeline, extra filters) and highlights.
        applied.visible = self.view.visible.clone();
        applied.appearance = self.view.canvas.appearance.clone();
        applied.annotations = self.view.canvas.annotations.clone();
        applied
            .highlight_nodes
            .extend(self.view.canvas.overlay.highlight_nodes.iter().copied());
        applied
            .highlight_edges
            .extend(self.view.canvas.overlay.highlight_edges.iter().copied());
        let (title, caption) = match self
            .view
            .briefing
            .active
            .and_then(|i| self.view.briefing.views.views.get(i))
        {
            Some(v) => (
                v.name.clone(),
                crate::view::export::caption_lines(v, self.prefs.lang),
            ),
            None => (String::new(), Vec::new()),
        };
        let mut scene = Scene::from_view(
            &self.doc.kg,
            self.layout.positions(),
            &applied,
            self.prefs.lang,
            title,
            caption,
            width,
            height,
        );
        scene.theme = theme;
        // What the screen shows: metric sizes and colours, and a view's fading.
        scene.overlay = Some(&self.view.canvas.overlay);
        scene.dim_others = self.view.canvas.overlay.dim_others;
        scene_to_svg(&scene)
    }

    pub fn export_dialog(&mut self, png: bool) {
        let (ext, filter) = if png {
            ("png", t("file-png-image"))
        } else {
            ("svg", t("file-svg-drawing"))
        };
        let path = rfd::FileDialog::new()
            .add_filter(filter, &[ext])
            .set_file_name(format!("atlas-view.{ext}"))
            .save_file();
        if let Some(path) = path {
            self.export_to(&path);
        }
    }

    /// Write the screen to `path` (`.svg` or `.png`, at the chosen export size).
    pub fn export_to(&mut self, path: &Path) {
        let [w, h] = if self.view.briefing.export_size[0] == 0 {
            [1600, 900]
        } else {
            self.view.briefing.export_size
        };
        let theme = if self.prefs.projector {
            Theme::Projector
        } else if self.prefs.dark {
            Theme::Dark
        } else {
            Theme::Light
        };
        let svg = self.export_svg(w, h, theme);
        let png = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("png"));
        let bytes = if png {
            match svg_to_png(&svg, w, h) {
                Ok(b) => b,
                Err(e) => {
                    self.shell.error = Some(ErrorReport {
                        title: t("err-render-png"),
                        lines: vec![e],
                    });
                    return;
                }
            }
        } else {
            svg.into_bytes()
        };
        match crate::io::write_atomic(path, &bytes) {
            Ok(()) => {
                self.shell.status = t_args(
                    "msg-exported",
                    &[("path", path.display().to_string().into())],
                )
            }
            Err(e) => {
                self.shell.error = Some(ErrorReport {
                    title: t("err-export"),
                    lines: vec![format!("{}: {e}", path.display())],
                })
            }
        }
    }
}
