//! Issue 12 §1: a record a reader may not see does not exist for them. A restricted incident
//! (shown to the member it names and the case's owners) and a `case` incident (shown to members)
//! carry markers in their titles; every page and API answer that lists, shows, searches or
//! counts incidents is asked by each kind of reader, and the markers are where, and only where,
//! the reader may see them.

use accord_core::CaseRole;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;

use crate::routes::support::{CASE, Reply, TestApp, Who};

const RESTRICTED: &str = "MARKERRESTRICTED";
const MEMBERS_ONLY: &str = "MARKERMEMBERS";
const NAMED: &str = "named@example.org";

async fn api(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&serde_json::Value>,
) -> Reply {
    let mut req = Request::builder().method(method).uri(path);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let body = match body {
        Some(b) => {
            req = req.header("content-type", "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    app.send(req.body(body).unwrap()).await
}

/// Each reader: a label, a browser session, an API token, and what they may see
/// (restricted, members-only).
struct Reader {
    label: &'static str,
    who: Who,
    token: Option<String>,
    sees_restricted: bool,
    sees_members_only: bool,
}

async fn setup() -> (TestApp, Vec<Reader>) {
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let editor = app
        .user("editor@example.org", false, Some(CaseRole::Editor))
        .await;
    let named = app.user(NAMED, false, Some(CaseRole::Viewer)).await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let outsider = app.user("outsider@example.org", false, None).await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    let owner_token = app.api_token("owner@example.org").await;
    // Written through the API, so the search index has them too.
    for (incident, body) in [
        (
            "harassment",
            json!({
                "title": format!("{RESTRICTED} journalists followed"),
                "date": "2030-01..2030-06", "kind": "surveillance",
                "sensitivity": "restricted", "restricted_to": [NAMED],
            }),
        ),
        (
            "gazette-closed",
            json!({
                "title": format!("{MEMBERS_ONLY} gazette closed"),
                "date": "2030-03", "kind": "closure", "sources": ["monitor-report"],
                "sensitivity": "case",
            }),
        ),
    ] {
        let r = api(
            &app,
            Method::PUT,
            &format!("/api/v1/cases/{CASE}/incidents/{incident}"),
            Some(&owner_token),
            Some(&body),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let token = |email: &'static str| {
        let app = &app;
        async move { Some(app.api_token(email).await) }
    };
    let readers = vec![
        Reader {
            label: "anonymous",
            who: Who::default(),
            token: None,
            sees_restricted: false,
            sees_members_only: false,
        },
        Reader {
            label: "non-member",
            who: outsider,
            token: token("outsider@example.org").await,
            sees_restricted: false,
            sees_members_only: false,
        },
        Reader {
            label: "viewer not named",
            who: viewer,
            token: token("viewer@example.org").await,
            sees_restricted: false,
            sees_members_only: true,
        },
        Reader {
            label: "editor not named",
            who: editor,
            token: token("editor@example.org").await,
            sees_restricted: false,
            sees_members_only: true,
        },
        Reader {
            label: "named viewer",
            who: named,
            token: token(NAMED).await,
            sees_restricted: true,
            sees_members_only: true,
        },
        Reader {
            label: "owner",
            who: owner,
            token: Some(owner_token),
            sees_restricted: true,
            sees_members_only: true,
        },
    ];
    (app, readers)
}

/// Every answer that lists, shows, searches or counts incidents, for one reader.
async fn answers(app: &TestApp, r: &Reader) -> Vec<(String, StatusCode, String)> {
    let mut out = Vec::new();
    for path in [
        format!("/cases/{CASE}"),
        format!("/cases/{CASE}/timeline"),
        format!("/cases/{CASE}/timeline?q=journalists"),
        format!("/cases/{CASE}/timeline?q=closed"),
        format!("/cases/{CASE}/incidents/harassment"),
        format!("/cases/{CASE}/incidents/harassment/history"),
        format!("/cases/{CASE}/incidents/gazette-closed"),
        format!("/cases/{CASE}/actors/gazette"),
        format!("/cases/{CASE}/provisions"),
        format!("/cases/{CASE}/mechanisms/fpa-art-9"),
        format!("/cases/{CASE}/provisions/FPA%20Art.%203(2)"),
    ] {
        let reply = app.get(&path, &r.who).await;
        out.push((path, reply.status, reply.body));
    }
    for path in [
        format!("/api/v1/cases/{CASE}/incidents"),
        format!("/api/v1/cases/{CASE}/incidents?q=journalists"),
        format!("/api/v1/cases/{CASE}/incidents?q=closed"),
        format!("/api/v1/cases/{CASE}/incidents/harassment"),
        format!("/api/v1/cases/{CASE}/incidents/harassment/history"),
        format!("/api/v1/cases/{CASE}/incidents/gazette-closed"),
        format!("/api/v1/cases/{CASE}/findings"),
        format!("/api/v1/cases/{CASE}/provisions"),
        format!("/api/v1/cases/{CASE}/status"),
        format!("/api/v1/cases/{CASE}/provisions/FPA%20Art.%203(2)"),
    ] {
        let reply = api(app, Method::GET, &path, r.token.as_deref(), None).await;
        out.push((path, reply.status, reply.body));
    }
    out
}

#[tokio::test]
async fn each_reader_finds_only_what_they_may_see() {
    let (app, readers) = setup().await;
    for r in &readers {
        let mut found = (false, false);
        for (path, status, body) in answers(&app, r).await {
            let single_restricted = path.contains("/incidents/harassment");
            let single_members = path.contains("/incidents/gazette-closed");
            let expected = if (single_restricted && !r.sees_restricted)
                || (single_members && !r.sees_members_only)
            {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::OK
            };
            assert_eq!(status, expected, "{} {path}: {body}", r.label);
            if !r.sees_restricted {
                assert!(
                    !body.contains(RESTRICTED),
                    "{} sees it on {path}: {body}",
                    r.label
                );
            }
            if !r.sees_members_only {
                assert!(
                    !body.contains(MEMBERS_ONLY),
                    "{} sees it on {path}: {body}",
                    r.label
                );
            }
            found.0 |= body.contains(RESTRICTED);
            found.1 |= body.contains(MEMBERS_ONLY);
        }
        // Those who may see them do find them (so the checks above can fail).
        assert_eq!(
            found,
            (r.sees_restricted, r.sees_members_only),
            "{}",
            r.label
        );

        // The dashboard's latest incidents: the cached ones are the case as stored, filtered
        // for each reader.
        let dashboard = app.get(&format!("/cases/{CASE}"), &r.who).await.body;
        assert_eq!(
            (
                dashboard.contains(RESTRICTED),
                dashboard.contains(MEMBERS_ONLY)
            ),
            (r.sees_restricted, r.sees_members_only),
            "{}",
            r.label
        );
        // Counts: the example case has three incidents.
        let list = api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{CASE}/incidents"),
            r.token.as_deref(),
            None,
        )
        .await;
        let total = serde_json::from_str::<serde_json::Value>(&list.body).unwrap()["total"].clone();
        let expected = 1 + u64::from(r.sees_members_only) + u64::from(r.sees_restricted);
        assert_eq!(total, expected, "{}", r.label);
        let case = api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{CASE}"),
            r.token.as_deref(),
            None,
        )
        .await;
        let count =
            serde_json::from_str::<serde_json::Value>(&case.body).unwrap()["incidents"].clone();
        assert_eq!(count, expected, "{}: {}", r.label, case.body);
        // The status counts no finding on an incident the reader may not see (f-surveillance
        // judges the restricted one).
        let status = api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{CASE}/status"),
            r.token.as_deref(),
            None,
        )
        .await;
        assert_eq!(status.status, StatusCode::OK, "{}", status.body);
        assert_eq!(
            status.body.contains("f-surveillance"),
            r.sees_restricted,
            "{}: {}",
            r.label,
            status.body
        );
        // Searched, the restricted incident is neither found nor counted.
        let found = api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{CASE}/incidents?q=journalists"),
            r.token.as_deref(),
            None,
        )
        .await;
        let total =
            serde_json::from_str::<serde_json::Value>(&found.body).unwrap()["total"].clone();
        assert_eq!(
            total,
            u64::from(r.sees_restricted),
            "{}: {}",
            r.label,
            found.body
        );
    }
}

