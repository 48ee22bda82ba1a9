//! Gamma(α, 1) variates for the simulation's Dirichlet draws, about three times cheaper than a
//! general-purpose sampler and drawn from exactly the same law.
//!
//! The method is Marsaglia and Tsang's (2000): with d = α − 1/3 and c = 1/√(9d), X = d(1 + cZ)³
//! is Gamma(α, 1) when Z has the density h_d(z) = exp(d g(cz)), g(s) = 3 ln(1 + s) − 3s − 3s²
//! − s³ (zero where 1 + cz ≤ 0). Since h_d ≤ φ (φ(z) = exp(−z²/2), shown by g(s) + 9s²/2 having
//! its maximum 0 at s = 0), Z can be drawn by rejection: a point (z, y) uniform under φ is kept
//! when y < h_d(z). Marsaglia and Tsang take the point from a normal variate and a uniform.
//!
//! Here the point comes from a 256-layer ziggurat for φ (Marsaglia and Tsang's other 2000
//! paper): one 64-bit draw picks a layer, a sign and z, and y is uniform in the layer's height
//! range without being drawn. If h_d(z) is at least the top of that range, every y there is
//! accepted, so the variate is returned from the one draw: that is the fast path, a table
//! comparison. The cut-off per layer depends on d; h_d(z) never decreases as d grows (for a
//! fixed z, d g(z / (3√d)) = z² k(s) / 9 with k(s) = g(s) / s², and s k'(s) < 0 because
//! s g'(s) − 2 g(s) < 0 for s ≠ 0), so the laws are grouped in classes of d within a factor √2
//! and each class uses cut-offs computed for its smallest d. Everywhere else y is drawn and
//! y < h_d(z) decided: by polynomial bounds on h_d from below and on φ from above (`squeeze`)
//! when y is clearly on one side, else by the exact test `ln y < d g(cz)`, which costs two
//! logarithms; rejected points start again. The output law is the same
//! as `rand_distr::Gamma` (which uses Marsaglia–Tsang with a separate normal and uniform);
//! only the random stream differs. Shapes below 1 use Gamma(α + 1) · U^(1/α), as `rand_distr`
//! does.

use rand::Rng;

/// Layers of the ziggurat: the low 8 bits of a draw pick one.
const LAYERS: usize = 256;
/// The base layer's right edge r and the common area of every layer, for f(x) = exp(−x²/2)
/// and 256 layers, solved so that the top layer closes at height 1 (to 1e-14).
const R: f64 = 3.654_152_885_361_009;
const AREA: f64 = 0.004_928_673_233_974_648;
/// 2^-53: a 53-bit integer times this is uniform in [0, 1).
const UNIT: f64 = 1.0 / 9_007_199_254_740_992.0;
/// Classes of d are powers of √2 apart, from the smallest d (α = 1).
const SMALLEST_D: f64 = 2.0 / 3.0;
const MAX_CLASS: i32 = 160;

/// Why a law cannot be sampled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BadShape(pub f64);

/// One Gamma(α, 1) law, ready to sample: its constants and its class of fast-path cut-offs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct GammaLaw {
    d: f64,
    c: f64,
    class: usize,
    /// 1/α when α < 1 (the variate is then multiplied by U^(1/α)), else 0.
    inv_shape: f64,
}

impl GammaLaw {
    /// α ≥ 1: Marsaglia–Tsang applies directly.
    pub(crate) fn is_large(&self) -> bool {
        self.inv_shape == 0.0
    }
}

