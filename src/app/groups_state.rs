//! The grouping of the screen as view state: what is grouped and collapsed, the projection,
//! where members stood before their group collapsed. Changed only by `app/groups.rs`.

use crate::analysis::groups::{Grouping, Projection};
use crate::io::groups::GroupState;
use crate::model::NodeIx;
use std::collections::HashMap;
use std::path::PathBuf;

/// The grouping of the screen (view state; the hand groups in it are saved in the sidecar).
#[derive(Default)]
pub(crate) struct GroupsView {
    pub state: GroupState,
    pub grouping: Grouping,
    pub projection: Projection,
    /// Where members stood when their group collapsed, to return there on expand.
    pub remembered: HashMap<NodeIx, [f32; 2]>,
    /// `NAME.groups.ron` of the open file.
    pub path: Option<PathBuf>,
    /// Meta-nodes highlighted for search hits inside them (to notice a change).
    pub hit_reps: Vec<NodeIx>,
    /// The shipped graph opened at startup: without a groups sidecar, start with the grouping
    /// of the briefing's first view (its overview).
    pub first_picture: bool,
}

impl GroupsView {
    pub(super) fn collapsed_mask(&self, grouping: &Grouping) -> Vec<bool> {
        crate::view::group_fold::collapsed_mask(grouping, &self.state)
    }

    /// The group a selected node stands for: the meta-node's group, else its innermost one.
    pub(super) fn group_at(&self, ix: NodeIx) -> Option<usize> {
        match self.projection.meta(ix) {
            Some(m) => Some(m.group),
            None => self.grouping.group_of(ix),
        }
    }
}
