//! Monte-Carlo simulation: how much the seats could move if the votes moved a little.
//!
//! Each run redraws every constituency's party votes from Dirichlet(K × observed shares) (as
//! normalised Gamma draws) times the constituency's party votes, rounds them to whole votes and
//! allocates by the election's own rules. Run `i` draws its votes from its own generator and
//! its lots (ties) from another, both derived from the seed and `i` alone (see `draws`), so
//! results do not depend on the number of threads; runs are spread over all cores with rayon
//! in fixed batches and their tallies summed (integer sums, in any order).
//!
//! Two private modules make a run cheap without changing what it computes: `gamma` draws the
//! Gamma variates (Marsaglia–Tsang on a ziggurat, the same law as `rand_distr::Gamma`), and
//! `fast_seats` proves a divisor-method result from a guess, handing over to the exact
//! allocator whenever a tie could be involved.

mod draws;
mod fast_seats;
mod gamma;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::allocation::party_order;
use crate::election::Election;
use crate::method::Method;
use crate::seats::{SeatError, TieBreaker, TiePolicy, allocate_into, allocate_seats, seeded_rng};
use draws::Draws;
use fast_seats::{FastDivisor, MAX_VOTES};
use gamma::{GammaLaw, GammaSampler};

/// What to simulate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimulationOptions {
    pub runs: u64,
    pub seed: u64,
    /// The Dirichlet concentration K: larger is less noise (K = 400 moves a 25 % share by
    /// about ±2 points).
    pub concentration: f64,
}

/// The largest parties x seats a simulation tallies (the bound [`SimulationError::TooLarge`]
/// names).
pub const MAX_TALLY: u64 = 20_000_000;

/// Why a simulation cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimulationError {
    #[error("--runs must be at least 1")]
    NoRuns,
    /// The concentration (as given), and the Gamma shape it made for a party when that shape is
    /// what could not be drawn from.
    #[error("dirichlet concentration must be a positive finite number, got {value}{}", shape_text(shape.as_deref()))]
    Concentration {
        value: String,
        shape: Option<String>,
    },
    #[error("constituency \"{0}\": no votes to draw shares from")]
    NoVotes(String),
    #[error("{parties} parties x {seats} seats is too large to tally (at most 20,000,000)")]
    TooLarge { parties: usize, seats: u64 },
    /// A simulated run left seats that no party passing the thresholds could take.
    #[error(
        "run {run}: constituency \"{constituency}\": {seats_left} seat(s) cannot be filled: no party with votes passes the thresholds"
    )]
    Run {
        run: u64,
        constituency: String,
        seats_left: u64,
    },
}

fn shape_text(shape: Option<&str>) -> String {
    shape.map_or_else(String::new, |s| format!(" (Gamma shape {s} for a party)"))
}

/// Why one simulated run stopped: the constituency and what was left unfilled. Built only on
/// that (rare) path, so the runs themselves allocate nothing for it.
#[derive(Debug, Clone)]
struct RunFailure {
    constituency: String,
    seats_left: u64,
}

impl RunFailure {
    fn new(constituency: &str, error: &SeatError) -> RunFailure {
        // Runs settle ties by lot, so a tie never stops one; it is reported like seats left
        // unfilled should a future tie rule let one through.
        let seats_left = match error {
            SeatError::NoCandidates { seats_left } | SeatError::Tie { seats_left, .. } => {
                *seats_left
            }
        };
        RunFailure {
            constituency: constituency.to_owned(),
            seats_left,
        }
    }
}

/// Per-party results of a simulation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    pub name: String,
    pub method: String,
    pub runs: u64,
    pub seed: u64,
    /// `dirichlet:K`.
    pub noise: String,
    pub house_size: u64,
    /// Seats for a majority: more than half the house.
    pub majority: u64,
    /// Most votes first.
    pub parties: Vec<SimulatedParty>,
    /// Runs in which a tie for a seat had to be drawn by lot (a simulation never stops on one).
    pub runs_with_lots: u64,
}

/// One party over all runs. Percentiles are nearest-rank: the smallest seat count that at
/// least p % of runs do not exceed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SimulatedParty {
    pub party: String,
    pub votes: u64,
    pub mean_seats: f64,
    pub p5: u64,
    pub p50: u64,
    pub p95: u64,
    pub p_majority: f64,
    pub p_seat: f64,
    /// The distribution itself: how many runs gave the party each number of seats, fewest seats
    /// first, only the counts some run gave (the runs add up to `runs`).
    pub distribution: Vec<SeatRuns>,
}

/// How many runs gave a party this many seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRuns {
    pub seats: u64,
    pub runs: u64,
}

struct Prepared {
    constituencies: Vec<PreparedConstituency>,
    sampler: GammaSampler,
    /// The method's divisors for the fast path, when it has one.
    fast: Option<FastDivisor>,
    /// No threshold of any kind: each constituency can be drawn and allocated on its own.
    open: bool,
    /// Party entries over all constituencies (the length of a run's vote buffers), and the
    /// most in one constituency.
    entries: usize,
    widest: usize,
    /// National seats when every constituency gives its guess (`start`).
    baseline: Vec<u64>,
}

/// One constituency, its parties with votes in the order they are drawn: first the `solo`
/// ones, each drawn on its own, then the members of the group (if any), parties so far from a
/// seat that only the sum of their Gamma draws is drawn first (see `one_run_open`).
struct PreparedConstituency {
    parties: Vec<usize>,
    /// Per party: its law and, for solo entries, its claim factors at the guess.
    entries: Vec<Entry>,
    /// Per party: its claim factors one seat away from the guess.
    neighbours: Vec<Neighbours>,
    /// Every shape (the group's too) is at least 1, so the plainer sampler applies.
    large: bool,
    observed: Vec<u64>,
    /// Where this constituency's entries start in a run's vote buffers.
    offset: usize,
    /// Party votes, as a double (converted once, not per run).
    total_f64: f64,
    blank: u64,
    seats: u64,
    /// The fast path's first guess: the seats of the observed votes.
    start: Vec<u64>,
    /// Whether drawn votes stay exact as doubles, so the fast path may be tried.
    fast: bool,
    solo: usize,
    /// The first `seated` entries hold seats in `start`; the other solo entries none.
    seated: usize,
    /// Gamma(sum of the members' shapes): the law of the sum of their draws.
    group: Option<GammaLaw>,
    /// The factor of the group's next claim (its first seat's).
    group_next: f64,
    /// Times the sum of a run's draws: how far rounding to whole votes can move any claim,
    /// in the units of the draws (see `quick_check`).
    slack: f64,
}

