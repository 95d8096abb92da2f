//! The style table: how a kind looks (colour and shape, kept distinct for colour-blind
//! readers), how big a node is, the label texts, and the shapes' geometry. The canvas and the
//! exports read all of it from here; the theme colours are in `theme.rs`.

use super::theme::Paint;
use crate::model::{Kind, KnowledgeGraph, NodeIx, Relation, Vocabulary};
use egui::{Color32, Painter, Pos2, Stroke};
// The label language is data (saved views store it), so it lives in the model.
pub use crate::model::LabelLang;

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

/// The one place the renderers ask for a kind's colour and shape.
pub fn kind_style(vocab: &Vocabulary, kind: &Kind) -> (Paint, Shape) {
    (
        Paint::from(kind_color(vocab, kind)),
        kind_shape(vocab, kind),
    )
}

/// World radius of a node: grows with the square root of its degree.
pub fn node_radius(degree: u32) -> f32 {
    5.0 + 1.6 * (degree as f32).sqrt()
}

/// Screen radius of a node of world radius `base`, times its metric `scale`, at `zoom`; `s` is
/// the picture's scale (1 on the canvas). Clamped so that far nodes stay visible and near
/// ones do not fill the screen.
pub fn screen_radius(base: f32, scale: f32, zoom: f32, s: f32) -> f32 {
    (base * scale * zoom).clamp(2.5 * s, 60.0 * s)
}

/// A relation's label in the vocabulary, in the label language.
pub fn relation_label(vocab: &Vocabulary, rel: &Relation, lang: LabelLang) -> String {
    let (zh, en) = (
        vocab.relation_label(rel, true),
        vocab.relation_label(rel, false),
    );
    match lang {
        LabelLang::English => en.to_string(),
        LabelLang::Chinese => zh.to_string(),
        LabelLang::Both if zh == en => zh.to_string(),
        LabelLang::Both => format!("{zh} {en}"),
    }
}

/// A node's label: the main line and, in both languages, the English name under it. A
/// figure is only useful with its value, so a metric's main line carries it.
pub fn node_label(kg: &KnowledgeGraph, ix: NodeIx, lang: LabelLang) -> (String, Option<String>) {
    let n = kg.node(ix);
    let (main, sub) = match lang {
        LabelLang::English => (n.display_name(false).to_string(), None),
        LabelLang::Chinese => (n.display_name(true).to_string(), None),
        LabelLang::Both => {
            let zh = n.display_name(true).to_string();
            let en = (!n.name.en.is_empty() && n.name.en != zh).then(|| n.name.en.clone());
            (zh, en)
        }
    };
    let main = match n.attrs.get("value").filter(|_| n.kind == Kind::METRIC) {
        Some(v) if lang == LabelLang::English => format!("{main}: {v}"),
        Some(v) => format!("{main}：{v}"),
        None => main,
    };
    (main, sub)
}

/// A kind shape of "radius" `r` at `c`, as geometry any renderer can paint.
#[derive(Clone, Debug, PartialEq)]
pub enum Outline {
    Circle {
        c: [f32; 2],
        r: f32,
    },
    /// A disc of radius `r` with a darker inner ring of radius `inner`, `width` wide.
    Ring {
        c: [f32; 2],
        r: f32,
        inner: f32,
        width: f32,
    },
    Polygon(Vec<[f32; 2]>),
}

fn regular(c: [f32; 2], r: f32, sides: usize, rotation: f32) -> Vec<[f32; 2]> {
    (0..sides)
        .map(|i| {
            let a = rotation + i as f32 * std::f32::consts::TAU / sides as f32;
            [c[0] + r * a.cos(), c[1] + r * a.sin()]
        })
        .collect()
}

/// The outline of `shape` with "radius" `r` (so that shapes of equal `r` look equally big).
pub fn outline(shape: Shape, c: [f32; 2], r: f32) -> Outline {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, PI};
    let poly = Outline::Polygon;
    match shape {
        Shape::Circle => Outline::Circle { c, r },
        Shape::Ring => Outline::Ring {
            c,
            r: r * 0.85,
            inner: r * 0.45,
            width: (r * 0.2).max(1.0),
        },
        Shape::Square => poly(regular(c, r * 1.15, 4, FRAC_PI_4)),
        Shape::Diamond => poly(regular(c, r * 1.25, 4, 0.0)),
        Shape::Triangle => poly(regular([c[0], c[1] + r * 0.2], r * 1.35, 3, -FRAC_PI_2)),
        Shape::TriangleDown => poly(regular([c[0], c[1] - r * 0.2], r * 1.35, 3, FRAC_PI_2)),
        Shape::Pentagon => poly(regular(c, r * 1.1, 5, -FRAC_PI_2)),
        Shape::Hexagon => poly(regular(c, r * 1.1, 6, 0.0)),
        Shape::Octagon => poly(regular(c, r * 1.05, 8, PI / 8.0)),
        Shape::Arrow => poly(vec![
            [c[0] - r * 0.9, c[1] - r],
            [c[0] + r * 1.2, c[1]],
            [c[0] - r * 0.9, c[1] + r],
        ]),
    }
}

/// Opacity of a metric's inner ring, over its fill.
pub const RING_ALPHA: f32 = 0.35;

/// Draw a filled shape of "radius" `r` with egui.
pub fn draw_shape(painter: &Painter, shape: Shape, c: Pos2, r: f32, fill: Color32, stroke: Stroke) {
    let p = |q: [f32; 2]| Pos2::new(q[0], q[1]);
    match outline(shape, [c.x, c.y], r) {
        Outline::Circle { r, .. } => {
            painter.circle(c, r, fill, stroke);
        }
        Outline::Ring {
            r, inner, width, ..
        } => {
            painter.circle(c, r, fill, stroke);
            let ring = Color32::from_black_alpha((RING_ALPHA * 255.0) as u8);
            painter.circle_stroke(c, inner, Stroke::new(width, ring));
        }
        Outline::Polygon(pts) => {
            let pts = pts.into_iter().map(p).collect();
            painter.add(egui::Shape::convex_polygon(pts, fill, stroke));
        }
    }
}
