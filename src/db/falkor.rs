//! FalkorDB over its own protocol (RESP, `GRAPH.QUERY … --compact`): the path the tests take to
//! a real server, since FalkorDB's Bolt endpoint speaks Bolt 5 only and `neo4rs` speaks Bolt 4.
//!
//! FalkorDB takes parameters only in a `CYPHER name=value …` header in front of the query, so
//! values are written there as Cypher literals (`literal`): strings quoted with every backslash
//! and double quote escaped, map keys backquoted (a key holding a backquote is refused). The
//! statement itself stays fixed text; no value ever enters it.
//!
//! Reads wait in slices of 100 ms so a cancel or the time limit stops them; a connection whose
//! answer was abandoned is not used again.

use super::value::{DbNode, DbRel, Props, Value};
use super::{Backend, DbError, DbParams};
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const SLICE: Duration = Duration::from_millis(100);

/// One RESP2 reply.
#[derive(Debug)]
enum Resp {
    Simple(String),
    Err(String),
    Int(i64),
    Bulk(Option<Vec<u8>>),
    Array(Option<Vec<Resp>>),
}

/// Names behind the numbers of compact replies (labels, property keys, relationship types).
#[derive(Default)]
struct Schema {
    labels: Vec<String>,
    keys: Vec<String>,
    types: Vec<String>,
}

pub struct FalkorBackend {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    graph: String,
    schema: Schema,
    timeout: Duration,
    broken: bool,
}

/// `host:port` of a `falkordb://host[:port][/…]` URI (default port 6379).
fn address(uri: &str) -> Result<String, DbError> {
    let rest = uri.split_once("://").map_or(uri, |(_, r)| r);
    let host_port = rest.split('/').next().unwrap_or_default();
    let host_port = host_port.rsplit('@').next().unwrap_or_default();
    if host_port.is_empty() {
        return Err(DbError::BadUri(format!("{uri:?} names no host")));
    }
    if host_port
        .rsplit_once(':')
        .is_some_and(|(_, p)| !p.is_empty())
    {
        Ok(host_port.to_string())
    } else {
        Ok(format!("{}:6379", host_port.trim_end_matches(':')))
    }
}

impl FalkorBackend {
    pub fn connect(params: &DbParams, cancel: &AtomicBool) -> Result<Self, DbError> {
        let addr = address(&params.uri)?;
        let addrs: Vec<_> = addr
            .to_socket_addrs()
            .map_err(|e| DbError::Unreachable(format!("{addr}: {e}")))?
            .collect();
        let mut last = DbError::Unreachable(format!("{addr}: no address"));
        let connect_limit = params.timeout.min(Duration::from_secs(10));
        let stream = addrs.iter().find_map(|a| {
            TcpStream::connect_timeout(a, connect_limit)
                .map_err(|e| last = DbError::connecting(&e))
                .ok()
        });
        let stream = stream.ok_or(last)?;
        let _ = stream.set_nodelay(true);
        stream
            .set_read_timeout(Some(SLICE))
            .and_then(|()| stream.set_write_timeout(Some(params.timeout)))
            .map_err(|e| DbError::Lost(e.to_string()))?;
        let writer = stream
            .try_clone()
            .map_err(|e| DbError::Lost(e.to_string()))?;
        let graph = match params.database.trim() {
            "" => "atlas".to_string(),
            g => g.to_string(),
        };
        let mut me = FalkorBackend {
            reader: BufReader::new(stream),
            writer,
            graph,
            schema: Schema::default(),
            timeout: params.timeout,
            broken: false,
        };
        let password = params.password.resolve();
        if !password.expose().is_empty() {
            let user = params.user.trim();
            let mut args = vec!["AUTH"];
            if !user.is_empty() {
                args.push(user);
            }
            args.push(password.expose());
            me.command(&args, cancel)?;
        }
        me.command(&["PING"], cancel)?;
        Ok(me)
    }

