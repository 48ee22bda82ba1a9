//! A mechanism's page: the provision that creates it, its status, the chain behind it, and the
//! letters that asked for it with what each party did.

use accord_core::evaluate;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use minijinja::context;

use crate::access::CaseAccess;
use crate::as_of::{self, CaseAt};
use crate::auth::Viewer;
use crate::routes::cases::{human_day, mechanism_view};
use crate::routes::follow_through::{requests_view, today_or};
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new().route("/cases/{id}/mechanisms/{mechanism}", get(show))
}

/// The mechanism; with `?as_of=YYYY-MM-DD`, as it stood on that day (its status, the findings
/// behind it, the letters written by then and what was answered by then).
async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, mechanism)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // A date the form could not have sent is said next to the form; the page shows today's.
    let (day, as_of_error) = match as_of::from_query(query.as_deref()) {
        Ok(day) => (day, None),
        Err(e) => (None, Some(e.to_string())),
    };
    let case = CaseAt::load(&state, &access.case, day).await?;
    // Computed from what this reader may see: a hidden incident triggers nothing for them.
    let case = Visibility::load(&state, &access).await?.case(&case)?;
    let status = evaluate(&case);
    let m = status
        .mechanisms
        .iter()
        .find(|m| m.mechanism.id == mechanism)
        .ok_or(AppError::NotFound)?;
    let view = mechanism_view(&case, m, usize::MAX);
    let requests = requests_view(&case, m.mechanism, today_or(day));
    // Its name and action in the reader's language where translated; the form for editors.
    let tr = accord_core::Translations::of(&case);
    let (kind, mid) = (accord_core::TextKind::Mechanism, m.mechanism.id.as_str());
    let say = |field: &str, text: &str| {
        super::translations::shown(&tr, kind, mid, field, text, viewer.lang)
    };
    let shown = context! {
        name => say("name", &m.mechanism.name),
        action => say("action", &m.mechanism.action),
    };
    let translate = access.can_edit().then(|| {
        let originals = [
            Some(m.mechanism.name.as_str()),
            Some(m.mechanism.action.as_str()),
        ];
        let here = format!("/cases/{id}/mechanisms/{mechanism}");
        super::translations::form(&tr, kind, mid, &originals, viewer.lang, &here)
    });
    let refused = as_of_error.is_some();
    let mut r = state
        .page(
            &viewer,
            "mechanism.html",
            with_case(
                &access,
                context! {
                    title => &m.mechanism.name, m => view, requests, shown, translate,
                    as_of => day.map(|d| d.to_string()), as_of_human => day.map(human_day),
                    as_of_error,
                },
            ),
        )?
        .into_response();
    if refused {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}
