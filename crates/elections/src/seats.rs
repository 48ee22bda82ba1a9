//! Seats for one list of vote counts: the methods themselves, on plain indices, with no names,
//! thresholds or files in sight. Everything else in the crate is built on [`allocate_seats`].

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

use crate::method::{Claim, Divisor, Method};

/// How a tie for the last seat(s) is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TiePolicy {
    /// Report the tie as an error (the default: a tie is never settled silently).
    #[default]
    Error,
    /// The tied party with more votes wins; a tie in votes too is still an error.
    MostVotes,
    /// Drawn by lot from a seeded generator, so the draw can be repeated.
    Lot { seed: u64 },
}

impl TiePolicy {
    pub fn name(&self) -> &'static str {
        match self {
            TiePolicy::Error => "error",
            TiePolicy::MostVotes => "most-votes",
            TiePolicy::Lot { .. } => "lot",
        }
    }
}

/// The rule that settled a tie: the policy's name in files and JSON (`most-votes`, `lot`), so
/// that a page or a terminal can say it in its reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TieRule {
    /// The tied party with more votes won.
    MostVotes,
    /// Drawn by lot.
    Lot,
}

impl TieRule {
    /// The name files and JSON use (`most-votes`, `lot`).
    pub fn name(self) -> &'static str {
        match self {
            TieRule::MostVotes => "most-votes",
            TieRule::Lot => "lot",
        }
    }
}

impl std::fmt::Display for TieRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A tie that a policy settled, by index into the vote list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettledTie {
    /// The first contested seat, counted from 1 within this allocation.
    pub seat: u64,
    pub tied: Vec<usize>,
    pub winners: Vec<usize>,
    pub rule: TieRule,
}

/// Why seats could not be allocated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeatError {
    /// `tied` have exactly equal claims to seats `seat..seat + seats_left - 1` and there are
    /// more of them than seats.
    Tie {
        seat: u64,
        tied: Vec<usize>,
        seats_left: u64,
    },
    /// Seats remain but no party with votes is left to take them.
    NoCandidates { seats_left: u64 },
}

/// Settles ties by a [`TiePolicy`] and keeps a record of what it settled.
#[derive(Debug, Clone)]
pub struct TieBreaker {
    policy: TiePolicy,
    rng: Option<Xoshiro256PlusPlus>,
    settled: Vec<SettledTie>,
    keep_record: bool,
    lots: u64,
}

impl TieBreaker {
    pub fn new(policy: TiePolicy) -> TieBreaker {
        let rng = match policy {
            TiePolicy::Lot { seed } => Some(seeded_rng(seed, 0)),
            _ => None,
        };
        TieBreaker {
            policy,
            rng,
            settled: Vec::new(),
            keep_record: true,
            lots: 0,
        }
    }

    /// Drawing lots from an existing generator, keeping no record (used by the simulation,
    /// where thousands of runs each draw their own lots).
    pub(crate) fn lot_from(rng: Xoshiro256PlusPlus) -> TieBreaker {
        TieBreaker {
            policy: TiePolicy::Lot { seed: 0 },
            rng: Some(rng),
            settled: Vec::new(),
            keep_record: false,
            lots: 0,
        }
    }

    /// The lot's generator, for tests that compare two tie breakers' states.
    #[cfg(test)]
    pub(crate) fn rng_mut(&mut self) -> Option<&mut Xoshiro256PlusPlus> {
        self.rng.as_mut()
    }

    /// How many ties were drawn by lot since the last call.
    pub(crate) fn take_lot_count(&mut self) -> u64 {
        std::mem::take(&mut self.lots)
    }

    /// The ties settled so far, oldest first; the list is emptied.
    pub fn take_settled(&mut self) -> Vec<SettledTie> {
        std::mem::take(&mut self.settled)
    }