/// One party of a constituency, as the run's inner loops read it.
struct Entry {
    law: GammaLaw,
    /// For a solo entry at its `start` seats: the factors of its next claim and of its last
    /// winning claim (see `FastDivisor::factors`).
    next: f64,
    last: f64,
}

/// Tallies of a batch of runs: a seat histogram per party, majorities, lots.
#[derive(Clone)]
struct Tally {
    histogram: Vec<u64>,
    majorities: Vec<u64>,
    runs_with_lots: u64,
    error: Option<(u64, RunFailure)>,
}

/// Runs the simulation.
pub fn simulate(
    election: &Election,
    options: SimulationOptions,
) -> Result<Simulation, SimulationError> {
    simulate_by(election, options, Path::Fastest)
}

/// Which run loop a simulation uses. Both draw from the same law; tests compare them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    /// Per constituency with groups and the fast check, when there are no thresholds.
    Fastest,
    /// Every party drawn on its own, every constituency allocated after all draws.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "only tests compare the two paths")
    )]
    General,
}

fn simulate_by(
    election: &Election,
    options: SimulationOptions,
    path: Path,
) -> Result<Simulation, SimulationError> {
    if options.runs == 0 {
        return Err(SimulationError::NoRuns);
    }
    let k = options.concentration;
    if !(k.is_finite() && k > 0.0) {
        return Err(SimulationError::Concentration {
            value: k.to_string(),
            shape: None,
        });
    }
    let mut prepared = prepare(election, k, path == Path::Fastest)?;
    prepared.open &= path == Path::Fastest;
    let n = election.parties.len();
    let house = election.total_seats();
    let width = usize::try_from(house)
        .unwrap_or(usize::MAX)
        .saturating_add(1);
    let empty = Tally {
        histogram: vec![0; n * width],
        majorities: vec![0; n],
        runs_with_lots: 0,
        error: None,
    };
    // Fixed-size batches, so that each batch's scratch buffers are reused across its runs.
    let batch = 512u64;
    let batches = options.runs.div_ceil(batch);
    let tally = (0..batches)
        .into_par_iter()
        .fold(
            || empty.clone(),
            |mut tally, b| {
                let mut scratch = Scratch::new(n, &prepared);
                for run in (b * batch)..((b + 1) * batch).min(options.runs) {
                    if tally.error.is_some() {
                        break;
                    }
                    match one_run(election, &prepared, options.seed, run, &mut scratch) {
                        Ok(lots) => {
                            tally.runs_with_lots += u64::from(lots);
                            for p in 0..n {
                                let s = scratch.national[p];
                                let bin = usize::try_from(s).unwrap_or(width - 1).min(width - 1);
                                tally.histogram[p * width + bin] += 1;
                                if 2 * s > house {
                                    tally.majorities[p] += 1;
                                }
                            }
                        }
                        Err(message) => tally.error = Some((run, message)),
                    }
                }
                tally
            },
        )
        .reduce(|| empty.clone(), merge);
    if let Some((run, failure)) = tally.error {
        return Err(SimulationError::Run {
            run,
            constituency: failure.constituency,
            seats_left: failure.seats_left,
        });
    }
    let votes = election.national_votes();
    #[expect(
        clippy::cast_precision_loss,
        reason = "reported probabilities and means"
    )]
    let parties = party_order(election)
        .into_iter()
        .map(|p| {
            let hist = &tally.histogram[p * width..(p + 1) * width];
            let total_seats: u128 = hist
                .iter()
                .enumerate()
                .map(|(s, &c)| s as u128 * u128::from(c))
                .sum();
            let runs = options.runs as f64;
            SimulatedParty {
                party: election.parties[p].clone(),
                votes: votes[p],
                mean_seats: total_seats as f64 / runs,
                p5: percentile(hist, options.runs, 5),
                p50: percentile(hist, options.runs, 50),
                p95: percentile(hist, options.runs, 95),
                p_majority: tally.majorities[p] as f64 / runs,
                p_seat: (options.runs - hist[0]) as f64 / runs,
                distribution: hist
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(s, &c)| SeatRuns {
                        seats: s as u64,
                        runs: c,
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Simulation {
        name: election.name.clone(),
        method: election.method.name().to_owned(),
        runs: options.runs,
        seed: options.seed,
        noise: format!("dirichlet:{k}"),
        house_size: house,
        majority: house / 2 + 1,
        parties,
        runs_with_lots: tally.runs_with_lots,
    })
}

fn merge(mut a: Tally, b: Tally) -> Tally {
    for (x, y) in a.histogram.iter_mut().zip(&b.histogram) {
        *x += y;
    }
    for (x, y) in a.majorities.iter_mut().zip(&b.majorities) {
        *x += y;
    }
    a.runs_with_lots += b.runs_with_lots;
    // Keep the error of the lowest run, so the message does not depend on scheduling.
    a.error = match (a.error, b.error) {
        (Some(x), Some(y)) => Some(if x.0 <= y.0 { x } else { y }),
        (x, y) => x.or(y),
    };
    a
}

/// Nearest-rank percentile from a histogram of `runs` values.
fn percentile(hist: &[u64], runs: u64, p: u64) -> u64 {
    let rank = (runs * p).div_ceil(100).max(1);
    let mut seen = 0;
    for (s, &c) in hist.iter().enumerate() {
        seen += c;
        if seen >= rank {
            return s as u64;
        }
    }
    hist.len().saturating_sub(1) as u64
}

/// The simulation's fixed parts; `groups` allows groups (they are only used without
/// thresholds either way).
fn prepare(election: &Election, k: f64, groups: bool) -> Result<Prepared, SimulationError> {
    let mut sampler = GammaSampler::new();
    let max_seats = election
        .constituencies
        .iter()
        .map(|c| c.seats)
        .max()
        .unwrap_or(0);
    let fast = FastDivisor::new(election.method, max_seats);
    let open = election.threshold.is_zero() && election.constituency_threshold.is_zero();
    let mut constituencies = Vec::with_capacity(election.constituencies.len());
    let mut entries = 0;
    let mut baseline = vec![0; election.parties.len()];
    for c in &election.constituencies {
        let total: u64 = c.votes.iter().map(|(_, v)| v).sum();
        if total == 0 {
            return Err(SimulationError::NoVotes(c.name.clone()));
        }
        // Parties without votes have a zero Dirichlet parameter: they never get votes.
        let (parties, observed): (Vec<usize>, Vec<u64>) =
            c.votes.iter().copied().filter(|&(_, v)| v > 0).unzip();
        #[expect(
            clippy::cast_precision_loss,
            reason = "a Dirichlet parameter is a real number"
        )]
        let shape = |v: u64| k * v as f64 / total as f64;
        // Any seats adding up to the magnitude are a valid guess; the observed votes' own
        // seats are the likeliest. A tie among them is settled by a fixed lot, only for the
        // guess.
        let start = allocate_seats(
            election.method,
            &observed,
            c.seats,
            &mut TieBreaker::new(TiePolicy::Lot { seed: 0 }),
        )
        .unwrap_or_else(|_| {
            let mut all_to_first = vec![0; observed.len()];
            all_to_first[0] = c.seats;
            all_to_first
        });
        // Drawn votes add up to the total within rounding, so stay below 2^52 with it.
        let exact = total < MAX_VOTES;
        let members = match &fast {
            Some(f) if groups && open && exact => {
                group_members(f, &observed, &start, total, k, shape)
            }
            _ => Vec::new(),
        };
        // Solo entries with a seat in the guess first, then the other solo entries (each in
        // file order), then the group's members: only the first kind has a winning claim to
        // rank (see `draw_ranked`).
        let (members_ref, start_ref) = (&members, &start);
        let solo_with = |seated: bool| {
            (0..parties.len())
                .filter(move |&i| !members_ref.contains(&i) && (start_ref[i] > 0) == seated)
        };
        let order: Vec<usize> = solo_with(true)
            .chain(solo_with(false))
            .chain(members.iter().copied())
            .collect();
        let seated = solo_with(true).count();
        let parties: Vec<usize> = order.iter().map(|&i| parties[i]).collect();
        let observed: Vec<u64> = order.iter().map(|&i| observed[i]).collect();
        let start: Vec<u64> = order.iter().map(|&i| start[i]).collect();
        let law = |sampler: &mut GammaSampler, alpha: f64| {
            sampler
                .law(alpha)
                .map_err(|e| SimulationError::Concentration {
                    value: k.to_string(),
                    shape: Some(e.0.to_string()),
                })
        };
        let factors = |s: u64| {
            fast.as_ref()
                .and_then(|f| f.factors(s))
                .unwrap_or((0.0, 0.0))
        };
        let neighbours = start
            .iter()
            .map(|&s| Neighbours {
                down: s
                    .checked_sub(1)
                    .and_then(|s| fast.as_ref().and_then(|f| f.factors(s))),
                up: fast.as_ref().and_then(|f| f.factors(s + 1)),
            })
            .collect();
        let mut draws = Vec::with_capacity(observed.len());
        for (&v, &s) in observed.iter().zip(&start) {
            let (next, last) = factors(s);
            draws.push(Entry {
                law: law(&mut sampler, shape(v))?,
                next,
                last,
            });
        }
        let solo = parties.len() - members.len();
        let group = if members.is_empty() {
            None
        } else {
            Some(law(&mut sampler, shape(observed[solo..].iter().sum()))?)
        };
        let large = draws.iter().all(|e| e.law.is_large()) && group.is_none_or(|g| g.is_large());
        for (&p, &s) in parties.iter().zip(&start) {
            baseline[p] += s;
        }
        let offset = entries;
        entries += parties.len();
        constituencies.push(PreparedConstituency {
            group_next: factors(0).0,
            slack: fast.as_ref().map_or(0.0, |f| rounding_slack(f, total)),
            parties,
            entries: draws,
            neighbours,
            large,
            observed,
            offset,
            #[expect(clippy::cast_precision_loss, reason = "a vote count scaling shares")]
            total_f64: total as f64,
            blank: c.blank_votes,
            seats: c.seats,
            start,
            fast: exact,
            seated,
            solo,
            group,
        });
    }
    let widest = constituencies
        .iter()
        .map(|c| c.parties.len())
        .max()
        .unwrap_or(0);
    Ok(Prepared {
        constituencies,
        sampler,
        fast,
        open,
        entries,
        widest,
        baseline,
    })
}

