//! Time: the graph as of a year (edges by their year, nodes by their first citation), and
//! figures that read as a series across the years (e.g. R&D intensity 2020, 2021, 2025 target).

use super::Visible;
use super::filter::from_masks;
use crate::model::{Kind, KnowledgeGraph, NodeIx, Relation};
use petgraph::Direction;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::BTreeMap;

/// Every year an edge or node is dated to, ascending: the stops of a year slider / playback.
pub fn years(kg: &KnowledgeGraph) -> Vec<i32> {
    let mut ys: Vec<i32> = kg
        .graph
        .edge_indices()
        .filter_map(|e| kg.edge_year(e))
        .chain(kg.node_indices().filter_map(|n| kg.node_year(n)))
        .collect();
    ys.sort_unstable();
    ys.dedup();
    ys
}

/// First and last year of `years`, `None` when nothing is dated.
pub fn year_range(kg: &KnowledgeGraph) -> Option<(i32, i32)> {
    let ys = years(kg);
    Some((*ys.first()?, *ys.last()?))
}

/// The view as of the end of `year`: nodes first cited in or before it, edges dated in or
/// before it between two such nodes. Undated nodes and edges are always shown (nothing says
/// they are new). O(n + m) plus the source look-ups of `edge_year` / `node_year`.
pub fn as_of(kg: &KnowledgeGraph, vis: &Visible, year: i32) -> Visible {
    let mut nodes = vec![false; kg.node_bound()];
    for ix in kg.node_indices() {
        nodes[ix.index()] = vis.node(ix) && kg.node_year(ix).is_none_or(|y| y <= year);
    }
    let mut edges = vec![false; kg.edge_bound()];
    for e in (&kg.graph).edge_references() {
        edges[e.id().index()] = vis.edge(e.id())
            && nodes[e.source().index()]
            && nodes[e.target().index()]
            && kg.edge_year(e.id()).is_none_or(|y| y <= year);
    }
    from_masks(nodes, edges)
}

/// One figure of a series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesPoint {
    pub node: NodeIx,
    /// The `year` attribute, else the year the figure was first cited.
    pub year: Option<i32>,
    /// The `value` attribute as written ("5.46%", "超过1.86万家").
    pub value: String,
    /// A target or plan (`type: target|plan`) rather than a reported figure.
    pub target: bool,
}

/// Figures measuring the same quantity of the same subject over the years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// What is measured: the targets of the metrics' `Measures` edges.
    pub subjects: Vec<NodeIx>,
    /// Ordered by year, reported figures before targets of the same year.
    pub points: Vec<SeriesPoint>,
}

/// Every series of two or more Metric nodes, in order of their first node. Two metrics belong
/// to one series when they measure the same subjects and their ids or names agree once years,
/// parentheses, "target"/"plan" and a leading "Shenzhen"/"深圳" are removed (so
/// `m-rd-intensity-2020-plan`, `m-rd-intensity-target-2025-plan` and `m-rd-intensity-2021-wym`
/// read as one series). O(n·k) for k metrics.
pub fn metric_series(kg: &KnowledgeGraph) -> Vec<Series> {
    let metrics: Vec<NodeIx> = kg
        .node_indices()
        .filter(|&ix| kg.node(ix).kind == Kind::METRIC)
        .collect();
    let subjects: Vec<Vec<NodeIx>> = metrics.iter().map(|&m| measured(kg, m)).collect();
    let keys: Vec<[Option<String>; 3]> = metrics
        .iter()
        .map(|&m| {
            let n = kg.node(m);
            [id_stem(&n.id), name_stem(&n.name.zh), name_stem(&n.name.en)]
        })
        .collect();
    // Union-find over metrics.
    let mut parent: Vec<usize> = (0..metrics.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    // Group by (subjects, key) so the union is linear in the number of keys.
    let mut first: BTreeMap<(Vec<usize>, usize, String), usize> = BTreeMap::new();
    for (i, ks) in keys.iter().enumerate() {
        let subj: Vec<usize> = subjects[i].iter().map(|s| s.index()).collect();
        for (slot, k) in ks.iter().enumerate() {
            let Some(k) = k else { continue };
            match first.get(&(subj.clone(), slot, k.clone())) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    first.insert((subj.clone(), slot, k.clone()), i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..metrics.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups
        .into_values()
        .filter(|g| g.len() >= 2)
        .map(|g| {
            let mut points: Vec<SeriesPoint> = g.iter().map(|&i| point(kg, metrics[i])).collect();
            points.sort_by_key(|p| (p.year, p.target, p.node.index()));
            Series {
                subjects: subjects[g[0]].clone(),
                points,
            }
        })
        .collect()
}

/// The series a Metric node belongs to, if it has company.
pub fn series_of(kg: &KnowledgeGraph, node: NodeIx) -> Option<Series> {
    metric_series(kg)
        .into_iter()
        .find(|s| s.points.iter().any(|p| p.node == node))
}

fn point(kg: &KnowledgeGraph, ix: NodeIx) -> SeriesPoint {
    let n = kg.node(ix);
    let year = n
        .attrs
        .get("year")
        .and_then(|y| y.get(..4)?.parse().ok())
        .or_else(|| kg.node_year(ix));
    let target = n
        .attrs
        .get("type")
        .is_some_and(|t| matches!(t.trim(), "target" | "plan"));
    SeriesPoint {
        node: ix,
        year,
        value: n.attrs.get("value").cloned().unwrap_or_default(),
        target,
    }
}

/// Targets of the node's `Measures` edges, sorted.
fn measured(kg: &KnowledgeGraph, ix: NodeIx) -> Vec<NodeIx> {
    let mut v: Vec<NodeIx> = kg
        .graph
        .edges_directed(ix, Direction::Outgoing)
        .filter(|e| kg.edge(e.id()).rel == Relation::MEASURES)
        .map(|e| e.target())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn is_year(token: &str) -> bool {
    token.len() == 4 && token.chars().all(|c| c.is_ascii_digit())
}

/// `m-rd-intensity-target-2025-plan` → `rd-intensity`: the id up to its year, without the
/// `m-` prefix and the words target/plan/goal.
fn id_stem(id: &str) -> Option<String> {
    let tokens: Vec<&str> = id
        .split('-')
        .skip_while(|t| matches!(*t, "m" | "metric"))
        .take_while(|t| !is_year(t))
        .filter(|t| !matches!(*t, "target" | "plan" | "goal"))
        .collect();
    (!tokens.is_empty()).then(|| tokens.join("-"))
}

/// A name without parenthesised parts, digits, "年", a leading Shenzhen/深圳, case or spaces.
fn name_stem(name: &str) -> Option<String> {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_ascii_digit() || c == '年' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    let out = out.trim();
    let out = out
        .strip_prefix("深圳")
        .or_else(|| out.strip_prefix("shenzhen"))
        .unwrap_or(out);
    let out: String = out.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_years_and_target_words() {
        assert_eq!(
            id_stem("m-rd-intensity-target-2025-plan").as_deref(),
            Some("rd-intensity")
        );
        assert_eq!(
            id_stem("m-rd-intensity-2021-wym").as_deref(),
            Some("rd-intensity")
        );
        assert_eq!(
            name_stem("全社会研发投入占地区生产总值比重（2025年目标）").as_deref(),
            Some("全社会研发投入占地区生产总值比重")
        );
        assert_eq!(
            name_stem("Shenzhen R&D expenditure intensity (2021)").as_deref(),
            Some("r&d expenditure intensity")
        );
        assert_eq!(name_stem("（2021）"), None);
    }
}
