//! Page numbers from the query string never overflow: a page beyond any possible result is a
//! clear error naming `page` (422 in the API; on the HTML timeline the error is shown above the
//! first page, as for any bad filter).

use accord_server::ServerConfig;
use axum::http::StatusCode;

use crate::hardening::support::{CASE, TestApp};

/// Page numbers whose offset does not fit: `u64::MAX`, numbers that overflow only once
/// multiplied by the page size, and offsets beyond what the database can skip (`i64::MAX`).
fn hostile_pages(per_page: u64) -> Vec<u64> {
    vec![
        u64::MAX,
        (u64::MAX / per_page).saturating_add(2),
        i64::MAX.unsigned_abs() / per_page + 2,
    ]
}

async fn published_app() -> TestApp {
    let app = TestApp::new(ServerConfig::default()).await;
    app.store.set_published(CASE, true, "test").await.unwrap();
    app
}

#[tokio::test]
async fn the_timeline_refuses_a_page_beyond_any_result() {
    let app = published_app().await;
    for page in hostile_pages(50) {
        for q in ["", "&q=forced"] {
            let r = app
                .get(&format!("/cases/{CASE}/timeline?page={page}{q}"))
                .await;
            assert_eq!(r.status, StatusCode::OK, "page {page}: {}", r.body);
            assert!(
                r.body.contains("page"),
                "page {page}: the error names the parameter"
            );
            assert!(
                r.body.contains("must be a page number"),
                "page {page}: {}",
                r.body
            );
        }
    }
    // An ordinary page past the end is simply empty.
    let r = app.get(&format!("/cases/{CASE}/timeline?page=1000")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("must be a page number"));
}

#[tokio::test]
async fn the_api_refuses_a_page_beyond_any_result() {
    let app = published_app().await;
    for per_page in [1_u64, 50, 200] {
        for page in hostile_pages(per_page) {
            for q in ["", "&q=forced"] {
                let r = app
                    .get(&format!(
                        "/api/v1/cases/{CASE}/incidents?page={page}&per_page={per_page}{q}"
                    ))
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "page {page} per_page {per_page}{q}: {}",
                    r.body
                );
                let body: serde_json::Value = serde_json::from_str(&r.body).unwrap();
                assert_eq!(body["field"], "page", "{}", r.body);
            }
        }
    }
    // A page past the last incident is empty, up to the last page that can exist.
    for (page, per_page) in [(2, 200), (i64::MAX.unsigned_abs() + 1, 1)] {
        let r = app
            .get(&format!(
                "/api/v1/cases/{CASE}/incidents?page={page}&per_page={per_page}"
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("\"items\":[]"), "{}", r.body);
    }
}
