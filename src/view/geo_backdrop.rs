//! The district outline drawn under the graph while the geographic layout is on: faint filled
//! polygons, thin borders and district names, in world coordinates of the layout's projection.

use super::{Camera, LabelLang};
use crate::io::geo::District;
use crate::layout::Projection;
use egui::epaint::{Mesh, Vertex};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke};

/// One district projected into world coordinates, triangulated once for the fill.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorldDistrict {
    pub name_zh: String,
    pub name_en: String,
    pub label: [f32; 2],
    pub rings: Vec<Vec<[f32; 2]>>,
    /// Triangles per ring (indices into that ring).
    triangles: Vec<Vec<[u32; 3]>>,
}

/// What the canvas paints before edges and nodes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backdrop {
    pub districts: Vec<WorldDistrict>,
}

impl Backdrop {
    pub fn new(districts: &[District], proj: &Projection) -> Self {
        let districts = districts
            .iter()
            .map(|d| {
                let rings: Vec<Vec<[f32; 2]>> = d
                    .polygons
                    .iter()
                    .map(|ring| {
                        let mut pts: Vec<[f32; 2]> =
                            ring.iter().map(|p| proj.project(p[0], p[1])).collect();
                        if pts.len() > 1 && pts.first() == pts.last() {
                            pts.pop();
                        }
                        pts
                    })
                    .collect();
                let triangles = rings.iter().map(|r| triangulate(r)).collect();
                WorldDistrict {
                    name_zh: d.name_zh.clone(),
                    name_en: d.name_en.clone(),
                    label: proj.project(d.label[0], d.label[1]),
                    rings,
                    triangles,
                }
            })
            .collect();
        Backdrop { districts }
    }

    /// World bounding box of the outline.
    pub fn bounds(&self) -> Option<([f32; 2], [f32; 2])> {
        let mut pts = self.districts.iter().flat_map(|d| d.rings.iter().flatten());
        let first = *pts.next()?;
        Some(pts.fold((first, first), |(lo, hi), p| {
            (
                [lo[0].min(p[0]), lo[1].min(p[1])],
                [hi[0].max(p[0]), hi[1].max(p[1])],
            )
        }))
    }

    /// Paint under the graph. Colours are faint so nodes and edges stay the figure; the
    /// projector theme gets darker lines because projected light washes pale grey out.
    pub fn paint(
        &self,
        painter: &Painter,
        cam: &Camera,
        rect: Rect,
        lang: LabelLang,
        dark: bool,
        projector: bool,
    ) {
        let (fill, stroke, text) = if dark {
            (
                Color32::from_rgba_unmultiplied(110, 150, 200, 22),
                Stroke::new(1.0, Color32::from_gray(85)),
                Color32::from_gray(115),
            )
        } else if projector {
            (
                Color32::from_rgba_unmultiplied(60, 100, 150, 26),
                Stroke::new(1.6, Color32::from_gray(135)),
                Color32::from_gray(105),
            )
        } else {
            (
                Color32::from_rgba_unmultiplied(60, 100, 150, 16),
                Stroke::new(1.0, Color32::from_gray(185)),
                Color32::from_gray(150),
            )
        };
        let font = FontId::proportional(if projector { 18.0 } else { 14.0 });
        let screen = |p: &[f32; 2]| cam.to_screen(rect, *p);
        for d in &self.districts {
            for (ring, tris) in d.rings.iter().zip(&d.triangles) {
                let pts: Vec<Pos2> = ring.iter().map(screen).collect();
                let mesh = Mesh {
                    vertices: pts
                        .iter()
                        .map(|&pos| Vertex {
                            pos,
                            uv: egui::epaint::WHITE_UV,
                            color: fill,
                        })
                        .collect(),
                    indices: tris.iter().flatten().copied().collect(),
                    ..Default::default()
                };
                painter.add(Shape::mesh(mesh));
                painter.add(Shape::closed_line(pts, stroke));
            }
        }
        // Names after all fills so a neighbour's fill never covers them.
        for d in &self.districts {
            let name = match lang {
                LabelLang::English => d.name_en.clone(),
                LabelLang::Chinese => d.name_zh.clone(),
                LabelLang::Both => format!("{}\n{}", d.name_zh, d.name_en),
            };
            let at = screen(&d.label);
            if rect.expand(100.0).contains(at) {
                painter.text(at, Align2::CENTER_CENTER, name, font.clone(), text);
            }
        }
    }
}

