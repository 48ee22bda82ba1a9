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

/// More incidents than three statements of the bulk path hold (a thousand versions each).
const INCIDENTS: usize = 3_500;
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
