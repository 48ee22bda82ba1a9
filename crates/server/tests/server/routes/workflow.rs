//! The research workflow through the forms: record an incident, add a finding, review it, and
//! watch the mechanism's status change; each role allowed exactly its part.

use accord_core::CaseRole;
use axum::http::StatusCode;

use crate::routes::support::{CASE, TestApp};

const NEW_INCIDENT: &[(&str, &str)] = &[
    ("title", "Newspaper office raided"),
    ("date", "2030-04-02"),
    ("kind", "closure"),
    ("place", "Example City"),
    (
        "summary",
        "Police searched the offices of the <b>Daily</b>.",
    ),
    ("themes", "expression, press freedom"),
    ("actor", "interior"),
    ("role", "perpetrator"),
    ("actor", "gazette"),
    ("role", "target"),
    ("actor", ""),
    ("role", "perpetrator"),
    ("new_source_title", "Offices searched"),
    ("new_source_authors", "C. Reporter"),
    ("new_source_publisher", "Example Monitor"),
    ("new_source_date", "2030-04-03"),
];

#[tokio::test]
async fn from_incident_to_triggered_mechanism() {
    let app = TestApp::new().await;
    // Start from a case where nothing is triggered.
    let reviewer = app
        .user("rev@example.org", false, Some(CaseRole::Reviewer))
        .await;
    let r = app
        .post(
            "/cases/example-2030/findings/f-dissolution/status",
            &reviewer,
            &[("status", "retracted")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let dash = app.get("/cases/example-2030", &editor).await;
    assert!(dash.body.contains("Not triggered"), "{}", dash.body);

    // The editor records an incident with a new source.
    let r = app
        .post("/cases/example-2030/incidents", &editor, NEW_INCIDENT)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = r.location().to_owned();
    assert!(
        page.starts_with("/cases/example-2030/incidents/newspaper-office-raided-"),
        "{page}"
    );
    let id = page
        .trim_start_matches("/cases/example-2030/incidents/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let shown = app.get(&page, &editor).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("Saved."));
    assert!(
        shown
            .body
            .contains("C. Reporter, ‘Offices searched’, Example Monitor, 3 April 2030")
    );
    // User text is escaped, never markup.
    assert!(
        shown.body.contains("&lt;b&gt;Daily&lt;&#x2f;b&gt;")
            || shown.body.contains("&lt;b&gt;Daily&lt;/b&gt;"),
        "{}",
        shown.body
    );
    let inc = app
        .store
        .incidents(CASE, std::slice::from_ref(&id))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(inc.themes, ["expression", "press_freedom"]);
    assert_eq!(inc.actors.len(), 2);
    assert_eq!(inc.sources.len(), 1);

    // The editor adds a finding: a draft does not trigger anything.
    let r = app
        .post(
            "/cases/example-2030/findings",
            &editor,
            &[
                ("incident", &id),
                ("provision", "fpa art 3 (2)"),
                ("verdict", "violation"),
                (
                    "rationale",
                    "Raiding a newspaper violates the freedom of the press.",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let finding = case.findings.last().unwrap().clone();
    assert_eq!(finding.provision.to_string(), "FPA Art. 3(2)");
    assert_eq!(finding.status, accord_core::FindingStatus::Draft);
    assert_eq!(finding.author.as_deref(), Some("ed@example.org"));
    assert!(
        app.get("/cases/example-2030", &editor)
            .await
            .body
            .contains("Not triggered")
    );

    // The editor may not confirm; the reviewer does, and the dashboard shows the mechanism triggered.
    let status = format!("/cases/example-2030/findings/{}/status", finding.id);
    assert_eq!(
        app.post(&status, &editor, &[("status", "confirmed")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let r = app
        .post(
            &status,
            &reviewer,
            &[("status", "confirmed"), ("back", &page)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), page);
    let dash = app.get("/cases/example-2030", &editor).await;
    assert!(
        dash.body.contains("Triggered</span> since 2 April 2030"),
        "{}",
        dash.body
    );
    assert!(dash.body.contains("Newspaper office raided"));

    // Retracting un-triggers it again.
    app.post(&status, &reviewer, &[("status", "retracted")])
        .await;
    assert!(
        app.get("/cases/example-2030", &editor)
            .await
            .body
            .contains("Not triggered")
    );

    // Every step is in the audit log, under the person's name.
    let log = app.store.audit_log(Some(CASE), 20).await.unwrap();
    let who: Vec<(&str, &str)> = log
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str()))
        .collect();
    assert!(who.contains(&("ed@example.org", "incident.create")));
    assert!(who.contains(&("ed@example.org", "source.create")));
    assert!(who.contains(&("rev@example.org", "finding.confirmed")));
}

#[tokio::test]
async fn bad_input_is_shown_on_the_form_and_changes_nothing() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let r = app
        .post(
            "/cases/example-2030/incidents",
            &editor,
            &[
                ("title", "Kept title"),
                ("date", "2030-02-30"),
                ("kind", "closure"),
                ("actor", "nobody"),
                ("role", "target"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("February 2030 has 28 days"), "{}", r.body);
    assert!(r.body.contains("href=\"#date\""));
    assert!(
        r.body.contains("value=\"Kept title\""),
        "the form keeps what was typed"
    );
    let r = app
        .post(
            "/cases/example-2030/incidents",
            &editor,
            &[("title", "T"), ("date", "2030"), ("kind", "picnic")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("unknown incident kind"));
    let r = app
        .post(
            "/cases/example-2030/incidents",
            &editor,
            &[
                ("title", "T"),
                ("date", "2030"),
                ("kind", "other"),
                ("actor", "nobody"),
                ("role", "target"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("no actor &quot;nobody&quot; in this case")
            || r.body.contains("no actor \"nobody\""),
        "{}",
        r.body
    );
    let r = app
        .post(
            "/cases/example-2030/findings",
            &editor,
            &[
                ("incident", "party-dissolved"),
                ("provision", "FPA Art. 99"),
                ("verdict", "violation"),
                ("rationale", "x"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("no provision FPA Art. 99 in this case"));
    let r = app
        .post(
            "/cases/example-2030/findings",
            &editor,
            &[
                ("incident", "party-dissolved"),
                ("provision", "FPA Chapter 2"),
                ("verdict", "violation"),
                ("rationale", "x"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("is not a citation"));
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    assert_eq!(
        (
            case.incidents.len(),
            case.findings.len(),
            case.sources.len()
        ),
        (3, 3, 2)
    );
}

#[tokio::test]
async fn editing_an_incident_keeps_its_id_and_evidence() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    let form = app
        .get("/cases/example-2030/incidents/gazette-closed/edit", &editor)
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"The Gazette forced to close\""));
    let r = app
        .post(
            "/cases/example-2030/incidents/gazette-closed",
            &editor,
            &[
                ("title", "The Gazette closed"),
                ("date", "2030-03"),
                ("kind", "closure"),
                ("source", "monitor-report"),
                ("actor", "gazette"),
                ("role", "target"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let inc = app
        .store
        .incidents(CASE, &["gazette-closed".into()])
        .await
        .unwrap()
        .remove(0);
    assert_eq!(inc.title, "The Gazette closed");
    assert_eq!(inc.evidence.len(), 1, "the form does not drop evidence");
    assert_eq!(
        app.get("/cases/example-2030/incidents/nope/edit", &editor)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = app
        .post(
            "/cases/example-2030/incidents/nope",
            &editor,
            &[("title", "x"), ("date", "2030"), ("kind", "other")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn roles_allow_exactly_their_part() {
    let app = TestApp::new().await;
    let viewer = app
        .user("v@example.org", false, Some(CaseRole::Viewer))
        .await;
    let reviewer = app
        .user("r@example.org", false, Some(CaseRole::Reviewer))
        .await;
    let editor = app
        .user("e@example.org", false, Some(CaseRole::Editor))
        .await;
    let owner = app
        .user("o@example.org", false, Some(CaseRole::Owner))
        .await;
    let forms = [
        "/cases/example-2030/incidents/new",
        "/cases/example-2030/findings/new",
    ];
    for path in forms {
        assert_eq!(
            app.get(path, &viewer).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            app.get(path, &reviewer).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            app.get(path, &editor).await.status,
            StatusCode::OK,
            "{path}"
        );
        assert_eq!(app.get(path, &owner).await.status, StatusCode::OK, "{path}");
    }
    assert_eq!(
        app.get("/cases/example-2030/members", &editor).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/cases/example-2030/members", &owner).await.status,
        StatusCode::OK
    );
    // Review buttons only for reviewers and owners.
    let page = "/cases/example-2030/incidents/gazette-closed";
    assert!(
        !app.get(page, &editor)
            .await
            .body
            .contains(">Confirm</button>")
    );
    assert!(
        app.get(page, &reviewer)
            .await
            .body
            .contains(">Confirm</button>")
    );
    // The owner manages members: an unknown account is explained, a known one gets the role.
    let r = app
        .post(
            "/cases/example-2030/members",
            &owner,
            &[("email", "ghost@example.org"), ("role", "editor")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("no account uses"));
    app.store
        .create_user("new@example.org", "x", false)
        .await
        .unwrap();
    let r = app
        .post(
            "/cases/example-2030/members",
            &owner,
            &[("email", "new@example.org"), ("role", "reviewer")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("new@example.org is now reviewer"));
    let r = app
        .post(
            "/cases/example-2030/members",
            &owner,
            &[("email", "new@example.org"), ("role", "boss")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_khmer_word_inside_a_khmer_sentence_is_found() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    // "The National Assembly adopted the law on associations" — one run of Khmer, no spaces.
    let r = app
        .post(
            "/cases/example-2030/incidents",
            &editor,
            &[
                ("title", "Law adopted"),
                ("date", "2030-05"),
                ("kind", "legislation"),
                ("summary", "រដ្ឋសភាបានអនុម័តច្បាប់ស្តីពីសមាគម"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let q = form_urlencoded::byte_serialize("ច្បាប់".as_bytes()).collect::<String>();
    let r = app
        .get(&format!("/cases/example-2030/timeline?q={q}"), &editor)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<strong>1</strong> incident"), "{}", r.body);
    assert!(r.body.contains("Law adopted"));
    let r = app
        .get("/cases/example-2030/timeline?q=Gazette", &editor)
        .await;
    assert!(r.body.contains("The Gazette forced to close") && !r.body.contains("Law adopted"));
}

/// A case with more sources than the form lists: the form shows the most recent ones and the
/// incident's own, and any other is named by id; an unknown id is refused and named.
#[tokio::test]
async fn sources_beyond_the_list_are_named_by_id() {
    let app = TestApp::new().await;
    let editor = app
        .user("ed@example.org", false, Some(CaseRole::Editor))
        .await;
    for n in 0..320 {
        let source = accord_core::Source {
            id: format!("gen-source-{n:03}"),
            authors: Vec::new(),
            title: format!("Generated report {n:03}"),
            publisher: None,
            date: None,
            url: None,
            accessed: None,
            note: None,
            sensitivity: accord_core::Sensitivity::Case,
            restricted_to: Vec::new(),
        };
        app.store.add_source(CASE, &source, "test").await.unwrap();
    }
    let form = app.get("/cases/example-2030/incidents/new", &editor).await;
    assert_eq!(form.status, StatusCode::OK);
    // The example's two sources are the oldest of 322: only the 300 most recent are listed.
    assert!(
        form.body.contains("the 300 most recent of the case's 322"),
        "{}",
        form.body
    );
    assert!(form.body.contains("Generated report 319"));
    assert!(
        !form.body.contains(">Civic space in Freedonia"),
        "an old source is not listed"
    );
    assert!(form.body.contains("name=\"source_ids\""));

    // An old source named by id, together with one picked in the list.
    let r = app
        .post(
            "/cases/example-2030/incidents",
            &editor,
            &[
                ("title", "Reporter summoned"),
                ("date", "2030-04-02"),
                ("kind", "harassment"),
                ("source", "gen-source-319"),
                ("source_ids", "monitor-report, gen-source-319"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = r
        .location()
        .trim_start_matches("/cases/example-2030/incidents/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let inc = app.store.incidents(CASE, &[id]).await.unwrap().remove(0);
    assert_eq!(inc.sources, ["gen-source-319", "monitor-report"]);
    let edit = app
        .get(
            &format!("/cases/example-2030/incidents/{}/edit", inc.id),
            &editor,
        )
        .await;
    assert!(
        edit.body
            .contains("<option value=\"monitor-report\" selected>"),
        "the incident's own old source is listed, selected"
    );

    // An id that names no source: refused, nothing stored.
    let before = app.store.case_refs(CASE).await.unwrap().incident_count;
    let r = app
        .post(
            "/cases/example-2030/incidents",
            &editor,
            &[
                ("title", "Another"),
                ("date", "2030-04-03"),
                ("kind", "harassment"),
                ("source_ids", "no-such-source"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("no-such-source"), "{}", r.body);
    assert_eq!(
        app.store.case_refs(CASE).await.unwrap().incident_count,
        before
    );
}
