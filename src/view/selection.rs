//! What the user selected: nodes, an edge, and the node selected first. View state, never
//! saved inside the graph data.

use crate::model::{EdgeIx, NodeIx};
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub nodes: BTreeSet<NodeIx>,
    pub edge: Option<EdgeIx>,
    /// The node selected first (paths go from it to the other selected node).
    pub anchor: Option<NodeIx>,
}
