//! The source reader: a source document with every cited passage highlighted in the colour of
//! what cites it, hover for who cites a passage and click to select them, search inside the
//! text, a gutter marking sentences nothing cites and a list of uncited statements, and citing
//! by selecting text (new node, new edge, or a citation added to the selection).

use super::reader_state::{CiteForm, ReaderState};
use super::reader_text::{Prepared, prepare};
use crate::analysis::coverage::Citer;
use crate::commands::{Command, Document, cite};
use crate::i18n::{t, t_args};
use crate::model::{Kind, Names, Relation};
use crate::view::{LabelLang, Selection};
use egui::text::{CCursor, CCursorRange};

pub fn reader_ui(
    ui: &mut egui::Ui,
    state: &mut ReaderState,
    doc: &Document,
    selection: &Selection,
    lang: LabelLang,
    commands: &mut Vec<Command>,
) {
    let data = &doc.kg.data;
    ui.horizontal(|ui| {
        ui.heading(t("reader-title"));
        if ui
            .button(t("reader-add-source"))
            .on_hover_text(t("reader-add-source-tip"))
            .clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter("text, HTML, PDF", crate::io::extract::EXTENSIONS)
                .pick_file()
        {
            state.add_file(data, &path);
        }
    });
    super::reader_add::add_form_ui(ui, state, doc, commands);
    if data.sources.is_empty() {
        ui.weak(t("reader-no-sources"));
        return;
    }
    if state
        .source
        .as_deref()
        .is_none_or(|s| data.source(s).is_none())
    {
        state.source = data.sources.first().map(|s| s.id.clone());
    }
    let Some(source) = state
        .source
        .clone()
        .and_then(|id| data.source(&id).cloned())
    else {
        return;
    };
    egui::ComboBox::new("reader_source", t("reader-source-label"))
        .width(ui.available_width().min(420.0))
        .selected_text(format!("{} ({})", source.title.zh, source.date))
        .show_ui(ui, |ui| {
            for s in &data.sources {
                let label = format!("{} ({})", s.title.zh, s.date);
                if ui.selectable_label(s.id == source.id, label).clicked() {
                    state.open_source(&s.id);
                }
            }
        });
    let text = match state.text_of(doc, &source.file) {
        Ok(t) => t,
        Err(e) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                t_args("reader-cannot-read", &[("problem", e.into())]),
            );
            return;
        }
    };
    if !source.title.en.is_empty() || !source.publisher.is_empty() {
        ui.weak(format!("{} · {}", source.title.en, source.publisher));
    }
    if let Some(q) = state.pending_quote.take()
        && let Some(found) = crate::model::passage::find_quote(&text, &q)
    {
        state.target = Some(found.range.clone());
        state.scroll_to = Some(found.range);
    }
    search_bar(ui, state, &source.id, &text);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let key = super::reader_text::key(
        data,
        &source.id,
        &text,
        &state.hits,
        state.target.as_ref(),
        ui.visuals().dark_mode,
    );
    if state.prepared.as_ref().is_none_or(|p| p.key != key) {
        state.prepared = Some(prepare(
            data,
            doc.kg.vocab(),
            &source.id,
            text,
            &state.hits,
            state.target.as_ref(),
            ui.visuals(),
            font,
        ));
    }
    let Some(prepared) = state.prepared.take() else {
        return;
    };
    coverage_line(ui, state, &prepared);
    selection_actions(
        ui, state, doc, selection, lang, &source.id, &prepared, commands,
    );
    ui.separator();
    text_view(ui, state, doc, lang, &prepared, commands);
    state.prepared = Some(prepared);
}

