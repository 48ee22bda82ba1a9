//! The S3 blob store against a real S3-compatible server: `scripts/test` starts one and names a
//! throwaway bucket in `ACCORD_TEST_S3_URL` (with `AWS_ENDPOINT`, `AWS_ACCESS_KEY_ID`, … for the
//! client); without it the tests that need a server print a notice and pass. Each test works
//! under a prefix of its own.
//!
//! Streamed both ways (a file of several multipart parts, its SHA-256 that of `sha256sum`), the
//! same bytes twice are one object, sealing as the directory store seals, a failed or refused
//! upload leaves no object, and bad settings stop the open with the reason.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use accord_store::blob::BlobError;
use accord_store::{BlobStore, S3BlobStore};
use accord_vault::Vault;
use futures_util::TryStreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};

const MARKER: &[u8] = b"MARKER-s3-blob-7c1d-42ee";

/// The test bucket's URL with a fresh prefix for `name`, or `None` (and a notice) without a
/// server.
fn s3_url(name: &str) -> Option<String> {
    let Ok(base) = std::env::var("ACCORD_TEST_S3_URL") else {
        eprintln!(
            "skipped {name}: ACCORD_TEST_S3_URL is not set (scripts/test starts an S3 server and \
             sets it)"
        );
        return None;
    };
    let mut salt = [0u8; 6];
    getrandom::fill(&mut salt).unwrap();
    Some(format!(
        "{}/{name}-{}",
        base.trim_end_matches('/'),
        hex::encode(salt)
    ))
}

/// A raw client on the test bucket, to look at (and change) objects behind the store's back.
fn raw(url: &str) -> (Arc<dyn ObjectStore>, String) {
    let rest = url.strip_prefix("s3://").unwrap();
    let (bucket, prefix) = rest.split_once('/').unwrap();
    accord_store::blob_s3::install_tls_provider();
    let store = AmazonS3Builder::from_env()
        .with_bucket_name(bucket)
        .build()
        .unwrap();
    (Arc::new(store), prefix.to_owned())
}

/// Every object under the prefix, as paths relative to it, with their sizes.
async fn objects(url: &str) -> Vec<(String, u64)> {
    let (store, prefix) = raw(url);
    let mut out: Vec<(String, u64)> = store
        .list(Some(&ObjectPath::from(prefix.as_str())))
        .map_ok(|m| {
            (
                m.location
                    .as_ref()
                    .strip_prefix(&format!("{prefix}/"))
                    .unwrap()
                    .to_owned(),
                m.size,
            )
        })
        .try_collect()
        .await
        .unwrap();
    out.sort();
    out
}

async fn object_bytes(url: &str, rel: &str) -> Vec<u8> {
    let (store, prefix) = raw(url);
    let got = store
        .get(&ObjectPath::from(format!("{prefix}/{rel}")))
        .await
        .unwrap();
    got.bytes().await.unwrap().to_vec()
}

fn vault() -> Arc<Vault> {
    let keys = accord_vault::create().unwrap();
    Arc::new(Vault::open(&keys.record, &keys.instance).unwrap())
}

fn bytes(len: usize) -> Vec<u8> {
    let mut b: Vec<u8> = (0..len as u64)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    for at in [0, len / 3, len - MARKER.len()] {
        b[at..at + MARKER.len()].copy_from_slice(MARKER);
    }
    b
}

/// A body that arrives in pieces of uneven size, as a network upload does, and may break.
struct Trickle {
    data: Vec<u8>,
    at: usize,
    fail_at: Option<usize>,
}

impl AsyncRead for Trickle {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.fail_at.is_some_and(|f| self.at >= f) {
            return Poll::Ready(Err(std::io::Error::other("connection reset")));
        }
        let piece = 1 + (self.at * 7919) % 300_000;
        let n = piece.min(buf.remaining()).min(self.data.len() - self.at);
        let at = self.at;
        buf.put_slice(&self.data[at..at + n]);
        self.at += n;
        Poll::Ready(Ok(()))
    }
}

