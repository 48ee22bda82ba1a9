//! `…/{incidents,findings,sources}/{id}/history`: every version of a record, oldest first, each
//! with its number, time, author and the record as it was (its canonical JSON, the bytes whose
//! SHA-256 the tamper-evident log holds), or null where the version removed it.

use accord_store::{RecordKind, RecordVersion};
use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::ErrorBody;
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::routes::history::{parsed, versions};
use crate::{ApiError, AppState};

/// One version of an incident.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IncidentVersion {
    /// From 1.
    version: u32,
    /// When it was written (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    at: String,
    /// Who wrote it.
    by: String,
    /// The incident as it was; null if this version removed it.
    #[schema(value_type = Option<IncidentRecord>)]
    record: Option<Value>,
}

/// One version of a finding.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct FindingVersion {
    version: u32,
    at: String,
    by: String,
    /// The finding as it was; null if this version removed it.
    #[schema(value_type = Option<FindingRecord>)]
    record: Option<Value>,
}

/// One version of a source.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SourceVersion {
    version: u32,
    at: String,
    by: String,
    /// The source as it was; null if this version removed it.
    #[schema(value_type = Option<SourceRecord>)]
    record: Option<Value>,
}

/// An incident's canonical JSON, as versioned and logged.
#[derive(Debug, ToSchema)]
#[expect(dead_code, reason = "documents the stored JSON; never constructed")]
pub(crate) struct IncidentRecord {
    id: String,
    date: String,
    title: String,
    kind: String,
    summary: Option<String>,
    place: Option<String>,
    themes: Vec<String>,
    sources: Vec<String>,
    actors: Vec<super::incidents::ActorRole>,
    evidence: Vec<EvidenceRefRecord>,
    /// `public` or `restricted`; absent for `case`, the default.
    sensitivity: Option<String>,
    /// For a restricted record: the members it is shown to; absent when nobody is named.
    restricted_to: Option<Vec<String>>,
}

/// A file an incident names by hash.
#[derive(Debug, ToSchema)]
#[expect(dead_code, reason = "documents the stored JSON; never constructed")]
pub(crate) struct EvidenceRefRecord {
    sha256: String,
    name: String,
    media_type: Option<String>,
}

/// A finding's canonical JSON, as versioned and logged.
#[derive(Debug, ToSchema)]
#[expect(dead_code, reason = "documents the stored JSON; never constructed")]
pub(crate) struct FindingRecord {
    id: String,
    incidents: Vec<String>,
    provision: String,
    verdict: String,
    status: String,
    rationale: String,
    author: Option<String>,
    reviewed_by: Option<String>,
}

/// A source's canonical JSON, as versioned and logged.
#[derive(Debug, ToSchema)]
#[expect(dead_code, reason = "documents the stored JSON; never constructed")]
pub(crate) struct SourceRecord {
    id: String,
    authors: Vec<String>,
    title: String,
    publisher: Option<String>,
    date: Option<String>,
    url: Option<String>,
    accessed: Option<String>,
    note: Option<String>,
    /// `public` or `restricted`; absent for `case`, the default.
    sensitivity: Option<String>,
    /// For a restricted record: the members it is shown to; absent when nobody is named.
    restricted_to: Option<Vec<String>>,
}

/// The versions as the API serves them, through one constructor per kind.
async fn serve<T>(
    state: &AppState,
    viewer: &Viewer,
    case: &str,
    kind: RecordKind,
    id: &str,
    make: fn(u32, String, String, Option<Value>) -> T,
) -> Result<Json<Vec<T>>, ApiError> {
    let access = CaseAccess::load(state, viewer, case).await?;
    let versions: Vec<RecordVersion> = versions(state, &access, kind, id).await?;
    let mut out = Vec::with_capacity(versions.len());
    for v in &versions {
        out.push(make(v.version, v.at.clone(), v.actor.clone(), parsed(v)?));
    }
    Ok(Json(out))
}

/// Every version of an incident, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/incidents/{incident}/history",
    operation_id = "incident_history",
    tag = "history",
    params(
        ("id" = String, Path, description = "Case id"),
        ("incident" = String, Path, description = "Incident id"),
    ),
    responses(
        (status = 200, description = "The versions, oldest first", body = [IncidentVersion]),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or incident, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn incident(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Json<Vec<IncidentVersion>>, ApiError> {
    serve(
        &state,
        &viewer,
        &id,
        RecordKind::Incident,
        &record,
        |version, at, by, record| IncidentVersion {
            version,
            at,
            by,
            record,
        },
    )
    .await
}

/// Every version of a finding, oldest first (its review decisions among them).
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/findings/{finding}/history",
    operation_id = "finding_history",
    tag = "history",
    params(
        ("id" = String, Path, description = "Case id"),
        ("finding" = String, Path, description = "Finding id"),
    ),
    responses(
        (status = 200, description = "The versions, oldest first", body = [FindingVersion]),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or finding, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn finding(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Json<Vec<FindingVersion>>, ApiError> {
    serve(
        &state,
        &viewer,
        &id,
        RecordKind::Finding,
        &record,
        |version, at, by, record| FindingVersion {
            version,
            at,
            by,
            record,
        },
    )
    .await
}

/// Every version of a source, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/sources/{source}/history",
    operation_id = "source_history",
    tag = "history",
    params(
        ("id" = String, Path, description = "Case id"),
        ("source" = String, Path, description = "Source id"),
    ),
    responses(
        (status = 200, description = "The versions, oldest first", body = [SourceVersion]),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or source, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn source(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Json<Vec<SourceVersion>>, ApiError> {
    serve(
        &state,
        &viewer,
        &id,
        RecordKind::Source,
        &record,
        |version, at, by, record| SourceVersion {
            version,
            at,
            by,
            record,
        },
    )
    .await
}
