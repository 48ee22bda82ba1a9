//! A divisor-method allocation for the simulation's inner loop that starts from a guess (the
//! observed votes' seats) and proves its answer, or says it cannot and leaves the decision to
//! the exact allocator in `seats.rs`.
//!
//! Seats s are a divisor-method result exactly when every claim that won, v_i / d(j) for
//! j < s_i, is at least every claim that did not, v_j / d(s_j); the smallest winning claim is
//! v_i / d(s_i − 1) and the largest losing one v_j / d(s_j). When the smallest winning claim is
//! *strictly* larger than the largest losing one, s is the only result and no tie touches it,
//! so the exact allocator would give the same seats and settle no tie (draw no lot). Otherwise,
//! while the largest losing claim is strictly larger, one seat moves from the smallest winner
//! to it (the sum of the winning claims grows, so this ends). Claims are compared as doubles
//! v · (1 / d): each is within 2^-52 of its exact value, so a comparison that clears a relative
//! margin of 2^-48 is exact; anything closer (in practice only exact ties) returns `false`.
//! With the noise of a simulation, the guess is usually right or one or two seats off, so an
//! allocation is a pass or two over the parties.

use crate::method::{Divisor, Method};

/// Relative margin that rounding in the claims (at most 2^-52 each) cannot cross.
const MARGIN: f64 = 1.0 / 281_474_976_710_656.0;
/// Vote counts at most this are exact doubles, with room for the rounding of a draw.
pub(crate) const MAX_VOTES: u64 = 1 << 52;

/// The reciprocal divisors of a method that has positive divisors, each exact as a double,
/// up to a largest magnitude.
#[derive(Debug, Clone)]
pub(crate) struct FastDivisor {
    /// For a party holding k seats: (1 / d(k), its next claim's factor, and 1 / d(k − 1), its
    /// last winning claim's). With no seat there is no winning claim: +∞ (and v · ∞ is never a
    /// minimum: +∞, or NaN for no votes, which `min` skips). At the largest magnitude there is
    /// no next seat: 0 (a party with every seat competes with no one).
    claims: Vec<(f64, f64)>,
}

impl FastDivisor {
    /// `None` when the method has no such divisors (largest remainders, Adams and
    /// Huntington–Hill with their zero first divisor, or divisors too large for a double).
    /// LEMNA (`cambodia`) gives D'Hondt's seats whenever no tie is involved, and this path only
    /// answers then, so it uses D'Hondt's divisors.
    pub(crate) fn new(method: Method, max_seats: u64) -> Option<FastDivisor> {
        let divisor = match method {
            Method::Cambodia => Method::DHondt.divisor()?,
            _ => method.divisor()?,
        };
        let Divisor::Linear { a, b, first } = divisor else {
            return None;
        };
        let exact = |x: u128| x > 0 && x < 1 << 53;
        let mut inverse = Vec::with_capacity(usize::try_from(max_seats).ok()?.checked_add(1)?);
        for k in 0..max_seats {
            let d = match first {
                Some(f) if k == 0 => f,
                _ => a.checked_mul(u128::from(k))?.checked_add(b)?,
            };
            if !exact(d) {
                return None;
            }
            #[expect(clippy::cast_precision_loss, reason = "below 2^53, so exact")]
            inverse.push(1.0 / d as f64);
        }
        let claims = (0..=inverse.len())
            .map(|k| {
                let next = inverse.get(k).copied().unwrap_or(0.0);
                let last = k.checked_sub(1).map_or(f64::INFINITY, |j| inverse[j]);
                (next, last)
            })
            .collect();
        Some(FastDivisor { claims })
    }

    /// For a party holding `seats`: the factors that turn its votes into its next claim and
    /// into its last winning claim (0 and +∞ at the ends, as in `claims`); `None` past the
    /// largest magnitude.
    pub(crate) fn factors(&self, seats: u64) -> Option<(f64, f64)> {
        self.claims.get(usize::try_from(seats).ok()?).copied()
    }

    /// The largest factor of any claim (the first divisor's reciprocal, for these methods).
    pub(crate) fn largest_factor(&self) -> f64 {
        self.claims
            .iter()
            .flat_map(|&(next, last)| [next, last])
            .filter(|f| f.is_finite())
            .fold(0.0, f64::max)
    }

