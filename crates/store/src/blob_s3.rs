//! Evidence bytes in S3-compatible object storage, behind the same [`BlobStore`] interface as the
//! directory, through the `object_store` crate.
//!
//! The bucket holds the directory's layout under the URL's prefix: `sha256/<ab>/<hash>` (stored
//! without keys), `sealed/<ab>/<hash>` (sealed with the instance's data key), and `tmp/` for
//! uploads in progress. So an evidence directory copied into a bucket with any S3 tool (or back)
//! is a valid store.
//!
//! Streaming both ways, in constant memory whatever the file's size:
//! - An upload is read, hashed (SHA-256) and, with keys, sealed piece by piece — by the same
//!   reading task as the directory's ([`crate::blob`]'s `read_hashed`) and accord-vault's
//!   [`accord_vault::BlobSealer`] — into a multipart upload of a temporary object under `tmp/`
//!   (parts of 8 MiB, at most two in flight). Once complete and hashed it is copied to its
//!   content address and removed. The same bytes twice are one object. A failed, refused or
//!   interrupted upload is aborted (no part is kept); one whose process died is an incomplete
//!   multipart upload, invisible to readers, that the bucket's lifecycle rule
//!   (`AbortIncompleteMultipartUpload`) clears, and a temporary object left between the copy and
//!   its removal is removed by [`BlobStore::sweep_temporary`] once a day old ([`TMP_MIN_AGE`]).
//! - A download is the object's body as a stream of chunks (opened segment by segment when it
//!   is sealed); `rehash` reads the same stream.
//!
//! Opening checks the settings at once: the URL, the credentials (never the cloud's instance
//! metadata service unless its endpoint is configured), and a small write and delete of a marker
//! object, so a bucket that does not exist, refuses writes or cannot be reached stops the start
//! with the reason, not the first upload.
//!
//! S3 copies at most 5 GiB in one request ([`MAX_OBJECT`]): an upload limit above that is
//! refused by the command line when the evidence store is S3.

use std::fmt::Debug;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::{Duration, SystemTime};

use accord_vault::stream::{HEADER_LEN, plaintext_len};
use accord_vault::{BlobOpener, Vault, VaultError};
use async_trait::async_trait;
use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, RetryConfig, WriteMultipart};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};
use tokio::sync::mpsc;

use crate::blob::{
    BlobError, BlobReader, BlobStore, CHUNK, IN_FLIGHT, OpenedReader, PLAIN, Piece, Received,
    SEALED, StoredBlob, check_hash, read_hashed, sniff, temp_name,
};

/// The largest object S3 copies in one request (5 GiB): the largest sealed evidence file.
pub const MAX_OBJECT: u64 = 5 << 30;
/// The largest upload limit an S3 store accepts: [`MAX_OBJECT`] less room for sealing's tags.
pub const MAX_UPLOAD_LIMIT: u64 = MAX_OBJECT - (16 << 20);
/// Bytes per part of a multipart upload (S3 wants at least 5 MiB but for the last).
const PART: usize = 8 << 20;
/// Parts uploaded at once: an upload holds at most this many parts and one being filled.
const PARTS_IN_FLIGHT: usize = 2;
const TMP: &str = "tmp";
/// Temporary objects younger than this are never swept, whatever the caller asks: S3 dates an
/// object made by a multipart upload from the upload's *start*, so the temporary object of a long
/// upload (a large video over a slow link) looks old the moment it is complete, before it is
/// copied to its name. A day outlasts any upload within the limit.
pub const TMP_MIN_AGE: Duration = Duration::from_secs(24 * 3600);

/// Whether a setting names object storage rather than a directory.
pub fn is_s3_url(text: &str) -> bool {
    text.starts_with("s3://")
}

/// A bucket and the prefix of Accord's objects in it, from `s3://bucket/prefix`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Location {
    pub bucket: String,
    /// Without leading or trailing `/`; empty for the bucket's root.
    pub prefix: String,
}

