//! Every page renders (the templates are strict about undefined variables) and shows what it is for.

use axum::http::StatusCode;

use crate::routes::support::TestApp;

fn check(body: &str, expected: &[&str]) {
    for e in expected {
        assert!(body.contains(e), "missing {e:?} in:\n{body}");
    }
}

#[tokio::test]
async fn every_page_renders_for_an_administrator() {
    let app = TestApp::new().await;
    let admin = app.user("admin@example.org", true, None).await;
    let pages: &[(&str, &[&str])] = &[
        ("/", &["Freedonia 2030", "administrator"]),
        ("/account", &["API tokens"]),
        (
            "/cases/example-2030",
            &[
                "Triggered</span> since 14 February 2030",
                "FPA Art. 9",
                "Ruritania",
                "Freedonia, Sylvania",
                "Opposition party dissolved by ministerial decree",
                "A. Writer and B. Reporter, ‘Opposition party dissolved’",
            ],
        ),
        (
            "/cases/example-2030/timeline",
            &[
                "<strong>3</strong> incidents",
                "March 2030",
                "February 2030",
                "January 2030",
            ],
        ),
        (
            "/cases/example-2030/timeline?kind=closure",
            &["<strong>1</strong> incident", "The Gazette forced to close"],
        ),
        (
            "/cases/example-2030/timeline?verdict=violation",
            &["<strong>1</strong> incident", "Opposition party dissolved"],
        ),
        (
            "/cases/example-2030/timeline?actor=interior&theme=association",
            &["<strong>1</strong> incident"],
        ),
        (
            "/cases/example-2030/timeline?from=2030-04-01&to=2030-04-30",
            &["<strong>1</strong> incident", "Journalists followed"],
        ),
        (
            "/cases/example-2030/provisions",
            &["FPA Art. 3(1)", "violated", "FPA Annex 1 Art. 2"],
        ),
        (
            "/cases/example-2030/provisions/FPA%20Art.%203(1)",
            &[
                "Everyone shall have the right",
                "Toute personne",
                "Dissolving a party by decree",
            ],
        ),
        (
            "/cases/example-2030/provisions/FPA%20Annex%201%20Art.%202",
            &["not available"],
        ),
        (
            "/cases/example-2030/actors/parties",
            &["Freedonia", "Sylvania"],
        ),
        (
            "/cases/example-2030/actors/interior",
            &[
                "1 incident involves this actor",
                "Opposition party dissolved",
            ],
        ),
        (
            "/cases/example-2030/mechanisms/fpa-art-9",
            &["convene the parties", "Dissolving a party by decree"],
        ),
        (
            "/cases/example-2030/incidents/gazette-closed",
            &[
                "month",
                "closure-notice.txt",
                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                "Awaiting a second source",
            ],
        ),
        (
            "/cases/example-2030/incidents/new",
            &["New incident", "Ministry of the Interior"],
        ),
        (
            "/cases/example-2030/findings/new?incident=gazette-closed",
            &["New finding", "FPA Art. 3(2)"],
        ),
        (
            "/cases/example-2030/provisions/suggest?provision=art.%203",
            &["FPA Art. 3(1)", "FPA Art. 3(2)"],
        ),
        (
            "/cases/example-2030/members",
            &["private", "Publish a read-only view"],
        ),
    ];
    for (path, expected) in pages {
        let r = app.get(path, &admin).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
        check(&r.body, expected);
    }
    // Signed in, the sign-in page sends you on.
    assert_eq!(
        app.get("/login", &admin).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn unknown_records_are_404_and_bad_filters_are_explained() {
    let app = TestApp::new().await;
    let admin = app.user("admin@example.org", true, None).await;
    for path in [
        "/cases/example-2030/incidents/nope",
        "/cases/example-2030/actors/nope",
        "/cases/example-2030/mechanisms/nope",
        "/cases/example-2030/provisions/FPA%20Art.%2077",
        "/cases/example-2030/provisions/not%20a%20citation%20((",
    ] {
        assert_eq!(
            app.get(path, &admin).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let r = app
        .get("/cases/example-2030/timeline?from=2030-02-30", &admin)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    check(
        &r.body,
        &[
            "from: &quot;2030-02-30&quot; is not a date",
            "<strong>3</strong>",
        ],
    );
    let r = app
        .get("/cases/example-2030/timeline?kind=picnic", &admin)
        .await;
    check(&r.body, &["kind: unknown incident kind"]);
}

#[tokio::test]
async fn the_timeline_pages_through_many_incidents() {
    let app = TestApp::new().await;
    let admin = app.user("admin@example.org", true, None).await;
    let template = app
        .store
        .incidents("example-2030", &["harassment".into()])
        .await
        .unwrap()
        .remove(0);
    for n in 0..120 {
        let mut inc = template.clone();
        inc.id = format!("gen-{n:03}");
        inc.title = format!("Generated incident {n:03}");
        inc.date = format!("2031-01-{:02}", n % 28 + 1).parse().unwrap();
        app.store
            .save_incident("example-2030", &inc, "test")
            .await
            .unwrap();
    }
    let r = app.get("/cases/example-2030/timeline", &admin).await;
    check(
        &r.body,
        &[
            "<strong>123</strong> incidents, 1–50 shown",
            "Page 1 of 3",
            "page=2",
            "January 2031",
        ],
    );
    let r = app.get("/cases/example-2030/timeline?page=3", &admin).await;
    check(&r.body, &["101–123 shown", "Page 3 of 3", "page=2"]);
    assert!(!r.body.contains("page=4"));
    let r = app.get("/cases/example-2030/timeline?page=x", &admin).await;
    check(&r.body, &["page: must be a page number"]);
}

#[tokio::test]
async fn assets_are_served_and_cached() {
    let app = TestApp::new().await;
    let who = app.visitor().await;
    let css = app.get("/assets/accord.css", &who).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(
        css.headers
            .get("cache-control")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    assert!(css.body.contains("@media print"));
}

/// A mechanism with many findings: the dashboard shows the first of its chain and links to the
/// whole chain on the mechanism's page. Pages read after a write show the write (the per-version
/// caches of the dashboard and the timeline are dropped when the case changes).
#[tokio::test]
async fn a_long_chain_is_cut_on_the_dashboard_and_writes_show_at_once() {
    let app = TestApp::new().await;
    let admin = app.user("admin@example.org", true, None).await;
    let case = "example-2030";
    let before = app.get(&format!("/cases/{case}"), &admin).await;
    check(&before.body, &["by 1 confirmed finding."]);
    let before_timeline = app.get(&format!("/cases/{case}/timeline"), &admin).await;
    assert!(!before_timeline.body.contains("Generated incident"));

    let template = app
        .store
        .incidents(case, &["harassment".into()])
        .await
        .unwrap()
        .remove(0);
    let finding = app
        .store
        .findings_of_incident(case, "party-dissolved")
        .await
        .unwrap()
        .remove(0);
    for n in 0..40 {
        let mut inc = template.clone();
        inc.id = format!("gen-{n:03}");
        inc.title = format!("Generated incident {n:03}");
        inc.date = format!("2031-02-{:02}", n % 28 + 1).parse().unwrap();
        app.store.save_incident(case, &inc, "test").await.unwrap();
        let mut f = finding.clone();
        f.id = format!("f-gen-{n:03}");
        f.incidents = vec![inc.id.clone()];
        app.store.add_finding(case, &f, "test").await.unwrap();
    }
    let r = app.get(&format!("/cases/{case}"), &admin).await;
    check(
        &r.body,
        &[
            "by 41 confirmed findings.",
            "16 more findings: the whole chain",
        ],
    );
    // 25 findings in the chain, the example's own first (it is the earliest), so 24 generated
    // incidents; and the 10 latest incidents below, all generated.
    assert_eq!(r.body.matches("Generated incident").count(), 24 + 10);
    let r = app
        .get(&format!("/cases/{case}/mechanisms/fpa-art-9"), &admin)
        .await;
    assert_eq!(r.body.matches("Generated incident").count(), 40);
    let r = app.get(&format!("/cases/{case}/timeline"), &admin).await;
    check(
        &r.body,
        &["Generated incident 039", "<strong>43</strong> incidents"],
    );
}
