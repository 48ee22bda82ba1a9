//! Text that the bulk path must carry unchanged: PostgreSQL's import writes rows with `COPY`
//! (tab-separated text), so tabs, newlines, carriage returns, backslashes and what looks like
//! COPY's NULL marker must come back exactly as written, on every backend.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;

use accord_core::ValidCase;
use accord_core::bundle::{self, BundleFile};
use accord_store::ImportMode;

const AWKWARD: &str =
    "tab\there, line\nbreak, return\r, back\\slash, \\N, \\\\N, \\x00, ខ្មែរ, \u{1F600}";

fn example_with_awkward_text() -> ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let mut files = Vec::new();
    for rel in [
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "instruments/FPA.toml",
    ] {
        files.push(BundleFile {
            path: rel.into(),
            contents: std::fs::read_to_string(root.join(rel)).unwrap(),
        });
    }
    let mut case = bundle::read(&files).unwrap().into_case();
    case.incidents[0].summary = Some(AWKWARD.to_owned());
    case.incidents[0].title = format!("{} {AWKWARD}", case.incidents[0].title);
    case.incidents[0].place = Some(AWKWARD.to_owned());
    case.actors[0].name = format!("{} {AWKWARD}", case.actors[0].name);
    case.actors[0].aliases.push(AWKWARD.to_owned());
    case.sources[0].title = format!("{} {AWKWARD}", case.sources[0].title);
    case.sources[0].note = Some(AWKWARD.to_owned());
    accord_core::validate(case).unwrap()
}

#[tokio::test]
async fn awkward_text_survives_the_bulk_path_and_its_versions() {
    let case = example_with_awkward_text();
    for (store, _guard) in accord_store::testing::every_backend(|| tempfile::tempdir().unwrap())
        .await
        .unwrap()
    {
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let back = store.load_case(&case.id).await.unwrap().unwrap();
        assert_eq!(back, case);
        // The version the import logged is the record's canonical JSON, byte for byte.
        let history = store
            .history(
                &case.id,
                accord_store::RecordKind::Incident,
                &case.incidents[0].id,
            )
            .await
            .unwrap();
        assert_eq!(history.len(), 1);
        let body = accord_store::record::incident(&case.incidents[0]);
        assert_eq!(history[0].sha256.as_deref(), Some(body.sha256.as_str()));
        assert!(history[0].body.as_deref().unwrap().contains("\\\\N"));
    }
}
