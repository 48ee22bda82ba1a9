//! The store keeps records' languages: with their case (import, load, replace, export round
//! trip), one record at a time as a logged version, and in the partial loads the pages use.
//! Runs on the backend `ACCORD_TEST_POSTGRES_URL` chooses (SQLite otherwise).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;

use accord_core::bundle::{self, BundleFile};
use accord_core::translation::{self, TextKind};
use accord_core::{Day, ValidCase};
use accord_store::{ImportMode, RecordKind};

fn files(with_translations: bool) -> Vec<BundleFile> {
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
    if with_translations {
        files.push(BundleFile {
            path: "translations.toml".into(),
            contents: std::fs::read_to_string(root.join("../translations.toml")).unwrap(),
        });
    }
    files
}

fn example(with_translations: bool) -> ValidCase {
    bundle::read(&files(with_translations)).unwrap()
}

const CASE: &str = "example-2030";

#[tokio::test]
async fn translations_are_kept_with_their_case_and_each_change_is_a_logged_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let mut case = example(true).into_case();
    case.language = Some("en".into());
    let case = accord_core::validate(case).unwrap();
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    let back = store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(back.translations, case.translations);
    assert_eq!(back.language.as_deref(), Some("en"));
    // Export after import gives the files the bundle gives.
    assert_eq!(bundle::write(&back).unwrap(), bundle::write(&case).unwrap());
    // The import logged one version of each record's languages.
    let versions = store
        .history(CASE, RecordKind::Translation, "incident/party-dissolved")
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);

    // Some records' languages, without the case (pages of incidents, the search index).
    let some = store
        .record_languages(
            CASE,
            TextKind::Incident,
            &["gazette-closed".into(), "party-dissolved".into()],
        )
        .await
        .unwrap();
    assert_eq!(some.len(), 1);
    assert_eq!(some[0], case.translations[1]);
    assert!(
        store
            .record_languages(CASE, TextKind::Actor, &["party-dissolved".into()])
            .await
            .unwrap()
            .is_empty()
    );

    // A partial load (the status pages') keeps the translations of what it read.
    let status = store.load_case_for_status(CASE).await.unwrap().unwrap();
    assert!(
        status
            .translations
            .iter()
            .all(|r| r.kind != TextKind::Incident || status.incident(&r.id).is_some())
    );
    assert!(status.translations.iter().any(|r| r.kind == TextKind::Case));

    // One translation added through the store: a new version, logged, the case's version bumped.
    let head = store.case_head(CASE).await.unwrap().unwrap().version;
    let record = translation::with_translation(
        &back,
        TextKind::Incident,
        "gazette-closed",
        "km",
        &[("title".into(), "កាសែតត្រូវបង្ខំឱ្យបិទ".into())],
        Some("translator@example.org"),
        Day::parse("2030-08-01").unwrap(),
    );
    store
        .save_translation(CASE, &record, "translator@example.org")
        .await
        .unwrap();
    assert!(store.case_head(CASE).await.unwrap().unwrap().version > head);
    let again = store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(again.translations.len(), case.translations.len() + 1);
    assert_eq!(again.translations.last(), Some(&record));
    let versions = store
        .history(CASE, RecordKind::Translation, "incident/gazette-closed")
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].actor, "translator@example.org");
    assert!(versions[0].body.as_deref().unwrap().contains("កាសែត"));

    // Changing it replaces it in place, as a second version.
    let changed = translation::with_translation(
        &again,
        TextKind::Incident,
        "gazette-closed",
        "km",
        &[("title".into(), "កាសែតត្រូវបានបង្ខំឱ្យបិទ".into())],
        None,
        Day::parse("2030-08-02").unwrap(),
    );
    store
        .save_translation(CASE, &changed, "other")
        .await
        .unwrap();
    let third = store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(third.translations.len(), case.translations.len() + 1);
    assert_eq!(third.translations.last(), Some(&changed));
    let versions = store
        .history(CASE, RecordKind::Translation, "incident/gazette-closed")
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);

    // Replacing the case with a bundle without translations drops them, keeping their history.
    store
        .import_case(&example(false), ImportMode::Replace, "test")
        .await
        .unwrap();
    let plain = store.load_case(CASE).await.unwrap().unwrap();
    assert!(plain.translations.is_empty());
    assert_eq!(plain.language, None);
    let versions = store
        .history(CASE, RecordKind::Translation, "incident/gazette-closed")
        .await
        .unwrap();
    assert_eq!(versions.len(), 3);
    assert!(
        versions[2].body.is_none(),
        "a removal is a version without a body"
    );
}

#[tokio::test]
async fn a_case_without_translations_is_stored_and_exported_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let case = example(false);
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    let back = store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(back, case);
    assert_eq!(bundle::write(&back).unwrap(), bundle::write(&case).unwrap());
    let latest = store.latest_versions(CASE).await.unwrap();
    assert!(
        !latest
            .iter()
            .any(|(kind, _, _)| *kind == RecordKind::Translation)
    );
}

#[tokio::test]
async fn a_record_left_without_languages_is_no_longer_kept_and_its_history_keeps_what_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let case = example(true);
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    let before = store.load_case(CASE).await.unwrap().unwrap();
    let actor = before
        .translations
        .iter()
        .find(|r| r.kind == TextKind::Actor && r.id == "freedonia")
        .unwrap()
        .clone();
    assert_eq!(actor.translations.len(), 1);
    let emptied = translation::without_translation(&actor, "fr").unwrap();
    let head = store.case_head(CASE).await.unwrap().unwrap().version;
    store
        .save_translation(CASE, &emptied, "remover@example.org")
        .await
        .unwrap();
    assert!(store.case_head(CASE).await.unwrap().unwrap().version > head);
    let after = store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(after.translations.len(), before.translations.len() - 1);
    assert!(
        store
            .record_languages(CASE, TextKind::Actor, &["freedonia".into()])
            .await
            .unwrap()
            .is_empty()
    );
    // The export has no empty entry for it: what a bundle without that translation gives.
    assert!(!bundle::write(&after).unwrap().iter().any(
        |f| f.contents.contains("id = \"freedonia\"") && f.path.ends_with("translations.toml")
    ));
    let versions = store
        .history(CASE, RecordKind::Translation, "actor/freedonia")
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);
    assert!(versions[0].body.as_deref().unwrap().contains("Freedonie"));
    assert!(
        versions[1].body.is_none(),
        "a record left without languages is a removal"
    );
    assert_eq!(versions[1].actor, "remover@example.org");
}

#[tokio::test]
async fn a_cases_language_is_set_as_a_new_version_and_logged() {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    store
        .import_case(&example(false), ImportMode::New, "test")
        .await
        .unwrap();
    assert_eq!(store.load_case(CASE).await.unwrap().unwrap().language, None);
    let head = store.case_head(CASE).await.unwrap().unwrap().version;
    let (log_before, _) = store.log_head().await.unwrap();
    store
        .set_case_language(CASE, Some("km"), "owner@example.org")
        .await
        .unwrap();
    assert!(store.case_head(CASE).await.unwrap().unwrap().version > head);
    assert!(store.log_head().await.unwrap().0 > log_before);
    let case = store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(case.language.as_deref(), Some("km"));
    assert!(
        bundle::write(&case)
            .unwrap()
            .iter()
            .any(|f| f.path == "case.toml" && f.contents.contains("language = \"km\""))
    );
    // A case that does not exist is refused, nothing written.
    assert!(
        store
            .set_case_language("no-such-case", Some("fr"), "x")
            .await
            .is_err()
    );
}
