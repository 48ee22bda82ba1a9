//! Evidence bytes, content-addressed by SHA-256, behind one interface.
//!
//! The default store is a directory next to the database (large files stay out of SQLite); object
//! storage can be added as a second implementation without touching the callers. Bytes are hashed
//! as they arrive and written to a temporary file that is renamed into place only once complete, so
//! a truncated upload never appears under a hash, and the original is never modified: the same
//! bytes twice are stored once.

use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};

/// What went wrong with a blob.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the file is larger than the limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("reading the upload failed after {received} bytes: {source}")]
    Interrupted {
        received: u64,
        #[source]
        source: std::io::Error,
    },
    #[error("no evidence file with SHA-256 {0} in the blob store")]
    NotFound(String),
    #[error("{0:?} is not a SHA-256")]
    BadHash(String),
}

/// A stored file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBlob {
    pub sha256: String,
    pub size: u64,
    /// Sniffed from the first bytes.
    pub media_type: String,
    /// Whether the same bytes were there already.
    pub existed: bool,
}

/// A stored file opened for reading.
pub struct BlobReader {
    pub size: u64,
    pub reader: Box<dyn AsyncRead + Unpin + Send>,
}

impl Debug for BlobReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlobReader")
            .field("size", &self.size)
            .finish()
    }
}

/// Where evidence bytes live.
#[async_trait]
pub trait BlobStore: Send + Sync + Debug {
    /// Read `body` to its end, hashing as it goes; refuse more than `limit` bytes. On any error
    /// nothing is left behind.
    async fn put(
        &self,
        body: &mut (dyn AsyncRead + Unpin + Send),
        limit: u64,
    ) -> Result<StoredBlob, BlobError>;

    /// The exact bytes stored under a hash.
    async fn open(&self, sha256: &str) -> Result<BlobReader, BlobError>;

    /// Read the stored bytes again and return their SHA-256 and size (for `accord verify`).
    async fn rehash(&self, sha256: &str) -> Result<(String, u64), BlobError>;

    /// Every hash stored.
    async fn list(&self) -> Result<Vec<String>, BlobError>;

    /// Remove a blob (only ever one that no record names: a failed upload's leftovers).
    async fn remove(&self, sha256: &str) -> Result<(), BlobError>;

    /// Remove temporary files of uploads that died more than `older_than` ago.
    async fn sweep_temporary(&self, older_than: Duration) -> Result<usize, BlobError>;

    /// Where the blobs are, for messages.
    fn describe(&self) -> String;
}

/// Blobs in a directory: `<dir>/sha256/<first two hex digits>/<hash>`, temporary files in
/// `<dir>/tmp/`. Files and directories are created readable by their owner only.
#[derive(Debug, Clone)]
pub struct FsBlobStore {
    root: PathBuf,
}

/// The blob directory that goes with a database file: `accord.db` → `accord.db.evidence/`.
pub fn default_dir_for(db_path: &str) -> PathBuf {
    PathBuf::from(format!("{db_path}.evidence"))
}

const CHUNK: usize = 1 << 20;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BlobError + '_ {
    move |source| BlobError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn check_hash(sha256: &str) -> Result<(), BlobError> {
    if accord_core::validate::is_sha256(sha256) {
        Ok(())
    } else {
        Err(BlobError::BadHash(sha256.to_owned()))
    }
}

/// The media type of a file from its first bytes: a known signature, else UTF-8 text, else
/// `application/octet-stream`. Never from the name, which the sender chose.
pub fn sniff(head: &[u8]) -> String {
    if let Some(t) = infer::get(head) {
        return t.mime_type().to_owned();
    }
    let text = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A multi-byte character cut at the end of the sample is still text.
        Err(e) => e.error_len().is_none() && head.len() - e.valid_up_to() < 4,
    };
    if text && !head.contains(&0) {
        "text/plain".to_owned()
    } else {
        "application/octet-stream".to_owned()
    }
}