    /// Seats for `votes` (whole numbers below [`MAX_VOTES`], as doubles) starting from `start`
    /// (any seats adding up to the magnitude, each at most the largest magnitude), into `won`.
    /// `true` when `won` is then provably the method's only result with no tie involved;
    /// `false` when the exact allocator must decide (`won` is then meaningless). `next` and
    /// `last` are buffers as long as `votes`, for each party's next and last winning claims.
    pub(crate) fn allocate(
        &self,
        votes: &[f64],
        start: &[u64],
        won: &mut [u64],
        next: &mut [f64],
        last: &mut [f64],
    ) -> bool {
        let n = votes.len();
        let (won, next, last) = (&mut won[..n], &mut next[..n], &mut last[..n]);
        for i in 0..n {
            won[i] = start[i];
            let Some((nf, lf)) = self.factors(start[i]) else {
                return false;
            };
            next[i] = votes[i] * nf;
            last[i] = votes[i] * lf;
        }
        // Each move raises the sum of the winning claims, so there are finitely many; real
        // draws need a few. The cap only bounds the work before handing over.
        for _ in 0..n + 8 {
            // A party without a seat has no winning claim: +∞, or NaN with no votes, and
            // neither is ever below `weakest`.
            let (mut weakest, mut from) = (f64::INFINITY, usize::MAX);
            let (mut strongest, mut to) = (-1.0f64, usize::MAX);
            for i in 0..n {
                if last[i] < weakest {
                    weakest = last[i];
                    from = i;
                }
                if next[i] > strongest {
                    strongest = next[i];
                    to = i;
                }
            }
            if clear_win(weakest, strongest) {
                return true;
            }
            if strongest <= weakest * (1.0 + MARGIN) || from == usize::MAX || to == usize::MAX {
                return false;
            }
            // Never the same party: its next claim is below its last winning claim.
            won[from] -= 1;
            won[to] += 1;
            for i in [from, to] {
                let Some((nf, lf)) = self.factors(won[i]) else {
                    return false;
                };
                next[i] = votes[i] * nf;
                last[i] = votes[i] * lf;
            }
        }
        false
    }
}