fn search_bar(ui: &mut egui::Ui, state: &mut ReaderState, source: &str, text: &str) {
    ui.horizontal(|ui| {
        let r = ui.add(
            egui::TextEdit::singleline(&mut state.query)
                .hint_text(t("reader-search-hint"))
                .desired_width(180.0),
        );
        if state.searched != (source.to_string(), state.query.clone()) {
            state.searched = (source.to_string(), state.query.clone());
            state.hits = crate::model::passage::find_all(text, state.query.trim());
            state.hit = 0;
            if let Some(h) = state.hits.first() {
                state.scroll_to = Some(h.clone());
            }
        }
        let n = state.hits.len();
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let step = |state: &mut ReaderState, forward: bool| {
            if n > 0 {
                state.hit = if forward {
                    (state.hit + 1) % n
                } else {
                    (state.hit + n - 1) % n
                };
                state.scroll_to = Some(state.hits[state.hit].clone());
            }
        };
        if ui
            .add_enabled(n > 0, egui::Button::new("<"))
            .on_hover_text(t("reader-search-previous"))
            .clicked()
        {
            step(state, false);
        }
        if ui
            .add_enabled(n > 0, egui::Button::new(">"))
            .on_hover_text(t("reader-search-next"))
            .clicked()
            || enter
        {
            step(state, true);
        }
        if !state.query.trim().is_empty() {
            ui.label(t_args(
                "reader-search-count",
                &[
                    ("current", (if n == 0 { 0 } else { state.hit + 1 }).into()),
                    ("count", n.into()),
                ],
            ));
        }
    });
}

fn coverage_line(ui: &mut egui::Ui, state: &mut ReaderState, p: &Prepared) {
    let c = &p.coverage;
    let uncited = c.uncited_statements();
    ui.horizontal_wrapped(|ui| {
        ui.label(t_args(
            "reader-coverage",
            &[
                ("cited", c.cited_count().into()),
                ("sentences", c.sentences.len().into()),
                ("percent", format!("{:.0}", c.share() * 100.0).into()),
            ],
        ));
        ui.toggle_value(
            &mut state.show_uncited,
            t_args("reader-uncited-toggle", &[("count", uncited.len().into())]),
        );
    });
    if state.show_uncited {
        egui::ScrollArea::vertical()
            .id_salt("reader_uncited")
            .max_height(140.0)
            .show(ui, |ui| {
                for i in uncited {
                    let r = c.sentences[i].clone();
                    let s: String = p.text[r.clone()].chars().take(60).collect();
                    if ui
                        .add(egui::Button::selectable(false, s).truncate())
                        .clicked()
                    {
                        state.scroll_to = Some(r.clone());
                        state.select_text(r);
                    }
                }
            });
    }
}

/// Names of what cites a passage, one per line.
fn citer_lines(doc: &Document, citers: &[Citer], lang: LabelLang) -> Vec<String> {
    let data = &doc.kg.data;
    citers
        .iter()
        .filter_map(|c| match c {
            Citer::Node(i) => {
                let n = data.nodes.get(*i)?;
                let kind = super::kind_name(doc.kg.vocab(), &n.kind, lang);
                Some(format!("{} ({kind})", super::node_name(n, lang)))
            }
            Citer::Edge(i) => {
                let e = data.edges.get(*i)?;
                let name = |id: &str| {
                    doc.kg
                        .node_ix(id)
                        .map_or(id.to_string(), |ix| super::node_name(doc.kg.node(ix), lang))
                };
                let rel = crate::view::relation_label(doc.kg.vocab(), &e.rel, lang);
                Some(format!("→ {} —{rel}→ {}", name(&e.from), name(&e.to)))
            }
        })
        .collect()
}

/// Select on the canvas the nodes (and the first edge, when no node) citing a passage.
fn select_citers(doc: &Document, citers: &[Citer], commands: &mut Vec<Command>) {
    let mut first = true;
    for c in citers {
        if let Citer::Node(i) = c
            && let Some(ix) = doc.kg.node_at(*i)
        {
            commands.push(Command::Select {
                node: ix,
                additive: !first,
            });
            first = false;
        }
    }
    if first
        && let Some(ix) = citers.iter().find_map(|c| match c {
            Citer::Edge(i) => doc.kg.edge_at(*i),
            Citer::Node(_) => None,
        })
    {
        commands.push(Command::SelectEdge(ix));
    }
}

