//! The graph area of an export, written as SVG from the same scene the canvas paints: same
//! projection, visibility, emphasis, dimming, edge culling, shapes and labels. Only the canvas's
//! speed shortcuts (edge sampling, dots and plain far shapes) are left out.

use super::scene::Scene;
use super::shapes::shape_svg;
use super::xml::xml_escape;
use crate::model::{EdgeIx, NodeIx};
use crate::view::Camera;
use crate::view::appearance::Styled;
use crate::view::cull::Projected;
use crate::view::graph_cache::GraphCache;
use crate::view::scene::{self, Frame, LINE, Labels};
use crate::view::theme::{FADED_LABEL, Paint, Palette};
use egui::{Pos2, Rect, Vec2};
use std::collections::BTreeSet;
use std::fmt::Write;

/// What an export drew, for checking it against the canvas.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    /// Nodes whose centre lies in the graph area, ascending.
    pub nodes: Vec<NodeIx>,
    /// Nodes that got a label, in placement order.
    pub labelled: Vec<NodeIx>,
    /// Edges drawn (thin and emphasised).
    pub edges: BTreeSet<EdgeIx>,
    /// The camera `(center, zoom)` the graph area was drawn with (zoom in points per world
    /// unit, as on the canvas).
    pub camera: ([f32; 2], f32),
    /// The graph area in image pixels `[x0, y0, x1, y1]`.
    pub area: [f32; 4],
    /// The graph area's size in points: the canvas size this export matches.
    pub points: [f32; 2],
}

/// `opacity="…"` when below 1.
fn opacity(p: Paint) -> String {
    if p.alpha >= 0.999 {
        String::new()
    } else {
        format!(r#" opacity="{:.2}""#, p.alpha)
    }
}

fn line_svg(out: &mut String, a: Pos2, b: Pos2, width: f32, paint: Paint) {
    let _ = write!(
        out,
        r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="{width:.2}"{}/>"#,
        a.x,
        a.y,
        b.x,
        b.y,
        paint.hex(),
        opacity(paint)
    );
}

fn arrow_svg(out: &mut String, tip: Pos2, dir: Vec2, head: f32, paint: Paint) {
    let back = tip - dir * head;
    let perp = Vec2::new(-dir.y, dir.x) * head * 0.5;
    let (l, r) = (back + perp, back - perp);
    let _ = write!(
        out,
        r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{}"{}/>"#,
        tip.x,
        tip.y,
        l.x,
        l.y,
        r.x,
        r.y,
        paint.hex(),
        opacity(paint)
    );
}

/// Edges, nodes and labels inside `area` (image pixels), clipped to it. The scene is laid out
/// as on a canvas of the area's size in points (`s` pixels per point, origin top-left), then
/// shifted and scaled into place: an export is the canvas of that size, printed.
pub(super) fn graph(
    out: &mut String,
    scene: &Scene,
    styled: Option<&Styled>,
    pal: &Palette,
    s: f32,
    area: [f32; 4],
) -> Drawn {
    let kg = scene.kg;
    let (aw, ah) = (area[2] - area[0], area[3] - area[1]);
    let mut drawn = Drawn {
        area,
        ..Drawn::default()
    };
    if aw <= 1.0 || ah <= 1.0 {
        return drawn;
    }
    let (w, h) = (aw / s, ah / s);
    let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(w, h));
    let degree = kg.undirected_degree();
    let mut cache = GraphCache::default();
    cache.update_styled(kg, scene.visible, &degree, styled.map(|st| (st, 1)));
    let overlay = scene.drawn_overlay();
    let (center, zoom) = scene.camera_for(w, h);
    drawn.camera = (center, zoom);
    drawn.points = [w, h];
    let cam = Camera {
        center,
        zoom,
        target: None,
    };
    let mut proj = Projected::default();
    scene::project(
        &mut proj,
        &cache,
        &scene.positions.xy,
        &overlay,
        &cam,
        rect,
        1.0,
    );
    let nobody = BTreeSet::new();
    let f = Frame {
        kg,
        cache: &cache,
        visible: scene.visible,
        proj: &proj,
        degree: &degree,
        overlay: &overlay,
        selected_nodes: &nobody,
        selected_edge: None,
        search_hits: &[],
        hovered: None,
        keyboard_focus: None,
        focus: None,
        zoom,
        rect,
        cull: scene::cull_rect(rect, 1.0),
        lang: scene.lang,
        palette: pal,
        scale: 1.0,
    };

    let _ = writeln!(
        out,
        r#"<defs><clipPath id="graph-area"><rect x="0" y="0" width="{w:.1}" height="{h:.1}"/></clipPath></defs>"#,
    );
    let _ = writeln!(
        out,
        r#"<g transform="translate({:.1} {:.1}) scale({s})" clip-path="url(#graph-area)">"#,
        area[0], area[1]
    );
    out.push_str("<g id=\"edges\">\n");
    let (arrows, width) = (f.thin_arrows(), f.thin_width());
    let mut special = Vec::new();
    for &[sa, sb, id] in &cache.edges {
        let Some((start, tip, dir)) = f.edge_ends(sa, sb) else {
            continue;
        };
        let e = EdgeIx::new(id as usize);
        drawn.edges.insert(e);
        if f.is_special(e, sa, sb) {
            special.push(e);
            continue;
        }
        let paint = f.thin_paint(sa, sb);
        line_svg(out, start, tip, width, paint);
        let head = if arrows { f.thin_head(start, tip) } else { 0.0 };
        if head > 0.0 {
            arrow_svg(out, tip, dir, head, paint);
        }
        out.push('\n');
    }
    // Emphasised edges on top, as on the canvas.
    let mut relations = Vec::new();
    for e in special {
        let Some(edge) = f.special_edge(e, None) else {
            continue;
        };
        line_svg(out, edge.start, edge.tip, edge.width, edge.paint);
        if edge.head > 0.0 {
            arrow_svg(out, edge.tip, edge.dir, edge.head, edge.paint);
        }
        out.push('\n');
        relations.extend(edge.label);
    }
    relations.extend(crate::view::groups::groups_svg(out, &f));
    out.push_str("</g>\n<g id=\"nodes\">\n");

    let mut nodes: Vec<(usize, Pos2, f32)> = proj.on_screen.clone();
    // Lit nodes on top of faded ones.
    nodes.sort_by_key(|&(i, _, _)| (f.lit(NodeIx::new(i)), i));
    for (i, p, r) in nodes {
        let ix = NodeIx::new(i);
        let lit = f.lit(ix);
        for (rr, w, paint) in f.rings(ix, r).into_iter().flatten() {
            let _ = write!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{rr:.1}" fill="none" stroke="{}" stroke-width="{w:.1}"{}/>"#,
                p.x,
                p.y,
                paint.hex(),
                opacity(paint)
            );
        }
        let (fill, shape) = f.node_style(i);
        let fill = Paint::from(fill).dim(lit);
        let _ = write!(out, r#"<g{}>"#, opacity(fill));
        let outline = pal.outline;
        shape_svg(
            out,
            shape,
            [p.x, p.y],
            r,
            &fill.hex(),
            &outline.hex(),
            f.outline_width(),
        );
        let _ = writeln!(out, "<title>{}</title></g>", xml_escape(&kg.node(ix).id));
    }
    out.push_str("</g>\n");

    let labels = scene::place_labels(&f, relations);
    labels_svg(out, &f, &labels);
    let notes = crate::view::annotations::place(
        scene.annotations,
        kg,
        scene.positions,
        &cam,
        rect,
        pal,
        scene.lang,
    );
    super::notes::annotations_svg(out, &notes, pal, 1.0);
    out.push_str("</g>\n");
    drawn.nodes = scene::drawn_nodes(&proj, rect).collect();
    drawn.labelled = labels.labelled().collect();
    drawn
}

