//! A Barnes–Hut quadtree over Morton-sorted bodies, walked once per leaf group.
//!
//! Bodies are sorted by Z-order so every cell is a contiguous range and cells are stored in
//! pre-order with a "skip" index, which makes the walk stackless and cache-friendly. Instead of
//! one walk per body, each leaf (up to `LEAF` bodies) walks the tree once with its bounding box;
//! the inner loops then run over the leaf's bodies, which the compiler vectorises. The result
//! for each body depends only on the positions, never on the thread that computed it, so the
//! forces are identical for any number of threads.

use rayon::prelude::*;

/// Bodies per leaf: larger leaves mean fewer walks but more direct interactions.
const LEAF: usize = 16;
/// Morton code bits per axis.
const BITS: u32 = 16;
/// Below this squared distance two distinct bodies count as coincident.
const COINCIDENT2: f32 = 1e-10;

#[derive(Clone, Copy, Debug)]
struct Cell {
    mx: f32,
    my: f32,
    mass: f32,
    /// Side of the tight bounding box of the cell's bodies.
    size: f32,
    start: u32,
    end: u32,
    /// Pre-order index of the next cell that is not inside this one.
    skip: u32,
    leaf: bool,
}

/// A tree over bodies `(x, y, mass)`; `order[k]` is the caller's index of sorted body `k`.
#[derive(Clone, Debug, Default)]
pub struct QuadTree {
    order: Vec<u32>,
    x: Vec<f32>,
    y: Vec<f32>,
    m: Vec<f32>,
    cells: Vec<Cell>,
    leaves: Vec<u32>,
}

fn spread(v: u32) -> u64 {
    // Interleave the low 16 bits of v with zeros.
    let mut x = v as u64 & 0xFFFF;
    x = (x | (x << 8)) & 0x00FF_00FF;
    x = (x | (x << 4)) & 0x0F0F_0F0F;
    x = (x | (x << 2)) & 0x3333_3333;
    x = (x | (x << 1)) & 0x5555_5555;
    x
}

impl QuadTree {
    /// Build over the bodies `ids[k]` at `(xs[k], ys[k])` with mass `ms[k]`.
    pub fn build(ids: &[u32], xs: &[f32], ys: &[f32], ms: &[f32]) -> Self {
        let n = ids.len();
        let mut t = QuadTree::default();
        if n == 0 {
            return t;
        }
        let (mut lx, mut ly, mut hx, mut hy) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for k in 0..n {
            lx = lx.min(xs[k]);
            ly = ly.min(ys[k]);
            hx = hx.max(xs[k]);
            hy = hy.max(ys[k]);
        }
        let span = (hx - lx).max(hy - ly).max(1e-6);
        let scale = ((1u32 << BITS) - 1) as f32 / span;
        let mut keys: Vec<u64> = (0..n)
            .map(|k| {
                let qx = ((xs[k] - lx) * scale) as u32;
                let qy = ((ys[k] - ly) * scale) as u32;
                ((spread(qx) | (spread(qy) << 1)) << 32) | k as u64
            })
            .collect();
        radix_sort(&mut keys);
        t.order = keys
            .iter()
            .map(|&k| ids[(k & 0xFFFF_FFFF) as usize])
            .collect();
        let local = |k: u64| (k & 0xFFFF_FFFF) as usize;
        t.x = keys.iter().map(|&k| xs[local(k)]).collect();
        t.y = keys.iter().map(|&k| ys[local(k)]).collect();
        t.m = keys.iter().map(|&k| ms[local(k)]).collect();
        let codes: Vec<u32> = keys.iter().map(|&k| (k >> 32) as u32).collect();
        t.cells.reserve(n / 4 + 16);
        t.build_cell(&codes, 0, n, 2 * BITS);
        t
    }

