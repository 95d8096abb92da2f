//! Node kinds and edge relations: open ids, declared with labels and styles by a `Vocabulary`.
//!
//! An id is any text. In RON it is written as a bare identifier when it is one that reads back
//! as the same word (`kind: Platform`), else as a string (`kind: "大学"`, `rel: "part of"`);
//! reading takes either form. Ids are `CompactString`s: the ones of real data (≤ 24 bytes) are
//! stored inline, so reading 100k nodes costs no allocation per kind.

use compact_str::CompactString;
use serde::de;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Identifiers ron reads as values of their own (`true`, `None`, `NaN`…): an id spelled like
/// one is written as a string so that every reader takes it as the word it is.
pub(crate) const RON_VALUES: &[&str] = &[
    "true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64",
];

/// True when `word` may be written as a bare RON identifier and reads back as itself.
pub(crate) fn is_plain_ident(word: &str) -> bool {
    let mut bytes = word.bytes();
    bytes
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        && bytes.all(|c| c.is_ascii_alphanumeric() || c == b'_')
        && !RON_VALUES.contains(&word)
}

macro_rules! open_id {
    ($(#[$meta:meta])* $name:ident { $($konst:ident = $id:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(CompactString);

        impl $name {
            $(pub const $konst: $name = $name(CompactString::const_new($id));)*

            pub fn new(id: &str) -> Self {
                $name(CompactString::new(id))
            }

            /// The id as written in data files.
            pub fn ident(&self) -> &str {
                self.0.as_str()
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                $name::new(id)
            }
        }

        impl From<CompactString> for $name {
            fn from(id: CompactString) -> Self {
                $name(id)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                self.0.as_str()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.ident())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                write_word(self.ident(), stringify!($name), s)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                read_word(d, stringify!($name)).map($name)
            }
        }
    };
}

/// A word as a bare identifier when that reads back as the same word, else as a string.
pub(crate) fn write_word<S: Serializer>(
    word: &str,
    enum_name: &'static str,
    s: S,
) -> Result<S::Ok, S::Error> {
    if is_plain_ident(word) {
        // ron writes a unit variant as its bare name; serde wants a `'static` one, and an id
        // read from a file is not. Leaked names would grow without bound, so the few ids
        // seen are interned once each.
        s.serialize_unit_variant(enum_name, 0, intern(word))
    } else {
        s.serialize_str(word)
    }
}

/// A `'static` copy of `word`, one per distinct word for the life of the process.
fn intern(word: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static WORDS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut words = WORDS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(w) = words.get(word) {
        return w;
    }
    let w: &'static str = Box::leak(word.to_owned().into_boxed_str());
    words.insert(w);
    w
}

/// A word read as an identifier or a string.
pub(crate) fn read_word<'de, D: Deserializer<'de>>(
    d: D,
    what: &str,
) -> Result<CompactString, D::Error> {
    Word::deserialize(d)?.text().map_err(|found| {
        de::Error::custom(format!(
            "expected a {} (an identifier or a string), found {found}",
            what.to_lowercase()
        ))
    })
}

/// A kind or relation as read: an identifier or a string. Deserialised untagged because
/// that is the one way serde lets ron say which it met without failing on the other: ron hands
/// an identifier to an untagged enum as its text. Identifiers ron reads as values of their own
/// (`None`, `true`, `NaN`, `inf`, as older versions wrote kinds named so) are spelled back.
#[derive(Deserialize)]
#[serde(untagged, expecting = "an identifier or a string")]
enum Word {
    Text(CompactString),
    Bool(bool),
    Nothing(Option<Never>),
    Number(f64),
}

#[derive(Deserialize)]
enum Never {}

impl Word {
    /// The word's text, or what was found instead.
    fn text(self) -> Result<CompactString, String> {
        Ok(match self {
            Word::Text(s) => s,
            Word::Bool(b) => CompactString::const_new(if b { "true" } else { "false" }),
            Word::Nothing(_) => CompactString::const_new("None"),
            Word::Number(n) if n.is_nan() => CompactString::const_new("NaN"),
            Word::Number(n) if n == f64::INFINITY => CompactString::const_new("inf"),
            Word::Number(n) => return Err(format!("the number {n}")),
        })
    }
}

open_id! {
    /// What a node is. The constants are the ids of the shipped Shenzhen vocabulary.
    Kind {
        OFFICIAL = "Official";
        ORGANIZATION = "Organization";
        UNIVERSITY = "University";
        COMPANY = "Company";
        PLAN = "Plan";
        LAB = "Lab";
        FACILITY = "Facility";
        PLATFORM = "Platform";
        AREA = "Area";
        INDUSTRY = "Industry";
        ACTION = "Action";
        FUND = "Fund";
        METRIC = "Metric";
        EVENT = "Event";
    }
}

open_id! {
    /// What an edge means, read `from <relation> to`. The constants are the shipped ids.
    Relation {
        HEAD_OF = "HeadOf";
        LEADS = "Leads";
        CHAIN_LEADER_OF = "ChainLeaderOf";
        ISSUED = "Issued";
        DRAFTED = "Drafted";
        DEFINES = "Defines";
        IMPLEMENTS = "Implements";
        HOSTS = "Hosts";
        FOCUSES_ON = "FocusesOn";
        FUNDS = "Funds";
        SUPPORTS = "Supports";
        PART_OF = "PartOf";
        LOCATED_IN = "LocatedIn";
        SUCCEEDED_BY = "SucceededBy";
        TARGETS = "Targets";
        BUILDS = "Builds";
        ESTABLISHES = "Establishes";
        MEASURES = "Measures";
        COOPERATES_WITH = "CooperatesWith";
        HELD = "Held";
        ATTENDED = "Attended";
        DECIDED = "Decided";
        AWARDED = "Awarded";
        SAME_AS = "SameAs";
        RELATED_TO = "RelatedTo";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_ron_reads_as_values_are_not_plain() {
        for w in ["Platform", "_x", "a1", "part_of"] {
            assert!(is_plain_ident(w), "{w}");
        }
        for w in [
            "None", "true", "NaN", "inf", "", "1a", "part of", "大学", "a-b", "r#a",
        ] {
            assert!(!is_plain_ident(w), "{w}");
        }
    }

    #[test]
    fn constants_equal_ids_built_at_run_time() {
        assert_eq!(Kind::OFFICIAL, Kind::new("Official"));
        assert_eq!(Relation::COOPERATES_WITH.ident(), "CooperatesWith");
        // Long ids are kept whole (heap, not inline).
        let long = "a kind with a name longer than twenty-four bytes";
        assert_eq!(Kind::new(long).ident(), long);
    }
}
