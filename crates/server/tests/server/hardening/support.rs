//! A test app with a chosen configuration, and requests from a chosen peer address.

#![allow(dead_code, reason = "each group of tests uses a different subset")]

use std::net::SocketAddr;
use std::sync::Arc;

use accord_core::bundle;
use accord_search::SearchIndex;
use accord_server::ServerConfig;
use accord_store::{ImportMode, Store};
use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::common::{example_files, state};

/// The documented example case.
pub const CASE: &str = "example-2030";

pub struct TestApp {
    pub app: Router,
    pub store: Arc<dyn Store>,
    _dir: tempfile::TempDir,
}

/// An anonymous visitor's cookie and the CSRF token its forms carry.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub cookie: String,
    pub csrf: String,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

/// Where a request comes from: the socket's peer, and an `X-Forwarded-For` header.
#[derive(Debug, Clone, Copy, Default)]
pub struct Origin<'a> {
    pub peer: Option<&'a str>,
    pub forwarded_for: Option<&'a str>,
}

impl TestApp {
    pub async fn new(config: ServerConfig) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let store = accord_store::testing::fresh_store(dir.path())
            .await
            .unwrap();
        let case = bundle::read(&example_files()).unwrap();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let index = Arc::new(SearchIndex::in_memory().unwrap());
        accord_server::search_sync::rebuild(store.clone(), index.clone())
            .await
            .unwrap();
        let state = state(dir.path(), store.clone(), Some(index), config);
        TestApp {
            app: accord_server::router(state),
            store,
            _dir: dir,
        }
    }

    pub async fn user_with_password(&self, email: &str, password: &str) {
        let hash = accord_server::password::hash(password.to_owned())
            .await
            .unwrap();
        self.store.create_user(email, &hash, false).await.unwrap();
    }

    /// An anonymous visitor who has loaded the sign-in page (so holds the CSRF cookie).
    pub async fn visitor(&self) -> Visitor {
        let r = self
            .send(Request::get("/login").body(Body::empty()).unwrap())
            .await;
        let token = r
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix("accord_csrf="))
            .and_then(|c| c.split(';').next())
            .expect("an anonymous CSRF cookie")
            .to_owned();
        Visitor {
            cookie: format!("accord_csrf={token}"),
            csrf: token,
        }
    }

    /// A sign-in form post, as `visitor`, from `from`.
    pub fn login_request(
        visitor: &Visitor,
        fields: &[(&str, &str)],
        from: Origin<'_>,
    ) -> Request<Body> {
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("csrf", &visitor.csrf);
        for (k, v) in fields {
            form.append_pair(k, v);
        }
        let mut req = Request::builder()
            .method(Method::POST)
            .uri("/login")
            .header(header::COOKIE, &visitor.cookie)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(f) = from.forwarded_for {
            req = req.header("x-forwarded-for", f);
        }
        let mut req = req.body(Body::from(form.finish())).unwrap();
        if let Some(peer) = from.peer {
            let addr: SocketAddr = format!("{peer}:40000").parse().unwrap();
            req.extensions_mut().insert(ConnectInfo(addr));
        }
        req
    }

    pub async fn login(
        &self,
        visitor: &Visitor,
        fields: &[(&str, &str)],
        from: Origin<'_>,
    ) -> Reply {
        self.send(Self::login_request(visitor, fields, from)).await
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        reply(self.app.clone().oneshot(req).await.unwrap()).await
    }
}

pub async fn reply(res: axum::response::Response) -> Reply {
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}
