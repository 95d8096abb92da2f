//! The style table's mapping from data to looks (issue #15 part 2, Gephi's partition and
//! ranking): a view's `Appearance` resolved against one graph into a colour, shape and size
//! per node, a colour and width per edge, and the legend of exactly those. Categorical values
//! get the colour-vision-checked palette (`model::Palette`) and, redundantly, a shape each, so
//! they stay apart in greyscale too; the tail beyond [`MAX_CATEGORIES`] is one "other" entry.
//! Numeric values get the viridis ramp (lightness rises with the value) or a size.

use super::appearance_values::{Lazy, OTHER, Values, edge_values, metric_of, node_values};
use super::overlay::ramp;
use super::style::{LabelLang, kind_style, node_radius};
use crate::analysis::Visible;
use crate::io::views::{Appearance, StyleBy};
use crate::model::{KnowledgeGraph, NodeIx, Palette, Shape};
use egui::Color32;
use std::collections::HashMap;

/// Categories beyond this many (by frequency) share one "other" colour and shape: more
/// colours than this are not told apart reliably.
pub const MAX_CATEGORIES: usize = 10;
/// Attributes that say what a node is, tried in this order for imported graphs.
const KIND_LIKE: &[&str] = &[
    "type",
    "Type",
    "category",
    "Category",
    "partition",
    "class",
    "Class",
    "group",
    "label",
];

/// One legend row: what it stands for and how it is drawn (only the mapped channels).
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub label: String,
    pub color: Option<Color32>,
    pub shape: Option<Shape>,
}

/// One block of the legend.
#[derive(Clone, Debug, PartialEq)]
pub enum LegendPart {
    /// Node categories (colour and/or shape), or edge colours when `edges`.
    Categories {
        title: String,
        items: Vec<LegendItem>,
        edges: bool,
    },
    /// A colour ramp from `lo` to `hi`.
    Ramp {
        title: String,
        lo: String,
        hi: String,
    },
    /// Sizes (nodes) or widths (edges) growing from `lo` to `hi`.
    Sizes {
        title: String,
        lo: String,
        hi: String,
    },
}

/// An appearance resolved against one graph; vectors are indexed by node or edge index and
/// empty when the channel is not mapped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Styled {
    pub node_fill: Vec<Color32>,
    pub node_shape: Vec<Shape>,
    /// World radius per node (replaces the radius from degree).
    pub node_radius: Vec<f32>,
    pub edge_color: Vec<Option<Color32>>,
    /// Width multiplier per edge.
    pub edge_width: Vec<f32>,
    pub legend: Vec<LegendPart>,
}

/// The appearance the style table uses for `kg`: the view's, else for a graph whose kinds say
/// nothing (one kind, typically "Unknown" after an import) colour and shape by the first
/// kind-like attribute (`type`, `category`, `partition`, `class`, …) with two or more values.
pub fn effective(kg: &KnowledgeGraph, chosen: Option<&Appearance>) -> Option<Appearance> {
    if let Some(a) = chosen {
        return (!a.is_empty()).then(|| a.clone());
    }
    default_for(kg)
}

/// The default appearance of an imported graph (see [`effective`]); `None` when its kinds
/// already tell nodes apart.
pub fn default_for(kg: &KnowledgeGraph) -> Option<Appearance> {
    let mut kinds = kg.node_indices().map(|ix| &kg.node(ix).kind);
    let first = kinds.next()?;
    if kinds.any(|k| k != first) {
        return None;
    }
    let n = kg.node_count();
    KIND_LIKE
        .iter()
        .find(|key| {
            let mut seen = std::collections::HashSet::new();
            let mut with = 0;
            for ix in kg.node_indices() {
                if let Some(v) = kg.node(ix).attrs.get(**key) {
                    with += 1;
                    if seen.len() <= n {
                        seen.insert(v.as_str());
                    }
                }
            }
            with * 2 >= n && seen.len() >= 2 && seen.len() < n.max(3)
        })
        .map(|key| Appearance {
            node_color: Some(StyleBy::Attr(key.to_string())),
            ..Appearance::default()
        })
}

