//! `/api/v1/cases/{id}/findings`: the findings of a case, adding a draft (editors) and reviewing
//! one (reviewers confirm, retract or return it to draft) — the HTML forms' rules, as JSON.

use accord_core::{FindingStatus, Named, Verdict};
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
use crate::case_cache::snapshot;
use crate::disclosure::Disclosure;
use crate::forms::Fields;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState, secrets};

/// Incidents judged against a provision.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Finding {
    id: String,
    /// Incident ids.
    incidents: Vec<String>,
    /// The provision's canonical citation.
    provision: String,
    /// `violation`, `threat_of_violation` or `concern`.
    verdict: String,
    /// `draft`, `confirmed` or `retracted`; only confirmed findings count towards triggers.
    status: String,
    rationale: String,
    author: Option<String>,
    reviewed_by: Option<String>,
}

/// Which findings to list.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct FindingQuery {
    /// Only findings with this status (`draft`, `confirmed`, `retracted`).
    status: Option<String>,
    /// Only findings that name this incident.
    incident: Option<String>,
}

/// A new finding; it is recorded as a draft, for a reviewer to confirm.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FindingInput {
    /// Ids of incidents of the case (at least one).
    incidents: Vec<String>,
    /// A citation of a provision of the case (`FPA Art. 3(1)`).
    provision: String,
    /// `violation`, `threat_of_violation` or `concern`.
    verdict: String,
    /// Why the incidents amount to this verdict.
    rationale: String,
}

/// A review decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FindingStatusInput {
    /// `confirmed`, `retracted` or `draft`.
    status: String,
}

fn finding(f: &accord_core::Finding) -> Finding {
    Finding {
        id: f.id.clone(),
        incidents: f.incidents.clone(),
        provision: f.provision.to_string(),
        verdict: f.verdict.as_str().to_owned(),
        status: f.status.as_str().to_owned(),
        rationale: f.rationale.clone(),
        author: f.author.clone(),
        reviewed_by: f.reviewed_by.clone(),
    }
}

/// The findings of a case, in the order they were recorded.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/findings",
    operation_id = "list_findings",
    tag = "findings",
    params(("id" = String, Path, description = "Case id"), FindingQuery),
    responses(
        (status = 200, description = "The findings", body = [Finding]),
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
) -> Result<Json<Vec<Finding>>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let f = Fields::from_query(raw.as_deref());
    let query = FindingQuery {
        status: f.get("status").map(str::to_owned),
        incident: f.get("incident").map(str::to_owned),
    };
    let status = query
        .status
        .as_deref()
        .map(|s| FindingStatus::from_name(s).map_err(|e| invalid("status", e.to_string())))
        .transpose()?;
    let disclosure = Disclosure::load(&state, &access).await?;
    let snap = snapshot(&state, &access.case).await?;
    // Findings whose incidents are all hidden from this caller do not exist for them; the
    // others name only the incidents they may see.
    let case = Visibility::load(&state, &access).await?.case(&snap.case)?;
    Ok(Json(
        disclosure
            .findings(&case.case().findings)
            .filter(|f| status.is_none_or(|s| f.status == s))
            .filter(|f| {
                query
                    .incident
                    .as_ref()
                    .is_none_or(|i| f.incidents.contains(i))
            })
            .map(|f| finding(&f))
            .collect(),
    ))
}

/// One finding.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/findings/{finding}",
    operation_id = "get_finding",
    tag = "findings",
    params(
        ("id" = String, Path, description = "Case id"),
        ("finding" = String, Path, description = "Finding id"),
    ),
    responses(
        (status = 200, description = "The finding", body = Finding),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or finding, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, finding_id)): Path<(String, String)>,
) -> Result<Json<Finding>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let disclosure = Disclosure::load(&state, &access).await?;
    let snap = snapshot(&state, &access.case).await?;
    let case = Visibility::load(&state, &access).await?.case(&snap.case)?;
    let f = case
        .finding(&finding_id)
        .filter(|f| disclosure.shows(f))
        .ok_or(AppError::NotFound)?;
    Ok(Json(finding(&disclosure.finding(f))))
}

/// Add a draft finding (editors and owners).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/findings",
    operation_id = "create_finding",
    tag = "findings",
    params(("id" = String, Path, description = "Case id")),
    request_body = FindingInput,
    responses(
        (status = 201, description = "Recorded as a draft; `Location` is its URL", body = Finding,
            headers(("Location" = String, description = "The new finding's URL"))),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "The finding is not valid; `field` names the first problem", body = ErrorBody),
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
    let input: FindingInput = parse_body(&body)?;
    // The HTML form's citation rule: case-insensitive, resolved to the case's own provision.
    let refs = state.store.case_refs(&id).await?;
    let provision = state
        .actions
        .parse_provision(&refs.provisions, &input.provision)?;
    let verdict =
        Verdict::from_name(input.verdict.trim()).map_err(|e| invalid("verdict", e.to_string()))?;
    let f = accord_core::Finding {
        id: secrets::record_id("", "f").map_err(|e| AppError::Internal(e.to_string()))?,
        incidents: input
            .incidents
            .iter()
            .map(|i| i.trim().to_owned())
            .collect(),
        provision,
        verdict,
        status: FindingStatus::Draft,
        rationale: input.rationale.trim().to_owned(),
        author: Some(viewer.audit_name()),
        reviewed_by: None,
    };
    state
        .actions
        .add_finding(&id, f.clone(), &viewer.audit_name())
        .await?;
    let location = format!("/api/v1/cases/{id}/findings/{}", f.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(finding(&f)),
    )
        .into_response())
}

/// Confirm, retract or return a finding to draft (reviewers and owners).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/findings/{finding}/status",
    operation_id = "set_finding_status",
    tag = "findings",
    params(
        ("id" = String, Path, description = "Case id"),
        ("finding" = String, Path, description = "Finding id"),
    ),
    request_body = FindingStatusInput,
    responses(
        (status = 200, description = "The finding as reviewed", body = Finding),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not review findings", body = ErrorBody),
        (status = 404, description = "No such case or finding, or the caller may not see the case", body = ErrorBody),
        (status = 422, description = "The status is not valid", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn set_status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, finding_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<Finding>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_review(&viewer)?;
    let input: FindingStatusInput = parse_body(&body)?;
    let status = FindingStatus::from_name(input.status.trim())
        .map_err(|e| invalid("status", e.to_string()))?;
    state
        .actions
        .set_finding_status(&id, &finding_id, status, &viewer.audit_name())
        .await?;
    // The write bumped the case's version, so this reads the finding as it is now.
    let head = state
        .store
        .case_head(&id)
        .await?
        .ok_or(AppError::NotFound)?;
    let snap = snapshot(&state, &head).await?;
    let f = snap.case.finding(&finding_id).ok_or(AppError::NotFound)?;
    Ok(Json(finding(f)))
}
