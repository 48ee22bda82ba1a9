//! The bulk import's log, on every backend: one entry per record, in the case's record order,
//! numbered without a gap, each leaf the hash of its entry, when the records span several of the
//! bulk path's statements and restricted records (sealed one at a time, between the statements
//! of the others) stand among them. The SQLite path prepares the next statement's versions while
//! the one before runs; this is what must not change their order.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_core::bundle::{self, BundleFile};
use accord_core::{Sensitivity, ValidCase};
use accord_store::{ImportMode, NewVaultKeys, RecordKind, Store};
use accord_vault::Vault;

/// More incidents than three statements of the bulk path hold (a thousand versions each), and
/// than one group of SQLite's `insert_incidents` (20,000 incidents with their actor and theme
/// rows): `load_case` must give back every incident's actors and themes across the groups.
const INCIDENTS: usize = 21_000;
/// Incidents restricted: at the edges of statements and next to each other.
const RESTRICTED: [usize; 6] = [0, 999, 1_000, 1_001, 2_000, 3_499];

fn big_case() -> ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let files: Vec<BundleFile> = [
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "instruments/FPA.toml",
    ]
    .into_iter()
    .map(|rel| BundleFile {
        path: rel.into(),
        contents: std::fs::read_to_string(root.join(rel)).unwrap(),
    })
    .collect();
    let mut case = bundle::read(&files).unwrap().into_case();
    let template = case.incidents[0].clone();
    for n in 0..INCIDENTS {
        let mut inc = template.clone();
        // Ids out of their sort order (the bulk path stores a statement's rows sorted by id).
        inc.id = format!("bulk-{}", (n * 7_919) % INCIDENTS);
        inc.title = format!("Incident {n}");
        if RESTRICTED.contains(&n) {
            inc.sensitivity = Sensitivity::Restricted;
        }
        case.incidents.push(inc);
    }
    accord_core::validate(case).unwrap()
}

async fn with_keys(store: &dyn Store) {
    let made = accord_vault::create().unwrap();
    store
        .init_vault_keys(
            &NewVaultKeys {
                instance_recipient: made.record.instance_recipient.clone(),
                recovery_recipient: made.record.recovery_recipient.clone(),
                recovery_threshold: 1,
                recovery_shares: 1,
                data_keys: made
                    .record
                    .data_keys
                    .iter()
                    .map(|k| (k.id, k.wrapped.clone()))
                    .collect(),
            },
            "test",
        )
        .await
        .unwrap();
    let vault = Arc::new(Vault::open(&made.record, &made.instance).unwrap());
    store.use_keys(vault).unwrap();
}

#[tokio::test]
async fn a_large_import_logs_every_record_once_in_record_order() {
    logs_every_record_once_in_record_order().await;
}

/// The same on a runtime with several threads, where PostgreSQL's import builds the record bodies
/// on a thread of their own while the rows before them are stored (`postgres/cases.rs`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_import_with_bodies_built_ahead_logs_every_record_once_in_record_order() {
    logs_every_record_once_in_record_order().await;
}

async fn logs_every_record_once_in_record_order() {
    let case = big_case();
    let expected: Vec<String> = case
        .actors
        .iter()
        .map(|a| format!("actor/{}", a.id))
        .chain(case.sources.iter().map(|s| format!("source/{}", s.id)))
        .chain(case.incidents.iter().map(|i| format!("incident/{}", i.id)))
        .collect();
    for (store, _guard) in accord_store::testing::every_backend(|| tempfile::tempdir().unwrap())
        .await
        .unwrap()
    {
        with_keys(store.as_ref()).await;
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let (size, _) = store.log_head().await.unwrap();
        let entries = store.log_entries(0, u32::MAX).await.unwrap();
        assert_eq!(entries.len() as u64, size);
        for (k, (entry, leaf)) in entries.iter().enumerate() {
            assert_eq!(entry.seq, k as u64, "entries numbered without a gap");
            assert_eq!(*leaf, entry.leaf_hash(), "leaf of entry {k}");
        }
        let logged: Vec<String> = entries
            .iter()
            .filter(|(e, _)| e.case_id.as_deref() == Some(case.id.as_str()))
            .filter_map(|(e, _)| e.record.clone())
            .collect();
        assert_eq!(logged.len(), expected.len());
        assert!(logged == expected, "the log is not in record order");
        // Each entry commits to the version stored, restricted (sealed) or not.
        for n in [0, 1, 999, 1_000, 1_002, 3_499] {
            let inc = &case.incidents[case.incidents.len() - INCIDENTS + n];
            let history = store
                .history(&case.id, RecordKind::Incident, &inc.id)
                .await
                .unwrap();
            assert_eq!(history.len(), 1, "{}", inc.id);
            let entry = &entries[usize::try_from(history[0].log_seq).unwrap()].0;
            assert_eq!(
                entry.record.as_deref(),
                Some(&*format!("incident/{}", inc.id))
            );
            assert_eq!(entry.record_sha256, history[0].sha256);
            assert_eq!(
                history[0].body.as_deref(),
                Some(accord_store::record::incident(inc).json.as_str())
            );
        }
        assert_eq!(store.load_case(&case.id).await.unwrap().unwrap(), case);
    }
}

