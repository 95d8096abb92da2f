//! The values an appearance channel reads (part of the style table's `appearance`): a
//! category or a number per node or edge, from its kind, relations, an attribute or a metric.

use super::style::{LabelLang, kind_label, kind_style, relation_label};
use crate::analysis::Visible;
use crate::analysis::metrics::{GraphMetrics, Metric, MetricOptions, compute};
use crate::io::views::StyleBy;
use crate::model::{KnowledgeGraph, NodeIx, Shape};
use egui::Color32;
use std::collections::HashMap;

/// Colour of "no value" and "other": neutral, lighter than any palette colour.
pub(super) const OTHER: Color32 = Color32::from_rgb(0xb8, 0xb8, 0xb8);
/// An attribute with more distinct numbers than this is numeric (a ramp), else categorical.
const NUMERIC_DISTINCT: usize = 8;

/// The values of one channel: a category per element, or a number per element.
pub(super) enum Values {
    Categorical {
        key: Vec<Option<String>>,
        /// Colour and shape a key already has (kinds from the vocabulary).
        fixed: HashMap<String, (Color32, Shape, String)>,
    },
    Numeric(Vec<Option<f64>>),
}

pub(super) fn metric_of(name: &str) -> Option<Metric> {
    Metric::ALL.iter().copied().find(|m| m.ident() == name)
}

/// Metric values per node index, computed once per resolution when a channel asks.
pub(super) struct Lazy<'a> {
    pub kg: &'a KnowledgeGraph,
    pub visible: &'a Visible,
    pub metrics: Option<GraphMetrics>,
}

impl Lazy<'_> {
    pub fn metric(&mut self, m: Metric) -> Vec<Option<f64>> {
        let (kg, visible) = (self.kg, self.visible);
        let gm = self
            .metrics
            .get_or_insert_with(|| compute(kg, visible, &MetricOptions::default()));
        (0..kg.node_bound())
            .map(|i| gm.value(NodeIx::new(i), m))
            .collect()
    }
}

fn attr_values(raw: Vec<Option<String>>) -> Values {
    let nums: Option<Vec<Option<f64>>> = raw
        .iter()
        .map(|v| match v {
            Some(t) => t
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .map(Some),
            None => Some(None),
        })
        .collect();
    if let Some(nums) = nums {
        let mut distinct: Vec<u64> = nums.iter().flatten().map(|v| v.to_bits()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() > NUMERIC_DISTINCT {
            return Values::Numeric(nums);
        }
    }
    Values::Categorical {
        key: raw,
        fixed: HashMap::new(),
    }
}

pub(super) fn node_values(lazy: &mut Lazy, by: &StyleBy, lang: LabelLang) -> Values {
    let kg = lazy.kg;
    let n = kg.node_bound();
    let exists = |i: usize| kg.graph.node_weight(NodeIx::new(i)).is_some();
    match by {
        StyleBy::Kind => {
            let mut fixed = HashMap::new();
            let key = (0..n)
                .map(|i| {
                    exists(i).then(|| {
                        let kind = &kg.node(NodeIx::new(i)).kind;
                        let (p, s) = kind_style(kg.vocab(), kind);
                        let name = kind.to_string();
                        fixed.entry(name.clone()).or_insert_with(|| {
                            (p.color32(), s, kind_label(kg.vocab(), kind, lang))
                        });
                        name
                    })
                })
                .collect();
            Values::Categorical { key, fixed }
        }
        StyleBy::Relation => {
            use petgraph::visit::EdgeRef;
            let key = (0..n)
                .map(|i| {
                    let mut count: HashMap<String, usize> = HashMap::new();
                    let ix = NodeIx::new(i);
                    let out = kg.graph.edges_directed(ix, petgraph::Direction::Outgoing);
                    let inc = kg.graph.edges_directed(ix, petgraph::Direction::Incoming);
                    for e in out.chain(inc).filter(|e| lazy.visible.edge(e.id())) {
                        *count.entry(kg.edge(e.id()).rel.to_string()).or_default() += 1;
                    }
                    count
                        .into_iter()
                        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                        .map(|(k, _)| k)
                })
                .collect();
            Values::Categorical {
                key,
                fixed: relation_names(kg, lang),
            }
        }
        StyleBy::Attr(a) => attr_values(
            (0..n)
                .map(|i| {
                    exists(i)
                        .then(|| kg.node(NodeIx::new(i)).attrs.get(a).cloned())
                        .flatten()
                })
                .collect(),
        ),
        StyleBy::Metric(m) => match metric_of(m) {
            Some(Metric::Community) => Values::Categorical {
                key: lazy
                    .metric(Metric::Community)
                    .into_iter()
                    .map(|v| v.map(|c| format!("{}", c as usize + 1)))
                    .collect(),
                fixed: HashMap::new(),
            },
            Some(m) => Values::Numeric(lazy.metric(m)),
            None => Values::Numeric(vec![None; n]),
        },
    }
}

/// Relation labels (no fixed colour: the map only names them).
fn relation_names(
    kg: &KnowledgeGraph,
    lang: LabelLang,
) -> HashMap<String, (Color32, Shape, String)> {
    let mut out = HashMap::new();
    for e in kg.graph.edge_indices() {
        let rel = &kg.edge(e).rel;
        out.entry(rel.to_string())
            .or_insert_with(|| (OTHER, Shape::Circle, relation_label(kg.vocab(), rel, lang)));
    }
    out
}

pub(super) fn edge_values(lazy: &mut Lazy, by: &StyleBy, lang: LabelLang) -> Values {
    let kg = lazy.kg;
    let m = kg.edge_bound();
    let edge = |i: usize| {
        let e = crate::model::EdgeIx::new(i);
        kg.graph.edge_weight(e).map(|_| (e, kg.edge(e)))
    };
    match by {
        StyleBy::Kind | StyleBy::Relation => Values::Categorical {
            key: (0..m)
                .map(|i| edge(i).map(|(_, e)| e.rel.to_string()))
                .collect(),
            fixed: relation_names(kg, lang),
        },
        StyleBy::Attr(a) => attr_values(
            (0..m)
                .map(|i| edge(i).and_then(|(_, e)| e.attrs.get(a).cloned()))
                .collect(),
        ),
        StyleBy::Metric(name) => {
            let per_node = match metric_of(name) {
                Some(mm) if !mm.is_categorical() => lazy.metric(mm),
                _ => vec![None; kg.node_bound()],
            };
            let at = |ix: NodeIx| per_node.get(ix.index()).copied().flatten();
            Values::Numeric(
                (0..m)
                    .map(|i| {
                        let (a, b) = kg.graph.edge_endpoints(edge(i)?.0)?;
                        Some((at(a)? + at(b)?) * 0.5)
                    })
                    .collect(),
            )
        }
    }
}
