//! A source's page and an instrument's page (issue 16 §2): each record's text in the reader's
//! language where a translation exists, else the original marked as such, and for editors the
//! translation form (add, change or remove a language; say which language it was written in),
//! as actors, incidents and mechanisms have.

use accord_core::{Named, TextKind, Translations, evaluate};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/cases/{id}/sources/{source}", get(source))
        .route("/cases/{id}/instruments/{instrument}", get(instrument))
}

/// A source: its citation's parts, its title and note in the reader's language.
async fn source(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, source)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let snap = crate::case_cache::snapshot(&state, &access.case).await?;
    // A source this reader may not see does not exist for them. The cached case holds only the
    // sources its records cite: the source is read by id.
    let vis = Visibility::load(&state, &access).await?;
    let s = vis
        .sources(&state, &id, std::slice::from_ref(&source))
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let kind = TextKind::Source;
    let own =
        crate::case_cache::record_languages(&state, &access.case, kind, vec![s.id.clone()]).await?;
    let tr = Translations::new(snap.case.language.as_deref(), own.iter());
    let say = |field: &str, text: &str| {
        super::translations::shown(&tr, kind, &s.id, field, text, viewer.lang)
    };
    let shown = context! {
        title => say("title", &s.title),
        note => s.note.as_deref().map(|n| say("note", n)),
    };
    let translate = access.can_edit().then(|| {
        let here = format!("/cases/{id}/sources/{source}");
        super::translations::form(
            &tr,
            kind,
            &s.id,
            &[Some(s.title.as_str()), s.note.as_deref()],
            viewer.lang,
            &here,
        )
    });
    let ctx = context! {
        title => tr.localize(kind, &s.id, "title", &s.title, viewer.lang.tag()).text,
        shown,
        translate,
        s => context! {
            id => &s.id, authors => &s.authors, publisher => &s.publisher,
            date => s.date.map(|d| viewer.lang.date(d)),
            url => super::link(s.url.as_deref()),
            accessed => s.accessed.map(|d| viewer.lang.day(d)),
        },
    };
    Ok(state
        .page(&viewer, "source.html", with_case(&access, ctx))?
        .into_response())
}

/// An instrument: its title and notes in the reader's language, and its provisions (their
/// headings in the reader's language) with the state each is in.
async fn instrument(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, instrument)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let snap = crate::case_cache::snapshot(&state, &access.case).await?;
    // The provisions' states from what this reader may see.
    let case = Visibility::load(&state, &access).await?.case(&snap.case)?;
    let ins = case.instrument(&instrument).ok_or(AppError::NotFound)?;
    let status = evaluate(&case);
    let tr = Translations::of(&case);
    let kind = TextKind::Instrument;
    let say = |field: &str, text: &str| {
        super::translations::shown(&tr, kind, &ins.id, field, text, viewer.lang)
    };
    let shown = context! {
        title => say("title", &ins.title),
        notes => ins.notes.as_deref().map(|n| say("notes", n)),
    };
    let provisions: Vec<Value> = status
        .provisions
        .iter()
        .filter(|p| p.provision.citation.instrument() == ins.id)
        .map(|p| {
            let cite = p.provision.citation.to_string();
            let heading = p.provision.heading.as_deref().map(|h| {
                super::translations::shown(
                    &tr,
                    TextKind::Provision,
                    &cite,
                    "heading",
                    h,
                    viewer.lang,
                )
            });
            context! {
                citation => &cite,
                // Percent-encoded by `path`: nothing in it to escape.
                href => Value::from_safe_string(super::provisions::path(&id, &p.provision.citation)),
                heading,
                state => p.state.as_str(),
            }
        })
        .collect();
    let translate = access.can_edit().then(|| {
        let here = format!("/cases/{id}/instruments/{instrument}");
        super::translations::form(
            &tr,
            kind,
            &ins.id,
            &[Some(ins.title.as_str()), ins.notes.as_deref()],
            viewer.lang,
            &here,
        )
    });
    let ctx = context! {
        title => tr.localize(kind, &ins.id, "title", &ins.title, viewer.lang.tag()).text,
        shown,
        translate,
        provisions,
        ins => context! {
            id => &ins.id, kind => ins.kind.as_str(),
            date => ins.date.map(|d| viewer.lang.date(d)),
        },
    };
    Ok(state
        .page(&viewer, "instrument.html", with_case(&access, ctx))?
        .into_response())
}
