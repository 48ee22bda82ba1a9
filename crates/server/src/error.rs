//! The one error type of the web layer, mapped to HTTP statuses in one place (STYLE.md rule 9).
//!
//! Handlers return `Result<_, AppError>`. A private case the viewer may not see is `NotFound`,
//! exactly like a case that does not exist, so an error never confirms that a private case exists.
//! Server errors are logged once, here, and their pages stay generic.
//!
//! The store's and the action layer's refusals map here, once, for every handler: a missing record
//! is 404, a record that exists already 409, an invalid field 422 naming the field, a file over
//! the upload limit 413. A handler that forgets to match them still answers correctly, never 500.

use accord_actions::ActionError;
use accord_store::{BlobError, StoreError};
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign in to continue")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(String),
    #[error("{field}: {message}")]
    Validation { field: String, message: String },
    #[error("{0}")]
    BadRequest(String),
    /// The server lacks something an administrator must install (e.g. a font): said plainly.
    #[error("{0}")]
    Unavailable(String),
    #[error("too many attempts; try again in {0} seconds")]
    TooManyRequests(u64),
    /// The record exists already (a source id taken, say): 409.
    #[error("{0}")]
    Conflict(String),
    #[error("the file is larger than the upload limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error(transparent)]
    Store(#[from] accord_store::StoreError),
    #[error(transparent)]
    Template(#[from] minijinja::Error),
    #[error("{0}")]
    Internal(String),
}

/// What a server says when too many ask at once for the slow work it bounds (password hashing);
/// the error page and the API say it in the reader's language (`error-busy`).
pub(crate) const BUSY: &str = "The server is busy. Try again in a moment.";

impl AppError {
    pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
        AppError::Validation {
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Store(StoreError::NotFound { .. } | StoreError::NoCase(_)) => {
                StatusCode::NOT_FOUND
            }
            AppError::Store(StoreError::Exists { .. } | StoreError::CaseExists(_)) => {
                StatusCode::CONFLICT
            }
            AppError::Store(_) | AppError::Template(_) | AppError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// What an answer with this error says, for `i18n::layer` to write in the reader's
    /// language: a catalog message where there is one, else the English message from deeper
    /// down (a refused field names it), which stays as it is under a translated heading.
    pub(crate) fn text(&self, api: bool) -> crate::i18n::ErrorText {
        let status = self.status();
        let key = match self {
            _ if status == StatusCode::NOT_FOUND => Some(("error-not-found", None)),
            AppError::Unauthorized => Some(("error-sign-in", None)),
            AppError::TooManyRequests(secs) => Some(("error-too-many", Some(("seconds", *secs)))),
            AppError::TooLarge { limit } => Some(("error-too-large", Some(("limit", *limit)))),
            AppError::Unavailable(why) if why == BUSY => Some(("error-busy", None)),
            AppError::Unavailable(_) => None,
            _ if status.is_server_error() => Some(("error-internal", None)),
            _ => None,
        };
        crate::i18n::ErrorText {
            status,
            key,
            detail: self.public_message(),
            api,
            field: match self {
                AppError::Validation { field, .. } => Some(field.clone()),
                _ => None,
            },
            reason: match self {
                AppError::Validation { message, .. } => Some(message.clone()),
                _ => None,
            },
        }
    }

    /// What the user may be told: the message for client errors, nothing internal for 5xx.
    pub fn public_message(&self) -> String {
        if let AppError::Unavailable(why) = self {
            tracing::error!(error = %why, "unavailable");
            return why.clone();
        }
        if self.status().is_server_error() {
            tracing::error!(error = %self, "request failed");
            "Something went wrong on our side. The error has been logged.".to_owned()
        } else {
            match self {
                // Every 404 says the same, whatever was missing (see the module's doc).
                _ if self.status() == StatusCode::NOT_FOUND => {
                    "There is nothing here, or you may not see it.".to_owned()
                }
                AppError::Unauthorized => "Sign in to continue.".to_owned(),
                other => other.to_string(),
            }
        }
    }
}

impl From<ActionError> for AppError {
    fn from(e: ActionError) -> Self {
        match e {
            ActionError::Invalid { field, message } => AppError::Validation { field, message },
            // The same page as for a missing case: which record is missing is not said.
            ActionError::NotFound { .. } => AppError::NotFound,
            e @ ActionError::Exists { .. } => AppError::Conflict(e.to_string()),
            ActionError::Forbidden(why) => AppError::Forbidden(why),
            ActionError::TooLarge { limit } => AppError::TooLarge { limit },
            ActionError::Store(e) => AppError::Store(e),
            // The sender stopped sending: their request, not our fault.
            ActionError::Blob(BlobError::Interrupted { received, .. }) => AppError::BadRequest(
                format!("the upload stopped after {received} bytes; nothing was kept"),
            ),
            ActionError::Blob(BlobError::TooLarge { limit }) => AppError::TooLarge { limit },
            ActionError::Changed(what) => AppError::Conflict(what),
            other => AppError::Internal(other.to_string()),
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl IntoResponse for AppError {
    /// The error page in English; `i18n::layer` writes it again in the reader's language from
    /// the [`ErrorText`](crate::i18n::ErrorText) the response carries.
    fn into_response(self) -> Response {
        let status = self.status();
        let text = self.text(false);
        let message = escape(&text.detail);
        let title = status.canonical_reason().unwrap_or("Error");
        let signin = if matches!(self, AppError::Unauthorized) {
            "<p><a href=\"/login\">Sign in</a></p>"
        } else {
            ""
        };
        crate::i18n::with_text(
            Html(format!(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                 <title>{title} · Accord</title><link rel=\"stylesheet\" href=\"/assets/accord.css\"></head>\
                 <body><header class=\"site\"><a class=\"brand\" href=\"/\">Accord</a></header>\
                 <main id=\"main\"><h1>{title}</h1><p>{message}</p>{signin}\
                 <p><a href=\"/\">Back to the cases</a></p></main></body></html>"
            )),
            status,
            text,
        )
    }
}

/// The same errors, as JSON, for the API.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    /// `{"error", "code", "message", "status", "field"?}`: `error` the English message as it
    /// always was, `code` a stable English code, `message` the error in the requested language
    /// (`i18n::layer` fills it in from the [`ErrorText`](crate::i18n::ErrorText) carried here;
    /// without that layer it is the English message).
    fn into_response(self) -> Response {
        let status = self.0.status();
        let text = self.0.text(true);
        let mut body = json!({
            "error": text.detail,
            "code": crate::i18n::code(status),
            "message": text.detail,
            "status": status.as_u16(),
        });
        if let Some(field) = &text.field {
            body["field"] = json!(field);
        }
        let mut response = (status, Json(body)).into_response();
        response.extensions_mut().insert(text);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A busy server says so in the reader's language; another unavailability keeps its detail.
    #[test]
    fn a_busy_server_has_a_message_of_its_own() {
        let busy = AppError::Unavailable(BUSY.into()).text(false);
        assert_eq!(busy.key.map(|(k, _)| k), Some("error-busy"));
        let fonts = AppError::Unavailable("install fonts-khmeros".into()).text(true);
        assert!(fonts.key.is_none());
        assert_eq!(fonts.detail, "install fonts-khmeros");
    }
}
