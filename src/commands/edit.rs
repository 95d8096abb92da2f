//! Undoable edits of a `Dataset`: each has an exact inverse, and is checked before it is applied
//! so that duplicate ids or dangling references are refused with a clear message.

use crate::i18n::{Arg, t, t_args};
use crate::io::views::Views;
use crate::model::{Dataset, Edge, Node, Source};
use crate::model::{Kind, KindStyle, Vocabulary};

/// One node moved by the user (positions live in the sidecar, not in the dataset).
#[derive(Clone, Debug, PartialEq)]
pub struct NodeMove {
    pub id: String,
    pub from: [f32; 2],
    pub to: [f32; 2],
    pub pinned_before: bool,
    pub pinned_after: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    InsertNode {
        index: usize,
        node: Node,
    },
    /// Deleting a node deletes its edges too; they are kept (with their indices) for undo.
    DeleteNode {
        index: usize,
        node: Node,
        edges: Vec<(usize, Edge)>,
    },
    /// Replace every field of a node. A changed id is carried over to the edges that use it.
    ReplaceNode {
        index: usize,
        before: Node,
        after: Node,
    },
    InsertEdge {
        index: usize,
        edge: Edge,
    },
    DeleteEdge {
        index: usize,
        edge: Edge,
    },
    ReplaceEdge {
        index: usize,
        before: Edge,
        after: Edge,
    },
    /// Node moves; applied to positions by the app, recorded here so a drag is one undo step.
    Move(Vec<NodeMove>),
    /// The saved views of the open file (tour order, names, captions, what each shows).
    /// Applied by the app, which writes the views file at once.
    Views {
        what: String,
        before: Box<Views>,
        after: Box<Views>,
    },
    /// A new colour or shape for a kind: the dataset's vocabulary before and after. A file
    /// that used the shipped vocabulary gets it written in (so saving keeps the change), and
    /// undo takes it out again. Made by [`set_kind_style`].
    SetKindStyle {
        kind: Kind,
        before: Option<Box<Vocabulary>>,
        after: Option<Box<Vocabulary>>,
    },
    /// A new source document; its text is written beside the data file when the file is saved.
    InsertSource {
        index: usize,
        source: Source,
    },
    /// A source nothing cites any more taken out (the text file on disk stays).
    DeleteSource {
        index: usize,
        source: Source,
    },
    Batch(Vec<Edit>),
}

