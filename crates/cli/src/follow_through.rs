//! `accord letter deliver|respond|deadline|follow-up|follow-through|awaiting`: what happened
//! after a letter was sent, from the command line — recorded through the action layer (so a
//! response from someone the letter was not addressed to, a date before the letter or after
//! today, or a follow-up citing another case's letter is refused naming the flag, and nothing is
//! written), listed, and the deadlines that passed without an answer.

use std::process::ExitCode;

use accord_actions::ActionError;
use accord_core::follow_through::{
    self, DeliveryMethod, FollowThrough, Outcome, Record, ResponseAction,
};
use accord_core::{Day, Named, ValidCase};
use accord_store::Create;
use clap::Args;
use serde_json::{Value, json};

use crate::config::Config;
use crate::failure::Said;
use crate::failure::SayContext;
use crate::setup::{self, ACTOR};
use crate::words::Words;
use accord_server::i18n::FluentValue;

/// A day as the flags take it (clap names the flag in the error).
fn parse_day(s: &str) -> Result<Day, String> {
    Day::parse(s.trim()).map_err(|e| e.to_string())
}

/// What every recording command takes besides its own fields.
#[derive(Debug, Args)]
pub(crate) struct Common {
    /// The case id
    case: String,
    /// The letter id
    letter: String,
    /// The record's id [default: <kind>-<letter>-<date>]
    #[arg(long)]
    id: Option<String>,
    /// Who the log records as writing it
    #[arg(long, value_name = "WHO", default_value = ACTOR)]
    by: String,
    /// Print the record as JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct DeliverArgs {
    #[command(flatten)]
    common: Common,
    /// The addressee it reached: their actor id or their name as the letter prints it
    #[arg(long, value_name = "WHO")]
    to: String,
    /// The day it was delivered (YYYY-MM-DD)
    #[arg(long, value_parser = parse_day)]
    date: Day,
    /// How: email, post, hand, fax, online_form, published, other
    #[arg(long, value_name = "HOW")]
    method: String,
    #[arg(long)]
    note: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct RespondArgs {
    #[command(flatten)]
    common: Common,
    /// The addressee who answered: their actor id or their name as the letter prints it
    #[arg(long, value_name = "WHO")]
    from: String,
    /// The day the answer was received (YYYY-MM-DD)
    #[arg(long, value_parser = parse_day)]
    date: Day,
    /// What they did: acted, acknowledged or declined
    #[arg(long, value_name = "WHAT")]
    action: String,
    /// The answer in a sentence
    #[arg(long)]
    summary: String,
    /// The answer's text
    #[arg(long)]
    text: Option<String>,
    /// A source of the case that holds the answer
    #[arg(long, value_name = "ID")]
    source: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct DeadlineArgs {
    #[command(flatten)]
    common: Common,
    /// The day (YYYY-MM-DD)
    #[arg(long, value_parser = parse_day)]
    date: Day,
    /// What was asked for by then
    #[arg(long)]
    asked: String,
    /// The addressee it binds (actor id or name) [default: every addressee]
    #[arg(long, value_name = "WHO")]
    addressee: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct FollowUpArgs {
    #[command(flatten)]
    common: Common,
    /// The earlier letter of the same case that this letter follows up
    #[arg(long, value_name = "LETTER")]
    cites: String,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// The case id
    case: String,
    /// Only this letter's records (and the follow-ups that cite it)
    letter: Option<String>,
    /// As the records stood on this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    as_of: Option<Day>,
    /// Print JSON: each record as its canonical JSON
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct AwaitingArgs {
    /// The case id
    case: String,
    /// Count the days late on this day (YYYY-MM-DD) instead of today, from the records of then
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    as_of: Option<Day>,
    /// Print JSON: [{"letter", "title", "deadline", "date", "addressee", "asked", "days_late"}]
    #[arg(long)]
    json: bool,
}

/// Record one of the four kinds of record.
async fn record(config: &Config, common: &Common, what: Record) -> anyhow::Result<ExitCode> {
    let actions = setup::actions(config, Create::MustExist).await?;
    let f = FollowThrough {
        id: common.id.clone().unwrap_or_default(),
        letter: common.letter.clone(),
        what,
    };
    let case = &common.case;
    let f = match actions.add_follow_through(case, f, &common.by).await {
        Ok(f) => f,
        Err(ActionError::Invalid { field, message }) => {
            return Err(Said::new(
                "cli-err-follow-invalid",
                &[("field", &field.replace('_', "-")), ("reason", &message)],
            )
            .into());
        }
        Err(ActionError::Exists { id, .. }) => {
            return Err(Said::new(
                "cli-err-follow-exists",
                &[("case", case), ("id", &format!("{id:?}"))],
            )
            .into());
        }
        Err(ActionError::NotFound { what, id }) => {
            return Err(Said::new(
                "cli-err-follow-not-found",
                &[("what", &what), ("id", &format!("{id:?}")), ("case", case)],
            )
            .into());
        }
        Err(e) => return Err(e.into()),
    };
    if common.json {
        println!("{}", serde_json::to_string_pretty(&record_json(&f))?);
    } else {
        let words = Words::new(config.language)?;
        println!(
            "{}",
            words.msg(
                "cli-ft-recorded",
                &[
                    ("id", f.id.as_str().into()),
                    (
                        "kind",
                        words.t(&format!("cli-ft-kind-{}", f.what.kind())).into()
                    ),
                    ("letter", f.letter.as_str().into()),
                    ("case", case.as_str().into()),
                ],
            )
        );
    }
    crate::evidence::checkpoint(&actions).await?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) async fn deliver(config: &Config, a: DeliverArgs) -> anyhow::Result<ExitCode> {
    let method =
        DeliveryMethod::from_name(a.method.trim()).said(|| crate::failure::flag("--method"))?;
    let what = Record::Delivery {
        to: a.to,
        date: a.date,
        method,
        note: a.note,
    };
    record(config, &a.common, what).await
}

pub(crate) async fn respond(config: &Config, a: RespondArgs) -> anyhow::Result<ExitCode> {
    let action =
        ResponseAction::from_name(a.action.trim()).said(|| crate::failure::flag("--action"))?;
    let what = Record::Response {
        from: a.from,
        date: a.date,
        action,
        summary: a.summary,
        text: a.text,
        source: a.source,
    };
    record(config, &a.common, what).await
}

pub(crate) async fn deadline(config: &Config, a: DeadlineArgs) -> anyhow::Result<ExitCode> {
    let what = Record::Deadline {
        date: a.date,
        addressee: a.addressee,
        asked: a.asked,
    };
    record(config, &a.common, what).await
}

pub(crate) async fn follow_up(config: &Config, a: FollowUpArgs) -> anyhow::Result<ExitCode> {
    let what = Record::FollowUp { cites: a.cites };
    record(config, &a.common, what).await
}

/// The case with its letters and their follow-through (as of a day, when asked).
async fn load(config: &Config, case: &str, as_of: Option<Day>) -> anyhow::Result<ValidCase> {
    let store = accord_store::open(&config.db, Create::MustExist).await?;
    let full = store
        .load_case_for_status(case)
        .await?
        .said(|| crate::failure::no_case(case, &config.db))?;
    Ok(match as_of {
        Some(day) => accord_core::as_of(&full, day),
        None => full,
    })
}

pub(crate) async fn list(config: &Config, a: ListArgs) -> anyhow::Result<ExitCode> {
    let case = load(config, &a.case, a.as_of).await?;
    if let Some(l) = &a.letter
        && case.letter(l).is_none()
    {
        return Err(crate::failure::Said::new(
            "cli-err-no-letter",
            &[("letter", &format!("{l:?}")), ("case", &a.case)],
        )
        .into());
    }
    let records: Vec<&FollowThrough> = case
        .follow_through
        .iter()
        .filter(|f| {
            a.letter.as_deref().is_none_or(|l| {
                f.letter == l
                    || matches!(&f.what, Record::FollowUp { cites } if follow_through::cited_letter(cites) == l)
            })
        })
        .collect();
    if a.json {
        let v: Vec<Value> = records.iter().map(|f| record_json(f)).collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let words = Words::new(config.language)?;
    if records.is_empty() {
        println!(
            "{}",
            words.msg("cli-ft-none", &[("case", a.case.as_str().into())])
        );
    }
    for f in &records {
        println!("{}", line(&words, f));
    }
    // What each addressee did, letter by letter.
    for l in case
        .letters
        .iter()
        .filter(|l| a.letter.as_deref().is_none_or(|x| x == l.id))
    {
        for p in follow_through::outcomes(&case, l, &[]) {
            println!(
                "{}: {} — {}",
                l.id,
                p.party,
                outcome_words(&words, p.outcome)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) async fn awaiting(config: &Config, a: AwaitingArgs) -> anyhow::Result<ExitCode> {
    let case = load(config, &a.case, a.as_of).await?;
    let today = a.as_of.unwrap_or_else(accord_actions::today);
    let late = follow_through::awaiting(&case, today);
    if a.json {
        let v: Vec<Value> = late
            .iter()
            .map(|o| {
                json!({"letter": o.letter.id, "title": o.letter.title, "deadline": o.deadline.id,
                       "date": o.date.to_string(), "addressee": o.addressee, "asked": o.asked,
                       "days_late": o.days_late})
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let words = Words::new(config.language)?;
    if late.is_empty() {
        println!(
            "{}",
            words.msg(
                "cli-ft-none-late",
                &[
                    ("case", a.case.as_str().into()),
                    ("today", words.day(today).into()),
                ],
            )
        );
    }
    for o in &late {
        let every = words.t("cli-ft-every-addressee");
        println!(
            "{}",
            words.msg(
                "cli-ft-late",
                &[
                    ("letter", o.letter.id.as_str().into()),
                    ("date", words.day(o.date).into()),
                    ("days", o.days_late.into()),
                    ("shown_days", words.n(o.days_late)),
                    ("who", o.addressee.as_deref().unwrap_or(&every).into()),
                    ("asked", o.asked.as_str().into()),
                ],
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A record as `--json` prints it: its canonical JSON, as the log commits to it and the API
/// answers.
fn record_json(f: &FollowThrough) -> Value {
    serde_json::from_str(&accord_store::record::follow_through(f).json).unwrap_or(Value::Null)
}

fn line(words: &Words, f: &FollowThrough) -> String {
    let (id, mut args): (&str, Vec<(&str, FluentValue<'_>)>) = match &f.what {
        Record::Delivery {
            to, date, method, ..
        } => (
            "cli-ft-delivery",
            vec![
                ("date", words.day(*date).into()),
                ("to", to.as_str().into()),
                (
                    "method",
                    words.name("delivery-method-", method.as_str()).into(),
                ),
            ],
        ),
        Record::Response {
            from,
            date,
            action,
            summary,
            ..
        } => (
            "cli-ft-response",
            vec![
                ("date", words.day(*date).into()),
                ("from", from.as_str().into()),
                ("action", words.name("outcome-", action.as_str()).into()),
                ("summary", summary.as_str().into()),
            ],
        ),
        Record::Deadline {
            date,
            addressee,
            asked,
        } => (
            "cli-ft-deadline",
            vec![
                ("date", words.day(*date).into()),
                (
                    "who",
                    addressee
                        .clone()
                        .unwrap_or_else(|| words.t("cli-ft-every-addressee"))
                        .into(),
                ),
                ("asked", asked.as_str().into()),
            ],
        ),
        Record::FollowUp { cites } => ("cli-ft-follow-up", vec![("cites", cites.as_str().into())]),
    };
    args.push(("letter", f.letter.as_str().into()));
    args.push(("id", f.id.as_str().into()));
    words.msg(id, &args)
}

fn outcome_words(words: &Words, o: Outcome) -> String {
    match o {
        Outcome::Acted => words.name("outcome-", "acted"),
        Outcome::Acknowledged => words.name("outcome-", "acknowledged"),
        Outcome::Declined => words.name("outcome-", "declined"),
        Outcome::NoResponse => words.t("cli-no-response"),
    }
}
