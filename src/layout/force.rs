//! ForceAtlas2 (Jacomy et al. 2014) with Barnes–Hut repulsion and Gephi's adaptive speed.
//!
//! Repulsion between nodes is proportional to `(deg+1)(deg'+1) / d`, attraction along edges to
//! `d` (or `log(1+d)` in LinLog mode), gravity pulls every node towards the origin. One `step`
//! costs O(n log n + m). Pinned and inactive nodes do not move but still repel.

use super::quadtree::QuadTree;
use super::{LayoutGraph, Positions};

#[derive(Clone, Debug, PartialEq)]
pub struct ForceParams {
    /// Repulsion strength (Gephi's "scaling").
    pub scaling: f32,
    pub gravity: f32,
    /// Gephi's "strong gravity": gravity grows with distance instead of being constant.
    pub strong_gravity: bool,
    pub lin_log: bool,
    /// Barnes–Hut accuracy: larger is faster and coarser.
    pub theta: f32,
    /// Gephi's "tolerance (speed)".
    pub jitter_tolerance: f32,
    pub seed: u64,
}

impl Default for ForceParams {
    fn default() -> Self {
        ForceParams {
            scaling: 10.0,
            gravity: 0.05,
            strong_gravity: true,
            lin_log: false,
            theta: 1.2,
            jitter_tolerance: 1.0,
            seed: 42,
        }
    }
}

/// The running state of a ForceAtlas2 layout (speed adaptation and previous forces).
#[derive(Clone, Debug)]
pub struct ForceLayout {
    pub params: ForceParams,
    speed: f32,
    speed_efficiency: f32,
    old_force: Vec<[f32; 2]>,
    force: Vec<[f32; 2]>,
    pub iterations: u64,
    /// Mean displacement of movable nodes in the last step, relative to the layout's extent.
    pub last_motion: f32,
}

impl ForceLayout {
    pub fn new(params: ForceParams) -> Self {
        ForceLayout {
            params,
            speed: 1.0,
            speed_efficiency: 1.0,
            old_force: Vec::new(),
            force: Vec::new(),
            iterations: 0,
            last_motion: f32::INFINITY,
        }
    }

    /// Forget speed adaptation, e.g. after the graph changed a lot.
    pub fn reset_speed(&mut self) {
        self.speed = 1.0;
        self.speed_efficiency = 1.0;
        self.old_force.clear();
        self.last_motion = f32::INFINITY;
    }

