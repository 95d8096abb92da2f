//! Analysis and saved-view commands, and fixed arrangements of the nodes.

use crate::i18n::{t, t_args};

use super::state::AtlasApp;
use super::view_state::RightTab;
use crate::commands::{Action, AnalysisCommand};
use crate::io;
use crate::model::NodeIx;

impl AtlasApp {
    pub fn analysis(&mut self, cmd: AnalysisCommand) {
        use crate::analysis::ego::MAX_RADIUS;
        let mut refresh = true;
        match cmd {
            AnalysisCommand::SetYear(y) => {
                self.view.focus.year = y;
                if y.is_none() {
                    self.view.focus.playing = false;
                }
            }
            AnalysisCommand::Play(on) => {
                self.view.focus.playing = on;
                if on {
                    let (lo, hi) =
                        crate::analysis::timeline::year_range(&self.doc.kg).unwrap_or((2021, 2025));
                    // Restart from the first year when at (or past) the end.
                    if self.view.focus.year.is_none_or(|y| y >= hi) {
                        self.view.focus.year = Some(lo);
                    }
                } else {
                    refresh = false;
                }
            }
            AnalysisCommand::EgoFromSelection => {
                let seeds: Vec<String> = self
                    .view
                    .selection
                    .nodes
                    .iter()
                    .map(|n| self.doc.kg.node(*n).id.clone())
                    .collect();
                if seeds.is_empty() {
                    self.shell.status = t("msg-ego-needs-selection");
                    refresh = false;
                } else {
                    self.view.focus.ego = Some(crate::analysis::focus::EgoFocus {
                        seeds,
                        radius: 1,
                        direction: Default::default(),
                    });
                }
            }
            AnalysisCommand::EgoOff => self.view.focus.ego = None,
            AnalysisCommand::EgoRadius(r) => match &mut self.view.focus.ego {
                Some(e) => e.radius = r.min(MAX_RADIUS),
                None => refresh = false,
            },
            AnalysisCommand::EgoDirection(d) => match &mut self.view.focus.ego {
                Some(e) => e.direction = d,
                None => refresh = false,
            },
            AnalysisCommand::DegreeRange(lo, hi) => {
                self.view.focus.degree_min = lo;
                self.view.focus.degree_max = hi;
            }
            AnalysisCommand::SourceFilter(s) => self.view.focus.source = s,
            AnalysisCommand::SearchFilter(on) => self.view.focus.search_as_filter = on,
            AnalysisCommand::SizeBy(m) => self.view.focus.size_by = m,
            AnalysisCommand::ShowKind(kind, shown) => {
                let hidden = &mut self.view.filter.hidden_kinds;
                refresh = if shown {
                    hidden.remove(&kind)
                } else {
                    hidden.insert(kind)
                };
            }
            AnalysisCommand::ShowRelation(rel, shown) => {
                let hidden = &mut self.view.filter.hidden_relations;
                refresh = if shown {
                    hidden.remove(&rel)
                } else {
                    hidden.insert(rel)
                };
            }
            AnalysisCommand::ColorBy(m) => self.view.focus.color_by = m,
            AnalysisCommand::FindPaths => {
                let mut sel: Vec<NodeIx> = self.view.selection.nodes.iter().copied().collect();
                if sel.len() == 2 {
                    if self.view.selection.anchor == Some(sel[1]) {
                        sel.swap(0, 1);
                    }
                    crate::analysis::focus::find_paths(
                        &self.doc.kg,
                        &self.view.full,
                        &mut self.view.focus,
                        sel[0],
                        sel[1],
                    );
                    self.view.right_tab = RightTab::Paths;
                } else {
                    self.view.focus.path_message = t("msg-paths-need-two");
                    self.view.right_tab = RightTab::Paths;
                }
                refresh = false;
                self.view.canvas.overlay = self.overlay_now();
            }
            AnalysisCommand::SelectPath(i) => {
                self.view.focus.path_selected = i;
                refresh = false;
                self.view.canvas.overlay = self.overlay_now();
            }
            AnalysisCommand::ClearPaths => {
                self.view.focus.paths.clear();
                self.view.focus.path_ends = None;
                self.view.focus.path_selected = None;
                self.view.focus.path_message.clear();
                refresh = false;
                self.view.canvas.overlay = self.overlay_now();
            }
        }
        if refresh {
            self.refresh_visible();
        }
    }

