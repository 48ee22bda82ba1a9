//! `accord case list` and `accord case status CASE [--as-of DATE] [--json]`.

use std::fmt::Write as _;
use std::process::ExitCode;

use accord_core::{Day, Lang, Named, evaluate};
use accord_server::views::CaseStatusView;
use clap::Subcommand;
use serde_json::json;

use crate::config::Config;
use crate::failure::SayContext;
use crate::words::{Words, columns, pad, pad_left};

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
                let words = Words::new(config.language)?;
                println!(
                    "{}",
                    words.msg("cli-no-cases", &[("db", config.db.as_str().into())])
                );
            } else {
                let words = Words::new(config.language)?;
                let [case_h, incidents_h, findings_h, title_h] = [
                    "cli-col-case",
                    "cli-col-incidents",
                    "cli-col-findings",
                    "cli-col-title",
                ]
                .map(|id| words.t(id));
                let width = cases
                    .iter()
                    .map(|c| c.id.len())
                    .chain([columns(&case_h)])
                    .max()
                    .unwrap_or(4);
                let (wi, wf) = (columns(&incidents_h).max(9), columns(&findings_h).max(8));
                println!(
                    "{}  {}  {}  {title_h}",
                    pad(&case_h, width),
                    pad_left(&incidents_h, wi),
                    pad_left(&findings_h, wf)
                );
                for c in &cases {
                    println!(
                        "{}  {}  {}  {}",
                        pad(&c.id, width),
                        pad_left(&words.lang.digits(&c.incidents.to_string()), wi),
                        pad_left(&words.lang.digits(&c.findings.to_string()), wf),
                        c.title
                    );
                }
            }
        }
        CaseCommand::Grant { case, email, role } => {
            let role = match role.as_str() {
                "none" => None,
                r => Some(
                    accord_core::CaseRole::from_name(r).said(|| crate::failure::flag("--role"))?,
                ),
            };
            store
                .case_head(&case)
                .await?
                .said(|| crate::failure::no_case(&case, &config.db))?;
            let (user, _) = store.user_by_email(&email).await?.said(|| {
                crate::failure::Said::new("cli-err-no-account-hint", &[("email", &email)])
            })?;
            store.set_role(&case, user.id, role, "cli").await?;
            let words = Words::new(config.language)?;
            let said = match role {
                Some(r) => words.msg(
                    "cli-granted",
                    &[
                        ("case", case.as_str().into()),
                        ("email", user.email.as_str().into()),
                        ("role", words.name("case-role-", r.as_str()).into()),
                    ],
                ),
                None => words.msg(
                    "cli-revoked",
                    &[
                        ("case", case.as_str().into()),
                        ("email", user.email.as_str().into()),
                    ],
                ),
            };
            println!("{said}");
        }
        CaseCommand::Publish { case, off } => {
            store
                .case_head(&case)
                .await?
                .said(|| crate::failure::no_case(&case, &config.db))?;
            store.set_published(&case, !off, "cli").await?;
            let words = Words::new(config.language)?;
            let id = if off { "cli-private" } else { "cli-published" };
            println!("{}", words.msg(id, &[("case", case.as_str().into())]));
        }
        CaseCommand::Status { case, as_of, json } => {
            let full = store
                .load_case(&case)
                .await?
                .said(|| crate::failure::no_case(&case, &config.db))?;
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
                let words = Words::new(config.language)?;
                print!("{}", table(&words, &case, &status, as_of));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// When a mechanism was last asked for, by which letter, and the latest answer to the letters
/// that asked for it, with how long ago (counted to `as_of`, or today).
fn last_asked(
    words: &Words,
    case: &accord_core::Case,
    m: &accord_core::Mechanism,
    as_of: Option<Day>,
) -> String {
    use accord_core::Named;
    use accord_core::follow_through::{self, Record};
    let today = as_of.unwrap_or_else(accord_actions::today);
    let days = |d: Day| today.days_since_epoch() - d.days_since_epoch();
    let Some(last) = follow_through::last_asked(case, m) else {
        return words.t("cli-never-asked");
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
            words.msg(
                "cli-latest-response",
                &[
                    ("date", words.day(*date).into()),
                    ("days", days(*date).into()),
                    ("who", who.into()),
                    ("action", words.name("outcome-", action.as_str()).into()),
                ],
            )
        }
        _ => words.t("cli-no-response"),
    };
    words.msg(
        "cli-asked",
        &[
            ("date", words.day(last.letter.date).into()),
            ("days", days(last.letter.date).into()),
            ("letter", last.letter.id.as_str().into()),
            ("answer", answer.into()),
        ],
    )
}