    /// Send one command and read its reply; a server error becomes `Auth` or `Query`.
    fn command(&mut self, args: &[&str], cancel: &AtomicBool) -> Result<Resp, DbError> {
        if self.broken {
            return Err(DbError::Lost("an earlier answer was abandoned".into()));
        }
        let mut out = format!("*{}\r\n", args.len()).into_bytes();
        for a in args {
            out.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
            out.extend_from_slice(a.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        if let Err(e) = self.writer.write_all(&out) {
            self.broken = true;
            return Err(DbError::talking(&e));
        }
        let deadline = Instant::now() + self.timeout;
        let reply = self.read_reply(cancel, deadline);
        if reply.is_err() {
            self.broken = true;
        }
        match reply? {
            Resp::Err(msg) => Err(classify(&msg)),
            r => Ok(r),
        }
    }

    fn wait(&self, cancel: &AtomicBool, deadline: Instant) -> Result<(), DbError> {
        if cancel.load(Ordering::Relaxed) {
            Err(DbError::Cancelled)
        } else if Instant::now() > deadline {
            Err(DbError::Timeout)
        } else {
            Ok(())
        }
    }

    fn read_line(&mut self, cancel: &AtomicBool, deadline: Instant) -> Result<Vec<u8>, DbError> {
        let mut buf = Vec::new();
        loop {
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => return Err(DbError::Lost("the server closed the connection".into())),
                Ok(_) if buf.ends_with(b"\r\n") => {
                    buf.truncate(buf.len() - 2);
                    return Ok(buf);
                }
                Ok(_) => {}
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    self.wait(cancel, deadline)?
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(DbError::Lost(e.to_string())),
            }
        }
    }

    fn read_exact(
        &mut self,
        n: usize,
        cancel: &AtomicBool,
        deadline: Instant,
    ) -> Result<Vec<u8>, DbError> {
        let mut buf = vec![0; n];
        let mut got = 0;
        while got < n {
            match self.reader.read(&mut buf[got..]) {
                Ok(0) => return Err(DbError::Lost("the server closed the connection".into())),
                Ok(k) => got += k,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    self.wait(cancel, deadline)?
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(DbError::Lost(e.to_string())),
            }
        }
        Ok(buf)
    }

    fn read_reply(&mut self, cancel: &AtomicBool, deadline: Instant) -> Result<Resp, DbError> {
        let line = self.read_line(cancel, deadline)?;
        let bad = || DbError::Protocol("not a FalkorDB (RESP) answer".into());
        let (&tag, rest) = line.split_first().ok_or_else(bad)?;
        let text = String::from_utf8_lossy(rest).into_owned();
        let number = || text.parse::<i64>().map_err(|_| bad());
        Ok(match tag {
            b'+' => Resp::Simple(text),
            b'-' => Resp::Err(text),
            b':' => Resp::Int(number()?),
            b'$' => match usize::try_from(number()?) {
                Ok(n) => {
                    let mut body = self.read_exact(n + 2, cancel, deadline)?;
                    body.truncate(n);
                    Resp::Bulk(Some(body))
                }
                Err(_) => Resp::Bulk(None),
            },
            b'*' => match usize::try_from(number()?) {
                Ok(n) => {
                    let mut items = Vec::with_capacity(n.min(1 << 16));
                    for _ in 0..n {
                        items.push(self.read_reply(cancel, deadline)?);
                    }
                    Resp::Array(Some(items))
                }
                Err(_) => Resp::Array(None),
            },
            _ => return Err(bad()),
        })
    }

    /// The first column of `CALL db.labels()` and its kin.
    fn names(&mut self, procedure: &str, cancel: &AtomicBool) -> Result<Vec<String>, DbError> {
        let rows = self.query(&format!("CALL {procedure}()"), cancel, false)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .next()
                    .and_then(|v| v.as_str().map(str::to_string))
            })
            .map(Option::unwrap_or_default)
            .collect())
    }

    fn query(
        &mut self,
        text: &str,
        cancel: &AtomicBool,
        retry: bool,
    ) -> Result<Vec<Vec<Value>>, DbError> {
        let graph = self.graph.clone();
        // The server stops the query at the same limit (a client that gives up would leave it
        // running there).
        let ms = self
            .timeout
            .as_millis()
            .clamp(1, u128::from(u32::MAX))
            .to_string();
        let args = ["GRAPH.QUERY", &graph, text, "--compact", "TIMEOUT", &ms];
        let reply = self.command(&args, cancel)?;
        match decode_result(&reply, &self.schema) {
            Err(Missing) if retry => {
                self.schema.labels = self.names("db.labels", cancel)?;
                self.schema.keys = self.names("db.propertyKeys", cancel)?;
                self.schema.types = self.names("db.relationshipTypes", cancel)?;
                Ok(decode_result(&reply, &self.schema).unwrap_or_default())
            }
            Err(Missing) => Ok(Vec::new()),
            Ok(rows) => Ok(rows),
        }
    }
}

