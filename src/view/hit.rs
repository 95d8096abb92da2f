//! Hit-testing in screen space: which node or edge is under the pointer.

use egui::Pos2;

/// The closest of `candidates` (index, centre, radius) within its radius plus `slack`.
pub fn hit_node(
    pointer: Pos2,
    candidates: impl Iterator<Item = (usize, Pos2, f32)>,
    slack: f32,
) -> Option<usize> {
    candidates
        .filter_map(|(i, p, r)| {
            let d = p.distance(pointer);
            (d <= r + slack).then_some((i, d - r))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

pub(super) fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 <= f32::EPSILON {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// The closest segment (index, a, b) within `tolerance` of the pointer.
pub fn hit_edge(
    pointer: Pos2,
    segments: impl Iterator<Item = (usize, Pos2, Pos2)>,
    tolerance: f32,
) -> Option<usize> {
    segments
        .map(|(i, a, b)| (i, segment_distance(pointer, a, b)))
        .filter(|(_, d)| *d <= tolerance)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}
