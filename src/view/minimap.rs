//! The minimap: the whole visible graph in a corner with the viewport outlined; click or drag
//! in it to move the camera there.

use super::Camera;
use crate::analysis::Visible;
use crate::layout::Positions;
use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};

/// Draw the minimap in the bottom-right of `canvas`; returns a new camera centre when the user
/// clicks or drags in it.
pub fn minimap_ui(
    ui: &mut egui::Ui,
    canvas: Rect,
    camera: &Camera,
    positions: &Positions,
    generation: u64,
    visible: &Visible,
    dark: bool,
) -> Option<[f32; 2]> {
    let size = Vec2::new(200.0, 140.0);
    let rect = Rect::from_min_size(canvas.right_bottom() - size - Vec2::splat(10.0), size);
    // The bounds of a million positions, found again only when they moved (`generation`, from
    // the layout session) or what is shown changed.
    type Bounds = (u64, usize, usize, Option<([f32; 2], [f32; 2])>);
    let id = egui::Id::unique("minimap_bounds");
    let key = (generation, visible.node_count, visible.nodes.len());
    let cached = ui.data(|d| d.get_temp::<Bounds>(id));
    let bounds = match cached {
        Some((g, c, l, b)) if (g, c, l) == key => b,
        _ => {
            let b = positions.bounds(|i| visible.nodes.get(i).copied().unwrap_or(false));
            ui.data_mut(|d| d.insert_temp::<Bounds>(id, (key.0, key.1, key.2, b)));
            b
        }
    };
    let (lo, hi) = bounds?;
    let span = [(hi[0] - lo[0]).max(1.0), (hi[1] - lo[1]).max(1.0)];
    let inner = rect.shrink(6.0);
    let scale = (inner.width() / span[0]).min(inner.height() / span[1]);
    let offset = inner.center() - Vec2::new(span[0], span[1]) * scale * 0.5;
    let to_mini = |p: [f32; 2]| offset + Vec2::new((p[0] - lo[0]) * scale, (p[1] - lo[1]) * scale);
    let to_world = |p: Pos2| {
        let d = p - offset;
        [lo[0] + d.x / scale, lo[1] + d.y / scale]
    };
    let painter = ui.painter_at(rect);
    let (bg, dot, frame) = if dark {
        (
            Color32::from_black_alpha(200),
            Color32::from_gray(170),
            Color32::from_gray(90),
        )
    } else {
        (
            Color32::from_white_alpha(230),
            Color32::from_gray(110),
            Color32::from_gray(170),
        )
    };
    painter.rect_filled(rect, 4.0, bg);
    painter.rect_stroke(rect, 4.0, Stroke::new(1.0, frame), egui::StrokeKind::Inside);
    // Big graphs: a sample of the nodes is enough at this size.
    let count = visible.node_count.max(1);
    let step = (count / 4000).max(1);
    // Every `step`-th slot, not every `step`-th visible node: a frame visits about 4,000
    // positions, not all of them.
    for (i, p) in positions.xy.iter().enumerate().step_by(step) {
        if visible.nodes.get(i).copied().unwrap_or(false) {
            painter.circle_filled(to_mini(*p), 1.2, dot);
        }
    }
    let view = Rect::from_two_pos(
        to_mini(camera.to_world(canvas, canvas.min)),
        to_mini(camera.to_world(canvas, canvas.max)),
    );
    painter.rect_stroke(
        view.intersect(rect),
        0.0,
        Stroke::new(1.5, Color32::from_rgb(0x2b, 0x8c, 0xff)),
        egui::StrokeKind::Middle,
    );
    let response = ui.interact(rect, egui::Id::unique("minimap"), Sense::click_and_drag());
    if response.clicked() || response.dragged() {
        return response.interact_pointer_pos().map(to_world);
    }
    None
}