/// Ear-clipping triangulation of a simple polygon (either winding). Returns fewer triangles
/// rather than looping when the ring is degenerate.
fn triangulate(ring: &[[f32; 2]]) -> Vec<[u32; 3]> {
    let n = ring.len();
    if n < 3 {
        return Vec::new();
    }
    let area2: f32 = (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    let ccw = area2 > 0.0;
    let cross = |a: [f32; 2], b: [f32; 2], c: [f32; 2]| {
        (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    };
    let convex = |a, b, c| {
        let z = cross(a, b, c);
        if ccw { z > 0.0 } else { z < 0.0 }
    };
    let inside = |p: [f32; 2], a, b, c| {
        let (d1, d2, d3) = (cross(a, b, p), cross(b, c, p), cross(c, a, p));
        let neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
        let pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
        !(neg && pos)
    };
    let mut idx: Vec<u32> = (0..n as u32).collect();
    let mut out = Vec::with_capacity(n - 2);
    let mut guard = 0;
    let mut k = 0;
    while idx.len() > 3 && guard < idx.len() {
        let m = idx.len();
        let (ia, ib, ic) = (idx[(k + m - 1) % m], idx[k % m], idx[(k + 1) % m]);
        let (a, b, c) = (ring[ia as usize], ring[ib as usize], ring[ic as usize]);
        let ear = convex(a, b, c)
            && idx
                .iter()
                .filter(|&&j| j != ia && j != ib && j != ic)
                .all(|&j| !inside(ring[j as usize], a, b, c));
        if ear {
            out.push([ia, ib, ic]);
            idx.remove(k % m);
            guard = 0;
        } else {
            k += 1;
            guard += 1;
        }
        if !idx.is_empty() {
            k %= idx.len();
        }
    }
    if idx.len() == 3 {
        out.push([idx[0], idx[1], idx[2]]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ear_clipping_covers_a_concave_polygon_exactly() {
        // An L shape of area 3, clockwise and counter-clockwise.
        let l = [
            [0.0, 0.0],
            [2.0, 0.0],
            [2.0, 1.0],
            [1.0, 1.0],
            [1.0, 2.0],
            [0.0, 2.0],
        ];
        for ring in [l.to_vec(), l.iter().rev().copied().collect()] {
            let tris = triangulate(&ring);
            assert_eq!(tris.len(), ring.len() - 2);
            let area: f32 = tris
                .iter()
                .map(|t| {
                    let [a, b, c] = t.map(|i| ring[i as usize]);
                    ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])).abs() * 0.5
                })
                .sum();
            assert!((area - 3.0).abs() < 1e-4, "area {area}");
        }
    }

    #[test]
    fn the_shipped_outline_triangulates_to_its_area() {
        let proj = Projection::fit([113.7, 22.4], [114.7, 22.9], 1000.0);
        let b = Backdrop::new(crate::io::geo::shenzhen_districts(), &proj);
        assert_eq!(b.districts.len(), 9);
        for d in &b.districts {
            for (ring, tris) in d.rings.iter().zip(&d.triangles) {
                let shoelace: f32 = (0..ring.len())
                    .map(|i| {
                        let (a, c) = (ring[i], ring[(i + 1) % ring.len()]);
                        a[0] * c[1] - c[0] * a[1]
                    })
                    .sum::<f32>()
                    .abs()
                    * 0.5;
                let covered: f32 = tris
                    .iter()
                    .map(|t| {
                        let [a, p, c] = t.map(|i| ring[i as usize]);
                        ((p[0] - a[0]) * (c[1] - a[1]) - (p[1] - a[1]) * (c[0] - a[0])).abs() * 0.5
                    })
                    .sum();
                assert!(
                    (covered - shoelace).abs() <= shoelace * 0.01,
                    "{}: fill {covered} vs area {shoelace}",
                    d.name_en
                );
            }
        }
    }
}
