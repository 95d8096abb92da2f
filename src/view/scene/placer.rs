//! The non-overlap index of label placement: rectangles already taken (labels, node shapes).
//!
//! Placed rectangles are bucketed in a coarse screen grid, so checking a candidate looks only
//! at the labels in the cells it touches instead of every label placed so far.

use egui::Rect;
use std::collections::HashMap;

/// Bucket side in screen points: about one short label wide.
const CELL: f32 = 64.0;

/// Owner of rectangles nobody may overlap (labels).
const NO_OWNER: u32 = u32::MAX;

#[derive(Default)]
pub struct LabelPlacer {
    placed: Vec<Rect>,
    /// Who owns each rectangle (a node index for node shapes), so a label may touch its own.
    owners: Vec<u32>,
    buckets: HashMap<(i32, i32), Vec<u32>>,
}

fn cells(rect: Rect) -> impl Iterator<Item = (i32, i32)> {
    let c = |v: f32| (v / CELL).floor().clamp(-1e6, 1e6) as i32;
    let (x0, x1, y0, y1) = (c(rect.min.x), c(rect.max.x), c(rect.min.y), c(rect.max.y));
    (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| (x, y)))
}

impl LabelPlacer {
    /// Whether `rect` overlaps nothing placed so far.
    pub fn fits(&self, rect: Rect) -> bool {
        self.fits_except(rect, NO_OWNER)
    }

    /// Whether `rect` overlaps nothing placed so far except what `owner` placed.
    pub fn fits_except(&self, rect: Rect, owner: u32) -> bool {
        if !rect.is_finite() {
            return false;
        }
        if self.placed.is_empty() {
            return true;
        }
        cells(rect).all(|k| {
            self.buckets.get(&k).is_none_or(|ids| {
                ids.iter().all(|&i| {
                    let i = i as usize;
                    (owner != NO_OWNER && self.owners[i] == owner)
                        || !self.placed[i].intersects(rect)
                })
            })
        })
    }

    /// Reserve `rect` for `owner` unconditionally (an obstacle such as a node's shape).
    pub fn block(&mut self, rect: Rect, owner: u32) {
        if rect.is_finite() {
            self.insert(rect, owner);
        }
    }

    fn insert(&mut self, rect: Rect, owner: u32) {
        let id = self.placed.len() as u32;
        self.placed.push(rect);
        self.owners.push(owner);
        for k in cells(rect) {
            self.buckets.entry(k).or_default().push(id);
        }
    }

    /// Reserve `rect` if it overlaps nothing placed so far (or if `force`).
    pub fn try_place(&mut self, rect: Rect, force: bool) -> bool {
        if !rect.is_finite() || (!force && !self.fits(rect)) {
            return false;
        }
        self.insert(rect, NO_OWNER);
        true
    }

    #[cfg(test)]
    pub fn placed(&self) -> &[Rect] {
        &self.placed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::SplitMix64;
    use egui::{Pos2, Vec2};

    #[test]
    fn placed_labels_never_overlap_unless_forced() {
        let mut rng = SplitMix64(5);
        let mut placer = LabelPlacer::default();
        let mut accepted = 0;
        for i in 0..3000 {
            let min = Pos2::new(rng.next_f32() * 1200.0 - 100.0, rng.next_f32() * 800.0);
            let size = Vec2::new(20.0 + rng.next_f32() * 180.0, 14.0 + rng.next_f32() * 14.0);
            let rect = Rect::from_min_size(min, size);
            // A linear scan over everything placed is the reference answer.
            let free = placer.placed().iter().all(|r| !r.intersects(rect));
            assert_eq!(placer.fits(rect), free, "candidate {i}");
            assert_eq!(placer.try_place(rect, false), free);
            accepted += free as usize;
        }
        assert!(accepted > 50, "only {accepted} placed");
        let p = placer.placed();
        for a in 0..p.len() {
            for b in a + 1..p.len() {
                assert!(!p[a].intersects(p[b]), "{a} overlaps {b}");
            }
        }
    }

    #[test]
    fn forced_labels_are_placed_and_then_block_others() {
        let mut placer = LabelPlacer::default();
        let r = Rect::from_min_size(Pos2::new(10.0, 10.0), Vec2::new(100.0, 20.0));
        assert!(placer.try_place(r, false));
        assert!(placer.try_place(r.translate(Vec2::new(5.0, 0.0)), true));
        assert!(!placer.try_place(r.translate(Vec2::new(150.0, 5.0)).expand(60.0), false));
        assert!(placer.try_place(r.translate(Vec2::new(0.0, 200.0)), false));
        assert!(!placer.try_place(Rect::NAN, true));
    }

    #[test]
    fn an_owner_may_touch_its_own_obstacle_only() {
        let mut placer = LabelPlacer::default();
        let disc = Rect::from_min_size(Pos2::new(0.0, 0.0), Vec2::splat(20.0));
        placer.block(disc, 7);
        let label = Rect::from_min_size(Pos2::new(10.0, 10.0), Vec2::new(50.0, 12.0));
        assert!(placer.fits_except(label, 7));
        assert!(!placer.fits_except(label, 8));
        assert!(!placer.fits(label));
        assert!(placer.fits(label.translate(Vec2::new(30.0, 0.0))));
    }
}
