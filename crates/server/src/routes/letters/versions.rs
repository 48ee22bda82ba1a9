//! A letter's languages, one at a time: the coordinator's page listing the original and each
//! version (who translated it, when, whether the original changed since — *out of date* — and
//! how many organisations signed that language's text), with the form that adds or changes the
//! version in one language (`?lang=km`), the original shown beside it. "Preview" composes the
//! version as it would print (its addressees and CC in its language too: one per line, in the
//! original's order; written as the original's, they stay the original's); "Save" goes through `Actions::save_letter_version` (logged as an
//! edit of the letter; a refusal comes back with the form as typed and the field named).
//! "Remove" takes a version away (`Actions::remove_letter_version`: not once organisations
//! signed it).

use accord_actions::{ActionError, VersionText};
use accord_core::translation::{is_language_tag, same_lang};
use accord_core::{AddresseeText, Lang, Letter, ValidCase};
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
    /// One addressee per line, in the original's order: `name | title | organisation | role`.
    addressees: String,
    /// One CC line per line, in order.
    cc: String,
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
            addressees: f.text("addressees").unwrap_or("").replace("\r\n", "\n"),
            cc: f.text("cc").unwrap_or("").replace("\r\n", "\n"),
        }
    }

    /// The stored version in `lang`, or (a new language) the original's wording to translate.
    /// The addressees and CC as the version prints them (the original's where it writes none).
    fn of(letter: &Letter, lang: &str) -> Values {
        let printed = letter.in_language(lang).unwrap_or_else(|| letter.clone());
        let addressees = addressee_lines(&printed.addressees);
        let cc = printed.cc.join("\n");
        match letter.version(lang) {
            Some(v) => Values {
                lang: v.lang.clone(),
                title: v.title.clone(),
                place: v.place.clone().unwrap_or_default(),
                body: v.body.clone(),
                closing: v.closing.clone().unwrap_or_default(),
                addressees,
                cc,
            },
            None => Values {
                lang: lang.to_owned(),
                title: letter.title.clone(),
                place: letter.place.clone().unwrap_or_default(),
                body: letter.body.clone(),
                closing: letter.closing.clone().unwrap_or_default(),
                addressees,
                cc,
            },
        }
    }

    /// The version as the action takes it. Addressees or CC written exactly as the original's
    /// are not kept as the version's own: the version prints the original's, and stays in date
    /// when only those change.
    fn text(&self, original: &Letter) -> VersionText {
        let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        let mut addressees = parse_addressees(&self.addressees);
        if addressees == original_wording(original) {
            addressees.clear();
        }
        let mut cc: Vec<String> = self
            .cc
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if cc == original.cc {
            cc.clear();
        }
        VersionText {
            lang: self.lang.trim().to_owned(),
            title: self.title.clone(),
            place: opt(&self.place),
            body: self.body.clone(),
            closing: opt(&self.closing),
            addressees,
            cc,
        }
    }
}

/// Addressees one per line, `name | title | organisation | role`, empty parts at the end left
/// out (the compose page's form).
fn addressee_lines(addressees: &[accord_core::Addressee]) -> String {
    addressees
        .iter()
        .map(|a| {
            let mut parts: Vec<&str> = [
                Some(a.name.as_str()),
                a.title.as_deref(),
                a.organisation.as_deref(),
                a.role.as_deref(),
            ]
            .iter()
            .map(|p| p.unwrap_or(""))
            .collect();
            while parts.len() > 1 && parts.last() == Some(&"") {
                parts.pop();
            }
            parts.join(" | ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The form's addressee lines (blank lines skipped). An empty name is kept as typed, for the
/// action to refuse by its field.
fn parse_addressees(text: &str) -> Vec<AddresseeText> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut parts = line.split('|').map(str::trim);
            let name = parts.next().unwrap_or("").to_owned();
            let mut next = || parts.next().filter(|p| !p.is_empty()).map(str::to_owned);
            let (title, organisation, role) = (next(), next(), next());
            AddresseeText {
                name,
                title,
                organisation,
                role,
            }
        })
        .collect()
}

/// The original's addressees as wording only.
fn original_wording(letter: &Letter) -> Vec<AddresseeText> {
    letter
        .addressees
        .iter()
        .map(|a| AddresseeText {
            name: a.name.clone(),
            title: a.title.clone(),
            organisation: a.organisation.clone(),
            role: a.role.clone(),
        })
        .collect()
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
            closing => &v.closing, addressees => &v.addressees, cc => &v.cc,
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
            closing => &p.letter.closing, addressees => addressee_lines(&p.letter.addressees),
            cc => p.letter.cc.join("\n"),
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
    if f.get("action") == Some("remove") {
        return remove(
            &state,
            &viewer,
            &access,
            &case,
            stored,
            f.get("lang").unwrap_or(""),
        )
        .await;
    }
    let values = Values::from_form(&f);
    let text = values.text(stored);
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
                v.addressees.clone_from(&text.addressees);
                v.cc.clone_from(&text.cc);
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
                addressees: text.addressees.clone(),
                cc: text.cc.clone(),
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

/// "Remove this version": through `Actions::remove_letter_version`, then back to the list. A
/// refusal (a version organisations signed, the original's language) comes back on the version's
/// form with the reason under `lang`.
async fn remove(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    case: &ValidCase,
    stored: &Letter,
    lang: &str,
) -> Result<Response, AppError> {
    let lang = lang.trim();
    match state
        .actions
        .remove_letter_version(&case.id, &stored.id, lang, &viewer.audit_name())
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/cases/{}/letters/{}/versions",
            case.id, stored.id
        ))),
        Err(ActionError::Invalid { field, message }) => {
            let values = Values::of(stored, lang);
            render(
                state,
                viewer,
                &Page {
                    access,
                    case,
                    letter: stored,
                    values: Some(&values),
                    errors: &[(field, message)],
                    preview: None,
                },
            )
        }
        Err(e) => Err(e.into()),
    }
}