impl S3Location {
    /// Read `s3://bucket[/prefix]`. Credentials never go in the URL (they would show in process
    /// lists and logs): they come from the environment.
    pub fn parse(url: &str) -> Result<S3Location, BlobError> {
        let bad = |why: &str| {
            BlobError::Setup(format!("{url:?} is not an s3://bucket/prefix URL: {why}"))
        };
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| bad("it does not start with s3://"))?;
        if rest.contains(['?', '#']) {
            return Err(bad("no query or fragment"));
        }
        if rest.contains('@') {
            // Not repeated in the message: it would put the secret in logs.
            return Err(BlobError::Setup(
                "an s3:// URL with credentials in it: no credentials in the URL (set \
                 AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)"
                    .to_owned(),
            ));
        }
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(bad("the bucket is missing"));
        }
        if !bucket
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            return Err(bad(
                "a bucket name has only letters, digits, '.', '-' and '_'",
            ));
        }
        let prefix = prefix.trim_matches('/');
        if !prefix.is_empty() {
            ObjectPath::parse(prefix).map_err(|e| bad(&format!("the prefix: {e}")))?;
            if prefix
                .split('/')
                .any(|part| part.is_empty() || part == "." || part == "..")
            {
                return Err(bad("the prefix has an empty, '.' or '..' part"));
            }
        }
        Ok(S3Location {
            bucket: bucket.to_owned(),
            prefix: prefix.to_owned(),
        })
    }

    /// `s3://bucket/prefix`, for messages.
    pub fn url(&self) -> String {
        if self.prefix.is_empty() {
            format!("s3://{}", self.bucket)
        } else {
            format!("s3://{}/{}", self.bucket, self.prefix)
        }
    }
}

/// Evidence in a bucket: see the module's documentation.
#[derive(Clone)]
pub struct S3BlobStore {
    store: Arc<dyn ObjectStore>,
    /// The same client with few retries, for the check at start.
    probe: Arc<dyn ObjectStore>,
    /// Where requests go, for messages.
    endpoint: String,
    location: S3Location,
    /// Set: new objects are sealed, and sealed objects can be read.
    vault: Option<Arc<Vault>>,
}

impl Debug for S3BlobStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3BlobStore")
            .field("location", &self.location.url())
            .field("seals", &self.vault.is_some())
            .finish_non_exhaustive()
    }
}

impl S3BlobStore {
    /// Open the bucket `url` names with the endpoint, region and credentials the environment
    /// gives (`AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
    /// `AWS_ALLOW_HTTP`, … as `object_store` reads them), and check that it takes a write.
    pub async fn open(url: &str) -> Result<S3BlobStore, BlobError> {
        S3BlobStore::open_with(url, AmazonS3Builder::from_env()).await
    }

    /// [`S3BlobStore::open`] with the client's settings given rather than read from the
    /// environment.
    pub async fn open_with(url: &str, builder: AmazonS3Builder) -> Result<S3BlobStore, BlobError> {
        let store = S3BlobStore::connect(url, builder)?;
        store.check_writable().await?;
        Ok(store)
    }

    /// [`S3BlobStore::connect`] with the client's settings from the environment.
    pub fn connect_from_env(url: &str) -> Result<S3BlobStore, BlobError> {
        S3BlobStore::connect(url, AmazonS3Builder::from_env())
    }

    /// The client for the bucket, without a request yet: the URL and the credentials are
    /// checked, not the bucket ([`S3BlobStore::check_writable`] does that).
    pub fn connect(url: &str, builder: AmazonS3Builder) -> Result<S3BlobStore, BlobError> {
        let location = S3Location::parse(url)?;
        install_tls_provider();
        check_credentials(&builder)?;
        let endpoint = builder
            .get_config_value(&AmazonS3ConfigKey::Endpoint)
            .unwrap_or_else(|| "AWS's default endpoint".to_owned());
        let builder = builder.with_bucket_name(&location.bucket);
        // The check at start gives up quickly: an endpoint that does not answer is a setting to
        // fix, not a hiccup to wait out. Uploads keep object_store's patient retries.
        let probe: Arc<dyn ObjectStore> = Arc::new(
            builder
                .clone()
                .with_retry(RetryConfig {
                    max_retries: 1,
                    retry_timeout: Duration::from_secs(10),
                    backoff: object_store::BackoffConfig::default(),
                })
                .build()
                .map_err(|e| setup(&location, &e))?,
        );
        let store: Arc<dyn ObjectStore> =
            Arc::new(builder.build().map_err(|e| setup(&location, &e))?);
        Ok(S3BlobStore {
            store,
            probe,
            endpoint,
            location,
            vault: None,
        })
    }

    /// The same bucket with the instance's keys open: new objects are sealed.
    #[must_use]
    pub fn with_vault(mut self, vault: Arc<Vault>) -> S3BlobStore {
        self.vault = Some(vault);
        self
    }

