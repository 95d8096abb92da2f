//! Graph databases against a real FalkorDB (issue #17): push the shipped graph and pull it back
//! equal, open by search and by Cypher, expand a node a page at a time, a server that stops
//! mid-session, a wrong password, a bad query, cancel and timeout.
//!
//! `ATLAS_BOLT_TEST_URI=falkordb://127.0.0.1:P` names the server (`.ci/falkordb.sh start` prints
//! it); `ATLAS_BOLT_TEST_BOLT_URI=bolt://127.0.0.1:Q` its Bolt port. Unset, the tests say so and
//! pass, unless `ATLAS_REQUIRE_SHARED=1` and `ATLAS_REQUIRE_DB=1` are both set (CI): then they
//! fail. Each test writes its own graph (key `atlas_test_<name>_<pid>`) and deletes it.
//!
//! FalkorDB's Bolt endpoint speaks Bolt 5 only and `neo4rs` Bolt 4.x, so the data path is
//! tested over FalkorDB's own protocol; over Bolt, what is tested is that the mismatch is a
//! clear `protocol` error.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a test may panic on what it set up

mod common;

use innovation_atlas::db::{
    self, DbError, DbParams, DbSession, JobOutput, Password, Secret, Subgraph, Value,
};
use innovation_atlas::model::{Dataset, Edge, Node};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const URI: &str = "ATLAS_BOLT_TEST_URI";
const BOLT_URI: &str = "ATLAS_BOLT_TEST_BOLT_URI";
const REQUIRE_DB: &str = "ATLAS_REQUIRE_DB";

/// The test server's URI, or `None` (with a notice) when there is none.
fn server(var: &str) -> Option<String> {
    if let Ok(uri) = std::env::var(var)
        && !uri.is_empty()
    {
        return Some(uri);
    }
    let required = std::env::var(common::REQUIRE_SHARED).is_ok_and(|v| v == "1")
        && std::env::var(REQUIRE_DB).is_ok_and(|v| v == "1");
    assert!(
        !required,
        "{var} is not set, and {REQUIRE_DB}=1 requires a test server"
    );
    let _ = writeln!(
        std::io::stderr(),
        "note: {var} is not set: skipping (start one with `eval \"$(.ci/falkordb.sh start)\"`)"
    );
    None
}

fn params(uri: &str, graph: &str) -> DbParams {
    let mut p = DbParams::new(uri);
    p.database = format!("atlas_test_{graph}_{}", std::process::id());
    p.password = Password::Given(Secret::default());
    p.timeout = Duration::from_secs(30);
    p
}

/// Deletes the test's graph when the test ends, however it ends.
struct Graph(DbParams);

impl Drop for Graph {
    fn drop(&mut self) {
        let cancel = AtomicBool::new(false);
        if let Ok(mut b) = db::connect(&self.0, &cancel) {
            let _ = b.run("MATCH (n) DETACH DELETE n", Vec::new(), &cancel);
        }
    }
}

fn subgraph(out: Result<JobOutput, DbError>) -> Subgraph {
    match out {
        Ok(JobOutput::Subgraph(s)) => s,
        other => panic!("expected a subgraph, got {other:?}"),
    }
}

fn sorted_nodes(d: &Dataset) -> Vec<Node> {
    let mut v = d.nodes.clone();
    v.sort_by(|a, b| a.id.cmp(&b.id));
    v
}

fn sorted_edges(d: &Dataset) -> Vec<String> {
    let mut v: Vec<String> = d.edges.iter().map(|e: &Edge| format!("{e:?}")).collect();
    v.sort();
    v
}

fn count(uri: &str, p: &DbParams, cypher: &str) -> i64 {
    let _ = uri;
    let cancel = AtomicBool::new(false);
    let mut b = db::connect(p, &cancel).unwrap();
    match b.run(cypher, Vec::new(), &cancel).unwrap()[0][0] {
        Value::Int(n) => n,
        ref v => panic!("not a count: {v:?}"),
    }
}

