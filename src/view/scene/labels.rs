//! Which nodes get a label and where: one ranking and one placement for the canvas and the
//! export. Candidates are ranked (emphasised, search hits, hover neighbourhood, then by degree,
//! faded ones last) and each takes the first of eight spots around its node that overlaps no
//! label and no node shape, inside the picture; the grid in `placer` keeps that near-linear.

use super::placer::LabelPlacer;
use super::{Frame, SHAPE_RADIUS};
use crate::model::NodeIx;
use crate::view::fonts::{text_width, truncate};
use crate::view::style::node_label;
use egui::{Pos2, Rect, Vec2};
use std::collections::HashSet;

/// Line height in font sizes.
pub const LINE: f32 = 1.25;
/// Far away, only this many of the highest-degree small nodes compete for a label.
pub const HUBS: usize = 40;
/// A node smaller than this (times the scale) is "small": only the biggest hubs are labelled.
pub const SMALL: f32 = 5.0;
/// The English line under a Chinese name is cut to this width (times the scale).
const SUB_MAX: f32 = 260.0;
/// The best-connected nodes of the picture (tier 3) that are named even where their label
/// covers neighbouring node shapes (never another label): in a dense overview the hubs sit
/// among many nodes, and without this the free space at the rim went to the leaves.
const NAMED_HUBS: usize = 12;

/// A placed node label: its box, its lines, faded when its node is.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeLabel {
    pub node: NodeIx,
    pub rect: Rect,
    pub main: String,
    pub sub: Option<String>,
    pub faded: bool,
}

/// A placed relation label, centred in `rect`.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationLabel {
    pub rect: Rect,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Labels {
    pub nodes: Vec<NodeLabel>,
    pub relations: Vec<RelationLabel>,
}

impl Labels {
    pub fn labelled(&self) -> impl Iterator<Item = NodeIx> + '_ {
        self.nodes.iter().map(|l| l.node)
    }
}

/// A node competing for a label: `(tier, u32::MAX - degree, index, centre, radius)`.
type Candidate = (u8, u32, usize, Pos2, f32);

/// Label tiers: 0 selected, highlighted or a focus node, 1 search hit, 2 hovered
/// neighbourhood, 3 the rest, 4 the rest faded by a view; by degree within a tier.
fn candidates(f: &Frame) -> Vec<Candidate> {
    let hits: HashSet<NodeIx> = f.search_hits.iter().copied().collect();
    let deg = |i: usize| f.degree.get(i).copied().unwrap_or(0);
    let small_r = SMALL * f.scale;
    let mut small: Vec<Candidate> = Vec::new();
    // Small nodes whose (degree, index) key is not below `cut` cannot be among the hubs.
    let mut cut = (u32::MAX, usize::MAX);
    let mut order: Vec<Candidate> = Vec::new();
    for &(i, p, r) in &f.proj.on_screen {
        if !f.rect.contains(p) {
            continue;
        }
        let ix = NodeIx::new(i);
        let tier = if f.emphasised(ix) {
            0
        } else if (!hits.is_empty() && hits.contains(&ix))
            || f.overlay.groups.as_ref().is_some_and(|g| g.is_group(ix))
        {
            // Search hits, and collapsed groups (the hubs of a grouped picture).
            1
        } else if f.focus.is_some_and(|s| s.contains(&ix)) {
            2
        } else if f.focus.is_some() {
            // With a hovered node only its neighbourhood is labelled.
            continue;
        } else if f.faded_by_view(ix) {
            4
        } else {
            3
        };
        let item = (tier, u32::MAX - deg(i), i, p, r);
        if tier >= 3 && r < small_r {
            if (item.1, item.2) >= cut {
                continue;
            }
            small.push(item);
            // Keep the candidates bounded: the best `HUBS` so far and a new cut-off.
            if small.len() >= 4 * HUBS {
                small.select_nth_unstable_by_key(HUBS, |t| (t.1, t.2));
                cut = (small[HUBS].1, small[HUBS].2);
                small.truncate(HUBS);
            }
        } else {
            order.push(item);
        }
    }
    // Small nodes: only the biggest hubs, found without sorting everything.
    if small.len() > HUBS {
        small.select_nth_unstable_by_key(HUBS, |t| (t.1, t.2));
        small.truncate(HUBS);
    }
    order.extend(small);
    order.sort_by_key(|t| (t.0, t.1, t.2));
    order
}