/// A digest of every index and foreign key of the database (PostgreSQL's catalog), as a number:
/// equal numbers mean the same definitions.
async fn postgres_schema_digest(url: &str) -> (i64, i64) {
    let count = accord_store::testing::query_i64(
        url,
        "SELECT (SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema())
              + (SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f')",
    )
    .await
    .unwrap();
    let digest = accord_store::testing::query_i64(
        url,
        "SELECT ('x' || substr(md5(string_agg(d, ',' ORDER BY d)), 1, 15))::bit(60)::bigint
         FROM (SELECT indexname || indexdef AS d FROM pg_indexes
               WHERE schemaname = current_schema()
               UNION ALL
               SELECT conname || pg_get_constraintdef(oid) FROM pg_constraint
               WHERE contype = 'f') AS defs",
    )
    .await
    .unwrap();
    (count, digest)
}

/// On PostgreSQL an import drops the secondary indexes and foreign keys of the tables it fills
/// and makes them again before it commits: afterwards they are exactly the migrations' (a new
/// case, a replaced one, a merge, a refused import).
#[tokio::test]
async fn postgres_imports_leave_the_indexes_and_foreign_keys_the_migrations_made() {
    use accord_store::testing::Backend;
    let Backend::Postgres(_) = Backend::from_env() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = accord_store::testing::fresh_url(dir.path()).await.unwrap();
    let store = accord_store::testing::reopen(&url).await.unwrap();
    let migrated = postgres_schema_digest(&url).await;
    assert!(migrated.0 > 20, "{migrated:?}");
    let case = big_case();
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    assert_eq!(postgres_schema_digest(&url).await, migrated);
    assert!(
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .is_err()
    );
    assert_eq!(postgres_schema_digest(&url).await, migrated);
    store
        .import_case(&case, ImportMode::Replace, "test")
        .await
        .unwrap();
    assert_eq!(postgres_schema_digest(&url).await, migrated);
    assert_eq!(store.load_case(&case.id).await.unwrap().unwrap(), case);
    // The foreign keys hold again: a theme of no incident is refused.
    let orphan = accord_store::testing::execute(
        &url,
        "INSERT INTO incident_themes (case_id, incident_id, position, theme)
         VALUES ('example-2030', 'no-such-incident', 0, 'x')",
    )
    .await;
    assert!(orphan.is_err(), "{orphan:?}");
}

/// An import that fails midway on PostgreSQL (here a log entry already stored at a sequence
/// number of the import's second batch of bodies, which the thread building them ahead has
/// already made) leaves nothing: no case, no rows, no log entries, the indexes and foreign keys
/// of the migrations; the thread building bodies stops, and the same import succeeds once the
/// obstacle is gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_import_that_fails_midway_leaves_nothing() {
    use accord_store::testing::{Backend, execute, query_i64};
    let Backend::Postgres(_) = Backend::from_env() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = accord_store::testing::fresh_url(dir.path()).await.unwrap();
    let store = accord_store::testing::reopen(&url).await.unwrap();
    let migrated = postgres_schema_digest(&url).await;
    let case = big_case();
    // The records' first 20,000 bodies are the first batch: entry 20,500 is in the second.
    let obstacle = format!(
        "INSERT INTO log_entries (seq, at, actor, action, leaf) VALUES (20500, 'then', 'x', 'x', {})",
        accord_store::testing::bytes_literal(&url, &"00".repeat(32))
    );
    assert_eq!(execute(&url, &obstacle).await.unwrap(), 1);
    let failed = store.import_case(&case, ImportMode::New, "test").await;
    // Refused by the entry in the way, after the records' rows and the first batch were sent.
    let refused = format!("{failed:?}");
    assert!(refused.contains("log_entries_pkey"), "{refused}");
    assert!(store.case_head(&case.id).await.unwrap().is_none());
    for table in [
        "cases",
        "actors",
        "sources",
        "incidents",
        "incident_actors",
        "incident_themes",
        "record_versions",
    ] {
        let n = query_i64(&url, &format!("SELECT COUNT(*) FROM {table}"))
            .await
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert_eq!(
        query_i64(&url, "SELECT COUNT(*) FROM log_entries")
            .await
            .unwrap(),
        1
    );
    assert_eq!(postgres_schema_digest(&url).await, migrated);

    assert_eq!(
        execute(&url, "DELETE FROM log_entries WHERE seq = 20500")
            .await
            .unwrap(),
        1
    );
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    assert_eq!(store.load_case(&case.id).await.unwrap().unwrap(), case);
    let (size, _) = store.log_head().await.unwrap();
    assert_eq!(
        query_i64(&url, "SELECT COUNT(*) FROM log_entries")
            .await
            .unwrap(),
        i64::try_from(size).unwrap()
    );
}
