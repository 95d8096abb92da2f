//! The open document: the graph, where it came from, and what is derived from it (search index,
//! degrees), kept up to date edit by edit at the cost of what each edit touches.

use super::edit::{Edit, Lookup};
use crate::analysis::SearchIndex;
use crate::model::{Dataset, EdgeIx, KnowledgeGraph, NodeIx};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    File(PathBuf),
    /// The copy of the Shenzhen graph compiled into the binary.
    Embedded,
    /// A subgraph opened from a graph database (the label names the server); saving asks
    /// where to write it.
    Database(String),
}

pub struct Document {
    pub kg: KnowledgeGraph,
    pub origin: Origin,
    pub search: SearchIndex,
    /// Undirected degree per node index (self-loops counted once; 0 in holes).
    pub degree: Vec<u32>,
}

/// What an applied edit changed, in graph indices, so that the app updates positions and the
/// visible set for those alone. A slot removed and reused by a new node (or edge) in the same
/// edit is listed as both removed and added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// The document was rebuilt from its data (it had duplicate ids or dangling edges, which
    /// the index cannot follow edit by edit): every index may now mean something else.
    pub rebuilt: bool,
    pub nodes_added: Vec<NodeIx>,
    pub nodes_removed: Vec<NodeIx>,
    /// Nodes whose fields (names, kind, id…) changed.
    pub nodes_changed: Vec<NodeIx>,
    pub edges_added: Vec<EdgeIx>,
    pub edges_removed: Vec<EdgeIx>,
    /// Edges whose fields changed, endpoints kept (a renamed endpoint counts).
    pub edges_changed: Vec<EdgeIx>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        *self == Change::default()
    }
}

#[derive(Clone, Copy, Debug)]
enum Event {
    Added,
    Removed,
    Changed,
}

/// Net effect on one index of a sequence of events.
#[derive(Clone, Copy, Debug)]
enum Net {
    Added,
    Removed,
    Changed,
    /// Removed, then the slot reused by something new.
    Replaced,
}

/// Added, removed and changed indices of a sequence of events, ascending.
fn net<I: Ord + Copy>(events: &[(Event, I)]) -> (Vec<I>, Vec<I>, Vec<I>) {
    let mut state: BTreeMap<I, Net> = BTreeMap::new();
    for &(ev, ix) in events {
        let now = state.get(&ix).copied();
        let next = match (now, ev) {
            (None, Event::Added) => Some(Net::Added),
            (None, Event::Removed) => Some(Net::Removed),
            (None, Event::Changed) => Some(Net::Changed),
            // Added within this edit and gone again: never seen outside.
            (Some(Net::Added), Event::Removed) => None,
            (Some(Net::Added), _) => Some(Net::Added),
            (Some(Net::Removed | Net::Replaced), Event::Added) => Some(Net::Replaced),
            (Some(Net::Replaced), Event::Removed) => Some(Net::Removed),
            (Some(n @ (Net::Removed | Net::Replaced)), _) => Some(n),
            (Some(Net::Changed), Event::Removed) => Some(Net::Removed),
            (Some(Net::Changed), _) => Some(Net::Changed),
        };
        match next {
            Some(n) => state.insert(ix, n),
            None => state.remove(&ix),
        };
    }
    let pick = |want: &[fn(Net) -> bool]| -> Vec<I> {
        state
            .iter()
            .filter(|(_, n)| want.iter().any(|f| f(**n)))
            .map(|(i, _)| *i)
            .collect()
    };
    (
        pick(&[|n| matches!(n, Net::Added | Net::Replaced)]),
        pick(&[|n| matches!(n, Net::Removed | Net::Replaced)]),
        pick(&[|n| matches!(n, Net::Changed)]),
    )
}

/// What one document edit did, in order, before it is summed up as a `Change`.
#[derive(Default)]
struct Log {
    nodes: Vec<(Event, NodeIx)>,
    edges: Vec<(Event, EdgeIx)>,
}

impl Log {
    fn change(&self) -> Change {
        let (nodes_added, nodes_removed, nodes_changed) = net(&self.nodes);
        let (edges_added, edges_removed, edges_changed) = net(&self.edges);
        Change {
            rebuilt: false,
            nodes_added,
            nodes_removed,
            nodes_changed,
            edges_added,
            edges_removed,
            edges_changed,
        }
    }
}

/// The indexed graph answers the edit checks by lookup instead of scanning the data.
impl Lookup for KnowledgeGraph {
    fn data(&self) -> &Dataset {
        &self.data
    }

    fn id_taken(&self, id: &str, except: Option<usize>) -> bool {
        self.node_ix(id)
            .is_some_and(|ix| Some(self.graph[ix]) != except)
    }

    fn attached_edges(&self, node: usize) -> Vec<usize> {
        self.node_at(node)
            .map(|ix| self.edges_of(ix))
            .unwrap_or_default()
    }
}

