//! Checkpoints are made at most one a second, and every one is kept: writes in quick succession
//! each ask for a checkpoint, and each is signed in a second of its own, covering every entry
//! written before it.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_actions::{Actions, LogKeyConfig, NewEvidence};
use accord_core::bundle::{self, BundleFile};
use accord_store::{FsBlobStore, ImportMode};

const CASE: &str = "example-2030";

async fn actions(dir: &std::path::Path) -> Actions {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let files: Vec<BundleFile> = [
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "findings.toml",
        "mechanisms.toml",
        "instruments/FPA.toml",
    ]
    .iter()
    .map(|rel| BundleFile {
        path: (*rel).into(),
        contents: std::fs::read_to_string(root.join(rel)).unwrap(),
    })
    .collect();
    let store = accord_store::testing::fresh_store(dir).await.unwrap();
    let actions = Actions::new(
        store,
        Arc::new(FsBlobStore::open(dir.join("evidence")).unwrap()),
        None,
        LogKeyConfig {
            path: dir.join("log.key"),
            name_if_new: Some("test.example/log".into()),
        },
    );
    actions
        .import_bundle(&bundle::read(&files).unwrap(), ImportMode::New, "test")
        .await
        .unwrap();
    actions
}

async fn add(actions: &Actions, n: usize) {
    let bytes = format!("file {n}");
    let mut body = bytes.as_bytes();
    actions
        .add_evidence(
            CASE,
            NewEvidence {
                file_name: format!("f{n}.txt"),
                incident: Some("party-dissolved".into()),
                ..NewEvidence::default()
            },
            &mut body,
            1 << 20,
            "ed@example.org",
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn checkpoints_after_quick_writes_are_one_a_second_and_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let actions = actions(dir.path()).await;
    let mut signed = Vec::new();
    // Four writes, each followed by the checkpoint a command makes after its write: without the
    // rule, all four would be signed within a few milliseconds.
    for n in 0..4 {
        add(&actions, n).await;
        signed.push(actions.checkpoint().await.unwrap().expect("the log grew"));
    }
    let kept = actions.store().checkpoints().await.unwrap();
    assert_eq!(kept.len(), 4, "every checkpoint is kept: {kept:?}");
    for pair in kept.windows(2) {
        assert!(
            pair[0].created_at < pair[1].created_at,
            "one a second at most: {} then {}",
            pair[0].created_at,
            pair[1].created_at
        );
        assert!(pair[0].size < pair[1].size);
    }
    for (note, stored) in signed.iter().zip(&kept) {
        assert_eq!(note, &stored.note, "kept exactly as signed");
    }
    // The last one covers the last write: nothing is left unsigned.
    assert_eq!(actions.checkpoint().await.unwrap(), None);
    assert!(actions.verify(&|_| {}).await.unwrap().ok);
}
