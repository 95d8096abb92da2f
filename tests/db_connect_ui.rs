//! The connect dialog and expansion from a graph database (issue #17) under egui_kittest: the
//! dialog sends what the form says and keeps no password; progress offers Cancel; failures say
//! which. With a test server (`ATLAS_BOLT_TEST_URI`, see tests/bolt.rs), the dialog's command
//! opens a subgraph and the node menu's "Expand" and "More neighbours…" fetch neighbours.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use innovation_atlas::commands::{DbCommand, DbStart};
use innovation_atlas::db::{DbError, DbParams, DbSession, JobOutput, Password, Progress, Secret};
use innovation_atlas::i18n::UiLang;
use innovation_atlas::ui::{ConnectForm, DbStatus, connect_ui, expand_menu_ui};
use std::sync::Arc;
use std::time::Duration;

struct State {
    open: bool,
    form: ConnectForm,
    busy: Option<Progress>,
    error: Option<DbError>,
    connected: Option<String>,
    out: Vec<DbCommand>,
}

fn harness(form: ConnectForm, lang: UiLang) -> Harness<'static, State> {
    UiLang::set_current(lang);
    let state = State {
        open: true,
        form,
        busy: None,
        error: None,
        connected: None,
        out: Vec::new(),
    };
    Harness::builder()
        .with_size([900.0, 700.0])
        .with_context_setup(innovation_atlas::app::install_fonts)
        .build_ui_state(
            move |ui, s: &mut State| {
                UiLang::set_current(lang);
                let status = DbStatus {
                    busy: s.busy,
                    error: s.error.as_ref(),
                    connected: s.connected.as_deref(),
                };
                connect_ui(ui.ctx(), &mut s.open, &mut s.form, status, &mut s.out);
            },
            state,
        )
}

#[test]
fn connect_sends_the_form_and_forgets_the_password() {
    let form = ConnectForm {
        uri: "bolt://db.example:7687".into(),
        user: "analyst".into(),
        database: "atlas".into(),
        password: "hunter2".into(),
        password_from_env: false,
        search: "深圳".into(),
        ..ConnectForm::default()
    };
    let mut h = harness(form, UiLang::English);
    h.run_steps(2);
    h.get_by_label("Connect to graph database");
    // The masked field does not show the password to anyone reading the screen.
    assert!(h.query_by_label_contains("hunter2").is_none());
    h.get_by_label("Connect").click();
    h.run_steps(2);
    let s = h.state();
    let [DbCommand::Connect { params, start }] = s.out.as_slice() else {
        panic!("{:?}", s.out)
    };
    assert_eq!(params.uri, "bolt://db.example:7687");
    assert_eq!(
        (params.user.as_str(), params.database.as_str()),
        ("analyst", "atlas")
    );
    assert_eq!(params.password, Password::Given(Secret::new("hunter2")));
    assert_eq!(start, &DbStart::Search("深圳".into()));
    assert!(
        s.form.password.is_empty(),
        "the typed password stays in the form"
    );
}

#[test]
fn password_from_the_environment_and_a_cypher_start() {
    let form = ConnectForm {
        password_from_env: true,
        by_cypher: true,
        cypher: "MATCH (n) RETURN n LIMIT 5".into(),
        ..ConnectForm::default()
    };
    let mut h = harness(form, UiLang::English);
    h.run_steps(2);
    h.get_by_label("Connect").click();
    h.run_steps(2);
    let [DbCommand::Connect { params, start }] = h.state().out.as_slice() else {
        panic!()
    };
    assert_eq!(params.password, Password::FromEnv);
    assert_eq!(start, &DbStart::Cypher("MATCH (n) RETURN n LIMIT 5".into()));
}

#[test]
fn progress_offers_cancel_and_failures_say_which() {
    let mut h = harness(ConnectForm::default(), UiLang::English);
    h.state_mut().busy = Some(Progress {
        done: 2000,
        total: Some(8000),
    });
    h.run_steps(2);
    h.get_by_label_contains("2,000");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(h.state().out, [DbCommand::Cancel]);

    let s = h.state_mut();
    s.busy = None;
    s.out.clear();
    s.error = Some(DbError::Auth(
        "WRONGPASS invalid username-password pair".into(),
    ));
    h.run_steps(2);
    h.get_by_label_contains("refused the user name or password");
    h.state_mut().error = Some(DbError::Unreachable(
        "Connection refused (os error 111)".into(),
    ));
    h.run_steps(2);
    h.get_by_label_contains("cannot be reached");
}

#[test]
fn the_dialog_speaks_chinese() {
    let mut h = harness(ConnectForm::default(), UiLang::Chinese);
    h.state_mut().error = Some(DbError::Timeout);
    h.run_steps(2);
    h.get_by_label("连接图数据库");
    h.get_by_label("连接");
    h.get_by_label_contains("服务器未能及时响应");
}

