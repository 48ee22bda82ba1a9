//! `accord keys init|recover|rotate|status|encrypt-existing`: the keys that encrypt evidence at
//! rest (accord-vault), kept so that a lost key file is not lost evidence.
//!
//! The database holds the public half of everything (the instance and recovery recipients, the
//! data keys wrapped to both); the instance key is a file, the recovery key is shown once. A key
//! change writes the new key file beside the old one (`<key file>.next`), stores the data keys
//! wrapped to it in one transaction, and only then moves the file into place: a crash leaves
//! either the old key working, or the new key beside it, which the next command that opens the
//! keys moves into place itself. Nothing is changed by a refused command.

use std::path::Path;
use std::process::ExitCode;

use accord_store::{BlobStore, Create, NewVaultKeys, Rewrap, RewrapReason, Store, VaultKeys};
use accord_vault::{
    ExposeSecret, InstanceKey, KeyRecord, RecoveryKey, SecretString, Vault, VaultError,
};
use clap::Subcommand;
use serde::Serialize;

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::key_file::{instance_key, next_path, record_of, sync_dir};
use crate::setup::{self, ACTOR};
use crate::words::Words;
use accord_server::i18n::FluentValue;

#[derive(Debug, Subcommand)]
pub(crate) enum KeysCommand {
    /// Create the instance key (a file) and a recovery key, shown once whole or split into
    /// shares, then encrypt the evidence already stored
    Init {
        /// Split the recovery key into N shares (2 to 255) instead of showing it whole
        #[arg(long, value_name = "N", requires = "threshold")]
        shares: Option<u8>,
        /// How many of the shares rebuild the recovery key (2 to N)
        #[arg(long, value_name = "M", requires = "shares")]
        threshold: Option<u8>,
        /// Print JSON: {"key_file", "recovery_shares", "threshold", "encrypted_existing"}
        #[arg(long)]
        json: bool,
    },
    /// Rebuild a lost instance key from recovery shares (or the whole recovery key); nothing
    /// is changed unless they rebuild this instance's recovery key
    Recover {
        /// A recovery share, or the whole recovery key (repeat for each share). Arguments are
        /// visible to other users of the machine while the command runs: --shares-stdin is not
        #[arg(
            long = "share",
            value_name = "SHARE",
            required_unless_present = "shares_stdin"
        )]
        shares: Vec<String>,
        /// Read the shares from standard input, one a line
        #[arg(long)]
        shares_stdin: bool,
        /// Print JSON: {"key_file", "shares_used"}
        #[arg(long)]
        json: bool,
    },
    /// Replace the instance key: the data keys are wrapped to a new key, the old one no longer
    /// opens them, and no evidence file is rewritten
    Rotate {
        /// Print JSON: {"key_file"}
        #[arg(long)]
        json: bool,
    },
    /// Whether the instance has keys, whether the key file opens them, how much evidence is
    /// encrypted
    Status {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Encrypt the evidence files stored before the keys were made (`init` does it; this
    /// finishes an interrupted one)
    EncryptExisting {
        /// Print JSON: {"files", "bytes", "failed"}
        #[arg(long)]
        json: bool,
    },
}

/// How the recovery key is handed out, checked before anything is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    Whole,
    Shares { shares: u8, threshold: u8 },
}

fn split_of(shares: Option<u8>, threshold: Option<u8>) -> anyhow::Result<Split> {
    match (shares, threshold) {
        (None, None) => Ok(Split::Whole),
        (Some(shares), Some(threshold)) => {
            if threshold < 2 {
                return Err(Said::new("cli-err-threshold-low", &[])
                    .digits("threshold", threshold)
                    .into());
            }
            if threshold > shares {
                return Err(Said::new("cli-err-threshold-high", &[])
                    .digits("threshold", threshold)
                    .count("shares", shares)
                    .into());
            }
            Ok(Split::Shares { shares, threshold })
        }
        (Some(_), None) => Err(Said::new("cli-err-shares-need-threshold", &[]).into()),
        (None, Some(_)) => Err(Said::new("cli-err-threshold-needs-shares", &[]).into()),
    }
}

