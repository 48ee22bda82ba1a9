//! Many incident saves at once, through two stores on one database (two servers), on every
//! backend. PostgreSQL writes the saves that arrive together as one group (one transaction): the
//! log must still hold one entry per version, numbered without a gap, each leaf its entry's hash
//! and the stored edge the tree of those leaves; every version must point at its own entry; a
//! save refused in the middle of a group must change nothing and fail no other save.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_core::bundle::{self, BundleFile};
use accord_core::{Incident, Sensitivity, ValidCase};
use accord_store::{ImportMode, NewVaultKeys, RecordKind, SaveOutcome, Store, StoreError};
use accord_tlog::merkle::Frontier;
use accord_vault::Vault;

const WRITERS: usize = 16;
const SAVES_EACH: usize = 6;

fn example() -> ValidCase {
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
    accord_core::validate(bundle::read(&files).unwrap().into_case()).unwrap()
}

/// Give the instance keys, and `store` (not the other) the keys to seal with.
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
    store
        .use_keys(Arc::new(Vault::open(&made.record, &made.instance).unwrap()))
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_saves_on_two_stores_keep_the_log_whole_and_a_refused_one_changes_nothing() {
    let case = example();
    for backend in accord_store::testing::backends() {
        let dir = tempfile::tempdir().unwrap();
        let url = backend.fresh_url(dir.path()).await.unwrap();
        let first = accord_store::open(&url, accord_store::Create::IfMissing)
            .await
            .unwrap();
        let second = accord_store::testing::reopen(&url).await.unwrap();
        with_keys(first.as_ref()).await;
        first
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let template = case.incidents[0].clone();
        let mut tasks = Vec::new();
        for w in 0..WRITERS {
            let store = if w % 2 == 0 {
                first.clone()
            } else {
                second.clone()
            };
            let template = template.clone();
            let case_id = case.id.clone();
            tasks.push(tokio::spawn(async move {
                let mut results = Vec::new();
                for n in 0..SAVES_EACH {
                    let mut inc: Incident = template.clone();
                    // New incidents, and saves of one incident that many writers change.
                    inc.id = if n == 2 {
                        "shared".to_owned()
                    } else {
                        format!("w{w}-n{n}")
                    };
                    inc.title = format!("Writer {w}, save {n}");
                    // The store without keys may not write a restricted record: refused.
                    if w == 1 && n == 3 {
                        inc.sensitivity = Sensitivity::Restricted;
                    }
                    // A case that does not exist: refused.
                    let target = if w == 3 && n == 4 {
                        "no-such-case".to_owned()
                    } else {
                        case_id.clone()
                    };
                    let result = store.save_incident(&target, &inc, &format!("w{w}")).await;
                    results.push((inc, target, result));
                }
                results
            }));
        }
        let mut saved: Vec<Incident> = Vec::new();
        let mut shared_saves = 0;
        let mut shared_created = 0;
        for task in tasks {
            for (inc, target, result) in task.await.unwrap() {
                match (inc.id.as_str(), target.as_str(), result) {
                    ("w1-n3", _, Err(StoreError::Sealed { .. })) => {}
                    ("w3-n4", "no-such-case", Err(StoreError::NoCase(c))) => {
                        assert_eq!(c, "no-such-case");
                    }
                    ("shared", _, Ok(outcome)) => {
                        shared_saves += 1;
                        shared_created += usize::from(outcome == SaveOutcome::Created);
                    }
                    (_, _, Ok(outcome)) => {
                        assert_eq!(outcome, SaveOutcome::Created, "{}", inc.id);
                        saved.push(inc);
                    }
                    (id, _, Err(e)) => panic!("{}: save of {id} failed: {e}", backend.name()),
                }
            }
        }
        assert_eq!(shared_saves, WRITERS, "{}", backend.name());
        assert_eq!(
            shared_created,
            1,
            "{}: one save of \"shared\" creates it",
            backend.name()
        );
        assert_eq!(saved.len(), WRITERS * (SAVES_EACH - 1) - 2);

        // What was refused changed nothing.
        let stored = first.load_case(&case.id).await.unwrap().unwrap();
        assert!(!stored.incidents.iter().any(|i| i.id == "w1-n3"));
        assert!(first.load_case("no-such-case").await.unwrap().is_none());
        for inc in &saved {
            assert_eq!(
                stored.incidents.iter().find(|i| i.id == inc.id),
                Some(inc),
                "{}: {}",
                backend.name(),
                inc.id
            );
        }
        assert_eq!(
            stored.incidents.len(),
            case.incidents.len() + saved.len() + 1,
            "{}",
            backend.name()
        );

        // The log: whole, in order, each version on its own entry.
        let (size, root) = second.log_head().await.unwrap();
        let entries = first.log_entries(0, u32::MAX).await.unwrap();
        assert_eq!(entries.len() as u64, size, "{}", backend.name());
        let mut tree = Frontier::new();
        for (k, (entry, leaf)) in entries.iter().enumerate() {
            assert_eq!(
                entry.seq,
                k as u64,
                "{}: entries numbered without a gap",
                backend.name()
            );
            assert_eq!(
                *leaf,
                entry.leaf_hash(),
                "{}: leaf of entry {k}",
                backend.name()
            );
            tree.push(*leaf).unwrap();
        }
        assert_eq!(tree.root(), root, "{}: the stored edge", backend.name());
        let refused: Vec<_> = entries
            .iter()
            .filter(|(e, _)| {
                e.record.as_deref() == Some("incident/w1-n3")
                    || e.case_id.as_deref() == Some("no-such-case")
            })
            .collect();
        assert!(refused.is_empty(), "{}: {refused:?}", backend.name());
        for inc in saved
            .iter()
            .chain(stored.incidents.iter().filter(|i| i.id == "shared"))
        {
            let history = second
                .history(&case.id, RecordKind::Incident, &inc.id)
                .await
                .unwrap();
            let expected = if inc.id == "shared" { WRITERS } else { 1 };
            assert_eq!(history.len(), expected, "{}: {}", backend.name(), inc.id);
            for (k, version) in history.iter().enumerate() {
                assert_eq!(version.version as usize, k + 1);
                let entry = &entries[usize::try_from(version.log_seq).unwrap()].0;
                assert_eq!(
                    entry.record.as_deref(),
                    Some(&*format!("incident/{}", inc.id))
                );
                assert_eq!(entry.record_sha256, version.sha256);
                assert_eq!(entry.case_id.as_deref(), Some(case.id.as_str()));
            }
            // The last version is the incident as stored.
            assert_eq!(
                history.last().unwrap().body.as_deref(),
                Some(accord_store::record::incident(inc).json.as_str()),
                "{}: {}",
                backend.name(),
                inc.id
            );
        }
        // Versions follow the log's order: a later version has a later entry.
        let shared = second
            .history(&case.id, RecordKind::Incident, "shared")
            .await
            .unwrap();
        assert!(shared.windows(2).all(|w| w[0].log_seq < w[1].log_seq));
    }
}
