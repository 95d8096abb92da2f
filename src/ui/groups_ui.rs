//! The groups panel (how to group, which groups are collapsed) and the inspector of a
//! meta-node (its members, its aggregated edges with their citations). They push
//! `GroupCommand`s; the grouping itself is `analysis::groups`.

use crate::analysis::groups::{AggEdge, Grouping, Projection, relations_of};
use crate::commands::{Action, Command, GroupCommand};
use crate::i18n::{t, t_args};
use crate::io::groups::{GroupBy, GroupState};
use crate::model::{KnowledgeGraph, NodeIx, Relation};
use crate::view::LabelLang;
use crate::view::groups::title_text;
use std::collections::BTreeSet;

/// At most this many groups are listed in the panel and members in the inspector.
const LISTED: usize = 60;

/// What the groups panel shows.
pub struct GroupsPanel<'a> {
    pub kg: &'a KnowledgeGraph,
    pub state: &'a GroupState,
    pub grouping: &'a Grouping,
    pub lang: LabelLang,
}

fn by_label(kg: &KnowledgeGraph, by: Option<&GroupBy>, lang: LabelLang) -> String {
    match by {
        None => t("group-by-none"),
        Some(GroupBy::Kind) => t("group-by-kind"),
        Some(GroupBy::Community) => t("group-by-community"),
        Some(GroupBy::Attribute(a)) => t_args("group-by-attribute", &[("attr", a.into())]),
        Some(GroupBy::Containment(r)) => {
            let rel = crate::view::relation_label(kg.vocab(), &Relation::new(r), lang);
            t_args("group-by-containment", &[("rel", rel.into())])
        }
        Some(GroupBy::Around(r)) => {
            let rel = crate::view::relation_label(kg.vocab(), &Relation::new(r), lang);
            t_args("group-by-around", &[("rel", rel.into())])
        }
    }
}

/// The choices of "Group by": none, kind, community, each node attribute, each relation.
fn choices(kg: &KnowledgeGraph) -> Vec<Option<GroupBy>> {
    let attrs: BTreeSet<&str> = (kg.node_indices())
        .flat_map(|ix| kg.node(ix).attrs.keys().map(String::as_str))
        .collect();
    let rels: BTreeSet<String> = (kg.edge_indices())
        .map(|e| kg.edge(e).rel.ident().to_string())
        .collect();
    let mut out = vec![None, Some(GroupBy::Kind), Some(GroupBy::Community)];
    out.extend(
        attrs
            .into_iter()
            .map(|a| Some(GroupBy::Attribute(a.into()))),
    );
    for r in rels {
        out.push(Some(GroupBy::Containment(r.clone())));
        out.push(Some(GroupBy::Around(r)));
    }
    out
}

pub fn groups_ui(ui: &mut egui::Ui, p: &GroupsPanel, commands: &mut Vec<Command>) {
    ui.strong(t("group-title"));
    let current = p.state.by.as_ref();
    egui::ComboBox::from_label(t("group-by"))
        .selected_text(by_label(p.kg, current, p.lang))
        .show_ui(ui, |ui| {
            for c in choices(p.kg) {
                let label = by_label(p.kg, c.as_ref(), p.lang);
                if ui.selectable_label(c.as_ref() == current, label).clicked() {
                    commands.push(Command::Group(GroupCommand::By(c)));
                }
            }
        });
    if p.grouping.is_empty() {
        ui.weak(t("group-hint"));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for a in [Action::CollapseAllGroups, Action::ExpandAllGroups] {
            if ui.button(a.label()).clicked() {
                commands.push(Command::Run(a));
            }
        }
    });
    for g in p
        .grouping
        .groups
        .iter()
        .filter(|g| g.parent.is_none())
        .take(LISTED)
    {
        let mut on = p.state.collapsed.contains(&g.key);
        let text = format!(
            "{} ({})",
            title_text(p.kg, &g.title, p.lang),
            g.members.len()
        );
        if ui.checkbox(&mut on, text).changed() {
            commands.push(Command::Group(GroupCommand::Toggle(g.key.clone())));
        }
    }
}

