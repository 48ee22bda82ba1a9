//! Evidence bytes, content-addressed by SHA-256, behind one interface.
//!
//! The default store is a directory next to the database (large files stay out of SQLite); S3-
//! compatible object storage is the second implementation ([`crate::blob_s3`]), behind the same
//! trait, so the callers do not know which they write to. Bytes are hashed
//! as they arrive and written to a temporary file that is renamed into place only once complete, so
//! a truncated upload never appears under a hash, and the original is never modified: the same
//! bytes twice are stored once.
//!
//! With the instance's keys open (a [`Vault`], once `accord keys init` ran) files are sealed as
//! they arrive, in accord-vault's stream format, and opened as they are read, in constant memory:
//! no plaintext byte reaches the disk, not even in the temporary file. The SHA-256, which names
//! the evidence everywhere, stays the plaintext's. Sealed files live under `sealed/`, files written
//! without keys under `sha256/`: the directory says which a file is, never its first bytes (a
//! plaintext file can begin with anything). Reading and hashing run beside sealing and writing
//! (a task and a thread), so sealing costs little of an upload's throughput on two cores.
//!
//! File names are the plaintext's SHA-256 in both directories. A keyed name would hide nothing
//! from whoever holds the disk: the database and the log name every file by that hash, and the
//! log must, for the evidence to be provable.

use std::fmt::Debug;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use accord_vault::stream::{HEADER_LEN, SEALED_SEGMENT, plaintext_len};
use accord_vault::{BlobOpener, BlobSealer, Vault, VaultError};
use async_trait::async_trait;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};
use tokio::sync::mpsc;

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
    #[error(
        "evidence file {0} is encrypted and the instance's keys are not open (is the key file \
         configured? see `accord keys status`)"
    )]
    Locked(String),
    #[error("{path}: {source}")]
    Vault {
        path: String,
        #[source]
        source: VaultError,
    },
    #[error(
        "evidence file {sha256} no longer hashes to its name (found {found}); it was left as it is"
    )]
    Mismatch { sha256: String, found: String },
    /// The object store answered with an error (or could not be reached): what was asked, and
    /// the answer in a line.
    #[error("{what}: {detail}")]
    Remote { what: String, detail: String },
    /// The object store's settings cannot work (a wrong URL, missing credentials, …).
    #[error("{0}")]
    Setup(String),
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

    /// The hashes of the blobs stored in the clear (written before the instance had keys).
    async fn plaintext_blobs(&self) -> Result<Vec<String>, BlobError>;

    /// Seal a blob stored in the clear (`accord keys init` and `encrypt-existing`): read, hashed
    /// and sealed into a temporary blob, moved to the sealed name, and only then is the plaintext
    /// removed. One that no longer hashes to its name is left as it is ([`BlobError::Mismatch`]).
    /// Returns the bytes sealed (0 when it was sealed already). Needs the keys
    /// ([`BlobError::Locked`] without them).
    async fn seal_plaintext(&self, sha256: &str) -> Result<u64, BlobError>;

    /// Where the blobs are, for messages.
    fn describe(&self) -> String;
}

/// Blobs in a directory: `<dir>/sha256/<first two hex digits>/<hash>` (plaintext) or
/// `<dir>/sealed/<first two hex digits>/<hash>` (sealed), temporary files in `<dir>/tmp/`. Files
/// and directories are created readable by their owner only.
#[derive(Debug, Clone)]
pub struct FsBlobStore {
    root: PathBuf,
    /// Set: new files are sealed, and sealed files can be read.
    vault: Option<Arc<Vault>>,
}

/// The blob directory that goes with a database file: `accord.db` → `accord.db.evidence/`.
pub fn default_dir_for(db_path: &str) -> PathBuf {
    PathBuf::from(format!("{db_path}.evidence"))
}