#[test]
fn push_then_pull_round_trips_the_shipped_graph() {
    let Some(uri) = server(URI) else { return };
    let p = params(&uri, "roundtrip");
    let _cleanup = Graph(p.clone());
    let data = common::shipped_data();
    let cancel = AtomicBool::new(false);
    let mut b = db::connect(&p, &cancel).unwrap();
    let mut seen = Vec::new();
    let stats = db::ops::push(b.as_mut(), &data, 50, &cancel, &mut |pr| seen.push(pr)).unwrap();
    assert_eq!(
        (stats.nodes, stats.edges),
        (data.nodes.len(), data.edges.len())
    );
    let total = data.sources.len() + data.nodes.len() + data.edges.len();
    assert_eq!(
        seen.last().map(|p| (p.done, p.total)),
        Some((total, Some(total)))
    );
    // Idempotent: a second push merges onto the first.
    db::ops::push(b.as_mut(), &data, 500, &cancel, &mut |_| {}).unwrap();
    let n = data.nodes.len() as i64;
    assert_eq!(count(&uri, &p, "MATCH (n:Atlas) RETURN count(n)"), n);
    assert_eq!(
        count(&uri, &p, "MATCH (:Atlas)-[r]->(:Atlas) RETURN count(r)"),
        data.edges.len() as i64
    );

    let back = db::ops::pull(b.as_mut(), "MATCH (n:Atlas) RETURN n", &cancel)
        .unwrap()
        .data;
    assert_eq!(sorted_nodes(&back), sorted_nodes(&data));
    assert_eq!(sorted_edges(&back), sorted_edges(&data));
    let mut sources = data.sources.clone();
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(back.sources, sources);
}

#[test]
fn the_command_line_pushes_and_pulls_a_file_check_accepts() {
    let Some(uri) = server(URI) else { return };
    let p = params(&uri, "cli");
    let _cleanup = Graph(p.clone());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pulled.ron");
    let exe = env!("CARGO_BIN_EXE_innovation-atlas");
    let run = |args: &[&str]| {
        let o = std::process::Command::new(exe)
            .args(args)
            .env("ATLAS_BOLT_PASSWORD", "")
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let shipped = common::shipped();
    let said = run(&[
        "push",
        shipped.to_str().unwrap(),
        &uri,
        "--database",
        &p.database,
    ]);
    assert!(said.starts_with("pushed "), "{said}");
    let query = "MATCH (a:Atlas)-[r]->(b:Atlas) RETURN a, r, b";
    run(&[
        "pull",
        &uri,
        "--database",
        &p.database,
        "--query",
        query,
        "-o",
        out.to_str().unwrap(),
    ]);
    let problems = innovation_atlas::cli::check_file(&out, None);
    assert!(problems.is_empty(), "{problems:?}");
    let back = innovation_atlas::io::load_dataset(&out).unwrap();
    let data = common::shipped_data();
    assert_eq!(sorted_edges(&back), sorted_edges(&data));
}

#[test]
fn a_session_opens_by_search_and_by_cypher_and_expands_page_by_page() {
    let Some(uri) = server(URI) else { return };
    let p = params(&uri, "session");
    let _cleanup = Graph(p.clone());
    let data = common::shipped_data();
    let (session, connected) = DbSession::connect(p.clone());
    assert_eq!(connected.wait(), Ok(JobOutput::Connected));
    assert!(matches!(
        session.push(Arc::new(data.clone())).wait(),
        Ok(JobOutput::Pushed(_))
    ));

    // The node with the most neighbours, found by its Chinese name, its pinyin and English.
    let kg = common::shipped_kg();
    let degree = kg.undirected_degree();
    let hub = kg.node(kg.node_at(argmax(&degree)).unwrap()).clone();
    let (pinyin, _) = innovation_atlas::model::pinyin_keys(&hub.name.zh);
    for text in [hub.name.zh.as_str(), pinyin.as_str(), hub.name.en.as_str()] {
        let found = subgraph(session.search(text, 20).wait());
        assert!(
            found.data.nodes.iter().any(|n| n.id == hub.id),
            "search {text:?}"
        );
    }
    let by_cypher = subgraph(session.query("MATCH (n:Atlas) RETURN n LIMIT 7").wait());
    assert_eq!(by_cypher.data.nodes.len(), 7);

    // Expand: 5 at a time, pages that do not overlap, "more" until all came.
    let all = degree[argmax(&degree)] as usize;
    let mut skip = 0;
    let mut edges = Vec::new();
    loop {
        let page = subgraph(session.expand(&hub.id, 5, skip).wait());
        assert_eq!(page.around.as_deref(), Some(hub.id.as_str()));
        assert!(page.data.edges.len() <= 5);
        edges.extend(page.data.edges.iter().map(|e| format!("{e:?}")));
        skip = page.next_skip;
        if !page.more {
            break;
        }
        assert_eq!(page.data.edges.len(), 5);
    }
    let distinct: std::collections::HashSet<_> = edges.iter().collect();
    assert_eq!((edges.len(), distinct.len()), (all, all));

    let missing = session.expand("no-such-node", 5, 0).wait().unwrap_err();
    assert_eq!(missing.kind(), "query");
}

fn argmax(v: &[u32]) -> usize {
    (0..v.len()).max_by_key(|&i| v[i]).unwrap()
}

/// A TCP relay to the real server that can be told to cut every connection (the server
/// "stops") or to cut an answer after `limit` bytes (the connection drops mid-result).
struct Relay {
    port: u16,
    stopped: Arc<AtomicBool>,
    reply_limit: Arc<AtomicUsize>,
}

impl Relay {
    fn start(target: String) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let stopped = Arc::new(AtomicBool::new(false));
        let reply_limit = Arc::new(AtomicUsize::new(usize::MAX));
        let (s, l) = (Arc::clone(&stopped), Arc::clone(&reply_limit));
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break; // the listener is dropped: new connections are refused
                }
                let Ok(client) = client else { break };
                let Ok(upstream) = TcpStream::connect(&target) else {
                    break;
                };
                let (c2, u2) = (client.try_clone().unwrap(), upstream.try_clone().unwrap());
                let s2 = Arc::clone(&s);
                std::thread::spawn(move || pipe(c2, u2, &s2, usize::MAX));
                let (s3, l3) = (Arc::clone(&s), Arc::clone(&l));
                std::thread::spawn(move || pipe(upstream, client, &s3, l3.load(Ordering::SeqCst)));
            }
        });
        Relay {
            port,
            stopped,
            reply_limit,
        }
    }

    fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it drops the listener.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream, stopped: &AtomicBool, limit: usize) {
    let _ = from.set_read_timeout(Some(Duration::from_millis(50)));
    let mut buf = [0u8; 16 * 1024];
    let mut sent = 0usize;
    loop {
        if stopped.load(Ordering::SeqCst) {
            break;
        }
        match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let n = n.min(limit - sent);
                if to.write_all(&buf[..n]).is_err() {
                    break;
                }
                sent += n;
                if sent >= limit {
                    break;
                }
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => break,
        }
    }
    let _ = from.shutdown(std::net::Shutdown::Both);
    let _ = to.shutdown(std::net::Shutdown::Both);
}