    /// Chooses `k` of `tied` (more than `k` of them) for the contested seats from `seat` on.
    fn settle(
        &mut self,
        seat: u64,
        tied: &[usize],
        k: u64,
        votes: &[u64],
    ) -> Result<Vec<usize>, SeatError> {
        let k_usize = usize::try_from(k).unwrap_or(usize::MAX).min(tied.len());
        let winners = match self.policy {
            TiePolicy::Error => {
                return Err(SeatError::Tie {
                    seat,
                    tied: tied.to_vec(),
                    seats_left: k,
                });
            }
            TiePolicy::MostVotes => {
                let mut order = tied.to_vec();
                order.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
                let cutoff = votes[order[k_usize - 1]];
                if order.len() > k_usize && votes[order[k_usize]] == cutoff {
                    // Equal votes too: the policy cannot settle it. Report only the parties
                    // still level and the seats left among them.
                    let ahead = order.iter().filter(|&&i| votes[i] > cutoff).count();
                    let still: Vec<usize> = order
                        .iter()
                        .copied()
                        .filter(|&i| votes[i] == cutoff)
                        .collect();
                    return Err(SeatError::Tie {
                        seat: seat + ahead as u64,
                        tied: still,
                        seats_left: (k_usize - ahead) as u64,
                    });
                }
                order.truncate(k_usize);
                order
            }
            TiePolicy::Lot { .. } => {
                let mut pool = tied.to_vec();
                if let Some(rng) = self.rng.as_mut() {
                    // Partial Fisher–Yates: the first k of the pool are drawn in order.
                    for i in 0..k_usize {
                        let j = i + rng.random_range(0..pool.len() - i);
                        pool.swap(i, j);
                    }
                }
                pool.truncate(k_usize);
                self.lots += 1;
                pool
            }
        };
        if self.keep_record {
            self.settled.push(SettledTie {
                seat,
                tied: tied.to_vec(),
                winners: winners.clone(),
                // `Error` returned above: only the two settling policies get here.
                rule: match self.policy {
                    TiePolicy::Lot { .. } => TieRule::Lot,
                    TiePolicy::Error | TiePolicy::MostVotes => TieRule::MostVotes,
                },
            });
        }
        Ok(winners)
    }
}

/// A generator for stream `stream` of `seed`: the 256-bit state comes from SplitMix64 over
/// the pair, so run `i` of a simulation draws the same numbers whichever thread runs it.
pub(crate) fn seeded_rng(seed: u64, stream: u64) -> Xoshiro256PlusPlus {
    let mut state = seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
    let mut bytes = [0u8; 32];
    for chunk in bytes.chunks_exact_mut(8) {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        chunk.copy_from_slice(&z.to_le_bytes());
    }
    Xoshiro256PlusPlus::from_seed(bytes)
}

/// Allocates `seats` among the parties of `votes` (index order is irrelevant to the result).
/// A party with zero votes never receives a seat.
pub fn allocate_seats(
    method: Method,
    votes: &[u64],
    seats: u64,
    ties: &mut TieBreaker,
) -> Result<Vec<u64>, SeatError> {
    let mut won = vec![0u64; votes.len()];
    allocate_into(method, votes, seats, &mut won, ties)?;
    Ok(won)
}

