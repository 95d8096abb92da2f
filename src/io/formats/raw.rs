//! A format-neutral graph of string attributes: every parser produces one and every writer reads
//! one, so the mapping onto the Atlas schema (`schema.rs`) is written once.

use std::collections::{BTreeMap, HashMap};

pub type Attrs = BTreeMap<String, String>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawNode {
    pub id: String,
    pub attrs: Attrs,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawEdge {
    pub from: String,
    pub to: String,
    pub attrs: Attrs,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawGraph {
    pub directed: bool,
    pub attrs: Attrs,
    pub nodes: Vec<RawNode>,
    pub edges: Vec<RawEdge>,
    /// Things the reader skipped or changed (hyperedges, duplicate ids, …), for the user.
    pub warnings: Vec<String>,
}

/// Builds a [`RawGraph`] while parsing: a node declared twice (DOT does this routinely, other
/// formats by mistake) is merged into one, later attributes winning.
#[derive(Debug, Default)]
pub struct Builder {
    pub graph: RawGraph,
    index: HashMap<String, usize>,
    duplicates: usize,
}

impl Builder {
    pub fn new(directed: bool) -> Self {
        Builder {
            graph: RawGraph {
                directed,
                ..RawGraph::default()
            },
            ..Builder::default()
        }
    }

    pub fn has_node(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// The node `id`, created if new. `declared` counts a second declaration as a duplicate.
    pub fn node(&mut self, id: &str, declared: bool) -> &mut RawNode {
        let ix = match self.index.get(id) {
            Some(&ix) => {
                if declared {
                    self.duplicates += 1;
                }
                ix
            }
            None => {
                self.graph.nodes.push(RawNode {
                    id: id.to_string(),
                    attrs: Attrs::new(),
                });
                self.index
                    .insert(id.to_string(), self.graph.nodes.len() - 1);
                self.graph.nodes.len() - 1
            }
        };
        &mut self.graph.nodes[ix]
    }

    pub fn node_at(&mut self, ix: usize) -> &mut RawNode {
        &mut self.graph.nodes[ix]
    }

    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn edge(&mut self, from: &str, to: &str) -> &mut RawEdge {
        self.graph.edges.push(RawEdge {
            from: from.to_string(),
            to: to.to_string(),
            attrs: Attrs::new(),
        });
        let last = self.graph.edges.len() - 1;
        &mut self.graph.edges[last]
    }

    pub fn warn(&mut self, w: impl Into<String>) {
        self.graph.warnings.push(w.into());
    }

    pub fn len(&self) -> usize {
        self.graph.nodes.len() + self.graph.edges.len()
    }

    pub fn finish(mut self) -> RawGraph {
        if self.duplicates > 0 {
            self.graph.warnings.push(format!(
                "{} node declaration(s) repeat an id already declared; their attributes were merged",
                self.duplicates
            ));
        }
        self.graph
    }
}
