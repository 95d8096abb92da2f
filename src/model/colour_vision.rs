//! How far apart two kind colours look, for everyone: colour-vision deficiency simulated with
//! the matrices of Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for
//! Simulation of Color Vision Deficiency" (IEEE TVCG 15(6)), at severity 1.0 (dichromacy),
//! applied to linear sRGB; distance as CIEDE2000 (Sharma, Wu & Dalal 2005) in CIELAB (D65).
//!
//! Kinds are told apart by shape too, but a colour is what the eye finds first on a crowded
//! canvas, so two kinds must not collapse into one colour for about one reader in twelve men.

/// The least CIEDE2000 distance two kind colours keep, with normal vision and under each
/// simulated deficiency. About 2.3 is just noticeable between large patches side by side;
/// node glyphs are small (5–20 px) and seen apart, which needs several times more (Stone,
/// Szafir & Setlur 2014, "An Engineering Model for Color Difference as a Function of Size"),
/// so 10 leaves about four steps of that margin.
pub const MIN_DISTINCT: f32 = 10.0;

/// Ways of seeing colour the palette is checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vision {
    Normal,
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

impl Vision {
    pub const ALL: [Vision; 4] = [
        Vision::Normal,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// Machado et al. 2009, table of severity 1.0 (linear RGB in, linear RGB out).
    fn matrix(self) -> [[f32; 3]; 3] {
        match self {
            Vision::Normal => [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            Vision::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            Vision::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Vision::Tritanopia => [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        }
    }
}

fn linear(c: u8) -> f32 {
    let c = c as f32 / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// The colour (sRGB bytes, as `Rgb` holds them) as seen with `vision`, in CIELAB (D65).
pub fn lab_seen(c: [u8; 3], vision: Vision) -> [f32; 3] {
    let l = c.map(linear);
    let m = vision.matrix();
    let s = m.map(|row| (row[0] * l[0] + row[1] * l[1] + row[2] * l[2]).clamp(0.0, 1.0));
    lab(s)
}

/// Linear sRGB to CIELAB with the D65 white.
fn lab([r, g, b]: [f32; 3]) -> [f32; 3] {
    let x = 0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
    let z = 0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b;
    let f = |t: f32| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.950_47), f(y), f(z / 1.088_83));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIEDE2000 colour difference (kL = kC = kH = 1), as in Sharma, Wu & Dalal 2005.
pub fn ciede2000(a: [f32; 3], b: [f32; 3]) -> f32 {
    let (a, b) = (a.map(f64::from), b.map(f64::from));
    let [l1, a1, b1] = a;
    let [l2, a2, b2] = b;
    let c_mean = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let p7 = |c: f64| (c.powi(7) / (c.powi(7) + 25f64.powi(7))).sqrt();
    let g = 0.5 * (1.0 - p7(c_mean));
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dl = l2 - l1;
    let dc = c2p - c1p;
    let zero_chroma = c1p * c2p == 0.0;
    let mut dh = h2p - h1p;
    if zero_chroma {
        dh = 0.0;
    } else if dh > 180.0 {
        dh -= 360.0;
    } else if dh < -180.0 {
        dh += 360.0;
    }
    let d_big_h = 2.0 * (c1p * c2p).sqrt() * (dh / 2.0).to_radians().sin();
    let l_mean = (l1 + l2) / 2.0;
    let cp_mean = (c1p + c2p) / 2.0;
    let mut h_mean = h1p + h2p;
    if !zero_chroma {
        h_mean /= 2.0;
        if (h1p - h2p).abs() > 180.0 {
            h_mean += if h_mean < 180.0 { 180.0 } else { -180.0 };
        }
    }
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_mean - 30.0) + 0.24 * cos(2.0 * h_mean) + 0.32 * cos(3.0 * h_mean + 6.0)
            - 0.20 * cos(4.0 * h_mean - 63.0);
    let d_theta = 30.0 * (-((h_mean - 275.0) / 25.0).powi(2)).exp();
    let rc = 2.0 * p7(cp_mean);
    let sl = 1.0 + 0.015 * (l_mean - 50.0).powi(2) / (20.0 + (l_mean - 50.0).powi(2)).sqrt();
    let sc = 1.0 + 0.045 * cp_mean;
    let sh = 1.0 + 0.015 * cp_mean * t;
    let rt = -(2.0 * d_theta).to_radians().sin() * rc;
    let (x, y, z) = (dl / sl, dc / sc, d_big_h / sh);
    (x * x + y * y + z * z + rt * y * z).sqrt() as f32
}

/// How far apart `a` and `b` look for the reader who sees them closest, and who that is.
pub fn seen_distance(a: [u8; 3], b: [u8; 3]) -> (f32, Vision) {
    Vision::ALL
        .iter()
        .map(|&v| (ciede2000(lab_seen(a, v), lab_seen(b, v)), v))
        .fold((f32::INFINITY, Vision::Normal), |m, x| {
            if x.0 < m.0 { x } else { m }
        })
}

/// The two colours of `colours` that look most alike to someone: `(i, j, distance, vision)`.
pub fn closest_pair(colours: &[[u8; 3]]) -> Option<(usize, usize, f32, Vision)> {
    let mut best: Option<(usize, usize, f32, Vision)> = None;
    for i in 0..colours.len() {
        for j in i + 1..colours.len() {
            let (d, v) = seen_distance(colours[i], colours[j]);
            if best.is_none_or(|b| d < b.2) {
                best = Some((i, j, d, v));
            }
        }
    }
    best
}
