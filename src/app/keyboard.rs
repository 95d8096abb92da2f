//! Keyboard-first actions: moving the canvas's keyboard focus between nodes (arrows, Tab),
//! selecting and pinning the focused node, describing its relations, the shortcut sheet and
//! the interface scale.

use super::state::AtlasApp;
use crate::commands::{Action, Command, Edit, NodeMove};
use crate::i18n::{UiLang, t, t_args};
use crate::model::NodeIx;
use crate::view::keynav::{self, Direction};

/// Keys move the camera when the newly focused node is closer than this to the canvas edge.
const REVEAL_MARGIN: f32 = 40.0;

impl AtlasApp {
    pub(super) fn keyboard(&mut self, action: Action) {
        match action {
            Action::ZoomIn => self.set_ui_scale(self.prefs.stepped_scale(1)),
            Action::ZoomOut => self.set_ui_scale(self.prefs.stepped_scale(-1)),
            Action::ZoomReset => self.set_ui_scale(1.0),
            Action::ShortcutSheet => self.view.show_shortcuts = !self.view.show_shortcuts,
            Action::FocusCanvas => self.view.canvas.keys.request = true,
            Action::DescribeRelations => {
                let keys = &mut self.view.canvas.keys;
                if keys.node.is_some() {
                    keys.describe = !keys.describe;
                } else {
                    self.shell.status = t("status-no-focused-node");
                }
            }
            Action::FocusLeft => self.move_focus(Direction::Left),
            Action::FocusRight => self.move_focus(Direction::Right),
            Action::FocusUp => self.move_focus(Direction::Up),
            Action::FocusDown => self.move_focus(Direction::Down),
            Action::FocusNextNeighbour => self.tab_focus(true),
            Action::FocusPreviousNeighbour => self.tab_focus(false),
            Action::SelectFocused => {
                if let Some(node) = self.view.canvas.keys.node {
                    self.apply(Command::Select {
                        node,
                        additive: false,
                    });
                }
            }
            Action::PinFocused => self.pin_focused(),
            _ => {}
        }
    }

    fn set_ui_scale(&mut self, scale: f32) {
        self.prefs.ui_scale = scale;
        self.shell.status = t_args(
            "status-ui-scale",
            &[("percent", ((scale * 100.0).round() as i64).into())],
        );
    }

    /// Where keys start when no node has focus yet: the selection, else the node nearest the
    /// centre of the view.
    fn focus_start(&self) -> Option<NodeIx> {
        self.view.canvas.keys.node.or_else(|| {
            keynav::entry_node(
                &self.doc.kg,
                &self.layout.positions().xy,
                &self.view.visible,
                self.view.selection.nodes.iter().next().copied(),
                self.view.canvas.camera.center,
            )
        })
    }

    fn move_focus(&mut self, dir: Direction) {
        let Some(from) = self.focus_start() else {
            return;
        };
        let next = if self.view.canvas.keys.node.is_none() {
            Some(from)
        } else {
            keynav::step(
                &self.doc.kg,
                &self.layout.positions().xy,
                &self.view.visible,
                from,
                dir,
            )
        };
        match next {
            Some(n) => {
                self.view.canvas.keys.pivot = None;
                self.focus_by_key(n);
            }
            None => self.shell.status = t("status-no-node-that-way"),
        }
    }

    /// Tab walks the neighbours of the selection, or of the node the walk began at.
    fn tab_focus(&mut self, forward: bool) {
        let zh = UiLang::current() == UiLang::Chinese;
        let keys = &self.view.canvas.keys;
        let kg = &self.doc.kg;
        let visible = &self.view.visible;
        let selection = &self.view.selection;
        let selected = selection
            .anchor
            .filter(|a| selection.nodes.contains(a))
            .or_else(|| selection.nodes.iter().next().copied());
        let walking = keys.pivot.filter(|p| {
            keys.node
                .is_some_and(|n| keynav::neighbours_in_order(kg, visible, *p, zh).contains(&n))
        });
        let Some(pivot) = selected.or(walking).or_else(|| self.focus_start()) else {
            return;
        };
        let order = keynav::neighbours_in_order(kg, visible, pivot, zh);
        match keynav::tab_step(&order, keys.node, forward) {
            Some(n) => {
                self.view.canvas.keys.pivot = Some(pivot);
                self.focus_by_key(n);
            }
            None => {
                self.view.canvas.keys.node = Some(pivot);
                self.shell.status = t("status-no-neighbours");
            }
        }
    }

    /// Focus `node` and bring it into view when it is near or beyond the canvas's edge.
    fn focus_by_key(&mut self, node: NodeIx) {
        self.view.canvas.keys.set(node);
        let (Some(rect), Some(xy)) = (
            self.view.canvas.rect,
            self.layout.positions().xy.get(node.index()).copied(),
        ) else {
            return;
        };
        let cam = &mut self.view.canvas.camera;
        if !rect.shrink(REVEAL_MARGIN).contains(cam.to_screen(rect, xy)) {
            cam.target = Some((xy, cam.zoom));
            self.view.auto_fit = false;
        }
    }

    /// Space pins or unpins the focused node: an undoable edit, as a drag is.
    fn pin_focused(&mut self) {
        let Some(node) = self.view.canvas.keys.node else {
            return;
        };
        let positions = self.layout.positions();
        let (Some(&xy), Some(&pinned)) = (
            positions.xy.get(node.index()),
            positions.pinned.get(node.index()),
        ) else {
            return;
        };
        let id = self.doc.kg.node(node).id.clone();
        self.apply(Command::Edit(Edit::Move(vec![NodeMove {
            id,
            from: xy,
            to: xy,
            pinned_before: pinned,
            pinned_after: !pinned,
        }])));
    }
}
