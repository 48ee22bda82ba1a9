//! `accord import DIR`: check a bundle completely, then store it in one transaction.
//!
//! The database is not even opened until the bundle is known to be good (every evidence file
//! re-hashed against its record), so a refused bundle leaves the database exactly as it was (or
//! absent, if it did not exist). The evidence files go into the blob store before the case is
//! stored, so no record ever names a file that is not there; if storing fails, the files this
//! import added and nothing names are removed again.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use accord_actions::{ActionError, Actions};
use accord_core::ValidCase;
use accord_core::bundle::{self, BundleBlob, BundleError};
use accord_store::{BlobStore, Create, ImportMode};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::bundle_dir::{self, BundleDir};
use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup::{self, ACTOR};
use crate::words::Words;

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The bundle directory, e.g. data/cases/cambodia-2017; with --format, a CSV or XLSX file
    path: PathBuf,
    /// Replace the case if it exists (otherwise an existing case is refused); bundles only
    #[arg(long)]
    replace: bool,
    /// Import a table instead of a bundle: acled, uwazi, pax or table (a spreadsheet, with
    /// --mapping); see docs/import.md
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
    /// The case the rows go into (created if it does not exist)
    #[arg(long, value_name = "CASE", requires = "format")]
    case: Option<String>,
    /// The title of a case the import creates
    #[arg(long, value_name = "TITLE", requires = "format")]
    title: Option<String>,
    /// The mapping file (TOML) of a spreadsheet: which column is which field
    #[arg(long, value_name = "FILE", requires = "format")]
    mapping: Option<PathBuf>,
    /// Print what would be created, updated and left alone; write nothing
    #[arg(long, requires = "format")]
    dry_run: bool,
    /// Import the good rows and write the bad ones, with a column saying what is wrong, to OUT
    /// (by default one bad row means nothing is imported)
    #[arg(long, value_name = "OUT", requires = "format")]
    skip_bad: Option<PathBuf>,
    /// Print {"created", "updated", "unchanged", "problems"} as JSON
    #[arg(long, requires = "format")]
    json: bool,
}

