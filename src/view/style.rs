//! The style table: how a kind looks (colour and shape, kept distinct for colour-blind
//! readers), how big a node is, the label texts, and the shapes' geometry. The canvas and the
//! exports read all of it from here; the theme colours are in `theme.rs`.

use super::theme::Paint;
use crate::model::{Kind, KnowledgeGraph, NodeIx, Relation};
use egui::{Color32, Painter, Pos2, Stroke};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LabelLang {
    English,
    Chinese,
    #[default]
    Both,
}

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

/// The one place the renderers ask for a kind's colour and shape.
pub fn kind_style(kind: &Kind) -> (Paint, Shape) {
    (Paint::from(kind_color(kind)), kind_shape(kind))
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

/// Undirected degree per node index, self-loops counted once (what node sizes follow).
pub fn undirected_degree(kg: &KnowledgeGraph) -> Vec<u32> {
    let mut degree = vec![0u32; kg.node_bound()];
    for e in kg.graph.edge_indices() {
        if let Some((a, b)) = kg.graph.edge_endpoints(e) {
            degree[a.index()] += 1;
            if a != b {
                degree[b.index()] += 1;
            }
        }
    }
    degree
}

pub fn relation_label(rel: &Relation, lang: LabelLang) -> String {
    match lang {
        LabelLang::English => rel.label_en().to_string(),
        LabelLang::Chinese => rel.label_zh().to_string(),
        LabelLang::Both => format!("{} {}", rel.label_zh(), rel.label_en()),
    }
}

/// A kind's name in a legend.
pub fn kind_label(kind: &Kind, lang: LabelLang) -> String {
    match lang {
        LabelLang::English => kind.label_en().to_string(),
        LabelLang::Chinese => kind.label_zh().to_string(),
        LabelLang::Both => format!("{} {}", kind.label_zh(), kind.label_en()),
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
    let main = match n.attrs.get("value").filter(|_| n.kind == Kind::Metric) {
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
