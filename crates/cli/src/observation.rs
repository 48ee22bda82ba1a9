//! `accord observation list|add|review|import`: implementation observations of a case's
//! provisions (a Peace Accords Matrix score, 0 to 3, for a date), from the command line.
//!
//! `import` reads a CSV table in the Matrix's shape (agreement, provision, year, score): every row
//! is checked against the case and today's date before anything is written, every problem is
//! reported with its row and column, and the rows land together (as drafts, for review) or not at
//! all. `--dry-run` checks without writing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord_actions::{ActionError, Actions, ObservationProblem};
use accord_core::observation::{PamRow, default_id, from_pam_row, parse_date};
use accord_core::{Citation, Named, Observation, ObservationStatus, Score};
use accord_store::Create;
use clap::Subcommand;
use serde::Serialize;

use crate::config::Config;
use crate::failure::{Said, SayContext, flag_refused};
use crate::setup::{self, ACTOR};
use crate::words::{Words, columns, pad};

#[derive(Debug, Subcommand)]
pub(crate) enum ObservationCommand {
    /// List a case's observations, oldest recorded first
    List {
        /// The case id
        case: String,
        /// Only those of this provision (a citation)
        #[arg(long, value_name = "CITATION")]
        provision: Option<String>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Record an observation, as a draft for review
    Add {
        /// The case id
        case: String,
        /// The provision observed (a citation of the case: "ACPS Art. 29")
        #[arg(long, value_name = "CITATION")]
        provision: String,
        /// The date described: YYYY, YYYY-MM or YYYY-MM-DD (not after today, not before the
        /// instrument)
        #[arg(long, value_name = "DATE")]
        date: String,
        /// 0 (not implemented), 1 (minimal), 2 (intermediate) or 3 (full implementation)
        #[arg(long, value_name = "0-3", allow_hyphen_values = true)]
        score: String,
        /// A source of the case that supports it (repeat for several)
        #[arg(long = "source", value_name = "ID")]
        sources: Vec<String>,
        /// Who coded it [default: whoever --by names]
        #[arg(long, value_name = "WHO")]
        coded_by: Option<String>,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// The observation's id [default: o-<citation>-<date>]
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// Who the log records as recording it
        #[arg(long, value_name = "WHO", default_value = ACTOR)]
        by: String,
        /// Print the observation as JSON
        #[arg(long)]
        json: bool,
    },
    /// Confirm, retract or return observations to draft
    Review {
        /// The case id
        case: String,
        /// The observations' ids
        #[arg(required = true)]
        ids: Vec<String>,
        /// confirmed | retracted | draft
        #[arg(long)]
        status: String,
        /// Who reviews (nobody confirms what they coded or recorded, unless the case's owner
        /// allows self-review)
        #[arg(long, value_name = "WHO", default_value = ACTOR)]
        by: String,
    },
    /// Import yearly codes from a CSV table in the Peace Accords Matrix's shape
    ///
    /// The header names the columns agreement, provision, year and score, in any order (other
    /// columns are ignored). agreement is an instrument of the case, by id or title; provision a
    /// citation ("Art. 29" or "ACPS Art. 29") or the heading of one of its provisions; year the
    /// year coded; score 0 to 3. Each row becomes the draft observation pam-<citation>-<year>.
    /// Rows are numbered as in a spreadsheet: the header is row 1.
    Import {
        /// The case id
        case: String,
        /// The CSV file
        file: PathBuf,
        /// Who coded the table
        #[arg(long, value_name = "WHO", default_value = "Peace Accords Matrix")]
        coded_by: String,
        /// A source of the case the table comes from (repeat for several)
        #[arg(long = "source", value_name = "ID")]
        sources: Vec<String>,
        /// Who the log records as importing it
        #[arg(long, value_name = "WHO", default_value = ACTOR)]
        by: String,
        /// Check every row and say what would be recorded; write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

pub(crate) async fn run(config: &Config, cmd: ObservationCommand) -> anyhow::Result<ExitCode> {
    let actions = setup::actions(config, Create::MustExist).await?;
    let words = Words::new(config.language)?;
    match cmd {
        ObservationCommand::List {
            case,
            provision,
            json,
        } => list(&actions, &words, &case, provision.as_deref(), json).await,
        ObservationCommand::Add {
            case,
            provision,
            date,
            score,
            sources,
            coded_by,
            note,
            id,
            by,
            json,
        } => {
            let provision = provision_of(&actions, &case, &provision).await?;
            let date = parse_date(date.trim()).map_err(|e| flag_refused("--date", &e))?;
            let score = Score::parse(&score).said(|| crate::failure::flag("--score"))?;
            let o = Observation {
                id: id.unwrap_or_else(|| default_id("o", &provision, date)),
                provision,
                date,
                score,
                sources,
                coded_by: Some(coded_by.unwrap_or_else(|| by.clone())),
                note,
                status: ObservationStatus::Draft,
                reviewed_by: None,
            };
            let o = match actions.add_observation(&case, o, &by).await {
                Ok(o) => o,
                Err(ActionError::Invalid { field, message }) => {
                    return Err(Said::new(
                        "cli-err-follow-invalid",
                        &[
                            ("field", &flag(&field).trim_start_matches('-')),
                            ("reason", &message),
                        ],
                    )
                    .into());
                }
                Err(ActionError::Exists { id, .. }) => {
                    return Err(Said::new(
                        "cli-err-obs-exists",
                        &[("id", &format!("{id:?}")), ("case", &case)],
                    )
                    .into());
                }
                Err(e) => return Err(e.into()),
            };
            if json {
                println!("{}", serde_json::to_string_pretty(&View::new(&o))?);
            } else {
                println!(
                    "{}",
                    words.msg(
                        "cli-obs-recorded",
                        &[
                            ("id", o.id.as_str().into()),
                            ("case", case.as_str().into()),
                            ("provision", o.provision.to_string().into()),
                            ("date", words.point(o.date).into()),
                            ("score", words.n(o.score.value())),
                            (
                                "label",
                                words.t(&format!("score-{}", o.score.value())).into()
                            ),
                        ],
                    )
                );
            }
            crate::evidence::checkpoint(&actions).await?;
            Ok(ExitCode::SUCCESS)
        }
        ObservationCommand::Review {
            case,
            ids,
            status,
            by,
        } => {
            let status =
                ObservationStatus::from_name(&status).said(|| crate::failure::flag("--status"))?;
            for id in &ids {
                actions
                    .set_observation_status(&case, id, status, &by)
                    .await
                    .said(|| {
                        Said::new("cli-err-obs-not-reviewed", &[("case", &case), ("id", id)])
                    })?;
                println!(
                    "{}",
                    words.msg(
                        "cli-obs-reviewed",
                        &[
                            ("case", case.as_str().into()),
                            ("id", id.as_str().into()),
                            ("status", words.name("status-", status.as_str()).into()),
                        ],
                    )
                );
            }
            crate::evidence::checkpoint(&actions).await?;
            Ok(ExitCode::SUCCESS)
        }
        ObservationCommand::Import {
            case,
            file,
            coded_by,
            sources,
            by,
            dry_run,
        } => {
            let who = Who {
                coded_by: &coded_by,
                sources: &sources,
                by: &by,
            };
            import(&actions, &words, &case, &file, &who, dry_run).await
        }
    }
}

/// The command-line flag a refused field came from.
fn flag(field: &str) -> String {
    match field.split(['[', '.']).next().unwrap_or(field) {
        "sources" => "--source".to_owned(),
        "coded_by" => "--coded-by".to_owned(),
        other => format!("--{other}"),
    }
}

/// A citation as typed, resolved to the case's provision (the one rule of every form).
async fn provision_of(actions: &Actions, case: &str, typed: &str) -> anyhow::Result<Citation> {
    if actions.store().case_head(case).await?.is_none() {
        return Err(no_case(case).into());
    }
    let refs = actions.store().case_refs(case).await?;
    actions
        .parse_provision(&refs.provisions, typed)
        .map_err(|e| match e {
            ActionError::Invalid { message, .. } => flag_refused("--provision", &message).into(),
            other => other.into(),
        })
}

async fn list(
    actions: &Actions,
    words: &Words,
    case: &str,
    provision: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    if actions.store().case_head(case).await?.is_none() {
        return Err(no_case(case).into());
    }
    let provision = match provision {
        Some(p) => Some(provision_of(actions, case, p).await?),
        None => None,
    };
    let all: Vec<Observation> = actions
        .store()
        .observations(case)
        .await?
        .into_iter()
        .filter(|o| provision.as_ref().is_none_or(|p| &o.provision == p))
        .collect();
    if json {
        let v: Vec<View<'_>> = all.iter().map(View::new).collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    if all.is_empty() {
        println!("{}", words.msg("cli-obs-none", &[("case", case.into())]));
        return Ok(ExitCode::SUCCESS);
    }
    let [id_h, provision_h, date_h, score_h, status_h, coded_h] = [
        "cli-col-id",
        "cli-col-provision",
        "cli-col-date",
        "cli-col-score",
        "cli-col-status",
        "cli-col-coded-by",
    ]
    .map(|id| words.t(id));
    let rows: Vec<[String; 6]> = all
        .iter()
        .map(|o| {
            [
                o.id.clone(),
                o.provision.to_string(),
                words.point(o.date),
                format!(
                    "{} {}",
                    words.count(usize::from(o.score.value())),
                    words.t(&format!("score-{}", o.score.value()))
                ),
                words.name("status-", o.status.as_str()),
                o.coded_by.clone().unwrap_or_default(),
            ]
        })
        .collect();
    // Each column as wide as its widest cell or heading (the English minimums kept).
    let minimums = [2, 9, 10, 18, 9];
    let heads = [&id_h, &provision_h, &date_h, &score_h, &status_h];
    let widths: Vec<usize> = (0..5)
        .map(|i| {
            rows.iter()
                .map(|r| columns(&r[i]))
                .chain([columns(heads[i]), minimums[i]])
                .max()
                .unwrap_or(minimums[i])
        })
        .collect();
    let line = |cells: [&str; 6]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().take(5).enumerate() {
            s.push_str(&pad(cell, widths[i]));
            s.push_str("  ");
        }
        s.push_str(cells[5]);
        s
    };
    println!(
        "{}",
        line([&id_h, &provision_h, &date_h, &score_h, &status_h, &coded_h])
    );
    for r in &rows {
        println!(
            "{}",
            line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]).trim_end()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// An observation as `--json` prints it (the API's shape).
#[derive(Serialize)]
struct View<'a> {
    id: &'a str,
    provision: String,
    date: String,
    score: u8,
    score_label: &'static str,
    sources: &'a [String],
    coded_by: Option<&'a str>,
    note: Option<&'a str>,
    status: &'static str,
    reviewed_by: Option<&'a str>,
}

impl<'a> View<'a> {
    fn new(o: &'a Observation) -> View<'a> {
        View {
            id: &o.id,
            provision: o.provision.to_string(),
            date: o.date.to_string(),
            score: o.score.value(),
            score_label: o.score.label(),
            sources: &o.sources,
            coded_by: o.coded_by.as_deref(),
            note: o.note.as_deref(),
            status: o.status.as_str(),
            reviewed_by: o.reviewed_by.as_deref(),
        }
    }
}

/// The columns a Peace Accords Matrix table must have.
const COLUMNS: [&str; 4] = ["agreement", "provision", "year", "score"];

/// One refused row: `FILE: row N, column C: message`.
struct RowError {
    row: u64,
    column: Option<&'static str>,
    message: RowMessage,
}

/// What is wrong with a row.
enum RowMessage {
    /// The core's or the action layer's English, said by its kind (`refusals.rs`).
    Refusal(String),
    /// The command's own words.
    Said(Said),
}

impl RowMessage {
    fn text(&self, words: &Words) -> String {
        match self {
            RowMessage::Refusal(message) => words.refusal(message),
            RowMessage::Said(said) => said.text(words),
        }
    }
}

/// `no case "ID"`.
fn no_case(case: &str) -> Said {
    Said::new(
        "cli-err-not-found",
        &[("what", &"case"), ("id", &format!("{case:?}"))],
    )
}

/// Who coded the imported rows, from which sources, recorded by whom.
struct Who<'a> {
    coded_by: &'a str,
    sources: &'a [String],
    by: &'a str,
}

async fn import(
    actions: &Actions,
    words: &Words,
    case: &str,
    file: &Path,
    who: &Who<'_>,
    dry_run: bool,
) -> anyhow::Result<ExitCode> {
    let Who {
        coded_by,
        sources,
        by,
    } = *who;
    let text = std::fs::read(file).said(|| crate::failure::cannot_read(file))?;
    let stored = actions
        .store()
        .load_case_for_status(case)
        .await?
        .said(|| no_case(case))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_slice());
    let header = reader
        .headers()
        .said(|| Said::new("cli-err-obs-header", &[("file", &file.display())]))?
        .clone();
    let mut at = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        at.entry(name.to_lowercase()).or_insert(i);
    }
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !at.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        return Err(Said::new(
            "cli-err-obs-columns",
            &[
                ("file", &file.display()),
                ("missing", &missing.join(", ")),
                ("expected", &COLUMNS.join(", ")),
            ],
        )
        .into());
    }
    let mut errors = Vec::new();
    let mut rows: Vec<u64> = Vec::new();
    let mut observations = Vec::new();
    let mut first_row_of: HashMap<String, u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(0, |p| line_at(&text, p.byte()));
                errors.push(RowError {
                    row,
                    column: None,
                    message: RowMessage::Said(Said::new("cli-obs-not-csv", &[("reason", &e)])),
                });
                continue;
            }
        };
        let row = record.position().map_or(0, |p| line_at(&text, p.byte()));
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |c: &str| at.get(c).and_then(|&i| record.get(i)).unwrap_or("");
        let pam = PamRow {
            agreement: cell("agreement"),
            provision: cell("provision"),
            year: cell("year"),
            score: cell("score"),
        };
        match from_pam_row(&stored, pam, Some(coded_by), sources) {
            Ok(o) => {
                if let Some(first) = first_row_of.insert(o.id.clone(), row) {
                    errors.push(RowError {
                        row,
                        column: None,
                        message: RowMessage::Said(
                            Said::new("cli-obs-row-twice", &[("provision", &o.provision)])
                                .digits("first", first)
                                .digits("date", o.date),
                        ),
                    });
                    continue;
                }
                rows.push(row);
                observations.push(o);
            }
            Err(problems) => {
                errors.extend(problems.into_iter().map(|(column, message)| RowError {
                    row,
                    column: Some(column),
                    message: RowMessage::Refusal(message),
                }));
            }
        }
    }
    if observations.is_empty() && errors.is_empty() {
        return Err(Said::new("cli-err-obs-no-rows", &[("file", &file.display())]).into());
    }
    if !observations.is_empty() {
        let problems = actions.check_observations(case, &observations).await?;
        errors.extend(
            problems
                .into_iter()
                .map(|p| row_error(&rows, &observations, p)),
        );
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.row);
        for e in &errors {
            let mut args = vec![
                ("file", file.display().to_string().into()),
                ("row", words.n(e.row)),
                ("message", e.message.text(words).into()),
            ];
            let id = match &e.column {
                Some(c) => {
                    args.push(("column", c.to_string().into()));
                    "cli-obs-row-column-problem"
                }
                None => "cli-obs-row-problem",
            };
            eprintln!("{}", words.msg(id, &args));
        }
        eprintln!(
            "{}",
            words.msg(
                "cli-import-refused",
                &[
                    ("file", file.display().to_string().into()),
                    ("n", errors.len().into()),
                    ("shown", words.n(errors.len())),
                ],
            )
        );
        return Ok(ExitCode::FAILURE);
    }
    let n = observations.len();
    if dry_run {
        for (row, o) in rows.iter().zip(&observations) {
            println!(
                "{}",
                words.msg(
                    "cli-obs-dry-row",
                    &[
                        ("row", words.n(row)),
                        ("id", o.id.as_str().into()),
                        ("provision", o.provision.to_string().into()),
                        ("date", words.point(o.date).into()),
                        ("score", words.n(o.score.value())),
                        (
                            "label",
                            words.t(&format!("score-{}", o.score.value())).into()
                        ),
                    ],
                )
            );
        }
        println!(
            "{}",
            words.msg(
                "cli-obs-dry-run",
                &[
                    ("file", file.display().to_string().into()),
                    ("n", n.into()),
                    ("shown", words.n(n)),
                ],
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    actions
        .add_observations(case, observations, by)
        .await
        .said(|| Said::new("cli-err-nothing-imported", &[("path", &file.display())]))?;
    println!(
        "{}",
        words.msg(
            "cli-obs-imported",
            &[
                ("n", n.into()),
                ("shown", words.n(n)),
                ("case", case.into()),
            ],
        )
    );
    crate::evidence::checkpoint(actions).await?;
    Ok(ExitCode::SUCCESS)
}

/// The line (from 1) on which the record read from `offset` starts: a row's number as a
/// spreadsheet or an editor shows it, blank lines counted (the CSV reader's own count skips them,
/// and its offset is where it started reading, before any blank line).
fn line_at(text: &[u8], offset: u64) -> u64 {
    let mut end = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(text.len());
    while text.get(end).is_some_and(|b| matches!(b, b'\n' | b'\r')) {
        end += 1;
    }
    let newlines = text[..end].iter().filter(|&&b| b == b'\n').count();
    u64::try_from(newlines).unwrap_or(u64::MAX) + 1
}

/// A problem the action layer found with the observation of a row, named by the row's column.
fn row_error(rows: &[u64], observations: &[Observation], p: ObservationProblem) -> RowError {
    let row = rows.get(p.index).copied().unwrap_or(0);
    let column = match p.field.split(['[', '.']).next().unwrap_or("") {
        "date" => Some("year"),
        "provision" => Some("provision"),
        "sources" => {
            return RowError {
                row,
                column: None,
                message: RowMessage::Said(flag_refused("--source", &p.message)),
            };
        }
        _ => None,
    };
    let message = if p.field == "id" {
        match observations.get(p.index) {
            Some(o) => RowMessage::Said(
                Said::new(
                    "cli-obs-imported-already",
                    &[("provision", &o.provision), ("reason", &p.message)],
                )
                .digits("date", o.date),
            ),
            None => RowMessage::Refusal(p.message),
        }
    } else {
        RowMessage::Refusal(p.message)
    };
    RowError {
        row,
        column,
        message,
    }
}
