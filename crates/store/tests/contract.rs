//! The store contract: one suite that every backend must pass (STYLE.md, the atuin habit).
//!
//! Each test runs against SQLite in a temporary file. When the PostgreSQL backend lands, `backends()`
//! gains a second entry (driven by `ACCORD_TEST_POSTGRES_URL`, which the test script provides) and
//! every test here runs against it too.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_core::bundle::{self, BundleFile};
use accord_core::{FindingStatus, ValidCase};
use accord_store::{Create, ImportMode, Store, StoreError};

/// A fresh, empty store per backend; the guard keeps the temporary directory alive.
async fn backends() -> Vec<(Arc<dyn Store>, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.db");
    let store = accord_store::open(path.to_str().unwrap(), Create::IfMissing)
        .await
        .unwrap();
    vec![(store, dir)]
}

fn example() -> ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let mut files = Vec::new();
    for rel in [
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "findings.toml",
        "mechanisms.toml",
        "instruments/FPA.toml",
        "letters/appeal-2030/letter.toml",
        "letters/appeal-2030/body.md",
        "elections/2029-parliament.json",
    ] {
        files.push(BundleFile {
            path: rel.into(),
            contents: std::fs::read_to_string(root.join(rel)).unwrap(),
        });
    }
    bundle::read(&files).unwrap()
}

#[tokio::test]
async fn a_case_reads_back_exactly_as_imported() {
    for (store, _guard) in backends().await {
        let case = example();
        let report = store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        assert_eq!(report.case_id, "example-2030");
        assert!(!report.replaced);
        let back = store.load_case("example-2030").await.unwrap().unwrap();
        assert_eq!(back, case);
        assert_eq!(bundle::write(&back).unwrap(), bundle::write(&case).unwrap());
    }
}

#[tokio::test]
async fn an_unknown_case_is_none() {
    for (store, _guard) in backends().await {
        assert_eq!(store.load_case("nope").await.unwrap(), None);
        assert!(!store.delete_case("nope", "test").await.unwrap());
    }
}

#[tokio::test]
async fn importing_an_existing_case_is_refused_unless_replacing() {
    for (store, _guard) in backends().await {
        let case = example();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let err = store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::CaseExists(ref id) if id == "example-2030"));
        assert_eq!(
            err.to_string(),
            "case \"example-2030\" already exists (use --replace to replace it)"
        );

        let mut changed = case.clone().into_case();
        changed.findings[1].status = FindingStatus::Confirmed;
        changed.incidents.pop();
        changed.findings.pop();
        let changed = accord_core::validate(changed).unwrap();
        let report = store
            .import_case(&changed, ImportMode::Replace, "test")
            .await
            .unwrap();
        assert!(report.replaced);
        let back = store.load_case("example-2030").await.unwrap().unwrap();
        assert_eq!(back, changed);
    }
}

#[tokio::test]
async fn list_counts_and_delete() {
    for (store, _guard) in backends().await {
        assert!(store.list_cases().await.unwrap().is_empty());
        store
            .import_case(&example(), ImportMode::New, "test")
            .await
            .unwrap();
        let list = store.list_cases().await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, "example-2030");
        assert_eq!(list[0].incidents, 3);
        assert_eq!(list[0].findings, 3);
        assert!(!list[0].published);
        assert!(store.delete_case("example-2030", "test").await.unwrap());
        assert!(store.list_cases().await.unwrap().is_empty());
        assert_eq!(store.load_case("example-2030").await.unwrap(), None);
    }
}

#[tokio::test]
async fn every_write_is_in_the_audit_log() {
    for (store, _guard) in backends().await {
        store
            .import_case(&example(), ImportMode::New, "alice")
            .await
            .unwrap();
        store
            .import_case(&example(), ImportMode::Replace, "bob")
            .await
            .unwrap();
        store.delete_case("example-2030", "carol").await.unwrap();
        let log = store.audit_log(Some("example-2030"), 10).await.unwrap();
        let got: Vec<(&str, &str)> = log
            .iter()
            .map(|e| (e.actor.as_str(), e.action.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("carol", "case.delete"),
                ("bob", "case.replace"),
                ("alice", "case.import")
            ]
        );
        assert!(log[2].at.ends_with('Z'));
    }
}

/// A failure in the middle of an import leaves nothing behind. SQLite-specific: a trigger makes the
/// third incident's insert fail after the case row and two incidents were written.
#[tokio::test]
async fn a_failed_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accord.db");
    let path = path.to_str().unwrap();
    let store = accord_store::open(path, Create::IfMissing).await.unwrap();
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&format!("sqlite:{path}"))
        .await
        .unwrap();
    sqlx::query(
        "CREATE TRIGGER fail_third BEFORE INSERT ON incidents WHEN NEW.id = 'harassment'
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    let err = store
        .import_case(&example(), ImportMode::New, "test")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("injected failure"), "{err}");
    assert!(store.list_cases().await.unwrap().is_empty());
    assert!(store.audit_log(None, 10).await.unwrap().is_empty());
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM incidents")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn urls_are_checked_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let err = accord_store::open(missing.to_str().unwrap(), Create::MustExist)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Missing { .. }));
    assert!(!missing.exists());
    let err = accord_store::open("mysql://localhost/accord", Create::IfMissing)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "unsupported database URL \"mysql://localhost/accord\": unknown scheme \"mysql\" (expected a file path, sqlite:// or postgres://)"
    );
    let sqlite_url = format!("sqlite://{}", dir.path().join("x.db").display());
    accord_store::open(&sqlite_url, Create::IfMissing)
        .await
        .unwrap();
    assert!(dir.path().join("x.db").exists());
}