impl Document {
    pub fn new(data: Dataset, origin: Origin) -> Self {
        Self::new_resolved(data, origin, None)
    }

    /// `new`, with the edges' endpoints already resolved by validation
    /// (`KnowledgeGraph::build_resolved`).
    pub fn new_resolved(data: Dataset, origin: Origin, ends: Option<Vec<[u32; 2]>>) -> Self {
        let kg = KnowledgeGraph::build_resolved(data, ends);
        let search = SearchIndex::build(&kg);
        let degree = kg.undirected_degree();
        Document {
            kg,
            origin,
            search,
            degree,
        }
    }

    pub fn path(&self) -> Option<&PathBuf> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Embedded | Origin::Database(_) => None,
        }
    }

    pub fn display_name(&self) -> String {
        match &self.origin {
            Origin::File(p) => p.display().to_string(),
            Origin::Embedded => "shenzhen.ron (built in)".into(),
            Origin::Database(label) => label.clone(),
        }
    }

    /// The edit that deletes the node at data position `index` with its edges, found through
    /// the graph (`commands::delete_node` scans every edge).
    pub fn delete_node(&self, index: usize) -> Option<Edit> {
        let node = self.kg.data.nodes.get(index)?.clone();
        let ix = self.kg.node_at(index)?;
        let edges = if self.kg.is_regular() {
            self.kg
                .edges_of(ix)
                .into_iter()
                .filter_map(|i| Some((i, self.kg.data.edges.get(i)?.clone())))
                .collect()
        } else {
            return super::edit::delete_node(&self.kg.data, index);
        };
        Some(Edit::DeleteNode { index, node, edges })
    }

    /// Apply `edit` to the data, the graph index, the search index and the degrees, or refuse
    /// it (with `Edit::apply`'s message, leaving everything as it was). Moves change nothing
    /// here: positions belong to the app.
    pub fn apply(&mut self, edit: &Edit) -> Result<Change, String> {
        if !edit.touches_data() {
            return Ok(Change::default());
        }
        if !self.kg.is_regular() {
            return self.apply_by_rebuild(edit);
        }
        let mut log = Log::default();
        let mut done = Vec::new();
        match self.apply_parts(edit, &mut log, &mut done) {
            Ok(()) => Ok(log.change()),
            Err(e) => {
                // A batch refused half-way: undo its applied parts, newest first. Each is the
                // exact mirror of what was done, so slots come back as they were (petgraph
                // reuses the last freed index first).
                let mut scratch = Log::default();
                for part in done.iter().rev() {
                    if let Err(back) = self.mutate(&part.inverse(), &mut scratch) {
                        log::error!("could not roll back a refused edit: {back}");
                    }
                }
                Err(e)
            }
        }
    }

    /// Data the index cannot follow (duplicate ids, dangling edges) is edited as before: on the
    /// dataset, then indexed again. Validation refuses edits that would create such data, so
    /// this path serves only files loaded that way.
    fn apply_by_rebuild(&mut self, edit: &Edit) -> Result<Change, String> {
        let mut data = self.kg.data.clone();
        edit.apply(&mut data)?;
        let origin = std::mem::replace(&mut self.origin, Origin::Embedded);
        *self = Document::new(data, origin);
        Ok(Change {
            rebuilt: true,
            ..Change::default()
        })
    }

    fn apply_parts<'e>(
        &mut self,
        edit: &'e Edit,
        log: &mut Log,
        done: &mut Vec<&'e Edit>,
    ) -> Result<(), String> {
        if let Edit::Batch(parts) = edit {
            let mut k = 0;
            while k < parts.len() {
                let run = parts[k..]
                    .iter()
                    .take_while(|p| matches!(p, Edit::InsertEdge { .. }))
                    .count();
                if run >= 2 && self.insert_run(&parts[k..k + run], log) {
                    done.extend(&parts[k..k + run]);
                    k += run;
                } else {
                    self.apply_parts(&parts[k], log, done)?;
                    k += 1;
                }
            }
            return Ok(());
        }
        edit.check(&self.kg)?;
        self.mutate(edit, log)?;
        done.push(edit);
        Ok(())
    }

    /// Insert a run of edges (as the undo of deleting a node brings back) in one pass, when
    /// every part passes its checks on the data before the run: the checks only get easier as
    /// edges are added, so the parts would pass one by one too. Otherwise (or when positions
    /// are not ascending) nothing is done and the caller applies the parts one by one, which
    /// also finds the exact refusal.
    fn insert_run(&mut self, parts: &[Edit], log: &mut Log) -> bool {
        let mut items = Vec::with_capacity(parts.len());
        for p in parts {
            let Edit::InsertEdge { index, edge } = p else {
                return false;
            };
            if p.check(&self.kg).is_err() {
                return false;
            }
            items.push((*index, edge.clone()));
        }
        let Ok(added) = self.kg.insert_edges(items) else {
            return false;
        };
        for &e in &added {
            self.count_edge(e, true);
            log.edges.push((Event::Added, e));
        }
        true
    }

    /// Carry out an edit that passed its checks.
    fn mutate(&mut self, edit: &Edit, log: &mut Log) -> Result<(), String> {
        match edit {
            Edit::InsertNode { index, node } => {
                let ix = self.kg.insert_node(*index, node.clone())?;
                self.search.update(&self.kg, ix);
                if self.degree.len() <= ix.index() {
                    self.degree.resize(ix.index() + 1, 0);
                }
                self.degree[ix.index()] = 0;
                log.nodes.push((Event::Added, ix));
            }
            Edit::DeleteNode { index, edges, .. } => {
                let at: Vec<usize> = edges.iter().map(|(i, _)| *i).collect();
                let ends: Vec<(NodeIx, NodeIx)> = at
                    .iter()
                    .filter_map(|&i| self.kg.graph.edge_endpoints(self.kg.edge_at(i)?))
                    .collect();
                let removed = self.kg.remove_edges(&at)?;
                for (a, b) in ends {
                    self.count_ends(a, b, false);
                }
                log.edges
                    .extend(removed.into_iter().map(|e| (Event::Removed, e)));
                let (ix, _) = self.kg.remove_node(*index)?;
                self.search.remove(ix);
                if let Some(d) = self.degree.get_mut(ix.index()) {
                    *d = 0;
                }
                log.nodes.push((Event::Removed, ix));
            }
            Edit::SetKindStyle { kind, after, .. } => {
                self.kg.set_vocabulary(after.clone());
                // Every node of the kind looks different now.
                let changed: Vec<NodeIx> = self
                    .kg
                    .node_indices()
                    .filter(|&ix| self.kg.node(ix).kind == *kind)
                    .collect();
                log.nodes
                    .extend(changed.into_iter().map(|ix| (Event::Changed, ix)));
            }
            Edit::ReplaceNode { index, after, .. } => {
                let (ix, _, renamed) = self.kg.replace_node(*index, after.clone())?;
                self.search.update(&self.kg, ix);
                log.nodes.push((Event::Changed, ix));
                log.edges
                    .extend(renamed.into_iter().map(|e| (Event::Changed, e)));
            }
            Edit::InsertEdge { index, edge } => {
                let e = self.kg.insert_edge(*index, edge.clone())?;
                self.count_edge(e, true);
                log.edges.push((Event::Added, e));
            }
            Edit::DeleteEdge { index, .. } => self.remove_edge(*index, log)?,
            Edit::ReplaceEdge { index, after, .. } => {
                let ends_before = self
                    .kg
                    .edge_at(*index)
                    .and_then(|e| self.kg.graph.edge_endpoints(e));
                if let Some(e) = self.kg.edge_at(*index) {
                    self.count_edge(e, false);
                }
                let r = self.kg.replace_edge(*index, after.clone())?;
                self.count_edge(r.new, true);
                if ends_before == self.kg.graph.edge_endpoints(r.new) {
                    log.edges.push((Event::Changed, r.new));
                } else {
                    log.edges.push((Event::Removed, r.old));
                    log.edges.push((Event::Added, r.new));
                }
            }
            // Sources are not part of the graph index: the data alone changes.
            Edit::InsertSource { index, source } => {
                self.kg.data.sources.insert(*index, source.clone());
            }
            Edit::DeleteSource { index, .. } => {
                if *index < self.kg.data.sources.len() {
                    self.kg.data.sources.remove(*index);
                }
            }
            Edit::Move(_) | Edit::Views { .. } => {}
            Edit::Batch(parts) => {
                for p in parts {
                    self.mutate(p, log)?;
                }
            }
        }
        Ok(())
    }

    fn remove_edge(&mut self, index: usize, log: &mut Log) -> Result<(), String> {
        if let Some(e) = self.kg.edge_at(index) {
            self.count_edge(e, false);
        }
        let (e, _) = self.kg.remove_edge(index)?;
        log.edges.push((Event::Removed, e));
        Ok(())
    }

    /// Add (or take away) edge `e` to the degrees of its endpoints.
    fn count_edge(&mut self, e: EdgeIx, add: bool) {
        if let Some((a, b)) = self.kg.graph.edge_endpoints(e) {
            self.count_ends(a, b, add);
        }
    }

    fn count_ends(&mut self, a: NodeIx, b: NodeIx, add: bool) {
        let ends: &[NodeIx] = if a == b { &[a] } else { &[a, b] };
        for n in ends {
            if self.degree.len() <= n.index() {
                self.degree.resize(n.index() + 1, 0);
            }
            let d = &mut self.degree[n.index()];
            *d = if add { *d + 1 } else { d.saturating_sub(1) };
        }
    }
}