impl Backend for FalkorBackend {
    fn run(
        &mut self,
        cypher: &str,
        params: Vec<(&'static str, Value)>,
        cancel: &AtomicBool,
    ) -> Result<Vec<Vec<Value>>, DbError> {
        let mut text = String::new();
        if !params.is_empty() {
            text.push_str("CYPHER ");
            for (name, value) in &params {
                text.push_str(name);
                text.push('=');
                literal(value, &mut text)?;
                text.push(' ');
            }
        }
        text.push_str(cypher);
        self.query(&text, cancel, true)
    }
}

fn classify(msg: &str) -> DbError {
    let upper = msg.to_ascii_uppercase();
    if upper.starts_with("WRONGPASS") || upper.starts_with("NOAUTH") || upper.contains(" AUTH ") {
        DbError::Auth(msg.to_string())
    } else if upper.contains("TIMED OUT") {
        DbError::Timeout
    } else if upper.contains("UNKNOWN COMMAND") {
        DbError::Protocol(format!("the server has no FalkorDB module: {msg}"))
    } else {
        DbError::Query(msg.trim_start_matches("errMsg: ").to_string())
    }
}

/// `value` as a Cypher literal in a `CYPHER` parameter header.
fn literal(value: &Value, out: &mut String) -> Result<(), DbError> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) if f.is_finite() => out.push_str(&format!("{f:?}")),
        Value::Float(f) => return Err(DbError::Data(format!("cannot send the number {f}"))),
        Value::Str(s) => {
            out.push('"');
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '"' => out.push_str("\\\""),
                    c => out.push(c),
                }
            }
            out.push('"');
        }
        Value::List(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                literal(v, out)?;
            }
            out.push(']');
        }
        Value::Map(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if k.is_empty() || k.contains('`') {
                    return Err(DbError::Data(format!(
                        "FalkorDB cannot take the property name {k:?}"
                    )));
                }
                if i > 0 {
                    out.push(',');
                }
                out.push('`');
                out.push_str(k);
                out.push_str("`:");
                literal(v, out)?;
            }
            out.push('}');
        }
        Value::Node(_) | Value::Rel(_) | Value::Path(..) => {
            return Err(DbError::Data("a node cannot be a parameter".into()));
        }
    }
    Ok(())
}

/// A label, key or type number not in the schema yet: read the schema again.
struct Missing;

fn decode_result(reply: &Resp, schema: &Schema) -> Result<Vec<Vec<Value>>, Missing> {
    let Resp::Array(Some(parts)) = reply else {
        return Ok(Vec::new());
    };
    // [stats] for a statement that returns nothing, else [header, rows, stats].
    let Some(Resp::Array(Some(rows))) = parts.get(1).filter(|_| parts.len() == 3) else {
        return Ok(Vec::new());
    };
    rows.iter()
        .map(|row| match row {
            Resp::Array(Some(cells)) => cells.iter().map(|c| scalar(c, schema)).collect(),
            _ => Ok(Vec::new()),
        })
        .collect()
}

