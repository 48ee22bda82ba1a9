//! A test app, users with sessions, and requests with cookies and CSRF tokens.

use std::sync::Arc;

use accord_core::CaseRole;
use accord_core::bundle;
use accord_search::SearchIndex;
use accord_server::{AppState, ServerConfig, secrets};
use accord_store::{Create, ImportMode, NewSession, Store};
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::common::example_files;

pub const CASE: &str = "example-2030";
pub const TITLE: &str = "Freedonia 2030: closing the civic space";

pub struct TestApp {
    pub app: Router,
    pub store: Arc<dyn Store>,
    pub index: Arc<SearchIndex>,
    /// The state behind `app` (for what it counts, such as letters rendered).
    pub state: AppState,
    /// The database's URL: SQLite, or PostgreSQL when the environment asks for it (for tests
    /// that must reach below the store).
    pub db: String,
    _dir: tempfile::TempDir,
}

/// Someone making requests: their cookies and the CSRF token their forms carry.
#[derive(Debug, Clone, Default)]
pub struct Who {
    pub cookie: Option<String>,
    pub csrf: String,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body's exact bytes (downloads).
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let db = accord_store::testing::fresh_url(dir.path()).await.unwrap();
        let store = accord_store::open(&db, Create::IfMissing).await.unwrap();
        let case = bundle::read(&example_files()).unwrap();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let index = Arc::new(SearchIndex::in_memory().unwrap());
        accord_server::search_sync::rebuild(store.clone(), index.clone())
            .await
            .unwrap();
        let actions = crate::common::actions(dir.path(), store.clone(), Some(index.clone()));
        let state = AppState::new(actions, ServerConfig::default()).unwrap();
        TestApp {
            app: accord_server::router(state.clone()),
            store,
            index,
            state,
            db,
            _dir: dir,
        }
    }

    /// A user with a live session (created through the store: sign-in itself is tested in `auth`).
    pub async fn user(&self, email: &str, admin: bool, role: Option<CaseRole>) -> Who {
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
        let csrf = secrets::token().unwrap();
        self.store
            .create_session(&NewSession {
                token_sha256: secrets::digest(&token),
                user_id: user.id,
                csrf: csrf.clone(),
                expires_unix: i64::MAX,
            })
            .await
            .unwrap();
        Who {
            cookie: Some(format!("accord_session={token}")),
            csrf,
        }
    }

    /// An API token for an existing user (to compare the API with the forms).
    pub async fn api_token(&self, email: &str) -> String {
        let (user, _) = self.store.user_by_email(email).await.unwrap().unwrap();
        let token = secrets::token().unwrap();
        self.store
            .create_api_token(user.id, "test", &secrets::digest(&token))
            .await
            .unwrap();
        token
    }

    /// An anonymous visitor who has loaded a page (so holds the anonymous CSRF cookie).
    pub async fn visitor(&self) -> Who {
        let r = self.get("/login", &Who::default()).await;
        let set = r
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("accord_csrf="))
            .expect("an anonymous CSRF cookie");
        let token = set
            .trim_start_matches("accord_csrf=")
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        // Pages carry the token masked anew each time, so only its field is looked for.
        assert!(
            r.body.contains("name=\"csrf\""),
            "the login form carries a token"
        );
        Who {
            cookie: Some(format!("accord_csrf={token}")),
            csrf: token,
        }
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        who: &Who,
        form: Option<&[(&str, &str)]>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(c) = &who.cookie {
            req = req.header(header::COOKIE, c);
        }
        let body = match form {
            Some(fields) => {
                req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                let mut s = form_urlencoded::Serializer::new(String::new());
                for (k, v) in fields {
                    s.append_pair(k, v);
                }
                Body::from(s.finish())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).unwrap()).await
    }

    /// Send a request as built, and read the whole answer.
    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str, who: &Who) -> Reply {
        self.request(Method::GET, path, who, None).await
    }

    /// A form post with the right CSRF token.
    pub async fn post(&self, path: &str, who: &Who, fields: &[(&str, &str)]) -> Reply {
        let mut all = vec![("csrf", who.csrf.as_str())];
        all.extend_from_slice(fields);
        self.request(Method::POST, path, who, Some(&all)).await
    }
}
