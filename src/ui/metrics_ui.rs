//! The metrics table: every centrality per visible node, sortable, click a row to go there;
//! and the mapping of a metric to node size and colour.

use crate::i18n::{t, t_args};

use crate::analysis::focus::Focus;
use crate::analysis::metrics::{GraphMetrics, Metric};
use crate::commands::Document;
use crate::commands::{AnalysisCommand as A, Command};
use crate::view::LabelLang;

fn metric_combo(
    ui: &mut egui::Ui,
    label: &str,
    current: Option<Metric>,
    numeric_only: bool,
) -> Option<Option<Metric>> {
    let mut choice = None;
    egui::ComboBox::from_label(label)
        .selected_text(current.map_or(t("metrics-kind"), super::metric_label))
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(current.is_none(), t("metrics-kind"))
                .clicked()
            {
                choice = Some(None);
            }
            for &m in Metric::ALL {
                if numeric_only && m.is_categorical() {
                    continue;
                }
                if ui
                    .selectable_label(current == Some(m), super::metric_label(m))
                    .clicked()
                {
                    choice = Some(Some(m));
                }
            }
        });
    choice
}

pub fn metrics_ui(
    ui: &mut egui::Ui,
    focus: &mut Focus,
    doc: &Document,
    lang: LabelLang,
    commands: &mut Vec<Command>,
) {
    ui.heading(t("metrics-title"));
    ui.weak(t("metrics-hint"));
    ui.horizontal(|ui| {
        if let Some(m) = metric_combo(ui, &t("metrics-size"), focus.size_by, true) {
            commands.push(Command::Analysis(A::SizeBy(m)));
        }
        if let Some(m) = metric_combo(ui, &t("metrics-colour"), focus.color_by, false) {
            commands.push(Command::Analysis(A::ColorBy(m)));
        }
    });
    let Some(gm) = &focus.metrics else {
        ui.weak(t("metrics-computing"));
        return;
    };
    ui.label(t_args(
        "metrics-summary",
        &[
            ("nodes", gm.rows.len().into()),
            ("communities", gm.communities.count().into()),
            (
                "modularity",
                format!("{:.3}", gm.communities.modularity).into(),
            ),
        ],
    ));
    let columns = Metric::ALL.iter().copied();
    let order = sorted_rows(gm, focus.sort);
    let name_w = 150.0;
    let col_w = 62.0;
    egui::ScrollArea::horizontal()
        .id_salt("metrics_h")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add_sized(
                    [name_w, 18.0],
                    egui::Label::new(egui::RichText::new(t("metrics-node")).strong()),
                );
                for m in columns.clone() {
                    let arrow = match focus.sort {
                        (Some(s), true) if s == m => " ↓",
                        (Some(s), false) if s == m => " ↑",
                        _ => "",
                    };
                    let short: String = super::metric_label(m).chars().take(8).collect();
                    if ui
                        .add_sized(
                            [col_w, 18.0],
                            egui::Button::new(format!("{short}{arrow}")).frame(false),
                        )
                        .on_hover_text(t_args(
                            "metrics-sort-tip",
                            &[("zh", m.label_zh().into()), ("en", m.label_en().into())],
                        ))
                        .clicked()
                    {
                        focus.sort = match focus.sort {
                            (Some(s), desc) if s == m => (Some(m), !desc),
                            _ => (Some(m), true),
                        };
                    }
                }
            });
            let row_h = 18.0;
            egui::ScrollArea::vertical().id_salt("metrics_v").show_rows(
                ui,
                row_h,
                order.len(),
                |ui, range| {
                    for &r in &order[range] {
                        let row = &gm.rows[r];
                        ui.horizontal(|ui| {
                            let name = super::node_name(doc.kg.node(row.node), lang);
                            if ui
                                .add_sized(
                                    [name_w, row_h],
                                    egui::Button::selectable(false, name).truncate(),
                                )
                                .clicked()
                            {
                                commands.push(Command::Focus(row.node));
                            }
                            for m in columns.clone() {
                                let v = row.get(m);
                                let text = match m {
                                    Metric::Degree
                                    | Metric::DegreeIn
                                    | Metric::DegreeOut
                                    | Metric::Community => format!("{v:.0}"),
                                    _ => format!("{v:.4}"),
                                };
                                ui.add_sized(
                                    [col_w, row_h],
                                    egui::Label::new(egui::RichText::new(text).monospace()),
                                );
                            }
                        });
                    }
                },
            );
        });
}

fn sorted_rows(gm: &GraphMetrics, sort: (Option<Metric>, bool)) -> Vec<usize> {
    let mut order: Vec<usize> = (0..gm.rows.len()).collect();
    if let (Some(m), desc) = sort {
        order.sort_by(|&a, &b| {
            let (x, y) = (gm.rows[a].get(m), gm.rows[b].get(m));
            let o = x.total_cmp(&y);
            if desc { o.reverse() } else { o }
        });
    }
    order
}
