//! Groups in the app: the grouping of the screen and its sidecar, collapse and expand with the
//! layout (a meta-node starts at its members' centroid; expanded members glide back to where
//! they were), and the overlay entries that draw meta-nodes.
//!
//! The shown graph is `analysis::groups::project` of what filters, focus and timeline leave
//! visible (`ViewState::full`); the canvas, layout, legend and metrics see the shown graph,
//! paths are found on the full one and drawn through the groups.

use super::groups_state::GroupsView;
use super::state::AtlasApp;
use crate::analysis::groups::{self, GroupTitle, Grouping, Projection};
use crate::commands::GroupCommand;
use crate::i18n::{t, t_args};
use crate::io::groups::{GroupBy, GroupState, HandGroup, groups_sidecar_path, open_groups};
use crate::model::NodeIx;
use crate::ui::ErrorReport;
use crate::view::overlay::Overlay;
use std::collections::{HashMap, HashSet};
use std::path::Path;

impl AtlasApp {
    /// Group and project `full` (what filters and focus leave visible): the shown graph.
    pub(super) fn project_groups(&mut self, full: &crate::analysis::Visible) {
        let g = &mut self.view.groups;
        if g.state.is_empty() {
            g.grouping = Grouping::default();
            g.projection = Projection::default();
            return;
        }
        g.grouping = groups::build(&self.doc.kg, full, &g.state, self.layout.seed());
        let mask = g.collapsed_mask(&g.grouping);
        g.projection = groups::project(&self.doc.kg, full, &g.grouping, &mask);
    }

    /// The overlay of the analysis focus, with meta-nodes sized, coloured, labelled first and
    /// standing in for highlighted or searched members.
    pub(super) fn overlay_now(&self) -> Overlay {
        let kg = &self.doc.kg;
        let g = &self.view.groups;
        let o = crate::view::compute_overlay(kg, &self.view.focus);
        let mut o = crate::view::group_fold::meta_overlay(kg, &g.grouping, &g.projection, o);
        if g.projection.is_active() {
            o.highlight_nodes.extend(g.hit_reps.iter().copied());
        }
        o
    }

    /// Search hits as shown: a hit inside a collapsed group is its meta-node, which is
    /// highlighted (the overlay is refreshed when that set changes).
    pub(super) fn shown_hits(&mut self, hits: Vec<NodeIx>) -> Vec<NodeIx> {
        let p = &self.view.groups.projection;
        if !p.is_active() {
            return hits;
        }
        let mut reps: Vec<NodeIx> = (hits.iter())
            .filter_map(|h| p.shown(*h).filter(|s| s != h))
            .collect();
        reps.sort();
        reps.dedup();
        let mut out: Vec<NodeIx> = hits.iter().filter_map(|h| p.shown(*h)).collect();
        out.dedup();
        if reps != self.view.groups.hit_reps {
            self.view.groups.hit_reps = reps;
            self.view.canvas.overlay = self.overlay_now();
        }
        out
    }

    /// Read `NAME.groups.ron` beside a newly opened file (missing: ungrouped).
    pub(super) fn load_groups_for(&mut self, data_path: Option<&Path>) {
        let first_picture = self.view.groups.first_picture;
        self.view.groups = GroupsView {
            path: data_path.map(groups_sidecar_path),
            ..Default::default()
        };
        // The embedded copy has no path, hence no sidecar, but still its first picture.
        let open = self.view.groups.path.clone().map(|path| open_groups(&path));
        let (saved, broken) = match open {
            Some(o) => (o.value, o.broken),
            None => (None, None),
        };
        if let Some(state) = saved {
            self.view.groups.state = state;
        } else if first_picture
            && let Some(first) = self.view.briefing.views.views.first()
            && let Some(state) = first.groups.clone()
        {
            // The overview's filters too (it hides the figures), not its camera: the first
            // picture keeps fitting itself while the layout settles.
            self.view.filter = crate::view::export::apply_view(&self.doc.kg, first).filter;
            self.view.groups.state = state;
        }
        if let Some(broken) = broken {
            self.shell.error = Some(ErrorReport {
                title: t("group-err-unreadable"),
                lines: vec![broken],
            });
        }
    }

    fn save_groups(&mut self) {
        let Some(path) = self.view.groups.path.clone() else {
            return;
        };
        if self.view.groups.state.is_empty() && !path.exists() {
            return;
        }
        if let Err(e) = crate::io::groups::save_groups(&path, &self.view.groups.state) {
            self.shell.error = Some(ErrorReport {
                title: t("group-err-save"),
                lines: vec![format!("{}: {e}", path.display())],
            });
        }
    }

