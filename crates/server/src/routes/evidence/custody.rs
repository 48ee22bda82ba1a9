//! The chain of custody from the item's page: recording what was done with an item (copied,
//! exported, handed to another organisation) and checking its bytes now (re-hashed; a match is
//! recorded as `verified`).

use accord_actions::ActionError;
use accord_core::CustodyAction;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::see_other;
use crate::{AppError, AppState};

/// What people record by hand; `received`, `downloaded` and `derived` are recorded by Accord
/// itself as they happen, and `verified` only after the bytes were checked.
pub(crate) const BY_HAND: [CustodyAction; 4] = [
    CustodyAction::Viewed,
    CustodyAction::Copied,
    CustodyAction::Exported,
    CustodyAction::HandedOver,
];

/// `POST /cases/{id}/evidence/{evidence}/custody` (editors and owners).
pub(crate) async fn record(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, evidence)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let f = Fields::from_body(&body);
    let action = f
        .get("action")
        .map(CustodyAction::from_name)
        .transpose()
        .map_err(|e| AppError::invalid("action", e))?
        .filter(|a| BY_HAND.contains(a))
        .ok_or_else(|| {
            AppError::invalid("action", "choose viewed, copied, exported or handed over")
        })?;
    let note = f.text("note").map(|n| n.trim().to_owned());
    if action == CustodyAction::HandedOver && note.is_none() {
        return Err(AppError::invalid(
            "note",
            "say to whom it was handed, and how",
        ));
    }
    state
        .actions
        .add_custody(&id, &evidence, action, note, &viewer.audit_name())
        .await?;
    Ok(see_other(&format!(
        "/cases/{id}/evidence/{evidence}?logged=1"
    )))
}

/// `POST /cases/{id}/evidence/{evidence}/verify` (editors, reviewers and owners): read the
/// stored bytes again; if their SHA-256 and size are the record's, record `verified`.
pub(crate) async fn verify(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, evidence)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    if !access.can_review() {
        access.require_edit(&viewer)?;
    }
    let item = state
        .store
        .evidence(&id, &evidence)
        .await?
        .ok_or(AppError::NotFound)?;
    let (sha256, size) = state
        .actions
        .blobs()
        .rehash(&item.sha256)
        .await
        .map_err(ActionError::from)?;
    if sha256 != item.sha256 || size != item.size {
        tracing::error!(case = %id, evidence = %evidence, expected = %item.sha256, found = %sha256, "stored evidence bytes changed");
        return Err(AppError::Conflict(format!(
            "the stored file no longer matches its record: SHA-256 {sha256} and {size} bytes, \
             where {} and {} bytes were received; run `accord verify` and tell the instance's \
             administrator",
            item.sha256, item.size
        )));
    }
    state
        .actions
        .add_custody(
            &id,
            &evidence,
            CustodyAction::Verified,
            Some("SHA-256 recomputed from the stored bytes: it matches".into()),
            &viewer.audit_name(),
        )
        .await?;
    Ok(see_other(&format!(
        "/cases/{id}/evidence/{evidence}?verified=1"
    )))
}