/// The ziggurat for φ and the cut-offs of every class of d in use.
#[derive(Debug, Clone)]
pub(crate) struct GammaSampler {
    /// Per layer: the layer's width, and the largest |z| under φ for sure.
    width: Box<[f64; LAYERS]>,
    /// The widths again, positive then negative, indexed by the layer and the sign bit
    /// together: the sign then costs nothing (a branch on a random bit would be mispredicted
    /// half the time).
    signed_width: Box<[f64; 2 * LAYERS]>,
    inner: Vec<f64>,
    /// Per layer: the bottom and top of its height range.
    low: Vec<f64>,
    high: Vec<f64>,
    /// Per class: (class number, cut-offs). Fixed-size tables, so a layer number (one byte)
    /// needs no bounds check.
    classes: Vec<(i32, Cutoffs)>,
}

/// Per layer of the ziggurat, the fast path's cut-off on the uniform that places z in the
/// layer, as a bound on its top 32 bits: 1 KiB per class, so that a dozen classes and the
/// widths stay in the first-level cache.
type Cutoffs = Box<[u32; LAYERS]>;

impl GammaSampler {
    pub(crate) fn new() -> GammaSampler {
        // x[0] is the base layer's width as a rectangle (its area includes the tail), x[1] = r,
        // x[i + 1] from the equal-area recurrence, x[256] = 0 (the top).
        let f = |x: f64| (-0.5 * x * x).exp();
        let mut x = vec![0.0; LAYERS + 1];
        x[0] = AREA / f(R);
        x[1] = R;
        for i in 1..LAYERS - 1 {
            let y = (AREA / x[i] + f(x[i])).min(1.0);
            x[i + 1] = (-2.0 * y.ln()).sqrt();
        }
        x[LAYERS] = 0.0;
        let mut low = vec![0.0; LAYERS];
        let mut high = vec![0.0; LAYERS];
        let mut inner = vec![0.0; LAYERS];
        for i in 0..LAYERS {
            low[i] = if i == 0 { 0.0 } else { f(x[i]) };
            high[i] = if i + 1 == LAYERS { 1.0 } else { f(x[i + 1]) };
            inner[i] = x[i + 1];
        }
        let mut width = Box::new([0.0; LAYERS]);
        width.copy_from_slice(&x[..LAYERS]);
        let mut signed_width = Box::new([0.0; 2 * LAYERS]);
        for (j, w) in signed_width.iter_mut().enumerate() {
            *w = if j < LAYERS { x[j] } else { -x[j - LAYERS] };
        }
        GammaSampler {
            width,
            signed_width,
            inner,
            low,
            high,
            classes: Vec::new(),
        }
    }