fn text_view(
    ui: &mut egui::Ui,
    state: &mut ReaderState,
    doc: &Document,
    lang: LabelLang,
    p: &Prepared,
    commands: &mut Vec<Command>,
) {
    let id = egui::Id::unique(("reader_text", &p.source));
    if let Some(r) = state.pending_select.take() {
        let mut ts = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        let range = CCursorRange::two(
            CCursor::new(p.char_of_byte(r.start)),
            CCursor::new(p.char_of_byte(r.end)),
        );
        ts.cursor.set_char_range(Some(range));
        ts.store(ui.ctx(), id);
    }
    let clip = egui::ScrollArea::vertical()
        .id_salt(("reader_scroll", &p.source))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                let (gutter, _) =
                    ui.allocate_exact_size(egui::vec2(6.0, 1.0), egui::Sense::hover());
                let mut layouter = |ui: &egui::Ui, _: &dyn egui::TextBuffer, width: f32| {
                    let mut job = p.job.clone();
                    job.wrap.max_width = width;
                    ui.fonts_mut(|f| f.layout_job(job))
                };
                let mut shown: &str = &p.text;
                let out = egui::TextEdit::multiline(&mut shown)
                    .id(id)
                    .desired_width(f32::INFINITY)
                    .frame(egui::Frame::NONE)
                    .layouter(&mut layouter)
                    .show(ui);
                let at = |byte: usize| {
                    out.galley
                        .pos_from_cursor(CCursor::new(p.char_of_byte(byte)))
                        .translate(out.galley_pos.to_vec2())
                };
                // Gutter: a mark beside each sentence nothing cites (red when it states
                // something).
                let c = &p.coverage;
                for (i, s) in c.sentences.iter().enumerate() {
                    if c.cited[i] {
                        continue;
                    }
                    let top = at(s.start);
                    let bottom = at(s.end.max(s.start));
                    let color = if c.statement[i] {
                        ui.visuals().error_fg_color
                    } else {
                        ui.visuals().weak_text_color()
                    };
                    ui.painter().rect_filled(
                        egui::Rect::from_x_y_ranges(
                            gutter.left()..=gutter.left() + 3.0,
                            top.top()..=bottom.bottom(),
                        ),
                        0.0,
                        color,
                    );
                }
                state.shown = Some((out.galley.clone(), out.galley_pos));
                if let Some(r) = out.cursor_range {
                    let [a, b] = r.sorted_cursors();
                    state.selection = (a.index != b.index)
                        .then(|| p.byte_of_char(a.index.0)..p.byte_of_char(b.index.0));
                }
                let response = &out.response.response;
                if let Some(pos) = response.hover_pos() {
                    let ch = out.galley.cursor_from_pos(pos - out.galley_pos).index;
                    let byte = p.byte_of_char(ch.0);
                    if let Some(passage) = c.passages_at(byte).first() {
                        let lines = citer_lines(doc, &passage.citers, lang);
                        response.clone().on_hover_ui_at_pointer(|ui| {
                            ui.strong(t("reader-cited-by"));
                            for l in &lines {
                                ui.label(l);
                            }
                            ui.weak(t("reader-click-to-select"));
                        });
                        if response.clicked() && state.selection.is_none() {
                            select_citers(doc, &passage.citers, commands);
                        }
                    }
                }
                if let Some(r) = state.scroll_to.take() {
                    ui.scroll_to_rect(at(r.start).union(at(r.end)), Some(egui::Align::Center));
                }
                state.target.clone().map(|t| at(t.start).union(at(t.end)))
            })
            .inner
        });
    let visible = clip.inner_rect;
    state.target_visible = clip.inner.is_some_and(|r| visible.intersects(r));
}