/// What the inspector of a meta-node shows.
pub struct GroupInspector<'a> {
    pub kg: &'a KnowledgeGraph,
    pub grouping: &'a Grouping,
    pub projection: &'a Projection,
    pub rep: NodeIx,
    pub lang: LabelLang,
}

fn name(kg: &KnowledgeGraph, ix: NodeIx, lang: LabelLang) -> String {
    match crate::view::node_label(kg, ix, lang) {
        (main, Some(sub)) => format!("{main} {sub}"),
        (main, None) => main,
    }
}

/// The inspector of a collapsed group; `false` when `rep` is no meta-node.
pub fn group_inspector_ui(
    ui: &mut egui::Ui,
    g: &GroupInspector,
    commands: &mut Vec<Command>,
) -> bool {
    let (kg, p) = (g.kg, g.projection);
    let Some(meta) = p.meta(g.rep) else {
        return false;
    };
    let Some(group) = g.grouping.groups.get(meta.group) else {
        return false;
    };
    ui.heading(title_text(kg, &group.title, g.lang));
    ui.label(t_args("group-count", &[("n", meta.count.into())]));
    if ui.button(t("group-expand")).clicked() {
        commands.push(Command::Group(GroupCommand::Toggle(group.key.clone())));
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.separator();
            ui.strong(t("group-members"));
            let members: Vec<NodeIx> = (kg.node_indices())
                .filter(|ix| p.shown(*ix) == Some(g.rep))
                .collect();
            for m in members.iter().take(LISTED) {
                ui.label(format!("• {}", name(kg, *m, g.lang)));
            }
            if members.len() > LISTED {
                ui.weak(t_args(
                    "group-more",
                    &[("n", (members.len() - LISTED).into())],
                ));
            }
            ui.separator();
            ui.strong(t("group-edges"));
            let touching: Vec<&AggEdge> = (p.edges.iter())
                .filter(|e| e.a == g.rep || e.b == g.rep)
                .collect();
            if touching.is_empty() {
                ui.weak(t("group-no-edges"));
            }
            for e in touching.into_iter().take(LISTED) {
                agg_edge_ui(ui, g, e);
            }
        });
    true
}

fn agg_edge_ui(ui: &mut egui::Ui, g: &GroupInspector, e: &AggEdge) {
    let kg = g.kg;
    let other = if e.a == g.rep { e.b } else { e.a };
    let other_name = match g.projection.meta(other) {
        Some(m) => (g.grouping.groups.get(m.group))
            .map(|x| title_text(kg, &x.title, g.lang))
            .unwrap_or_default(),
        None => name(kg, other, g.lang),
    };
    let rels: Vec<String> = (relations_of(kg, e).into_iter())
        .map(|(r, n)| {
            format!(
                "{} ×{n}",
                crate::view::relation_label(kg.vocab(), &r, g.lang)
            )
        })
        .collect();
    let head = t_args(
        "group-edge",
        &[
            ("other", other_name.into()),
            ("n", e.edges.len().into()),
            ("rels", rels.join(", ").into()),
        ],
    );
    // A collapsing header never wraps its text: the long line (other end and relations) is a
    // label, which wraps to the panel, and the header stays short.
    ui.label(head);
    egui::CollapsingHeader::new(t("group-edge-details"))
        .id_salt(("agg", e.a.index(), e.b.index()))
        .show(ui, |ui| {
            for &x in e.edges.iter().take(LISTED) {
                let Some((a, b)) = kg.graph.edge_endpoints(x) else {
                    continue;
                };
                let edge = kg.edge(x);
                let rel = crate::view::relation_label(kg.vocab(), &edge.rel, g.lang);
                ui.label(format!(
                    "{} → {} ({rel})",
                    name(kg, a, g.lang),
                    name(kg, b, g.lang)
                ));
                for c in edge.cites.iter().take(2) {
                    ui.weak(format!("  “{}” [{}]", c.quote, c.source));
                }
            }
        });
}