/// The parties of a constituency that are drawn as one group: the smallest ones without a seat
/// in `start`, as many as keep the group's likely first claim (its share three standard
/// deviations of Dirichlet noise up) under 90 % of the weakest winning claim. Only a
/// speed choice: when a draw does bring the group near a seat, its members are drawn and the
/// constituency allocated in full. Parties with a shape below 1 are left out, so that the
/// members' split of the group (a ratio of their draws) never divides by an underflowed sum.
fn group_members(
    fast: &FastDivisor,
    observed: &[u64],
    start: &[u64],
    total: u64,
    k: f64,
    shape: impl Fn(u64) -> f64,
) -> Vec<usize> {
    #[expect(clippy::cast_precision_loss, reason = "an estimate")]
    let (as_f64, total_f64) = (|v: u64| v as f64, total as f64);
    let weakest = observed
        .iter()
        .zip(start)
        .filter(|(_, s)| **s > 0)
        .filter_map(|(&v, &s)| fast.factors(s).map(|(_, last)| as_f64(v) * last))
        .fold(f64::INFINITY, f64::min);
    let Some((first, _)) = fast.factors(0) else {
        return Vec::new();
    };
    let mut candidates: Vec<usize> = (0..observed.len())
        .filter(|&i| start[i] == 0 && shape(observed[i]) >= 1.0)
        .collect();
    candidates.sort_by_key(|&i| observed[i]);
    let mut members = Vec::new();
    let mut sum = 0u64;
    for i in candidates {
        let p = as_f64(sum + observed[i]) / total_f64;
        let spread = (p * (1.0 - p) / (k + 1.0)).sqrt();
        if total_f64 * (p + 3.0 * spread) * first >= 0.9 * weakest {
            break;
        }
        sum += observed[i];
        members.push(i);
    }
    if members.len() < 2 {
        members.clear();
    }
    members.sort_unstable();
    members
}

/// Buffers reused by every run of a batch, so that a run allocates no memory.
struct Scratch {
    /// A run's drawn votes for every party entry, as integers and as doubles.
    drawn: Vec<u64>,
    drawn_f64: Vec<f64>,
    /// One constituency's votes (after thresholds).
    votes: Vec<u64>,
    votes_f64: Vec<f64>,
    work: SeatWork,
    national: Vec<u64>,
    national_votes: Vec<u64>,
    national_ok: Vec<bool>,
}

