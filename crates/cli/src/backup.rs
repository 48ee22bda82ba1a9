//! `accord backup OUT` and `accord restore IN`: the whole instance — every case with its history,
//! the log and its checkpoints, accounts, memberships, publication flags, sign-on invitations and
//! links, the evidence files and the log's signing key — unlike `export`, which writes one case.
//! The work is the action layer's (`accord_actions::backup`); this module reports.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord_actions::RestoreTarget;
use accord_actions::backup::Sealing;
use accord_store::Create;
use clap::Args;

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup;
use crate::words::Words;

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
    /// A recovery share (or the whole recovery key), repeated up to the threshold: opens a sealed
    /// backup when the instance key file is lost, and makes a new instance key file (as `accord
    /// keys recover` does) before verifying
    #[arg(long = "share", value_name = "SHARE")]
    shares: Vec<String>,
    /// Print {"db", "evidence_files", "log_key", "verified", "problems"}
    #[arg(long)]
    json: bool,
}

pub(crate) async fn backup(config: &Config, args: BackupArgs) -> anyhow::Result<ExitCode> {
    let (actions, vault) = setup::actions_and_keys(config, Create::MustExist).await?;
    // The snapshot waits beside the live database (on its disk) while it is sealed; a
    // PostgreSQL database has no directory here, so it waits in a private temporary one.
    let private_tmp;
    let scratch = if config.db.contains("://") {
        private_tmp = ScratchDir::new("backup")?;
        private_tmp.path()
    } else {
        Path::new(&config.db)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    let sealing = vault.as_deref().map(|vault| Sealing { vault, scratch });
    let report = actions.backup(&args.out, sealing).await.said(|| {
        Said::new(
            "cli-err-backup",
            &[("db", &config.db), ("out", &args.out.display())],
        )
    })?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let words = Words::new(config.language)?;
        println!(
            "{}",
            words.msg(
                "cli-backed-up",
                &[
                    ("db", config.db.as_str().into()),
                    ("out", report.out.as_str().into()),
                    ("db_bytes", words.n(report.database_bytes)),
                    ("files", report.evidence_files.into()),
                    ("shown_files", words.n(report.evidence_files)),
                    ("bytes", words.n(report.evidence_bytes)),
                    ("log_key", if report.log_key { "yes" } else { "no" }.into()),
                ],
            )
        );
        let id = if report.sealed {
            "cli-backup-sealed"
        } else {
            "cli-backup-clear"
        };
        println!("{}", words.t(id));
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) async fn restore(config: &Config, args: RestoreArgs) -> anyhow::Result<ExitCode> {
    // Where the evidence goes is checked before the database is written.
    setup::check_evidence_store(config).await?;
    // A backup holds a SQLite snapshot. Onto SQLite it is put in place (renamed over the target);
    // onto PostgreSQL it is first restored into a private temporary directory, then copied row by
    // row into the database in one transaction (refused if the database holds anything, unless
    // --force), as `accord copy` does.
    let onto_postgres = config.db.contains("://");
    if onto_postgres && !args.force {
        // Refused before any file (the log key among them) is written.
        let held = accord_store::copy::held(&config.db)
            .await
            .said(|| Said::new("cli-err-restore-into", &[("db", &config.db)]))?;
        if !held.is_empty() {
            return Err(Said::new(
                "cli-err-restore-not-empty",
                &[("db", &config.db), ("held", &held.join(", "))],
            )
            .into());
        }
    }
    let private_tmp = if onto_postgres {
        Some(ScratchDir::new("restore")?)
    } else {
        None
    };
    let target = RestoreTarget {
        db: match &private_tmp {
            Some(dir) => dir.path().join("accord.db"),
            None => PathBuf::from(&config.db),
        },
        log_key: config.evidence.log_key.clone(),
        force: args.force,
    };
    let shown = args.backup.display().to_string();
    let cannot_restore = || Said::new("cli-err-restore", &[("backup", &shown)]);
    let checked = accord_actions::backup::check_backup(&args.backup)
        .await
        .said(cannot_restore)?;
    // A sealed backup opens with the instance key file, or with the recovery shares.
    let vault = match &checked.sealed {
        None => None,
        Some(sealed) => {
            let record = sealed.record()?;
            Some(if args.shares.is_empty() {
                let key = crate::key_file::instance_key(&config.evidence.key_file, &record)
                    .said(|| Said::new("cli-err-backup-sealed", &[]))?;
                accord_vault::Vault::open(&record, &key).said(|| {
                    Said::new(
                        "cli-err-key-file-not-backup",
                        &[("path", &config.evidence.key_file.display())],
                    )
                })?
            } else {
                let texts: Vec<&str> = args.shares.iter().map(String::as_str).collect();
                let recovery =
                    accord_vault::RecoveryKey::rebuild(&texts, &record.recovery_recipient)
                        .said(|| Said::new("cli-err-shares-not-backup", &[]))?;
                accord_vault::Vault::open_for_recovery(&record, &recovery)?
            })
        }
    };
    let manifest = accord_actions::backup::restore_files(&args.backup, &target, vault.as_ref())
        .await
        .said(cannot_restore)?;
    if let Some(dir) = &private_tmp {
        let snapshot = dir.path().join("accord.db");
        let existing = if args.force {
            accord_store::copy::Existing::Replace
        } else {
            accord_store::copy::Existing::Refuse
        };
        accord_store::copy::copy_database(
            &snapshot.display().to_string(),
            &config.db,
            existing,
            &|_, _| {},
        )
        .await
        .said(|| {
            Said::new(
                "cli-err-restore-to",
                &[("backup", &shown), ("db", &config.db)],
            )
        })?;
    }
    drop(private_tmp);
    if checked.sealed.is_some() && !args.shares.is_empty() && !config.evidence.key_file.exists() {
        // The instance key is lost: make a new one, as `accord keys recover` does.
        crate::keys::recover_quietly(config, &args.shares)
            .await
            .said(|| Said::new("cli-err-restore-no-new-key", &[]))?;
    }
    let actions = setup::actions(config, Create::MustExist).await?;
    let report = actions
        .restore_evidence(
            &args.backup,
            &manifest,
            Path::new(&config.db),
            vault.as_ref(),
        )
        .await
        .said(|| Said::new("cli-err-restore-evidence", &[("backup", &shown)]))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let words = Words::new(config.language)?;
        println!(
            "{}",
            words.msg(
                "cli-restored",
                &[
                    ("backup", shown.as_str().into()),
                    ("taken", manifest.created_at.as_str().into()),
                    ("db", report.db.as_str().into()),
                    ("files", report.evidence_files.into()),
                    ("shown_files", words.n(report.evidence_files)),
                    ("log_key", if report.log_key { "yes" } else { "no" }.into()),
                ],
            )
        );
        if report.verified {
            println!("{}", words.t("cli-restore-verified"));
        } else {
            println!(
                "{}",
                words.msg(
                    "cli-restore-problems",
                    &[
                        ("n", report.problems.len().into()),
                        ("shown", words.n(report.problems.len())),
                    ],
                )
            );
            for p in &report.problems {
                if words.lang == accord_core::Lang::En {
                    println!("  {} {}: {}", p.kind, p.what, p.detail);
                } else {
                    println!("  {}", crate::verify::problem_line(&words, p));
                }
            }
        }
    }
    Ok(if report.verified {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// A new directory under the system's temporary directory, readable by its owner only, removed
/// with what it holds when dropped (the snapshot of a PostgreSQL database waits there).
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new(what: &str) -> anyhow::Result<ScratchDir> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir =
            std::env::temp_dir().join(format!("accord-{what}-{}-{nanos}", std::process::id()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder
            .create(&dir)
            .said(|| Said::new("cli-err-scratch-dir", &[("path", &dir.display())]))?;
        Ok(ScratchDir(dir))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
