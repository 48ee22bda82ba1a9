//! Backup and restore of the whole instance: every case with its history, the log and its
//! checkpoints, accounts, memberships, publication flags, sign-on invitations and links, the
//! evidence files and the log's signing key — unlike `export`, which writes one case's bundle.
//!
//! A backup is a directory:
//!
//! ```text
//! accord.db        a consistent snapshot of the database (SQLite's VACUUM INTO), taken while
//!                  the server runs and writes
//! evidence/        every evidence file the snapshot names, as sha256/ab/<hash>
//! log-key          the log's signing key, when the instance has one
//! manifest.json    what is in it, with the SHA-256 and size of every file; written last, so a
//!                  directory without it is an unfinished backup
//! ```
//!
//! When the instance has keys, every one of those files is sealed with the instance's current
//! data key (the evidence stream format of accord-vault: AES-256-GCM STREAM, a key per file), and
//! the manifest carries the key record — the public recipients and the data keys wrapped to the
//! instance and recovery keys, never a secret — so the backup opens with the instance key file or
//! with the recovery shares, and with nothing else. The database snapshot is taken into a scratch
//! file beside the live database and sealed from there: no plaintext copy reaches the backup's
//! disk. Without keys a backup is in the clear, and says so.
//!
//! Evidence files are read through the blob store (their hash is checked as they are copied) and
//! written back through it on restore, so a backup does not depend on how a blob store lays out
//! its files. Restore checks every hash before it writes anything, refuses to overwrite a
//! database unless forced, and ends by verifying the restored instance (`accord verify`).

use std::path::{Path, PathBuf};

use accord_vault::{KeyRecord, Vault, WrappedKey};
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{ActionError, Actions};

/// What a backup directory says it holds. Version 2 added sealed backups; version 1 (always in
/// the clear) is still restored.
pub const FORMAT: &str = "accord-backup/2";
const FORMAT_1: &str = "accord-backup/1";
const MANIFEST: &str = "manifest.json";
const DATABASE: &str = "accord.db";
const EVIDENCE: &str = "evidence";
const LOG_KEY: &str = "log-key";

/// A backup's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// When the snapshot was taken (UTC).
    pub created_at: String,
    pub database: FileEntry,
    pub evidence: Vec<FileEntry>,
    /// The log's signing key, when the instance had one.
    pub log_key: Option<FileEntry>,
    /// The keys the files are sealed with, when the instance had keys (absent: in the clear).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<SealedWith>,
}

/// The instance's key record, as a sealed backup carries it: enough to open the backup with the
/// instance key or the recovery key, useless without one of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedWith {
    pub instance_recipient: String,
    pub recovery_recipient: String,
    /// How many recovery shares rebuild the recovery key.
    pub recovery_threshold: u8,
    pub data_keys: Vec<SealedKey>,
}

/// A wrapped data key (an age file to both recipients, in base64).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedKey {
    pub id: u32,
    pub wrapped: String,
}

impl SealedWith {
    /// The key record the vault opens.
    pub fn record(&self) -> Result<KeyRecord, ActionError> {
        let data_keys = self
            .data_keys
            .iter()
            .map(|k| {
                base64::engine::general_purpose::STANDARD
                    .decode(&k.wrapped)
                    .map(|wrapped| WrappedKey { id: k.id, wrapped })
                    .map_err(|e| invalid(MANIFEST, format!("sealed.data_keys[{}]: {e}", k.id)))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(KeyRecord {
            instance_recipient: self.instance_recipient.clone(),
            recovery_recipient: self.recovery_recipient.clone(),
            data_keys,
        })
    }
}

/// One file of a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative to the backup directory, with `/`.
    pub path: String,
    /// Of the file as it is in the backup (sealed, when the backup is).
    pub sha256: String,
    pub size: u64,
    /// Of its content once opened, for a sealed file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain_sha256: Option<String>,
}

/// What `accord backup` wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    pub out: String,
    pub database_bytes: u64,
    pub evidence_files: u64,
    pub evidence_bytes: u64,
    pub log_key: bool,
    /// Whether the files are sealed with the instance's data key.
    pub sealed: bool,
}

