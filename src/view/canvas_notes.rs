//! Annotations on the canvas as things to handle: drag one to move it, double-click one to edit
//! its Chinese and English text in place. Each finished change is one undoable edit of the
//! saved views (`Edit::Views`) for the active view, which the app applies and saves like any
//! other change of the views.

use super::annotations::Placed;
use crate::commands::{Command, Edit};
use crate::io::views::{Annotation, Views};
use crate::model::Names;
use egui::{Pos2, Rect};

/// The saved views the canvas's annotations belong to, and what the pointer is doing to them.
#[derive(Clone, Debug, Default)]
pub struct NoteEditing {
    /// The views as last given by the app (`CanvasState::follow_briefing`).
    pub views: Views,
    /// The active view, whose annotations the canvas shows.
    pub active: Option<usize>,
    /// Annotation being dragged: its index, where the pointer started, its `at` then.
    dragging: Option<(usize, Pos2, (f32, f32))>,
    /// Annotation whose text is being edited, and the text as typed.
    pub editing: Option<(usize, Names)>,
}

impl NoteEditing {
    /// The annotation under screen point `p` (the topmost), if any.
    pub fn at(notes: &[Placed], p: Pos2) -> Option<usize> {
        notes
            .iter()
            .rev()
            .find(|n| n.rect.expand(3.0).contains(p))
            .map(|n| n.index)
    }

    pub fn dragging(&self) -> bool {
        self.dragging.is_some()
    }

    /// Start dragging annotation `i` from pointer `p`.
    pub fn start_drag(&mut self, list: &[Annotation], i: usize, p: Pos2) {
        if let Some(a) = list.get(i) {
            self.dragging = Some((i, p, a.at));
        }
    }

    /// Move the dragged annotation with the pointer (`zoom`: points per world unit).
    pub fn drag_to(&self, list: &mut [Annotation], p: Pos2, zoom: f32) {
        if let Some((i, from, at)) = self.dragging
            && let Some(a) = list.get_mut(i)
        {
            let d = (p - from) / zoom.max(f32::MIN_POSITIVE);
            a.at = (at.0 + d.x, at.1 + d.y);
        }
    }

    /// The drag ended: the edit that saves the moved annotation.
    pub fn end_drag(&mut self, list: &[Annotation]) -> Option<Command> {
        self.dragging.take()?;
        self.commit(list)
    }

    /// The edit replacing the active view's annotations by `list`, if they differ.
    pub fn commit(&self, list: &[Annotation]) -> Option<Command> {
        let i = self.active?;
        let mut after = self.views.clone();
        let view = after.views.get_mut(i)?;
        if view.annotations == list {
            return None;
        }
        view.annotations = list.to_vec();
        Some(Command::Edit(Edit::Views {
            what: crate::i18n::t("edit-annotations"),
            before: Box::new(self.views.clone()),
            after: Box::new(after),
        }))
    }
}

/// The in-place text editor over annotation `rect`: Chinese and English fields, OK and Cancel.
/// `Some(true)` to save, `Some(false)` to drop the typing.
pub fn edit_in_place(ui: &egui::Ui, rect: Rect, text: &mut Names) -> Option<bool> {
    use crate::i18n::t;
    let mut done = None;
    egui::Area::new(egui::Id::unique("annotation_editor"))
        .fixed_pos(rect.left_top())
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                let zh_label = ui.small(t("present-text-zh"));
                let zh = ui
                    .add(egui::TextEdit::singleline(&mut text.zh).desired_width(220.0))
                    .labelled_by(zh_label.id);
                let en_label = ui.small(t("present-text-en"));
                let en = ui
                    .add(egui::TextEdit::singleline(&mut text.en).desired_width(220.0))
                    .labelled_by(en_label.id);
                let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (zh.lost_focus() || en.lost_focus()) && enter {
                    done = Some(true);
                }
                ui.horizontal(|ui| {
                    if ui.button(t("present-ok")).clicked() {
                        done = Some(true);
                    }
                    if ui.button(t("present-cancel")).clicked() {
                        done = Some(false);
                    }
                });
            });
        });
    done
}
