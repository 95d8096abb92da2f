//! Node positions and pins, and the seeded start that makes layouts deterministic.

/// A small, well-known PRNG (splitmix64): layouts must be reproducible from a seed alone.
#[derive(Clone, Debug)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }
}

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
