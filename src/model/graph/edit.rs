//! Keeping the index of a `KnowledgeGraph` in step with one change of its data at a time, at
//! the cost of what changed: no rebuild, no re-hash of every id.
//!
//! These are the unchecked primitives under `commands::Document::apply`: they refuse only what
//! would leave the index wrong (a duplicate id, a missing endpoint, a node that still has
//! edges), and the user-facing checks live in `commands::edit`. Inserting or removing in the
//! middle of `data.nodes` / `data.edges` shifts later positions: that is one memmove of the
//! vector plus one pass renumbering the graph weights after it.

use super::{EdgeIx, KnowledgeGraph, NodeIx};
use crate::model::{Edge, Node};
use petgraph::Direction;
use petgraph::visit::EdgeRef;
use std::hash::BuildHasher;

/// What `replace_edge` did to the graph.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeReplaced {
    pub before: Edge,
    /// The graph edge of the old value (removed when the endpoints changed).
    pub old: EdgeIx,
    /// The graph edge of the new value; equal to `old` when only its fields changed.
    pub new: EdgeIx,
}

impl KnowledgeGraph {
    /// Replace the declared vocabulary (a restyle); the drawing vocabulary follows.
    pub fn set_vocabulary(&mut self, vocabulary: Option<Box<super::super::Vocabulary>>) {
        self.data.vocabulary = vocabulary;
        self.vocab = super::super::Vocabulary::for_dataset(&self.data);
    }

    fn editable(&self) -> Result<(), String> {
        if self.regular {
            Ok(())
        } else {
            Err("the graph has duplicate ids or dangling edges; it must be rebuilt".into())
        }
    }

    /// Data positions of the edges of `ix` (either direction), ascending.
    pub fn edges_of(&self, ix: NodeIx) -> Vec<usize> {
        let mut out: Vec<usize> = [Direction::Outgoing, Direction::Incoming]
            .into_iter()
            .flat_map(|d| self.graph.edges_directed(ix, d).map(|e| *e.weight()))
            .collect();
        out.sort_unstable();
        // A self-loop is both outgoing and incoming.
        out.dedup();
        out
    }

    /// Insert `node` at position `index` of `data.nodes`.
    pub fn insert_node(&mut self, index: usize, node: Node) -> Result<NodeIx, String> {
        self.editable()?;
        if index > self.data.nodes.len() {
            return Err(format!("cannot insert node at {index}"));
        }
        if self.node_ix(&node.id).is_some() {
            return Err(format!("there is already a node with id \"{}\"", node.id));
        }
        let hash = self.hasher.hash_one(node.id.as_str());
        self.data.nodes.insert(index, node);
        let ix = self.graph.add_node(index);
        self.node_at.insert(index, ix);
        self.renumber_nodes(index + 1);
        self.index_id(hash, ix);
        Ok(ix)
    }

    /// Remove the node at position `index` of `data.nodes`; it must have no edges left.
    pub fn remove_node(&mut self, index: usize) -> Result<(NodeIx, Node), String> {
        self.editable()?;
        let ix = self
            .node_at(index)
            .ok_or_else(|| format!("no node at {index}"))?;
        if self.graph.neighbors_undirected(ix).next().is_some() {
            return Err(format!(
                "node {} still has edges",
                self.data.nodes[index].id
            ));
        }
        self.unindex_id(ix);
        self.graph.remove_node(ix);
        self.node_at.remove(index);
        let node = self.data.nodes.remove(index);
        self.renumber_nodes(index);
        Ok((ix, node))
    }

    /// Replace the node at position `index`. A changed id is carried over to its edges, which
    /// are returned (their `from` / `to` changed).
    pub fn replace_node(
        &mut self,
        index: usize,
        node: Node,
    ) -> Result<(NodeIx, Node, Vec<EdgeIx>), String> {
        self.editable()?;
        let ix = self
            .node_at(index)
            .ok_or_else(|| format!("no node at {index}"))?;
        let old_id = self.data.nodes[index].id.clone();
        let renaming = old_id != node.id;
        let mut renamed = Vec::new();
        if renaming {
            if self.node_ix(&node.id).is_some() {
                return Err(format!("there is already a node with id \"{}\"", node.id));
            }
            self.unindex_id(ix);
            for d in [Direction::Outgoing, Direction::Incoming] {
                let edges: Vec<(EdgeIx, usize)> = self
                    .graph
                    .edges_directed(ix, d)
                    .map(|e| (e.id(), *e.weight()))
                    .collect();
                for (e, at) in edges {
                    let edge = &mut self.data.edges[at];
                    if edge.from == old_id {
                        edge.from = node.id.clone();
                    }
                    if edge.to == old_id {
                        edge.to = node.id.clone();
                    }
                    renamed.push(e);
                }
            }
            renamed.sort_unstable();
            renamed.dedup();
        }
        let hash = self.hasher.hash_one(node.id.as_str());
        let before = std::mem::replace(&mut self.data.nodes[index], node);
        if renaming {
            self.index_id(hash, ix);
        }
        Ok((ix, before, renamed))
    }

