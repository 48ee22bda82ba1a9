//! The store contract: one suite that every backend must pass (STYLE.md, the atuin habit).
//!
//! The tests that loop over `backends()` run against SQLite in a temporary file and, when
//! `ACCORD_TEST_POSTGRES_URL` names a server (the test script's throwaway cluster), against a new
//! PostgreSQL database too; the others run on the backend that variable chooses, so the test
//! script's second run puts them on PostgreSQL. Tests that reach below the store into SQLite say so.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_core::bundle::{self, BundleFile};
use accord_core::{FindingStatus, ValidCase};
use accord_store::{Create, ImportMode, Store, StoreError};

/// A fresh, empty store on every backend (SQLite, and PostgreSQL when `ACCORD_TEST_POSTGRES_URL`
/// names a server); the guard keeps the temporary directory alive.
async fn backends() -> Vec<(Arc<dyn Store>, tempfile::TempDir)> {
    accord_store::testing::every_backend(|| tempfile::tempdir().unwrap())
        .await
        .unwrap()
}

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
    bundle::read(&files).unwrap()
}

#[tokio::test]
async fn a_case_reads_back_exactly_as_imported() {
    for (store, _guard) in backends().await {
        let case = example();
        let report = store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        assert_eq!(report.case_id, "example-2030");
        assert!(!report.replaced);
        let back = store.load_case("example-2030").await.unwrap().unwrap();
        assert_eq!(back, case);
        assert_eq!(bundle::write(&back).unwrap(), bundle::write(&case).unwrap());
    }
}

#[tokio::test]
async fn an_unknown_case_is_none() {
    for (store, _guard) in backends().await {
        assert_eq!(store.load_case("nope").await.unwrap(), None);
        assert!(!store.delete_case("nope", "test").await.unwrap());
    }
}

#[tokio::test]
async fn importing_an_existing_case_is_refused_unless_replacing() {
    for (store, _guard) in backends().await {
        let case = example();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let err = store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::CaseExists(ref id) if id == "example-2030"));
        assert_eq!(
            err.to_string(),
            "case \"example-2030\" already exists (use --replace to replace it)"
        );

        let mut changed = case.clone().into_case();
        changed.findings[1].status = FindingStatus::Confirmed;
        changed.incidents.pop();
        changed.findings.pop();
        let changed = accord_core::validate(changed).unwrap();
        let report = store
            .import_case(&changed, ImportMode::Replace, "test")
            .await
            .unwrap();
        assert!(report.replaced);
        let back = store.load_case("example-2030").await.unwrap().unwrap();
        assert_eq!(back, changed);
    }
}

#[tokio::test]
async fn list_counts_and_delete() {
    for (store, _guard) in backends().await {
        assert!(store.list_cases().await.unwrap().is_empty());
        store
            .import_case(&example(), ImportMode::New, "test")
            .await
            .unwrap();
        let list = store.list_cases().await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, "example-2030");
        assert_eq!(list[0].incidents, 3);
        assert_eq!(list[0].findings, 3);
        assert!(!list[0].published);
        assert!(store.delete_case("example-2030", "test").await.unwrap());
        assert!(store.list_cases().await.unwrap().is_empty());
        assert_eq!(store.load_case("example-2030").await.unwrap(), None);
    }
}

#[tokio::test]
async fn every_write_is_in_the_audit_log() {
    for (store, _guard) in backends().await {
        store
            .import_case(&example(), ImportMode::New, "alice")
            .await
            .unwrap();
        store
            .import_case(&example(), ImportMode::Replace, "bob")
            .await
            .unwrap();
        store.delete_case("example-2030", "carol").await.unwrap();
        let log = store.audit_log(Some("example-2030"), 10).await.unwrap();
        let got: Vec<(&str, &str)> = log
            .iter()
            .map(|e| (e.actor.as_str(), e.action.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("carol", "case.delete"),
                ("bob", "case.replace"),
                ("alice", "case.import")
            ]
        );
        assert!(log[2].at.ends_with('Z'));
    }
}

