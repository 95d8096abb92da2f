//! Node metrics of the graph as currently filtered: degree, PageRank, betweenness, closeness,
//! eigenvector centrality, clustering, community.
//!
//! Semantics follow networkx (validated by `tests/analysis_metrics.rs` against fixture values
//! computed with networkx), on a knowledge graph that is a directed multigraph:
//!
//! * degree in / out / total count parallel edges, like `MultiDiGraph.degree`;
//! * PageRank follows edge direction and weights parallel edges by their number, like
//!   `nx.pagerank(MultiDiGraph)` (α = 0.85, dangling nodes jump uniformly);
//! * betweenness and closeness run on the underlying *simple* graph (a relation stated twice
//!   is still one step) — ignoring direction by default, because an edge's direction is the
//!   reading direction of its relation ("A issued B"), not a flow; `MetricOptions::directed`
//!   follows arrows instead (closeness then uses incoming distances, as networkx does);
//! * eigenvector centrality and clustering always run on the simple undirected graph (directed
//!   eigenvector centrality is zero on the mostly acyclic graphs this tool shows, and networkx
//!   has no multigraph clustering);
//! * communities: seeded Louvain, see `communities`.
//!
//! Betweenness, closeness and eigenvector centrality come from `rustworkx-core`. PageRank is
//! implemented here because petgraph's `page_rank` is O(n²·d) per iteration and drops the
//! random-jump term for linked pairs, so it disagrees with networkx.

use super::Visible;
use super::communities::{self, Communities};
// Re-exported: metric functions take it, and callers outside `analysis` build it.
pub use super::compact::Compact;
use crate::model::{KnowledgeGraph, NodeIx};

/// One column of the metrics table; also what node size or colour can be mapped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    DegreeIn,
    DegreeOut,
    Degree,
    PageRank,
    Betweenness,
    Closeness,
    Eigenvector,
    Clustering,
    Community,
}

impl Metric {
    pub const ALL: &'static [Metric] = &[
        Metric::Degree,
        Metric::DegreeIn,
        Metric::DegreeOut,
        Metric::PageRank,
        Metric::Betweenness,
        Metric::Closeness,
        Metric::Eigenvector,
        Metric::Clustering,
        Metric::Community,
    ];

    /// Column name in `stats` output (JSON keys, CSV header).
    pub fn ident(self) -> &'static str {
        match self {
            Metric::DegreeIn => "degree_in",
            Metric::DegreeOut => "degree_out",
            Metric::Degree => "degree",
            Metric::PageRank => "pagerank",
            Metric::Betweenness => "betweenness",
            Metric::Closeness => "closeness",
            Metric::Eigenvector => "eigenvector",
            Metric::Clustering => "clustering",
            Metric::Community => "community",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Metric::DegreeIn => "In-degree",
            Metric::DegreeOut => "Out-degree",
            Metric::Degree => "Degree",
            Metric::PageRank => "PageRank",
            Metric::Betweenness => "Betweenness",
            Metric::Closeness => "Closeness",
            Metric::Eigenvector => "Eigenvector",
            Metric::Clustering => "Clustering",
            Metric::Community => "Community",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Metric::DegreeIn => "入度",
            Metric::DegreeOut => "出度",
            Metric::Degree => "度",
            Metric::PageRank => "PageRank",
            Metric::Betweenness => "中介中心性",
            Metric::Closeness => "接近中心性",
            Metric::Eigenvector => "特征向量中心性",
            Metric::Clustering => "聚类系数",
            Metric::Community => "社区",
        }
    }

    /// Community numbers are labels, not magnitudes: map them to colour categories, not size.
    pub fn is_categorical(self) -> bool {
        self == Metric::Community
    }
}

/// Every metric of one visible node.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeMetrics {
    pub node: NodeIx,
    pub degree_in: usize,
    pub degree_out: usize,
    pub degree: usize,
    pub pagerank: f64,
    pub betweenness: f64,
    pub closeness: f64,
    pub eigenvector: f64,
    pub clustering: f64,
    /// Community number: 0 is the largest community.
    pub community: usize,
}

