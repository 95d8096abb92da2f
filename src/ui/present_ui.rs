//! The active view's presenting settings, in the Views panel: appearance by attribute (colour,
//! shape and size of nodes, colour and width of edges) and annotations (notes, callouts pinned
//! to a node, rectangles, circles) with their Chinese and English text. Every change is one
//! undoable edit of the saved views (`Edit::Views`), which the app writes to the sidecar.

use crate::analysis::metrics::Metric;
use crate::commands::{Command, Edit};
use crate::i18n::t;
use crate::io::views::{Annotation, AnnotationShape, StyleBy, View, Views};

/// Annotations as typed, until a field is left or a value is let go (then saved as one edit).
#[derive(Clone, Debug, Default, PartialEq)]
struct Draft {
    view: usize,
    base: Vec<Annotation>,
    edit: Vec<Annotation>,
}

/// The presenting settings of view `i` of `views`.
pub fn present_ui(ui: &mut egui::Ui, views: &Views, i: usize, commands: &mut Vec<Command>) {
    let Some(view) = views.views.get(i) else {
        return;
    };
    let push = |commands: &mut Vec<Command>, what: String, change: &dyn Fn(&mut View)| {
        let mut after = views.clone();
        if let Some(v) = after.views.get_mut(i) {
            change(v);
        }
        if after != *views {
            commands.push(Command::Edit(Edit::Views {
                what,
                before: Box::new(views.clone()),
                after: Box::new(after),
            }));
        }
    };
    egui::CollapsingHeader::new(t("present-appearance"))
        .id_salt(("present-appearance", i))
        .show(ui, |ui| {
            let current = view.appearance.clone().unwrap_or_default();
            let mut next = current.clone();
            egui::Grid::new(("appearance_grid", i)).show(ui, |ui| {
                channel(ui, &t("present-node-colour"), &mut next.node_color, true);
                channel(ui, &t("present-node-shape"), &mut next.node_shape, true);
                channel(ui, &t("present-node-size"), &mut next.node_size, false);
                channel(ui, &t("present-edge-colour"), &mut next.edge_color, true);
                channel(ui, &t("present-edge-width"), &mut next.edge_width, false);
            });
            if next != current {
                let value = (!next.is_empty()).then_some(next);
                push(commands, t("edit-appearance"), &|v| {
                    v.appearance = value.clone()
                });
            }
        });
    egui::CollapsingHeader::new(t("present-annotations"))
        .id_salt(("present-annotations", i))
        .show(ui, |ui| {
            let id = egui::Id::unique(("annotation_draft", i));
            let mut draft: Draft = ui.data(|d| d.get_temp(id)).unwrap_or_default();
            if draft.view != i || draft.base != view.annotations {
                draft = Draft {
                    view: i,
                    base: view.annotations.clone(),
                    edit: view.annotations.clone(),
                };
            }
            let mut commit = false;
            let mut remove = None;
            for (k, a) in draft.edit.iter_mut().enumerate() {
                ui.push_id(k, |ui| {
                    commit |= annotation_ui(ui, a);
                    if ui.small_button(t("present-delete")).clicked() {
                        remove = Some(k);
                    }
                });
                ui.separator();
            }
            if let Some(k) = remove {
                draft.edit.remove(k);
                commit = true;
            }
            ui.horizontal_wrapped(|ui| {
                let shapes = [
                    (AnnotationShape::Note, "present-add-note"),
                    (AnnotationShape::Rect, "present-add-rect"),
                    (AnnotationShape::Circle, "present-add-circle"),
                ];
                for (shape, key) in shapes {
                    if ui.small_button(t(key)).clicked() {
                        draft.edit.push(new_annotation(view, shape));
                        commit = true;
                    }
                }
            });
            if commit && draft.edit != view.annotations {
                let list = draft.edit.clone();
                push(commands, t("edit-annotations"), &|v| {
                    v.annotations = list.clone()
                });
            }
            ui.data_mut(|d| d.insert_temp(id, draft));
        });
}

/// A new annotation near the view's subject: a callout on its first ego or highlighted node,
/// a free shape at the origin.
fn new_annotation(view: &View, shape: AnnotationShape) -> Annotation {
    let node = view
        .ego
        .as_ref()
        .and_then(|e| e.nodes.first())
        .or(view.highlight.first())
        .cloned();
    let (text, node, at, size) = match shape {
        AnnotationShape::Note => (t("present-new-note"), node, (40.0, -40.0), None),
        _ => (String::new(), None, (0.0, 0.0), Some((160.0, 100.0))),
    };
    Annotation {
        shape,
        text: crate::model::Names {
            zh: text.clone(),
            en: text,
        },
        node,
        at,
        size,
    }
}