/// A failure in the middle of an import leaves nothing behind: a trigger, written below the store
/// in each backend's own SQL, makes the third incident's insert fail after the case row and two
/// incidents were written.
#[tokio::test]
async fn a_failed_import_changes_nothing() {
    use accord_store::testing::{execute, query_i64};
    for backend in accord_store::testing::backends() {
        let dir = tempfile::tempdir().unwrap();
        let url = backend.fresh_url(dir.path()).await.unwrap();
        let store = accord_store::open(&url, Create::IfMissing).await.unwrap();
        let trigger: &[&str] = match backend {
            accord_store::testing::Backend::Sqlite => &[
                "CREATE TRIGGER fail_third BEFORE INSERT ON incidents WHEN NEW.id = 'harassment'
                 BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
            ],
            accord_store::testing::Backend::Postgres(_) => &[
                "CREATE FUNCTION fail_third() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                   IF NEW.id = 'harassment' THEN RAISE EXCEPTION 'injected failure'; END IF;
                   RETURN NEW;
                 END $$",
                "CREATE TRIGGER fail_third BEFORE INSERT ON incidents
                 FOR EACH ROW EXECUTE FUNCTION fail_third()",
            ],
        };
        for sql in trigger {
            execute(&url, sql).await.unwrap();
        }
        let err = store
            .import_case(&example(), ImportMode::New, "test")
            .await
            .unwrap_err();
        assert!(err.to_string().contains("injected failure"), "{err}");
        assert!(store.list_cases().await.unwrap().is_empty());
        assert!(store.audit_log(None, 10).await.unwrap().is_empty());
        assert_eq!(
            query_i64(&url, "SELECT COUNT(*) FROM incidents")
                .await
                .unwrap(),
            0,
            "{}",
            backend.name()
        );
        assert_eq!(
            query_i64(&url, "SELECT COUNT(*) FROM log_entries")
                .await
                .unwrap(),
            0,
            "{}",
            backend.name()
        );
    }
}

#[tokio::test]
async fn urls_are_checked_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let err = accord_store::open(missing.to_str().unwrap(), Create::MustExist)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Missing { .. }));
    assert!(!missing.exists());
    let err = accord_store::open("mysql://localhost/accord", Create::IfMissing)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "unsupported database URL \"mysql://localhost/accord\": unknown scheme \"mysql\" (expected a file path, sqlite:// or postgres://)"
    );
    let sqlite_url = format!("sqlite://{}", dir.path().join("x.db").display());
    accord_store::open(&sqlite_url, Create::IfMissing)
        .await
        .unwrap();
    assert!(dir.path().join("x.db").exists());
}

