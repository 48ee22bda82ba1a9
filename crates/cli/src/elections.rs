//! `accord elections ...`: the command-line face of the election engine. Files are read here;
//! parsing, validation and every computation happen in `accord-elections`.
//!
//! The human output and the refusals are in the user's language: the engine's steps, notes,
//! tie rules and refusals are typed values worded by `accord_server::election_words` (the
//! pages' words). In English a refusal is the engine's own sentence, as scripts have read it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use accord_core::Lang;
use accord_elections::scenario::{Basis, DissolveRule, Scope};
use accord_elections::{
    Allocation, Apportionment, ApportionmentResult, CsvOptions, Election, Scenario, Simulation,
    SimulationOptions,
};
use accord_server::election_words;
use accord_server::i18n::Say;
use clap::{Args, Subcommand, ValueEnum};

use crate::failure::{SayContext, Worded};
use crate::words::{Words, columns, pad};

const FILE_HELP: &str = "\
Election file (JSON):
  {\"name\": \"Example 2013\", \"method\": \"dhondt\", \"threshold\": 0.0, \"constituency_threshold\": 0.0,
   \"constituencies\": [{\"name\": \"North\", \"seats\": 5,
                       \"votes\": {\"A\": 10000, \"B\": 6000, \"C\": 1500}, \"blank_votes\": 120}]}
  Optional: first_divisor (modified-sainte-lague, default 1.4), threshold_rule (any | all: how
  threshold and constituency_threshold combine when both are set), ties (error | most-votes | lot)
  with seed, notes, sources, per-constituency recorded_seats (official seats), and recorded
  {breakdown, dissolutions} (outcomes an authority decided; read by `dissolve --rule recorded`).
  Unknown fields are errors. See the accord-elections README for every field.
Methods: dhondt, sainte-lague, modified-sainte-lague, imperiali, danish, huntington-hill, adams,
  hare, droop, cambodia (aliases: jefferson, webster, hamilton, hare-niemeyer, equal-proportions,
  lemna, ...).
CSV input: a votes file (constituency,party,votes) and --seats SEATS.csv
  (constituency,seats[,blank_votes]), both with a header row.
Apportionment file: {\"name\", \"method\", \"seats\", \"min_seats\", \"populations\": {unit: count}}";

/// Seat allocations, dissolution scenarios, simulations and apportionments.
#[derive(Debug, Subcommand)]
#[command(after_help = FILE_HELP)]
pub(crate) enum ElectionsCommand {
    /// Allocate seats for an election file (JSON, or CSV with --seats)
    #[command(after_help = FILE_HELP)]
    Allocate {
        #[command(flatten)]
        input: InputArgs,
        /// Print the allocation result as JSON
        #[arg(long)]
        json: bool,
    },
    /// Dissolve a party and give out its seats by a rule; before/after and indices
    #[command(after_help = FILE_HELP)]
    Dissolve {
        #[command(flatten)]
        input: InputArgs,
        /// The dissolved party
        #[arg(long)]
        party: String,
        /// How its seats are given out
        #[arg(long, value_enum)]
        rule: RuleArg,
        /// For minor-parties: count "parties without a seat" nationally or per constituency
        #[arg(long, value_enum, default_value = "national")]
        scope: ScopeArg,
        /// For minor-parties: parties that decline the seats awarded to them (their seats pass
        /// on to the parties already seated)
        #[arg(long, num_args = 1..)]
        declined: Vec<String>,
        /// Start from the recorded official seats or the computed ones (default: recorded when
        /// every constituency has recorded_seats)
        #[arg(long, value_enum)]
        basis: Option<BasisArg>,
        /// For minor-parties: the highest-average method (default dhondt)
        #[arg(long)]
        highest_average: Option<String>,
        /// Print the scenario as JSON
        #[arg(long)]
        json: bool,
    },
    /// Monte-Carlo: redraw votes with Dirichlet noise and tally seats per party
    Simulate {
        #[command(flatten)]
        input: InputArgs,
        /// Number of runs
        #[arg(long, default_value_t = 10_000)]
        runs: u64,
        /// Seed: the same seed gives the same result on any number of cores
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Noise model, `dirichlet:K` (shares drawn from Dirichlet(K x observed shares))
        #[arg(long, default_value = "dirichlet:400")]
        noise: String,
        /// Print the simulation as JSON
        #[arg(long)]
        json: bool,
    },
    /// Apportion seats to units by population (apportionment file)
    #[command(after_help = FILE_HELP)]
    Apportion {
        /// Apportionment file (JSON)
        file: PathBuf,
        /// Method, overriding the file's
        #[arg(long)]
        method: Option<String>,
        /// Print the result as JSON: {"name", "method", "seats": {...}}
        #[arg(long)]
        json: bool,
    },
}

/// Where the election comes from, and settings a CSV file cannot carry.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Election file: JSON, or a votes CSV (constituency,party,votes) with --seats
    file: PathBuf,
    /// Seats CSV (constituency,seats[,blank_votes]) for a votes CSV
    #[arg(long)]
    seats: Option<PathBuf>,
    /// Method, overriding the file's (required for CSV)
    #[arg(long)]
    method: Option<String>,
    /// For CSV: the election's name (default: the file name)
    #[arg(long)]
    name: Option<String>,
    /// For CSV: national threshold, a fraction of national valid votes
    #[arg(long, default_value_t = 0.0)]
    threshold: f64,
    /// For CSV: constituency threshold, a fraction of the constituency's valid votes
    #[arg(long, default_value_t = 0.0)]
    constituency_threshold: f64,
    /// For CSV: how the two thresholds combine when both are set (any, all)
    #[arg(long)]
    threshold_rule: Option<String>,
    /// For CSV: first divisor of modified-sainte-lague
    #[arg(long)]
    first_divisor: Option<f64>,
    /// For CSV: tie rule (error, most-votes, lot)
    #[arg(long)]
    ties: Option<String>,
    /// For CSV: seed for ties = lot
    #[arg(long)]
    tie_seed: Option<u64>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum RuleArg {
    Rerun,
    MinorParties,
    Recorded,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ScopeArg {
    National,
    Constituency,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum BasisArg {
    Recorded,
    Computed,
}

pub(crate) fn run(words: &Words, cmd: ElectionsCommand) -> anyhow::Result<()> {
    match cmd {
        ElectionsCommand::Allocate { input, json } => {
            let election = load(words, &input)?;
            let allocation = accord_elections::allocate(&election).map_err(|e| {
                let doing = words.msg("cli-el-allocating", &file_arg(&input.file));
                refused(words, e, election_words::allocate_error, doing)
            })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&allocation)?);
            } else {
                print!("{}", allocation_table(words, &allocation));
            }
        }
        ElectionsCommand::Dissolve {
            input,
            party,
            rule,
            scope,
            declined,
            basis,
            highest_average,
            json,
        } => {
            let election = load(words, &input)?;
            let method = match &highest_average {
                Some(name) => Some(accord_elections::Method::from_name(name, None).ok_or_else(
                    || {
                        Worded(words.msg(
                            "cli-el-unknown-average",
                            &[("name", format!("{name:?}").into())],
                        ))
                    },
                )?),
                None => None,
            };
            if !matches!(rule, RuleArg::MinorParties) && (!declined.is_empty() || method.is_some())
            {
                return Err(Worded(words.t("cli-el-only-minor-parties")).into());
            }
            let rule = match rule {
                RuleArg::Rerun => DissolveRule::Rerun,
                RuleArg::Recorded => DissolveRule::Recorded,
                RuleArg::MinorParties => DissolveRule::MinorParties {
                    scope: match scope {
                        ScopeArg::National => Scope::National,
                        ScopeArg::Constituency => Scope::Constituency,
                    },
                    declined,
                    method,
                },
            };
            let basis = basis.map(|b| match b {
                BasisArg::Recorded => Basis::Recorded,
                BasisArg::Computed => Basis::Computed,
            });
            let scenario =
                accord_elections::dissolve(&election, &party, &rule, basis).map_err(|e| {
                    let mut args = file_arg(&input.file);
                    args.push(("party", party.clone().into()));
                    let doing = words.msg("cli-el-dissolving", &args);
                    refused(words, e, election_words::allocate_error, doing)
                })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&scenario)?);
            } else {
                print!("{}", scenario_table(words, &scenario));
            }
        }
        ElectionsCommand::Simulate {
            input,
            runs,
            seed,
            noise,
            json,
        } => {
            let concentration = parse_noise(words, &noise)?;
            let election = load(words, &input)?;
            let simulation = accord_elections::simulate(
                &election,
                SimulationOptions {
                    runs,
                    seed,
                    concentration,
                },
            )
            .map_err(|e| {
                let doing = words.msg("cli-el-simulating", &file_arg(&input.file));
                refused(words, e, election_words::simulation_error, doing)
            })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&simulation)?);
            } else {
                print!("{}", simulation_table(words, &simulation));
            }
        }
        ElectionsCommand::Apportion { file, method, json } => {
            let text = read(&file)?;
            let apportionment =
                Apportionment::from_json(&text, method.as_deref()).map_err(|e| {
                    let doing = words.msg("cli-el-reading", &file_arg(&file));
                    refused(words, e, election_words::input_error, doing)
                })?;
            let result = apportionment.apportion().map_err(|e| {
                let doing = words.msg("cli-el-apportioning", &file_arg(&file));
                refused(words, e, election_words::allocate_error, doing)
            })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&result)?);
            } else {
                print!("{}", apportionment_table(words, &apportionment, &result));
            }
        }
    }
    Ok(())
}