/// The placed labels: a rounded halo box, then the centred lines.
fn labels_svg(out: &mut String, f: &Frame, labels: &Labels) {
    let (pal, s) = (f.palette, f.scale);
    let (size, small) = (pal.label_size * s, pal.small_size * s);
    // Baseline of a line of height `LINE` × size: half the leading plus the ascent.
    let base = |top: f32, sz: f32| top + sz * ((LINE - 1.0) * 0.5 + 0.88);
    let halo = |out: &mut String, r: Rect, pad: f32, paint: Paint| {
        let r = r.expand(pad);
        let _ = write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{:.1}" fill="{}"{}/>"#,
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            3.0 * s,
            paint.hex(),
            opacity(paint)
        );
    };
    let text = |out: &mut String, x: f32, y: f32, sz: f32, paint: Paint, t: &str| {
        let _ = write!(
            out,
            r#"<text x="{x:.1}" y="{y:.1}" font-size="{sz:.1}" text-anchor="middle" fill="{}">{}</text>"#,
            paint.hex(),
            xml_escape(t)
        );
    };
    out.push_str("<g id=\"labels\">\n");
    for l in &labels.nodes {
        let k = if l.faded { FADED_LABEL } else { 1.0 };
        let _ = write!(
            out,
            r#"<g{}>"#,
            opacity(Paint {
                alpha: k,
                ..pal.text
            })
        );
        halo(out, l.rect, 1.5 * s, pal.halo);
        let cx = l.rect.center().x;
        text(out, cx, base(l.rect.top(), size), size, pal.text, &l.main);
        if let Some(sub) = &l.sub {
            let top = l.rect.top() + size * LINE;
            text(out, cx, base(top, small), small, pal.muted, sub);
        }
        out.push_str("</g>\n");
    }
    for l in &labels.relations {
        halo(out, l.rect, 2.0 * s, pal.halo);
        let c = l.rect.center();
        text(
            out,
            c.x,
            base(l.rect.top(), small),
            small,
            pal.accent,
            &l.text,
        );
        out.push('\n');
    }
    out.push_str("</g>\n");
}
