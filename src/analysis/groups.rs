//! Groups (meta-nodes): the visible graph grouped by kind, attribute, community, containment or
//! by hand, and the projection that shows each collapsed group as one node with aggregated
//! edges. Pure and O(n + m): computed once per change, never per frame.
//!
//! A collapsed group is drawn as one of its members, its *representative* (the container of a
//! containment group, else its first visible member): every index stays a real `NodeIx`, so
//! selection, search, paths and the layout keep working on the shown graph unchanged. The
//! other members leave the shown graph; edges with an end inside a collapsed group become
//! [`AggEdge`]s between the shown ends.

use super::Visible;
use crate::io::groups::{GroupBy, GroupState, HandGroup};
use crate::model::{EdgeIx, Kind, KnowledgeGraph, NodeIx, Relation};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::HashMap;

/// No group / not shown.
pub const NONE: u32 = u32::MAX;
/// Containment chains deeper than this are cut (a cycle in the data ends there too).
const MAX_DEPTH: usize = 64;

/// What a group is named after; the view turns it into text in the label language.
#[derive(Clone, Debug, PartialEq)]
pub enum GroupTitle {
    Kind(Kind),
    Value {
        attr: String,
        value: String,
    },
    Community(usize),
    /// A containment group is named after its container.
    Container(NodeIx),
    Hand(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Stable key (saved in views and the groups sidecar).
    pub key: String,
    pub title: GroupTitle,
    /// Every member, nested groups' members included, in index order.
    pub members: Vec<NodeIx>,
    /// The enclosing group.
    pub parent: Option<usize>,
    /// The node a containment group is about (preferred as representative).
    pub container: Option<NodeIx>,
}

/// The groups of a graph: a forest of groups, and each node's innermost group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grouping {
    pub groups: Vec<Group>,
    innermost: Vec<u32>,
}

impl Grouping {
    /// The innermost group of a node.
    pub fn group_of(&self, ix: NodeIx) -> Option<usize> {
        self.innermost
            .get(ix.index())
            .copied()
            .filter(|&g| g != NONE)
            .map(|g| g as usize)
    }

    pub fn index_of(&self, key: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.key == key)
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The groups around `g`, innermost first.
    pub fn ancestors(&self, g: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = Some(g);
        std::iter::from_fn(move || {
            let g = at?;
            at = self.groups.get(g).and_then(|x| x.parent);
            Some(g)
        })
        .take(MAX_DEPTH)
    }
}

/// Group the visible nodes as `state` says (its automatic grouping, then hand groups on top).
/// Groups of fewer than two visible nodes are left out.
pub fn build(kg: &KnowledgeGraph, vis: &Visible, state: &GroupState, seed: u64) -> Grouping {
    let mut g = match &state.by {
        None => Grouping {
            groups: Vec::new(),
            innermost: vec![NONE; kg.node_bound()],
        },
        Some(GroupBy::Kind) => by_key(kg, vis, |ix| {
            let k = &kg.node(ix).kind;
            Some((format!("kind:{}", k.ident()), GroupTitle::Kind(k.clone())))
        }),
        Some(GroupBy::Attribute(attr)) => by_key(kg, vis, |ix| {
            let value = kg.node(ix).attrs.get(attr)?;
            let title = GroupTitle::Value {
                attr: attr.clone(),
                value: value.clone(),
            };
            Some((format!("attr:{attr}={value}"), title))
        }),
        Some(GroupBy::Community) => {
            let c = super::communities::communities(kg, vis, seed);
            by_key(kg, vis, |ix| {
                let i = c.of(ix)?;
                Some((format!("community:{i}"), GroupTitle::Community(i)))
            })
        }
        Some(GroupBy::Containment(rel)) => containment(kg, vis, &Relation::new(rel), false),
        Some(GroupBy::Around(rel)) => containment(kg, vis, &Relation::new(rel), true),
    };
    add_hand_groups(kg, vis, &mut g, &state.hand);
    g
}

