//! CSRF for multipart uploads, without reading the upload first.
//!
//! The auth layer checks every state-changing browser request by reading its form body (at most
//! 2 MiB) for the `csrf` field. An evidence upload is `multipart/form-data` and may be gigabytes:
//! it must stream to the blob store as it arrives, so its body cannot be read before the handler
//! runs. A multipart form therefore carries its token outside the body: in its action's query
//! string (`action="…/evidence?csrf=TOKEN"`, which a plain HTML form does without JavaScript) or
//! in an `X-CSRF-Token` header (for scripts).
//!
//! This layer runs just outside the auth layer. For a multipart request it sets the body aside,
//! unread, and hands the auth layer a one-field form holding the token it found (or none). The
//! auth layer then makes its usual check — the same comparison, the same 403 — and only a request
//! that passes reaches a handler, which takes the original body back with [`StreamedMultipart`].
//! No route can read a multipart body any other way, so none can skip the check.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppError;

/// The header a script may send the token in, instead of the query string.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A multipart body set aside while the auth layer checks the token, with the headers that
/// describe it (content type with its boundary, and length).
#[derive(Clone)]
struct SetAside(Arc<Mutex<Option<Original>>>);

struct Original {
    body: Body,
    content_type: HeaderValue,
    content_length: Option<HeaderValue>,
}

fn is_multipart(v: &HeaderValue) -> bool {
    v.to_str().is_ok_and(|s| {
        s.trim_start()
            .to_ascii_lowercase()
            .starts_with("multipart/form-data")
    })
}

/// The token a multipart request carries: `csrf` in the query string, else the header.
fn token_of(req: &Request) -> String {
    let from_query = req.uri().query().and_then(|q| {
        form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.into_owned())
    });
    from_query
        .or_else(|| {
            req.headers()
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_default()
}

pub async fn layer(req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let browser = !req.uri().path().starts_with("/api/");
    let content_type = req.headers().get(header::CONTENT_TYPE).cloned();
    let Some(content_type) = content_type.filter(|v| unsafe_method && browser && is_multipart(v))
    else {
        return next.run(req).await;
    };
    let token = token_of(&req);
    let (mut parts, body) = req.into_parts();
    let original = Original {
        body,
        content_type,
        content_length: parts.headers.get(header::CONTENT_LENGTH).cloned(),
    };
    let form = form_urlencoded::Serializer::new(String::new())
        .append_pair("csrf", &token)
        .finish();
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-www-form-urlencoded"),
    );
    parts
        .headers
        .insert(header::CONTENT_LENGTH, form.len().into());
    parts
        .extensions
        .insert(SetAside(Arc::new(Mutex::new(Some(original)))));
    next.run(Request::from_parts(parts, Body::from(form))).await
}

/// The multipart body of a request that passed the CSRF check, still unread (the last extractor
/// of an upload handler).
#[derive(Debug)]
pub struct StreamedMultipart(pub Multipart);

impl<S: Send + Sync> FromRequest<S> for StreamedMultipart {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, _token_form) = req.into_parts();
        let set_aside = parts
            .extensions
            .remove::<SetAside>()
            .and_then(|s| s.0.lock().ok().and_then(|mut b| b.take()));
        let Some(original) = set_aside else {
            return Err(AppError::BadRequest(
                "send the file as a multipart/form-data form".into(),
            ));
        };
        parts
            .headers
            .insert(header::CONTENT_TYPE, original.content_type);
        match original.content_length {
            Some(len) => parts.headers.insert(header::CONTENT_LENGTH, len),
            None => parts.headers.remove(header::CONTENT_LENGTH),
        };
        Multipart::from_request(Request::from_parts(parts, original.body), state)
            .await
            .map(StreamedMultipart)
            .map_err(|e| AppError::BadRequest(e.body_text()))
    }
}