pub(crate) const CHUNK: usize = 1 << 20;
/// Pieces in flight between the reading task and the writing thread (and back, on reads): enough
/// to keep both busy, few enough that memory stays constant.
pub(crate) const IN_FLIGHT: usize = 4;
pub(crate) const PLAIN: &str = "sha256";
pub(crate) const SEALED: &str = "sealed";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BlobError + '_ {
    move |source| BlobError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn vault_err(path: &Path) -> impl FnOnce(VaultError) -> BlobError + '_ {
    move |source| BlobError::Vault {
        path: path.display().to_string(),
        source,
    }
}

pub(crate) fn check_hash(sha256: &str) -> Result<(), BlobError> {
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
        for dir in [root.clone(), root.join(PLAIN), root.join("tmp")] {
            create_private_dir(&dir)?;
        }
        Ok(FsBlobStore { root, vault: None })
    }

    /// The same directory with the instance's keys open: new files are sealed.
    #[must_use]
    pub fn with_vault(mut self, vault: Arc<Vault>) -> FsBlobStore {
        self.vault = Some(vault);
        self
    }

    /// Whether new files are sealed.
    pub fn seals(&self) -> bool {
        self.vault.is_some()
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn path_of(&self, dir: &str, sha256: &str) -> PathBuf {
        self.root.join(dir).join(&sha256[..2]).join(sha256)
    }

    /// The hashes of the files stored in the clear (written before the instance had keys).
    pub async fn plaintext_blobs(&self) -> Result<Vec<String>, BlobError> {
        let mut out = list_dir(&self.root.join(PLAIN)).await?;
        out.sort();
        Ok(out)
    }

    /// Seal a file stored in the clear: read, hashed and sealed into a temporary file, renamed
    /// under `sealed/`, and only then is the plaintext file removed. A file that no longer hashes
    /// to its name is left as it is ([`BlobError::Mismatch`]; `accord verify` reports it). Returns
    /// the bytes sealed (0 when it was sealed already).
    ///
    /// The removed plaintext may stay readable on the disk until it is overwritten: deleting a
    /// file does not wipe it.
    pub async fn seal_plaintext(&self, sha256: &str) -> Result<u64, BlobError> {
        check_hash(sha256)?;
        let vault = self
            .vault
            .clone()
            .ok_or_else(|| BlobError::Locked(sha256.to_owned()))?;
        let plain = self.path_of(PLAIN, sha256);
        let sealed = self.path_of(SEALED, sha256);
        if tokio::fs::try_exists(&sealed).await.map_err(io(&sealed))? {
            // Sealed before a crash that left the plaintext behind.
            remove_if_there(&plain).await?;
            return Ok(0);
        }
        let tmp = self.root.join("tmp").join(temp_name());
        let mut guard = TempGuard {
            path: Some(tmp.clone()),
        };
        let (from, to) = (plain.clone(), tmp.clone());
        let (found, size) = tokio::task::spawn_blocking(move || {
            let mut input = match std::fs::File::open(&from) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(BlobError::NotFound(
                        from.file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                    ));
                }
                Err(e) => return Err(io(&from)(e)),
            };
            let mut output = new_private_file(&to)?;
            let mut sealer = vault.blob_sealer().map_err(vault_err(&to))?;
            output.write_all(sealer.header()).map_err(io(&to))?;
            let mut hasher = Sha256::new();
            let mut size = 0u64;
            let mut buf = vec![0u8; CHUNK];
            let mut out = Vec::with_capacity(CHUNK + CHUNK / 1024);
            loop {
                let n = input.read(&mut buf).map_err(io(&from))?;
                if n == 0 {
                    break;
                }
                size += n as u64;
                hasher.update(&buf[..n]);
                out.clear();
                sealer.update(&buf[..n], &mut out).map_err(vault_err(&to))?;
                output.write_all(&out).map_err(io(&to))?;
            }
            out.clear();
            sealer.finish(&mut out).map_err(vault_err(&to))?;
            output.write_all(&out).map_err(io(&to))?;
            output.sync_all().map_err(io(&to))?;
            Ok((hex::encode(hasher.finalize()), size))
        })
        .await
        .map_err(|e| join_error(&self.describe(), &e))??;
        if found != sha256 {
            return Err(BlobError::Mismatch {
                sha256: sha256.to_owned(),
                found,
            });
        }
        if let Some(dir) = sealed.parent() {
            create_private_dir(dir)?;
        }
        tokio::fs::rename(&tmp, &sealed)
            .await
            .map_err(io(&sealed))?;
        guard.path = None;
        remove_if_there(&plain).await?;
        Ok(size)
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

