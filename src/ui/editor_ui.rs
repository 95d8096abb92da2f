//! Forms to create, edit and connect nodes and edges. They edit a draft (view state) and queue
//! one `Edit` on Apply; the app checks it (duplicate ids, dangling references) and records it.

use crate::i18n::{t, t_args};

use crate::commands::{Action, Command, Edit};
use crate::model::{Cite, Dataset, Edge, Kind, KnowledgeGraph, Names, Node, NodeIx, Relation};
use crate::view::Selection;
use crate::view::{LabelLang, kind_label, relation_label};
use std::collections::BTreeMap;

/// The id most items of the data use: what a new node or edge most likely is.
fn most_used<'a, T: Ord + Clone + 'a>(ids: impl Iterator<Item = &'a T>) -> Option<T> {
    let mut counts: BTreeMap<&T, usize> = BTreeMap::new();
    for id in ids {
        *counts.entry(id).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(id, _)| id.clone())
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodeForm {
    /// `None` for a new node.
    pub index: Option<usize>,
    pub original: Option<Node>,
    pub id: String,
    pub kind: Kind,
    pub zh: String,
    pub en: String,
    pub aliases: String,
    pub attrs: Vec<(String, String)>,
    pub cites: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EdgeForm {
    /// `None` for a new edge.
    pub index: Option<usize>,
    pub original: Option<Edge>,
    pub from: String,
    pub to: String,
    pub rel: Relation,
    pub year: String,
    pub inferred: bool,
    pub attrs: Vec<(String, String)>,
    pub cites: Vec<(String, String)>,
    /// Search text for picking the other end when connecting.
    pub query: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum EditorState {
    #[default]
    Closed,
    Node(NodeForm),
    Edge(EdgeForm),
}

fn first_source(data: &Dataset) -> String {
    data.sources
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_default()
}

impl NodeForm {
    fn from_node(index: Option<usize>, node: &Node) -> Self {
        NodeForm {
            index,
            original: index.map(|_| node.clone()),
            id: node.id.clone(),
            kind: node.kind.clone(),
            zh: node.name.zh.clone(),
            en: node.name.en.clone(),
            aliases: node.aliases.join(", "),
            attrs: node
                .attrs
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            cites: node
                .cites
                .iter()
                .map(|c| (c.source.clone(), c.quote.clone()))
                .collect(),
        }
    }

    pub fn to_node(&self) -> Node {
        Node {
            id: self.id.trim().to_string(),
            kind: self.kind.clone(),
            name: Names {
                zh: self.zh.trim().to_string(),
                en: self.en.trim().to_string(),
            },
            aliases: self
                .aliases
                .split([',', '，', '、'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            attrs: to_map(&self.attrs),
            cites: to_cites(&self.cites),
        }
    }

    /// The edit this form describes (`None` when nothing changed).
    pub fn to_edit(&self, data: &Dataset) -> Option<Edit> {
        let node = self.to_node();
        match (&self.original, self.index) {
            (Some(before), Some(index)) => (before != &node).then(|| Edit::ReplaceNode {
                index,
                before: before.clone(),
                after: node,
            }),
            _ => Some(Edit::InsertNode {
                index: data.nodes.len(),
                node,
            }),
        }
    }
}

impl EdgeForm {
    pub fn to_edge(&self) -> Edge {
        Edge {
            from: self.from.clone(),
            to: self.to.clone(),
            rel: self.rel.clone(),
            year: self.year.trim().parse().ok(),
            inferred: self.inferred,
            attrs: to_map(&self.attrs),
            cites: to_cites(&self.cites),
        }
    }

    pub fn to_edit(&self, data: &Dataset) -> Option<Edit> {
        let edge = self.to_edge();
        match (&self.original, self.index) {
            (Some(before), Some(index)) => (before != &edge).then(|| Edit::ReplaceEdge {
                index,
                before: before.clone(),
                after: edge,
            }),
            _ => Some(Edit::InsertEdge {
                index: data.edges.len(),
                edge,
            }),
        }
    }
}

fn to_map(rows: &[(String, String)]) -> BTreeMap<String, String> {
    rows.iter()
        .filter(|(k, _)| !k.trim().is_empty())
        .map(|(k, v)| (k.trim().to_string(), v.clone()))
        .collect()
}

fn to_cites(rows: &[(String, String)]) -> Vec<Cite> {
    rows.iter()
        .filter(|(_, q)| !q.trim().is_empty())
        .map(|(s, q)| Cite::new(s.clone(), q.trim()))
        .collect()
}

impl EditorState {
    pub fn new_node(data: &Dataset) -> Self {
        let mut n = 1;
        while data.nodes.iter().any(|x| x.id == format!("new-node-{n}")) {
            n += 1;
        }
        EditorState::Node(NodeForm {
            index: None,
            original: None,
            id: format!("new-node-{n}"),
            kind: most_used(data.nodes.iter().map(|n| &n.kind))
                .or_else(|| {
                    data.declared_vocabulary()
                        .kinds()
                        .first()
                        .map(|d| d.id.clone())
                })
                .unwrap_or_else(|| Kind::new("Thing")),
            zh: String::new(),
            en: String::new(),
            aliases: String::new(),
            attrs: Vec::new(),
            cites: vec![(first_source(data), String::new())],
        })
    }

    pub fn edit_selection(kg: &KnowledgeGraph, selection: &Selection) -> Self {
        if let Some(e) = selection.edge {
            let index = kg.graph[e];
            let edge = &kg.data.edges[index];
            return EditorState::Edge(EdgeForm {
                index: Some(index),
                original: Some(edge.clone()),
                from: edge.from.clone(),
                to: edge.to.clone(),
                rel: edge.rel.clone(),
                year: edge.year.map(|y| y.to_string()).unwrap_or_default(),
                inferred: edge.inferred,
                attrs: edge
                    .attrs
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                cites: edge
                    .cites
                    .iter()
                    .map(|c| (c.source.clone(), c.quote.clone()))
                    .collect(),
                query: String::new(),
            });
        }
        match selection.nodes.iter().next() {
            Some(&n) => {
                let index = kg.graph[n];
                EditorState::Node(NodeForm::from_node(Some(index), &kg.data.nodes[index]))
            }
            None => EditorState::Closed,
        }
    }

    pub fn connect(kg: &KnowledgeGraph, from: NodeIx, to: Option<NodeIx>) -> Self {
        EditorState::Edge(EdgeForm {
            index: None,
            original: None,
            from: kg.node(from).id.clone(),
            to: to.map(|t| kg.node(t).id.clone()).unwrap_or_default(),
            rel: most_used(kg.data.edges.iter().map(|e| &e.rel))
                .or_else(|| kg.vocab().relations().first().map(|d| d.id.clone()))
                .unwrap_or_else(|| Relation::new("related")),
            year: String::new(),
            inferred: false,
            attrs: Vec::new(),
            cites: vec![(first_source(&kg.data), String::new())],
            query: String::new(),
        })
    }
}

fn rows_ui(
    ui: &mut egui::Ui,
    id: &str,
    rows: &mut Vec<(String, String)>,
    key_hint: &str,
    value_hint: &str,
) {
    let mut remove = None;
    for (i, (k, v)) in rows.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(k)
                    .hint_text(key_hint)
                    .desired_width(110.0)
                    .id_salt((id, i, "k")),
            );
            ui.add(
                egui::TextEdit::singleline(v)
                    .hint_text(value_hint)
                    .desired_width(220.0)
                    .id_salt((id, i, "v")),
            );
            if ui
                .small_button("×")
                .on_hover_text(t("editor-remove"))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        rows.remove(i);
    }
}

fn cites_ui(ui: &mut egui::Ui, data: &Dataset, cites: &mut Vec<(String, String)>) {
    ui.strong(t("editor-citations"));
    let mut remove = None;
    for (i, (source, quote)) in cites.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            egui::ComboBox::from_id_salt(("cite-source", i))
                .selected_text(source.as_str())
                .show_ui(ui, |ui| {
                    for s in &data.sources {
                        ui.selectable_value(
                            source,
                            s.id.clone(),
                            format!("{} · {}", s.id, s.title.zh),
                        );
                    }
                });
            if ui
                .small_button("×")
                .on_hover_text(t("editor-remove"))
                .clicked()
            {
                remove = Some(i);
            }
        });
        ui.add(
            egui::TextEdit::multiline(quote)
                .hint_text(t("editor-quote-hint"))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .id_salt(("cite-quote", i)),
        );
    }
    if let Some(i) = remove {
        cites.remove(i);
    }
    if ui.button(t("editor-add-citation")).clicked() {
        cites.push((first_source(data), String::new()));
    }
}