impl Edit {
    pub fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::InsertNode { index, node } => Edit::DeleteNode {
                index,
                node,
                edges: Vec::new(),
            },
            Edit::DeleteNode { index, node, edges } => {
                let mut parts = vec![Edit::InsertNode { index, node }];
                parts.extend(
                    edges
                        .into_iter()
                        .map(|(index, edge)| Edit::InsertEdge { index, edge }),
                );
                Edit::Batch(parts)
            }
            Edit::ReplaceNode {
                index,
                before,
                after,
            } => Edit::ReplaceNode {
                index,
                before: after,
                after: before,
            },
            Edit::InsertEdge { index, edge } => Edit::DeleteEdge { index, edge },
            Edit::DeleteEdge { index, edge } => Edit::InsertEdge { index, edge },
            Edit::ReplaceEdge {
                index,
                before,
                after,
            } => Edit::ReplaceEdge {
                index,
                before: after,
                after: before,
            },
            Edit::Move(moves) => Edit::Move(
                moves
                    .into_iter()
                    .map(|m| NodeMove {
                        id: m.id,
                        from: m.to,
                        to: m.from,
                        pinned_before: m.pinned_after,
                        pinned_after: m.pinned_before,
                    })
                    .collect(),
            ),
            Edit::Views {
                what,
                before,
                after,
            } => Edit::Views {
                what,
                before: after,
                after: before,
            },
            Edit::SetKindStyle {
                kind,
                before,
                after,
            } => Edit::SetKindStyle {
                kind,
                before: after,
                after: before,
            },
            Edit::InsertSource { index, source } => Edit::DeleteSource { index, source },
            Edit::DeleteSource { index, source } => Edit::InsertSource { index, source },
            Edit::Batch(parts) => Edit::Batch(parts.iter().rev().map(Edit::inverse).collect()),
        }
    }

    /// A short description for the Edit menu ("Undo rename …").
    pub fn describe(&self) -> String {
        match self {
            Edit::InsertNode { node, .. } => {
                t_args("edit-add-node", &[("id", node.id.as_str().into())])
            }
            Edit::DeleteNode { node, .. } => {
                t_args("edit-delete-node", &[("id", node.id.as_str().into())])
            }
            Edit::ReplaceNode { after, .. } => {
                t_args("edit-edit-node", &[("id", after.id.as_str().into())])
            }
            Edit::InsertEdge { edge, .. } => t_args("edit-add-edge", &ends(&edge.from, &edge.to)),
            Edit::DeleteEdge { edge, .. } => {
                t_args("edit-delete-edge", &ends(&edge.from, &edge.to))
            }
            Edit::ReplaceEdge { after, .. } => {
                t_args("edit-edit-edge", &ends(&after.from, &after.to))
            }
            Edit::Move(m) if m.len() == 1 => {
                t_args("edit-move-node", &[("id", m[0].id.as_str().into())])
            }
            Edit::Move(m) => t_args("edit-move-nodes", &[("count", m.len().into())]),
            Edit::Views { what, .. } => what.clone(),
            Edit::SetKindStyle { kind, .. } => {
                t_args("edit-restyle-kind", &[("kind", kind.ident().into())])
            }
            Edit::InsertSource { source, .. } => {
                t_args("edit-add-source", &[("id", source.id.as_str().into())])
            }
            Edit::DeleteSource { source, .. } => {
                t_args("edit-remove-source", &[("id", source.id.as_str().into())])
            }
            Edit::Batch(parts) => match parts.first() {
                Some(p) if parts.len() == 1 => p.describe(),
                _ => t_args("edit-batch", &[("count", parts.len().into())]),
            },
        }
    }

    pub fn touches_data(&self) -> bool {
        match self {
            Edit::Move(_) | Edit::Views { .. } => false,
            Edit::Batch(parts) => parts.iter().any(Edit::touches_data),
            _ => true,
        }
    }

    /// Whether the edit is written to disk as it is applied (views are), so that it never
    /// leaves unsaved changes behind.
    pub fn saved_at_once(&self) -> bool {
        match self {
            Edit::Views { .. } => true,
            Edit::Batch(parts) => parts.iter().all(Edit::saved_at_once),
            _ => false,
        }
    }

    /// Apply to `data`, or refuse (leaving `data` unchanged) with a message for the user.
    pub fn apply(&self, data: &mut Dataset) -> Result<(), String> {
        let mut scratch = None;
        // Batches are checked on a copy so that a failing part leaves nothing half-done.
        let target = if matches!(self, Edit::Batch(_)) {
            scratch.insert(data.clone())
        } else {
            &mut *data
        };
        self.apply_in_place(target)?;
        if let Some(done) = scratch {
            *data = done;
        }
        Ok(())
    }

    fn apply_in_place(&self, data: &mut Dataset) -> Result<(), String> {
        if let Edit::Batch(parts) = self {
            for p in parts {
                p.apply_in_place(data)?;
            }
            return Ok(());
        }
        self.check(data)?;
        match self {
            Edit::InsertNode { index, node } => data.nodes.insert(*index, node.clone()),
            Edit::DeleteNode { index, edges, .. } => {
                for (i, _) in edges.iter().rev() {
                    data.edges.remove(*i);
                }
                data.nodes.remove(*index);
            }
            Edit::ReplaceNode {
                index,
                before,
                after,
            } => {
                if before.id != after.id {
                    for e in &mut data.edges {
                        if e.from == before.id {
                            e.from = after.id.clone();
                        }
                        if e.to == before.id {
                            e.to = after.id.clone();
                        }
                    }
                }
                data.nodes[*index] = after.clone();
            }
            Edit::InsertEdge { index, edge } => data.edges.insert(*index, edge.clone()),
            Edit::DeleteEdge { index, .. } => {
                data.edges.remove(*index);
            }
            Edit::ReplaceEdge { index, after, .. } => data.edges[*index] = after.clone(),
            Edit::SetKindStyle { after, .. } => data.vocabulary = after.clone(),
            Edit::InsertSource { index, source } => data.sources.insert(*index, source.clone()),
            Edit::DeleteSource { index, .. } => {
                data.sources.remove(*index);
            }
            Edit::Move(_) | Edit::Views { .. } | Edit::Batch(_) => {}
        }
        Ok(())
    }

    /// Whether this edit (not a batch: its parts are checked one by one as they apply) may be
    /// applied to the data `look` indexes; the message says why not.
    pub fn check(&self, look: &impl Lookup) -> Result<(), String> {
        let data = look.data();
        match self {
            Edit::InsertNode { index, node } => {
                check_node(look, node, None)?;
                if *index > data.nodes.len() {
                    return Err(t_args("edit-err-node-index", &[("index", (*index).into())]));
                }
            }
            Edit::DeleteNode { index, node, edges } => {
                if data.nodes.get(*index) != Some(node) {
                    return Err(t_args(
                        "edit-err-node-moved",
                        &[("id", node.id.as_str().into())],
                    ));
                }
                // The edges recorded must be exactly the node's edges, removed from the back.
                let recorded: Vec<usize> = edges.iter().map(|(i, _)| *i).collect();
                if look.attached_edges(*index) != recorded {
                    return Err(t_args(
                        "edit-err-node-has-edges",
                        &[("id", node.id.as_str().into())],
                    ));
                }
            }
            Edit::ReplaceNode {
                index,
                before,
                after,
            } => {
                if data.nodes.get(*index) != Some(before) {
                    return Err(t_args(
                        "edit-err-node-changed",
                        &[("id", before.id.as_str().into())],
                    ));
                }
                check_node(look, after, Some(*index))?;
            }
            Edit::InsertEdge { index, edge } => {
                check_edge(look, edge)?;
                if *index > data.edges.len() {
                    return Err(t_args("edit-err-edge-index", &[("index", (*index).into())]));
                }
            }
            Edit::DeleteEdge { index, edge } => {
                if data.edges.get(*index) != Some(edge) {
                    return Err(t_args("edit-err-edge-moved", &ends(&edge.from, &edge.to)));
                }
            }
            Edit::ReplaceEdge {
                index,
                before,
                after,
            } => {
                if data.edges.get(*index) != Some(before) {
                    return Err(t_args(
                        "edit-err-edge-changed",
                        &ends(&before.from, &before.to),
                    ));
                }
                check_edge(look, after)?;
            }
            Edit::SetKindStyle { kind, before, .. } => {
                if data.vocabulary != *before {
                    return Err(t_args(
                        "edit-err-vocab-changed",
                        &[("kind", kind.ident().into())],
                    ));
                }
            }
            Edit::InsertSource { index, source } => check_new_source(data, *index, source)?,
            Edit::DeleteSource { index, source } => {
                if data.sources.get(*index) != Some(source) {
                    return Err(t_args(
                        "edit-err-source-moved",
                        &[("id", source.id.as_str().into())],
                    ));
                }
                let cited = data
                    .nodes
                    .iter()
                    .flat_map(|n| &n.cites)
                    .chain(data.edges.iter().flat_map(|e| &e.cites))
                    .any(|c| c.source == source.id);
                if cited {
                    return Err(t_args(
                        "edit-err-source-cited",
                        &[("id", source.id.as_str().into())],
                    ));
                }
            }
            Edit::Move(_) | Edit::Views { .. } | Edit::Batch(_) => {}
        }
        Ok(())
    }
}

