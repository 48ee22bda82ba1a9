//! What happened after a letter, through the action layer on a real SQLite store: a delivery, a
//! response and a follow-up are recorded and logged (`accord verify` stays clean); a response from
//! someone the letter was not addressed to, a date before the letter or after today, or a
//! follow-up citing another case's letter is refused naming the field, and nothing is written.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_actions::{ActionError, Actions, LogKeyConfig};
use accord_core::bundle::{self, BundleFile};
use accord_core::follow_through::{DeliveryMethod, FollowThrough, Record, ResponseAction};
use accord_core::{Day, ValidCase};
use accord_store::{FsBlobStore, ImportMode, RecordKind};

const CASE: &str = "example-2030";

/// The example bundle with a second letter (`follow-2030`, dated 1 September 2030) and none of
/// the example's follow-through records.
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
        "instruments/FPA.toml",
        "letters/appeal-2030/letter.toml",
        "letters/appeal-2030/body.md",
    ] {
        files.push(BundleFile {
            path: rel.into(),
            contents: std::fs::read_to_string(root.join(rel)).unwrap(),
        });
    }
    let letter = std::fs::read_to_string(root.join("letters/appeal-2030/letter.toml"))
        .unwrap()
        .replace("id = \"appeal-2030\"", "id = \"follow-2030\"")
        .replace("date = \"2030-07-01\"", "date = \"2030-09-01\"");
    files.push(BundleFile {
        path: "letters/follow-2030/letter.toml".into(),
        contents: letter,
    });
    files.push(BundleFile {
        path: "letters/follow-2030/body.md".into(),
        contents: "We wrote to you on 1 July.\n".into(),
    });
    bundle::read(&files).unwrap()
}

async fn world() -> (Actions, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let actions = Actions::new(
        store,
        Arc::new(FsBlobStore::open(dir.path().join("blobs")).unwrap()),
        None,
        LogKeyConfig {
            path: dir.path().join("log.key"),
            name_if_new: Some("test.example/log".into()),
        },
    )
    // The example is set in an invented 2030: take a day after it as today.
    .with_today(Day::parse("2030-12-01").unwrap());
    actions
        .import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    (actions, dir)
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn record(letter: &str, what: Record) -> FollowThrough {
    FollowThrough {
        id: String::new(),
        letter: letter.into(),
        what,
    }
}

fn response(from: &str, date: &str) -> Record {
    Record::Response {
        from: from.into(),
        date: day(date),
        action: ResponseAction::Acknowledged,
        summary: "Received and under study.".into(),
        text: None,
        source: Some("monitor-report".into()),
    }
}

async fn count(a: &Actions) -> usize {
    a.store().follow_through(CASE).await.unwrap().len()
}

#[tokio::test]
async fn a_delivery_a_response_and_a_follow_up_are_recorded_and_logged() {
    let (a, _dir) = world().await;
    let delivered = a
        .add_follow_through(
            CASE,
            record(
                "appeal-2030",
                Record::Delivery {
                    to: "guarantor".into(),
                    date: day("2030-07-02"),
                    method: DeliveryMethod::Email,
                    note: None,
                },
            ),
            "coordinator",
        )
        .await
        .unwrap();
    assert_eq!(delivered.id, "delivery-appeal-2030-2030-07-02");
    a.add_follow_through(
        CASE,
        record("appeal-2030", response("guarantor", "2030-08-20")),
        "coordinator",
    )
    .await
    .unwrap();
    let up = a
        .add_follow_through(
            CASE,
            record(
                "follow-2030",
                Record::FollowUp {
                    cites: "appeal-2030".into(),
                },
            ),
            "coordinator",
        )
        .await
        .unwrap();
    assert_eq!(up.id, "follow-up-follow-2030");
    assert_eq!(count(&a).await, 3);
    let versions = a
        .store()
        .history(CASE, RecordKind::FollowThrough, &up.id)
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);
    let report = a.verify(&|_| {}).await.unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

#[tokio::test]
async fn bad_records_are_refused_naming_the_field_and_nothing_is_written() {
    let (a, _dir) = world().await;
    let refused = |r: Result<FollowThrough, ActionError>| match r {
        Err(ActionError::Invalid { field, message }) => (field, message),
        other => panic!("expected a refusal, got {other:?}"),
    };
    let (field, message) = refused(
        a.add_follow_through(
            CASE,
            record("appeal-2030", response("sylvania", "2030-08-20")),
            "c",
        )
        .await,
    );
    assert_eq!(field, "from");
    assert!(message.contains("not an addressee"), "{message}");
    let (field, _) = refused(
        a.add_follow_through(
            CASE,
            record("appeal-2030", response("guarantor", "2030-06-30")),
            "c",
        )
        .await,
    );
    assert_eq!(field, "date");
    let (field, message) = refused(
        a.add_follow_through(
            CASE,
            record("appeal-2030", response("guarantor", "2031-01-01")),
            "c",
        )
        .await,
    );
    assert_eq!(field, "date");
    assert!(message.contains("in the future"), "{message}");
    let (field, message) = refused(
        a.add_follow_through(
            CASE,
            record(
                "follow-2030",
                Record::FollowUp {
                    cites: "cambodia-2017/2017-10-23-reconvene-paris-conference".into(),
                },
            ),
            "c",
        )
        .await,
    );
    assert_eq!(field, "cites");
    assert!(message.contains("another case"), "{message}");
    let mut unknown_source = response("guarantor", "2030-08-20");
    if let Record::Response { source, .. } = &mut unknown_source {
        *source = Some("nope".into());
    }
    let (field, _) = refused(
        a.add_follow_through(CASE, record("appeal-2030", unknown_source), "c")
            .await,
    );
    assert_eq!(field, "source");
    // An unknown letter is a missing resource.
    let missing = a
        .add_follow_through(
            CASE,
            record("nope", response("guarantor", "2030-08-20")),
            "c",
        )
        .await;
    assert!(
        matches!(missing, Err(ActionError::NotFound { what: "letter", .. })),
        "{missing:?}"
    );
    assert_eq!(count(&a).await, 0, "nothing was written");
}

/// A response may name any source of the case, also one no incident, observation or earlier
/// record cites (the case as the checks read it holds only the cited ones; the others are read
/// by id).
#[tokio::test]
async fn a_response_may_name_a_source_nothing_else_cites() {
    let (a, _dir) = world().await;
    a.add_source(
        CASE,
        accord_core::Source {
            id: "answer-letter".into(),
            title: "The Foreign Minister's answer".into(),
            ..accord_core::Source::default()
        },
        "c",
    )
    .await
    .unwrap();
    let mut answer = response("guarantor", "2030-08-20");
    if let Record::Response { source, .. } = &mut answer {
        *source = Some("answer-letter".into());
    }
    a.add_follow_through(CASE, record("appeal-2030", answer), "c")
        .await
        .unwrap();
    assert_eq!(count(&a).await, 1);
    // And what the status load holds now names it: a second response citing it needs no read.
    let stored = a.store().load_case_for_status(CASE).await.unwrap().unwrap();
    assert!(stored.source("answer-letter").is_some());
}
