//! The exact bytes of an evidence file, streamed, for the page's download link and the API.
//!
//! Evidence is whatever someone uploaded, so it is never rendered as a page of this site: only
//! raster images keep their sniffed type (and may show inline); everything else — HTML, SVG,
//! PDF, text — is `application/octet-stream` as an attachment, with `nosniff`, so a browser saves
//! it instead of running it. Each download is recorded in the item's chain of custody.

use accord_core::CustodyAction;
use axum::body::Body;
use axum::http::{HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use tokio_util::io::ReaderStream;

use crate::auth::Viewer;
use crate::{AppError, AppState};

/// Types a browser shows as a picture and nothing else (no SVG: it can carry script).
const INLINE_IMAGES: [&str; 6] = [
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
];

/// Stream an item's bytes, logging a `downloaded` custody event. A `HEAD` request gets the
/// headers only and is not a download: nothing is opened or logged. Access to the case is the
/// caller's to check first.
pub(crate) async fn response(
    state: &AppState,
    viewer: &Viewer,
    method: &Method,
    case: &str,
    id: &str,
) -> Result<Response, AppError> {
    let (ev, size, body) = if method == Method::HEAD {
        let ev = state
            .store
            .evidence(case, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let size = ev.size;
        (ev, size, Body::empty())
    } else {
        let (ev, blob) = state
            .actions
            .open_evidence(case, id, &viewer.audit_name(), CustodyAction::Downloaded)
            .await?;
        (
            ev,
            blob.size,
            Body::from_stream(ReaderStream::new(blob.reader)),
        )
    };
    let name = ev.file.rsplit('/').next().unwrap_or(&ev.file);
    let image = INLINE_IMAGES.contains(&ev.media_type.as_str());
    let (content_type, disposition) = if image {
        (ev.media_type.as_str(), "inline")
    } else {
        ("application/octet-stream", "attachment")
    };
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream")),
        ),
        (
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&content_disposition(disposition, name))
                .unwrap_or(HeaderValue::from_static("attachment")),
        ),
        (header::CONTENT_LENGTH, HeaderValue::from(size)),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        // Every download is a custody event: no cache may answer in the server's place.
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
        (
            header::HeaderName::from_static("x-evidence-sha256"),
            HeaderValue::from_str(&ev.sha256).unwrap_or(HeaderValue::from_static("")),
        ),
    ];
    Ok((headers, body).into_response())
}

/// `attachment; filename="a_b.pdf"; filename*=UTF-8''a%20b.pdf`: a plain ASCII name for old
/// clients and the exact name, percent-encoded (RFC 6266, RFC 8187), for the others.
pub(crate) fn content_disposition(disposition: &str, name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' && c != '%' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn file_names_cannot_break_the_header() {
        for (name, expected) in [
            (
                "photo.jpg",
                "attachment; filename=\"photo.jpg\"; filename*=UTF-8''photo.jpg",
            ),
            (
                "a \"b\".html",
                "attachment; filename=\"a _b_.html\"; filename*=UTF-8''a%20%22b%22.html",
            ),
            (
                "សមាគម.pdf",
                "attachment; filename=\"_____.pdf\"; filename*=UTF-8''%E1%9E%9F%E1%9E%98%E1%9E%B6%E1%9E%82%E1%9E%98.pdf",
            ),
        ] {
            assert_eq!(content_disposition("attachment", name), expected, "{name}");
        }
    }
}