#[test]
fn a_server_that_stops_mid_session_gives_a_clear_error_and_a_cut_answer_applies_nothing() {
    let Some(uri) = server(URI) else { return };
    let target = uri.trim_start_matches("falkordb://").to_string();
    let real = params(&uri, "stops");
    let _cleanup = Graph(real.clone());
    let data = common::shipped_data();
    let cancel = AtomicBool::new(false);
    db::ops::push(
        db::connect(&real, &cancel).unwrap().as_mut(),
        &data,
        500,
        &cancel,
        &mut |_| {},
    )
    .unwrap();

    // An answer cut after 2000 bytes: the job fails as "lost" and returns no subgraph.
    let relay = Relay::start(target.clone());
    let mut p = real.clone();
    p.uri = format!("falkordb://127.0.0.1:{}", relay.port);
    let (session, connected) = DbSession::connect(p.clone());
    assert_eq!(connected.wait(), Ok(JobOutput::Connected));
    relay.reply_limit.store(2000, Ordering::SeqCst);
    let (cut_session, cut_connected) = DbSession::connect(p.clone());
    assert_eq!(cut_connected.wait(), Ok(JobOutput::Connected)); // PING fits in 2000 bytes
    let cut = cut_session.query("MATCH (n:Atlas) RETURN n").wait();
    assert_eq!(
        cut.as_ref().map(|_| ()).unwrap_err().kind(),
        "lost",
        "{cut:?}"
    );
    drop(cut_session);
    relay.reply_limit.store(usize::MAX, Ordering::SeqCst);

    // The server goes away between two requests: the next one says it cannot reach it.
    let ok = subgraph(session.query("MATCH (n:Atlas) RETURN n LIMIT 3").wait());
    assert_eq!(ok.data.nodes.len(), 3);
    relay.stop();
    std::thread::sleep(Duration::from_millis(200));
    let err = session
        .query("MATCH (n:Atlas) RETURN n LIMIT 3")
        .wait()
        .unwrap_err();
    assert!(matches!(err.kind(), "lost" | "unreachable"), "{err:?}");
    let again = session
        .query("MATCH (n:Atlas) RETURN n LIMIT 3")
        .wait()
        .unwrap_err();
    assert_eq!(again.kind(), "unreachable", "{again}");
}