impl Scratch {
    fn new(n: usize, prepared: &Prepared) -> Scratch {
        Scratch {
            drawn: vec![0; prepared.entries],
            drawn_f64: vec![0.0; prepared.entries],
            votes: vec![0; prepared.widest],
            votes_f64: vec![0.0; prepared.widest],
            work: SeatWork::default(),
            national: vec![0; n],
            national_votes: vec![0; n],
            national_ok: vec![true; n],
        }
    }
}

/// One run: returns whether a lot was drawn; national seats are left in `scratch.national`.
fn one_run(
    election: &Election,
    prepared: &Prepared,
    seed: u64,
    run: u64,
    scratch: &mut Scratch,
) -> Result<bool, RunFailure> {
    let draws = Draws::for_run(seed, run);
    let mut ties = RunLots {
        seed,
        run,
        ties: None,
    };
    match &prepared.fast {
        Some(fast) if prepared.open => {
            one_run_open(election, prepared, fast, scratch, draws, &mut ties)
        }
        _ => one_run_general(election, prepared, scratch, draws, &mut ties),
    }
}

/// A run's tie breaker, made when a constituency first needs the exact allocator (a few runs
/// in a hundred): seeding its generator costs as much as drawing a few votes.
struct RunLots {
    seed: u64,
    run: u64,
    ties: Option<TieBreaker>,
}

impl RunLots {
    fn get(&mut self) -> &mut TieBreaker {
        let (seed, run) = (self.seed, self.run);
        self.ties
            .get_or_insert_with(|| TieBreaker::lot_from(seeded_rng(seed, run.wrapping_add(1))))
    }
}

/// A run without thresholds, by a method with a fast path: each constituency is drawn and
/// settled in turn. The guess (`start`) is checked as the votes are rounded; when it is proved
/// the national seats need no update (they start from the sum of the guesses).
///
/// The group: a sum of independent Gamma(α_j) draws is Gamma(Σ α_j), and the split of the
/// sum among them (h_j / Σ h) is Dirichlet(α_j) and independent of the sum. So drawing the sum
/// G first and, only when needed, fresh h_j to split it (g_j = G h_j / Σ h) gives the members
/// exactly the law of separate draws. They are needed only when the group's votes, rounded
/// (each member's are at most that, as g_j ≤ G), could take a seat: when the group's first
/// claim is proved below the weakest winning claim, no member can win or tie for a seat, and
/// the others' seats do not depend on the members' votes.
fn one_run_open(
    election: &Election,
    prepared: &Prepared,
    fast: &FastDivisor,
    scratch: &mut Scratch,
    mut rng: Draws,
    ties: &mut RunLots,
) -> Result<bool, RunFailure> {
    let sampler = &prepared.sampler;
    scratch.national.copy_from_slice(&prepared.baseline);
    let mut lots = false;
    for (pc, c) in prepared.constituencies.iter().zip(&election.constituencies) {
        let (n, solo) = (pc.parties.len(), pc.solo);
        let drawn = &mut scratch.votes_f64[..n];
        // Draw and rank in one pass: claims are compared on the draws themselves (a common
        // scale changes no comparison), with room for the rounding to whole votes.
        let entries = &pc.entries[..solo];
        let (mut sum, ranking) = if pc.large {
            draw_ranked::<true>(sampler, &mut rng, entries, pc.seated, &mut drawn[..solo])
        } else {
            draw_ranked::<false>(sampler, &mut rng, entries, pc.seated, &mut drawn[..solo])
        };
        let group = match &pc.group {
            Some(law) => sampler.sample(law, &mut rng),
            None => 0.0,
        };
        sum += group;
        let settled = if pc.fast && sum > 0.0 {
            let group_claim = if pc.group.is_some() {
                group * pc.group_next
            } else {
                -1.0
            };
            // Guess and single move are applied alike (a move of 0 or 1 seat): which of the
            // two it is varies from draw to draw, and a branch on it would be mispredicted.
            if let Some(settled) =
                quick_check(pc, &ranking, &drawn[..solo], group_claim, pc.slack * sum)
            {
                scratch.national[pc.parties[settled.from]] -= settled.seats;
                scratch.national[pc.parties[settled.to]] += settled.seats;
                continue;
            }
            // The whole votes, then the general search from the guess.
            let scale = pc.total_f64 / sum;
            for g in &mut drawn[..solo] {
                *g = round_half_up(*g * scale);
            }
            if pc.group.is_some() {
                split_group(sampler, pc, group, &mut drawn[solo..], &mut rng);
                for h in &mut drawn[solo..] {
                    *h = round_half_up(*h * scale);
                }
            }
            let work = &mut scratch.work;
            work.resize(n);
            fast.allocate(
                drawn,
                &pc.start,
                &mut work.won[..n],
                &mut work.next[..n],
                &mut work.last[..n],
            )
        } else {
            false
        };
        if !settled {
            let votes = &mut scratch.votes[..n];
            if pc.fast && sum > 0.0 {
                for (w, &f) in votes.iter_mut().zip(drawn.iter()) {
                    #[expect(
                        clippy::cast_possible_truncation,
                        clippy::cast_sign_loss,
                        reason = "a whole number of votes below 2^52"
                    )]
                    let v = f as u64;
                    *w = v;
                }
            } else if sum > 0.0 {
                // Not fast (totals of 2^52 or more): rounded as integers.
                let scale = pc.total_f64 / sum;
                for (w, &g) in votes.iter_mut().zip(drawn.iter()) {
                    *w = whole_votes(g * scale).0;
                }
            } else {
                // Every draw underflowed (tiny concentrations): the observed votes are kept.
                votes.copy_from_slice(&pc.observed);
            }
            allocate_into(
                election.method,
                votes,
                pc.seats,
                &mut scratch.work.won[..n],
                ties.get(),
            )
            .map_err(|e| RunFailure::new(&c.name, &e))?;
            lots |= ties.get().take_lot_count() > 0;
        }
        let won = &scratch.work.won[..n];
        for ((&p, &s), &guess) in pc.parties.iter().zip(won).zip(&pc.start) {
            scratch.national[p] = scratch.national[p] + s - guess;
        }
    }
    Ok(lots)
}

/// The members' draws given their sum `group` (see `one_run_open`): fresh draws h_j of their
/// laws, rescaled to add up to `group`, into `members`.
#[inline(always)]
fn split_group(
    sampler: &GammaSampler,
    pc: &PreparedConstituency,
    group: f64,
    members: &mut [f64],
    rng: &mut impl rand::Rng,
) {
    let mut sum = 0.0;
    for (h, e) in members.iter_mut().zip(&pc.entries[pc.solo..]) {
        *h = sampler.sample(&e.law, rng);
        sum += *h;
    }
    // Every member's shape is at least 1, so the sum is positive (a Gamma(1) draw is 0 with
    // probability 0); the guard only keeps a division by zero away.
    let share = if sum > 0.0 { group / sum } else { 0.0 };
    for h in members.iter_mut() {
        *h *= share;
    }
}

