//! Finding 1 of the security review: a published case exposed its researchers (the e-mail
//! addresses of each finding's author and reviewer) and its unfinished work (draft and retracted
//! findings) to everyone. Readers outside the case now see only confirmed findings, and each
//! person as that person chose on their account page; members still see addresses.

use accord_core::{CaseRole, FindingStatus};
use axum::http::StatusCode;

use crate::routes::evidence::upload;
use crate::routes::support::{CASE, TestApp, Who};

const EDITOR: &str = "ed@example.org";
const REVIEWER: &str = "rev@example.org";
/// Every member's address (a signed-in reader's own address is in the page header, rightly).
const MEMBERS: [&str; 4] = [EDITOR, REVIEWER, "owner@example.org", "viewer@example.org"];

/// A GET of the JSON API, with a bearer token or none.
async fn api_get(app: &TestApp, path: &str, token: Option<&str>) -> crate::routes::support::Reply {
    let mut req = axum::http::Request::builder().uri(path);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    app.send(req.body(axum::body::Body::empty()).unwrap()).await
}

struct Setup {
    app: TestApp,
    owner: Who,
    editor: Who,
    reviewer: Who,
    viewer: Who,
    outsider: Who,
    /// Written by the editor, confirmed by the reviewer.
    confirmed: String,
    /// Written by the editor, still a draft.
    draft: String,
    /// Written by the editor, confirmed, then retracted.
    retracted: String,
}