    /// Insert `edge` at position `index` of `data.edges`; both endpoints must exist.
    pub fn insert_edge(&mut self, index: usize, edge: Edge) -> Result<EdgeIx, String> {
        self.editable()?;
        if index > self.data.edges.len() {
            return Err(format!("cannot insert edge at {index}"));
        }
        let (a, b) = self.endpoints(&edge)?;
        self.data.edges.insert(index, edge);
        let e = self.graph.add_edge(a, b, index);
        self.edge_at.insert(index, Some(e));
        self.renumber_edges(index + 1);
        Ok(e)
    }

    /// Remove the edge at position `index` of `data.edges`.
    pub fn remove_edge(&mut self, index: usize) -> Result<(EdgeIx, Edge), String> {
        self.editable()?;
        let e = self
            .edge_at(index)
            .ok_or_else(|| format!("no edge at {index}"))?;
        self.graph.remove_edge(e);
        self.edge_at.remove(index);
        let edge = self.data.edges.remove(index);
        self.renumber_edges(index);
        Ok((e, edge))
    }

    /// Remove the edges at positions `indices` (ascending, distinct) in one pass over the edge
    /// list: deleting a node with a thousand edges moves the list once, not a thousand times.
    /// Graph edges are removed last position first, as one-by-one removal from the back would,
    /// so that re-inserting them in ascending order gives back the same indices.
    pub fn remove_edges(&mut self, indices: &[usize]) -> Result<Vec<EdgeIx>, String> {
        self.editable()?;
        if !indices.windows(2).all(|w| w[0] < w[1]) {
            return Err("edges to remove are not in ascending order".into());
        }
        let mut removed = Vec::with_capacity(indices.len());
        for &i in indices.iter().rev() {
            removed.push(self.edge_at(i).ok_or_else(|| format!("no edge at {i}"))?);
        }
        for &e in &removed {
            self.graph.remove_edge(e);
        }
        removed.reverse();
        let Some(&first) = indices.first() else {
            return Ok(removed);
        };
        drop_positions(&mut self.data.edges, indices);
        drop_positions(&mut self.edge_at, indices);
        self.renumber_edges(first);
        Ok(removed)
    }