/// The solo entries' extreme claims at the guess: the weakest winning claim and the strongest
/// next claim, each with its party and runner-up (for `one_move`).
#[derive(Debug, Clone, Copy)]
struct Ranking {
    weakest: f64,
    weakest2: f64,
    from: usize,
    strongest: f64,
    strongest2: f64,
    to: usize,
}

impl Ranking {
    fn new() -> Ranking {
        Ranking {
            weakest: f64::INFINITY,
            weakest2: f64::INFINITY,
            from: 0,
            strongest: -1.0,
            strongest2: -1.0,
            to: 0,
        }
    }

    /// Entry `j` with votes (or draw) `x` and claim factors `next` and `last`. Selects rather
    /// than `min`/`max` and no branches, so that this compiles to plain compares; a party
    /// without seat or votes has a NaN winning claim (0 · ∞), which no comparison picks.
    #[inline(always)]
    fn add(&mut self, j: usize, x: f64, next: f64, last: f64) {
        self.add_unseated(j, x, next);
        let claim = x * last;
        let below = claim < self.weakest;
        let beaten = if below { self.weakest } else { claim };
        self.weakest2 = if beaten < self.weakest2 {
            beaten
        } else {
            self.weakest2
        };
        self.weakest = if below { claim } else { self.weakest };
        self.from = if below { j } else { self.from };
    }

    /// [`Self::add`] for an entry without a seat: its winning claim (+∞, or NaN without votes)
    /// is never the weakest, so only its next claim is ranked.
    #[inline(always)]
    fn add_unseated(&mut self, j: usize, x: f64, next: f64) {
        let claim = x * next;
        let above = claim > self.strongest;
        let beaten = if above { self.strongest } else { claim };
        self.strongest2 = if beaten > self.strongest2 {
            beaten
        } else {
            self.strongest2
        };
        self.strongest = if above { claim } else { self.strongest };
        self.to = if above { j } else { self.to };
    }
}

/// Draws every entry into `drawn` and ranks the claims at the guess; returns the sum of the
/// draws and the ranking. The first `seated` entries hold seats in the guess, the others
/// none. `LARGE`: every shape is at least 1 (see [`GammaSampler::sample_large`]).
#[inline(always)]
fn draw_ranked<const LARGE: bool>(
    sampler: &GammaSampler,
    rng: &mut Draws,
    entries: &[Entry],
    seated: usize,
    drawn: &mut [f64],
) -> (f64, Ranking) {
    let mut draw = |law: &GammaLaw| {
        if LARGE {
            sampler.sample_large(law, rng)
        } else {
            sampler.sample(law, rng)
        }
    };
    let mut sum = 0.0;
    let mut ranking = Ranking::new();
    let (with, without) = entries.split_at(seated.min(entries.len()));
    let (drawn_with, drawn_without) = drawn.split_at_mut(with.len());
    for (j, (g, e)) in drawn_with.iter_mut().zip(with).enumerate() {
        let x = draw(&e.law);
        *g = x;
        sum += x;
        ranking.add(j, x, e.next, e.last);
    }
    for (j, (g, e)) in drawn_without.iter_mut().zip(without).enumerate() {
        let x = draw(&e.law);
        *g = x;
        sum += x;
        ranking.add_unseated(with.len() + j, x, e.next);
    }
    (sum, ranking)
}

/// How far rounding to whole votes can move a claim, per unit of the draws' sum. A draw g
/// becomes v = floor(g s + 1/2) with s = total / sum (as computed), so |v - g s| is at most
/// 1/2 plus the rounding of g s (below total · 2^-50); in the units of the draws (dividing by
/// s, which changes no comparison) that is at most (1/2 + total 2^-50) sum / total, and a
/// claim moves by that times its factor, at most the largest factor. A little more covers the
/// rounding of s and of this product.
fn rounding_slack(fast: &FastDivisor, total: u64) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "a bound, made generous below")]
    let total = total as f64;
    fast.largest_factor() * (0.5 + total * 2f64.powi(-50)) / total * (1.0 + 2f64.powi(-40))
}

/// A constituency the fast path settled: the guess (`start`) with `seats` (0 or 1) moved from
/// entry `from` to entry `to` is provably the allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Settled {
    from: usize,
    to: usize,
    seats: u64,
}

/// A solo entry's claim factors one seat away from its guess (see `one_move`): with one seat
/// less (`down`, when it has a seat) and one more (`up`, when the largest magnitude allows).
#[derive(Debug, Clone, Copy)]
struct Neighbours {
    down: Option<(f64, f64)>,
    up: Option<(f64, f64)>,
}

/// Decides a constituency from the ranking of its solo entries' draws (`drawn`) at the
/// guess, then with one move from it (see `one_move`), before any rounding. `group_claim` is
/// the group's next claim (−1 without a group), in the same units; `slack` is how far
/// rounding can move any claim (see `rounding_slack`): a winning claim must beat a losing one
/// by more than twice that, so that whatever the rounding, the whole votes give the same
/// seats with no tie. A group that could take a seat leaves the constituency unsettled.
/// `None`: neither, the general search (and perhaps the exact allocator) must decide.
///
/// Both checks are always made and combined without branches; only the rare `None` is one.
#[inline(always)]
fn quick_check(
    pc: &PreparedConstituency,
    ranking: &Ranking,
    drawn: &[f64],
    group_claim: f64,
    slack: f64,
) -> Option<Settled> {
    let guess = clears(ranking.weakest, ranking.strongest.max(group_claim), slack);
    // Usually one seat changed hands when the guess fails.
    let moved =
        (group_claim < ranking.strongest) & one_move(pc, drawn, ranking, group_claim, slack);
    (guess | moved).then_some(Settled {
        from: ranking.from,
        to: ranking.to,
        seats: u64::from(!guess),
    })
}

/// Whether a winning claim of `weakest` provably beats a losing one of `strongest` once
/// either may move by `slack`. The weakest must also be well above the slack, so that the
/// subtraction stays accurate.
#[inline(always)]
fn clears(weakest: f64, strongest: f64, slack: f64) -> bool {
    (weakest > 4.0 * slack) & fast_seats::clear_win(weakest - slack, strongest + slack)
}