pub(crate) async fn run(config: &Config, cmd: KeysCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        KeysCommand::Init {
            shares,
            threshold,
            json,
        } => init(config, split_of(shares, threshold)?, json).await,
        KeysCommand::Recover {
            mut shares,
            shares_stdin,
            json,
        } => {
            if shares_stdin {
                shares.extend(
                    std::io::read_to_string(std::io::stdin())
                        .said(|| Said::new("cli-err-read-shares", &[]))?
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned),
                );
            }
            recover(config, &shares, json).await
        }
        KeysCommand::Rotate { json } => rotate(config, json).await,
        KeysCommand::Status { json } => status(config, json).await,
        KeysCommand::EncryptExisting { json } => encrypt_existing(config, json).await,
    }
}

/// Store the data keys wrapped to `new_key` and make it the key file, in the order that survives
/// a crash at any point (see the module documentation).
async fn install(
    store: &dyn Store,
    key_file: &Path,
    new_key: &InstanceKey,
    rewrap: &Rewrap,
) -> anyhow::Result<()> {
    let next = next_path(key_file);
    // A leftover of a key change whose database write never happened: no database names it.
    match std::fs::remove_file(&next) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            return Err(e)
                .said(|| Said::new("cli-err-cannot-remove", &[("path", &next.display())]));
        }
    }
    new_key
        .write_new(&next)
        .said(|| Said::new("cli-err-write-new-key", &[("path", &next.display())]))?;
    if let Err(e) = store.rewrap_vault_keys(rewrap, ACTOR).await {
        let _ = std::fs::remove_file(&next);
        return Err(e).said(nothing_changed);
    }
    std::fs::rename(&next, key_file).said(|| {
        Said::new(
            "cli-err-move-new-key",
            &[("from", &next.display()), ("to", &key_file.display())],
        )
    })?;
    sync_dir(key_file);
    Ok(())
}

/// `nothing was changed`, above the store's refusal.
fn nothing_changed() -> Said {
    Said::new("cli-err-nothing-changed", &[])
}

#[derive(Debug, Serialize)]
struct Sealed {
    /// Rows of restricted records (and their versions) whose text was stored in the clear.
    records: u64,
    files: u64,
    bytes: u64,
    /// SHA-256 and reason of each file that could not be encrypted (left as it was).
    failed: Vec<(String, String)>,
}

/// Seal the text of restricted records stored in the clear (in one transaction), then encrypt
/// every evidence file stored in the clear; a file that fails is reported and left.
async fn seal_existing(store: &dyn Store, blobs: &dyn BlobStore) -> anyhow::Result<Sealed> {
    let records = store
        .seal_restricted(ACTOR)
        .await
        .said(|| Said::new("cli-err-sealing", &[]))?;
    let mut sealed = Sealed {
        records,
        files: 0,
        bytes: 0,
        failed: Vec::new(),
    };
    for sha in blobs.plaintext_blobs().await? {
        match blobs.seal_plaintext(&sha).await {
            Ok(bytes) => {
                sealed.files += 1;
                sealed.bytes += bytes;
            }
            Err(e) => sealed.failed.push((sha, e.to_string())),
        }
    }
    Ok(sealed)
}

fn same_disk(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let dev = |p: &Path| {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
        std::fs::metadata(dir.unwrap_or(Path::new("."))).map(|m| m.dev())
    };
    matches!((dev(a), dev(b)), (Ok(x), Ok(y)) if x == y)
}

#[derive(Debug, Serialize)]
struct InitJson<'a> {
    key_file: String,
    recovery_shares: Vec<&'a str>,
    threshold: u8,
    encrypted_existing: &'a Sealed,
}