/// One group per key, in order of first appearance; keys held by one node only are dropped.
fn by_key(
    kg: &KnowledgeGraph,
    vis: &Visible,
    key: impl Fn(NodeIx) -> Option<(String, GroupTitle)>,
) -> Grouping {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for ix in kg.node_indices().filter(|ix| vis.node(*ix)) {
        let Some((k, title)) = key(ix) else { continue };
        let at = *index.entry(k.clone()).or_insert_with(|| {
            groups.push(Group {
                key: k,
                title,
                members: Vec::new(),
                parent: None,
                container: None,
            });
            groups.len() - 1
        });
        groups[at].members.push(ix);
    }
    finish(kg.node_bound(), groups)
}

/// Drop one-member groups and index the rest (groups here are flat).
fn finish(n: usize, groups: Vec<Group>) -> Grouping {
    let groups: Vec<Group> = groups.into_iter().filter(|g| g.members.len() > 1).collect();
    let mut innermost = vec![NONE; n];
    for (gi, g) in groups.iter().enumerate() {
        for m in &g.members {
            innermost[m.index()] = gi as u32;
        }
    }
    Grouping { groups, innermost }
}

/// Containment along `rel`: each node's container is the target of its first visible `rel`
/// edge (the source when `around`); a container with its (transitive) contents is a group,
/// nested as its containers are.
fn containment(kg: &KnowledgeGraph, vis: &Visible, rel: &Relation, around: bool) -> Grouping {
    let n = kg.node_bound();
    let mut up = vec![NONE; n];
    for er in kg.graph.edge_references() {
        let (mut a, mut b) = (er.source().index(), er.target().index());
        if around {
            std::mem::swap(&mut a, &mut b);
        }
        if a != b && up[a] == NONE && vis.edge(er.id()) && &kg.edge(er.id()).rel == rel {
            up[a] = b as u32;
        }
    }
    // Cut cycles: a chain that comes back to a node it passed stops before it.
    for start in 0..n {
        let mut at = start;
        for _ in 0..MAX_DEPTH {
            let next = up[at];
            if next == NONE {
                break;
            }
            if next as usize == start {
                up[at] = NONE;
                break;
            }
            at = next as usize;
        }
    }
    let mut group_of_container = vec![NONE; n];
    let mut groups: Vec<Group> = Vec::new();
    for ix in kg.node_indices().filter(|ix| vis.node(*ix)) {
        let c = up[ix.index()];
        if c != NONE && group_of_container[c as usize] == NONE {
            group_of_container[c as usize] = groups.len() as u32;
            let container = NodeIx::new(c as usize);
            groups.push(Group {
                key: format!(
                    "{}:{}",
                    if around { "around" } else { "in" },
                    kg.node(container).id
                ),
                title: GroupTitle::Container(container),
                members: Vec::new(),
                parent: None,
                container: Some(container),
            });
        }
    }
    for g in &mut groups {
        let Some(c) = g.container else {
            continue;
        };
        let p = up[c.index()];
        if p != NONE && group_of_container[p as usize] != NONE {
            g.parent = Some(group_of_container[p as usize] as usize);
        }
    }
    let mut innermost = vec![NONE; n];
    for ix in kg.node_indices().filter(|ix| vis.node(*ix)) {
        let i = ix.index();
        // A container is the innermost member of its own group.
        innermost[i] = match group_of_container[i] {
            NONE if up[i] != NONE => group_of_container[up[i] as usize],
            own => own,
        };
        let mut g = innermost[i];
        for _ in 0..MAX_DEPTH {
            if g == NONE {
                break;
            }
            groups[g as usize].members.push(ix);
            g = groups[g as usize].parent.map_or(NONE, |p| p as u32);
        }
    }
    Grouping { groups, innermost }
}

