//! The status "as of" a day (issue 14 §2): the API's `?as_of=`, the dashboard's and the provision
//! page's date form, on the reference case (`data/cases/cambodia-2017`) and on the example case
//! (`docs/examples/minimal-case`).
//!
//! `App` is shared with `observations.rs`: a case imported from a bundle directory, published or
//! not, users with a role in it, each with a session (for pages and forms) and an API token.

use std::sync::Arc;

use accord_core::CaseRole;
use accord_core::bundle;
use accord_server::views::CaseStatusView;
use accord_server::{AppState, ServerConfig, secrets};
use accord_store::{ImportMode, NewSession, Store};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use crate::common::{bundle_files, repo};

pub const REFERENCE: &str = "cambodia-2017";
pub const EXAMPLE: &str = "example-2030";

pub struct App {
    pub app: Router,
    pub store: Arc<dyn Store>,
    pub case: &'static str,
    _dir: tempfile::TempDir,
}

/// Someone calling: a session cookie with its CSRF token, and an API token; or nobody.
#[derive(Debug, Clone, Default)]
pub struct Who {
    pub cookie: Option<String>,
    pub csrf: String,
    pub token: Option<String>,
}

pub struct Reply {
    pub status: StatusCode,
    /// The `Location` header, or "".
    pub location: String,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

impl App {
    /// The reference case (private) or the example case, from their bundle directories.
    pub async fn new(case: &'static str) -> App {
        let dir = tempfile::tempdir().unwrap();
        let store = accord_store::testing::fresh_store(dir.path())
            .await
            .unwrap();
        let root = match case {
            REFERENCE => "data/cases/cambodia-2017",
            _ => "docs/examples/minimal-case",
        };
        let bundle = bundle::read(&bundle_files(&repo(root))).unwrap();
        assert_eq!(bundle.id, case);
        store
            .import_case(&bundle, ImportMode::New, "test")
            .await
            .unwrap();
        let actions = crate::common::actions(dir.path(), store.clone(), None);
        let state = AppState::new(actions, ServerConfig::default()).unwrap();
        App {
            app: accord_server::router(state),
            store,
            case,
            _dir: dir,
        }
    }

