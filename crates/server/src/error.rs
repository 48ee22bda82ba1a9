//! The one error type of the web layer, mapped to HTTP statuses in one place.
//!
//! Handlers return `Result<_, AppError>`; 5xx bodies stay generic (details go to the log only) so
//! that no internal detail, and no private case, leaks through an error page.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Store(#[from] accord_store::StoreError),
    #[error(transparent)]
    Template(#[from] minijinja::Error),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, text) = match &self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "Not found"),
            AppError::Store(_) | AppError::Template(_) => {
                tracing::error!(error = %self, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong on our side",
                )
            }
        };
        (
            status,
            Html(format!(
                "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{text}</title><main><h1>{text}</h1><p><a href=\"/\">Back to the cases</a></p></main></html>"
            )),
        )
            .into_response()
    }
}