/// Hand groups take their visible members out of their automatic groups; a hand group whose
/// members all shared one automatic group nests inside it.
fn add_hand_groups(kg: &KnowledgeGraph, vis: &Visible, g: &mut Grouping, hand: &[HandGroup]) {
    for h in hand {
        let members: Vec<NodeIx> = {
            let mut m: Vec<NodeIx> = (h.members.iter())
                .filter_map(|id| kg.node_ix(id))
                .filter(|ix| vis.node(*ix))
                .collect();
            m.sort();
            m.dedup();
            m
        };
        if members.len() < 2 {
            continue;
        }
        let first = g.group_of(members[0]);
        let parent = first.filter(|p| {
            members.iter().all(|m| {
                g.group_of(*m)
                    .is_some_and(|x| g.ancestors(x).any(|a| a == *p))
            })
        });
        let gi = g.groups.len() as u32;
        for m in &members {
            // Another hand group already holding this node loses it.
            if let Some(old) = g.group_of(*m)
                && matches!(g.groups[old].title, GroupTitle::Hand(_))
            {
                g.groups[old].members.retain(|x| x != m);
            }
            g.innermost[m.index()] = gi;
        }
        g.groups.push(Group {
            key: format!("hand:{}", h.name),
            title: GroupTitle::Hand(h.name.clone()),
            members,
            parent,
            container: None,
        });
    }
}

/// A collapsed group as one shown node.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub group: usize,
    /// The member drawn for the group.
    pub rep: NodeIx,
    /// Visible members (nested ones included).
    pub count: usize,
    /// The most common kind among them (the group's colour).
    pub dominant: Kind,
}

/// The edges between two shown nodes, at least one of them a collapsed group.
#[derive(Clone, Debug, PartialEq)]
pub struct AggEdge {
    /// Shown ends (representatives or plain nodes), `a < b`.
    pub a: NodeIx,
    pub b: NodeIx,
    /// The member edges it stands for, in index order.
    pub edges: Vec<EdgeIx>,
}

/// The graph as shown: collapsed groups replaced by their representatives.
#[derive(Clone, Debug, Default)]
pub struct Projection {
    /// Node index → the shown node standing for it (itself when not in a collapsed group),
    /// `NONE` when hidden.
    pub shown_as: Vec<u32>,
    /// Node index → `metas` entry of the group it represents (`NONE` for plain nodes).
    pub meta_of: Vec<u32>,
    pub metas: Vec<Meta>,
    pub edges: Vec<AggEdge>,
    /// The shown graph: plain nodes and representatives, and the edges between plain nodes.
    pub visible: Visible,
}

impl Projection {
    /// The shown node for `ix` (the group's representative when it is inside one).
    pub fn shown(&self, ix: NodeIx) -> Option<NodeIx> {
        match self.shown_as.get(ix.index()).copied() {
            Some(NONE) | None => None,
            Some(s) => Some(NodeIx::new(s as usize)),
        }
    }

    /// The collapsed group drawn as `ix`, if it is a representative.
    pub fn meta(&self, ix: NodeIx) -> Option<&Meta> {
        let m = *self.meta_of.get(ix.index())?;
        (m != NONE).then(|| &self.metas[m as usize])
    }

    /// Whether anything is collapsed.
    pub fn is_active(&self) -> bool {
        !self.metas.is_empty()
    }
}

