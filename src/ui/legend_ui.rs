//! The legend: colour and shape of each kind present, in a corner of the canvas.

use crate::analysis::Visible;
use crate::app::Document;
use crate::model::Kind;
use std::collections::BTreeSet;

pub fn legend_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    visible: &Visible,
    lang: crate::view::LabelLang,
    focus: &crate::analysis::focus::Focus,
) {
    let kinds: BTreeSet<Kind> = doc
        .kg
        .node_indices()
        .filter(|ix| visible.node(*ix))
        .map(|ix| doc.kg.node(ix).kind.clone())
        .collect();
    if kinds.is_empty() {
        return;
    }
    let rect = ui.max_rect();
    egui::Area::new(egui::Id::unique("legend"))
        .fixed_pos(rect.left_bottom() + egui::vec2(10.0, -10.0))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .order(egui::Order::Foreground)
        .interactable(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong("Legend 图例");
                for kind in &kinds {
                    ui.horizontal(|ui| {
                        super::kind_swatch(ui, kind);
                        ui.label(super::kind_name(kind, lang));
                    });
                }
                match focus.size_by {
                    Some(m) => ui.weak(format!("size = {} · → direction", m.label_en())),
                    None => ui.weak("size = degree · → direction"),
                };
                if let (Some(m), Some(gm)) = (focus.color_by, &focus.metrics) {
                    ui.separator();
                    if m.is_categorical() {
                        ui.strong(format!("colour = community ({})", gm.communities.count()));
                        for (i, members) in gm.communities.members.iter().enumerate().take(8) {
                            ui.horizontal(|ui| {
                                let (r, _) = ui.allocate_exact_size(
                                    egui::vec2(12.0, 12.0),
                                    egui::Sense::hover(),
                                );
                                ui.painter().circle_filled(
                                    r.center(),
                                    5.0,
                                    crate::view::overlay::category(i),
                                );
                                ui.label(format!("#{} · {} nodes", i + 1, members.len()));
                            });
                        }
                    } else {
                        let (lo, hi) = gm.range(m);
                        ui.strong(format!("colour = {}", m.label_en()));
                        let (r, _) =
                            ui.allocate_exact_size(egui::vec2(140.0, 10.0), egui::Sense::hover());
                        for k in 0..28 {
                            let x0 = r.left() + r.width() * k as f32 / 28.0;
                            let seg = egui::Rect::from_min_size(
                                egui::pos2(x0, r.top()),
                                egui::vec2(r.width() / 28.0 + 0.5, r.height()),
                            );
                            ui.painter().rect_filled(
                                seg,
                                0.0,
                                crate::view::overlay::ramp(k as f32 / 27.0),
                            );
                        }
                        ui.weak(format!("{lo:.3} … {hi:.3}"));
                    }
                }
            });
        });
}
