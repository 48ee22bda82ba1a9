//! The command line on PostgreSQL (issue 13 §1): `--db postgres://…` runs the commands, with the
//! settings a PostgreSQL database needs named when they are missing, and `accord copy` moves the
//! instance to a SQLite file with the same signed checkpoint. Runs when
//! `ACCORD_TEST_POSTGRES_URL` names a server (`scripts/test-postgres` sets it); without it each
//! test says so and passes.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

use std::path::Path;

use serde_json::Value;

use common::{accord, accord_with_env, fails, ok, repo};

const CASE: &str = "example-2030";

/// A new database on the test server, or `None` (with a notice) when there is none.
fn fresh_postgres(dir: &Path) -> Option<String> {
    if !accord_store::testing::on_postgres() {
        eprintln!("ACCORD_TEST_POSTGRES_URL is not set: skipped (scripts/test-postgres runs it)");
        return None;
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    Some(
        runtime
            .block_on(accord_store::testing::fresh_url(dir))
            .unwrap(),
    )
}

#[test]
fn the_commands_run_on_postgresql_and_name_the_settings_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_postgres(dir.path()) else {
        return;
    };
    let db = Path::new(&url);
    let case = repo().join("docs/examples/minimal-case");

    // Nothing lies beside a PostgreSQL database: the evidence directory must be named, and
    // nothing is written until it is.
    let err = fails(&accord(db, &["import", case.to_str().unwrap()]));
    assert!(
        err.contains("evidence_dir") && err.contains("PostgreSQL"),
        "{err}"
    );
    let listed: Value =
        serde_json::from_str(&ok(&accord(db, &["case", "list", "--json"]))).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(0), "{listed}");

    let evidence = dir.path().join("evidence");
    std::fs::create_dir(&evidence).unwrap();
    let env = [("ACCORD_EVIDENCE_DIR", evidence.to_str().unwrap())];
    ok(&accord_with_env(
        db,
        &["import", case.to_str().unwrap()],
        &env,
    ));
    let listed = ok(&accord(db, &["case", "list", "--json"]));
    assert!(listed.contains(CASE), "{listed}");

    let photo = dir.path().join("photo.jpg");
    let mut bytes = b"\xff\xd8\xff\xe0\0\x10JFIF\0".to_vec();
    bytes.extend((0..20_000u32).map(|i| (i * 7 % 251) as u8));
    std::fs::write(&photo, &bytes).unwrap();
    let added: Value = serde_json::from_str(&ok(&accord_with_env(
        db,
        &[
            "evidence",
            "add",
            CASE,
            "--incident",
            "party-dissolved",
            photo.to_str().unwrap(),
            "--json",
        ],
        &env,
    )))
    .unwrap();
    let id = added["id"].as_str().unwrap();
    let out = dir.path().join("back.jpg");
    ok(&accord_with_env(
        db,
        &["evidence", "get", CASE, id, "--out", out.to_str().unwrap()],
        &env,
    ));
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    ok(&accord_with_env(db, &["log", "checkpoint"], &env));
    let verified: Value =
        serde_json::from_str(&ok(&accord_with_env(db, &["verify", "--json"], &env))).unwrap();
    assert_eq!(verified["ok"], true, "{verified}");
    assert_eq!(verified["evidence"], 1, "{verified}");

    // And out to a SQLite file: the same signed checkpoint, verified there.
    let file = dir.path().join("copy.db");
    ok(&accord_with_env(
        db,
        &["copy", "--to", file.to_str().unwrap()],
        &env,
    ));
    let verified: Value = serde_json::from_str(&ok(&accord(&file, &["verify", "--json"]))).unwrap();
    assert_eq!(verified["ok"], true, "{verified}");
    assert_eq!(
        ok(&accord(&file, &["log", "checkpoint"])),
        ok(&accord_with_env(db, &["log", "checkpoint"], &env))
    );
}

