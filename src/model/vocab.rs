//! The closed vocabularies of node kinds and edge relations.
//!
//! Both are written in RON as bare identifiers (`kind: Platform`). An identifier the vocabulary
//! does not know is kept as `Unknown(name)` so that validation can report *all* such errors of a
//! file instead of serde stopping at the first one.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $zh:literal, $en:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant,)*
            /// An identifier outside the vocabulary, kept so it can be reported (and round-tripped).
            Unknown(String),
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The identifier as written in data files.
            pub fn ident(&self) -> &str {
                match self {
                    $($name::$variant => stringify!($variant),)*
                    $name::Unknown(s) => s,
                }
            }

            pub fn label_en(&self) -> &str {
                match self {
                    $($name::$variant => $en,)*
                    $name::Unknown(s) => s,
                }
            }

            pub fn label_zh(&self) -> &str {
                match self {
                    $($name::$variant => $zh,)*
                    $name::Unknown(s) => s,
                }
            }

            pub fn from_ident(s: &str) -> Self {
                match s {
                    $(stringify!($variant) => $name::$variant,)*
                    other => $name::Unknown(other.to_string()),
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }

            /// Position in `ALL` (unknown identifiers sort last).
            pub fn index(&self) -> usize {
                Self::ALL.iter().position(|k| k == self).unwrap_or(Self::ALL.len())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $($name::$variant => s.serialize_unit_variant(stringify!($name), 0, stringify!($variant)),)*
                    // Written as a bare identifier like known ones, so the file reads back.
                    $name::Unknown(v) => s.serialize_unit_variant(stringify!($name), 0, intern_ident(v)),
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        write!(f, "a {} identifier", stringify!($name).to_lowercase())
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        Ok($name::from_ident(v))
                    }
                }
                d.deserialize_identifier(V)
            }
        }
    };
}

/// `name` as a RON identifier (letters, digits, `_`; CamelCase over other characters), leaked
/// once per distinct name because serde wants `&'static str` for variant names.
fn intern_ident(name: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut ident = String::new();
    let mut upper = true;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            if upper {
                ident.extend(c.to_uppercase());
            } else {
                ident.push(c);
            }
            upper = false;
        } else {
            upper = true;
        }
    }
    if ident.is_empty() || ident.starts_with(|c: char| c.is_ascii_digit()) {
        ident.insert_str(0, "Other");
    }
    let set = NAMES.get_or_init(|| Mutex::new(HashSet::new()));
    let mut set = match set.lock() {
        Ok(s) => s,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(s) = set.get(ident.as_str()) {
        return s;
    }
    let leaked: &'static str = Box::leak(ident.into_boxed_str());
    set.insert(leaked);
    leaked
}

vocabulary! {
    /// What a node is.
    Kind {
        Official => "官员", "Official";
        Organization => "机构", "Organization";
        University => "高校", "University";
        Company => "企业", "Company";
        Plan => "规划政策", "Plan";
        Lab => "实验室与研究机构", "Lab";
        Facility => "大科学装置", "Facility";
        Platform => "平台", "Platform";
        Area => "区域", "Area";
        Industry => "产业", "Industry";
        Action => "行动", "Action";
        Fund => "基金", "Fund";
        Metric => "指标", "Metric";
    }
}

vocabulary! {
    /// What an edge means, read `from <relation> to`.
    Relation {
        HeadOf => "负责人", "head of";
        Leads => "牵头", "leads";
        ChainLeaderOf => "链长", "chain leader of";
        Issued => "发布", "issued";
        Drafted => "编制", "drafted";
        Defines => "提出", "defines";
        Implements => "实施", "implements";
        Hosts => "承载", "hosts";
        FocusesOn => "聚焦", "focuses on";
        Funds => "资助", "funds";
        Supports => "支持", "supports";
        PartOf => "属于", "part of";
        LocatedIn => "位于", "located in";
        SucceededBy => "改组为", "succeeded by";
        Targets => "面向", "targets";
        Builds => "建设", "builds";
        Establishes => "设立", "establishes";
        Measures => "衡量", "measures";
        CooperatesWith => "合作", "cooperates with";
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ident())
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.ident())
    }
}
