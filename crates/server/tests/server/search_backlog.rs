//! A server's own writes reach its search index through one indexing task
//! (`search_sync::follow` with a `Backlog`), not by each write committing the index: the write
//! returns once the store committed, the task indexes the writes in batches, and a search waits
//! for the writes made before it. What stays promised: whoever wrote finds what they wrote, every
//! write of a burst is found, and a write made elsewhere (another server, a command) is found
//! within 2 seconds.

use std::sync::Arc;
use std::time::{Duration, Instant};

use accord_actions::search::Backlog;
use accord_core::CaseRole;
use accord_core::bundle;
use accord_search::SearchIndex;
use accord_server::{AppState, ServerConfig, secrets};
use accord_store::{ImportMode, Store};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::common;

const CASE: &str = "example-2030";

struct App {
    app: Router,
    store: Arc<dyn Store>,
    index: Arc<SearchIndex>,
    backlog: Arc<Backlog>,
    token: String,
    _dir: tempfile::TempDir,
}

impl App {
    /// The example case, its index built, an editor's token, and actions that hand what they
    /// change to `backlog` (no indexing task runs yet: [`App::follow`] starts it).
    async fn new() -> App {
        let dir = tempfile::tempdir().unwrap();
        let store = accord_store::testing::fresh_store(dir.path())
            .await
            .unwrap();
        let case = bundle::read(&common::example_files()).unwrap();
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let user = store
            .create_user("editor@example.org", "unused", false)
            .await
            .unwrap();
        store
            .set_role(CASE, user.id, Some(CaseRole::Editor), "test")
            .await
            .unwrap();
        let token = secrets::token().unwrap();
        store
            .create_api_token(user.id, "test", &secrets::digest(&token))
            .await
            .unwrap();
        let index = Arc::new(SearchIndex::in_memory().unwrap());
        accord_server::search_sync::rebuild(store.clone(), index.clone())
            .await
            .unwrap();
        let backlog = Arc::new(Backlog::default());
        let actions = common::actions(dir.path(), store.clone(), Some(index.clone()))
            .with_index_backlog(backlog.clone());
        let state = AppState::new(actions, ServerConfig::default()).unwrap();
        App {
            app: accord_server::router(state),
            store,
            index,
            backlog,
            token,
            _dir: dir,
        }
    }

    /// Start the indexing task, following the log from its current size (as `accord serve`
    /// does once its index is in step).
    async fn follow(&self) -> tokio::task::JoinHandle<()> {
        let (size, _) = self.store.log_head().await.unwrap();
        let task = tokio::spawn(accord_server::search_sync::follow(
            self.store.clone(),
            self.index.clone(),
            size,
            None,
            self.backlog.clone(),
        ));
        while !self.backlog.running() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        task
    }

    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        call(&self.app, &self.token, method, path, body).await
    }

    /// How many incidents a search of the case finds.
    async fn found(&self, text: &str) -> u64 {
        let (status, v) = self
            .call(
                Method::GET,
                &format!("/api/v1/cases/{CASE}/incidents?q={text}&per_page=100"),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{v}");
        v["total"].as_u64().unwrap()
    }
}

async fn call(
    app: &Router,
    token: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    let body = match body {
        Some(b) => {
            req = req.header(header::CONTENT_TYPE, "application/json");
            Body::from(b.to_string())
        }
        None => Body::empty(),
    };
    let res = app.clone().oneshot(req.body(body).unwrap()).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let v = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, v)
}

fn incident(title: &str) -> Value {
    json!({"title": title, "date": "2030-03-01", "kind": "other", "sensitivity": "public"})
}

#[tokio::test]
async fn a_write_returns_before_the_index_commits_and_the_task_indexes_it() {
    let app = App::new().await;
    let before = app.index.doc_count();
    let (status, v) = app
        .call(
            Method::POST,
            &format!("/api/v1/cases/{CASE}/incidents"),
            Some(incident("Printing presses seized in the capital")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    let id = v["id"].as_str().unwrap().to_owned();
    // Stored, not yet indexed: the write did not commit the index; its incident waits in the
    // backlog for the task.
    assert_eq!(
        app.store
            .incidents(CASE, std::slice::from_ref(&id))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(app.index.doc_count(), before);
    // With no task running, a search does not wait for one (and does not find it yet).
    assert_eq!(app.found("presses").await, 0);
    let task = app.follow().await;
    // The search now waits for the write made before it, and finds it.
    assert_eq!(app.found("presses").await, 1);
    assert_eq!(app.index.doc_count(), before + 1);
    task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_write_of_a_burst_is_found_by_the_next_search() {
    let app = App::new().await;
    let task = app.follow().await;
    let mut writers = tokio::task::JoinSet::new();
    for k in 0..24 {
        let (router, token) = (app.app.clone(), app.token.clone());
        writers.spawn(async move {
            call(
                &router,
                &token,
                Method::POST,
                &format!("/api/v1/cases/{CASE}/incidents"),
                Some(incident(&format!("Burst {k}: newsroom raided by police"))),
            )
            .await
        });
    }
    while let Some(done) = writers.join_next().await {
        let (status, v) = done.unwrap();
        assert_eq!(status, StatusCode::CREATED, "{v}");
    }
    // At once, no polling: the search waits for the writes made before it.
    assert_eq!(app.found("newsroom").await, 24);
    // An update and a removal of the text are applied the same way.
    let (_, page) = app
        .call(
            Method::GET,
            &format!("/api/v1/cases/{CASE}/incidents?q=newsroom&per_page=1"),
            None,
        )
        .await;
    let id = page["items"][0]["id"].as_str().unwrap().to_owned();
    let (status, v) = app
        .call(
            Method::PUT,
            &format!("/api/v1/cases/{CASE}/incidents/{id}"),
            Some(incident("Broadcaster's licence withdrawn")),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(app.found("newsroom").await, 23);
    assert_eq!(app.found("licence").await, 1);
    task.abort();
}

#[tokio::test]
async fn a_write_made_elsewhere_is_found_within_two_seconds() {
    let app = App::new().await;
    let task = app.follow().await;
    // Straight into the store, as another server on the database (or a command) writes: no
    // backlog hears of it, only the log.
    let mut inc = app
        .store
        .incidents(CASE, &["harassment".to_owned()])
        .await
        .unwrap()
        .pop()
        .unwrap();
    inc.id = "written-elsewhere".into();
    inc.title = "Radio transmitter confiscated".into();
    app.store.save_incident(CASE, &inc, "other").await.unwrap();
    let written = Instant::now();
    loop {
        if app.found("transmitter").await == 1 {
            break;
        }
        assert!(
            written.elapsed() < Duration::from_secs(2),
            "not found 2 s after the write"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    task.abort();
}