impl NodeMetrics {
    pub fn get(&self, m: Metric) -> f64 {
        match m {
            Metric::DegreeIn => self.degree_in as f64,
            Metric::DegreeOut => self.degree_out as f64,
            Metric::Degree => self.degree as f64,
            Metric::PageRank => self.pagerank,
            Metric::Betweenness => self.betweenness,
            Metric::Closeness => self.closeness,
            Metric::Eigenvector => self.eigenvector,
            Metric::Clustering => self.clustering,
            Metric::Community => self.community as f64,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricOptions {
    /// Betweenness and closeness follow edge direction (default: ignore it).
    pub directed: bool,
    /// PageRank damping α.
    pub damping: f64,
    /// Seed of the Louvain node order.
    pub seed: u64,
}

impl Default for MetricOptions {
    fn default() -> Self {
        MetricOptions {
            directed: false,
            damping: 0.85,
            seed: 1,
        }
    }
}

/// Metrics of every visible node plus the community structure.
#[derive(Clone, Debug, Default)]
pub struct GraphMetrics {
    /// One row per visible node, in data-file order.
    pub rows: Vec<NodeMetrics>,
    pub communities: Communities,
    /// `NodeIx::index()` → position in `rows`.
    row_of: Vec<Option<usize>>,
}

impl GraphMetrics {
    pub fn row(&self, ix: NodeIx) -> Option<&NodeMetrics> {
        self.rows.get((*self.row_of.get(ix.index())?)?)
    }

    /// The metric of a node, `None` if the node is not in the view.
    pub fn value(&self, ix: NodeIx, m: Metric) -> Option<f64> {
        self.row(ix).map(|r| r.get(m))
    }

    /// Smallest and largest value of a metric over the view (`(0, 0)` when empty), for legends
    /// and for mapping to size or colour.
    pub fn range(&self, m: Metric) -> (f64, f64) {
        let mut it = self.rows.iter().map(|r| r.get(m));
        let Some(first) = it.next() else {
            return (0.0, 0.0);
        };
        it.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)))
    }

    /// A value scaled to 0..=1 within the view's range (0.5 when all values are equal).
    pub fn normalised(&self, ix: NodeIx, m: Metric) -> Option<f64> {
        let v = self.value(ix, m)?;
        let (lo, hi) = self.range(m);
        Some(if hi > lo { (v - lo) / (hi - lo) } else { 0.5 })
    }

    /// Row positions ordered by a metric (ties by data-file order), for a sortable table.
    pub fn order_by(&self, m: Metric, descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (self.rows[a].get(m), self.rows[b].get(m));
            let c = if descending {
                y.total_cmp(&x)
            } else {
                x.total_cmp(&y)
            };
            c.then(a.cmp(&b))
        });
        order
    }
}

/// Every metric of every visible node. O(n·m) (betweenness and closeness dominate).
pub fn compute(kg: &KnowledgeGraph, vis: &Visible, opts: &MetricOptions) -> GraphMetrics {
    let c = Compact::new(kg, vis);
    let (din, dout) = degrees(&c);
    let pr = pagerank(&c, opts.damping, 1e-10, 1000);
    let bc = betweenness(&c, opts.directed);
    let cc = closeness(&c, opts.directed);
    let ev = eigenvector(&c);
    let cl = clustering(&c);
    let communities = communities::communities_of(kg, &c, opts.seed);
    let mut row_of = vec![None; kg.node_bound()];
    let rows = (0..c.len())
        .map(|i| {
            let node = c.nodes[i];
            row_of[node.index()] = Some(i);
            NodeMetrics {
                node,
                degree_in: din[i],
                degree_out: dout[i],
                degree: din[i] + dout[i],
                pagerank: pr[i],
                betweenness: bc[i],
                closeness: cc[i],
                eigenvector: ev[i],
                clustering: cl[i],
                community: communities.of(node).unwrap_or(0),
            }
        })
        .collect();
    GraphMetrics {
        rows,
        communities,
        row_of,
    }
}

