//! The Views panel: saved views in tour order — create, rename, caption, reorder, update, delete,
//! and click to show one. F5 presents them.

use crate::i18n::t;

use crate::commands::{Action, Command, ViewCommand as V};
use crate::view::{Briefing, ViewDraft};

pub fn views_ui(ui: &mut egui::Ui, briefing: &mut Briefing, commands: &mut Vec<Command>) {
    ui.heading(t("views-title"));
    ui.weak(t("views-hint"));
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut briefing.new_name)
                .hint_text(t("views-new-name"))
                .desired_width(170.0),
        );
        if ui.button(t("views-save-current")).clicked() {
            commands.push(Command::View(V::Add(std::mem::take(
                &mut briefing.new_name,
            ))));
        }
    });
    ui.horizontal(|ui| {
        if ui.button(t("views-present")).clicked() {
            commands.push(Command::Run(Action::Present));
        }
        if let Some(p) = &briefing.path {
            ui.weak(
                p.file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            );
        }
    });
    ui.separator();
    let n = briefing.views.views.len();
    egui::ScrollArea::vertical()
        .id_salt("views")
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width());
            for i in 0..n {
                let active = briefing.active == Some(i);
                let view = &briefing.views.views[i];
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        if ui
                            .add(
                                egui::Button::selectable(
                                    active,
                                    format!("{}. {}", i + 1, view.name),
                                )
                                .truncate(),
                            )
                            .clicked()
                        {
                            commands.push(Command::View(V::Activate(i)));
                        }
                    });
                    if active {
                        // Typing changes a draft; leaving the field saves it as one undoable edit.
                        if briefing.draft.as_ref().is_none_or(|d| d.index != i) {
                            briefing.draft = Some(ViewDraft {
                                index: i,
                                name: view.name.clone(),
                                caption: view.caption.clone(),
                            });
                        }
                        let Some(draft) = briefing.draft.as_mut() else {
                            return;
                        };
                        // Each field is labelled, so screen readers and tests can find it.
                        let a = labelled(ui, &t("views-name"), |ui| {
                            ui.add(
                                egui::TextEdit::singleline(&mut draft.name)
                                    .hint_text(t("views-name-hint")),
                            )
                        });
                        let b = labelled(ui, &t("views-caption-zh"), |ui| {
                            ui.add(
                                egui::TextEdit::multiline(&mut draft.caption.zh)
                                    .hint_text(t("views-caption-zh-hint"))
                                    .desired_rows(2),
                            )
                        });
                        let c = labelled(ui, &t("views-caption-en"), |ui| {
                            ui.add(
                                egui::TextEdit::multiline(&mut draft.caption.en)
                                    .hint_text(t("views-caption-en-hint"))
                                    .desired_rows(2),
                            )
                        });
                        let changed = draft.name != view.name || draft.caption != view.caption;
                        if changed && (a.lost_focus() || b.lost_focus() || c.lost_focus()) {
                            commands.push(Command::View(V::Edit {
                                index: i,
                                name: draft.name.clone(),
                                caption: draft.caption.clone(),
                            }));
                        }
                        ui.horizontal_wrapped(|ui| {
                            if ui.small_button(t("views-update")).clicked() {
                                commands.push(Command::View(V::Update(i)));
                            }
                            if i > 0 && ui.small_button(t("views-up")).clicked() {
                                commands.push(Command::View(V::Move { index: i, up: true }));
                            }
                            if i + 1 < n && ui.small_button(t("views-down")).clicked() {
                                commands.push(Command::View(V::Move {
                                    index: i,
                                    up: false,
                                }));
                            }
                            if ui.small_button(t("views-delete")).clicked() {
                                commands.push(Command::View(V::Delete(i)));
                            }
                        });
                        super::present_ui(ui, &briefing.views, i, commands);
                    } else if !view.caption.zh.is_empty() || !view.caption.en.is_empty() {
                        ui.add(
                            egui::Label::new(egui::RichText::new(&view.caption.zh).weak())
                                .truncate(),
                        );
                    }
                });
            }
        });
}

/// Presenter overlay: the caption, large and wrapped, over the bottom of the canvas.
pub fn caption_ui(ui: &mut egui::Ui, rect: egui::Rect, title: &str, lines: &[String]) {
    if title.is_empty() && lines.is_empty() {
        return;
    }
    let painter = ui.painter_at(rect);
    let width = rect.width() - 48.0;
    let ink = egui::Color32::from_gray(15);
    let mut galleys = vec![painter.layout(
        title.to_string(),
        egui::FontId::proportional(30.0),
        ink,
        width,
    )];
    for l in lines {
        galleys.push(painter.layout(
            l.clone(),
            egui::FontId::proportional(22.0),
            egui::Color32::from_gray(40),
            width,
        ));
    }
    let band_h: f32 = galleys.iter().map(|g| g.size().y + 6.0).sum::<f32>() + 20.0;
    let band = egui::Rect::from_min_max(egui::pos2(rect.left(), rect.bottom() - band_h), rect.max);
    painter.rect_filled(band, 0.0, egui::Color32::from_white_alpha(240));
    let mut y = band.top() + 10.0;
    for g in galleys {
        let h = g.size().y;
        painter.galley(egui::pos2(band.left() + 24.0, y), g, ink);
        y += h + 6.0;
    }
}

/// A small label above a field, tied to it for assistive technology.
fn labelled(
    ui: &mut egui::Ui,
    text: &str,
    field: impl FnOnce(&mut egui::Ui) -> egui::Response,
) -> egui::Response {
    let label = ui.small(text);
    field(ui).labelled_by(label.id)
}
