//! A Barnes–Hut quadtree: approximates the repulsion of far groups of nodes by their centre of
//! mass, making one layout step O(n log n) instead of O(n²).

const MAX_DEPTH: u32 = 24;
const NONE: u32 = u32::MAX;

#[derive(Clone, Debug)]
struct Cell {
    cx: f32,
    cy: f32,
    half: f32,
    mass: f32,
    mx: f32,
    my: f32,
    /// Index of the first of four children, or `NONE` for a leaf.
    children: u32,
    /// For a leaf: the single body it holds, or `NONE`.
    body: u32,
}

impl Cell {
    fn new(cx: f32, cy: f32, half: f32) -> Self {
        Cell {
            cx,
            cy,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            children: NONE,
            body: NONE,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    /// Build over the bodies `(index, x, y, mass)`.
    pub fn build(bodies: &[(u32, f32, f32, f32)]) -> Self {
        let mut tree = QuadTree { cells: Vec::new() };
        if bodies.is_empty() {
            return tree;
        }
        let (mut lo_x, mut lo_y, mut hi_x, mut hi_y) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for &(_, x, y, _) in bodies {
            lo_x = lo_x.min(x);
            lo_y = lo_y.min(y);
            hi_x = hi_x.max(x);
            hi_y = hi_y.max(y);
        }
        let half = ((hi_x - lo_x).max(hi_y - lo_y) * 0.5).max(1e-3) * 1.001;
        tree.cells
            .push(Cell::new((lo_x + hi_x) * 0.5, (lo_y + hi_y) * 0.5, half));
        tree.cells.reserve(bodies.len() * 2);
        for &(i, x, y, m) in bodies {
            tree.insert(0, i, x, y, m, 0);
        }
        tree
    }

    fn insert(&mut self, mut cell: usize, body: u32, x: f32, y: f32, m: f32, mut depth: u32) {
        loop {
            let c = &mut self.cells[cell];
            if c.children == NONE && c.mass == 0.0 {
                c.body = body;
                c.mass = m;
                c.mx = x;
                c.my = y;
                return;
            }
            // The resident of a one-body leaf, read before its centre of mass changes.
            let resident =
                (c.children == NONE && c.body != NONE).then_some((c.body, c.mx, c.my, c.mass));
            let total = c.mass + m;
            c.mx = (c.mx * c.mass + x * m) / total;
            c.my = (c.my * c.mass + y * m) / total;
            c.mass = total;
            if c.children == NONE {
                if depth >= MAX_DEPTH {
                    // Coincident points: keep them aggregated in this leaf.
                    return;
                }
                c.body = NONE;
                let (cx, cy, h) = (c.cx, c.cy, c.half * 0.5);
                let first = self.cells.len() as u32;
                self.cells[cell].children = first;
                for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
                    self.cells.push(Cell::new(cx + dx * h, cy + dy * h, h));
                }
                if let Some((rb, rx, ry, rm)) = resident {
                    let q = self.quadrant(cell, rx, ry);
                    self.place_leaf(q, rb, rx, ry, rm);
                }
            }
            cell = self.quadrant(cell, x, y);
            depth += 1;
        }
    }

    fn place_leaf(&mut self, cell: usize, body: u32, x: f32, y: f32, m: f32) {
        let c = &mut self.cells[cell];
        c.body = body;
        c.mass = m;
        c.mx = x;
        c.my = y;
    }

    fn quadrant(&self, cell: usize, x: f32, y: f32) -> usize {
        let c = &self.cells[cell];
        let mut q = 0;
        if x >= c.cx {
            q += 1;
        }
        if y >= c.cy {
            q += 2;
        }
        (c.children + q) as usize
    }

    /// Sum of `f(dx, dy, dist², mass)` over approximate masses seen from `(x, y)`, skipping `me`.
    /// A cell is used as a whole when `size / dist < theta`.
    pub fn accumulate(
        &self,
        me: u32,
        x: f32,
        y: f32,
        theta: f32,
        mut f: impl FnMut(f32, f32, f32, f32),
    ) {
        if self.cells.is_empty() {
            return;
        }
        let theta2 = theta * theta;
        let mut stack: Vec<u32> = Vec::with_capacity(64);
        stack.push(0);
        while let Some(ci) = stack.pop() {
            let c = &self.cells[ci as usize];
            if c.mass == 0.0 {
                continue;
            }
            let dx = x - c.mx;
            let dy = y - c.my;
            let d2 = dx * dx + dy * dy;
            if c.children == NONE {
                if c.body == me {
                    continue;
                }
                f(dx, dy, d2, c.mass);
            } else {
                let size = c.half * 2.0;
                if size * size < theta2 * d2 {
                    f(dx, dy, d2, c.mass);
                } else {
                    for k in 0..4 {
                        stack.push(c.children + k);
                    }
                }
            }
        }
    }
}