    /// Build the cell over sorted bodies `start..end` whose codes agree above bit `level`.
    fn build_cell(&mut self, codes: &[u32], start: usize, end: usize, level: u32) -> u32 {
        let me = self.cells.len() as u32;
        let (mut mass, mut mx, mut my) = (0.0f64, 0.0f64, 0.0f64);
        let (mut lx, mut ly, mut hx, mut hy) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for k in start..end {
            let (x, y, m) = (self.x[k], self.y[k], self.m[k]);
            mass += m as f64;
            mx += (x * m) as f64;
            my += (y * m) as f64;
            lx = lx.min(x);
            ly = ly.min(y);
            hx = hx.max(x);
            hy = hy.max(y);
        }
        let (cx, cy) = if mass > 0.0 {
            ((mx / mass) as f32, (my / mass) as f32)
        } else {
            ((lx + hx) * 0.5, (ly + hy) * 0.5)
        };
        let leaf = end - start <= LEAF || level == 0;
        self.cells.push(Cell {
            mx: cx,
            my: cy,
            mass: mass as f32,
            size: (hx - lx).max(hy - ly),
            start: start as u32,
            end: end as u32,
            skip: 0,
            leaf,
        });
        if leaf {
            self.leaves.push(me);
        } else {
            let shift = level - 2;
            let mut lo = start;
            for q in 0..4u32 {
                let hi = lo + codes[lo..end].partition_point(|c| (c >> shift) & 3 <= q);
                if hi > lo {
                    self.build_cell(codes, lo, hi, shift);
                }
                lo = hi;
            }
        }
        self.cells[me as usize].skip = self.cells.len() as u32;
        me
    }

    /// Repulsion `Σ_j m_j (p_i - p_j) / |p_i - p_j|²` on every body, as `(caller index, force)`
    /// pairs in tree order. A cell acts as one mass when `size < theta · distance`, the distance
    /// being measured to the bounding box of the leaf asking. `min_d2` bounds the force between
    /// very close bodies; coincident bodies push each other apart in a fixed direction.
    pub fn repulsion(&self, theta: f32, min_d2: f32) -> Vec<(u32, [f32; 2])> {
        let forces: Vec<[f32; 2]> = self
            .leaves
            .par_iter()
            .with_min_len(8)
            .flat_map_iter(|&leaf| {
                let c = self.cells[leaf as usize];
                // A leaf at the deepest level may hold more than LEAF (near-)coincident bodies.
                (c.start as usize..c.end as usize)
                    .step_by(LEAF)
                    .flat_map(move |s| {
                        self.group_forces_fastest(s, (s + LEAF).min(c.end as usize), theta, min_d2)
                    })
            })
            .collect();
        self.order.iter().copied().zip(forces).collect()
    }