    /// Prepares Gamma(shape, 1), building its class's cut-offs if no law used them yet.
    pub(crate) fn law(&mut self, shape: f64) -> Result<GammaLaw, BadShape> {
        if !(shape.is_finite() && shape > 0.0) {
            return Err(BadShape(shape));
        }
        let (large, inv_shape) = if shape < 1.0 {
            (shape + 1.0, 1.0 / shape)
        } else {
            (shape, 0.0)
        };
        let d = large - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        // The class's smallest d must not exceed this d: start from the estimate and step down.
        #[expect(
            clippy::cast_possible_truncation,
            reason = "clamped to a small range before the cast"
        )]
        let mut k = (2.0 * (d / SMALLEST_D).log2())
            .floor()
            .clamp(0.0, f64::from(MAX_CLASS)) as i32;
        while k > 0 && class_floor(k) > d {
            k -= 1;
        }
        let class = match self.classes.iter().position(|(n, _)| *n == k) {
            Some(i) => i,
            None => {
                let cutoffs = self.cutoffs(class_floor(k));
                self.classes.push((k, cutoffs));
                self.classes.len() - 1
            }
        };
        Ok(GammaLaw {
            d,
            c,
            class,
            inv_shape,
        })
    }

    /// Per layer, the largest t (at most the layer's inner edge) with h_d(±t) at least the
    /// layer's top, for this d (and so for every larger d), as a fraction of the layer's width
    /// in units of 2^-32, rounded down.
    fn cutoffs(&self, d: f64) -> Cutoffs {
        let c = 1.0 / (9.0 * d).sqrt();
        // A small margin keeps rounding in ln h from ever admitting a point it should not.
        let holds = |t: f64, need: f64| {
            [t, -t]
                .into_iter()
                .all(|z| ln_h(d, c * z).is_some_and(|l| l >= need))
        };
        let mut table = Box::new([0u32; LAYERS]);
        for (i, entry) in table.iter_mut().enumerate() {
            *entry = {
                let need = self.high[i].ln() + 1e-9;
                let edge = self.inner[i];
                let cut = if holds(edge, need) {
                    edge
                } else if !holds(0.0, need) {
                    0.0
                } else {
                    // 2^-12 of the edge: a cut-off that much too low sends at most a few
                    // more draws in ten thousand to the exact test, and the tables (a dozen
                    // for an election) are built in about a millisecond.
                    let (mut lo, mut hi) = (0.0, edge);
                    for _ in 0..12 {
                        let mid = 0.5 * (lo + hi);
                        if holds(mid, need) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    lo
                };
                // One unit down covers the rounding of the division and of u * width.
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a fraction below 1 times 2^32, clamped"
                )]
                let units = ((cut / self.width[i]) * 4_294_967_296.0).floor().max(1.0) as u32;
                units - 1
            };
        }
        table
    }

    /// One Gamma(α, 1) variate. Always inlined: a call would take the generator's address
    /// and keep its state in memory.
    #[inline(always)]
    pub(crate) fn sample<R: Rng>(&self, law: &GammaLaw, rng: &mut R) -> f64 {
        let g = self.sample_large(law, rng);
        if law.inv_shape > 0.0 {
            g * open01(rng).powf(law.inv_shape)
        } else {
            g
        }
    }

    /// [`Self::sample`] for a law with α ≥ 1 ([`GammaLaw::is_large`]); for a smaller α it
    /// would return a Gamma(α + 1) variate.
    #[inline(always)]
    pub(crate) fn sample_large<R: Rng>(&self, law: &GammaLaw, rng: &mut R) -> f64 {
        let z = self.sample_z(law, rng);
        let s = 1.0 + law.c * z;
        // d s³ as (d s)(s s): two short chains instead of one of three products.
        (law.d * s) * (s * s)
    }

    /// Z with density ∝ h_d.
    #[inline(always)]
    fn sample_z<R: Rng>(&self, law: &GammaLaw, rng: &mut R) -> f64 {
        let cutoffs: &[u32; LAYERS] = &self.classes[law.class].1;
        let signed_width: &[f64; 2 * LAYERS] = &self.signed_width;
        loop {
            let bits = rng.next_u64();
            let i = usize::from(bits as u8);
            // u = (bits >> 11) 2^-53 places z in the layer; its top 32 bits are bits >> 32.
            #[expect(clippy::cast_precision_loss, reason = "53 bits, exact")]
            let u = (bits >> 11) as f64 * UNIT;
            // Bit 8 is the sign.
            let z = u * signed_width[(bits & 0x1ff) as usize];
            if ((bits >> 32) as u32) < cutoffs[i] {
                return z;
            }
            let magnitude = z.abs();
            // The rare cases. Uniforms are drawn here and only numbers go to the cold
            // functions, so the generator's address is never taken and its state can stay in
            // registers.
            if i == 0 && magnitude >= R {
                // Marsaglia's tail method: z beyond r with density ∝ φ, then y uniform in
                // (0, φ(z)), so y < h_d(z) is u < h_d(z) / φ(z).
                let tail = loop {
                    if let Some(t) = tail_candidate(open01(rng), open01(rng)) {
                        break t;
                    }
                };
                let z = if z < 0.0 { -tail } else { tail };
                if below_h_in_tail(law, z, open01(rng)) {
                    return z;
                }
            } else {
                let y = self.low[i] + uniform(rng) * (self.high[i] - self.low[i]);
                // y < h_d(z) ≤ φ(z): also below the normal curve, so a real ziggurat point.
                if below_h(law, z, y, self.high[i], self.inner[i]) {
                    return z;
                }
            }
        }
    }
}