/// An engine refusal and what was being done (`doing`, worded), as the error line says them:
/// in English the engine's own sentence under `doing` (the chain scripts have read), otherwise
/// the catalogs' words for the refusal's kind, in one worded link.
fn refused<E>(w: &Words, error: E, say: fn(&Say<'_>, &E) -> String, doing: String) -> anyhow::Error
where
    E: std::error::Error + Send + Sync + 'static,
{
    match w.lang {
        Lang::En => anyhow::Error::new(error).context(doing),
        _ => Worded(w.msg(
            "cli-el-because",
            &[
                ("doing", doing.into()),
                ("why", say(&w.say(), &error).into()),
            ],
        ))
        .into(),
    }
}

/// The `file` argument of a message: the path as given.
fn file_arg(path: &Path) -> Vec<(&'static str, accord_server::i18n::FluentValue<'static>)> {
    vec![("file", path.display().to_string().into())]
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path)
        .said(|| crate::failure::Said::new("cli-el-reading", &[("file", &path.display())]))
}

fn parse_noise(w: &Words, noise: &str) -> anyhow::Result<f64> {
    let k = noise
        .strip_prefix("dirichlet:")
        .and_then(|k| k.parse::<f64>().ok())
        .filter(|k| k.is_finite() && *k > 0.0);
    k.ok_or_else(|| Worded(w.msg("cli-el-noise", &[("noise", format!("{noise:?}").into())])).into())
}

/// Reads the election named by the arguments: JSON, or a votes CSV with its seats CSV.
fn load(w: &Words, input: &InputArgs) -> anyhow::Result<Election> {
    let text = read(&input.file)?;
    let is_csv = input.seats.is_some()
        || input
            .file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !is_csv {
        return Election::from_json_with_method(&text, input.method.as_deref()).map_err(|e| {
            let doing = w.msg("cli-el-reading", &file_arg(&input.file));
            refused(w, e, election_words::input_error, doing)
        });
    }
    let Some(seats_path) = &input.seats else {
        return Err(Worded(w.msg("cli-el-csv-needs-seats", &file_arg(&input.file))).into());
    };
    let Some(method) = &input.method else {
        return Err(Worded(w.t("cli-el-csv-needs-method")).into());
    };
    let seats = read(seats_path)?;
    let options = CsvOptions {
        name: input.name.clone().unwrap_or_else(|| {
            input.file.file_stem().map_or_else(
                || "election".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            )
        }),
        method: method.clone(),
        first_divisor: input.first_divisor,
        threshold: input.threshold,
        constituency_threshold: input.constituency_threshold,
        threshold_rule: input.threshold_rule.clone(),
        ties: input.ties.clone(),
        seed: input.tie_seed,
    };
    Election::from_csv(&text, &seats, &options).map_err(|e| {
        let mut args = file_arg(&input.file);
        args.push(("seats", seats_path.display().to_string().into()));
        let doing = w.msg("cli-el-reading-csv", &args);
        refused(w, e, election_words::input_error, doing)
    })
}

/// Left-aligned first column, right-aligned numbers.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| columns(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(columns(cell));
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, cells: Vec<String>| {
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = w.saturating_sub(columns(cell));
            if i == 0 {
                out.push_str(cell);
                out.push_str(&" ".repeat(pad));
            } else {
                out.push_str("  ");
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            }
        }
        out.push('\n');
    };
    line(&mut out, header.to_vec());
    for row in rows {
        line(&mut out, row.clone());
    }
    out
}