    /// A user with this role in the case (or none), signed in, with an API token.
    pub async fn user(&self, email: &str, role: Option<CaseRole>) -> Who {
        let user = self
            .store
            .create_user(email, "unused", false)
            .await
            .unwrap();
        if let Some(r) = role {
            self.store
                .set_role(self.case, user.id, Some(r), "test")
                .await
                .unwrap();
        }
        let session = secrets::token().unwrap();
        let csrf = secrets::token().unwrap();
        self.store
            .create_session(&NewSession {
                token_sha256: secrets::digest(&session),
                user_id: user.id,
                csrf: csrf.clone(),
                expires_unix: i64::MAX,
            })
            .await
            .unwrap();
        let token = secrets::token().unwrap();
        self.store
            .create_api_token(user.id, "test", &secrets::digest(&token))
            .await
            .unwrap();
        Who {
            cookie: Some(format!("accord_session={session}")),
            csrf,
            token: Some(token),
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let location = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            location,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// A page, with the session.
    pub async fn page(&self, path: &str, who: &Who) -> Reply {
        let mut req = Request::builder().uri(path);
        if let Some(c) = &who.cookie {
            req = req.header(header::COOKIE, c);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    /// A form post, with the session and its CSRF token.
    pub async fn form(&self, path: &str, who: &Who, fields: &[(&str, &str)]) -> Reply {
        let mut s = form_urlencoded::Serializer::new(String::new());
        s.append_pair("csrf", &who.csrf);
        for (k, v) in fields {
            s.append_pair(k, v);
        }
        let mut req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(c) = &who.cookie {
            req = req.header(header::COOKIE, c);
        }
        self.send(req.body(Body::from(s.finish())).unwrap()).await
    }

    /// An API call, with the token.
    pub async fn api(&self, method: Method, path: &str, who: &Who, body: Option<&Value>) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = &who.token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let body = match body {
            Some(b) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(b.to_string())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).unwrap()).await
    }

    pub async fn api_get(&self, path: &str, who: &Who) -> Reply {
        self.api(Method::GET, path, who, None).await
    }
}

/// A mechanism of the API's status as of `day`.
async fn mechanism(app: &App, who: &Who, citation: &str, day: &str) -> Value {
    let r = app
        .api_get(
            &format!("/api/v1/cases/{}/status?as_of={day}", app.case),
            who,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["as_of"], day);
    v["mechanisms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["citation"] == citation)
        .unwrap_or_else(|| panic!("no mechanism {citation}"))
        .clone()
}

#[tokio::test]
async fn the_api_status_of_the_reference_case_as_of_a_day() {
    let app = App::new(REFERENCE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let before = mechanism(&app, &viewer, "ACPS Art. 29", "2017-01-31").await;
    assert_eq!(before["triggered"], false, "{before}");
    assert_eq!(before["findings"], serde_json::json!([]));
    let after = mechanism(&app, &viewer, "ACPS Art. 29", "2017-02-01").await;
    assert_eq!(after["triggered"], true, "{after}");
    assert_eq!(after["since"], "2017-02-01");
    assert_eq!(after["since_incident"], "lpp-amendments-2017-02");

    // The same JSON as `accord case status --as-of --json` computes from the whole case.
    let day = accord_core::Day::parse("2017-02-01").unwrap();
    let case = app.store.load_case(REFERENCE).await.unwrap().unwrap();
    let then = accord_core::as_of(&case, day);
    let cli = serde_json::to_value(
        CaseStatusView::new(REFERENCE, &accord_core::evaluate(&then)).as_of(day),
    )
    .unwrap();
    let r = app
        .api_get(
            &format!("/api/v1/cases/{REFERENCE}/status?as_of=2017-02-01"),
            &viewer,
        )
        .await;
    assert_eq!(r.json(), cli);

    // Without a day, the contract is unchanged: no `as_of`.
    let now = app
        .api_get(&format!("/api/v1/cases/{REFERENCE}/status"), &viewer)
        .await
        .json();
    assert!(now.get("as_of").is_none(), "{now}");
}

#[tokio::test]
async fn the_api_provisions_as_of_a_day() {
    let app = App::new(EXAMPLE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let one =
        |day: &str| format!("/api/v1/cases/{EXAMPLE}/provisions/FPA%20Art.%203(1)?as_of={day}");
    let r = app.api_get(&one("2030-02-13"), &viewer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let p = r.json();
    assert_eq!(
        (p["status"].as_str(), p["as_of"].as_str()),
        (Some("none"), Some("2030-02-13"))
    );
    assert_eq!(p["findings"], serde_json::json!([]));
    let p = app.api_get(&one("2030-02-14"), &viewer).await.json();
    assert_eq!(p["status"], "violated");
    assert_eq!(p["findings"], serde_json::json!(["f-dissolution"]));

    let list = app
        .api_get(
            &format!("/api/v1/cases/{EXAMPLE}/provisions?as_of=2030-02-13"),
            &viewer,
        )
        .await
        .json();
    // The surveillance (January to June 2030) may have begun by then; the dissolution had not.
    let states: Vec<(&str, &str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["citation"].as_str().unwrap(),
                p["status"].as_str().unwrap(),
                p["as_of"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("FPA Art. 3(1)", "none", "2030-02-13"),
            ("FPA Art. 3(2)", "concern", "2030-02-13"),
            ("FPA Art. 9", "none", "2030-02-13"),
            ("FPA Annex 1 Art. 2", "none", "2030-02-13"),
        ]
    );
    let now = app
        .api_get(&format!("/api/v1/cases/{EXAMPLE}/provisions"), &viewer)
        .await
        .json();
    assert!(now[0].get("as_of").is_none(), "{now}");
}

#[tokio::test]
async fn a_bad_as_of_is_422_naming_the_parameter() {
    let app = App::new(EXAMPLE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    for path in [
        format!("/api/v1/cases/{EXAMPLE}/status"),
        format!("/api/v1/cases/{EXAMPLE}/provisions"),
        format!("/api/v1/cases/{EXAMPLE}/provisions/FPA%20Art.%209"),
    ] {
        for bad in ["2030-02-30", "2030-02", "soon"] {
            let r = app.api_get(&format!("{path}?as_of={bad}"), &viewer).await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path}?as_of={bad}: {}",
                r.body
            );
            let v = r.json();
            assert_eq!(v["field"], "as_of", "{}", r.body);
            assert!(v["error"].as_str().unwrap().contains(bad), "{}", r.body);
        }
    }
    // A private case stays 404 to an outsider, whatever the date.
    let outsider = app.user("outsider@example.org", None).await;
    let r = app
        .api_get(
            &format!("/api/v1/cases/{EXAMPLE}/status?as_of=2030-02-30"),
            &outsider,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
}

#[tokio::test]
async fn the_dashboard_as_of_a_day_works_without_javascript() {
    let app = App::new(REFERENCE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let page = |q: &'static str| {
        let app = &app;
        let viewer = &viewer;
        async move { app.page(&format!("/cases/{REFERENCE}{q}"), viewer).await }
    };
    // The form is a plain GET form: its submission is this URL.
    let today = page("").await;
    assert_eq!(today.status, StatusCode::OK);
    assert!(
        today.body.contains(&format!(
            "<form class=\"filters as-of\" method=\"get\" action=\"/cases/{REFERENCE}\">"
        )) && today.body.contains("name=\"as_of\" type=\"date\""),
        "{}",
        today.body
    );
    let before = page("?as_of=2017-01-31").await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(
        before
            .body
            .contains("The status as it stood on 31 January 2017"),
        "{}",
        before.body
    );
    assert!(before.body.contains("value=\"2017-01-31\""));
    assert!(
        !before.body.contains("s-triggered\">Triggered"),
        "{}",
        before.body
    );
    let after = page("?as_of=2017-02-01").await;
    assert!(
        after
            .body
            .contains("s-triggered\">Triggered</span> since 1 February 2017"),
        "{}",
        after.body
    );
    // Links to provisions keep the day.
    assert!(
        after.body.contains("?as_of=2017-02-01\">ACPS"),
        "{}",
        after.body
    );
    // An empty field is today's status; a date the form cannot send is said beside the form.
    let empty = page("?as_of=").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(
        empty
            .body
            .contains("Triggered</span> since 1 February 2017")
    );
    let bad = page("?as_of=2017-02-30").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"as_of-error\""), "{}", bad.body);
    assert!(
        bad.body
            .contains("as_of: &quot;2017-02-30&quot; is not a date"),
        "{}",
        bad.body
    );
}

#[tokio::test]
async fn the_provision_page_as_of_a_day() {
    let app = App::new(EXAMPLE).await;
    let viewer = app.user("viewer@example.org", Some(CaseRole::Viewer)).await;
    let path = format!("/cases/{EXAMPLE}/provisions/FPA%20Art.%203(1)");
    let before = app.page(&format!("{path}?as_of=2030-02-13"), &viewer).await;
    assert_eq!(before.status, StatusCode::OK, "{}", before.body);
    assert!(before.body.contains("badge s-none"), "{}", before.body);
    assert!(
        before
            .body
            .contains("Confirmed findings as of 13 February 2030")
    );
    let on = app.page(&format!("{path}?as_of=2030-02-14"), &viewer).await;
    assert!(on.body.contains("badge s-violated"), "{}", on.body);
    let bad = app.page(&format!("{path}?as_of=14/02/2030"), &viewer).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"as_of-error\""));
}