/// Settles y < h_d(z) for a point of a layer whose top is `high` = φ(a) (a = `inner`, the
/// layer's inner edge) without a logarithm when it can: `Some(true)` when y is surely below
/// h_d(z), `Some(false)` when surely above φ(z) ≥ h_d(z), `None` when too close to tell.
///
/// With q = (z² − a²) / 2, φ(z) = φ(a) e^(−q). Below: ln h_d(z) = −z²/2 + d r(s) with
/// r(s) = g(s) + 9s²/2 = Σ_{n≥4} 3 (−1)^(n+1) sⁿ / n. For s ≥ 0 the series alternates with
/// shrinking terms, so r(s) ≥ −3s⁴/4; for s < 0 every term is −3|s|ⁿ/n ≥ −(3/4)|s|ⁿ, so
/// r(s) ≥ −(3/4) s⁴ / (1 − |s|) ≥ −(3/4) s⁴ (1 + 2|s|) while |s| ≤ 1/2. With δ that bound
/// times d, h_d(z) ≥ φ(a) e^(−q − δ) ≥ φ(a) (1 − q − δ) (as e^w ≥ 1 + w). Above: φ(z) =
/// φ(a) e^(−q) ≤ φ(a) / (1 + q) when q > −1. A margin of 1e-12 (values are at most 1,
/// rounding errors near 1e-15) keeps both tests on the safe side.
#[inline(always)]
fn squeeze(law: &GammaLaw, z: f64, y: f64, high: f64, inner: f64) -> Option<bool> {
    const MARGIN: f64 = 1e-12;
    let s = law.c * z;
    let q = 0.5 * (z - inner) * (z + inner);
    if s.abs() <= 0.5 {
        let s4 = (s * s) * (s * s);
        let delta = law.d * 0.75 * s4 * (1.0 + 2.0 * s.abs());
        if y < high * (1.0 - q - delta) - MARGIN {
            return Some(true);
        }
    }
    if q > -0.5 && y * (1.0 + q) > high + MARGIN {
        return Some(false);
    }
    None
}

/// Marsaglia's tail step for the normal beyond r: `Some(r + a)` or a rejection.
#[cold]
#[inline(never)]
fn tail_candidate(u1: f64, u2: f64) -> Option<f64> {
    let a = -u1.ln() / R;
    let b = -u2.ln();
    (b + b > a * a).then_some(R + a)
}

/// u < h_d(z) / φ(z), for a tail point.
#[cold]
#[inline(never)]
fn below_h_in_tail(law: &GammaLaw, z: f64, u: f64) -> bool {
    ln_h(law.d, law.c * z).is_some_and(|lh| u.ln() < lh + 0.5 * z * z)
}

/// y < h_d(z), for a point of a layer with top `high` and inner edge `inner`: by `squeeze`
/// when it can tell, else by logarithms.
#[cold]
#[inline(never)]
fn below_h(law: &GammaLaw, z: f64, y: f64, high: f64, inner: f64) -> bool {
    squeeze(law, z, y, high, inner)
        .unwrap_or_else(|| ln_h(law.d, law.c * z).is_some_and(|lh| y.ln() < lh))
}

/// The smallest d of class k.
fn class_floor(k: i32) -> f64 {
    SMALLEST_D * 2f64.powf(f64::from(k) / 2.0)
}

/// ln h_d(z) = d g(s) with s = c z, or `None` where 1 + s ≤ 0 (h is 0 there).
pub(crate) fn ln_h(d: f64, s: f64) -> Option<f64> {
    if s <= -1.0 {
        return None;
    }
    Some(d * g(s))
}