    pub(super) fn view_command(&mut self, cmd: crate::commands::ViewCommand) {
        use crate::commands::ViewCommand as V;
        match cmd {
            V::Activate(i) => self.activate_view(i),
            V::Add(name) => self.add_view(&name),
            V::Update(i) => self.update_view(i),
            V::Edit {
                index,
                name,
                caption,
            } => self.edit_view(index, name, caption),
            V::Delete(i) => self.delete_view(i),
            V::Move { index, up } => self.move_view(index, up),
        }
    }

    /// A fixed arrangement (layered, radial, circular, geographic), reached by an animated
    /// transition.
    pub(super) fn arrange(&mut self, action: Action) {
        use crate::layout::{LayoutKind, circular, layered, radial};
        let kg = &self.doc.kg;
        let g = self.layout.graph();
        let kind_layer = |ix: NodeIx| -> u32 { kg.vocab().layer(&kg.node(ix).kind) };
        let n = kg.node_bound();
        let by_kind: Vec<u32> = (0..n)
            .map(|i| {
                let ix = NodeIx::new(i);
                kg.graph
                    .node_weight(ix)
                    .map_or(u32::MAX, |_| kind_layer(ix))
            })
            .collect();
        let (target, name) = match action {
            Action::LayoutLayered => (layered(g, &by_kind), LayoutKind::Layered),
            Action::LayoutRadial => {
                let Some(&center) = self.view.selection.nodes.iter().next() else {
                    self.shell.status = t("msg-radial-needs-selection");
                    return;
                };
                (radial(g, center.index()), LayoutKind::Radial)
            }
            Action::LayoutCircularKind => (circular(g, &by_kind), LayoutKind::CircularKind),
            Action::LayoutGeographic => {
                let geo = match self.doc.path() {
                    Some(p) => io::geo::load_geo(&io::geo::geo_sidecar_path(p)),
                    None => io::geo::parse_geo(
                        io::geo::EMBEDDED_SHENZHEN_GEO,
                        "shenzhen.geo.ron (built in)",
                    )
                    .map(Some),
                };
                let geo = match geo {
                    Ok(Some(geo)) => geo,
                    Ok(None) => {
                        let name = self.doc.path().map(|p| io::geo::geo_sidecar_path(p));
                        let name = name.map_or("NAME.geo.ron".into(), |p| p.display().to_string());
                        self.shell.status = t_args("msg-no-geo-sidecar", &[("file", name.into())]);
                        return;
                    }
                    Err(d) => {
                        self.shell.status =
                            t_args("msg-geo-not-used", &[("problem", d.to_string().into())]);
                        return;
                    }
                };
                let radius = super::state::node_radii(&self.doc);
                let a = crate::layout::arrange_geographic(kg, g, &radius, &geo);
                self.shell.status = t_args("msg-geo-layout", &[("places", a.anchored.into())]);
                if !a.unknown.is_empty() {
                    self.shell.status += &t_args(
                        "msg-geo-unknown-ids",
                        &[("ids", a.unknown.join(", ").into())],
                    );
                }
                self.view.canvas.backdrop = Some(crate::view::geo_backdrop::Backdrop::new(
                    io::geo::shenzhen_districts(),
                    &a.projection,
                ));
                (a.target, LayoutKind::Geographic)
            }
            _ => {
                let comm = crate::analysis::communities::communities(kg, &self.view.visible, 1);
                let groups: Vec<u32> = (0..n)
                    .map(|i| comm.of(NodeIx::new(i)).map_or(u32::MAX, |c| c as u32))
                    .collect();
                (circular(g, &groups), LayoutKind::CircularCommunity)
            }
        };
        if name != LayoutKind::Geographic {
            self.view.canvas.backdrop = None;
        }
        self.layout.arrange(name, target, &self.view.visible.nodes);
        self.view.auto_fit = true;
    }
}
