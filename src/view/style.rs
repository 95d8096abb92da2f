//! How a kind looks: colour and shape (kept distinct for colour-blind readers), label language.

use crate::model::Kind;
use egui::{Color32, Painter, Pos2, Stroke};
// The label language is data (saved views store it), so it lives in the model.
pub use crate::model::LabelLang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    Triangle,
    TriangleDown,
    Pentagon,
    Hexagon,
    Octagon,
    Arrow,
    Ring,
}

pub fn kind_shape(kind: &Kind) -> Shape {
    match kind {
        Kind::Official => Shape::Circle,
        Kind::Organization => Shape::Square,
        Kind::University => Shape::Pentagon,
        Kind::Company => Shape::Square,
        Kind::Plan => Shape::Diamond,
        Kind::Lab => Shape::Triangle,
        Kind::Facility => Shape::TriangleDown,
        Kind::Platform => Shape::Hexagon,
        Kind::Area => Shape::Octagon,
        Kind::Industry => Shape::Circle,
        Kind::Action => Shape::Arrow,
        Kind::Fund => Shape::Diamond,
        Kind::Metric => Shape::Ring,
        Kind::Unknown(_) => Shape::Circle,
    }
}

/// A palette readable on dark and light backgrounds (Tableau-like hues).
pub fn kind_color(kind: &Kind) -> Color32 {
    match kind {
        Kind::Official => Color32::from_rgb(0xe1, 0x57, 0x59),
        Kind::Organization => Color32::from_rgb(0x4e, 0x79, 0xa7),
        Kind::University => Color32::from_rgb(0x6a, 0x5a, 0xcd),
        Kind::Company => Color32::from_rgb(0x76, 0xb7, 0xb2),
        Kind::Plan => Color32::from_rgb(0xf2, 0x8e, 0x2b),
        Kind::Lab => Color32::from_rgb(0x59, 0xa1, 0x4f),
        Kind::Facility => Color32::from_rgb(0x2e, 0x7d, 0x32),
        Kind::Platform => Color32::from_rgb(0xb0, 0x7a, 0xa1),
        Kind::Area => Color32::from_rgb(0x9c, 0x75, 0x5f),
        Kind::Industry => Color32::from_rgb(0xed, 0xc9, 0x48),
        Kind::Action => Color32::from_rgb(0xff, 0x9d, 0xa7),
        Kind::Fund => Color32::from_rgb(0x17, 0xbe, 0xcf),
        Kind::Metric => Color32::from_rgb(0xba, 0xb0, 0xac),
        Kind::Unknown(_) => Color32::GRAY,
    }
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
