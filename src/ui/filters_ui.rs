//! Show or hide nodes by kind and edges by relation. Hidden elements leave the layout too.

use crate::i18n::t;

use crate::analysis::Filter;
use crate::commands::Document;
use crate::commands::{AnalysisCommand, Command};
use crate::model::{Kind, Relation};
use crate::view::LabelLang;
use std::collections::BTreeMap;

pub fn filters_ui(
    ui: &mut egui::Ui,
    filter: &Filter,
    doc: &Document,
    lang: LabelLang,
    commands: &mut Vec<Command>,
) {
    let vocab = doc.kg.vocab();
    let mut kinds: BTreeMap<Kind, usize> = BTreeMap::new();
    for ix in doc.kg.node_indices() {
        *kinds.entry(doc.kg.node(ix).kind.clone()).or_default() += 1;
    }
    let mut kinds: Vec<(Kind, usize)> = kinds.into_iter().collect();
    kinds.sort_by_key(|(k, _)| vocab.kind_order(k));
    let mut rels: BTreeMap<Relation, usize> = BTreeMap::new();
    for e in doc.kg.graph.edge_indices() {
        *rels.entry(doc.kg.edge(e).rel.clone()).or_default() += 1;
    }
    let mut rels: Vec<(Relation, usize)> = rels.into_iter().collect();
    rels.sort_by_key(|(r, _)| vocab.relation_order(r));
    egui::CollapsingHeader::new(t("filters-kinds"))
        .default_open(true)
        .show(ui, |ui| {
            for (kind, count) in &kinds {
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
            for (rel, count) in &rels {
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
