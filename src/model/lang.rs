//! Which of a node's two labels (Chinese, English) to show (part of saved views and preferences),
//! and the pinyin a Chinese name is also found by (search in the app and in a graph database).

use pinyin::ToPinyin;
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

/// Full pinyin without tones (`guangmingkexuecheng`) and initials (`gmkxc`); other characters are
/// kept as they are so mixed names ("5G") still match.
pub fn pinyin_keys(text: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (ch, py) in text.chars().zip(text.to_pinyin()) {
        match py {
            Some(p) => {
                full.push_str(p.plain());
                initials.push_str(p.first_letter());
            }
            None if ch.is_alphanumeric() => {
                full.extend(ch.to_lowercase());
                initials.extend(ch.to_lowercase());
            }
            None => {}
        }
    }
    (full, initials)
}

/// `text` as an ASCII slug: lowercase letters and digits, one `-` between the runs, nothing
/// else (ids of new nodes, file names of new sources). Empty when `text` has no ASCII letter
/// or digit.
pub fn ascii_slug(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
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
