//! `accord verify [--json] [--package DIR]`: prove that nothing was changed.
//!
//! Everything is recomputed from what is stored (log leaves, the tree, checkpoint signatures and
//! their consistency, every record's current version against its history, every evidence file's
//! bytes) by the action layer; this command only shows progress and reports. An evidence package
//! is checked offline, without a database.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use accord_actions::{Defect, Subject, VerifyProblem, VerifyProgress, VerifyReport};
use accord_core::Lang;
use accord_server::i18n::FluentValue;
use accord_store::Create;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup;
use crate::words::Words;

#[derive(Debug, Args)]
pub(crate) struct VerifyArgs {
    /// Print {"ok", "entries", "evidence", "problems": [{"kind", "what", "detail"}]}
    #[arg(long)]
    json: bool,
    /// Check an evidence package (from `accord evidence package`) instead of the database,
    /// offline
    #[arg(long, value_name = "DIR")]
    package: Option<PathBuf>,
}

pub(crate) async fn run(config: &Config, args: VerifyArgs) -> anyhow::Result<ExitCode> {
    let (report, what) = match &args.package {
        Some(dir) => {
            let dir = dir.clone();
            let shown = dir.display().to_string();
            let report = tokio::task::spawn_blocking(move || accord_actions::verify_package(&dir))
                .await
                .said(|| Said::new("cli-err-package-check-stopped", &[]))?
                .said(|| Said::new("cli-err-package-check", &[("path", &shown)]))?;
            (report, Said::new("cli-verify-package", &[("path", &shown)]))
        }
        None => {
            let actions = setup::actions(config, Create::MustExist).await?;
            let bar = progress_bar();
            let shown = bar.clone();
            let progress = move |p: VerifyProgress| {
                shown.set_message(p.stage);
                shown.set_length(p.total);
                shown.set_position(p.done);
            };
            let report = actions.verify(&progress).await;
            bar.finish_and_clear();
            (
                report?,
                Said::new("cli-err-setting", &[("setting", &config.db)]),
            )
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let words = Words::new(config.language)?;
        print_report(&words, &report, &what.text(&words));
    }
    Ok(if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// A bar on standard error when it is a terminal; nothing otherwise (logs and pipes stay clean).
fn progress_bar() -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(0), target);
    bar.set_style(
        ProgressStyle::with_template("{msg:<24} [{bar:40}] {pos}/{len} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}

/// The summary in the user's language (`cli-verify-*`); each problem's kind, record and detail
/// as the verifier names them (the same as `--json`).
fn print_report(words: &Words, report: &VerifyReport, what: &str) {
    if report.ok {
        println!(
            "{}",
            words.msg(
                "cli-verify-intact",
                &[
                    ("what", what.into()),
                    ("entries", report.entries.into()),
                    ("evidence", report.evidence.into()),
                ],
            )
        );
        return;
    }
    for p in &report.problems {
        println!("{}", problem_line(words, p));
    }
    eprintln!(
        "{}",
        words.msg(
            "cli-verify-broken",
            &[
                ("what", what.into()),
                ("problems", report.problems.len().into()),
                ("entries", report.entries.into()),
                ("evidence", report.evidence.into()),
            ],
        )
    );
}

/// One problem `kind: what: detail`: in English as the verifier wrote it (scripts read it), in
/// another language each part said by its kind.
pub(crate) fn problem_line(words: &Words, p: &VerifyProblem) -> String {
    if words.lang == Lang::En {
        return format!("{}: {}: {}", p.kind, p.what, p.detail);
    }
    let kind_id = format!("cli-verify-kind-{}", p.kind.replace('_', "-"));
    let kind = match words.t(&kind_id) {
        text if text == kind_id => p.kind.clone(),
        text => text,
    };
    words.msg(
        "cli-verify-problem",
        &[
            ("kind", kind.into()),
            ("what", subject(words, &p.subject).into()),
            ("detail", defect(words, &p.defect).into()),
        ],
    )
}

fn subject(words: &Words, s: &Subject) -> String {
    match s {
        Subject::Entry(seq) => words.msg("cli-verify-entry", &[("seq", words.n(seq))]),
        Subject::Log => words.t("cli-verify-the-log"),
        Subject::Checkpoint(size) => words.msg("cli-verify-checkpoint", &[("size", words.n(size))]),
        Subject::Record(name) | Subject::File(name) => name.clone(),
        Subject::Version { record, version } => words.msg(
            "cli-verify-version",
            &[
                ("record", record.as_str().into()),
                ("version", words.n(version)),
            ],
        ),
        Subject::EvidenceFile(sha256) => words.msg(
            "cli-verify-evidence-file",
            &[("sha256", sha256.as_str().into())],
        ),
        Subject::Line { file, line } => words.msg(
            "cli-verify-line",
            &[("file", file.as_str().into()), ("line", words.n(line))],
        ),
    }
}

fn defect(words: &Words, d: &Defect) -> String {
    let text = |s: &str| FluentValue::from(s.to_owned());
    match d {
        Defect::OutOfOrder { expected } => words.msg(
            "cli-verify-out-of-order",
            &[("expected", words.n(expected))],
        ),
        Defect::EntryChanged => words.t("cli-verify-entry-changed"),
        Defect::RootDiffers {
            entries,
            root,
            stored_size,
            stored_root,
        } => words.msg(
            "cli-verify-root-differs",
            &[
                ("entries", words.n(entries)),
                ("root", text(root)),
                ("stored_size", words.n(stored_size)),
                ("stored_root", text(stored_root)),
            ],
        ),
        Defect::Signature(e) => words.msg(
            "cli-verify-signature",
            &[("error", crate::failure::tlog_error(words, e).into())],
        ),
        Defect::Note(e) => crate::failure::tlog_error(words, e),
        Defect::SignsMore { signed, entries } => words.msg(
            "cli-verify-signs-more",
            &[("signed", words.n(signed)), ("entries", words.n(entries))],
        ),
        Defect::SignedRootDiffers => words.t("cli-verify-signed-root-differs"),
        Defect::NoHistory => words.t("cli-verify-no-history"),
        Defect::DiffersFromHistory { version, actor, at } => words.msg(
            "cli-verify-differs-from-history",
            &[
                ("version", words.n(version)),
                ("actor", text(actor)),
                ("at", text(at)),
            ],
        ),
        Defect::Deleted => words.t("cli-verify-deleted"),
        Defect::BytesChanged { actual, size } => words.msg(
            "cli-verify-bytes-changed",
            &[("actual", text(actual)), ("size", words.n(size))],
        ),
        Defect::Unreadable(why) => words.msg(
            "cli-verify-unreadable",
            &[("error", words.refusal(why).into())],
        ),
        Defect::VersionHash => words.t("cli-verify-version-hash"),
        Defect::NotCommitted { seq } => {
            words.msg("cli-verify-not-committed", &[("seq", words.n(seq))])
        }
        Defect::NotAnEntry(why) | Defect::FileUnreadable(why) => words.refusal(why),
        Defect::LeafDiffers => words.t("cli-verify-leaf-differs"),
        Defect::NotIncluded => words.t("cli-verify-not-included"),
        Defect::MalformedLine(line) => words.msg(
            "cli-verify-malformed-line",
            &[("line", text(&format!("{line:?}")))],
        ),
        Defect::OutsidePackage => words.t("cli-verify-outside-package"),
        Defect::HashDiffers { actual, recorded } => words.msg(
            "cli-verify-hash-differs",
            &[("actual", text(actual)), ("recorded", text(recorded))],
        ),
        Defect::NoArrival => words.t("cli-verify-no-arrival"),
    }
}
