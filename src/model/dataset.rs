//! The serde schema of a data file: plain data, exactly what is on disk.

use super::{Kind, Names, Relation, Vocabulary};
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// Nodes plus edges accepted from one file (every reader refuses more, before building them).
pub const MAX_ELEMENTS: usize = 5_000_000;

/// A whole data file: sources, nodes and edges. Positions and views live in sidecar files.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    #[serde(default = "default_format")]
    pub format: u32,
    #[serde(default)]
    pub title: Names,
    /// The kinds and relations this file uses; `None`: the shipped Shenzhen vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary: Option<Box<Vocabulary>>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default, deserialize_with = "capped")]
    pub nodes: Vec<Node>,
    #[serde(default, deserialize_with = "capped")]
    pub edges: Vec<Edge>,
}

/// A list of at most `MAX_ELEMENTS` items: a file with more is refused while it is read, before
/// it can fill memory (the caller checks nodes and edges together afterwards).
fn capped<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Capped<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Capped<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element()? {
                if out.len() == MAX_ELEMENTS {
                    return Err(de::Error::custom(too_many_message()));
                }
                out.push(item);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(Capped(PhantomData))
}

/// Why a file with too many elements is refused.
fn too_many_message() -> String {
    format!("refused: more than {MAX_ELEMENTS} nodes and edges")
}

fn default_format() -> u32 {
    1
}

/// A source document that quotes are taken from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub file: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub title: Names,
    /// Who published the document (a newspaper, a government office).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// Where the document was published, when the text names it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

impl Source {
    /// The year of the source's date (`YYYY-…`), if it has one.
    pub fn year(&self) -> Option<i32> {
        self.date.get(..4)?.parse().ok()
    }
}

/// An exact passage of a source that states a fact.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub source: String,
    pub quote: String,
    /// Where the quote sits when it names neither end itself: the heading it is under, or the
    /// question a speaker answers (e.g. "七、优化创新空间格局 › (三)坂雪岗-观澜创新集群区").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

impl Cite {
    /// A citation without context.
    pub fn new(source: impl Into<String>, quote: impl Into<String>) -> Self {
        Cite {
            source: source.into(),
            quote: quote.into(),
            context: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    pub kind: Kind,
    pub name: Names,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
    #[serde(default)]
    pub cites: Vec<Cite>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub rel: Relation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// True when the sources imply the link without stating it; the cites then hold every passage relied on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
    #[serde(default)]
    pub cites: Vec<Cite>,
}

impl Node {
    /// Name for display in the chosen language, falling back to the other one and to the id.
    pub fn display_name(&self, zh_first: bool) -> &str {
        let (a, b) = if zh_first {
            (&self.name.zh, &self.name.en)
        } else {
            (&self.name.en, &self.name.zh)
        };
        if !a.is_empty() {
            a
        } else if !b.is_empty() {
            b
        } else {
            &self.id
        }
    }
}

impl Dataset {
    /// The vocabulary the file declares, or the shipped one.
    pub fn declared_vocabulary(&self) -> &Vocabulary {
        self.vocabulary
            .as_deref()
            .unwrap_or_else(|| Vocabulary::shenzhen())
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

impl Vocabulary {
    /// The vocabulary `data` is drawn with: the one it declares (or the shipped one), plus the
    /// kinds and relations it uses without declaring them, in order of first appearance.
    pub fn for_dataset(data: &Dataset) -> Vocabulary {
        data.declared_vocabulary().with_undeclared(
            data.nodes.iter().map(|n| &n.kind),
            data.edges.iter().map(|e| &e.rel),
        )
    }

    /// A vocabulary declaring exactly the kinds and relations `data` uses (for imports).
    pub fn generated(data: &Dataset) -> Vocabulary {
        Vocabulary::declaring(
            data.nodes.iter().map(|n| &n.kind),
            data.edges.iter().map(|e| &e.rel),
        )
    }
}
