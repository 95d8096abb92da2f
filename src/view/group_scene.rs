//! What the scene knows of collapsed groups: each meta-node's title and member count, and the
//! aggregated edges with their relations. The app puts a [`GroupScene`] in the overlay
//! (`Overlay::groups`); `view::groups` draws it, the label placer asks it for texts.
//!
//! A meta-node is its representative member's node (`analysis::groups`): its size and fill are
//! ordinary overlay entries (`scale`, `fill`), its text comes from [`GroupScene::label`].

use super::style::{LabelLang, kind_label, node_label, relation_label};
use crate::analysis::groups::{GroupTitle, Projection, relations_of};
use crate::i18n::{UiLang, tr_args};
use crate::model::{EdgeIx, KnowledgeGraph, NodeIx, Relation};
use std::collections::HashMap;

/// How a collapsed group is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLook {
    pub title: GroupTitle,
    /// Visible members.
    pub count: usize,
}

/// One aggregated edge as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct AggLook {
    pub a: NodeIx,
    pub b: NodeIx,
    pub edges: Vec<EdgeIx>,
    /// Relations involved with their counts, most common first.
    pub relations: Vec<(Relation, usize)>,
}

/// What the scene needs of the groups: meta-nodes by representative, aggregated edges.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupScene {
    pub metas: HashMap<NodeIx, GroupLook>,
    pub edges: Vec<AggLook>,
}

impl GroupScene {
    /// The scene of a projection (`titles[g]` is group `g`'s title).
    pub fn new(kg: &KnowledgeGraph, p: &Projection, titles: &[GroupTitle]) -> Self {
        let metas = (p.metas.iter())
            .filter_map(|m| {
                let title = titles.get(m.group)?.clone();
                Some((
                    m.rep,
                    GroupLook {
                        title,
                        count: m.count,
                    },
                ))
            })
            .collect();
        let edges = (p.edges.iter())
            .map(|e| AggLook {
                a: e.a,
                b: e.b,
                edges: e.edges.clone(),
                relations: relations_of(kg, e),
            })
            .collect();
        GroupScene { metas, edges }
    }
}

/// World-radius multiplier of a meta-node of `count` members (area grows with the count).
pub fn meta_scale(count: usize) -> f32 {
    (1.0 + (count as f32).sqrt() * 0.3).min(4.0)
}

fn ui_lang(lang: LabelLang) -> UiLang {
    match lang {
        LabelLang::English => UiLang::English,
        _ => UiLang::Chinese,
    }
}

/// A group's title in the label language.
pub fn title_text(kg: &KnowledgeGraph, title: &GroupTitle, lang: LabelLang) -> String {
    match title {
        GroupTitle::Kind(k) => kind_label(kg.vocab(), k, lang),
        GroupTitle::Value { value, .. } => value.clone(),
        GroupTitle::Community(i) => {
            tr_args(ui_lang(lang), "group-community", &[("n", (i + 1).into())])
        }
        GroupTitle::Container(c) if c.index() < kg.node_bound() => node_label(kg, *c, lang).0,
        GroupTitle::Container(_) => String::new(),
        GroupTitle::Hand(name) => name.clone(),
    }
}

/// An aggregated edge's text: how many edges, and the main relations.
pub fn agg_text(kg: &KnowledgeGraph, e: &AggLook, lang: LabelLang) -> String {
    let rels: Vec<String> = (e.relations.iter().take(2))
        .map(|(r, _)| relation_label(kg.vocab(), r, lang))
        .collect();
    let more = if e.relations.len() > 2 { " …" } else { "" };
    format!("{} · {}{more}", e.edges.len(), rels.join(", "))
}

impl GroupScene {
    /// Whether `ix` is drawn as a collapsed group.
    pub fn is_group(&self, ix: NodeIx) -> bool {
        self.metas.contains_key(&ix)
    }

    /// The label of a meta-node: the group's title and its member count.
    pub fn label(
        &self,
        kg: &KnowledgeGraph,
        ix: NodeIx,
        lang: LabelLang,
    ) -> Option<(String, Option<String>)> {
        let look = self.metas.get(&ix)?;
        let count = tr_args(ui_lang(lang), "group-count", &[("n", look.count.into())]);
        Some((title_text(kg, &look.title, lang), Some(count)))
    }
}