/// The guess failed: moves one seat from the weakest winner (`ranking.from`) to the
/// strongest claimant (`ranking.to`) and checks the result as the guess was checked. Only the
/// two parties' claims change, so the new extremes are those of the runners-up and the two
/// parties' new claims. `true` when the moved seats are provably the allocation; `false`
/// leaves it to the general search. Without branches but for bounds checks (see
/// `quick_check`).
#[inline(always)]
fn one_move(
    pc: &PreparedConstituency,
    drawn: &[f64],
    ranking: &Ranking,
    group_claim: f64,
    slack: f64,
) -> bool {
    let (from, to) = (ranking.from, ranking.to);
    let (Some(n_from), Some(n_to), Some(&v_from), Some(&v_to)) = (
        pc.neighbours.get(from),
        pc.neighbours.get(to),
        drawn.get(from),
        drawn.get(to),
    ) else {
        return false;
    };
    // A party without a seat to give, or at the largest magnitude, cannot move; the factors
    // are then placeholders and the result is discarded.
    let possible = n_from.down.is_some() & n_to.up.is_some();
    let (next_from, last_from) = n_from.down.unwrap_or((0.0, 0.0));
    let (next_to, last_to) = n_to.up.unwrap_or((0.0, 0.0));
    let weakest = ranking.weakest2.min(v_from * last_from).min(v_to * last_to);
    let strongest = ranking
        .strongest2
        .max(v_from * next_from)
        .max(v_to * next_to)
        .max(group_claim);
    // The same party cannot gain from itself (its next claim is below its last).
    (from != to) & possible & clears(weakest, strongest, slack)
}

/// floor(x + 0.5) for 0 <= x < 2^52 (a drawn vote count rounded half up to whole votes),
/// without `floor`, which is a library call on the baseline x86-64 target: adding and
/// removing 2^52 rounds to the nearest whole number, then one step down if that went up.
#[inline]
fn round_half_up(x: f64) -> f64 {
    const SHIFT: f64 = 4_503_599_627_370_496.0;
    let t = x + 0.5;
    let r = (t + SHIFT) - SHIFT;
    if r > t { r - 1.0 } else { r }
}

/// A drawn vote count rounded half up to whole votes, as an integer and a double (equal below
/// 2^53). Truncating a non-negative number is its floor.
#[inline]
fn whole_votes(x: f64) -> (u64, f64) {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a rounded, non-negative vote count"
    )]
    let v = (x + 0.5) as i64 as u64;
    #[expect(
        clippy::cast_precision_loss,
        clippy::cast_possible_wrap,
        reason = "exact below 2^52, where doubles are used"
    )]
    let f = v as i64 as f64;
    (v, f)
}

/// A run with thresholds (or a method without a fast path): every constituency is drawn
/// first (a national threshold needs all the votes), then allocated; a tie's lot comes from the
/// run's lot generator (`ties`).
fn one_run_general(
    election: &Election,
    prepared: &Prepared,
    scratch: &mut Scratch,
    mut local: Draws,
    ties: &mut RunLots,
) -> Result<bool, RunFailure> {
    for pc in &prepared.constituencies {
        let range = pc.offset..pc.offset + pc.entries.len();
        let drawn = &mut scratch.drawn_f64[range.clone()];
        let mut sum = 0.0;
        for (g, e) in drawn.iter_mut().zip(&pc.entries) {
            *g = prepared.sampler.sample(&e.law, &mut local);
            sum += *g;
        }
        let whole = &mut scratch.drawn[range];
        if sum > 0.0 {
            let scale = pc.total_f64 / sum;
            for (g, w) in drawn.iter_mut().zip(whole.iter_mut()) {
                (*w, *g) = whole_votes(*g * scale);
            }
        } else {
            // Every draw underflowed (only with tiny concentrations): keep the observed votes.
            whole.copy_from_slice(&pc.observed);
            #[expect(clippy::cast_precision_loss, reason = "only used below 2^52")]
            for (g, &v) in drawn.iter_mut().zip(&pc.observed) {
                *g = v as f64;
            }
        }
    }
    let national = !election.threshold.is_zero();
    if national {
        scratch.national_votes.iter_mut().for_each(|x| *x = 0);
        let mut valid = 0u64;
        for pc in &prepared.constituencies {
            let drawn = &scratch.drawn[pc.offset..pc.offset + pc.parties.len()];
            for (&p, &v) in pc.parties.iter().zip(drawn) {
                scratch.national_votes[p] += v;
                valid += v;
            }
            valid += pc.blank;
        }
        for (ok, &v) in scratch.national_ok.iter_mut().zip(&scratch.national_votes) {
            *ok = election.threshold.reached_by(v, valid);
        }
    }
    scratch.national.iter_mut().for_each(|x| *x = 0);
    let mut lots = false;
    for (pc, c) in prepared.constituencies.iter().zip(&election.constituencies) {
        let n = pc.parties.len();
        let range = pc.offset..pc.offset + n;
        let drawn = &scratch.drawn[range.clone()];
        let drawn_f64 = &scratch.drawn_f64[range];
        let valid = drawn.iter().sum::<u64>() + pc.blank;
        for (i, ((&p, &v), &f)) in pc.parties.iter().zip(drawn).zip(drawn_f64).enumerate() {
            let ok = election.threshold_rule.admits(
                election.threshold,
                !national || scratch.national_ok[p],
                election.constituency_threshold,
                election.constituency_threshold.reached_by(v, valid),
            );
            scratch.votes[i] = if ok { v } else { 0 };
            scratch.votes_f64[i] = if ok { f } else { 0.0 };
        }
        allocate_constituency(
            election.method,
            prepared.fast.as_ref().filter(|_| pc.fast),
            &scratch.votes[..n],
            &scratch.votes_f64[..n],
            &pc.start,
            pc.seats,
            &mut scratch.work,
            ties.get(),
        )
        .map_err(|e| RunFailure::new(&c.name, &e))?;
        for (&p, &s) in pc.parties.iter().zip(&scratch.work.won[..n]) {
            scratch.national[p] += s;
        }
        lots |= ties.get().take_lot_count() > 0;
    }
    Ok(lots)
}