async fn init(config: &Config, split: Split, json: bool) -> anyhow::Result<ExitCode> {
    setup::check_evidence_store(config).await?;
    let key_file = config.path_setting(&config.evidence.key_file, "key_file")?;
    let store = accord_store::open(&config.db, Create::IfMissing).await?;
    if let Some(keys) = store.vault_keys().await? {
        return Err(Said::new(
            "cli-err-keys-exist",
            &[("db", &config.db), ("made", &keys.created_at)],
        )
        .into());
    }
    if key_file.exists() {
        return Err(Said::new(
            "cli-err-key-file-in-the-way",
            &[("path", &key_file.display())],
        )
        .into());
    }
    let new = accord_vault::create()?;
    let (shares, threshold, made): (Vec<SecretString>, u8, u8) = match split {
        Split::Whole => (vec![new.recovery.secret_text()], 1, 1),
        Split::Shares { shares, threshold } => {
            (new.recovery.split(shares, threshold)?, threshold, shares)
        }
    };
    new.instance.write_new(key_file).said(|| {
        Said::new(
            "cli-err-setting-cannot-create",
            &[("setting", &"key_file"), ("path", &key_file.display())],
        )
    })?;
    let stored = NewVaultKeys {
        instance_recipient: new.record.instance_recipient.clone(),
        recovery_recipient: new.record.recovery_recipient.clone(),
        recovery_threshold: threshold,
        recovery_shares: made,
        data_keys: new
            .record
            .data_keys
            .iter()
            .map(|k| (k.id, k.wrapped.clone()))
            .collect(),
    };
    if let Err(e) = store.init_vault_keys(&stored, ACTOR).await {
        let _ = std::fs::remove_file(key_file);
        return Err(e).said(nothing_changed);
    }
    // From here the keys exist: whatever happens next, the recovery key is printed.
    let vault = std::sync::Arc::new(Vault::open(&new.record, &new.instance)?);
    let sealed = match store
        .use_keys(vault.clone())
        .map_err(anyhow::Error::from)
        .and_then(|()| setup::blob_store(config, Some(vault)))
    {
        Ok(blobs) => seal_existing(store.as_ref(), blobs.as_ref()).await,
        Err(e) => Err(e),
    }
    .unwrap_or_else(|e| Sealed {
        records: 0,
        files: 0,
        bytes: 0,
        failed: vec![(String::new(), format!("{e:#}"))],
    });
    let texts: Vec<&str> = shares.iter().map(ExposeSecret::expose_secret).collect();
    let words = Words::new(config.language)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&InitJson {
                key_file: key_file.display().to_string(),
                recovery_shares: texts,
                threshold,
                encrypted_existing: &sealed,
            })?
        );
    } else {
        println!(
            "{}\n",
            words.msg(
                "cli-keys-made",
                &[
                    ("db", config.db.as_str().into()),
                    ("file", key_file.display().to_string().into()),
                ],
            )
        );
        match split {
            Split::Whole => {
                println!("{}\n", words.t("cli-keys-recovery-key"));
                println!("  {}\n", texts.join(""));
            }
            Split::Shares { shares, threshold } => {
                println!(
                    "{}\n",
                    words.msg(
                        "cli-keys-recovery-shares",
                        &[
                            ("threshold", words.n(threshold)),
                            ("shares", words.n(shares)),
                        ],
                    )
                );
                for (i, s) in texts.iter().enumerate() {
                    println!("  {:>3}  {s}", i + 1);
                }
                println!();
            }
        }
        if sealed.records > 0 {
            println!(
                "{}",
                words.msg(
                    "cli-keys-sealed-before",
                    &[("records", words.n(sealed.records))]
                )
            );
        }
        if sealed.files > 0 {
            println!(
                "{}",
                words.msg(
                    "cli-keys-encrypted-before",
                    &[
                        ("files", words.n(sealed.files)),
                        ("bytes", words.n(sealed.bytes)),
                    ],
                )
            );
        }
    }
    if same_disk(key_file, Path::new(&config.db)) {
        eprintln!(
            "{}",
            words.msg(
                "cli-keys-same-disk",
                &[("file", key_file.display().to_string().into())]
            )
        );
    }
    if sealed.failed.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        for (sha, why) in &sealed.failed {
            eprintln!(
                "{}",
                words.msg(
                    "cli-keys-not-encrypted",
                    &[
                        ("sha256", sha.as_str().into()),
                        ("why", why.as_str().into())
                    ],
                )
            );
        }
        eprintln!("{}", words.t("cli-keys-made-partly"));
        Ok(ExitCode::FAILURE)
    }
}

/// The store and its key record; refuses a database without keys.
async fn with_keys(config: &Config) -> anyhow::Result<(std::sync::Arc<dyn Store>, VaultKeys)> {
    let store = accord_store::open(&config.db, Create::MustExist).await?;
    let Some(keys) = store.vault_keys().await? else {
        return Err(Said::new("cli-err-no-keys", &[("db", &config.db)]).into());
    };
    Ok((store, keys))
}

#[derive(Debug, Serialize)]
struct RecoverJson {
    key_file: String,
    shares_used: usize,
}

