//! `accord copy --from URL --to URL`: the whole instance into another database (SQLite ⇄
//! PostgreSQL), with its evidence files and, for a SQLite target, its key files beside it. The
//! work is the action layer's (`accord_actions::copy`); this module opens both sides and reports.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use accord_actions::copy::{CopyProgress, copy_instance};
use accord_store::{BlobStore, Create, FsBlobStore, S3BlobStore};
use clap::Args;

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup;
use crate::words::Words;

#[derive(Debug, Args)]
pub(crate) struct CopyArgs {
    /// The instance to copy (a SQLite path or a postgres:// URL); default: the configured
    /// database (--db, ACCORD_DB or the configuration file), whose evidence settings apply
    #[arg(long, value_name = "URL")]
    pub(crate) from: Option<String>,
    /// The database to copy into (created if missing); refused if it holds anything, unless
    /// --force
    #[arg(long, value_name = "URL")]
    to: String,
    /// The evidence directory of the target (default: next to a SQLite target, `<to>.evidence`;
    /// required for a PostgreSQL target when the instance has evidence)
    #[arg(long, value_name = "DIR", conflicts_with = "to_evidence_store")]
    to_evidence_dir: Option<PathBuf>,
    /// The target's evidence in S3-compatible object storage (`s3://bucket/prefix`; endpoint
    /// and credentials from the AWS_* environment, as `evidence_store` reads them) instead of a
    /// directory
    #[arg(long, value_name = "URL")]
    to_evidence_store: Option<String>,
    /// Replace what the target database holds
    #[arg(long)]
    force: bool,
    /// Print {"from", "to", "tables": [{"table", "rows"}], "rows", "evidence_copied",
    /// "evidence_present", "evidence_bytes", "key_files"}
    #[arg(long)]
    json: bool,
}

