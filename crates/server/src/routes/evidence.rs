//! Evidence files: the upload form's target on an incident, an item's page (hash, capture record,
//! chain of custody, working copies) and the download of its exact bytes.
//!
//! Uploads stream: the file part of the multipart form goes, chunk by chunk, through the action
//! layer into the blob store, hashed as it arrives; the server never holds a whole file. The form
//! carries its CSRF token in its action's query string (see [`crate::upload_csrf`]), and the file
//! part must come after the capture fields, as it does in the page's form, so that everything the
//! record needs is known before the first byte is stored.

pub(crate) mod custody;
pub(crate) mod download;
pub(crate) mod upload;

use accord_core::Evidence;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::Method;
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::disclosure::Disclosure;
use crate::forms::Fields;
use crate::routes::table::{Routes, get, post};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router(upload_limit: u64) -> Routes {
    Routes::new()
        .route(
            "/cases/{id}/incidents/{incident}/evidence",
            post(upload::html).layer(upload_body_limit(upload_limit)),
        )
        .route(
            "/cases/{id}/evidence/{evidence}/copies",
            post(upload::copy).layer(upload_body_limit(upload_limit)),
        )
        .route("/cases/{id}/evidence/{evidence}", get(show))
        .route("/cases/{id}/evidence/{evidence}/file", get(file))
        .route(
            "/cases/{id}/evidence/{evidence}/custody",
            post(custody::record),
        )
        .route(
            "/cases/{id}/evidence/{evidence}/verify",
            post(custody::verify),
        )
}

/// The body limit of an upload route: the file limit and room for the form's other fields (the
/// action layer enforces the file's own limit exactly).
pub(crate) fn upload_body_limit(upload_limit: u64) -> DefaultBodyLimit {
    let with_fields = upload_limit.saturating_add(1024 * 1024);
    DefaultBodyLimit::max(usize::try_from(with_fields).unwrap_or(usize::MAX))
}

async fn file(
    State(state): State<AppState>,
    viewer: Viewer,
    method: Method,
    Path((id, evidence)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // A file this reader may not see does not exist for them.
    Visibility::load(&state, &access)
        .await?
        .evidence_item(&state, &id, &evidence)
        .await?;
    download::response(&state, &viewer, &method, &id, &evidence).await
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, evidence)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let disclosure = Disclosure::load(&state, &access).await?;
    let vis = Visibility::load(&state, &access).await?;
    let ev = vis.evidence_item(&state, &id, &evidence).await?;
    let ev = disclosure.evidence(&ev);
    let incident = match &ev.incident {
        Some(i) => state
            .store
            .incidents(&id, std::slice::from_ref(i))
            .await?
            .pop()
            .map(|inc| context! { id => inc.id, title => inc.title }),
        None => None,
    };
    // Working copies name their original; they are looked for among the items of the same
    // incident (the store has no index of copies by original yet).
    let copies: Vec<Value> = match &ev.incident {
        Some(i) => state
            .store
            .evidence_of_incident(&id, i)
            .await?
            .iter()
            .filter(|c| c.derived_from.as_ref().is_some_and(|d| d.original == ev.id))
            .filter(|c| vis.sees_evidence(c))
            .map(|c| {
                context! {
                    id => &c.id, file => &c.file,
                    what => c.derived_from.as_ref().map(|d| d.what.clone()),
                }
            })
            .collect(),
        None => Vec::new(),
    };
    let q = Fields::from_query(q.as_deref());
    let notice = if q.get("saved").is_some() {
        Some("evidence-saved")
    } else if q.get("verified").is_some() {
        Some("evidence-verified")
    } else if q.get("logged").is_some() {
        Some("evidence-logged")
    } else {
        None
    }
    .map(|key| state.text(viewer.lang, key));
    let ctx = context! {
        title => state.message(viewer.lang, "evidence-title", &[("file", ev.file.as_str().into())]),
        notice,
        e => item(&state, viewer.lang, &ev),
        incident,
        copies,
        by_hand => custody::BY_HAND.iter().map(|a| context! {
            value => a.as_str(), label => a.as_str().replace('_', " "),
        }).collect::<Vec<_>>(),
        upload_limit => human_size_in(&state, viewer.lang, state.config.upload_limit),
    };
    Ok(state
        .page(&viewer, "evidence.html", with_case(&access, ctx))?
        .into_response())
}

/// An item as the pages show it.
pub(crate) fn item(state: &AppState, lang: accord_core::Lang, e: &Evidence) -> Value {
    let c = &e.capture;
    context! {
        id => &e.id,
        file => &e.file,
        sha256 => &e.sha256,
        size => e.size,
        size_human => human_size_in(state, lang, e.size),
        media_type => &e.media_type,
        source => &e.source,
        note => &e.note,
        capture => context! {
            captured_at => &c.captured_at, captured_by => &c.captured_by,
            source_url => super::link(c.source_url.as_deref()),
            method => &c.method, tool => &c.tool, place => &c.place,
        },
        derived_from => e.derived_from.as_ref().map(|d| context! { original => &d.original, what => &d.what }),
        custody => e.custody.iter().map(|c| context! {
            at => &c.at, by => &c.by, action => c.action.as_str(), note => &c.note,
        }).collect::<Vec<_>>(),
    }
}

/// A size for people, in the reader's language ("1.4 MB", "1,4 Mo", "១២ បៃ"); the exact byte
/// count is shown beside it.
pub(crate) fn human_size_in(state: &AppState, lang: accord_core::Lang, bytes: u64) -> String {
    match scaled(bytes) {
        None => state.message(lang, "evidence-bytes", &[("size", bytes.into())]),
        Some((tenths, unit)) => {
            let size = lang.decimal_tenths(tenths);
            state.message(lang, unit, &[("size", size.into())])
        }
    }
}

/// A size of 1000 bytes or more in tenths of its unit (a catalog message: `size-kb`, ...),
/// rounded up; `None` below 1000 bytes.
fn scaled(bytes: u64) -> Option<(u64, &'static str)> {
    const UNITS: [&str; 4] = ["size-kb", "size-mb", "size-gb", "size-tb"];
    if bytes < 1000 {
        return None;
    }
    let mut tenths = bytes.div_ceil(100);
    let mut unit = UNITS[0];
    for u in &UNITS[1..] {
        if tenths < 10_000 {
            break;
        }
        tenths = tenths.div_ceil(1000);
        unit = u;
    }
    Some((tenths, unit))
}

#[cfg(test)]
mod tests {
    use super::scaled;

    #[test]
    fn sizes_read_as_people_say_them() {
        for (bytes, expected) in [
            (0, None),
            (999, None),
            (1000, Some((10, "size-kb"))),
            (1_400_000, Some((14, "size-mb"))),
            (4_294_967_296, Some((43, "size-gb"))),
        ] {
            assert_eq!(scaled(bytes), expected, "{bytes}");
        }
    }
}
