//! The Monte-Carlo projection of an election on the web (issue 14 §5): what `accord elections
//! simulate` computes — each run redraws the votes from Dirichlet(K × observed shares) and
//! allocates them by the election's own rules — with runs, noise and seed in a plain GET form
//! (it changes nothing; a projection is a link that can be shared), the distribution of each
//! party's seats as an SVG chart and the same figures as a table.
//!
//! The same seed gives the same figures (the engine derives every run's draws from the seed and
//! the run's number alone, whatever the number of threads). A request is bounded: at most
//! [`MAX_RUNS`] runs and [`MAX_SEAT_RUNS`] seats allocated in all (runs × seats of the house),
//! refused beyond that with the field named; the run itself happens off the async threads and is
//! abandoned by the page after [`TIME_LIMIT`] (a 503 saying so).

use std::time::Duration;

use accord_elections::{Election, Simulation, SimulationError, SimulationOptions};
use minijinja::{Value, context};

use super::view::Palette;
use crate::forms::Fields;
use crate::svg::Say;
use crate::{AppError, svg};

/// The most runs one request may ask for.
pub(super) const MAX_RUNS: u64 = 20_000;
/// The most seats one request may allocate in all (runs × seats of the house): 20,000 runs of a
/// house of 200, or 4,000 of one of 1,000.
pub(super) const MAX_SEAT_RUNS: u64 = 4_000_000;
/// How long the page waits for a projection.
pub(super) const TIME_LIMIT: Duration = Duration::from_secs(20);
/// The largest Dirichlet concentration accepted (K = 400 moves a 25 % share by about ±2 points;
/// beyond a million there is no noise left to speak of).
const MAX_CONCENTRATION: f64 = 1_000_000.0;

/// What the form asked for, as typed (so a refused form shows it again).
#[derive(Debug, Clone)]
pub(super) struct Form {
    pub runs: String,
    pub noise: String,
    pub seed: String,
}

/// A field the form cannot take.
#[derive(Debug, Clone)]
pub(super) struct Refusal {
    pub field: &'static str,
    pub message: String,
}

/// The form's values (the defaults of `accord elections simulate` when absent), and whether a
/// projection was asked for at all (a first visit shows the form only).
pub(super) fn form(fields: &Fields) -> (Form, bool) {
    let asked = ["runs", "noise", "seed"]
        .iter()
        .any(|f| fields.get(f).is_some());
    let get = |name: &str, default: &str| {
        fields
            .get(name)
            .map_or_else(|| default.to_owned(), |v| v.trim().to_owned())
    };
    (
        Form {
            runs: get("runs", "1000"),
            noise: get("noise", "dirichlet:400"),
            seed: get("seed", "1"),
        },
        asked,
    )
}

/// The options the form asks for, checked against the bounds for `election`.
pub(super) fn options(
    say: &Say<'_>,
    election: &Election,
    form: &Form,
) -> Result<SimulationOptions, Vec<Refusal>> {
    let mut refused = Vec::new();
    let house = election.total_seats().max(1);
    let runs = match form.runs.parse::<u64>() {
        Ok(0) => {
            refused.push(Refusal {
                field: "runs",
                message: say.t("sim-err-runs-zero"),
            });
            None
        }
        Ok(r) if r > MAX_RUNS => {
            refused.push(Refusal {
                field: "runs",
                message: say.msg("sim-err-runs-max", &[("max", MAX_RUNS.into())]),
            });
            None
        }
        Ok(r) if r.saturating_mul(house) > MAX_SEAT_RUNS => {
            refused.push(Refusal {
                field: "runs",
                message: say.msg(
                    "sim-err-runs-house",
                    &[
                        ("max", (MAX_SEAT_RUNS / house).into()),
                        ("house", house.into()),
                    ],
                ),
            });
            None
        }
        Ok(r) => Some(r),
        Err(_) => {
            refused.push(Refusal {
                field: "runs",
                message: say.msg(
                    "sim-err-runs-number",
                    &[("value", shown(&form.runs).into())],
                ),
            });
            None
        }
    };
    let k = form.noise.strip_prefix("dirichlet:").unwrap_or(&form.noise);
    let concentration = match k.trim().parse::<f64>() {
        Ok(k) if k.is_finite() && k > 0.0 && k <= MAX_CONCENTRATION => Some(k),
        _ => {
            refused.push(Refusal {
                field: "noise",
                message: say.msg(
                    "sim-err-noise",
                    &[
                        ("max", say.plain(MAX_CONCENTRATION).into()),
                        ("value", shown(&form.noise).into()),
                    ],
                ),
            });
            None
        }
    };
    let seed = match form.seed.parse::<u64>() {
        Ok(s) => Some(s),
        Err(_) => {
            refused.push(Refusal {
                field: "seed",
                message: say.msg(
                    "sim-err-seed",
                    &[
                        ("value", shown(&form.seed).into()),
                        ("max", say.plain(u64::MAX).into()),
                    ],
                ),
            });
            None
        }
    };
    match (runs, concentration, seed) {
        (Some(runs), Some(concentration), Some(seed)) => Ok(SimulationOptions {
            runs,
            seed,
            concentration,
        }),
        _ => Err(refused),
    }
}

