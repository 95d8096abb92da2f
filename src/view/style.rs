//! How a kind looks: colour and shape (kept distinct for colour-blind readers), label language.

use crate::model::{Kind, Vocabulary};
use egui::{Color32, Painter, Pos2, Stroke};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LabelLang {
    English,
    Chinese,
    #[default]
    Both,
}

/// A kind's label in the vocabulary, in the label language.
pub fn kind_label(vocab: &Vocabulary, kind: &Kind, lang: LabelLang) -> String {
    let (zh, en) = (vocab.kind_label(kind, true), vocab.kind_label(kind, false));
    match lang {
        LabelLang::English => en.to_string(),
        LabelLang::Chinese => zh.to_string(),
        LabelLang::Both if zh == en => zh.to_string(),
        LabelLang::Both => format!("{zh} {en}"),
    }
}

/// The shapes are data (a vocabulary names one per kind); drawing them is the view's.
pub use crate::model::Shape;

/// The shape of a kind, as its vocabulary says (`KnowledgeGraph::vocab`).
pub fn kind_shape(vocab: &Vocabulary, kind: &Kind) -> Shape {
    vocab.style(kind).shape
}

/// The colour of a kind, as its vocabulary says; kinds it does not declare get distinct
/// palette colours, never grey.
pub fn kind_color(vocab: &Vocabulary, kind: &Kind) -> Color32 {
    let [r, g, b] = vocab.style(kind).color.0;
    Color32::from_rgb(r, g, b)
}

fn regular(center: Pos2, r: f32, sides: usize, rotation: f32) -> Vec<Pos2> {
    (0..sides)
        .map(|i| {
            let a = rotation + i as f32 * std::f32::consts::TAU / sides as f32;
            Pos2::new(center.x + r * a.cos(), center.y + r * a.sin())
        })
        .collect()
}

/// Draw a filled shape of "radius" `r` (so that shapes of equal `r` look equally big).
pub fn draw_shape(painter: &Painter, shape: Shape, c: Pos2, r: f32, fill: Color32, stroke: Stroke) {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, PI};
    let poly = |pts: Vec<Pos2>| {
        painter.add(egui::Shape::convex_polygon(pts, fill, stroke));
    };
    match shape {
        Shape::Circle => {
            painter.circle(c, r, fill, stroke);
        }
        Shape::Ring => {
            painter.circle(c, r * 0.85, fill, stroke);
            painter.circle_stroke(
                c,
                r * 0.45,
                Stroke::new((r * 0.2).max(1.0), Color32::from_black_alpha(90)),
            );
        }
        Shape::Square => poly(regular(c, r * 1.15, 4, FRAC_PI_4)),
        Shape::Diamond => poly(regular(c, r * 1.25, 4, 0.0)),
        Shape::Triangle => poly(regular(
            Pos2::new(c.x, c.y + r * 0.2),
            r * 1.35,
            3,
            -FRAC_PI_2,
        )),
        Shape::TriangleDown => poly(regular(
            Pos2::new(c.x, c.y - r * 0.2),
            r * 1.35,
            3,
            FRAC_PI_2,
        )),
        Shape::Pentagon => poly(regular(c, r * 1.1, 5, -FRAC_PI_2)),
        Shape::Hexagon => poly(regular(c, r * 1.1, 6, 0.0)),
        Shape::Octagon => poly(regular(c, r * 1.05, 8, PI / 8.0)),
        Shape::Arrow => poly(vec![
            Pos2::new(c.x - r * 0.9, c.y - r),
            Pos2::new(c.x + r * 1.2, c.y),
            Pos2::new(c.x - r * 0.9, c.y + r),
        ]),
    }
}
