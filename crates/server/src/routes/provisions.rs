//! Provisions: the list by instrument, one provision with its text and findings, and the
//! citation suggestions of the finding form.

use accord_core::{Citation, Named, evaluate};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::as_of::{self, CaseAt};
use crate::auth::Viewer;
use crate::case_cache::snapshot;
use crate::forms::Fields;
use crate::routes::cases::{finding_chain, human_day};
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/cases/{id}/provisions", get(list))
        .route("/cases/{id}/provisions/suggest", get(suggest))
        .route("/cases/{id}/provisions/{citation}", get(show))
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let snap = snapshot(&state, &access.case).await?;
    let status = evaluate(&snap.case);
    let instruments: Vec<Value> = snap
        .case
        .instruments
        .iter()
        .map(|ins| {
            let provisions: Vec<Value> = status
                .provisions
                .iter()
                .filter(|p| p.provision.citation.instrument() == ins.id)
                .map(|p| context! { citation => p.provision.citation.to_string(), heading => &p.provision.heading, state => p.state.as_str() })
                .collect();
            context! { id => &ins.id, title => &ins.title, kind => ins.kind.as_str(), date => ins.date.map(accord_core::DateSpec::to_human), notes => &ins.notes, provisions }
        })
        .collect();
    Ok(state
        .page(
            &viewer,
            "provisions.html",
            with_case(&access, context! { title => "Provisions", instruments }),
        )?
        .into_response())
}

/// One provision: its text and the confirmed findings on it; with `?as_of=YYYY-MM-DD`, its
/// status as it stood on that day.
async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, citation)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let cite = Citation::parse(&citation).map_err(|_| AppError::NotFound)?;
    let (day, as_of_error) = match as_of::from_query(query.as_deref()) {
        Ok(day) => (day, None),
        Err(e) => (None, Some(e.to_string())),
    };
    let case = CaseAt::load(&state, &access.case, day).await?;
    let status = evaluate(&case);
    let ps = status
        .provisions
        .iter()
        .find(|p| p.provision.citation == cite)
        .ok_or(AppError::NotFound)?;
    let p = ps.provision;
    let instrument = case
        .instrument(cite.instrument())
        .map(|i| i.title.clone())
        .unwrap_or_default();
    let findings: Vec<Value> = ps
        .findings
        .iter()
        .map(|f| finding_chain(&case, f))
        .collect();
    let refused = as_of_error.is_some();
    let ctx = context! {
        title => p.citation.to_string(),
        findings,
        as_of => day.map(|d| d.to_string()), as_of_human => day.map(human_day), as_of_error,
        p => context! {
            citation => p.citation.to_string(), heading => &p.heading, instrument, state => ps.state.as_str(),
            themes => &p.themes, text => &p.text, status => p.status.as_str(), text_source => &p.text_source,
            lang => "en",
            translations => p.translations.iter().map(|t| context! { lang => &t.lang, text => &t.text, status => t.status.as_str(), source => &t.source }).collect::<Vec<_>>(),
        },
    };
    let mut r = state
        .page(&viewer, "provision.html", with_case(&access, ctx))?
        .into_response();
    if refused {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// Citations that contain what was typed (case-insensitive), for the finding form (htmx).
async fn suggest(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let f = Fields::from_query(q.as_deref());
    let typed = f
        .get("provision")
        .or_else(|| f.get("q"))
        .unwrap_or("")
        .to_lowercase();
    let refs = crate::case_cache::refs(&state, &access.case).await?;
    let items: Vec<String> = if typed.is_empty() {
        Vec::new()
    } else {
        refs.provisions
            .iter()
            .filter(|p| p.to_lowercase().contains(&typed))
            .take(12)
            .cloned()
            .collect()
    };
    Ok(axum::response::Html(
        state
            .templates
            .render("suggestions.html", context! { items, q => typed })?,
    )
    .into_response())
}
