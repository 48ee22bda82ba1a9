//! `/api/v1/cases/{id}/observations`: implementation observations of a case's provisions (a
//! Peace Accords Matrix score, 0 to 3, for a date), recording one (editors, as a draft) and
//! reviewing one (reviewers) — the provision page's rules, as JSON.
//!
//! Readers who are not members of the case see confirmed observations only, and the people they
//! name as those people chose (`crate::disclosure`), as for findings.

use accord_core::{Named, ObservationStatus, Score};
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
use crate::disclosure::Disclosure;
use crate::forms::Fields;
use crate::routes::observations::{new_id, visible};
use crate::{ApiError, AppError, AppState};

/// How far a provision had been implemented on a date.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Observation {
    id: String,
    /// The provision's canonical citation.
    provision: String,
    /// The date it describes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a yearly code describes where
    /// things stood at the end of that year).
    date: String,
    /// On the Peace Accords Matrix scale: 0 (not implemented), 1 (minimal), 2 (intermediate), 3
    /// (full implementation).
    score: u8,
    /// `not implemented`, `minimal`, `intermediate` or `full`.
    score_label: String,
    /// Source ids.
    sources: Vec<String>,
    /// Who coded it.
    coded_by: Option<String>,
    note: Option<String>,
    /// `draft`, `confirmed` or `retracted`; only confirmed observations are a provision's status.
    status: String,
    reviewed_by: Option<String>,
}

/// Which observations to list.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ObservationQuery {
    /// Only observations of this provision (its canonical citation).
    provision: Option<String>,
    /// Only observations with this status (`draft`, `confirmed`, `retracted`).
    status: Option<String>,
}

/// A new observation; it is recorded as a draft, for a reviewer to confirm.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ObservationInput {
    /// A citation of a provision of the case (`FPA Art. 3(1)`).
    provision: String,
    /// The date it describes: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; not after today, not before
    /// the instrument's date.
    date: String,
    /// 0, 1, 2 or 3.
    score: i64,
    /// Ids of sources of the case.
    #[serde(default)]
    sources: Vec<String>,
    /// Who coded it; the caller when absent.
    #[serde(default)]
    coded_by: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// A review decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ObservationStatusInput {
    /// `confirmed`, `retracted` or `draft`.
    status: String,
}

/// An observation as this reader may see it.
fn observation(o: &accord_core::Observation, disclosure: &Disclosure) -> Observation {
    Observation {
        id: o.id.clone(),
        provision: o.provision.to_string(),
        date: o.date.to_string(),
        score: o.score.value(),
        score_label: o.score.label().to_owned(),
        sources: o.sources.clone(),
        coded_by: o.coded_by.as_deref().map(|c| disclosure.person(c)),
        note: o.note.clone(),
        status: o.status.as_str().to_owned(),
        reviewed_by: o.reviewed_by.as_deref().map(|r| disclosure.person(r)),
    }
}

/// The observations of a case, in the order they were recorded.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/observations",
    operation_id = "list_observations",
    tag = "observations",
    params(("id" = String, Path, description = "Case id"), ObservationQuery),
    responses(
        (status = 200, description = "The observations (confirmed ones only for readers who are not members of the case)", body = [Observation]),
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
) -> Result<Json<Vec<Observation>>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let f = Fields::from_query(raw.as_deref());
    let query = ObservationQuery {
        provision: f.get("provision").map(str::to_owned),
        status: f.get("status").map(str::to_owned),
    };
    let status = query
        .status
        .as_deref()
        .map(|s| ObservationStatus::from_name(s).map_err(|e| invalid("status", e.to_string())))
        .transpose()?;
    let provision = query
        .provision
        .as_deref()
        .map(|p| {
            accord_core::Citation::parse(p)
                .map_err(|e| invalid("provision", e.to_string()))
                .map(|c| c.to_string())
        })
        .transpose()?;
    let disclosure = Disclosure::load(&state, &access).await?;
    let all = state.store.observations(&id).await?;
    Ok(Json(
        visible(&all, &disclosure)
            .filter(|o| status.is_none_or(|s| o.status == s))
            .filter(|o| {
                provision
                    .as_deref()
                    .is_none_or(|p| o.provision.to_string() == p)
            })
            .map(|o| observation(o, &disclosure))
            .collect(),
    ))
}

