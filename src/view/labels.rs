//! Label placement: labels are placed in priority order and skipped where they would overlap.

use egui::Rect;

#[derive(Default)]
pub struct LabelPlacer {
    placed: Vec<Rect>,
}

impl LabelPlacer {
    /// Reserve `rect` if it overlaps nothing placed so far (or if `force`).
    pub fn try_place(&mut self, rect: Rect, force: bool) -> bool {
        if !force && self.placed.iter().any(|r| r.intersects(rect)) {
            return false;
        }
        self.placed.push(rect);
        true
    }
}
