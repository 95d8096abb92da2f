//! Neo4j and Memgraph over Bolt, with the `neo4rs` driver on a single-threaded tokio runtime
//! owned by the database worker thread (the window never waits on it).
//!
//! `neo4rs` 0.8 negotiates Bolt 4.0–4.4, which Neo4j 4.4/5.x and Memgraph accept. FalkorDB's
//! experimental Bolt endpoint offers Bolt 5 only: the handshake fails, and that failure is
//! reported as [`DbError::Protocol`] with this reason.

use super::value::{DbNode, DbRel, Props, Value};
use super::{Backend, DbError, DbParams};
use neo4rs::{
    BoltBoolean, BoltFloat, BoltInteger, BoltList, BoltMap, BoltNull, BoltString, BoltType,
    ConfigBuilder, Graph,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub struct BoltBackend {
    rt: tokio::runtime::Runtime,
    graph: Graph,
    timeout: Duration,
}

impl BoltBackend {
    pub fn connect(params: &DbParams, cancel: &AtomicBool) -> Result<Self, DbError> {
        probe(&params.uri, params.timeout)?;
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| DbError::Protocol(format!("cannot start the network runtime: {e}")))?;
        let password = params.password.resolve();
        let mut config = ConfigBuilder::default()
            .uri(params.uri.as_str())
            .user(params.user.as_str())
            .password(password.expose())
            .fetch_size(2000)
            .max_connections(2);
        if !params.database.trim().is_empty() {
            config = config.db(params.database.trim());
        }
        let config = config.build().map_err(|e| classify(&e))?;
        let graph = rt
            .block_on(async { tokio::time::timeout(params.timeout, Graph::connect(config)).await })
            .map_err(|_| DbError::Timeout)?
            .map_err(|e| classify(&e))?;
        let mut me = BoltBackend {
            rt,
            graph,
            timeout: params.timeout,
        };
        // The pool connects lazily: this first statement is where a wrong password shows.
        me.run("RETURN 1 AS ok", Vec::new(), cancel)?;
        Ok(me)
    }
}

impl Backend for BoltBackend {
    fn run(
        &mut self,
        cypher: &str,
        params: Vec<(&'static str, Value)>,
        cancel: &AtomicBool,
    ) -> Result<Vec<Vec<Value>>, DbError> {
        let mut q = neo4rs::query(cypher);
        for (name, value) in params {
            q = q.param(name, to_bolt(value)?);
        }
        let graph = self.graph.clone();
        let work = async move {
            let mut stream = graph.execute(q).await.map_err(|e| classify(&e))?;
            let mut rows = Vec::new();
            loop {
                match stream.next().await {
                    Ok(Some(row)) => {
                        let cols: HashMap<String, BoltType> = row
                            .to_strict()
                            .map_err(|e| DbError::Data(format!("unreadable row: {e}")))?;
                        let mut cols: Vec<_> = cols.into_iter().collect();
                        cols.sort_by(|a, b| a.0.cmp(&b.0));
                        rows.push(cols.into_iter().map(|(_, v)| from_bolt(v)).collect());
                    }
                    Ok(None) => return Ok(rows),
                    // Rows already came: a failure now is the connection dropping mid-answer.
                    Err(e) => {
                        return Err(match classify(&e) {
                            DbError::Unreachable(s) => DbError::Lost(s),
                            other => other,
                        });
                    }
                }
            }
        };
        let limit = self.timeout;
        self.rt.block_on(async move {
            tokio::select! {
                r = tokio::time::timeout(limit, work) => r.map_err(|_| DbError::Timeout)?,
                () = cancelled(cancel) => Err(DbError::Cancelled),
            }
        })
    }
}

/// `host:port` of a Bolt URI (default port 7687).
fn address(uri: &str) -> String {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let host_port = rest.split(['/', '?']).next().unwrap_or_default();
    let host_port = host_port.rsplit('@').next().unwrap_or_default();
    if host_port
        .rsplit_once(':')
        .is_some_and(|(h, p)| !p.is_empty() && !h.ends_with(':'))
    {
        host_port.to_string()
    } else {
        format!("{host_port}:7687")
    }
}

/// Reach the server before the driver does: the driver retries a failed connection for up to a
/// minute, which would turn "nothing listens there" into a timeout. On a plain connection the
/// Bolt handshake is tried too, so a server without Bolt 4 says so at once.
fn probe(uri: &str, timeout: Duration) -> Result<(), DbError> {
    use std::io::{Read, Write};
    use std::net::{TcpStream, ToSocketAddrs};
    let addr = address(uri);
    let addrs: Vec<_> = addr
        .to_socket_addrs()
        .map_err(|e| DbError::Unreachable(format!("{addr}: {e}")))?
        .collect();
    let limit = timeout.min(Duration::from_secs(10));
    let mut last = DbError::Unreachable(format!("{addr}: no address"));
    let Some(mut stream) = addrs.iter().find_map(|a| {
        TcpStream::connect_timeout(a, limit)
            .map_err(|e| last = DbError::connecting(&e))
            .ok()
    }) else {
        return Err(last);
    };
    let scheme = uri.split_once("://").map_or("bolt", |(s, _)| s);
    if scheme.contains('+') {
        return Ok(()); // TLS first: the driver does the handshake
    }
    let _ = stream.set_read_timeout(Some(limit));
    let mut hello = vec![0x60, 0x60, 0xB0, 0x17];
    for v in [0x0404u32, 0x0304, 0x0104, 0x0004] {
        hello.extend_from_slice(&v.to_be_bytes());
    }
    let mut answer = [0u8; 4];
    stream
        .write_all(&hello)
        .and_then(|()| stream.read_exact(&mut answer))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset => {
                DbError::Protocol(format!(
                    "{addr} offers no Bolt version 4.0–4.4 (FalkorDB's Bolt endpoint speaks \
                     Bolt 5 only: use falkordb://host:6379 for FalkorDB)"
                ))
            }
            _ => DbError::talking(&e),
        })?;
    if answer == [0; 4] {
        return Err(DbError::Protocol(format!(
            "{addr} offers no Bolt version 4.0–4.4"
        )));
    }
    Ok(())
}

