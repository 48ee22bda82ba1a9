//! No page, form, search result or error reveals a private case to someone who is not a member.

use accord_core::CaseRole;
use axum::http::StatusCode;

use crate::routes::support::{CASE, TITLE, TestApp};

const GETS: &[&str] = &[
    "/cases/example-2030",
    "/cases/example-2030/timeline",
    "/cases/example-2030/timeline?q=Gazette",
    "/cases/example-2030/timeline?kind=closure&from=2030-01-01",
    "/cases/example-2030/provisions",
    "/cases/example-2030/provisions/FPA%20Art.%203(1)",
    "/cases/example-2030/provisions/suggest?provision=FPA",
    "/cases/example-2030/actors/interior",
    "/cases/example-2030/mechanisms/fpa-art-9",
    "/cases/example-2030/incidents/party-dissolved",
    "/cases/example-2030/incidents/party-dissolved/edit",
    "/cases/example-2030/incidents/new",
    "/cases/example-2030/findings/new?incident=party-dissolved",
    "/cases/example-2030/members",
    "/cases/example-2030/elections",
    "/cases/example-2030/elections/2029-parliament",
    "/cases/example-2030/elections/2029-parliament?party=A&rule=rerun",
    "/cases/example-2030/letters",
];

const POSTS: &[(&str, &[(&str, &str)])] = &[
    (
        "/cases/example-2030/incidents",
        &[("title", "x"), ("date", "2030"), ("kind", "other")],
    ),
    (
        "/cases/example-2030/incidents/party-dissolved",
        &[("title", "x"), ("date", "2030"), ("kind", "other")],
    ),
    (
        "/cases/example-2030/findings",
        &[
            ("incident", "party-dissolved"),
            ("provision", "FPA Art. 9"),
            ("verdict", "violation"),
            ("rationale", "x"),
        ],
    ),
    (
        "/cases/example-2030/findings/f-dissolution/status",
        &[("status", "retracted")],
    ),
    (
        "/cases/example-2030/members",
        &[("email", "x@example.org"), ("role", "owner")],
    ),
    ("/cases/example-2030/publish", &[("published", "true")]),
];

/// What a missing case looks like, to compare with.
async fn missing_case_page(
    app: &TestApp,
    who: &crate::routes::support::Who,
) -> (StatusCode, String) {
    let r = app.get("/cases/no-such-case", who).await;
    (r.status, r.body)
}

#[tokio::test]
async fn anonymous_visitors_and_non_members_see_nothing_of_a_private_case() {
    let app = TestApp::new().await;
    let anonymous = app.visitor().await;
    let outsider = app.user("outsider@example.org", false, None).await;
    for who in [&anonymous, &outsider] {
        let (missing_status, missing_body) = missing_case_page(&app, who).await;
        assert_eq!(missing_status, StatusCode::NOT_FOUND);
        for path in GETS {
            let r = app.get(path, who).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "GET {path}");
            assert_eq!(
                r.body, missing_body,
                "GET {path} differs from a missing case"
            );
            assert!(
                !r.body.contains(TITLE) && !r.body.contains("Freedonia"),
                "GET {path} leaks"
            );
        }
        for (path, fields) in POSTS {
            let r = app.post(path, who, fields).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "POST {path}");
            assert!(!r.body.contains("Freedonia"), "POST {path} leaks");
        }
        let list = app.get("/", who).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(!list.body.contains(TITLE), "the case list leaks");
    }
    // Nothing was changed by all those posts.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(case.incidents.len(), 3);
    assert_eq!(
        case.finding("f-dissolution").unwrap().status,
        accord_core::FindingStatus::Confirmed
    );
    assert!(!app.store.case_head(CASE).await.unwrap().unwrap().published);
}

#[tokio::test]
async fn members_and_administrators_see_it() {
    let app = TestApp::new().await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let admin = app.user("admin@example.org", true, None).await;
    for who in [&viewer, &admin] {
        let r = app.get("/", who).await;
        assert!(r.body.contains(TITLE));
        let r = app.get("/cases/example-2030", who).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains(TITLE));
    }
}

#[tokio::test]
async fn a_published_case_is_readable_by_everyone_and_writable_by_no_outsider() {
    let app = TestApp::new().await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    let anonymous = app.visitor().await;
    let outsider = app.user("outsider@example.org", false, None).await;
    for path in [
        "/cases/example-2030",
        "/cases/example-2030/timeline",
        "/cases/example-2030/incidents/party-dissolved",
    ] {
        assert_eq!(
            app.get(path, &anonymous).await.status,
            StatusCode::OK,
            "{path}"
        );
    }
    assert!(app.get("/", &anonymous).await.body.contains(TITLE));
    // Read-only: forms are refused (sign in, or not your role) and nothing changes.
    let r = app
        .post(
            "/cases/example-2030/findings/f-dissolution/status",
            &anonymous,
            &[("status", "retracted")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = app
        .post(
            "/cases/example-2030/findings/f-dissolution/status",
            &outsider,
            &[("status", "retracted")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/cases/example-2030/incidents/new", &outsider)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/cases/example-2030/members", &anonymous)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(
        case.finding("f-dissolution").unwrap().status,
        accord_core::FindingStatus::Confirmed
    );
}

#[tokio::test]
async fn search_never_returns_another_cases_incidents() {
    let app = TestApp::new().await;
    // A second case with a matching incident, private, with no member in common.
    let mut other = app
        .store
        .load_case(CASE)
        .await
        .unwrap()
        .unwrap()
        .into_case();
    other.id = "other-case".into();
    other.title = "Secret other case".into();
    other.incidents[1].title = "Gazette raided in the secret case".into();
    let other = accord_core::validate(other).unwrap();
    app.store
        .import_case(&other, accord_store::ImportMode::New, "test")
        .await
        .unwrap();
    accord_server::search_sync::rebuild(app.store.clone(), app.index.clone())
        .await
        .unwrap();
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let r = app
        .get("/cases/example-2030/timeline?q=Gazette", &viewer)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("The Gazette forced to close"));
    assert!(!r.body.contains("secret"), "{}", r.body);
    assert_eq!(
        app.get("/cases/other-case/timeline?q=Gazette", &viewer)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
