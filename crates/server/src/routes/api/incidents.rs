//! `/api/v1/cases/{id}/incidents`: the timeline (filters, full-text search, pages), one incident,
//! and creating or replacing one — validated like the HTML form, and indexed for search after.

use accord_core::{DateSpec, IncidentKind, Named, Role, Sensitivity};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ErrorBody, invalid, parse_body};
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::incident_query::IncidentFilter;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState, secrets};

const DEFAULT_PER_PAGE: u32 = 50;
const MAX_PER_PAGE: u32 = 200;

/// Something that happened: an arrest, a closure, a new law.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Incident {
    /// Unique within the case.
    id: String,
    /// As recorded: a day (`2030-02-14`), a month (`2030-03`), a year, a range (`2030-01..2030-06`)
    /// or an open range.
    date: String,
    /// `day`, `month`, `year`, `range`, ...
    date_precision: String,
    /// The earliest day the date allows (`YYYY-MM-DD`).
    date_start: String,
    /// The latest day the date allows; null for an ongoing incident.
    date_end: Option<String>,
    title: String,
    /// `arrest`, `closure`, `dissolution`, `legislation`, ... (see the incident input).
    kind: String,
    summary: Option<String>,
    place: Option<String>,
    themes: Vec<String>,
    /// Source ids.
    sources: Vec<String>,
    actors: Vec<ActorRole>,
    /// Files whose integrity can be checked by their SHA-256 (read-only here).
    evidence: Vec<Evidence>,
    /// Who may see the incident: `public`, `case` or `restricted`.
    sensitivity: String,
    /// For a restricted incident: the members (by e-mail address) it is shown to, besides owners.
    restricted_to: Vec<String>,
}

/// An actor and the part they played.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActorRole {
    /// Actor id.
    actor: String,
    /// `perpetrator`, `target`, `victim`, `witness` or `other`.
    role: String,
}

/// A piece of evidence.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Evidence {
    sha256: String,
    name: String,
    media_type: Option<String>,
}

/// One page of the timeline, newest first (or by relevance when `q` is given).
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IncidentPage {
    /// How many incidents match, over all pages.
    total: u64,
    page: u64,
    per_page: u32,
    pages: u64,
    items: Vec<Incident>,
}

/// Filters of the timeline; every one narrows the result.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "only describes the query parameters in the OpenAPI document"
)]
pub(crate) struct IncidentQuery {
    /// Full-text search in titles, summaries and places (Latin and Khmer).
    q: Option<String>,
    /// An incident kind (`arrest`, `closure`, ...).
    kind: Option<String>,
    /// An actor id.
    actor: Option<String>,
    /// A theme (`association`, `expression`, ...).
    theme: Option<String>,
    /// Only incidents behind a confirmed finding with this verdict (`violation`,
    /// `threat_of_violation`, `concern`).
    verdict: Option<String>,
    /// Incidents that may have happened on or after this day (`YYYY-MM-DD`).
    from: Option<String>,
    /// Incidents that may have happened on or before this day (`YYYY-MM-DD`).
    to: Option<String>,
    /// The page, from 1.
    #[param(minimum = 1)]
    page: Option<u64>,
    /// Incidents per page (default 50, at most 200).
    #[param(minimum = 1, maximum = 200)]
    per_page: Option<u32>,
}

/// An incident to create, or the new state of one to replace.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct IncidentInput {
    /// For a new incident: its id (letters, digits, `-`, `_`); made from the title when absent.
    /// When replacing, absent or equal to the id in the URL.
    #[serde(default)]
    id: Option<String>,
    title: String,
    /// `2030-02-14`, `2030-03`, `2030`, `2030-01..2030-06`, `2030-01..`.
    date: String,
    /// `arrest`, `detention`, `closure`, `ban`, `dissolution`, `deregistration`, `legislation`,
    /// `suspension`, `expulsion`, `tax_action`, `threat`, `statement`, `surveillance`,
    /// `harassment`, `exile` or `other`.
    kind: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    place: Option<String>,
    /// Lower-case words; spaces become `_`.
    #[serde(default)]
    themes: Vec<String>,
    /// Ids of sources already in the case.
    #[serde(default)]
    sources: Vec<String>,
    /// Actors already in the case.
    #[serde(default)]
    actors: Vec<ActorRole>,
    /// `public`, `case` or `restricted`. A new incident without it is `case` (the members of the
    /// case); a replaced one keeps what it had. Only an owner may make a restricted incident
    /// anything else.
    #[serde(default)]
    sensitivity: Option<String>,
    /// E-mail addresses of the members a restricted incident is shown to (absent: unchanged).
    #[serde(default)]
    restricted_to: Option<Vec<String>>,
}