async fn cancelled(cancel: &AtomicBool) {
    while !cancel.load(Ordering::Relaxed) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Which of our failures a driver error is.
fn classify(e: &neo4rs::Error) -> DbError {
    use neo4rs::Error as E;
    let text = e.to_string();
    match e {
        E::IOError { detail } => {
            let inner = detail.to_string().to_ascii_lowercase();
            if inner.contains("certificate") || inner.contains("tls") || inner.contains("handshake")
            {
                DbError::Tls(text)
            } else {
                DbError::connecting(detail)
            }
        }
        E::UrlParseError(_) | E::UnsupportedScheme(_) | E::InvalidConfig => DbError::BadUri(text),
        E::InvalidDnsName(_) => DbError::Tls(text),
        E::ConnectionError => DbError::Lost(text),
        E::AuthenticationError(_) => DbError::Auth(text),
        E::Neo4j(n) if n.code().contains("Security") => DbError::Auth(n.message().to_string()),
        E::Neo4j(n) => DbError::Query(format!("{}: {}", n.code(), n.message())),
        E::UnsupportedVersion(_) => DbError::Protocol(format!(
            "{text} (this build speaks Bolt 4.0–4.4; FalkorDB's Bolt endpoint speaks Bolt 5 only: \
             use falkordb://host:6379 for FalkorDB)"
        )),
        _ => DbError::Protocol(text),
    }
}

fn to_bolt(v: Value) -> Result<BoltType, DbError> {
    Ok(match v {
        Value::Null => BoltType::Null(BoltNull),
        Value::Bool(b) => BoltType::Boolean(BoltBoolean::new(b)),
        Value::Int(i) => BoltType::Integer(BoltInteger::new(i)),
        Value::Float(f) => BoltType::Float(BoltFloat::new(f)),
        Value::Str(s) => BoltType::String(BoltString::from(s)),
        Value::List(items) => BoltType::List(BoltList::from(
            items
                .into_iter()
                .map(to_bolt)
                .collect::<Result<Vec<_>, _>>()?,
        )),
        Value::Map(map) => {
            let mut m = BoltMap::with_capacity(map.len());
            for (k, v) in map {
                m.put(BoltString::from(k), to_bolt(v)?);
            }
            BoltType::Map(m)
        }
        Value::Node(_) | Value::Rel(_) | Value::Path(..) => {
            return Err(DbError::Data("a node cannot be a parameter".into()));
        }
    })
}

fn bolt_props(m: BoltMap) -> Props {
    m.value
        .into_iter()
        .map(|(k, v)| (k.value, from_bolt(v)))
        .collect()
}

fn from_bolt(v: BoltType) -> Value {
    match v {
        BoltType::String(s) => Value::Str(s.value),
        BoltType::Boolean(b) => Value::Bool(b.value),
        BoltType::Integer(i) => Value::Int(i.value),
        BoltType::Float(f) => Value::Float(f.value),
        BoltType::List(l) => Value::List(l.value.into_iter().map(from_bolt).collect()),
        BoltType::Map(m) => Value::Map(bolt_props(m)),
        BoltType::Node(n) => Value::Node(node(n)),
        BoltType::Relation(r) => Value::Rel(DbRel {
            id: r.id.value,
            start: r.start_node_id.value,
            end: r.end_node_id.value,
            typ: r.typ.value,
            props: bolt_props(r.properties),
        }),
        BoltType::Path(p) => {
            let nodes: Vec<DbNode> = p
                .nodes
                .value
                .into_iter()
                .filter_map(|n| match n {
                    BoltType::Node(n) => Some(node(n)),
                    _ => None,
                })
                .collect();
            let rels = path_rels(&nodes, p.rels.value, &p.indices.value);
            Value::Path(nodes, rels)
        }
        _ => Value::Null,
    }
}

fn node(n: neo4rs::BoltNode) -> DbNode {
    DbNode {
        id: n.id.value,
        labels: n
            .labels
            .value
            .into_iter()
            .filter_map(|l| match l {
                BoltType::String(s) => Some(s.value),
                _ => None,
            })
            .collect(),
        props: bolt_props(n.properties),
    }
}

/// A Bolt path's relationships with their ends: `indices` alternate a 1-based relationship
/// number (negative when walked backwards) and the index of the next node.
fn path_rels(nodes: &[DbNode], rels: Vec<BoltType>, indices: &[BoltType]) -> Vec<DbRel> {
    let rels: Vec<_> = rels
        .into_iter()
        .filter_map(|r| match r {
            BoltType::UnboundedRelation(r) => Some(r),
            _ => None,
        })
        .collect();
    let ints: Vec<i64> = indices
        .iter()
        .filter_map(|i| match i {
            BoltType::Integer(i) => Some(i.value),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    let mut prev = nodes.first().map(|n| n.id);
    for pair in ints.chunks(2) {
        let [r, n] = pair else { break };
        let (Some(rel), Some(next)) = (
            usize::try_from(r.unsigned_abs())
                .ok()
                .and_then(|i| rels.get(i.wrapping_sub(1))),
            usize::try_from(*n).ok().and_then(|i| nodes.get(i)),
        ) else {
            break;
        };
        let Some(here) = prev else { break };
        let (start, end) = if *r > 0 {
            (here, next.id)
        } else {
            (next.id, here)
        };
        out.push(DbRel {
            id: rel.id.value,
            start,
            end,
            typ: rel.typ.value.clone(),
            props: bolt_props(rel.properties.clone()),
        });
        prev = Some(next.id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_default_the_port() {
        assert_eq!(address("bolt://localhost"), "localhost:7687");
        assert_eq!(
            address("neo4j+s://u@db.example:7000/x?y"),
            "db.example:7000"
        );
    }

    #[test]
    fn driver_errors_are_classified() {
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert_eq!(
            classify(&neo4rs::Error::IOError { detail: refused }).kind(),
            "unreachable"
        );
        let cert = std::io::Error::other("invalid peer certificate: UnknownIssuer");
        assert_eq!(
            classify(&neo4rs::Error::IOError { detail: cert }).kind(),
            "tls"
        );
        let auth = neo4rs::Error::AuthenticationError("bad credentials".into());
        assert_eq!(classify(&auth).kind(), "auth");
        assert_eq!(classify(&neo4rs::Error::ConnectionError).kind(), "lost");
        assert_eq!(
            classify(&neo4rs::Error::UnsupportedScheme("http".into())).kind(),
            "bad-uri"
        );
    }
}
