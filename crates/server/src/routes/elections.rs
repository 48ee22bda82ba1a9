//! The Elections pages of a case: the list of its elections, and for one election the votes
//! against the seats, the parliament diagram, the disproportionality indices and a dissolution
//! scenario before and after, all drawn on the server (SVG) by the election engine's numbers.
//!
//! Access is exactly that of every case page: `CaseAccess::load` first, so a private case's
//! elections are 404 to anyone who may not see the case. The scenario form is a GET: it changes
//! nothing, works without JavaScript, and a scenario is a link that can be shared. A field the
//! engine cannot take (an unknown party or rule) is a 422 naming the field, never a 500.

mod scenario;
mod simulation;
mod view;

use accord_elections::Election;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::context;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::election_words;
use crate::forms::Fields;
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::{AppError, AppState};

/// The page of an election file the engine cannot read: shown as such, with the engine's reason
/// naming the field in the reader's language, not as a server error (the store keeps election
/// files as text, so one can be unreadable).
fn unreadable(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    election_id: &str,
    error: &accord_elections::InputError,
) -> Result<Response, AppError> {
    let say = state.say(viewer.lang);
    Ok(state
        .page(
            viewer,
            "elections_show.html",
            with_case(
                access,
                context! {
                    title => election_id, election_id,
                    unreadable => election_words::input_error(&say, error),
                },
            ),
        )?
        .into_response())
}

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/cases/{id}/elections", get(list))
        .route("/cases/{id}/elections/{election}", get(show))
        .route("/cases/{id}/elections/{election}/simulation", get(simulate))
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let say = state.say(viewer.lang);
    let elections: Vec<minijinja::Value> = state
        .store
        .elections(&id)
        .await?
        .iter()
        .map(|file| view::summary(&say, file))
        .collect();
    Ok(state
        .page(
            &viewer,
            "elections.html",
            with_case(
                &access,
                context! { title => state.text(viewer.lang, "nav-elections"), elections },
            ),
        )?
        .into_response())
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, election_id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let file = state
        .store
        .elections(&id)
        .await?
        .into_iter()
        .find(|e| e.id == election_id)
        .ok_or(AppError::NotFound)?;
    let say = state.say(viewer.lang);
    let election = match Election::from_json(&file.json) {
        Ok(e) => e,
        Err(e) => return unreadable(&state, &viewer, &access, &file.id, &e),
    };
    let palette = view::Palette::new(&election);
    let fields = Fields::from_query(query.as_deref());
    let request = scenario::request(&say, &election, &fields);
    let (scenario_view, errors) = match &request {
        Ok(Some(r)) => (
            Some(scenario::compute(&say, &election, &palette, r)),
            Vec::new(),
        ),
        Ok(None) => (None, Vec::new()),
        Err(errors) => (None, errors.clone()),
    };
    let form = scenario::form(
        &palette,
        &fields,
        request.as_ref().ok().and_then(Option::as_ref),
    );
    let mut response = state
        .page(
            &viewer,
            "elections_show.html",
            with_case(
                &access,
                context! {
                    title => &election.name,
                    election_id => &file.id,
                    unreadable => Option::<String>::None,
                    name => &election.name,
                    facts => view::facts(&say, &election),
                    notes => &election.notes,
                    sources => &election.sources,
                    result => view::result(&say, &election, &palette),
                    form,
                    invalid_fields => errors.iter().map(|e| e.field).collect::<Vec<_>>(),
                    errors => errors.iter().map(scenario::FieldError::value).collect::<Vec<_>>(),
                    scenario => scenario_view,
                },
            ),
        )?
        .into_response();
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// The Monte-Carlo projection of one election (see `simulation.rs`): the form, and with it
/// submitted the distribution of seats as a chart and a table. A refused field is a 422 naming
/// it; nothing is run.
async fn simulate(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, election_id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let file = state
        .store
        .elections(&id)
        .await?
        .into_iter()
        .find(|e| e.id == election_id)
        .ok_or(AppError::NotFound)?;
    let election = match Election::from_json(&file.json) {
        Ok(e) => e,
        Err(e) => return unreadable(&state, &viewer, &access, &file.id, &e),
    };
    let fields = Fields::from_query(query.as_deref());
    let (form, asked) = simulation::form(&fields);
    let say = state.say(viewer.lang);
    let (result, errors) = if asked {
        match simulation::options(&say, &election, &form) {
            Ok(options) => {
                let palette = view::Palette::new(&election);
                match simulation::run(election.clone(), options).await? {
                    Ok(s) => (Some(simulation::view(&say, &s, &palette)), Vec::new()),
                    Err(e) => (
                        None,
                        vec![simulation::Refusal {
                            field: "election",
                            message: election_words::simulation_error(&say, &e),
                        }],
                    ),
                }
            }
            Err(errors) => (None, errors),
        }
    } else {
        (None, Vec::new())
    };
    let mut response = state
        .page(
            &viewer,
            "elections_simulation.html",
            with_case(
                &access,
                context! {
                    title => state.message(viewer.lang, "sim-heading", &[("name", election.name.as_str().into())]),
                    election_id => &file.id, name => &election.name,
                    form => context! { runs => &form.runs, noise => &form.noise, seed => &form.seed },
                    max_runs => simulation::MAX_RUNS,
                    errors => errors.iter().map(|e| context! { field => e.field, message => &e.message }).collect::<Vec<_>>(),
                    invalid_fields => errors.iter().map(|e| e.field).collect::<Vec<_>>(),
                    result,
                },
            ),
        )?
        .into_response();
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}
