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
    /// Size of the whole interface (egui's zoom factor; the projector theme multiplies it).
    pub ui_scale: f32,
}

/// The UI scale's range and step (Ctrl+= / Ctrl+-), as browsers zoom.
pub const UI_SCALE_MIN: f32 = 0.5;
pub const UI_SCALE_MAX: f32 = 3.0;
pub const UI_SCALE_STEP: f32 = 0.1;

impl Prefs {
    /// The scale one step up or down, rounded to the step and kept in range (a stored value
    /// out of range or not a number comes back to 1).
    pub fn stepped_scale(&self, steps: i32) -> f32 {
        let now = if self.ui_scale.is_finite() {
            self.ui_scale
        } else {
            1.0
        };
        let next = now + steps as f32 * UI_SCALE_STEP;
        ((next / UI_SCALE_STEP).round() * UI_SCALE_STEP).clamp(UI_SCALE_MIN, UI_SCALE_MAX)
    }
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
            ui_scale: 1.0,
        }
    }
}
