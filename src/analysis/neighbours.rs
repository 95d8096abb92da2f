//! A node's neighbours, grouped by relation and direction, as the inspector lists them.

use crate::model::{EdgeIx, KnowledgeGraph, NodeIx, Relation};
use petgraph::Direction;
use petgraph::visit::EdgeRef;

#[derive(Clone, Debug, PartialEq)]
pub struct NeighbourGroup {
    pub relation: Relation,
    /// `Outgoing`: this node is the edge's `from`.
    pub direction: Direction,
    pub items: Vec<(EdgeIx, NodeIx)>,
}

/// Neighbours grouped by (relation, direction); groups and items in a stable order.
pub fn neighbour_groups(kg: &KnowledgeGraph, node: NodeIx) -> Vec<NeighbourGroup> {
    let mut groups: Vec<NeighbourGroup> = Vec::new();
    for direction in [Direction::Outgoing, Direction::Incoming] {
        for e in kg.graph.edges_directed(node, direction) {
            let other = if direction == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            let rel = &kg.edge(e.id()).rel;
            match groups
                .iter_mut()
                .find(|g| &g.relation == rel && g.direction == direction)
            {
                Some(g) => g.items.push((e.id(), other)),
                None => groups.push(NeighbourGroup {
                    relation: rel.clone(),
                    direction,
                    items: vec![(e.id(), other)],
                }),
            }
        }
    }
    for g in &mut groups {
        g.items.sort_by_key(|(e, _)| *e);
    }
    let vocab = kg.vocab();
    groups.sort_by_key(|g| {
        (
            g.direction == Direction::Incoming,
            vocab.relation_order(&g.relation),
        )
    });
    groups
}

/// Nodes adjacent to `node` in either direction.
pub fn neighbours(kg: &KnowledgeGraph, node: NodeIx) -> impl Iterator<Item = NodeIx> + '_ {
    kg.graph.neighbors_undirected(node)
}
