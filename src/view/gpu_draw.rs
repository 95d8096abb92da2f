//! Painting a scene [`Frame`] whose bulk is on the GPU: the two instanced draws (thin edges,
//! far nodes) as paint callbacks with this frame's uniforms, and what stays on the CPU as in
//! `draw`: rings, outlined near nodes with their pin marker, the edge under the pointer.

use super::Camera;
use super::cull::{ScreenNode, segment_may_show, side_of, trimmed};
use super::gpu_gl::{self, Pass, Uniforms};
use super::gpu_scene::{GpuScene, VIEW_LIMIT};
use super::hit::segment_distance;
use super::scene::{Frame, SHAPE_RADIUS};
use super::style::{draw_shape, screen_radius};
use super::theme::{Paint, THIN_EDGE_ALPHA};
use crate::model::{EdgeIx, NodeIx};
use egui::{Color32, Painter, Pos2, Rect, Stroke, Vec2};

const EDGE_HIT_TOLERANCE: f32 = 4.0;

fn rgba(c: Color32) -> [f32; 4] {
    c.to_array().map(|v| f32::from(v) / 255.0)
}

/// This frame's uniforms: camera, emphasis, and the thin edges' colours exactly as
/// `draw::edge_pass` computes them (`stride` > 1 samples edges and draws them opaque).
pub fn uniforms(f: &Frame, cam: &Camera, stride: usize) -> Uniforms {
    let width = f.thin_width();
    let colour = |lit: bool| {
        let p = f.palette.edge.fade(THIN_EDGE_ALPHA).dim(lit);
        let p = if stride > 1 {
            Paint { alpha: 1.0, ..p }
        } else {
            p
        };
        let head = p.color32();
        let line = if width < 1.0 {
            head.gamma_multiply(width.max(0.0))
        } else {
            head
        };
        (rgba(line), rgba(head))
    };
    let hover_focus = f.focus.is_some();
    let (line_lit, head_lit) = colour(!hover_focus);
    let (line_dim, head_dim) = colour(false);
    let c = f.rect.center();
    Uniforms {
        origin: [c.x, c.y],
        cam: cam.center,
        zoom: cam.zoom,
        hover_focus,
        dim_others: f.overlay.dim_others,
        line_lit,
        line_dim,
        head_lit,
        head_dim,
        per_node: f.overlay.dim_others && !hover_focus,
        width,
        arrows: f.thin_arrows(),
        stride: stride.min(u32::MAX as usize) as u32,
        selected_edge: f.selected_edge.map_or(u32::MAX, |e| e.index() as u32),
    }
}

/// The thin edges, drawn by the GPU.
pub fn paint_edges(painter: &Painter, scene: &GpuScene, u: Uniforms) {
    painter.add(gpu_gl::shape(
        &scene.shared,
        painter.clip_rect(),
        Pass::Edges,
        u,
    ));
}

/// The nodes: rings and far nodes as `draw::draw_nodes` orders them (rings under the far
/// nodes, drawn by the GPU), then the near nodes with outline and pin marker on the CPU.
pub fn paint_nodes(painter: &Painter, f: &Frame, pinned: &[bool], scene: &GpuScene, u: Uniforms) {
    let plain = f.focus.is_none() && !f.overlay.dim_others;
    if f.any_rings() {
        for &(i, p, r) in &f.proj.on_screen {
            for (rr, w, paint) in f.rings(NodeIx::new(i), r).into_iter().flatten() {
                painter.circle_stroke(p, rr, Stroke::new(w, paint.color32()));
            }
        }
    }
    painter.add(gpu_gl::shape(
        &scene.shared,
        painter.clip_rect(),
        Pass::Nodes,
        u,
    ));
    let outline = f.palette.outline;
    for &(i, p, r) in &f.proj.on_screen {
        if r < SHAPE_RADIUS {
            continue;
        }
        let ix = NodeIx::new(i);
        let (fill, shape) = f.node_style(i);
        let on = plain || f.lit(ix);
        let fill = if on {
            fill
        } else {
            Paint::from(fill).dim(false).color32()
        };
        if pinned.get(i).copied().unwrap_or(false) {
            painter.circle_filled(
                p + Vec2::new(r * 0.8, -r * 0.8),
                2.5,
                f.palette.text.color32(),
            );
        }
        let stroke = Stroke::new(f.outline_width(), outline.dim(on).color32());
        draw_shape(painter, shape, p, r, fill, stroke);
    }
}

/// The thin or special edge under `pointer` (as `draw::edge_pass` finds it), computed only
/// when something it depends on changed, and not over a crowd (zoomed out beyond
/// [`VIEW_LIMIT`] nodes in view, where edges are a haze no one can point at).
pub fn edge_at(
    scene: &mut GpuScene,
    f: &Frame,
    xy: &[[f32; 2]],
    cam: &Camera,
    pointer: Option<Pos2>,
) -> Option<EdgeIx> {
    let p = pointer.filter(|_| scene.in_view <= VIEW_LIMIT)?;
    let key = [
        p.x.to_bits() as u64,
        p.y.to_bits() as u64,
        cam.center[0].to_bits() as u64,
        cam.center[1].to_bits() as u64,
        cam.zoom.to_bits() as u64,
        f.rect.width().to_bits() as u64,
        f.proj.fingerprint,
    ]
    .into_iter()
    .fold(0xED6E, |h, v| (h ^ v).wrapping_mul(0x100_0000_01B3));
    if let Some((k, e)) = scene.hover_edge
        && k == key
    {
        return e;
    }
    let found = nearest_edge(scene, f, xy, cam, p);
    scene.hover_edge = Some((key, found));
    found
}

fn nearest_edge(
    scene: &GpuScene,
    f: &Frame,
    xy: &[[f32; 2]],
    cam: &Camera,
    p: Pos2,
) -> Option<EdgeIx> {
    let (rect, cull) = (f.rect, f.cull);
    let screen = |i: u32| -> (ScreenNode, u8) {
        let i = i as usize;
        let w = xy.get(i).copied().unwrap_or([f32::NAN; 2]);
        let c = rect.center();
        let q = c + Vec2::new(
            (w[0] - cam.center[0]) * cam.zoom,
            (w[1] - cam.center[1]) * cam.zoom,
        );
        let r = screen_radius(scene.world_radius(i), 1.0, cam.zoom, 1.0);
        (ScreenNode { p: q, r }, side_of(q, cull))
    };
    let mut best = (EDGE_HIT_TOLERANCE, None);
    for &[sa, sb, id] in &f.cache.edges {
        let ((na, ca), (nb, cb)) = (screen(sa), screen(sb));
        if ca & cb != 0 || !segment_may_show(na.p, nb.p, cull) {
            continue;
        }
        let Some((start, tip, _)) = trimmed(na.p, nb.p, na.r, nb.r, f.scale) else {
            continue;
        };
        let t = best.0;
        let bounds = Rect::from_two_pos(start, tip).expand(t);
        if bounds.contains(p) {
            let d = segment_distance(p, start, tip);
            if d <= best.0 {
                best = (d, Some(EdgeIx::new(id as usize)));
            }
        }
    }
    best.1
}
