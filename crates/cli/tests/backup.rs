//! `accord backup` and `accord restore` through the real binary: the whole instance comes back
//! and verifies; an existing database is not replaced without `--force`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use common::{accord, accord_with_env, fails, ok, repo};
use serde_json::Value;

#[test]
fn backup_then_restore_brings_back_the_instance_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ok(&accord(
        &db,
        &[
            "import",
            repo().join("docs/examples/minimal-case").to_str().unwrap(),
        ],
    ));
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "ស្នាមមេដៃ: notes of the day\n").unwrap();
    ok(&accord(
        &db,
        &[
            "evidence",
            "add",
            "example-2030",
            "--incident",
            "harassment",
            notes.to_str().unwrap(),
            "--id",
            "notes",
        ],
    ));
    ok(&accord(&db, &["log", "checkpoint"]));

    let out = dir.path().join("backup");
    let report: Value = serde_json::from_str(&ok(&accord(
        &db,
        &["backup", out.to_str().unwrap(), "--json"],
    )))
    .unwrap();
    assert_eq!(report["evidence_files"], 1);
    assert_eq!(report["log_key"], true);

    // Into a fresh place, with its own key path: the backup's key is put there.
    let fresh = dir.path().join("restored");
    std::fs::create_dir(&fresh).unwrap();
    let new_db = fresh.join("b.db");
    let key = fresh.join("b.db.log-key");
    let env = [("ACCORD_LOG_KEY", key.to_str().unwrap())];
    let restored: Value = serde_json::from_str(&ok(&accord_with_env(
        &new_db,
        &["restore", out.to_str().unwrap(), "--json"],
        &env,
    )))
    .unwrap();
    assert_eq!(restored["verified"], true, "{restored}");
    assert_eq!(restored["evidence_files"], 1);
    assert!(key.is_file());
    let listed = ok(&accord_with_env(&new_db, &["case", "list"], &env));
    assert!(listed.contains("example-2030"), "{listed}");
    let got = fresh.join("notes-back.txt");
    ok(&accord_with_env(
        &new_db,
        &[
            "evidence",
            "get",
            "example-2030",
            "notes",
            "--out",
            got.to_str().unwrap(),
        ],
        &env,
    ));
    assert_eq!(std::fs::read(&got).unwrap(), std::fs::read(&notes).unwrap());
    let verify: Value =
        serde_json::from_str(&ok(&accord_with_env(&new_db, &["verify", "--json"], &env))).unwrap();
    assert_eq!(verify["ok"], true, "{verify}");

    // Again onto the restored database: refused without --force, accepted with it.
    let err = fails(&accord_with_env(
        &new_db,
        &["restore", out.to_str().unwrap()],
        &env,
    ));
    assert!(err.contains("--force"), "{err}");
    ok(&accord_with_env(
        &new_db,
        &["restore", out.to_str().unwrap(), "--force"],
        &env,
    ));
    // Backing up into a directory that is not empty is refused.
    let err = fails(&accord(&db, &["backup", out.to_str().unwrap()]));
    assert!(err.contains("not empty"), "{err}");
}
