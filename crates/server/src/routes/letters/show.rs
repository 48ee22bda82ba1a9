//! A case's letters, the published letter (verified signatories of the current text only) and
//! its downloads in Markdown, HTML and PDF. The letters come from `letter_cache`: composed and
//! rendered once per version of the case.
//!
//! A letter in several languages: the page and each download take `?lang=TAG` (the original when
//! absent): `/cases/{id}/letters/{l}?lang=km`, `/cases/{id}/letters/{l}/download/pdf?lang=km`.
//! Each language is its own text with its own signatures: the page prints the organisations that
//! signed that language's text, and its SHA-256. A language the letter is not written in is a
//! 404.
//!
//! The letter's page is the letter: its `<html lang>` is the language shown, the interface
//! around the letter is marked with the reader's language, and `<head>` links each other
//! language's page and every language's PDF (`<link rel="alternate" hreflang>`).

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::letter_cache::{self, Download};
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
            with_case(
                &access,
                context! { title => state.text(viewer.lang, "nav-letters"), letters },
            ),
        )?
        .into_response())
}

/// The `lang` of a query string (`?lang=km`), when given.
pub(super) fn lang_of(query: Option<&str>) -> Option<String> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// A letter's languages for its pages: tag, name in that language, whether it is the one shown,
/// the original, or out of date against the original.
pub(super) fn languages_context(
    languages: &[letter_cache::LanguageSummary],
    shown: &str,
) -> Vec<Value> {
    languages
        .iter()
        .map(|l| {
            context! {
                tag => &l.lang,
                name => accord_core::Lang::from_tag(&l.lang).map_or(l.lang.as_str(), |x| x.native_name()),
                current => accord_core::translation::same_lang(&l.lang, shown),
                original => l.original,
                out_of_date => l.out_of_date,
                translated_by => &l.translated_by,
                translated_at => &l.translated_at,
            }
        })
        .collect()
}

pub(crate) async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let lang = lang_of(query.as_deref());
    let cached = letter_cache::letter_in(&state, &access.case, &letter, lang.as_deref()).await?;
    let r = cached.ready()?;
    let c = &r.composed;
    let shown = &cached.summary.language;
    let languages = languages_context(&cached.summary.languages, shown);
    let this = cached
        .summary
        .languages
        .iter()
        .find(|l| accord_core::translation::same_lang(&l.lang, shown));
    let ctx = context! {
        // The page is the letter: `<html lang>` is the language it is written in, and the
        // interface around it (the site's header, the case's menu, the language and download
        // links) is marked with the reader's own (base.html, show.html), so screen readers and
        // hyphenation are right for both.
        page_lang => shown,
        alternates => alternates(&state, &id, &c.letter_id, &cached.summary.languages, shown),
        letter_lang => shown,
        // `?lang=..` for links to this language's downloads (empty for the original).
        lang_query => this.filter(|l| !l.original).map(|l| format!("?lang={}", l.lang)).unwrap_or_default(),
        letter_languages => languages,
        out_of_date => this.is_some_and(|l| l.out_of_date),
        title => &c.document.title,
        letter_id => &c.letter_id,
        // Escaped by accord-letters; marked safe so the page does not escape it twice.
        letter_html => Value::from_safe_string(r.page_fragment().to_owned()),
        printed => c.document.signatories.len(),
        pending => c.signatories.iter().filter(|s| !s.state.is_published()).count(),
        sha256 => &c.signed_text.sha256,
        // The letter's earlier texts are for the case's members (see `Disclosure::versions`).
        member => access.role.is_some() || access.admin,
    };
    Ok(state
        .page(&viewer, "letters/show.html", with_case(&access, ctx))?
        .into_response())
}

/// The letter's other languages and every language's PDF, for `<link rel="alternate">` in the
/// page's head: absolute addresses when the instance knows its `base_url`, paths otherwise.
fn alternates(
    state: &AppState,
    case: &str,
    letter: &str,
    languages: &[letter_cache::LanguageSummary],
    shown: &str,
) -> Vec<Value> {
    let url = |path: String| {
        state
            .base_url()
            .map_or_else(|| path.clone(), |b| b.join(&path))
    };
    let query = |l: &letter_cache::LanguageSummary| {
        if l.original {
            String::new()
        } else {
            format!("?lang={}", l.lang)
        }
    };
    let pages = languages
        .iter()
        .filter(|l| !accord_core::translation::same_lang(&l.lang, shown))
        .map(|l| {
            context! {
                tag => &l.lang,
                href => url(format!("/cases/{case}/letters/{letter}{}", query(l))),
                pdf => false,
            }
        });
    let pdfs = languages.iter().map(|l| {
        context! {
            tag => &l.lang,
            href => url(format!("/cases/{case}/letters/{letter}/download/pdf{}", query(l))),
            pdf => true,
        }
    });
    pages.chain(pdfs).collect()
}

pub(crate) async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    Path((id, letter, format)): Path<(String, String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // An unknown format is a 404 before any work.
    let (format, content_type, ext) = match format.as_str() {
        "md" => (Download::Markdown, "text/markdown; charset=utf-8", "md"),
        "html" => (Download::Html, "text/html; charset=utf-8", "html"),
        "pdf" => (Download::Pdf, "application/pdf", "pdf"),
        _ => return Err(AppError::NotFound),
    };
    let lang = lang_of(query.as_deref());
    let cached = letter_cache::letter_in(&state, &access.case, &letter, lang.as_deref()).await?;
    let r = cached.ready()?;
    let gzip = accepts_gzip(&headers);
    let bytes = r.download(&state, format, gzip).await?;
    let mut response = bytes.into_response();
    let out = response.headers_mut();
    out.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Compressed once and kept (the compression layer leaves an encoded response alone).
    out.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        out.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    // Letter ids are ASCII letters, digits, '.', '_' and '-' (checked by the core), so the
    // file name needs no quoting beyond the quotes.
    // A version's file names its language: `letter.km.pdf`.
    let suffix = lang
        .filter(|_| {
            cached
                .summary
                .languages
                .iter()
                .any(|l| !l.original && l.lang == cached.summary.language)
        })
        .map(|_| format!(".{}", cached.summary.language))
        .unwrap_or_default();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{}{suffix}.{ext}\"",
        r.composed.letter_id
    )) {
        out.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

/// Whether the client takes gzip: `Accept-Encoding` names `gzip` (or `*`) without `q=0`.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';').map(str::trim);
            let coding = parts.next().unwrap_or("");
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_taken_when_named_without_q_zero() {
        let check = |value: &str, expected: bool| {
            let mut h = HeaderMap::new();
            h.insert(
                header::ACCEPT_ENCODING,
                HeaderValue::from_str(value).unwrap_or(HeaderValue::from_static("")),
            );
            assert_eq!(accepts_gzip(&h), expected, "{value:?}");
        };
        check("gzip", true);
        check("gzip, deflate, br", true);
        check("br;q=1.0, GZIP;q=0.5", true);
        check("*", true);
        check("deflate, br", false);
        check("gzip;q=0", false);
        check("gzip; q=0.0, br", false);
        check("", false);
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