/// The example case in a fresh store on the backend the environment chooses.
async fn with_example() -> (Arc<dyn Store>, tempfile::TempDir) {
    let guard = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(guard.path())
        .await
        .unwrap();
    store
        .import_case(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    (store, guard)
}

fn ids(items: &[accord_core::Incident]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

#[tokio::test]
async fn timeline_filters_and_pages() {
    use accord_core::{Day, IncidentKind, Verdict};
    use accord_store::TimelineFilter;
    let (store, _g) = with_example().await;
    let all = store
        .timeline("example-2030", &TimelineFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(all.total, 3);
    // Newest first by earliest day: Mar 2030, 14 Feb 2030, Jan..Jun 2030.
    assert_eq!(
        ids(&all.items),
        ["gazette-closed", "party-dissolved", "harassment"]
    );
    let page = store
        .timeline("example-2030", &TimelineFilter::default(), 1, 1)
        .await
        .unwrap();
    assert_eq!((page.total, ids(&page.items)), (3, vec!["party-dissolved"]));

    let check = |filter: TimelineFilter, expected: Vec<&'static str>| {
        let store = store.clone();
        async move {
            let page = store
                .timeline("example-2030", &filter, 10, 0)
                .await
                .unwrap();
            assert_eq!(ids(&page.items), expected, "{filter:?}");
            assert_eq!(page.total, expected.len() as u64);
        }
    };
    check(
        TimelineFilter {
            kinds: vec![IncidentKind::Closure, IncidentKind::Surveillance],
            ..Default::default()
        },
        vec!["gazette-closed", "harassment"],
    )
    .await;
    check(
        TimelineFilter {
            actor: Some("interior".into()),
            ..Default::default()
        },
        vec!["party-dissolved"],
    )
    .await;
    check(
        TimelineFilter {
            theme: Some("expression".into()),
            ..Default::default()
        },
        vec!["gazette-closed", "harassment"],
    )
    .await;
    // Date ranges select incidents that overlap them: the January-June surveillance overlaps April.
    check(
        TimelineFilter {
            from: Day::new(2030, 4, 1),
            to: Day::new(2030, 4, 30),
            ..Default::default()
        },
        vec!["harassment"],
    )
    .await;
    check(
        TimelineFilter {
            to: Day::new(2030, 1, 31),
            ..Default::default()
        },
        vec!["harassment"],
    )
    .await;
    // Only confirmed findings count for the verdict filter (f-gazette is a draft threat).
    check(
        TimelineFilter {
            verdict: Some(Verdict::Violation),
            ..Default::default()
        },
        vec!["party-dissolved"],
    )
    .await;
    check(
        TimelineFilter {
            verdict: Some(Verdict::ThreatOfViolation),
            ..Default::default()
        },
        vec![],
    )
    .await;
    check(
        TimelineFilter {
            verdict: Some(Verdict::Concern),
            ..Default::default()
        },
        vec!["harassment"],
    )
    .await;
}

#[tokio::test]
async fn editing_one_incident_and_reviewing_findings() {
    use accord_core::{Citation, Finding, FindingStatus, Verdict, evaluate};
    use accord_store::SaveOutcome;
    let (store, _g) = with_example().await;
    let v0 = store
        .case_summary("example-2030")
        .await
        .unwrap()
        .unwrap()
        .version;

    let mut inc = store
        .incidents("example-2030", &["harassment".into()])
        .await
        .unwrap()
        .remove(0);
    inc.title = "Journalists followed".into();
    inc.themes.push("assembly".into());
    assert_eq!(
        store
            .save_incident("example-2030", &inc, "ed")
            .await
            .unwrap(),
        SaveOutcome::Updated
    );
    let mut new = inc.clone();
    new.id = "raid".into();
    assert_eq!(
        store
            .save_incident("example-2030", &new, "ed")
            .await
            .unwrap(),
        SaveOutcome::Created
    );
    let back = store.load_case("example-2030").await.unwrap().unwrap();
    // An update keeps the incident's place; a new one goes last.
    let order: Vec<&str> = back.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        order,
        ["party-dissolved", "gazette-closed", "harassment", "raid"]
    );
    assert_eq!(back.incidents[2], inc);

    let finding = Finding {
        id: "f-raid".into(),
        incidents: vec!["raid".into()],
        provision: Citation::parse("FPA Art. 3(2)").unwrap(),
        verdict: Verdict::ThreatOfViolation,
        status: FindingStatus::Draft,
        rationale: "A raid threatens the press.".into(),
        author: Some("ed".into()),
        reviewed_by: None,
    };
    store
        .add_finding("example-2030", &finding, "ed")
        .await
        .unwrap();
    assert!(matches!(
        store
            .add_finding("example-2030", &finding, "ed")
            .await
            .unwrap_err(),
        StoreError::Exists {
            what: "finding",
            ..
        }
    ));
    store
        .set_finding_status("example-2030", "f-raid", FindingStatus::Confirmed, "rev")
        .await
        .unwrap();
    assert!(matches!(
        store
            .set_finding_status("example-2030", "nope", FindingStatus::Confirmed, "rev")
            .await
            .unwrap_err(),
        StoreError::NotFound { .. }
    ));
    let full = store.load_case("example-2030").await.unwrap().unwrap();
    let f = full.finding("f-raid").unwrap();
    assert_eq!(
        (f.status, f.reviewed_by.as_deref()),
        (FindingStatus::Confirmed, Some("rev"))
    );

    // The partial load for status gives the same evaluation as the whole case.
    let partial = store
        .load_case_for_status("example-2030")
        .await
        .unwrap()
        .unwrap();
    let mut named: Vec<&str> = full
        .findings
        .iter()
        .flat_map(|f| f.incidents.iter().map(String::as_str))
        .collect();
    named.sort_unstable();
    named.dedup();
    let mut loaded: Vec<&str> = partial.incidents.iter().map(|i| i.id.as_str()).collect();
    loaded.sort_unstable();
    assert_eq!(loaded, named);
    let (a, b) = (evaluate(&full), evaluate(&partial));
    assert_eq!(format!("{:?}", a.mechanisms), format!("{:?}", b.mechanisms));
    assert_eq!(a.mechanisms[0].findings.len(), 2);

    let verdicts = store
        .verdicts_of("example-2030", &["raid".into(), "gazette-closed".into()])
        .await
        .unwrap();
    assert_eq!(
        verdicts,
        vec![("raid".to_owned(), vec![Verdict::ThreatOfViolation])]
    );
    assert_eq!(
        store
            .findings_of_incident("example-2030", "raid")
            .await
            .unwrap()
            .len(),
        1
    );

    // Every edit bumped the version and was logged.
    let v1 = store
        .case_summary("example-2030")
        .await
        .unwrap()
        .unwrap()
        .version;
    assert_eq!(v1, v0 + 4);
    let log = store.audit_log(Some("example-2030"), 4).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "finding.confirmed",
            "finding.create",
            "incident.create",
            "incident.update"
        ]
    );

    // Editing a case that does not exist is refused, and writes nothing.
    assert!(matches!(
        store.save_incident("nope", &inc, "ed").await.unwrap_err(),
        StoreError::NoCase(_)
    ));
}

#[tokio::test]
async fn batches_of_all_incidents_for_the_search_index() {
    let (store, _g) = with_example().await;
    let first = store.all_incidents(None, 2).await.unwrap();
    assert_eq!(first.len(), 2);
    let last = (first[1].0.clone(), first[1].1.id.clone());
    let rest = store.all_incidents(Some(last), 2).await.unwrap();
    assert_eq!(rest.len(), 1);
    let mut seen: Vec<String> = first
        .iter()
        .chain(&rest)
        .map(|(_, i, _)| i.id.clone())
        .collect();
    seen.sort();
    assert_eq!(seen, ["gazette-closed", "harassment", "party-dissolved"]);
    let dissolved = first
        .iter()
        .chain(&rest)
        .find(|(_, i, _)| i.id == "party-dissolved")
        .unwrap();
    assert_eq!(dissolved.2, vec![accord_core::Verdict::Violation]);
}