/// A value echoed in a refusal, shortened so a huge query cannot make a huge page.
fn shown(value: &str) -> String {
    let mut s: String = value.chars().take(60).collect();
    if value.chars().count() > 60 {
        s.push('…');
    }
    s
}

/// Run the projection off the async threads, waiting at most [`TIME_LIMIT`].
pub(super) async fn run(
    election: Election,
    options: SimulationOptions,
) -> Result<Result<Simulation, SimulationError>, AppError> {
    let task = tokio::task::spawn_blocking(move || accord_elections::simulate(&election, options));
    match tokio::time::timeout(TIME_LIMIT, task).await {
        Ok(Ok(result)) => Ok(result),
        Ok(Err(e)) => Err(AppError::Internal(format!("simulation task: {e}"))),
        Err(_) => Err(AppError::Unavailable(format!(
            "the projection took longer than {} s; ask for fewer runs",
            TIME_LIMIT.as_secs()
        ))),
    }
}

/// The projection as the page shows it: the chart and the rows of its table.
pub(super) fn view(say: &Say<'_>, s: &Simulation, palette: &Palette) -> Value {
    let rows: Vec<svg::RangeRow> = s
        .parties
        .iter()
        .map(|p| svg::RangeRow {
            label: p.party.clone(),
            p5: p.p5,
            p50: p.p50,
            p95: p.p95,
            mean: p.mean_seats,
            colour: palette.of(&p.party),
        })
        .collect();
    let chart = svg::seat_ranges(
        say,
        "simulation",
        &say.msg("sim-seats-over", &[("runs", s.runs.into())]),
        &rows,
        s.majority,
    );
    let histograms: Vec<svg::HistogramRow> = s
        .parties
        .iter()
        .map(|p| svg::HistogramRow {
            label: p.party.clone(),
            counts: p.distribution.iter().map(|d| (d.seats, d.runs)).collect(),
            colour: palette.of(&p.party),
        })
        .collect();
    let histogram = svg::seat_histograms(
        say,
        "simulation-distribution",
        &say.msg("sim-histogram-title", &[("runs", s.runs.into())]),
        &histograms,
        s.majority,
    );
    let distribution: Vec<Value> = s
        .parties
        .iter()
        .map(|p| {
            context! {
                party => &p.party,
                counts => p.distribution.iter().map(|d| context! { seats => d.seats, runs => d.runs }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let parties: Vec<Value> = s
        .parties
        .iter()
        .map(|p| {
            context! {
                party => &p.party, votes => p.votes, mean => say.decimal(p.mean_seats, 1),
                p5 => p.p5, p50 => p.p50, p95 => p.p95,
                p_majority => say.percent(p.p_majority * 100.0),
                p_seat => say.percent(p.p_seat * 100.0),
            }
        })
        .collect();
    context! {
        chart => Value::from_safe_string(chart),
        histogram => Value::from_safe_string(histogram), distribution,
        parties, runs => s.runs, seed => s.seed, noise => &s.noise, house => s.house_size,
        majority => s.majority, runs_with_lots => s.runs_with_lots, method => &s.method,
    }
}
