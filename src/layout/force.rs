//! ForceAtlas2 (Jacomy et al. 2014) with Barnes–Hut repulsion and Gephi's adaptive speed.
//!
//! Repulsion between nodes is proportional to `(deg+1)(deg'+1) / d` (degree-weighted), attraction
//! along edges to `d` (or `log(1+d)` in LinLog mode), gravity pulls every node towards the origin.
//! One `step` costs O(n log n + m); repulsion runs on rayon's pool and gives the same result for
//! any number of threads. Pinned and inactive nodes do not move but still repel.

use super::quadtree::QuadTree;
use super::{LayoutGraph, Positions, SplitMix64};
use rayon::prelude::*;

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
    /// When set, only these nodes move (incremental layout after a local change).
    mobile: Option<Vec<bool>>,
    /// How many times the speed adaptation was reset (lets a copy tell whether it saw a reset).
    resets: u64,
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
            mobile: None,
            resets: 0,
        }
    }

    /// Forget speed adaptation, e.g. after the graph changed a lot.
    pub fn reset_speed(&mut self) {
        self.speed = 1.0;
        self.speed_efficiency = 1.0;
        self.old_force.clear();
        self.last_motion = f32::INFINITY;
        self.resets += 1;
    }

    /// How many times `reset_speed` ran on this layout's history.
    pub fn resets(&self) -> u64 {
        self.resets
    }

    /// Restrict motion to `mask` (true = may move), or lift the restriction with `None`.
    /// Used for incremental layout: after an edit only the affected neighbourhood moves.
    pub fn set_mobile(&mut self, mask: Option<Vec<bool>>) {
        self.mobile = mask;
        self.reset_speed();
    }

    /// The mobile mask, if motion is restricted.
    pub fn mobile(&self) -> Option<&[bool]> {
        self.mobile.as_deref()
    }

    /// How many active nodes the mobile mask lets move (all active nodes without a mask).
    pub fn mobile_count(&self, g: &LayoutGraph) -> usize {
        (0..g.len())
            .filter(|&i| {
                g.active[i]
                    && self
                        .mobile
                        .as_ref()
                        .is_none_or(|m| m.get(i).copied().unwrap_or(false))
            })
            .count()
    }

    /// One iteration: compute forces, adapt speed, move the nodes.
    pub fn step(&mut self, pos: &mut Positions, g: &LayoutGraph) {
        let mass: Vec<f32> = g.degree.iter().map(|&d| d as f32 + 1.0).collect();
        self.step_with_mass(pos, g, &mass);
    }

    /// `step` with explicit node masses (the multilevel start uses merged masses).
    pub(crate) fn step_with_mass(&mut self, pos: &mut Positions, g: &LayoutGraph, mass: &[f32]) {
        let n = pos.len().min(g.len()).min(mass.len());
        if n == 0 {
            return;
        }
        let p = self.params.clone();
        if self.old_force.len() != n {
            self.old_force = vec![[0.0, 0.0]; n];
        }
        let mobile = self.mobile.take();
        let can_move: Vec<bool> = (0..n)
            .map(|i| {
                g.active[i]
                    && !pos.pinned.get(i).copied().unwrap_or(false)
                    && mobile
                        .as_ref()
                        .is_none_or(|m| m.get(i).copied().unwrap_or(false))
            })
            .collect();
        let movable = |i: usize| can_move[i];
        let ids: Vec<u32> = (0..n as u32).filter(|&i| g.active[i as usize]).collect();
        let count = ids.len().max(1) as f32;
        self.unstack(pos, &ids, &movable);

        // Repulsion (Barnes–Hut). Every active node repels, pinned ones included.
        let xs: Vec<f32> = ids.iter().map(|&i| pos.xy[i as usize][0]).collect();
        let ys: Vec<f32> = ids.iter().map(|&i| pos.xy[i as usize][1]).collect();
        let ms: Vec<f32> = ids.iter().map(|&i| mass[i as usize]).collect();
        let tree = QuadTree::build(&ids, &xs, &ys, &ms);
        self.force.clear();
        self.force.resize(n, [0.0, 0.0]);
        for (i, f) in tree.repulsion(p.theta, 0.01) {
            let k = p.scaling * mass[i as usize];
            self.force[i as usize] = [f[0] * k, f[1] * k];
        }

        // Gravity towards the origin.
        for &i in &ids {
            let i = i as usize;
            let [x, y] = pos.xy[i];
            let d = (x * x + y * y).sqrt();
            if d > 0.0 {
                let k = if p.strong_gravity {
                    p.gravity * mass[i]
                } else {
                    p.gravity * mass[i] / d
                };
                self.force[i][0] -= x * k;
                self.force[i][1] -= y * k;
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
        let (mut swinging, mut traction) = (0.0f64, 0.0f64);
        for i in (0..n).filter(|&i| movable(i)) {
            let (f, o) = (self.force[i], self.old_force[i]);
            let m = mass[i] as f64;
            swinging += m * (((f[0] - o[0]).powi(2) + (f[1] - o[1]).powi(2)).sqrt() as f64);
            traction += m * 0.5 * (((f[0] + o[0]).powi(2) + (f[1] + o[1]).powi(2)).sqrt() as f64);
        }
        let (swinging, traction) = (swinging as f32, traction as f32);
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

        // Move (per node, independent: parallel and deterministic).
        let speed = self.speed;
        let max_step = 10.0 * (count.sqrt() + 10.0);
        let (force, old) = (&self.force, &self.old_force);
        let moves: Vec<Option<[f32; 2]>> = (0..n)
            .into_par_iter()
            .with_min_len(4096)
            .map(|i| {
                if !movable(i) {
                    return None;
                }
                let (f, o) = (force[i], old[i]);
                let sw = mass[i] * ((f[0] - o[0]).powi(2) + (f[1] - o[1]).powi(2)).sqrt();
                let mut factor = speed / (1.0 + (speed * sw).sqrt());
                // Never let one node jump across the whole layout in a step.
                let fl = (f[0] * f[0] + f[1] * f[1]).sqrt();
                if fl * factor > max_step {
                    factor = max_step / fl;
                }
                let d = [f[0] * factor, f[1] * factor];
                (d[0].is_finite() && d[1].is_finite()).then_some(d)
            })
            .collect();
        let mut moved = 0.0f64;
        let mut moving = 0usize;
        for (i, d) in moves.into_iter().enumerate() {
            if let Some([dx, dy]) = d {
                pos.xy[i][0] += dx;
                pos.xy[i][1] += dy;
                moved += ((dx * dx + dy * dy).sqrt()) as f64;
                moving += 1;
            }
        }
        std::mem::swap(&mut self.force, &mut self.old_force);
        self.mobile = mobile;
        self.iterations += 1;
        let extent = pos
            .bounds(|i| i < n && g.active[i])
            .map(|(lo, hi)| (hi[0] - lo[0]).max(hi[1] - lo[1]))
            .unwrap_or(1.0)
            .max(1e-3);
        self.last_motion = if moving == 0 {
            0.0
        } else {
            (moved / moving as f64) as f32 / extent
        };
    }

    /// When every active node sits on one point no force can separate them: scatter the movable
    /// ones (seeded) so the layout can start.
    fn unstack(&self, pos: &mut Positions, ids: &[u32], movable: &impl Fn(usize) -> bool) {
        if ids.len() < 2 {
            return;
        }
        let first = pos.xy[ids[0] as usize];
        let spread = ids.iter().any(|&i| {
            let p = pos.xy[i as usize];
            (p[0] - first[0]).abs().max((p[1] - first[1]).abs()) > 1e-3
        });
        if spread {
            return;
        }
        let mut rng = SplitMix64(self.params.seed ^ self.iterations);
        let r = (ids.len() as f32).sqrt();
        for &i in ids {
            let i = i as usize;
            if movable(i) {
                pos.xy[i][0] += (rng.next_f32() - 0.5) * r;
                pos.xy[i][1] += (rng.next_f32() - 0.5) * r;
            }
        }
    }

    /// Whether the layout has visibly stopped moving.
    pub fn settled(&self) -> bool {
        self.iterations >= 300 && self.last_motion < 5e-5
    }
}