    /// Show `state` (a view's grouping, or the user's change): project again, then put new
    /// meta-nodes at their members' centroid and let expanded members glide back.
    pub(super) fn set_group_state(&mut self, state: GroupState) {
        let before = std::mem::take(&mut self.view.groups.projection);
        self.view.groups.state = state;
        self.refresh_visible();
        let after = &self.view.groups.projection;
        let pos = self.layout.positions();
        let at = |i: usize| pos.xy.get(i).copied().unwrap_or([0.0, 0.0]);
        let was_shown = |i: usize| before.shown_as.get(i).copied() == Some(i as u32);
        let was_meta = |i: usize| before.meta_of.get(i).is_some_and(|m| *m != groups::NONE);
        let shown_before = |i: usize| match before.shown_as.get(i).copied() {
            Some(s) if s != groups::NONE => Some(s as usize),
            _ if before.shown_as.is_empty() => Some(i),
            _ => None,
        };
        // Collapsed now: a meta-node that is new or holds other members than before.
        let mut centroids: HashMap<usize, ([f32; 2], usize)> = HashMap::new();
        let mut remember = Vec::new();
        for (i, &s) in after.shown_as.iter().enumerate() {
            if s == groups::NONE || after.meta_of[s as usize] == groups::NONE {
                continue;
            }
            if before.shown_as.is_empty() || (was_shown(i) && !was_meta(i)) {
                remember.push((NodeIx::new(i), at(i)));
            }
            if let Some(from) = shown_before(i) {
                let c = centroids.entry(s as usize).or_insert(([0.0, 0.0], 0));
                let p = at(from);
                c.0[0] += p[0];
                c.0[1] += p[1];
                c.1 += 1;
            }
        }
        // Expanded now: shown on its own, inside a meta-node before.
        let mut glide: Vec<(usize, [f32; 2], [f32; 2])> = Vec::new();
        for (i, &s) in after.shown_as.iter().enumerate() {
            if s as usize != i || after.meta_of[i] != groups::NONE {
                continue;
            }
            // From inside a meta-node, or the meta-node's own representative.
            let Some(from) = shown_before(i).filter(|&f| f != i || was_meta(i)) else {
                continue;
            };
            let to = (self.view.groups.remembered.get(&NodeIx::new(i)).copied()).unwrap_or(at(i));
            glide.push((i, at(from), to));
        }
        for (ix, p) in remember {
            self.view.groups.remembered.insert(ix, p);
        }
        let mut moves: Vec<(usize, [f32; 2], bool)> = Vec::new();
        let after = &self.view.groups.projection;
        for (rep, (sum, k)) in centroids {
            let count = |p: &Projection| p.meta(NodeIx::new(rep)).map(|m| m.count);
            if k > 0 && count(&before) != count(after) {
                let c = [sum[0] / k as f32, sum[1] / k as f32];
                moves.push((rep, c, self.layout.is_pinned(rep)));
            }
        }
        moves.extend(glide.iter().map(|&(i, from, _)| (i, from, false)));
        self.layout.place_many(moves);
        if !glide.is_empty() {
            let mut target = self.layout.positions().clone();
            let mut moving = vec![false; target.len()];
            for &(i, _, to) in &glide {
                if i < target.len() {
                    target.xy[i] = to;
                    moving[i] = true;
                }
            }
            let kind = self.layout.kind();
            self.layout.arrange(kind, target, &moving);
        }
    }

    fn change_groups(&mut self, change: impl FnOnce(&mut GroupState, &GroupsView)) {
        let mut state = self.view.groups.state.clone();
        change(&mut state, &self.view.groups);
        if state != self.view.groups.state {
            self.set_group_state(state);
            self.save_groups();
        }
    }

