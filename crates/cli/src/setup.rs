//! Opening what the writing commands work on: the store, the instance's keys, the blob directory
//! and the action layer every write goes through, the same way for every command, with errors that
//! name the setting.

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::failure::{Said, SayContext};
use accord_actions::{Actions, LogKeyConfig};
use accord_store::{BlobStore, Create, FsBlobStore, S3BlobStore, Store};
use accord_vault::Vault;

/// Who the command line acts as in the log and in custody records.
pub(crate) const ACTOR: &str = "cli";

/// Open the blob store the configuration names — the S3 bucket of `evidence_store`, else the
/// directory of `evidence_dir` — sealing new files when the instance's keys are open. A directory
/// someone named must exist (a typo must not scatter evidence in a new directory); the default
/// one, next to the database, is created. Either must be writable: that is checked here, at
/// start, not at the first upload (for a bucket, by [`check_evidence_store`], which the commands
/// call before they open the database).
pub(crate) fn blob_store(
    config: &Config,
    vault: Option<Arc<Vault>>,
) -> anyhow::Result<Arc<dyn BlobStore>> {
    if let Some((url, origin)) = &config.evidence.evidence_store {
        let mut blobs = S3BlobStore::connect_from_env(url).said(|| store_set_by(*origin))?;
        if let Some(vault) = vault {
            blobs = blobs.with_vault(vault);
        }
        return Ok(Arc::new(blobs));
    }
    check_evidence_dir(config)?;
    let dir = config.path_setting(
        &config.evidence.evidence_dir,
        "evidence_dir / evidence_store",
    )?;
    let mut blobs = FsBlobStore::open(dir).said(|| {
        Said::new(
            "cli-err-cannot-use",
            &[("setting", &"evidence_dir"), ("path", &dir.display())],
        )
    })?;
    check_writable(&dir.join("tmp")).said(|| {
        Said::new(
            "cli-err-evidence-dir-not-writable",
            &[("path", &dir.display())],
        )
    })?;
    if let Some(vault) = vault {
        blobs = blobs.with_vault(vault);
    }
    Ok(Arc::new(blobs))
}

/// Open the instance's data keys with the key file, if the instance has keys (`None`: it has
/// none, and evidence and restricted records are stored in the clear), and give them to the
/// store. A missing or wrong key file is refused here, at
/// start, saying how to get the key back.
pub(crate) async fn vault(
    config: &Config,
    store: &dyn Store,
) -> anyhow::Result<Option<Arc<Vault>>> {
    let Some(stored) = store.vault_keys().await? else {
        return Ok(None);
    };
    let record = crate::key_file::record_of(&stored);
    let key_file = config.path_setting(&config.evidence.key_file, "key_file")?;
    let key = crate::key_file::instance_key(key_file, &record)?;
    let vault = Arc::new(Vault::open(&record, &key).said(|| {
        Said::new(
            "cli-err-key-file-does-not-open",
            &[("path", &config.evidence.key_file.display())],
        )
    })?);
    // The store seals restricted records with them, and opens what it sealed.
    store.use_keys(vault.clone())?;
    Ok(Some(vault))
}

/// Open the store for a command that reads: with the instance's keys when the key file is at
/// hand (restricted records' text opens), without them when it is not (everything else reads;
/// a sealed record then fails with an error that says its text is sealed). A key file that is
/// there but wrong is refused.
pub(crate) async fn reading_store(config: &Config) -> anyhow::Result<Arc<dyn Store>> {
    let store: Arc<dyn Store> = accord_store::open(&config.db, Create::MustExist).await?;
    if store.vault_keys().await?.is_some() && config.evidence.key_file.exists() {
        vault(config, store.as_ref()).await?;
    }
    Ok(store)
}

/// Check where evidence goes before anything is written: a named directory must exist
/// ([`check_evidence_dir`]); a bucket must answer and take a write (a marker object written and
/// deleted), with credentials from the environment. A wrong URL, missing credentials, an
/// unreachable endpoint, a missing bucket or one that refuses writes stops the command here,
/// naming `evidence_store` and the problem, before a database is opened or created.
pub(crate) async fn check_evidence_store(config: &Config) -> anyhow::Result<()> {
    let Some((url, origin)) = &config.evidence.evidence_store else {
        return check_evidence_dir(config);
    };
    S3BlobStore::connect_from_env(url)
        .said(|| store_set_by(*origin))?
        .check_writable()
        .await
        .said(|| store_set_by(*origin))?;
    Ok(())
}

/// `evidence_store (set by ORIGIN)`, above what the bucket or the URL refused.
fn store_set_by(origin: crate::config::Origin) -> Said {
    Said::new("cli-err-evidence-store-set-by", &[]).with("origin", origin.said())
}

/// Refuse a named evidence directory that does not exist, without touching anything (so that a
/// wrong setting is reported before a database is created). An S3 evidence store has no
/// directory.
pub(crate) fn check_evidence_dir(config: &Config) -> anyhow::Result<()> {
    if config.evidence.evidence_store.is_some() {
        return Ok(());
    }
    let dir = &config.evidence.evidence_dir;
    if let Some(origin) = config.evidence.evidence_dir_set
        && !dir.is_dir()
    {
        return Err(
            Said::new("cli-err-evidence-dir-missing", &[("path", &dir.display())])
                .with("origin", origin.said())
                .into(),
        );
    }
    Ok(())
}

/// Open the store (creating it only if `create` allows) and the action layer over it and the
/// blob directory. The command line keeps no search index: `serve` rebuilds it when it finds it
/// out of step.
pub(crate) async fn actions(config: &Config, create: Create) -> anyhow::Result<Actions> {
    Ok(actions_and_keys(config, create).await?.0)
}

/// [`actions`], and the instance's opened data keys (for commands that seal files of their own,
/// as a backup does).
pub(crate) async fn actions_and_keys(
    config: &Config,
    create: Create,
) -> anyhow::Result<(Actions, Option<Arc<Vault>>)> {
    check_evidence_store(config).await?;
    let store: Arc<dyn Store> = accord_store::open(&config.db, create).await?;
    let vault = vault(config, store.as_ref()).await?;
    let blobs = blob_store(config, vault.clone())?;
    Ok((with_store(config, store, blobs, None)?, vault))
}

/// The action layer over a store and blob directory already open.
pub(crate) fn with_store(
    config: &Config,
    store: Arc<dyn Store>,
    blobs: Arc<dyn BlobStore>,
    search: Option<Arc<accord_search::SearchIndex>>,
) -> anyhow::Result<Actions> {
    let log_key = config.path_setting(&config.evidence.log_key, "log_key")?;
    Ok(Actions::new(
        store,
        blobs,
        search,
        LogKeyConfig {
            path: log_key.to_path_buf(),
            name_if_new: config.evidence.log_name.clone(),
        },
    ))
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
