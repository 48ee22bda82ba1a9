//! A small deterministic generator (wyrand): every input is a function of (seed, target, index),
//! so any input can be regenerated from its index alone.

/// wyrand: 64-bit state, one multiply per draw; plenty for generating inputs.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The generator for input `index` of `target` under run seed `seed`.
    pub fn for_input(seed: u64, target: &str, index: u64) -> Rng {
        // FNV-1a of the target name, mixed with the seed and the index.
        let mut h: u64 = 0xCBF2_9CE4_8422_2325;
        for b in target.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01B3);
        }
        let mut r = Rng::new(seed ^ h ^ index.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0xA076_1D64_78BD_642F);
        let t = u128::from(self.0) * u128::from(self.0 ^ 0xE703_7ED1_A0B4_28DB);
        ((t >> 64) ^ t) as u64
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `1/n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// A size skewed toward small values: mostly under 8, sometimes up to `max`.
    pub fn small(&mut self, max: usize) -> usize {
        match self.below(10) {
            0..=6 => self.below(8.min(max + 1)),
            7 | 8 => self.below(64.min(max + 1)),
            _ => self.below(max + 1),
        }
    }
}