/// As [`allocate_seats`], into a caller's buffer (zeroed here), so that simulations allocate
/// no memory per run.
pub(crate) fn allocate_into(
    method: Method,
    votes: &[u64],
    seats: u64,
    won: &mut [u64],
    ties: &mut TieBreaker,
) -> Result<(), SeatError> {
    won.iter_mut().for_each(|s| *s = 0);
    if let Some(divisor) = method.divisor() {
        return divisor_fill(divisor, votes, won, seats, 0, ties);
    }
    match method {
        // LEMNA: quota = V / S; first round floor(v / quota) = floor(v S / V); the rest one at a
        // time to the highest v / (seats won + 1).
        //
        // D'Hondt takes the same path: its divisor is never above V / S, so no party ends with
        // fewer than floor(v S / V) seats, and at most S quotients reach V / S, so giving those
        // seats at once changes neither the seats nor which ties are contested. The scan then
        // only places the few seats left (this is the simulation's hot path).
        Method::Cambodia | Method::DHondt => {
            let total: u128 = votes.iter().map(|&v| u128::from(v)).sum();
            if total == 0 {
                return if seats == 0 {
                    Ok(())
                } else {
                    Err(SeatError::NoCandidates { seats_left: seats })
                };
            }
            let mut given = 0;
            let small = u64::try_from(total)
                .ok()
                .filter(|t| t.checked_mul(seats).is_some());
            #[expect(clippy::cast_precision_loss, reason = "an estimate, corrected exactly")]
            let scale = small.map_or(0.0, |t| seats as f64 / t as f64);
            for (w, &v) in won.iter_mut().zip(votes) {
                *w = match small {
                    // v <= total, so v * seats fits in 64 bits: estimate floor(v seats / total)
                    // in floating point and correct it exactly with integer multiplications,
                    // which is cheaper than an integer division.
                    Some(t) => floor_ratio(v * seats, t, v, scale),
                    None => {
                        u64::try_from(u128::from(v) * u128::from(seats) / total).unwrap_or(u64::MAX)
                    }
                };
                given += *w;
            }
            let dhondt = Divisor::Linear {
                a: 1,
                b: 1,
                first: None,
            };
            divisor_fill(dhondt, votes, won, seats - given.min(seats), given, ties)
        }
        _ => largest_remainder(method, votes, seats, won, ties),
    }
}

/// floor(num / den) for den > 0, exactly: the estimate `v * scale` (scale ~ num / (v den)),
/// then corrected so that f den <= num < (f + 1) den holds in integers.
#[inline]
fn floor_ratio(num: u64, den: u64, v: u64, scale: f64) -> u64 {
    #[expect(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "an estimate, corrected exactly below"
    )]
    let mut f = (v as f64 * scale).max(0.0) as u64;
    while u128::from(f) * u128::from(den) > u128::from(num) {
        f -= 1;
    }
    while (u128::from(f) + 1) * u128::from(den) <= u128::from(num) {
        f += 1;
    }
    f
}

/// Gives `remaining` more seats one claim level at a time; `already` seats were given before
/// (for numbering contested seats).
pub(crate) fn divisor_fill(
    divisor: Divisor,
    votes: &[u64],
    won: &mut [u64],
    remaining: u64,
    already: u64,
    ties: &mut TieBreaker,
) -> Result<(), SeatError> {
    if votes.len() > SCAN_LIMIT {
        return divisor_fill_heap(divisor, votes, won, remaining, already, ties);
    }
    if let Divisor::Linear { a, b, first } = divisor {
        // Every divisor positive and every vote count and divisor exact in a double.
        let most = won
            .iter()
            .max()
            .copied()
            .unwrap_or(0)
            .saturating_add(remaining);
        let exact = |x: u128| x > 0 && x < 1 << 53;
        let votes_exact = votes.iter().all(|&v| v < 1 << 53);
        if votes_exact
            && b > 0
            && exact(a.saturating_mul(u128::from(most)).saturating_add(b))
            && first.is_none_or(exact)
        {
            return linear_fill(divisor, votes, won, remaining, already, ties);
        }
    }
    // Each party's claim is computed once and then only for the parties that win a seat.
    let mut claims = [Claim {
        weight: 0,
        divisor: 1,
    }; SCAN_LIMIT];
    for (i, (&v, &s)) in votes.iter().zip(won.iter()).enumerate() {
        claims[i] = divisor.claim(v, s);
    }
    let claims = &mut claims[..votes.len()];
    let mut remaining = remaining;
    let mut seat = already;
    let mut group = [0usize; SCAN_LIMIT];
    while remaining > 0 {
        let mut size = 0;
        let mut best = Claim {
            weight: 0,
            divisor: 1,
        };
        for (i, claim) in claims.iter().enumerate() {
            if votes[i] == 0 {
                continue;
            }
            match if size == 0 {
                Ordering::Greater
            } else {
                claim.compare(&best)
            } {
                Ordering::Greater => {
                    best = *claim;
                    group[0] = i;
                    size = 1;
                }
                Ordering::Equal => {
                    group[size] = i;
                    size += 1;
                }
                Ordering::Less => {}
            }
        }
        award(&group[..size], votes, won, &mut remaining, &mut seat, ties)?;
        for &i in &group[..size] {
            claims[i] = divisor.claim(votes[i], won[i]);
        }
    }
    Ok(())
}