fn trickle(data: &[u8]) -> Trickle {
    Trickle {
        data: data.to_vec(),
        at: 0,
        fail_at: None,
    }
}

async fn read_all(store: &dyn BlobStore, sha: &str) -> std::io::Result<(u64, Vec<u8>)> {
    let mut blob = store.open(sha).await.unwrap();
    let mut out = Vec::new();
    blob.reader.read_to_end(&mut out).await?;
    Ok((blob.size, out))
}

fn sha256sum(data: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("file");
    std::fs::write(&path, data).unwrap();
    let out = std::process::Command::new("sha256sum")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()[..64].to_owned()
}

#[tokio::test]
async fn a_multi_part_file_streams_in_and_out_with_the_sha256_of_sha256sum() {
    let Some(url) = s3_url("round-trip") else {
        return;
    };
    let store = S3BlobStore::open(&url).await.unwrap();
    // Three parts of 8 MiB, the last short; read from a file, as `accord evidence add` does.
    let data = bytes(2 * (8 << 20) + 1_234_567);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("video.bin");
    std::fs::write(&path, &data).unwrap();
    let mut file = tokio::fs::File::open(&path).await.unwrap();
    let stored = store.put(&mut file, u64::MAX).await.unwrap();
    assert_eq!(stored.sha256, sha256sum(&data));
    assert_eq!(stored.size, data.len() as u64);
    assert!(!stored.existed);

    let key = format!("sha256/{}/{}", &stored.sha256[..2], stored.sha256);
    assert_eq!(objects(&url).await, vec![(key, data.len() as u64)]);
    let (size, back) = read_all(&store, &stored.sha256).await.unwrap();
    assert_eq!(size, data.len() as u64);
    assert!(back == data, "the bytes read back differ");
    assert_eq!(
        store.rehash(&stored.sha256).await.unwrap(),
        (stored.sha256.clone(), data.len() as u64)
    );
    assert_eq!(store.list().await.unwrap(), vec![stored.sha256.clone()]);
    assert_eq!(
        store.plaintext_blobs().await.unwrap(),
        vec![stored.sha256.clone()]
    );

    // An empty file is a file too.
    let empty = store.put(&mut trickle(&[]), u64::MAX).await.unwrap();
    assert_eq!(empty.sha256, sha256sum(&[]));
    assert_eq!(read_all(&store, &empty.sha256).await.unwrap(), (0, vec![]));

    store.remove(&stored.sha256).await.unwrap();
    store.remove(&empty.sha256).await.unwrap();
    assert!(store.list().await.unwrap().is_empty());
    assert!(matches!(
        store.open(&stored.sha256).await,
        Err(BlobError::NotFound(_))
    ));
    assert!(matches!(
        store.open("not-a-hash").await,
        Err(BlobError::BadHash(_))
    ));
    assert!(objects(&url).await.is_empty());
}

#[tokio::test]
async fn the_same_bytes_twice_are_one_object() {
    let Some(url) = s3_url("twice") else {
        return;
    };
    let store = S3BlobStore::open(&url).await.unwrap();
    let data = bytes(300_000);
    let first = store.put(&mut trickle(&data), u64::MAX).await.unwrap();
    let second = store.put(&mut trickle(&data), u64::MAX).await.unwrap();
    assert_eq!(first.sha256, second.sha256);
    assert!(!first.existed);
    assert!(second.existed);
    assert_eq!(first.media_type, "application/octet-stream");
    let all = objects(&url).await;
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].0.starts_with("sha256/"), "{all:?}");
}

