//! File → Connect to graph database (issue #17): URI, user, database, password (typed, masked,
//! or taken from `ATLAS_BOLT_PASSWORD`), how to start (search by name or a Cypher query); then
//! progress with Cancel, or what went wrong. It pushes `DbCommand`s; the password typed is moved
//! into the command and cleared from the form, so it is never kept or saved.

use crate::commands::{DbCommand, DbStart};
use crate::db::{DbError, DbParams, PASSWORD_ENV, Password, Progress, Secret};
use crate::i18n::{t, t_args};

/// The form's fields (the app may keep URI, user and database between runs; never `password`).
#[derive(Clone, Debug, PartialEq)]
pub struct ConnectForm {
    pub uri: String,
    pub user: String,
    pub database: String,
    pub password: String,
    pub password_from_env: bool,
    pub by_cypher: bool,
    pub search: String,
    pub cypher: String,
}

impl Default for ConnectForm {
    fn default() -> Self {
        ConnectForm {
            uri: "bolt://localhost:7687".into(),
            user: "neo4j".into(),
            database: String::new(),
            password: String::new(),
            password_from_env: std::env::var_os(PASSWORD_ENV).is_some(),
            by_cypher: false,
            search: String::new(),
            cypher: "MATCH (n)-[r]->(m) RETURN n, r, m LIMIT 100".into(),
        }
    }
}

impl ConnectForm {
    /// The command the Connect button sends; takes the typed password out of the form.
    pub fn take_command(&mut self) -> DbCommand {
        let mut params = DbParams::new(&self.uri);
        params.user = self.user.trim().to_string();
        params.database = self.database.trim().to_string();
        params.password = if self.password_from_env {
            Password::FromEnv
        } else {
            Password::Given(Secret::new(std::mem::take(&mut self.password)))
        };
        let start = if self.by_cypher {
            DbStart::Cypher(self.cypher.clone())
        } else {
            DbStart::Search(self.search.trim().to_string())
        };
        DbCommand::Connect { params, start }
    }
}

/// What the dialog shows of the session (narrow: the app owns the session and its jobs).
#[derive(Clone, Copy, Debug, Default)]
pub struct DbStatus<'a> {
    /// A job runs: its progress.
    pub busy: Option<Progress>,
    /// The last job failed.
    pub error: Option<&'a DbError>,
    /// The session's label when connected.
    pub connected: Option<&'a str>,
}

/// The message shown for a failure: which kind, then the server's or system's words.
pub fn error_text(e: &DbError) -> String {
    let kind = t(match e {
        DbError::BadUri(_) => "db-error-bad-uri",
        DbError::Unreachable(_) => "db-error-unreachable",
        DbError::Auth(_) => "db-error-auth",
        DbError::Tls(_) => "db-error-tls",
        DbError::Query(_) => "db-error-query",
        DbError::Timeout => "db-error-timeout",
        DbError::Lost(_) => "db-error-lost",
        DbError::Protocol(_) => "db-error-protocol",
        DbError::Data(_) => "db-error-data",
        DbError::Cancelled => "db-error-cancelled",
    });
    if e.detail().is_empty() {
        kind
    } else {
        format!("{kind}\n{}", e.detail())
    }
}

/// The File menu item that opens the dialog.
pub fn connect_menu_label() -> String {
    t("menu-connect-db")
}

/// The status line after a subgraph from `target` became the working graph.
pub fn opened_message(nodes: usize, edges: usize, target: &str) -> String {
    t_args(
        "msg-db-opened",
        &[
            ("nodes", nodes.into()),
            ("edges", edges.into()),
            ("target", target.into()),
        ],
    )
}

/// The status line after an expansion merged new nodes and edges around `node` (its name).
pub fn expanded_message(nodes: usize, edges: usize, node: &str) -> String {
    t_args(
        "msg-db-expanded",
        &[
            ("nodes", nodes.into()),
            ("edges", edges.into()),
            ("node", node.into()),
        ],
    )
}

