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
//! Evidence files are read through the blob store (their hash is checked as they are copied) and
//! written back through it on restore, so a backup does not depend on how a blob store lays out
//! its files. Restore checks every hash before it writes anything, refuses to overwrite a
//! database unless forced, and ends by verifying the restored instance (`accord verify`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{ActionError, Actions};

/// What a backup directory says it holds.
pub const FORMAT: &str = "accord-backup/1";
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
}

/// One file of a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative to the backup directory, with `/`.
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

/// What `accord backup` wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupReport {
    pub out: String,
    pub database_bytes: u64,
    pub evidence_files: u64,
    pub evidence_bytes: u64,
    pub log_key: bool,
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

impl Actions {
    /// Write a backup of the whole instance into `out`, a directory that does not exist yet or is
    /// empty. Safe while the server runs and writes: the database is one snapshot, and every
    /// evidence file it names is stored before its record is committed.
    pub async fn backup(&self, out: &Path) -> Result<BackupReport, ActionError> {
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

        // 1. The database, as one snapshot.
        let db_path = out.join(DATABASE);
        self.store.snapshot_into(&db_path).await?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&db_path, std::fs::Permissions::from_mode(0o600))
                .map_err(io(&db_path))?;
        }
        let (db_sha, db_size) = hash_file(&db_path).await?;

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
            let (got, size) = copy_hashed(&mut blob.reader, &to).await?;
            if &got != sha {
                return Err(ActionError::Invalid {
                    field: "evidence".into(),
                    message: format!(
                        "the stored file {sha} reads as {got}: it was changed on disk; run `accord verify`"
                    ),
                });
            }
            evidence_bytes = evidence_bytes.saturating_add(size);
            evidence.push(FileEntry {
                path: rel,
                sha256: got,
                size,
            });
        }

        // 3. The log's signing key, so that the restored instance signs on with the same key.
        let key = self.key_path();
        let log_key = if key.is_file() {
            let to = out.join(LOG_KEY);
            let mut from = tokio::fs::File::open(&key).await.map_err(io(&key))?;
            let (sha256, size) = copy_hashed(&mut from, &to).await?;
            Some(FileEntry {
                path: LOG_KEY.into(),
                sha256,
                size,
            })
        } else {
            None
        };

        // 4. The manifest, last.
        let manifest = Manifest {
            format: FORMAT.into(),
            created_at,
            database: FileEntry {
                path: DATABASE.into(),
                sha256: db_sha,
                size: db_size,
            },
            evidence,
            log_key,
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
            database_bytes: db_size,
            evidence_files: manifest.evidence.len() as u64,
            evidence_bytes,
            log_key: manifest.log_key.is_some(),
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
    if manifest.format != FORMAT {
        return Err(invalid(
            MANIFEST,
            format!(
                "format {:?} is not one this Accord reads ({FORMAT})",
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

/// Put a backup's database and log key in place, after checking every file of the backup.
/// Refuses to overwrite an existing database or a different log key unless `force`. The caller
/// then opens the store and calls [`restore_evidence`] and `verify`.
pub async fn restore_files(backup: &Path, target: &RestoreTarget) -> Result<Manifest, ActionError> {
    let manifest = check_backup(backup).await?;
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
        if manifest.log_key.is_some() && target.log_key.exists() {
            let (have, _) = hash_file(&target.log_key).await?;
            if manifest.log_key.as_ref().map(|k| &k.sha256) != Some(&have) {
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
    let src = inside(backup, &manifest.database.path)?;
    let mut from = tokio::fs::File::open(&src).await.map_err(io(&src))?;
    copy_hashed(&mut from, &tmp).await?;
    for side in sidecars.iter().skip(1) {
        match tokio::fs::remove_file(side).await {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(side)(e)),
        }
    }
    tokio::fs::rename(&tmp, db).await.map_err(io(db))?;

    let same_key = match (&manifest.log_key, target.log_key.is_file()) {
        (Some(k), true) => hash_file(&target.log_key).await?.0 == k.sha256,
        _ => false,
    };
    if let Some(k) = manifest.log_key.as_ref().filter(|_| !same_key) {
        let src = inside(backup, &k.path)?;
        let tmp = PathBuf::from(format!("{}.restore-tmp", target.log_key.display()));
        let _ = tokio::fs::remove_file(&tmp).await;
        let mut from = tokio::fs::File::open(&src).await.map_err(io(&src))?;
        copy_hashed(&mut from, &tmp).await?;
        tokio::fs::rename(&tmp, &target.log_key)
            .await
            .map_err(io(&target.log_key))?;
    }
    Ok(manifest)
}

impl Actions {
    /// Store a checked backup's evidence files in this instance's blob store (files already there
    /// are left as they are), then verify the whole instance.
    pub async fn restore_evidence(
        &self,
        backup: &Path,
        manifest: &Manifest,
        db: &Path,
    ) -> Result<RestoreReport, ActionError> {
        for entry in &manifest.evidence {
            let file = inside(backup, &entry.path)?;
            let mut f = tokio::fs::File::open(&file).await.map_err(io(&file))?;
            let stored = self
                .blobs
                .put(&mut f, u64::MAX)
                .await
                .map_err(ActionError::Blob)?;
            if stored.sha256 != entry.sha256 {
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