    /// Whether new objects are sealed.
    pub fn seals(&self) -> bool {
        self.vault.is_some()
    }

    pub fn location(&self) -> &S3Location {
        &self.location
    }

    /// Write and delete a marker object under `tmp/`: the bucket exists, can be reached and takes
    /// writes from these credentials.
    pub async fn check_writable(&self) -> Result<(), BlobError> {
        let store = self.probe.as_ref();
        let endpoint = &self.endpoint;
        let marker = self.key(&format!("{TMP}/write-check-{}", temp_name()));
        let url = self.location.url();
        store
            .put(&marker, PutPayload::from_static(b"accord write check\n"))
            .await
            .map_err(|e| {
                let why = match &e {
                    object_store::Error::NotFound { .. } => {
                        "the bucket does not exist (or the endpoint is not this bucket's)"
                    }
                    object_store::Error::PermissionDenied { .. }
                    | object_store::Error::Unauthenticated { .. } => {
                        "the bucket refuses writes with these credentials"
                    }
                    _ => "cannot write a test object",
                };
                BlobError::Remote {
                    what: format!("{url} (endpoint {endpoint}): {why}"),
                    detail: short_error(&e),
                }
            })?;
        store.delete(&marker).await.map_err(|e| BlobError::Remote {
            what: format!("{url} (endpoint {endpoint}): cannot delete the test object {marker}"),
            detail: short_error(&e),
        })
    }

    /// The object key of `rest` under the prefix.
    fn key(&self, rest: &str) -> ObjectPath {
        if self.location.prefix.is_empty() {
            ObjectPath::from(rest)
        } else {
            ObjectPath::from(format!("{}/{rest}", self.location.prefix))
        }
    }

    fn blob_key(&self, dir: &str, sha256: &str) -> ObjectPath {
        self.key(&format!("{dir}/{}/{sha256}", &sha256[..2]))
    }

    fn remote(&self, what: &ObjectPath) -> impl Fn(object_store::Error) -> BlobError + use<> {
        let what = format!("{}: {what}", self.location.url());
        move |e| BlobError::Remote {
            what: what.clone(),
            detail: short_error(&e),
        }
    }

