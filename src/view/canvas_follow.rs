//! The canvas follows the active saved view: its appearance and annotations (issue #15).

use super::CanvasState;

impl CanvasState {
    /// Show what the active saved view adds for presenting — its appearance and annotations —
    /// and let the canvas move and edit its annotations (as `Edit::Views` commands). Cheap
    /// when nothing changed; the app calls it every frame before `canvas_ui`.
    pub fn follow_briefing(&mut self, views: &crate::io::views::Views, active: Option<usize>) {
        let ed = &mut self.note_editing;
        if ed.views != *views || ed.active != active {
            ed.views = views.clone();
            ed.active = active;
            ed.editing = None;
        }
        if !ed.dragging() {
            let view = active.and_then(|i| views.views.get(i));
            self.follow_view(view);
        }
    }

    /// Show what `view` adds for presenting: its appearance and annotations (drawn only;
    /// `follow_briefing` also lets the user move and edit them).
    pub fn follow_view(&mut self, view: Option<&crate::io::views::View>) {
        let appearance = view.and_then(|v| v.appearance.as_ref());
        if self.appearance.as_ref() != appearance {
            self.appearance = appearance.cloned();
        }
        let notes = view.map_or(&[][..], |v| v.annotations.as_slice());
        if self.annotations != notes {
            self.annotations = notes.to_vec();
        }
    }
}
