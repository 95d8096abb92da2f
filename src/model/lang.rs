//! Which of a node's two labels (Chinese, English) to show: part of saved views and preferences.

use serde::{Deserialize, Serialize};

/// The label language. Its serde form (`English`, `Chinese`, `Both`) is stored in views files
/// and eframe preferences, so the variant names must not change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LabelLang {
    English,
    Chinese,
    #[default]
    Both,
}

#[cfg(test)]
mod tests {
    use super::LabelLang;

    #[test]
    fn serde_form_is_the_variant_name() {
        for (lang, text) in [
            (LabelLang::English, "English"),
            (LabelLang::Chinese, "Chinese"),
            (LabelLang::Both, "Both"),
        ] {
            assert_eq!(ron::to_string(&lang).unwrap(), text);
            assert_eq!(ron::from_str::<LabelLang>(text).unwrap(), lang);
            assert_eq!(serde_json::to_string(&lang).unwrap(), format!("\"{text}\""));
        }
    }
}
