//! The directory blob store with and without the instance's keys: sealed files hold no plaintext
//! byte (temporary files included) and read back exactly; files stored before the keys are
//! sealed in place; a sealed file is refused without keys, and changed or cut short it does not
//! read; a failed upload leaves nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use accord_store::blob::BlobError;
use accord_store::{BlobStore, FsBlobStore};
use accord_vault::Vault;
use sha2::{Digest, Sha256};
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};

const MARKER: &[u8] = b"MARKER-blob-5e1f-99aa";

fn vault() -> Arc<Vault> {
    let keys = accord_vault::create().unwrap();
    Arc::new(Vault::open(&keys.record, &keys.instance).unwrap())
}

fn bytes(len: usize) -> Vec<u8> {
    let mut b: Vec<u8> = (0..len as u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 9) as u8)
        .collect();
    for at in [0, len / 3, len - MARKER.len()] {
        b[at..at + MARKER.len()].copy_from_slice(MARKER);
    }
    b
}

/// A body that arrives in small pieces of uneven size, as a network upload does.
struct Trickle {
    data: Vec<u8>,
    at: usize,
    /// Fail with this error once this many bytes were read.
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
        let piece = 1 + (self.at * 7919) % 40_000;
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

/// Every file under `root` (relative path) that holds the marker.
fn with_marker(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .windows(MARKER.len())
                .any(|w| w == MARKER)
            {
                found.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    found
}

fn files_in(dir: &Path) -> usize {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| {
                let p = e.unwrap().path();
                if p.is_dir() { files_in(&p) } else { 1 }
            })
            .sum(),
        Err(_) => 0,
    }
}

#[tokio::test]
async fn sealed_files_hold_no_plaintext_and_read_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let store = FsBlobStore::open(dir.path()).unwrap().with_vault(vault());
    for len in [MARKER.len() * 3, 65_536, 1 << 20, 3 * (1 << 20) + 12_345] {
        let data = bytes(len);
        let stored = store.put(&mut trickle(&data), u64::MAX).await.unwrap();
        assert_eq!(stored.sha256, hex::encode(Sha256::digest(&data)), "{len}");
        assert_eq!(stored.size, len as u64);
        assert!(!stored.existed);
        assert_eq!(
            read_all(&store, &stored.sha256).await.unwrap(),
            (len as u64, data.clone())
        );
        assert_eq!(
            store.rehash(&stored.sha256).await.unwrap(),
            (stored.sha256.clone(), len as u64)
        );
        let again = store.put(&mut trickle(&data), u64::MAX).await.unwrap();
        assert!(again.existed);
    }
    assert_eq!(with_marker(dir.path()), Vec::<String>::new());
    assert_eq!(files_in(&dir.path().join("sha256")), 0);
    assert_eq!(files_in(&dir.path().join("sealed")), 4);
    assert_eq!(files_in(&dir.path().join("tmp")), 0);
    assert_eq!(store.list().await.unwrap().len(), 4);
    assert!(store.plaintext_blobs().await.unwrap().is_empty());
}

#[tokio::test]
async fn files_stored_before_the_keys_are_sealed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let plain = FsBlobStore::open(dir.path()).unwrap();
    let data = bytes(200_000);
    let other = bytes(70_000);
    let a = plain.put(&mut trickle(&data), u64::MAX).await.unwrap();
    let b = plain.put(&mut trickle(&other), u64::MAX).await.unwrap();
    assert_eq!(with_marker(dir.path()).len(), 2, "the test sees plaintext");

    let sealed = plain.clone().with_vault(vault());
    // The same bytes uploaded again with keys: the sealed copy replaces the plaintext one.
    let again = sealed.put(&mut trickle(&other), u64::MAX).await.unwrap();
    assert!(again.existed);
    assert_eq!(
        sealed.plaintext_blobs().await.unwrap(),
        vec![a.sha256.clone()]
    );
    assert_eq!(sealed.seal_plaintext(&a.sha256).await.unwrap(), 200_000);
    assert_eq!(
        sealed.seal_plaintext(&a.sha256).await.unwrap(),
        0,
        "idempotent"
    );
    assert!(sealed.plaintext_blobs().await.unwrap().is_empty());
    assert_eq!(with_marker(dir.path()), Vec::<String>::new());
    assert_eq!(read_all(&sealed, &a.sha256).await.unwrap().1, data);
    assert_eq!(read_all(&sealed, &b.sha256).await.unwrap().1, other);

    // Without the keys: refused by name, and the same bytes are not written in the clear.
    assert!(matches!(
        plain.open(&a.sha256).await,
        Err(BlobError::Locked(_))
    ));
    assert!(matches!(
        plain.rehash(&a.sha256).await,
        Err(BlobError::Locked(_))
    ));
    let put = plain.put(&mut trickle(&data), u64::MAX).await.unwrap();
    assert!(put.existed);
    assert_eq!(with_marker(dir.path()), Vec::<String>::new());
}

