//! A letter's languages, one at a time: the coordinator's page listing the original and each
//! version (who translated it, when, whether the original changed since — *out of date* — and
//! how many organisations signed that language's text), with the form that adds or changes the
//! version in one language (`?lang=km`), the original shown beside it. "Preview" composes the
//! version as it would print; "Save" goes through `Actions::save_letter_version` (logged as an
//! edit of the letter; a refusal comes back with the form as typed and the field named).

use accord_actions::{ActionError, VersionText};
use accord_core::translation::{is_language_tag, same_lang};
use accord_core::{Lang, Letter, ValidCase};
use accord_letters::{Composed, compose_in, compose_letter, render_html_fragment};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use super::show::lang_of;
use super::{letter, load_case};
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::{see_other, with_case};
use crate::{AppError, AppState};

/// The form as typed.
#[derive(Debug, Default)]
struct Values {
    lang: String,
    title: String,
    place: String,
    body: String,
    closing: String,
}

impl Values {
    fn from_form(f: &Fields) -> Values {
        let get = |k: &str| f.get(k).unwrap_or("").to_owned();
        Values {
            lang: get("lang"),
            title: get("title"),
            place: get("place"),
            // Markdown: leading spaces and blank lines mean something.
            body: f.text("body").unwrap_or("").replace("\r\n", "\n"),
            closing: get("closing"),
        }
    }

    /// The stored version in `lang`, or (a new language) the original's wording to translate.
    fn of(letter: &Letter, lang: &str) -> Values {
        match letter.version(lang) {
            Some(v) => Values {
                lang: v.lang.clone(),
                title: v.title.clone(),
                place: v.place.clone().unwrap_or_default(),
                body: v.body.clone(),
                closing: v.closing.clone().unwrap_or_default(),
            },
            None => Values {
                lang: lang.to_owned(),
                title: letter.title.clone(),
                place: letter.place.clone().unwrap_or_default(),
                body: letter.body.clone(),
                closing: letter.closing.clone().unwrap_or_default(),
            },
        }
    }

    fn text(&self) -> VersionText {
        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        VersionText {
            lang: self.lang.trim().to_owned(),
            title: self.title.clone(),
            place: opt(&self.place),
            body: self.body.clone(),
            closing: opt(&self.closing),
        }
    }
}

/// The letter's languages as the page lists them, with the organisations printed under each.
fn languages(case: &ValidCase, letter: &Letter) -> Vec<Value> {
    letter
        .languages()
        .into_iter()
        .map(|tag| {
            let version = letter.version(tag);
            let printed = compose_in(case, &letter.id, tag)
                .ok()
                .map(|c| c.document.signatories.len());
            context! {
                tag,
                name => Lang::from_tag(tag).map_or(tag, |l| l.native_name()),
                original => version.is_none(),
                out_of_date => version.is_some_and(|v| v.is_out_of_date(letter)),
                translated_by => version.and_then(|v| v.translated_by.clone()),
                translated_at => version.and_then(|v| v.translated_at).map(|d| d.to_string()),
                printed,
            }
        })
        .collect()
}

struct Page<'a> {
    access: &'a CaseAccess,
    case: &'a ValidCase,
    letter: &'a Letter,
    /// The form, when a language is being edited.
    values: Option<&'a Values>,
    errors: &'a [(String, String)],
    preview: Option<&'a Composed>,
}

fn render(state: &AppState, viewer: &Viewer, p: &Page<'_>) -> Result<Response, AppError> {
    let editing = p.values.map(|v| {
        let stored = p.letter.version(v.lang.trim());
        context! {
            lang => &v.lang, title => &v.title, place => &v.place, body => &v.body,
            closing => &v.closing,
            new => stored.is_none(),
            out_of_date => stored.is_some_and(|s| s.is_out_of_date(p.letter)),
        }
    });
    let ctx = context! {
        title => state.text(viewer.lang, "letters-versions"),
        letter_id => &p.letter.id,
        letter_title => &p.letter.title,
        original_lang => &p.letter.language,
        letter_languages => languages(p.case, p.letter),
        editing,
        // The original's wording, beside the form, to translate from.
        original => context! {
            title => &p.letter.title, place => &p.letter.place, body => &p.letter.body,
            closing => &p.letter.closing,
        },
        errors => p.errors.iter().map(|(f, m)| context! { field => f, message => m }).collect::<Vec<_>>(),
        preview => p.preview.map(|c| Value::from_safe_string(render_html_fragment(&c.document))),
        sha256 => p.preview.map(|c| c.signed_text.sha256.clone()),
    };
    let mut r = state
        .page(viewer, "letters/versions.html", with_case(p.access, ctx))?
        .into_response();
    if !p.errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// The list of languages; with `?lang=TAG`, the form for that language (a new one starts from
/// the original's wording). The original's own language is edited on the compose page.
pub(crate) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter_id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let case = load_case(&state, &id).await?;
    let stored = letter(&case, &letter_id)?;
    let lang = lang_of(query.as_deref());
    if let Some(lang) = &lang
        && same_lang(lang, &stored.language)
    {
        return Ok(see_other(&format!("/cases/{id}/letters/{letter_id}/edit")));
    }
    let values = lang
        .filter(|l| is_language_tag(l))
        .map(|l| Values::of(stored, &l));
    let preview = values.as_ref().and_then(|v| {
        stored
            .version(&v.lang)
            .and_then(|_| compose_in(&case, &letter_id, &v.lang).ok())
    });
    render(
        &state,
        &viewer,
        &Page {
            access: &access,
            case: &case,
            letter: stored,
            values: values.as_ref(),
            errors: &[],
            preview: preview.as_ref(),
        },
    )
}

/// Preview or save the version in the form's language.
pub(crate) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let case = load_case(&state, &id).await?;
    let stored = letter(&case, &letter_id)?;
    let f = Fields::from_body(&body);
    let values = Values::from_form(&f);
    let text = values.text();
    let mut errors: Vec<(String, String)> = Vec::new();
    // The preview: the letter with this version in place, composed in its language.
    let mut draft = stored.clone();
    let preview = if is_language_tag(&text.lang) && !draft.is_original(&text.lang) {
        match draft.versions.iter_mut().find(|v| v.lang == text.lang) {
            Some(v) => {
                v.title.clone_from(&text.title);
                v.place.clone_from(&text.place);
                v.body.clone_from(&text.body);
                v.closing.clone_from(&text.closing);
            }
            None => draft.versions.push(accord_core::LetterVersion {
                lang: text.lang.clone(),
                title: text.title.clone(),
                place: text.place.clone(),
                body: text.body.clone(),
                closing: text.closing.clone(),
                translated_by: None,
                translated_at: None,
                original_sha256: None,
                signatures: Vec::new(),
            }),
        }
        draft
            .in_language(&text.lang)
            .and_then(|l| compose_letter(&case, &l).ok())
    } else {
        None
    };
    if f.get("action") != Some("preview") {
        match state
            .actions
            .save_letter_version(&id, &letter_id, &text, &viewer.audit_name())
            .await
        {
            Ok(_) => {
                return Ok(see_other(&format!(
                    "/cases/{id}/letters/{letter_id}?lang={}",
                    text.lang
                )));
            }
            Err(ActionError::Invalid { field, message }) => errors.push((field, message)),
            Err(e) => return Err(e.into()),
        }
    }
    render(
        &state,
        &viewer,
        &Page {
            access: &access,
            case: &case,
            letter: stored,
            values: Some(&values),
            errors: &errors,
            preview: preview.as_ref(),
        },
    )
}