fn title_of(by: &StyleBy, lang: LabelLang) -> String {
    let zh = lang == LabelLang::Chinese;
    match by {
        StyleBy::Kind if zh => "类型".into(),
        StyleBy::Kind => "Kind".into(),
        StyleBy::Relation if zh => "关系".into(),
        StyleBy::Relation => "Relation".into(),
        StyleBy::Attr(a) => a.clone(),
        StyleBy::Metric(m) => match metric_of(m) {
            Some(m) if zh => m.label_zh().into(),
            Some(m) => m.label_en().into(),
            None => m.clone(),
        },
    }
}

fn none_label(lang: LabelLang) -> String {
    match lang {
        LabelLang::Chinese => "（无）".into(),
        _ => "(none)".into(),
    }
}

fn other_label(lang: LabelLang, n: usize) -> String {
    match lang {
        LabelLang::Chinese => format!("其他（{n}）"),
        _ => format!("other ({n})"),
    }
}

/// Short text of a number for a legend.
fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e9 {
        format!("{v:.0}")
    } else if v.abs() >= 0.01 {
        format!("{v:.2}")
    } else {
        format!("{v:.1e}")
    }
}

/// Categories in legend order with their colour, shape and label, and each element's index
/// into them (`None`: no value). Fixed (vocabulary) styles win; others come from the palette
/// by frequency, the tail merged into "other".
struct Categories {
    items: Vec<(Color32, Shape, String)>,
    of: Vec<Option<usize>>,
}

fn categorise(
    key: &[Option<String>],
    fixed: &HashMap<String, (Color32, Shape, String)>,
    shown: &dyn Fn(usize) -> bool,
    lang: LabelLang,
) -> Categories {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for (i, k) in key.iter().enumerate() {
        if let Some(k) = k.as_deref().filter(|_| shown(i)) {
            *count.entry(k).or_default() += 1;
        }
    }
    let mut order: Vec<(&str, usize)> = count.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let all_fixed = order
        .iter()
        .all(|(k, _)| fixed.get(*k).is_some_and(|f| f.0 != OTHER && f.0.a() > 0));
    let (head, tail) = if all_fixed {
        (order.len(), 0)
    } else if order.len() > MAX_CATEGORIES {
        (MAX_CATEGORIES - 1, order.len() - (MAX_CATEGORIES - 1))
    } else {
        (order.len(), 0)
    };
    let mut palette = Palette::default();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut items = Vec::new();
    for (i, (k, _)) in order.iter().take(head).enumerate() {
        let (color, shape, label) = match fixed.get(*k) {
            Some(f) if all_fixed => f.clone(),
            f => {
                let [r, g, b] = palette.next_color().0;
                let label = f.map_or_else(|| k.to_string(), |f| f.2.clone());
                (Color32::from_rgb(r, g, b), Shape::cycle(i), label)
            }
        };
        index.insert(k, items.len());
        items.push((color, shape, label));
    }
    let other = (tail > 0).then(|| {
        items.push((OTHER, Shape::Ring, other_label(lang, tail)));
        items.len() - 1
    });
    let none = key
        .iter()
        .enumerate()
        .any(|(i, k)| k.is_none() && shown(i))
        .then(|| {
            items.push((OTHER, Shape::Circle, none_label(lang)));
            items.len() - 1
        });
    let of = key
        .iter()
        .map(|k| match k {
            Some(k) => index.get(k.as_str()).copied().or(other),
            None => none,
        })
        .collect();
    Categories { items, of }
}