#[tokio::test]
async fn accounts_sessions_tokens_and_roles() {
    use accord_core::CaseRole;
    use accord_store::NewSession;
    let (store, _g) = with_example().await;
    let alice = store
        .create_user(" Alice@Example.org ", "hash-a", true)
        .await
        .unwrap();
    assert_eq!(alice.email, "alice@example.org");
    assert!(matches!(
        store
            .create_user("alice@example.org", "x", false)
            .await
            .unwrap_err(),
        StoreError::Exists { what: "user", .. }
    ));
    let (found, hash) = store
        .user_by_email("ALICE@example.org")
        .await
        .unwrap()
        .unwrap();
    assert_eq!((found.id, hash.as_str()), (alice.id, "hash-a"));
    assert_eq!(store.user_by_email("bob@example.org").await.unwrap(), None);

    store
        .create_session(&NewSession {
            token_sha256: "s1".into(),
            user_id: alice.id,
            csrf: "c1".into(),
            expires_unix: 1000,
        })
        .await
        .unwrap();
    let s = store.session("s1", 999).await.unwrap().unwrap();
    assert_eq!((s.user.id, s.csrf.as_str()), (alice.id, "c1"));
    assert_eq!(store.session("s1", 1000).await.unwrap(), None, "expired");
    store.delete_session("s1").await.unwrap();
    assert_eq!(store.session("s1", 0).await.unwrap(), None);

    store
        .create_api_token(alice.id, "laptop", "t1")
        .await
        .unwrap();
    assert_eq!(
        store.user_by_api_token("t1").await.unwrap().unwrap().id,
        alice.id
    );
    assert_eq!(store.user_by_api_token("t2").await.unwrap(), None);

    assert_eq!(store.role("example-2030", alice.id).await.unwrap(), None);
    store
        .set_role("example-2030", alice.id, Some(CaseRole::Editor), "admin")
        .await
        .unwrap();
    store
        .set_role("example-2030", alice.id, Some(CaseRole::Owner), "admin")
        .await
        .unwrap();
    assert_eq!(
        store.role("example-2030", alice.id).await.unwrap(),
        Some(CaseRole::Owner)
    );
    assert_eq!(store.members("example-2030").await.unwrap().len(), 1);
    assert_eq!(
        store.roles_of_user(alice.id).await.unwrap(),
        vec![("example-2030".to_owned(), CaseRole::Owner)]
    );
    store
        .set_role("example-2030", alice.id, None, "admin")
        .await
        .unwrap();
    assert_eq!(store.role("example-2030", alice.id).await.unwrap(), None);

    assert!(
        !store
            .case_summary("example-2030")
            .await
            .unwrap()
            .unwrap()
            .published
    );
    store
        .set_published("example-2030", true, "alice")
        .await
        .unwrap();
    assert!(
        store
            .case_summary("example-2030")
            .await
            .unwrap()
            .unwrap()
            .published
    );
    assert_eq!(store.case_summary("nope").await.unwrap(), None);
}

#[tokio::test]
async fn case_refs_for_forms() {
    let (store, _g) = with_example().await;
    let refs = store.case_refs("example-2030").await.unwrap();
    assert!(refs.has_actor("interior") && !refs.has_actor("nobody"));
    assert!(
        refs.recent_sources
            .iter()
            .any(|(id, title)| id == "monitor-report" && !title.is_empty())
    );
    assert_eq!(
        refs.source_count,
        u64::try_from(refs.recent_sources.len()).unwrap()
    );
    assert_eq!(
        refs.provisions,
        [
            "FPA Art. 3(1)",
            "FPA Art. 3(2)",
            "FPA Art. 9",
            "FPA Annex 1 Art. 2"
        ]
    );
    assert!(
        refs.themes.contains(&"association".to_owned())
            && refs.themes.contains(&"guarantee_mechanism".to_owned())
    );
    assert_eq!(refs.incident_count, 3);
}

#[tokio::test]
async fn known_refs_finds_only_the_ids_the_case_has() {
    let (store, _g) = with_example().await;
    let ids = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let known = store
        .known_refs(
            "example-2030",
            &ids(&["interior", "nobody", "Interior"]),
            &ids(&["monitor-report", "gazette-2030-02", "no-such-source"]),
        )
        .await
        .unwrap();
    assert!(known.has_actor("interior"));
    assert!(!known.has_actor("nobody") && !known.has_actor("Interior"));
    assert!(known.has_source("monitor-report"));
    assert!(!known.has_source("no-such-source"));
    assert_eq!((known.actors.len(), known.sources.len()), (1, 2));
    // Another case's ids, and nothing asked, find nothing.
    let other = store
        .known_refs("nope", &ids(&["interior"]), &ids(&["monitor-report"]))
        .await
        .unwrap();
    assert!(other.actors.is_empty() && other.sources.is_empty());
    let none = store.known_refs("example-2030", &[], &[]).await.unwrap();
    assert!(none.actors.is_empty() && none.sources.is_empty());
}

