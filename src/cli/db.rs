//! `push` and `pull`: a data file into a graph database and a subgraph back out (issue #17).
//! The password is read from `ATLAS_BOLT_PASSWORD` (empty when unset), never from a flag, so it
//! stays out of shell history and process lists.

use crate::db::{self, DbError, DbParams, Password};
use crate::io;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

#[derive(clap::Args, Debug)]
pub struct PushArgs {
    /// The data file to write into the database.
    pub file: PathBuf,
    /// `bolt://host:7687`, `bolt+s://…`, `neo4j://…` (Neo4j, Memgraph) or `falkordb://host:6379`.
    pub uri: String,
    /// Database name (Neo4j), graph key (FalkorDB); default: the server's.
    #[arg(long, value_name = "NAME")]
    pub database: Option<String>,
    /// User name (the password comes from ATLAS_BOLT_PASSWORD).
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// Rows per statement.
    #[arg(long, default_value_t = db::ops::PUSH_BATCH, hide = true)]
    pub batch: usize,
}

#[derive(clap::Args, Debug)]
pub struct PullArgs {
    /// `bolt://host:7687`, `bolt+s://…`, `neo4j://…` (Neo4j, Memgraph) or `falkordb://host:6379`.
    pub uri: String,
    /// Database name on the server (default: the server's default database).
    #[arg(long, value_name = "NAME")]
    pub database: Option<String>,
    /// User name (the password is read from ATLAS_BOLT_PASSWORD, empty if unset).
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
    /// The Cypher query whose nodes, relationships and paths become the data file (the
    /// relationships between the nodes it returns are added).
    #[arg(long, value_name = "CYPHER")]
    pub query: String,
    /// The data file to write (RON, written atomically).
    #[arg(short = 'o', long = "output", value_name = "OUT.ron")]
    pub out: PathBuf,
}

pub fn params(uri: &str, database: Option<&str>, user: Option<&str>) -> DbParams {
    let mut p = DbParams::new(uri);
    p.database = database.unwrap_or_default().to_string();
    p.user = user.unwrap_or_default().to_string();
    p.password = Password::FromEnv;
    p
}

fn fail(e: &DbError) -> ExitCode {
    eprintln!("error ({}): {e}", e.kind());
    ExitCode::from(1)
}

pub fn run_push(a: PushArgs) -> ExitCode {
    let data = match io::load_dataset(&a.file) {
        Ok(d) => d,
        Err(d) => {
            eprintln!("{}", io::join_diagnostics(&d));
            return ExitCode::from(1);
        }
    };
    let cancel = AtomicBool::new(false);
    let p = params(&a.uri, a.database.as_deref(), a.user.as_deref());
    let mut conn = match db::connect(&p, &cancel) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let mut err = std::io::stderr().lock();
    let mut report = |pr: db::Progress| {
        if let Some(total) = pr.total {
            let _ = write!(err, "\rpushed {}/{total}", pr.done);
        }
    };
    match db::ops::push(conn.as_mut(), &data, a.batch, &cancel, &mut report) {
        Ok(s) => {
            eprintln!();
            println!(
                "pushed {} nodes, {} edges, {} sources to {} in {:.2} s ({:.0} nodes/s)",
                s.nodes,
                s.edges,
                s.sources,
                a.uri,
                s.seconds,
                s.nodes as f64 / s.seconds.max(1e-9)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!();
            fail(&e)
        }
    }
}

pub fn run_pull(a: PullArgs) -> ExitCode {
    let cancel = AtomicBool::new(false);
    let p = params(&a.uri, a.database.as_deref(), a.user.as_deref());
    let sub = db::connect(&p, &cancel)
        .and_then(|mut conn| db::ops::pull(conn.as_mut(), &a.query, &cancel));
    let sub = match sub {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let text = match io::to_canonical_ron(&sub.data) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot encode the subgraph: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = io::write_atomic(&a.out, text.as_bytes()) {
        eprintln!("{}: cannot write: {e}", a.out.display());
        return ExitCode::from(1);
    }
    println!(
        "pulled {} nodes, {} edges, {} sources into {}",
        sub.data.nodes.len(),
        sub.data.edges.len(),
        sub.data.sources.len(),
        a.out.display()
    );
    ExitCode::SUCCESS
}
