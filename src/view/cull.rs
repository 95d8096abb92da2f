//! Viewport culling: which nodes and edges can touch the screen this frame.
//!
//! One linear pass projects the visible nodes; edges are then culled by their screen bounding
//! box and skipped when they would be hidden entirely under their two end nodes.

use super::Camera;
use egui::{Pos2, Rect};

/// A node on the screen: centre and radius (0 for nodes that are hidden or have no position).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ScreenNode {
    pub p: Pos2,
    pub r: f32,
}

/// The visible nodes projected to the screen for one frame. Kept between frames so its
/// buffers are reused (a fresh 100k-entry array per frame is a megabyte of page faults).
#[derive(Clone, Debug, Default)]
pub struct Projected {
    /// Screen centre and radius per node index, together so an edge's end is one read.
    pub nodes: Vec<ScreenNode>,
    /// Per node index, on which sides of the cull rectangle its centre lies (bits: left,
    /// right, above, below): an edge whose ends share a side cannot show, found from two bytes
    /// instead of two 12-byte reads (most edges when zoomed in).
    pub side: Vec<u8>,
    /// Nodes whose centre lies in the cull rectangle: `(index, screen, radius)`.
    pub on_screen: Vec<(usize, Pos2, f32)>,
    /// Largest radius among `on_screen`.
    pub max_radius: f32,
    /// Changes whenever a visible node's world position or the visible set changes.
    pub fingerprint: u64,
}

impl Projected {
    /// Screen position of node `i` (meaningful where `radius(i) > 0`).
    #[cfg(test)]
    pub fn screen(&self, i: usize) -> Pos2 {
        self.nodes.get(i).map_or(Pos2::ZERO, |n| n.p)
    }

    /// Screen radius of node `i`; 0 when hidden or unknown.
    #[cfg(test)]
    pub fn radius(&self, i: usize) -> f32 {
        self.nodes.get(i).map_or(0.0, |n| n.r)
    }
}

#[cfg(test)]
/// Project the nodes `indices` that pass `visible` (world positions `xy`), keeping those whose
/// centre falls in `cull`. `radius(i)` is the node's screen radius.
pub fn project(
    indices: impl Iterator<Item = usize>,
    visible: impl Fn(usize) -> bool,
    xy: &[[f32; 2]],
    cam: &Camera,
    rect: Rect,
    cull: Rect,
    radius: impl Fn(usize) -> f32,
) -> Projected {
    let mut out = Projected::default();
    project_into(&mut out, indices, visible, xy, cam, rect, cull, radius);
    out
}

/// [`project`] into `out`, reusing its buffers.
#[allow(clippy::too_many_arguments)]
pub fn project_into(
    out: &mut Projected,
    indices: impl Iterator<Item = usize>,
    visible: impl Fn(usize) -> bool,
    xy: &[[f32; 2]],
    cam: &Camera,
    rect: Rect,
    cull: Rect,
    radius: impl Fn(usize) -> f32,
) {
    let n = xy.len();
    out.nodes.clear();
    out.nodes.resize(n, ScreenNode::default());
    out.side.clear();
    out.side.resize(n, 0);
    out.on_screen.clear();
    out.max_radius = 0.0;
    let mut h = 0x9E37_79B9_7F4A_7C15u64 ^ n as u64;
    // `Camera::to_screen`, with the centre hoisted out of the loop (same arithmetic).
    let (center, c, z) = (rect.center(), cam.center, cam.zoom);
    for i in indices {
        if i >= n || !visible(i) {
            continue;
        }
        let w = xy[i];
        h = (h ^ (((w[0].to_bits() as u64) << 32) | w[1].to_bits() as u64))
            .wrapping_mul(0x100_0000_01B3)
            ^ i as u64;
        let p = center + egui::Vec2::new((w[0] - c[0]) * z, (w[1] - c[1]) * z);
        let r = radius(i);
        out.nodes[i] = ScreenNode { p, r };
        out.side[i] = side_of(p, cull);
        if cull.contains(p) {
            out.on_screen.push((i, p, r));
            out.max_radius = out.max_radius.max(r);
        }
    }
    out.fingerprint = h;
}

/// Bits for the sides of `rect` that `p` lies beyond: 1 left, 2 right, 4 above, 8 below.
/// Two points sharing a bit bound a segment that [`segment_may_show`] rejects.
pub fn side_of(p: Pos2, rect: Rect) -> u8 {
    (p.x < rect.min.x) as u8
        | ((p.x > rect.max.x) as u8) << 1
        | ((p.y < rect.min.y) as u8) << 2
        | ((p.y > rect.max.y) as u8) << 3
}

