//! Implementation observations through the action layer, on a real SQLite store: recorded as
//! drafts, refused whole with the field named, reviewed under the findings' rule, versioned and
//! verifiable.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_actions::{ActionError, Actions, LogKeyConfig};
use accord_core::bundle::{self, BundleFile};
use accord_core::observation::parse_date;
use accord_core::{Citation, Observation, ObservationStatus, Score, ValidCase};
use accord_store::{FsBlobStore, ImportMode, RecordKind};

const CASE: &str = "example-2030";

/// The example bundle without its observations, its accord signed in 2020 rather than 2028 (the
/// example is set in an invented 2030, and no observation may describe a day after today).
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
    ] {
        let contents = std::fs::read_to_string(root.join(rel))
            .unwrap()
            .replace("date = \"2028-05-01\"", "date = \"2020-05-01\"");
        files.push(BundleFile {
            path: rel.into(),
            contents,
        });
    }
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
    );
    actions
        .import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    (actions, dir)
}

fn observation(id: &str, provision: &str, date: &str) -> Observation {
    Observation {
        id: id.into(),
        provision: Citation::parse(provision).unwrap(),
        date: parse_date(date).unwrap(),
        score: Score::new(2).unwrap(),
        sources: vec!["monitor-report".into()],
        coded_by: Some("coder@example.org".into()),
        note: Some("as the monitor reports it".into()),
        // Asked for, and ignored: every new observation is a draft.
        status: ObservationStatus::Confirmed,
        reviewed_by: Some("nobody".into()),
    }
}

async fn stored(a: &Actions) -> (usize, i64) {
    let n = a.store().observations(CASE).await.unwrap().len();
    let v = a.store().case_summary(CASE).await.unwrap().unwrap().version;
    (n, v)
}

#[tokio::test]
async fn a_new_observation_is_a_draft() {
    let (a, _d) = world().await;
    let o = a
        .add_observation(
            CASE,
            observation("o-new", "FPA Art. 9", "2022-05"),
            "ed@example.org",
        )
        .await
        .unwrap();
    assert_eq!(
        (o.status, o.reviewed_by.as_deref()),
        (ObservationStatus::Draft, None)
    );
    let back = a.store().observations(CASE).await.unwrap();
    assert_eq!(back.last(), Some(&o));
}

#[tokio::test]
async fn a_bad_observation_is_refused_naming_the_field_and_nothing_is_written() {
    let (a, _d) = world().await;
    let before = stored(&a).await;
    for (o, field, says) in [
        (
            observation("o-1", "FPA Art. 9", "2999"),
            "date",
            "2999 is in the future",
        ),
        (
            observation("o-2", "FPA Art. 9", "2019-12"),
            "date",
            "2019-12 is before FPA existed (1 May 2020)",
        ),
        (
            observation("o-3", "FPA Art. 99", "2021"),
            "provision",
            "no provision FPA Art. 99 in this case",
        ),
        (
            Observation {
                sources: vec!["monitor-report".into(), "rumour".into()],
                ..observation("o-4", "FPA Art. 9", "2021")
            },
            "sources[1]",
            "no source \"rumour\" in this case",
        ),
        (
            observation("not an id", "FPA Art. 9", "2021"),
            "id",
            "is not an id",
        ),
    ] {
        let err = a
            .add_observation(CASE, o.clone(), "ed@example.org")
            .await
            .unwrap_err();
        match &err {
            ActionError::Invalid { field: f, message } => {
                assert_eq!(f, field, "{o:?}: {err}");
                assert!(message.contains(says), "{o:?}: {err}");
            }
            other => panic!("{o:?}: {other}"),
        }
        assert_eq!(stored(&a).await, before, "{o:?} wrote something");
    }
    a.add_observation(
        CASE,
        observation("o-a", "FPA Art. 9", "2020"),
        "ed@example.org",
    )
    .await
    .unwrap();
    let before = stored(&a).await;
    let taken = a
        .add_observation(
            CASE,
            observation("o-a", "FPA Art. 9", "2021"),
            "ed@example.org",
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            taken,
            ActionError::Exists {
                what: "observation",
                ..
            }
        ),
        "{taken}"
    );
    assert_eq!(stored(&a).await, before);
}

