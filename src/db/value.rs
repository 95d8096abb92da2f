//! What a database answers, whichever protocol carried it: plain values, nodes, relationships
//! and paths. Both backends (`bolt.rs`, `falkor.rs`) translate into these, so the mapping onto
//! the Atlas model (`mapping.rs`) is written once.

use std::collections::BTreeMap;

pub type Props = BTreeMap<String, Value>;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Value>),
    Map(Props),
    Node(DbNode),
    Rel(DbRel),
    /// A path: its nodes in order and the relationships between them.
    Path(Vec<DbNode>, Vec<DbRel>),
}

/// A node as stored: the server's internal id (only meaningful within one answer), labels and
/// properties.
#[derive(Clone, Debug, PartialEq)]
pub struct DbNode {
    pub id: i64,
    pub labels: Vec<String>,
    pub props: Props,
}

/// A relationship between two nodes, by their internal ids.
#[derive(Clone, Debug, PartialEq)]
pub struct DbRel {
    pub id: i64,
    pub start: i64,
    pub end: i64,
    pub typ: String,
    pub props: Props,
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Strings of a list property (other items skipped); a lone string counts as a list of one.
    pub fn strings(&self) -> Vec<String> {
        match self {
            Value::List(items) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Value::Str(s) => vec![s.clone()],
            _ => Vec::new(),
        }
    }

    /// The value as text for a string attribute (numbers and booleans written out).
    pub fn to_text(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// Every node and relationship inside the value (lists, maps and paths opened), in order.
    pub fn collect_into(self, nodes: &mut Vec<DbNode>, rels: &mut Vec<DbRel>) {
        match self {
            Value::Node(n) => nodes.push(n),
            Value::Rel(r) => rels.push(r),
            Value::Path(ns, rs) => {
                nodes.extend(ns);
                rels.extend(rs);
            }
            Value::List(items) => items.into_iter().for_each(|v| v.collect_into(nodes, rels)),
            Value::Map(m) => m.into_values().for_each(|v| v.collect_into(nodes, rels)),
            _ => {}
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<Vec<String>> for Value {
    fn from(items: Vec<String>) -> Self {
        Value::List(items.into_iter().map(Value::Str).collect())
    }
}