/// What `accord restore` put back, and the verification of the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoreReport {
    pub db: String,
    pub evidence_files: u64,
    pub log_key: bool,
    /// Whether `accord verify` passed on the restored instance.
    pub verified: bool,
    pub problems: Vec<crate::VerifyProblem>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ActionError + '_ {
    move |source| ActionError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn invalid(field: &str, message: impl Into<String>) -> ActionError {
    ActionError::Invalid {
        field: field.to_owned(),
        message: message.into(),
    }
}

/// A directory readable by its owner only.
fn private_dir(dir: &Path) -> Result<(), ActionError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(io(dir))?;
    }
    Ok(())
}

/// A new file readable by its owner only.
async fn private_file(path: &Path) -> Result<tokio::fs::File, ActionError> {
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(0o600);
    options.open(path).await.map_err(io(path))
}

/// Copy `from` to `to` (a new private file), returning its SHA-256 and size.
async fn copy_hashed(
    from: &mut (dyn tokio::io::AsyncRead + Unpin + Send),
    to: &Path,
) -> Result<(String, u64), ActionError> {
    let mut out = private_file(to).await?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = from.read(&mut buf).await.map_err(io(to))?;
        if n == 0 {
            break;
        }
        let chunk = buf.get(..n).unwrap_or_default();
        hasher.update(chunk);
        out.write_all(chunk).await.map_err(io(to))?;
        size = size.saturating_add(n as u64);
    }
    out.sync_all().await.map_err(io(to))?;
    Ok((hex::encode(hasher.finalize()), size))
}

/// What a copy wrote: the file as stored, and its content.
struct Copied {
    sha256: String,
    size: u64,
    plain_sha256: String,
}

fn vault_error(path: &Path) -> impl FnOnce(accord_vault::VaultError) -> ActionError + '_ {
    move |e| invalid("backup", format!("{}: {e}", path.display()))
}

/// Copy `from` to `to` (a new private file), sealed with the vault's current data key.
async fn copy_sealed(
    vault: &Vault,
    from: &mut (dyn tokio::io::AsyncRead + Unpin + Send),
    to: &Path,
) -> Result<Copied, ActionError> {
    let mut out = private_file(to).await?;
    let mut sealer = vault.blob_sealer().map_err(vault_error(to))?;
    let (mut stored, mut plain) = (Sha256::new(), Sha256::new());
    let mut size = 0u64;
    let mut sealed = sealer.header().to_vec();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        if !sealed.is_empty() {
            stored.update(&sealed);
            out.write_all(&sealed).await.map_err(io(to))?;
            size = size.saturating_add(sealed.len() as u64);
            sealed.clear();
        }
        let n = from.read(&mut buf).await.map_err(io(to))?;
        if n == 0 {
            break;
        }
        let chunk = buf.get(..n).unwrap_or_default();
        plain.update(chunk);
        sealer.update(chunk, &mut sealed).map_err(vault_error(to))?;
    }
    sealer.finish(&mut sealed).map_err(vault_error(to))?;
    stored.update(&sealed);
    out.write_all(&sealed).await.map_err(io(to))?;
    size = size.saturating_add(sealed.len() as u64);
    out.sync_all().await.map_err(io(to))?;
    Ok(Copied {
        sha256: hex::encode(stored.finalize()),
        size,
        plain_sha256: hex::encode(plain.finalize()),
    })
}

/// Open the sealed file `from` into `to`, returning the SHA-256 and size of what was written. A
/// file cut short, extended or changed is refused (and what was written so far is the caller's to
/// remove).
async fn open_sealed(
    vault: &Vault,
    from: &Path,
    to: &mut (dyn tokio::io::AsyncWrite + Unpin + Send),
) -> Result<(String, u64), ActionError> {
    let mut file = tokio::fs::File::open(from).await.map_err(io(from))?;
    let mut header = [0u8; accord_vault::stream::HEADER_LEN];
    file.read_exact(&mut header).await.map_err(io(from))?;
    let mut opener = vault.blob_opener(&header).map_err(vault_error(from))?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut plain = Vec::with_capacity(512 * 1024);
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = file.read(&mut buf).await.map_err(io(from))?;
        if n == 0 {
            break;
        }
        opener
            .update(buf.get(..n).unwrap_or_default(), &mut plain)
            .map_err(vault_error(from))?;
        hasher.update(&plain);
        size = size.saturating_add(plain.len() as u64);
        to.write_all(&plain).await.map_err(io(from))?;
        plain.clear();
    }
    opener.finish(&mut plain).map_err(vault_error(from))?;
    hasher.update(&plain);
    size = size.saturating_add(plain.len() as u64);
    to.write_all(&plain).await.map_err(io(from))?;
    to.flush().await.map_err(io(from))?;
    Ok((hex::encode(hasher.finalize()), size))
}

