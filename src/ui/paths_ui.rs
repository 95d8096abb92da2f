//! "How is A connected to B?": the k shortest paths, highlighted on the canvas and listed hop by
//! hop with each hop's relation and cited quote.

use crate::i18n::{t, t_args};

use crate::analysis::focus::Focus;
use crate::analysis::paths::{MAX_K, PathDirection};
use crate::commands::Document;
use crate::commands::{AnalysisCommand as A, Command};
use crate::view::{LabelLang, relation_label};

pub fn paths_ui(
    ui: &mut egui::Ui,
    focus: &mut Focus,
    doc: &Document,
    lang: LabelLang,
    commands: &mut Vec<Command>,
) {
    let kg = &doc.kg;
    ui.heading(t("paths-title"));
    ui.weak(t("paths-hint"));
    ui.horizontal(|ui| {
        ui.add(egui::Slider::new(&mut focus.path_query.k, 1..=MAX_K).text(t("paths-count")));
    });
    ui.horizontal(|ui| {
        for d in [PathDirection::Any, PathDirection::Forward] {
            if ui
                .radio(
                    focus.path_query.direction == d,
                    t(match d {
                        PathDirection::Any => "paths-either-direction",
                        PathDirection::Forward => "paths-along-arrows",
                    }),
                )
                .clicked()
            {
                focus.path_query.direction = d;
            }
        }
    });
    egui::CollapsingHeader::new(if focus.path_relations.is_empty() {
        t("paths-relations-any")
    } else {
        t_args(
            "paths-relations-chosen",
            &[("count", focus.path_relations.len().into())],
        )
    })
    .id_salt("path-relations")
    .show(ui, |ui| {
        for r in kg.vocab().relations().iter().map(|d| &d.id) {
            let mut on = focus.path_relations.contains(r);
            if ui
                .checkbox(&mut on, relation_label(kg.vocab(), r, lang))
                .changed()
            {
                if on {
                    focus.path_relations.insert(r.clone());
                } else {
                    focus.path_relations.remove(r);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        if ui.button(t("paths-find")).clicked() {
            commands.push(Command::Analysis(A::FindPaths));
        }
        if !focus.paths.is_empty() && ui.button(t("paths-clear")).clicked() {
            commands.push(Command::Analysis(A::ClearPaths));
        }
    });
    if !focus.path_message.is_empty() {
        ui.label(&focus.path_message);
    }
    egui::ScrollArea::vertical()
        .id_salt("paths")
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            for (i, p) in focus.paths.iter().enumerate() {
                let selected = focus.path_selected == Some(i);
                let title = t_args(
                    "paths-path",
                    &[("n", (i + 1).into()), ("hops", p.len().into())],
                );
                if ui.selectable_label(selected, title).clicked() {
                    commands.push(Command::Analysis(A::SelectPath((!selected).then_some(i))));
                }
                for hop in &p.hops {
                    let e = kg.edge(hop.edge);
                    let (a, b) = (kg.node(hop.from), kg.node(hop.to));
                    let arrow = if hop.forward { "→" } else { "←" };
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.add(
                            egui::Label::new(format!(
                                "{}  {arrow} {} {arrow}  {}",
                                super::node_name(a, lang),
                                relation_label(kg.vocab(), &e.rel, lang),
                                super::node_name(b, lang)
                            ))
                            .wrap(),
                        );
                        for c in &e.cites {
                            let src = kg.data.source(&c.source).map_or(c.source.clone(), |s| {
                                format!("{} ({})", s.title.zh, s.date)
                            });
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(format!("“{}” — {src}", c.quote)).italics(),
                                )
                                .wrap(),
                            );
                        }
                    });
                }
                ui.add_space(6.0);
            }
        });
}
