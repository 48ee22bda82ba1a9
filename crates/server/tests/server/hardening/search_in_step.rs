//! Finding 11: redacted text stayed searchable, because the index was rebuilt at start only when
//! the number of incidents changed. It is now kept in step by the log's size. And an index in step
//! is not rebuilt at start, its records included (the first index of records was rebuilt at every
//! start, reading every source of every case), unless a part of it is missing.

use accord_core::bundle;
use accord_server::search_sync::{mark_in_step, needs_rebuild};
use accord_store::ImportMode;

use crate::common::{bundle_files, repo};

#[tokio::test]
async fn a_redaction_with_as_many_incidents_makes_the_index_stale() {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let index_dir = dir.path().join("a.db.search");
    std::fs::create_dir_all(&index_dir).unwrap();
    let open = || accord_search::SearchIndex::open(&index_dir).unwrap();
    let mut files = bundle_files(&repo("docs/examples/minimal-case"));
    let case = bundle::read(&files).unwrap();
    store
        .import_case(&case, ImportMode::New, "t")
        .await
        .unwrap();
    let index = open();
    assert!(
        needs_rebuild(store.as_ref(), &index, &index_dir)
            .await
            .unwrap(),
        "never built"
    );
    let (size, _) = store.log_head().await.unwrap();
    mark_in_step(&index_dir, size).unwrap();
    // The next start: in step, records included.
    drop(index);
    let index = open();
    assert!(
        !needs_rebuild(store.as_ref(), &index, &index_dir)
            .await
            .unwrap()
    );
    drop(index);
    // The records' directory lost: rebuilt, whatever the mark says.
    std::fs::remove_dir_all(index_dir.join("records")).unwrap();
    let index = open();
    assert!(
        needs_rebuild(store.as_ref(), &index, &index_dir)
            .await
            .unwrap()
    );
    drop(index);
    // ...and until a rebuild marks it again: a start stopped before the rebuild ended (the
    // directory now there, empty) leaves it to the next.
    let index = open();
    assert!(
        needs_rebuild(store.as_ref(), &index, &index_dir)
            .await
            .unwrap(),
    );
    mark_in_step(&index_dir, size).unwrap();

    // The same incidents, one summary redacted: the count is unchanged, the log is not.
    let f = files
        .iter_mut()
        .find(|f| f.path == "incidents.toml")
        .unwrap();
    let before = f.contents.clone();
    f.contents = f
        .contents
        .replacen("summary = \"", "summary = \"[redacted] ", 1);
    assert_ne!(f.contents, before, "the example has a summary to redact");
    let redacted = bundle::read(&files).unwrap();
    assert_eq!(redacted.incidents.len(), case.incidents.len());
    store
        .import_case(&redacted, ImportMode::Replace, "t")
        .await
        .unwrap();
    assert!(
        needs_rebuild(store.as_ref(), &index, &index_dir)
            .await
            .unwrap()
    );
}
