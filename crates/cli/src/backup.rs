//! `accord backup OUT` and `accord restore IN`: the whole instance — every case with its history,
//! the log and its checkpoints, accounts, memberships, publication flags, sign-on invitations and
//! links, the evidence files and the log's signing key — unlike `export`, which writes one case.
//! The work is the action layer's (`accord_actions::backup`); this module reports.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord_actions::RestoreTarget;
use accord_store::Create;
use anyhow::Context;
use clap::Args;

use crate::config::Config;
use crate::setup;

#[derive(Debug, Args)]
pub(crate) struct BackupArgs {
    /// A new (or empty) directory to write the backup into
    out: PathBuf,
    /// Print {"out", "database_bytes", "evidence_files", "evidence_bytes", "log_key"}
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct RestoreArgs {
    /// A backup directory written by `accord backup`
    backup: PathBuf,
    /// Replace an existing database (and log key) at the target paths
    #[arg(long)]
    force: bool,
    /// Print {"db", "evidence_files", "log_key", "verified", "problems"}
    #[arg(long)]
    json: bool,
}

pub(crate) async fn backup(config: &Config, args: BackupArgs) -> anyhow::Result<ExitCode> {
    let actions = setup::actions(config, Create::MustExist).await?;
    let report = actions
        .backup(&args.out)
        .await
        .with_context(|| format!("cannot back up {} to {}", config.db, args.out.display()))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "Backed up {} to {}: the database ({} bytes), {} evidence file{} ({} bytes){}.",
            config.db,
            report.out,
            report.database_bytes,
            report.evidence_files,
            if report.evidence_files == 1 { "" } else { "s" },
            report.evidence_bytes,
            if report.log_key {
                " and the log's signing key"
            } else {
                ""
            }
        );
        println!("Keep it where the database is not: it holds everything, in the clear.");
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) async fn restore(config: &Config, args: RestoreArgs) -> anyhow::Result<ExitCode> {
    if config.db.contains("://") {
        anyhow::bail!(
            "--db: restore writes a SQLite file; {} is not one",
            config.db
        );
    }
    let target = RestoreTarget {
        db: PathBuf::from(&config.db),
        log_key: config.evidence.log_key.clone(),
        force: args.force,
    };
    let shown = args.backup.display().to_string();
    let manifest = accord_actions::backup::restore_files(&args.backup, &target)
        .await
        .with_context(|| format!("cannot restore {shown}"))?;
    let actions = setup::actions(config, Create::MustExist).await?;
    let report = actions
        .restore_evidence(&args.backup, &manifest, Path::new(&config.db))
        .await
        .with_context(|| format!("cannot restore the evidence files of {shown}"))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "Restored {shown} (taken {}) into {}: {} evidence file{}{}.",
            manifest.created_at,
            report.db,
            report.evidence_files,
            if report.evidence_files == 1 { "" } else { "s" },
            if report.log_key {
                ", the log's signing key"
            } else {
                ""
            }
        );
        if report.verified {
            println!("accord verify: everything checks out.");
        } else {
            println!("accord verify found {} problem(s):", report.problems.len());
            for p in &report.problems {
                println!("  {} {}: {}", p.kind, p.what, p.detail);
            }
        }
    }
    Ok(if report.verified {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
