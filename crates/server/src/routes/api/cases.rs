//! `/api/v1/cases`: the cases a token may see, one case, and its trigger status (the public
//! case-status contract of docs/contracts.md, the same JSON as `accord case status CASE --json`).

use accord_core::{Named, evaluate};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::ErrorBody;
use crate::access::CaseAccess;
use crate::as_of::{self, CaseAt};
use crate::auth::Viewer;
use crate::case_cache::snapshot;
use crate::views::CaseStatusView;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState};

/// A case in the list.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CaseListItem {
    id: String,
    title: String,
    /// ISO 3166-1 alpha-2.
    country: Option<String>,
    /// Whether the case is published read-only to everyone.
    published: bool,
    /// The caller's role in the case: `owner`, `editor`, `reviewer`, `viewer`, or null.
    role: Option<String>,
    /// Why the caller sees the case: their role, `administrator`, or `published`.
    access: String,
    incidents: u64,
    /// Findings: all of them for members of the case; confirmed ones only for anyone else.
    findings: u64,
    /// When the case last changed (UTC).
    updated_at: String,
}

/// One case and what the caller may do in it.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Case {
    id: String,
    title: String,
    country: Option<String>,
    /// The period the case covers (`2030-01..2030-06`).
    period: Option<String>,
    summary: Option<String>,
    published: bool,
    /// Bumped by every change to the case.
    version: i64,
    role: Option<String>,
    permissions: Permissions,
    incidents: u64,
    /// Findings: all of them for members of the case; confirmed ones only for anyone else.
    findings: u64,
    updated_at: String,
}

/// What the caller may do in a case.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Permissions {
    /// Record and edit incidents, add draft findings.
    edit: bool,
    /// Confirm or retract findings.
    review: bool,
    /// Manage members and publication.
    manage: bool,
}

/// The cases the caller may see: their own, every case for an administrator, and published ones.
#[utoipa::path(
    get,
    path = "/api/v1/cases",
    operation_id = "list_cases",
    tag = "cases",
    responses(
        (status = 200, description = "The visible cases, ordered by id", body = [CaseListItem]),
        (status = 401, description = "The token is not valid", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
) -> Result<Json<Vec<CaseListItem>>, ApiError> {
    let roles = match &viewer.user {
        Some(u) => state.store.roles_of_user(u.id).await?,
        None => Vec::new(),
    };
    let cases = state
        .store
        .list_cases()
        .await?
        .into_iter()
        .filter_map(|c| {
            let role = roles.iter().find(|(id, _)| *id == c.id).map(|(_, r)| *r);
            let member = role.is_some() || viewer.is_admin();
            let access = match (role, viewer.is_admin(), c.published) {
                (Some(r), _, _) => r.as_str(),
                (None, true, _) => "administrator",
                (None, false, true) => "published",
                (None, false, false) => return None,
            };
            Some(CaseListItem {
                access: access.to_owned(),
                role: role.map(|r| r.as_str().to_owned()),
                id: c.id,
                title: c.title,
                country: c.country,
                published: c.published,
                incidents: c.incidents,
                // Drafts and retracted findings are not counted for readers outside the case.
                findings: if member {
                    c.findings
                } else {
                    c.confirmed_findings
                },
                updated_at: c.updated_at,
            })
        })
        .collect();
    Ok(Json(cases))
}

/// One case.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}",
    operation_id = "get_case",
    tag = "cases",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case", body = Case),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Json<Case>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let summary = state
        .store
        .case_summary(&id)
        .await?
        .ok_or(AppError::NotFound)?;
    let snap = snapshot(&state, &access.case).await?;
    let case = snap.case.case();
    // Incidents this reader may not see are not counted.
    let hidden_incidents = u64::try_from(
        Visibility::load(&state, &access)
            .await?
            .hidden_incidents()
            .count(),
    )
    .unwrap_or(u64::MAX);
    Ok(Json(Case {
        id: summary.id,
        title: summary.title,
        country: summary.country,
        period: case.period.as_ref().map(ToString::to_string),
        summary: case.summary.clone(),
        published: summary.published,
        version: summary.version,
        role: access.role.map(|r| r.as_str().to_owned()),
        permissions: Permissions {
            edit: access.can_edit(),
            review: access.can_review(),
            manage: access.can_manage(),
        },
        incidents: summary.incidents.saturating_sub(hidden_incidents),
        findings: if access.role.is_some() || access.admin {
            summary.findings
        } else {
            summary.confirmed_findings
        },
        updated_at: summary.updated_at,
    }))
}

/// Which mechanisms are triggered, since when and by which findings, and the state of every
/// provision: the case-status contract, the same JSON as `accord case status CASE --json`. With
/// `as_of`, the status as it stood on that day (the JSON then carries `as_of`).
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/status",
    operation_id = "get_case_status",
    tag = "cases",
    params(
        ("id" = String, Path, description = "Case id"),
        ("as_of" = Option<String>, Query, description = "`YYYY-MM-DD`: the status as it stood on that day, from the incidents that may have happened by then (an incident counts from the first day it may have happened) and the findings on them", example = "2017-02-01"),
    ),
    responses(
        (status = 200, description = "The case's trigger status", body = CaseStatusView),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "`as_of` is not a day (`field`: `as_of`)", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn status(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<CaseStatusView>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let day = as_of::from_query(query.as_deref())?;
    let case = CaseAt::load(&state, &access.case, day).await?;
    // The status is computed from what this reader may see: a finding on hidden incidents
    // triggers nothing for them.
    let case = Visibility::load(&state, &access).await?.case(&case)?;
    let mut view = CaseStatusView::new(&access.case.id, &evaluate(&case));
    if let Some(day) = day {
        view = view.as_of(day);
    }
    Ok(Json(view))
}
