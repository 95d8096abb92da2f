//! One epaint `Mesh` for many small primitives (thin edges, arrowheads, far-away nodes).
//!
//! A `line_segment` shape per edge costs a tessellation call and a feathered path each; writing
//! the triangles ourselves into one mesh costs four vertices per edge and one shape per frame.

use super::style::Shape as NodeShape;
use egui::epaint::Vertex;
use egui::{Color32, Mesh, Pos2, Vec2};
use std::sync::Arc;

pub struct MeshBatch {
    mesh: Mesh,
}

/// Unit polygons (angle table) for the kind shapes at low detail; circles become octagons.
fn unit_polygon(shape: NodeShape) -> (&'static [[f32; 2]], f32, f32) {
    use std::f32::consts::FRAC_1_SQRT_2 as H;
    const SQUARE: [[f32; 2]; 4] = [[H, H], [-H, H], [-H, -H], [H, -H]];
    const DIAMOND: [[f32; 2]; 4] = [[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]];
    const UP: [[f32; 2]; 3] = [[0.0, -1.0], [0.866, 0.5], [-0.866, 0.5]];
    const DOWN: [[f32; 2]; 3] = [[0.0, 1.0], [-0.866, -0.5], [0.866, -0.5]];
    const OCT: [[f32; 2]; 8] = [
        [1.0, 0.0],
        [H, H],
        [0.0, 1.0],
        [-H, H],
        [-1.0, 0.0],
        [-H, -H],
        [0.0, -1.0],
        [H, -H],
    ];
    const HEX: [[f32; 2]; 6] = [
        [1.0, 0.0],
        [0.5, 0.866],
        [-0.5, 0.866],
        [-1.0, 0.0],
        [-0.5, -0.866],
        [0.5, -0.866],
    ];
    const ARROW: [[f32; 2]; 3] = [[-0.9, -1.0], [1.2, 0.0], [-0.9, 1.0]];
    // (points, scale, vertical offset in radii) matching `style::outline`'s proportions.
    match shape {
        NodeShape::Square => (&SQUARE, 1.15, 0.0),
        NodeShape::Diamond => (&DIAMOND, 1.25, 0.0),
        NodeShape::Triangle => (&UP, 1.35, 0.2),
        NodeShape::TriangleDown => (&DOWN, 1.35, -0.2),
        NodeShape::Pentagon | NodeShape::Hexagon => (&HEX, 1.1, 0.0),
        NodeShape::Arrow => (&ARROW, 1.0, 0.0),
        NodeShape::Circle | NodeShape::Ring | NodeShape::Octagon => (&OCT, 1.0, 0.0),
    }
}

/// Number of a node shape in the GPU's shape table (0 is the dot of [`MeshBatch::dot`]).
pub fn shape_number(shape: NodeShape) -> u8 {
    match shape {
        NodeShape::Square => 1,
        NodeShape::Diamond => 2,
        NodeShape::Triangle => 3,
        NodeShape::TriangleDown => 4,
        NodeShape::Pentagon | NodeShape::Hexagon => 5,
        NodeShape::Arrow => 6,
        NodeShape::Circle | NodeShape::Ring | NodeShape::Octagon => 7,
    }
}

/// The fan `(points, scale, vertical offset)` of shape number `n` (see [`shape_number`]): the
/// same polygons as [`MeshBatch::node`], and the dot as a square of half-side 0.9 radii.
pub fn shape_polygon(n: usize) -> (&'static [[f32; 2]], f32, f32) {
    const DOT: [[f32; 2]; 4] = [[-1.0, -1.0], [1.0, -1.0], [1.0, 1.0], [-1.0, 1.0]];
    let shape = match n {
        0 => return (&DOT, 0.9, 0.0),
        1 => NodeShape::Square,
        2 => NodeShape::Diamond,
        3 => NodeShape::Triangle,
        4 => NodeShape::TriangleDown,
        5 => NodeShape::Hexagon,
        6 => NodeShape::Arrow,
        _ => NodeShape::Octagon,
    };
    unit_polygon(shape)
}

impl MeshBatch {
    pub fn with_capacity(vertices: usize, indices: usize) -> Self {
        let mut mesh = Mesh::default();
        mesh.reserve_vertices(vertices);
        mesh.indices.reserve(indices);
        MeshBatch { mesh }
    }

    pub fn is_empty(&self) -> bool {
        self.mesh.indices.is_empty()
    }

    #[cfg(test)]
    pub fn vertex_count(&self) -> usize {
        self.mesh.vertices.len()
    }

    #[cfg(test)]
    pub fn triangle_count(&self) -> usize {
        self.mesh.indices.len() / 3
    }