#[tokio::test]
async fn records_written_one_at_a_time_go_after_the_others() {
    let (store, _g) = with_example().await;
    let case = "example-2030";
    let before = store.load_case(case).await.unwrap().unwrap();
    let mut new = before.incidents[0].clone();
    new.id = "written-last".into();
    store.save_incident(case, &new, "alice").await.unwrap();
    // A replaced incident keeps its place.
    let mut first = before.incidents[0].clone();
    first.title = "Renamed".into();
    store.save_incident(case, &first, "alice").await.unwrap();
    let after = store.load_case(case).await.unwrap().unwrap();
    let order: Vec<&str> = after.incidents.iter().map(|i| i.id.as_str()).collect();
    let mut expected: Vec<&str> = before.incidents.iter().map(|i| i.id.as_str()).collect();
    expected.push("written-last");
    assert_eq!(order, expected);
    assert_eq!(after.incidents[0].title, "Renamed");
}

#[tokio::test]
async fn observations_are_added_all_or_none_reviewed_and_versioned() {
    use accord_core::{Citation, Observation, ObservationStatus, Score};
    use accord_store::RecordKind;
    let (store, _g) = with_example().await;
    let case = "example-2030";
    assert_eq!(store.observations(case).await.unwrap().len(), 3);
    let new = |id: &str, date: &str| Observation {
        id: id.into(),
        provision: Citation::parse("FPA Art. 9").unwrap(),
        date: accord_core::observation::parse_date(date).unwrap(),
        score: Score::new(0).unwrap(),
        sources: vec!["monitor-report".into()],
        coded_by: Some("coder@example.org".into()),
        note: None,
        status: ObservationStatus::Draft,
        reviewed_by: None,
    };
    let v0 = store.case_summary(case).await.unwrap().unwrap().version;

    // One id the case has refuses the whole batch: nothing of it is written.
    let batch = [new("o-a", "2030-05"), new("o-fpa-3-1-2029", "2030-06")];
    assert!(matches!(
        store.add_observations(case, &batch, "coder").await.unwrap_err(),
        StoreError::Exists { what: "observation", ref id } if id == "o-fpa-3-1-2029"
    ));
    assert_eq!(store.observations(case).await.unwrap().len(), 3);
    assert_eq!(store.case_summary(case).await.unwrap().unwrap().version, v0);
    // So does an id repeated within it.
    let twice = [new("o-a", "2030-05"), new("o-a", "2030-06")];
    assert!(store.add_observations(case, &twice, "coder").await.is_err());
    assert_eq!(store.observations(case).await.unwrap().len(), 3);

    let batch = [new("o-a", "2030-05"), new("o-b", "2030-06")];
    store.add_observations(case, &batch, "coder").await.unwrap();
    let all = store.observations(case).await.unwrap();
    let ids: Vec<&str> = all.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "o-fpa-3-1-2029",
            "o-fpa-3-1-2030",
            "o-fpa-3-2-2030-06",
            "o-a",
            "o-b"
        ]
    );
    assert_eq!(all[3], batch[0]);

    store
        .set_observation_status(case, "o-b", ObservationStatus::Confirmed, "rev")
        .await
        .unwrap();
    assert!(matches!(
        store
            .set_observation_status(case, "nope", ObservationStatus::Confirmed, "rev")
            .await
            .unwrap_err(),
        StoreError::NotFound { .. }
    ));
    let full = store.load_case(case).await.unwrap().unwrap();
    let b = full.observation("o-b").unwrap();
    assert_eq!(
        (b.status, b.reviewed_by.as_deref()),
        (ObservationStatus::Confirmed, Some("rev"))
    );
    // The status load carries them too: FPA Art. 9's latest confirmed observation is o-b.
    let status_case = store.load_case_for_status(case).await.unwrap().unwrap();
    let status = accord_core::evaluate(&status_case);
    let art9 = status
        .provisions
        .iter()
        .find(|p| p.provision.citation.to_string() == "FPA Art. 9")
        .unwrap();
    assert_eq!(art9.observation.map(|o| o.id.as_str()), Some("o-b"));

    // Every change is a version: created, then confirmed.
    let versions = store
        .history(case, RecordKind::Observation, "o-b")
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(
        (versions[0].actor.as_str(), versions[1].actor.as_str()),
        ("coder", "rev")
    );
    assert!(
        versions[1]
            .body
            .as_deref()
            .unwrap()
            .contains("\"status\":\"confirmed\"")
    );

    // Replacing the case with its bundle drops what the bundle no longer has, keeping history.
    store
        .import_case(&example(), ImportMode::Replace, "test")
        .await
        .unwrap();
    assert_eq!(store.observations(case).await.unwrap().len(), 3);
    let versions = store
        .history(case, RecordKind::Observation, "o-b")
        .await
        .unwrap();
    assert_eq!(versions.len(), 3);
    assert!(
        versions[2].body.is_none(),
        "a removal is a version without a body"
    );
}

