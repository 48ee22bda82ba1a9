//! `/api/v1/cases/{id}/search`: search over every kind of record of a case (issue 16 §2), as
//! the search page does it (`routes/search.rs`): found by any of their languages, titles in the
//! request's language where the record has one, else the original marked as such.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

use super::ErrorBody;
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::search::{self as found, Ask};
use crate::{ApiError, AppState};

/// What a search asks for.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "only describes the query parameters in the OpenAPI document"
)]
pub(crate) struct SearchParams {
    /// Words and "quoted phrases" in any language (Latin and Khmer), all of which must match.
    q: Option<String>,
    /// One kind of record: `incident`, `actor`, `source`, `instrument`, `provision` or `mechanism`; without it, the first 10 hits of each part.
    kind: Option<String>,
    /// The page of one kind's hits (50 a page), from 1.
    #[param(minimum = 1)]
    page: Option<u64>,
}

/// What a search found: incidents and the other records, each part when the `kind` asked for it.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SearchResults {
    /// The incidents found (absent when `kind` names another kind).
    incidents: Option<SearchPart>,
    /// The actors, sources, instruments, provisions and mechanisms found (absent when `kind` is `incident`).
    records: Option<SearchPart>,
}

/// One part of a search's results.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SearchPart {
    /// How many records of the part match, over all pages; none the caller may not see.
    total: u64,
    /// The hits of the page, best first.
    hits: Vec<SearchHit>,
}

/// One record found.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SearchHit {
    /// `incident`, `actor`, `source`, `instrument`, `provision` or `mechanism`.
    kind: String,
    /// The record's id in its case (a provision's is its citation).
    id: String,
    /// The record's web page.
    href: String,
    /// Its title (an actor's name, a provision's citation and heading) in the request's language where the record has it, else the original.
    title: String,
    /// The language of `title`.
    lang: String,
    /// Whether `title` is the original (the requested language has no translation of it).
    original: bool,
    /// Whether `title` is a translation whose original changed since it was translated.
    out_of_date: bool,
}

fn part(p: found::Part) -> SearchPart {
    SearchPart {
        total: p.total,
        hits: p
            .hits
            .into_iter()
            .map(|h| SearchHit {
                kind: h.kind.to_owned(),
                id: h.id,
                href: h.href,
                title: h.title,
                lang: h.lang,
                original: h.original,
                out_of_date: h.out_of_date,
            })
            .collect(),
    }
}

/// Search a case's incidents, actors, sources, instruments, provisions and mechanisms by any of their languages.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/search",
    operation_id = "search_case",
    tag = "search",
    params(("id" = String, Path, description = "Case id"), SearchParams),
    responses(
        (status = 200, description = "What the search found", body = SearchResults),
        (status = 400, description = "Full-text search is not available on this server", body = ErrorBody),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "A filter is not valid; `field` names it", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn search(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let ask = Ask::parse(&Fields::from_query(raw.as_deref()))?;
    let results = found::run(&state, &access, viewer.lang, &ask).await?;
    let body = SearchResults {
        incidents: results.incidents.map(part),
        records: results.records.map(part),
    };
    let mut r = Json(body).into_response();
    // Search results are personal; keep them out of shared caches, as the page does.
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("private, no-store"),
    );
    Ok(r)
}
