//! Every version kept: a record's history page with its field-by-field diff, the warning on a
//! finding whose incident changed after it was confirmed, and the rules the HTML and the API now
//! share through the action layer (one citation rule; 404 and 409 mapped in one place).

use accord_core::CaseRole;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

use crate::routes::support::{CASE, TestApp};

/// Edit an incident through its form, changing the title and the place.
async fn edit_gazette(app: &TestApp, who: &crate::routes::support::Who, title: &str) {
    let r = app
        .post(
            &format!("/cases/{CASE}/incidents/gazette-closed"),
            who,
            &[
                ("title", title),
                ("date", "2030-03"),
                ("kind", "closure"),
                ("place", "Capital City"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn a_record_history_shows_each_changed_field_old_and_new() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let page = app
        .get(&format!("/cases/{CASE}/incidents/gazette-closed"), &editor)
        .await;
    assert!(
        page.body.contains(&format!(
            "href=\"/cases/{CASE}/incidents/gazette-closed/history\""
        )),
        "the incident page links its history"
    );
    edit_gazette(&app, &editor, "The Gazette shut down by decree").await;
    let r = app
        .get(
            &format!("/cases/{CASE}/incidents/gazette-closed/history"),
            &editor,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    for expected in [
        "Version 2",
        "Version 1",
        "ed@example.org",
        "<del>The Gazette forced to close</del>",
        "<ins>The Gazette shut down by decree</ins>",
    ] {
        assert!(r.body.contains(expected), "{expected}: {}", r.body);
    }
    // Newest first.
    assert!(r.body.find("Version 2") < r.body.find("Version 1"));
    // Findings and sources have theirs; a record never written has none, and a private case's
    // history is as missing as the case.
    for path in [
        format!("/cases/{CASE}/findings/f-gazette/history"),
        format!("/cases/{CASE}/sources/monitor-report/history"),
    ] {
        assert_eq!(
            app.get(&path, &editor).await.status,
            StatusCode::OK,
            "{path}"
        );
    }
    assert_eq!(
        app.get(&format!("/cases/{CASE}/incidents/nothing/history"), &editor)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let outsider = app.user("out@example.org", false, None).await;
    assert_eq!(
        app.get(
            &format!("/cases/{CASE}/incidents/gazette-closed/history"),
            &outsider
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

/// The example case again, with one actor renamed and the letter's body changed, stored over
/// the first import (as `accord import --replace` does): a new version of each.
async fn reimport_with_actor_and_letter_changed(app: &TestApp) {
    let files: Vec<accord_core::bundle::BundleFile> = crate::common::example_files()
        .into_iter()
        .map(|mut f| {
            if f.path == "actors.toml" {
                f.contents = f
                    .contents
                    .replace("name = \"Ruritania\"", "name = \"Kingdom of Ruritania\"");
            } else if f.path.ends_with("body.md") {
                f.contents = f.contents.replace("Dear Minister,", "Dear Madam Minister,");
            }
            f
        })
        .collect();
    let case = accord_core::bundle::read(&files).unwrap();
    app.store
        .import_case(
            &case,
            accord_store::ImportMode::Replace,
            "owner@example.org",
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn actors_and_letters_show_their_history_and_outsiders_never_see_a_letters_drafts() {
    let app = TestApp::new().await;
    let viewer = app
        .user("viewer@example.org", false, Some(CaseRole::Viewer))
        .await;
    let actor_page = app
        .get(&format!("/cases/{CASE}/actors/guarantor"), &viewer)
        .await;
    assert!(
        actor_page
            .body
            .contains(&format!("href=\"/cases/{CASE}/actors/guarantor/history\"")),
        "the actor's page links its history: {}",
        actor_page.body
    );
    let letter_page = app
        .get(&format!("/cases/{CASE}/letters/appeal-2030"), &viewer)
        .await;
    assert!(
        letter_page.body.contains(&format!(
            "href=\"/cases/{CASE}/letters/appeal-2030/history\""
        )),
        "the letter's page links its history for members: {}",
        letter_page.body
    );
    reimport_with_actor_and_letter_changed(&app).await;

    let r = app
        .get(&format!("/cases/{CASE}/actors/guarantor/history"), &viewer)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    for expected in [
        "Version 2",
        "owner@example.org",
        "<del>Ruritania</del>",
        "<ins>Kingdom of Ruritania</ins>",
    ] {
        assert!(r.body.contains(expected), "{expected}: {}", r.body);
    }
    let r = app
        .get(
            &format!("/cases/{CASE}/letters/appeal-2030/history"),
            &viewer,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Version 2"), "{}", r.body);
    // The body is one field: its old and new text, each whole.
    let body_row = r
        .body
        .split("<th scope=\"row\">body</th>")
        .nth(1)
        .unwrap_or_else(|| panic!("no row for the body: {}", r.body));
    let body_row = body_row.split("</tr>").next().unwrap();
    assert!(body_row.contains("<del>Dear Minister,"), "{body_row}");
    assert!(body_row.contains("<ins>Dear Madam Minister,"), "{body_row}");
    // Fields that did not change are not listed in the newer version.
    let newest = r.body.split("Version 1").next().unwrap();
    assert!(!newest.contains("<th scope=\"row\">title</th>"), "{newest}");

    // On the published case, readers outside it see the actor's history but not the letter's
    // earlier texts, nor a link to them.
    app.store.set_published(CASE, true, "test").await.unwrap();
    let outsider = app.user("out@example.org", false, None).await;
    let visitor = app.visitor().await;
    for who in [&outsider, &visitor] {
        assert_eq!(
            app.get(&format!("/cases/{CASE}/actors/guarantor/history"), who)
                .await
                .status,
            StatusCode::OK
        );
        assert_eq!(
            app.get(&format!("/cases/{CASE}/letters/appeal-2030/history"), who)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let page = app
            .get(&format!("/cases/{CASE}/letters/appeal-2030"), who)
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("/history\""), "{}", page.body);
    }
}

#[tokio::test]
async fn a_finding_says_when_its_incident_changed_after_confirmation() {
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let page = format!("/cases/{CASE}/incidents/gazette-closed");
    let r = app
        .post(
            &format!("/cases/{CASE}/findings/f-gazette/status"),
            &owner,
            &[("status", "confirmed")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let before = app.get(&page, &owner).await;
    assert!(
        !before
            .body
            .contains("changed after the finding was confirmed"),
        "{}",
        before.body
    );
    edit_gazette(&app, &owner, "The Gazette shut down by decree").await;
    let after = app.get(&page, &owner).await;
    assert!(
        after
            .body
            .contains("This incident changed after the finding was confirmed"),
        "{}",
        after.body
    );
    assert!(after.body.contains("owner@example.org"));

    // A finding imported as confirmed (no confirmation recorded by the web): its place in the
    // log is what the incident's later versions are compared with.
    let page = format!("/cases/{CASE}/incidents/party-dissolved");
    assert!(
        !app.get(&page, &owner)
            .await
            .body
            .contains("changed after the finding was confirmed")
    );
    let r = app
        .post(
            &page,
            &owner,
            &[
                ("title", "Opposition party dissolved"),
                ("date", "2030-02-14"),
                ("kind", "dissolution"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let after = app.get(&page, &owner).await;
    assert!(
        after
            .body
            .contains("This incident changed after the finding was confirmed"),
        "{}",
        after.body
    );
}

#[tokio::test]
async fn a_lower_case_citation_is_read_alike_by_the_form_and_the_api() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let token = app.api_token("ed@example.org").await;
    for (typed, accepted) in [
        ("fpa art 3(2)", true),
        ("FPA ART. 3 (1)", true),
        ("fpa art 99", false),
        ("not a citation", false),
    ] {
        let form = app
            .post(
                &format!("/cases/{CASE}/findings"),
                &editor,
                &[
                    ("incident", "harassment"),
                    ("provision", typed),
                    ("verdict", "concern"),
                    ("rationale", "Because."),
                ],
            )
            .await;
        let api = app
            .send(
                Request::builder()
                    .method(Method::POST)
                    .uri(format!("/api/v1/cases/{CASE}/findings"))
                    .header(header::AUTHORIZATION, format!("Bearer {token}"))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(
                        json!({
                            "incidents": ["harassment"], "provision": typed,
                            "verdict": "concern", "rationale": "Because."
                        })
                        .to_string(),
                    ))
                    .unwrap(),
            )
            .await;
        if accepted {
            assert_eq!(
                form.status,
                StatusCode::SEE_OTHER,
                "form, {typed}: {}",
                form.body
            );
            assert_eq!(
                api.status,
                StatusCode::CREATED,
                "API, {typed}: {}",
                api.body
            );
        } else {
            assert_eq!(
                form.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "form, {typed}"
            );
            assert_eq!(api.status, StatusCode::UNPROCESSABLE_ENTITY, "API, {typed}");
            assert!(api.body.contains("\"field\":\"provision\""), "{}", api.body);
        }
    }
    // Both stored the case's own spelling of the provision.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let stored: Vec<String> = case
        .findings
        .iter()
        .filter(|f| f.rationale == "Because.")
        .map(|f| f.provision.to_string())
        .collect();
    assert_eq!(
        stored,
        [
            "FPA Art. 3(2)",
            "FPA Art. 3(2)",
            "FPA Art. 3(1)",
            "FPA Art. 3(1)"
        ]
    );
}

#[tokio::test]
async fn a_missing_record_is_404_and_a_taken_id_409_not_500() {
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    // Reviewing a finding that does not exist (the store's NotFound, mapped once).
    let r = app
        .post(
            &format!("/cases/{CASE}/findings/f-nothing/status"),
            &owner,
            &[("status", "confirmed")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // A source id the case has already: 409, with what is wrong.
    let token = app.api_token("owner@example.org").await;
    let r = app
        .send(
            Request::builder()
                .method(Method::POST)
                .uri(format!("/api/v1/cases/{CASE}/sources"))
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(
                    json!({"id": "monitor-report", "title": "Again"}).to_string(),
                ))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(r.body.contains("monitor-report"), "{}", r.body);
}

#[tokio::test]
async fn an_author_confirms_their_own_finding_only_when_the_owner_allows_it() {
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let r = app
        .post(
            &format!("/cases/{CASE}/findings"),
            &owner,
            &[
                ("incident", "harassment"),
                ("provision", "FPA Art. 3(2)"),
                ("verdict", "concern"),
                ("rationale", "Mine."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = r
        .location()
        .split("#finding-")
        .nth(1)
        .expect("the finding's anchor")
        .to_owned();
    let confirm = format!("/cases/{CASE}/findings/{id}/status");
    // The action refuses the author (403, with why), not a 500.
    let r = app.post(&confirm, &owner, &[("status", "confirmed")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(r.body.contains("author"), "{}", r.body);
    // Only the owner may allow it, on the members page.
    let members = app.get(&format!("/cases/{CASE}/members"), &owner).await;
    assert!(
        members
            .body
            .contains("Allow authors to confirm their own findings")
    );
    let allow = [("allowed", "true")];
    let r = app
        .post(&format!("/cases/{CASE}/self-review"), &editor, &allow)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(&format!("/cases/{CASE}/self-review"), &owner, &allow)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.post(&confirm, &owner, &[("status", "confirmed")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(
        case.finding(&id).map(|f| f.status),
        Some(accord_core::FindingStatus::Confirmed)
    );
}

#[tokio::test]
async fn a_findings_history_names_the_incident_version_it_was_confirmed_against() {
    let app = TestApp::new().await;
    let owner = app
        .user("owner@example.org", false, Some(CaseRole::Owner))
        .await;
    let page = format!("/cases/{CASE}/findings/f-gazette/history");
    let before = app.get(&page, &owner).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    assert!(
        !before.body.contains("Confirmed on"),
        "a draft: {}",
        before.body
    );
    let r = app
        .post(
            &format!("/cases/{CASE}/findings/f-gazette/status"),
            &owner,
            &[("status", "confirmed")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let confirmed = app.get(&page, &owner).await.body;
    assert!(
        confirmed.contains("against version 1 of incident gazette-closed"),
        "{confirmed}"
    );
    assert!(!confirmed.contains("has changed since"), "{confirmed}");
    edit_gazette(&app, &owner, "The Gazette shut down by decree").await;
    let changed = app.get(&page, &owner).await.body;
    assert!(
        changed.contains("against version 1 of incident gazette-closed"),
        "{changed}"
    );
    assert!(
        changed.contains("The incident has changed since: it is at version 2 now."),
        "{changed}"
    );
    assert!(
        changed.contains(&format!(
            "href=\"/cases/{CASE}/incidents/gazette-closed/history\""
        )),
        "{changed}"
    );
}