/// Whether the segment `a`–`b` may cross `rect` (bounding-box test: cheap and conservative).
pub fn segment_may_show(a: Pos2, b: Pos2, rect: Rect) -> bool {
    a.x.max(b.x) >= rect.min.x
        && a.x.min(b.x) <= rect.max.x
        && a.y.max(b.y) >= rect.min.y
        && a.y.min(b.y) <= rect.max.y
}

/// The part of an edge between the rims of its end nodes (radii `ra`, `rb`, with a gap of
/// `gap` before the target), or `None` when the nodes cover it completely.
pub fn trimmed(a: Pos2, b: Pos2, ra: f32, rb: f32, gap: f32) -> Option<(Pos2, Pos2, egui::Vec2)> {
    let d = b - a;
    // `Vec2::length` calls `hypot`, which is several times slower than this in the edge loop.
    let len = (d.x * d.x + d.y * d.y).sqrt();
    if !len.is_finite() || len <= ra + rb + gap {
        return None;
    }
    let dir = d / len;
    Some((a + dir * ra, b - dir * (rb + gap), dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Camera, Rect) {
        let cam = Camera {
            center: [0.0, 0.0],
            zoom: 2.0,
            target: None,
        };
        (
            cam,
            Rect::from_min_size(Pos2::ZERO, egui::Vec2::new(200.0, 100.0)),
        )
    }

    #[test]
    fn only_visible_nodes_inside_the_cull_rect_are_kept() {
        let (cam, rect) = setup();
        // World x 0 is screen 100; the screen spans world x -50..50, y -25..25.
        let xy = vec![
            [0.0, 0.0],
            [49.0, 0.0],
            [60.0, 0.0],
            [0.0, -30.0],
            [10.0, 10.0],
        ];
        let hidden = 4;
        let p = project(0..xy.len(), |i| i != hidden, &xy, &cam, rect, rect, |_| 3.0);
        let kept: Vec<usize> = p.on_screen.iter().map(|t| t.0).collect();
        assert_eq!(kept, vec![0, 1]);
        assert_eq!(p.radius(hidden), 0.0);
        assert_eq!(
            p.radius(2),
            3.0,
            "off-screen nodes still get a position for edges"
        );
        assert_eq!(p.screen(1), Pos2::new(198.0, 50.0));
        assert_eq!(p.screen(1), cam.to_screen(rect, xy[1]));
        // A larger cull rectangle keeps nodes just outside the screen.
        let p2 = project(
            0..xy.len(),
            |i| i != hidden,
            &xy,
            &cam,
            rect,
            rect.expand(25.0),
            |_| 3.0,
        );
        assert_eq!(p2.on_screen.len(), 4);
    }

    #[test]
    fn fingerprint_follows_positions_and_visibility() {
        let (cam, rect) = setup();
        let xy = vec![[0.0, 0.0], [5.0, 5.0]];
        let f = |xy: &[[f32; 2]], hide: Option<usize>| {
            project(0..2, |i| Some(i) != hide, xy, &cam, rect, rect, |_| 1.0).fingerprint
        };
        let base = f(&xy, None);
        assert_eq!(base, f(&xy, None));
        assert_ne!(base, f(&[[0.0, 0.0], [5.0, 5.5]], None));
        assert_ne!(base, f(&xy, Some(1)));
        assert_ne!(f(&xy, Some(0)), f(&xy, Some(1)));
    }

    #[test]
    fn edges_are_culled_by_box_and_hidden_under_their_nodes() {
        let rect = Rect::from_min_size(Pos2::ZERO, egui::Vec2::new(100.0, 100.0));
        // Crosses the screen although both ends are outside.
        assert!(segment_may_show(
            Pos2::new(-50.0, 50.0),
            Pos2::new(150.0, 50.0),
            rect
        ));
        assert!(!segment_may_show(
            Pos2::new(-50.0, -5.0),
            Pos2::new(150.0, -1.0),
            rect
        ));
        assert!(trimmed(Pos2::ZERO, Pos2::new(5.0, 0.0), 3.0, 3.0, 0.0).is_none());
        // Sharing a side of the rectangle is exactly what the bounding-box test rejects.
        let mut rng = crate::layout::SplitMix64(3);
        for _ in 0..2000 {
            let mut pt = || {
                Pos2::new(
                    rng.next_f32() * 300.0 - 100.0,
                    rng.next_f32() * 300.0 - 100.0,
                )
            };
            let (a, b) = (pt(), pt());
            let shared = side_of(a, rect) & side_of(b, rect) != 0;
            assert_eq!(shared, !segment_may_show(a, b, rect), "{a:?} {b:?}");
        }
        let (s, t, dir) = trimmed(Pos2::ZERO, Pos2::new(20.0, 0.0), 3.0, 4.0, 1.0).unwrap();
        assert_eq!((s.x, t.x, dir.x), (3.0, 15.0, 1.0));
    }
}
