//! The store keeps letters' follow-through (deliveries, responses, deadlines, follow-ups): with
//! their case (import, load, replace), one record at a time with a version in the log, and in the
//! case the status pages load.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;

use accord_core::bundle::{self, BundleFile};
use accord_core::follow_through::{DeliveryMethod, FollowThrough, Record, ResponseAction};
use accord_core::{Day, ValidCase};
use accord_store::{ImportMode, RecordKind, StoreError};

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
    files.push(BundleFile {
        path: "follow-through.toml".into(),
        contents: std::fs::read_to_string(root.join("../follow-through.toml")).unwrap(),
    });
    bundle::read(&files).unwrap()
}

const CASE: &str = "example-2030";

#[tokio::test]
async fn follow_through_is_kept_with_its_case_and_each_record_is_a_logged_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let case = example();
    assert_eq!(case.follow_through.len(), 3);
    store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    let back = store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(back.follow_through, case.follow_through);
    // The status load carries them, with the letters they are about.
    let status = store.load_case_for_status(CASE).await.unwrap().unwrap();
    assert_eq!(status.follow_through, case.follow_through);
    assert_eq!(status.letters.len(), 1);

    let response = FollowThrough {
        id: "response-2".into(),
        letter: "appeal-2030".into(),
        what: Record::Response {
            from: "guarantor".into(),
            date: Day::parse("2030-09-01").unwrap(),
            action: ResponseAction::Acted,
            summary: "The parties were convened.".into(),
            text: Some("Dear ...".into()),
            source: None,
        },
    };
    store
        .add_follow_through(CASE, &response, "coordinator")
        .await
        .unwrap();
    let again = store
        .add_follow_through(CASE, &response, "coordinator")
        .await;
    assert!(matches!(again, Err(StoreError::Exists { .. })), "{again:?}");
    let all = store.follow_through(CASE).await.unwrap();
    assert_eq!(all.len(), 4);
    assert_eq!(all[3], response);

    let versions = store
        .history(CASE, RecordKind::FollowThrough, "response-2")
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].actor, "coordinator");
    let body = versions[0].body.as_deref().unwrap();
    assert!(
        body.contains("\"kind\":\"response\"") && body.contains("\"action\":\"acted\""),
        "{body}"
    );

    // Every kind reads back as written.
    let delivery = FollowThrough {
        id: "d-2".into(),
        letter: "appeal-2030".into(),
        what: Record::Delivery {
            to: "guarantor".into(),
            date: Day::parse("2030-07-03").unwrap(),
            method: DeliveryMethod::Hand,
            note: None,
        },
    };
    store
        .add_follow_through(CASE, &delivery, "c")
        .await
        .unwrap();
    assert_eq!(store.follow_through(CASE).await.unwrap()[4], delivery);

    // Replacing the case with its bundle drops what the bundle lacks, keeping its history.
    store
        .import_case(&example(), ImportMode::Replace, "test")
        .await
        .unwrap();
    assert_eq!(store.follow_through(CASE).await.unwrap().len(), 3);
    let versions = store
        .history(CASE, RecordKind::FollowThrough, "response-2")
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);
    assert!(
        versions[1].body.is_none(),
        "a removal is a version without a body"
    );
}
