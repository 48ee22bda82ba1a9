//! A bulk write that fails midway leaves nothing behind. SQLite's bulk statements for versions
//! and log entries are `INSERT OR FAIL` (no statement journal: a failed statement keeps the rows
//! it inserted before the conflict), so this rests on the whole transaction being rolled back
//! when anything fails: a table import's merge stopped by a conflicting log entry in the middle
//! of its second statement must leave the case, its versions and the log as they were, and the
//! store must go on working.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use accord_core::{DateSpec, Incident, IncidentKind, Sensitivity};
use accord_store::testing::{Backend, execute, query_i64};
use accord_store::{Create, RecordBatch};

fn incidents(from: usize, n: usize) -> RecordBatch {
    let date: DateSpec = "2020-01-01".parse().unwrap();
    RecordBatch {
        incidents: (from..from + n)
            .map(|k| Incident {
                id: format!("inc-{k}"),
                date,
                title: format!("Incident {k}"),
                kind: IncidentKind::Other,
                summary: Some(format!("Summary of incident {k}")),
                place: None,
                themes: vec!["Protests".into()],
                sources: vec![],
                actors: vec![],
                evidence: vec![],
                sensitivity: Sensitivity::Case,
                restricted_to: vec![],
            })
            .collect(),
        ..RecordBatch::default()
    }
}

async fn counts(url: &str) -> (i64, i64, i64, i64) {
    (
        query_i64(url, "SELECT COUNT(*) FROM log_entries")
            .await
            .unwrap(),
        query_i64(url, "SELECT COUNT(*) FROM record_versions")
            .await
            .unwrap(),
        query_i64(url, "SELECT COUNT(*) FROM incidents")
            .await
            .unwrap(),
        query_i64(url, "SELECT COUNT(*) FROM incident_themes")
            .await
            .unwrap(),
    )
}

#[tokio::test]
async fn a_merge_failing_in_its_second_statement_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = Backend::Sqlite.fresh_url(dir.path()).await.unwrap();
    let store = accord_store::open(&url, Create::IfMissing).await.unwrap();

    let mut first = store
        .begin_merge("c", Some("C"), false, "test")
        .await
        .unwrap();
    first.merge(&incidents(0, 10)).await.unwrap();
    first.finish("first").await.unwrap();
    let before = counts(&url).await;
    assert_eq!((before.1, before.2, before.3), (10, 10, 10));

    // A log entry planted where the next merge's 1,500th entry goes: its versions and entries
    // go a thousand to a statement, so the second statement stops halfway, after the first was
    // stored.
    let planted = before.0 + 1_500;
    execute(
        &url,
        &format!(
            "INSERT INTO log_entries (seq, at, actor, action, leaf) \
             VALUES ({planted}, '2026-01-01T00:00:00Z', 'test', 'planted', X'00')"
        ),
    )
    .await
    .unwrap();

    let mut second = store.begin_merge("c", None, false, "test").await.unwrap();
    let failed = second.merge(&incidents(10, 3_000)).await;
    assert!(failed.is_err(), "the planted entry must stop the merge");
    second.abandon().await.unwrap();
    let after = counts(&url).await;
    assert_eq!(after, (before.0 + 1, before.1, before.2, before.3));

    // The store goes on: without the planted entry the same merge goes through.
    execute(
        &url,
        &format!("DELETE FROM log_entries WHERE seq = {planted}"),
    )
    .await
    .unwrap();
    let mut third = store.begin_merge("c", None, false, "test").await.unwrap();
    third.merge(&incidents(10, 3_000)).await.unwrap();
    let done = third.finish("third").await.unwrap();
    assert_eq!(done.created.total(), 3_000);
    let last = counts(&url).await;
    assert_eq!((last.1, last.2, last.3), (3_010, 3_010, 3_010));
}
