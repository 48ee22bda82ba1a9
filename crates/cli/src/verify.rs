//! `accord verify [--json] [--package DIR]`: prove that nothing was changed.
//!
//! Everything is recomputed from what is stored (log leaves, the tree, checkpoint signatures and
//! their consistency, every record's current version against its history, every evidence file's
//! bytes) by the action layer; this command only shows progress and reports. An evidence package
//! is checked offline, without a database.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use accord_actions::{VerifyProgress, VerifyReport};
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
            (report, format!("evidence package {shown}"))
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
            (report?, config.db.clone())
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&Words::new(config.language)?, &report, &what);
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
        println!("{}: {}: {}", p.kind, p.what, p.detail);
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