#[tokio::test]
async fn a_batch_lands_whole_or_not_at_all_and_every_problem_is_listed() {
    let (a, _d) = world().await;
    let before = stored(&a).await;
    let batch = vec![
        observation("o-a", "FPA Art. 9", "2020"),
        observation("o-b", "FPA Art. 9", "2999"),
        observation("o-a", "FPA Art. 99", "2021"),
    ];
    let problems = a.check_observations(CASE, &batch).await.unwrap();
    let found: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.index, p.field.as_str()))
        .collect();
    assert_eq!(found, [(1, "date"), (2, "provision"), (2, "id")]);
    let err = a
        .add_observations(CASE, batch, "ed@example.org")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ActionError::Invalid { field, .. } if field == "observations[1].date"),
        "{err}"
    );
    assert_eq!(stored(&a).await, before);

    let good = vec![
        observation("o-a", "FPA Art. 9", "2020"),
        observation("o-b", "FPA Art. 9", "2021"),
    ];
    assert!(a.check_observations(CASE, &good).await.unwrap().is_empty());
    a.add_observations(CASE, good, "ed@example.org")
        .await
        .unwrap();
    assert_eq!(stored(&a).await.0, before.0 + 2);
}

#[tokio::test]
async fn nobody_confirms_an_observation_they_coded_or_recorded_unless_the_owner_allows_it() {
    let (a, _d) = world().await;
    a.add_observation(
        CASE,
        observation("o-new", "FPA Art. 9", "2021"),
        "ed@example.org",
    )
    .await
    .unwrap();
    let confirm = |by: &'static str| {
        let a = a.clone();
        async move {
            a.set_observation_status(CASE, "o-new", ObservationStatus::Confirmed, by)
                .await
        }
    };
    // Neither its coder nor whoever recorded it for them.
    for own in ["coder@example.org", "ed@example.org"] {
        let err = confirm(own).await.unwrap_err();
        assert!(matches!(err, ActionError::Forbidden(_)), "{own}: {err}");
    }
    // Retracting one's own is allowed: it only ever takes a claim back.
    a.set_observation_status(
        CASE,
        "o-new",
        ObservationStatus::Retracted,
        "ed@example.org",
    )
    .await
    .unwrap();
    confirm("rev@example.org").await.unwrap();
    let o = a
        .store()
        .observations(CASE)
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.id == "o-new")
        .unwrap();
    assert_eq!(
        (o.status, o.reviewed_by.as_deref()),
        (ObservationStatus::Confirmed, Some("rev@example.org"))
    );
    let missing = a
        .set_observation_status(
            CASE,
            "nope",
            ObservationStatus::Confirmed,
            "rev@example.org",
        )
        .await
        .unwrap_err();
    assert!(matches!(missing, ActionError::NotFound { .. }), "{missing}");

    a.add_observation(
        CASE,
        observation("o-solo", "FPA Art. 9", "2022-06"),
        "ed@example.org",
    )
    .await
    .unwrap();
    a.set_self_review(CASE, true, "owner@example.org")
        .await
        .unwrap();
    a.set_observation_status(
        CASE,
        "o-solo",
        ObservationStatus::Confirmed,
        "ed@example.org",
    )
    .await
    .unwrap();

    // Every step is a version, and the whole still verifies.
    let versions = a
        .history(CASE, RecordKind::Observation, "o-new")
        .await
        .unwrap();
    let actors: Vec<&str> = versions.iter().map(|v| v.actor.as_str()).collect();
    assert_eq!(
        actors,
        ["ed@example.org", "ed@example.org", "rev@example.org"]
    );
    a.checkpoint().await.unwrap();
    let report = a.verify(&|_| {}).await.unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}