    async fn exists(&self, key: &ObjectPath) -> Result<bool, BlobError> {
        match self.store.head(key).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(self.remote(key)(e)),
        }
    }

    async fn delete_if_there(&self, key: &ObjectPath) -> Result<(), BlobError> {
        match self.store.delete(key).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.remote(key)(e)),
        }
    }

    /// Every hash under `dir` (`sha256/` or `sealed/`).
    async fn list_dir(&self, dir: &str) -> Result<Vec<String>, BlobError> {
        let base = self.key(dir);
        let mut out: Vec<String> = self
            .store
            .list(Some(&base))
            .map_err(self.remote(&base))
            .try_filter_map(|meta| async move {
                Ok(meta
                    .location
                    .filename()
                    .filter(|name| accord_core::validate::is_sha256(name))
                    .map(str::to_owned))
            })
            .try_collect()
            .await?;
        out.sort();
        Ok(out)
    }

    /// Stream `body` into a multipart upload of `tmp` (sealed when `vault` is set), hashing it.
    /// On any error the upload is aborted before returning; if this future is dropped midway,
    /// the guard aborts it.
    async fn upload(
        &self,
        body: &mut (dyn AsyncRead + Unpin + Send),
        limit: u64,
        tmp: &ObjectPath,
        vault: Option<&Vault>,
    ) -> Result<Received, BlobError> {
        let mut sealer = match vault {
            Some(v) => Some(v.blob_sealer().map_err(|source| BlobError::Vault {
                path: tmp.to_string(),
                source,
            })?),
            None => None,
        };
        let upload = self
            .store
            .put_multipart(tmp)
            .await
            .map_err(self.remote(tmp))?;
        let mut guard = UploadGuard {
            writer: Some(WriteMultipart::new_with_chunk_size(upload, PART)),
        };
        let (to_writer, mut from_reader) = mpsc::channel(IN_FLIGHT);
        let (to_reader, mut spare) = mpsc::unbounded_channel();
        let reading = async move {
            let received = read_hashed(body, limit, &to_writer, &mut spare).await;
            drop(to_writer);
            received
        };
        let writer = guard.writer.as_mut();
        let writing = async move {
            let Some(writer) = writer else {
                return Ok(false);
            };
            let mut out = Vec::with_capacity(CHUNK + CHUNK / 1024 + 64);
            if let Some(s) = &sealer {
                writer.write(s.header());
            }
            while let Some(piece) = from_reader.recv().await {
                match piece {
                    Piece::Data(data) => {
                        writer
                            .wait_for_capacity(PARTS_IN_FLIGHT)
                            .await
                            .map_err(self.remote(tmp))?;
                        match sealer.as_mut() {
                            Some(s) => {
                                out.clear();
                                s.update(&data, &mut out)
                                    .map_err(|source| BlobError::Vault {
                                        path: tmp.to_string(),
                                        source,
                                    })?;
                                writer.write(&out);
                            }
                            None => writer.write(&data),
                        }
                        let _ = to_reader.send(data);
                    }
                    Piece::End => {
                        if let Some(s) = sealer.take() {
                            out.clear();
                            s.finish(&mut out).map_err(|source| BlobError::Vault {
                                path: tmp.to_string(),
                                source,
                            })?;
                            writer.write(&out);
                        }
                        return Ok(true);
                    }
                }
            }
            Ok(false)
        };
        let (received, written) = tokio::join!(reading, writing);
        // A failed read explains a writer that stopped; a writer that failed explains a read cut
        // short by it.
        let outcome = match (received, written) {
            (Err(e), _) | (Ok(_), Err(e)) => Err(e),
            (Ok(Some(received)), Ok(true)) => Ok(received),
            (Ok(_), Ok(_)) => Err(BlobError::Setup(format!(
                "{}: the upload stopped before its end",
                self.location.url()
            ))),
        };
        let writer = guard.writer.take();
        match (outcome, writer) {
            (Ok(received), Some(writer)) => {
                writer.finish().await.map_err(self.remote(tmp))?;
                Ok(received)
            }
            (Ok(_), None) => Err(BlobError::Setup("the upload was lost".to_owned())),
            (Err(e), writer) => {
                if let Some(w) = writer {
                    let _ = w.abort().await;
                }
                Err(e)
            }
        }
    }

    /// The plaintext of `sha256` as a stream of chunks, with its size: the sealed object opened
    /// as it streams, or the plain one as it is.
    async fn read(&self, sha256: &str) -> Result<BlobReader, BlobError> {
        check_hash(sha256)?;
        let sealed = self.blob_key(SEALED, sha256);
        match self.store.get(&sealed).await {
            Ok(got) => {
                let vault = self
                    .vault
                    .clone()
                    .ok_or_else(|| BlobError::Locked(sha256.to_owned()))?;
                let size = plaintext_len(got.meta.size).ok_or_else(|| BlobError::Vault {
                    path: sealed.to_string(),
                    source: VaultError::Format("a sealed file of an impossible length"),
                })?;
                let mut stream = got.into_stream();
                let mut header = Vec::with_capacity(HEADER_LEN);
                let mut rest = Vec::new();
                while header.len() < HEADER_LEN {
                    let Some(chunk) = stream.next().await else {
                        break;
                    };
                    let chunk = chunk.map_err(self.remote(&sealed))?;
                    let take = (HEADER_LEN - header.len()).min(chunk.len());
                    header.extend_from_slice(&chunk[..take]);
                    rest.extend_from_slice(&chunk[take..]);
                }
                let opener = vault
                    .blob_opener(&header)
                    .map_err(|source| BlobError::Vault {
                        path: sealed.to_string(),
                        source,
                    })?;
                let (to_reader, pieces) = mpsc::channel(IN_FLIGHT);
                let what = format!("{}: {sealed}", self.location.url());
                tokio::spawn(open_stream(stream, rest, opener, to_reader, what));
                Ok(BlobReader {
                    size,
                    reader: Box::new(OpenedReader::new(pieces)),
                })
            }
            Err(object_store::Error::NotFound { .. }) => {
                let plain = self.blob_key(PLAIN, sha256);
                match self.store.get(&plain).await {
                    Ok(got) => Ok(BlobReader {
                        size: got.meta.size,
                        reader: Box::new(StreamRead {
                            stream: got.into_stream(),
                            chunk: Bytes::new(),
                        }),
                    }),
                    Err(object_store::Error::NotFound { .. }) => {
                        Err(BlobError::NotFound(sha256.to_owned()))
                    }
                    Err(e) => Err(self.remote(&plain)(e)),
                }
            }
            Err(e) => Err(self.remote(&sealed)(e)),
        }
    }

    /// [`BlobStore::sweep_temporary`] without its floor of [`TMP_MIN_AGE`] (for tests).
    #[doc(hidden)]
    pub async fn sweep_temporary_exactly(&self, older_than: Duration) -> Result<usize, BlobError> {
        let base = self.key(TMP);
        let old: Vec<ObjectPath> = self
            .store
            .list(Some(&base))
            .map_err(self.remote(&base))
            .try_filter_map(|meta| async move {
                let age = SystemTime::from(meta.last_modified)
                    .elapsed()
                    .unwrap_or_default();
                Ok((age >= older_than).then_some(meta.location))
            })
            .try_collect()
            .await?;
        for key in &old {
            self.delete_if_there(key).await?;
        }
        Ok(old.len())
    }

    /// Move a complete temporary object to `dest` (a copy, then the temporary one removed).
    async fn settle(&self, tmp: &ObjectPath, dest: &ObjectPath) -> Result<(), BlobError> {
        self.store
            .copy(tmp, dest)
            .await
            .map_err(self.remote(dest))?;
        self.delete_if_there(tmp).await
    }
}

