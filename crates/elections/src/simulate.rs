//! Monte-Carlo simulation: how much the seats could move if the votes moved a little.
//!
//! Each run redraws every constituency's party votes from Dirichlet(K × observed shares) (as
//! normalised Gamma draws) times the constituency's party votes, rounds them to whole votes and
//! allocates by the election's own rules. Run `i` draws from its own generator, derived from
//! the seed and `i` alone, so results do not depend on the number of threads; runs are spread
//! over all cores with rayon and their tallies summed (integer sums, in any order).

use rand::rngs::Xoshiro256PlusPlus;
use rand_distr::{Distribution, Gamma};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::allocation::party_order;
use crate::election::Election;
use crate::seats::{TieBreaker, allocate_into, seeded_rng};

/// What to simulate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimulationOptions {
    pub runs: u64,
    pub seed: u64,
    /// The Dirichlet concentration K: larger is less noise (K = 400 moves a 25 % share by
    /// about ±2 points).
    pub concentration: f64,
}

/// Why a simulation cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimulationError {
    #[error("--runs must be at least 1")]
    NoRuns,
    #[error("dirichlet concentration must be a positive finite number, got {0}")]
    Concentration(String),
    #[error("constituency \"{0}\": no votes to draw shares from")]
    NoVotes(String),
    #[error("{parties} parties x {seats} seats is too large to tally (at most 20,000,000)")]
    TooLarge { parties: usize, seats: u64 },
    #[error("run {run}: {message}")]
    Run { run: u64, message: String },
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
}

struct Prepared {
    /// Per constituency: party numbers with votes, their Gamma laws, total party votes.
    constituencies: Vec<PreparedConstituency>,
}

struct PreparedConstituency {
    parties: Vec<usize>,
    laws: Vec<Gamma<f64>>,
    observed: Vec<u64>,
    total: u64,
    blank: u64,
    seats: u64,
}

/// Tallies of a batch of runs: a seat histogram per party, majorities, lots.
#[derive(Clone)]
struct Tally {
    histogram: Vec<u64>,
    majorities: Vec<u64>,
    runs_with_lots: u64,
    error: Option<(u64, String)>,
}

