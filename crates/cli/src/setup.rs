//! Opening what the writing commands work on: the store, the blob directory and the action layer
//! every write goes through, the same way for every command, with errors that name the setting.

use std::path::Path;
use std::sync::Arc;

use accord_actions::{Actions, LogKeyConfig};
use accord_store::{BlobStore, Create, FsBlobStore, Store};
use anyhow::{Context, bail};

use crate::config::Config;

/// Who the command line acts as in the log and in custody records.
pub(crate) const ACTOR: &str = "cli";

/// Open the blob directory the configuration names. A directory someone named must exist (a typo
/// must not scatter evidence in a new directory); the default one, next to the database, is
/// created. Either must be writable: that is checked here, at start, not at the first upload.
pub(crate) fn blob_store(config: &Config) -> anyhow::Result<Arc<FsBlobStore>> {
    check_evidence_dir(config)?;
    let dir = &config.evidence.evidence_dir;
    let blobs = FsBlobStore::open(dir)
        .with_context(|| format!("evidence_dir: cannot use {}", dir.display()))?;
    check_writable(&dir.join("tmp"))
        .with_context(|| format!("evidence_dir: {} is not writable", dir.display()))?;
    Ok(Arc::new(blobs))
}

/// Refuse a named evidence directory that does not exist, without touching anything (so that a
/// wrong setting is reported before a database is created).
pub(crate) fn check_evidence_dir(config: &Config) -> anyhow::Result<()> {
    let dir = &config.evidence.evidence_dir;
    if let Some(origin) = config.evidence.evidence_dir_set
        && !dir.is_dir()
    {
        bail!(
            "evidence_dir: {} is not a directory (set by {origin}); create it or point the setting \
             at the directory that holds the evidence files",
            dir.display()
        );
    }
    Ok(())
}

/// Open the store (creating it only if `create` allows) and the action layer over it and the
/// blob directory. The command line keeps no search index: `serve` rebuilds it when it finds it
/// out of step.
pub(crate) async fn actions(config: &Config, create: Create) -> anyhow::Result<Actions> {
    check_evidence_dir(config)?;
    let store: Arc<dyn Store> = accord_store::open(&config.db, create).await?;
    let blobs: Arc<dyn BlobStore> = blob_store(config)?;
    Ok(with_store(config, store, blobs, None))
}

/// The action layer over a store and blob directory already open.
pub(crate) fn with_store(
    config: &Config,
    store: Arc<dyn Store>,
    blobs: Arc<dyn BlobStore>,
    search: Option<Arc<accord_search::SearchIndex>>,
) -> Actions {
    Actions::new(
        store,
        blobs,
        search,
        LogKeyConfig {
            path: config.evidence.log_key.clone(),
            name_if_new: config.evidence.log_name.clone(),
        },
    )
}

/// Create and remove a file in `dir`: the only sure test that it can be written.
fn check_writable(dir: &Path) -> std::io::Result<()> {
    let probe = dir.join(format!(".write-check-{}", std::process::id()));
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)?;
    std::fs::remove_file(&probe)
}
