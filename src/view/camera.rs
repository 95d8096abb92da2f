//! World ↔ screen mapping with smooth animated moves.

use egui::{Pos2, Rect, Vec2};

#[derive(Clone, Debug, PartialEq)]
pub struct Camera {
    /// World point at the centre of the canvas.
    pub center: [f32; 2],
    /// Screen points per world unit.
    pub zoom: f32,
    /// Where an animated move is heading.
    pub target: Option<([f32; 2], f32)>,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            center: [0.0, 0.0],
            zoom: 1.0,
            target: None,
        }
    }
}

pub const MIN_ZOOM: f32 = 1e-4;
pub const MAX_ZOOM: f32 = 1e3;

impl Camera {
    pub fn to_screen(&self, rect: Rect, p: [f32; 2]) -> Pos2 {
        rect.center()
            + Vec2::new(
                (p[0] - self.center[0]) * self.zoom,
                (p[1] - self.center[1]) * self.zoom,
            )
    }

    pub fn to_world(&self, rect: Rect, p: Pos2) -> [f32; 2] {
        let d = p - rect.center();
        [
            self.center[0] + d.x / self.zoom,
            self.center[1] + d.y / self.zoom,
        ]
    }

    /// Zoom by `factor`, keeping the world point under `anchor` fixed on screen.
    pub fn zoom_around(&mut self, rect: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_world(rect, anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.to_world(rect, anchor);
        self.center[0] += before[0] - after[0];
        self.center[1] += before[1] - after[1];
        self.target = None;
    }

    pub fn pan_screen(&mut self, delta: Vec2) {
        self.center[0] -= delta.x / self.zoom;
        self.center[1] -= delta.y / self.zoom;
        self.target = None;
    }

    /// The camera that shows the world box `(lo, hi)` in `rect` with a margin.
    pub fn fitting(rect: Rect, lo: [f32; 2], hi: [f32; 2]) -> ([f32; 2], f32) {
        let w = (hi[0] - lo[0]).max(1.0);
        let h = (hi[1] - lo[1]).max(1.0);
        let zoom = ((rect.width() - 80.0).max(50.0) / w)
            .min((rect.height() - 80.0).max(50.0) / h)
            .clamp(MIN_ZOOM, MAX_ZOOM);
        ([(lo[0] + hi[0]) * 0.5, (lo[1] + hi[1]) * 0.5], zoom)
    }

    /// Advance an animated move; returns true while still moving.
    pub fn animate(&mut self, dt: f32) -> bool {
        let Some((c, z)) = self.target else {
            return false;
        };
        let t = 1.0 - (-dt * 10.0).exp();
        self.center[0] += (c[0] - self.center[0]) * t;
        self.center[1] += (c[1] - self.center[1]) * t;
        self.zoom *= (z / self.zoom).powf(t);
        let close = (c[0] - self.center[0]).abs() * self.zoom < 0.5
            && (c[1] - self.center[1]).abs() * self.zoom < 0.5
            && (z / self.zoom - 1.0).abs() < 1e-3;
        if close {
            self.center = c;
            self.zoom = z;
            self.target = None;
        }
        !close
    }
}