fn new_private_file(path: &Path) -> Result<std::fs::File, BlobError> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io(path))
}

async fn remove_if_there(path: &Path) -> Result<(), BlobError> {
    match tokio::fs::remove_file(path).await {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(path)(e)),
    }
}

async fn exists(path: &Path) -> Result<bool, BlobError> {
    tokio::fs::try_exists(path).await.map_err(io(path))
}

fn join_error(what: &str, e: &tokio::task::JoinError) -> BlobError {
    BlobError::Io {
        path: what.to_owned(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Every file name in the two-level directory `dir` (missing: none).
async fn list_dir(base: &Path) -> Result<Vec<String>, BlobError> {
    let mut out = Vec::new();
    let mut dirs = match tokio::fs::read_dir(base).await {
        Ok(d) => d,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io(base)(e)),
    };
    while let Some(d) = dirs.next_entry().await.map_err(io(base))? {
        let dir = d.path();
        if !d.file_type().await.map_err(io(&dir))?.is_dir() {
            continue;
        }
        let mut files = tokio::fs::read_dir(&dir).await.map_err(io(&dir))?;
        while let Some(f) = files.next_entry().await.map_err(io(&dir))? {
            out.push(f.file_name().to_string_lossy().into_owned());
        }
    }
    Ok(out)
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

pub(crate) fn temp_name() -> String {
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

/// What the reading task hands the writing thread.
pub(crate) enum Piece {
    Data(Vec<u8>),
    /// The body ended and was within the limit: finish the file.
    End,
}

/// The writing thread of [`receive_sealed`]: seal (when a sealer is given) and write each piece,
/// handing its buffer back to the reading task (allocating a fresh megabyte for every piece cost
/// a third of an upload's throughput); on [`Piece::End`], finish and sync. Returns `false` when
/// the reading task gave up first (the file is then removed unfinished).
fn write_pieces(
    path: &Path,
    mut file: std::fs::File,
    mut pieces: mpsc::Receiver<Piece>,
    spare: &mpsc::UnboundedSender<Vec<u8>>,
    mut sealer: Option<BlobSealer>,
) -> Result<bool, BlobError> {
    let mut out = Vec::with_capacity(CHUNK + CHUNK / 1024 + 64);
    if let Some(s) = &sealer {
        file.write_all(s.header()).map_err(io(path))?;
    }
    loop {
        match pieces.blocking_recv() {
            Some(Piece::Data(data)) => {
                match sealer.as_mut() {
                    Some(s) => {
                        out.clear();
                        s.update(&data, &mut out).map_err(vault_err(path))?;
                        file.write_all(&out).map_err(io(path))?;
                    }
                    None => file.write_all(&data).map_err(io(path))?,
                }
                let _ = spare.send(data);
            }
            Some(Piece::End) => break,
            None => return Ok(false),
        }
    }
    if let Some(s) = sealer {
        out.clear();
        s.finish(&mut out).map_err(vault_err(path))?;
        file.write_all(&out).map_err(io(path))?;
    }
    file.sync_all().map_err(io(path))?;
    Ok(true)
}

/// What the reading task of [`FsBlobStore::put`] learnt of the body.
pub(crate) struct Received {
    pub(crate) sha256: String,
    pub(crate) size: u64,
    pub(crate) head: Vec<u8>,
}

/// Read `body` to its end in pieces of [`CHUNK`], hashing each and handing it to the writer, in
/// the buffers the writer hands back once written. `Ok(None)`: the writer stopped (its own result
/// says why).
pub(crate) async fn read_hashed(
    body: &mut (dyn AsyncRead + Unpin + Send),
    limit: u64,
    pieces: &mpsc::Sender<Piece>,
    spare: &mut mpsc::UnboundedReceiver<Vec<u8>>,
) -> Result<Option<Received>, BlobError> {
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut head: Vec<u8> = Vec::new();
    loop {
        // `read_buf` fills the spare capacity without zeroing it first.
        let mut piece = match spare.try_recv() {
            Ok(mut used) => {
                used.clear();
                used
            }
            Err(_) => Vec::with_capacity(CHUNK),
        };
        let mut ended = false;
        while piece.len() < CHUNK {
            let n = body
                .read_buf(&mut piece)
                .await
                .map_err(|source| BlobError::Interrupted {
                    received: size + piece.len() as u64,
                    source,
                })?;
            if n == 0 {
                ended = true;
                break;
            }
        }
        if !piece.is_empty() {
            size = size.saturating_add(piece.len() as u64);
            if size > limit {
                return Err(BlobError::TooLarge { limit });
            }
            if head.len() < 8192 {
                let take = (8192 - head.len()).min(piece.len());
                head.extend_from_slice(&piece[..take]);
            }
            hasher.update(&piece);
            if pieces.send(Piece::Data(piece)).await.is_err() {
                return Ok(None);
            }
        }
        if ended {
            break;
        }
    }
    if pieces.send(Piece::End).await.is_err() {
        return Ok(None);
    }
    Ok(Some(Received {
        sha256: hex::encode(hasher.finalize()),
        size,
        head,
    }))
}

/// Receive a body into `tmp`, sealing it: read and hashed on this task, sealed and written on a
/// thread, side by side.
async fn receive_sealed(
    body: &mut (dyn AsyncRead + Unpin + Send),
    limit: u64,
    tmp: &Path,
    sealer: BlobSealer,
    store: &str,
) -> Result<Received, BlobError> {
    let file = new_private_file(tmp)?;
    let (to_writer, from_reader) = mpsc::channel(IN_FLIGHT);
    let (to_reader, mut spare) = mpsc::unbounded_channel();
    let path = tmp.to_path_buf();
    let writer = tokio::task::spawn_blocking(move || {
        write_pieces(&path, file, from_reader, &to_reader, Some(sealer))
    });
    let received = read_hashed(body, limit, &to_writer, &mut spare).await;
    drop(to_writer);
    let written = writer.await.map_err(|e| join_error(store, &e))?;
    // A failed read explains a writer that stopped; a writer that failed explains a read cut short
    // by it.
    let Some(received) = received? else {
        written?;
        return Err(BlobError::Io {
            path: tmp.display().to_string(),
            source: std::io::Error::other("the writer stopped"),
        });
    };
    written?;
    Ok(received)
}

/// Receive a body into `tmp` in the clear, as before there were keys: each piece hashed and
/// handed to tokio's file, which writes it on a worker thread while the next piece is read. (The
/// sealing pipeline measured slower than this for plaintext on a busy two-core machine.)
async fn receive_plain(
    body: &mut (dyn AsyncRead + Unpin + Send),
    limit: u64,
    tmp: &Path,
) -> Result<Received, BlobError> {
    use tokio::io::AsyncWriteExt;
    let mut file = tokio::fs::File::from_std(new_private_file(tmp)?);
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
        let piece = &buf[..n];
        size = size.saturating_add(n as u64);
        if size > limit {
            return Err(BlobError::TooLarge { limit });
        }
        if head.len() < 8192 {
            let take = (8192 - head.len()).min(n);
            head.extend_from_slice(&piece[..take]);
        }
        hasher.update(piece);
        file.write_all(piece).await.map_err(io(tmp))?;
    }
    file.sync_all().await.map_err(io(tmp))?;
    Ok(Received {
        sha256: hex::encode(hasher.finalize()),
        size,
        head,
    })
}

/// A sealed file's plaintext as an `AsyncRead`: a thread opens it segment by segment and hands
/// the pieces over a bounded channel.
pub(crate) struct OpenedReader {
    pieces: mpsc::Receiver<std::io::Result<Vec<u8>>>,
    piece: Vec<u8>,
    at: usize,
}

impl OpenedReader {
    /// A reader of the pieces an opening task sends (an error ends the file with that error).
    pub(crate) fn new(pieces: mpsc::Receiver<std::io::Result<Vec<u8>>>) -> OpenedReader {
        OpenedReader {
            pieces,
            piece: Vec::new(),
            at: 0,
        }
    }
}

impl AsyncRead for OpenedReader {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        loop {
            if self.at < self.piece.len() {
                let n = buf.remaining().min(self.piece.len() - self.at);
                let at = self.at;
                buf.put_slice(&self.piece[at..at + n]);
                self.at += n;
                return Poll::Ready(Ok(()));
            }
            match ready!(self.pieces.poll_recv(cx)) {
                Some(Ok(piece)) => {
                    self.piece = piece;
                    self.at = 0;
                }
                Some(Err(e)) => return Poll::Ready(Err(e)),
                None => return Poll::Ready(Ok(())),
            }
        }
    }
}

/// Read a sealed file after its header, opening it; each piece of plaintext goes to `each`
/// (which returns `false` to stop early). A file cut short or changed is an error at the point
/// it is found.
fn open_pieces(
    path: &Path,
    file: &mut std::fs::File,
    mut opener: BlobOpener,
    mut each: impl FnMut(Vec<u8>) -> bool,
) -> Result<(), BlobError> {
    let mut buf = vec![0u8; 16 * SEALED_SEGMENT];
    loop {
        let n = file.read(&mut buf).map_err(io(path))?;
        if n == 0 {
            break;
        }
        let mut out = Vec::with_capacity(n);
        opener
            .update(&buf[..n], &mut out)
            .map_err(vault_err(path))?;
        if !out.is_empty() && !each(out) {
            return Ok(());
        }
    }
    let mut out = Vec::new();
    opener.finish(&mut out).map_err(vault_err(path))?;
    if !out.is_empty() {
        each(out);
    }
    Ok(())
}

/// Open a sealed file: its plaintext size (from the sealed size) and an opener for what follows
/// the header, which has been read.
fn start_opening(
    vault: &Vault,
    path: &Path,
    file: &mut std::fs::File,
) -> Result<(u64, BlobOpener), BlobError> {
    let len = file.metadata().map_err(io(path))?.len();
    let size = plaintext_len(len).ok_or_else(|| {
        vault_err(path)(VaultError::Format("a sealed file of an impossible length"))
    })?;
    let mut header = [0u8; HEADER_LEN];
    file.read_exact(&mut header).map_err(io(path))?;
    let opener = vault.blob_opener(&header).map_err(vault_err(path))?;
    Ok((size, opener))
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
        let received = match &self.vault {
            Some(vault) => {
                let sealer = vault.blob_sealer().map_err(vault_err(&tmp))?;
                receive_sealed(body, limit, &tmp, sealer, &self.describe()).await?
            }
            None => receive_plain(body, limit, &tmp).await?,
        };
        let sha256 = received.sha256;
        let (dest, other) = if self.seals() {
            (self.path_of(SEALED, &sha256), self.path_of(PLAIN, &sha256))
        } else {
            (self.path_of(PLAIN, &sha256), self.path_of(SEALED, &sha256))
        };
        let dest_existed = exists(&dest).await?;
        let other_existed = exists(&other).await?;
        // Without keys, bytes already kept sealed are not written again in the clear.
        if !dest_existed && (self.seals() || !other_existed) {
            if let Some(dir) = dest.parent() {
                create_private_dir(dir)?;
            }
            tokio::fs::rename(&tmp, &dest).await.map_err(io(&dest))?;
            guard.path = None;
            if self.seals() && other_existed {
                // The same bytes were kept in the clear: the sealed copy replaces them.
                remove_if_there(&other).await?;
            }
        }
        Ok(StoredBlob {
            sha256,
            size: received.size,
            media_type: sniff(&received.head),
            existed: dest_existed || other_existed,
        })
    }

    async fn open(&self, sha256: &str) -> Result<BlobReader, BlobError> {
        check_hash(sha256)?;
        let sealed = self.path_of(SEALED, sha256);
        match std::fs::File::open(&sealed) {
            Ok(mut file) => {
                let vault = self
                    .vault
                    .clone()
                    .ok_or_else(|| BlobError::Locked(sha256.to_owned()))?;
                let (size, opener) = start_opening(&vault, &sealed, &mut file)?;
                let (to_reader, pieces) = mpsc::channel(IN_FLIGHT);
                tokio::task::spawn_blocking(move || {
                    let opened = open_pieces(&sealed, &mut file, opener, |piece| {
                        to_reader.blocking_send(Ok(piece)).is_ok()
                    });
                    if let Err(e) = opened {
                        let _ = to_reader.blocking_send(Err(std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            e.to_string(),
                        )));
                    }
                });
                return Ok(BlobReader {
                    size,
                    reader: Box::new(OpenedReader::new(pieces)),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io(&sealed)(e)),
        }
        let path = self.path_of(PLAIN, sha256);
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
        let sealed = self.path_of(SEALED, sha256);
        let plain = self.path_of(PLAIN, sha256);
        let owned = sha256.to_owned();
        let vault = self.vault.clone();
        // Plain blocking reads on a worker thread: the fastest way through a large file. A sealed
        // file is opened on that thread and hashed on a second one, side by side.
        tokio::task::spawn_blocking(move || {
            match std::fs::File::open(&sealed) {
                Ok(mut file) => {
                    let vault = vault.ok_or(BlobError::Locked(owned))?;
                    let (_, opener) = start_opening(&vault, &sealed, &mut file)?;
                    return std::thread::scope(|scope| {
                        let (to_hasher, pieces) =
                            std::sync::mpsc::sync_channel::<Vec<u8>>(IN_FLIGHT);
                        let hasher = scope.spawn(move || {
                            let mut hasher = Sha256::new();
                            let mut size = 0u64;
                            for piece in pieces {
                                size += piece.len() as u64;
                                hasher.update(&piece);
                            }
                            (hex::encode(hasher.finalize()), size)
                        });
                        let opened = open_pieces(&sealed, &mut file, opener, |piece| {
                            to_hasher.send(piece).is_ok()
                        });
                        drop(to_hasher);
                        let hashed = hasher.join().map_err(|_| BlobError::Io {
                            path: sealed.display().to_string(),
                            source: std::io::Error::other("the hashing thread panicked"),
                        })?;
                        opened.map(|()| hashed)
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(&sealed)(e)),
            }
            let mut file = match std::fs::File::open(&plain) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(BlobError::NotFound(owned));
                }
                Err(e) => return Err(io(&plain)(e)),
            };
            let mut hasher = Sha256::new();
            let mut buf = vec![0u8; CHUNK];
            let mut size = 0u64;
            loop {
                let n = file.read(&mut buf).map_err(io(&plain))?;
                if n == 0 {
                    break;
                }
                size += n as u64;
                hasher.update(&buf[..n]);
            }
            Ok((hex::encode(hasher.finalize()), size))
        })
        .await
        .map_err(|e| join_error(&self.describe(), &e))?
    }

    async fn list(&self) -> Result<Vec<String>, BlobError> {
        let mut out = list_dir(&self.root.join(PLAIN)).await?;
        out.extend(list_dir(&self.root.join(SEALED)).await?);
        out.sort();
        out.dedup();
        Ok(out)
    }

    async fn remove(&self, sha256: &str) -> Result<(), BlobError> {
        check_hash(sha256)?;
        remove_if_there(&self.path_of(SEALED, sha256)).await?;
        remove_if_there(&self.path_of(PLAIN, sha256)).await
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

    async fn plaintext_blobs(&self) -> Result<Vec<String>, BlobError> {
        FsBlobStore::plaintext_blobs(self).await
    }

    async fn seal_plaintext(&self, sha256: &str) -> Result<u64, BlobError> {
        FsBlobStore::seal_plaintext(self, sha256).await
    }

    fn describe(&self) -> String {
        self.root.display().to_string()
    }
}
