//! How a kind looks, as data: a colour (`#rrggbb`), a shape from a fixed set, and the palette
//! that gives kinds a vocabulary does not style distinct colours. No egui: the view converts.

use super::vocab::{read_word, write_word};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};
use std::fmt;

/// The node shapes the renderers draw; shapes keep kinds apart for colour-blind readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    Triangle,
    TriangleDown,
    Pentagon,
    Hexagon,
    Octagon,
    Arrow,
    Ring,
}

impl Shape {
    pub const ALL: [Shape; 10] = [
        Shape::Circle,
        Shape::Square,
        Shape::Diamond,
        Shape::Triangle,
        Shape::TriangleDown,
        Shape::Pentagon,
        Shape::Hexagon,
        Shape::Octagon,
        Shape::Arrow,
        Shape::Ring,
    ];

    /// The name written in data files.
    pub fn name(self) -> &'static str {
        match self {
            Shape::Circle => "Circle",
            Shape::Square => "Square",
            Shape::Diamond => "Diamond",
            Shape::Triangle => "Triangle",
            Shape::TriangleDown => "TriangleDown",
            Shape::Pentagon => "Pentagon",
            Shape::Hexagon => "Hexagon",
            Shape::Octagon => "Octagon",
            Shape::Arrow => "Arrow",
            Shape::Ring => "Ring",
        }
    }

    pub fn from_name(name: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The `i`-th shape of a cycle through all of them.
    pub fn cycle(i: usize) -> Shape {
        Shape::ALL[i % Shape::ALL.len()]
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Shape {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write_word(self.name(), "Shape", s)
    }
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = read_word(d, "shape")?;
        Shape::from_name(&word).ok_or_else(|| {
            let names: Vec<&str> = Shape::ALL.iter().map(|s| s.name()).collect();
            de::Error::custom(format!(
                "unknown shape `{word}` (expected one of {})",
                names.join(", ")
            ))
        })
    }
}

/// A colour written `"#rrggbb"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Rgb([r, g, b])
    }

    /// `#rrggbb` (either case), or `None`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Rgb::parse(&text).ok_or_else(|| {
            de::Error::custom(format!("bad colour \"{text}\" (expected \"#rrggbb\")"))
        })
    }
}

/// Colours for kinds without one. The first twelve were searched (from Tableau 10/20 as a
/// start) to stay at least CIEDE2000 13 apart with normal vision and under simulated
/// protanopia, deuteranopia and tritanopia (`colour_vision`); the last six are Tableau 20's
/// light half, used only where they keep that distance from the colours already taken.
const PALETTE: [Rgb; 18] = [
    Rgb::new(0x2f, 0x5f, 0xda),
    Rgb::new(0xa3, 0x6f, 0x04),
    Rgb::new(0xf8, 0x1b, 0x7d),
    Rgb::new(0x98, 0xb0, 0x59),
    Rgb::new(0xcc, 0xdd, 0x14),
    Rgb::new(0x05, 0x8c, 0x75),
    Rgb::new(0xa3, 0x87, 0xa7),
    Rgb::new(0x96, 0x88, 0xec),
    Rgb::new(0x65, 0x54, 0x43),
    Rgb::new(0xcd, 0xc4, 0xfb),
    Rgb::new(0xe5, 0xd2, 0xa4),
    Rgb::new(0xfa, 0xa7, 0xbe),
    Rgb::new(0x8c, 0xd1, 0x7d),
    Rgb::new(0xf1, 0xce, 0x63),
    Rgb::new(0x86, 0xbc, 0xb6),
    Rgb::new(0xfa, 0xbf, 0xd2),
    Rgb::new(0xd4, 0xa6, 0xc8),
    Rgb::new(0xd7, 0xb5, 0xa6),
];

/// Hands out colours for kinds without one: the palette in order, skipping colours that look
/// like one already taken to someone (normal vision or a simulated deficiency, see
/// `colour_vision`), then hues around the colour wheel (golden angle), never grey, again the
/// first that keeps its distance (or, when none does, the farthest of those tried).
#[derive(Clone, Debug, Default)]
pub struct Palette {
    taken: Vec<Rgb>,
    next: usize,
    wheel: usize,
}

/// Hues tried around the wheel for one colour before settling for the farthest.
const WHEEL_TRIES: usize = 48;

impl Palette {
    /// The palette's fixed colours, for a colour chooser.
    pub const COLORS: &'static [Rgb] = &PALETTE;

    /// A palette that avoids the colours in `taken`.
    pub fn avoiding(taken: impl IntoIterator<Item = Rgb>) -> Self {
        Palette {
            taken: taken.into_iter().collect(),
            ..Palette::default()
        }
    }

    /// How far `c` looks from the nearest colour taken, for the reader who sees it closest.
    fn clearance(&self, c: Rgb) -> f32 {
        self.taken
            .iter()
            .map(|t| super::colour_vision::seen_distance(t.0, c.0).0)
            .fold(f32::INFINITY, f32::min)
    }

    pub fn next_color(&mut self) -> Rgb {
        use super::colour_vision::MIN_DISTINCT;
        while let Some(&c) = PALETTE.get(self.next) {
            self.next += 1;
            if !self.taken.contains(&c) && self.clearance(c) >= MIN_DISTINCT {
                self.taken.push(c);
                return c;
            }
        }
        let mut best: Option<(f32, Rgb)> = None;
        for _ in 0..WHEEL_TRIES {
            let i = self.wheel;
            self.wheel += 1;
            let hue = (i as f32 * 137.507_77) % 360.0;
            let light = [0.50, 0.68, 0.38][i % 3];
            let c = hsl(hue, 0.62, light);
            if self.taken.contains(&c) {
                continue;
            }
            let d = self.clearance(c);
            if best.is_none_or(|b| d > b.0) {
                best = Some((d, c));
            }
            if d >= MIN_DISTINCT {
                break;
            }
        }
        let c = best.map_or(hsl(0.0, 0.62, 0.5), |b| b.1);
        self.taken.push(c);
        c
    }
}

fn hsl(h: f32, s: f32, l: f32) -> Rgb {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((h / 60.0) % 2.0 - 1.0).abs());
    let m = l - c / 2.0;
    let (r, g, b) = match (h / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let to = |v: f32| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Rgb([to(r), to(g), to(b)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_print() {
        assert_eq!(Rgb::parse("#E15759"), Some(Rgb::new(0xe1, 0x57, 0x59)));
        assert_eq!(Rgb::new(0xe1, 0x57, 0x59).to_string(), "#e15759");
        for bad in ["e15759", "#e1575", "#e157590", "#gg0000", "#é1575"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn palette_colours_are_distinct_and_not_grey() {
        let mut p = Palette::avoiding([Rgb::new(0x4e, 0x79, 0xa7)]);
        let colours: Vec<Rgb> = (0..60).map(|_| p.next_color()).collect();
        for (i, a) in colours.iter().enumerate() {
            let [r, g, b] = a.0;
            let spread = r.max(g).max(b) - r.min(g).min(b);
            assert!(spread > 20, "grey colour {a} at {i}");
            assert_ne!(*a, Rgb::new(0x4e, 0x79, 0xa7), "a taken colour handed out");
            assert!(colours[..i].iter().all(|b| b != a), "{a} twice");
        }
    }
}