/// [`divisor_fill`] for linear divisors that are positive and, like every vote count, below
/// 2^53 (every real election): each party's claim `v / d` is kept as a double. Doubles are
/// exact here up to one rounding of the division, and correctly rounded division is monotone,
/// so a claim whose double is strictly larger is exactly larger; only claims whose doubles are
/// equal are compared again exactly, in integers. This is the simulation's inner loop.
fn linear_fill(
    divisor: Divisor,
    votes: &[u64],
    won: &mut [u64],
    remaining: u64,
    already: u64,
    ties: &mut TieBreaker,
) -> Result<(), SeatError> {
    let Divisor::Linear { a, b, first } = divisor else {
        return divisor_fill_heap(divisor, votes, won, remaining, already, ties);
    };
    let (a, b) = (low64_of(a), low64_of(b));
    let first = first.map(low64_of);
    let scaled = |s: u64| -> u64 {
        match first {
            Some(f) if s == 0 => f,
            _ => a * s + b,
        }
    };
    // Both below 2^53: exact as doubles, and converted through i64, which is one instruction.
    #[expect(
        clippy::cast_precision_loss,
        clippy::cast_possible_wrap,
        reason = "both below 2^53, so exact"
    )]
    let key = |v: u64, s: u64| -> f64 {
        if v == 0 {
            -1.0
        } else {
            v as i64 as f64 / scaled(s) as i64 as f64
        }
    };
    let mut keys = [0f64; SCAN_LIMIT];
    for (k, (&v, &s)) in keys.iter_mut().zip(votes.iter().zip(won.iter())) {
        *k = key(v, s);
    }
    let keys = &mut keys[..votes.len()];
    let mut remaining = remaining;
    let mut seat = already;
    while remaining > 0 {
        let (mut best, mut best_index, mut count) = (-1.0f64, 0usize, 0usize);
        for (i, &k) in keys.iter().enumerate() {
            if k > best {
                best = k;
                best_index = i;
                count = 1;
            } else if k == best {
                count += 1;
            }
        }
        if best < 0.0 {
            return Err(SeatError::NoCandidates {
                seats_left: remaining,
            });
        }
        if count == 1 {
            won[best_index] += 1;
            keys[best_index] = key(votes[best_index], won[best_index]);
            remaining -= 1;
            seat += 1;
            continue;
        }
        // Equal doubles: rank those claims exactly and give the seat(s) to the exact best.
        let level: Vec<usize> = (0..votes.len()).filter(|&i| keys[i] == best).collect();
        let claim = |i: usize| (u128::from(votes[i]), u128::from(scaled(won[i])));
        let top = level.iter().copied().fold(level[0], |t, i| {
            let ((tv, td), (iv, id)) = (claim(t), claim(i));
            if iv * td > tv * id { i } else { t }
        });
        let (tv, td) = claim(top);
        let group: Vec<usize> = level
            .into_iter()
            .filter(|&i| {
                let (iv, id) = claim(i);
                iv * td == tv * id
            })
            .collect();
        award(&group, votes, won, &mut remaining, &mut seat, ties)?;
        for &i in &group {
            keys[i] = key(votes[i], won[i]);
        }
    }
    Ok(())
}

/// The low 64 bits of a value checked to fit.
fn low64_of(x: u128) -> u64 {
    u64::try_from(x).unwrap_or(u64::MAX)
}

/// Up to this many parties the linear scan beats a heap.
const SCAN_LIMIT: usize = 48;

