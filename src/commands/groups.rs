//! Requests about groups (meta-nodes): how to group, collapse and expand, groups made by hand.
//! Applied by the app (`app/groups.rs`); the grouping itself is `analysis::groups`.

use crate::io::groups::GroupBy;

#[derive(Clone, Debug, PartialEq)]
pub enum GroupCommand {
    /// Group the visible graph automatically (`None`: no automatic grouping).
    By(Option<GroupBy>),
    /// Collapse or expand the group with this key.
    Toggle(String),
    CollapseAll,
    ExpandAll,
    /// Make a group of the selected nodes (Ctrl+G), collapsed.
    FromSelection,
    /// Remove the hand-made group of the selected node, or else the automatic grouping.
    Ungroup,
    /// Collapse the innermost group of the selected node, or expand the selected meta-node.
    ToggleSelected,
}
