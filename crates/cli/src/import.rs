//! `accord import DIR`: check a bundle completely, then store it in one transaction.
//!
//! The database is not even opened until the bundle is known to be good, so a refused bundle
//! leaves the database exactly as it was (or absent, if it did not exist).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use accord_core::ValidCase;
use accord_core::bundle::{self, BundleError};
use accord_store::{Create, ImportMode};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::bundle_dir;
use crate::config::Config;

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The bundle directory, e.g. data/cases/cambodia-2017
    path: PathBuf,
    /// Replace the case if it exists (otherwise an existing case is refused)
    #[arg(long)]
    replace: bool,
}

pub(crate) async fn run(config: &Config, args: ImportArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let progress = Progress::start();
    progress.stage("reading files");
    let files = bundle_dir::read(&args.path)?;
    progress.stage("checking the bundle");
    let root = args.path.display().to_string();
    let case = match check(&files, &root) {
        Ok(case) => case,
        Err(errors) => {
            progress.finish();
            for e in &errors {
                eprintln!("{e}");
            }
            eprintln!(
                "error: {} refused: {} problem{}; nothing was imported",
                root,
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    progress.stage("writing to the database");
    let store = accord_store::open(&config.db, Create::IfMissing).await?;
    let mode = if args.replace {
        ImportMode::Replace
    } else {
        ImportMode::New
    };
    let report = store.import_case(&case, mode, "cli").await?;
    progress.finish();
    println!(
        "{} case {}: {} records from {} files in {:.1} s into {}",
        if report.replaced {
            "replaced"
        } else {
            "imported"
        },
        report.case_id,
        report.records,
        files.len(),
        started.elapsed().as_secs_f64(),
        config.db
    );
    Ok(ExitCode::SUCCESS)
}

/// The whole check: the bundle's own rules, then each election file against the election engine.
pub(crate) fn check(
    files: &[bundle::BundleFile],
    root: &str,
) -> Result<ValidCase, Vec<BundleError>> {
    let case = bundle::read(files).map_err(|e| {
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

    fn stage(&self, msg: &'static str) {
        self.bar.set_message(msg);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
