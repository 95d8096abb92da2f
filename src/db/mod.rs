//! Graph databases (issue #17): Neo4j and Memgraph over Bolt (`bolt.rs`, the `neo4rs` driver),
//! FalkorDB over its own protocol (`falkor.rs`); writing a data file into one (`push`), reading
//! a subgraph back (`pull`, search, expand: `ops.rs`) and a session that does all of it on a
//! worker thread, polled by the window (`session.rs`).
//!
//! Storage convention (the same for every server; `mapping.rs`):
//! - a node is `(:Atlas:Kind {id, kind, name_zh, name_en, aliases, cite_sources, cite_quotes,
//!   …attributes})`, merged by `id`;
//! - an edge is `(a)-[:REL {key, rel, year, inferred, cite_sources, cite_quotes, …}]->(b)`,
//!   merged by `key` (from, relation, to and the occurrence of that triple in the file);
//! - each citation is one item of two parallel string lists (`cite_sources[i]`,
//!   `cite_quotes[i]`), so they stay plain properties every Cypher server stores;
//! - each source is a node `(:AtlasSource {id, file, date, title_zh, title_en, publisher, url})`.

mod bolt;
pub mod error;
mod falkor;
pub mod mapping;
pub mod ops;
pub mod session;
pub mod value;

pub use error::DbError;
pub use ops::Subgraph;
pub use ops::{Progress, PushStats};
pub use session::{DbJob, DbRequest, DbSession, JobEvent, JobOutput};
pub use value::{DbNode, DbRel, Props, Value};

use std::sync::atomic::AtomicBool;
use std::time::Duration;

/// The environment variable the password is read from (CLI always, GUI when asked to).
pub const PASSWORD_ENV: &str = "ATLAS_BOLT_PASSWORD";

/// How long one request may take before it fails with [`DbError::Timeout`].
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// A password held only in memory: never printed (`Debug` hides it), never serialised.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Where the password comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Password {
    /// `ATLAS_BOLT_PASSWORD`, empty when it is not set.
    FromEnv,
    Given(Secret),
}

impl Password {
    pub fn resolve(&self) -> Secret {
        match self {
            Password::FromEnv => Secret(std::env::var(PASSWORD_ENV).unwrap_or_default()),
            Password::Given(s) => s.clone(),
        }
    }
}

/// What to connect to.
#[derive(Clone, Debug, PartialEq)]
pub struct DbParams {
    /// `bolt://`, `bolt+s://`, `bolt+ssc://`, `neo4j://`, `neo4j+s://`, `neo4j+ssc://` (Bolt), or
    /// `falkordb://` / `redis://` (FalkorDB's own protocol).
    pub uri: String,
    pub user: String,
    /// The database (Neo4j), or the graph key (FalkorDB); empty: the server's default
    /// (`atlas` for FalkorDB).
    pub database: String,
    pub password: Password,
    pub timeout: Duration,
}

impl DbParams {
    pub fn new(uri: &str) -> Self {
        DbParams {
            uri: uri.trim().to_string(),
            user: String::new(),
            database: String::new(),
            password: Password::FromEnv,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// The protocol a URI asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    Bolt,
    Falkor,
}

/// The protocol of `uri`, or why it cannot be used.
pub fn protocol(uri: &str) -> Result<Protocol, DbError> {
    let (scheme, rest) = uri
        .split_once("://")
        .ok_or_else(|| DbError::BadUri(format!("{uri:?} has no scheme (bolt://host:7687)")))?;
    if rest.is_empty() || rest.starts_with(['/', ':']) {
        return Err(DbError::BadUri(format!("{uri:?} names no host")));
    }
    match scheme.to_ascii_lowercase().as_str() {
        "bolt" | "bolt+s" | "bolt+ssc" | "neo4j" | "neo4j+s" | "neo4j+ssc" => Ok(Protocol::Bolt),
        "falkordb" | "redis" => Ok(Protocol::Falkor),
        other => Err(DbError::BadUri(format!(
            "unknown scheme {other:?}: use bolt://, bolt+s://, neo4j:// or falkordb://"
        ))),
    }
}

/// A connection able to run one Cypher statement with parameters and return its rows.
pub trait Backend: Send {
    /// Run `cypher` with `params`; give up with [`DbError::Cancelled`] soon after `cancel` is set.
    fn run(
        &mut self,
        cypher: &str,
        params: Vec<(&'static str, Value)>,
        cancel: &AtomicBool,
    ) -> Result<Vec<Vec<Value>>, DbError>;
}

/// Open a connection (and check it answers, so a wrong password fails here).
pub fn connect(params: &DbParams, cancel: &AtomicBool) -> Result<Box<dyn Backend>, DbError> {
    match protocol(&params.uri)? {
        Protocol::Bolt => Ok(Box::new(bolt::BoltBackend::connect(params, cancel)?)),
        Protocol::Falkor => Ok(Box::new(falkor::FalkorBackend::connect(params, cancel)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_pick_the_protocol() {
        assert_eq!(protocol("bolt://localhost:7687"), Ok(Protocol::Bolt));
        assert_eq!(protocol("bolt+s://db.example:7687"), Ok(Protocol::Bolt));
        assert_eq!(protocol("neo4j://db.example"), Ok(Protocol::Bolt));
        assert_eq!(protocol("falkordb://127.0.0.1:6379"), Ok(Protocol::Falkor));
        assert_eq!(protocol("http://x").unwrap_err().kind(), "bad-uri");
        assert_eq!(protocol("localhost:7687").unwrap_err().kind(), "bad-uri");
        assert_eq!(protocol("bolt://").unwrap_err().kind(), "bad-uri");
    }

    #[test]
    fn a_secret_never_shows_in_debug_output() {
        let mut p = DbParams::new("bolt://h");
        p.password = Password::Given(Secret::new("hunter2"));
        assert!(!format!("{p:?}").contains("hunter2"));
        assert_eq!(p.password.resolve().expose(), "hunter2");
    }
}
