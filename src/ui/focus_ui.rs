//! Timeline, ego focus and extra filters (degree range, source document, search as filter).

use crate::i18n::{t, t_args};

use crate::analysis::ego::{EgoDirection, MAX_RADIUS};
use crate::analysis::focus::Focus;
use crate::commands::Document;
use crate::commands::{Action, AnalysisCommand as A, Command};

pub fn focus_ui(
    ui: &mut egui::Ui,
    focus: &Focus,
    doc: &Document,
    years: Option<(i32, i32)>,
    has_selection: bool,
    commands: &mut Vec<Command>,
) {
    let mut push = |c: A| commands.push(Command::Analysis(c));
    egui::CollapsingHeader::new(t("focus-timeline"))
        .default_open(true)
        .show(ui, |ui| {
            // Counted once per change (`analysis::census`): every node and edge is looked at.
            let Some((lo, hi)) = years else {
                ui.weak(t("focus-no-dated"));
                return;
            };
            let mut on = focus.year.is_some();
            if ui.checkbox(&mut on, t("focus-as-of-year")).changed() {
                push(A::SetYear(on.then_some(hi)));
            }
            if let Some(year) = focus.year {
                let mut y = year;
                if ui
                    .add(egui::Slider::new(&mut y, lo..=hi).text(t("focus-year")))
                    .changed()
                {
                    push(A::SetYear(Some(y)));
                }
                let label = t(if focus.playing {
                    "focus-stop"
                } else {
                    "focus-play"
                });
                if ui
                    .button(label)
                    .on_hover_text(t("focus-play-tip"))
                    .clicked()
                {
                    push(A::Play(!focus.playing));
                }
            }
        });
    egui::CollapsingHeader::new(t("focus-neighbourhood"))
        .default_open(true)
        .show(ui, |ui| match &focus.ego {
            None => {
                ui.add_enabled_ui(has_selection, |ui| {
                    if ui
                        .button(t("focus-on-selection"))
                        .on_hover_text(t("focus-on-selection-tip"))
                        .clicked()
                    {
                        push(A::EgoFromSelection);
                    }
                });
            }
            Some(e) => {
                ui.label(t_args("focus-around", &[("count", e.seeds.len().into())]));
                let mut r = e.radius;
                if ui
                    .add(egui::Slider::new(&mut r, 0..=MAX_RADIUS).text(t("focus-hops")))
                    .changed()
                {
                    push(A::EgoRadius(r));
                }
                ui.horizontal(|ui| {
                    for (d, label) in [
                        (EgoDirection::Both, "focus-dir-both"),
                        (EgoDirection::Out, "focus-dir-out"),
                        (EgoDirection::In, "focus-dir-in"),
                    ] {
                        if ui.radio(e.direction == d, t(label)).clicked() {
                            push(A::EgoDirection(d));
                        }
                    }
                });
                if ui.button(t("focus-show-everything")).clicked() {
                    push(A::EgoOff);
                }
            }
        });
    egui::CollapsingHeader::new(t("focus-more-filters"))
        .default_open(false)
        .show(ui, |ui| {
            let max_degree = doc.degree.iter().copied().max().unwrap_or(0) as usize;
            let mut lo = focus.degree_min;
            let mut hi = focus.degree_max.unwrap_or(max_degree);
            let a = ui.add(egui::Slider::new(&mut lo, 0..=max_degree).text(t("focus-min-degree")));
            let b = ui.add(egui::Slider::new(&mut hi, 0..=max_degree).text(t("focus-max-degree")));
            if a.changed() || b.changed() {
                push(A::DegreeRange(lo, (hi < max_degree).then_some(hi.max(lo))));
            }
            let current = focus
                .source
                .clone()
                .unwrap_or_else(|| t("focus-all-sources"));
            egui::ComboBox::from_label(t("focus-source"))
                .selected_text(current)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(focus.source.is_none(), t("focus-all-sources"))
                        .clicked()
                    {
                        push(A::SourceFilter(None));
                    }
                    for s in &doc.kg.data.sources {
                        let label = format!("{} ({})", s.title.zh, s.date);
                        if ui
                            .selectable_label(focus.source.as_deref() == Some(&s.id), label)
                            .clicked()
                        {
                            push(A::SourceFilter(Some(s.id.clone())));
                        }
                    }
                });
            let mut sf = focus.search_as_filter;
            if ui
                .checkbox(&mut sf, t("focus-search-filters"))
                .on_hover_text(t("focus-search-filters-tip"))
                .changed()
            {
                push(A::SearchFilter(sf));
            }
        });
    let _ = Action::EgoFocus;
}
