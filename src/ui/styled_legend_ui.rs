//! The canvas legend of an appearance by attribute: each block the style table resolved (its
//! categories with their colour and shape, a ramp with its range, sizes), so the legend lists
//! exactly the looks drawn. Rows are labelled for screen readers and tests.

use crate::analysis::Visible;
use crate::i18n::t;
use crate::model::{KnowledgeGraph, Shape};
use crate::view::LabelLang;
use crate::view::appearance::{LegendPart, Styled, effective, resolve};
use std::sync::Arc;

/// What the default appearance resolves to, cached per graph and visible set in egui's memory
/// (resolving walks every node).
pub(super) fn default_looks(
    ui: &egui::Ui,
    kg: &KnowledgeGraph,
    visible: &Visible,
    lang: LabelLang,
) -> Option<Arc<Styled>> {
    type Cached = (Vec<usize>, Option<Arc<Styled>>);
    let key = vec![
        kg.node_bound(),
        kg.edge_bound(),
        kg.node_count(),
        visible.node_count,
        visible.edge_count,
        lang as usize,
    ];
    let id = egui::Id::unique("default_looks");
    if let Some((k, v)) = ui.data(|d| d.get_temp::<Cached>(id))
        && k == key
    {
        return v;
    }
    let styled = effective(kg, None).map(|a| Arc::new(resolve(kg, visible, &a, lang)));
    ui.data_mut(|d| d.insert_temp::<Cached>(id, (key, styled.clone())));
    styled
}

pub(super) fn styled_legend_ui(ui: &mut egui::Ui, styled: &Styled) {
    let rect = ui.max_rect();
    egui::Area::new(egui::Id::unique("legend_styled"))
        .fixed_pos(rect.left_bottom() + egui::vec2(10.0, -10.0))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(t("legend-title"));
                let stroke = egui::Stroke::new(0.5, ui.visuals().text_color());
                for part in &styled.legend {
                    match part {
                        LegendPart::Categories {
                            title,
                            items,
                            edges,
                        } => {
                            ui.weak(title);
                            for item in items {
                                ui.horizontal(|ui| {
                                    let (r, _) = ui.allocate_exact_size(
                                        egui::vec2(14.0, 14.0),
                                        egui::Sense::hover(),
                                    );
                                    let fill = item.color.unwrap_or(egui::Color32::GRAY);
                                    if *edges {
                                        ui.painter().line_segment(
                                            [r.left_center(), r.right_center()],
                                            egui::Stroke::new(2.5, fill),
                                        );
                                    } else {
                                        let shape = item.shape.unwrap_or(Shape::Circle);
                                        crate::view::draw_shape(
                                            ui.painter(),
                                            shape,
                                            r.center(),
                                            5.5,
                                            fill,
                                            stroke,
                                        );
                                    }
                                    ui.label(&item.label);
                                });
                            }
                        }
                        LegendPart::Ramp { title, lo, hi } => {
                            ui.weak(title);
                            let (r, _) = ui
                                .allocate_exact_size(egui::vec2(140.0, 10.0), egui::Sense::hover());
                            for k in 0..28 {
                                let x0 = r.left() + r.width() * k as f32 / 28.0;
                                let seg = egui::Rect::from_min_size(
                                    egui::pos2(x0, r.top()),
                                    egui::vec2(r.width() / 28.0 + 0.5, r.height()),
                                );
                                let c = crate::view::overlay::ramp(k as f32 / 27.0);
                                ui.painter().rect_filled(seg, 0.0, c);
                            }
                            ui.label(format!("{lo} … {hi}"));
                        }
                        LegendPart::Sizes { title, lo, hi } => {
                            ui.weak(title);
                            ui.label(format!("{lo} … {hi}"));
                        }
                    }
                }
            });
        });
}
