//! The closed vocabularies of node kinds and edge relations.
//!
//! Known words are written in RON as bare identifiers (`kind: Platform`). A word the vocabulary
//! does not know is kept as `Unknown(name)` so that validation can report *all* such errors of a
//! file instead of serde stopping at the first one, and so that imported graphs keep their own
//! kinds and relations: those are written as strings (`kind: "大学"`, `rel: "part of"`), since
//! an identifier cannot hold every name and any renaming could merge two of them. Reading takes
//! either form.

use serde::de;
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
                    $name::Unknown(v) => s.serialize_str(v),
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Word::deserialize(d)?.text().map(|w| $name::from_ident(&w)).map_err(|found| {
                    de::Error::custom(format!(
                        "expected a {} (an identifier or a string), found {found}",
                        stringify!($name).to_lowercase()
                    ))
                })
            }
        }
    };
}

/// A kind or relation as read: an identifier or a string. Deserialised untagged because
/// that is the one way serde lets ron say which it met without failing on the other: ron hands
/// an identifier to an untagged enum as its text. Identifiers ron reads as values of their own
/// (`None`, `true`, `NaN`, `inf`, as older versions wrote kinds named so) are spelled back.
#[derive(Deserialize)]
#[serde(untagged, expecting = "an identifier or a string")]
enum Word {
    Text(String),
    Bool(bool),
    Nothing(Option<Never>),
    Number(f64),
}

#[derive(Deserialize)]
enum Never {}

impl Word {
    /// The word's text, or what was found instead.
    fn text(self) -> Result<String, String> {
        Ok(match self {
            Word::Text(s) => s,
            Word::Bool(b) => b.to_string(),
            Word::Nothing(_) => "None".into(),
            Word::Number(n) if n.is_nan() => "NaN".into(),
            Word::Number(n) if n == f64::INFINITY => "inf".into(),
            Word::Number(n) => return Err(format!("the number {n}")),
        })
    }
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
