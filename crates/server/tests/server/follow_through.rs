//! What happened after a letter, on the web and in the API (issue 14 §4): an editor records a
//! delivery, a response and a follow-up letter through the plain forms; a refused record (a
//! response from someone the letter was not addressed to, a date before the letter, a follow-up
//! citing another case's letter) is said beside its form and nothing is written; the mechanism
//! page says who was asked and what they did; the dashboard says when each triggered mechanism
//! was last asked for; the coordinator lists the letters awaiting a response past a deadline.
//!
//! The reference case is used for its letter's real date (the example case is set in an invented
//! 2030, after today): the records written here are test input in a temporary database, not data
//! about what the addressees of the 2017 letter did.

use accord_core::CaseRole;
use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::as_of::{App, REFERENCE, Who};

const LETTER: &str = "2017-10-23-reconvene-paris-conference";
const PAGE: &str =
    "/cases/cambodia-2017/letters/2017-10-23-reconvene-paris-conference/follow-through";
const SECOND: &str = "2017-12-01-second-request";

async fn count(app: &App) -> usize {
    app.store.follow_through(REFERENCE).await.unwrap().len()
}

/// The reference case with a second letter, dated 1 December 2017, that quotes nothing.
async fn with_second_letter(app: &App) {
    let case = app.store.load_case(REFERENCE).await.unwrap().unwrap();
    let mut second = case.letter(LETTER).unwrap().clone();
    second.id = SECOND.into();
    second.title = "Second request".into();
    second.date = accord_core::Day::parse("2017-12-01").unwrap();
    second.body = "We wrote to you on 23 October 2017.\n".into();
    app.store
        .save_letter(REFERENCE, &second, None, "test")
        .await
        .unwrap();
}

async fn post(
    app: &App,
    path: &str,
    who: &Who,
    kind: &str,
    fields: &[(&str, &str)],
) -> crate::as_of::Reply {
    let mut all = vec![("kind", kind)];
    all.extend_from_slice(fields);
    app.form(path, who, &all).await
}