    /// `group_forces` compiled for the widest vector unit this CPU has. Every path does the
    /// same IEEE operations lane by lane (Rust never fuses a multiply and an add on its own), so
    /// the forces are bit-identical whichever runs.
    fn group_forces_fastest(&self, s: usize, e: usize, theta: f32, min_d2: f32) -> Vec<[f32; 2]> {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f") {
                // SAFETY: the CPU has AVX-512F, checked just above.
                return unsafe { self.group_forces_avx512(s, e, theta, min_d2) };
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2, checked just above.
                return unsafe { self.group_forces_avx2(s, e, theta, min_d2) };
            }
        }
        self.group_forces(s, e, theta, min_d2)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    fn group_forces_avx512(&self, s: usize, e: usize, theta: f32, min_d2: f32) -> Vec<[f32; 2]> {
        self.group_forces(s, e, theta, min_d2)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn group_forces_avx2(&self, s: usize, e: usize, theta: f32, min_d2: f32) -> Vec<[f32; 2]> {
        self.group_forces(s, e, theta, min_d2)
    }

    /// Forces on the sorted bodies `s..e` (at most `LEAF`, all in one leaf).
    ///
    /// The group is padded to exactly `LEAF` bodies (copies of its first body, whose results
    /// are dropped) so every inner loop has a fixed length and no branch, and vectorises.
    #[inline(always)]
    fn group_forces(&self, s: usize, e: usize, theta: f32, min_d2: f32) -> Vec<[f32; 2]> {
        let len = e - s;
        let mut gx = [self.x[s]; LEAF];
        let mut gy = [self.y[s]; LEAF];
        gx[..len].copy_from_slice(&self.x[s..e]);
        gy[..len].copy_from_slice(&self.y[s..e]);
        let (mut lx, mut ly, mut hx, mut hy) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for k in 0..LEAF {
            lx = lx.min(gx[k]);
            ly = ly.min(gy[k]);
            hx = hx.max(gx[k]);
            hy = hy.max(gy[k]);
        }
        let mut fx = [0.0f32; LEAF];
        let mut fy = [0.0f32; LEAF];
        let mut i = 0usize;
        while i < self.cells.len() {
            let c = &self.cells[i];
            let overlaps = (c.start as usize) < e && s < c.end as usize;
            if !overlaps {
                let dx = (lx - c.mx).max(0.0).max(c.mx - hx);
                let dy = (ly - c.my).max(0.0).max(c.my - hy);
                let d2 = dx * dx + dy * dy;
                // Oversized deepest-level leaves are (near-)coincident bodies: one mass. Only
                // leaves: an inner cell with many bodies must still be opened, or theta = 0
                // would not give the exact sum.
                let crowded_leaf = c.leaf && (c.end - c.start) as usize > 4 * LEAF;
                if c.size * c.size < theta * theta * d2 || crowded_leaf {
                    let (cx, cy, cm) = (c.mx, c.my, c.mass);
                    for k in 0..LEAF {
                        let ddx = gx[k] - cx;
                        let ddy = gy[k] - cy;
                        let inv = cm / at_least(ddx * ddx + ddy * ddy, min_d2);
                        fx[k] += ddx * inv;
                        fy[k] += ddy * inv;
                    }
                    i = c.skip as usize;
                    continue;
                }
            }
            if c.leaf {
                for j in c.start as usize..c.end as usize {
                    let (xj, yj, mj) = (self.x[j], self.y[j], self.m[j]);
                    if (s..e).contains(&j) {
                        self.own_group_force(s, len, j, &mut fx, &mut fy, min_d2);
                        continue;
                    }
                    // A twin outside the group is pushed away by sorted index: one direction
                    // for the whole group, so the loop stays branch-free.
                    let sign = if j < s { 0.01 } else { -0.01 };
                    for k in 0..LEAF {
                        let ddx = gx[k] - xj;
                        let ddy = gy[k] - yj;
                        let d2 = ddx * ddx + ddy * ddy;
                        let twin = d2 < COINCIDENT2;
                        let ddx = if twin { sign } else { ddx };
                        let ddy = if twin { sign * 0.5 } else { ddy };
                        let inv = mj / at_least(d2, min_d2);
                        fx[k] += ddx * inv;
                        fy[k] += ddy * inv;
                    }
                }
                i = c.skip as usize;
            } else {
                i += 1;
            }
        }
        (0..len).map(|k| [fx[k], fy[k]]).collect()
    }

    /// Force of body `j`, one of the group's own, on the group's `len` bodies.
    fn own_group_force(
        &self,
        s: usize,
        len: usize,
        j: usize,
        fx: &mut [f32; LEAF],
        fy: &mut [f32; LEAF],
        min_d2: f32,
    ) {
        let (xj, yj, mj) = (self.x[j], self.y[j], self.m[j]);
        for k in 0..len {
            let mut ddx = self.x[s + k] - xj;
            let mut ddy = self.y[s + k] - yj;
            let d2 = ddx * ddx + ddy * ddy;
            if d2 < COINCIDENT2 {
                // Itself (no force) or a twin: push apart by sorted index.
                let sign = match (s + k).cmp(&j) {
                    std::cmp::Ordering::Less => -0.01,
                    std::cmp::Ordering::Equal => 0.0,
                    std::cmp::Ordering::Greater => 0.01,
                };
                ddx = sign;
                ddy = sign * 0.5;
            }
            let inv = mj / d2.max(min_d2);
            fx[k] += ddx * inv;
            fy[k] += ddy * inv;
        }
    }
}

