//! `/api/v1/cases/{id}/actors`: the states, bodies, officials and organisations a case names, as
//! the web's actor pages show them (read-only, like the web: actors come with the case bundle).

use accord_core::Named;
use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::ErrorBody;
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::case_cache::snapshot;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState};

/// Someone who acts or is acted upon: a state, a ministry, an official, a party, an NGO.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Actor {
    /// Unique within the case.
    id: String,
    /// `state`, `government_body`, `official`, `party`, `organisation`, ...
    kind: String,
    name: String,
    aliases: Vec<String>,
    country: Option<String>,
    /// For groups and bodies: the ids of the actors they are made of.
    members: Vec<String>,
    /// Who may see the actor: `public`, `case` or `restricted`.
    sensitivity: String,
    /// For a restricted actor: the members (by e-mail address) it is shown to, besides owners.
    restricted_to: Vec<String>,
}

fn actor(a: &accord_core::Actor) -> Actor {
    Actor {
        id: a.id.clone(),
        kind: a.kind.as_str().to_owned(),
        name: a.name.clone(),
        aliases: a.aliases.clone(),
        country: a.country.clone(),
        members: a.members.clone(),
        sensitivity: a.sensitivity.as_str().to_owned(),
        restricted_to: a.restricted_to.clone(),
    }
}

/// The actors of a case, in the bundle's order.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/actors",
    operation_id = "list_actors",
    tag = "actors",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The actors", body = [Actor]),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Json<Vec<Actor>>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let snap = snapshot(&state, &access.case).await?;
    let vis = Visibility::load(&state, &access).await?;
    Ok(Json(
        snap.case
            .case()
            .actors
            .iter()
            .filter_map(|a| vis.actor(a))
            .map(|a| actor(&a))
            .collect(),
    ))
}

/// One actor.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/actors/{actor}",
    operation_id = "get_actor",
    tag = "actors",
    params(
        ("id" = String, Path, description = "Case id"),
        ("actor" = String, Path, description = "Actor id"),
    ),
    responses(
        (status = 200, description = "The actor", body = Actor),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or actor, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, actor_id)): Path<(String, String)>,
) -> Result<Json<Actor>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let snap = snapshot(&state, &access.case).await?;
    let vis = Visibility::load(&state, &access).await?;
    let a = snap
        .case
        .actor(&actor_id)
        .and_then(|a| vis.actor(a))
        .ok_or(AppError::NotFound)?;
    Ok(Json(actor(&a)))
}
