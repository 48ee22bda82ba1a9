//! `accord case list` and `accord case status CASE [--as-of DATE] [--json]`.

use std::fmt::Write as _;
use std::process::ExitCode;

use accord_core::{Day, Named, evaluate};
use accord_server::views::CaseStatusView;
use anyhow::Context;
use clap::Subcommand;
use serde_json::json;

use crate::config::Config;

#[derive(Debug, Subcommand)]
pub(crate) enum CaseCommand {
    /// List the cases in the database
    List {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Give an account a role in a case (owner, editor, reviewer, viewer), or remove it
    Grant {
        /// The case id
        case: String,
        /// The account's e-mail
        email: String,
        /// owner | editor | reviewer | viewer | none
        #[arg(long)]
        role: String,
    },
    /// Publish a read-only view of a case to everyone (or, with --off, make it private again)
    Publish {
        /// The case id
        case: String,
        #[arg(long)]
        off: bool,
    },
    /// Which mechanisms are triggered, since when, by which findings; every provision's status
    Status {
        /// The case id
        case: String,
        /// The status as it stood on this day (YYYY-MM-DD): only the incidents that may have
        /// happened by then, and the findings on them, count
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        as_of: Option<Day>,
        /// Print the case-status JSON contract (docs/contracts.md) instead of tables
        #[arg(long)]
        json: bool,
    },
}

/// A day as `--as-of` takes it (clap names the flag in the error).
fn parse_day(s: &str) -> Result<Day, String> {
    Day::parse(s).map_err(|e| e.to_string())
}

pub(crate) async fn run(config: &Config, cmd: CaseCommand) -> anyhow::Result<ExitCode> {
    let store = crate::setup::reading_store(config).await?;
    match cmd {
        CaseCommand::List { json } => {
            let cases = store.list_cases().await?;
            if json {
                let v: Vec<_> = cases
                    .iter()
                    .map(|c| {
                        json!({"id": c.id, "title": c.title, "country": c.country,
                                    "published": c.published, "incidents": c.incidents,
                                    "findings": c.findings, "updated_at": c.updated_at})
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else if cases.is_empty() {
                println!(
                    "no cases in {} (import one with `accord import DIR`)",
                    config.db
                );
            } else {
                let width = cases.iter().map(|c| c.id.len()).max().unwrap_or(4).max(4);
                println!(
                    "{:width$}  {:>9}  {:>8}  TITLE",
                    "CASE", "INCIDENTS", "FINDINGS"
                );
                for c in &cases {
                    println!(
                        "{:width$}  {:>9}  {:>8}  {}",
                        c.id, c.incidents, c.findings, c.title
                    );
                }
            }
        }
        CaseCommand::Grant { case, email, role } => {
            let role = match role.as_str() {
                "none" => None,
                r => Some(
                    accord_core::CaseRole::from_name(r)
                        .map_err(|e| anyhow::anyhow!("--role: {e}"))?,
                ),
            };
            store
                .case_head(&case)
                .await?
                .with_context(|| format!("no case {case:?} in {}", config.db))?;
            let (user, _) = store.user_by_email(&email).await?.with_context(|| {
                format!("no account for {email} (create it with accord user add)")
            })?;
            store.set_role(&case, user.id, role, "cli").await?;
            println!(
                "{}: {} is {}",
                case,
                user.email,
                role.map_or("no longer a member", |r| r.as_str())
            );
        }
        CaseCommand::Publish { case, off } => {
            store
                .case_head(&case)
                .await?
                .with_context(|| format!("no case {case:?} in {}", config.db))?;
            store.set_published(&case, !off, "cli").await?;
            println!(
                "{case} is {}",
                if off {
                    "private"
                } else {
                    "published (read-only)"
                }
            );
        }
        CaseCommand::Status { case, as_of, json } => {
            let full = store
                .load_case(&case)
                .await?
                .with_context(|| format!("no case {case:?} in {}", config.db))?;
            let case = match as_of {
                Some(day) => accord_core::as_of(&full, day),
                None => full,
            };
            let status = evaluate(&case);
            if json {
                let mut view = CaseStatusView::new(&case.id, &status);
                if let Some(day) = as_of {
                    view = view.as_of(day);
                }
                println!("{}", serde_json::to_string_pretty(&view)?);
            } else {
                print!("{}", table(&case, &status, as_of));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// When a mechanism was last asked for, by which letter, and the latest answer to the letters
/// that asked for it, with how long ago (counted to `as_of`, or today).
fn last_asked(case: &accord_core::Case, m: &accord_core::Mechanism, as_of: Option<Day>) -> String {
    use accord_core::Named;
    use accord_core::follow_through::{self, Record};
    let today = as_of.unwrap_or_else(accord_actions::today);
    let days = |d: Day| today.days_since_epoch() - d.days_since_epoch();
    let Some(last) = follow_through::last_asked(case, m) else {
        return "never (no letter of the case quotes its provision or lists its incidents)"
            .to_owned();
    };
    let answer = match last.response.map(|r| (&r.what, &r.letter)) {
        Some((
            Record::Response {
                from, date, action, ..
            },
            letter,
        )) => {
            let who = case
                .letter(letter)
                .and_then(|l| follow_through::addressee(l, from))
                .map_or(from.as_str(), |a| a.name.as_str());
            format!(
                "latest response {date} ({} days ago) from {who}: {}",
                days(*date),
                action.as_str()
            )
        }
        _ => "no response recorded".to_owned(),
    };
    format!(
        "{} ({} days ago) in {}; {answer}",
        last.letter.date,
        days(last.letter.date),
        last.letter.id
    )
}

fn table(
    case: &accord_core::Case,
    status: &accord_core::CaseStatus<'_>,
    as_of: Option<Day>,
) -> String {
    let mut s = String::new();
    match as_of {
        Some(day) => {
            let _ = writeln!(s, "{} — {} (as of {day})\n", case.id, case.title);
        }
        None => {
            let _ = writeln!(s, "{} — {}\n", case.id, case.title);
        }
    }
    let _ = writeln!(s, "MECHANISMS");
    for m in &status.mechanisms {
        let names = |v: &[&accord_core::Actor]| {
            v.iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let state = match (m.triggered, m.since_incident) {
            (true, Some(i)) => format!(
                "TRIGGERED since {} ({}: {}) by {} confirmed finding{}",
                m.since.map(|d| d.to_string()).unwrap_or_default(),
                i.date.precision(),
                i.title,
                m.findings.len(),
                if m.findings.len() == 1 { "" } else { "s" }
            ),
            _ => "not triggered".to_owned(),
        };
        let _ = writeln!(
            s,
            "  {}  {}\n    {state}",
            m.mechanism.provision, m.mechanism.name
        );
        let _ = writeln!(s, "    requested by  {}", names(&m.requested_by));
        let _ = writeln!(s, "    must act      {}", names(&m.responsible));
        let _ = writeln!(s, "    consult       {}", names(&m.consult));
        if m.triggered {
            let _ = writeln!(
                s,
                "    last asked    {}",
                last_asked(case, m.mechanism, as_of)
            );
        }
        for f in &m.findings {
            let _ = writeln!(
                s,
                "    - {:<28} {:<20} {}",
                f.id,
                f.verdict.as_str(),
                f.provision
            );
        }
    }
    let _ = writeln!(s, "\nPROVISIONS");
    let width = status
        .provisions
        .iter()
        .map(|p| p.provision.citation.to_string().len())
        .max()
        .unwrap_or(9);
    let _ = writeln!(
        s,
        "  {:width$}  {:<10}  {:>8}  IMPLEMENTATION",
        "PROVISION", "STATUS", "FINDINGS"
    );
    for p in &status.provisions {
        // The latest confirmed observation: its score, what the scale calls it, its date.
        let implementation = p.observation.map_or_else(String::new, |o| {
            format!("{} {} ({})", o.score.value(), o.score.label(), o.date)
        });
        let _ = writeln!(
            s,
            "  {:width$}  {:<10}  {:>8}  {implementation}",
            p.provision.citation.to_string(),
            p.state.as_str(),
            p.findings.len()
        );
    }
    s
}