/// One constituency's seats: proved by the fast path when it can, else (a possible tie, a
/// method without one) by the exact allocator, which also settles ties by the run's lot.
/// Either way the result is the exact allocator's (see `fast_seats`); it is left in
/// `work.won[..votes.len()]`.
#[expect(
    clippy::too_many_arguments,
    reason = "the votes in two forms, the guess and the buffers are all needed, and a struct would only be built to be taken apart"
)]
fn allocate_constituency(
    method: Method,
    fast: Option<&FastDivisor>,
    votes: &[u64],
    votes_f64: &[f64],
    start: &[u64],
    seats: u64,
    work: &mut SeatWork,
    ties: &mut TieBreaker,
) -> Result<(), SeatError> {
    let n = votes.len();
    work.resize(n);
    if let Some(fast) = fast
        && fast.allocate(
            votes_f64,
            start,
            &mut work.won[..n],
            &mut work.next[..n],
            &mut work.last[..n],
        )
    {
        return Ok(());
    }
    allocate_into(method, votes, seats, &mut work.won[..n], ties)
}

/// Buffers for one constituency's allocation: its seats and the fast path's claims.
#[derive(Debug, Default)]
struct SeatWork {
    won: Vec<u64>,
    next: Vec<f64>,
    last: Vec<f64>,
}