    /// Insert edges at final positions `items[k].0` (strictly ascending, as one-by-one inserts
    /// in that order would place them) in one pass over the edge list. Nothing changes when an
    /// endpoint is missing or a position is out of range.
    pub fn insert_edges(&mut self, items: Vec<(usize, Edge)>) -> Result<Vec<EdgeIx>, String> {
        self.editable()?;
        let len = self.data.edges.len();
        if !items.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err("edges to insert are not in ascending order".into());
        }
        let mut ends = Vec::with_capacity(items.len());
        for (k, (i, e)) in items.iter().enumerate() {
            if *i > len + k {
                return Err(format!("cannot insert edge at {i}"));
            }
            ends.push(self.endpoints(e)?);
        }
        let Some((first, placeholder)) = items.first().map(|(i, e)| (*i, e.clone())) else {
            return Ok(Vec::new());
        };
        let added: Vec<EdgeIx> = items
            .iter()
            .zip(&ends)
            .map(|((i, _), &(a, b))| self.graph.add_edge(a, b, *i))
            .collect();
        let positions: Vec<usize> = items.iter().map(|(i, _)| *i).collect();
        open_positions(&mut self.data.edges, &positions, placeholder);
        open_positions(&mut self.edge_at, &positions, None);
        for ((i, edge), e) in items.into_iter().zip(added.iter().copied()) {
            self.data.edges[i] = edge;
            self.edge_at[i] = Some(e);
        }
        self.renumber_edges(first);
        Ok(added)
    }

    /// Replace the edge at position `index`. New endpoints mean a new graph edge (petgraph
    /// cannot move one), which reuses the slot just freed.
    pub fn replace_edge(&mut self, index: usize, edge: Edge) -> Result<EdgeReplaced, String> {
        self.editable()?;
        let old = self
            .edge_at(index)
            .ok_or_else(|| format!("no edge at {index}"))?;
        let (a, b) = self.endpoints(&edge)?;
        let same_ends = self.graph.edge_endpoints(old) == Some((a, b));
        let before = std::mem::replace(&mut self.data.edges[index], edge);
        let new = if same_ends {
            old
        } else {
            self.graph.remove_edge(old);
            let new = self.graph.add_edge(a, b, index);
            self.edge_at[index] = Some(new);
            new
        };
        Ok(EdgeReplaced { before, old, new })
    }

    fn endpoints(&self, edge: &Edge) -> Result<(NodeIx, NodeIx), String> {
        let find = |id: &str| {
            self.node_ix(id)
                .ok_or_else(|| format!("no node with id \"{id}\""))
        };
        Ok((find(&edge.from)?, find(&edge.to)?))
    }

    /// Graph weights from data position `from` on, after an insert or removal shifted them.
    fn renumber_nodes(&mut self, from: usize) {
        for (at, &ix) in self.node_at.iter().enumerate().skip(from) {
            self.graph[ix] = at;
        }
    }

    fn renumber_edges(&mut self, from: usize) {
        for (at, e) in self.edge_at.iter().enumerate().skip(from) {
            if let Some(e) = *e {
                self.graph[e] = at;
            }
        }
    }

    /// Add graph node `ix` to the id index; its id is already in `data` and not yet indexed.
    fn index_id(&mut self, hash: u64, ix: NodeIx) {
        let (graph, nodes, hasher) = (&self.graph, &self.data.nodes, &self.hasher);
        let id_of = |j: u32| {
            graph
                .node_weight(NodeIx::new(j as usize))
                .and_then(|&at| nodes.get(at))
                .map_or("", |n| n.id.as_str())
        };
        self.ids
            .insert_unique(hash, ix.index() as u32, |&j| hasher.hash_one(id_of(j)));
    }

    /// Drop graph node `ix` from the id index while its id is still in `data`.
    fn unindex_id(&mut self, ix: NodeIx) {
        let Some(id) = self.id_of(ix.index() as u32).map(str::to_owned) else {
            return;
        };
        let hash = self.hasher.hash_one(id.as_str());
        let target = ix.index() as u32;
        if let Ok(entry) = self.ids.find_entry(hash, |&j| j == target) {
            entry.remove();
        }
    }
}

/// Remove the elements at `positions` (ascending, in range) from `v` in one pass.
// (`rotate_left` per run measured four times slower: elements of the edge list are too big
// for its buffered path.)
fn drop_positions<T>(v: &mut Vec<T>, positions: &[usize]) {
    let mut at = 0;
    let mut next = positions.iter().peekable();
    v.retain(|_| {
        let drop = next.next_if(|&&p| p == at).is_some();
        at += 1;
        !drop
    });
}

/// Make room at final positions `positions` (strictly ascending, each at most the length
/// plus the number before it), holding `fill` or a moved-out leftover until the caller writes
/// them: one pass from the back, each element moved once.
fn open_positions<T: Clone>(v: &mut Vec<T>, positions: &[usize], fill: T) {
    let Some(&first) = positions.first() else {
        return;
    };
    let len = v.len();
    v.resize(len + positions.len(), fill);
    let mut old = len;
    let mut free = positions.iter().rev().peekable();
    for w in (first..v.len()).rev() {
        if free.next_if(|&&p| p == w).is_none() {
            old -= 1;
            v.swap(old, w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{drop_positions, open_positions};

    #[test]
    fn block_moves_match_one_by_one_removal_and_insertion() {
        // Every subset of positions of a 7-element list.
        for mask in 0u32..(1 << 7) {
            let positions: Vec<usize> = (0..7).filter(|i| mask & (1 << i) != 0).collect();
            let mut v: Vec<u32> = (0..7).collect();
            let mut one_by_one = v.clone();
            for &p in positions.iter().rev() {
                one_by_one.remove(p);
            }
            drop_positions(&mut v, &positions);
            assert_eq!(v, one_by_one, "drop {positions:?}");

            let base: Vec<u32> = (0..7 - positions.len() as u32).collect();
            let mut expected = base.clone();
            for &p in &positions {
                expected.insert(p, 100 + p as u32);
            }
            let mut v = base;
            open_positions(&mut v, &positions, 0);
            for &p in &positions {
                v[p] = 100 + p as u32;
            }
            assert_eq!(v, expected, "open {positions:?}");
        }
    }
}
