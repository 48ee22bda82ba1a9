//! Static assets compiled into the binary: the stylesheet, htmx (from its npm package) and the
//! upload form's progress script.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

include!(concat!(env!("OUT_DIR"), "/htmx.rs"));

const CSS: &str = include_str!("../assets/accord.css");
const UPLOAD_JS: &str = include_str!("../assets/upload.js");

fn asset(content_type: &'static str, body: &'static [u8]) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Assets change only with the binary; a day is a fair trade between speed and updates.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    r
}

pub async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS.as_bytes())
}

pub async fn upload_js() -> Response {
    asset("text/javascript; charset=utf-8", UPLOAD_JS.as_bytes())
}

pub async fn htmx() -> Response {
    match HTMX {
        Some(js) => asset("text/javascript; charset=utf-8", js),
        None => (StatusCode::NOT_FOUND, "htmx is not built into this binary").into_response(),
    }
}

/// Whether pages should load htmx.
pub fn have_htmx() -> bool {
    HTMX.is_some()
}