/// The headings of a table, in the user's language.
fn heads(w: &Words, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| w.t(id)).collect()
}

/// The disproportionality indices on one line (their names are the literature's, in every
/// language; the figures in the language's digits).
fn indices(w: &Words, i: &accord_elections::Indices) -> String {
    w.msg(
        "cli-el-indices",
        &[
            ("gallagher", decimal(w, i.gallagher, 2).into()),
            ("lh", decimal(w, i.loosemore_hanby, 2).into()),
            ("sl", decimal(w, i.sainte_lague, 2).into()),
            ("enp_votes", decimal(w, i.enp_votes, 2).into()),
            ("enp_seats", decimal(w, i.enp_seats, 2).into()),
        ],
    )
}

/// A figure with `places` decimals: as Rust writes it in English (what scripts read), in the
/// language's digits and decimal comma otherwise.
fn decimal(w: &Words, x: f64, places: usize) -> String {
    match w.lang {
        accord_core::Lang::En => format!("{x:.places$}"),
        lang => lang.decimal(x, places),
    }
}

fn pct(w: &Words, x: f64) -> String {
    decimal(w, x, 2)
}

fn signed(w: &Words, x: f64) -> String {
    match w.lang {
        accord_core::Lang::En => format!("{x:+.2}"),
        lang => lang.signed(x, 2),
    }
}

