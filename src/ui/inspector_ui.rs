//! The inspector: names, kind, attributes, every citation with its source, and neighbours
//! grouped by relation and direction (click one to go there).

use crate::i18n::{t, t_args};

use super::ReaderState;
use crate::analysis::neighbour_groups;
use crate::commands::Command;
use crate::commands::Document;
use crate::layout::Positions;
use crate::model::{Cite, Dataset, EdgeIx, NodeIx};
use crate::view::Selection;
use crate::view::{LabelLang, relation_label};
use petgraph::Direction;

pub fn inspector_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    selection: &Selection,
    positions: &Positions,
    lang: LabelLang,
    commands: &mut Vec<Command>,
) {
    inspector_ui_with_sources(ui, doc, selection, positions, lang, commands, None);
}

/// The inspector with a "show in source" button beside each citation, which opens `reader`
/// on the passage.
pub fn inspector_ui_with_sources(
    ui: &mut egui::Ui,
    doc: &Document,
    selection: &Selection,
    positions: &Positions,
    lang: LabelLang,
    commands: &mut Vec<Command>,
    mut reader: Option<&mut ReaderState>,
) {
    ui.heading(t("inspector-title"));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Long names wrap or truncate instead of widening the panel.
            ui.set_max_width(ui.available_width());
            if selection.edge.is_some() || !selection.nodes.is_empty() {
                super::edit_buttons_ui(
                    ui,
                    commands,
                    selection.edge.is_none() && selection.nodes.len() == 1,
                );
                ui.separator();
            }
            if let Some(e) = selection.edge {
                edge_ui(ui, doc, e, lang, commands, &mut reader);
            } else if selection.nodes.len() == 1 {
                if let Some(&n) = selection.nodes.iter().next() {
                    node_ui(ui, doc, n, positions, lang, commands, &mut reader);
                }
            } else if selection.nodes.len() > 1 {
                ui.label(t_args(
                    "inspector-nodes-selected",
                    &[("count", selection.nodes.len().into())],
                ));
                for &n in &selection.nodes {
                    let name = super::node_name(doc.kg.node(n), lang);
                    if ui
                        .add(egui::Button::selectable(false, name).truncate())
                        .clicked()
                    {
                        commands.push(Command::Focus(n));
                    }
                }
            } else {
                ui.weak(t("inspector-hint-click"));
                ui.weak(t("inspector-hint-shift"));
            }
        });
}

fn cites_ui(
    ui: &mut egui::Ui,
    data: &Dataset,
    cites: &[Cite],
    reader: &mut Option<&mut ReaderState>,
) {
    ui.strong(t_args(
        "inspector-sources",
        &[("count", cites.len().into())],
    ));
    for c in cites {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(format!("“{}”", c.quote)).italics());
            if let Some(reader) = reader.as_deref_mut()
                && data.source(&c.source).is_some()
                && ui.small_button(t("inspector-show-in-source")).clicked()
            {
                reader.show_passage(&c.source, &c.quote);
            }
            match data.source(&c.source) {
                Some(s) => {
                    ui.weak(format!("— {} ({})", s.title.zh, s.date));
                    if !s.title.en.is_empty() {
                        ui.weak(format!("  {}", s.title.en));
                    }
                    ui.weak(format!("  {}", s.file));
                }
                None => {
                    ui.weak(t_args(
                        "inspector-unknown-source",
                        &[("source", (&c.source).into())],
                    ));
                }
            }
        });
    }
}

