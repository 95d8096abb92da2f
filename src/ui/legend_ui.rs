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
                ui.weak("size = degree · → direction");
            });
        });
}
