//! An actor's page: who they are and the incidents they are part of.

use accord_store::TimelineFilter;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use accord_core::Named;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::case_cache::snapshot;
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new().route("/cases/{id}/actors/{actor}", get(show))
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, actor)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let snap = snapshot(&state, &access.case).await?;
    // An actor this reader may not see does not exist for them; nor do hidden incidents.
    let vis = Visibility::load(&state, &access).await?;
    let case = &snap.case;
    let a = case
        .actor(&actor)
        .and_then(|a| vis.actor(a))
        .ok_or(AppError::NotFound)?;
    let filter = TimelineFilter {
        actor: Some(actor.clone()),
        audience: vis.audience().clone(),
        ..TimelineFilter::default()
    };
    let page = state.store.timeline(&id, &filter, 20, 0).await?;
    let titles =
        super::translations::incident_titles(&state, &access.case, &page.items, viewer.lang)
            .await?;
    let incidents: Vec<Value> = page
        .items
        .iter()
        .map(|i| context! { id => &i.id, title => &i.title, shown => titles.get(&i.id), date => viewer.lang.date(i.date) })
        .collect();
    // The actor's name in the reader's language where translated, and the form for editors.
    let tr = accord_core::Translations::of(case);
    let kind = accord_core::TextKind::Actor;
    let shown_name = super::translations::shown(&tr, kind, &a.id, "name", &a.name, viewer.lang);
    let translate = access.can_edit().then(|| {
        let here = format!("/cases/{id}/actors/{actor}");
        super::translations::form(&tr, kind, &a.id, &[Some(&a.name)], viewer.lang, &here)
    });
    let members: Vec<Value> = a
        .members
        .iter()
        .filter_map(|m| case.actor(m))
        .map(|m| context! { id => &m.id, name => &m.name })
        .collect();
    let ctx = context! {
        title => &a.name,
        shown_name,
        translate,
        a => context! { id => &a.id, name => &a.name, kind => a.kind.as_str(), aliases => &a.aliases, country => &a.country, members },
        incidents,
        total => page.total,
    };
    Ok(state
        .page(&viewer, "actor.html", with_case(&access, ctx))?
        .into_response())
}
