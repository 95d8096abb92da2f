//! Preferences kept by eframe between runs: label language, theme, panels. Never graph data.

use crate::i18n::UiLang;
use crate::view::LabelLang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: LabelLang,
    /// The interface language (menus, panels, messages); `lang` is how node names show.
    pub ui_lang: UiLang,
    pub dark: bool,
    pub show_legend: bool,
    pub show_minimap: bool,
    /// Light, high-contrast theme with large labels for projectors.
    pub projector: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: LabelLang::Both,
            ui_lang: UiLang::English,
            dark: false,
            show_legend: true,
            show_minimap: true,
            projector: false,
        }
    }
}