/// Gives the seats to a group of exactly equal claims, or settles the tie when the group is
/// larger than the seats left. Giving the whole group at once is what one-at-a-time would
/// do: each member's claim only falls once it has won.
fn award(
    group: &[usize],
    votes: &[u64],
    won: &mut [u64],
    remaining: &mut u64,
    seat: &mut u64,
    ties: &mut TieBreaker,
) -> Result<(), SeatError> {
    if group.is_empty() {
        return Err(SeatError::NoCandidates {
            seats_left: *remaining,
        });
    }
    let n = group.len() as u64;
    if n <= *remaining {
        for &i in group {
            won[i] += 1;
        }
        *remaining -= n;
        *seat += n;
    } else {
        for i in ties.settle(*seat + 1, group, *remaining, votes)? {
            won[i] += 1;
        }
        *seat += *remaining;
        *remaining = 0;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy)]
struct HeapEntry {
    claim: Claim,
    index: usize,
}

impl PartialEq for HeapEntry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for HeapEntry {}
impl PartialOrd for HeapEntry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapEntry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.claim
            .compare(&other.claim)
            .then(other.index.cmp(&self.index))
    }
}

/// The same as [`divisor_fill`] for many parties: O(seats log parties).
fn divisor_fill_heap(
    divisor: Divisor,
    votes: &[u64],
    won: &mut [u64],
    remaining: u64,
    already: u64,
    ties: &mut TieBreaker,
) -> Result<(), SeatError> {
    let mut heap: BinaryHeap<HeapEntry> = votes
        .iter()
        .enumerate()
        .filter(|(_, v)| **v > 0)
        .map(|(index, &v)| HeapEntry {
            claim: divisor.claim(v, won[index]),
            index,
        })
        .collect();
    let mut remaining = remaining;
    let mut seat = already;
    let mut group = Vec::new();
    while remaining > 0 {
        group.clear();
        let Some(top) = heap.pop() else {
            return Err(SeatError::NoCandidates {
                seats_left: remaining,
            });
        };
        group.push(top.index);
        while let Some(next) = heap.peek() {
            if next.claim.compare(&top.claim) != Ordering::Equal {
                break;
            }
            group.push(next.index);
            heap.pop();
        }
        // Keep the tie report in index order, as the linear scan gives it.
        group.sort_unstable();
        award(&group, votes, won, &mut remaining, &mut seat, ties)?;
        if remaining > 0 {
            for &i in &group {
                heap.push(HeapEntry {
                    claim: divisor.claim(votes[i], won[i]),
                    index: i,
                });
            }
        }
    }
    Ok(())
}

/// Hare or Droop quota, then the largest remainders. Remainders are integers over a common
/// denominator, so they compare exactly.
fn largest_remainder(
    method: Method,
    votes: &[u64],
    seats: u64,
    won: &mut [u64],
    ties: &mut TieBreaker,
) -> Result<(), SeatError> {
    let total: u128 = votes.iter().map(|&v| u128::from(v)).sum();
    if seats == 0 {
        return Ok(());
    }
    if total == 0 {
        return Err(SeatError::NoCandidates { seats_left: seats });
    }
    let s = u128::from(seats);
    let mut remainders = vec![0u128; votes.len()];
    let mut given = 0u64;
    for (i, &v) in votes.iter().enumerate() {
        let v = u128::from(v);
        let (whole, rest) = if method == Method::Droop {
            let quota = total / (s + 1) + 1;
            (v / quota, v % quota)
        } else {
            // Hare: v / (V / S) = v S / V.
            (v * s / total, v * s % total)
        };
        won[i] = u64::try_from(whole).unwrap_or(u64::MAX);
        given = given.saturating_add(won[i]);
        remainders[i] = rest;
    }
    let mut remaining = seats.saturating_sub(given);
    let mut seat = given;
    let mut order: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0).collect();
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]).then(a.cmp(&b)));
    while remaining > 0 {
        if order.is_empty() {
            return Err(SeatError::NoCandidates {
                seats_left: remaining,
            });
        }
        let k = usize::try_from(remaining).unwrap_or(usize::MAX);
        if k >= order.len() {
            // More seats than parties left: every party takes one and the round repeats
            // (only possible when there are fewer votes than seats).
            award(&order, votes, won, &mut remaining, &mut seat, ties)?;
            continue;
        }
        let cutoff = remainders[order[k - 1]];
        let ahead: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| remainders[i] > cutoff)
            .collect();
        let level: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| remainders[i] == cutoff)
            .collect();
        if !ahead.is_empty() {
            award(&ahead, votes, won, &mut remaining, &mut seat, ties)?;
        }
        let mut level_sorted = level;
        level_sorted.sort_unstable();
        award(&level_sorted, votes, won, &mut remaining, &mut seat, ties)?;
    }
    Ok(())
}

