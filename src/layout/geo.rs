//! Geographic arrangement: places with a known coordinate sit at their projected position, every
//! other node near what it connects to. Pure (no egui); the same `Projection` draws the district
//! outline under the graph, so places and outline line up.

use super::{LayoutGraph, Positions, SplitMix64, remove_overlaps};
use crate::io::geo::{Geo, districts_bounds, shenzhen_districts};
use crate::model::KnowledgeGraph;
use std::collections::VecDeque;

/// Distance between neighbouring nodes placed around an anchor (world units, like node radii).
const GAP: f32 = 40.0;
/// Golden angle: successive satellites of one node spiral out without lining up.
const GOLDEN: f32 = 2.399_963;

/// Equirectangular projection around `(lon0, lat0)`: x grows east, y grows south (screen y points
/// down, so north is up), longitude shrunk by cos(lat0) so shapes keep their proportions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    pub lon0: f64,
    pub lat0: f64,
    /// World units per degree of latitude.
    pub scale: f64,
}

impl Projection {
    /// Centred on the box `min..max` (lon, lat) with its larger projected side `extent` units long.
    pub fn fit(min: [f64; 2], max: [f64; 2], extent: f32) -> Projection {
        let lon0 = (min[0] + max[0]) * 0.5;
        let lat0 = (min[1] + max[1]) * 0.5;
        let k = lat0.to_radians().cos().max(1e-6);
        let span = ((max[0] - min[0]) * k).max(max[1] - min[1]);
        let scale = if span.is_finite() && span > 1e-9 {
            extent as f64 / span
        } else {
            extent as f64
        };
        Projection { lon0, lat0, scale }
    }

    pub fn project(&self, lon: f64, lat: f64) -> [f32; 2] {
        let k = self.lat0.to_radians().cos();
        [
            ((lon - self.lon0) * k * self.scale) as f32,
            (-(lat - self.lat0) * self.scale) as f32,
        ]
    }

    /// The (lon, lat) of world point `p`.
    pub fn unproject(&self, p: [f32; 2]) -> [f64; 2] {
        let k = self.lat0.to_radians().cos().max(1e-6);
        [
            self.lon0 + p[0] as f64 / (k * self.scale),
            self.lat0 - p[1] as f64 / self.scale,
        ]
    }
}

/// The geographic layout of a graph: target positions, the projection they were placed in (the
/// view draws the district outline with it), and what the status line reports.
#[derive(Clone, Debug)]
pub struct GeoPlacement {
    pub target: Positions,
    pub projection: Projection,
    /// Visible nodes placed at a coordinate from the sidecar.
    pub anchored: usize,
    /// Sidecar ids that are not nodes of the graph.
    pub unknown: Vec<String>,
}

/// Lay out `g` (the visible part of `kg`) on the map of Shenzhen's districts with the places of
/// `geo`; node discs of `radius` (per dense index, as the canvas draws them) do not overlap.
pub fn arrange_geographic(
    kg: &KnowledgeGraph,
    g: &LayoutGraph,
    radius: &[f32],
    geo: &Geo,
) -> GeoPlacement {
    let n = g.len();
    let mut lonlat: Vec<Option<[f64; 2]>> = vec![None; n];
    let mut unknown = Vec::new();
    for p in &geo.places {
        match kg.node_ix(&p.id) {
            Some(ix) if ix.index() < n => lonlat[ix.index()] = Some([p.lon, p.lat]),
            _ => unknown.push(p.id.clone()),
        }
    }
    let (lo, hi) =
        districts_bounds(shenzhen_districts()).unwrap_or(([113.75, 22.4], [114.65, 22.87]));
    let active = g.active.iter().filter(|&&a| a).count();
    let projection = Projection::fit(lo, hi, world_extent(active));
    let target = geographic(g, &lonlat, &projection, radius);
    let anchored = (0..n)
        .filter(|&i| g.active[i] && lonlat[i].is_some())
        .count();
    GeoPlacement {
        target,
        projection,
        anchored,
        unknown,
    }
}

/// World width of the map for a graph of `n` active nodes: wide enough that the nodes placed
/// around a few dozen anchors have room, comparable to the other arrangements' extents.
pub fn world_extent(n: usize) -> f32 {
    (GAP * 3.0 * (n.max(1) as f32).sqrt()).max(1200.0)
}

/// Whether `p` lies inside the closed ring `ring` (even-odd rule; the last point may repeat
/// the first).
pub fn point_in_ring(p: [f64; 2], ring: &[[f64; 2]]) -> bool {
    let mut inside = false;
    let n = ring.len();
    for k in 0..n {
        let a = ring[k];
        let b = ring[(k + 1) % n];
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
            if p[0] < x {
                inside = !inside;
            }
        }
    }
    inside
}