#[tokio::test]
async fn an_editor_records_a_delivery_a_response_and_a_follow_up_through_the_forms() {
    let app = App::new(REFERENCE).await;
    with_second_letter(&app).await;
    let editor = app.user("editor@example.org", Some(CaseRole::Editor)).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;

    // The letter and the list of letters lead to it.
    let letter = app
        .page(&format!("/cases/cambodia-2017/letters/{LETTER}"), &viewer)
        .await;
    assert!(
        letter.body.contains(&format!("href=\"{PAGE}\"")),
        "{}",
        letter.body
    );
    let list = app.page("/cases/cambodia-2017/letters", &viewer).await;
    assert!(
        list.body.contains(&format!("href=\"{PAGE}\"")),
        "{}",
        list.body
    );
    assert!(list.body.contains("href=\"/cases/cambodia-2017/awaiting\""));

    // Nothing is recorded for the 2017 letter: the page says so and offers the forms to editors.
    let page = app.page(PAGE, &editor).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("None recorded."));
    assert!(
        page.body
            .contains(&format!("method=\"post\" action=\"{PAGE}\""))
    );
    assert!(
        page.body.contains("ACPS Art. 29"),
        "the letter asks for ACPS Art. 29"
    );
    let for_viewer = app.page(PAGE, &viewer).await;
    assert!(
        !for_viewer
            .body
            .contains(&format!("method=\"post\" action=\"{PAGE}\"")),
        "no forms for viewers"
    );

    let r = post(
        &app,
        PAGE,
        &editor,
        "delivery",
        &[
            ("to", "france"),
            ("date", "2017-10-23"),
            ("method", "email"),
            ("note", ""),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location, format!("{PAGE}#delivery-{LETTER}-2017-10-23"));
    let r = post(
        &app,
        PAGE,
        &editor,
        "response",
        &[
            ("from", "france"),
            ("date", "2017-11-15"),
            ("action", "acknowledged"),
            ("summary", "A test answer <b>bold</b>."),
            ("text", ""),
            ("source", ""),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let second = PAGE.replace(LETTER, SECOND);
    let r = post(&app, &second, &editor, "follow_up", &[("cites", LETTER)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(count(&app).await, 3);

    let page = app.page(PAGE, &viewer).await;
    assert!(
        page.body.contains("A test answer &lt;b&gt;bold&lt;"),
        "escaped: {}",
        page.body
    );
    assert!(!page.body.contains("<b>bold"), "escaped: {}", page.body);
    assert!(
        page.body
            .contains("<span class=\"badge o-acknowledged\">acknowledged</span>")
    );
    assert!(page.body.contains("Followed up by"), "{}", page.body);
    assert!(page.body.contains(&format!(
        "/cases/cambodia-2017/letters/{SECOND}/follow-through"
    )));
    let page = app.page(&second, &viewer).await;
    assert!(page.body.contains("It follows up"), "{}", page.body);
    // As of a day before the answer, France had not answered; before the letter, nothing.
    let then = app.page(&format!("{PAGE}?as_of=2017-11-01"), &editor).await;
    assert_eq!(then.status, StatusCode::OK, "{}", then.body);
    assert!(!then.body.contains("A test answer"), "{}", then.body);
    assert!(then.body.contains("2017-10-23") || then.body.contains("23 October 2017"));
    assert!(
        !then
            .body
            .contains(&format!("method=\"post\" action=\"{PAGE}\"")),
        "no forms as of a day"
    );
    let before = app.page(&format!("{PAGE}?as_of=2017-10-01"), &editor).await;
    assert!(
        before.body.contains("had not been written yet"),
        "{}",
        before.body
    );
    let bad = app.page(&format!("{PAGE}?as_of=31-12-2017"), &editor).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The mechanism page: France acknowledged, Indonesia has not answered.
    let m = app
        .page("/cases/cambodia-2017/mechanisms/acps-art-29", &viewer)
        .await;
    assert_eq!(m.status, StatusCode::OK, "{}", m.body);
    assert!(m.body.contains("Letters that asked for it"));
    let france = m
        .body
        .find("French Republic")
        .or_else(|| m.body.find("Emmanuel Macron"))
        .unwrap();
    assert!(m.body[france..].contains("o-acknowledged"), "{}", m.body);
    assert!(m.body.contains("o-no_response"), "{}", m.body);

    // The dashboard: last asked for on 23 October 2017, with France's answer.
    let d = app.page("/cases/cambodia-2017", &viewer).await;
    assert!(
        d.body.contains("Last asked for on 23 October 2017"),
        "{}",
        d.body
    );
    assert!(
        d.body
            .contains("latest response: Emmanuel Macron, 15 November 2017"),
        "{}",
        d.body
    );
    // As of a day before the answer, nobody had answered yet.
    let d = app
        .page("/cases/cambodia-2017?as_of=2017-11-01", &viewer)
        .await;
    assert!(d.body.contains("no response recorded"), "{}", d.body);
    let d = app
        .page("/cases/cambodia-2017?as_of=2017-10-01", &viewer)
        .await;
    assert!(
        d.body
            .contains("Not asked for in any letter of this case yet"),
        "{}",
        d.body
    );
}

#[tokio::test]
async fn bad_records_are_said_beside_the_form_and_nothing_is_written() {
    let app = App::new(REFERENCE).await;
    with_second_letter(&app).await;
    let editor = app.user("editor@example.org", Some(CaseRole::Editor)).await;
    for (kind, fields, field, words) in [
        (
            "response",
            vec![
                ("from", "Samdech Hun Sen"),
                ("date", "2017-11-15"),
                ("action", "declined"),
                ("summary", "x"),
            ],
            "from",
            "is not an addressee",
        ),
        (
            "delivery",
            vec![("to", "un-sg"), ("date", "2017-10-01"), ("method", "post")],
            "date",
            "is before the letter",
        ),
        (
            "delivery",
            vec![("to", "un-sg"), ("date", "2999-01-01"), ("method", "post")],
            "date",
            "in the future",
        ),
        (
            "delivery",
            vec![("to", "un-sg"), ("date", "2017-13-01"), ("method", "post")],
            "date",
            "",
        ),
        (
            "response",
            vec![
                ("from", "un-sg"),
                ("date", "2017-11-15"),
                ("action", "no_response"),
                ("summary", "x"),
            ],
            "action",
            "unknown response action",
        ),
    ] {
        let r = post(&app, PAGE, &editor, kind, &fields).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{kind} {fields:?}: {}",
            r.body
        );
        assert!(
            r.body.contains(&format!("href=\"#{kind}-{field}\"")),
            "{kind} {fields:?}: {}",
            r.body
        );
        assert!(r.body.contains(words), "{words}: {}", r.body);
        assert!(r.body.contains("Nothing was recorded."));
    }
    let second = PAGE.replace(LETTER, SECOND);
    let r = post(
        &app,
        &second,
        &editor,
        "follow_up",
        &[("cites", "example-2030/appeal-2030")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("a letter of another case"), "{}", r.body);
    assert_eq!(count(&app).await, 0);

    // Viewers may not write; outsiders of a private case get 404.
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let r = post(
        &app,
        PAGE,
        &viewer,
        "delivery",
        &[("to", "un-sg"), ("date", "2017-10-24"), ("method", "post")],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let outsider = app.user("outsider@example.org", None).await;
    assert_eq!(
        app.page(PAGE, &outsider).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(count(&app).await, 0);
}

#[tokio::test]
async fn the_api_records_and_lists_follow_through_and_the_letters_awaiting_a_response() {
    let app = App::new(REFERENCE).await;
    let editor = app.user("editor@example.org", Some(CaseRole::Editor)).await;
    let api = format!("/api/v1/cases/{REFERENCE}/letters/{LETTER}/follow-through");
    let r = app
        .api(Method::POST, &api, &editor, Some(&json!({"kind": "deadline", "date": "2017-11-30", "addressee": "indonesia", "asked": "Convene the Paris Conference."})))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["kind"], "deadline");
    let r = app
        .api(Method::POST, &api, &editor, Some(&json!({"kind": "response", "from": "Joko Widodo", "date": "2017-12-10", "action": "declined", "summary": "Test."})))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = app
        .api(Method::POST, &api, &editor, Some(&json!({"kind": "response", "from": "mallory", "date": "2017-12-10", "action": "declined", "summary": "Test."})))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["field"], "from");
    let r = app
        .api(Method::POST, &api, &editor, Some(&json!({"kind": "response", "from": "un-sg", "date": "2017-12-10", "action": "declined", "summary": "Test.", "extra": 1})))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(count(&app).await, 2);

    let v = app.api_get(&api, &editor).await.json();
    assert_eq!(v["requests"], json!(["acps-art-29"]));
    assert_eq!(v["records"].as_array().unwrap().len(), 2);
    let indonesia = v["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["party"] == "indonesia")
        .unwrap()
        .clone();
    assert_eq!(indonesia["outcome"], "declined");
    assert_eq!(indonesia["responded"], "2017-12-10");

    // The deadline of 30 November 2017 awaited an answer until 10 December.
    let awaiting = format!("/api/v1/cases/{REFERENCE}/awaiting");
    let v = app
        .api_get(&format!("{awaiting}?as_of=2017-12-05"), &editor)
        .await
        .json();
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v[0]["days_late"], 5);
    assert_eq!(v[0]["addressee"], "indonesia");
    let v = app
        .api_get(&format!("{awaiting}?as_of=2017-12-10"), &editor)
        .await
        .json();
    assert_eq!(v, json!([]));
    let r = app
        .api_get(&format!("{awaiting}?as_of=yesterday"), &editor)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["field"], "as_of");
    // The page says the same.
    let page = app
        .page("/cases/cambodia-2017/awaiting?as_of=2017-12-05", &editor)
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("Convene the Paris Conference."),
        "{}",
        page.body
    );
    assert!(page.body.contains("<td>5</td>"), "{}", page.body);
}
