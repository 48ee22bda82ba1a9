//! `/api/v1/cases/{id}/letters/{letter}/versions`: a letter's languages (issue 16 §3) — the
//! original and each version, with who translated it, when, whether the original changed since,
//! the SHA-256 of the text a signatory of that language signs and how many organisations are
//! printed under it, and its addressees and CC as that language prints them — and
//! `…/versions/{lang}` to add or change (PUT) or remove (DELETE) the version in one language
//! (owners, who coordinate letters), through the same actions as the Languages page.

use accord_core::{Letter, ValidCase};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ErrorBody, parse_body};
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::{ApiError, AppError, AppState};

/// A letter's languages: its original first, then each version.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct LetterLanguages {
    letter: String,
    /// BCP 47 tag of the original.
    original: String,
    languages: Vec<LetterLanguage>,
}

/// The letter in one language.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct LetterLanguage {
    /// BCP 47 tag.
    lang: String,
    /// The original (the letter's own fields) or a translation.
    original: bool,
    title: String,
    /// Who translated it (a version only).
    translated_by: Option<String>,
    /// When (`YYYY-MM-DD`; a version only).
    translated_at: Option<String>,
    /// The original's wording changed since this version was translated.
    out_of_date: bool,
    /// SHA-256 of the text a signatory signs in this language; `null` when its body does not
    /// compose.
    signed_text_sha256: Option<String>,
    /// Organisations printed under the letter in this language (verified signatures of its
    /// current text).
    signatories: usize,
    /// The addressees as this language prints them (a version that writes none prints the
    /// original's), in the letter's order.
    addressees: Vec<AddresseeWording>,
    /// The CC lines as this language prints them, in order.
    cc: Vec<String>,
    /// Whether this version writes the addressees or CC in its own language (`false` for the
    /// original).
    translates_recipients: bool,
}

/// How an addressee is written in one language: who they are stays the original's.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AddresseeWording {
    name: String,
    title: Option<String>,
    organisation: Option<String>,
    /// Free text ("co-chair").
    role: Option<String>,
}

/// A letter's wording in one language, as a translator writes it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct VersionInput {
    title: String,
    /// The body template: Markdown with the letter's template functions.
    body: String,
    place: Option<String>,
    closing: Option<String>,
    /// The original's addressees in this language, in the original's order (at most as many);
    /// absent or empty: the version prints the original's.
    #[serde(default)]
    addressees: Vec<AddresseeWording>,
    /// The original's CC lines in this language, in order (at most as many); absent or empty:
    /// the original's.
    #[serde(default)]
    cc: Vec<String>,
}

fn language(case: &ValidCase, letter: &Letter, lang: &str) -> LetterLanguage {
    let version = letter.version(lang);
    let composed = accord_letters::compose_in(case, &letter.id, lang).ok();
    let printed = letter.in_language(lang);
    let printed = printed.as_ref().unwrap_or(letter);
    LetterLanguage {
        lang: lang.to_owned(),
        original: version.is_none(),
        title: version.map_or_else(|| letter.title.clone(), |v| v.title.clone()),
        translated_by: version.and_then(|v| v.translated_by.clone()),
        translated_at: version.and_then(|v| v.translated_at).map(|d| d.to_string()),
        out_of_date: version.is_some_and(|v| v.is_out_of_date(letter)),
        signed_text_sha256: composed.as_ref().map(|c| c.signed_text.sha256.clone()),
        signatories: composed.map_or(0, |c| c.document.signatories.len()),
        addressees: printed
            .addressees
            .iter()
            .map(|a| AddresseeWording {
                name: a.name.clone(),
                title: a.title.clone(),
                organisation: a.organisation.clone(),
                role: a.role.clone(),
            })
            .collect(),
        cc: printed.cc.clone(),
        translates_recipients: version
            .is_some_and(accord_core::LetterVersion::translates_recipients),
    }
}

async fn case_of(state: &AppState, id: &str, letter: &str) -> Result<ValidCase, AppError> {
    state
        .store
        .load_case_for_letters(id, Some(letter))
        .await?
        .ok_or(AppError::NotFound)
}

