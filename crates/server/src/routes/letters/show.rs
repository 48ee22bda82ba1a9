//! A case's letters, the published letter (verified signatories of the current text only) and
//! its downloads in Markdown, HTML and PDF.

use accord_letters::{render_html, render_html_fragment, render_markdown, render_pdf};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use super::{composed, load_case};
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::routes::with_case;
use crate::{AppError, AppState};

pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let case = load_case(&state, &id).await?;
    let letters: Vec<Value> = case
        .letters
        .iter()
        .map(|l| {
            let (printed, error) = match accord_letters::compose(&case, &l.id) {
                Ok(c) => (c.document.signatories.len(), None),
                Err(e) => (0, Some(e.to_string())),
            };
            context! {
                id => &l.id,
                title => &l.title,
                date => l.date.to_string(),
                language => &l.language,
                printed,
                total => l.signatories.len(),
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
    let case = load_case(&state, &id).await?;
    let c = composed(&case, &letter)?;
    let ctx = context! {
        title => &c.document.title,
        letter_id => &c.letter_id,
        // Escaped by accord-letters; marked safe so the page does not escape it twice.
        letter_html => Value::from_safe_string(render_html_fragment(&c.document)),
        printed => c.document.signatories.len(),
        pending => c.signatories.iter().filter(|s| !s.state.is_published()).count(),
        sha256 => &c.signed_text.sha256,
    };
    Ok(state
        .page(&viewer, "letters/show.html", with_case(&access, ctx))?
        .into_response())
}

pub(crate) async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter, format)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    CaseAccess::load(&state, &viewer, &id).await?;
    let case = load_case(&state, &id).await?;
    let c = composed(&case, &letter)?;
    let (bytes, content_type, ext) = match format.as_str() {
        "md" => (
            render_markdown(&c.document).into_bytes(),
            "text/markdown; charset=utf-8",
            "md",
        ),
        "html" => (
            render_html(&c.document).into_bytes(),
            "text/html; charset=utf-8",
            "html",
        ),
        "pdf" => {
            let fonts = state.fonts().await?;
            let doc = c.document.clone();
            // typst is CPU-bound: off the async workers.
            let pdf = tokio::task::spawn_blocking(move || render_pdf(&doc, &fonts))
                .await
                .map_err(|e| AppError::Internal(format!("PDF rendering stopped: {e}")))?
                .map_err(|e| match e {
                    // A missing font is the administrator's to fix: say which.
                    accord_pdf::PdfError::KhmerFontMissing { .. } => {
                        AppError::Unavailable(e.to_string())
                    }
                    e => AppError::Internal(format!("cannot render letter {letter:?} to PDF: {e}")),
                })?;
            (pdf, "application/pdf", "pdf")
        }
        _ => return Err(AppError::NotFound),
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Letter ids are ASCII letters, digits, '.', '_' and '-' (checked by the core), so the
    // file name needs no quoting beyond the quotes.
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}.{ext}\"", c.letter_id))
    {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}