/// Project `vis` through the collapsed groups (`collapsed[g]`); the outermost collapsed group
/// around a node wins. O(n + m + groups · depth).
pub fn project(kg: &KnowledgeGraph, vis: &Visible, g: &Grouping, collapsed: &[bool]) -> Projection {
    let n = kg.node_bound();
    // The outermost collapsed group around each group.
    let top: Vec<u32> = (0..g.groups.len())
        .map(|gi| {
            g.ancestors(gi)
                .filter(|a| collapsed.get(*a).copied().unwrap_or(false))
                .last()
                .map_or(NONE, |a| a as u32)
        })
        .collect();
    let top_of = |i: usize| -> u32 {
        match g.innermost.get(i).copied() {
            Some(gi) if gi != NONE => top[gi as usize],
            _ => NONE,
        }
    };
    let mut rep = vec![NONE; g.groups.len()];
    for (gi, grp) in g.groups.iter().enumerate() {
        if let Some(c) = grp.container
            && vis.node(c)
            && top_of(c.index()) == gi as u32
        {
            rep[gi] = c.index() as u32;
        }
    }
    let mut shown_as = vec![NONE; n];
    let mut count = vec![0usize; g.groups.len()];
    let mut nodes = vec![false; n];
    for ix in kg.node_indices().filter(|ix| vis.node(*ix)) {
        let i = ix.index();
        let t = top_of(i);
        if t == NONE {
            shown_as[i] = i as u32;
            nodes[i] = true;
            continue;
        }
        let t = t as usize;
        if rep[t] == NONE {
            rep[t] = i as u32;
        }
        shown_as[i] = rep[t];
        nodes[rep[t] as usize] = true;
        count[t] += 1;
    }
    let mut meta_of = vec![NONE; n];
    let mut metas = Vec::new();
    for (gi, &r) in rep.iter().enumerate() {
        if r == NONE || count[gi] == 0 {
            continue;
        }
        meta_of[r as usize] = metas.len() as u32;
        metas.push(Meta {
            group: gi,
            rep: NodeIx::new(r as usize),
            count: count[gi],
            dominant: kg.node(NodeIx::new(r as usize)).kind.clone(),
        });
    }
    dominant_kinds(kg, &shown_as, &meta_of, &mut metas);
    let mut edges = vec![false; kg.edge_bound()];
    let mut agg: HashMap<(u32, u32), usize> = HashMap::new();
    let mut out: Vec<AggEdge> = Vec::new();
    for er in kg.graph.edge_references() {
        if !vis.edge(er.id()) {
            continue;
        }
        let (a, b) = (er.source().index(), er.target().index());
        let (sa, sb) = (shown_as[a], shown_as[b]);
        if sa == NONE || sb == NONE || sa == sb {
            continue;
        }
        if top_of(a) == NONE && top_of(b) == NONE {
            edges[er.id().index()] = true;
            continue;
        }
        let key = (sa.min(sb), sa.max(sb));
        let at = *agg.entry(key).or_insert_with(|| {
            out.push(AggEdge {
                a: NodeIx::new(key.0 as usize),
                b: NodeIx::new(key.1 as usize),
                edges: Vec::new(),
            });
            out.len() - 1
        });
        out[at].edges.push(er.id());
    }
    Projection {
        shown_as,
        meta_of,
        metas,
        edges: out,
        visible: super::filter::from_masks(nodes, edges),
    }
}

/// Each meta's most common member kind (ties: the vocabulary's first).
fn dominant_kinds(kg: &KnowledgeGraph, shown_as: &[u32], meta_of: &[u32], metas: &mut [Meta]) {
    if metas.is_empty() {
        return;
    }
    let mut tally: Vec<Vec<(Kind, usize)>> = vec![Vec::new(); metas.len()];
    for (i, &s) in shown_as.iter().enumerate() {
        if s == NONE || meta_of[s as usize] == NONE {
            continue;
        }
        let t = &mut tally[meta_of[s as usize] as usize];
        let k = &kg.node(NodeIx::new(i)).kind;
        match t.iter_mut().find(|(x, _)| x == k) {
            Some((_, c)) => *c += 1,
            None => t.push((k.clone(), 1)),
        }
    }
    for (m, t) in metas.iter_mut().zip(tally) {
        let best = t.into_iter().max_by(|x, y| {
            x.1.cmp(&y.1).then(
                kg.vocab()
                    .kind_order(&y.0)
                    .cmp(&kg.vocab().kind_order(&x.0)),
            )
        });
        if let Some((k, _)) = best {
            m.dominant = k;
        }
    }
}

/// The relations of an aggregated edge with how many edges have each, most common first.
pub fn relations_of(kg: &KnowledgeGraph, e: &AggEdge) -> Vec<(Relation, usize)> {
    let mut t: Vec<(Relation, usize)> = Vec::new();
    for &x in &e.edges {
        let r = &kg.edge(x).rel;
        match t.iter_mut().find(|(y, _)| y == r) {
            Some((_, c)) => *c += 1,
            None => t.push((r.clone(), 1)),
        }
    }
    t.sort_by_key(|x| std::cmp::Reverse(x.1));
    t
}