async fn recover(config: &Config, shares: &[String], json: bool) -> anyhow::Result<ExitCode> {
    let key_file = config.path_setting(&config.evidence.key_file, "key_file")?;
    let (used, threshold) = recover_quietly(config, shares).await?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&RecoverJson {
                key_file: key_file.display().to_string(),
                shares_used: used,
            })?
        );
    } else {
        let id = if threshold > 1 {
            "cli-keys-recovered-shares"
        } else {
            "cli-keys-recovered-key"
        };
        println!(
            "{}",
            Words::new(config.language)?
                .msg(id, &[("file", key_file.display().to_string().into())])
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Make a new instance key file from the recovery shares (or key) and wrap the data keys to it;
/// returns how many shares were used and the threshold. Refuses when the key file exists.
pub(crate) async fn recover_quietly(
    config: &Config,
    shares: &[String],
) -> anyhow::Result<(usize, u8)> {
    let key_file = config.path_setting(&config.evidence.key_file, "key_file")?;
    let (store, stored) = with_keys(config).await?;
    let record = record_of(&stored);
    match InstanceKey::read(key_file) {
        Err(VaultError::KeyFileMissing { .. }) => {}
        Ok(key) if key.recipient() == record.instance_recipient => {
            return Err(Said::new(
                "cli-err-nothing-to-recover",
                &[("path", &key_file.display())],
            )
            .into());
        }
        Ok(_) | Err(VaultError::NotAKeyFile { .. }) => {
            return Err(Said::new(
                "cli-err-key-file-not-this",
                &[("path", &key_file.display())],
            )
            .into());
        }
        Err(e) => {
            return Err(e).said(|| Said::new("cli-err-setting", &[("setting", &"key_file")]));
        }
    }
    let texts: Vec<&str> = shares.iter().map(String::as_str).collect();
    if texts.is_empty() {
        return Err(Said::new("cli-err-no-share", &[])
            .count("needed", stored.recovery_threshold.max(1))
            .into());
    }
    let recovery = RecoveryKey::rebuild(&texts, &record.recovery_recipient)?;
    let vault = Vault::open_for_recovery(&record, &recovery)?;
    let new_key = InstanceKey::generate();
    let rewrapped = vault.rewrap(&record, &new_key)?;
    install(
        store.as_ref(),
        key_file,
        &new_key,
        &rewrap_of(&record, &rewrapped, RewrapReason::Recover),
    )
    .await?;
    Ok((texts.len(), stored.recovery_threshold))
}

fn rewrap_of(old: &KeyRecord, new: &KeyRecord, reason: RewrapReason) -> Rewrap {
    Rewrap {
        from_instance_recipient: old.instance_recipient.clone(),
        instance_recipient: new.instance_recipient.clone(),
        data_keys: new
            .data_keys
            .iter()
            .map(|k| (k.id, k.wrapped.clone()))
            .collect(),
        reason,
    }
}

#[derive(Debug, Serialize)]
struct RotateJson {
    key_file: String,
}

async fn rotate(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    let key_file = config.path_setting(&config.evidence.key_file, "key_file")?;
    let (store, stored) = with_keys(config).await?;
    let record = record_of(&stored);
    let current = instance_key(key_file, &record)?;
    let vault = Vault::open(&record, &current)?;
    let new_key = InstanceKey::generate();
    let rewrapped = vault.rewrap(&record, &new_key)?;
    install(
        store.as_ref(),
        key_file,
        &new_key,
        &rewrap_of(&record, &rewrapped, RewrapReason::Rotate),
    )
    .await?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&RotateJson {
                key_file: key_file.display().to_string(),
            })?
        );
    } else {
        println!(
            "{}",
            Words::new(config.language)?.msg(
                "cli-keys-rotated",
                &[("file", key_file.display().to_string().into())]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Serialize)]
struct StatusJson {
    keys: bool,
    key_file: String,
    /// `opens`, `missing`, `wrong` (another key) or `unreadable`; null without keys.
    key_file_state: Option<&'static str>,
    created_at: Option<String>,
    rewrapped_at: Option<String>,
    recovery_threshold: Option<u8>,
    recovery_shares: Option<u8>,
    data_keys: usize,
    evidence_encrypted: usize,
    evidence_unencrypted: usize,
}

async fn status(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    let key_file = config.path_setting(&config.evidence.key_file, "key_file")?;
    let store = accord_store::open(&config.db, Create::MustExist).await?;
    let stored = store.vault_keys().await?;
    let state = stored.as_ref().map(|s| match InstanceKey::read(key_file) {
        Ok(k) if k.recipient() == s.instance_recipient => "opens",
        Ok(_) => "wrong",
        Err(VaultError::KeyFileMissing { .. }) => "missing",
        Err(_) => "unreadable",
    });
    // Counting files needs no key: the directory says which are sealed.
    let blobs = setup::blob_store(config, None)?;
    let all = blobs.list().await?.len();
    let unencrypted = blobs.plaintext_blobs().await?.len();
    let out = StatusJson {
        keys: stored.is_some(),
        key_file: key_file.display().to_string(),
        key_file_state: state,
        created_at: stored.as_ref().map(|s| s.created_at.clone()),
        rewrapped_at: stored.as_ref().and_then(|s| s.rewrapped_at.clone()),
        recovery_threshold: stored.as_ref().map(|s| s.recovery_threshold),
        recovery_shares: stored.as_ref().map(|s| s.recovery_shares),
        data_keys: stored.as_ref().map_or(0, |s| s.data_keys.len()),
        evidence_encrypted: all - unencrypted,
        evidence_unencrypted: unencrypted,
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    let words = Words::new(config.language)?;
    let db = ("db", FluentValue::from(config.db.as_str()));
    match &stored {
        None => println!("{}", words.msg("cli-keys-none", &[db])),
        Some(s) => {
            let made = words.msg(
                "cli-keys-status-made",
                &[db.clone(), ("at", s.created_at.as_str().into())],
            );
            let replaced = s.rewrapped_at.as_ref().map_or_else(String::new, |at| {
                words.msg("cli-keys-status-replaced", &[("at", at.as_str().into())])
            });
            println!("{made}{replaced}");
            let file_state = match state {
                Some("opens") => "cli-keys-file-opens",
                Some("wrong") => "cli-keys-file-wrong",
                Some("missing") => "cli-keys-file-missing",
                _ => "cli-keys-file-unreadable",
            };
            println!(
                "{}",
                words.msg(
                    file_state,
                    &[("file", key_file.display().to_string().into())]
                )
            );
            if s.recovery_threshold > 1 {
                println!(
                    "{}",
                    words.msg(
                        "cli-keys-status-shares",
                        &[
                            ("threshold", words.n(s.recovery_threshold)),
                            ("shares", words.n(s.recovery_shares)),
                        ],
                    )
                );
            } else {
                println!("{}", words.t("cli-keys-status-key"));
            }
            println!(
                "{}",
                words.msg(
                    "cli-keys-status-data-keys",
                    &[("n", words.n(s.data_keys.len()))]
                )
            );
        }
    }
    println!(
        "{}",
        words.msg(
            "cli-keys-status-evidence",
            &[
                ("encrypted", words.n(out.evidence_encrypted)),
                ("unencrypted", words.n(out.evidence_unencrypted)),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

async fn encrypt_existing(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    let (store, _) = with_keys(config).await?;
    let vault = setup::vault(config, store.as_ref())
        .await?
        .said(|| Said::new("cli-err-database-no-keys", &[]))?;
    let blobs = setup::blob_store(config, Some(vault))?;
    let sealed = seal_existing(store.as_ref(), blobs.as_ref()).await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&sealed)?);
    } else {
        let words = Words::new(config.language)?;
        println!(
            "{}",
            words.msg(
                "cli-keys-sealed",
                &[
                    ("records", words.n(sealed.records)),
                    ("files", words.n(sealed.files)),
                    ("bytes", words.n(sealed.bytes)),
                    ("left", words.n(sealed.failed.len())),
                ],
            )
        );
        for (sha, why) in &sealed.failed {
            eprintln!(
                "{}",
                words.msg(
                    "cli-keys-not-encrypted",
                    &[
                        ("sha256", sha.as_str().into()),
                        ("why", why.as_str().into())
                    ],
                )
            );
        }
    }
    Ok(if sealed.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_is_checked_before_anything_is_made() {
        assert_eq!(split_of(None, None).unwrap(), Split::Whole);
        assert_eq!(
            split_of(Some(5), Some(3)).unwrap(),
            Split::Shares {
                shares: 5,
                threshold: 3
            }
        );
        for (n, m, message) in [
            (
                Some(5),
                Some(1),
                "--threshold 1: at least 2 shares must be needed",
            ),
            (
                Some(3),
                Some(4),
                "--threshold 4 is more than the 3 shares made",
            ),
            (Some(5), None, "--shares needs --threshold"),
            (None, Some(2), "--threshold needs --shares"),
        ] {
            let err = split_of(n, m).unwrap_err().to_string();
            assert!(err.starts_with(message), "{n:?}/{m:?}: {err}");
        }
    }
}