#[tokio::test]
async fn a_failed_or_refused_upload_leaves_no_object() {
    let Some(url) = s3_url("aborted") else {
        return;
    };
    let store = S3BlobStore::open(&url).await.unwrap().with_vault(vault());
    let data = bytes(20 << 20);
    // Broken after two parts were sent: the multipart upload is aborted.
    let mut broken = Trickle {
        fail_at: Some(17 << 20),
        ..trickle(&data)
    };
    let err = store.put(&mut broken, u64::MAX).await.unwrap_err();
    assert!(matches!(err, BlobError::Interrupted { .. }), "{err}");
    let err = store.put(&mut trickle(&data), 10 << 20).await.unwrap_err();
    assert!(
        matches!(err, BlobError::TooLarge { limit } if limit == 10 << 20),
        "{err}"
    );
    assert!(objects(&url).await.is_empty(), "nothing left behind");
    assert!(store.list().await.unwrap().is_empty());

    // A temporary object left by a process that died between the copy and its removal is swept
    // once old enough.
    let (raw, prefix) = raw(&url);
    raw.put(
        &ObjectPath::from(format!("{prefix}/tmp/upload-dead")),
        PutPayload::from_static(b"half"),
    )
    .await
    .unwrap();
    // Never younger than a day, whatever is asked: S3 dates it from the start of its upload.
    assert_eq!(store.sweep_temporary(Duration::ZERO).await.unwrap(), 0);
    assert_eq!(
        store
            .sweep_temporary_exactly(Duration::from_secs(3600))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        store.sweep_temporary_exactly(Duration::ZERO).await.unwrap(),
        1
    );
    assert!(objects(&url).await.is_empty());
}

#[tokio::test]
async fn sealed_objects_hold_no_plaintext_and_read_back_exactly() {
    let Some(url) = s3_url("sealed") else {
        return;
    };
    let plain = S3BlobStore::open(&url).await.unwrap();
    let keys = vault();
    let sealed = plain.clone().with_vault(keys.clone());
    let data = bytes((8 << 20) + 99_999);
    let stored = sealed.put(&mut trickle(&data), u64::MAX).await.unwrap();
    assert_eq!(stored.sha256, sha256sum(&data));
    let key = format!("sealed/{}/{}", &stored.sha256[..2], stored.sha256);
    let object = object_bytes(&url, &key).await;
    assert!(
        object.starts_with(b"ACCORD.B"),
        "accord-vault's stream format"
    );
    assert!(
        !object.windows(MARKER.len()).any(|w| w == MARKER),
        "no plaintext in the bucket"
    );
    assert_eq!(
        read_all(&sealed, &stored.sha256).await.unwrap(),
        (data.len() as u64, data.clone())
    );
    assert_eq!(
        sealed.rehash(&stored.sha256).await.unwrap(),
        (stored.sha256.clone(), data.len() as u64)
    );
    // Without the keys: refused by name.
    assert!(matches!(
        plain.open(&stored.sha256).await,
        Err(BlobError::Locked(_))
    ));

    // A file stored before the keys is sealed in place; the same bytes are not written again in
    // the clear.
    let before = bytes(70_000);
    let a = plain.put(&mut trickle(&before), u64::MAX).await.unwrap();
    assert_eq!(
        sealed.plaintext_blobs().await.unwrap(),
        vec![a.sha256.clone()]
    );
    assert_eq!(sealed.seal_plaintext(&a.sha256).await.unwrap(), 70_000);
    assert_eq!(
        sealed.seal_plaintext(&a.sha256).await.unwrap(),
        0,
        "idempotent"
    );
    assert!(sealed.plaintext_blobs().await.unwrap().is_empty());
    assert!(
        plain
            .put(&mut trickle(&before), u64::MAX)
            .await
            .unwrap()
            .existed
    );
    assert!(sealed.plaintext_blobs().await.unwrap().is_empty());
    assert_eq!(read_all(&sealed, &a.sha256).await.unwrap().1, before);
    let all = objects(&url).await;
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(all.iter().all(|(k, _)| k.starts_with("sealed/")), "{all:?}");

    // A changed sealed object does not read, nor rehash.
    let mut changed = object.clone();
    changed[5_000_000] ^= 0x10;
    let (raw, prefix) = raw(&url);
    raw.put(
        &ObjectPath::from(format!("{prefix}/{key}")),
        PutPayload::from(changed),
    )
    .await
    .unwrap();
    assert!(read_all(&sealed, &stored.sha256).await.is_err());
    assert!(sealed.rehash(&stored.sha256).await.is_err());
}