#[test]
fn a_wrong_password_is_refused_clearly() {
    let Some(uri) = server(URI) else { return };
    let mut p = params(&uri, "auth");
    let cancel = AtomicBool::new(false);
    // A user with a password of its own (the default user has none on the test server).
    let mut admin = db::connect(&params(&uri, "auth_admin"), &cancel).unwrap();
    drop(admin.run("RETURN 1", Vec::new(), &cancel));
    let user = format!("atlas_test_{}", std::process::id());
    acl(
        &uri,
        &[
            "ACL",
            "SETUSER",
            &user,
            "on",
            ">right-secret",
            "~*",
            "&*",
            "+@all",
        ],
    );
    p.user = user.clone();
    p.password = Password::Given(Secret::new("wrong"));
    let err = db::connect(&p, &cancel).err().unwrap();
    assert_eq!(err.kind(), "auth", "{err}");
    p.password = Password::Given(Secret::new("right-secret"));
    assert!(db::connect(&p, &cancel).is_ok());
    acl(&uri, &["ACL", "DELUSER", &user]);
}

/// A raw RESP command to the test server (user management is not Cypher).
fn acl(uri: &str, args: &[&str]) {
    let mut s = TcpStream::connect(uri.trim_start_matches("falkordb://")).unwrap();
    let mut out = format!("*{}\r\n", args.len());
    for a in args {
        out.push_str(&format!("${}\r\n{a}\r\n", a.len()));
    }
    s.write_all(out.as_bytes()).unwrap();
    let mut buf = [0u8; 64];
    let n = s.read(&mut buf).unwrap();
    assert!(
        buf[..n].starts_with(b"+OK") || buf[..n].starts_with(b":1"),
        "{:?}",
        &buf[..n]
    );
}

#[test]
fn bad_queries_cancel_and_timeouts_are_told_apart() {
    let Some(uri) = server(URI) else { return };
    let p = params(&uri, "errors");
    let _cleanup = Graph(p.clone());
    let (session, connected) = DbSession::connect(p.clone());
    assert_eq!(connected.wait(), Ok(JobOutput::Connected));
    let err = session.query("MATCH (n RETURN n").wait().unwrap_err();
    assert_eq!(err.kind(), "query");
    assert!(err.detail().contains("Invalid input"), "{err}");

    // About 4 s on FalkorDB here: long enough to cancel, short enough not to hold the server.
    let slow = "UNWIND range(1, 20000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x)";
    let mut job = session.query(slow);
    std::thread::sleep(Duration::from_millis(300));
    let t = Instant::now();
    job.cancel();
    let err = loop {
        if let Some(r) = job.poll() {
            break r.unwrap_err();
        }
        assert!(t.elapsed() < Duration::from_secs(5), "cancel took too long");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(err, DbError::Cancelled);
    // The session goes on (on a fresh connection).
    assert!(session.query("RETURN 1").wait().is_ok());

    let mut quick = p.clone();
    quick.timeout = Duration::from_millis(300);
    let cancel = AtomicBool::new(false);
    let mut b = db::connect(&quick, &cancel).unwrap();
    assert_eq!(
        b.run(slow, Vec::new(), &cancel).unwrap_err(),
        DbError::Timeout
    );
}

#[test]
fn nothing_listening_is_unreachable() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cancel = AtomicBool::new(false);
    for uri in [
        format!("falkordb://127.0.0.1:{port}"),
        format!("bolt://127.0.0.1:{port}"),
    ] {
        let err = db::connect(&params(&uri, "none"), &cancel).err().unwrap();
        assert_eq!(err.kind(), "unreachable", "{uri}: {err}");
    }
}

#[test]
fn falkordb_bolt_endpoint_is_a_clear_protocol_error() {
    let Some(uri) = server(BOLT_URI) else { return };
    let cancel = AtomicBool::new(false);
    let t = Instant::now();
    let err = db::connect(&params(&uri, "bolt"), &cancel).err().unwrap();
    assert!(matches!(err.kind(), "protocol" | "lost"), "{err}");
    assert!(t.elapsed() < Duration::from_secs(20));
}
