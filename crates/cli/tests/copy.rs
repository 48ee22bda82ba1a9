//! `accord copy` on the real binary (issue 13 §4): the copy verifies, prints the same signed
//! checkpoint as the source, serves the same evidence bytes, and a target that holds data is
//! refused without `--force`. (The action layer's test runs the same round trip through
//! PostgreSQL when the test script provides one.)

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{accord, fails, ok, repo};

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
