//! The SVG writer: caption band, edges with arrowheads, nodes shaped and coloured by kind (as on
//! the canvas), non-overlapping labels as real `<text>`, and a footer naming the cited sources.

use super::bands::{cited_sources, footer, footer_height, header, truncate};
use super::scene::{FONT_FAMILY, Palette, Scene, fit_camera};
use super::text::{base64, text_width};
use super::xml::xml_escape;
use crate::model::{Kind, KnowledgeGraph, NodeIx};
use crate::view::{
    LabelLang, Shape, kind_color, kind_label, kind_shape, node_radius, relation_label,
};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Fallbacks after the bundled font, for viewers that open a by-name SVG elsewhere.
const FALLBACKS: &str =
    "'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/// An axis-aligned box `[x0, y0, x1, y1]` in image pixels.
type Box2 = [f32; 4];

fn overlaps(a: &Box2, b: &Box2) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Render `scene` as a standalone SVG document of `scene.width`×`scene.height` pixels.
pub fn scene_to_svg(scene: &Scene) -> String {
    let w = scene.width.max(16) as f32;
    let h = scene.height.max(16) as f32;
    // Everything is sized for 1600×900 and scaled with the image.
    let s = (w / 1600.0).min(h / 900.0).max(0.2);
    let pal = scene.theme.palette();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="'{FONT_FAMILY}', {FALLBACKS}">"#
    );
    out.push('\n');
    if scene.embed_font {
        let _ = writeln!(
            out,
            "<defs><style>@font-face {{ font-family: '{FONT_FAMILY}'; src: url(data:font/otf;base64,{}) format('opentype'); }}</style></defs>",
            base64(crate::app::BUNDLED_FONT)
        );
    }
    let _ = writeln!(
        out,
        r#"<rect x="0" y="0" width="{w}" height="{h}" fill="{}"/>"#,
        pal.background
    );

    let top = header(&mut out, scene, &pal, s, w);
    let sources = cited_sources(scene);
    let footer_h = footer_height(scene, &sources, s);
    let area = [0.0, top, w, h - footer_h];
    graph(&mut out, scene, &pal, s, area);
    if scene.footer {
        footer(&mut out, scene, &pal, s, w, h - footer_h, &sources);
    }
    out.push_str("</svg>\n");
    out
}

fn undirected_degree(kg: &KnowledgeGraph) -> Vec<u32> {
    let mut degree = vec![0u32; kg.node_bound()];
    for e in kg.graph.edge_indices() {
        if let Some((a, b)) = kg.graph.edge_endpoints(e) {
            degree[a.index()] += 1;
            if a != b {
                degree[b.index()] += 1;
            }
        }
    }
    degree
}