/// A letter's languages.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/letters/{letter}/versions",
    operation_id = "get_letter_versions",
    tag = "letters",
    params(
        ("id" = String, Path, description = "Case id"),
        ("letter" = String, Path, description = "Letter id"),
    ),
    responses(
        (status = 200, description = "The letter's languages", body = LetterLanguages),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case or letter, or the caller may not see the case", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter_id)): Path<(String, String)>,
) -> Result<Json<LetterLanguages>, ApiError> {
    CaseAccess::load(&state, &viewer, &id).await?;
    let case = case_of(&state, &id, &letter_id).await?;
    let letter = case.letter(&letter_id).ok_or(AppError::NotFound)?;
    Ok(Json(LetterLanguages {
        letter: letter.id.clone(),
        original: letter.language.clone(),
        languages: letter
            .languages()
            .into_iter()
            .map(|l| language(&case, letter, l))
            .collect(),
    }))
}

/// Add or change the letter's version in `lang` (owners): who translated it (the caller) and
/// today are recorded with the original it was made from; logged as an edit of the letter.
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/letters/{letter}/versions/{lang}",
    operation_id = "put_letter_version",
    tag = "letters",
    params(
        ("id" = String, Path, description = "Case id"),
        ("letter" = String, Path, description = "Letter id"),
        ("lang" = String, Path, description = "BCP 47 tag of the version (not the original's)"),
    ),
    request_body = VersionInput,
    responses(
        (status = 200, description = "The version was added or changed: the letter in that language", body = LetterLanguage),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller does not coordinate the case's letters", body = ErrorBody),
        (status = 404, description = "No such case or letter, or the caller may not see the case", body = ErrorBody),
        (status = 422, description = "The version is not valid (the original's language, not a language tag, an empty title or body, a body that does not compose, more addressees or CC lines than the original, an addressee without a name); `field` names it and nothing is written", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn put(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter_id, lang)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Json<LetterLanguage>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let input: VersionInput = parse_body(&body)?;
    let text = accord_actions::VersionText {
        lang: lang.clone(),
        title: input.title,
        place: input.place,
        body: input.body,
        closing: input.closing,
        addressees: input
            .addressees
            .into_iter()
            .map(|a| accord_core::AddresseeText {
                name: a.name,
                title: a.title,
                organisation: a.organisation,
                role: a.role,
            })
            .collect(),
        cc: input.cc,
    };
    state
        .actions
        .save_letter_version(&id, &letter_id, &text, &viewer.audit_name())
        .await?;
    let case = case_of(&state, &id, &letter_id).await?;
    let letter = case.letter(&letter_id).ok_or(AppError::NotFound)?;
    Ok(Json(language(&case, letter, text.lang.trim())))
}

/// Remove the letter's version in `lang` (owners): the letter is saved without it, logged as an
/// edit of the letter (its history keeps the removed wording). Refused while an organisation
/// that has not withdrawn signed that language.
#[utoipa::path(
    delete,
    path = "/api/v1/cases/{id}/letters/{letter}/versions/{lang}",
    operation_id = "delete_letter_version",
    tag = "letters",
    params(
        ("id" = String, Path, description = "Case id"),
        ("letter" = String, Path, description = "Letter id"),
        ("lang" = String, Path, description = "BCP 47 tag of the version (not the original's)"),
    ),
    responses(
        (status = 200, description = "The version was removed: the letter's remaining languages", body = LetterLanguages),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller does not coordinate the case's letters", body = ErrorBody),
        (status = 404, description = "No such case, letter or version, or the caller may not see the case", body = ErrorBody),
        (status = 422, description = "The original's language, or a version organisations signed (and did not withdraw from); `field` is `lang` and nothing is written", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn remove(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter_id, lang)): Path<(String, String, String)>,
) -> Result<Json<LetterLanguages>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    state
        .actions
        .remove_letter_version(&id, &letter_id, &lang, &viewer.audit_name())
        .await?;
    let case = case_of(&state, &id, &letter_id).await?;
    let letter = case.letter(&letter_id).ok_or(AppError::NotFound)?;
    Ok(Json(LetterLanguages {
        letter: letter.id.clone(),
        original: letter.language.clone(),
        languages: letter
            .languages()
            .into_iter()
            .map(|l| language(&case, letter, l))
            .collect(),
    }))
}