/// `x.max(lo)` for the forces' squared distances, written as a plain compare so it compiles to
/// one vector max without NaN fix-ups (a NaN gives `lo`, as `f32::max` does).
#[inline(always)]
fn at_least(x: f32, lo: f32) -> f32 {
    if x > lo { x } else { lo }
}

/// LSD radix sort of u64 keys on their upper 32 bits (Morton code) and lower (index) bits.
fn radix_sort(keys: &mut Vec<u64>) {
    // The low 32 bits hold unique indices already in ascending order, so sorting stably by
    // the high 32 bits gives the full order.
    let mut tmp = vec![0u64; keys.len()];
    for pass in 0..4 {
        let shift = 32 + pass * 8;
        let mut count = [0usize; 257];
        for &k in keys.iter() {
            count[((k >> shift) & 0xFF) as usize + 1] += 1;
        }
        if count[1..].contains(&keys.len()) {
            continue;
        }
        for b in 0..256 {
            count[b + 1] += count[b];
        }
        for &k in keys.iter() {
            let b = ((k >> shift) & 0xFF) as usize;
            tmp[count[b]] = k;
            count[b] += 1;
        }
        std::mem::swap(keys, &mut tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_exact_sum_when_theta_is_zero() {
        let mut rng = crate::layout::SplitMix64(3);
        let n = 300;
        let xs: Vec<f32> = (0..n).map(|_| rng.next_f32() * 100.0).collect();
        let ys: Vec<f32> = (0..n).map(|_| rng.next_f32() * 100.0).collect();
        let ms: Vec<f32> = (0..n).map(|i| 1.0 + (i % 5) as f32).collect();
        let ids: Vec<u32> = (0..n as u32).collect();
        let t = QuadTree::build(&ids, &xs, &ys, &ms);
        let got = t.repulsion(0.0, 1e-6);
        assert_eq!(got.len(), n);
        for (i, f) in got {
            let i = i as usize;
            let (mut ex, mut ey) = (0.0f32, 0.0f32);
            for j in 0..n {
                if j != i {
                    let (dx, dy) = (xs[i] - xs[j], ys[i] - ys[j]);
                    let d2 = dx * dx + dy * dy;
                    ex += dx * ms[j] / d2;
                    ey += dy * ms[j] / d2;
                }
            }
            let err = ((f[0] - ex).powi(2) + (f[1] - ey).powi(2)).sqrt();
            assert!(
                err <= 1e-3 * (ex.hypot(ey) + 1.0),
                "{i}: {f:?} vs {ex},{ey}"
            );
        }
    }

    #[test]
    fn approximation_is_close_at_gephi_theta() {
        let mut rng = crate::layout::SplitMix64(9);
        let n = 2000;
        let xs: Vec<f32> = (0..n).map(|_| rng.next_f32() * 1000.0).collect();
        let ys: Vec<f32> = (0..n).map(|_| rng.next_f32() * 1000.0).collect();
        let ms = vec![1.0; n];
        let ids: Vec<u32> = (0..n as u32).collect();
        let exact = QuadTree::build(&ids, &xs, &ys, &ms).repulsion(0.0, 1e-6);
        let approx = QuadTree::build(&ids, &xs, &ys, &ms).repulsion(1.2, 1e-6);
        let (mut err, mut norm) = (0.0f64, 0.0f64);
        for ((_, a), (_, b)) in exact.iter().zip(&approx) {
            err += ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)) as f64;
            norm += (a[0].powi(2) + a[1].powi(2)) as f64;
        }
        assert!(
            (err / norm).sqrt() < 0.1,
            "relative error {}",
            (err / norm).sqrt()
        );
    }
}
