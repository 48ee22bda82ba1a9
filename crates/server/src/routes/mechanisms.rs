//! A mechanism's page: the provision that creates it, its status, the chain behind it, and the
//! letters that asked for it with what each party did.

use accord_core::evaluate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use minijinja::context;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::case_cache::snapshot;
use crate::routes::cases::mechanism_view;
use crate::routes::follow_through::{requests_view, today_or};
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new().route("/cases/{id}/mechanisms/{mechanism}", get(show))
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, mechanism)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let snap = snapshot(&state, &access.case).await?;
    // Computed from what this reader may see: a hidden incident triggers nothing for them.
    let case = Visibility::load(&state, &access).await?.case(&snap.case)?;
    let status = evaluate(&case);
    let m = status
        .mechanisms
        .iter()
        .find(|m| m.mechanism.id == mechanism)
        .ok_or(AppError::NotFound)?;
    let view = mechanism_view(&case, m, usize::MAX);
    let requests = requests_view(&case, m.mechanism, today_or(None));
    Ok(state
        .page(
            &viewer,
            "mechanism.html",
            with_case(
                &access,
                context! { title => &m.mechanism.name, m => view, requests },
            ),
        )?
        .into_response())
}