pub(crate) async fn run(config: &Config, args: CopyArgs) -> anyhow::Result<ExitCode> {
    let from = config.db.clone();
    let source = accord_store::open(&from, Create::MustExist)
        .await
        .said(|| Said::new("cli-err-copy-from", &[("db", &from)]))?;
    // The instance's keys open sealed evidence, and seal it again in the target's store (the
    // target gets the same keys: they are rows of the database).
    let vault = setup::vault(config, source.as_ref()).await?;
    let has_evidence = !source.referenced_blobs().await?.is_empty();
    drop(source);
    let from_blobs = setup::blob_store(config, vault.clone())?;

    let target_is_sqlite = !args.to.contains("://") || args.to.starts_with("sqlite://");
    let target_path = args.to.strip_prefix("sqlite://").unwrap_or(&args.to);
    let to_dir = match (&args.to_evidence_dir, target_is_sqlite) {
        _ if args.to_evidence_store.is_some() => None,
        (Some(dir), _) => Some(dir.clone()),
        (None, true) => Some(PathBuf::from(format!("{target_path}.evidence"))),
        (None, false) if has_evidence => {
            return Err(Said::new("cli-err-copy-evidence-dir", &[]).into());
        }
        // Nothing to copy: no directory to make.
        (None, false) => None,
    };
    let to_blobs: Arc<dyn BlobStore> = match (&args.to_evidence_store, &to_dir) {
        (Some(url), _) => {
            // Checked at once (the bucket exists and takes writes), before any row is copied.
            let cannot_use = || {
                Said::new(
                    "cli-err-cannot-use",
                    &[("setting", &"--to-evidence-store"), ("path", url)],
                )
            };
            let mut blobs = S3BlobStore::connect_from_env(url).said(cannot_use)?;
            blobs.check_writable().await.said(cannot_use)?;
            if let Some(vault) = vault {
                blobs = blobs.with_vault(vault);
            }
            Arc::new(blobs)
        }
        (None, None) => from_blobs.clone(),
        (None, Some(dir)) => {
            std::fs::create_dir_all(dir).said(|| {
                Said::new(
                    "cli-err-setting-cannot-create",
                    &[("setting", &"--to-evidence-dir"), ("path", &dir.display())],
                )
            })?;
            let mut blobs = FsBlobStore::open(dir).said(|| {
                Said::new(
                    "cli-err-cannot-use",
                    &[("setting", &"--to-evidence-dir"), ("path", &dir.display())],
                )
            })?;
            if let Some(vault) = vault {
                blobs = blobs.with_vault(vault);
            }
            Arc::new(blobs)
        }
    };

    let quiet = args.json;
    let words = Words::new(config.language)?;
    let report = copy_instance(
        &from,
        &args.to,
        from_blobs.as_ref(),
        to_blobs.as_ref(),
        args.force,
        &|step| {
            if quiet {
                return;
            }
            match step {
                CopyProgress::Evidence { done, of }
                    if of > 0 && (done == of || done % 100 == 0) =>
                {
                    eprintln!(
                        "{}",
                        words.msg(
                            "cli-copy-evidence-progress",
                            &[("done", words.n(done)), ("of", words.n(of))],
                        )
                    );
                }
                CopyProgress::Table { table, rows } => eprintln!(
                    "{}",
                    words.msg(
                        "cli-copy-table-progress",
                        &[
                            ("table", table.into()),
                            ("n", rows.into()),
                            ("shown", words.n(rows)),
                        ],
                    )
                ),
                CopyProgress::Evidence { .. } => {}
            }
        },
    )
    .await
    .said(|| Said::new("cli-err-copy", &[("from", &from), ("to", &args.to)]))?;

    // The files that are not in the database: the log's signing key and the instance key file.
    let mut key_files = Vec::new();
    if target_is_sqlite {
        for (file, suffix) in [
            (&config.evidence.log_key, "log-key"),
            (&config.evidence.key_file, "instance-key"),
        ] {
            let to = PathBuf::from(format!("{target_path}.{suffix}"));
            if file.exists() && !to.exists() {
                copy_private(file, &to)?;
                key_files.push(to.display().to_string());
            }
        }
    }

    if args.json {
        let mut value = serde_json::to_value(&report)?;
        value["key_files"] = serde_json::json!(key_files);
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        println!(
            "{}",
            words.msg(
                "cli-copied",
                &[
                    ("from", report.from.as_str().into()),
                    ("to", report.to.as_str().into()),
                    ("rows", words.n(report.rows)),
                    ("tables", words.n(report.tables.len())),
                    ("files", report.evidence_copied.into()),
                    ("shown_files", words.n(report.evidence_copied)),
                    ("bytes", words.n(report.evidence_bytes)),
                    ("present", words.n(report.evidence_present)),
                ],
            )
        );
        for file in &key_files {
            println!(
                "{}",
                words.msg("cli-copied-key-file", &[("file", file.as_str().into())])
            );
        }
        if !target_is_sqlite {
            let store = match (&args.to_evidence_store, &to_dir) {
                (Some(url), _) => format!(", evidence_store = {url}"),
                (None, Some(d)) => format!(", evidence_dir = {}", d.display()),
                (None, None) => String::new(),
            };
            println!(
                "{}",
                words.msg(
                    "cli-copy-point-servers",
                    &[
                        (
                            "log_key",
                            config.evidence.log_key.display().to_string().into()
                        ),
                        (
                            "key_file",
                            config.evidence.key_file.display().to_string().into()
                        ),
                        ("store", store.into()),
                    ],
                )
            );
        }
        println!(
            "{}",
            words.msg("cli-copy-check", &[("to", args.to.as_str().into())])
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Copy a key file, readable by its owner only.
fn copy_private(from: &Path, to: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(from).said(|| crate::failure::cannot_read(from))?;
    let mut file =
        crate::evidence::new_private_file_sync(to).said(|| crate::failure::cannot_create(to))?;
    std::io::Write::write_all(&mut file, &bytes).said(|| crate::failure::cannot_write(to))?;
    Ok(())
}
