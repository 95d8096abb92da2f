//! The legend: colour and shape of each kind present, in a corner of the canvas. Clicking a
//! kind (or Tab to it and Enter) opens a chooser of colour and shape, whose swatches are
//! buttons with names for keyboard and screen-reader users; a choice is queued as an
//! undoable edit.

use crate::i18n::{t, t_args};

use crate::analysis::Visible;
use crate::commands::Document;
use crate::commands::{Command, set_kind_style};
use crate::model::{Kind, KindStyle, Palette, Rgb, Shape, Vocabulary};

pub fn legend_ui(
    ui: &mut egui::Ui,
    doc: &Document,
    visible: &Visible,
    lang: crate::view::LabelLang,
    focus: &crate::analysis::focus::Focus,
    commands: &mut Vec<Command>,
) {
    // Without a chosen appearance the canvas draws the default one: an imported graph's
    // kind-like attribute, if any (see `view::appearance::effective`).
    let styled = super::styled_legend_ui::default_looks(ui, &doc.kg, visible, lang);
    let kinds = crate::view::legend_kinds(&doc.kg, visible);
    legend_ui_styled(ui, doc, &kinds, lang, focus, styled.as_deref(), commands);
}

/// The legend of what the canvas draws with `styled` (`CanvasState::looks`): the appearance's
/// categories, ramp and sizes, or the kinds when it is `None`. `kinds` are the visible kinds
/// (`view::legend_kinds`; the app counts them once per change, `analysis::census`).
pub fn legend_ui_styled(
    ui: &mut egui::Ui,
    doc: &Document,
    kinds: &[Kind],
    lang: crate::view::LabelLang,
    focus: &crate::analysis::focus::Focus,
    styled: Option<&crate::view::appearance::Styled>,
    commands: &mut Vec<Command>,
) {
    if let Some(st) = styled.filter(|s| !s.legend.is_empty()) {
        super::styled_legend_ui::styled_legend_ui(ui, st);
        return;
    }
    let vocab = doc.kg.vocab();
    // The same entries as an export's legend.
    if kinds.is_empty() {
        return;
    }
    let editing_id = egui::Id::unique("legend_restyle");
    let mut editing: Option<Kind> = ui.data(|d| d.get_temp(editing_id));
    let rect = ui.max_rect();
    egui::Area::new(egui::Id::unique("legend"))
        .fixed_pos(rect.left_bottom() + egui::vec2(10.0, -10.0))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .order(egui::Order::Foreground)
        .interactable(true)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(t("legend-title"));
                for kind in kinds {
                    let row = ui.horizontal(|ui| {
                        super::kind_swatch(ui, vocab, kind);
                        ui.label(super::kind_name(vocab, kind, lang));
                    });
                    let click = ui
                        .interact(
                            row.response.rect,
                            ui.scope_id().with(kind),
                            egui::Sense::click(),
                        )
                        .on_hover_text(t("legend-restyle-hint"));
                    let name = super::kind_name(vocab, kind, lang);
                    let open = editing.as_ref() == Some(kind);
                    click.widget_info(|| {
                        let mut info = egui::WidgetInfo::labeled(egui::Role::Button, true, &name);
                        info.selected = Some(open);
                        info
                    });
                    if click.has_focus() {
                        ui.painter().rect_stroke(
                            row.response.rect.expand(2.0),
                            2.0,
                            ui.visuals().selection.stroke,
                            egui::StrokeKind::Outside,
                        );
                    }
                    if click.clicked() {
                        editing = if editing.as_ref() == Some(kind) {
                            None
                        } else {
                            Some(kind.clone())
                        };
                    }
                    if editing.as_ref() == Some(kind)
                        && let Some(style) = restyle_ui(ui, vocab, kind)
                        && let Some(edit) = set_kind_style(&doc.kg.data, kind, style)
                    {
                        commands.push(Command::Edit(edit));
                    }
                }
                match focus.size_by {
                    Some(m) => ui.weak(t_args(
                        "legend-size-by",
                        &[("metric", super::metric_label(m).into())],
                    )),
                    None => ui.weak(t("legend-size-degree")),
                };
                if let (Some(m), Some(gm)) = (focus.color_by, &focus.metrics) {
                    ui.separator();
                    if m.is_categorical() {
                        ui.strong(t_args(
                            "legend-colour-community",
                            &[("count", gm.communities.count().into())],
                        ));
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
                                ui.label(t_args(
                                    "legend-community",
                                    &[("n", (i + 1).into()), ("count", members.len().into())],
                                ));
                            });
                        }
                    } else {
                        let (lo, hi) = gm.range(m);
                        ui.strong(t_args(
                            "legend-colour-by",
                            &[("metric", super::metric_label(m).into())],
                        ));
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
    ui.data_mut(|d| {
        match editing {
            Some(k) => {
                d.insert_temp(editing_id, k);
            }
            None => {
                d.remove::<Kind>(editing_id);
            }
        };
    });
}