#[allow(clippy::too_many_arguments)]
fn selection_actions(
    ui: &mut egui::Ui,
    state: &mut ReaderState,
    doc: &Document,
    selection: &Selection,
    lang: LabelLang,
    source: &str,
    p: &Prepared,
    commands: &mut Vec<Command>,
) {
    let Some(range) = state.selection.clone() else {
        state.form = CiteForm::None;
        return;
    };
    // The quote is the selected text itself, without the blank around it.
    let raw = &p.text[range];
    let quote = raw.trim();
    if quote.is_empty() {
        return;
    }
    let data = &doc.kg.data;
    let short: String = quote.chars().take(40).collect();
    ui.label(egui::RichText::new(format!("“{short}”")).italics());
    ui.horizontal_wrapped(|ui| {
        if ui.button(t("reader-new-node")).clicked() {
            state.form = CiteForm::NewNode {
                kind: doc
                    .kg
                    .vocab()
                    .kinds()
                    .first()
                    .map_or(Kind::ORGANIZATION, |k| k.id.clone()),
                zh: quote.chars().take(30).collect(),
                en: String::new(),
            };
        }
        let two = selection.nodes.len() == 2;
        if ui
            .add_enabled(two, egui::Button::new(t("reader-new-edge")))
            .on_disabled_hover_text(t("reader-new-edge-needs-two"))
            .clicked()
        {
            state.form = CiteForm::NewEdge {
                rel: doc
                    .kg
                    .vocab()
                    .relations()
                    .first()
                    .map_or(Relation::SUPPORTS, |r| r.id.clone()),
                swap: false,
            };
        }
        let any = !selection.nodes.is_empty() || selection.edge.is_some();
        if ui
            .add_enabled(any, egui::Button::new(t("reader-add-citation")))
            .clicked()
        {
            let nodes: Vec<usize> = selection.nodes.iter().map(|&n| doc.kg.graph[n]).collect();
            let edge = selection.edge.map(|e| doc.kg.graph[e]);
            if let Some(edit) = cite::add_citation(data, &nodes, edge, source, quote) {
                commands.push(Command::Edit(edit));
            }
        }
    });
    let mut done = None;
    match &mut state.form {
        CiteForm::None => {}
        CiteForm::NewNode { kind, zh, en } => {
            egui::Grid::new("reader_node_form")
                .num_columns(2)
                .show(ui, |ui| {
                    ui.label("");
                    egui::ComboBox::new("reader_kind", t("reader-kind"))
                        .selected_text(super::kind_name(doc.kg.vocab(), kind, lang))
                        .show_ui(ui, |ui| {
                            for k in doc.kg.vocab().kinds() {
                                let label = super::kind_name(doc.kg.vocab(), &k.id, lang);
                                ui.selectable_value(kind, k.id.clone(), label);
                            }
                        });
                    ui.end_row();
                    let l = ui.label(t("reader-name-zh"));
                    ui.text_edit_singleline(zh).labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(t("reader-name-en"));
                    ui.text_edit_singleline(en).labelled_by(l.id);
                    ui.end_row();
                });
            if ui.button(t("reader-create-node")).clicked() {
                let id = cite::fresh_id(en, |id| doc.kg.node_ix(id).is_some());
                let names = Names {
                    zh: zh.trim().to_string(),
                    en: en.trim().to_string(),
                };
                done = Some(cite::new_node_citing(
                    data,
                    id,
                    kind.clone(),
                    names,
                    source,
                    quote,
                ));
            }
        }
        CiteForm::NewEdge { rel, swap } => {
            let mut ends = selection.anchor.into_iter().collect::<Vec<_>>();
            ends.extend(
                selection
                    .nodes
                    .iter()
                    .filter(|n| Some(**n) != selection.anchor),
            );
            if ends.len() == 2 {
                if *swap {
                    ends.swap(0, 1);
                }
                let (a, b) = (doc.kg.node(ends[0]), doc.kg.node(ends[1]));
                ui.horizontal_wrapped(|ui| {
                    ui.label(super::node_name(a, lang));
                    egui::ComboBox::new("reader_rel", t("reader-relation"))
                        .selected_text(crate::view::relation_label(doc.kg.vocab(), rel, lang))
                        .show_ui(ui, |ui| {
                            for r in doc.kg.vocab().relations() {
                                let label =
                                    crate::view::relation_label(doc.kg.vocab(), &r.id, lang);
                                ui.selectable_value(rel, r.id.clone(), label);
                            }
                        });
                    ui.label(super::node_name(b, lang));
                    if ui.button("<->").on_hover_text(t("reader-swap")).clicked() {
                        *swap = !*swap;
                    }
                });
                if ui.button(t("reader-create-edge")).clicked() {
                    done = Some(cite::new_edge_citing(
                        data,
                        &a.id,
                        &b.id,
                        rel.clone(),
                        source,
                        quote,
                    ));
                }
            }
        }
    }
    if let Some(edit) = done {
        commands.push(Command::Edit(edit));
        state.form = CiteForm::None;
    }
}