impl SeatWork {
    /// At least `n` long (grown once, then reused).
    fn resize(&mut self, n: usize) {
        if self.won.len() < n {
            self.won.resize(n, 0);
            self.next.resize(n, 0.0);
            self.last.resize(n, 0.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::gamma::tests::ks;
    use super::*;
    use crate::seats::TiePolicy;

    fn election(method: &str, constituencies: &[(u64, &[u64])]) -> Election {
        let cs: Vec<String> = constituencies
            .iter()
            .enumerate()
            .map(|(i, (seats, votes))| {
                let v: Vec<String> = votes
                    .iter()
                    .enumerate()
                    .map(|(p, v)| format!("\"P{p}\": {v}"))
                    .collect();
                format!(
                    "{{\"name\": \"C{i}\", \"seats\": {seats}, \"votes\": {{{}}}}}",
                    v.join(", ")
                )
            })
            .collect();
        Election::from_json(&format!(
            "{{\"name\": \"t\", \"method\": \"{method}\", \"constituencies\": [{}]}}",
            cs.join(", ")
        ))
        .unwrap()
    }

    /// What `quick_check` makes of `draws` (as the run loop calls it: the draws scaled to the
    /// constituency's total and rounded half up), with the whole votes: `Some(seats)` when it
    /// claims them, `None` when it leaves the constituency unsettled.
    fn quick_seats(pc: &PreparedConstituency, draws: &[f64]) -> (Option<Vec<u64>>, Vec<u64>) {
        let sum: f64 = draws.iter().sum();
        let mut ranking = Ranking::new();
        for (j, (&x, e)) in draws.iter().zip(&pc.entries).enumerate() {
            ranking.add(j, x, e.next, e.last);
        }
        let scale = pc.total_f64 / sum;
        let votes = draws
            .iter()
            .map(|&g| round_half_up(g * scale) as u64)
            .collect();
        let mut seats = pc.start.clone();
        let Some(settled) = quick_check(pc, &ranking, draws, -1.0, pc.slack * sum) else {
            return (None, votes);
        };
        seats[settled.from] -= settled.seats;
        seats[settled.to] += settled.seats;
        (Some(seats), votes)
    }

    #[test]
    fn rounding_half_up_is_floor_of_x_plus_a_half() {
        for x in [
            0.0,
            0.49,
            0.5,
            0.51,
            1.5,
            2.5,
            1e6 + 0.5,
            123_456.499_999_9,
            4.5e15,
        ] {
            assert_eq!(round_half_up(x), (x + 0.5).floor(), "{x}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The guess, or the guess with one seat moved, is only claimed when it is the exact
        /// allocator's result on the whole votes, with no tie involved, whatever the rounding.
        #[test]
        fn quick_check_claims_only_exact_results(
            observed in prop::collection::vec(1u64..50_000, 2..9),
            noise in prop::collection::vec(-1.0f64..1.0, 9),
            small in prop::collection::vec(1u64..12, 9),
            mode in 0..3,
            seats in 1u64..9,
            method in prop::sample::select(vec!["dhondt", "sainte-lague", "cambodia", "danish"]),
        ) {
            // Draws near the observed shares (the guess is then often right or one seat off);
            // tiny whole numbers drawn exactly (exact ties are then common); or tiny numbers
            // moved by less than a vote (ties that rounding makes or breaks are then common).
            let observed: Vec<u64> = if mode == 0 {
                observed
            } else {
                small[..observed.len()].to_vec()
            };
            let e = election(method, &[(seats, &observed)]);
            let prepared = prepare(&e, 400.0, false).unwrap();
            let pc = &prepared.constituencies[0];
            let draws: Vec<f64> = pc
                .observed
                .iter()
                .zip(&noise)
                .map(|(&v, &n)| match mode {
                    0 => v as f64 * (1.0 + 0.03 * n),
                    1 => v as f64,
                    _ => v as f64 + 0.6 * n,
                })
                .collect();
            let (claimed, votes) = quick_seats(pc, &draws);
            if let Some(claimed) = claimed {
                let mut ties = TieBreaker::new(TiePolicy::Error);
                let exact = allocate_seats(e.method, &votes, seats, &mut ties);
                prop_assert_eq!(Ok(claimed), exact);
            }
        }
    }

    #[test]
    fn quick_check_answers_guesses_and_single_moves() {
        // Not a speed check: a check that never answered would pass the property above.
        // 5 seats by D'Hondt: 28,000, 22,000, 15,000, 14,000 and 11,000 win, 10,900 is next;
        // votes moved by up to ±3 % often swap the last seat.
        let observed = [28_000u64, 22_000, 15_000, 10_900, 8_000, 6_000];
        let e = election("dhondt", &[(5, &observed)]);
        let prepared = prepare(&e, 400.0, false).unwrap();
        let pc = &prepared.constituencies[0];
        let mut state = 7u64;
        let (mut guesses, mut moves) = (0, 0);
        for _ in 0..2000 {
            let draws: Vec<f64> = pc
                .observed
                .iter()
                .map(|&v| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    v as f64 * (0.97 + 0.06 * (state >> 11) as f64 / 2f64.powi(53))
                })
                .collect();
            let (claimed, votes) = quick_seats(pc, &draws);
            // Exact ties (an error under this policy) must be left unsettled.
            let exact = allocate_seats(e.method, &votes, 5, &mut TieBreaker::new(TiePolicy::Error));
            if let Some(s) = claimed {
                assert_eq!(Ok(s.clone()), exact);
                if s == pc.start {
                    guesses += 1;
                } else {
                    moves += 1;
                }
            }
        }
        assert!(guesses > 500 && moves > 100, "{guesses} {moves}");
    }

    #[test]
    fn the_distribution_adds_up_to_the_runs_and_agrees_with_the_summary() {
        let votes = [30_000u64, 25_000, 20_000, 12_000, 8_000, 2_000];
        let e = election("dhondt", &[(5, &votes), (7, &votes)]);
        let s = simulate(
            &e,
            SimulationOptions {
                runs: 2_000,
                seed: 3,
                concentration: 200.0,
            },
        )
        .unwrap_or_else(|err| panic!("{err}"));
        for p in &s.parties {
            let d = &p.distribution;
            assert_eq!(d.iter().map(|r| r.runs).sum::<u64>(), 2_000, "{}", p.party);
            assert!(d.windows(2).all(|w| w[0].seats < w[1].seats) && d.iter().all(|r| r.runs > 0));
            let total: u64 = d.iter().map(|r| r.seats * r.runs).sum();
            assert!(
                (total as f64 / 2_000.0 - p.mean_seats).abs() < 1e-9,
                "{}",
                p.party
            );
            let none = d.iter().find(|r| r.seats == 0).map_or(0, |r| r.runs);
            assert!(((2_000 - none) as f64 / 2_000.0 - p.p_seat).abs() < 1e-12);
            // The median is the smallest count at least half the runs do not exceed.
            let mut below = 0;
            let median = d
                .iter()
                .find(|r| {
                    below += r.runs;
                    below * 2 >= 2_000
                })
                .map(|r| r.seats);
            assert_eq!(median, Some(p.p50), "{}", p.party);
        }
    }

    /// Per party: (name, mean seats, P(at least one seat)).
    fn moments(s: &Simulation) -> Vec<(String, f64, f64)> {
        s.parties
            .iter()
            .map(|p| (p.party.clone(), p.mean_seats, p.p_seat))
            .collect()
    }

    #[test]
    fn groups_are_formed_from_hopeless_parties_only() {
        // 5 seats; P5..P7 (2 %, 1 %, 0.5 %) are far below any seat, P4 (8 %) is not.
        let votes = [30_000u64, 25_000, 20_000, 12_000, 8_000, 2_000, 1_000, 500];
        let e = election("dhondt", &[(5, &votes)]);
        let prepared = prepare(&e, 400.0, true).unwrap();
        let pc = &prepared.constituencies[0];
        let members: Vec<usize> = pc.parties[pc.solo..].to_vec();
        assert_eq!(members, vec![5, 6, 7]);
        assert!(pc.group.is_some());
        // Their laws: the group's shape is the sum of theirs.
        let prepared = prepare(&e, 400.0, false).unwrap();
        assert!(prepared.constituencies[0].group.is_none());
        // With a threshold there are no groups (each party's votes matter).
        let mut with_threshold = e.clone();
        with_threshold.threshold = crate::method::Fraction { num: 1, den: 100 };
        let prepared = prepare(&with_threshold, 400.0, true).unwrap();
        assert!(!prepared.open);
        assert!(prepared.constituencies[0].group.is_none());
    }

    #[test]
    fn the_fast_and_the_general_paths_draw_the_same_law() {
        // Heavy noise (K = 100), so that the guess often fails and groups sometimes have to be
        // split. Each path's means must agree within 5 standard errors (different random
        // streams). A party's national seats add independent constituencies' seats, each with
        // a variance of at most (magnitude / 2)² (Popoviciu), so at most 20.75 here.
        let e = election(
            "dhondt",
            &[
                (
                    5,
                    &[30_000, 25_000, 20_000, 12_000, 8_000, 2_000, 1_000, 500],
                ),
                (3, &[40_000, 30_000, 10_000, 5_000, 3_000, 2_000]),
                (7, &[20_000, 20_000, 15_000, 15_000, 5_000, 1_500, 800]),
            ],
        );
        let options = SimulationOptions {
            runs: 40_000,
            seed: 5,
            concentration: 100.0,
        };
        let prepared = prepare(&e, options.concentration, true).unwrap();
        assert!(prepared.constituencies.iter().any(|pc| pc.group.is_some()));
        let fast = simulate_by(&e, options, Path::Fastest).unwrap();
        let general =
            simulate_by(&e, SimulationOptions { seed: 6, ..options }, Path::General).unwrap();
        let n = options.runs as f64;
        for (a, b) in moments(&fast).iter().zip(moments(&general)) {
            assert_eq!(a.0, b.0);
            let se_seat = (a.2 * (1.0 - a.2) / n + b.2 * (1.0 - b.2) / n)
                .sqrt()
                .max(1e-3);
            assert!(
                (a.2 - b.2).abs() < 5.0 * se_seat,
                "{} P(seat) {} vs {}",
                a.0,
                a.2,
                b.2
            );
            let se_mean = (2.0 * 20.75 / n).sqrt();
            assert!(
                (a.1 - b.1).abs() < 5.0 * se_mean,
                "{} mean {} vs {}",
                a.0,
                a.1,
                b.1
            );
        }
    }

    #[test]
    fn a_split_group_gives_each_member_its_own_gamma_law() {
        // The group's sum drawn first and split gives member j the same law as drawing it on
        // its own: KS between 50,000 of each (1e-6 critical value about 0.0123). Splitting in
        // equal parts, or by the members' expected shares, fails this by far.
        let votes = [30_000u64, 25_000, 20_000, 12_000, 8_000, 2_000, 1_000, 500];
        let e = election("dhondt", &[(5, &votes)]);
        let prepared = prepare(&e, 400.0, true).unwrap();
        let (pc, sampler) = (&prepared.constituencies[0], &prepared.sampler);
        let group = pc.group.unwrap();
        let members = pc.parties.len() - pc.solo;
        let mut rng = seeded_rng(3, 0);
        let n = 50_000;
        let mut split = vec![Vec::with_capacity(n); members];
        let mut direct = vec![Vec::with_capacity(n); members];
        let mut buffer = vec![0.0; members];
        for _ in 0..n {
            let g = sampler.sample(&group, &mut rng);
            split_group(sampler, pc, g, &mut buffer, &mut rng);
            for (j, &h) in buffer.iter().enumerate() {
                split[j].push(h);
                direct[j].push(sampler.sample(&pc.entries[pc.solo + j].law, &mut rng));
            }
        }
        for (a, b) in split.into_iter().zip(direct) {
            let stat = ks(a, b);
            assert!(stat < 0.0123, "KS {stat}");
        }
    }
}
