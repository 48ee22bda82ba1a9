//! The chain of custody from the item's page: recording what was done with an item (copied,
//! exported, handed to another organisation) and checking its bytes now (re-hashed; a match is
//! recorded as `verified`).

use accord_core::CustodyAction;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::see_other;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

/// What people record by hand (the action layer's rule).
pub(crate) use accord_actions::CUSTODY_BY_HAND as BY_HAND;

/// `POST /cases/{id}/evidence/{evidence}/custody` (editors and owners).
pub(crate) async fn record(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, evidence)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    // An item this editor may not see does not exist for them.
    Visibility::load(&state, &access)
        .await?
        .evidence_item(&state, &id, &evidence)
        .await?;
    let f = Fields::from_body(&body);
    let action = f
        .get("action")
        .map(CustodyAction::from_name)
        .transpose()
        .map_err(|e| AppError::invalid("action", e))?
        .ok_or_else(|| {
            AppError::invalid("action", "choose viewed, copied, exported or handed over")
        })?;
    state
        .actions
        .record_custody(
            &id,
            &evidence,
            action,
            f.text("note").map(str::to_owned),
            &viewer.audit_name(),
        )
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
    Visibility::load(&state, &access)
        .await?
        .evidence_item(&state, &id, &evidence)
        .await?;
    state
        .actions
        .check_evidence(&id, &evidence, &viewer.audit_name())
        .await?;
    Ok(see_other(&format!(
        "/cases/{id}/evidence/{evidence}?verified=1"
    )))
}