#[tokio::test]
async fn sensitivity_is_stored_and_a_change_of_it_is_a_logged_version() {
    for (store, _guard) in backends().await {
        let mut case = example().into_case();
        case.incidents[0].sensitivity = accord_core::Sensitivity::Restricted;
        case.incidents[0].restricted_to = vec!["named@example.org".into()];
        case.sources[1].sensitivity = accord_core::Sensitivity::Case;
        case.actors[6].sensitivity = accord_core::Sensitivity::Restricted;
        let case = accord_core::validate(case).unwrap();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let back = store.load_case("example-2030").await.unwrap().unwrap();
        assert_eq!(back, case);

        let id = back.incidents[0].id.clone();
        let mut inc = back.incidents[0].clone();
        inc.sensitivity = accord_core::Sensitivity::Public;
        inc.restricted_to.clear();
        store
            .save_incident("example-2030", &inc, "owner@example.org")
            .await
            .unwrap();
        let versions = store
            .history("example-2030", accord_store::RecordKind::Incident, &id)
            .await
            .unwrap();
        assert_eq!(versions.len(), 2, "the change of sensitivity is a version");
        let bodies: Vec<&str> = versions.iter().filter_map(|v| v.body.as_deref()).collect();
        assert!(
            bodies[0].contains(r#""restricted_to":["named@example.org"]"#)
                && bodies[0].contains(r#""sensitivity":"restricted""#),
            "{}",
            bodies[0]
        );
        assert!(
            bodies[1].contains(r#""sensitivity":"public""#),
            "{}",
            bodies[1]
        );
        // A record left at the default says nothing of it, as records written before
        // sensitivity existed: their logged hashes still hold.
        let sources = store
            .history(
                "example-2030",
                accord_store::RecordKind::Source,
                &back.sources[1].id,
            )
            .await
            .unwrap();
        let body = sources[0].body.as_deref().unwrap();
        assert!(!body.contains("sensitivity"), "{body}");
    }
}

#[tokio::test]
async fn each_audience_pages_and_counts_only_what_it_may_see() {
    use accord_core::Sensitivity;
    use accord_store::{Audience, TimelineFilter};
    for (store, _guard) in backends().await {
        let mut case = example().into_case();
        case.incidents[0].sensitivity = Sensitivity::Restricted;
        case.incidents[0].restricted_to = vec!["Named@example.org".into()];
        case.incidents[1].sensitivity = Sensitivity::Case;
        case.actors[6].sensitivity = Sensitivity::Case;
        let case = accord_core::validate(case).unwrap();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let page = |audience: Audience| {
            let store = store.clone();
            async move {
                let filter = TimelineFilter {
                    audience,
                    ..Default::default()
                };
                let p = store
                    .timeline("example-2030", &filter, 10, 0)
                    .await
                    .unwrap();
                let mut ids: Vec<String> = p.items.into_iter().map(|i| i.id).collect();
                ids.sort();
                (p.total, ids)
            }
        };
        assert_eq!(page(Audience::Public).await, (1, vec!["harassment".into()]));
        assert_eq!(
            page(Audience::Member("other@example.org".into())).await,
            (2, vec!["gazette-closed".into(), "harassment".into()])
        );
        assert_eq!(
            page(Audience::Member("named@EXAMPLE.org".into())).await.0,
            3
        );
        assert_eq!(page(Audience::Everything).await.0, 3);

        let hidden = store
            .hidden("example-2030", &Audience::Public)
            .await
            .unwrap();
        assert!(hidden.incidents.contains("party-dissolved"));
        assert!(hidden.incidents.contains("gazette-closed"));
        assert!(hidden.actors.contains("opposition"));
        let hidden = store
            .hidden(
                "example-2030",
                &Audience::Member("other@example.org".into()),
            )
            .await
            .unwrap();
        assert_eq!(hidden.incidents.len(), 1);
        assert!(hidden.actors.is_empty());
    }
}

#[tokio::test]
async fn a_case_made_again_after_its_deletion_never_gets_an_old_version() {
    for (store, _guard) in backends().await {
        let case = example();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        store
            .import_case(&case, ImportMode::Replace, "test")
            .await
            .unwrap();
        let last = store
            .case_summary("example-2030")
            .await
            .unwrap()
            .unwrap()
            .version;
        assert!(store.delete_case("example-2030", "test").await.unwrap());
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let again = store
            .case_summary("example-2030")
            .await
            .unwrap()
            .unwrap()
            .version;
        // Servers cache what they derive from a case (its pages, what each reader may not see)
        // under its id and version: the new case must not be taken for the old one.
        assert!(again > last, "version {again} after {last}");
    }
}

/// The search index reads whole cases' actors and sources in pages of ids (`actors_page`,
/// `sources_page`): every record of the case exactly once, as stored, in byte order of ids
/// (SQLite's and PostgreSQL's pages alike), none of another case, pages no longer than asked; the
/// restricted ones alone when asked for them. By id (`search_records`), the records named that
/// the case has, with all its instruments and mechanisms.
#[tokio::test]
async fn actors_and_sources_are_read_in_pages_of_ids_each_once() {
    use accord_core::{Actor, Sensitivity, Source};
    use accord_store::{PagePick, RecordIds};

    // Sources whose ids sort otherwise than they are written (position), in byte order (upper
    // case before lower, a digit before a letter, '-' before '.' before '_', which a language's
    // collation would order otherwise), some restricted.
    let ids = [
        "zz-last", "a-first", "Upper", "9-digit", "m_under", "m-middle", "m.dot", "b",
    ];
    let mut case = example().into_case();
    for (i, id) in ids.iter().enumerate() {
        case.sources.push(Source {
            id: (*id).to_owned(),
            title: format!("Source {id}"),
            sensitivity: if i % 3 == 0 {
                Sensitivity::Restricted
            } else {
                Sensitivity::Public
            },
            ..Source::default()
        });
    }
    case.actors[1].sensitivity = Sensitivity::Restricted;
    case.actors[4].sensitivity = Sensitivity::Restricted;
    let case = accord_core::validate(case).unwrap();
    // Another case with the same ids, which no page of the first may show.
    let mut other = case.clone().into_case();
    other.id = "other-2030".into();
    other.sources.push(Source {
        id: "only-in-other".into(),
        title: "Elsewhere".into(),
        ..Source::default()
    });
    let other = accord_core::validate(other).unwrap();

    let mut sources_by_id: Vec<Source> = case.sources.clone();
    sources_by_id.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));
    let mut actors_by_id: Vec<Actor> = case.actors.clone();
    actors_by_id.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));
    assert_eq!((sources_by_id.len(), actors_by_id.len()), (10, 8));
    let restricted = |s: Sensitivity| s == Sensitivity::Restricted;

    for (store, _guard) in backends().await {
        for c in [&other, &case] {
            store.import_case(c, ImportMode::New, "test").await.unwrap();
        }
        let store = store.as_ref();
        for limit in [1, 3, 4, 100] {
            // Sources: from no id to the page that comes back empty.
            let mut read: Vec<Source> = Vec::new();
            let mut after: Option<String> = None;
            loop {
                let page = store
                    .sources_page(CASE_ID, PagePick::All, after.as_deref(), limit)
                    .await
                    .unwrap();
                assert!(page.len() <= limit as usize, "{limit}: {}", page.len());
                let Some(last) = page.last() else { break };
                after = Some(last.id.clone());
                read.extend(page);
                assert!(read.len() <= sources_by_id.len(), "{limit}: pages repeat");
            }
            assert_eq!(read, sources_by_id, "sources in pages of {limit}");
            let mut read: Vec<Actor> = Vec::new();
            let mut after: Option<String> = None;
            loop {
                let page = store
                    .actors_page(CASE_ID, PagePick::All, after.as_deref(), limit)
                    .await
                    .unwrap();
                assert!(page.len() <= limit as usize, "{limit}: {}", page.len());
                let Some(last) = page.last() else { break };
                after = Some(last.id.clone());
                read.extend(page);
                assert!(read.len() <= actors_by_id.len(), "{limit}: pages repeat");
            }
            assert_eq!(read, actors_by_id, "actors in pages of {limit}");
        }
        // The restricted ones alone, in pages of one.
        let mut read = Vec::new();
        let mut after: Option<String> = None;
        while let Some(s) = store
            .sources_page(CASE_ID, PagePick::Restricted, after.as_deref(), 1)
            .await
            .unwrap()
            .pop()
        {
            after = Some(s.id.clone());
            read.push(s);
        }
        let expected: Vec<&Source> = sources_by_id
            .iter()
            .filter(|s| restricted(s.sensitivity))
            .collect();
        assert_eq!(read.iter().collect::<Vec<_>>(), expected);
        assert_eq!(expected.len(), 3);
        let actors = store
            .actors_page(CASE_ID, PagePick::Restricted, None, 100)
            .await
            .unwrap();
        let expected: Vec<Actor> = actors_by_id
            .iter()
            .filter(|a| restricted(a.sensitivity))
            .cloned()
            .collect();
        assert_eq!(actors, expected);
        assert_eq!(expected.len(), 2);
        // Past the last id, and in a case that does not exist: nothing.
        let last = sources_by_id.last().unwrap().id.as_str();
        assert!(
            store
                .sources_page(CASE_ID, PagePick::All, Some(last), 10)
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            store
                .actors_page("no-such-case", PagePick::All, None, 10)
                .await
                .unwrap()
                .is_empty()
        );

        // By id: those the case has, and every instrument and mechanism.
        let wanted = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let (actors, sources) = (
            wanted(&[&actors_by_id[2].id, "no-such-actor"]),
            wanted(&["b", "only-in-other", "m_under"]),
        );
        let found = store
            .search_records(
                CASE_ID,
                RecordIds {
                    actors: &actors,
                    sources: &sources,
                },
            )
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.actors, vec![actors_by_id[2].clone()]);
        assert_eq!(
            found
                .sources
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>(),
            ["b", "m_under"]
        );
        assert_eq!(found.instruments, case.instruments);
        assert_eq!(found.mechanisms, case.mechanisms);
        let none = store
            .search_records(CASE_ID, RecordIds::default())
            .await
            .unwrap()
            .unwrap();
        assert!(none.actors.is_empty() && none.sources.is_empty());
        assert!(
            store
                .search_records("no-such-case", RecordIds::default())
                .await
                .unwrap()
                .is_none()
        );
    }
}