pub(crate) async fn run(config: &Config, args: ImportArgs) -> anyhow::Result<ExitCode> {
    if let Some(format) = args.format {
        if args.replace {
            return Err(Said::new("cli-err-replace-table", &[]).into());
        }
        let table = crate::import_table::TableArgs {
            path: args.path,
            format,
            case: args.case,
            title: args.title,
            mapping: args.mapping,
            dry_run: args.dry_run,
            skip_bad: args.skip_bad,
            json: args.json,
        };
        return crate::import_table::run(config, table).await;
    }
    let started = Instant::now();
    let words = Words::new(config.language)?;
    let progress = Progress::start();
    progress.stage(words.t("cli-import-reading"));
    let limit = config.evidence.upload_limit;
    let path = args.path.clone();
    let dir = tokio::task::spawn_blocking(move || bundle_dir::read(&path, limit))
        .await
        .said(|| Said::new("cli-err-reading-stopped", &[]))?;
    let mut dir = match dir {
        Ok(dir) => dir,
        Err(e) => {
            progress.finish();
            return Err(e);
        }
    };
    progress.stage(words.t("cli-import-checking"));
    let root = args.path.display().to_string();
    let case = match check_from(&mut dir.texts, &dir.blobs, &root) {
        Ok(case) => case,
        Err(errors) => {
            progress.finish();
            for e in &errors {
                eprintln!("{}", crate::failure::bundle_error(&words, e));
            }
            eprintln!(
                "{}",
                words.msg(
                    "cli-import-refused",
                    &[
                        ("file", root.as_str().into()),
                        ("n", errors.len().into()),
                        ("shown", words.n(errors.len())),
                    ],
                )
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    progress.stage(words.t("cli-import-writing"));
    let actions = setup::actions(config, Create::IfMissing).await?;
    let mode = if args.replace {
        ImportMode::Replace
    } else {
        ImportMode::New
    };
    // Refuse an existing case before copying gigabytes of evidence for nothing (the store checks
    // again, in the transaction).
    if mode == ImportMode::New && actions.store().case_head(&case.id).await?.is_some() {
        progress.finish();
        return Err(exists(&case.id).into());
    }
    let result = store_evidence_files(&actions, &dir, &root, limit).await;
    let added = match result {
        Ok(added) => added,
        Err((added, e)) => {
            progress.finish();
            remove_unreferenced(&actions, &added).await;
            return Err(e);
        }
    };
    let report = match actions.import_bundle(&case, mode, ACTOR).await {
        Ok(report) => report,
        Err(e) => {
            progress.finish();
            remove_unreferenced(&actions, &added).await;
            if let ActionError::Exists { what: "case", id } = &e {
                return Err(exists(id).into());
            }
            return Err(e).said(|| {
                crate::failure::Said::new("cli-err-nothing-imported", &[("path", &root)])
            });
        }
    };
    crate::evidence::checkpoint(&actions).await?;
    progress.finish();
    let id = if report.replaced {
        "cli-import-replaced"
    } else {
        "cli-import-imported"
    };
    println!(
        "{}",
        words.msg(
            id,
            &[
                ("case", report.case_id.as_str().into()),
                ("records", words.n(report.records)),
                ("blobs", words.n(dir.blobs.len())),
                ("files", words.n(dir.texts.0.len() + dir.blobs.len())),
                (
                    "secs",
                    words
                        .lang
                        .decimal(started.elapsed().as_secs_f64(), 1)
                        .into()
                ),
                ("db", config.db.as_str().into()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn exists(case: &str) -> crate::failure::Said {
    crate::failure::Said::new("cli-import-exists", &[("case", &format!("{case:?}"))])
}

/// Put every evidence file of the bundle into the blob store, checking that the bytes stored are
/// the bytes that were checked. Returns the hashes this added (that were not stored before); on
/// failure, those added so far with the error.
async fn store_evidence_files(
    actions: &Actions,
    dir: &BundleDir,
    root: &str,
    limit: u64,
) -> Result<Vec<String>, (Vec<String>, anyhow::Error)> {
    let mut added = Vec::new();
    for (blob, path) in dir.blobs.iter().zip(&dir.blob_paths) {
        match put_one(actions.blobs().as_ref(), blob, path, root, limit).await {
            Ok((sha256, true)) => added.push(sha256),
            Ok((_, false)) => {}
            Err(e) => return Err((added, e)),
        }
    }
    Ok(added)
}

/// Store one file; `true` if its bytes were new to the store.
async fn put_one(
    blobs: &dyn BlobStore,
    blob: &BundleBlob,
    path: &std::path::Path,
    root: &str,
    limit: u64,
) -> anyhow::Result<(String, bool)> {
    let mut file = tokio::fs::File::open(path)
        .await
        .said(|| crate::failure::cannot_read(path))?;
    let shown = format!("{root}/{}", blob.path);
    let stored = blobs
        .put(&mut file, limit)
        .await
        .said(|| Said::new("cli-err-store-evidence-file", &[("path", &shown)]))?;
    if stored.sha256 != blob.sha256 {
        // The file changed between the check and now; what was stored is not what was checked.
        if !stored.existed {
            let _ = blobs.remove(&stored.sha256).await;
        }
        return Err(Said::new(
            "cli-err-file-changed-while-imported",
            &[
                ("path", &shown),
                ("checked", &blob.sha256),
                ("stored", &stored.sha256),
            ],
        )
        .into());
    }
    Ok((stored.sha256, !stored.existed))
}

/// Remove blobs this import added that no record names (the case was not stored after all).
async fn remove_unreferenced(actions: &Actions, added: &[String]) {
    if added.is_empty() {
        return;
    }
    let Ok(referenced) = actions.store().referenced_blobs().await else {
        // Without knowing what is named, keep everything: `accord verify` reports leftovers.
        return;
    };
    for sha256 in added {
        if !referenced.contains(sha256) {
            let _ = actions.blobs().remove(sha256).await;
        }
    }
}

/// The whole check of a bundle in memory (the embedded demo case).
pub(crate) fn check(
    files: &[bundle::BundleFile],
    blobs: &[BundleBlob],
    root: &str,
) -> Result<ValidCase, Vec<BundleError>> {
    let mut source = bundle::InMemory(files);
    check_from(&mut source, blobs, root)
}

/// The whole check: the bundle's own rules, then each election file against the election engine.
pub(crate) fn check_from(
    files: &mut dyn bundle::BundleSource,
    blobs: &[BundleBlob],
    root: &str,
) -> Result<ValidCase, Vec<BundleError>> {
    let case = bundle::read_from(files, blobs).map_err(|e| {
        e.0.into_iter()
            .map(|e| e.with_root(root))
            .collect::<Vec<_>>()
    })?;
    let errors: Vec<BundleError> = case
        .elections
        .iter()
        .filter_map(|el| {
            accord_elections::Election::from_json(&el.json)
                .err()
                .map(|e| {
                    BundleError {
                        file: format!("elections/{}.json", el.id),
                        line: None,
                        field: None,
                        message: e.to_string(),
                    }
                    .with_root(root)
                })
        })
        .collect();
    if errors.is_empty() {
        Ok(case)
    } else {
        Err(errors)
    }
}

/// A spinner that appears only if the import takes more than a second (indicatif draws nothing
/// without a terminal; the summary line is printed either way).
struct Progress {
    bar: ProgressBar,
}

impl Progress {
    fn start() -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        let shown = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(1));
            if !shown.is_finished() {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Progress { bar }
    }

    fn stage(&self, msg: String) {
        self.bar.set_message(msg);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
