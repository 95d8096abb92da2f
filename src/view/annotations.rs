//! Annotations of a view (issue #15 part 3) placed on a picture: notes, callouts pinned to a
//! node (they follow it, with a leader line), rectangles and circles. One placement for the
//! canvas (egui) and the export (SVG), from the same positions and camera as the graph.

use super::Camera;
use super::fonts::text_width;
use super::scene::LINE;
use super::style::LabelLang;
use super::theme::Palette;
use crate::io::views::{Annotation, AnnotationShape};
use crate::layout::Positions;
use crate::model::KnowledgeGraph;
use egui::{Pos2, Rect, Vec2};

/// An annotation where a picture draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index in the view's list.
    pub index: usize,
    pub shape: AnnotationShape,
    /// The outline (rectangle, the circle's bounding box, or the note's box).
    pub rect: Rect,
    /// Text lines in the label language, centred in `rect` (notes) or under its top edge.
    pub lines: Vec<String>,
    /// From the note's box to its node (callouts).
    pub leader: Option<(Pos2, Pos2)>,
}

/// The text lines of an annotation in `lang` (both: Chinese then English, empty ones left out).
pub fn text_lines(a: &Annotation, lang: LabelLang) -> Vec<String> {
    let (zh, en) = (&a.text.zh, &a.text.en);
    let lines = match lang {
        LabelLang::Chinese if !zh.is_empty() => vec![zh],
        LabelLang::English if !en.is_empty() => vec![en],
        LabelLang::Chinese | LabelLang::English => vec![zh, en],
        LabelLang::Both if zh == en => vec![zh],
        LabelLang::Both => vec![zh, en],
    };
    lines
        .into_iter()
        .filter(|l| !l.is_empty())
        .cloned()
        .collect()
}

/// Where each annotation of `list` goes on a picture `rect` (in points, as the canvas and the
/// export's graph area lay out) seen through `cam`, font sizes from `pal`. An annotation
/// pinned to a node the graph lacks is left out.
pub fn place(
    list: &[Annotation],
    kg: &KnowledgeGraph,
    positions: &Positions,
    cam: &Camera,
    rect: Rect,
    pal: &Palette,
    lang: LabelLang,
) -> Vec<Placed> {
    let s = 1.0;
    let size = pal.label_size * s;
    let mut out = Vec::new();
    for (index, a) in list.iter().enumerate() {
        let anchor = match &a.node {
            Some(id) => {
                let Some(ix) = kg.node_ix(id) else { continue };
                let Some(p) = positions.xy.get(ix.index()) else {
                    continue;
                };
                Some(*p)
            }
            None => None,
        };
        let world = match anchor {
            Some(p) => [p[0] + a.at.0, p[1] + a.at.1],
            None => [a.at.0, a.at.1],
        };
        if !(world[0].is_finite() && world[1].is_finite()) {
            continue;
        }
        let centre = cam.to_screen(rect, world);
        let lines = text_lines(a, lang);
        let text_w = lines
            .iter()
            .map(|l| text_width(l, size))
            .fold(0.0, f32::max);
        let text_h = lines.len() as f32 * size * LINE;
        let pad = 6.0 * s;
        let r = match (a.shape, a.size) {
            (AnnotationShape::Note, _) | (_, None) => {
                Rect::from_center_size(centre, Vec2::new(text_w + 2.0 * pad, text_h + 2.0 * pad))
            }
            (_, Some((w, h))) => Rect::from_center_size(
                centre,
                Vec2::new(w.abs() * cam.zoom, h.abs() * cam.zoom).max(Vec2::splat(4.0 * s)),
            ),
        };
        // A note stays whole inside the picture (its leader still reaches the node).
        let r = if a.shape == AnnotationShape::Note {
            keep_inside(r, rect)
        } else {
            r
        };
        let leader = anchor
            .filter(|_| a.shape == AnnotationShape::Note)
            .map(|p| {
                let node = cam.to_screen(rect, p);
                (closest_on_rect(r, node), node)
            });
        out.push(Placed {
            index,
            shape: a.shape,
            rect: r,
            lines,
            leader,
        });
    }
    out
}

/// `r` moved the least so that it lies inside `area` (when it fits).
fn keep_inside(r: Rect, area: Rect) -> Rect {
    let shift = |lo: f32, hi: f32, min: f32, max: f32| {
        if hi - lo > max - min {
            0.0
        } else if lo < min {
            min - lo
        } else if hi > max {
            max - hi
        } else {
            0.0
        }
    };
    let dx = shift(r.min.x, r.max.x, area.min.x, area.max.x);
    let dy = shift(r.min.y, r.max.y, area.min.y, area.max.y);
    r.translate(Vec2::new(dx, dy))
}

/// The point of `r`'s outline nearest to `p` (where a leader line leaves a note).
fn closest_on_rect(r: Rect, p: Pos2) -> Pos2 {
    let c = Pos2::new(p.x.clamp(r.min.x, r.max.x), p.y.clamp(r.min.y, r.max.y));
    if c != p {
        return c;
    }
    // Inside: the nearest edge.
    let d = [p.x - r.min.x, r.max.x - p.x, p.y - r.min.y, r.max.y - p.y];
    let m = d.iter().copied().fold(f32::INFINITY, f32::min);
    match d.iter().position(|v| *v == m) {
        Some(0) => Pos2::new(r.min.x, p.y),
        Some(1) => Pos2::new(r.max.x, p.y),
        Some(2) => Pos2::new(p.x, r.min.y),
        _ => Pos2::new(p.x, r.max.y),
    }
}

/// Baseline of text line `k` of `n` in a placed annotation.
pub fn line_baseline(p: &Placed, k: usize, size: f32) -> f32 {
    let n = p.lines.len() as f32;
    let top = match p.shape {
        AnnotationShape::Note => p.rect.center().y - n * size * LINE * 0.5,
        _ => p.rect.min.y + size * 0.4,
    };
    top + size * LINE * k as f32 + size * ((LINE - 1.0) * 0.5 + 0.88)
}

/// Paint placed annotations with egui (the canvas).
pub fn paint(painter: &egui::Painter, placed: &[Placed], pal: &Palette, s: f32) {
    use egui::{Color32, CornerRadius, FontId, Stroke, StrokeKind};
    let size = pal.label_size * s;
    let ink = pal.accent.color32();
    let stroke = Stroke::new(1.5 * s, ink);
    let halo = pal.halo.color32();
    for p in placed {
        if let Some((a, b)) = p.leader {
            painter.line_segment([a, b], stroke);
        }
        match p.shape {
            AnnotationShape::Note => {
                painter.rect(
                    p.rect,
                    CornerRadius::same(4),
                    halo,
                    stroke,
                    StrokeKind::Middle,
                );
            }
            AnnotationShape::Rect => {
                let fill = Color32::from_rgba_unmultiplied(ink.r(), ink.g(), ink.b(), 18);
                painter.rect(
                    p.rect,
                    CornerRadius::same(6),
                    fill,
                    stroke,
                    StrokeKind::Middle,
                );
            }
            AnnotationShape::Circle => {
                let r = p.rect.width().min(p.rect.height()) * 0.5;
                painter.circle_stroke(p.rect.center(), r, stroke);
            }
        }
        for (k, line) in p.lines.iter().enumerate() {
            let y = line_baseline(p, k, size);
            painter.text(
                Pos2::new(p.rect.center().x, y),
                egui::Align2::CENTER_BOTTOM,
                line,
                FontId::proportional(size),
                pal.text.color32(),
            );
        }
    }
}