const CASE_ID: &str = "example-2030";

#[tokio::test]
async fn sources_are_read_by_id_in_recorded_order_and_only_cited_ones_for_status() {
    use accord_core::{Sensitivity, Source};

    // More sources than a form offers, none of the added ones cited by anything.
    let extra = usize::try_from(accord_store::CaseRefs::RECENT_SOURCES).unwrap() + 5;
    let mut case = example().into_case();
    let cited: Vec<String> = case.sources.iter().map(|s| s.id.clone()).collect();
    for i in 0..extra {
        case.sources.push(Source {
            id: format!("extra-{i:04}"),
            title: format!("Extra {i}"),
            sensitivity: if i == 7 {
                Sensitivity::Restricted
            } else {
                Sensitivity::Public
            },
            ..Source::default()
        });
    }
    // A response to the letter that holds its answer in one of them: the status load keeps it.
    case.follow_through
        .push(accord_core::follow_through::FollowThrough {
            id: "answer-2030".into(),
            letter: "appeal-2030".into(),
            what: accord_core::follow_through::Record::Response {
                from: "guarantor".into(),
                date: accord_core::Day::parse("2030-07-20").unwrap(),
                action: accord_core::follow_through::ResponseAction::Acknowledged,
                summary: "Received.".into(),
                text: None,
                source: Some("extra-0003".into()),
            },
        });
    let case = accord_core::validate(case).unwrap();
    let recorded: Vec<Source> = case.sources.clone();

    for (store, _guard) in backends().await {
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();

        // By id: in the order asked, unknown ids and other cases' ids skipped.
        let asked = [
            "extra-0007".to_owned(),
            "nope".to_owned(),
            cited[0].clone(),
            "extra-0000".to_owned(),
        ];
        let got = store.sources(CASE_ID, &asked).await.unwrap();
        let got_ids: Vec<&str> = got.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(got_ids, ["extra-0007", cited[0].as_str(), "extra-0000"]);
        assert_eq!(got[0], recorded[cited.len() + 7]);
        assert!(store.sources("nope", &asked).await.unwrap().is_empty());

        // In recorded order, in pages, each once.
        for limit in [1, 7, 100, 1000] {
            let mut read = Vec::new();
            let mut after = None;
            loop {
                let page = store.sources_in_order(CASE_ID, after, limit).await.unwrap();
                assert!(page.len() <= limit as usize);
                let Some((last, _)) = page.last() else { break };
                after = Some(*last);
                read.extend(page.into_iter().map(|(_, s)| s));
                assert!(read.len() <= recorded.len(), "{limit}: pages repeat");
            }
            assert_eq!(
                read, recorded,
                "sources in recorded order, pages of {limit}"
            );
        }
        assert!(
            store
                .sources_in_order("nope", None, 10)
                .await
                .unwrap()
                .is_empty()
        );

        // The form's choices: the newest, oldest first, and the count of all.
        let refs = store.case_refs(CASE_ID).await.unwrap();
        assert_eq!(refs.source_count, recorded.len() as u64);
        let newest: Vec<&str> = recorded
            [recorded.len() - accord_store::CaseRefs::RECENT_SOURCES as usize..]
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let offered: Vec<&str> = refs
            .recent_sources
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(offered, newest);

        // What a dashboard reads holds the sources its records cite, not the others.
        let status = store.load_case_for_status(CASE_ID).await.unwrap().unwrap();
        let held: Vec<&str> = status.sources.iter().map(|s| s.id.as_str()).collect();
        let mut expected: Vec<&str> = cited.iter().map(String::as_str).collect();
        expected.push("extra-0003");
        assert_eq!(held, expected);
        assert!(status.source("extra-0000").is_none());
        // The whole case still holds every one.
        let whole = store.load_case(CASE_ID).await.unwrap().unwrap();
        assert_eq!(whole.sources, recorded);
    }
}