fn allocation_table(w: &Words, a: &Allocation) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        w.msg(
            "cli-el-allocation",
            &[
                ("name", a.name.as_str().into()),
                ("method", a.method.as_str().into()),
                ("seats", w.n(a.house_size)),
                ("constituencies", w.n(a.constituencies.len())),
            ],
        )
    );
    let rows: Vec<Vec<String>> = a
        .parties
        .iter()
        .map(|p| {
            vec![
                p.party.clone(),
                w.count_of(p.votes),
                pct(w, p.vote_share),
                w.count_of(p.seats),
                pct(w, p.seat_share),
                signed(w, p.difference),
            ]
        })
        .collect();
    out.push_str(&table(
        &heads(
            w,
            &[
                "cli-el-party",
                "cli-el-votes",
                "cli-el-votes-pct",
                "cli-el-seats",
                "cli-el-seats-pct",
                "cli-el-seats-votes",
            ],
        ),
        &rows,
    ));
    let _ = writeln!(out, "{}", indices(w, &a.indices));
    if !a.below_threshold.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            w.msg(
                "cli-el-below-national",
                &[("parties", a.below_threshold.join(", ").into())]
            )
        );
    }
    if a.constituencies.len() > 1 {
        let _ = writeln!(out, "{}", w.t("cli-el-constituencies"));
        for c in &a.constituencies {
            let seats: Vec<String> = c
                .seats
                .iter()
                .map(|(p, s)| format!("{p} {}", w.count_of(s)))
                .collect();
            let _ = write!(
                out,
                "  {} ({}): {}",
                c.name,
                w.count_of(c.magnitude),
                seats.join(", ")
            );
            if !c.below_threshold.is_empty() {
                let _ = write!(
                    out,
                    "  [{}]",
                    w.msg(
                        "cli-el-below-threshold",
                        &[("parties", c.below_threshold.join(", ").into())]
                    )
                );
            }
            out.push('\n');
        }
    }
    for t in &a.ties {
        let _ = writeln!(
            out,
            "{}",
            w.msg(
                "cli-el-tie",
                &[
                    ("constituency", t.constituency.as_str().into()),
                    ("seat", w.n(t.seat)),
                    ("tied", t.tied.join(", ").into()),
                    ("rule", w.name("el-tie-rule-", t.rule.name()).into()),
                    ("winners", t.winners.join(", ").into()),
                ],
            )
        );
    }
    for note in &a.notes {
        let _ = writeln!(
            out,
            "{}",
            w.msg("cli-el-note", &[("note", note.as_str().into())])
        );
    }
    if let Some(r) = &a.recorded {
        if r.matches {
            let _ = writeln!(out, "{}", w.t("cli-el-recorded-identical"));
        } else {
            let _ = writeln!(
                out,
                "{}",
                w.msg("cli-el-recorded-differ", &[("n", w.n(r.differences.len()))])
            );
            for d in &r.differences {
                let _ = writeln!(
                    out,
                    "  {}",
                    w.msg(
                        "cli-el-recorded-difference",
                        &[
                            ("constituency", d.constituency.as_str().into()),
                            ("party", d.party.as_str().into()),
                            ("computed", w.n(d.computed)),
                            ("recorded", w.n(d.recorded)),
                        ],
                    )
                );
            }
        }
    }
    out
}