fn check_new_source(data: &Dataset, index: usize, source: &Source) -> Result<(), String> {
    if source.id.trim().is_empty() {
        return Err(t("edit-err-source-no-id"));
    }
    if data.source(&source.id).is_some() {
        return Err(t_args(
            "edit-err-source-duplicate",
            &[("id", source.id.as_str().into())],
        ));
    }
    if !crate::io::sources::is_plain_file_name(&source.file) {
        return Err(t_args(
            "edit-err-source-file",
            &[("file", source.file.as_str().into())],
        ));
    }
    if data.sources.iter().any(|s| s.file == source.file) {
        return Err(t_args(
            "edit-err-source-file-taken",
            &[("file", source.file.as_str().into())],
        ));
    }
    if index > data.sources.len() {
        return Err(t_args("edit-err-source-index", &[("index", index.into())]));
    }
    Ok(())
}

/// What the checks need to know about the data: the plain `Dataset` answers by scanning, an
/// indexed document (`commands::Document`) by lookup, so an edit costs what it touches.
pub trait Lookup {
    fn data(&self) -> &Dataset;
    /// Whether a node other than the one at position `except` has this id.
    fn id_taken(&self, id: &str, except: Option<usize>) -> bool;
    /// Data positions of the edges to or from the node at position `node`, ascending.
    fn attached_edges(&self, node: usize) -> Vec<usize>;
}

impl Lookup for Dataset {
    fn data(&self) -> &Dataset {
        self
    }

    fn id_taken(&self, id: &str, except: Option<usize>) -> bool {
        self.nodes
            .iter()
            .enumerate()
            .any(|(i, n)| n.id == id && Some(i) != except)
    }