/// Top-left corners to try for a `w`×`h` label of a node at `p` with radius `r`: below,
/// above, right, left, then the four diagonals.
fn spots(p: Pos2, r: f32, gap: f32, w: f32, h: f32) -> [Pos2; 8] {
    let d = r + gap;
    let e = d * 0.7;
    [
        Pos2::new(p.x - w * 0.5, p.y + d),
        Pos2::new(p.x - w * 0.5, p.y - d - h),
        Pos2::new(p.x + d, p.y - h * 0.5),
        Pos2::new(p.x - d - w, p.y - h * 0.5),
        Pos2::new(p.x + e, p.y + e),
        Pos2::new(p.x + e, p.y - e - h),
        Pos2::new(p.x - e - w, p.y + e),
        Pos2::new(p.x - e - w, p.y - e - h),
    ]
}

/// Rank and place the node labels of `f`, then the relation labels `relations` (centre,
/// text) where they overlap nothing.
pub fn place_labels(f: &Frame, relations: Vec<(Pos2, String)>) -> Labels {
    let s = f.scale;
    let (size, small) = (f.palette.label_size * s, f.palette.small_size * s);
    let gap = 3.0 * s;
    let pad = s;
    // Node shapes big enough to read are obstacles, so a label never hides one.
    let mut shapes = LabelPlacer::default();
    for &(i, p, r) in &f.proj.on_screen {
        if r >= SHAPE_RADIUS * s {
            shapes.block(Rect::from_center_size(p, Vec2::splat(2.0 * r)), i as u32);
        }
    }
    let mut placed = LabelPlacer::default();
    let mut out = Labels::default();
    let inside = |b: Rect| f.rect.contains_rect(b);
    let free = |placed: &LabelPlacer, b: Rect, own: u32, shapes_too: bool| {
        inside(b) && placed.fits(b) && (!shapes_too || shapes.fits_except(b, own))
    };
    let mut hubs = 0;
    for (tier, _, i, p, r) in candidates(f) {
        let own = i as u32;
        let hub = tier == 3 && hubs < NAMED_HUBS;
        hubs += (tier == 3) as usize;
        // Named whatever shapes they cover: the subject (tier 0) and the biggest hubs.
        let must = tier == 0 || hub;
        // Every label holds at least this box at each spot: if none is free, skip the text.
        let core = spots(p, r, gap, 6.0 * s, size * LINE);
        let hopeless = !core.iter().any(|t| {
            let b = Rect::from_min_size(*t, Vec2::new(6.0 * s, size * LINE)).expand(pad);
            free(&placed, b, own, !must)
        });
        if tier != 0 && hopeless {
            continue;
        }
        let ix = NodeIx::new(i);
        let group = f.overlay.groups.as_ref();
        let (main, sub) = (group.and_then(|g| g.label(f.kg, ix, f.lang)))
            .unwrap_or_else(|| node_label(f.kg, ix, f.lang));
        let sub = sub.map(|t| truncate(&t, small, SUB_MAX * s));
        let w = text_width(&main, size).max(sub.as_ref().map_or(0.0, |t| text_width(t, small)));
        let h = size * LINE + sub.as_ref().map_or(0.0, |_| small * LINE);
        let boxes = spots(p, r, gap, w, h).map(|t| Rect::from_min_size(t, Vec2::new(w, h)));
        let spot = boxes
            .iter()
            .find(|b| free(&placed, b.expand(pad), own, true))
            .or_else(|| {
                // Emphasised nodes and hubs are named covering node shapes (the halo keeps
                // the text legible); emphasised ones else even over other labels, right below
                // the node.
                let over_shapes = boxes
                    .iter()
                    .find(|b| must && free(&placed, b.expand(pad), own, false));
                match over_shapes {
                    Some(b) => Some(b),
                    None => (tier == 0).then_some(&boxes[0]),
                }
            });
        let Some(&rect) = spot else {
            continue;
        };
        placed.try_place(rect.expand(pad), true);
        out.nodes.push(NodeLabel {
            node: ix,
            rect,
            main,
            sub,
            faded: tier == 4,
        });
    }
    for (p, text) in relations {
        let rect = Rect::from_center_size(p, Vec2::new(text_width(&text, small), small * LINE));
        if free(&placed, rect.expand(pad), u32::MAX, true) {
            placed.try_place(rect.expand(pad), true);
            out.relations.push(RelationLabel { rect, text });
        }
    }
    out
}