    /// A straight line of `width` points as one quad. Thinner than one point, it is drawn one
    /// point wide with proportionally less alpha (what feathering would show anyway).
    pub fn line(&mut self, a: Pos2, b: Pos2, width: f32, color: Color32) {
        let d = b - a;
        let len = (d.x * d.x + d.y * d.y).sqrt();
        if !len.is_finite() || len <= 0.0 {
            return;
        }
        let color = if width < 1.0 {
            color.gamma_multiply(width.max(0.0))
        } else {
            color
        };
        let n = Vec2::new(-d.y, d.x) * (0.5 * width.max(1.0) / len);
        self.quad([a + n, a - n, b + n, b - n], color);
    }

    /// Two triangles `0 1 2` and `1 3 2`, written with one bounds check per buffer (pushing
    /// vertex by vertex cost several times more in the 100k-edge loop).
    fn quad(&mut self, p: [Pos2; 4], color: Color32) {
        let i = self.mesh.vertices.len() as u32;
        let v = |p| Vertex::untextured(p, color);
        self.mesh
            .vertices
            .extend_from_slice(&[v(p[0]), v(p[1]), v(p[2]), v(p[3])]);
        self.mesh
            .indices
            .extend_from_slice(&[i, i + 1, i + 2, i + 1, i + 3, i + 2]);
    }

    pub fn triangle(&mut self, a: Pos2, b: Pos2, c: Pos2, color: Color32) {
        let i = self.mesh.vertices.len() as u32;
        let v = |p| Vertex::untextured(p, color);
        self.mesh.vertices.extend_from_slice(&[v(a), v(b), v(c)]);
        self.mesh.indices.extend_from_slice(&[i, i + 1, i + 2]);
    }

    /// An arrowhead with its tip at `tip`, pointing along the unit vector `dir`.
    pub fn arrowhead(&mut self, tip: Pos2, dir: Vec2, head: f32, color: Color32) {
        let back = tip - dir * head;
        let perp = Vec2::new(-dir.y, dir.x) * head * 0.5;
        self.triangle(tip, back + perp, back - perp, color);
    }

    /// A tiny node: an axis-aligned square of side `2r` (below a few pixels shape is invisible).
    pub fn dot(&mut self, c: Pos2, r: f32, color: Color32) {
        self.quad(
            [
                Pos2::new(c.x - r, c.y - r),
                Pos2::new(c.x + r, c.y - r),
                Pos2::new(c.x - r, c.y + r),
                Pos2::new(c.x + r, c.y + r),
            ],
            color,
        );
    }

    /// A node at medium distance: its kind's outline as a filled fan, no stroke.
    pub fn node(&mut self, shape: NodeShape, c: Pos2, r: f32, color: Color32) {
        let (pts, scale, dy) = unit_polygon(shape);
        let (s, c) = (r * scale, Pos2::new(c.x, c.y + dy * r));
        let i = self.mesh.vertices.len() as u32;
        for p in pts {
            self.mesh
                .colored_vertex(Pos2::new(c.x + p[0] * s, c.y + p[1] * s), color);
        }
        for k in 1..pts.len() as u32 - 1 {
            self.mesh.add_triangle(i, i + k, i + k + 1);
        }
    }
}

/// Meshes handed to epaint in the last frame, taken back once epaint has dropped its reference
/// so their buffers are reused: a fresh multi-megabyte vertex buffer every frame costs thousands
/// of page faults, more than filling it. Each batch has its own slot, so the edge mesh gets the
/// edge mesh's buffer back and never one that was lent a moment ago in the same frame.
#[derive(Clone, Debug, Default)]
pub struct MeshPool {
    lent: Vec<Option<Arc<Mesh>>>,
}

/// Slot of the thin-edge mesh in a [`MeshPool`].
pub const EDGE_SLOT: usize = 0;
/// Slot of the far-node mesh in a [`MeshPool`].
pub const NODE_SLOT: usize = 1;

impl MeshPool {
    /// A batch reusing the buffers last lent from `slot` if nobody else holds them any more.
    pub fn batch(&mut self, slot: usize, vertices: usize, indices: usize) -> MeshBatch {
        let mesh = self
            .lent
            .get_mut(slot)
            .and_then(Option::take)
            .and_then(|m| Arc::try_unwrap(m).ok());
        match mesh {
            Some(mut mesh) => {
                // Not `Mesh::clear`: in epaint 0.37 it drops the vertex buffer.
                mesh.indices.clear();
                mesh.vertices.clear();
                mesh.reserve_vertices(vertices);
                mesh.indices.reserve(indices);
                MeshBatch { mesh }
            }
            None => MeshBatch::with_capacity(vertices, indices),
        }
    }