/// `lo`, `hi` of the values shown, or `None` when none is.
fn range(v: &[Option<f64>], shown: &dyn Fn(usize) -> bool) -> Option<(f64, f64)> {
    let mut it = v
        .iter()
        .enumerate()
        .filter(|(i, _)| shown(*i))
        .filter_map(|(_, x)| *x);
    let first = it.next()?;
    Some(it.fold((first, first), |(lo, hi), x| (lo.min(x), hi.max(x))))
}

fn unit(x: f64, (lo, hi): (f64, f64)) -> f32 {
    if hi > lo {
        ((x - lo) / (hi - lo)) as f32
    } else {
        0.5
    }
}

/// Resolve `appearance` for the nodes and edges `visible` shows of `kg`; the legend covers
/// exactly what is shown. Metrics, when a channel asks for one, are computed on the visible
/// graph.
pub fn resolve(
    kg: &KnowledgeGraph,
    visible: &Visible,
    appearance: &Appearance,
    lang: LabelLang,
) -> Styled {
    let mut out = Styled::default();
    let mut lazy = Lazy {
        kg,
        visible,
        metrics: None,
    };
    let node_shown = |i: usize| visible.node(NodeIx::new(i));
    let n = kg.node_bound();
    let base = |i: usize| kind_style(kg.vocab(), &kg.node(NodeIx::new(i)).kind);
    let exists = |i: usize| kg.graph.node_weight(NodeIx::new(i)).is_some();
    // Shape follows colour when colour is categorical and shape is not mapped: redundant
    // coding keeps categories apart in greyscale and for every colour vision.
    let shape_by = appearance.node_shape.clone().or_else(|| {
        appearance
            .node_color
            .clone()
            .filter(|b| *b != StyleBy::Kind)
    });
    let color_vals = appearance
        .node_color
        .as_ref()
        .map(|b| (b, node_values(&mut lazy, b, lang)));
    let mut shape_done = false;
    if let Some((by, vals)) = &color_vals {
        match vals {
            Values::Categorical { key, fixed } => {
                let cats = categorise(key, fixed, &node_shown, lang);
                let with_shape = shape_by.as_ref() == Some(*by);
                shape_done = with_shape;
                out.node_fill = (0..n)
                    .map(|i| cats.of[i].map_or(OTHER, |c| cats.items[c].0))
                    .collect();
                if with_shape {
                    out.node_shape = (0..n)
                        .map(|i| match cats.of[i] {
                            Some(c) => cats.items[c].1,
                            None if exists(i) => base(i).1,
                            None => Shape::Circle,
                        })
                        .collect();
                }
                out.legend.push(LegendPart::Categories {
                    title: title_of(by, lang),
                    items: cats
                        .items
                        .iter()
                        .map(|(c, s, l)| LegendItem {
                            label: l.clone(),
                            color: Some(*c),
                            shape: with_shape.then_some(*s),
                        })
                        .collect(),
                    edges: false,
                });
            }
            Values::Numeric(v) => {
                if let Some(r) = range(v, &node_shown) {
                    out.node_fill = (0..n)
                        .map(|i| v[i].map_or(OTHER, |x| ramp(unit(x, r))))
                        .collect();
                    out.legend.push(LegendPart::Ramp {
                        title: title_of(by, lang),
                        lo: num(r.0),
                        hi: num(r.1),
                    });
                }
            }
        }
    }
    if let Some(by) = shape_by.as_ref().filter(|_| !shape_done)
        && let Values::Categorical { key, fixed } = node_values(&mut lazy, by, lang)
    {
        let cats = categorise(&key, &fixed, &node_shown, lang);
        out.node_shape = (0..n)
            .map(|i| cats.of[i].map_or(Shape::Circle, |c| cats.items[c].1))
            .collect();
        out.legend.push(LegendPart::Categories {
            title: title_of(by, lang),
            items: cats
                .items
                .iter()
                .map(|(_, s, l)| LegendItem {
                    label: l.clone(),
                    color: None,
                    shape: Some(*s),
                })
                .collect(),
            edges: false,
        });
    }
    if let Some(by) = &appearance.node_size
        && let Values::Numeric(v) = node_values(&mut lazy, by, lang)
        && let Some(r) = range(&v, &node_shown)
    {
        let small = node_radius(0);
        out.node_radius = (0..n)
            .map(|i| v[i].map_or(small, |x| small * (1.0 + 3.0 * unit(x, r))))
            .collect();
        out.legend.push(LegendPart::Sizes {
            title: title_of(by, lang),
            lo: num(r.0),
            hi: num(r.1),
        });
    }
    edges(&mut out, &mut lazy, appearance, lang);
    out
}

