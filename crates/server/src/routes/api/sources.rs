//! `/api/v1/cases/{id}/sources`: adding a source (what the incident form's "new source" does,
//! through the same action), so that API clients can cite what they record.

use accord_core::{DateSpec, Day, Named};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ErrorBody, invalid, parse_body};
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState, secrets};

/// Where a statement or a fact comes from: a report, an article, a law gazette.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Source {
    /// Unique within the case.
    id: String,
    authors: Vec<String>,
    title: String,
    publisher: Option<String>,
    /// As recorded: a day, a month, a year or a range.
    date: Option<String>,
    url: Option<String>,
    /// When the URL was last read (`YYYY-MM-DD`).
    accessed: Option<String>,
    note: Option<String>,
    /// Who may see the source: `public`, `case` or `restricted`.
    sensitivity: String,
    /// For a restricted source: the members (by e-mail address) it is shown to, besides owners.
    restricted_to: Vec<String>,
}

/// A source to add.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceInput {
    /// Its id (letters, digits, `-`, `_`); made from the title when absent. An id the case has
    /// already is refused with 409.
    #[serde(default)]
    id: Option<String>,
    title: String,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    publisher: Option<String>,
    /// `2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`.
    #[serde(default)]
    date: Option<String>,
    /// An `http://` or `https://` address.
    #[serde(default)]
    url: Option<String>,
    /// When the URL was last read (`YYYY-MM-DD`).
    #[serde(default)]
    accessed: Option<String>,
    #[serde(default)]
    note: Option<String>,
    /// `public`, `case` (the default: the members of the case) or `restricted` (the members
    /// named in `restricted_to`, and the case's owners).
    #[serde(default)]
    sensitivity: Option<String>,
    /// E-mail addresses of the members a restricted source is shown to.
    #[serde(default)]
    restricted_to: Vec<String>,
}

fn source(s: &accord_core::Source) -> Source {
    Source {
        id: s.id.clone(),
        authors: s.authors.clone(),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        date: s.date.map(|d| d.to_string()),
        url: s.url.clone(),
        accessed: s.accessed.map(|d| d.to_string()),
        note: s.note.clone(),
        sensitivity: s.sensitivity.as_str().to_owned(),
        restricted_to: s.restricted_to.clone(),
    }
}

/// A trimmed optional text; blank is absent.
fn text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The sources of a case, in the order they were recorded.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/sources",
    operation_id = "list_sources",
    tag = "sources",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The sources", body = [Source]),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let vis = Visibility::load(&state, &access).await?;
    // A case may have hundreds of thousands of sources: the array is written page by page as
    // the store reads them, never held whole. The first page is read before answering, so that
    // a store that fails at once gets an error status.
    let page = state.store.sources_in_order(&id, None, LIST_PAGE).await?;
    let list = SourceList {
        state,
        case: id,
        vis,
        page,
        opened: false,
        written: false,
    };
    let body = axum::body::Body::from_stream(futures_util::stream::unfold(
        Some(list),
        |list| async move {
            let mut list = list?;
            let (chunk, more) = list.next_chunk();
            let Some(after) = more else {
                return Some((Ok(Bytes::from(chunk)), None));
            };
            match list
                .state
                .store
                .sources_in_order(&list.case, Some(after), LIST_PAGE)
                .await
            {
                Ok(page) => {
                    list.page = page;
                    Some((Ok(Bytes::from(chunk)), Some(list)))
                }
                // The status is sent: the client sees the body end before the array does.
                Err(e) => Some((Err(std::io::Error::other(e)), None)),
            }
        },
    ));
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// Sources read from the store per chunk of the list's body.
const LIST_PAGE: u32 = 1_000;

/// The list of a case's sources being written (see [`list`]).
struct SourceList {
    state: AppState,
    case: String,
    vis: Visibility,
    /// The page read last, not yet written.
    page: Vec<(i64, accord_core::Source)>,
    opened: bool,
    written: bool,
}

impl SourceList {
    /// The JSON of the page read last (the array's opening before the first, its closing after
    /// the last), and the position to read the next page after (`None`: the array is closed).
    fn next_chunk(&mut self) -> (Vec<u8>, Option<i64>) {
        let mut out = Vec::new();
        if !self.opened {
            out.push(b'[');
            self.opened = true;
        }
        for (_, s) in &self.page {
            let Some(s) = self.vis.source(s) else {
                continue;
            };
            if self.written {
                out.push(b',');
            }
            // Plain strings, lists and options: writing them into memory cannot fail.
            if serde_json::to_writer(&mut out, &source(&s)).is_ok() {
                self.written = true;
            }
        }
        let full = self.page.len() >= LIST_PAGE as usize;
        match self.page.last() {
            Some((after, _)) if full => (out, Some(*after)),
            _ => {
                out.push(b']');
                (out, None)
            }
        }
    }
}

/// One source.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/sources/{source}",
    operation_id = "get_source",
    tag = "sources",
    params(
        ("id" = String, Path, description = "Case id"),
        ("source" = String, Path, description = "Source id"),
    ),
    responses(
        (status = 200, description = "The source", body = Source),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or source, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, source_id)): Path<(String, String)>,
) -> Result<Json<Source>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let vis = Visibility::load(&state, &access).await?;
    let s = vis
        .sources(&state, &id, std::slice::from_ref(&source_id))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(Json(source(&s)))
}

/// Add a source (editors and owners).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/sources",
    operation_id = "create_source",
    tag = "sources",
    params(("id" = String, Path, description = "Case id")),
    request_body = SourceInput,
    responses(
        (status = 201, description = "Added; `Location` is its URL", body = Source,
            headers(("Location" = String, description = "The new source's URL"))),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 409, description = "The case has a source with this id already", body = ErrorBody),
        (status = 422, description = "The source is not valid; `field` names the problem", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let input: SourceInput = parse_body(&body)?;
    let title = input.title.trim().to_owned();
    let date = text(input.date)
        .map(|d| d.parse::<DateSpec>())
        .transpose()
        .map_err(|e| invalid("date", e.to_string()))?;
    let accessed = text(input.accessed)
        .map(|d| d.parse::<Day>())
        .transpose()
        .map_err(|e| invalid("accessed", e.to_string()))?;
    let source_id = match text(input.id) {
        Some(given) => given,
        None => secrets::record_id(&title, "source")
            .map_err(|e| ApiError(AppError::Internal(e.to_string())))?,
    };
    let s = accord_core::Source {
        id: source_id,
        authors: input
            .authors
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect(),
        title,
        publisher: text(input.publisher),
        date,
        url: text(input.url),
        accessed,
        note: text(input.note),
        sensitivity: super::sensitivity(input.sensitivity.as_deref())?,
        restricted_to: input.restricted_to,
    };
    state
        .actions
        .add_source(&id, s.clone(), &viewer.audit_name())
        .await?;
    let location = format!("/api/v1/cases/{id}/sources/{}", s.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(source(&s)),
    )
        .into_response())
}
