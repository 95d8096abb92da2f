//! Keyboard navigation on the canvas: which node an arrow key or Tab moves the focus to.
//! Pure geometry over node positions (world coordinates, y pointing down as on screen), so it
//! is tested without egui.

use crate::analysis::Visible;
use crate::model::{KnowledgeGraph, NodeIx};

/// An arrow key's direction on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    fn unit(self) -> [f32; 2] {
        match self {
            Direction::Left => [-1.0, 0.0],
            Direction::Right => [1.0, 0.0],
            Direction::Up => [0.0, -1.0],
            Direction::Down => [0.0, 1.0],
        }
    }
}

/// How far `to` lies from `from` in direction `dir`: `Some((along, across))` when it is ahead
/// (along > 0). Inside the 90° cone of the arrow when `across <= along`.
fn offset(xy: &[[f32; 2]], from: NodeIx, to: NodeIx, dir: Direction) -> Option<(f32, f32)> {
    let (a, b) = (xy.get(from.index())?, xy.get(to.index())?);
    let d = [b[0] - a[0], b[1] - a[1]];
    let u = dir.unit();
    let along = d[0] * u[0] + d[1] * u[1];
    let across = (d[0] * u[1] - d[1] * u[0]).abs();
    (along > 1e-6).then_some((along, across))
}

/// Closer and straighter ahead is better: a node off to the side counts as farther.
fn score((along, across): (f32, f32)) -> f32 {
    along + 2.0 * across
}

/// The node an arrow key moves the focus to from `from`: the best visible graph neighbour
/// within the arrow's 90° cone; else the best visible node in that cone; else the best one
/// anywhere ahead. `None` when nothing lies in that direction.
pub fn step(
    kg: &KnowledgeGraph,
    xy: &[[f32; 2]],
    visible: &Visible,
    from: NodeIx,
    dir: Direction,
) -> Option<NodeIx> {
    let best = |cands: &mut dyn Iterator<Item = NodeIx>, cone: bool| {
        cands
            .filter(|&n| n != from && visible.node(n))
            .filter_map(|n| offset(xy, from, n, dir).map(|o| (n, o)))
            .filter(|(_, (along, across))| !cone || across <= along)
            .min_by(|(na, a), (nb, b)| score(*a).total_cmp(&score(*b)).then(na.cmp(nb)))
            .map(|(n, _)| n)
    };
    best(&mut kg.graph.neighbors_undirected(from), true)
        .or_else(|| best(&mut kg.node_indices(), true))
        .or_else(|| best(&mut kg.node_indices(), false))
}

/// The visible neighbours of `node` in the order Tab walks them: by name (Chinese or English
/// first, as the interface reads), then by index, so the order does not change while the
/// layout moves nodes.
pub fn neighbours_in_order(
    kg: &KnowledgeGraph,
    visible: &Visible,
    node: NodeIx,
    zh_first: bool,
) -> Vec<NodeIx> {
    let mut out: Vec<NodeIx> = kg
        .graph
        .neighbors_undirected(node)
        .filter(|&n| n != node && visible.node(n))
        .collect();
    out.sort_by(|a, b| {
        let (na, nb) = (kg.node(*a), kg.node(*b));
        na.display_name(zh_first)
            .cmp(nb.display_name(zh_first))
            .then(a.cmp(b))
    });
    out.dedup();
    out
}

/// The next (or previous) node of a Tab walk around `pivot`, from the focused node `current`.
/// Starts at the first (or last) neighbour when `current` is not one of them.
pub fn tab_step(order: &[NodeIx], current: Option<NodeIx>, forward: bool) -> Option<NodeIx> {
    let n = order.len();
    if n == 0 {
        return None;
    }
    let at = current.and_then(|c| order.iter().position(|x| *x == c));
    let i = match (at, forward) {
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
        (None, true) => 0,
        (None, false) => n - 1,
    };
    order.get(i).copied()
}

/// Where keyboard focus lands when the canvas gains it with no node focused: the selection's
/// first node, else the visible node nearest `center` (world coordinates).
pub fn entry_node(
    kg: &KnowledgeGraph,
    xy: &[[f32; 2]],
    visible: &Visible,
    selected: Option<NodeIx>,
    center: [f32; 2],
) -> Option<NodeIx> {
    selected.or_else(|| {
        kg.node_indices()
            .filter(|n| visible.node(*n))
            .filter_map(|n| {
                let p = xy.get(n.index())?;
                Some((n, (p[0] - center[0]).powi(2) + (p[1] - center[1]).powi(2)))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
            .map(|(n, _)| n)
    })
}

/// Keyboard focus on the canvas: view state, never saved and never exported.
#[derive(Clone, Debug, Default)]
pub struct KeyFocus {
    /// The focused node (its ring shows while the canvas has keyboard focus).
    pub node: Option<NodeIx>,
    /// The node whose neighbours Tab walks when nothing is selected (where the walk began).
    pub pivot: Option<NodeIx>,
    /// Expose the focused node's relations and citations to screen readers (until it moves).
    pub describe: bool,
    /// Moved by a key since the last pointer action: emphasised as hovering would.
    pub by_keyboard: bool,
    /// Give the canvas keyboard focus in the next frame.
    pub request: bool,
    /// Whether the canvas had keyboard focus in the last frame.
    pub has_focus: bool,
}

impl KeyFocus {
    /// Focus `node` by a key: a new node is described only when asked again.
    pub fn set(&mut self, node: NodeIx) {
        if self.node != Some(node) {
            self.describe = false;
        }
        self.node = Some(node);
        self.by_keyboard = true;
    }

    pub fn clear(&mut self) {
        self.node = None;
        self.pivot = None;
        self.describe = false;
        self.by_keyboard = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_walks_around_and_starts_at_either_end() {
        let order: Vec<NodeIx> = [4, 7, 9].map(NodeIx::new).into();
        assert_eq!(tab_step(&order, None, true), Some(order[0]));
        assert_eq!(tab_step(&order, None, false), Some(order[2]));
        assert_eq!(tab_step(&order, Some(order[2]), true), Some(order[0]));
        assert_eq!(tab_step(&order, Some(order[0]), false), Some(order[2]));
        assert_eq!(tab_step(&order, Some(NodeIx::new(1)), true), Some(order[0]));
        assert_eq!(tab_step(&[], Some(order[0]), true), None);
    }

    #[test]
    fn only_nodes_ahead_count_and_the_cone_is_ninety_degrees() {
        let xy = [[0.0, 0.0], [10.0, 9.0], [10.0, 11.0], [-5.0, 0.0]];
        let (o, n) = (NodeIx::new(0), NodeIx::new);
        let right = |i| offset(&xy, o, n(i), Direction::Right);
        assert!(
            right(1).is_some_and(|(a, c)| c <= a),
            "45° off: in the cone"
        );
        assert!(right(2).is_some_and(|(a, c)| c > a), "beyond 45°: outside");
        assert_eq!(right(3), None, "behind");
        assert_eq!(
            offset(&xy, o, n(1), Direction::Up),
            None,
            "y grows downwards"
        );
    }
}
