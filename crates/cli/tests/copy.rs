//! `accord copy` on the real binary (issue 13 §4): the copy verifies, prints the same signed
//! checkpoint as the source, serves the same evidence bytes, and a target that holds data is
//! refused without `--force`. (The action layer's test runs the same round trip through
//! PostgreSQL when the test script provides one.)

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{accord, accord_with_env, fails, ok, repo};

const CASE: &str = "example-2030";

/// A database with the minimal example case and an evidence file, checkpointed; returns it and
/// the evidence item's id.
fn populated(dir: &Path) -> (PathBuf, String) {
    let db = dir.join("a.db");
    ok(&accord(
        &db,
        &[
            "import",
            repo().join("docs/examples/minimal-case").to_str().unwrap(),
        ],
    ));
    let photo = dir.join("photo.jpg");
    let mut bytes = b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec();
    bytes.extend((0..50_000u32).map(|i| (i * 7 % 251) as u8));
    std::fs::write(&photo, bytes).unwrap();
    let added: Value = serde_json::from_str(&ok(&accord(
        &db,
        &[
            "evidence",
            "add",
            CASE,
            "--incident",
            "party-dissolved",
            photo.to_str().unwrap(),
            "--json",
        ],
    )))
    .unwrap();
    ok(&accord(&db, &["log", "checkpoint"]));
    (db, added["id"].as_str().unwrap().to_owned())
}

#[test]
fn a_copy_verifies_and_shows_the_same_checkpoint_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let (db, evidence_id) = populated(dir.path());
    let target = dir.path().join("b.db");

    let out = ok(&accord(
        &db,
        &["copy", "--to", target.to_str().unwrap(), "--json"],
    ));
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["evidence_copied"], 1, "{report}");
    assert!(report["rows"].as_u64().unwrap() > 0);
    assert!(
        report["tables"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["table"] == "checkpoints" && t["rows"].as_u64().unwrap() >= 1),
        "{report}"
    );

    let verified: Value =
        serde_json::from_str(&ok(&accord(&target, &["verify", "--json"]))).unwrap();
    assert_eq!(verified["ok"], true, "{verified}");
    assert_eq!(
        ok(&accord(&target, &["log", "checkpoint"])),
        ok(&accord(&db, &["log", "checkpoint"])),
        "the same tree size and root, signed by the same key"
    );
    let (a, b) = (dir.path().join("a.out"), dir.path().join("b.out"));
    ok(&accord(
        &db,
        &[
            "evidence",
            "get",
            CASE,
            &evidence_id,
            "--out",
            a.to_str().unwrap(),
        ],
    ));
    ok(&accord(
        &target,
        &[
            "evidence",
            "get",
            CASE,
            &evidence_id,
            "--out",
            b.to_str().unwrap(),
        ],
    ));
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());

    // Again: the target holds data now.
    let refused = fails(&accord(&db, &["copy", "--to", target.to_str().unwrap()]));
    assert!(
        refused.contains("not empty") && refused.contains("--force"),
        "{refused}"
    );
    ok(&accord(
        &db,
        &["copy", "--to", target.to_str().unwrap(), "--force"],
    ));
    let verified: Value =
        serde_json::from_str(&ok(&accord(&target, &["verify", "--json"]))).unwrap();
    assert_eq!(verified["ok"], true, "{verified}");
}

#[test]
fn copy_refuses_a_missing_source_and_the_source_itself() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    let missing = dir.path().join("missing.db");
    let err = fails(&accord(
        &missing,
        &["copy", "--to", dir.path().join("c.db").to_str().unwrap()],
    ));
    assert!(err.contains("missing.db"), "{err}");
    assert!(!missing.exists());
    let err = fails(&accord(
        &db,
        &["copy", "--to", db.to_str().unwrap(), "--force"],
    ));
    assert!(err.contains("same database"), "{err}");
    let verified: Value = serde_json::from_str(&ok(&accord(&db, &["verify", "--json"]))).unwrap();
    assert_eq!(verified["ok"], true, "{verified}");
}

/// The target's evidence in object storage (`--to-evidence-store`): the copy verifies with
/// `ACCORD_EVIDENCE_STORE` naming the bucket, and serves the same bytes. Needs the S3 server that
/// `scripts/test` starts (`ACCORD_TEST_S3_URL`); without it, a notice.
#[test]
fn a_copy_puts_the_evidence_into_an_s3_store() {
    let Ok(base) = std::env::var("ACCORD_TEST_S3_URL") else {
        eprintln!("skipped: ACCORD_TEST_S3_URL is not set (scripts/test starts an S3 server)");
        return;
    };
    let url = format!(
        "{}/copy-{}-{}",
        base.trim_end_matches('/'),
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let dir = tempfile::tempdir().unwrap();
    let (db, evidence_id) = populated(dir.path());
    let target = dir.path().join("b.db");
    let report: Value = serde_json::from_str(&ok(&accord(
        &db,
        &[
            "copy",
            "--to",
            target.to_str().unwrap(),
            "--to-evidence-store",
            &url,
            "--json",
        ],
    )))
    .unwrap();
    assert_eq!(report["evidence_copied"], 1, "{report}");
    assert!(
        !dir.path().join("b.db.evidence").exists(),
        "no directory beside the target: the evidence went to the bucket"
    );
    let env = [("ACCORD_EVIDENCE_STORE", url.as_str())];
    let verified: Value =
        serde_json::from_str(&ok(&accord_with_env(&target, &["verify", "--json"], &env))).unwrap();
    assert_eq!(verified["ok"], true, "{verified}");
    let (a, b) = (dir.path().join("a.out"), dir.path().join("b.out"));
    for (db, out, env) in [(&db, &a, &[][..]), (&target, &b, &env[..])] {
        ok(&accord_with_env(
            db,
            &[
                "evidence",
                "get",
                CASE,
                &evidence_id,
                "--out",
                out.to_str().unwrap(),
            ],
            env,
        ));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

/// A bad `--to-evidence-store` is refused before anything is written: no target database.
#[test]
fn copy_refuses_a_bad_evidence_store_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = populated(dir.path());
    let target = dir.path().join("b.db");
    for bad in ["http://not-s3/bucket", "s3://"] {
        let err = fails(&accord(
            &db,
            &[
                "copy",
                "--to",
                target.to_str().unwrap(),
                "--to-evidence-store",
                bad,
            ],
        ));
        assert!(err.contains("--to-evidence-store"), "{bad}: {err}");
        assert!(!target.exists(), "{bad}: the target was created");
    }
    let both = fails(&accord(
        &db,
        &[
            "copy",
            "--to",
            target.to_str().unwrap(),
            "--to-evidence-store",
            "s3://b/p",
            "--to-evidence-dir",
            dir.path().join("e").to_str().unwrap(),
        ],
    ));
    assert!(both.contains("cannot be used with"), "{both}");
}