    fn attached_edges(&self, node: usize) -> Vec<usize> {
        let Some(id) = self.nodes.get(node).map(|n| &n.id) else {
            return Vec::new();
        };
        self.edges
            .iter()
            .enumerate()
            .filter(|(_, e)| &e.from == id || &e.to == id)
            .map(|(i, _)| i)
            .collect()
    }
}

fn check_node(look: &impl Lookup, node: &Node, replacing: Option<usize>) -> Result<(), String> {
    let data = look.data();
    if node.id.trim().is_empty() {
        return Err(t("edit-err-no-id"));
    }
    // Ids of imported graphs are whatever the other tool used ("大学", "n 1"): an edit that keeps
    // the id must not be refused for it; new ids are slugs.
    let kept_id = replacing
        .and_then(|i| data.nodes.get(i))
        .is_some_and(|old| old.id == node.id);
    if !kept_id
        && !node
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
    {
        return Err(t_args("edit-err-slug", &[("id", node.id.as_str().into())]));
    }
    if look.id_taken(&node.id, replacing) {
        return Err(t_args(
            "edit-err-duplicate-id",
            &[("id", node.id.as_str().into())],
        ));
    }
    if node.name.zh.trim().is_empty() && node.name.en.trim().is_empty() {
        return Err(t("edit-err-no-name"));
    }
    // A declared kind is found in O(1). Older imports use kinds they do not declare: those
    // stay accepted where the data already has them (a scan, only for such kinds), so that
    // editing and undoing deletions in them keeps working.
    if !data.declared_vocabulary().declares_kind(&node.kind)
        && !data.nodes.iter().any(|n| n.kind == node.kind)
    {
        return Err(t_args(
            "edit-err-unknown-kind",
            &[("kind", node.kind.ident().into())],
        ));
    }
    check_cites(
        data,
        &node.cites,
        &t_args("edit-what-node", &[("id", node.id.as_str().into())]),
    )
}

fn check_edge(look: &impl Lookup, edge: &Edge) -> Result<(), String> {
    let data = look.data();
    for end in [&edge.from, &edge.to] {
        if !look.id_taken(end, None) {
            return Err(t_args("edit-err-no-node", &[("id", end.as_str().into())]));
        }
    }
    if !data.declared_vocabulary().declares_relation(&edge.rel)
        && !data.edges.iter().any(|e| e.rel == edge.rel)
    {
        return Err(t_args(
            "edit-err-unknown-relation",
            &[("rel", edge.rel.ident().into())],
        ));
    }
    check_cites(
        data,
        &edge.cites,
        &t_args("edit-what-edge", &ends(&edge.from, &edge.to)),
    )
}

fn check_cites(data: &Dataset, cites: &[crate::model::Cite], what: &str) -> Result<(), String> {
    // A graph without sources (imported from another tool) cannot cite; don't demand it.
    if cites.is_empty() && !data.sources.is_empty() {
        return Err(t_args("edit-err-no-citation", &[("what", what.into())]));
    }
    for c in cites {
        if data.source(&c.source).is_none() {
            return Err(t_args(
                "edit-err-unknown-source",
                &[("what", what.into()), ("source", c.source.as_str().into())],
            ));
        }
        if c.quote.trim().is_empty() {
            return Err(t_args("edit-err-empty-quote", &[("what", what.into())]));
        }
    }
    Ok(())
}

/// The edit that gives `kind` a new colour and shape; a kind the file uses without declaring
/// it becomes declared (with the layer it had). `None` when the kind already looks so.
pub fn set_kind_style(data: &Dataset, kind: &Kind, style: KindStyle) -> Option<Edit> {
    let declared = data.declared_vocabulary();
    if declared.declares_kind(kind) && declared.style(kind) == style {
        return None;
    }
    let after = declared.restyled(kind, style);
    Some(Edit::SetKindStyle {
        kind: kind.clone(),
        before: data.vocabulary.clone(),
        after: Some(Box::new(after)),
    })
}

/// The edit that deletes node `index` together with its edges.
pub fn delete_node(data: &Dataset, index: usize) -> Option<Edit> {
    let node = data.nodes.get(index)?.clone();
    let edges = data
        .edges
        .iter()
        .enumerate()
        .filter(|(_, e)| e.from == node.id || e.to == node.id)
        .map(|(i, e)| (i, e.clone()))
        .collect();
    Some(Edit::DeleteNode { index, node, edges })
}

/// The two ends of an edge, as message arguments.
fn ends<'a>(from: &'a str, to: &'a str) -> [(&'static str, Arg<'a>); 2] {
    [("from", from.into()), ("to", to.into())]
}
