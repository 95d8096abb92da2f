//! The legend band of an export: exactly the looks the graph area draws — the kinds shown, or
//! the blocks of the appearance in use (categories with their colour and shape, a ramp, sizes,
//! edge colours) — in rows across the image.

use super::scene::Scene;
use super::shapes::shape_svg;
use super::text::text_width;
use super::xml::xml_escape;
use crate::view::appearance::{LegendItem, LegendPart, Styled};
use crate::view::scene::legend_kinds;
use crate::view::style::{Shape, kind_label, kind_style};
use crate::view::theme::{Paint, Palette};
use std::fmt::Write;

/// What a legend entry draws left of its text.
#[derive(Clone, Debug, PartialEq)]
enum Swatch {
    /// A heading: bold text, no swatch.
    Title,
    Node(Option<[u8; 3]>, Option<Shape>),
    Edge([u8; 3]),
    /// The viridis ramp, `k` swatch widths wide.
    Ramp,
    /// A disc of this fraction of the text size (sizes and widths).
    Dot(f32),
}

pub(super) struct Legend {
    /// `(swatch, label, x, row)` per entry.
    entries: Vec<(Swatch, String, f32, usize)>,
    pub height: f32,
    size: f32,
}

fn rgb(c: egui::Color32) -> [u8; 3] {
    [c.r(), c.g(), c.b()]
}

/// The legend's entries: the appearance's blocks when one is in use, else the kinds shown.
fn entries(scene: &Scene, styled: Option<&Styled>) -> Vec<(Swatch, String)> {
    let mut out = Vec::new();
    let Some(styled) = styled.filter(|s| !s.legend.is_empty()) else {
        for k in legend_kinds(scene.kg, scene.visible) {
            let (fill, shape) = kind_style(scene.kg.vocab(), &k);
            out.push((
                Swatch::Node(Some(fill.rgb), Some(shape)),
                kind_label(scene.kg.vocab(), &k, scene.lang),
            ));
        }
        return out;
    };
    let item = |i: &LegendItem, edges: bool| {
        let swatch = match (edges, i.color) {
            (true, Some(c)) if c.a() > 0 => Swatch::Edge(rgb(c)),
            (true, _) => Swatch::Edge([0x99, 0x99, 0x99]),
            (false, c) => Swatch::Node(c.map(rgb), i.shape),
        };
        (swatch, i.label.clone())
    };
    for part in &styled.legend {
        match part {
            LegendPart::Categories {
                title,
                items,
                edges,
            } => {
                out.push((Swatch::Title, title.clone()));
                out.extend(items.iter().map(|i| item(i, *edges)));
            }
            LegendPart::Ramp { title, lo, hi } => {
                out.push((Swatch::Title, title.clone()));
                out.push((Swatch::Ramp, format!("{lo} – {hi}")));
            }
            LegendPart::Sizes { title, lo, hi } => {
                out.push((Swatch::Title, title.clone()));
                out.push((Swatch::Dot(0.2), lo.clone()));
                out.push((Swatch::Dot(0.5), hi.clone()));
            }
        }
    }
    out
}

impl Legend {
    pub fn layout(
        scene: &Scene,
        styled: Option<&Styled>,
        pal: &Palette,
        s: f32,
        w: f32,
        scale: f32,
    ) -> Legend {
        let size = pal.small_size * s * scale;
        let pad = 18.0 * s;
        let (mut x, mut row) = (pad, 0);
        let mut placed = Vec::new();
        let list = if scene.legend {
            entries(scene, styled)
        } else {
            Vec::new()
        };
        for (swatch, label) in list {
            let lead = match swatch {
                Swatch::Title => 0.0,
                Swatch::Ramp => size * 4.5,
                _ => size * 1.5,
            };
            let width = lead + text_width(&label, size) + size * 1.5;
            if x + width > w - pad && x > pad {
                (x, row) = (pad, row + 1);
            }
            placed.push((swatch, label, x, row));
            x += width;
        }
        let rows = placed.last().map_or(0, |e| e.3 + 1);
        let height = if rows == 0 {
            0.0
        } else {
            rows as f32 * size * 1.6 + 10.0 * s
        };
        Legend {
            entries: placed,
            height,
            size,
        }
    }

    pub fn write(&self, out: &mut String, pal: &Palette, s: f32, y0: f32) {
        if self.entries.is_empty() {
            return;
        }
        let size = self.size;
        let hex = |c: [u8; 3]| Paint { rgb: c, alpha: 1.0 }.hex();
        out.push_str("<g id=\"legend\">\n");
        for (swatch, label, x, row) in &self.entries {
            let cy = y0 + 5.0 * s + size * 1.6 * (*row as f32 + 0.5);
            let at = [x + size * 0.5, cy];
            let mut text_x = x + size * 1.5;
            match swatch {
                Swatch::Title => text_x = *x,
                Swatch::Node(c, shape) => {
                    let fill = c.map_or(pal.muted.hex(), hex);
                    let shape = shape.unwrap_or(Shape::Circle);
                    shape_svg(
                        out,
                        shape,
                        at,
                        size * 0.42,
                        &fill,
                        &pal.outline.hex(),
                        0.8 * s,
                    );
                }
                Swatch::Edge(c) => {
                    let _ = write!(
                        out,
                        r#"<line x1="{:.1}" y1="{cy:.1}" x2="{:.1}" y2="{cy:.1}" stroke="{}" stroke-width="{:.1}"/>"#,
                        x,
                        x + size,
                        hex(*c),
                        2.5 * s
                    );
                }
                Swatch::Ramp => {
                    let steps = 12;
                    let wd = size * 4.0 / steps as f32;
                    for k in 0..steps {
                        let c = crate::view::overlay::ramp(k as f32 / (steps - 1) as f32);
                        let _ = write!(
                            out,
                            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"#,
                            x + wd * k as f32,
                            cy - size * 0.35,
                            wd + 0.3,
                            size * 0.7,
                            hex(rgb(c))
                        );
                    }
                    text_x = x + size * 4.5;
                }
                Swatch::Dot(k) => {
                    let _ = write!(
                        out,
                        r#"<circle cx="{:.1}" cy="{cy:.1}" r="{:.1}" fill="{}"/>"#,
                        at[0],
                        size * k,
                        pal.muted.hex()
                    );
                }
            }
            let bold = if *swatch == Swatch::Title {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let _ = writeln!(
                out,
                r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}"{bold} fill="{}">{}</text>"#,
                text_x,
                cy + size * 0.36,
                pal.text.hex(),
                xml_escape(label)
            );
        }
        out.push_str("</g>\n");
    }
}
