//! `/api/v1/cases/{id}/…/evidence`: uploading a file as the raw request body (streamed, with its
//! metadata in the query string), reading an item's record and custody log, and downloading its
//! exact bytes.

use accord_core::{CustodyAction, Evidence as DomainEvidence};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::TryStreamExt;
use serde::{Deserialize, Serialize};
use tokio_util::io::StreamReader;
use utoipa::{IntoParams, ToSchema};

use super::{ErrorBody, invalid, parse_body};
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::disclosure::Disclosure;
use crate::forms::Fields;
use crate::routes::evidence::download;
use crate::routes::evidence::upload::CaptureFields;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState};

/// What the server recorded for an uploaded file.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Received {
    /// The evidence item's id.
    id: String,
    /// SHA-256 of the bytes received (what `sha256sum` prints for the file).
    sha256: String,
    /// Bytes received.
    size: u64,
    /// Sniffed from the content.
    media_type: String,
}

/// The metadata of an upload, in the query string (the body is the file).
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "only describes the query parameters in the OpenAPI document"
)]
pub(crate) struct UploadQuery {
    /// The file's name (only its last component is kept). Required.
    file_name: String,
    /// An id for the item; made from the file name when absent.
    id: Option<String>,
    /// The id of a source of the case this file is a copy of.
    source: Option<String>,
    note: Option<String>,
    /// When it was captured (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    captured_at: Option<String>,
    /// Who captured it.
    captured_by: Option<String>,
    /// Where the original was found (`http://` or `https://`).
    source_url: Option<String>,
    /// How it was obtained: download, screenshot, handed over by a witness, ...
    method: Option<String>,
    /// The tool or device used.
    tool: Option<String>,
    /// Where it was captured.
    place: Option<String>,
    /// For a working copy: the id of the original item (which is not changed, and records
    /// `derived`).
    derived_from: Option<String>,
    /// For a working copy: what was done to the original (required with `derived_from`).
    what: Option<String>,
}

/// An event to add to an item's chain of custody.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CustodyInput {
    /// `viewed`, `copied`, `exported` or `handed_over` (the others are recorded by Accord as
    /// they happen).
    action: String,
    /// To whom, where, how; required for `handed_over`.
    #[serde(default)]
    note: Option<String>,
}

/// An evidence item: the file's hash and type, its capture record and chain of custody.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EvidenceItem {
    id: String,
    sha256: String,
    size: u64,
    media_type: String,
    /// Its name in the case (and in a bundle's `evidence/` directory).
    file: String,
    incident: Option<String>,
    source: Option<String>,
    note: Option<String>,
    capture: CaptureRecord,
    /// Set for a working copy: the original and what was done.
    derived_from: Option<Derivation>,
    /// Oldest first.
    custody: Vec<CustodyEvent>,
}

/// How an item was captured.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CaptureRecord {
    captured_at: Option<String>,
    captured_by: Option<String>,
    source_url: Option<String>,
    method: Option<String>,
    tool: Option<String>,
    place: Option<String>,
}

/// What a working copy was made from.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Derivation {
    original: String,
    what: String,
}

/// One event in an item's chain of custody.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CustodyEvent {
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    at: String,
    by: String,
    /// `received`, `viewed`, `downloaded`, `copied`, `exported`, `handed_over`, `verified` or
    /// `derived`.
    action: String,
    note: Option<String>,
}

fn evidence(e: &DomainEvidence) -> EvidenceItem {
    let c = &e.capture;
    EvidenceItem {
        id: e.id.clone(),
        sha256: e.sha256.clone(),
        size: e.size,
        media_type: e.media_type.clone(),
        file: e.file.clone(),
        incident: e.incident.clone(),
        source: e.source.clone(),
        note: e.note.clone(),
        capture: CaptureRecord {
            captured_at: c.captured_at.clone(),
            captured_by: c.captured_by.clone(),
            source_url: c.source_url.clone(),
            method: c.method.clone(),
            tool: c.tool.clone(),
            place: c.place.clone(),
        },
        derived_from: e.derived_from.as_ref().map(|d| Derivation {
            original: d.original.clone(),
            what: d.what.clone(),
        }),
        custody: e
            .custody
            .iter()
            .map(|k| CustodyEvent {
                at: k.at.clone(),
                by: k.by.clone(),
                action: k.action.as_str().to_owned(),
                note: k.note.clone(),
            })
            .collect(),
    }
}