/// Make ring the process's TLS provider, which object_store's HTTP client needs before it is
/// built (reqwest panics without one). reqwest is built with rustls and no provider of its own:
/// the default, aws-lc-rs, needs cmake and a C build that the cold build cannot afford. Called by
/// [`S3BlobStore::connect`]; an `object_store` client built elsewhere (tests) calls it first. A
/// provider already installed stays.
pub fn install_tls_provider() {
    #[allow(
        deprecated,
        reason = "ring lacks the post-quantum key exchange; aws-lc-rs would add minutes of C build"
    )]
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Refuse to start without credentials rather than let the client ask the cloud's instance
/// metadata service (an address outside this machine) for some: `AWS_ACCESS_KEY_ID` and
/// `AWS_SECRET_ACCESS_KEY`, a web identity, container credentials, `AWS_SKIP_SIGNATURE=true`
/// for a public bucket, or `AWS_METADATA_ENDPOINT` to use the instance's role on purpose.
fn check_credentials(builder: &AmazonS3Builder) -> Result<(), BlobError> {
    let set = |key: AmazonS3ConfigKey| {
        builder
            .get_config_value(&key)
            .is_some_and(|v| !v.trim().is_empty())
    };
    let key = set(AmazonS3ConfigKey::AccessKeyId);
    let secret = set(AmazonS3ConfigKey::SecretAccessKey);
    match (key, secret) {
        (true, true) => return Ok(()),
        (true, false) => {
            return Err(BlobError::Setup(
                "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is missing".to_owned(),
            ));
        }
        (false, true) => {
            return Err(BlobError::Setup(
                "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is missing".to_owned(),
            ));
        }
        (false, false) => {}
    }
    let skip = builder
        .get_config_value(&AmazonS3ConfigKey::SkipSignature)
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    let other = [
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_METADATA_ENDPOINT",
    ]
    .iter()
    .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
    if skip || other {
        return Ok(());
    }
    Err(BlobError::Setup(
        "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or \
         AWS_SKIP_SIGNATURE=true for a bucket that needs none)"
            .to_owned(),
    ))
}

/// What went wrong, in a line: the root cause of the chain (object_store repeats each cause in
/// its own message), and for S3's XML errors their status, code and message rather than the XML.
pub(crate) fn short_error(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        last = c.to_string();
        cause = c.source();
    }
    let between = |text: &str, open: &str, close: &str| {
        let start = text.find(open)? + open.len();
        let len = text[start..].find(close)?;
        Some(text[start..start + len].to_owned())
    };
    match between(&last, "<Code>", "</Code>") {
        Some(code) => {
            let status = between(&last, "status code: ", ":").unwrap_or_default();
            let message = between(&last, "<Message>", "</Message>").unwrap_or_default();
            if status.is_empty() {
                format!("{code}: {message}")
            } else {
                format!("{status} ({code}: {message})")
            }
        }
        None => last,
    }
}

fn setup(location: &S3Location, e: &object_store::Error) -> BlobError {
    BlobError::Setup(format!("{}: {e}", location.url()))
}

/// Aborts a multipart upload that was neither finished nor aborted (its future was dropped: the
/// client went away).
struct UploadGuard {
    writer: Option<WriteMultipart>,
}