/// Edges, nodes and labels inside `area`, clipped to it.
fn graph(out: &mut String, scene: &Scene, pal: &Palette, s: f32, area: Box2) {
    let kg = scene.kg;
    let pos = scene.positions;
    let (aw, ah) = (area[2] - area[0], area[3] - area[1]);
    if aw <= 1.0 || ah <= 1.0 {
        return;
    }
    let visible = |ix: NodeIx| scene.visible.node(ix) && ix.index() < pos.len();
    let (center, zoom) = match scene.camera {
        Some((c, z, viewport)) => {
            // Keep the world area the camera showed on a canvas of another size.
            let k = viewport.map_or(1.0, |[vw, vh]| (aw / vw.max(1.0)).min(ah / vh.max(1.0)));
            (c, z * k)
        }
        None => {
            let fit = |i: usize| match scene.fit_nodes {
                Some(m) if m.iter().any(|b| *b) => m.get(i).copied().unwrap_or(false),
                _ => scene.visible.nodes.get(i).copied().unwrap_or(false),
            };
            // Margins leave room for the labels of the outermost nodes.
            fit_camera(pos, |i| i < pos.len() && fit(i), aw, ah, 70.0 * s)
                .unwrap_or(([0.0, 0.0], 1.0))
        }
    };
    let mid = [area[0] + aw * 0.5, area[1] + ah * 0.5];
    let screen = |ix: NodeIx| {
        let p = pos.xy[ix.index()];
        [
            mid[0] + (p[0] - center[0]) * zoom,
            mid[1] + (p[1] - center[1]) * zoom,
        ]
    };
    let degree = undirected_degree(kg);
    let radius = |ix: NodeIx| {
        let d = degree.get(ix.index()).copied().unwrap_or(0);
        (node_radius(d) * zoom).clamp(3.5 * s, 26.0 * s)
    };
    let lit = |ix: NodeIx| {
        !scene.dim_others || scene.highlight_nodes.contains(&ix) || scene.focus_nodes.contains(&ix)
    };
    let margin = 40.0 * s;
    let inside = |p: [f32; 2]| {
        p[0] > area[0] - margin
            && p[0] < area[2] + margin
            && p[1] > area[1] - margin
            && p[1] < area[3] + margin
    };

    let _ = writeln!(
        out,
        r#"<defs><clipPath id="graph-area"><rect x="{:.1}" y="{:.1}" width="{aw:.1}" height="{ah:.1}"/></clipPath></defs>"#,
        area[0], area[1]
    );
    out.push_str("<g clip-path=\"url(#graph-area)\">\n<g id=\"edges\">\n");
    let mut rel_labels: Vec<([f32; 2], String)> = Vec::new();
    // Highlighted edges last so that they are drawn on top.
    let mut edges: Vec<_> = kg
        .graph
        .edge_indices()
        .filter(|e| scene.visible.edge(*e))
        .collect();
    edges.sort_by_key(|e| scene.highlight_edges.contains(e));
    for e in edges {
        let Some((na, nb)) = kg.graph.edge_endpoints(e) else {
            continue;
        };
        if !visible(na) || !visible(nb) || na == nb {
            continue;
        }
        let (a, b) = (screen(na), screen(nb));
        if !inside(a) && !inside(b) {
            continue;
        }
        let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        let len = (dx * dx + dy * dy).sqrt();
        // Also rejects NaN from coincident or non-finite positions.
        if len.is_nan() || len <= 1e-3 {
            continue;
        }
        let dir = [dx / len, dy / len];
        let (ra, rb) = (radius(na), radius(nb));
        if len <= ra + rb + 2.0 {
            continue;
        }
        let start = [a[0] + dir[0] * ra, a[1] + dir[1] * ra];
        let tip = [
            b[0] - dir[0] * (rb + 1.5 * s),
            b[1] - dir[1] * (rb + 1.5 * s),
        ];
        let hi = scene.highlight_edges.contains(&e);
        let (width, color, opacity) = if hi {
            (3.2 * s, pal.accent, 1.0)
        } else if scene.dim_others && !(lit(na) && lit(nb)) {
            (pal.edge_width * s, pal.edge, 0.3)
        } else {
            (pal.edge_width * s, pal.edge, 0.75)
        };
        let head = (4.5 * s + width * 2.2).min(len * 0.4);
        let back = [tip[0] - dir[0] * head, tip[1] - dir[1] * head];
        let perp = [-dir[1] * head * 0.5, dir[0] * head * 0.5];
        let _ = writeln!(
            out,
            r#"<g opacity="{opacity}"><line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{color}" stroke-width="{width:.2}"/><polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{color}"/></g>"#,
            start[0],
            start[1],
            back[0],
            back[1],
            tip[0],
            tip[1],
            back[0] + perp[0],
            back[1] + perp[1],
            back[0] - perp[0],
            back[1] - perp[1],
        );
        if hi {
            rel_labels.push((
                [(start[0] + tip[0]) * 0.5, (start[1] + tip[1]) * 0.5],
                relation_label(kg.vocab(), &kg.edge(e).rel, scene.lang),
            ));
        }
    }
    out.push_str("</g>\n<g id=\"nodes\">\n");

    let mut on_screen: Vec<(NodeIx, [f32; 2], f32)> = kg
        .node_indices()
        .filter(|ix| visible(*ix))
        .map(|ix| (ix, screen(ix), radius(ix)))
        .filter(|(_, p, _)| inside(*p))
        .collect();
    // Lit nodes on top of faded ones.
    on_screen.sort_by_key(|(ix, _, _)| (lit(*ix), *ix));
    for &(ix, p, r) in &on_screen {
        let node = kg.node(ix);
        let c = kind_color(scene.kg.vocab(), &node.kind);
        let fill = format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b());
        let opacity = if lit(ix) { 1.0 } else { 0.35 };
        let _ = write!(out, r#"<g opacity="{opacity}">"#);
        if scene.dim_others && scene.highlight_nodes.contains(&ix) {
            let _ = write!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="{}" stroke-width="{:.1}"/>"#,
                p[0],
                p[1],
                r + 4.0 * s,
                pal.accent,
                2.5 * s
            );
        }
        shape_svg(
            out,
            kind_shape(scene.kg.vocab(), &node.kind),
            p,
            r,
            &fill,
            pal.outline,
            1.2 * s,
        );
        let _ = writeln!(out, "<title>{}</title></g>", xml_escape(&node.id));
    }
    out.push_str("</g>\n");

    let legend_box = legend(out, scene, pal, s, area, &on_screen);
    labels(
        out, scene, pal, s, area, &on_screen, &degree, &lit, rel_labels, legend_box,
    );
    out.push_str("</g>\n");
}