#[tokio::test]
async fn a_changed_plain_object_rehashes_to_something_else() {
    let Some(url) = s3_url("changed") else {
        return;
    };
    let store = S3BlobStore::open(&url).await.unwrap();
    let stored = store
        .put(&mut trickle(&bytes(50_000)), u64::MAX)
        .await
        .unwrap();
    let (raw, prefix) = raw(&url);
    raw.put(
        &ObjectPath::from(format!(
            "{prefix}/sha256/{}/{}",
            &stored.sha256[..2],
            stored.sha256
        )),
        PutPayload::from_static(b"changed behind Accord's back"),
    )
    .await
    .unwrap();
    let (found, size) = store.rehash(&stored.sha256).await.unwrap();
    assert_ne!(found, stored.sha256);
    assert_eq!(size, 28);
    // Sealing refuses it and leaves it for verify to report.
    let sealed = store.with_vault(vault());
    assert!(matches!(
        sealed.seal_plaintext(&stored.sha256).await,
        Err(BlobError::Mismatch { .. })
    ));
    let all = objects(&url).await;
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].0.starts_with("sha256/"), "{all:?}");
}

/// The settings, one wrong at a time: each refused at open, with the reason.
#[tokio::test]
async fn bad_settings_are_refused_at_open() {
    let builder = || {
        AmazonS3Builder::new()
            .with_access_key_id("key")
            .with_secret_access_key("secret")
            .with_region("us-east-1")
            .with_allow_http(true)
    };
    let err = S3BlobStore::open_with("s3:/evidence", builder())
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("not an s3://bucket/prefix URL"),
        "{err}"
    );

    let err = S3BlobStore::open_with("s3://evidence/p", AmazonS3Builder::new())
        .await
        .unwrap_err();
    assert!(err.to_string().starts_with("no credentials"), "{err}");
    let err = S3BlobStore::open_with(
        "s3://evidence/p",
        AmazonS3Builder::new().with_access_key_id("key"),
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains("AWS_SECRET_ACCESS_KEY is missing"),
        "{err}"
    );

    // Nothing listens on the port.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let err = S3BlobStore::open_with(
        "s3://evidence/p",
        builder().with_endpoint(format!("http://127.0.0.1:{port}")),
    )
    .await
    .unwrap_err();
    let text = format!("{err}");
    assert!(
        text.contains(&format!("endpoint http://127.0.0.1:{port}"))
            && text.contains("cannot write a test object"),
        "{text}"
    );

    // A server that refuses every write, as a bucket policy or read-only credentials do.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        use tokio::io::AsyncWriteExt;
        while let Ok((mut conn, _)) = listener.accept().await {
            let mut buf = vec![0u8; 65_536];
            let _ = conn.read(&mut buf).await;
            let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>\
                        <Message>Access Denied</Message></Error>";
            let reply = format!(
                "HTTP/1.1 403 Forbidden\r\ncontent-type: application/xml\r\ncontent-length: {}\r\n\
                 connection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = conn.write_all(reply.as_bytes()).await;
        }
    });
    let err = S3BlobStore::open_with(
        "s3://evidence/p",
        builder().with_endpoint(format!("http://{addr}")),
    )
    .await
    .unwrap_err();
    assert!(
        err.to_string().contains(
            "the bucket refuses writes with these credentials: 403 Forbidden (AccessDenied: Access \
             Denied)"
        ),
        "{err}"
    );

    // A bucket that does not exist, on the real server.
    if std::env::var("ACCORD_TEST_S3_URL").is_ok() {
        let err = S3BlobStore::open("s3://accord-no-such-bucket-9f3e/p")
            .await
            .unwrap_err();
        assert!(
            err.to_string().contains(
                "the bucket does not exist (or the endpoint is not this bucket's): 404 Not Found \
                 (NoSuchBucket: "
            ),
            "{err}"
        );
    } else {
        eprintln!("skipped the missing bucket: ACCORD_TEST_S3_URL is not set");
    }
}