impl Drop for UploadGuard {
    fn drop(&mut self) {
        if let Some(writer) = self.writer.take()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            runtime.spawn(async move {
                let _ = writer.abort().await;
            });
        }
    }
}

/// Removes a temporary object unless it was settled (also when the future is dropped).
struct TempObject {
    store: Arc<dyn ObjectStore>,
    key: Option<ObjectPath>,
}

impl Drop for TempObject {
    fn drop(&mut self) {
        if let Some(key) = self.key.take()
            && let Ok(runtime) = tokio::runtime::Handle::try_current()
        {
            let store = self.store.clone();
            runtime.spawn(async move {
                let _ = store.delete(&key).await;
            });
        }
    }
}

/// Open a sealed object's stream after its header (`rest`: bytes already read past it), sending
/// the plaintext to `to_reader`; a cut or changed object ends the stream with an error.
async fn open_stream(
    mut stream: BoxStream<'static, object_store::Result<Bytes>>,
    rest: Vec<u8>,
    mut opener: BlobOpener,
    to_reader: mpsc::Sender<std::io::Result<Vec<u8>>>,
    what: String,
) {
    let failed = |e: &dyn std::fmt::Display| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{what}: {e}"))
    };
    let mut out = Vec::new();
    if let Err(e) = opener.update(&rest, &mut out) {
        let _ = to_reader.send(Err(failed(&e))).await;
        return;
    }
    loop {
        if !out.is_empty() && to_reader.send(Ok(std::mem::take(&mut out))).await.is_err() {
            return;
        }
        match stream.next().await {
            Some(Ok(chunk)) => {
                if let Err(e) = opener.update(&chunk, &mut out) {
                    let _ = to_reader.send(Err(failed(&e))).await;
                    return;
                }
            }
            Some(Err(e)) => {
                let _ = to_reader
                    .send(Err(std::io::Error::other(format!("{what}: {e}"))))
                    .await;
                return;
            }
            None => break,
        }
    }
    match opener.finish(&mut out) {
        Ok(()) => {
            if !out.is_empty() {
                let _ = to_reader.send(Ok(out)).await;
            }
        }
        Err(e) => {
            let _ = to_reader.send(Err(failed(&e))).await;
        }
    }
}

/// An object's body as an `AsyncRead`.
struct StreamRead {
    stream: BoxStream<'static, object_store::Result<Bytes>>,
    chunk: Bytes,
}

impl AsyncRead for StreamRead {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        loop {
            if !self.chunk.is_empty() {
                let n = buf.remaining().min(self.chunk.len());
                let piece = self.chunk.split_to(n);
                buf.put_slice(&piece);
                return Poll::Ready(Ok(()));
            }
            match ready!(self.stream.poll_next_unpin(cx)) {
                Some(Ok(chunk)) => self.chunk = chunk,
                Some(Err(e)) => return Poll::Ready(Err(std::io::Error::other(e))),
                None => return Poll::Ready(Ok(())),
            }
        }
    }
}

#[async_trait]
impl BlobStore for S3BlobStore {
    async fn put(
        &self,
        body: &mut (dyn AsyncRead + Unpin + Send),
        limit: u64,
    ) -> Result<StoredBlob, BlobError> {
        let tmp = self.key(&format!("{TMP}/{}", temp_name()));
        let received = self
            .upload(body, limit, &tmp, self.vault.as_deref())
            .await?;
        let mut temp = TempObject {
            store: self.store.clone(),
            key: Some(tmp.clone()),
        };
        let sha256 = received.sha256;
        let (dest, other) = if self.seals() {
            (
                self.blob_key(SEALED, &sha256),
                self.blob_key(PLAIN, &sha256),
            )
        } else {
            (
                self.blob_key(PLAIN, &sha256),
                self.blob_key(SEALED, &sha256),
            )
        };
        let dest_existed = self.exists(&dest).await?;
        let other_existed = self.exists(&other).await?;
        // Without keys, bytes already kept sealed are not written again in the clear.
        if !dest_existed && (self.seals() || !other_existed) {
            self.settle(&tmp, &dest).await?;
            if self.seals() && other_existed {
                // The same bytes were kept in the clear: the sealed copy replaces them.
                self.delete_if_there(&other).await?;
            }
        } else {
            self.delete_if_there(&tmp).await?;
        }
        temp.key = None;
        Ok(StoredBlob {
            sha256,
            size: received.size,
            media_type: sniff(&received.head),
            existed: dest_existed || other_existed,
        })
    }