/// Labels in priority order (highlighted and focus nodes, then by degree), each tried below,
/// above, right and left of its node and skipped when every spot overlaps a label or node.
#[allow(clippy::too_many_arguments)]
fn labels(
    out: &mut String,
    scene: &Scene,
    pal: &Palette,
    s: f32,
    area: Box2,
    on_screen: &[(NodeIx, [f32; 2], f32)],
    degree: &[u32],
    lit: &dyn Fn(NodeIx) -> bool,
    rel_labels: Vec<([f32; 2], String)>,
    legend_box: Option<Box2>,
) {
    let kg = scene.kg;
    let size = pal.label_size * s;
    let small = size * 0.8;
    let gap = 3.0 * s;
    // Node discs are obstacles too, so that a label never hides a node.
    let mut placed: Vec<Box2> = on_screen
        .iter()
        .map(|&(_, p, r)| [p[0] - r, p[1] - r, p[0] + r, p[1] + r])
        .collect();
    let label_start = placed.len();
    placed.extend(legend_box);
    // Faded nodes are labelled last (and faded), so the context stays readable.
    let mut order: Vec<(u8, u32, NodeIx, [f32; 2], f32)> = on_screen
        .iter()
        .map(|&(ix, p, r)| {
            let tier = if scene.highlight_nodes.contains(&ix) || scene.focus_nodes.contains(&ix) {
                0
            } else if lit(ix) {
                1
            } else {
                2
            };
            let d = degree.get(ix.index()).copied().unwrap_or(0);
            (tier, u32::MAX - d, ix, p, r)
        })
        .collect();
    order.sort_by_key(|(tier, d, ix, _, _)| (*tier, *d, *ix));
    out.push_str("<g id=\"labels\">\n");
    let halo = 3.2 * s;
    for (tier, _, ix, p, r) in order {
        let node = kg.node(ix);
        let (main, sub) = match scene.lang {
            LabelLang::English => (node.display_name(false).to_string(), None),
            LabelLang::Chinese => (node.display_name(true).to_string(), None),
            LabelLang::Both => {
                let zh = node.display_name(true).to_string();
                let en =
                    (!node.name.en.is_empty() && node.name.en != zh).then(|| node.name.en.clone());
                (zh, en)
            }
        };
        // A figure is only useful with its value.
        let main = match node
            .attrs
            .get("value")
            .filter(|_| node.kind == Kind::METRIC)
        {
            Some(v) if scene.lang == LabelLang::English => format!("{main}: {v}"),
            Some(v) => format!("{main}：{v}"),
            None => main,
        };
        let sub = sub.map(|t| truncate(&t, small, 260.0 * s));
        let lw = text_width(&main, size).max(sub.as_ref().map_or(0.0, |t| text_width(t, small)));
        let lh = size * 1.2 + sub.as_ref().map_or(0.0, |_| small * 1.2);
        // Candidate top-left corners: below, above, right, left, then the four diagonals.
        let d = r + gap;
        let spots = [
            [p[0] - lw * 0.5, p[1] + d],
            [p[0] - lw * 0.5, p[1] - d - lh],
            [p[0] + d, p[1] - lh * 0.5],
            [p[0] - d - lw, p[1] - lh * 0.5],
            [p[0] + d * 0.7, p[1] + d * 0.7],
            [p[0] + d * 0.7, p[1] - d * 0.7 - lh],
            [p[0] - d * 0.7 - lw, p[1] + d * 0.7],
            [p[0] - d * 0.7 - lw, p[1] - d * 0.7 - lh],
        ];
        let fits =
            |b: &Box2| b[0] >= area[0] && b[2] <= area[2] && b[1] >= area[1] && b[3] <= area[3];
        let own = [p[0] - r, p[1] - r, p[0] + r, p[1] + r];
        let free = |t: &[f32; 2], obstacles: &[Box2]| {
            let b = [t[0] - 1.0, t[1] - 1.0, t[0] + lw + 1.0, t[1] + lh + 1.0];
            fits(&b) && !obstacles.iter().any(|q| *q != own && overlaps(q, &b))
        };
        // Emphasised nodes must be named: if every spot touches a node, accept covering nodes
        // (the halo keeps the text legible) but still never another label.
        let spot = spots.iter().find(|t| free(t, &placed)).or_else(|| {
            (tier == 0)
                .then(|| spots.iter().find(|t| free(t, &placed[label_start..])))
                .flatten()
        });
        let Some(&[x, y]) = spot else {
            continue;
        };
        placed.push([x, y, x + lw, y + lh]);
        let cx = x + lw * 0.5;
        if tier == 2 {
            out.push_str(r#"<g opacity="0.6">"#);
        }
        let _ = writeln!(
            out,
            r#"<text x="{cx:.1}" y="{:.1}" font-size="{size:.1}" text-anchor="middle" fill="{}" stroke="{}" stroke-width="{halo:.1}" stroke-linejoin="round" paint-order="stroke">{}</text>"#,
            y + size * 0.95,
            pal.text,
            pal.halo,
            xml_escape(&main)
        );
        if let Some(sub) = sub {
            let _ = writeln!(
                out,
                r#"<text x="{cx:.1}" y="{:.1}" font-size="{small:.1}" text-anchor="middle" fill="{}" stroke="{}" stroke-width="{halo:.1}" stroke-linejoin="round" paint-order="stroke">{}</text>"#,
                y + size * 1.2 + small * 0.95,
                pal.muted,
                pal.halo,
                xml_escape(&sub)
            );
        }
        if tier == 2 {
            out.push_str("</g>\n");
        }
    }
    for (p, text) in rel_labels {
        let lw = text_width(&text, small);
        let b = [
            p[0] - lw * 0.5,
            p[1] - small * 0.6,
            p[0] + lw * 0.5,
            p[1] + small * 0.6,
        ];
        if placed.iter().any(|q| overlaps(q, &b)) {
            continue;
        }
        placed.push(b);
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="{small:.1}" text-anchor="middle" fill="{}" stroke="{}" stroke-width="{halo:.1}" stroke-linejoin="round" paint-order="stroke">{}</text>"#,
            p[0],
            p[1] + small * 0.35,
            pal.accent,
            pal.halo,
            xml_escape(&text)
        );
    }
    out.push_str("</g>\n");
}

