//! Why a database operation failed, said so that the user knows what to do: the server is not
//! there, the password is wrong, TLS failed, the query is wrong, it took too long, the connection
//! dropped while the answer came. Nothing is applied when any of these happens.

use std::fmt;
use std::io::ErrorKind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbError {
    /// The URI cannot be used (unknown scheme, no host, bad port).
    BadUri(String),
    /// Nothing answers at the address (server down, wrong port, host unknown).
    Unreachable(String),
    /// The server refused the user name or password.
    Auth(String),
    /// The TLS handshake or certificate check failed.
    Tls(String),
    /// The server refused the query; the text is the server's own message.
    Query(String),
    /// No answer within the time limit.
    Timeout,
    /// The connection broke while the query ran or the answer came.
    Lost(String),
    /// The server speaks a protocol (version) this build cannot use.
    Protocol(String),
    /// The data cannot be written or read as Atlas data (the text says what).
    Data(String),
    /// The user cancelled.
    Cancelled,
}

impl DbError {
    /// A short stable name of the kind of failure (tests, logs, the message id of the UI).
    pub fn kind(&self) -> &'static str {
        match self {
            DbError::BadUri(_) => "bad-uri",
            DbError::Unreachable(_) => "unreachable",
            DbError::Auth(_) => "auth",
            DbError::Tls(_) => "tls",
            DbError::Query(_) => "query",
            DbError::Timeout => "timeout",
            DbError::Lost(_) => "lost",
            DbError::Protocol(_) => "protocol",
            DbError::Data(_) => "data",
            DbError::Cancelled => "cancelled",
        }
    }

    /// The detail behind the kind (server message, OS error), empty when there is none.
    pub fn detail(&self) -> &str {
        match self {
            DbError::BadUri(s)
            | DbError::Unreachable(s)
            | DbError::Auth(s)
            | DbError::Tls(s)
            | DbError::Query(s)
            | DbError::Lost(s)
            | DbError::Protocol(s)
            | DbError::Data(s) => s,
            DbError::Timeout | DbError::Cancelled => "",
        }
    }

    /// An I/O error while connecting: nobody there, or no answer in time.
    pub fn connecting(e: &std::io::Error) -> DbError {
        match e.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => DbError::Timeout,
            _ => DbError::Unreachable(e.to_string()),
        }
    }

    /// An I/O error on an open connection: it broke (or the answer is late).
    pub fn talking(e: &std::io::Error) -> DbError {
        match e.kind() {
            ErrorKind::TimedOut | ErrorKind::WouldBlock => DbError::Timeout,
            _ => DbError::Lost(e.to_string()),
        }
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::BadUri(s) => write!(f, "cannot use this URI: {s}"),
            DbError::Unreachable(s) => write!(f, "cannot reach the database server: {s}"),
            DbError::Auth(s) => write!(f, "the server refused the user name or password: {s}"),
            DbError::Tls(s) => write!(f, "TLS connection failed: {s}"),
            DbError::Query(s) => write!(f, "the server refused the query: {s}"),
            DbError::Timeout => write!(f, "the server did not answer in time"),
            DbError::Lost(s) => write!(f, "the connection was lost while the answer came: {s}"),
            DbError::Protocol(s) => write!(f, "cannot talk to this server: {s}"),
            DbError::Data(s) => write!(f, "{s}"),
            DbError::Cancelled => write!(f, "cancelled"),
        }
    }
}

impl std::error::Error for DbError {}
