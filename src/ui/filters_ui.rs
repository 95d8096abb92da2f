//! Show or hide nodes by kind and edges by relation. Hidden elements leave the layout too.

use crate::i18n::t;

use crate::analysis::Filter;
use crate::analysis::census::Census;
use crate::commands::Document;
use crate::commands::{AnalysisCommand, Command};
use crate::view::LabelLang;

pub fn filters_ui(
    ui: &mut egui::Ui,
    filter: &Filter,
    doc: &Document,
    census: &Census,
    lang: LabelLang,
    commands: &mut Vec<Command>,
) {
    // Counted when the data or the filter changed (`analysis::census`), not every frame.
    let (kinds, rels) = (&census.kinds, &census.relations);
    egui::CollapsingHeader::new(t("filters-kinds"))
        .default_open(true)
        .show(ui, |ui| {
            for (kind, count) in kinds {
                ui.horizontal(|ui| {
                    super::kind_swatch(ui, doc.kg.vocab(), kind);
                    let mut shown = !filter.hidden_kinds.contains(kind);
                    let label =
                        format!("{} ({count})", super::kind_name(doc.kg.vocab(), kind, lang));
                    if ui.checkbox(&mut shown, label).changed() {
                        commands.push(Command::Analysis(AnalysisCommand::ShowKind(
                            kind.clone(),
                            shown,
                        )));
                    }
                });
            }
        });
    egui::CollapsingHeader::new(t("filters-relations"))
        .default_open(false)
        .show(ui, |ui| {
            for (rel, count) in rels {
                let mut shown = !filter.hidden_relations.contains(rel);
                let label = format!(
                    "{} ({count})",
                    crate::view::relation_label(doc.kg.vocab(), rel, lang)
                );
                if ui.checkbox(&mut shown, label).changed() {
                    commands.push(Command::Analysis(AnalysisCommand::ShowRelation(
                        rel.clone(),
                        shown,
                    )));
                }
            }
        });
}
