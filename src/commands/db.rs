//! Requests about a graph database (issue #17): connect and open a subgraph, open another one,
//! expand a node's neighbours (a page at a time), cancel what runs, disconnect. The app turns
//! them into `db::DbSession` jobs and applies a job's subgraph only when it finished well.

use crate::db::DbParams;

/// How to open the first subgraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbStart {
    /// Nodes whose names (zh, en), aliases, pinyin or id contain the text.
    Search(String),
    /// The nodes, relationships and paths a Cypher query returns.
    Cypher(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum DbCommand {
    /// Connect (replacing any session) and open a subgraph that replaces the working graph.
    Connect { params: DbParams, start: DbStart },
    /// Open another subgraph through the open session; it replaces the working graph.
    Open(DbStart),
    /// Merge the first `limit` neighbours of the node (by Atlas id) into the working graph.
    Expand { node: String, limit: usize },
    /// The next page of the node's neighbours ("more…"), after the `skip` already fetched.
    More {
        node: String,
        limit: usize,
        skip: usize,
    },
    /// Cancel the running job; the graph stays as it is.
    Cancel,
    /// Close the session (the working graph stays).
    Disconnect,
}