/// g(s) = 3 ln(1 + s) − 3s − 3s² − s³, accurately near 0 (where it is −9s²/2 + O(s⁴) and the
/// direct formula cancels): there, its series −9s²/2 + Σ_{n≥4} 3 (−1)^(n+1) sⁿ / n.
fn g(s: f64) -> f64 {
    if s.abs() < 0.1 {
        // n = 4..=22; the first term left out is below 1e-21 of the result. Four Horner
        // chains in s⁴ (coefficients n ≡ 0, 1, 2, 3 mod 4) rather than one in s: the same
        // terms with a quarter of the dependent multiplications, as this runs on every
        // exact test.
        let (s2, s4) = (s * s, s * s * s * s);
        let chain = |k: usize| {
            SERIES
                .iter()
                .skip(k)
                .step_by(4)
                .rev()
                .fold(0.0, |acc, c| acc * s4 + c)
        };
        let tail = (chain(0) + s * chain(1)) + s2 * (chain(2) + s * chain(3));
        s2 * (-4.5 + s2 * tail)
    } else {
        3.0 * s.ln_1p() - s * (3.0 + s * (3.0 + s))
    }
}

/// 3 (−1)^(n+1) / n for n = 4..=22: the coefficients of g's series after its s² term.
const SERIES: [f64; 19] = {
    let mut c = [0.0; 19];
    let mut n = 4;
    while n <= 22 {
        let sign = if n % 2 == 0 { -3.0 } else { 3.0 };
        c[n - 4] = sign / n as f64;
        n += 1;
    }
    c
};

/// Uniform in [0, 1), 53 bits.
#[inline]
fn uniform<R: Rng>(rng: &mut R) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "53 bits, exact")]
    let u = (rng.next_u64() >> 11) as f64 * UNIT;
    u
}

/// Uniform in (0, 1), so that its logarithm is finite.
#[inline]
fn open01<R: Rng>(rng: &mut R) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "53 bits, exact")]
    let u = ((rng.next_u64() >> 11) as f64 + 0.5) * UNIT;
    u
}

#[cfg(test)]
pub(crate) mod tests {
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;
    use rand_distr::{Distribution, Gamma};

    use super::*;

    fn rng(seed: u64) -> Xoshiro256PlusPlus {
        Xoshiro256PlusPlus::seed_from_u64(seed)
    }

    #[test]
    fn the_ziggurat_layers_have_equal_areas_and_close_at_the_top() {
        let s = GammaSampler::new();
        for i in 1..LAYERS {
            let area = s.width[i] * (s.high[i] - s.low[i]);
            assert!((area - AREA).abs() < 1e-12, "layer {i}: {area}");
        }
        // The base layer: a rectangle of height f(r) and the width that makes its area AREA.
        assert!((s.width[0] * s.high[0] - AREA).abs() < 1e-15);
        // The recurrence reaches height 1 at the top without being forced.
        let top = AREA / s.width[LAYERS - 1] + s.low[LAYERS - 1];
        assert!((top - 1.0).abs() < 1e-12, "{top}");
    }

    #[test]
    fn h_lies_under_the_normal_curve_and_grows_with_d() {
        // The two facts the fast path relies on, checked on a grid (|z| up to past the base
        // layer, d from 2/3 to 1e6).
        let mut d = SMALLEST_D;
        let mut previous: Vec<f64> = vec![f64::NEG_INFINITY; 801];
        while d < 1e6 {
            let c = 1.0 / (9.0 * d).sqrt();
            for (j, prev) in previous.iter_mut().enumerate() {
                let z = (j as f64 - 400.0) / 100.0;
                let l = ln_h(d, c * z).unwrap_or(f64::NEG_INFINITY);
                assert!(l <= -0.5 * z * z + 1e-12, "d {d} z {z}: {l}");
                assert!(l >= *prev - 1e-12 * prev.abs(), "d {d} z {z}: {l} < {prev}");
                *prev = l;
            }
            d *= 1.07;
        }
    }