/// (in-degree, out-degree) per dense node, counting parallel edges; a loop counts once in each.
/// O(n + m).
pub fn degrees(c: &Compact) -> (Vec<usize>, Vec<usize>) {
    let mut din = vec![0; c.len()];
    let mut dout = vec![0; c.len()];
    for &(a, b, _) in &c.edges {
        dout[a] += 1;
        din[b] += 1;
    }
    (din, dout)
}

/// PageRank by power iteration, as `nx.pagerank`: parallel edges weigh by their number,
/// dangling nodes spread their rank uniformly; stops when the L1 change is below `n·tol`.
/// O((n + m)·iterations).
pub fn pagerank(c: &Compact, damping: f64, tol: f64, max_iter: usize) -> Vec<f64> {
    let n = c.len();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let (_, out) = degrees(c);
    let mut x = vec![1.0 / nf; n];
    for _ in 0..max_iter {
        let dangling: f64 = (0..n).filter(|&i| out[i] == 0).map(|i| x[i]).sum();
        let base = (damping * dangling + (1.0 - damping)) / nf;
        let mut next = vec![base; n];
        for &(a, b, _) in &c.edges {
            next[b] += damping * x[a] / out[a] as f64;
        }
        let err: f64 = next.iter().zip(&x).map(|(p, q)| (p - q).abs()).sum();
        x = next;
        if err < nf * tol {
            break;
        }
    }
    x
}

/// Normalised shortest-path betweenness (Brandes, via rustworkx-core) on the simple graph,
/// like `nx.betweenness_centrality`. O(n·m).
pub fn betweenness(c: &Compact, directed: bool) -> Vec<f64> {
    // rustworkx parallelises from this many nodes; results are the same either way.
    const PARALLEL: usize = 200;
    let values = if directed {
        rustworkx_core::centrality::betweenness_centrality(
            &c.simple_directed(),
            false,
            true,
            PARALLEL,
        )
    } else {
        rustworkx_core::centrality::betweenness_centrality(
            &c.simple_undirected(),
            false,
            true,
            PARALLEL,
        )
    };
    values.into_iter().map(|v| v.unwrap_or(0.0)).collect()
}

/// Closeness with the Wasserman–Faust correction for disconnected graphs (rustworkx-core), like
/// `nx.closeness_centrality`; directed, it uses distances *to* the node. O(n·m).
pub fn closeness(c: &Compact, directed: bool) -> Vec<f64> {
    const PARALLEL: usize = 200;
    let values = if directed {
        rustworkx_core::centrality::closeness_centrality(&c.simple_directed(), true, PARALLEL)
    } else {
        rustworkx_core::centrality::closeness_centrality(&c.simple_undirected(), true, PARALLEL)
    };
    values.into_iter().map(|v| v.unwrap_or(0.0)).collect()
}

/// Eigenvector centrality of the simple undirected graph by (shifted) power iteration
/// (rustworkx-core), like `nx.eigenvector_centrality`; all zeros if it does not converge.
/// O(m·iterations).
pub fn eigenvector(c: &Compact) -> Vec<f64> {
    let g = c.simple_undirected();
    let result = rustworkx_core::centrality::eigenvector_centrality(
        &g,
        |_| Ok::<f64, std::convert::Infallible>(1.0),
        Some(10_000),
        Some(1e-12),
    );
    match result {
        Ok(Some(v)) => v,
        _ => vec![0.0; c.len()],
    }
}

/// Local clustering coefficient of the simple undirected graph (loops ignored), like
/// `nx.clustering(nx.Graph(G))`. O(Σ d²) with sorted-list intersections.
pub fn clustering(c: &Compact) -> Vec<f64> {
    let adj = c.undirected_neighbours();
    (0..c.len())
        .map(|v| {
            let d = adj[v].len();
            if d < 2 {
                return 0.0;
            }
            let mut links = 0usize;
            for (i, &a) in adj[v].iter().enumerate() {
                for &b in &adj[v][i + 1..] {
                    if adj[a].binary_search(&b).is_ok() {
                        links += 1;
                    }
                }
            }
            2.0 * links as f64 / (d * (d - 1)) as f64
        })
        .collect()
}