/// SHA-256 and size of a file.
async fn hash_file(path: &Path) -> Result<(String, u64), ActionError> {
    let mut f = tokio::fs::File::open(path).await.map_err(io(path))?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = f.read(&mut buf).await.map_err(io(path))?;
        if n == 0 {
            break;
        }
        hasher.update(buf.get(..n).unwrap_or_default());
        size = size.saturating_add(n as u64);
    }
    Ok((hex::encode(hasher.finalize()), size))
}

/// Where a blob goes in a backup.
fn evidence_path(sha256: &str) -> String {
    let prefix = sha256.get(..2).unwrap_or("xx");
    format!("{EVIDENCE}/sha256/{prefix}/{sha256}")
}

/// A path inside the backup from a manifest's relative path, refusing anything that would leave
/// it (a manifest is input like any other).
fn inside(root: &Path, rel: &str) -> Result<PathBuf, ActionError> {
    let ok = !rel.is_empty()
        && !rel.starts_with('/')
        && rel
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains('\\'));
    if !ok {
        return Err(invalid(
            MANIFEST,
            format!("{rel:?} is not a path inside the backup"),
        ));
    }
    Ok(root.join(rel))
}

/// What a backup of an instance with keys needs: its opened data keys, and a directory beside
/// the live database (on its disk) where the snapshot waits, in the clear, while it is sealed.
#[derive(Debug, Clone, Copy)]
pub struct Sealing<'a> {
    pub vault: &'a Vault,
    pub scratch: &'a Path,
}

impl Actions {
    /// Write a backup of the whole instance into `out`, a directory that does not exist yet or is
    /// empty. Safe while the server runs and writes: the database is one snapshot, and every
    /// evidence file it names is stored before its record is committed. An instance with keys is
    /// backed up sealed, and refuses without them (`sealing`).
    pub async fn backup(
        &self,
        out: &Path,
        sealing: Option<Sealing<'_>>,
    ) -> Result<BackupReport, ActionError> {
        let keys = self.store.vault_keys().await?;
        let sealing = match (&keys, sealing) {
            (Some(_), None) => {
                return Err(invalid(
                    "key_file",
                    "this instance encrypts its data: a backup of it is sealed with its keys, so \
                     it needs the instance key file (key_file)",
                ));
            }
            (Some(_), Some(s)) => Some(s),
            (None, _) => None,
        };
        if out.exists() {
            let mut entries = std::fs::read_dir(out).map_err(io(out))?;
            if entries.next().is_some() {
                return Err(invalid(
                    "out",
                    format!(
                        "{} is not empty: a backup goes into a new directory",
                        out.display()
                    ),
                ));
            }
        }
        private_dir(out)?;
        let created_at = crate::evidence::now_utc();

        // 1. The database, as one snapshot (sealed from a scratch file when the instance has keys).
        let db_path = out.join(DATABASE);
        let database = match sealing {
            None => {
                self.store.snapshot_into(&db_path).await?;
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::set_permissions(&db_path, std::fs::Permissions::from_mode(0o600))
                        .map_err(io(&db_path))?;
                }
                let (sha256, size) = hash_file(&db_path).await?;
                FileEntry {
                    path: DATABASE.into(),
                    sha256,
                    size,
                    plain_sha256: None,
                }
            }
            Some(Sealing { vault, scratch }) => {
                let tmp = scratch.join(format!(
                    ".accord-backup-{}.db",
                    hex::encode(Sha256::digest(created_at.as_bytes()))
                        .get(..16)
                        .unwrap_or("0")
                ));
                let _ = tokio::fs::remove_file(&tmp).await;
                self.store.snapshot_into(&tmp).await?;
                let copied = async {
                    let mut from = tokio::fs::File::open(&tmp).await.map_err(io(&tmp))?;
                    copy_sealed(vault, &mut from, &db_path).await
                }
                .await;
                let _ = tokio::fs::remove_file(&tmp).await;
                let copied = copied?;
                FileEntry {
                    path: DATABASE.into(),
                    sha256: copied.sha256,
                    size: copied.size,
                    plain_sha256: Some(copied.plain_sha256),
                }
            }
        };