fn node_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    ix: NodeIx,
    positions: &Positions,
    lang: LabelLang,
    commands: &mut Vec<Command>,
    reader: &mut Option<&mut ReaderState>,
) {
    let kg = &doc.kg;
    let node = kg.node(ix);
    ui.horizontal(|ui| {
        super::kind_swatch(ui, kg.vocab(), &node.kind);
        ui.label(super::kind_name(kg.vocab(), &node.kind, LabelLang::Both));
    });
    ui.label(egui::RichText::new(&node.name.zh).size(20.0).strong());
    ui.label(egui::RichText::new(&node.name.en).size(15.0));
    ui.weak(t_args("inspector-id", &[("id", (&node.id).into())]));
    if !node.aliases.is_empty() {
        ui.label(t_args(
            "inspector-aliases",
            &[("aliases", node.aliases.join(", ").into())],
        ));
    }
    if let Some(year) = kg.node_year(ix) {
        ui.weak(t_args(
            "inspector-first-attested",
            &[("year", year.to_string().into())],
        ));
    }
    let pinned = positions.pinned.get(ix.index()).copied().unwrap_or(false);
    let mut pin = pinned;
    if ui.checkbox(&mut pin, t("inspector-pinned")).changed() {
        commands.push(Command::SetPinned {
            node: ix,
            pinned: pin,
        });
    }
    if !node.attrs.is_empty() {
        ui.separator();
        ui.strong(t("inspector-attributes"));
        for (k, v) in &node.attrs {
            ui.add(egui::Label::new(egui::RichText::new(format!("{k}: {v}"))).wrap());
        }
    }
    if let Some(series) = crate::analysis::timeline::series_of(kg, ix) {
        ui.separator();
        ui.strong(t("inspector-over-time"));
        for p in &series.points {
            let n = kg.node(p.node);
            let year = p.year.map_or("?".to_string(), |y| y.to_string());
            let src = n.cites.first().map_or(String::new(), |c| c.source.clone());
            let text = format!(
                "{year}: {}{}  ·  {src}",
                p.value,
                if p.target {
                    t("inspector-target")
                } else {
                    String::new()
                }
            );
            let here = p.node == ix;
            if ui.selectable_label(here, text).clicked() && !here {
                commands.push(Command::Focus(p.node));
            }
        }
    }
    ui.separator();
    cites_ui(ui, &kg.data, &node.cites, reader);
    ui.separator();
    let groups = neighbour_groups(kg, ix);
    ui.strong(t_args(
        "inspector-neighbours",
        &[(
            "count",
            groups.iter().map(|g| g.items.len()).sum::<usize>().into(),
        )],
    ));
    for g in groups {
        let arrow = if g.direction == Direction::Outgoing {
            "→"
        } else {
            "←"
        };
        let title = format!(
            "{arrow} {} ({})",
            relation_label(kg.vocab(), &g.relation, lang),
            g.items.len()
        );
        egui::CollapsingHeader::new(title)
            .id_salt((ix, g.relation.ident().to_string(), arrow))
            .default_open(true)
            .show(ui, |ui| {
                for (e, other) in g.items {
                    ui.horizontal(|ui| {
                        if ui
                            .small_button(t("inspector-edge-button"))
                            .on_hover_text(t("inspector-edge-tip"))
                            .clicked()
                        {
                            commands.push(Command::SelectEdge(e));
                        }
                        super::kind_swatch(ui, kg.vocab(), &kg.node(other).kind);
                        let name = super::node_name(kg.node(other), lang);
                        let r = ui.add(egui::Button::selectable(false, name).truncate());
                        let edge = kg.edge(e);
                        let tip = edge
                            .cites
                            .iter()
                            .map(|c| format!("“{}” — {}", c.quote, c.source))
                            .collect::<Vec<_>>()
                            .join("\n");
                        if r.on_hover_text(tip).clicked() {
                            commands.push(Command::Focus(other));
                        }
                    });
                }
            });
    }
}

fn edge_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    e: EdgeIx,
    lang: LabelLang,
    commands: &mut Vec<Command>,
    reader: &mut Option<&mut ReaderState>,
) {
    let kg = &doc.kg;
    let Some((a, b)) = kg.graph.edge_endpoints(e) else {
        return;
    };
    let edge = kg.edge(e);
    ui.label(
        egui::RichText::new(relation_label(kg.vocab(), &edge.rel, LabelLang::Both))
            .size(18.0)
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        if ui.link(super::node_name(kg.node(a), lang)).clicked() {
            commands.push(Command::Focus(a));
        }
        ui.label("→");
        if ui.link(super::node_name(kg.node(b), lang)).clicked() {
            commands.push(Command::Focus(b));
        }
    });
    if let Some(y) = kg.edge_year(e) {
        ui.weak(t_args("inspector-year", &[("year", y.to_string().into())]));
    }
    if edge.inferred {
        ui.colored_label(ui.visuals().warn_fg_color, t("inspector-inferred"));
    }
    for (k, v) in &edge.attrs {
        ui.label(format!("{k}: {v}"));
    }
    ui.separator();
    cites_ui(ui, &kg.data, &edge.cites, reader);
}