    #[test]
    fn the_series_and_the_direct_formula_of_g_agree_where_they_meet() {
        for s in [0.099_999, -0.099_999, 0.1, -0.1] {
            let direct = 3.0 * f64::ln_1p(s) - s * (3.0 + s * (3.0 + s));
            assert!((g(s) - direct).abs() < 1e-14 * direct.abs(), "{s}");
        }
        // The first terms of the series at s = 1e-3: -9s²/2 - 3s⁴/4 + 3s⁵/5 - s⁶/2.
        assert!((g(1e-3) - (-4.5e-6 - 7.5e-13 + 6e-16 - 5e-19)).abs() < 1e-20);
    }

    #[test]
    fn fast_path_cutoffs_are_safe_for_every_d_of_their_class() {
        let mut s = GammaSampler::new();
        for shape in [1.0, 1.3, 2.4, 7.0, 40.0, 160.0, 5e4] {
            let law = s.law(shape).unwrap();
            let (k, table) = &s.classes[law.class];
            let floor = class_floor(*k);
            assert!(floor <= law.d && law.d < floor * 2f64.sqrt() + 1e-9 || *k == 0);
            for d in [floor, law.d, floor * 1.41] {
                let c = 1.0 / (9.0 * d).sqrt();
                for (i, &units) in table.iter().enumerate() {
                    // The largest z the fast path accepts in this layer.
                    let cut = f64::from(units) / 4_294_967_296.0 * s.width[i];
                    assert!(cut <= s.inner[i]);
                    for z in [cut, -cut, 0.5 * cut, -0.5 * cut] {
                        let l = ln_h(d, c * z).unwrap();
                        assert!(l >= s.high[i].ln(), "layer {i} z {z} d {d}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_fast_path_takes_nearly_every_draw() {
        // Layers are equally likely and u is uniform, so the share of draws decided by the
        // table alone is the mean of cut-off / width over the layers.
        let mut s = GammaSampler::new();
        for (shape, least) in [
            (1.0, 0.91),
            (2.4, 0.96),
            (11.0, 0.98),
            (160.0, 0.984),
            (1e6, 0.984),
        ] {
            let law = s.law(shape).unwrap();
            let table = &s.classes[law.class].1;
            let fast: f64 = table
                .iter()
                .map(|&units| f64::from(units) / 4_294_967_296.0)
                .sum::<f64>()
                / LAYERS as f64;
            assert!(fast > least, "shape {shape}: {fast}");
        }
    }

    #[test]
    fn the_squeeze_agrees_with_the_exact_test_and_settles_most_points() {
        // Every layer, z across the layer (both signs, inside the base layer's rectangle) and y
        // across its height range: `squeeze` may only say what ln y < ln h_d(z) says. Points
        // that are not in the fast path and that it settles are counted: without the squeeze
        // every such point would take two logarithms.
        let mut s = GammaSampler::new();
        // Small shapes leave more to the logarithms (|s| > 1/2 is never squeezed).
        for (shape, least) in [
            (1.0, 0.3),
            (1.6, 0.4),
            (4.0, 0.8),
            (40.0, 0.95),
            (400.0, 0.95),
            (1e5, 0.95),
        ] {
            let law = s.law(shape).unwrap();
            let table = s.classes[law.class].1.clone();
            let (mut slow, mut settled) = (0u32, 0u32);
            for i in 0..LAYERS {
                let edge = if i == 0 { R } else { s.width[i] };
                let cut = f64::from(table[i]) / 4_294_967_296.0 * s.width[i];
                for a in 0..=40 {
                    for sign in [1.0, -1.0] {
                        let z = sign * edge * f64::from(a) / 40.0 * (1.0 - 1e-12);
                        for b in 0..=40 {
                            let y = s.low[i] + (s.high[i] - s.low[i]) * f64::from(b) / 40.0;
                            let exact = ln_h(law.d, law.c * z).is_some_and(|l| y.ln() < l);
                            let quick = squeeze(&law, z, y, s.high[i], s.inner[i]);
                            assert!(
                                quick.is_none_or(|q| q == exact),
                                "shape {shape} layer {i} z {z} y {y}: {quick:?} vs {exact}"
                            );
                            if z.abs() >= cut {
                                slow += 1;
                                settled += u32::from(quick.is_some());
                            }
                        }
                    }
                }
            }
            let share = f64::from(settled) / f64::from(slow);
            assert!(share > least, "shape {shape}: {share}");
        }
    }

    #[test]
    fn bad_shapes_are_refused() {
        let mut s = GammaSampler::new();
        for shape in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(s.law(shape).is_err(), "{shape}");
        }
    }

    /// Two-sample Kolmogorov–Smirnov statistic (the simulation's tests use it too).
    pub(crate) fn ks(mut a: Vec<f64>, mut b: Vec<f64>) -> f64 {
        a.sort_by(f64::total_cmp);
        b.sort_by(f64::total_cmp);
        let (mut i, mut j, mut worst) = (0, 0, 0.0f64);
        while i < a.len() && j < b.len() {
            if a[i] <= b[j] {
                i += 1;
            } else {
                j += 1;
            }
            worst = worst.max((i as f64 / a.len() as f64 - j as f64 / b.len() as f64).abs());
        }
        worst
    }

    #[test]
    fn samples_follow_the_same_law_as_rand_distr() {
        // 100,000 draws from each; the 1e-6 critical value of the two-sample KS statistic is
        // about 1.95 * sqrt(2 / n) = 0.0087. A wrong cut-off or a missing tail shows as a
        // statistic of several hundredths (checked by perturbing the cut-offs by 2 %).
        let n = 100_000;
        let mut sampler = GammaSampler::new();
        for (k, shape) in [0.3, 1.0, 2.4, 11.0, 160.0, 1e6].into_iter().enumerate() {
            let law = sampler.law(shape).unwrap();
            let mut r = rng(k as u64);
            let ours: Vec<f64> = (0..n).map(|_| sampler.sample(&law, &mut r)).collect();
            let reference = Gamma::new(shape, 1.0).unwrap();
            let mut r = rng(1000 + k as u64);
            let theirs: Vec<f64> = (0..n).map(|_| reference.sample(&mut r)).collect();
            let mean = ours.iter().sum::<f64>() / n as f64;
            let var = ours.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
            // Mean α and variance α, within 6 standard errors.
            assert!(
                (mean - shape).abs() < 6.0 * (shape / n as f64).sqrt(),
                "{shape}: {mean}"
            );
            assert!(
                (var / shape - 1.0).abs() < 6.0 * (2.0 / n as f64).sqrt() * (1.0 + 3.0 / shape),
                "{shape}: {var}"
            );
            let stat = ks(ours, theirs);
            assert!(stat < 0.0087, "shape {shape}: KS {stat}");
        }
    }

    #[test]
    fn the_tails_beyond_the_base_layer_are_drawn_as_often_as_the_normal_says() {
        // For a huge d, h_d is the normal density to within 1e-3 for |z| < 5, so P(|z| > 3.7)
        // is 2.156e-4 (both tails): 2,000,000 draws expect 431, with a standard deviation of
        // 21. Losing the tail (z beyond r = 3.654 is only reached through it) gives about 0.
        let mut sampler = GammaSampler::new();
        let law = sampler.law(1e9).unwrap();
        let mut r = rng(7);
        let n = 2_000_000;
        let (mut left, mut right) = (0u32, 0u32);
        for _ in 0..n {
            let z = sampler.sample_z(&law, &mut r);
            left += u32::from(z < -3.7);
            right += u32::from(z > 3.7);
        }
        for count in [left, right] {
            assert!(
                (f64::from(count) - 215.6).abs() < 6.0 * 215.6f64.sqrt(),
                "{left} {right}"
            );
        }
    }
}