    /// One iteration: compute forces, adapt speed, move the nodes.
    pub fn step(&mut self, pos: &mut Positions, g: &LayoutGraph) {
        let n = pos.len().min(g.len());
        if n == 0 {
            return;
        }
        let p = &self.params;
        let mass = |i: usize| g.degree[i] as f32 + 1.0;
        self.force.clear();
        self.force.resize(n, [0.0, 0.0]);
        if self.old_force.len() != n {
            self.old_force = vec![[0.0, 0.0]; n];
        }

        // Repulsion (Barnes–Hut). Every active node repels, pinned ones included.
        let bodies: Vec<(u32, f32, f32, f32)> = (0..n)
            .filter(|&i| g.active[i])
            .map(|i| (i as u32, pos.xy[i][0], pos.xy[i][1], mass(i)))
            .collect();
        let tree = QuadTree::build(&bodies);
        let kr = p.scaling;
        for &(i, x, y, mi) in &bodies {
            let mut f = [0.0f32, 0.0f32];
            tree.accumulate(i, x, y, p.theta, |dx, dy, d2, mj| {
                // Coincident bodies get a tiny deterministic nudge instead of a division by zero.
                let d2 = d2.max(0.01);
                let k = kr * mi * mj / d2;
                f[0] += dx * k;
                f[1] += dy * k;
            });
            self.force[i as usize] = f;
        }

        // Gravity towards the origin.
        for &(i, x, y, mi) in &bodies {
            let d = (x * x + y * y).sqrt();
            if d > 0.0 {
                let k = if p.strong_gravity {
                    p.gravity * mi
                } else {
                    p.gravity * mi / d
                };
                let f = &mut self.force[i as usize];
                f[0] -= x * k;
                f[1] -= y * k;
            }
        }

        // Attraction along edges.
        for &(a, b, w) in &g.edges {
            let (a, b) = (a as usize, b as usize);
            if a >= n || b >= n {
                continue;
            }
            let dx = pos.xy[a][0] - pos.xy[b][0];
            let dy = pos.xy[a][1] - pos.xy[b][1];
            let k = if p.lin_log {
                let d = (dx * dx + dy * dy).sqrt();
                if d > 0.0 { w * (1.0 + d).ln() / d } else { 0.0 }
            } else {
                w
            };
            self.force[a][0] -= dx * k;
            self.force[a][1] -= dy * k;
            self.force[b][0] += dx * k;
            self.force[b][1] += dy * k;
        }

        // Gephi's adaptive speed: swinging (oscillation) versus traction (useful motion).
        let movable = |i: usize| g.active[i] && !pos.pinned.get(i).copied().unwrap_or(false);
        let (mut swinging, mut traction) = (0.0f32, 0.0f32);
        for i in (0..n).filter(|&i| movable(i)) {
            let (f, o) = (self.force[i], self.old_force[i]);
            let m = mass(i);
            swinging += m * ((f[0] - o[0]).powi(2) + (f[1] - o[1]).powi(2)).sqrt();
            traction += m * 0.5 * ((f[0] + o[0]).powi(2) + (f[1] + o[1]).powi(2)).sqrt();
        }
        let count = bodies.len().max(1) as f32;
        let estimated_jt = 0.05 * count.sqrt();
        let min_jt = estimated_jt.sqrt();
        let max_jt: f32 = 10.0;
        let mut jt =
            p.jitter_tolerance * min_jt.max(max_jt.min(estimated_jt * traction / (count * count)));
        let min_efficiency = 0.05;
        if traction > 0.0 && swinging / traction > 2.0 {
            if self.speed_efficiency > min_efficiency {
                self.speed_efficiency *= 0.5;
            }
            jt = jt.max(p.jitter_tolerance);
        }
        let target = if swinging > 0.0 {
            jt * self.speed_efficiency * traction / swinging
        } else {
            self.speed
        };
        if swinging > jt * traction {
            if self.speed_efficiency > min_efficiency {
                self.speed_efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            self.speed_efficiency *= 1.3;
        }
        let max_rise = 0.5;
        self.speed += (target - self.speed).min(max_rise * self.speed);
        if !self.speed.is_finite() || self.speed <= 0.0 {
            self.speed = 1.0;
        }

        // Move.
        let mut moved = 0.0f32;
        let mut moving = 0usize;
        for i in (0..n).filter(|&i| movable(i)) {
            let f = self.force[i];
            let o = self.old_force[i];
            let sw = mass(i) * ((f[0] - o[0]).powi(2) + (f[1] - o[1]).powi(2)).sqrt();
            let mut factor = self.speed / (1.0 + (self.speed * sw).sqrt());
            // Never let one node jump across the whole layout in a step.
            let fl = (f[0] * f[0] + f[1] * f[1]).sqrt();
            if fl * factor > 10.0 * (count.sqrt() + 10.0) {
                factor = 10.0 * (count.sqrt() + 10.0) / fl;
            }
            let (dx, dy) = (f[0] * factor, f[1] * factor);
            if dx.is_finite() && dy.is_finite() {
                pos.xy[i][0] += dx;
                pos.xy[i][1] += dy;
                moved += (dx * dx + dy * dy).sqrt();
                moving += 1;
            }
        }
        std::mem::swap(&mut self.force, &mut self.old_force);
        self.iterations += 1;
        let extent = pos
            .bounds(|i| i < n && g.active[i])
            .map(|(lo, hi)| (hi[0] - lo[0]).max(hi[1] - lo[1]))
            .unwrap_or(1.0)
            .max(1e-3);
        self.last_motion = if moving == 0 {
            0.0
        } else {
            moved / moving as f32 / extent
        };
    }

    /// Whether the layout has visibly stopped moving.
    pub fn settled(&self) -> bool {
        self.iterations >= 300 && self.last_motion < 5e-5
    }
}