fn scenario_table(w: &Words, s: &Scenario) -> String {
    let mut out = String::new();
    let scope = s
        .scope
        .as_ref()
        .map(|x| format!(" ({})", w.name("el-scope-short-", x)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}",
        w.msg(
            "cli-el-scenario",
            &[
                ("name", s.name.as_str().into()),
                ("party", s.party.as_str().into()),
                ("rule", w.name("el-rule-short-", &s.rule).into()),
                ("scope", scope.into()),
                ("basis", w.name("cli-el-basis-", &s.basis).into()),
            ],
        )
    );
    let rows: Vec<Vec<String>> = s
        .parties
        .iter()
        .map(|p| {
            vec![
                p.party.clone(),
                w.count_of(p.votes),
                pct(w, p.vote_share),
                w.count_of(p.seats_before),
                w.count_of(p.seats_after),
                w.lang.digits(&format!("{:+}", p.change)),
                signed(w, p.difference_before),
                signed(w, p.difference_after),
            ]
        })
        .collect();
    out.push_str(&table(
        &heads(
            w,
            &[
                "cli-el-party",
                "cli-el-votes",
                "cli-el-votes-pct",
                "cli-el-before",
                "cli-el-after",
                "cli-el-change",
                "cli-el-seats-votes-before",
                "cli-el-after",
            ],
        ),
        &rows,
    ));
    let labels = [w.t("cli-el-before"), w.t("cli-el-after")];
    let label_w = labels.iter().map(|l| columns(l)).max().unwrap_or(6).max(6);
    for (label, i) in labels.iter().zip([&s.indices_before, &s.indices_after]) {
        let _ = writeln!(out, "{} {}", pad(label, label_w), indices(w, i));
    }
    for step in &s.steps {
        let seats: Vec<String> = step
            .seats
            .iter()
            .map(|(p, n)| format!("{p} {}", w.count_of(n)))
            .collect();
        let seats = if seats.is_empty() {
            w.t("cli-el-none")
        } else {
            seats.join(", ")
        };
        let _ = writeln!(
            out,
            "{}",
            w.msg(
                "cli-el-step",
                &[
                    ("step", election_words::step(&w.say(), step).into()),
                    ("seats", seats.into()),
                ],
            )
        );
    }
    if let Some(cs) = &s.constituencies {
        for c in cs.iter().filter(|c| c.before != c.after) {
            let fmt = |m: &accord_elections::PartyMap<u64>| {
                m.iter()
                    .map(|(p, n)| format!("{p} {}", w.count_of(n)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(out, "  {}: {} -> {}", c.name, fmt(&c.before), fmt(&c.after));
        }
    }
    for t in &s.ties {
        let _ = writeln!(
            out,
            "{}",
            w.msg(
                "cli-el-tie",
                &[
                    ("constituency", t.constituency.as_str().into()),
                    ("seat", w.n(t.seat)),
                    ("tied", t.tied.join(", ").into()),
                    ("rule", w.name("el-tie-rule-", t.rule.name()).into()),
                    ("winners", t.winners.join(", ").into()),
                ],
            )
        );
    }
    for note in &s.notes {
        let _ = writeln!(
            out,
            "{}",
            w.msg(
                "cli-el-note",
                &[("note", election_words::scenario_note(&w.say(), note).into())]
            )
        );
    }
    out
}

fn simulation_table(w: &Words, s: &Simulation) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        w.msg(
            "cli-el-simulation",
            &[
                ("name", s.name.as_str().into()),
                ("method", s.method.as_str().into()),
                ("runs", w.n(s.runs)),
                ("seed", w.n(s.seed)),
                ("noise", s.noise.as_str().into()),
                ("majority", w.n(s.majority)),
                ("seats", w.n(s.house_size)),
            ],
        )
    );
    let rows: Vec<Vec<String>> = s
        .parties
        .iter()
        .map(|p| {
            vec![
                p.party.clone(),
                w.count_of(p.votes),
                decimal(w, p.mean_seats, 2),
                w.count_of(p.p5),
                w.count_of(p.p50),
                w.count_of(p.p95),
                decimal(w, p.p_majority, 4),
                decimal(w, p.p_seat, 4),
            ]
        })
        .collect();
    out.push_str(&table(
        &heads(
            w,
            &[
                "cli-el-party",
                "cli-el-votes",
                "cli-el-mean-seats",
                "cli-el-p5",
                "cli-el-p50",
                "cli-el-p95",
                "cli-el-p-majority",
                "cli-el-p-seat",
            ],
        ),
        &rows,
    ));
    if s.runs_with_lots > 0 {
        let _ = writeln!(
            out,
            "{}",
            w.msg("cli-el-lots", &[("n", w.n(s.runs_with_lots))])
        );
    }
    out
}

fn apportionment_table(w: &Words, a: &Apportionment, r: &ApportionmentResult) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        w.msg(
            "cli-el-apportionment",
            &[
                ("name", r.name.as_str().into()),
                ("method", r.method.as_str().into()),
                ("seats", w.n(a.seats)),
                ("min", w.n(a.min_seats)),
            ],
        )
    );
    let rows: Vec<Vec<String>> = a
        .populations
        .iter()
        .zip(r.seats.iter())
        .map(|((unit, pop), (_, seats))| vec![unit.clone(), w.count_of(pop), w.count_of(seats)])
        .collect();
    out.push_str(&table(
        &heads(w, &["cli-el-unit", "cli-el-population", "cli-el-seats"]),
        &rows,
    ));
    out
}
