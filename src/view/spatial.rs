//! A uniform grid over points, for hit-testing without scanning every node.
//!
//! Built once with a counting sort (O(n)); a query visits only the cells that overlap its box.
//! The canvas keeps one in world coordinates and rebuilds it only when the positions or the
//! visible set change, so hovering a settled 100k-node graph costs a handful of cells per frame.

/// Points `(id, [x, y])` bucketed into square cells; ids are whatever the caller chose.
#[derive(Clone, Debug, Default)]
pub struct PointGrid {
    lo: [f32; 2],
    inv_cell: f32,
    cols: usize,
    rows: usize,
    /// `starts[c]..starts[c + 1]` indexes `entries` for cell `c` (row-major).
    starts: Vec<u32>,
    entries: Vec<(u32, [f32; 2])>,
}

/// Average number of points per cell: small enough that a point query stays local.
const PER_CELL: f32 = 2.0;
/// Cells per axis are capped so a few far outliers cannot make the grid huge.
const MAX_SIDE: usize = 2048;

impl PointGrid {
    /// Index the points; non-finite coordinates are skipped.
    pub fn build(points: impl IntoIterator<Item = (u32, [f32; 2])>) -> Self {
        let pts: Vec<(u32, [f32; 2])> = points
            .into_iter()
            .filter(|(_, p)| p[0].is_finite() && p[1].is_finite())
            .collect();
        if pts.is_empty() {
            return PointGrid::default();
        }
        let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
        for (_, p) in &pts {
            for a in 0..2 {
                lo[a] = lo[a].min(p[a]);
                hi[a] = hi[a].max(p[a]);
            }
        }
        let (w, h) = ((hi[0] - lo[0]).max(1e-6), (hi[1] - lo[1]).max(1e-6));
        let cell = (w * h * PER_CELL / pts.len() as f32)
            .sqrt()
            .max(w.max(h) / MAX_SIDE as f32)
            .max(1e-6);
        let cols = ((w / cell) as usize + 1).min(MAX_SIDE);
        let rows = ((h / cell) as usize + 1).min(MAX_SIDE);
        let mut g = PointGrid {
            lo,
            inv_cell: 1.0 / cell,
            cols,
            rows,
            starts: vec![0; cols * rows + 1],
            entries: Vec::new(),
        };
        let cells: Vec<usize> = pts.iter().map(|(_, p)| g.cell_of(*p)).collect();
        for &c in &cells {
            g.starts[c + 1] += 1;
        }
        for c in 0..cols * rows {
            g.starts[c + 1] += g.starts[c];
        }
        let mut next = g.starts.clone();
        g.entries = vec![(0, [0.0; 2]); pts.len()];
        for (item, c) in pts.into_iter().zip(cells) {
            g.entries[next[c] as usize] = item;
            next[c] += 1;
        }
        g
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn col_row(&self, p: [f32; 2]) -> (usize, usize) {
        let c = ((p[0] - self.lo[0]) * self.inv_cell).max(0.0) as usize;
        let r = ((p[1] - self.lo[1]) * self.inv_cell).max(0.0) as usize;
        (c.min(self.cols - 1), r.min(self.rows - 1))
    }

    fn cell_of(&self, p: [f32; 2]) -> usize {
        let (c, r) = self.col_row(p);
        r * self.cols + c
    }

    /// Call `f` for every point inside the box `lo..=hi` (and possibly a few just outside it:
    /// the caller tests exactly).
    pub fn query(&self, lo: [f32; 2], hi: [f32; 2], mut f: impl FnMut(u32, [f32; 2])) {
        if self.entries.is_empty() || !(lo[0] <= hi[0] && lo[1] <= hi[1]) {
            return;
        }
        let (c0, r0) = self.col_row(lo);
        let (c1, r1) = self.col_row(hi);
        for r in r0..=r1 {
            let row = r * self.cols;
            let (s, e) = (self.starts[row + c0], self.starts[row + c1 + 1]);
            for &(id, p) in &self.entries[s as usize..e as usize] {
                if p[0] >= lo[0] && p[0] <= hi[0] && p[1] >= lo[1] && p[1] <= hi[1] {
                    f(id, p);
                }
            }
        }
    }

    /// How many points lie inside the box `lo..=hi`, exactly: cells strictly inside are
    /// counted from the prefix sums, only the border cells' points are tested, so a box over a
    /// million points costs its outline, not its content.
    pub fn count_in(&self, lo: [f32; 2], hi: [f32; 2]) -> usize {
        if self.entries.is_empty() || !(lo[0] <= hi[0] && lo[1] <= hi[1]) {
            return 0;
        }
        let inside = |p: [f32; 2]| p[0] >= lo[0] && p[0] <= hi[0] && p[1] >= lo[1] && p[1] <= hi[1];
        let cell = |c: usize| &self.entries[self.starts[c] as usize..self.starts[c + 1] as usize];
        let tested = |c: usize| cell(c).iter().filter(|(_, p)| inside(*p)).count();
        let (c0, r0) = self.col_row(lo);
        let (c1, r1) = self.col_row(hi);
        let mut n = 0;
        for r in r0..=r1 {
            let row = r * self.cols;
            if r == r0 || r == r1 || c1 <= c0 + 1 {
                n += (c0..=c1).map(|c| tested(row + c)).sum::<usize>();
            } else {
                n += tested(row + c0) + tested(row + c1);
                n += (self.starts[row + c1] - self.starts[row + c0 + 1]) as usize;
            }
        }
        n
    }

    /// The point within `reach` of `at` with the lowest `score` (`None` = not a candidate);
    /// ties go to the smaller id so the answer never depends on the grid's layout.
    pub fn best_near(
        &self,
        at: [f32; 2],
        reach: f32,
        mut score: impl FnMut(u32) -> Option<f32>,
    ) -> Option<u32> {
        let mut best: Option<(f32, u32)> = None;
        let (lo, hi) = (
            [at[0] - reach, at[1] - reach],
            [at[0] + reach, at[1] + reach],
        );
        self.query(lo, hi, |id, _| {
            if let Some(s) = score(id) {
                let better = best.is_none_or(|(bs, bid)| s < bs || (s == bs && id < bid));
                if better {
                    best = Some((s, id));
                }
            }
        });
        best.map(|(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::SplitMix64;

    fn random_points(n: usize, seed: u64, span: f32) -> Vec<(u32, [f32; 2])> {
        let mut rng = SplitMix64(seed);
        (0..n as u32)
            .map(|i| (i, [rng.next_f32() * span, rng.next_f32() * span * 0.5]))
            .collect()
    }

    #[test]
    fn box_query_returns_exactly_the_points_inside() {
        let pts = random_points(5000, 1, 1000.0);
        let g = PointGrid::build(pts.iter().copied());
        assert_eq!(g.len(), pts.len());
        for (lo, hi) in [
            ([100.0, 50.0], [180.0, 90.0]),
            ([-50.0, -50.0], [20.0, 20.0]),
            ([0.0, 0.0], [1000.0, 500.0]),
            ([990.0, 490.0], [2000.0, 2000.0]),
        ] {
            let mut got = Vec::new();
            g.query(lo, hi, |id, _| got.push(id));
            got.sort();
            let want: Vec<u32> = pts
                .iter()
                .filter(|(_, p)| p[0] >= lo[0] && p[0] <= hi[0] && p[1] >= lo[1] && p[1] <= hi[1])
                .map(|(i, _)| *i)
                .collect();
            assert_eq!(got, want, "box {lo:?}..{hi:?}");
            assert_eq!(g.count_in(lo, hi), want.len(), "count in {lo:?}..{hi:?}");
        }
    }

    #[test]
    fn best_near_agrees_with_a_linear_scan() {
        let pts = random_points(3000, 7, 500.0);
        let g = PointGrid::build(pts.iter().copied());
        let mut rng = SplitMix64(99);
        for _ in 0..200 {
            let at = [rng.next_f32() * 520.0 - 10.0, rng.next_f32() * 260.0 - 10.0];
            let reach = 6.0;
            let dist = |i: u32| {
                let p = pts[i as usize].1;
                let d = ((p[0] - at[0]).powi(2) + (p[1] - at[1]).powi(2)).sqrt();
                (d <= reach).then_some(d)
            };
            let linear = pts
                .iter()
                .filter_map(|(i, _)| dist(*i).map(|d| (d, *i)))
                .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
                .map(|(_, i)| i);
            assert_eq!(g.best_near(at, reach, dist), linear, "at {at:?}");
        }
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert!(PointGrid::build(Vec::new()).is_empty());
        // All points on one spot, plus one NaN that must be ignored.
        let mut pts: Vec<(u32, [f32; 2])> = (0..100).map(|i| (i, [3.0, 3.0])).collect();
        pts.push((100, [f32::NAN, 0.0]));
        let g = PointGrid::build(pts);
        assert_eq!(g.len(), 100);
        let mut n = 0;
        g.query([2.0, 2.0], [4.0, 4.0], |_, _| n += 1);
        assert_eq!(n, 100);
        // A far outlier stretches the bounds but the grid stays bounded in size.
        let g = PointGrid::build([(0, [0.0, 0.0]), (1, [1e9, 1.0]), (2, [1.0, 1.0])]);
        assert_eq!(g.best_near([1.0, 1.0], 0.5, |i| Some(i as f32)), Some(2));
        assert!(g.starts.len() <= MAX_SIDE * MAX_SIDE + 1);
    }
}