    async fn open(&self, sha256: &str) -> Result<BlobReader, BlobError> {
        self.read(sha256).await
    }

    async fn rehash(&self, sha256: &str) -> Result<(String, u64), BlobError> {
        let mut reader = self.read(sha256).await?.reader;
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut buf = vec![0u8; CHUNK];
        loop {
            let n = reader.read(&mut buf).await.map_err(|e| BlobError::Remote {
                what: format!("{}: evidence file {sha256}", self.location.url()),
                detail: short_error(&e),
            })?;
            if n == 0 {
                break;
            }
            size += n as u64;
            hasher.update(&buf[..n]);
        }
        Ok((hex::encode(hasher.finalize()), size))
    }

    async fn list(&self) -> Result<Vec<String>, BlobError> {
        let mut out = self.list_dir(PLAIN).await?;
        out.extend(self.list_dir(SEALED).await?);
        out.sort();
        out.dedup();
        Ok(out)
    }

    async fn remove(&self, sha256: &str) -> Result<(), BlobError> {
        check_hash(sha256)?;
        self.delete_if_there(&self.blob_key(SEALED, sha256)).await?;
        self.delete_if_there(&self.blob_key(PLAIN, sha256)).await
    }

    async fn sweep_temporary(&self, older_than: Duration) -> Result<usize, BlobError> {
        self.sweep_temporary_exactly(older_than.max(TMP_MIN_AGE))
            .await
    }

    async fn plaintext_blobs(&self) -> Result<Vec<String>, BlobError> {
        self.list_dir(PLAIN).await
    }

    async fn seal_plaintext(&self, sha256: &str) -> Result<u64, BlobError> {
        check_hash(sha256)?;
        let vault = self
            .vault
            .clone()
            .ok_or_else(|| BlobError::Locked(sha256.to_owned()))?;
        let plain = self.blob_key(PLAIN, sha256);
        let sealed = self.blob_key(SEALED, sha256);
        if self.exists(&sealed).await? {
            // Sealed before a crash that left the plaintext behind.
            self.delete_if_there(&plain).await?;
            return Ok(0);
        }
        let got = match self.store.get(&plain).await {
            Ok(got) => got,
            Err(object_store::Error::NotFound { .. }) => {
                return Err(BlobError::NotFound(sha256.to_owned()));
            }
            Err(e) => return Err(self.remote(&plain)(e)),
        };
        let mut body = StreamRead {
            stream: got.into_stream(),
            chunk: Bytes::new(),
        };
        let tmp = self.key(&format!("{TMP}/{}", temp_name()));
        let received = self
            .upload(&mut body, u64::MAX, &tmp, Some(vault.as_ref()))
            .await?;
        let mut temp = TempObject {
            store: self.store.clone(),
            key: Some(tmp.clone()),
        };
        if received.sha256 != sha256 {
            self.delete_if_there(&tmp).await?;
            temp.key = None;
            return Err(BlobError::Mismatch {
                sha256: sha256.to_owned(),
                found: received.sha256,
            });
        }
        self.settle(&tmp, &sealed).await?;
        temp.key = None;
        self.delete_if_there(&plain).await?;
        Ok(received.size)
    }

    fn describe(&self) -> String {
        self.location.url()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_a_bucket_and_a_clean_prefix() {
        assert_eq!(
            S3Location::parse("s3://evidence").unwrap(),
            S3Location {
                bucket: "evidence".into(),
                prefix: String::new()
            }
        );
        let at = S3Location::parse("s3://my-bucket/accord/prod/").unwrap();
        assert_eq!(
            (at.bucket.as_str(), at.prefix.as_str()),
            ("my-bucket", "accord/prod")
        );
        assert_eq!(at.url(), "s3://my-bucket/accord/prod");
        for bad in [
            "evidence",
            "s3:/evidence",
            "file:///tmp/x",
            "s3://",
            "s3:///prefix",
            "s3://bucket/p?x=1",
            "s3://bucket/a//b",
            "s3://bucket/a/../b",
            "s3://bu cket/p",
        ] {
            let err = S3Location::parse(bad).unwrap_err().to_string();
            assert!(
                err.contains("is not an s3://bucket/prefix URL"),
                "{bad}: {err}"
            );
        }
    }
}