fn table(
    words: &Words,
    case: &accord_core::Case,
    status: &accord_core::CaseStatus<'_>,
    as_of: Option<Day>,
) -> String {
    let mut s = String::new();
    match as_of {
        Some(day) => {
            let as_of = words.msg("cli-as-of", &[("day", words.day(day).into())]);
            let _ = writeln!(s, "{} — {} ({as_of})\n", case.id, case.title);
        }
        None => {
            let _ = writeln!(s, "{} — {}\n", case.id, case.title);
        }
    }
    // The labels of a mechanism's lines, padded to the longest in this language.
    let labels = [
        "cli-requested-by",
        "cli-must-act",
        "cli-consult",
        "cli-last-asked",
    ]
    .map(|id| words.t(id));
    let label_width = labels.iter().map(|l| columns(l)).max().unwrap_or(12) + 2;
    let [requested, must_act, consult, asked] = labels.map(|l| pad(&l, label_width));
    let _ = writeln!(s, "{}", words.t("cli-mechanisms"));
    for m in &status.mechanisms {
        let names = |v: &[&accord_core::Actor]| {
            v.iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let state = match (m.triggered, m.since_incident) {
            (true, Some(i)) => words.msg(
                "cli-triggered",
                &[
                    (
                        "since",
                        m.since.map(|d| words.day(d)).unwrap_or_default().into(),
                    ),
                    (
                        "precision",
                        words.t(&format!("precision-{}", i.date.precision())).into(),
                    ),
                    ("incident", i.title.as_str().into()),
                    ("count", m.findings.len().into()),
                ],
            ),
            _ => words.t("cli-not-triggered"),
        };
        let _ = writeln!(
            s,
            "  {}  {}\n    {state}",
            m.mechanism.provision, m.mechanism.name
        );
        let _ = writeln!(s, "    {requested}{}", names(&m.requested_by));
        let _ = writeln!(s, "    {must_act}{}", names(&m.responsible));
        let _ = writeln!(s, "    {consult}{}", names(&m.consult));
        if m.triggered {
            let _ = writeln!(
                s,
                "    {asked}{}",
                last_asked(words, case, m.mechanism, as_of)
            );
        }
        for f in &m.findings {
            let _ = writeln!(
                s,
                "    - {:<28} {} {}",
                f.id,
                pad(&words.name("verdict-", f.verdict.as_str()), 20),
                f.provision
            );
        }
    }
    let _ = writeln!(s, "\n{}", words.t("cli-provisions"));
    let [provision_h, status_h, findings_h, implementation_h] = [
        "cli-col-provision",
        "cli-col-status",
        "cli-col-findings",
        "cli-col-implementation",
    ]
    .map(|id| words.t(id));
    let width = status
        .provisions
        .iter()
        .map(|p| p.provision.citation.to_string().len())
        .chain([columns(&provision_h)])
        .max()
        .unwrap_or(9);
    let states: Vec<String> = status
        .provisions
        .iter()
        .map(|p| words.name("state-", p.state.as_str()))
        .collect();
    let state_width = states
        .iter()
        .map(|w| columns(w))
        .chain([columns(&status_h), 10])
        .max()
        .unwrap_or(10);
    let findings_width = columns(&findings_h).max(8);
    let _ = writeln!(
        s,
        "  {}  {}  {}  {implementation_h}",
        pad(&provision_h, width),
        pad(&status_h, state_width),
        pad_left(&findings_h, findings_width)
    );
    for (p, state) in status.provisions.iter().zip(&states) {
        // The latest confirmed observation: its score, what the scale calls it, its date.
        let implementation = p.observation.map_or_else(String::new, |o| {
            let date = match words.lang {
                Lang::En => o.date.to_string(),
                lang => lang.point(o.date),
            };
            format!(
                "{} {} ({date})",
                words.count(usize::from(o.score.value())),
                words.t(&format!("score-{}", o.score.value()))
            )
        });
        let _ = writeln!(
            s,
            "  {}  {}  {}  {implementation}",
            pad(&p.provision.citation.to_string(), width),
            pad(state, state_width),
            pad_left(&words.count(p.findings.len()), findings_width)
        );
    }
    s
}
