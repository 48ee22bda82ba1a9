//! Implementation observations on the web and in the API (issue 14 §1): recorded from the
//! provision page or `POST /api/v1/cases/{id}/observations` as drafts, refused naming the field,
//! reviewed under the findings' rule, shown as the provision's status once confirmed (as of any
//! day), and hidden, with the people they name, from readers outside the case while unconfirmed.
//!
//! The reference case is used for its instruments' real dates (the example case is set in an
//! invented 2030, after today): the scores recorded here are test input in a temporary database,
//! not data about Cambodia.

use accord_core::CaseRole;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::as_of::{App, REFERENCE, Who};

const ART29: &str = "/cases/cambodia-2017/provisions/ACPS%20Art.%2029";
const API: &str = "/api/v1/cases/cambodia-2017/observations";

async fn count(app: &App) -> usize {
    app.store.observations(REFERENCE).await.unwrap().len()
}

/// The provision's status in the API's case status (as of `day` when given).
async fn art29_status(app: &App, who: &Who, day: Option<&str>) -> Value {
    let q = day.map(|d| format!("?as_of={d}")).unwrap_or_default();
    let v = app
        .api_get(&format!("/api/v1/cases/{REFERENCE}/status{q}"), who)
        .await
        .json();
    v["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["citation"] == "ACPS Art. 29")
        .unwrap()
        .clone()
}

#[tokio::test]
async fn an_editor_records_an_observation_on_the_provision_page_and_a_reviewer_confirms_it() {
    let app = App::new(REFERENCE).await;
    let editor = app.user("editor@example.org", Some(CaseRole::Editor)).await;
    let reviewer = app
        .user("reviewer@example.org", Some(CaseRole::Reviewer))
        .await;

    let page = app.page(ART29, &editor).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("action=\"/cases/cambodia-2017/provisions/ACPS%20Art.%2029/observations\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("No confirmed observation"));

    let r = app
        .form(
            &format!("{ART29}/observations"),
            &editor,
            &[
                ("date", "2016"),
                ("score", "1"),
                ("sources", "ohchr-2017-lpp, cchr-2017-lpp-july"),
                ("coded_by", ""),
                ("note", "A test score."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.location
            .starts_with(&format!("{ART29}#observation-o-acps-art-29-2016-")),
        "{}",
        r.location
    );
    let id = r.location.split("#observation-").nth(1).unwrap().to_owned();
    let stored = app.store.observations(REFERENCE).await.unwrap();
    let o = stored.iter().find(|o| o.id == id).unwrap();
    assert_eq!(o.coded_by.as_deref(), Some("editor@example.org"));
    assert_eq!(o.sources, ["ohchr-2017-lpp", "cchr-2017-lpp-july"]);
    assert_eq!(o.status, accord_core::ObservationStatus::Draft);

    // A draft is listed for members and is nobody's status yet.
    let page = app.page(ART29, &editor).await;
    assert!(page.body.contains(&format!("id=\"observation-{id}\"")));
    assert!(page.body.contains("<span class=\"badge\">draft</span>"));
    assert_eq!(
        art29_status(&app, &reviewer, None).await["observation"],
        Value::Null
    );

    // An editor may not review; a reviewer confirms.
    let status = format!("/cases/{REFERENCE}/observations/{id}/status");
    let r = app.form(&status, &editor, &[("status", "confirmed")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .form(&status, &reviewer, &[("status", "confirmed")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location, format!("{ART29}#observation-{id}"));

    let page = app.page(ART29, &reviewer).await;
    assert!(
        page.body
            .contains("<span class=\"badge\">1 — minimal</span> for 2016"),
        "{}",
        page.body
    );
    let dashboard = app.page(&format!("/cases/{REFERENCE}"), &reviewer).await;
    assert!(dashboard.body.contains("1 — minimal <small>(2016)</small>"));
    assert_eq!(
        art29_status(&app, &reviewer, None).await["observation"],
        json!({"id": id, "date": "2016", "score": 1, "score_label": "minimal"})
    );
    // A year's code counts once the year has ended.
    assert_eq!(
        art29_status(&app, &reviewer, Some("2016-12-30")).await["observation"],
        Value::Null
    );
    assert_eq!(
        art29_status(&app, &reviewer, Some("2016-12-31")).await["observation"]["id"],
        json!(id)
    );
    let then = app
        .page(&format!("{ART29}?as_of=2016-06-30"), &reviewer)
        .await;
    assert!(
        then.body
            .contains("No confirmed observation dated on or before 30 June 2016")
    );
    assert!(!then.body.contains(&format!("id=\"observation-{id}\"")));
}

#[tokio::test]
async fn a_bad_observation_form_is_refused_naming_the_field_and_nothing_is_written() {
    let app = App::new(REFERENCE).await;
    let editor = app.user("editor@example.org", Some(CaseRole::Editor)).await;
    let before = count(&app).await;
    for (date, score, sources, says) in [
        (
            "2016",
            "4",
            "",
            "score</a>: 4 is not on the Peace Accords Matrix scale",
        ),
        (
            "2016",
            "-1",
            "",
            "score</a>: -1 is not on the Peace Accords Matrix scale",
        ),
        (
            "2016",
            "",
            "",
            "score</a>: &quot;&quot; is not on the Peace Accords Matrix scale",
        ),
        ("2999", "2", "", "date</a>: 2999 is in the future"),
        (
            "1990",
            "2",
            "",
            "date</a>: 1990 is before ACPS existed (23 October 1991)",
        ),
        (
            "2016..2017",
            "2",
            "",
            "date</a>: &quot;2016..2017&quot;: an observation describes a day",
        ),
        (
            "2016",
            "2",
            "nowhere",
            "sources[0]</a>: no source &quot;nowhere&quot; in this case",
        ),
    ] {
        let r = app
            .form(
                &format!("{ART29}/observations"),
                &editor,
                &[("date", date), ("score", score), ("sources", sources)],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{date} {score}: {}",
            r.body
        );
        assert!(r.body.contains(says), "{says}:\n{}", r.body);
        // What was typed is kept.
        assert!(r.body.contains(&format!("value=\"{date}\"")), "{}", r.body);
        assert_eq!(count(&app).await, before, "{date} {score} wrote something");
    }
    // A viewer may not record one at all, nor see the form.
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let r = app
        .form(
            &format!("{ART29}/observations"),
            &viewer,
            &[("date", "2016"), ("score", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        !app.page(ART29, &viewer)
            .await
            .body
            .contains("Record an observation")
    );
    assert_eq!(count(&app).await, before);
}

#[tokio::test]
async fn the_api_records_lists_and_reviews_observations() {
    let app = App::new(REFERENCE).await;
    let owner = app.user("owner@example.org", Some(CaseRole::Owner)).await;
    let reviewer = app
        .user("reviewer@example.org", Some(CaseRole::Reviewer))
        .await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let body = json!({
        "provision": "acps art 29",
        "date": "2016-06",
        "score": 2,
        "sources": ["ohchr-2017-lpp"],
        "coded_by": "Peace Accords Matrix",
        "note": "A test score.",
    });
    let r = app.api(Method::POST, API, &viewer, Some(&body)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app.api(Method::POST, API, &owner, Some(&body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let o = r.json();
    let id = o["id"].as_str().unwrap().to_owned();
    assert_eq!(r.location, format!("{API}/{id}"));
    assert_eq!(o["provision"], "ACPS Art. 29");
    assert_eq!(o["date"], "2016-06");
    assert_eq!(
        (o["score"].clone(), o["score_label"].clone()),
        (json!(2), json!("intermediate"))
    );
    assert_eq!(o["status"], "draft");
    assert_eq!(o["coded_by"], "Peace Accords Matrix");

    let list = app
        .api_get(&format!("{API}?provision=ACPS%20Art.%2029"), &viewer)
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert_eq!(list.json().as_array().unwrap().len(), 1);
    let none = app
        .api_get(&format!("{API}?status=confirmed"), &viewer)
        .await;
    assert_eq!(none.json(), json!([]));
    let bad = app.api_get(&format!("{API}?status=pending"), &viewer).await;
    assert_eq!(
        (bad.status, bad.json()["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("status"))
    );

    // Whoever recorded it does not confirm it (the owner has not allowed self-review).
    let status = format!("{API}/{id}/status");
    let confirm = json!({"status": "confirmed"});
    let r = app.api(Method::POST, &status, &owner, Some(&confirm)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app
        .api(Method::POST, &status, &viewer, Some(&confirm))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app
        .api(Method::POST, &status, &reviewer, Some(&confirm))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status"], "confirmed");
    assert_eq!(r.json()["reviewed_by"], "reviewer@example.org");
    let r = app
        .api(
            Method::POST,
            &status,
            &reviewer,
            Some(&json!({"status": "approved"})),
        )
        .await;
    assert_eq!(r.json()["field"], "status", "{}", r.body);
    let r = app
        .api(
            Method::POST,
            &format!("{API}/nope/status"),
            &reviewer,
            Some(&confirm),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let shown = app.api_get(&format!("{API}/{id}"), &viewer).await;
    assert_eq!(shown.json()["status"], "confirmed");
    let provision = app
        .api_get(
            &format!("/api/v1/cases/{REFERENCE}/provisions/ACPS%20Art.%2029"),
            &viewer,
        )
        .await
        .json();
    assert_eq!(provision["observation"]["id"], json!(id));
}

#[tokio::test]
async fn a_bad_api_observation_is_422_naming_the_field_and_nothing_is_written() {
    let app = App::new(REFERENCE).await;
    let editor = app.user("editor@example.org", Some(CaseRole::Editor)).await;
    let before = count(&app).await;
    let good = json!({"provision": "ACPS Art. 29", "date": "2016", "score": 1});
    for (key, value, field) in [
        ("score", json!(4), "score"),
        ("score", json!(-1), "score"),
        ("score", json!("2"), "score"),
        ("score", json!(1.5), "score"),
        ("date", json!("2999-01-01"), "date"),
        ("date", json!("1991-10-22"), "date"),
        ("date", json!("yesterday"), "date"),
        ("provision", json!("ACPS Art. 99"), "provision"),
        ("sources", json!(["nowhere"]), "sources[0]"),
        ("colour", json!("red"), "colour"),
    ] {
        let mut body = good.clone();
        body[key] = value.clone();
        let r = app.api(Method::POST, API, &editor, Some(&body)).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{key}={value}: {}",
            r.body
        );
        assert_eq!(r.json()["field"], field, "{key}={value}: {}", r.body);
        assert_eq!(count(&app).await, before, "{key}={value} wrote something");
    }
    let mut body = good.clone();
    body.as_object_mut().unwrap().remove("score");
    let r = app.api(Method::POST, API, &editor, Some(&body)).await;
    assert_eq!(r.json()["field"], "score", "{}", r.body);
    // The instrument's own day is not before it.
    body["score"] = json!(0);
    body["date"] = json!("1991-10-23");
    let r = app.api(Method::POST, API, &editor, Some(&body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
}

#[tokio::test]
async fn readers_outside_a_published_case_see_confirmed_observations_and_no_address() {
    let app = App::new(REFERENCE).await;
    app.store
        .set_published(REFERENCE, true, "test")
        .await
        .unwrap();
    let editor = app.user("editor@example.org", Some(CaseRole::Editor)).await;
    let reviewer = app
        .user("reviewer@example.org", Some(CaseRole::Reviewer))
        .await;
    let add = |date: &'static str| {
        let app = &app;
        let editor = &editor;
        async move {
            let body = json!({"provision": "ACPS Art. 29", "date": date, "score": 1});
            let r = app.api(Method::POST, API, editor, Some(&body)).await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            r.json()["id"].as_str().unwrap().to_owned()
        }
    };
    let confirmed = add("2015").await;
    let draft = add("2016").await;
    let r = app
        .api(
            Method::POST,
            &format!("{API}/{confirmed}/status"),
            &reviewer,
            Some(&json!({"status": "confirmed"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    let anonymous = Who::default();
    let list = app.api_get(API, &anonymous).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let listed = list.json();
    let ids: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [confirmed.as_str()], "{}", list.body);
    assert!(!list.body.contains("@example.org"), "{}", list.body);
    let r = app.api_get(&format!("{API}/{draft}"), &anonymous).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let page = app.page(ART29, &anonymous).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains(&format!("id=\"observation-{confirmed}\""))
    );
    assert!(!page.body.contains(&draft), "{}", page.body);
    assert!(!page.body.contains("@example.org"), "{}", page.body);
    assert!(!page.body.contains("Record an observation"));

    // Members see both, addresses included.
    let list = app.api_get(API, &editor).await;
    assert!(list.body.contains(&draft) && list.body.contains("editor@example.org"));
    // Anonymous writes are refused.
    let r = app
        .api(
            Method::POST,
            API,
            &anonymous,
            Some(&json!({"provision": "ACPS Art. 29", "date": "2016", "score": 1})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
}