fn labelled(ui: &mut egui::Ui, label: &str, text: &mut String) -> egui::Response {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        ui.add(egui::TextEdit::singleline(text).desired_width(260.0))
            .labelled_by(l.id)
    })
    .inner
}

/// The editor window, when a form is open.
pub fn editor_ui(
    ctx: &egui::Context,
    state: &mut EditorState,
    kg: &KnowledgeGraph,
    search: &crate::analysis::SearchIndex,
    commands: &mut Vec<Command>,
) {
    let title = match state {
        EditorState::Closed => return,
        EditorState::Node(f) if f.index.is_none() => t("editor-new-node"),
        EditorState::Node(_) => t("editor-edit-node"),
        EditorState::Edge(f) if f.index.is_none() => t("editor-connect"),
        EditorState::Edge(_) => t("editor-edit-edge"),
    };
    let mut open = true;
    let mut close = false;
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .default_width(420.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(560.0)
                .show(ui, |ui| match state {
                    EditorState::Closed => {}
                    EditorState::Node(f) => {
                        labelled(ui, &t("editor-id"), &mut f.id);
                        ui.horizontal(|ui| {
                            ui.label(t("editor-kind"));
                            egui::ComboBox::from_id_salt("node-kind")
                                .selected_text(kind_label(kg.vocab(), &f.kind, LabelLang::Both))
                                .show_ui(ui, |ui| {
                                    for k in kg.vocab().kinds() {
                                        ui.selectable_value(
                                            &mut f.kind,
                                            k.id.clone(),
                                            kind_label(kg.vocab(), &k.id, LabelLang::Both),
                                        );
                                    }
                                });
                        });
                        labelled(ui, &t("editor-name-zh"), &mut f.zh);
                        labelled(ui, &t("editor-name-en"), &mut f.en);
                        labelled(ui, &t("editor-aliases"), &mut f.aliases);
                        ui.strong(t("inspector-attributes"));
                        rows_ui(
                            ui,
                            "attrs",
                            &mut f.attrs,
                            &t("editor-key"),
                            &t("editor-value"),
                        );
                        if ui.button(t("editor-add-attribute")).clicked() {
                            f.attrs.push((String::new(), String::new()));
                        }
                        cites_ui(ui, &kg.data, &mut f.cites);
                        close |= apply_cancel_ui(ui, || f.to_edit(&kg.data), commands);
                    }
                    EditorState::Edge(f) => {
                        ui.label(t_args(
                            "editor-from",
                            &[("name", name_of(kg, &f.from).into())],
                        ));
                        ui.horizontal(|ui| {
                            ui.label(t("editor-relation"));
                            egui::ComboBox::from_id_salt("edge-rel")
                                .selected_text(relation_label(kg.vocab(), &f.rel, LabelLang::Both))
                                .show_ui(ui, |ui| {
                                    for r in kg.vocab().relations() {
                                        ui.selectable_value(
                                            &mut f.rel,
                                            r.id.clone(),
                                            relation_label(kg.vocab(), &r.id, LabelLang::Both),
                                        );
                                    }
                                });
                        });
                        let to = if f.to.is_empty() {
                            t("editor-pick-below")
                        } else {
                            name_of(kg, &f.to)
                        };
                        ui.label(t_args("editor-to", &[("name", to.into())]));
                        if f.index.is_none() {
                            ui.add(
                                egui::TextEdit::singleline(&mut f.query)
                                    .hint_text(t("editor-find-other")),
                            );
                            for hit in search.search(&f.query, 6) {
                                let n = kg.node(hit.node);
                                if ui
                                    .selectable_label(
                                        f.to == n.id,
                                        crate::ui::node_name(n, crate::view::LabelLang::Both),
                                    )
                                    .clicked()
                                {
                                    f.to = n.id.clone();
                                }
                            }
                        }
                        labelled(ui, &t("editor-year"), &mut f.year);
                        ui.checkbox(&mut f.inferred, t("editor-inferred"));
                        ui.strong(t("inspector-attributes"));
                        rows_ui(
                            ui,
                            "edge-attrs",
                            &mut f.attrs,
                            &t("editor-key"),
                            &t("editor-value"),
                        );
                        if ui.button(t("editor-add-attribute")).clicked() {
                            f.attrs.push((String::new(), String::new()));
                        }
                        cites_ui(ui, &kg.data, &mut f.cites);
                        close |= apply_cancel_ui(ui, || f.to_edit(&kg.data), commands);
                    }
                });
        });
    if !open || close {
        *state = EditorState::Closed;
    }
}

