//! The undo history: applied edits with their inverses, capped, with a saved-state marker.

use super::edit::Edit;

/// Edits are numbered so "is the document as saved?" survives undo and redo.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<(u64, Edit)>,
    redo: Vec<(u64, Edit)>,
    cap: usize,
    next_id: u64,
    /// Id of the edit on top of the undo stack when last saved (0 = the loaded state).
    saved: Option<u64>,
    /// Id of the newest edit dropped by the cap: the state an empty undo stack stands for.
    floor: u64,
    /// Distinguishes histories, so versions of a replaced history are never mistaken for ours.
    uid: u64,
}

static NEXT_UID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Default for History {
    fn default() -> Self {
        History::new(500)
    }
}

impl History {
    pub fn new(cap: usize) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            cap: cap.max(1),
            next_id: 1,
            saved: Some(0),
            floor: 0,
            uid: NEXT_UID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Identifies the current state: equal versions mean equal data (a new `History`, as after
    /// a reload, never repeats an earlier one's versions).
    pub fn version(&self) -> (u64, u64) {
        (self.uid, self.top())
    }

    fn top(&self) -> u64 {
        self.undo.last().map_or(self.floor, |(id, _)| *id)
    }

    /// Record an edit that has been applied.
    pub fn push(&mut self, edit: Edit) {
        self.redo.clear();
        self.undo.push((self.next_id, edit));
        self.next_id += 1;
        if self.undo.len() > self.cap {
            // The state before the dropped edit can no longer be reached by undo.
            let (dropped, _) = self.undo.remove(0);
            self.floor = dropped;
        }
    }

    /// The inverse edit to apply to undo the last edit (and moves it to the redo stack).
    pub fn undo(&mut self) -> Option<Edit> {
        let (id, edit) = self.undo.pop()?;
        let inverse = edit.inverse();
        self.redo.push((id, edit));
        Some(inverse)
    }

    /// The edit to apply again.
    pub fn redo(&mut self) -> Option<Edit> {
        let (id, edit) = self.redo.pop()?;
        self.undo.push((id, edit.clone()));
        Some(edit)
    }

    /// Put back an undo/redo whose application failed.
    pub fn revert_undo(&mut self) {
        if let Some(e) = self.redo.pop() {
            self.undo.push(e);
        }
    }

    pub fn revert_redo(&mut self) {
        if let Some(e) = self.undo.pop() {
            self.redo.push(e);
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(|(_, e)| e.describe())
    }

    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(|(_, e)| e.describe())
    }

    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }

    pub fn mark_saved(&mut self) {
        self.saved = Some(self.top());
    }

    /// True when the current state differs from the last saved (or loaded) one. Edits written
    /// to disk as they are applied (views) do not count: between the saved state and now,
    /// whether on the undo or the redo side, only they may lie.
    pub fn is_dirty(&self) -> bool {
        let Some(saved) = self.saved else {
            return true;
        };
        let top = self.top();
        if saved == top {
            return false;
        }
        // Edits between the two states: newer than `saved` on the undo stack, or undone ones
        // up to `saved` on the redo stack.
        let (lo, hi) = (saved.min(top), saved.max(top));
        let reachable = saved == self.floor
            || self
                .undo
                .iter()
                .chain(&self.redo)
                .any(|(id, _)| *id == saved);
        !reachable
            || self
                .undo
                .iter()
                .chain(&self.redo)
                .filter(|(id, _)| *id > lo && *id <= hi)
                .any(|(_, e)| !e.saved_at_once())
    }
}