/// The test as the app: a dialog, a session, a job polled every frame, the node menu.
struct Live {
    form: ConnectForm,
    open: bool,
    session: Option<DbSession>,
    job: Option<innovation_atlas::db::DbJob>,
    nodes: Vec<String>,
    more_after: Option<usize>,
    out: Vec<DbCommand>,
    hub: String,
}

#[test]
fn against_the_test_server_connect_opens_and_expand_fetches_more() {
    let Ok(uri) = std::env::var("ATLAS_BOLT_TEST_URI") else {
        eprintln!("note: ATLAS_BOLT_TEST_URI is not set: the live part is skipped");
        return;
    };
    // The data the dialog will find.
    let mut p = DbParams::new(&uri);
    p.database = format!("atlas_test_ui_{}", std::process::id());
    let data = common::shipped_data();
    let (seed, _) = DbSession::connect(p.clone());
    assert!(matches!(
        seed.push(Arc::new(data)).wait(),
        Ok(JobOutput::Pushed(_))
    ));
    let kg = common::shipped_kg();
    let degree = kg.undirected_degree();
    let hub_ix = (0..degree.len()).max_by_key(|&i| degree[i]).unwrap();
    let hub = kg.node(kg.node_at(hub_ix).unwrap()).clone();

    UiLang::set_current(UiLang::English);
    let live = Live {
        form: ConnectForm {
            uri: uri.clone(),
            user: String::new(),
            database: p.database.clone(),
            password_from_env: false,
            search: hub.name.en.clone(),
            ..ConnectForm::default()
        },
        open: true,
        session: None,
        job: None,
        nodes: Vec::new(),
        more_after: None,
        out: Vec::new(),
        hub: hub.id.clone(),
    };
    let mut h = Harness::builder()
        .with_size([900.0, 700.0])
        .with_context_setup(innovation_atlas::app::install_fonts)
        .build_ui_state(
            |ui, s: &mut Live| {
                UiLang::set_current(UiLang::English);
                let busy = s.job.as_ref().map(|j| j.progress());
                let label = s.session.as_ref().map(|x| x.label.clone());
                let status = DbStatus {
                    busy,
                    error: None,
                    connected: label.as_deref(),
                };
                connect_ui(ui.ctx(), &mut s.open, &mut s.form, status, &mut s.out);
                if !s.nodes.is_empty() {
                    egui::Window::new("node").show(ui.ctx(), |ui| {
                        expand_menu_ui(ui, &s.hub, 3, s.more_after, &mut s.out);
                    });
                }
                for c in std::mem::take(&mut s.out) {
                    match c {
                        DbCommand::Connect {
                            params,
                            start: DbStart::Search(text),
                        } => {
                            let (session, _connected) = DbSession::connect(params);
                            s.job = Some(session.search(&text, 50));
                            s.session = Some(session);
                        }
                        DbCommand::Expand { node, limit } => {
                            s.job = s.session.as_ref().map(|x| x.expand(&node, limit, 0));
                        }
                        DbCommand::More { node, limit, skip } => {
                            s.job = s.session.as_ref().map(|x| x.expand(&node, limit, skip));
                        }
                        other => panic!("unexpected {other:?}"),
                    }
                }
                if let Some(Some(r)) = s.job.as_mut().map(|j| j.poll()) {
                    s.job = None;
                    let Ok(JobOutput::Subgraph(sub)) = r else {
                        panic!("{r:?}")
                    };
                    for n in sub.data.nodes {
                        if !s.nodes.contains(&n.id) {
                            s.nodes.push(n.id);
                        }
                    }
                    s.more_after = sub.more.then_some(sub.next_skip);
                }
            },
            live,
        );
    h.run_steps(2);
    h.get_by_label("Connect").click();
    let wait = |h: &mut Harness<'static, Live>, n: usize| {
        for _ in 0..300 {
            std::thread::sleep(Duration::from_millis(20));
            h.run_steps(1);
            if h.state().job.is_none() && h.state().nodes.len() >= n {
                return;
            }
        }
        panic!("no answer: {:?}", h.state().nodes);
    };
    wait(&mut h, 1);
    assert!(h.state().nodes.contains(&hub.id));
    let before = h.state().nodes.len();
    h.run_steps(2);
    h.get_by_label_contains("Expand from database").click();
    wait(&mut h, before + 1);
    let after_first = h.state().nodes.len();
    assert!(after_first <= before + 3);
    assert_eq!(h.state().more_after, Some(3));
    h.run_steps(2);
    h.get_by_label_contains("More neighbours").click();
    wait(&mut h, after_first + 1);
    assert!(h.state().nodes.len() > after_first);
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut b = innovation_atlas::db::connect(&p, &cancel).unwrap();
    let _ = b.run("MATCH (n) DETACH DELETE n", Vec::new(), &cancel);
}