/// A key of the kinds on screen, bottom-left of the graph area; returns the box it covers.
fn legend(
    out: &mut String,
    scene: &Scene,
    pal: &Palette,
    s: f32,
    area: Box2,
    on_screen: &[(NodeIx, [f32; 2], f32)],
) -> Option<Box2> {
    let vocab = scene.kg.vocab();
    let mut kinds: Vec<Kind> = on_screen
        .iter()
        .map(|(ix, _, _)| scene.kg.node(*ix).kind.clone())
        .collect::<BTreeSet<Kind>>()
        .into_iter()
        .collect();
    kinds.sort_by_key(|k| vocab.kind_order(k));
    if kinds.len() < 2 {
        return None;
    }
    let size = pal.label_size * s * 0.8;
    let row = size * 1.45;
    let label = |k: &Kind| kind_label(vocab, k, scene.lang);
    let text_w = kinds
        .iter()
        .map(|k| text_width(&label(k), size))
        .fold(0.0, f32::max);
    let pad = 8.0 * s;
    let bw = pad * 2.0 + size * 1.6 + text_w;
    let bh = pad * 2.0 + row * kinds.len() as f32;
    let (x0, y1) = (area[0] + 12.0 * s, area[3] - 10.0 * s);
    let y0 = y1 - bh;
    if y0 < area[1] {
        return None;
    }
    let _ = writeln!(
        out,
        r#"<g id="legend"><rect x="{x0:.1}" y="{y0:.1}" width="{bw:.1}" height="{bh:.1}" rx="{:.1}" fill="{}" fill-opacity="0.88" stroke="{}" stroke-width="{:.2}"/>"#,
        4.0 * s,
        pal.halo,
        pal.edge,
        0.6 * s
    );
    for (i, k) in kinds.iter().enumerate() {
        let cy = y0 + pad + row * (i as f32 + 0.5);
        let c = kind_color(vocab, k);
        let fill = format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b());
        shape_svg(
            out,
            kind_shape(vocab, k),
            [x0 + pad + size * 0.5, cy],
            size * 0.42,
            &fill,
            pal.outline,
            0.8 * s,
        );
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="{size:.1}" fill="{}">{}</text>"#,
            x0 + pad + size * 1.6,
            cy + size * 0.36,
            pal.text,
            xml_escape(&label(k))
        );
    }
    out.push_str("</g>\n");
    Some([x0, y0, x0 + bw, y1])
}