/// Apply / Cancel. Apply queues the form's edit; returns true when the form should close
/// (Cancel, or Apply with nothing changed).
fn apply_cancel_ui(
    ui: &mut egui::Ui,
    edit: impl FnOnce() -> Option<Edit>,
    commands: &mut Vec<Command>,
) -> bool {
    ui.separator();
    ui.horizontal(|ui| {
        let mut close = false;
        if ui.button(t("button-apply")).clicked() {
            match edit() {
                Some(edit) => commands.push(Command::Edit(edit)),
                None => close = true,
            }
        }
        close || ui.button(t("button-cancel")).clicked()
    })
    .inner
}

fn name_of(kg: &KnowledgeGraph, id: &str) -> String {
    kg.node_ix(id)
        .map(|ix| crate::ui::node_name(kg.node(ix), crate::view::LabelLang::Both))
        .unwrap_or_else(|| id.to_string())
}

/// Buttons the inspector shows for editing the selection.
pub fn edit_buttons_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>, node_selected: bool) {
    ui.horizontal_wrapped(|ui| {
        if ui.button(t("editor-edit-button")).clicked() {
            commands.push(Command::Run(Action::EditSelection));
        }
        if node_selected && ui.button(t("editor-connect-button")).clicked() {
            commands.push(Command::Run(Action::ConnectSelection));
        }
        if ui.button(t("button-delete")).clicked() {
            commands.push(Command::Run(Action::DeleteSelection));
        }
    });
}