/// Whether the weakest winning claim is provably above the strongest next claim, both
/// computed as `votes * factor` from [`FastDivisor::factors`] with whole vote counts below
/// [`MAX_VOTES`].
#[inline]
pub(crate) fn clear_win(weakest: f64, strongest: f64) -> bool {
    weakest > strongest * (1.0 + MARGIN)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;

    use super::*;
    use crate::method::Fraction;
    use crate::seats::{TieBreaker, TiePolicy, allocate_into, allocate_seats};
    use crate::simulate::{SeatWork, allocate_constituency};

    fn methods() -> Vec<Method> {
        vec![
            Method::DHondt,
            Method::Cambodia,
            Method::SainteLague,
            Method::ModifiedSainteLague {
                first_divisor: Fraction { num: 7, den: 5 },
            },
            Method::Imperiali,
            Method::Danish,
        ]
    }

    /// Any seats adding up to `seats`, spread by `spread`.
    fn start_from(spread: &[u64], seats: u64) -> Vec<u64> {
        let mut start = vec![0; spread.len()];
        let mut left = seats;
        for (i, &w) in spread.iter().enumerate() {
            let give = (w % 4).min(left);
            start[i] = give;
            left -= give;
        }
        start[0] += left;
        start
    }

    #[test]
    fn methods_without_positive_divisors_have_no_fast_path() {
        for m in [
            Method::Adams,
            Method::HuntingtonHill,
            Method::Hare,
            Method::Droop,
        ] {
            assert!(FastDivisor::new(m, 10).is_none(), "{m}");
        }
        for m in methods() {
            assert!(FastDivisor::new(m, 10).is_some(), "{m}");
        }
    }

    #[test]
    fn a_clear_result_is_proved_and_a_tie_is_handed_over() {
        let fast = FastDivisor::new(Method::DHondt, 5).unwrap();
        let mut won = [0; 3];
        let (mut next, mut last) = ([0.0; 3], [0.0; 3]);
        // From a wrong start (all to C), D'Hondt's 3-2-0 for 10000, 6000, 1500.
        assert!(fast.allocate(
            &[10_000.0, 6_000.0, 1_500.0],
            &[0, 0, 5],
            &mut won,
            &mut next,
            &mut last
        ));
        assert_eq!(won, [3, 2, 0]);
        // 100, 50, 50 for 2 seats: the second seat is an exact three-way tie.
        let fast = FastDivisor::new(Method::DHondt, 2).unwrap();
        let mut won = [0; 3];
        assert!(!fast.allocate(
            &[100.0, 50.0, 50.0],
            &[2, 0, 0],
            &mut won,
            &mut next,
            &mut last
        ));
        // No votes at all: nothing to prove.
        assert!(!fast.allocate(&[0.0, 0.0, 0.0], &[1, 1, 0], &mut won, &mut next, &mut last));
    }

    #[test]
    fn near_ties_below_the_margin_are_handed_over_but_clear_ones_are_not() {
        // 2^51 + 1 against 2^51: a relative gap of 2^-51, inside the margin.
        let big = (1u64 << 51) as f64;
        let fast = FastDivisor::new(Method::DHondt, 1).unwrap();
        let mut won = [0; 2];
        let (mut next, mut last) = ([0.0; 2], [0.0; 2]);
        assert!(!fast.allocate(&[big + 1.0, big], &[1, 0], &mut won, &mut next, &mut last));
        // 1,000,001 against 1,000,000: far outside it.
        assert!(fast.allocate(
            &[1_000_001.0, 1_000_000.0],
            &[0, 1],
            &mut won,
            &mut next,
            &mut last
        ));
        assert_eq!(won, [1, 0]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whenever the fast path answers, its seats are the exact allocator's, which settles
        /// no tie; small vote counts make exact ties (which it must hand over) common.
        #[test]
        fn fast_answers_equal_the_exact_allocator(
            votes in prop::collection::vec(prop_oneof![0u64..40, 0u64..2_000_000], 1..12),
            spread in prop::collection::vec(0u64..8, 12),
            seats in 1u64..15,
            method in prop::sample::select(methods()),
        ) {
            let fast = FastDivisor::new(method, seats).unwrap();
            let as_f64: Vec<f64> = votes.iter().map(|&v| v as f64).collect();
            let start = start_from(&spread[..votes.len()], seats);
            let mut won = vec![0; votes.len()];
            let (mut next, mut last) = (vec![0.0; votes.len()], vec![0.0; votes.len()]);
            if fast.allocate(&as_f64, &start, &mut won, &mut next, &mut last) {
                let mut ties = TieBreaker::new(TiePolicy::Error);
                let exact = allocate_seats(method, &votes, seats, &mut ties);
                prop_assert_eq!(Ok(won), exact);
                prop_assert!(ties.take_settled().is_empty());
            }
        }

        /// The simulation's allocation step (fast path, else the exact allocator) gives what
        /// the exact allocator gives under every tie policy, errors included, and leaves a
        /// lot's generator in the same state.
        #[test]
        fn the_simulation_step_equals_the_exact_allocator_under_every_tie_policy(
            votes in prop::collection::vec(prop_oneof![0u64..30, 0u64..100_000], 1..10),
            spread in prop::collection::vec(0u64..8, 10),
            seats in 1u64..12,
            method in prop::sample::select(methods()),
            policy in prop::sample::select(vec![
                TiePolicy::Error, TiePolicy::MostVotes, TiePolicy::Lot { seed: 9 }]),
        ) {
            let fast = FastDivisor::new(method, seats);
            let as_f64: Vec<f64> = votes.iter().map(|&v| v as f64).collect();
            let start = start_from(&spread[..votes.len()], seats);
            let mut ours = TieBreaker::new(policy);
            let mut work = SeatWork::default();
            let result = allocate_constituency(
                method, fast.as_ref(), &votes, &as_f64, &start, seats, &mut work, &mut ours,
            )
            .map(|()| work.won[..votes.len()].to_vec());
            let mut theirs = TieBreaker::new(policy);
            let mut expected = vec![0; votes.len()];
            let exact = allocate_into(method, &votes, seats, &mut expected, &mut theirs)
                .map(|()| expected);
            prop_assert_eq!(result, exact);
            prop_assert_eq!(ours.take_settled(), theirs.take_settled());
            // The lot generators went through the same draws.
            let mut a = ours.rng_mut().cloned();
            let mut b = theirs.rng_mut().cloned();
            prop_assert_eq!(
                a.as_mut().map(rand::Rng::next_u64),
                b.as_mut().map(rand::Rng::next_u64)
            );
        }
    }

    #[test]
    fn the_fast_path_answers_most_simulated_draws() {
        // Not a speed check: a fast path that always handed over would pass the equality
        // properties above and do nothing. Draws like the simulation's (10 parties, 5 seats,
        // votes moved a few per cent) must nearly all be answered.
        let observed = [
            28_000u64, 22_000, 15_000, 10_000, 8_000, 6_000, 5_000, 3_000, 2_000, 1_000,
        ];
        let seats = 5;
        let start = allocate_seats(
            Method::DHondt,
            &observed,
            seats,
            &mut TieBreaker::new(TiePolicy::Error),
        )
        .unwrap();
        let fast = FastDivisor::new(Method::DHondt, seats).unwrap();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        let mut answered = 0;
        let mut won = vec![0; observed.len()];
        let (mut next, mut last) = (vec![0.0; observed.len()], vec![0.0; observed.len()]);
        for _ in 0..1000 {
            let votes: Vec<f64> = observed
                .iter()
                .map(|&v| {
                    let noise =
                        0.9 + 0.2 * (rand::Rng::next_u64(&mut rng) >> 11) as f64 / 2f64.powi(53);
                    (v as f64 * noise).round()
                })
                .collect();
            if fast.allocate(&votes, &start, &mut won, &mut next, &mut last) {
                answered += 1;
            }
        }
        assert!(answered > 990, "{answered}");
    }
}
