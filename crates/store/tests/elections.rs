//! `Store::elections`: a case's election files read alone, as the election pages need them,
//! without loading the rest of the case. Run against every backend, like the contract suite.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_core::ElectionFile;
use accord_core::bundle::{self, BundleFile};
use accord_store::{ImportMode, Store};

/// A fresh, empty store on every backend (SQLite, and PostgreSQL when `ACCORD_TEST_POSTGRES_URL`
/// names a server); the guard keeps the temporary directory alive.
async fn backends() -> Vec<(Arc<dyn Store>, tempfile::TempDir)> {
    accord_store::testing::every_backend(|| tempfile::tempdir().unwrap())
        .await
        .unwrap()
}

/// The repository's minimal example case (one election), optionally with more elections added.
fn example(extra: &[(&str, &str)]) -> accord_core::ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let mut files: Vec<BundleFile> = [
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "findings.toml",
        "mechanisms.toml",
        "instruments/FPA.toml",
        "elections/2029-parliament.json",
    ]
    .iter()
    .map(|rel| BundleFile {
        path: (*rel).into(),
        contents: std::fs::read_to_string(root.join(rel)).unwrap(),
    })
    .collect();
    for (id, json) in extra {
        files.push(BundleFile {
            path: format!("elections/{id}.json"),
            contents: (*json).to_owned(),
        });
    }
    bundle::read(&files).unwrap()
}

#[tokio::test]
async fn elections_read_back_as_imported_and_in_the_cases_order() {
    for (store, _guard) in backends().await {
        let case = example(&[(
            "2034-senate",
            r#"{"name": "Senate 2034", "constituencies": []}"#,
        )]);
        assert_eq!(case.elections.len(), 2, "the bundle holds both elections");
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let got = store.elections("example-2030").await.unwrap();
        assert_eq!(got, case.elections);
        // The stored text is the file's, byte for byte (the engine parses it, not the store).
        assert!(got[0].json.contains("\"Freedonia 2029\""));
        assert_eq!(
            got.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            case.elections
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
        );
        // The same as what a whole-case load returns.
        let whole = store.load_case("example-2030").await.unwrap().unwrap();
        assert_eq!(got, whole.elections);
    }
}

#[tokio::test]
async fn an_unknown_case_has_no_elections() {
    for (store, _guard) in backends().await {
        store
            .import_case(&example(&[]), ImportMode::New, "test")
            .await
            .unwrap();
        assert_eq!(
            store.elections("nope").await.unwrap(),
            Vec::<ElectionFile>::new()
        );
    }
}

#[tokio::test]
async fn elections_are_per_case_and_go_with_a_replaced_or_deleted_case() {
    for (store, _guard) in backends().await {
        store
            .import_case(
                &example(&[("b", r#"{"name": "B"}"#)]),
                ImportMode::New,
                "test",
            )
            .await
            .unwrap();
        assert_eq!(store.elections("example-2030").await.unwrap().len(), 2);
        // Replacing the case with a version that has one election leaves exactly that one.
        store
            .import_case(&example(&[]), ImportMode::Replace, "test")
            .await
            .unwrap();
        let after = store.elections("example-2030").await.unwrap();
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].id, "2029-parliament");
        assert!(store.delete_case("example-2030", "test").await.unwrap());
        assert!(store.elections("example-2030").await.unwrap().is_empty());
    }
}
