//! The view of a graph a layout engine needs: dense node indices, which nodes take part, edges.

/// Node `i` of a layout graph is node `i` of the caller's graph (dense indices).
#[derive(Clone, Debug, Default)]
pub struct LayoutGraph {
    /// Nodes that take part in the layout (hidden nodes are left where they are).
    pub active: Vec<bool>,
    /// Undirected view of the edges between active nodes, with weights.
    pub edges: Vec<(u32, u32, f32)>,
    /// Degree among active nodes (self-loops excluded).
    pub degree: Vec<u32>,
}

impl LayoutGraph {
    pub fn new(n: usize, active: Vec<bool>, edges: impl IntoIterator<Item = (u32, u32)>) -> Self {
        debug_assert_eq!(active.len(), n);
        let mut degree = vec![0u32; n];
        let edges: Vec<(u32, u32, f32)> = edges
            .into_iter()
            .filter(|&(a, b)| {
                a != b
                    && (a as usize) < n
                    && (b as usize) < n
                    && active[a as usize]
                    && active[b as usize]
            })
            .map(|(a, b)| {
                degree[a as usize] += 1;
                degree[b as usize] += 1;
                (a, b, 1.0)
            })
            .collect();
        LayoutGraph {
            active,
            edges,
            degree,
        }
    }

    /// All `n` nodes active.
    pub fn full(n: usize, edges: impl IntoIterator<Item = (u32, u32)>) -> Self {
        Self::new(n, vec![true; n], edges)
    }

    pub fn len(&self) -> usize {
        self.active.len()
    }

    pub fn is_empty(&self) -> bool {
        self.active.is_empty()
    }
}

impl LayoutGraph {
    /// This graph re-indexed: node `i` becomes `to_new[i]` (or drops out with its edges) in a
    /// graph of `n` nodes. Also returns the surviving neighbours of dropped nodes, which lose
    /// edges that the re-indexed graph can no longer show.
    pub fn remapped(&self, to_new: &[Option<usize>], n: usize) -> (LayoutGraph, Vec<usize>) {
        let map = |i: u32| to_new.get(i as usize).copied().flatten().filter(|&j| j < n);
        let mut active = vec![false; n];
        for (i, &a) in self.active.iter().enumerate() {
            if let (true, Some(j)) = (a, map(i as u32)) {
                active[j] = true;
            }
        }
        let mut touched = Vec::new();
        let mut edges = Vec::with_capacity(self.edges.len());
        for &(a, b, _) in &self.edges {
            match (map(a), map(b)) {
                (Some(x), Some(y)) => edges.push((x as u32, y as u32)),
                (Some(x), None) | (None, Some(x)) => touched.push(x),
                (None, None) => {}
            }
        }
        (LayoutGraph::new(n, active, edges), touched)
    }
}