#[tokio::test]
async fn a_plaintext_file_that_changed_is_not_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let plain = FsBlobStore::open(dir.path()).unwrap();
    let a = plain
        .put(&mut trickle(&bytes(1000)), u64::MAX)
        .await
        .unwrap();
    let path = dir
        .path()
        .join("sha256")
        .join(&a.sha256[..2])
        .join(&a.sha256);
    std::fs::write(&path, b"changed behind Accord's back").unwrap();
    let sealed = plain.with_vault(vault());
    assert!(matches!(
        sealed.seal_plaintext(&a.sha256).await,
        Err(BlobError::Mismatch { .. })
    ));
    assert!(path.exists(), "left as it was, for verify to report");
    assert_eq!(files_in(&dir.path().join("sealed")), 0);
    assert_eq!(files_in(&dir.path().join("tmp")), 0);
}

#[tokio::test]
async fn a_changed_or_cut_sealed_file_does_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = FsBlobStore::open(dir.path()).unwrap().with_vault(vault());
    let data = bytes(300_000);
    let stored = store.put(&mut trickle(&data), u64::MAX).await.unwrap();
    let path = dir
        .path()
        .join("sealed")
        .join(&stored.sha256[..2])
        .join(&stored.sha256);
    let original = std::fs::read(&path).unwrap();

    let mut changed = original.clone();
    changed[200_000] ^= 0x04;
    std::fs::write(&path, &changed).unwrap();
    assert!(read_all(&store, &stored.sha256).await.is_err());
    assert!(store.rehash(&stored.sha256).await.is_err());

    // Cut at a segment boundary: every remaining segment opens, the end is missing.
    std::fs::write(&path, &original[..32 + 2 * (65_536 + 16)]).unwrap();
    assert!(read_all(&store, &stored.sha256).await.is_err());
    assert!(store.rehash(&stored.sha256).await.is_err());

    std::fs::write(&path, &original).unwrap();
    assert_eq!(read_all(&store, &stored.sha256).await.unwrap().1, data);
    // Another instance's keys open nothing.
    let other = FsBlobStore::open(dir.path()).unwrap().with_vault(vault());
    assert!(read_all(&other, &stored.sha256).await.is_err());
}

#[tokio::test]
async fn a_failed_or_refused_upload_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = FsBlobStore::open(dir.path()).unwrap().with_vault(vault());
    let data = bytes(2_500_000);
    let mut broken = Trickle {
        fail_at: Some(1_500_000),
        ..trickle(&data)
    };
    let err = store.put(&mut broken, u64::MAX).await.unwrap_err();
    assert!(matches!(err, BlobError::Interrupted { .. }), "{err}");
    let err = store.put(&mut trickle(&data), 2_000_000).await.unwrap_err();
    assert!(
        matches!(err, BlobError::TooLarge { limit: 2_000_000 }),
        "{err}"
    );
    assert_eq!(files_in(dir.path()), 0, "nothing left behind");
    assert!(store.list().await.unwrap().is_empty());
}

#[tokio::test]
async fn without_keys_files_are_stored_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let store = FsBlobStore::open(dir.path()).unwrap();
    let data = bytes(150_000);
    let stored = store.put(&mut trickle(&data), u64::MAX).await.unwrap();
    let path = dir
        .path()
        .join("sha256")
        .join(&stored.sha256[..2])
        .join(&stored.sha256);
    assert_eq!(std::fs::read(path).unwrap(), data);
    assert_eq!(
        read_all(&store, &stored.sha256).await.unwrap(),
        (150_000, data)
    );
    store.remove(&stored.sha256).await.unwrap();
    assert!(store.list().await.unwrap().is_empty());
}