fn edges(out: &mut Styled, lazy: &mut Lazy, appearance: &Appearance, lang: LabelLang) {
    let visible = lazy.visible;
    let edge_shown = |i: usize| visible.edge(crate::model::EdgeIx::new(i));
    if let Some(by) = &appearance.edge_color {
        match edge_values(lazy, by, lang) {
            Values::Categorical { key, fixed } => {
                let cats = categorise(&key, &fixed, &edge_shown, lang);
                out.edge_color = cats.of.iter().map(|c| c.map(|c| cats.items[c].0)).collect();
                out.legend.push(LegendPart::Categories {
                    title: title_of(by, lang),
                    items: cats
                        .items
                        .iter()
                        .map(|(c, _, l)| LegendItem {
                            label: l.clone(),
                            color: Some(*c),
                            shape: None,
                        })
                        .collect(),
                    edges: true,
                });
            }
            Values::Numeric(v) => {
                if let Some(r) = range(&v, &edge_shown) {
                    out.edge_color = v.iter().map(|x| x.map(|x| ramp(unit(x, r)))).collect();
                    out.legend.push(LegendPart::Ramp {
                        title: title_of(by, lang),
                        lo: num(r.0),
                        hi: num(r.1),
                    });
                }
            }
        }
    }
    if let Some(by) = &appearance.edge_width
        && let Values::Numeric(v) = edge_values(lazy, by, lang)
        && let Some(r) = range(&v, &edge_shown)
    {
        out.edge_width = v
            .iter()
            .map(|x| x.map_or(1.0, |x| 0.6 + 4.0 * unit(x, r)))
            .collect();
        out.legend.push(LegendPart::Sizes {
            title: title_of(by, lang),
            lo: num(r.0),
            hi: num(r.1),
        });
    }
}

/// What the resolved looks depend on besides the data's contents.
#[derive(Clone, Debug, PartialEq)]
struct CacheKey {
    counts: [usize; 6],
    chosen: Option<Appearance>,
    lang: LabelLang,
}

/// The resolved appearance of the canvas, recomputed when the graph, the visible set, the
/// chosen appearance or the label language changes (or after [`AppearanceCache::invalidate`]).
#[derive(Clone, Debug, Default)]
pub struct AppearanceCache {
    key: Option<CacheKey>,
    styled: Option<Styled>,
    stamp: u64,
}

impl AppearanceCache {
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// The looks for this frame and a stamp that changes whenever they do; `None` when the
    /// style table's defaults apply.
    pub fn get(
        &mut self,
        kg: &KnowledgeGraph,
        visible: &Visible,
        chosen: Option<&Appearance>,
        lang: LabelLang,
    ) -> Option<(&Styled, u64)> {
        let key = CacheKey {
            counts: [
                kg.node_bound(),
                kg.edge_bound(),
                kg.node_count(),
                kg.graph.edge_count(),
                visible.node_count,
                visible.edge_count,
            ],
            chosen: chosen.cloned(),
            lang,
        };
        if self.key.as_ref() != Some(&key) {
            self.styled = effective(kg, chosen).map(|a| resolve(kg, visible, &a, lang));
            self.stamp += 1;
            self.key = Some(key);
        }
        let stamp = self.stamp;
        self.styled.as_ref().map(|s| (s, stamp))
    }
}

#[cfg(test)]
#[path = "appearance_tests.rs"]
mod tests;
