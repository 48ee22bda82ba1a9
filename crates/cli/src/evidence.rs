//! `accord evidence add|get|list|show|custody|check|package`: evidence files from the command line.
//!
//! Every write goes through the action layer (`accord-actions`), exactly as the web and the API
//! do: the bytes are hashed as they stream in, the record and its first custody event are stored
//! in one transaction, and the log gains an entry; a checkpoint is signed afterwards. Reading the
//! bytes back (`get`) is itself a custody event.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord_actions::{ActionError, NewEvidence};
use accord_core::evidence::safe_file_name;
use accord_core::{Capture, CustodyAction, Derivation, Evidence};
use accord_store::Create;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup::{self, ACTOR};
use crate::words::{Words, columns, pad, pad_left};

#[derive(Debug, Subcommand)]
pub(crate) enum EvidenceCommand {
    /// Add a file as evidence of an incident: hashed (SHA-256) as it is read, stored once,
    /// never modified, with its capture record
    Add(Box<AddArgs>),
    /// Write an evidence file's exact bytes to a file (logged as `downloaded`)
    Get {
        /// The case id
        case: String,
        /// The evidence id
        id: String,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// List a case's evidence files
    List {
        /// The case id
        case: String,
        /// Only the files of this incident
        #[arg(long, value_name = "ID")]
        incident: Option<String>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// An evidence item's record: hash, capture record and chain of custody
    Show {
        /// The case id
        case: String,
        /// The evidence id
        id: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Record in an item's chain of custody what was done with it: viewed, copied, exported or
    /// handed_over (say to whom and how in --note); Accord records the other events itself
    Custody {
        /// The case id
        case: String,
        /// The evidence id
        id: String,
        /// viewed, copied, exported or handed_over
        #[arg(long, value_name = "ACTION")]
        action: String,
        /// What was done, to whom it was handed and how
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Who did it [default: cli]
        #[arg(long, value_name = "WHO")]
        by: Option<String>,
    },
    /// Check an item's stored bytes now: re-hashed, and when they match their record, recorded
    /// as `verified` in its chain of custody; a mismatch exits 1 naming both hashes
    Check {
        /// The case id
        case: String,
        /// The evidence id
        id: String,
        /// Who checked it [default: cli]
        #[arg(long, value_name = "WHO")]
        by: Option<String>,
    },
    /// Write an evidence package for a court or a UN body: the originals, their capture and
    /// custody records, SHA256SUMS, the log entries about them with inclusion proofs against a
    /// signed checkpoint, and the verifier key (check it with `accord verify --package DIR`)
    Package {
        /// The case id
        case: String,
        /// An incident whose evidence goes in (repeat for more)
        #[arg(long = "incident", value_name = "ID", required = true)]
        incidents: Vec<String>,
        /// The directory to write (must not exist or be empty)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    /// The case id
    case: String,
    /// The incident the file documents
    #[arg(long, value_name = "ID")]
    incident: String,
    /// The file (any size up to the upload limit; it is streamed, never held in memory)
    file: PathBuf,
    /// The evidence id [default: made from the file name]
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// The source (by id) this file is a copy of
    #[arg(long, value_name = "ID")]
    source: Option<String>,
    /// When it was captured, UTC: 2017-09-03T00:40:00Z
    #[arg(long, value_name = "TIME")]
    captured_at: Option<String>,
    /// Who captured it
    #[arg(long, value_name = "WHO")]
    captured_by: Option<String>,
    /// Where the original was found (http or https)
    #[arg(long, value_name = "URL")]
    source_url: Option<String>,
    /// How it was obtained: download, screenshot, handed over by a witness, ...
    #[arg(long, value_name = "HOW")]
    method: Option<String>,
    /// The tool or device used
    #[arg(long, value_name = "TOOL")]
    tool: Option<String>,
    /// Where it was captured
    #[arg(long, value_name = "PLACE")]
    place: Option<String>,
    /// A note about the file
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// For a working copy (redaction, transcript, clip): the id of the original
    #[arg(long, value_name = "ID", requires = "what")]
    derived_from: Option<String>,
    /// For a working copy: what was done to the original
    #[arg(long, value_name = "TEXT", requires = "derived_from")]
    what: Option<String>,
    /// Print {"id", "sha256", "size", ...} as JSON
    #[arg(long)]
    json: bool,
}

pub(crate) async fn run(config: &Config, cmd: EvidenceCommand) -> anyhow::Result<ExitCode> {
    let words = Words::new(config.language)?;
    match cmd {
        EvidenceCommand::Add(args) => add(config, *args).await,
        EvidenceCommand::Get {
            case,
            id,
            out,
            force,
        } => get(config, &case, &id, &out, force).await,
        EvidenceCommand::List {
            case,
            incident,
            json,
        } => list(config, &case, incident.as_deref(), json).await,
        EvidenceCommand::Show { case, id, json } => show(config, &case, &id, json).await,
        EvidenceCommand::Custody {
            case,
            id,
            action,
            note,
            by,
        } => {
            let action = CustodyAction::from_name(action.trim())
                .map_err(|e| crate::failure::flag_refused("--action", &e))?;
            let by = by.as_deref().unwrap_or(ACTOR);
            let actions = setup::actions(config, Create::MustExist).await?;
            actions
                .record_custody(&case, &id, action, note, by)
                .await
                .map_err(flag_error)?;
            println!(
                "{}",
                words.msg(
                    "cli-custody-recorded",
                    &[
                        ("action", words.name("custody-", action.as_str()).into()),
                        ("id", id.as_str().into()),
                        ("by", by.into()),
                    ],
                )
            );
            checkpoint(&actions).await?;
            Ok(ExitCode::SUCCESS)
        }
        EvidenceCommand::Check { case, id, by } => {
            let by = by.as_deref().unwrap_or(ACTOR);
            let actions = setup::actions(config, Create::MustExist).await?;
            let item = actions
                .check_evidence(&case, &id, by)
                .await
                .map_err(flag_error)?;
            println!(
                "{}",
                words.msg(
                    "cli-evidence-checked",
                    &[
                        ("id", id.as_str().into()),
                        ("sha256", item.sha256.as_str().into()),
                        ("bytes", words.n(item.size)),
                    ],
                )
            );
            checkpoint(&actions).await?;
            Ok(ExitCode::SUCCESS)
        }
        EvidenceCommand::Package {
            case,
            incidents,
            out,
        } => package(config, &case, &incidents, &out).await,
    }
}

async fn add(config: &Config, args: AddArgs) -> anyhow::Result<ExitCode> {
    let limit = config.evidence.upload_limit;
    let mut file = tokio::fs::File::open(&args.file)
        .await
        .said(|| crate::failure::cannot_read(&args.file))?;
    let meta = file
        .metadata()
        .await
        .said(|| crate::failure::cannot_read(&args.file))?;
    if !meta.is_file() {
        return Err(crate::failure::Said::new(
            "cli-err-not-a-file",
            &[("path", &args.file.display())],
        )
        .into());
    }
    // The limit is enforced again while the bytes stream in (the file may grow meanwhile); this
    // only refuses early, before the database is opened.
    if meta.len() > limit {
        return Err(too_large(&args.file, limit).into());
    }
    let file_name = args
        .file
        .file_name()
        .map(|n| safe_file_name(&n.to_string_lossy()))
        .unwrap_or_else(|| "file".to_owned());
    let actions = setup::actions(config, Create::MustExist).await?;
    let new = NewEvidence {
        id: args.id,
        file_name,
        incident: Some(args.incident),
        source: args.source,
        note: args.note,
        capture: Capture {
            captured_at: args.captured_at,
            captured_by: args.captured_by,
            source_url: args.source_url,
            method: args.method,
            tool: args.tool,
            place: args.place,
        },
        derived_from: args
            .derived_from
            .zip(args.what)
            .map(|(original, what)| Derivation { original, what }),
        // Files added at the command line are for the members of the case, like uploads.
        sensitivity: accord_core::Sensitivity::Case,
        restricted_to: Vec::new(),
    };
    let ev = match actions
        .add_evidence(&args.case, new, &mut file, limit, ACTOR)
        .await
    {
        Ok(ev) => ev,
        Err(ActionError::TooLarge { limit }) => return Err(too_large(&args.file, limit).into()),
        Err(e) => {
            return Err(e).said(|| {
                Said::new(
                    "cli-err-evidence-not-added",
                    &[("file", &args.file.display()), ("case", &args.case)],
                )
            });
        }
    };
    if args.json {
        let view = Added {
            id: &ev.id,
            sha256: &ev.sha256,
            size: ev.size,
            media_type: &ev.media_type,
            file: &ev.file,
            incident: ev.incident.as_deref(),
        };
        println!("{}", serde_json::to_string(&view)?);
    } else {
        let words = Words::new(config.language)?;
        println!(
            "{}",
            words.msg(
                "cli-evidence-added",
                &[
                    ("id", ev.id.as_str().into()),
                    ("case", args.case.as_str().into()),
                    ("sha256", ev.sha256.as_str().into()),
                    ("bytes", words.n(ev.size)),
                    ("media_type", ev.media_type.as_str().into()),
                ],
            )
        );
    }
    checkpoint(&actions).await?;
    Ok(ExitCode::SUCCESS)
}

/// What `evidence add --json` prints: `id`, `sha256`, `size` first (the documented contract),
/// then more.
#[derive(Serialize)]
struct Added<'a> {
    id: &'a str,
    sha256: &'a str,
    size: u64,
    media_type: &'a str,
    file: &'a str,
    incident: Option<&'a str>,
}

fn too_large(file: &Path, limit: u64) -> Said {
    Said::new("cli-err-evidence-too-large", &[("file", &file.display())]).digits("limit", limit)
}

/// Sign a checkpoint over what this command wrote. The write itself stands if this fails, so
/// the error says so.
pub(crate) async fn checkpoint(actions: &accord_actions::Actions) -> anyhow::Result<()> {
    actions
        .checkpoint()
        .await
        .said(|| Said::new("cli-err-checkpoint-after-write", &[]))?;
    Ok(())
}

async fn get(
    config: &Config,
    case: &str,
    id: &str,
    out: &Path,
    force: bool,
) -> anyhow::Result<ExitCode> {
    match std::fs::symlink_metadata(out) {
        Ok(m) if m.is_dir() => {
            return Err(Said::new("cli-err-is-a-directory", &[("path", &out.display())]).into());
        }
        Ok(_) if !force => {
            return Err(crate::failure::Said::new(
                "cli-err-exists-force",
                &[("path", &out.display())],
            )
            .into());
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).said(|| crate::failure::cannot_check(out)),
    }
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Checked before the download is recorded in the chain of custody.
    if !dir.is_dir() {
        return Err(Said::new("cli-err-no-directory", &[("path", &dir.display())]).into());
    }
    let actions = setup::actions(config, Create::MustExist).await?;
    let (ev, mut blob) = actions
        .open_evidence(case, id, ACTOR, CustodyAction::Downloaded)
        .await?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.accord-{}.part", std::process::id()));
    let result = crate::bundle_dir::copy_verified(&mut *blob.reader, &tmp, &ev.sha256, ev.size)
        .await
        .said(|| Said::new("cli-err-evidence-not-written", &[("id", &ev.id)]))
        .and_then(|()| std::fs::rename(&tmp, out).said(|| crate::failure::cannot_write(out)));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result?;
    let words = Words::new(config.language)?;
    println!(
        "{}",
        words.msg(
            "cli-evidence-wrote",
            &[
                ("file", out.display().to_string().into()),
                ("bytes", words.n(ev.size)),
                ("sha256", ev.sha256.as_str().into()),
            ],
        )
    );
    checkpoint(&actions).await?;
    Ok(ExitCode::SUCCESS)
}

/// An action-layer refusal as the command line says it: a field is a flag.
fn flag_error(e: ActionError) -> anyhow::Error {
    match e {
        ActionError::Invalid { field, message } => {
            crate::failure::flag_refused(&format!("--{field}"), &message).into()
        }
        other => other.into(),
    }
}

/// A new file readable by its owner only (evidence can identify witnesses); never an existing
/// file or a symlink.
pub(crate) async fn new_private_file(path: &Path) -> std::io::Result<tokio::fs::File> {
    tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .await
}

/// [`new_private_file`] for code that writes with `std::fs` (off the async runtime's threads).
pub(crate) fn new_private_file_sync(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

async fn list(
    config: &Config,
    case: &str,
    incident: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let store = crate::setup::reading_store(config).await?;
    store
        .case_head(case)
        .await?
        .said(|| crate::failure::no_case(case, &config.db))?;
    let items = match incident {
        Some(inc) => store.evidence_of_incident(case, inc).await?,
        None => store
            .load_case(case)
            .await?
            .said(|| crate::failure::no_case(case, &config.db))?
            .evidence
            .clone(),
    };
    if json {
        let views: Vec<EvidenceView<'_>> = items.iter().map(EvidenceView::new).collect();
        println!("{}", serde_json::to_string_pretty(&views)?);
    } else if items.is_empty() {
        let words = Words::new(config.language)?;
        println!(
            "{}",
            match incident {
                Some(i) => words.msg("cli-evidence-none-for", &[("incident", i.into())]),
                None => words.t("cli-evidence-none"),
            }
        );
    } else {
        let words = Words::new(config.language)?;
        let [id_h, bytes_h, type_h, incident_h, file_h] = [
            "cli-col-id",
            "cli-col-bytes",
            "cli-col-media-type",
            "cli-col-incident",
            "cli-col-file",
        ]
        .map(|id| words.t(id));
        let width = items
            .iter()
            .map(|e| e.id.len())
            .chain([columns(&id_h)])
            .max()
            .unwrap_or(2);
        println!(
            "{}  {}  {}  {}  {file_h}",
            pad(&id_h, width),
            pad_left(&bytes_h, 12),
            pad(&type_h, 24),
            pad(&incident_h, 24)
        );
        for e in &items {
            println!(
                "{}  {}  {:<24}  {:<24}  {}",
                pad(&e.id, width),
                pad_left(
                    &words.count(usize::try_from(e.size).unwrap_or(usize::MAX)),
                    12
                ),
                e.media_type,
                e.incident.as_deref().unwrap_or("-"),
                e.file
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn show(config: &Config, case: &str, id: &str, json: bool) -> anyhow::Result<ExitCode> {
    let store = crate::setup::reading_store(config).await?;
    let ev = store.evidence(case, id).await?.said(|| {
        crate::failure::Said::new(
            "cli-err-no-evidence",
            &[("id", &format!("{id:?}")), ("case", &format!("{case:?}"))],
        )
    })?;
    if json {
        println!("{}", serde_json::to_string_pretty(&EvidenceView::new(&ev))?);
    } else {
        print!("{}", describe(&Words::new(config.language)?, &ev));
    }
    Ok(ExitCode::SUCCESS)
}

fn describe(words: &Words, ev: &Evidence) -> String {
    let mut s = String::new();
    // The labels padded to the longest in this language (12 columns in English).
    let label = |id: &str| words.t(id);
    let fields = [
        ("cli-ev-file", Some(ev.file.clone())),
        ("cli-ev-sha256", Some(ev.sha256.clone())),
        (
            "cli-ev-size",
            Some(words.msg("cli-ev-bytes", &[("bytes", words.n(ev.size))])),
        ),
        ("cli-ev-media-type", Some(ev.media_type.clone())),
        ("cli-ev-incident", ev.incident.clone()),
        ("cli-ev-source", ev.source.clone()),
        ("cli-ev-note", ev.note.clone()),
        (
            "cli-ev-derived-from",
            ev.derived_from
                .as_ref()
                .map(|d| format!("{} ({})", d.original, d.what)),
        ),
    ];
    let c = &ev.capture;
    let capture = [
        ("cli-ev-captured-at", &c.captured_at),
        ("cli-ev-captured-by", &c.captured_by),
        ("cli-ev-source-url", &c.source_url),
        ("cli-ev-method", &c.method),
        ("cli-ev-tool", &c.tool),
        ("cli-ev-place", &c.place),
    ];
    let width = fields
        .iter()
        .map(|(id, _)| *id)
        .chain(capture.iter().map(|(id, _)| *id))
        .map(|id| columns(&label(id)))
        .max()
        .unwrap_or(12)
        .max(12);
    for (id, value) in &fields {
        if let Some(v) = value {
            let _ = writeln!(s, "  {} {v}", pad(&label(id), width));
        }
    }
    let mut out = format!("{}\n{s}", ev.id);
    let _ = writeln!(out, "{}", words.t("cli-ev-capture"));
    if capture.iter().all(|(_, v)| v.is_none()) {
        let _ = writeln!(out, "  {}", words.t("cli-ev-no-capture"));
    }
    for (id, value) in capture {
        if let Some(v) = value {
            let _ = writeln!(out, "  {} {v}", pad(&label(id), width));
        }
    }
    let _ = writeln!(out, "{}", words.t("cli-ev-custody"));
    for e in &ev.custody {
        let _ = writeln!(
            out,
            "  {}  {}  {}{}",
            e.at,
            pad(&words.name("custody-", e.action.as_str()), 11),
            words.msg("cli-ev-by", &[("by", e.by.as_str().into())]),
            e.note
                .as_deref()
                .map(|n| format!("  ({n})"))
                .unwrap_or_default()
        );
    }
    out
}

/// An evidence item as `evidence list|show --json` print it.
#[derive(Serialize)]
struct EvidenceView<'a> {
    id: &'a str,
    sha256: &'a str,
    size: u64,
    media_type: &'a str,
    file: &'a str,
    incident: Option<&'a str>,
    source: Option<&'a str>,
    note: Option<&'a str>,
    capture: CaptureView<'a>,
    derived_from: Option<DerivationView<'a>>,
    custody: Vec<CustodyView<'a>>,
}

#[derive(Serialize)]
struct CaptureView<'a> {
    captured_at: Option<&'a str>,
    captured_by: Option<&'a str>,
    source_url: Option<&'a str>,
    method: Option<&'a str>,
    tool: Option<&'a str>,
    place: Option<&'a str>,
}

#[derive(Serialize)]
struct DerivationView<'a> {
    original: &'a str,
    what: &'a str,
}

#[derive(Serialize)]
struct CustodyView<'a> {
    at: &'a str,
    by: &'a str,
    action: &'static str,
    note: Option<&'a str>,
}

impl<'a> EvidenceView<'a> {
    fn new(e: &'a Evidence) -> EvidenceView<'a> {
        let c = &e.capture;
        EvidenceView {
            id: &e.id,
            sha256: &e.sha256,
            size: e.size,
            media_type: &e.media_type,
            file: &e.file,
            incident: e.incident.as_deref(),
            source: e.source.as_deref(),
            note: e.note.as_deref(),
            capture: CaptureView {
                captured_at: c.captured_at.as_deref(),
                captured_by: c.captured_by.as_deref(),
                source_url: c.source_url.as_deref(),
                method: c.method.as_deref(),
                tool: c.tool.as_deref(),
                place: c.place.as_deref(),
            },
            derived_from: e.derived_from.as_ref().map(|d| DerivationView {
                original: &d.original,
                what: &d.what,
            }),
            custody: e
                .custody
                .iter()
                .map(|ev| CustodyView {
                    at: &ev.at,
                    by: &ev.by,
                    action: ev.action.as_str(),
                    note: ev.note.as_deref(),
                })
                .collect(),
        }
    }
}

async fn package(
    config: &Config,
    case: &str,
    incidents: &[String],
    out: &Path,
) -> anyhow::Result<ExitCode> {
    let actions = setup::actions(config, Create::MustExist).await?;
    // The package proves its entries against a signed checkpoint: make sure one covers them.
    checkpoint(&actions).await?;
    let report = actions
        .package(case, incidents, out, ACTOR)
        .await
        .said(|| Said::new("cli-err-package", &[("path", &out.display())]))?;
    let words = Words::new(config.language)?;
    println!(
        "{}",
        words.msg(
            "cli-evidence-package",
            &[
                ("file", out.display().to_string().into()),
                ("files", words.n(report.files)),
                ("entries", words.n(report.entries)),
            ],
        )
    );
    checkpoint(&actions).await?;
    Ok(ExitCode::SUCCESS)
}
