//! Provisions: the list by instrument, one provision with its text, findings and implementation
//! observations (as of any day), and the citation suggestions of the finding form.

use accord_core::{Citation, Day, Named, Observation, TextKind, evaluate};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::as_of::{self, CaseAt};
use crate::auth::Viewer;
use crate::disclosure::Disclosure;
use crate::forms::Fields;
use crate::routes::cases::finding_chain;
use crate::routes::observations::{self, ObservationForm};
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/cases/{id}/provisions", get(list))
        .route("/cases/{id}/provisions/suggest", get(suggest))
        .route("/cases/{id}/provisions/{citation}", get(show))
}

/// Every provision with its status; with `?as_of=YYYY-MM-DD`, as it stood on that day.
async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // A date the form could not have sent is said next to the form; the page shows today's.
    let (day, as_of_error) = match as_of::from_query(query.as_deref()) {
        Ok(day) => (day, None),
        Err(e) => (None, Some(e.to_string())),
    };
    let case = CaseAt::load(&state, &access.case, day).await?;
    // Computed from what this reader may see: a hidden incident judges no provision for them.
    let case = Visibility::load(&state, &access).await?.case(&case)?;
    let status = evaluate(&case);
    // Titles, notes and headings in the reader's language where translated, else the original,
    // marked (issue 16 §2).
    let tr = accord_core::Translations::of(&case);
    let say = |kind, id: &str, field, text: &str| {
        super::translations::shown(&tr, kind, id, field, text, viewer.lang)
    };
    let instruments: Vec<Value> = case
        .instruments
        .iter()
        .map(|ins| {
            let provisions: Vec<Value> = status
                .provisions
                .iter()
                .filter(|p| p.provision.citation.instrument() == ins.id)
                .map(|p| {
                    let cite = p.provision.citation.to_string();
                    let heading = p.provision.heading.as_deref().map(|h| say(TextKind::Provision, &cite, "heading", h));
                    context! { citation => cite, heading, state => p.state.as_str() }
                })
                .collect();
            let title = say(TextKind::Instrument, &ins.id, "title", &ins.title);
            let notes = ins.notes.as_deref().map(|n| say(TextKind::Instrument, &ins.id, "notes", n));
            context! { id => &ins.id, title, kind => ins.kind.as_str(), date => ins.date.map(|d| viewer.lang.date(d)), notes, provisions }
        })
        .collect();
    let refused = as_of_error.is_some();
    let mut r = state
        .page(
            &viewer,
            "provisions.html",
            with_case(
                &access,
                context! {
                    title => state.text(viewer.lang, "nav-provisions"), instruments,
                    as_of => day.map(|d| d.to_string()), as_of_human => day.map(|d| viewer.lang.day(d)),
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

/// One provision: its text, the confirmed findings on it and the observations of its
/// implementation; with `?as_of=YYYY-MM-DD`, as it stood on that day.
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
    page(
        &state,
        &viewer,
        &access,
        &cite,
        day,
        as_of_error,
        ObservationForm::default(),
    )
    .await
}

/// A provision's page: as of `day` if given, with the observation form as `form` holds it (422
/// when the form or the date was refused).
pub(crate) async fn page(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    cite: &Citation,
    day: Option<Day>,
    as_of_error: Option<String>,
    form: ObservationForm,
) -> Result<Response, AppError> {
    let case = CaseAt::load(state, &access.case, day).await?;
    let case = Visibility::load(state, access).await?.case(&case)?;
    let status = evaluate(&case);
    let ps = status
        .provisions
        .iter()
        .find(|p| &p.provision.citation == cite)
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
    let disclosure = Disclosure::load(state, access).await?;
    // Newest first; as of a day, those dated on or before it (as the status counts them).
    let mut observations: Vec<&Observation> =
        observations::visible(&case.observations, &disclosure)
            .filter(|o| &o.provision == cite)
            .collect();
    observations.reverse();
    observations.sort_by_key(|o| std::cmp::Reverse(o.date.last_day()));
    let observations: Vec<Value> = observations
        .into_iter()
        .map(|o| observations::view(o, &disclosure, &case))
        .collect();
    let implementation = ps
        .observation
        .map(|o| observations::view(o, &disclosure, &case));
    let refused = as_of_error.is_some() || !form.errors.is_empty();
    let coded_by = if form.coded_by.is_empty() {
        viewer.audit_name()
    } else {
        form.coded_by.clone()
    };
    let charts = crate::charts::provision(&state.say(viewer.lang), &case, ps);
    // The heading in the reader's language where translated. The text keeps its original, whose
    // trust (verified, quoted, ...) the page states; a translation into the reader's language
    // is shown beside it, as a translation, never in its place.
    let tr = accord_core::Translations::of(&case);
    let (kind, cite_id) = (accord_core::TextKind::Provision, p.citation.to_string());
    let heading = p
        .heading
        .as_deref()
        .map(|h| super::translations::shown(&tr, kind, &cite_id, "heading", h, viewer.lang));
    let text_translation = p.text.as_deref().and_then(|text| {
        let shown = tr.localize(kind, &cite_id, "text", text, viewer.lang.tag());
        (shown.text != text).then(|| {
            let by = tr
                .record(kind, &cite_id)
                .and_then(|r| r.translation(shown.lang))
                .and_then(|t| t.by.clone());
            context! { lang => shown.lang, text => shown.text, by, out_of_date => shown.out_of_date }
        })
    });
    let translate = access.can_edit().then(|| {
        let originals = [p.heading.as_deref(), p.text.as_deref()];
        let here = path(&access.case.id, &p.citation);
        super::translations::form(&tr, kind, &cite_id, &originals, viewer.lang, &here)
    });
    let ctx = context! {
        title => p.citation.to_string(),
        findings, observations, implementation, charts, heading, text_translation, translate,
        as_of => day.map(|d| d.to_string()), as_of_human => day.map(|d| viewer.lang.day(d)), as_of_error,
        obs => context! {
            date => &form.date, score => &form.score, sources => &form.sources, coded_by,
            note => &form.note,
            errors => form.errors.iter().map(|(f, m)| context! { field => f, message => m }).collect::<Vec<_>>(),
        },
        p => context! {
            citation => p.citation.to_string(), heading => &p.heading, instrument, state => ps.state.as_str(),
            themes => &p.themes, text => &p.text, status => p.status.as_str(), text_source => &p.text_source,
            lang => "en",
            translations => p.translations.iter().map(|t| context! { lang => &t.lang, text => &t.text, status => t.status.as_str(), source => &t.source }).collect::<Vec<_>>(),
        },
    };
    let mut r = state
        .page(viewer, "provision.html", with_case(access, ctx))?
        .into_response();
    if refused {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// A provision page's path: `/cases/ID/provisions/FPA%20Art.%203(1)`.
pub(crate) fn path(case: &str, citation: &Citation) -> String {
    let mut encoded = String::new();
    for b in citation.to_string().bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'(' | b')') {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("/cases/{case}/provisions/{encoded}")
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