async fn add_finding(app: &TestApp, editor: &Who, incident: &str, rationale: &str) -> String {
    let r = app
        .post(
            &format!("/cases/{CASE}/findings"),
            editor,
            &[
                ("incident", incident),
                ("provision", "FPA Art. 9"),
                ("verdict", "violation"),
                ("rationale", rationale),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let f = case.findings.last().unwrap();
    assert_eq!(f.author.as_deref(), Some(EDITOR));
    f.id.clone()
}

async fn set_status(app: &TestApp, who: &Who, finding: &str, status: &str) {
    let r = app
        .post(
            &format!("/cases/{CASE}/findings/{finding}/status"),
            who,
            &[("status", status)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

/// A published case with a confirmed, a draft and a retracted finding, all written by the editor
/// (the confirmed one reviewed by the reviewer), and an evidence file the editor uploaded.
async fn setup() -> Setup {
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let editor = app.user(EDITOR, false, Some(CaseRole::Editor)).await;
    let reviewer = app.user(REVIEWER, false, Some(CaseRole::Reviewer)).await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let outsider = app.user("outsider@example.org", false, None).await;
    let confirmed = add_finding(&app, &editor, "party-dissolved", "CONFIRMED-RATIONALE").await;
    set_status(&app, &reviewer, &confirmed, "confirmed").await;
    let draft = add_finding(&app, &editor, "party-dissolved", "DRAFT-RATIONALE").await;
    let retracted = add_finding(&app, &editor, "party-dissolved", "RETRACTED-RATIONALE").await;
    set_status(&app, &reviewer, &retracted, "confirmed").await;
    set_status(&app, &reviewer, &retracted, "retracted").await;
    let r = upload(
        &app,
        &editor,
        Some(&editor.csrf),
        &[("note", "a photo"), ("sensitivity", "public")],
        Some(("photo.jpg", b"not really a photo")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app
        .post(
            &format!("/cases/{CASE}/publish"),
            &owner,
            &[("published", "true")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    Setup {
        app,
        owner,
        editor,
        reviewer,
        viewer,
        outsider,
        confirmed,
        draft,
        retracted,
    }
}

/// Every page and API answer that names findings or people, for one reader.
async fn answers(s: &Setup, who: &Who, token: Option<&str>) -> Vec<(String, StatusCode, String)> {
    let app = &s.app;
    let evidence = app.store.load_case(CASE).await.unwrap().unwrap();
    let evidence = &evidence.case().evidence.last().unwrap().id;
    let mut out = Vec::new();
    for path in [
        format!("/cases/{CASE}/incidents/party-dissolved"),
        format!("/cases/{CASE}/findings/{}/history", s.confirmed),
        format!("/cases/{CASE}/incidents/party-dissolved/history"),
        format!("/cases/{CASE}/evidence/{evidence}"),
    ] {
        let r = app.get(&path, who).await;
        out.push((path, r.status, r.body));
    }
    for path in [
        format!("/api/v1/cases/{CASE}"),
        format!("/api/v1/cases/{CASE}/findings"),
        format!("/api/v1/cases/{CASE}/findings/{}", s.confirmed),
        format!("/api/v1/cases/{CASE}/findings/{}/history", s.confirmed),
        format!("/api/v1/cases/{CASE}/evidence/{evidence}"),
        "/api/v1/cases".to_owned(),
    ] {
        let r = api_get(app, &path, token).await;
        out.push((path, r.status, r.body));
    }
    out
}

#[tokio::test]
async fn readers_outside_the_case_see_neither_addresses_nor_unfinished_findings() {
    let s = setup().await;
    let outsider_token = s.app.api_token("outsider@example.org").await;
    for (who, token, label) in [
        (Who::default(), None, "anonymous"),
        (
            s.outsider.clone(),
            Some(outsider_token.as_str()),
            "non-member",
        ),
    ] {
        for (path, status, body) in answers(&s, &who, token).await {
            assert_eq!(status, StatusCode::OK, "{label} {path}: {body}");
            for address in MEMBERS {
                assert!(
                    !body.contains(address),
                    "{label} sees {address} on {path}: {body}"
                );
            }
            for hidden in ["DRAFT-RATIONALE", "RETRACTED-RATIONALE"] {
                assert!(
                    !body.contains(hidden),
                    "{label} sees an unconfirmed finding on {path}"
                );
            }
        }
        // The confirmed finding is there, attributed by role (nobody chose otherwise).
        let page = s
            .app
            .get(&format!("/cases/{CASE}/incidents/party-dissolved"), &who)
            .await
            .body;
        assert!(page.contains("CONFIRMED-RATIONALE"), "{label}");
        assert!(
            page.contains("By an editor of the case."),
            "{label}: {page}"
        );
        assert!(
            page.contains("Reviewed by a reviewer of the case."),
            "{label}"
        );
        // Unconfirmed findings do not exist for them, nor their history.
        for f in [&s.draft, &s.retracted] {
            let api = format!("/api/v1/cases/{CASE}/findings/{f}");
            let history = format!("/cases/{CASE}/findings/{f}/history");
            let api_history = format!("/api/v1/cases/{CASE}/findings/{f}/history");
            assert_eq!(
                s.app.get(&history, &who).await.status,
                StatusCode::NOT_FOUND,
                "{label} {history}"
            );
            for path in [api, api_history] {
                assert_eq!(
                    api_get(&s.app, &path, token).await.status,
                    StatusCode::NOT_FOUND,
                    "{label} {path}"
                );
            }
        }
        // Counted: the example case's two confirmed findings and the one confirmed here.
        let case: serde_json::Value = serde_json::from_str(
            &api_get(&s.app, &format!("/api/v1/cases/{CASE}"), token)
                .await
                .body,
        )
        .unwrap();
        assert_eq!(case["findings"], 3, "{label}");
        let list: serde_json::Value = serde_json::from_str(
            &api_get(&s.app, &format!("/api/v1/cases/{CASE}/findings"), token)
                .await
                .body,
        )
        .unwrap();
        let statuses: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["confirmed"; 3], "{label}");
    }
}

#[tokio::test]
async fn members_see_addresses_and_every_finding() {
    let s = setup().await;
    for (who, email) in [
        (&s.viewer, "viewer@example.org"),
        (&s.editor, EDITOR),
        (&s.reviewer, REVIEWER),
        (&s.owner, "owner@example.org"),
    ] {
        let token = s.app.api_token(email).await;
        let page = s
            .app
            .get(&format!("/cases/{CASE}/incidents/party-dissolved"), who)
            .await
            .body;
        assert!(page.contains(&format!("By {EDITOR}.")), "{page}");
        assert!(page.contains(&format!("Reviewed by {REVIEWER}.")));
        assert!(page.contains("DRAFT-RATIONALE"));
        assert!(page.contains("RETRACTED-RATIONALE"));
        let r = api_get(
            &s.app,
            &format!("/api/v1/cases/{CASE}/findings/{}", s.draft),
            Some(&token),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains(EDITOR));
    }
    let case = s.app.store.load_case(CASE).await.unwrap().unwrap();
    let all = case.case().findings.len();
    let token = s.app.api_token("owner@example.org").await;
    let token = Some(token.as_str());
    let body = api_get(&s.app, &format!("/api/v1/cases/{CASE}"), token)
        .await
        .body;
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["findings"], all);
    assert!(
        case.case()
            .findings
            .iter()
            .any(|f| f.status == FindingStatus::Draft)
    );
}

#[tokio::test]
async fn each_member_chooses_how_outsiders_name_them() {
    let s = setup().await;
    let r = s
        .app
        .post(
            "/account/attribution",
            &s.editor,
            &[("display_name", "Dara K."), ("shown_as", "name")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s
        .app
        .post(
            "/account/attribution",
            &s.reviewer,
            &[
                ("organisation", "Rights Watch Freedonia"),
                ("shown_as", "organisation"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = s
        .app
        .get(
            &format!("/cases/{CASE}/incidents/party-dissolved"),
            &Who::default(),
        )
        .await
        .body;
    assert!(page.contains("By Dara K.."), "{page}");
    assert!(page.contains("Reviewed by Rights Watch Freedonia."));
    assert!(!page.contains("@example.org"));
    // The history names them the same way, version by version.
    let history = api_get(
        &s.app,
        &format!("/api/v1/cases/{CASE}/findings/{}/history", s.confirmed),
        None,
    )
    .await
    .body;
    assert!(history.contains("Dara K."), "{history}");
    assert!(!history.contains("@example.org"), "{history}");
    // The account page shows the choice.
    let account = s.app.get("/account", &s.editor).await.body;
    assert!(account.contains("value=\"Dara K.\""));
    // A choice that names nobody is refused, naming the field, and changes nothing.
    let r = s
        .app
        .post(
            "/account/attribution",
            &s.editor,
            &[("display_name", " "), ("shown_as", "name")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Display name"), "{}", r.body);
    let page = s
        .app
        .get(
            &format!("/cases/{CASE}/incidents/party-dissolved"),
            &Who::default(),
        )
        .await
        .body;
    assert!(page.contains("By Dara K.."));
    // Anonymous visitors cannot set anything.
    let visitor = s.app.visitor().await;
    let r = s
        .app
        .post(
            "/account/attribution",
            &visitor,
            &[("display_name", "x"), ("shown_as", "name")],
        )
        .await;
    assert!(
        matches!(r.status, StatusCode::UNAUTHORIZED | StatusCode::SEE_OTHER),
        "{}",
        r.status
    );
}
