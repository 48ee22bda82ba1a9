//! Router tests of the JSON API (`/api/v1`) and its OpenAPI document, without a socket.
//!
//! The app runs on a temporary SQLite store holding the docs example bundle
//! (`docs/examples/minimal-case`, private) and a published copy of it under another id and title;
//! users of every role and their API tokens are created through the store.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use crate::common;

use std::collections::BTreeSet;
use std::sync::Arc;

use accord_core::CaseRole;
use accord_core::bundle::{self, BundleFile};
use accord_search::SearchIndex;
use accord_server::views::CaseStatusView;
use accord_server::{AppState, ServerConfig, secrets};
use accord_store::{ImportMode, Store};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use common::example_files;

const CASE: &str = "example-2030";
const TITLE: &str = "Freedonia 2030: closing the civic space";
const OPEN: &str = "open-2031";
const OPEN_TITLE: &str = "Sylvania 2031: an open case";

struct App {
    app: Router,
    store: Arc<dyn Store>,
    tokens: Tokens,
    _dir: tempfile::TempDir,
}

/// API tokens of users with each role in the private case (`outsider` has none; `admin` is an
/// instance administrator without a role).
struct Tokens {
    owner: String,
    editor: String,
    reviewer: String,
    viewer: String,
    outsider: String,
    admin: String,
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl App {
    async fn new() -> App {
        let dir = tempfile::tempdir().unwrap();
        let store = accord_store::testing::fresh_store(dir.path())
            .await
            .unwrap();
        let files = example_files();
        let case = bundle::read(&files).unwrap();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        // The same case under another id and title, published read-only.
        let open: Vec<BundleFile> = files
            .iter()
            .map(|f| BundleFile {
                path: f.path.clone(),
                contents: if f.path == "case.toml" {
                    f.contents.replace(CASE, OPEN).replace(TITLE, OPEN_TITLE)
                } else {
                    f.contents.clone()
                },
            })
            .collect();
        let open = bundle::read(&open).unwrap();
        assert_eq!(open.case().id, OPEN);
        store
            .import_case(&open, ImportMode::New, "test")
            .await
            .unwrap();
        store.set_published(OPEN, true, "test").await.unwrap();

        let index = Arc::new(SearchIndex::in_memory().unwrap());
        accord_server::search_sync::rebuild(store.clone(), index.clone())
            .await
            .unwrap();
        // The example case is set in an invented 2030: observations of it are dated after the
        // real today, so the action layer takes a day after the case as today.
        let actions = common::actions(dir.path(), store.clone(), Some(index))
            .with_today(accord_core::Day::parse("2031-06-01").unwrap());
        let state = AppState::new(actions, ServerConfig::default()).unwrap();
        let mut app = App {
            app: accord_server::router(state),
            store,
            tokens: Tokens {
                owner: String::new(),
                editor: String::new(),
                reviewer: String::new(),
                viewer: String::new(),
                outsider: String::new(),
                admin: String::new(),
            },
            _dir: dir,
        };
        app.tokens = Tokens {
            owner: app
                .user("owner@example.org", false, Some(CaseRole::Owner))
                .await,
            editor: app
                .user("editor@example.org", false, Some(CaseRole::Editor))
                .await,
            reviewer: app
                .user("reviewer@example.org", false, Some(CaseRole::Reviewer))
                .await,
            viewer: app
                .user("viewer@example.org", false, Some(CaseRole::Viewer))
                .await,
            outsider: app.user("outsider@example.org", false, None).await,
            admin: app.user("admin@example.org", true, None).await,
        };
        app
    }

    /// A user with a role in the private case and an API token (returned).
    async fn user(&self, email: &str, admin: bool, role: Option<CaseRole>) -> String {
        let user = self
            .store
            .create_user(email, "unused", admin)
            .await
            .unwrap();
        if let Some(r) = role {
            self.store
                .set_role(CASE, user.id, Some(r), "test")
                .await
                .unwrap();
        }
        let token = secrets::token().unwrap();
        self.store
            .create_api_token(user.id, "test", &secrets::digest(&token))
            .await
            .unwrap();
        token
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&str>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let body = match body {
            Some(b) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(b.to_owned())
            }
            None => Body::empty(),
        };
        let res = self
            .app
            .clone()
            .oneshot(req.body(body).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.call(Method::GET, path, token, None).await
    }

    async fn send(&self, method: Method, path: &str, token: Option<&str>, body: &Value) -> Reply {
        self.call(method, path, token, Some(&body.to_string()))
            .await
    }

    /// The ids of an incident page's items, sorted.
    async fn incident_ids(&self, query: &str, token: Option<&str>) -> Vec<String> {
        let r = self
            .get(&format!("/api/v1/cases/{CASE}/incidents{query}"), token)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.body);
        let mut ids: Vec<String> = r.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect();
        ids.sort();
        ids
    }
}