#[tokio::test]
async fn only_an_owner_makes_a_restricted_incident_less_restricted() {
    let (app, readers) = setup().await;
    let named = readers.iter().find(|r| r.label == "named viewer").unwrap();
    let editor_token = app.api_token("editor@example.org").await;
    // The editor is not named: for them the incident does not exist.
    let body = json!({"title": "x", "date": "2030", "kind": "other", "sensitivity": "public"});
    let path = format!("/api/v1/cases/{CASE}/incidents/harassment");
    let r = api(&app, Method::PUT, &path, Some(&editor_token), Some(&body)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    // Named, an editor may edit it but not open it to more people.
    let (user, _) = app.store.user_by_email(NAMED).await.unwrap().unwrap();
    app.store
        .set_role(CASE, user.id, Some(CaseRole::Editor), "test")
        .await
        .unwrap();
    let r = api(
        &app,
        Method::PUT,
        &path,
        named.token.as_deref(),
        Some(&body),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let owner = readers.iter().find(|r| r.label == "owner").unwrap();
    let r = api(
        &app,
        Method::PUT,
        &path,
        owner.token.as_deref(),
        Some(&body),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // The change is a version of the record, so it is logged.
    let history = api(&app, Method::GET, &format!("{path}/history"), None, None).await;
    assert_eq!(history.status, StatusCode::OK, "{}", history.body);
    assert!(
        history.body.contains("\"sensitivity\":\"public\""),
        "{}",
        history.body
    );
    // Its restricted past stays with those who could see it.
    assert!(!history.body.contains(RESTRICTED), "{}", history.body);
}

#[tokio::test]
async fn a_record_restricted_after_it_was_read_is_hidden_at_once() {
    let (app, readers) = setup().await;
    let owner = readers.iter().find(|r| r.label == "owner").unwrap();
    let viewer = readers
        .iter()
        .find(|r| r.label == "viewer not named")
        .unwrap();
    let path = format!("/api/v1/cases/{CASE}/incidents/party-dissolved");
    let page = format!("/cases/{CASE}/incidents/party-dissolved");
    // Read first, by each reader, so that what they may not see is cached for this version.
    for token in [None, viewer.token.as_deref()] {
        let r = api(&app, Method::GET, &path, token, None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    assert_eq!(app.get(&page, &Who::default()).await.status, StatusCode::OK);
    let body = json!({"title": "Party dissolved", "date": "2030-02-14", "kind": "dissolution",
                      "sensitivity": "restricted", "restricted_to": [NAMED]});
    let r = api(
        &app,
        Method::PUT,
        &path,
        owner.token.as_deref(),
        Some(&body),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // The write changed the case's version: nobody is answered from what was cached before it.
    for token in [None, viewer.token.as_deref()] {
        let r = api(&app, Method::GET, &path, token, None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    }
    assert_eq!(
        app.get(&page, &Who::default()).await.status,
        StatusCode::NOT_FOUND
    );
}