/// Apportionment with a floor: every unit gets at least `min_seats`. Divisor methods start
/// every unit at the floor and go on from there (the US House rule); largest-remainder
/// methods set aside, round by round, the units the method would leave under the floor.
pub fn allocate_with_minimum(
    method: Method,
    votes: &[u64],
    seats: u64,
    min_seats: u64,
    ties: &mut TieBreaker,
) -> Result<Vec<u64>, SeatError> {
    if min_seats == 0 {
        return allocate_seats(method, votes, seats, ties);
    }
    let floor_total = min_seats.saturating_mul(votes.len() as u64);
    if floor_total > seats {
        return Err(SeatError::NoCandidates { seats_left: seats });
    }
    if let Some(divisor) = method.divisor() {
        let mut won = vec![min_seats; votes.len()];
        // Units without population are still owed their floor, but nothing beyond it.
        divisor_fill(
            divisor,
            votes,
            &mut won,
            seats - floor_total,
            floor_total,
            ties,
        )?;
        return Ok(won);
    }
    let mut fixed = vec![false; votes.len()];
    loop {
        let free: Vec<usize> = (0..votes.len()).filter(|&i| !fixed[i]).collect();
        let fixed_seats = min_seats * (votes.len() - free.len()) as u64;
        let sub_votes: Vec<u64> = free.iter().map(|&i| votes[i]).collect();
        let sub = allocate_seats(method, &sub_votes, seats - fixed_seats, ties)?;
        let mut changed = false;
        for (j, &i) in free.iter().enumerate() {
            if sub[j] < min_seats {
                fixed[i] = true;
                changed = true;
            }
        }
        if !changed {
            let mut won = vec![min_seats; votes.len()];
            for (j, &i) in free.iter().enumerate() {
                won[i] = sub[j];
            }
            return Ok(won);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(method: Method, votes: &[u64], seats: u64) -> Result<Vec<u64>, SeatError> {
        allocate_seats(method, votes, seats, &mut TieBreaker::new(TiePolicy::Error))
    }

    #[test]
    fn heap_and_scan_agree() {
        let votes: Vec<u64> = (1..=200).map(|i| (i * 7919) % 1000 + 1).collect();
        for method in [
            Method::DHondt,
            Method::SainteLague,
            Method::HuntingtonHill,
            Method::Adams,
        ] {
            let div = method.divisor().unwrap();
            let mut scan = vec![0; votes.len()];
            let mut heap = vec![0; votes.len()];
            let mut ties = TieBreaker::new(TiePolicy::Lot { seed: 1 });
            // Seat counts where the last seat is not contested.
            for seats in [250u64, 1000, 1500] {
                scan.iter_mut().for_each(|s| *s = 0);
                heap.iter_mut().for_each(|s| *s = 0);
                let a = divisor_fill(div, &votes[..48], &mut scan[..48], seats, 0, &mut ties);
                let b = divisor_fill_heap(div, &votes[..48], &mut heap[..48], seats, 0, &mut ties);
                assert_eq!(a, b);
                assert_eq!(scan, heap, "{method} {seats}");
            }
        }
    }

    #[test]
    fn floor_ratio_is_exact() {
        // floor_ratio(v * seats, total, v, seats / total), as the D'Hondt jump start calls it,
        // with estimates that are exact, too high and too low.
        for (v, seats, total) in [
            (0u64, 5u64, 9u64),
            (7, 1, 7),
            (6, 1, 7),
            (8, 1, 7),
            (3, 7, 21),
            (1 << 40, 3, 1 << 41),
        ] {
            let scale = seats as f64 / total as f64;
            assert_eq!(
                floor_ratio(v * seats, total, v, scale),
                v * seats / total,
                "{v} {seats} {total}"
            );
            assert_eq!(
                floor_ratio(v * seats, total, v, scale * 1.5),
                v * seats / total
            );
            assert_eq!(
                floor_ratio(v * seats, total, v, scale * 0.5),
                v * seats / total
            );
        }
        // Near-integer ratios where a double rounds up: (2^53 + 1) * 3 / 3.
        let n = ((1u64 << 53) + 1) * 3;
        assert_eq!(floor_ratio(n, 3, n, 1.0 / 3.0), (1u64 << 53) + 1);
        assert_eq!(floor_ratio(n - 1, 3, n - 1, 1.0 / 3.0), 1u64 << 53);
    }

    #[test]
    fn dhondt_jump_start_equals_seat_by_seat() {
        let dhondt = Method::DHondt.divisor().unwrap();
        let mut state = 0x1234_5678_u64;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % m
        };
        for _ in 0..3000 {
            let n = 1 + next(9) as usize;
            // Small vote counts make exact ties common, so tie reports are compared too.
            let votes: Vec<u64> = (0..n).map(|_| next(40)).collect();
            let seats = 1 + next(25);
            let jump = run(Method::DHondt, &votes, seats);
            let mut won = vec![0; n];
            let plain = divisor_fill(
                dhondt,
                &votes,
                &mut won,
                seats,
                0,
                &mut TieBreaker::new(TiePolicy::Error),
            )
            .map(|()| won);
            assert_eq!(jump, plain, "{votes:?} {seats}");
        }
    }

    #[test]
    fn a_tie_for_the_last_seat_is_reported_not_settled() {
        // 2 seats, A 100, B 50, C 50: A takes one seat, then A (100/2), B and C all claim 50.
        let err = run(Method::DHondt, &[100, 50, 50], 2).unwrap_err();
        assert_eq!(
            err,
            SeatError::Tie {
                seat: 2,
                tied: vec![0, 1, 2],
                seats_left: 1
            }
        );
        let err = run(Method::DHondt, &[100, 50, 50], 3).unwrap_err();
        assert_eq!(
            err,
            SeatError::Tie {
                seat: 2,
                tied: vec![0, 1, 2],
                seats_left: 2
            }
        );
        // With four seats all three get one of the level seats: no tie.
        assert_eq!(
            run(Method::DHondt, &[100, 50, 50], 4).unwrap(),
            vec![2, 1, 1]
        );
        // Most votes settles it when the votes differ: D'Hondt 60/3 = 20 = 20/1.
        let mut mv = TieBreaker::new(TiePolicy::MostVotes);
        let won = allocate_seats(Method::DHondt, &[60, 20, 1], 3, &mut mv).unwrap();
        assert_eq!(won, vec![3, 0, 0]);
        assert_eq!(mv.take_settled()[0].tied, vec![0, 1]);
    }

    #[test]
    fn lots_are_reproducible_and_fair_looking() {
        let mut wins = [0u32; 2];
        for seed in 0..200 {
            let draw = |seed| {
                let mut ties = TieBreaker::new(TiePolicy::Lot { seed });
                allocate_seats(Method::DHondt, &[100, 100, 10], 1, &mut ties).unwrap()
            };
            let a = draw(seed);
            assert_eq!(a, draw(seed));
            assert_eq!(a.iter().sum::<u64>(), 1);
            wins[usize::from(a[1] == 1)] += 1;
        }
        assert!(wins[0] > 60 && wins[1] > 60, "{wins:?}");
    }

    #[test]
    fn zero_votes_never_win_and_empty_is_an_error() {
        assert_eq!(run(Method::Adams, &[0, 10, 5], 3).unwrap(), vec![0, 2, 1]);
        assert_eq!(
            run(Method::Hare, &[0, 0], 1),
            Err(SeatError::NoCandidates { seats_left: 1 })
        );
        assert_eq!(
            run(Method::DHondt, &[0, 0], 1),
            Err(SeatError::NoCandidates { seats_left: 1 })
        );
    }
}