pub(crate) fn incident(i: &accord_core::Incident) -> Incident {
    Incident {
        id: i.id.clone(),
        date: i.date.to_string(),
        date_precision: i.date.precision().to_owned(),
        date_start: i.date.earliest().to_string(),
        date_end: i.date.latest().map(|d| d.to_string()),
        title: i.title.clone(),
        kind: i.kind.as_str().to_owned(),
        summary: i.summary.clone(),
        place: i.place.clone(),
        themes: i.themes.clone(),
        sources: i.sources.clone(),
        actors: i
            .actors
            .iter()
            .map(|a| ActorRole {
                actor: a.actor.clone(),
                role: a.role.as_str().to_owned(),
            })
            .collect(),
        evidence: i
            .evidence
            .iter()
            .map(|e| Evidence {
                sha256: e.sha256.clone(),
                name: e.name.clone(),
                media_type: e.media_type.clone(),
            })
            .collect(),
        sensitivity: i.sensitivity.as_str().to_owned(),
        restricted_to: i.restricted_to.clone(),
    }
}

/// The timeline of a case: newest first, filtered, searched, in pages.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/incidents",
    operation_id = "list_incidents",
    tag = "incidents",
    params(("id" = String, Path, description = "Case id"), IncidentQuery),
    responses(
        (status = 200, description = "One page of matching incidents", body = IncidentPage),
        (status = 400, description = "Full-text search is not available on this server", body = ErrorBody),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "A filter is not valid; `field` names it", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let fields = Fields::from_query(raw.as_deref());
    let (page_no, per_page) = paging(&fields)?;
    let filter = IncidentFilter::parse(&fields)?;
    let offset = (page_no - 1).saturating_mul(u64::from(per_page));
    let vis = Visibility::load(&state, &access).await?;
    let page = filter
        .page(&state, &access.case, &vis, per_page, offset)
        .await?;
    let body = IncidentPage {
        total: page.total,
        page: page_no,
        per_page,
        pages: page.total.div_ceil(u64::from(per_page)).max(1),
        items: page.items.iter().map(incident).collect(),
    };
    let mut r = Json(body).into_response();
    if filter.q.is_some() {
        // Search results are personal; keep them out of shared caches, as the HTML timeline does.
        r.headers_mut().insert(
            header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(r)
}

/// `page` (from 1) and `per_page` (1 to `MAX_PER_PAGE`) of the query string.
fn paging(f: &Fields) -> Result<(u64, u32), ApiError> {
    let page = f
        .get("page")
        .map(|p| {
            p.parse::<u64>()
                .ok()
                .filter(|p| *p >= 1)
                .ok_or_else(|| invalid("page", "must be a page number from 1"))
        })
        .transpose()?
        .unwrap_or(1);
    let per_page = f
        .get("per_page")
        .map(|p| {
            p.parse::<u32>()
                .ok()
                .filter(|p| (1..=MAX_PER_PAGE).contains(p))
                .ok_or_else(|| {
                    invalid(
                        "per_page",
                        format!("must be a number from 1 to {MAX_PER_PAGE}"),
                    )
                })
        })
        .transpose()?
        .unwrap_or(DEFAULT_PER_PAGE);
    Ok((page, per_page))
}

/// One incident.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/incidents/{incident}",
    operation_id = "get_incident",
    tag = "incidents",
    params(
        ("id" = String, Path, description = "Case id"),
        ("incident" = String, Path, description = "Incident id"),
    ),
    responses(
        (status = 200, description = "The incident", body = Incident),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or incident, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, incident_id)): Path<(String, String)>,
) -> Result<Json<Incident>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let vis = Visibility::load(&state, &access).await?;
    let inc = state
        .store
        .incidents(&id, std::slice::from_ref(&incident_id))
        .await?
        .pop()
        .and_then(|i| vis.incident(&i))
        .ok_or(AppError::NotFound)?;
    Ok(Json(incident(&inc)))
}

/// Record an incident (editors and owners).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/incidents",
    operation_id = "create_incident",
    tag = "incidents",
    params(("id" = String, Path, description = "Case id")),
    request_body = IncidentInput,
    responses(
        (status = 201, description = "Created; `Location` is its URL", body = Incident,
            headers(("Location" = String, description = "The new incident's URL"))),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "The incident is not valid; `field` names the first problem", body = ErrorBody),
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
    let input: IncidentInput = parse_body(&body)?;
    let new_id = match &input.id {
        Some(given) => {
            if !state
                .store
                .incidents(&id, std::slice::from_ref(given))
                .await?
                .is_empty()
            {
                return Err(invalid(
                    "id",
                    format!("an incident {given:?} exists already"),
                ));
            }
            given.clone()
        }
        None => slug_id(&input.title)?,
    };
    let inc = to_domain(new_id, input, None)?;
    let inc = save(&state, &viewer, &id, inc).await?;
    let location = format!("/api/v1/cases/{id}/incidents/{}", inc.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(incident(&inc)),
    )
        .into_response())
}

