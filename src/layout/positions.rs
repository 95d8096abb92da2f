//! Node positions and pins, and the seeded start that makes layouts deterministic.

pub use crate::model::SplitMix64;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Positions {
    pub xy: Vec<[f32; 2]>,
    pub pinned: Vec<bool>,
}

impl Positions {
    /// `n` nodes scattered in a disc whose area grows with `n`, from `seed`.
    pub fn random(n: usize, seed: u64) -> Self {
        let mut rng = SplitMix64(seed);
        let radius = 10.0 * (n.max(1) as f32).sqrt();
        let xy = (0..n)
            .map(|_| {
                let r = radius * rng.next_f32().sqrt();
                let a = rng.next_f32() * std::f32::consts::TAU;
                [r * a.cos(), r * a.sin()]
            })
            .collect();
        Positions {
            xy,
            pinned: vec![false; n],
        }
    }

    pub fn len(&self) -> usize {
        self.xy.len()
    }

    pub fn is_empty(&self) -> bool {
        self.xy.is_empty()
    }

    /// Bounding box `(min, max)` of the nodes for which `include` is true.
    pub fn bounds(&self, include: impl Fn(usize) -> bool) -> Option<([f32; 2], [f32; 2])> {
        let mut it = self.xy.iter().enumerate().filter(|(i, _)| include(*i));
        let (_, first) = it.next()?;
        let (mut lo, mut hi) = (*first, *first);
        for (_, p) in it {
            lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
        Some((lo, hi))
    }
}