    pub(super) fn group_command(&mut self, cmd: GroupCommand) {
        let selected: Option<NodeIx> = self.view.selection.nodes.iter().next().copied();
        match cmd {
            GroupCommand::By(by) => self.change_groups(|s, _| {
                s.by = by;
                s.collapsed.retain(|k| k.starts_with("hand:"));
            }),
            GroupCommand::Toggle(key) => self.change_groups(|s, _| toggle(s, &key)),
            GroupCommand::CollapseAll => self.change_groups(|s, g| {
                s.collapsed = g.grouping.groups.iter().map(|x| x.key.clone()).collect();
            }),
            GroupCommand::ExpandAll => self.change_groups(|s, _| s.collapsed.clear()),
            GroupCommand::ToggleSelected => {
                let Some(gi) = selected.and_then(|s| self.view.groups.group_at(s)) else {
                    self.shell.status = t("group-msg-none-selected");
                    return;
                };
                let key = self.view.groups.grouping.groups[gi].key.clone();
                self.change_groups(|s, _| toggle(s, &key));
            }
            GroupCommand::FromSelection => self.group_selection(),
            GroupCommand::Ungroup => {
                let hand = selected
                    .and_then(|s| self.view.groups.group_at(s))
                    .and_then(|gi| {
                        self.view.groups.grouping.ancestors(gi).find_map(|a| {
                            match &self.view.groups.grouping.groups[a].title {
                                GroupTitle::Hand(name) => Some(name.clone()),
                                _ => None,
                            }
                        })
                    });
                self.change_groups(|s, _| match hand {
                    Some(name) => {
                        s.hand.retain(|h| h.name != name);
                        s.collapsed.retain(|k| *k != format!("hand:{name}"));
                    }
                    None => {
                        s.by = None;
                        s.collapsed.retain(|k| k.starts_with("hand:"));
                    }
                });
            }
        }
    }

    /// Ctrl+G: the selected nodes (a selected meta-node brings all its members) become a
    /// collapsed group made by hand.
    fn group_selection(&mut self) {
        let p = &self.view.groups.projection;
        let chosen: HashSet<NodeIx> = self.view.selection.nodes.iter().copied().collect();
        let kg = &self.doc.kg;
        let mut members: Vec<String> = Vec::new();
        for ix in kg.node_indices() {
            let stands_for = p.shown(ix).unwrap_or(ix);
            if chosen.contains(&ix)
                || (p.meta(stands_for).is_some() && chosen.contains(&stands_for))
            {
                members.push(kg.node(ix).id.clone());
            }
        }
        if members.len() < 2 {
            self.shell.status = t("group-msg-need-two");
            return;
        }
        let taken: HashSet<&str> = (self.view.groups.state.hand.iter())
            .map(|h| h.name.as_str())
            .collect();
        let name = (1..)
            .map(|n| t_args("group-hand-name", &[("n", n.into())]))
            .find(|n| !taken.contains(n.as_str()))
            .unwrap_or_default();
        let count = members.len();
        self.change_groups(|s, _| {
            s.collapsed.push(format!("hand:{name}"));
            s.hand.push(HandGroup {
                name: name.clone(),
                members,
            });
        });
        self.shell.status = t_args(
            "group-msg-made",
            &[("name", name.into()), ("n", count.into())],
        );
        self.view.selection = Default::default();
    }

    /// Quick groupings from the menu.
    pub(super) fn group_by(&mut self, by: GroupBy) {
        let on = self.view.groups.state.by.as_ref() == Some(&by);
        self.group_command(GroupCommand::By((!on).then_some(by)));
        if !on {
            self.group_command(GroupCommand::CollapseAll);
        }
    }
}

fn toggle(s: &mut GroupState, key: &str) {
    if let Some(i) = s.collapsed.iter().position(|k| k == key) {
        s.collapsed.remove(i);
    } else {
        s.collapsed.push(key.to_string());
    }
}

impl AtlasApp {
    /// The groups section of the side panel.
    pub(super) fn groups_panel(
        &self,
        ui: &mut egui::Ui,
        commands: &mut Vec<crate::commands::Command>,
    ) {
        let panel = crate::ui::GroupsPanel {
            kg: &self.doc.kg,
            state: &self.view.groups.state,
            grouping: &self.view.groups.grouping,
            lang: self.prefs.lang,
        };
        crate::ui::groups_ui(ui, &panel, commands);
    }

    /// The inspector of a selected meta-node; `false` when the selection is none.
    pub(super) fn group_inspector(
        &self,
        ui: &mut egui::Ui,
        commands: &mut Vec<crate::commands::Command>,
    ) -> bool {
        let sel = &self.view.selection.nodes;
        let Some(&rep) = sel.iter().next().filter(|_| sel.len() == 1) else {
            return false;
        };
        let g = crate::ui::GroupInspector {
            kg: &self.doc.kg,
            grouping: &self.view.groups.grouping,
            projection: &self.view.groups.projection,
            rep,
            lang: self.prefs.lang,
        };
        crate::ui::group_inspector_ui(ui, &g, commands)
    }
}