/// The dialog, while `open`. Closing it (× or Close) sets `open` to false.
pub fn connect_ui(
    ctx: &egui::Context,
    open: &mut bool,
    form: &mut ConnectForm,
    status: DbStatus<'_>,
    out: &mut Vec<DbCommand>,
) {
    let mut keep_open = *open;
    egui::Window::new(t("db-connect-title"))
        .id(egui::Id::unique("db-connect"))
        .open(&mut keep_open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| form_ui(ui, form, status, out));
    *open = keep_open;
}

fn form_ui(
    ui: &mut egui::Ui,
    form: &mut ConnectForm,
    status: DbStatus<'_>,
    out: &mut Vec<DbCommand>,
) {
    let busy = status.busy.is_some();
    ui.add_enabled_ui(!busy, |ui| {
        egui::Grid::new("db_connect_grid")
            .num_columns(2)
            .show(ui, |ui| {
                // Each field is named by its label, for screen readers (and tests).
                let l = ui.label(t("db-uri"));
                ui.add(
                    egui::TextEdit::singleline(&mut form.uri).hint_text("bolt://localhost:7687"),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t("db-user"));
                ui.text_edit_singleline(&mut form.user).labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t("db-database"));
                ui.add(
                    egui::TextEdit::singleline(&mut form.database)
                        .hint_text(t("db-database-default")),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(t("db-password"));
                ui.add_enabled(
                    !form.password_from_env,
                    egui::TextEdit::singleline(&mut form.password).password(true),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
        ui.checkbox(
            &mut form.password_from_env,
            t_args("db-password-from-env", &[("name", PASSWORD_ENV.into())]),
        );
        ui.separator();
        let (by_search, by_cypher) = ui
            .horizontal(|ui| {
                (
                    ui.radio_value(&mut form.by_cypher, false, t("db-start-search")),
                    ui.radio_value(&mut form.by_cypher, true, t("db-start-cypher")),
                )
            })
            .inner;
        if form.by_cypher {
            ui.add(
                egui::TextEdit::multiline(&mut form.cypher)
                    .code_editor()
                    .desired_rows(3),
            )
            .labelled_by(by_cypher.id);
        } else {
            ui.add(egui::TextEdit::singleline(&mut form.search).hint_text(t("db-search-hint")))
                .labelled_by(by_search.id);
        }
    });
    ui.separator();
    if let Some(p) = status.busy {
        ui.horizontal(|ui| {
            ui.spinner();
            let text = match p.total {
                Some(total) if total > 0 => t_args(
                    "db-progress-of",
                    &[("done", p.done.into()), ("total", total.into())],
                ),
                _ => t("db-progress-waiting"),
            };
            ui.label(text);
            if ui.button(t("db-cancel")).clicked() {
                out.push(DbCommand::Cancel);
            }
        });
    } else if let Some(e) = status.error {
        ui.colored_label(ui.visuals().error_fg_color, error_text(e));
    } else if let Some(label) = status.connected {
        ui.label(t_args("db-connected", &[("target", label.into())]));
    }
    ui.horizontal(|ui| {
        let ready = !busy && !form.uri.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(t("db-connect")))
            .clicked()
        {
            out.push(form.take_command());
        }
        if status.connected.is_some()
            && ui
                .add_enabled(!busy, egui::Button::new(t("db-disconnect")))
                .clicked()
        {
            out.push(DbCommand::Disconnect);
        }
    });
}

/// Items for a node's context menu while connected: expand its neighbours from the database
/// (the first `limit`), and, when the last expansion of this node left more, the next page.
pub fn expand_menu_ui(
    ui: &mut egui::Ui,
    node: &str,
    limit: usize,
    more_after: Option<usize>,
    out: &mut Vec<DbCommand>,
) {
    if ui
        .button(t_args("db-expand", &[("limit", limit.into())]))
        .clicked()
    {
        out.push(DbCommand::Expand {
            node: node.to_string(),
            limit,
        });
        ui.close_kind(egui::UiKind::Menu);
    }
    if let Some(skip) = more_after
        && ui.button(t("db-expand-more")).clicked()
    {
        out.push(DbCommand::More {
            node: node.to_string(),
            limit,
            skip,
        });
        ui.close_kind(egui::UiKind::Menu);
    }
}
