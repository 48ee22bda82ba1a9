//! `accord export CASE DIR`: write a stored case as a canonical bundle, evidence files included.
//!
//! Each evidence file is copied from the blob store and checked against its hash on the way, and
//! its chain of custody records the export.

use std::path::PathBuf;
use std::process::ExitCode;

use accord_core::CustodyAction;
use accord_core::bundle::EVIDENCE_DIR;
use accord_store::Create;
use anyhow::Context;
use clap::Args;

use crate::bundle_dir::{self, ExportBlob};
use crate::config::Config;
use crate::setup::{self, ACTOR};

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The case id (see `accord case list`)
    case: String,
    /// The directory to write a bundle into; it must not exist or be empty
    #[arg(required_unless_present = "format")]
    path: Option<PathBuf>,
    /// Write into a directory that already has files (or over an existing --out file)
    #[arg(long)]
    force: bool,
    /// Export incidents, findings and sources as tables instead of a bundle: csv (a file each),
    /// xlsx (a sheet each) or uwazi (incidents as a Uwazi CSV)
    #[arg(long, value_name = "FORMAT", requires = "out", conflicts_with = "path")]
    format: Option<String>,
    /// The file to write with --format (csv: FILE's name with -incidents, -findings, -sources)
    #[arg(long, value_name = "FILE", requires = "format")]
    out: Option<PathBuf>,
}

pub(crate) async fn run(config: &Config, args: ExportArgs) -> anyhow::Result<ExitCode> {
    if let (Some(format), Some(out)) = (&args.format, &args.out) {
        return crate::export_table::run(config, &args.case, format, out, args.force).await;
    }
    let Some(path) = args.path.clone() else {
        anyhow::bail!("say the directory to write the bundle into, or --format and --out");
    };
    let args = BundleArgs {
        case: args.case,
        path,
        force: args.force,
    };
    let actions = setup::actions(config, Create::MustExist).await?;
    let case = actions
        .store()
        .load_case(&args.case)
        .await?
        .with_context(|| format!("no case {:?} in {}", args.case, config.db))?;
    let files = accord_core::bundle::write(&case)?;
    let blobs: Vec<ExportBlob> = case
        .evidence
        .iter()
        .map(|e| ExportBlob {
            path: format!("{EVIDENCE_DIR}/{}", e.file),
            sha256: e.sha256.clone(),
            size: e.size,
        })
        .collect();
    bundle_dir::write(
        &args.path,
        &files,
        &blobs,
        actions.blobs().as_ref(),
        args.force,
    )
    .await?;
    let note = format!("exported in a bundle to {}", args.path.display());
    for e in &case.evidence {
        actions
            .add_custody(
                &case.id,
                &e.id,
                CustodyAction::Exported,
                Some(note.clone()),
                ACTOR,
            )
            .await
            .with_context(|| {
                format!(
                    "the bundle was written, but the export of evidence {} was not recorded in its \
                     chain of custody",
                    e.id
                )
            })?;
    }
    if !case.evidence.is_empty() {
        crate::evidence::checkpoint(&actions).await?;
    }
    println!(
        "exported case {} to {} ({} files, {} of them evidence)",
        case.id,
        args.path.display(),
        files.len() + blobs.len(),
        blobs.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// A bundle export's arguments, once checked.
struct BundleArgs {
    case: String,
    path: PathBuf,
    force: bool,
}
