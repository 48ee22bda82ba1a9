//! Evidence in S3-compatible object storage through the real binary: `evidence add` and `get`
//! with `ACCORD_EVIDENCE_STORE`, `verify` re-hashing the objects (and catching one changed in
//! the bucket), and bad settings refused at start, naming `evidence_store`, with nothing written.
//!
//! The tests that need a server run when `ACCORD_TEST_S3_URL` names a bucket (`scripts/test`
//! starts an S3-compatible server and sets it, with the `AWS_*` variables); without it they print
//! a notice and pass. The bad-setting tests that need no server always run.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};

use object_store::aws::AmazonS3Builder;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStoreExt, PutPayload};
use serde_json::Value;
use sha2::{Digest, Sha256};

use common::{accord, accord_with_env, fails, ok, repo};

const CASE: &str = "example-2030";
const INCIDENT: &str = "party-dissolved";

fn s3_url(name: &str) -> Option<String> {
    let Ok(base) = std::env::var("ACCORD_TEST_S3_URL") else {
        eprintln!(
            "skipped {name}: ACCORD_TEST_S3_URL is not set (scripts/test starts an S3 server and \
             sets it)"
        );
        return None;
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    Some(format!(
        "{}/cli-{name}-{}-{nanos}",
        base.trim_end_matches('/'),
        std::process::id()
    ))
}

fn db_with_case(dir: &Path) -> PathBuf {
    let db = dir.join("a.db");
    let case = repo().join("docs/examples/minimal-case");
    ok(&accord(&db, &["import", case.to_str().unwrap()]));
    db
}

/// A file of several multipart parts (8 MiB each) that is not text.
fn video_like(dir: &Path) -> PathBuf {
    let bytes: Vec<u8> = (0..(17u64 << 20) + 4321)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let path = dir.join("video.bin");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn files_under(root: &Path) -> usize {
    match std::fs::read_dir(root) {
        Ok(entries) => entries
            .map(|e| {
                let p = e.unwrap().path();
                if p.is_dir() { files_under(&p) } else { 1 }
            })
            .sum(),
        Err(_) => 0,
    }
}

/// Replace an object in the bucket, behind Accord's back.
fn overwrite(url: &str, rel: &str, bytes: &'static [u8]) {
    let rest = url.strip_prefix("s3://").unwrap();
    let (bucket, prefix) = rest.split_once('/').unwrap();
    accord_store::blob_s3::install_tls_provider();
    let store = AmazonS3Builder::from_env()
        .with_bucket_name(bucket)
        .build()
        .unwrap();
    let key = ObjectPath::from(format!("{prefix}/{rel}"));
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(store.put(&key, PutPayload::from_static(bytes)))
        .unwrap();
}

#[test]
fn evidence_add_get_and_verify_go_through_an_s3_store() {
    let Some(url) = s3_url("add-get") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_case(dir.path());
    let file = video_like(dir.path());
    let env = [("ACCORD_EVIDENCE_STORE", url.as_str())];
    let added: Value = serde_json::from_str(&ok(&accord_with_env(
        &db,
        &[
            "evidence",
            "add",
            CASE,
            "--incident",
            INCIDENT,
            file.to_str().unwrap(),
            "--json",
        ],
        &env,
    )))
    .unwrap();
    let sha = added["sha256"].as_str().unwrap().to_owned();
    let id = added["id"].as_str().unwrap().to_owned();
    assert_eq!(
        sha,
        hex::encode(Sha256::digest(std::fs::read(&file).unwrap()))
    );
    assert_eq!(
        files_under(&PathBuf::from(format!("{}.evidence", db.display()))),
        0,
        "nothing in the evidence directory"
    );

    let out = dir.path().join("back.bin");
    ok(&accord_with_env(
        &db,
        &["evidence", "get", CASE, &id, "--out", out.to_str().unwrap()],
        &env,
    ));
    assert!(
        std::fs::read(&out).unwrap() == std::fs::read(&file).unwrap(),
        "the bytes read back differ"
    );

    let report: Value =
        serde_json::from_str(&ok(&accord_with_env(&db, &["verify", "--json"], &env))).unwrap();
    assert_eq!(report["ok"], true, "{report}");

    // Changed in the bucket: verify re-hashes the object and reports it.
    overwrite(
        &url,
        &format!("sha256/{}/{sha}", &sha[..2]),
        b"changed behind Accord's back",
    );
    let verify = accord_with_env(&db, &["verify", "--json"], &env);
    assert_eq!(verify.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&verify.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert!(
        report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p.to_string().contains(&sha)),
        "{report}"
    );
    // And `get` refuses to hand out bytes that are not the evidence.
    let again = dir.path().join("again.bin");
    fails(&accord_with_env(
        &db,
        &[
            "evidence",
            "get",
            CASE,
            &id,
            "--out",
            again.to_str().unwrap(),
        ],
        &env,
    ));
}

/// `serve` and an import with a bad `evidence_store`: refused at start, naming the setting and
/// the problem, and no database created.
fn refused_at_start(env: &[(&str, &str)], expect: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh.db");
    let err = fails(&accord_with_env(
        &db,
        &["serve", "--addr", "127.0.0.1:0"],
        env,
    ));
    for e in expect {
        assert!(err.contains(e), "{e:?} not in: {err}");
    }
    let case = repo().join("docs/examples/minimal-case");
    let err = fails(&accord_with_env(
        &db,
        &["import", case.to_str().unwrap()],
        env,
    ));
    assert!(err.contains("evidence_store"), "{err}");
    assert_eq!(files_under(dir.path()), 0, "nothing written");
}

#[test]
fn a_wrong_url_or_missing_credentials_stop_the_start() {
    refused_at_start(
        &[("ACCORD_EVIDENCE_STORE", "/var/lib/accord/evidence")],
        &[
            "evidence_store (--evidence-store / ACCORD_EVIDENCE_STORE)",
            "is not an s3://bucket/prefix URL",
        ],
    );
    refused_at_start(
        &[("ACCORD_EVIDENCE_STORE", "s3://key:secret@bucket/p")],
        &["no credentials in the URL"],
    );
    refused_at_start(
        &[
            ("ACCORD_EVIDENCE_STORE", "s3://evidence/accord"),
            ("AWS_ACCESS_KEY_ID", ""),
            ("AWS_SECRET_ACCESS_KEY", ""),
        ],
        &[
            "evidence_store (set by --evidence-store / ACCORD_EVIDENCE_STORE)",
            "no credentials",
        ],
    );
    // Both places at once: which one was meant is not guessed.
    let dir = tempfile::tempdir().unwrap();
    let err = fails(&accord_with_env(
        &dir.path().join("x.db"),
        &["serve"],
        &[
            ("ACCORD_EVIDENCE_STORE", "s3://evidence/accord"),
            ("ACCORD_EVIDENCE_DIR", dir.path().to_str().unwrap()),
        ],
    ));
    assert!(err.contains("both set"), "{err}");
}

#[test]
fn an_unreachable_endpoint_stops_the_start() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://127.0.0.1:{}", closed.local_addr().unwrap().port());
    drop(closed);
    refused_at_start(
        &[
            ("ACCORD_EVIDENCE_STORE", "s3://evidence/accord"),
            ("AWS_ENDPOINT", &endpoint),
            ("AWS_ALLOW_HTTP", "true"),
            ("AWS_ACCESS_KEY_ID", "key"),
            ("AWS_SECRET_ACCESS_KEY", "secret"),
            ("AWS_REGION", "us-east-1"),
        ],
        &[
            "evidence_store (set by --evidence-store / ACCORD_EVIDENCE_STORE)",
            &format!("endpoint {endpoint}"),
            "cannot write a test object",
        ],
    );
}

#[test]
fn a_bucket_that_does_not_exist_stops_the_start() {
    if std::env::var("ACCORD_TEST_S3_URL").is_err() {
        eprintln!("skipped: ACCORD_TEST_S3_URL is not set");
        return;
    }
    refused_at_start(
        &[("ACCORD_EVIDENCE_STORE", "s3://accord-no-such-bucket-51c2/p")],
        &[
            "evidence_store (set by --evidence-store / ACCORD_EVIDENCE_STORE)",
            "the bucket does not exist",
        ],
    );
}