/// Assert a JSON error: its status, and the field it names (if any).
#[track_caller]
fn assert_error(r: &Reply, status: StatusCode, field: Option<&str>) {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(
        r.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("application/json"),
        "errors are JSON: {}",
        r.body
    );
    let v = r.json();
    assert_eq!(v["status"], json!(status.as_u16()), "{}", r.body);
    assert!(
        v["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{}",
        r.body
    );
    assert_eq!(v.get("field").and_then(Value::as_str), field, "{}", r.body);
}

fn new_incident(title: &str) -> Value {
    json!({
        "title": title,
        "date": "2030-04-02",
        "kind": "arrest",
        "place": "Example City",
        "summary": "Two organisers were detained at a meeting.",
        "themes": ["Association", "peaceful assembly"],
        "sources": ["monitor-report"],
        "actors": [{"actor": "interior", "role": "perpetrator"}, {"actor": "opposition", "role": "target"}]
    })
}

// --- Cases -------------------------------------------------------------------------------

#[tokio::test]
async fn the_case_list_shows_each_caller_what_they_may_see() {
    let app = App::new().await;
    let t = &app.tokens;
    let ids = |r: &Reply| -> Vec<(String, String)> {
        r.json()
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap().to_owned(),
                    c["access"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    for token in [None, Some(t.outsider.as_str())] {
        let r = app.get("/api/v1/cases", token).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(ids(&r), [(OPEN.to_owned(), "published".to_owned())]);
        assert!(!r.body.contains(TITLE), "{}", r.body);
    }
    let r = app.get("/api/v1/cases", Some(&t.viewer)).await;
    assert_eq!(
        ids(&r),
        [
            (CASE.to_owned(), "viewer".to_owned()),
            (OPEN.to_owned(), "published".to_owned())
        ]
    );
    let mine = &r.json()[0];
    assert_eq!(mine["title"], TITLE);
    assert_eq!(mine["role"], "viewer");
    assert_eq!(mine["published"], false);
    assert_eq!(mine["incidents"], 3);
    assert_eq!(mine["findings"], 3);
    let r = app.get("/api/v1/cases", Some(&t.admin)).await;
    assert_eq!(
        ids(&r),
        [
            (CASE.to_owned(), "administrator".to_owned()),
            (OPEN.to_owned(), "administrator".to_owned())
        ]
    );
}

#[tokio::test]
async fn a_case_says_what_the_caller_may_do() {
    let app = App::new().await;
    let t = &app.tokens;
    let r = app
        .get(&format!("/api/v1/cases/{CASE}"), Some(&t.owner))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["id"], CASE);
    assert_eq!(v["title"], TITLE);
    assert_eq!(v["country"], "XF");
    assert_eq!(v["period"], "2030-01..2030-06");
    assert_eq!(v["role"], "owner");
    assert_eq!(
        v["permissions"],
        json!({"edit": true, "review": true, "manage": true})
    );
    assert_eq!(v["incidents"], 3);

    let expect = [
        (
            &t.editor,
            json!({"edit": true, "review": false, "manage": false}),
        ),
        (
            &t.reviewer,
            json!({"edit": false, "review": true, "manage": false}),
        ),
        (
            &t.viewer,
            json!({"edit": false, "review": false, "manage": false}),
        ),
        (
            &t.admin,
            json!({"edit": true, "review": true, "manage": true}),
        ),
    ];
    for (token, permissions) in expect {
        let v = app
            .get(&format!("/api/v1/cases/{CASE}"), Some(token))
            .await
            .json();
        assert_eq!(v["permissions"], permissions);
    }
    // Everyone reads a published case, and may do nothing in it.
    let r = app.get(&format!("/api/v1/cases/{OPEN}"), None).await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["title"], OPEN_TITLE);
    assert_eq!(v["published"], true);
    assert_eq!(v["role"], Value::Null);
    assert_eq!(
        v["permissions"],
        json!({"edit": false, "review": false, "manage": false})
    );
}

#[tokio::test]
async fn the_status_is_the_case_status_contract() {
    let app = App::new().await;
    let r = app
        .get(
            &format!("/api/v1/cases/{CASE}/status"),
            Some(&app.tokens.viewer),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    // Exactly what `accord case status --json` prints, from the whole case.
    let case = app.store.load_case(CASE).await.unwrap().unwrap();
    let cli =
        serde_json::to_value(CaseStatusView::new(CASE, &accord_core::evaluate(&case))).unwrap();
    assert_eq!(v, cli);
    // And what the example case says: a confirmed violation of FPA Art. 3(1) on 14 February
    // triggers the FPA Art. 9 mechanism; the confirmed concern does not count towards it.
    assert_eq!(v["case"], CASE);
    let m = &v["mechanisms"][0];
    assert_eq!(m["id"], "fpa-art-9");
    assert_eq!(m["citation"], "FPA Art. 9");
    assert_eq!(m["triggered"], true);
    assert_eq!(m["since"], "2030-02-14");
    assert_eq!(m["findings"], json!(["f-dissolution"]));
    assert_eq!(
        m["requested_by"],
        json!(["Secretary-General of the Example Union"])
    );
    assert_eq!(m["consult"], json!(["Freedonia", "Sylvania"]));
    let states: Vec<(&str, &str)> = v["provisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["citation"].as_str().unwrap(),
                p["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("FPA Art. 3(1)", "violated"),
            ("FPA Art. 3(2)", "concern"),
            ("FPA Art. 9", "none"),
            ("FPA Annex 1 Art. 2", "none"),
        ]
    );
}

// --- Provisions ----------------------------------------------------------------------------

#[tokio::test]
async fn provisions_by_list_and_by_citation() {
    let app = App::new().await;
    let token = Some(app.tokens.viewer.as_str());
    let r = app
        .get(&format!("/api/v1/cases/{CASE}/provisions"), token)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let list = r.json();
    let citations: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["citation"].as_str().unwrap())
        .collect();
    assert_eq!(
        citations,
        [
            "FPA Art. 3(1)",
            "FPA Art. 3(2)",
            "FPA Art. 9",
            "FPA Annex 1 Art. 2"
        ]
    );
    assert_eq!(list[3]["text"], Value::Null);
    assert_eq!(list[3]["text_status"], "missing");

    let r = app
        .get(
            &format!("/api/v1/cases/{CASE}/provisions/FPA%20Art.%203(1)"),
            token,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let p = r.json();
    assert_eq!(p["citation"], "FPA Art. 3(1)");
    assert_eq!(p["instrument"], "FPA");
    assert_eq!(p["heading"], "Freedom of association");
    assert_eq!(p["themes"], json!(["association", "political_parties"]));
    assert_eq!(p["text_status"], "quoted");
    assert_eq!(p["status"], "violated");
    assert_eq!(p["findings"], json!(["f-dissolution"]));
    assert_eq!(p["translations"][0]["lang"], "fr");
    assert_eq!(p["translations"][0]["text_status"], "translation");

    for missing in ["FPA%20Art.%2099", "not%20a%20citation", "%20"] {
        let r = app
            .get(&format!("/api/v1/cases/{CASE}/provisions/{missing}"), token)
            .await;
        assert_error(&r, StatusCode::NOT_FOUND, None);
    }
}

// --- Incidents -------------------------------------------------------------------------------

#[tokio::test]
async fn the_timeline_filters_searches_and_pages() {
    let app = App::new().await;
    let token = Some(app.tokens.viewer.as_str());
    let all = ["gazette-closed", "harassment", "party-dissolved"];
    assert_eq!(app.incident_ids("", token).await, all);
    let r = app
        .get(&format!("/api/v1/cases/{CASE}/incidents"), token)
        .await;
    let v = r.json();
    assert_eq!(
        (v["total"].clone(), v["page"].clone(), v["pages"].clone()),
        (json!(3), json!(1), json!(1))
    );
    assert_eq!(v["per_page"], 50);

    let check = [
        ("?kind=closure", vec!["gazette-closed"]),
        ("?actor=interior", vec!["party-dissolved"]),
        ("?theme=expression", vec!["gazette-closed", "harassment"]),
        // Confirmed findings only: f-gazette is a draft.
        ("?verdict=violation", vec!["party-dissolved"]),
        ("?verdict=threat_of_violation", vec![]),
        ("?verdict=concern&theme=expression", vec!["harassment"]),
        ("?from=2030-02-20&to=2030-02-28", vec!["harassment"]),
        ("?q=Gazette", vec!["gazette-closed"]),
        ("?q=dissolved", vec!["party-dissolved"]),
        ("?q=photographed&kind=surveillance", vec!["harassment"]),
        ("?q=photographed&kind=closure", vec![]),
        ("?q=decree&verdict=violation", vec!["party-dissolved"]),
        ("?q=nothing-like-this", vec![]),
    ];
    for (query, expected) in check {
        assert_eq!(app.incident_ids(query, token).await, expected, "{query}");
    }

    // Pages: one per incident, every incident once.
    let mut seen = BTreeSet::new();
    for page in 1..=3 {
        let r = app
            .get(
                &format!("/api/v1/cases/{CASE}/incidents?per_page=1&page={page}"),
                token,
            )
            .await;
        let v = r.json();
        assert_eq!(v["total"], 3);
        assert_eq!(v["pages"], 3);
        assert_eq!(v["items"].as_array().unwrap().len(), 1);
        seen.insert(v["items"][0]["id"].as_str().unwrap().to_owned());
    }
    assert_eq!(seen.len(), 3);
    assert_eq!(
        app.incident_ids("?per_page=2&page=3", token).await,
        Vec::<String>::new()
    );

    // A search result page is not for shared caches.
    let r = app
        .get(&format!("/api/v1/cases/{CASE}/incidents?q=Gazette"), token)
        .await;
    assert_eq!(
        r.headers.get(header::CACHE_CONTROL).unwrap(),
        "private, no-store"
    );
}

#[tokio::test]
async fn bad_timeline_filters_are_422_with_the_parameter() {
    let app = App::new().await;
    let token = Some(app.tokens.viewer.as_str());
    for (query, field) in [
        ("kind=meeting", "kind"),
        ("verdict=guilty", "verdict"),
        ("from=2030-13-01", "from"),
        ("to=yesterday", "to"),
        ("page=0", "page"),
        ("page=two", "page"),
        ("per_page=0", "per_page"),
        ("per_page=201", "per_page"),
    ] {
        let r = app
            .get(&format!("/api/v1/cases/{CASE}/incidents?{query}"), token)
            .await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
}

#[tokio::test]
async fn one_incident() {
    let app = App::new().await;
    let token = Some(app.tokens.viewer.as_str());
    let r = app
        .get(
            &format!("/api/v1/cases/{CASE}/incidents/party-dissolved"),
            token,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.json(),
        json!({
            "id": "party-dissolved",
            "date": "2030-02-14",
            "date_precision": "day",
            "date_start": "2030-02-14",
            "date_end": "2030-02-14",
            "title": "Opposition party dissolved by ministerial decree",
            "kind": "dissolution",
            "summary": "The Ministry of the Interior dissolved the main opposition party.",
            "place": "Example City",
            "themes": ["association", "political_parties"],
            "sources": ["gazette-2030-02"],
            "actors": [
                {"actor": "interior", "role": "perpetrator"},
                {"actor": "opposition", "role": "target"}
            ],
            "evidence": [],
            "sensitivity": "public",
            "restricted_to": []
        })
    );
    let v = app
        .get(&format!("/api/v1/cases/{CASE}/incidents/harassment"), token)
        .await
        .json();
    assert_eq!(v["date"], "2030-01..2030-06");
    assert_eq!(v["date_start"], "2030-01-01");
    assert_eq!(v["date_end"], "2030-06-30");
    let v = app
        .get(
            &format!("/api/v1/cases/{CASE}/incidents/gazette-closed"),
            token,
        )
        .await
        .json();
    assert_eq!(v["evidence"][0]["name"], "closure-notice.txt");
    let r = app
        .get(
            &format!("/api/v1/cases/{CASE}/incidents/no-such-thing"),
            token,
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, None);
}

#[tokio::test]
async fn an_editor_creates_an_incident_that_search_finds() {
    let app = App::new().await;
    let editor = Some(app.tokens.editor.as_str());
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/cases/{CASE}/incidents"),
            editor,
            &new_incident("Organisers detained in Zembla Square"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let created = r.json();
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(
        id.starts_with("organisers-detained-in-zembla-square-"),
        "{id}"
    );
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        &format!("/api/v1/cases/{CASE}/incidents/{id}")
    );
    // Themes are normalised as the form does.
    assert_eq!(
        created["themes"],
        json!(["association", "peaceful_assembly"])
    );
    let fetched = app
        .get(&format!("/api/v1/cases/{CASE}/incidents/{id}"), editor)
        .await
        .json();
    assert_eq!(fetched, created);
    assert_eq!(
        app.incident_ids("?q=Zembla", editor).await,
        std::slice::from_ref(&id)
    );
    assert_eq!(
        app.incident_ids("?q=Zembla&theme=peaceful_assembly", editor)
            .await,
        [id]
    );

    // A chosen id, and Khmer text found by a word inside a sentence.
    let mut body = new_incident("សមាគមត្រូវបានរំលាយដោយក្រសួង");
    body["id"] = json!("khmer-association");
    body["summary"] = json!("ក្រសួងមហាផ្ទៃបានរំលាយសមាគមសង្គមស៊ីវិលមួយ");
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/cases/{CASE}/incidents"),
            editor,
            &body,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["id"], "khmer-association");
    assert_eq!(
        app.incident_ids(
            &format!(
                "?q={}",
                form_urlencoded::byte_serialize("សង្គមស៊ីវិល".as_bytes()).collect::<String>()
            ),
            editor
        )
        .await,
        ["khmer-association"]
    );
    // The same id again is refused, naming the field.
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/cases/{CASE}/incidents"),
            editor,
            &body,
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some("id"));
}

#[tokio::test]
async fn bad_incidents_are_422_naming_the_field() {
    let app = App::new().await;
    let editor = Some(app.tokens.editor.as_str());
    let path = format!("/api/v1/cases/{CASE}/incidents");
    let with = |field: &str, value: Value| {
        let mut b = new_incident("A valid title");
        b[field] = value;
        b
    };
    let without = |field: &str| {
        let mut b = new_incident("A valid title");
        b.as_object_mut().unwrap().remove(field);
        b
    };
    let cases = [
        (without("title"), "title"),
        (with("title", json!("   ")), "title"),
        (with("title", json!(5)), "title"),
        (without("date"), "date"),
        (with("date", json!("14 February")), "date"),
        (with("date", json!("2030-02-30")), "date"),
        (with("kind", json!("meeting")), "kind"),
        (with("id", json!("not an id!")), "id"),
        (with("id", json!("party-dissolved")), "id"),
        (with("sources", json!(["no-such-source"])), "sources[0]"),
        (with("sources", json!("monitor-report")), "sources"),
        (
            with("actors", json!([{"actor": "nobody", "role": "target"}])),
            "actors[0].actor",
        ),
        (
            with("actors", json!([{"actor": "interior", "role": "villain"}])),
            "actors[0].role",
        ),
        (
            with("actors", json!([{"actor": "interior"}])),
            "actors[0].role",
        ),
        (with("colour", json!("red")), "colour"),
    ];
    for (body, field) in cases {
        let r = app.send(Method::POST, &path, editor, &body).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
    for not_json in ["", "{", "{\"title\": \"x\"} trailing", "<xml/>"] {
        let r = app.call(Method::POST, &path, editor, Some(not_json)).await;
        assert_error(&r, StatusCode::BAD_REQUEST, None);
    }
    // Nothing was written.
    assert_eq!(app.incident_ids("", editor).await.len(), 3);
}

#[tokio::test]
async fn an_editor_replaces_an_incident_and_the_index_follows() {
    let app = App::new().await;
    let editor = Some(app.tokens.editor.as_str());
    let path = format!("/api/v1/cases/{CASE}/incidents/gazette-closed");
    let mut body = app.get(&path, editor).await.json();
    // What GET returns can be sent back, less the read-only fields.
    for read_only in ["date_precision", "date_start", "date_end", "evidence"] {
        body.as_object_mut().unwrap().remove(read_only);
    }
    body["title"] = json!("The Gazette shut by the Ministry of Information");
    body["date"] = json!("2030-03-05");
    let r = app.send(Method::PUT, &path, editor, &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = app.get(&path, editor).await.json();
    assert_eq!(
        v["title"],
        "The Gazette shut by the Ministry of Information"
    );
    assert_eq!(v["date_precision"], "day");
    // Evidence is not edited through the API and survives a replacement.
    assert_eq!(v["evidence"][0]["name"], "closure-notice.txt");
    assert_eq!(
        app.incident_ids("?q=Information", editor).await,
        ["gazette-closed"]
    );
    assert_eq!(
        app.incident_ids("?q=forced", editor).await,
        Vec::<String>::new()
    );

    let mut other = body.clone();
    other["id"] = json!("harassment");
    let r = app.send(Method::PUT, &path, editor, &other).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some("id"));
    let mut bad = body.clone();
    bad["kind"] = json!("festival");
    let r = app.send(Method::PUT, &path, editor, &bad).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some("kind"));
    let r = app
        .send(
            Method::PUT,
            &format!("/api/v1/cases/{CASE}/incidents/no-such-thing"),
            editor,
            &body,
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, None);
}

// --- Findings --------------------------------------------------------------------------------

#[tokio::test]
async fn findings_are_listed_and_filtered() {
    let app = App::new().await;
    let token = Some(app.tokens.viewer.as_str());
    let ids = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let base = format!("/api/v1/cases/{CASE}/findings");
    let r = app.get(&base, token).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        ids(r.json()),
        ["f-dissolution", "f-gazette", "f-surveillance"]
    );
    assert_eq!(
        ids(app
            .get(&format!("{base}?status=confirmed"), token)
            .await
            .json()),
        ["f-dissolution", "f-surveillance"]
    );
    assert_eq!(
        ids(app
            .get(&format!("{base}?incident=gazette-closed"), token)
            .await
            .json()),
        ["f-gazette"]
    );
    let r = app.get(&format!("{base}?status=approved"), token).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some("status"));

    let r = app.get(&format!("{base}/f-dissolution"), token).await;
    assert_eq!(
        r.json(),
        json!({
            "id": "f-dissolution",
            "incidents": ["party-dissolved"],
            "provision": "FPA Art. 3(1)",
            "verdict": "violation",
            "status": "confirmed",
            "rationale": "Dissolving a party by decree denies its members the right the Accord guarantees.",
            "author": "Research team",
            "reviewed_by": "Legal reviewer"
        })
    );
    assert_error(
        &app.get(&format!("{base}/f-nothing"), token).await,
        StatusCode::NOT_FOUND,
        None,
    );
}

