//! `/api/v1/cases/{id}/provisions`: the provisions of a case's instruments, with their text, its
//! provenance and their state under the case's confirmed findings.

use accord_core::{Citation, Named, ProvisionStatus, evaluate};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde::Serialize;
use utoipa::ToSchema;

use super::ErrorBody;
use crate::access::CaseAccess;
use crate::as_of::{self, CaseAt};
use crate::auth::Viewer;
use crate::views::ObservationSummary;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState};

/// A citable provision.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Provision {
    /// The canonical citation (`FPA Art. 3(1)`); also the provision's id in URLs.
    citation: String,
    /// The instrument's id (`FPA`).
    instrument: String,
    heading: Option<String>,
    themes: Vec<String>,
    /// The text in the instrument's working language; null when it is missing.
    text: Option<String>,
    /// How far the text can be trusted: `verified`, `unverified`, `translation`, `quoted`,
    /// `missing`.
    text_status: String,
    /// Where the text comes from.
    text_source: Option<String>,
    translations: Vec<Translation>,
    /// Under the confirmed findings: `violated`, `threatened`, `concern` or `none`.
    status: String,
    /// Ids of the confirmed findings on it or its sub-divisions.
    findings: Vec<String>,
    /// The latest confirmed observation of its implementation, or null (as of `as_of` when
    /// given).
    observation: Option<ObservationSummary>,
    /// `YYYY-MM-DD`: present when `status` and `findings` are as of that day (`?as_of=`).
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
}

/// A provision's text in another language.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Translation {
    /// BCP 47 language tag.
    lang: String,
    text: String,
    text_status: String,
    source: Option<String>,
}

fn provision(ps: &ProvisionStatus<'_>, as_of: Option<accord_core::Day>) -> Provision {
    let p = ps.provision;
    Provision {
        citation: p.citation.to_string(),
        instrument: p.citation.instrument().to_owned(),
        heading: p.heading.clone(),
        themes: p.themes.clone(),
        text: p.text.clone(),
        text_status: p.status.as_str().to_owned(),
        text_source: p.text_source.clone(),
        translations: p
            .translations
            .iter()
            .map(|t| Translation {
                lang: t.lang.clone(),
                text: t.text.clone(),
                text_status: t.status.as_str().to_owned(),
                source: t.source.clone(),
            })
            .collect(),
        status: ps.state.as_str().to_owned(),
        findings: ps.findings.iter().map(|f| f.id.clone()).collect(),
        observation: ps.observation.map(ObservationSummary::new),
        as_of: as_of.map(|d| d.to_string()),
    }
}

/// The `as_of` query parameter, as both endpoints document it.
const AS_OF: &str = "`YYYY-MM-DD`: each provision's status as it stood on that day, from the incidents that may have happened by then and the findings on them";

/// Every provision of the case's instruments, in instrument order.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/provisions",
    operation_id = "list_provisions",
    tag = "provisions",
    params(
        ("id" = String, Path, description = "Case id"),
        ("as_of" = Option<String>, Query, description = AS_OF, example = "2017-02-01"),
    ),
    responses(
        (status = 200, description = "The provisions", body = [Provision]),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "`as_of` is not a day (`field`: `as_of`)", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<Vec<Provision>>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let day = as_of::from_query(query.as_deref())?;
    let case = CaseAt::load(&state, &access.case, day).await?;
    // Computed from what this caller may see.
    let case = Visibility::load(&state, &access).await?.case(&case)?;
    let status = evaluate(&case);
    Ok(Json(
        status
            .provisions
            .iter()
            .map(|p| provision(p, day))
            .collect(),
    ))
}

/// One provision, by its citation (URL-encoded: `FPA%20Art.%203(1)`).
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/provisions/{citation}",
    operation_id = "get_provision",
    tag = "provisions",
    params(
        ("id" = String, Path, description = "Case id"),
        ("citation" = String, Path, description = "Canonical citation, URL-encoded", example = "FPA Art. 3(1)"),
        ("as_of" = Option<String>, Query, description = AS_OF, example = "2017-02-01"),
    ),
    responses(
        (status = 200, description = "The provision", body = Provision),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or provision, or the caller may not see the case", body = ErrorBody),
        (status = 422, description = "`as_of` is not a day (`field`: `as_of`)", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, citation)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Json<Provision>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // A citation that does not parse names no provision.
    let cite = Citation::parse(&citation).map_err(|_| AppError::NotFound)?;
    let day = as_of::from_query(query.as_deref())?;
    let case = CaseAt::load(&state, &access.case, day).await?;
    // Computed from what this caller may see.
    let case = Visibility::load(&state, &access).await?.case(&case)?;
    let status = evaluate(&case);
    let ps = status
        .provisions
        .iter()
        .find(|p| p.provision.citation == cite)
        .ok_or(AppError::NotFound)?;
    Ok(Json(provision(ps, day)))
}