        // 2. Evidence: what the live database names now includes all the snapshot names
        // (evidence records are never deleted, and a file is stored before its record).
        let mut hashes = self.store.referenced_blobs().await?;
        hashes.sort();
        hashes.dedup();
        let mut evidence = Vec::with_capacity(hashes.len());
        let mut evidence_bytes = 0u64;
        for sha in &hashes {
            let rel = evidence_path(sha);
            let to = out.join(&rel);
            if let Some(parent) = to.parent() {
                private_dir(parent)?;
            }
            let mut blob = self.blobs.open(sha).await.map_err(ActionError::Blob)?;
            let entry = match sealing {
                None => {
                    let (sha256, size) = copy_hashed(&mut blob.reader, &to).await?;
                    FileEntry {
                        path: rel,
                        plain_sha256: None,
                        sha256,
                        size,
                    }
                }
                Some(Sealing { vault, .. }) => {
                    let c = copy_sealed(vault, &mut blob.reader, &to).await?;
                    FileEntry {
                        path: rel,
                        sha256: c.sha256,
                        size: c.size,
                        plain_sha256: Some(c.plain_sha256),
                    }
                }
            };
            let got = entry.plain_sha256.as_ref().unwrap_or(&entry.sha256);
            if got != sha {
                return Err(ActionError::Invalid {
                    field: "evidence".into(),
                    message: format!(
                        "the stored file {sha} reads as {got}: it was changed on disk; run `accord verify`"
                    ),
                });
            }
            evidence_bytes = evidence_bytes.saturating_add(entry.size);
            evidence.push(entry);
        }

        // 3. The log's signing key, so that the restored instance signs on with the same key.
        let key = self.key_path();
        let log_key = if key.is_file() {
            let to = out.join(LOG_KEY);
            let mut from = tokio::fs::File::open(&key).await.map_err(io(&key))?;
            Some(match sealing {
                None => {
                    let (sha256, size) = copy_hashed(&mut from, &to).await?;
                    FileEntry {
                        path: LOG_KEY.into(),
                        sha256,
                        size,
                        plain_sha256: None,
                    }
                }
                Some(Sealing { vault, .. }) => {
                    let c = copy_sealed(vault, &mut from, &to).await?;
                    FileEntry {
                        path: LOG_KEY.into(),
                        sha256: c.sha256,
                        size: c.size,
                        plain_sha256: Some(c.plain_sha256),
                    }
                }
            })
        } else {
            None
        };

        // 4. The manifest, last.
        let sealed = keys.filter(|_| sealing.is_some()).map(|k| SealedWith {
            instance_recipient: k.instance_recipient,
            recovery_recipient: k.recovery_recipient,
            recovery_threshold: k.recovery_threshold,
            data_keys: k
                .data_keys
                .iter()
                .map(|d| SealedKey {
                    id: d.id,
                    wrapped: base64::engine::general_purpose::STANDARD.encode(&d.wrapped),
                })
                .collect(),
        });
        let manifest = Manifest {
            format: FORMAT.into(),
            created_at,
            database,
            evidence,
            log_key,
            sealed,
        };
        let json =
            serde_json::to_vec_pretty(&manifest).map_err(|e| invalid(MANIFEST, e.to_string()))?;
        let tmp = out.join(format!("{MANIFEST}.tmp"));
        let mut f = private_file(&tmp).await?;
        f.write_all(&json).await.map_err(io(&tmp))?;
        f.sync_all().await.map_err(io(&tmp))?;
        let final_path = out.join(MANIFEST);
        tokio::fs::rename(&tmp, &final_path)
            .await
            .map_err(io(&final_path))?;

        Ok(BackupReport {
            out: out.display().to_string(),
            database_bytes: manifest.database.size,
            evidence_files: manifest.evidence.len() as u64,
            evidence_bytes,
            log_key: manifest.log_key.is_some(),
            sealed: manifest.sealed.is_some(),
        })
    }
}

