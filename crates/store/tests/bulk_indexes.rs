//! Bulk writes on SQLite drop the secondary indexes of the tables they fill and build them again
//! before they commit (`sqlite/bulk.rs`, `defer_indexes`): the schema after an import, a merge or
//! an abandoned merge is the schema the migrations made, and the indexes answer queries again.
//! SQLite only: PostgreSQL's bulk path is its own.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;

use accord_core::bundle::{self, BundleFile};
use accord_core::{Incident, ValidCase};
use accord_store::testing::{self, Backend};
use accord_store::{Create, ImportMode, RecordBatch};

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
        "observations.toml",
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

/// Every index with its SQL, as one text: equal texts mean the same indexes.
async fn indexes(url: &str) -> String {
    let n = testing::query_i64(
        url,
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    )
    .await
    .unwrap();
    let mut out = format!("{n} indexes");
    for name in [
        "incidents_by_date",
        "incidents_by_kind",
        "incident_actors_by_actor",
        "incident_themes_by_theme",
        "finding_incidents_by_incident",
        "log_entries_by_record",
    ] {
        let here = testing::query_i64(
            url,
            &format!("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '{name}'"),
        )
        .await
        .unwrap();
        out.push_str(&format!(", {name}: {here}"));
    }
    out
}

/// The case's incidents counted through the date index (an error if it is not there).
async fn count_by_date_index(url: &str) -> i64 {
    testing::query_i64(
        url,
        "SELECT COUNT(*) FROM incidents INDEXED BY incidents_by_date \
         WHERE case_id = 'example-2030' AND date_start > -1000000",
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn imports_and_merges_leave_the_indexes_the_migrations_made() {
    let dir = tempfile::tempdir().unwrap();
    let url = Backend::Sqlite.fresh_url(dir.path()).await.unwrap();
    let store = accord_store::open(&url, Create::IfMissing).await.unwrap();
    let migrated = indexes(&url).await;
    assert!(migrated.contains("incidents_by_date: 1"), "{migrated}");
    assert!(!migrated.contains(": 0"), "{migrated}");

    store
        .import_case(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    assert_eq!(indexes(&url).await, migrated);
    assert_eq!(count_by_date_index(&url).await, 3);
    store
        .import_case(&example(), ImportMode::Replace, "test")
        .await
        .unwrap();
    assert_eq!(indexes(&url).await, migrated);

    // A merge that writes, one that is abandoned, and a dry run.
    let mut incident: Incident = example().incidents[0].clone();
    incident.id = "merged-1".into();
    let batch = RecordBatch {
        actors: Vec::new(),
        sources: Vec::new(),
        incidents: vec![incident],
        instruments: Vec::new(),
    };
    let mut merge = store
        .begin_merge("example-2030", None, false, "test")
        .await
        .unwrap();
    merge.merge(&batch).await.unwrap();
    merge.finish("one incident").await.unwrap();
    assert_eq!(indexes(&url).await, migrated);
    let back = store.load_case("example-2030").await.unwrap().unwrap();
    assert!(back.incidents.iter().any(|i| i.id == "merged-1"));
    assert_eq!(count_by_date_index(&url).await, 4);

    let mut merge = store
        .begin_merge("other-case", Some("Other"), false, "test")
        .await
        .unwrap();
    merge.merge(&batch).await.unwrap();
    merge.abandon().await.unwrap();
    assert_eq!(indexes(&url).await, migrated);
    assert!(store.case_head("other-case").await.unwrap().is_none());

    let mut merge = store
        .begin_merge("example-2030", None, true, "test")
        .await
        .unwrap();
    merge.merge(&batch).await.unwrap();
    merge.finish("dry run").await.unwrap();
    assert_eq!(indexes(&url).await, migrated);
}