/// Places at `lonlat[i]` (projected with `proj`, kept exactly); other active nodes placed outward
/// from them breadth-first, each at the mean of its already placed neighbours (weighted by
/// 1/degree, so hubs pull less) plus a small
/// deterministic spiral offset; nodes with no path to any place in a grid below the map. Then
/// overlaps (discs of `radius[i]`) are removed without moving the places. Inactive nodes are
/// put at the origin, as in the other arrangements. Anchored nodes come back pinned.
pub fn geographic(
    g: &LayoutGraph,
    lonlat: &[Option<[f64; 2]>],
    proj: &Projection,
    radius: &[f32],
) -> Positions {
    let n = g.len();
    let mut pos = Positions {
        xy: vec![[0.0, 0.0]; n],
        pinned: vec![false; n],
    };
    let mut adj = vec![Vec::new(); n];
    for &(a, b, _) in &g.edges {
        let (a, b) = (a as usize, b as usize);
        if a < n && b < n && a != b {
            adj[a].push(b);
            adj[b].push(a);
        }
    }
    for list in adj.iter_mut() {
        list.sort_unstable();
        list.dedup();
    }

    let mut placed = vec![false; n];
    let mut queue = VecDeque::new();
    for (i, ll) in lonlat.iter().enumerate().take(n) {
        let Some([lon, lat]) = *ll else {
            continue;
        };
        let p = proj.project(lon, lat);
        if g.active[i] && p[0].is_finite() && p[1].is_finite() {
            pos.xy[i] = p;
            pos.pinned[i] = true;
            placed[i] = true;
            queue.push_back(i);
        }
    }

    // Breadth-first from every place at once: a node is placed when first reached, next to the
    // placed neighbours it has at that moment (all of them one hop nearer a place).
    let mut satellites = vec![0u32; n];
    while let Some(u) = queue.pop_front() {
        for &v in &adj[u] {
            if placed[v] || !g.active[v] {
                continue;
            }
            // Weighted by 1/degree: a hub linked to everything (the city itself) must not pull
            // every node to its own spot when a more specific place is a neighbour too.
            let (mut mean, mut m) = ([0.0f32, 0.0], 0.0f32);
            for &w in adj[v].iter().filter(|&&w| placed[w]) {
                let wt = 1.0 / adj[w].len().max(1) as f32;
                mean = [mean[0] + wt * pos.xy[w][0], mean[1] + wt * pos.xy[w][1]];
                m += wt;
            }
            let m = m.max(f32::MIN_POSITIVE);
            // Satellites of `u` spiral out from it: the k-th at angle k·golden, radius ~√k.
            let k = satellites[u];
            satellites[u] += 1;
            let mut rng = SplitMix64(v as u64);
            let angle = k as f32 * GOLDEN + rng.next_f32() * 0.3;
            let dist = GAP * (1.0 + (k as f32).sqrt());
            pos.xy[v] = [
                mean[0] / m + dist * angle.cos(),
                mean[1] / m + dist * angle.sin(),
            ];
            placed[v] = true;
            queue.push_back(v);
        }
    }

    // Nodes with no path to any place: a tidy grid under everything placed so far.
    let rest: Vec<usize> = (0..n).filter(|&i| g.active[i] && !placed[i]).collect();
    if !rest.is_empty() {
        let (lo, hi) = pos
            .bounds(|i| placed[i])
            .unwrap_or(([0.0, 0.0], [0.0, 0.0]));
        let width = (hi[0] - lo[0]).max(GAP * (rest.len() as f32).sqrt());
        let cols = ((width / GAP) as usize).max(1);
        let left = (lo[0] + hi[0]) * 0.5 - (cols.min(rest.len()) - 1) as f32 * GAP * 0.5;
        let top = if placed.iter().any(|&p| p) {
            hi[1] + GAP * 3.0
        } else {
            0.0
        };
        for (k, &i) in rest.iter().enumerate() {
            pos.xy[i] = [
                left + (k % cols) as f32 * GAP,
                top + (k / cols) as f32 * GAP,
            ];
        }
    }

    remove_overlaps(&mut pos, g, radius, 4.0, 60);
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_round_trips_and_puts_north_up() {
        let p = Projection::fit([113.7, 22.4], [114.6, 22.9], 1000.0);
        let a = p.project(113.9, 22.8);
        let b = p.project(114.1, 22.5);
        assert!(a[1] < b[1], "north is up (smaller y)");
        assert!(a[0] < b[0], "west is left");
        let back = p.unproject(a);
        assert!((back[0] - 113.9).abs() < 1e-4 && (back[1] - 22.8).abs() < 1e-4);
        let w = p.project(114.6, 22.65)[0] - p.project(113.7, 22.65)[0];
        assert!(
            (w - 1000.0).abs() < 1.0,
            "the wider side spans the extent: {w}"
        );
    }

    #[test]
    fn point_in_ring_follows_the_even_odd_rule() {
        let square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]];
        assert!(point_in_ring([1.0, 1.0], &square));
        assert!(!point_in_ring([3.0, 1.0], &square));
        assert!(!point_in_ring([1.0, -0.5], &square));
    }
}
