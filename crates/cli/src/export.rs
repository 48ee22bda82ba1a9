//! `accord export CASE DIR`: write a stored case as a canonical bundle.

use std::path::PathBuf;
use std::process::ExitCode;

use accord_store::Create;
use anyhow::Context;
use clap::Args;

use crate::bundle_dir;
use crate::config::Config;

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The case id (see `accord case list`)
    case: String,
    /// The directory to write; it must not exist or be empty
    path: PathBuf,
    /// Write into a directory that already has files
    #[arg(long)]
    force: bool,
}

pub(crate) async fn run(config: &Config, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = accord_store::open(&config.db, Create::MustExist).await?;
    let case = store
        .load_case(&args.case)
        .await?
        .with_context(|| format!("no case {:?} in {}", args.case, config.db))?;
    let files = accord_core::bundle::write(&case)?;
    bundle_dir::write(&args.path, &files, args.force)?;
    println!(
        "exported case {} to {} ({} files)",
        case.id,
        args.path.display(),
        files.len()
    );
    Ok(ExitCode::SUCCESS)
}
