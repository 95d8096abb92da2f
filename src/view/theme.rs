//! The theme half of the style table: every colour and size of the canvas and of exports,
//! written once as numbers that give both an egui `Color32` and an SVG `#rrggbb` + opacity.

use egui::Color32;

/// A colour with an opacity, not premultiplied: the same numbers paint the canvas and the SVG.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paint {
    pub rgb: [u8; 3],
    /// 0 (invisible) to 1 (opaque).
    pub alpha: f32,
}

impl Paint {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Paint {
            rgb: [r, g, b],
            alpha: 1.0,
        }
    }

    pub const fn gray(v: u8) -> Self {
        Paint::rgb(v, v, v)
    }

    /// The same colour with its opacity multiplied by `k`.
    pub fn fade(self, k: f32) -> Self {
        Paint {
            alpha: self.alpha * k,
            ..self
        }
    }

    /// This colour, or faded to [`DIMMED`] when `lit` is false.
    pub fn dim(self, lit: bool) -> Self {
        if lit { self } else { self.fade(DIMMED) }
    }

    pub fn color32(self) -> Color32 {
        let [r, g, b] = self.rgb;
        let c = Color32::from_rgb(r, g, b);
        if self.alpha >= 1.0 {
            c
        } else {
            c.gamma_multiply(self.alpha.max(0.0))
        }
    }

    /// `#rrggbb` (the opacity is written separately, as SVG wants it).
    pub fn hex(self) -> String {
        let [r, g, b] = self.rgb;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

impl From<Color32> for Paint {
    fn from(c: Color32) -> Self {
        let [r, g, b, a] = c.to_srgba_unmultiplied();
        Paint {
            rgb: [r, g, b],
            alpha: f32::from(a) / 255.0,
        }
    }
}

/// Opacity of whatever is not emphasised while something is (hover focus, a view's highlights).
pub const DIMMED: f32 = 0.22;
/// Opacity of the labels of nodes a view fades.
pub const FADED_LABEL: f32 = 0.6;
/// Opacity of thin (not emphasised) edges.
pub const THIN_EDGE_ALPHA: f32 = 0.7;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Light background, high contrast, thicker strokes and larger labels for a room.
    Projector,
}

/// Colours and sizes of a theme. Sizes are in points on the canvas and in pixels of a
/// 1600×900 export (scaled with the export's size).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub background: Paint,
    pub text: Paint,
    /// Second label lines, captions and footers.
    pub muted: Paint,
    pub edge: Paint,
    /// Edges touching the hovered or a selected node.
    pub strong_edge: Paint,
    pub edge_width: f32,
    /// Behind labels, so they stay legible over edges.
    pub halo: Paint,
    /// Outline of node shapes.
    pub outline: Paint,
    /// Selection, emphasised edges and relation labels.
    pub accent: Paint,
    /// The ring around highlighted nodes (paths, a view's highlights).
    pub highlight: Paint,
    pub label_size: f32,
    pub small_size: f32,
    /// Caption band of exports.
    pub band: Paint,
}

impl Theme {
    /// The canvas's theme for the app's preferences.
    pub fn for_screen(dark: bool, projector: bool) -> Theme {
        match (dark, projector) {
            (true, _) => Theme::Dark,
            (false, true) => Theme::Projector,
            (false, false) => Theme::Light,
        }
    }

    pub fn palette(self) -> Palette {
        let orange = Paint::rgb(0xff, 0x8c, 0x00);
        match self {
            Theme::Light => Palette {
                background: Paint::gray(250),
                text: Paint::gray(20),
                muted: Paint::gray(0x55),
                edge: Paint::gray(120),
                strong_edge: Paint::gray(70),
                edge_width: 1.0,
                halo: Paint::gray(250).fade(0.8),
                outline: Paint::gray(255),
                accent: Paint::rgb(0x2b, 0x8c, 0xff),
                highlight: orange,
                label_size: 13.0,
                small_size: 11.0,
                band: Paint::gray(0xf0),
            },
            Theme::Dark => Palette {
                background: Paint::gray(24),
                text: Paint::gray(235),
                muted: Paint::gray(0xb0),
                edge: Paint::gray(150),
                strong_edge: Paint::gray(210),
                edge_width: 1.0,
                halo: Paint::gray(12).fade(0.7),
                outline: Paint::gray(20),
                accent: Paint::rgb(0x5a, 0xa9, 0xff),
                highlight: orange,
                label_size: 13.0,
                small_size: 11.0,
                band: Paint::gray(0x22),
            },
            Theme::Projector => Palette {
                background: Paint::gray(255),
                text: Paint::gray(0),
                muted: Paint::gray(0x30),
                edge: Paint::gray(100),
                strong_edge: Paint::gray(40),
                edge_width: 1.6,
                halo: Paint::gray(255).fade(0.85),
                outline: Paint::gray(255),
                accent: Paint::rgb(0x00, 0x57, 0xd9),
                highlight: Paint::rgb(0xe0, 0x6c, 0x00),
                label_size: 19.0,
                small_size: 15.0,
                band: Paint::rgb(0xee, 0xf2, 0xf7),
            },
        }
    }
}

impl Palette {
    /// Projector-sized labels and strokes on this palette's colours (presenting in dark mode).
    pub fn large(self) -> Palette {
        let p = Theme::Projector.palette();
        Palette {
            edge_width: p.edge_width,
            label_size: p.label_size,
            small_size: p.small_size,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_number_gives_both_the_egui_and_the_svg_colour() {
        let p = Paint::rgb(0x2b, 0x8c, 0xff);
        assert_eq!(p.hex(), "#2b8cff");
        assert_eq!(p.color32(), Color32::from_rgb(0x2b, 0x8c, 0xff));
        assert_eq!(Paint::from(p.color32()), p);
        let faded = p.fade(0.5);
        assert_eq!(faded.hex(), "#2b8cff");
        assert!((Paint::from(faded.color32()).alpha - 0.5).abs() < 0.01);
        assert_eq!(p.dim(true), p);
        assert_eq!(p.dim(false).alpha, DIMMED);
    }

    #[test]
    fn projector_is_larger_and_screen_themes_follow_the_preferences() {
        assert!(Theme::Projector.palette().label_size > Theme::Light.palette().label_size);
        assert_eq!(Theme::for_screen(false, true), Theme::Projector);
        assert_eq!(Theme::for_screen(true, true), Theme::Dark);
        let big_dark = Theme::Dark.palette().large();
        assert_eq!(big_dark.background, Theme::Dark.palette().background);
        assert_eq!(big_dark.label_size, Theme::Projector.palette().label_size);
    }
}
