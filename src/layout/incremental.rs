//! Incremental layout: what changed between two layout graphs over the same node indices, so
//! that after a filter change or an edit only the affected neighbourhood moves.

use super::LayoutGraph;

/// Nodes whose participation changed (shown or hidden) plus the live endpoints of every edge
/// present in one graph and not the other. Both graphs use the same node indices; a node beyond
/// the shorter graph counts as inactive there. Sorted, without repeats.
pub fn changed_between(old: &LayoutGraph, new: &LayoutGraph) -> Vec<usize> {
    let n = old.len().max(new.len());
    let on = |g: &LayoutGraph, i: usize| g.active.get(i).copied().unwrap_or(false);
    let mut changed: Vec<bool> = (0..n).map(|i| on(old, i) != on(new, i)).collect();
    let key = |&(a, b, _): &(u32, u32, f32)| (a.min(b), a.max(b));
    let mut a: Vec<(u32, u32)> = old.edges.iter().map(key).collect();
    let mut b: Vec<(u32, u32)> = new.edges.iter().map(key).collect();
    a.sort_unstable();
    b.sort_unstable();
    // Merge the two sorted lists: an edge on one side only (counting parallel edges) is a change.
    let (mut i, mut j) = (0, 0);
    let mut mark = |(u, v): (u32, u32)| {
        for w in [u as usize, v as usize] {
            if w < n {
                changed[w] = true;
            }
        }
    };
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                mark(*x);
                i += 1;
            }
            (Some(_), Some(y)) => {
                mark(*y);
                j += 1;
            }
            (Some(x), None) => {
                mark(*x);
                i += 1;
            }
            (None, Some(y)) => {
                mark(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    (0..n).filter(|&i| changed[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_graph_has_no_changes() {
        let g = LayoutGraph::full(4, [(0, 1), (1, 2), (2, 3)]);
        assert!(changed_between(&g, &g.clone()).is_empty());
    }

    #[test]
    fn hidden_node_and_its_neighbours_change() {
        let old = LayoutGraph::full(5, [(0, 1), (1, 2), (2, 3), (3, 4)]);
        let mut active = vec![true; 5];
        active[2] = false;
        let new = LayoutGraph::new(5, active, [(0, 1), (1, 2), (2, 3), (3, 4)]);
        assert_eq!(changed_between(&old, &new), vec![1, 2, 3]);
    }

    #[test]
    fn a_new_edge_marks_its_ends_and_direction_does_not_matter() {
        let old = LayoutGraph::full(4, [(0, 1), (2, 3)]);
        let new = LayoutGraph::full(4, [(1, 0), (2, 3), (0, 3)]);
        assert_eq!(changed_between(&old, &new), vec![0, 3]);
    }

    #[test]
    fn a_second_parallel_edge_is_a_change() {
        let old = LayoutGraph::full(3, [(0, 1)]);
        let new = LayoutGraph::full(3, [(0, 1), (0, 1)]);
        assert_eq!(changed_between(&old, &new), vec![0, 1]);
    }

    #[test]
    fn a_longer_graph_counts_its_extra_nodes_as_shown() {
        let old = LayoutGraph::full(2, [(0, 1)]);
        let new = LayoutGraph::full(3, [(0, 1), (1, 2)]);
        assert_eq!(changed_between(&old, &new), vec![1, 2]);
    }
}