/// Shapes and colours to choose from for `kind`; the chosen style, once per choice. The
/// free colour picker is committed when the pointer is released, so a drag is one edit.
fn restyle_ui(ui: &mut egui::Ui, vocab: &Vocabulary, kind: &Kind) -> Option<KindStyle> {
    let current = vocab.style(kind);
    let mut chosen = None;
    let stroke = egui::Stroke::new(0.5, ui.visuals().text_color());
    ui.horizontal_wrapped(|ui| {
        for shape in Shape::ALL {
            let (rect, r) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::click());
            if shape == current.shape {
                ui.painter()
                    .rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
            }
            let c = to_color(current.color);
            crate::view::draw_shape(ui.painter(), shape, rect.center(), 5.5, c, stroke);
            let label = t_args("legend-restyle-shape", &[("shape", shape.name().into())]);
            named(&r, &label, shape == current.shape);
            focus_ring(ui, &r);
            if r.on_hover_text(label).clicked() {
                chosen = Some(KindStyle { shape, ..current });
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for &color in Palette::COLORS {
            let (rect, r) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::click());
            ui.painter().rect_filled(rect, 2.0, to_color(color));
            if color == current.color {
                ui.painter()
                    .rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Outside);
            }
            let label = t_args(
                "legend-restyle-colour",
                &[("colour", color.to_string().into())],
            );
            named(&r, &label, color == current.color);
            focus_ring(ui, &r);
            if r.on_hover_text(label).clicked() {
                chosen = Some(KindStyle { color, ..current });
            }
        }
        let staged = ui.scope_id().with(("legend_colour", kind));
        let mut rgb = ui.data(|d| d.get_temp(staged)).unwrap_or(current.color.0);
        ui.color_edit_button_srgb(&mut rgb)
            .on_hover_text(t("legend-any-colour"));
        if ui.input(|i| i.pointer.any_down()) {
            ui.data_mut(|d| d.insert_temp(staged, rgb));
        } else {
            ui.data_mut(|d| d.remove::<[u8; 3]>(staged));
            if rgb != current.color.0 {
                chosen = Some(KindStyle {
                    color: Rgb(rgb),
                    ..current
                });
            }
        }
    });
    chosen
}

fn to_color(c: Rgb) -> egui::Color32 {
    let [r, g, b] = c.0;
    egui::Color32::from_rgb(r, g, b)
}

/// A swatch's name for screen readers, and whether it is the current choice.
fn named(r: &egui::Response, label: &str, current: bool) {
    r.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::Button, true, label);
        info.selected = Some(current);
        info
    });
}

/// Painted swatches show keyboard focus themselves (egui draws it only for its widgets).
fn focus_ring(ui: &egui::Ui, r: &egui::Response) {
    if r.has_focus() {
        let stroke = ui.visuals().selection.stroke;
        ui.painter()
            .rect_stroke(r.rect.expand(2.0), 2.0, stroke, egui::StrokeKind::Outside);
    }
}
