//! `Names`: a text in Chinese and English (node names, titles, relation definitions).

use serde::{Deserialize, Serialize};

/// A name in Chinese and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

impl Names {
    /// True when neither language has text.
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}