/// Upload a file documenting an incident (editors and owners). The body is the file's bytes,
/// streamed: it is hashed and stored as it arrives, never held whole.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/incidents/{incident}/evidence",
    operation_id = "upload_evidence",
    tag = "evidence",
    params(
        ("id" = String, Path, description = "Case id"),
        ("incident" = String, Path, description = "Incident id"),
        UploadQuery,
    ),
    request_body(content = Vec<u8>, content_type = "application/octet-stream",
        description = "The file, byte for byte"),
    responses(
        (status = 201, description = "Received; `Location` is the item's URL", body = Received,
            headers(("Location" = String, description = "The new item's URL"))),
        (status = 400, description = "The upload stopped before its end; nothing was kept", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case or incident, or the caller may not see the case", body = ErrorBody),
        (status = 409, description = "The case has an item with this id already", body = ErrorBody),
        (status = 413, description = "The file is larger than the server's upload limit", body = ErrorBody),
        (status = 422, description = "A query parameter is not valid; `field` names it", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn upload(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, incident)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
    body: Body,
) -> Result<Response, ApiError> {
    // Access first: nothing of the body is read for a caller who may not upload.
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    // An incident this caller may not see does not exist for them.
    if !Visibility::load(&state, &access)
        .await?
        .sees_incident(&incident)
    {
        return Err(ApiError(AppError::NotFound));
    }
    let q = Fields::from_query(raw.as_deref());
    let file_name = q
        .get("file_name")
        .ok_or_else(|| invalid("file_name", "give the file's name"))?
        .to_owned();
    let mut fields = CaptureFields::default();
    for name in [
        "id",
        "source",
        "note",
        "captured_at",
        "captured_by",
        "source_url",
        "method",
        "tool",
        "place",
        "sensitivity",
        "restricted_to",
    ] {
        if let Some(v) = q.get(name) {
            fields.set(name, v);
        }
    }
    let mut new = fields.into_new(file_name, Some(incident))?;
    if let Some(original) = q.get("derived_from") {
        let what = q
            .get("what")
            .ok_or_else(|| invalid("what", "say what was done to the original"))?;
        new.derived_from = Some(accord_core::Derivation {
            original: original.to_owned(),
            what: what.to_owned(),
        });
    }
    let mut reader = StreamReader::new(body.into_data_stream().map_err(std::io::Error::other));
    let ev = state
        .actions
        .add_evidence(
            &id,
            new,
            &mut reader,
            state.config.upload_limit,
            &viewer.audit_name(),
        )
        .await?;
    if let Some(d) = &ev.derived_from {
        state
            .actions
            .add_custody(
                &id,
                &d.original,
                CustodyAction::Derived,
                Some(format!("working copy {}: {}", ev.id, d.what)),
                &viewer.audit_name(),
            )
            .await?;
    }
    tracing::info!(case = %id, evidence = %ev.id, sha256 = %ev.sha256, size = ev.size, via = "api", "evidence received");
    let location = format!("/api/v1/cases/{id}/evidence/{}", ev.id);
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        Json(Received {
            id: ev.id,
            sha256: ev.sha256,
            size: ev.size,
            media_type: ev.media_type,
        }),
    )
        .into_response())
}

/// An evidence item's record: hash, capture record, chain of custody.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/evidence/{evidence}",
    operation_id = "get_evidence",
    tag = "evidence",
    params(
        ("id" = String, Path, description = "Case id"),
        ("evidence" = String, Path, description = "Evidence item id"),
    ),
    responses(
        (status = 200, description = "The item", body = EvidenceItem),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or item, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, evidence_id)): Path<(String, String)>,
) -> Result<Json<EvidenceItem>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let disclosure = Disclosure::load(&state, &access).await?;
    let e = Visibility::load(&state, &access)
        .await?
        .evidence_item(&state, &id, &evidence_id)
        .await?;
    Ok(Json(evidence(&disclosure.evidence(&e))))
}

/// The item's exact bytes (logged as `downloaded` in its chain of custody). Raster images keep
/// their type; anything else is sent as `application/octet-stream`, as an attachment.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/evidence/{evidence}/file",
    operation_id = "download_evidence",
    tag = "evidence",
    params(
        ("id" = String, Path, description = "Case id"),
        ("evidence" = String, Path, description = "Evidence item id"),
    ),
    responses(
        (status = 200, description = "The file, byte for byte; `X-Evidence-SHA256` is its hash",
            content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or item, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn file(
    State(state): State<AppState>,
    viewer: Viewer,
    method: Method,
    Path((id, evidence_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // A file this caller may not see does not exist for them.
    Visibility::load(&state, &access)
        .await?
        .evidence_item(&state, &id, &evidence_id)
        .await?;
    Ok(download::response(&state, &viewer, &method, &id, &evidence_id).await?)
}

/// Record what was done with an item (editors and owners): viewed, copied, exported or handed
/// over to another organisation.
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/evidence/{evidence}/custody",
    operation_id = "add_custody_event",
    tag = "evidence",
    params(
        ("id" = String, Path, description = "Case id"),
        ("evidence" = String, Path, description = "Evidence item id"),
    ),
    request_body = CustodyInput,
    responses(
        (status = 201, description = "Recorded; the item with its chain of custody", body = EvidenceItem),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case or item, or the caller may not see the case", body = ErrorBody),
        (status = 422, description = "The event is not valid; `field` names the problem", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn add_custody(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, evidence_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    // An item this caller may not see does not exist for them.
    Visibility::load(&state, &access)
        .await?
        .evidence_item(&state, &id, &evidence_id)
        .await?;
    let input: CustodyInput = parse_body(&body)?;
    let action = CustodyAction::from_name(input.action.trim()).map_err(|e| invalid("action", e))?;
    state
        .actions
        .record_custody(&id, &evidence_id, action, input.note, &viewer.audit_name())
        .await?;
    let e = state
        .store
        .evidence(&id, &evidence_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(evidence(&e))).into_response())
}
