//! Implementation observations on the web: recording one from a provision's page (editors, as a
//! draft) and reviewing one (reviewers confirm, retract or return it to draft). The page itself
//! is the provision's (`routes/provisions.rs`), which lists them.
//!
//! Readers who are not members of the case see confirmed observations only ([`visible`]), and the
//! people they name as those people chose, as for findings (`crate::disclosure`).

use accord_actions::ActionError;
use accord_core::date::Point;
use accord_core::{Citation, Named, Observation, ObservationStatus, Score};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::disclosure::Disclosure;
use crate::forms::Fields;
use crate::routes::provisions;
use crate::routes::see_other;
use crate::routes::table::{Routes, post};
use crate::{AppError, AppState, secrets};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route(
            "/cases/{id}/provisions/{citation}/observations",
            post(create),
        )
        .route(
            "/cases/{id}/observations/{observation}/status",
            post(review),
        )
}

/// The observations this reader may see: every one for a member of the case, the confirmed ones
/// for anyone else.
pub(crate) fn visible<'a>(
    all: &'a [Observation],
    disclosure: &'a Disclosure,
) -> impl Iterator<Item = &'a Observation> + 'a {
    all.iter()
        .filter(move |o| disclosure.member() || o.status == ObservationStatus::Confirmed)
}

/// A new observation's id: readable (`o-fpa-art-3-1-2030-…`) and unique.
pub(crate) fn new_id(provision: &Citation, date: Point) -> Result<String, AppError> {
    secrets::record_id(&format!("o {provision} {date}"), "o")
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// What the form on the provision page holds: the values typed and what was refused.
#[derive(Debug, Default, Clone)]
pub(crate) struct ObservationForm {
    pub date: String,
    pub score: String,
    pub sources: String,
    pub coded_by: String,
    pub note: String,
    /// (field, message)
    pub errors: Vec<(String, String)>,
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, citation)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let provision = Citation::parse(&citation).map_err(|_| AppError::NotFound)?;
    let f = Fields::from_body(&body);
    let mut form = ObservationForm {
        date: f.get("date").unwrap_or("").to_owned(),
        score: f.get("score").unwrap_or("").to_owned(),
        sources: f.get("sources").unwrap_or("").to_owned(),
        coded_by: f.get("coded_by").unwrap_or("").to_owned(),
        note: f.text("note").unwrap_or("").trim().to_owned(),
        errors: Vec::new(),
    };
    let date = accord_core::observation::parse_date(&form.date)
        .map_err(|e| {
            let said = crate::refusals::beside_field(&state.say(viewer.lang), &e);
            form.errors.push(("date".into(), said));
        })
        .ok();
    let score = Score::parse(&form.score)
        .map_err(|e| form.errors.push(("score".into(), e.to_string())))
        .ok();
    let (Some(date), Some(score)) = (date, score) else {
        return provisions::page(&state, &viewer, &access, &provision, None, None, form).await;
    };
    let o = Observation {
        id: new_id(&provision, date)?,
        provision: provision.clone(),
        date,
        score,
        sources: form
            .sources
            .split([',', ' ', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        coded_by: Some(if form.coded_by.is_empty() {
            viewer.audit_name()
        } else {
            form.coded_by.clone()
        }),
        note: (!form.note.is_empty()).then(|| form.note.clone()),
        status: ObservationStatus::Draft,
        reviewed_by: None,
    };
    match state
        .actions
        .add_observation(&id, o, &viewer.audit_name())
        .await
    {
        Ok(o) => Ok(see_other(&format!(
            "{}#observation-{}",
            provisions::path(&id, &provision),
            o.id
        ))),
        Err(ActionError::Invalid { field, message }) => {
            let said = crate::refusals::beside_field(&state.say(viewer.lang), &message);
            form.errors.push((field, said));
            provisions::page(&state, &viewer, &access, &provision, None, None, form).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn review(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, observation)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_review(&viewer)?;
    let f = Fields::from_body(&body);
    let status = f
        .get("status")
        .map(ObservationStatus::from_name)
        .transpose()
        .map_err(|e| AppError::invalid("status", e.to_string()))?
        .ok_or_else(|| AppError::invalid("status", "choose confirmed, retracted or draft"))?;
    state
        .actions
        .set_observation_status(&id, &observation, status, &viewer.audit_name())
        .await?;
    let back = state
        .store
        .observations(&id)
        .await?
        .into_iter()
        .find(|o| o.id == observation)
        .map_or_else(
            || format!("/cases/{id}"),
            |o| {
                format!(
                    "{}#observation-{}",
                    provisions::path(&id, &o.provision),
                    o.id
                )
            },
        );
    Ok(see_other(&back))
}

/// An observation as the provision page shows it to this reader.
pub(crate) fn view(
    o: &Observation,
    disclosure: &Disclosure,
    case: &accord_core::ValidCase,
) -> minijinja::Value {
    let sources: Vec<String> = o
        .sources
        .iter()
        .filter_map(|s| case.source(s))
        .map(accord_core::Source::citation_text)
        .collect();
    minijinja::context! {
        id => &o.id, date => o.date.to_string(),
        date_human => accord_core::DateSpec::At(o.date).to_human(),
        score => o.score.value(), label => o.score.label(), status => o.status.as_str(),
        coded_by => o.coded_by.as_deref().map(|c| disclosure.person(c)),
        reviewed_by => o.reviewed_by.as_deref().map(|r| disclosure.person(r)),
        note => &o.note, sources,
    }
}
