//! A case's letters, the published letter (verified signatories of the current text only) and
//! its downloads in Markdown, HTML and PDF. The letters come from `letter_cache`: composed and
//! rendered once per version of the case.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::letter_cache;
use crate::routes::with_case;
use crate::{AppError, AppState};

pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let letters: Vec<Value> = letter_cache::letters(&state, &access.case)
        .await?
        .iter()
        .map(|l| {
            let (printed, error) = match &l.outcome {
                Ok(r) => (r.composed.document.signatories.len(), None),
                Err(e) => (0, Some(e.to_string())),
            };
            let s = &l.summary;
            context! {
                id => &s.id,
                title => &s.title,
                date => &s.date,
                language => &s.language,
                printed,
                total => s.signatories,
                error,
            }
        })
        .collect();
    Ok(state
        .page(
            &viewer,
            "letters/list.html",
            with_case(&access, context! { title => "Letters", letters }),
        )?
        .into_response())
}

pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let cached = letter_cache::letter(&state, &access.case, &letter).await?;
    let r = cached.ready()?;
    let c = &r.composed;
    let ctx = context! {
        title => &c.document.title,
        letter_id => &c.letter_id,
        // Escaped by accord-letters; marked safe so the page does not escape it twice.
        letter_html => Value::from_safe_string(r.page_fragment().to_owned()),
        printed => c.document.signatories.len(),
        pending => c.signatories.iter().filter(|s| !s.state.is_published()).count(),
        sha256 => &c.signed_text.sha256,
    };
    Ok(state
        .page(&viewer, "letters/show.html", with_case(&access, ctx))?
        .into_response())
}

enum Format {
    Markdown,
    Html,
    Pdf,
}

pub(crate) async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter, format)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // An unknown format is a 404 before any work.
    let (format, content_type, ext) = match format.as_str() {
        "md" => (Format::Markdown, "text/markdown; charset=utf-8", "md"),
        "html" => (Format::Html, "text/html; charset=utf-8", "html"),
        "pdf" => (Format::Pdf, "application/pdf", "pdf"),
        _ => return Err(AppError::NotFound),
    };
    let cached = letter_cache::letter(&state, &access.case, &letter).await?;
    let r = cached.ready()?;
    let bytes: Bytes = match format {
        Format::Markdown => r.markdown(),
        Format::Html => r.html(),
        Format::Pdf => r.pdf(&state).await?,
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Letter ids are ASCII letters, digits, '.', '_' and '-' (checked by the core), so the
    // file name needs no quoting beyond the quotes.
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{}.{ext}\"",
        r.composed.letter_id
    )) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}