/// One observation.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/observations/{observation}",
    operation_id = "get_observation",
    tag = "observations",
    params(
        ("id" = String, Path, description = "Case id"),
        ("observation" = String, Path, description = "Observation id"),
    ),
    responses(
        (status = 200, description = "The observation", body = Observation),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or observation, or the caller may not see it", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, observation_id)): Path<(String, String)>,
) -> Result<Json<Observation>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let disclosure = Disclosure::load(&state, &access).await?;
    let all = state.store.observations(&id).await?;
    let o = visible(&all, &disclosure)
        .find(|o| o.id == observation_id)
        .ok_or(AppError::NotFound)?;
    Ok(Json(observation(o, &disclosure)))
}

/// Record an observation as a draft (editors and owners).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/observations",
    operation_id = "create_observation",
    tag = "observations",
    params(("id" = String, Path, description = "Case id")),
    request_body = ObservationInput,
    responses(
        (status = 201, description = "Recorded as a draft; `Location` is its URL", body = Observation,
            headers(("Location" = String, description = "The new observation's URL"))),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "The observation is not valid (a score outside 0-3, a date after today or before the instrument, an unknown provision or source); `field` names the first problem", body = ErrorBody),
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
    let input: ObservationInput = parse_body(&body)?;
    let refs = state.store.case_refs(&id).await?;
    let provision = state
        .actions
        .parse_provision(&refs.provisions, &input.provision)?;
    let date =
        accord_core::observation::parse_date(input.date.trim()).map_err(|e| invalid("date", e))?;
    let score = Score::new(input.score).map_err(|e| invalid("score", e.to_string()))?;
    let o = accord_core::Observation {
        id: new_id(&provision, date)?,
        provision,
        date,
        score,
        sources: input
            .sources
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        coded_by: Some(
            input
                .coded_by
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| viewer.audit_name()),
        ),
        note: input
            .note
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        status: ObservationStatus::Draft,
        reviewed_by: None,
    };
    let o = state
        .actions
        .add_observation(&id, o, &viewer.audit_name())
        .await?;
    let disclosure = Disclosure::load(&state, &access).await?;
    let location = format!("/api/v1/cases/{id}/observations/{}", o.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(observation(&o, &disclosure)),
    )
        .into_response())
}

/// Confirm, retract or return an observation to draft (reviewers and owners). Nobody confirms an
/// observation they coded or recorded, unless the case's owner allows self-review.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/observations/{observation}/status",
    operation_id = "set_observation_status",
    tag = "observations",
    params(
        ("id" = String, Path, description = "Case id"),
        ("observation" = String, Path, description = "Observation id"),
    ),
    request_body = ObservationStatusInput,
    responses(
        (status = 200, description = "The observation as reviewed", body = Observation),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not review, or the caller coded or recorded it", body = ErrorBody),
        (status = 404, description = "No such case or observation, or the caller may not see the case", body = ErrorBody),
        (status = 422, description = "The status is not valid", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn set_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, observation_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<Observation>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_review(&viewer)?;
    let input: ObservationStatusInput = parse_body(&body)?;
    let status = ObservationStatus::from_name(input.status.trim())
        .map_err(|e| invalid("status", e.to_string()))?;
    state
        .actions
        .set_observation_status(&id, &observation_id, status, &viewer.audit_name())
        .await?;
    let disclosure = Disclosure::load(&state, &access).await?;
    let all = state.store.observations(&id).await?;
    let o = all
        .iter()
        .find(|o| o.id == observation_id)
        .ok_or(AppError::NotFound)?;
    Ok(Json(observation(o, &disclosure)))
}
