//! The generator a simulated run draws its votes from: WyRand, through the `fastrand` crate.
//!
//! A run's Gamma draws take one 64-bit number each (see `gamma`), so the generator's cost is a
//! fair part of a draw's. WyRand (Wang Yi's, the generator of `fastrand` and of Go's runtime)
//! is a 64-bit counter stepped by an odd constant and mixed by one 64 × 64 → 128-bit product:
//! a handful of instructions and one word of state, which stays in a register through the
//! draw loop (xoshiro256++, four words, did not). It passes BigCrush and PractRand; its period
//! is 2^64 per run, of which a run uses a few hundred numbers.
//!
//! Run `i` of a simulation starts from a state derived from the seed and `i` alone (SplitMix64
//! over the pair, in a domain of its own), so a run's draws do not depend on the thread that
//! makes them. The runs' lots (ties drawn in a simulated run) come from a separate generator
//! (`seats::seeded_rng`), so drawing one never shifts the votes drawn after it.

use std::convert::Infallible;

use rand::TryRng;

/// Separates the draws' seeds from the lots' (which hash the same seed and run).
const DOMAIN: u64 = 0x6472_6177_735f_7631;

/// A run's vote generator.
#[derive(Clone)]
pub(crate) struct Draws(fastrand::Rng);

impl Draws {
    /// The generator of run `run` of a simulation seeded with `seed`.
    pub(crate) fn for_run(seed: u64, run: u64) -> Draws {
        let mut z = (seed ^ DOMAIN) ^ run.wrapping_mul(0xD1B5_4A32_D192_ED03);
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Draws(fastrand::Rng::with_seed(z ^ (z >> 31)))
    }
}

impl TryRng for Draws {
    type Error = Infallible;

    #[inline(always)]
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(self.0.u32(..))
    }

    #[inline(always)]
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.0.u64(..))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        self.0.fill(dst);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use rand::Rng;

    use super::*;

    #[test]
    fn runs_get_distinct_streams_that_do_not_depend_on_order() {
        let first: Vec<u64> = (0..4).map(|_| Draws::for_run(7, 3).next_u64()).collect();
        assert!(
            first.windows(2).all(|w| w[0] == w[1]),
            "same run, same numbers"
        );
        let mut seen: Vec<u64> = (0..1000)
            .map(|run| Draws::for_run(7, run).next_u64())
            .chain((0..1000).map(|run| Draws::for_run(8, run).next_u64()))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 2000, "every (seed, run) starts elsewhere");
    }

    #[test]
    fn output_bits_are_balanced() {
        // Each of the 64 bits is set in about half of 100,000 numbers (the ziggurat uses the
        // low bits for the layer and sign, the high ones for the position).
        let mut rng = Draws::for_run(1, 0);
        let n = 100_000;
        let mut ones = [0u32; 64];
        for _ in 0..n {
            let x = rng.next_u64();
            for (b, count) in ones.iter_mut().enumerate() {
                *count += u32::from((x >> b) & 1 == 1);
            }
        }
        for (b, &count) in ones.iter().enumerate() {
            // Binomial(100,000, 1/2): sd 158; 5 sd either side.
            assert!((49_210..=50_790).contains(&count), "bit {b}: {count}");
        }
    }
}