#[tokio::test]
async fn a_draft_finding_confirmed_by_a_reviewer_changes_the_status() {
    let app = App::new().await;
    let t = &app.tokens;
    let base = format!("/api/v1/cases/{CASE}/findings");
    let r = app
        .send(
            Method::POST,
            &base,
            Some(&t.editor),
            &json!({
                "incidents": ["harassment"],
                "provision": "FPA Art. 3(2)",
                "verdict": "threat_of_violation",
                "rationale": "Following journalists threatens a free press."
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let f = r.json();
    let id = f["id"].as_str().unwrap().to_owned();
    assert_eq!(f["status"], "draft");
    assert_eq!(f["author"], "editor@example.org");
    assert_eq!(f["reviewed_by"], Value::Null);
    let location = format!("{base}/{id}");
    assert_eq!(r.headers.get(header::LOCATION).unwrap(), &location);
    assert_eq!(app.get(&location, Some(&t.editor)).await.json(), f);

    // A draft changes nothing.
    let status = format!("/api/v1/cases/{CASE}/status");
    let before = app.get(&status, Some(&t.viewer)).await.json();
    assert_eq!(before["provisions"][1]["status"], "concern");
    assert_eq!(
        before["mechanisms"][0]["findings"],
        json!(["f-dissolution"])
    );

    let r = app
        .send(
            Method::POST,
            &format!("{location}/status"),
            Some(&t.reviewer),
            &json!({"status": "confirmed"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["status"], "confirmed");
    assert_eq!(v["reviewed_by"], "reviewer@example.org");

    let after = app.get(&status, Some(&t.viewer)).await.json();
    assert_eq!(after["provisions"][1]["status"], "threatened");
    // Ordered by their incidents' dates: the surveillance began in January, before the
    // dissolution, so the mechanism is now triggered since then.
    assert_eq!(
        after["mechanisms"][0]["findings"],
        json!([id, "f-dissolution"])
    );
    assert_eq!(after["mechanisms"][0]["since"], "2030-01-01");
    assert_eq!(after["mechanisms"][0]["since_incident"], "harassment");
    // The search index knows the new verdict.
    assert_eq!(
        app.incident_ids(
            "?q=photographed&verdict=threat_of_violation",
            Some(&t.viewer)
        )
        .await,
        ["harassment"]
    );

    // Retracted, it no longer counts.
    let r = app
        .send(
            Method::POST,
            &format!("{location}/status"),
            Some(&t.owner),
            &json!({"status": "retracted"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let again = app.get(&status, Some(&t.viewer)).await.json();
    assert_eq!(again["provisions"][1]["status"], "concern");
    assert_eq!(
        app.incident_ids(
            "?q=photographed&verdict=threat_of_violation",
            Some(&t.viewer)
        )
        .await,
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn bad_findings_and_reviews_are_422_naming_the_field() {
    let app = App::new().await;
    let t = &app.tokens;
    let base = format!("/api/v1/cases/{CASE}/findings");
    let good = json!({
        "incidents": ["harassment"],
        "provision": "FPA Art. 3(2)",
        "verdict": "concern",
        "rationale": "Because."
    });
    let with = |field: &str, value: Value| {
        let mut b = good.clone();
        b[field] = value;
        b
    };
    for (body, field) in [
        (with("provision", json!("not a citation")), "provision"),
        (with("provision", json!("FPA Art. 99")), "provision"),
        (with("verdict", json!("guilty")), "verdict"),
        (with("incidents", json!([])), "incidents"),
        (
            with("incidents", json!(["harassment", "no-such-incident"])),
            "incidents[1]",
        ),
        (with("incidents", json!([7])), "incidents[0]"),
        (with("rationale", json!(" ")), "rationale"),
        (with("status", json!("confirmed")), "status"),
    ] {
        let r = app.send(Method::POST, &base, Some(&t.editor), &body).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
    let review = format!("{base}/f-gazette/status");
    for (body, field) in [
        (json!({"status": "approved"}), "status"),
        (json!({}), "status"),
        (json!({"status": "confirmed", "note": "x"}), "note"),
    ] {
        let r = app
            .send(Method::POST, &review, Some(&t.reviewer), &body)
            .await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
    let r = app
        .send(
            Method::POST,
            &format!("{base}/f-nothing/status"),
            Some(&t.reviewer),
            &json!({"status": "confirmed"}),
        )
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, None);
    // Nothing was written.
    assert_eq!(
        app.get(&base, Some(&t.viewer))
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        app.get(&format!("{base}/f-gazette"), Some(&t.viewer))
            .await
            .json()["status"],
        "draft"
    );
}

// --- Sources, history, evidence ------------------------------------------------------------

impl App {
    /// Send a request as built; the answer's exact bytes.
    async fn raw(&self, req: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        (status, headers, bytes.to_vec())
    }

    /// Upload `chunks` as one streamed body.
    async fn upload(&self, path: &str, token: Option<&str>, chunks: Vec<Vec<u8>>) -> Reply {
        let stream = futures_util::stream::iter(
            chunks
                .into_iter()
                .map(|c| Ok::<_, std::io::Error>(axum::body::Bytes::from(c))),
        );
        let mut req = Request::builder().method(Method::POST).uri(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let (status, headers, bytes) = self.raw(req.body(Body::from_stream(stream)).unwrap()).await;
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

#[tokio::test]
async fn an_upload_streams_and_the_download_returns_the_same_bytes() {
    let app = App::new().await;
    let editor = Some(app.tokens.editor.as_str());
    // 1 MiB in 64 KiB chunks, every byte value present.
    let chunks: Vec<Vec<u8>> = (0..16u8)
        .map(|k| (0..65_536u32).map(|i| (i as u8) ^ k).collect())
        .collect();
    let all: Vec<u8> = chunks.concat();
    let r = app
        .upload(
            &format!(
                "/api/v1/cases/{CASE}/incidents/harassment/evidence?file_name=clip.bin\
                 &captured_at=2030-02-01T10:00:00Z&captured_by=A.%20Monitor&method=download\
                 &source_url=https://example.org/clip"
            ),
            editor,
            chunks,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let v = r.json();
    let id = v["id"].as_str().unwrap().to_owned();
    assert_eq!(v["sha256"], sha256_hex(&all));
    assert_eq!(v["size"], json!(all.len()));
    assert_eq!(v["media_type"], "application/octet-stream");
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        &format!("/api/v1/cases/{CASE}/evidence/{id}")
    );

    let item = app
        .get(&format!("/api/v1/cases/{CASE}/evidence/{id}"), editor)
        .await
        .json();
    assert_eq!(item["sha256"], sha256_hex(&all));
    assert_eq!(item["incident"], "harassment");
    assert_eq!(item["file"], "clip.bin");
    assert_eq!(item["capture"]["captured_by"], "A. Monitor");
    assert_eq!(item["capture"]["captured_at"], "2030-02-01T10:00:00Z");
    assert_eq!(item["custody"][0]["action"], "received");
    assert_eq!(item["custody"][0]["by"], "editor@example.org");

    let (status, headers, bytes) = app
        .raw(
            Request::builder()
                .uri(format!("/api/v1/cases/{CASE}/evidence/{id}/file"))
                .header(
                    header::AUTHORIZATION,
                    format!("Bearer {}", app.tokens.viewer),
                )
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bytes, all);
    assert_eq!(headers.get("x-evidence-sha256").unwrap(), &sha256_hex(&all));
    assert_eq!(
        headers.get(header::CONTENT_TYPE).unwrap(),
        "application/octet-stream"
    );
    let item = app
        .get(&format!("/api/v1/cases/{CASE}/evidence/{id}"), editor)
        .await
        .json();
    let last = item["custody"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["action"], "downloaded");
    assert_eq!(last["by"], "viewer@example.org");

    // A working copy names its original, which records the derivation.
    let r = app
        .upload(
            &format!(
                "/api/v1/cases/{CASE}/incidents/harassment/evidence?file_name=clip-cut.bin\
                 &derived_from={id}&what=first%20ten%20seconds"
            ),
            editor,
            vec![all[..1000].to_vec()],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let copy = app
        .get(
            &format!(
                "/api/v1/cases/{CASE}/evidence/{}",
                r.json()["id"].as_str().unwrap()
            ),
            editor,
        )
        .await
        .json();
    assert_eq!(copy["derived_from"]["original"], json!(id));
    assert_eq!(copy["derived_from"]["what"], "first ten seconds");
    // Custody by hand; Accord's own events cannot be claimed.
    let custody = format!("/api/v1/cases/{CASE}/evidence/{id}/custody");
    let r = app
        .send(
            Method::POST,
            &custody,
            editor,
            &json!({"action": "handed_over"}),
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some("note"));
    let r = app
        .send(
            Method::POST,
            &custody,
            editor,
            &json!({"action": "verified"}),
        )
        .await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some("action"));
    let r = app
        .send(
            Method::POST,
            &custody,
            editor,
            &json!({"action": "handed_over", "note": "to the OHCHR"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let actions: Vec<String> = r.json()["custody"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        actions,
        ["received", "downloaded", "derived", "handed_over"]
    );
    let r = app
        .send(
            Method::POST,
            &custody,
            Some(&app.tokens.viewer),
            &json!({"action": "copied"}),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, None);
}

#[tokio::test]
async fn uploads_are_refused_by_role_incident_parameters_and_size() {
    let app = App::new().await;
    let t = &app.tokens;
    let up = |incident: &str, query: &str| {
        format!("/api/v1/cases/{CASE}/incidents/{incident}/evidence?{query}")
    };
    let file = || vec![b"some bytes".to_vec()];
    for (token, status) in [
        (Some(t.viewer.as_str()), StatusCode::FORBIDDEN),
        (Some(t.reviewer.as_str()), StatusCode::FORBIDDEN),
        (Some(t.outsider.as_str()), StatusCode::NOT_FOUND),
        (None, StatusCode::NOT_FOUND),
    ] {
        let r = app
            .upload(&up("harassment", "file_name=a.txt"), token, file())
            .await;
        assert_error(&r, status, None);
    }
    // Without a token, a published case asks for one.
    let r = app
        .upload(
            &format!("/api/v1/cases/{OPEN}/incidents/harassment/evidence?file_name=a.txt"),
            None,
            file(),
        )
        .await;
    assert_error(&r, StatusCode::UNAUTHORIZED, None);
    let editor = Some(t.editor.as_str());
    let r = app
        .upload(&up("no-such-incident", "file_name=a.txt"), editor, file())
        .await;
    assert_error(&r, StatusCode::NOT_FOUND, None);
    let r = app.upload(&up("harassment", ""), editor, file()).await;
    assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some("file_name"));
    let r = app
        .upload(
            &up("harassment", "file_name=a.txt&captured_at=yesterday"),
            editor,
            file(),
        )
        .await;
    assert_error(
        &r,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some("capture.captured_at"),
    );
    // An id the case has: 409.
    let ok = app
        .upload(
            &up("harassment", "file_name=a.txt&id=ev-one"),
            editor,
            file(),
        )
        .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    let again = app
        .upload(
            &up("harassment", "file_name=b.txt&id=ev-one"),
            editor,
            file(),
        )
        .await;
    assert_error(&again, StatusCode::CONFLICT, None);

    // Over the configured limit: 413, and nothing recorded.
    let small = accord_server::router(
        AppState::new(
            common::actions(app._dir.path(), app.store.clone(), None),
            ServerConfig {
                upload_limit: 1000,
                ..ServerConfig::default()
            },
        )
        .unwrap(),
    );
    let res = small
        .oneshot(
            Request::builder()
                .method(Method::POST)
                .uri(up("harassment", "file_name=big.bin"))
                .header(header::AUTHORIZATION, format!("Bearer {}", t.editor))
                .body(Body::from(vec![7u8; 5000]))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        app.store
            .evidence_of_incident(CASE, "harassment")
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn history_is_oldest_first_with_each_version_by_and_record() {
    let app = App::new().await;
    let editor = Some(app.tokens.editor.as_str());
    let path = format!("/api/v1/cases/{CASE}/incidents/harassment");
    let before = app.get(&path, editor).await.json();
    let r = app
        .send(
            Method::PUT,
            &path,
            editor,
            &json!({"title": "Journalists followed for months", "date": "2030-01..2030-06", "kind": "surveillance"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = app.get(&format!("{path}/history"), editor).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let versions = r.json();
    let versions = versions.as_array().unwrap();
    assert_eq!(versions.len(), 2, "{versions:?}");
    assert_eq!(versions[0]["version"], 1);
    assert_eq!(versions[1]["version"], 2);
    assert_eq!(versions[0]["record"]["title"], before["title"]);
    assert_eq!(
        versions[1]["record"]["title"],
        "Journalists followed for months"
    );
    assert_eq!(versions[1]["by"], "editor@example.org");
    assert!(versions[0]["at"].as_str().unwrap() <= versions[1]["at"].as_str().unwrap());
    // Findings keep their review decisions; sources their versions.
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/cases/{CASE}/findings/f-gazette/status"),
            Some(&app.tokens.reviewer),
            &json!({"status": "confirmed"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let f = app
        .get(
            &format!("/api/v1/cases/{CASE}/findings/f-gazette/history"),
            editor,
        )
        .await
        .json();
    let statuses: Vec<&str> = f
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["record"]["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["draft", "confirmed"]);
    // A record never written, or in a case the caller may not see: 404.
    for (p, token) in [
        (
            format!("/api/v1/cases/{CASE}/incidents/nothing/history"),
            editor,
        ),
        (
            format!("/api/v1/cases/{CASE}/sources/nothing/history"),
            editor,
        ),
        (
            format!("{path}/history"),
            Some(app.tokens.outsider.as_str()),
        ),
    ] {
        assert_error(&app.get(&p, token).await, StatusCode::NOT_FOUND, None);
    }
}

#[tokio::test]
async fn sources_are_added_once_and_checked() {
    let app = App::new().await;
    let editor = Some(app.tokens.editor.as_str());
    let base = format!("/api/v1/cases/{CASE}/sources");
    let r = app
        .send(
            Method::POST,
            &base,
            editor,
            &json!({
                "id": "ngo-report-2030", "title": "A report", "authors": ["A. Author"],
                "publisher": "An NGO", "date": "2030-05", "url": "https://example.org/r",
                "accessed": "2030-06-01"
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        &format!("{base}/ngo-report-2030")
    );
    let got = app.get(&format!("{base}/ngo-report-2030"), editor).await;
    assert_eq!(got.json()["date"], "2030-05");
    // The new source can be cited at once.
    let mut inc = new_incident("Cites the new report");
    inc["sources"] = json!(["ngo-report-2030"]);
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/cases/{CASE}/incidents"),
            editor,
            &inc,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let again = app
        .send(
            Method::POST,
            &base,
            editor,
            &json!({"id": "ngo-report-2030", "title": "Again"}),
        )
        .await;
    assert_error(&again, StatusCode::CONFLICT, None);
    for (body, field) in [
        (json!({"title": " "}), "title"),
        (json!({"title": "x", "url": "javascript:alert(1)"}), "url"),
        (json!({"title": "x", "date": "someday"}), "date"),
        (json!({"title": "x", "id": "not an id!"}), "id"),
        (json!({"title": "x", "colour": "red"}), "colour"),
    ] {
        let r = app.send(Method::POST, &base, editor, &body).await;
        assert_error(&r, StatusCode::UNPROCESSABLE_ENTITY, Some(field));
    }
    let r = app
        .send(
            Method::POST,
            &base,
            Some(&app.tokens.viewer),
            &json!({"title": "x"}),
        )
        .await;
    assert_error(&r, StatusCode::FORBIDDEN, None);
}

/// A published case of more sources than the list reads per page, most of them cited by no
/// incident behind a finding (so not in the cached case): each is listed in recorded order,
/// shown by id, and cited on its incident's page; a restricted one is none of these to readers
/// outside the case.
#[tokio::test]
async fn every_source_of_a_large_case_is_listed_shown_and_cited() {
    use accord_core::{Sensitivity, Source};
    const MANY: &str = "many-2031";
    let app = App::new().await;
    let mut case = bundle::read(&example_files()).unwrap().into_case();
    case.id = MANY.into();
    for i in 0..2_345 {
        case.sources.push(Source {
            id: format!("s-{i:04}"),
            title: format!("Numbered source {i}"),
            sensitivity: if i == 7 {
                Sensitivity::Restricted
            } else {
                Sensitivity::Public
            },
            ..Source::default()
        });
    }
    let mut cites = case.incidents[0].clone();
    cites.id = "cites-old".into();
    cites.sources = vec!["s-0100".into(), "s-2000".into(), "s-0007".into()];
    case.incidents.push(cites);
    let case = accord_core::validate(case).unwrap();
    app.store
        .import_case(&case, ImportMode::New, "test")
        .await
        .unwrap();
    app.store.set_published(MANY, true, "test").await.unwrap();
    let expected: Vec<String> = case
        .sources
        .iter()
        .filter(|s| s.id != "s-0007")
        .map(|s| s.id.clone())
        .collect();

    let list = app
        .get(&format!("/api/v1/cases/{MANY}/sources"), None)
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let listed: Vec<String> = list
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        listed, expected,
        "every visible source once, in recorded order"
    );

    let one = app
        .get(&format!("/api/v1/cases/{MANY}/sources/s-2000"), None)
        .await;
    assert_eq!(one.status, StatusCode::OK, "{}", one.body);
    assert_eq!(one.json()["title"], "Numbered source 2000");
    let hidden = app
        .get(&format!("/api/v1/cases/{MANY}/sources/s-0007"), None)
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);

    let page = app
        .get(&format!("/cases/{MANY}/sources/s-2000"), None)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Numbered source 2000"), "{}", page.body);
    let page = app
        .get(&format!("/cases/{MANY}/sources/s-0007"), None)
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);

    let incident = app
        .get(&format!("/cases/{MANY}/incidents/cites-old"), None)
        .await;
    assert_eq!(incident.status, StatusCode::OK);
    for shown in ["Numbered source 100", "Numbered source 2000"] {
        assert!(incident.body.contains(shown), "{shown}: {}", incident.body);
    }
    assert!(!incident.body.contains("Numbered source 7<"));
    assert!(!incident.body.contains("s-0007"));
}

#[tokio::test]
async fn the_new_endpoints_match_their_schemas() {
    let app = App::new().await;
    let doc = openapi(&app).await;
    let owner = Some(app.tokens.owner.as_str());
    let c = format!("/api/v1/cases/{CASE}");
    let r = app
        .send(
            Method::PUT,
            &format!("{c}/incidents/harassment"),
            owner,
            &json!({"title": "Changed", "date": "2030", "kind": "surveillance", "place": "Here"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = app
        .upload(
            &format!("{c}/incidents/harassment/evidence?file_name=a.txt&id=ev-a&note=n"),
            owner,
            vec![b"text".to_vec()],
        )
        .await;
    assert_matches_schema(
        &doc,
        "post",
        "/api/v1/cases/{id}/incidents/{incident}/evidence",
        &r,
    );
    let r = app
        .send(
            Method::POST,
            &format!("{c}/sources"),
            owner,
            &json!({"title": "T"}),
        )
        .await;
    assert_matches_schema(&doc, "post", "/api/v1/cases/{id}/sources", &r);
    for (template, path) in [
        (
            "/api/v1/cases/{id}/incidents/{incident}/history",
            format!("{c}/incidents/harassment/history"),
        ),
        (
            "/api/v1/cases/{id}/findings/{finding}/history",
            format!("{c}/findings/f-gazette/history"),
        ),
        (
            "/api/v1/cases/{id}/sources/{source}/history",
            format!("{c}/sources/monitor-report/history"),
        ),
        ("/api/v1/cases/{id}/sources", format!("{c}/sources")),
        ("/api/v1/cases/{id}/actors", format!("{c}/actors")),
        (
            "/api/v1/cases/{id}/actors/{actor}",
            format!("{c}/actors/interior"),
        ),
        (
            "/api/v1/cases/{id}/actors/{actor}",
            format!("{c}/actors/nobody"),
        ),
        (
            "/api/v1/cases/{id}/sources/{source}",
            format!("{c}/sources/monitor-report"),
        ),
        (
            "/api/v1/cases/{id}/evidence/{evidence}",
            format!("{c}/evidence/ev-a"),
        ),
        (
            "/api/v1/cases/{id}/evidence/{evidence}",
            format!("{c}/evidence/nothing"),
        ),
    ] {
        let r = app.get(&path, owner).await;
        assert_matches_schema(&doc, "get", template, &r);
    }
}

// --- Access ------------------------------------------------------------------------------------

/// Every endpoint, with a request that succeeds for the private case's owner.
fn endpoints(case: &str) -> Vec<(Method, String, Option<Value>)> {
    let c = format!("/api/v1/cases/{case}");
    vec![
        (Method::GET, c.clone(), None),
        (Method::GET, format!("{c}/status"), None),
        (Method::GET, format!("{c}/provisions"), None),
        (
            Method::GET,
            format!("{c}/provisions/FPA%20Art.%203(1)"),
            None,
        ),
        (Method::GET, format!("{c}/incidents"), None),
        (Method::GET, format!("{c}/incidents?q=Gazette"), None),
        (Method::GET, format!("{c}/incidents/party-dissolved"), None),
        (
            Method::POST,
            format!("{c}/incidents"),
            Some(new_incident("Another arrest")),
        ),
        (
            Method::PUT,
            format!("{c}/incidents/harassment"),
            Some(
                json!({"title": "Journalists followed", "date": "2030-01..2030-06", "kind": "surveillance"}),
            ),
        ),
        (Method::GET, format!("{c}/findings"), None),
        (Method::GET, format!("{c}/findings/f-gazette"), None),
        (
            Method::POST,
            format!("{c}/findings"),
            Some(
                json!({"incidents": ["harassment"], "provision": "FPA Art. 3(2)", "verdict": "concern", "rationale": "Because."}),
            ),
        ),
        (
            Method::POST,
            format!("{c}/findings/f-gazette/status"),
            Some(json!({"status": "confirmed"})),
        ),
        (Method::GET, format!("{c}/findings/f-gazette/history"), None),
        (Method::GET, format!("{c}/observations"), None),
        (
            Method::GET,
            format!("{c}/observations/o-fpa-3-1-2029"),
            None,
        ),
        (
            Method::POST,
            format!("{c}/observations"),
            Some(json!({"provision": "FPA Art. 9", "date": "2030-06", "score": 0})),
        ),
        (
            Method::POST,
            format!("{c}/observations/o-fpa-3-2-2030-06/status"),
            Some(json!({"status": "confirmed"})),
        ),
        (
            Method::GET,
            format!("{c}/incidents/harassment/history"),
            None,
        ),
        (Method::GET, format!("{c}/sources"), None),
        (
            Method::POST,
            format!("{c}/sources"),
            Some(json!({"title": "A new report", "url": "https://example.org/report"})),
        ),
        (Method::GET, format!("{c}/sources/monitor-report"), None),
        (Method::GET, format!("{c}/actors"), None),
        (Method::GET, format!("{c}/actors/interior"), None),
        // Search over every kind of record (issue 16 §2), and over one kind.
        (Method::GET, format!("{c}/search?q=Gazette"), None),
        (
            Method::GET,
            format!("{c}/search?q=interior&kind=actor"),
            None,
        ),
        // The example is set in 2030, after today: a deadline may lie ahead, a delivery may not.
        (
            Method::POST,
            format!("{c}/letters/appeal-2030/follow-through"),
            Some(
                json!({"kind": "deadline", "date": "2030-08-01", "asked": "Convene the parties."}),
            ),
        ),
        (
            Method::GET,
            format!("{c}/letters/appeal-2030/follow-through"),
            None,
        ),
        (Method::GET, format!("{c}/awaiting?as_of=2030-09-01"), None),
        // An incident's title in Khmer (issue 16 §2), then every record's languages.
        (
            Method::POST,
            format!("{c}/translations"),
            Some(
                json!({"kind": "incident", "id": "party-dissolved", "lang": "km",
                "fields": {"title": "គណបក្សប្រឆាំងត្រូវបានរំលាយ"}}),
            ),
        ),
        (Method::GET, format!("{c}/translations"), None),
        // ... its removal, and the language the incident was written in.
        (
            Method::DELETE,
            format!("{c}/translations"),
            Some(json!({"kind": "incident", "id": "party-dissolved", "lang": "km"})),
        ),
        (
            Method::PUT,
            format!("{c}/translations/original"),
            Some(json!({"kind": "incident", "id": "party-dissolved", "lang": "km"})),
        ),
        // A letter's version in Khmer (issue 16 §3), then its languages...
        (
            Method::PUT,
            format!("{c}/letters/appeal-2030/versions/km"),
            Some(json!({"title": "បណ្តឹង", "body": "យើងខ្ញុំសូមស្នើ។\n"})),
        ),
        (
            Method::GET,
            format!("{c}/letters/appeal-2030/versions"),
            None,
        ),
        // ...and removed again (nobody signed it; the handler reads no body).
        (
            Method::DELETE,
            format!("{c}/letters/appeal-2030/versions/km"),
            Some(json!({})),
        ),
        (
            Method::GET,
            format!("{c}/sources/monitor-report/history"),
            None,
        ),
        // The upload's body is the file (here a small JSON file); the two reads follow it.
        (
            Method::POST,
            format!("{c}/incidents/harassment/evidence?file_name=note.json&id=ev-note"),
            Some(json!({"note": "a file"})),
        ),
        (Method::GET, format!("{c}/evidence/ev-note"), None),
        (Method::GET, format!("{c}/evidence/ev-note/file"), None),
        (
            Method::POST,
            format!("{c}/evidence/ev-note/custody"),
            Some(json!({"action": "handed_over", "note": "to the Special Rapporteur"})),
        ),
    ]
}

#[tokio::test]
async fn a_private_case_is_404_to_anonymous_callers_and_outsiders_on_every_endpoint() {
    let app = App::new().await;
    let outsider = app.tokens.outsider.clone();
    for (method, path, body) in endpoints(CASE) {
        for token in [None, Some(outsider.as_str())] {
            let r = match &body {
                Some(b) => app.send(method.clone(), &path, token, b).await,
                None => app.get(&path, token).await,
            };
            assert_error(&r, StatusCode::NOT_FOUND, None);
            assert!(!r.body.contains(TITLE), "{method} {path}: {}", r.body);
            assert!(!r.body.contains("Freedonia"), "{method} {path}: {}", r.body);
        }
    }
    // A missing case answers the same.
    let missing = app.get("/api/v1/cases/no-such-case", None).await;
    let private = app.get(&format!("/api/v1/cases/{CASE}"), None).await;
    assert_eq!(missing.body, private.body);
    // Nothing was written.
    assert_eq!(
        app.store
            .case_summary(CASE)
            .await
            .unwrap()
            .unwrap()
            .incidents,
        3
    );
}

#[tokio::test]
async fn every_endpoint_works_for_the_owner() {
    let app = App::new().await;
    for (method, path, body) in endpoints(CASE) {
        let r = match &body {
            Some(b) => {
                app.send(method.clone(), &path, Some(&app.tokens.owner), b)
                    .await
            }
            None => app.get(&path, Some(&app.tokens.owner)).await,
        };
        // A translation is added or changed in place: 200, as a status change is.
        let expected = if method == Method::POST
            && !path.ends_with("/status")
            && !path.ends_with("/translations")
        {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        assert_eq!(r.status, expected, "{method} {path}: {}", r.body);
        r.json();
    }
}

#[tokio::test]
async fn roles_limit_writes() {
    let app = App::new().await;
    let t = &app.tokens;
    let c = format!("/api/v1/cases/{CASE}");
    let incident = new_incident("Yet another arrest");
    let finding = json!({"incidents": ["harassment"], "provision": "FPA Art. 3(2)", "verdict": "concern", "rationale": "Because."});
    let review = json!({"status": "confirmed"});
    let writes = [
        (
            Method::POST,
            format!("{c}/incidents"),
            &incident,
            [&t.reviewer, &t.viewer],
        ),
        (
            Method::PUT,
            format!("{c}/incidents/harassment"),
            &incident,
            [&t.reviewer, &t.viewer],
        ),
        (
            Method::POST,
            format!("{c}/findings"),
            &finding,
            [&t.reviewer, &t.viewer],
        ),
        (
            Method::POST,
            format!("{c}/findings/f-gazette/status"),
            &review,
            [&t.editor, &t.viewer],
        ),
    ];
    for (method, path, body, refused) in &writes {
        for token in refused {
            let r = app.send(method.clone(), path, Some(token), body).await;
            assert_error(&r, StatusCode::FORBIDDEN, None);
        }
        // The role check comes before the body is read: a bad body is still 403.
        let r = app
            .call(method.clone(), path, Some(refused[0]), Some("not json"))
            .await;
        assert_error(&r, StatusCode::FORBIDDEN, None);
    }
    // An administrator acts as an owner.
    let r = app
        .send(
            Method::POST,
            &format!("{c}/incidents"),
            Some(&t.admin),
            &incident,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // Nothing the refused callers sent was written.
    assert_eq!(
        app.store
            .case_summary(CASE)
            .await
            .unwrap()
            .unwrap()
            .incidents,
        4
    );
    let f = app
        .get(&format!("{c}/findings/f-gazette"), Some(&t.viewer))
        .await
        .json();
    assert_eq!(f["status"], "draft");
}

#[tokio::test]
async fn a_published_case_is_read_only_to_everyone_and_writes_need_a_token() {
    let app = App::new().await;
    let outsider = app.tokens.outsider.clone();
    // The evidence item the reads name, uploaded by an administrator (anyone may then read it).
    let r = app
        .upload(
            &format!(
                "/api/v1/cases/{OPEN}/incidents/harassment/evidence?file_name=note.json&id=ev-note&sensitivity=public"
            ),
            Some(&app.tokens.admin),
            vec![b"{}".to_vec()],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    for (method, path, body) in endpoints(OPEN) {
        match &body {
            None => {
                // The draft finding does not exist for readers outside the case (security
                // review finding 1); everything else of a published case reads.
                let expected = if path.contains("/findings/f-gazette") {
                    StatusCode::NOT_FOUND
                } else {
                    StatusCode::OK
                };
                for token in [None, Some(outsider.as_str())] {
                    let r = app.get(&path, token).await;
                    assert_eq!(r.status, expected, "{path}: {}", r.body);
                }
            }
            Some(b) => {
                let r = app.send(method.clone(), &path, None, b).await;
                assert_error(&r, StatusCode::UNAUTHORIZED, None);
                let r = app.send(method.clone(), &path, Some(&outsider), b).await;
                assert_error(&r, StatusCode::FORBIDDEN, None);
            }
        }
    }
}

#[tokio::test]
async fn a_bad_token_is_401_even_for_a_published_case() {
    let app = App::new().await;
    for path in ["/api/v1/cases".to_owned(), format!("/api/v1/cases/{OPEN}")] {
        let r = app.get(&path, Some("not-a-token")).await;
        assert_error(&r, StatusCode::UNAUTHORIZED, None);
    }
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/cases/{OPEN}/incidents"),
            Some("not-a-token"),
            &new_incident("x"),
        )
        .await;
    assert_error(&r, StatusCode::UNAUTHORIZED, None);
}

#[tokio::test]
async fn cookies_do_not_authenticate_the_api() {
    let app = App::new().await;
    // A real session cookie of the owner: the API ignores it, so the private case stays hidden.
    let user = app
        .store
        .user_by_email("owner@example.org")
        .await
        .unwrap()
        .unwrap()
        .0;
    let token = secrets::token().unwrap();
    app.store
        .create_session(&accord_store::NewSession {
            token_sha256: secrets::digest(&token),
            user_id: user.id,
            csrf: "x".repeat(32),
            expires_unix: i64::MAX,
        })
        .await
        .unwrap();
    let req = Request::builder()
        .uri(format!("/api/v1/cases/{CASE}"))
        .header(header::COOKIE, format!("accord_session={token}"))
        .body(Body::empty())
        .unwrap();
    let res = app.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // The HTML page with the same cookie shows the case, so the cookie itself is good.
    let req = Request::builder()
        .uri(format!("/cases/{CASE}"))
        .header(header::COOKIE, format!("accord_session={token}"))
        .body(Body::empty())
        .unwrap();
    let res = app.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let app = App::new().await;
    let owner = Some(app.tokens.owner.as_str());
    for path in [
        "/api/v2/cases",
        "/api/v1/cases/example-2030/letters",
        "/api/v1",
    ] {
        let r = app.get(path, owner).await;
        assert_error(&r, StatusCode::NOT_FOUND, None);
    }
    let r = app
        .call(
            Method::DELETE,
            &format!("/api/v1/cases/{CASE}/incidents/harassment"),
            owner,
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
}

// --- The OpenAPI document -------------------------------------------------------------------

/// What the router serves under `/api/v1`, as the brief lists it (OpenAPI path templates).
const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/v1/cases"),
    ("get", "/api/v1/cases/{id}"),
    ("get", "/api/v1/cases/{id}/status"),
    ("get", "/api/v1/cases/{id}/provisions"),
    ("get", "/api/v1/cases/{id}/provisions/{citation}"),
    ("get", "/api/v1/cases/{id}/incidents"),
    ("post", "/api/v1/cases/{id}/incidents"),
    ("get", "/api/v1/cases/{id}/incidents/{incident}"),
    ("put", "/api/v1/cases/{id}/incidents/{incident}"),
    ("get", "/api/v1/cases/{id}/findings"),
    ("post", "/api/v1/cases/{id}/findings"),
    ("get", "/api/v1/cases/{id}/findings/{finding}"),
    ("post", "/api/v1/cases/{id}/findings/{finding}/status"),
    ("get", "/api/v1/cases/{id}/findings/{finding}/history"),
    ("get", "/api/v1/cases/{id}/observations"),
    ("post", "/api/v1/cases/{id}/observations"),
    ("get", "/api/v1/cases/{id}/observations/{observation}"),
    (
        "post",
        "/api/v1/cases/{id}/observations/{observation}/status",
    ),
    ("get", "/api/v1/cases/{id}/incidents/{incident}/history"),
    ("get", "/api/v1/cases/{id}/sources"),
    ("post", "/api/v1/cases/{id}/sources"),
    ("get", "/api/v1/cases/{id}/sources/{source}"),
    ("get", "/api/v1/cases/{id}/sources/{source}/history"),
    ("post", "/api/v1/cases/{id}/incidents/{incident}/evidence"),
    ("get", "/api/v1/cases/{id}/evidence/{evidence}"),
    ("get", "/api/v1/cases/{id}/evidence/{evidence}/file"),
    ("post", "/api/v1/cases/{id}/evidence/{evidence}/custody"),
    ("get", "/api/v1/cases/{id}/actors"),
    ("get", "/api/v1/cases/{id}/actors/{actor}"),
    ("get", "/api/v1/cases/{id}/search"),
    ("get", "/api/v1/cases/{id}/letters/{letter}/follow-through"),
    ("post", "/api/v1/cases/{id}/letters/{letter}/follow-through"),
    ("get", "/api/v1/cases/{id}/letters/{letter}/versions"),
    ("put", "/api/v1/cases/{id}/letters/{letter}/versions/{lang}"),
    VERSION_DELETE,
    ("get", "/api/v1/cases/{id}/awaiting"),
    ("get", "/api/v1/cases/{id}/translations"),
    ("post", "/api/v1/cases/{id}/translations"),
    ("delete", "/api/v1/cases/{id}/translations"),
    ("put", "/api/v1/cases/{id}/translations/original"),
];

/// Removing a letter's version: the path names it, there is no body.
const VERSION_DELETE: (&str, &str) = (
    "delete",
    "/api/v1/cases/{id}/letters/{letter}/versions/{lang}",
);

/// The operations whose body is a file, not JSON: the upload takes one, the download returns one.
const FILE_UPLOAD: (&str, &str) = ("post", "/api/v1/cases/{id}/incidents/{incident}/evidence");
const FILE_DOWNLOAD: (&str, &str) = ("get", "/api/v1/cases/{id}/evidence/{evidence}/file");

async fn openapi(app: &App) -> Value {
    let r = app.get("/api/openapi.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers.get(header::CONTENT_TYPE).unwrap(),
        "application/json"
    );
    r.json()
}

/// The operations a document lists, as (method, path).
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in [
            "get", "put", "post", "delete", "patch", "head", "options", "trace",
        ] {
            if item.get(method).is_some() {
                out.insert((method.to_owned(), path.clone()));
            }
        }
    }
    out
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = App::new().await;
    let doc = openapi(&app).await;
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["title"], "Accord API");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    let bearer = &doc["components"]["securitySchemes"]["bearer"];
    assert_eq!(bearer["type"], "http");
    assert_eq!(bearer["scheme"], "bearer");

    // Every reference resolves, and operation ids are unique (clients name methods after them).
    let text = doc.to_string();
    for r in text.split("\"$ref\":\"").skip(1) {
        let name = r
            .split('"')
            .next()
            .unwrap()
            .trim_start_matches("#/components/schemas/");
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "dangling $ref {name}"
        );
    }
    let mut ids = BTreeSet::new();
    for (method, path) in operations(&doc) {
        let id = doc["paths"][&path][&method]["operationId"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(ids.insert(id.clone()), "operationId {id} is used twice");
    }

    let listed = operations(&doc);
    let expected: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(listed, expected);

    for (method, path) in &listed {
        let op = &doc["paths"][path][method];
        let here = format!("{method} {path}");
        // Every `{name}` in the path is a declared path parameter, and no other is.
        let in_path: BTreeSet<String> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .map(str::to_owned)
            .collect();
        let declared: BTreeSet<String> = op["parameters"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter(|p| p["in"] == "path")
                    .map(|p| p["name"].as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(in_path, declared, "{here}");
        // A success response with a JSON schema, and documented errors.
        // Adding or changing a translation answers 200, as a status change does.
        let success =
            if method == "post" && !path.ends_with("/status") && !path.ends_with("/translations") {
                "201"
            } else {
                "200"
            };
        let success_type = if (method.as_str(), path.as_str()) == FILE_DOWNLOAD {
            "application/octet-stream"
        } else {
            "application/json"
        };
        assert!(
            op["responses"][success]["content"][success_type]["schema"].is_object(),
            "{here}"
        );
        assert!(op["responses"]["401"].is_object(), "{here}");
        if path.contains("{id}") {
            assert!(op["responses"]["404"].is_object(), "{here}");
        }
        // Writes take a JSON body, need the bearer token, and may be refused by role; reads
        // work with or without a token.
        let security = op["security"].as_array().unwrap();
        if method == "get" {
            assert!(op.get("requestBody").is_none(), "{here}");
            assert_eq!(security.len(), 2, "{here}");
            assert!(security.contains(&json!({})), "{here}");
        } else {
            let body_type = if (method.as_str(), path.as_str()) == FILE_UPLOAD {
                "application/octet-stream"
            } else {
                "application/json"
            };
            // Removing a letter's version names it in the path and takes no body.
            let bodiless = (method.as_str(), path.as_str()) == VERSION_DELETE;
            assert_eq!(
                op["requestBody"]["content"][body_type]["schema"].is_object(),
                !bodiless,
                "{here}"
            );
            assert_eq!(security, &vec![json!({"bearer": []})], "{here}");
            assert!(op["responses"]["403"].is_object(), "{here}");
            assert!(op["responses"]["422"].is_object(), "{here}");
        }
    }
    // The timeline's filters are documented as query parameters.
    let query: BTreeSet<&str> = doc["paths"]["/api/v1/cases/{id}/incidents"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["in"] == "query")
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        query,
        [
            "actor", "from", "kind", "page", "per_page", "q", "theme", "to", "verdict"
        ]
        .into_iter()
        .collect()
    );
}

/// Every documented operation is served: with real ids it succeeds for the owner, and nothing
/// the document lists falls through to the router's "no such route" answer.
#[tokio::test]
async fn the_router_serves_every_documented_operation() {
    let app = App::new().await;
    let doc = openapi(&app).await;
    let requests = endpoints(CASE);
    let mut served = BTreeSet::new();
    for (method, path, body) in &requests {
        let r = match body {
            Some(b) => {
                app.send(method.clone(), path, Some(&app.tokens.owner), b)
                    .await
            }
            None => app.get(path, Some(&app.tokens.owner)).await,
        };
        assert!(r.status.is_success(), "{method} {path}: {}", r.body);
        // Which documented template this concrete path matches.
        let concrete: Vec<&str> = path.split('?').next().unwrap().split('/').collect();
        let template = operations(&doc)
            .into_iter()
            .find(|(m, t)| {
                let t: Vec<&str> = t.split('/').collect();
                *m == method.as_str().to_lowercase()
                    && t.len() == concrete.len()
                    && t.iter()
                        .zip(&concrete)
                        .all(|(a, b)| a.starts_with('{') || a == b)
            })
            .unwrap_or_else(|| panic!("{method} {path} is served but not documented"));
        served.insert(template);
    }
    // The owner's requests cover every documented operation, plus the case list.
    let r = app.get("/api/v1/cases", Some(&app.tokens.owner)).await;
    assert_eq!(r.status, StatusCode::OK);
    served.insert(("get".to_owned(), "/api/v1/cases".to_owned()));
    assert_eq!(served, operations(&doc));
}

// A small JSON-schema check, enough for what utoipa writes: `$ref`, `type` (one or a list),
// `properties`, `required`, `items`, `oneOf`/`anyOf`/`allOf`. Objects may not carry properties
// the schema does not declare, so a field added to a response but not to its schema fails.
fn check(doc: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/components/schemas/");
        let target = &doc["components"]["schemas"][name];
        if target.is_null() {
            return Err(format!("{at}: no schema {r}"));
        }
        return check(doc, target, value, at);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let ok = options
                .iter()
                .filter(|s| check(doc, s, value, at).is_ok())
                .count();
            let fine = if key == "oneOf" { ok == 1 } else { ok >= 1 };
            if !fine {
                return Err(format!("{at}: {value} matches {ok} of {key}"));
            }
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            check(doc, s, value, at)?;
        }
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => return Err(format!("{at}: odd type {t}")),
        };
        let matches = |ty: &str| match ty {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => false,
        };
        if !types.iter().any(|ty| matches(ty)) {
            return Err(format!("{at}: {value} is not {types:?}"));
        }
    }
    if let Some(obj) = value.as_object()
        && (schema.get("properties").is_some() || schema.get("type") == Some(&json!("object")))
    {
        let props = schema["properties"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for req in schema["required"].as_array().into_iter().flatten() {
            let req = req.as_str().unwrap();
            if !obj.contains_key(req) {
                return Err(format!("{at}: missing required {req}"));
            }
        }
        for (k, v) in obj {
            let Some(s) = props.get(k) else {
                return Err(format!("{at}: {k} is not in the schema"));
            };
            check(doc, s, v, &format!("{at}.{k}"))?;
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            check(doc, items, v, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// Check a real response against the schema the document gives for it.
#[track_caller]
fn assert_matches_schema(doc: &Value, method: &str, template: &str, r: &Reply) {
    let status = r.status.as_u16().to_string();
    let schema = &doc["paths"][template][method]["responses"][&status]["content"]["application/json"]
        ["schema"];
    assert!(
        schema.is_object(),
        "{method} {template} documents no {status} response"
    );
    if let Err(e) = check(doc, schema, &r.json(), "$") {
        panic!("{method} {template} {status}: {e}\n{}", r.body);
    }
}

#[tokio::test]
async fn the_schemas_match_real_responses() {
    let app = App::new().await;
    let doc = openapi(&app).await;
    let owner = Some(app.tokens.owner.as_str());
    let c = format!("/api/v1/cases/{CASE}");

    // The status contract, the one other tools rely on, first.
    let r = app.get(&format!("{c}/status"), owner).await;
    assert_matches_schema(&doc, "get", "/api/v1/cases/{id}/status", &r);
    let status_schema = &doc["components"]["schemas"]["CaseStatus"];
    let mech = &doc["components"]["schemas"]["MechanismStatus"];
    // The check is strict both ways: every field of the real response is declared...
    let real_fields: BTreeSet<String> = r.json()["mechanisms"][0]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let declared: BTreeSet<String> = mech["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(real_fields, declared);
    assert!(
        status_schema["required"]
            .as_array()
            .unwrap()
            .contains(&json!("mechanisms"))
    );
    // ...and a response with a field the schema lacks, or of the wrong type, fails it.
    let mut extra = r.json();
    extra["mechanisms"][0]["surprise"] = json!(1);
    assert!(check(&doc, status_schema, &extra, "$").is_err());
    let mut wrong = r.json();
    wrong["mechanisms"][0]["triggered"] = json!("yes");
    assert!(check(&doc, status_schema, &wrong, "$").is_err());
    let mut missing = r.json();
    missing.as_object_mut().unwrap().remove("provisions");
    assert!(check(&doc, status_schema, &missing, "$").is_err());

    let reads = [
        ("/api/v1/cases", "/api/v1/cases".to_owned()),
        ("/api/v1/cases/{id}", c.clone()),
        ("/api/v1/cases/{id}/provisions", format!("{c}/provisions")),
        (
            "/api/v1/cases/{id}/provisions/{citation}",
            format!("{c}/provisions/FPA%20Annex%201%20Art.%202"),
        ),
        ("/api/v1/cases/{id}/incidents", format!("{c}/incidents")),
        (
            "/api/v1/cases/{id}/incidents/{incident}",
            format!("{c}/incidents/gazette-closed"),
        ),
        ("/api/v1/cases/{id}/findings", format!("{c}/findings")),
        (
            "/api/v1/cases/{id}/findings/{finding}",
            format!("{c}/findings/f-gazette"),
        ),
        ("/api/v1/cases/{id}/search", format!("{c}/search?q=Gazette")),
        (
            "/api/v1/cases/{id}/search",
            format!("{c}/search?q=interior&kind=actor"),
        ),
        // Errors have their schema too.
        (
            "/api/v1/cases/{id}",
            "/api/v1/cases/no-such-case".to_owned(),
        ),
        (
            "/api/v1/cases/{id}/search",
            format!("{c}/search?q=x&kind=letter"),
        ),
        (
            "/api/v1/cases/{id}/incidents",
            format!("{c}/incidents?kind=picnic"),
        ),
    ];
    for (template, path) in reads {
        let r = app.get(&path, owner).await;
        assert_matches_schema(&doc, "get", template, &r);
    }
    let r = app
        .send(
            Method::POST,
            &format!("{c}/incidents"),
            owner,
            &new_incident("Schema check"),
        )
        .await;
    assert_matches_schema(&doc, "post", "/api/v1/cases/{id}/incidents", &r);
    let r = app
        .send(
            Method::POST,
            &format!("{c}/incidents"),
            owner,
            &json!({"title": "x"}),
        )
        .await;
    assert_matches_schema(&doc, "post", "/api/v1/cases/{id}/incidents", &r);
    let r = app
        .send(
            Method::POST,
            &format!("{c}/findings/f-gazette/status"),
            owner,
            &json!({"status": "confirmed"}),
        )
        .await;
    assert_matches_schema(
        &doc,
        "post",
        "/api/v1/cases/{id}/findings/{finding}/status",
        &r,
    );

    // What the document says a request body looks like is what the API accepts.
    let input = &doc["components"]["schemas"]["IncidentInput"];
    assert!(check(&doc, input, &new_incident("x"), "$").is_ok());
    let fields: BTreeSet<&str> = input["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        [
            "actors",
            "date",
            "id",
            "kind",
            "place",
            "restricted_to",
            "sensitivity",
            "sources",
            "summary",
            "themes",
            "title"
        ]
        .into_iter()
        .collect()
    );
}

#[tokio::test]
async fn an_upload_that_stops_half_way_is_refused_and_leaves_nothing() {
    let app = App::new().await;
    let editor = app.tokens.editor.clone();
    let path = format!("/api/v1/cases/{CASE}/incidents/party-dissolved/evidence?file_name=cut.bin");
    // The sender's connection breaks after 200 KiB: the body stream ends in an error.
    let stream = futures_util::stream::iter(vec![
        Ok::<_, std::io::Error>(axum::body::Bytes::from(vec![7u8; 100 * 1024])),
        Ok(axum::body::Bytes::from(vec![9u8; 100 * 1024])),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "the client went away",
        )),
    ]);
    let req = Request::builder()
        .method(Method::POST)
        .uri(&path)
        .header(header::AUTHORIZATION, format!("Bearer {editor}"))
        .body(Body::from_stream(stream))
        .unwrap();
    let (status, _, body) = app.raw(req).await;
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body.contains("stopped") && body.contains("nothing was kept"),
        "{body}"
    );
    // No record, and no file: neither a stored one nor a temporary one.
    let items = app
        .store
        .evidence_of_incident(CASE, "party-dissolved")
        .await
        .unwrap();
    assert!(items.is_empty(), "{items:?}");
    let mut files = Vec::new();
    let mut dirs = vec![app._dir.path().join("evidence")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                files.push(p);
            }
        }
    }
    assert!(files.is_empty(), "left behind: {files:?}");
    // The same file sent whole afterwards is received as usual.
    let r = app
        .upload(&path, Some(&editor), vec![vec![7u8; 100 * 1024]])
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
}