    /// Add the batch to `painter` (nothing if it is empty), keeping a reference in `slot` to
    /// reuse its buffers next frame; through `gpu`, the custom paint path, when given.
    pub fn paint(
        &mut self,
        painter: &egui::Painter,
        slot: usize,
        batch: MeshBatch,
        gpu: Option<&super::gpu::GpuMeshes>,
    ) {
        let Some(shape) = self.lend(slot, batch) else {
            return;
        };
        match (gpu, shape) {
            (Some(gpu), egui::Shape::Mesh(mesh)) => {
                painter.add(gpu.shape(painter.clip_rect(), mesh));
            }
            (_, shape) => {
                painter.add(shape);
            }
        }
    }

    /// The batch as a shape for the painter (`None` if it is empty), keeping a reference in
    /// `slot` to reuse its buffers next frame.
    pub fn lend(&mut self, slot: usize, batch: MeshBatch) -> Option<egui::Shape> {
        if self.lent.len() <= slot {
            self.lent.resize(slot + 1, None);
        }
        let empty = batch.is_empty();
        let mesh = Arc::new(batch.mesh);
        self.lent[slot] = Some(mesh.clone());
        (!empty).then_some(egui::Shape::Mesh(mesh))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primitives_add_the_expected_geometry() {
        let mut b = MeshBatch::with_capacity(0, 0);
        b.line(Pos2::new(0.0, 0.0), Pos2::new(10.0, 0.0), 2.0, Color32::RED);
        assert_eq!((b.vertex_count(), b.triangle_count()), (4, 2));
        // The quad is `width` wide across the line.
        let ys: Vec<f32> = b.mesh.vertices.iter().map(|v| v.pos.y).collect();
        assert_eq!(ys, vec![1.0, -1.0, 1.0, -1.0]);
        // A zero-length line adds nothing.
        b.line(Pos2::new(3.0, 3.0), Pos2::new(3.0, 3.0), 1.0, Color32::RED);
        assert_eq!(b.vertex_count(), 4);
        b.arrowhead(Pos2::new(10.0, 0.0), Vec2::new(1.0, 0.0), 6.0, Color32::RED);
        b.dot(Pos2::new(5.0, 5.0), 2.0, Color32::BLUE);
        b.node(NodeShape::Hexagon, Pos2::new(5.0, 5.0), 4.0, Color32::BLUE);
        assert_eq!(
            (b.vertex_count(), b.triangle_count()),
            (4 + 3 + 4 + 6, 2 + 1 + 2 + 4)
        );
        assert!(b.mesh.is_valid());
    }

    #[test]
    fn pool_reuses_a_buffer_once_epaint_dropped_it() {
        let mut pool = MeshPool::default();
        let mut b = pool.batch(EDGE_SLOT, 100, 150);
        b.dot(Pos2::ZERO, 1.0, Color32::RED);
        let shape = pool.lend(EDGE_SLOT, b);
        assert!(shape.is_some());
        drop(shape);
        // Epaint dropped it: the buffer comes back empty but with its capacity.
        let reused = pool.batch(EDGE_SLOT, 0, 0);
        assert!(reused.is_empty());
        assert!(reused.mesh.vertices.capacity() >= 100);
        // Still held by the painter: a new buffer instead.
        let mut again = reused;
        again.dot(Pos2::ZERO, 1.0, Color32::RED);
        let _held = pool.lend(EDGE_SLOT, again);
        let fresh = pool.batch(EDGE_SLOT, 0, 0);
        assert_eq!(fresh.mesh.vertices.capacity(), 0);
        // Another slot never takes this slot's buffer, even when it is free.
        let mut big = pool.batch(EDGE_SLOT, 1000, 1500);
        big.dot(Pos2::ZERO, 1.0, Color32::RED);
        drop(pool.lend(EDGE_SLOT, big));
        assert_eq!(pool.batch(NODE_SLOT, 0, 0).mesh.vertices.capacity(), 0);
        // An empty batch draws nothing but its buffer is kept.
        let empty = pool.batch(EDGE_SLOT, 0, 0);
        assert!(pool.lend(EDGE_SLOT, empty).is_none());
        assert!(pool.batch(EDGE_SLOT, 0, 0).mesh.vertices.capacity() >= 1000);
    }

    #[test]
    fn thin_lines_fade_instead_of_vanishing() {
        let mut b = MeshBatch::with_capacity(0, 0);
        b.line(Pos2::ZERO, Pos2::new(0.0, 5.0), 0.5, Color32::WHITE);
        let v = b.mesh.vertices[0];
        assert!(v.color.a() < 255 && v.color.a() > 0);
        assert!((v.pos.x.abs() - 0.5).abs() < 1e-6);
    }
}