/// One annotation's fields; true when a change should be saved now.
fn annotation_ui(ui: &mut egui::Ui, a: &mut Annotation) -> bool {
    let mut commit = false;
    ui.horizontal(|ui| {
        let before = a.shape;
        egui::ComboBox::from_id_salt("shape")
            .selected_text(shape_name(a.shape))
            .show_ui(ui, |ui| {
                for s in [
                    AnnotationShape::Note,
                    AnnotationShape::Rect,
                    AnnotationShape::Circle,
                ] {
                    ui.selectable_value(&mut a.shape, s, shape_name(s));
                }
            });
        commit |= a.shape != before;
        if a.shape != AnnotationShape::Note && a.size.is_none() {
            a.size = Some((160.0, 100.0));
        }
    });
    let text = |ui: &mut egui::Ui, label: String, s: &mut String| {
        let l = ui.small(label);
        let r = ui
            .add(egui::TextEdit::singleline(s).desired_width(220.0))
            .labelled_by(l.id);
        r.lost_focus()
    };
    commit |= text(ui, t("present-text-zh"), &mut a.text.zh);
    commit |= text(ui, t("present-text-en"), &mut a.text.en);
    let mut node = a.node.clone().unwrap_or_default();
    if text(ui, t("present-pinned-to"), &mut node) {
        commit = true;
    }
    a.node = (!node.trim().is_empty()).then(|| node.trim().to_string());
    ui.horizontal(|ui| {
        let value = |ui: &mut egui::Ui, v: &mut f32| {
            let r = ui.add(egui::DragValue::new(v).speed(2.0));
            r.drag_stopped() || r.lost_focus()
        };
        ui.small(t("present-position"));
        commit |= value(ui, &mut a.at.0);
        commit |= value(ui, &mut a.at.1);
        if let Some((w, h)) = &mut a.size {
            ui.small(t("present-size"));
            commit |= value(ui, w);
            commit |= value(ui, h);
        }
    });
    commit
}

fn shape_name(s: AnnotationShape) -> String {
    t(match s {
        AnnotationShape::Note => "present-shape-note",
        AnnotationShape::Rect => "present-shape-rect",
        AnnotationShape::Circle => "present-shape-circle",
    })
}

fn by_name(by: &Option<StyleBy>) -> String {
    match by {
        None => t("present-by-default"),
        Some(StyleBy::Kind) => t("present-by-kind"),
        Some(StyleBy::Relation) => t("present-by-relation"),
        Some(StyleBy::Attr(a)) => format!("{} {a}", t("present-by-attribute")),
        Some(StyleBy::Metric(m)) => Metric::ALL
            .iter()
            .find(|x| x.ident() == m)
            .map_or_else(|| m.clone(), |x| super::metric_label(*x)),
    }
}

/// A row of the appearance grid: what the channel follows; categories are offered only to
/// `categorical` channels (colour, shape), numbers to all but shape.
fn channel(ui: &mut egui::Ui, label: &str, by: &mut Option<StyleBy>, categorical: bool) {
    ui.label(label);
    let shape_only = label == t("present-node-shape");
    egui::ComboBox::from_id_salt(label)
        .selected_text(by_name(by))
        .show_ui(ui, |ui| {
            ui.selectable_value(by, None, t("present-by-default"));
            if categorical {
                ui.selectable_value(by, Some(StyleBy::Kind), t("present-by-kind"));
                ui.selectable_value(by, Some(StyleBy::Relation), t("present-by-relation"));
            }
            for m in Metric::ALL {
                if shape_only && !m.is_categorical() || !categorical && m.is_categorical() {
                    continue;
                }
                let v = Some(StyleBy::Metric(m.ident().to_string()));
                ui.selectable_value(by, v, super::metric_label(*m));
            }
            let attr = Some(StyleBy::Attr("type".into()));
            if !matches!(by, Some(StyleBy::Attr(_))) {
                ui.selectable_value(by, attr, t("present-by-attribute"));
            }
        });
    // The attribute's name, typed (an imported graph's own keys).
    if let Some(StyleBy::Attr(name)) = by {
        let mut typed = name.clone();
        let r = ui.add(egui::TextEdit::singleline(&mut typed).desired_width(90.0));
        if r.changed() && !typed.trim().is_empty() {
            *name = typed.trim().to_string();
        }
    } else {
        ui.label("");
    }
    ui.end_row();
}