fn regular(c: [f32; 2], r: f32, sides: usize, rotation: f32) -> String {
    (0..sides)
        .map(|i| {
            let a = rotation + i as f32 * std::f32::consts::TAU / sides as f32;
            format!("{:.1},{:.1}", c[0] + r * a.cos(), c[1] + r * a.sin())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The SVG twin of `view::draw_shape`: same shapes, same proportions.
fn shape_svg(
    out: &mut String,
    shape: Shape,
    c: [f32; 2],
    r: f32,
    fill: &str,
    stroke: &str,
    sw: f32,
) {
    use std::f32::consts::{FRAC_PI_2, FRAC_PI_4, PI};
    let paint = format!(r#"fill="{fill}" stroke="{stroke}" stroke-width="{sw:.2}""#);
    let poly = |pts: String| format!(r#"<polygon points="{pts}" {paint}/>"#);
    let svg = match shape {
        Shape::Circle => format!(
            r#"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" {paint}/>"#,
            c[0], c[1]
        ),
        Shape::Ring => format!(
            r##"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" {paint}/><circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="#000000" stroke-opacity="0.35" stroke-width="{:.2}"/>"##,
            c[0],
            c[1],
            r * 0.85,
            c[0],
            c[1],
            r * 0.45,
            (r * 0.2).max(1.0)
        ),
        Shape::Square => poly(regular(c, r * 1.15, 4, FRAC_PI_4)),
        Shape::Diamond => poly(regular(c, r * 1.25, 4, 0.0)),
        Shape::Triangle => poly(regular([c[0], c[1] + r * 0.2], r * 1.35, 3, -FRAC_PI_2)),
        Shape::TriangleDown => poly(regular([c[0], c[1] - r * 0.2], r * 1.35, 3, FRAC_PI_2)),
        Shape::Pentagon => poly(regular(c, r * 1.1, 5, -FRAC_PI_2)),
        Shape::Hexagon => poly(regular(c, r * 1.1, 6, 0.0)),
        Shape::Octagon => poly(regular(c, r * 1.05, 8, PI / 8.0)),
        Shape::Arrow => poly(format!(
            "{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
            c[0] - r * 0.9,
            c[1] - r,
            c[0] + r * 1.2,
            c[1],
            c[0] - r * 0.9,
            c[1] + r
        )),
    };
    out.push_str(&svg);
}
