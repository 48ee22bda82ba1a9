//! `accord letter list|render|version`: a case's joint letters from the command line — which
//! letters there are, in which languages, who has signed them, each one rendered to Markdown,
//! HTML or PDF in any of its languages, and a language version added or changed. What happened
//! after a letter (`deliver`, `respond`, `deadline`, `follow-up`, `follow-through`, `awaiting`)
//! is in `follow_through.rs`.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use accord_actions::{ActionError, VersionText};
use accord_core::{Letter, SignatureState, ValidCase};
use accord_letters::{Composed, compose, compose_in, render_html, render_markdown, render_pdf};
use accord_pdf::Fonts;
use accord_store::{Create, SaveOutcome};
use clap::{Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::words::{Words, columns, pad, pad_left};

#[derive(Debug, Subcommand)]
pub(crate) enum LetterCommand {
    /// List a case's letters, with how many organisations have signed each
    List {
        /// The case id
        case: String,
        /// Print JSON: [{"id", "title", "date", "language", "signatories", ...}]
        #[arg(long)]
        json: bool,
    },
    /// Render a letter to Markdown, HTML or PDF (verified signatories of the current text only)
    Render {
        /// The case id
        case: String,
        /// The letter id
        letter: String,
        /// Output format
        #[arg(long, value_enum)]
        format: Format,
        /// Output file ("-" for standard output, Markdown and HTML only)
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The language to render (the original's when not given): a version in another
        /// language is rendered with its own wording and the signatures given to it
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
    /// Add a letter's version in another language, or change it (a translation: who made it
    /// and when are recorded, with the original it was made from)
    Version {
        /// The case id
        case: String,
        /// The letter id
        letter: String,
        /// The version's language (BCP 47: km, fr); not the original's
        #[arg(long, value_name = "LANG")]
        lang: String,
        /// The title in that language
        #[arg(long)]
        title: String,
        /// A file holding the body template in that language (Markdown with the letter's
        /// template functions: quote, cite, incidents_of, footnote)
        #[arg(long, value_name = "FILE")]
        body: PathBuf,
        /// The place in that language
        #[arg(long)]
        place: Option<String>,
        /// The closing in that language
        #[arg(long)]
        closing: Option<String>,
        /// The original's addressees in that language, in the original's order, one flag each:
        /// "name | title | organisation | role" (without any, the version prints the original's)
        #[arg(long = "addressee", value_name = "LINE")]
        addressees: Vec<String>,
        /// The original's CC lines in that language, in order, one flag each (without any, the
        /// original's)
        #[arg(long = "cc", value_name = "LINE")]
        cc: Vec<String>,
        /// Who translated it
        #[arg(long, default_value = "cli")]
        by: String,
        /// Print JSON: {"letter", "lang", "outcome", "signed_text_sha256"}
        #[arg(long)]
        json: bool,
    },
    /// Remove a letter's version in another language (never the original; refused once an
    /// organisation that has not withdrawn signed that language's text). Logged as an edit of
    /// the letter: its history keeps the removed text
    RemoveVersion {
        /// The case id
        case: String,
        /// The letter id
        letter: String,
        /// The version's language (BCP 47: km, fr)
        #[arg(long, value_name = "LANG")]
        lang: String,
        /// Who removes it
        #[arg(long, default_value = "cli")]
        by: String,
        /// Print JSON: {"letter", "lang", "outcome": "removed", "languages"}
        #[arg(long)]
        json: bool,
    },
    /// Record that a letter reached an addressee (to whom, when, how)
    Deliver(crate::follow_through::DeliverArgs),
    /// Record an addressee's response: when, what they did (acted, acknowledged, declined), a
    /// summary, its text or source
    Respond(crate::follow_through::RespondArgs),
    /// Record a deadline a letter set (for one addressee, or all)
    Deadline(crate::follow_through::DeadlineArgs),
    /// Record that a letter follows up an earlier letter of the same case
    FollowUp(crate::follow_through::FollowUpArgs),
    /// List a case's (or a letter's) deliveries, responses, deadlines and follow-ups, and what
    /// each addressee did
    FollowThrough(crate::follow_through::ListArgs),
    /// The letters awaiting a response past a deadline, most overdue first
    Awaiting(crate::follow_through::AwaitingArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Markdown (CommonMark with footnotes)
    Md,
    /// A standalone, printable HTML page
    Html,
    /// A4 PDF (typst)
    Pdf,
}

/// Where a rendering goes, checked before any work is done.
enum Output {
    Stdout,
    File(PathBuf),
}

pub(crate) async fn run(config: &Config, cmd: LetterCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        LetterCommand::List { case, json } => {
            let case = load(config, &case).await?;
            list(&Words::new(config.language)?, &case, json)?;
        }
        LetterCommand::Render {
            case,
            letter,
            format,
            out,
            lang,
        } => {
            let output = output(format, out)?;
            let case = load(config, &case).await?;
            render(config, &case, &letter, lang.as_deref(), format, &output)?;
        }
        LetterCommand::Version {
            case,
            letter,
            lang,
            title,
            body,
            place,
            closing,
            addressees,
            cc,
            by,
            json,
        } => {
            let body = std::fs::read_to_string(&body)
                .said(|| Said::new("cli-err-body-unreadable", &[("path", &body.display())]))?;
            let text = VersionText {
                lang,
                title,
                place,
                body,
                closing,
                addressees: addressees.iter().map(|l| addressee_line(l)).collect(),
                cc,
            };
            version(config, &case, &letter, &text, &by, json).await?;
        }
        LetterCommand::RemoveVersion {
            case,
            letter,
            lang,
            by,
            json,
        } => remove_version(config, &case, &letter, &lang, &by, json).await?,
        LetterCommand::Deliver(a) => return crate::follow_through::deliver(config, a).await,
        LetterCommand::Respond(a) => return crate::follow_through::respond(config, a).await,
        LetterCommand::Deadline(a) => return crate::follow_through::deadline(config, a).await,
        LetterCommand::FollowUp(a) => return crate::follow_through::follow_up(config, a).await,
        LetterCommand::FollowThrough(a) => return crate::follow_through::list(config, a).await,
        LetterCommand::Awaiting(a) => return crate::follow_through::awaiting(config, a).await,
    }
    Ok(ExitCode::SUCCESS)
}

/// Validates the output before the case is loaded or anything rendered: a PDF is never written
/// to a terminal.
fn output(format: Format, out: PathBuf) -> anyhow::Result<Output> {
    if out.as_os_str() == "-" {
        if format == Format::Pdf {
            return Err(Said::new("cli-err-pdf-to-stdout", &[]).into());
        }
        return Ok(Output::Stdout);
    }
    if out.is_dir() {
        return Err(Said::new("cli-err-out-is-dir", &[("path", &out.display())]).into());
    }
    Ok(Output::File(out))
}

async fn load(config: &Config, case: &str) -> anyhow::Result<ValidCase> {
    let store = crate::setup::reading_store(config).await?;
    store.load_case(case).await?.said(|| {
        Said::new(
            "cli-err-no-case-hint",
            &[("case", &format!("{case:?}")), ("db", &config.db)],
        )
    })
}

fn list(words: &Words, case: &ValidCase, as_json: bool) -> anyhow::Result<()> {
    let rows: Vec<Value> = case.letters.iter().map(|l| letter_row(case, l)).collect();
    if as_json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(());
    }
    if rows.is_empty() {
        println!(
            "{}",
            words.msg("cli-letter-none", &[("case", case.id.as_str().into())])
        );
        return Ok(());
    }
    let [letter_h, date_h, lang_h, signatories_h, title_h] = [
        "cli-col-letter",
        "cli-col-date",
        "cli-col-lang",
        "cli-col-signatories",
        "cli-col-title",
    ]
    .map(|id| words.t(id));
    let dates: Vec<String> = case.letters.iter().map(|l| words.day(l.date)).collect();
    let width = case
        .letters
        .iter()
        .map(|l| l.id.len())
        .chain([columns(&letter_h), 6])
        .max()
        .unwrap_or(6);
    let date_w = dates
        .iter()
        .map(|d| columns(d))
        .chain([columns(&date_h), 10])
        .max()
        .unwrap_or(10);
    let sig_w = columns(&signatories_h).max(11);
    println!(
        "{}  {}  {}  {}  {title_h}",
        pad(&letter_h, width),
        pad(&date_h, date_w),
        pad(&lang_h, 4),
        pad_left(&signatories_h, sig_w)
    );
    for ((l, row), date) in case.letters.iter().zip(&rows).zip(&dates) {
        let signed = row["signatories"].as_u64().unwrap_or(0);
        let total = row["signatories_total"].as_u64().unwrap_or(0);
        println!(
            "{}  {}  {:4}  {}  {}",
            pad(&l.id, width),
            pad(date, date_w),
            l.languages().join(","),
            pad_left(&words.lang.digits(&format!("{signed}/{total}")), sig_w),
            l.title
        );
        if let Some(err) = row["error"].as_str() {
            println!(
                "{}  {}",
                pad("", width),
                words.msg("cli-letter-error", &[("error", err.into())])
            );
        }
    }
    Ok(())
}

/// A letter's languages in `letter list --json`: the original first, then each version with who
/// translated it, when, whether the original changed since (`out_of_date`), and how many
/// organisations are printed under that language's text (their verified signature of it).
fn languages(case: &ValidCase, l: &Letter) -> Vec<Value> {
    let printed = |lang: &str| {
        compose_in(case, &l.id, lang)
            .ok()
            .map(|c| c.document.signatories.len())
    };
    let mut out = vec![json!({
        "lang": l.language,
        "original": true,
        "signatories": printed(&l.language),
    })];
    for v in &l.versions {
        out.push(json!({
            "lang": v.lang,
            "original": false,
            "translated_by": v.translated_by,
            "translated_at": v.translated_at.map(|d| d.to_string()),
            "out_of_date": v.is_out_of_date(l),
            "signatories": printed(&v.lang),
        }));
    }
    out
}

/// One letter in `letter list --json`. `signatories` counts the organisations printed under
/// the letter (verified signatures of the current text); `states` counts every signatory by the
/// state of their signature. A letter whose body does not compose still gets a row, with
/// `error` and the stored states.
fn letter_row(case: &ValidCase, l: &Letter) -> Value {
    let mut row = json!({
        "id": l.id,
        "title": l.title,
        "date": l.date.to_string(),
        "place": l.place,
        "language": l.language,
        "addressees": l.addressees.len(),
        "signatories_total": l.signatories.len(),
        "languages": languages(case, l),
    });
    match compose(case, &l.id) {
        Ok(c) => {
            let mut states = BTreeMap::new();
            for s in &c.signatories {
                *states.entry(s.state.label()).or_insert(0u64) += 1;
            }
            row["signatories"] = json!(c.document.signatories.len());
            row["states"] = json!(states);
            row["signed_text_sha256"] = json!(c.signed_text.sha256);
        }
        Err(err) => {
            let verified = l
                .signatories
                .iter()
                .filter(|s| s.state == SignatureState::Verified)
                .count();
            row["signatories"] = json!(verified);
            row["signed_text_sha256"] = Value::Null;
            row["error"] = json!(err.to_string());
        }
    }
    row
}

/// `accord letter version`: the action, its refusals as the flag they concern.
async fn version(
    config: &Config,
    case: &str,
    letter: &str,
    text: &VersionText,
    by: &str,
    as_json: bool,
) -> anyhow::Result<()> {
    let actions = crate::setup::actions(config, Create::MustExist).await?;
    let outcome = match actions.save_letter_version(case, letter, text, by).await {
        Ok(o) => o,
        Err(ActionError::Invalid { field, message }) => {
            return Err(Said::new(
                "cli-err-letter-invalid",
                &[("field", &field), ("reason", &message)],
            )
            .into());
        }
        Err(ActionError::NotFound { what, id }) => {
            return Err(Said::new(
                "cli-err-letter-not-found",
                &[("what", &what), ("id", &format!("{id:?}"))],
            )
            .into());
        }
        Err(e) => return Err(e.into()),
    };
    let stored = load(config, case).await?;
    let composed = compose_in(&stored, letter, &text.lang)?;
    let outcome = match outcome {
        SaveOutcome::Created => "created",
        SaveOutcome::Updated => "updated",
    };
    if as_json {
        let row = json!({
            "letter": letter,
            "lang": text.lang,
            "outcome": outcome,
            "signed_text_sha256": composed.signed_text.sha256,
        });
        println!("{}", serde_json::to_string_pretty(&row)?);
    } else {
        let words = Words::new(config.language)?;
        let id = match outcome {
            "created" => "cli-letter-version-created",
            _ => "cli-letter-version-updated",
        };
        println!(
            "{}",
            words.msg(
                id,
                &[
                    ("letter", letter.into()),
                    ("lang", text.lang.as_str().into()),
                    ("sha256", composed.signed_text.sha256.as_str().into()),
                ],
            )
        );
    }
    Ok(())
}

/// An `--addressee` line, `name | title | organisation | role` (empty parts left out; an empty
/// name is refused by the action, naming the field).
fn addressee_line(line: &str) -> accord_core::AddresseeText {
    let mut parts = line.split('|').map(str::trim);
    let name = parts.next().unwrap_or("").to_owned();
    let mut next = || parts.next().filter(|p| !p.is_empty()).map(str::to_owned);
    let (title, organisation, role) = (next(), next(), next());
    accord_core::AddresseeText {
        name,
        title,
        organisation,
        role,
    }
}

/// `accord letter remove-version`: through `Actions::remove_letter_version`; a refusal names the
/// flag and writes nothing.
async fn remove_version(
    config: &Config,
    case: &str,
    letter: &str,
    lang: &str,
    by: &str,
    as_json: bool,
) -> anyhow::Result<()> {
    let actions = crate::setup::actions(config, Create::MustExist).await?;
    match actions.remove_letter_version(case, letter, lang, by).await {
        Ok(()) => {}
        Err(ActionError::Invalid { field, message }) => {
            return Err(Said::new(
                "cli-err-letter-invalid",
                &[("field", &field), ("reason", &message)],
            )
            .into());
        }
        Err(ActionError::NotFound { what, id }) => {
            return Err(Said::new(
                "cli-err-letter-not-found",
                &[("what", &what), ("id", &format!("{id:?}"))],
            )
            .into());
        }
        Err(e) => return Err(e.into()),
    }
    let stored = load(config, case).await?;
    let languages: Vec<&str> = stored
        .letter(letter)
        .map(Letter::languages)
        .unwrap_or_default();
    if as_json {
        let row = json!({
            "letter": letter,
            "lang": lang,
            "outcome": "removed",
            "languages": languages,
        });
        println!("{}", serde_json::to_string_pretty(&row)?);
    } else {
        let words = crate::words::Words::new(config.language)?;
        println!(
            "{}",
            words.msg(
                "cli-letter-version-removed",
                &[
                    ("letter", letter.into()),
                    ("lang", lang.into()),
                    ("languages", languages.join(", ").into()),
                ],
            )
        );
    }
    Ok(())
}

fn render(
    config: &Config,
    case: &ValidCase,
    letter: &str,
    lang: Option<&str>,
    format: Format,
    output: &Output,
) -> anyhow::Result<()> {
    let composed = match lang {
        Some(lang) => compose_in(case, letter, lang),
        None => compose(case, letter),
    };
    let composed = composed.map_err(|err| match err {
        accord_letters::ComposeError::NoLetter { case: c, letter: l } => {
            let ids: Vec<&str> = case.letters.iter().map(|l| l.id.as_str()).collect();
            let said = Said::new(
                "cli-err-letter-none-of",
                &[("case", &format!("{c:?}")), ("letter", &format!("{l:?}"))],
            );
            let letters = if ids.is_empty() {
                Said::new("cli-err-letters-none", &[])
            } else {
                Said::new("cli-err-list", &[("list", &ids.join(", "))])
            };
            said.with("letters", letters).into()
        }
        accord_letters::ComposeError::NoLanguage { letter: l, lang } => {
            let langs = case
                .letter(letter)
                .map(|l| l.languages().join(", "))
                .unwrap_or_default();
            Said::new(
                "cli-err-letter-no-language",
                &[
                    ("letter", &format!("{l:?}")),
                    ("lang", &format!("{lang:?}")),
                    ("langs", &langs),
                ],
            )
            .into()
        }
        accord_letters::ComposeError::Body { .. } => anyhow::Error::new(err),
    })?;
    let bytes = match format {
        Format::Md => render_markdown(&composed.document).into_bytes(),
        Format::Html => render_html(&composed.document).into_bytes(),
        Format::Pdf => {
            let mut paths = config.font_paths.clone();
            paths.extend(Fonts::default_paths());
            let fonts = Fonts::load(&paths).said(|| Said::new("cli-err-fonts", &[]))?;
            render_pdf(&composed.document, &fonts)
                .said(|| Said::new("cli-err-render-pdf", &[("letter", &format!("{letter:?}"))]))?
        }
    };
    match output {
        Output::Stdout => std::io::stdout()
            .write_all(&bytes)
            .said(|| Said::new("cli-err-write-stdout", &[]))?,
        Output::File(path) => {
            std::fs::write(path, &bytes).said(|| crate::failure::cannot_write(path))?;
            let words = Words::new(config.language)?;
            eprintln!("{}", summary(&words, &composed, format, path, bytes.len()));
        }
    }
    Ok(())
}

fn summary(
    words: &Words,
    c: &Composed,
    format: Format,
    path: &std::path::Path,
    len: usize,
) -> String {
    let pending = c
        .signatories
        .iter()
        .filter(|s| !s.state.is_published())
        .count();
    words.msg(
        "cli-letter-wrote",
        &[
            ("letter", c.letter_id.as_str().into()),
            (
                "format",
                match format {
                    Format::Md => "Markdown",
                    Format::Html => "HTML",
                    Format::Pdf => "PDF",
                }
                .into(),
            ),
            ("path", path.display().to_string().into()),
            ("bytes", words.n(len)),
            ("printed", words.n(c.document.signatories.len())),
            ("pending", words.n(pending)),
            ("sha256", c.signed_text.sha256.as_str().into()),
        ],
    )
}