impl FsBlobStore {
    /// Open (creating if needed) a blob directory. A directory that exists but cannot be written
    /// is an error here, at start, rather than at the first upload.
    pub fn open(root: impl Into<PathBuf>) -> Result<FsBlobStore, BlobError> {
        let root = root.into();
        for dir in [root.clone(), root.join("sha256"), root.join("tmp")] {
            create_private_dir(&dir)?;
        }
        Ok(FsBlobStore { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn path_of(&self, sha256: &str) -> PathBuf {
        self.root.join("sha256").join(&sha256[..2]).join(sha256)
    }
}

fn create_private_dir(dir: &Path) -> Result<(), BlobError> {
    use std::os::unix::fs::DirBuilderExt;
    match std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
    {
        Ok(()) => Ok(()),
        Err(e) => Err(io(dir)(e)),
    }
}

/// Removes the temporary file unless the upload completed.
struct TempGuard {
    path: Option<PathBuf>,
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.path.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

fn temp_name() -> String {
    let mut bytes = [0u8; 12];
    // Without entropy the pid and time still make a unique name in practice.
    if getrandom::fill(&mut bytes).is_err() {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes[..8].copy_from_slice(&(t as u64).to_le_bytes());
    }
    format!("upload-{}-{}", std::process::id(), hex::encode(bytes))
}

#[async_trait]
impl BlobStore for FsBlobStore {
    async fn put(
        &self,
        body: &mut (dyn AsyncRead + Unpin + Send),
        limit: u64,
    ) -> Result<StoredBlob, BlobError> {
        let tmp = self.root.join("tmp").join(temp_name());
        let mut guard = TempGuard {
            path: Some(tmp.clone()),
        };
        let mut file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
            .await
            .map_err(io(&tmp))?;
        let mut hasher = Sha256::new();
        let mut size: u64 = 0;
        let mut head: Vec<u8> = Vec::new();
        let mut buf = vec![0u8; CHUNK];
        loop {
            let n = body
                .read(&mut buf)
                .await
                .map_err(|source| BlobError::Interrupted {
                    received: size,
                    source,
                })?;
            if n == 0 {
                break;
            }
            let chunk = &buf[..n];
            size = size.saturating_add(n as u64);
            if size > limit {
                return Err(BlobError::TooLarge { limit });
            }
            if head.len() < 8192 {
                let take = (8192 - head.len()).min(n);
                head.extend_from_slice(&chunk[..take]);
            }
            hasher.update(chunk);
            file.write_all(chunk).await.map_err(io(&tmp))?;
        }
        file.sync_all().await.map_err(io(&tmp))?;
        drop(file);
        let sha256 = hex::encode(hasher.finalize());
        let dest = self.path_of(&sha256);
        let existed = tokio::fs::try_exists(&dest).await.map_err(io(&dest))?;
        if !existed {
            if let Some(dir) = dest.parent() {
                create_private_dir(dir)?;
            }
            tokio::fs::rename(&tmp, &dest).await.map_err(io(&dest))?;
            guard.path = None;
        }
        Ok(StoredBlob {
            sha256,
            size,
            media_type: sniff(&head),
            existed,
        })
    }

    async fn open(&self, sha256: &str) -> Result<BlobReader, BlobError> {
        check_hash(sha256)?;
        let path = self.path_of(sha256);
        let file = match tokio::fs::File::open(&path).await {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(BlobError::NotFound(sha256.to_owned()));
            }
            Err(e) => return Err(io(&path)(e)),
        };
        let size = file.metadata().await.map_err(io(&path))?.len();
        Ok(BlobReader {
            size,
            reader: Box::new(file),
        })
    }

    async fn rehash(&self, sha256: &str) -> Result<(String, u64), BlobError> {
        check_hash(sha256)?;
        let path = self.path_of(sha256);
        let owned = sha256.to_owned();
        // Plain blocking reads on a worker thread: the fastest way through a large file.
        tokio::task::spawn_blocking(move || {
            use std::io::Read;
            let mut file = match std::fs::File::open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(BlobError::NotFound(owned));
                }
                Err(e) => return Err(io(&path)(e)),
            };
            let mut hasher = Sha256::new();
            let mut buf = vec![0u8; CHUNK];
            let mut size = 0u64;
            loop {
                let n = file.read(&mut buf).map_err(io(&path))?;
                if n == 0 {
                    break;
                }
                size += n as u64;
                hasher.update(&buf[..n]);
            }
            Ok((hex::encode(hasher.finalize()), size))
        })
        .await
        .map_err(|e| BlobError::Io {
            path: self.describe(),
            source: std::io::Error::other(e.to_string()),
        })?
    }

    async fn list(&self) -> Result<Vec<String>, BlobError> {
        let base = self.root.join("sha256");
        let mut out = Vec::new();
        let mut dirs = tokio::fs::read_dir(&base).await.map_err(io(&base))?;
        while let Some(d) = dirs.next_entry().await.map_err(io(&base))? {
            let dir = d.path();
            if !d.file_type().await.map_err(io(&dir))?.is_dir() {
                continue;
            }
            let mut files = tokio::fs::read_dir(&dir).await.map_err(io(&dir))?;
            while let Some(f) = files.next_entry().await.map_err(io(&dir))? {
                out.push(f.file_name().to_string_lossy().into_owned());
            }
        }
        out.sort();
        Ok(out)
    }

    async fn remove(&self, sha256: &str) -> Result<(), BlobError> {
        check_hash(sha256)?;
        let path = self.path_of(sha256);
        match tokio::fs::remove_file(&path).await {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(&path)(e)),
        }
    }

    async fn sweep_temporary(&self, older_than: Duration) -> Result<usize, BlobError> {
        let dir = self.root.join("tmp");
        let mut n = 0;
        let mut entries = tokio::fs::read_dir(&dir).await.map_err(io(&dir))?;
        while let Some(e) = entries.next_entry().await.map_err(io(&dir))? {
            let path = e.path();
            let age = e
                .metadata()
                .await
                .ok()
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.elapsed().ok())
                .unwrap_or_default();
            if age >= older_than {
                tokio::fs::remove_file(&path).await.map_err(io(&path))?;
                n += 1;
            }
        }
        Ok(n)
    }

    fn describe(&self) -> String {
        self.root.display().to_string()
    }
}