/// Replace an incident's fields (editors and owners); its evidence is kept.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/incidents/{incident}",
    operation_id = "update_incident",
    tag = "incidents",
    params(
        ("id" = String, Path, description = "Case id"),
        ("incident" = String, Path, description = "Incident id"),
    ),
    request_body = IncidentInput,
    responses(
        (status = 200, description = "Saved", body = Incident),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case or incident, or the caller may not see the case", body = ErrorBody),
        (status = 422, description = "The incident is not valid; `field` names the first problem", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, incident_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<Incident>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let vis = Visibility::load(&state, &access).await?;
    let existing = state
        .store
        .incidents(&id, std::slice::from_ref(&incident_id))
        .await?
        .pop()
        .filter(|i| vis.sees_incident(&i.id))
        .ok_or(AppError::NotFound)?;
    let input: IncidentInput = parse_body(&body)?;
    if input.id.as_ref().is_some_and(|i| *i != incident_id) {
        return Err(invalid(
            "id",
            "differs from the incident in the URL; ids cannot be changed",
        ));
    }
    let mut inc = to_domain(incident_id, input, Some(&existing))?;
    if existing.sensitivity == Sensitivity::Restricted
        && inc.sensitivity != Sensitivity::Restricted
        && !access.can_manage()
    {
        return Err(ApiError(AppError::Forbidden(
            "Only an owner of the case may make a restricted incident visible to more people."
                .into(),
        )));
    }
    // Actors and sources this caller may not see were not theirs to remove.
    vis.keep_hidden_references(&existing, &mut inc);
    let inc = save(&state, &viewer, &id, inc).await?;
    Ok(Json(incident(&inc)))
}

/// Parse the input into the domain incident (its references are checked by the action).
fn to_domain(
    id: String,
    input: IncidentInput,
    prior: Option<&accord_core::Incident>,
) -> Result<accord_core::Incident, ApiError> {
    // What the body leaves out is kept from the incident replaced (a new one is `case`).
    let sensitivity = match (input.sensitivity.as_deref(), prior) {
        (None, Some(p)) => p.sensitivity,
        (name, _) => super::sensitivity(name)?,
    };
    // Members named on a record that is no longer restricted would mean nothing: they go too.
    let restricted_to = match input.restricted_to {
        Some(named) => named,
        None if sensitivity == Sensitivity::Restricted => {
            prior.map(|p| p.restricted_to.clone()).unwrap_or_default()
        }
        None => Vec::new(),
    };
    if input.title.trim().is_empty() {
        return Err(invalid("title", "must not be empty"));
    }
    let date = input
        .date
        .trim()
        .parse::<DateSpec>()
        .map_err(|e| invalid("date", e.to_string()))?;
    let kind =
        IncidentKind::from_name(input.kind.trim()).map_err(|e| invalid("kind", e.to_string()))?;
    let actors = input
        .actors
        .iter()
        .enumerate()
        .map(|(k, a)| {
            Role::from_name(a.role.trim())
                .map(|role| accord_core::ActorRole {
                    actor: a.actor.trim().to_owned(),
                    role,
                })
                .map_err(|e| invalid(&format!("actors[{k}].role"), e.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(accord_core::Incident {
        id,
        date,
        title: input.title.trim().to_owned(),
        kind,
        summary: input.summary.filter(|s| !s.trim().is_empty()),
        place: input
            .place
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        // The form's rule: themes are lower-case words joined by `_`.
        themes: input
            .themes
            .iter()
            .map(|t| t.trim().to_lowercase().replace(' ', "_"))
            .filter(|t| !t.is_empty())
            .collect(),
        sources: input.sources.iter().map(|s| s.trim().to_owned()).collect(),
        actors,
        evidence: prior.map(|p| p.evidence.clone()).unwrap_or_default(),
        sensitivity,
        restricted_to,
    })
}

/// Write the incident through the action layer, which checks its actors and sources against the
/// store (as for the HTML form), writes it in one transaction and updates the search index.
async fn save(
    state: &AppState,
    viewer: &Viewer,
    case_id: &str,
    inc: accord_core::Incident,
) -> Result<accord_core::Incident, ApiError> {
    let outcome = state
        .actions
        .save_incident(case_id, inc.clone(), None, &viewer.audit_name())
        .await?;
    tracing::info!(case = %case_id, incident = %inc.id, ?outcome, via = "api", "incident saved");
    Ok(inc)
}

/// A readable id: the title's first words and a random suffix (the HTML form's rule).
fn slug_id(title: &str) -> Result<String, ApiError> {
    secrets::record_id(title, "incident").map_err(|e| ApiError(AppError::Internal(e.to_string())))
}