fn text(r: &Resp) -> String {
    match r {
        Resp::Bulk(Some(b)) => String::from_utf8_lossy(b).into_owned(),
        Resp::Simple(s) => s.clone(),
        Resp::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn int(r: &Resp) -> i64 {
    match r {
        Resp::Int(i) => *i,
        other => text(other).parse().unwrap_or_default(),
    }
}

fn items(r: &Resp) -> &[Resp] {
    match r {
        Resp::Array(Some(v)) => v,
        _ => &[],
    }
}

fn name(table: &[String], id: i64) -> Result<String, Missing> {
    usize::try_from(id)
        .ok()
        .and_then(|i| table.get(i))
        .cloned()
        .ok_or(Missing)
}

fn props(r: &Resp, schema: &Schema) -> Result<Props, Missing> {
    let mut out = Props::new();
    for p in items(r) {
        let [key, ty, val] = items(p) else { continue };
        out.insert(name(&schema.keys, int(key))?, typed(int(ty), val, schema)?);
    }
    Ok(out)
}

fn node(r: &Resp, schema: &Schema) -> Result<DbNode, Missing> {
    let [id, labels, p] = items(r) else {
        return Ok(DbNode {
            id: -1,
            labels: Vec::new(),
            props: Props::new(),
        });
    };
    Ok(DbNode {
        id: int(id),
        labels: items(labels)
            .iter()
            .map(|l| name(&schema.labels, int(l)))
            .collect::<Result<_, _>>()?,
        props: props(p, schema)?,
    })
}

fn edge(r: &Resp, schema: &Schema) -> Result<DbRel, Missing> {
    let [id, ty, src, dst, p] = items(r) else {
        return Ok(DbRel {
            id: -1,
            start: -1,
            end: -1,
            typ: String::new(),
            props: Props::new(),
        });
    };
    Ok(DbRel {
        id: int(id),
        start: int(src),
        end: int(dst),
        typ: name(&schema.types, int(ty))?,
        props: props(p, schema)?,
    })
}

/// A `[type, value]` cell.
fn scalar(cell: &Resp, schema: &Schema) -> Result<Value, Missing> {
    match items(cell) {
        [ty, v] => typed(int(ty), v, schema),
        _ => Ok(Value::Null),
    }
}

fn typed(ty: i64, v: &Resp, schema: &Schema) -> Result<Value, Missing> {
    Ok(match ty {
        2 => Value::Str(text(v)),
        3 => Value::Int(int(v)),
        4 => Value::Bool(matches!(v, Resp::Int(1)) || text(v) == "true"),
        5 => text(v).parse().map_or(Value::Null, Value::Float),
        6 => Value::List(
            items(v)
                .iter()
                .map(|c| scalar(c, schema))
                .collect::<Result<_, _>>()?,
        ),
        7 => Value::Rel(edge(v, schema)?),
        8 => Value::Node(node(v, schema)?),
        9 => {
            let parts = items(v);
            let mut nodes = Vec::new();
            let mut rels = Vec::new();
            for p in parts {
                scalar(p, schema)?.collect_into(&mut nodes, &mut rels);
            }
            Value::Path(nodes, rels)
        }
        10 => {
            let mut map = Props::new();
            for pair in items(v).chunks(2) {
                if let [k, c] = pair {
                    map.insert(text(k), scalar(c, schema)?);
                }
            }
            Value::Map(map)
        }
        1 => Value::Null,
        _ => Value::Str(text(v)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_quotes_and_backslashes() {
        let mut out = String::new();
        let v = Value::List(vec![Value::str(r#"a"b\c'd"#), Value::Int(-3), Value::Null]);
        literal(&v, &mut out).unwrap();
        assert_eq!(out, r#"["a\"b\\c'd",-3,null]"#);
        let mut map = Props::new();
        map.insert("attr.x".into(), Value::Bool(true));
        let mut out = String::new();
        literal(&Value::Map(map), &mut out).unwrap();
        assert_eq!(out, "{`attr.x`:true}");
        let mut bad = Props::new();
        bad.insert("a`b".into(), Value::Null);
        assert_eq!(
            literal(&Value::Map(bad), &mut String::new())
                .unwrap_err()
                .kind(),
            "data"
        );
    }

    #[test]
    fn server_errors_are_classified() {
        assert_eq!(
            classify("WRONGPASS invalid username-password pair").kind(),
            "auth"
        );
        assert_eq!(classify("NOAUTH Authentication required.").kind(), "auth");
        assert_eq!(classify("Query timed out"), DbError::Timeout);
        assert_eq!(
            classify("ERR unknown command 'GRAPH.QUERY'").kind(),
            "protocol"
        );
        assert_eq!(
            classify("errMsg: Invalid input 'R': expected a label"),
            DbError::Query("Invalid input 'R': expected a label".into())
        );
    }

    #[test]
    fn addresses_default_the_port() {
        assert_eq!(address("falkordb://127.0.0.1").unwrap(), "127.0.0.1:6379");
        assert_eq!(address("falkordb://h:1234/g").unwrap(), "h:1234");
        assert!(address("falkordb://").is_err());
    }
}