/// Read and check a backup: its manifest, and the SHA-256 and size of every file it lists.
/// Nothing is written.
pub async fn check_backup(dir: &Path) -> Result<Manifest, ActionError> {
    let path = dir.join(MANIFEST);
    let text = tokio::fs::read(&path).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            invalid(
                MANIFEST,
                format!(
                    "{} has no manifest.json: it is not a backup, or an unfinished one",
                    dir.display()
                ),
            )
        } else {
            io(&path)(e)
        }
    })?;
    let manifest: Manifest = serde_json::from_slice(&text)
        .map_err(|e| invalid(MANIFEST, format!("{}: {e}", path.display())))?;
    if manifest.format != FORMAT && manifest.format != FORMAT_1 {
        return Err(invalid(
            MANIFEST,
            format!(
                "format {:?} is not one this Accord reads ({FORMAT} or {FORMAT_1})",
                manifest.format
            ),
        ));
    }
    let files = std::iter::once(&manifest.database)
        .chain(&manifest.evidence)
        .chain(&manifest.log_key);
    for entry in files {
        let file = inside(dir, &entry.path)?;
        let (sha, size) = hash_file(&file).await?;
        if sha != entry.sha256 || size != entry.size {
            return Err(invalid(
                &entry.path,
                format!(
                    "{} does not match the manifest (SHA-256 {sha}, {size} bytes; expected {}, {} bytes): the backup is damaged",
                    file.display(),
                    entry.sha256,
                    entry.size
                ),
            ));
        }
    }
    Ok(manifest)
}

/// Where `restore` puts things.
#[derive(Debug, Clone)]
pub struct RestoreTarget {
    pub db: PathBuf,
    pub log_key: PathBuf,
    /// Replace an existing database (and log key) at these paths.
    pub force: bool,
}

/// The SHA-256 of a backup file's content (once opened, when sealed).
fn content_sha(entry: &FileEntry) -> &str {
    entry.plain_sha256.as_deref().unwrap_or(&entry.sha256)
}

/// The keys a sealed backup needs, or `None` for one in the clear.
fn keys_for<'a>(
    manifest: &Manifest,
    vault: Option<&'a Vault>,
) -> Result<Option<&'a Vault>, ActionError> {
    match (&manifest.sealed, vault) {
        (None, _) => Ok(None),
        (Some(_), Some(v)) => Ok(Some(v)),
        (Some(_), None) => Err(invalid(
            "key_file",
            "this backup is sealed: restore it with the instance key file (key_file) or with the \
             recovery shares (--share)",
        )),
    }
}

/// Copy one file of the backup to `to` (a new private file), opening it if sealed; its content
/// must be what the manifest says.
async fn restore_file(
    backup: &Path,
    entry: &FileEntry,
    vault: Option<&Vault>,
    to: &Path,
) -> Result<(), ActionError> {
    let src = inside(backup, &entry.path)?;
    let (sha, _) = match vault {
        None => {
            let mut from = tokio::fs::File::open(&src).await.map_err(io(&src))?;
            copy_hashed(&mut from, to).await?
        }
        Some(vault) => {
            let mut out = private_file(to).await?;
            let opened = open_sealed(vault, &src, &mut out).await?;
            out.sync_all().await.map_err(io(to))?;
            opened
        }
    };
    if sha != content_sha(entry) {
        let _ = tokio::fs::remove_file(to).await;
        return Err(invalid(
            &entry.path,
            format!(
                "{} opens as {sha}, not the {} the manifest names: the backup is damaged",
                src.display(),
                content_sha(entry)
            ),
        ));
    }
    Ok(())
}