/// Runs the simulation.
pub fn simulate(
    election: &Election,
    options: SimulationOptions,
) -> Result<Simulation, SimulationError> {
    if options.runs == 0 {
        return Err(SimulationError::NoRuns);
    }
    let k = options.concentration;
    if !(k.is_finite() && k > 0.0) {
        return Err(SimulationError::Concentration(k.to_string()));
    }
    let prepared = prepare(election, k)?;
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
    let batch = 256u64;
    let batches = options.runs.div_ceil(batch);
    let tally = (0..batches)
        .into_par_iter()
        .fold(
            || empty.clone(),
            |mut tally, b| {
                let mut scratch = Scratch::new(n);
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
    if let Some((run, message)) = tally.error {
        return Err(SimulationError::Run { run, message });
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

fn prepare(election: &Election, k: f64) -> Result<Prepared, SimulationError> {
    let mut constituencies = Vec::with_capacity(election.constituencies.len());
    for c in &election.constituencies {
        let total: u64 = c.votes.iter().map(|(_, v)| v).sum();
        if total == 0 {
            return Err(SimulationError::NoVotes(c.name.clone()));
        }
        let mut parties = Vec::new();
        let mut laws = Vec::new();
        let mut observed = Vec::new();
        for &(p, v) in &c.votes {
            if v == 0 {
                continue;
            }
            #[expect(
                clippy::cast_precision_loss,
                reason = "a Dirichlet parameter is a real number"
            )]
            let alpha = k * v as f64 / total as f64;
            let law = Gamma::new(alpha, 1.0)
                .map_err(|e| SimulationError::Concentration(format!("{k} ({e})")))?;
            parties.push(p);
            laws.push(law);
            observed.push(v);
        }
        constituencies.push(PreparedConstituency {
            parties,
            laws,
            observed,
            total,
            blank: c.blank_votes,
            seats: c.seats,
        });
    }
    Ok(Prepared { constituencies })
}

struct Scratch {
    draws: Vec<Vec<u64>>,
    gammas: Vec<f64>,
    votes: Vec<u64>,
    won: Vec<u64>,
    national: Vec<u64>,
    national_votes: Vec<u64>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            draws: Vec::new(),
            gammas: Vec::new(),
            votes: Vec::new(),
            won: Vec::new(),
            national: vec![0; n],
            national_votes: vec![0; n],
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
) -> Result<bool, String> {
    let rng: Xoshiro256PlusPlus = seeded_rng(seed, run.wrapping_add(1));
    let mut ties = TieBreaker::lot_from(rng);
    scratch
        .draws
        .resize_with(prepared.constituencies.len(), Vec::new);
    scratch.national.iter_mut().for_each(|x| *x = 0);
    for (pc, drawn) in prepared.constituencies.iter().zip(scratch.draws.iter_mut()) {
        let Some(rng) = ties.rng_mut() else {
            return Err("no generator".to_owned());
        };
        scratch.gammas.clear();
        let mut sum = 0.0;
        for law in &pc.laws {
            let g = law.sample(rng);
            sum += g;
            scratch.gammas.push(g);
        }
        drawn.clear();
        #[expect(clippy::cast_precision_loss, reason = "a vote count times a share")]
        let scale = if sum > 0.0 {
            pc.total as f64 / sum
        } else {
            0.0
        };
        for g in &scratch.gammas {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a rounded, non-negative vote count"
            )]
            drawn.push((g * scale + 0.5) as i64 as u64);
        }
        if sum <= 0.0 {
            // Every draw underflowed (only with tiny concentrations): keep the observed votes.
            drawn.clear();
            drawn.extend_from_slice(&pc.observed);
        }
    }
    let national_ok: Option<Vec<bool>> = if election.threshold.is_zero() {
        None
    } else {
        scratch.national_votes.iter_mut().for_each(|x| *x = 0);
        let mut valid = 0u64;
        for (pc, drawn) in prepared.constituencies.iter().zip(&scratch.draws) {
            for (&p, &v) in pc.parties.iter().zip(drawn) {
                scratch.national_votes[p] += v;
                valid += v;
            }
            valid += pc.blank;
        }
        Some(
            scratch
                .national_votes
                .iter()
                .map(|&v| election.threshold.reached_by(v, valid))
                .collect(),
        )
    };
    let mut lots = false;
    let open = national_ok.is_none() && election.constituency_threshold.is_zero();
    for ((pc, drawn), c) in prepared
        .constituencies
        .iter()
        .zip(&scratch.draws)
        .zip(&election.constituencies)
    {
        // Without thresholds the drawn votes are allocated as they are, with no copy.
        let votes: &[u64] = if open {
            drawn
        } else {
            let valid = drawn.iter().sum::<u64>() + pc.blank;
            scratch.votes.clear();
            for (&p, &v) in pc.parties.iter().zip(drawn) {
                let ok = election.threshold_rule.admits(
                    election.threshold,
                    national_ok.as_ref().is_none_or(|n| n[p]),
                    election.constituency_threshold,
                    election.constituency_threshold.reached_by(v, valid),
                );
                scratch.votes.push(if ok { v } else { 0 });
            }
            &scratch.votes
        };
        scratch.won.resize(votes.len(), 0);
        allocate_into(
            election.method,
            votes,
            pc.seats,
            &mut scratch.won,
            &mut ties,
        )
        .map_err(|e| format!("constituency \"{}\": {e:?}", c.name))?;
        for (&p, &s) in pc.parties.iter().zip(&scratch.won) {
            scratch.national[p] += s;
        }
        lots |= ties.take_lot_count() > 0;
    }
    Ok(lots)
}