/// `accord backup` of a PostgreSQL instance holds a SQLite snapshot, so it restores onto either
/// backend: into a SQLite file and into another PostgreSQL database, each verified with the same
/// signed checkpoint; a PostgreSQL database that holds data is refused without `--force`.
#[test]
fn a_backup_of_postgresql_restores_onto_sqlite_and_postgresql() {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_postgres(dir.path()) else {
        return;
    };
    let db = Path::new(&url);
    let evidence = dir.path().join("evidence");
    std::fs::create_dir(&evidence).unwrap();
    // Every command signs with the tests' log key (common::accord), the restores included.
    let env = [("ACCORD_EVIDENCE_DIR", evidence.to_str().unwrap())];
    let case = repo().join("docs/examples/minimal-case");
    ok(&accord_with_env(
        db,
        &["import", case.to_str().unwrap()],
        &env,
    ));
    let photo = dir.path().join("photo.jpg");
    let bytes: Vec<u8> = (0..30_000u32).map(|i| (i * 13 % 251) as u8).collect();
    std::fs::write(&photo, &bytes).unwrap();
    let added: Value = serde_json::from_str(&ok(&accord_with_env(
        db,
        &[
            "evidence",
            "add",
            CASE,
            "--incident",
            "party-dissolved",
            photo.to_str().unwrap(),
            "--json",
        ],
        &env,
    )))
    .unwrap();
    let id = added["id"].as_str().unwrap().to_owned();
    let checkpoint = ok(&accord_with_env(db, &["log", "checkpoint"], &env));

    let out = dir.path().join("backup");
    let report: Value = serde_json::from_str(&ok(&accord_with_env(
        db,
        &["backup", out.to_str().unwrap(), "--json"],
        &env,
    )))
    .unwrap();
    assert_eq!(report["evidence_files"], 1, "{report}");
    assert!(out.join("accord.db").is_file());

    // Onto SQLite.
    let file = dir.path().join("restored.db");
    let restored: Value = serde_json::from_str(&ok(&accord(
        &file,
        &["restore", out.to_str().unwrap(), "--json"],
    )))
    .unwrap();
    assert_eq!(restored["verified"], true, "{restored}");
    assert_eq!(ok(&accord(&file, &["log", "checkpoint"])), checkpoint);

    // Onto another PostgreSQL database, with its own evidence directory.
    let other = fresh_postgres(dir.path()).unwrap();
    let other_evidence = dir.path().join("other-evidence");
    std::fs::create_dir(&other_evidence).unwrap();
    let other_env = [("ACCORD_EVIDENCE_DIR", other_evidence.to_str().unwrap())];
    let restored: Value = serde_json::from_str(&ok(&accord_with_env(
        Path::new(&other),
        &["restore", out.to_str().unwrap(), "--json"],
        &other_env,
    )))
    .unwrap();
    assert_eq!(restored["verified"], true, "{restored}");
    assert_eq!(
        ok(&accord_with_env(
            Path::new(&other),
            &["log", "checkpoint"],
            &other_env
        )),
        checkpoint
    );
    let back = dir.path().join("back.jpg");
    ok(&accord_with_env(
        Path::new(&other),
        &[
            "evidence",
            "get",
            CASE,
            &id,
            "--out",
            back.to_str().unwrap(),
        ],
        &other_env,
    ));
    assert_eq!(std::fs::read(&back).unwrap(), bytes);

    // Again onto the same database: it holds data now. Refused before anything is written: a
    // log key named by the settings is not created.
    let unused_key = dir.path().join("unused-log-key");
    let refused = fails(&accord_with_env(
        Path::new(&other),
        &["restore", out.to_str().unwrap()],
        &[
            ("ACCORD_EVIDENCE_DIR", other_evidence.to_str().unwrap()),
            ("ACCORD_LOG_KEY", unused_key.to_str().unwrap()),
        ],
    ));
    assert!(refused.contains("--force"), "{refused}");
    assert!(
        !unused_key.exists(),
        "the refused restore wrote the log key"
    );
    ok(&accord_with_env(
        Path::new(&other),
        &["restore", out.to_str().unwrap(), "--force"],
        &other_env,
    ));
}