/// Put a backup's database and log key in place, after checking every file of the backup.
/// Refuses to overwrite an existing database or a different log key unless `force`. A sealed
/// backup needs the vault its manifest's key record opens (with the instance key or the recovery
/// key). The caller then opens the store and calls [`Actions::restore_evidence`] and `verify`.
pub async fn restore_files(
    backup: &Path,
    target: &RestoreTarget,
    vault: Option<&Vault>,
) -> Result<Manifest, ActionError> {
    let manifest = check_backup(backup).await?;
    let vault = keys_for(&manifest, vault)?;
    let db = &target.db;
    let sidecars = [
        db.clone(),
        PathBuf::from(format!("{}-wal", db.display())),
        PathBuf::from(format!("{}-shm", db.display())),
    ];
    if !target.force {
        if let Some(existing) = sidecars.iter().find(|p| p.exists()) {
            return Err(invalid(
                "db",
                format!(
                    "{} exists; restoring would replace it (add --force to do so)",
                    existing.display()
                ),
            ));
        }
        if let Some(k) = &manifest.log_key
            && target.log_key.exists()
        {
            let (have, _) = hash_file(&target.log_key).await?;
            if content_sha(k) != have {
                return Err(invalid(
                    "log_key",
                    format!(
                        "{} exists and is another key; restoring would replace it (add --force to do so)",
                        target.log_key.display()
                    ),
                ));
            }
        }
    }
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    // The new database is written beside the target, then renamed over it: a crash leaves either
    // the old database or the restored one, never half of it.
    let tmp = PathBuf::from(format!("{}.restore-tmp", db.display()));
    let _ = tokio::fs::remove_file(&tmp).await;
    restore_file(backup, &manifest.database, vault, &tmp).await?;
    for side in sidecars.iter().skip(1) {
        match tokio::fs::remove_file(side).await {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(side)(e)),
        }
    }
    tokio::fs::rename(&tmp, db).await.map_err(io(db))?;

    let same_key = match (&manifest.log_key, target.log_key.is_file()) {
        (Some(k), true) => hash_file(&target.log_key).await?.0 == content_sha(k),
        _ => false,
    };
    if let Some(k) = manifest.log_key.as_ref().filter(|_| !same_key) {
        let tmp = PathBuf::from(format!("{}.restore-tmp", target.log_key.display()));
        let _ = tokio::fs::remove_file(&tmp).await;
        restore_file(backup, k, vault, &tmp).await?;
        tokio::fs::rename(&tmp, &target.log_key)
            .await
            .map_err(io(&target.log_key))?;
    }
    Ok(manifest)
}

impl Actions {
    /// Store a checked backup's evidence files in this instance's blob store (files already there
    /// are left as they are; sealed ones are opened with `vault` as they are read), then verify
    /// the whole instance.
    pub async fn restore_evidence(
        &self,
        backup: &Path,
        manifest: &Manifest,
        db: &Path,
        vault: Option<&Vault>,
    ) -> Result<RestoreReport, ActionError> {
        let vault = keys_for(manifest, vault)?;
        for entry in &manifest.evidence {
            let file = inside(backup, &entry.path)?;
            let stored = match vault {
                None => {
                    let mut f = tokio::fs::File::open(&file).await.map_err(io(&file))?;
                    self.blobs
                        .put(&mut f, u64::MAX)
                        .await
                        .map_err(ActionError::Blob)?
                }
                Some(vault) => {
                    // Opened into a pipe the blob store reads from: constant memory.
                    let (mut writer, mut reader) = tokio::io::duplex(1024 * 1024);
                    let open = {
                        let file = file.clone();
                        async move {
                            let opened = open_sealed(vault, &file, &mut writer).await;
                            drop(writer);
                            opened
                        }
                    };
                    let (opened, stored) =
                        tokio::join!(open, self.blobs.put(&mut reader, u64::MAX));
                    opened?;
                    stored.map_err(ActionError::Blob)?
                }
            };
            if stored.sha256 != content_sha(entry) {
                return Err(invalid(
                    &entry.path,
                    format!(
                        "{} changed while it was restored (now {})",
                        file.display(),
                        stored.sha256
                    ),
                ));
            }
        }
        let report = self.verify(&|_| {}).await?;
        Ok(RestoreReport {
            db: db.display().to_string(),
            evidence_files: manifest.evidence.len() as u64,
            log_key: manifest.log_key.is_some(),
            verified: report.ok,
            problems: report.problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{evidence_path, inside};
    use std::path::Path;

    #[test]
    fn manifest_paths_stay_inside_the_backup() {
        let root = Path::new("/b");
        assert_eq!(
            inside(root, "evidence/sha256/ab/abc").unwrap(),
            Path::new("/b/evidence/sha256/ab/abc")
        );
        for hostile in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "./a",
            "a\\..\\b",
        ] {
            assert!(inside(root, hostile).is_err(), "{hostile:?}");
        }
        assert!(evidence_path(&"ab".repeat(32)).starts_with("evidence/sha256/ab/"));
    }
}
