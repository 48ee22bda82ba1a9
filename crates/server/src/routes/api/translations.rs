//! `/api/v1/cases/{id}/translations`: the languages of a case's records (issue 16 §2) — each
//! record's original language and every translation, with who translated it, when, and which
//! fields are out of date — adding or changing one language's translation of a record, removing
//! one (editors), and saying which language a record, or the whole case (owners), was written in,
//! through the same actions as the record pages' forms.

use std::collections::BTreeMap;

use accord_core::translation::{
    DEFAULT_LANGUAGE, FieldState, RecordLanguages, TextKind, field_state, original_text,
};
use accord_core::{Case, Named};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ErrorBody, invalid, parse_body};
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::visibility::Visibility;
use crate::{ApiError, AppError, AppState};

/// A case's languages: the one its records are written in, and every record's translations.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CaseLanguages {
    /// BCP 47 tag of the language the case's records are written in (`en` when the case does
    /// not say).
    language: String,
    /// The records that have translations or were written in another language, in the order
    /// they were added.
    records: Vec<RecordLanguagesView>,
}

/// One record's languages.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RecordLanguagesView {
    /// `case`, `instrument`, `provision`, `actor`, `source`, `incident` or `mechanism`.
    kind: String,
    /// The record's id; a provision's is its citation (`FPA Art. 3(1)`).
    id: String,
    /// The language the record was written in.
    original: String,
    translations: Vec<TranslationView>,
}

/// A record in one language other than its original.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct TranslationView {
    /// BCP 47 tag.
    lang: String,
    /// Who translated it.
    by: Option<String>,
    /// When (`YYYY-MM-DD`).
    at: Option<String>,
    /// The translated fields: `title`, `summary`, `place`, `name`, `heading`, `text`, `notes`,
    /// `note` or `action`, as the record's kind has them.
    fields: BTreeMap<String, String>,
    /// SHA-256 (hex) of the original text each field was translated from, when known.
    original_sha256: BTreeMap<String, String>,
    /// The fields whose original changed since they were translated.
    out_of_date: Vec<String>,
}

/// One language's translation of a record; the fields given replace those the translation into
/// that language has, the others stay.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TranslationInput {
    /// `case`, `instrument`, `provision`, `actor`, `source`, `incident` or `mechanism`.
    kind: String,
    /// The record's id; a provision's is its citation (`FPA Art. 3(1)`).
    id: String,
    /// BCP 47 tag (`km`, `fr`, `fr-CA`); not the record's original language.
    lang: String,
    /// Field name → translated text, none empty.
    fields: BTreeMap<String, String>,
    /// Who translated it; the caller when absent.
    #[serde(default)]
    by: Option<String>,
}

fn view(case: Option<&Case>, language: &str, r: &RecordLanguages) -> RecordLanguagesView {
    RecordLanguagesView {
        kind: r.kind.as_str().to_owned(),
        id: r.id.clone(),
        original: r.original.clone().unwrap_or_else(|| language.to_owned()),
        translations: r
            .translations
            .iter()
            .map(|t| TranslationView {
                lang: t.lang.clone(),
                by: t.by.clone(),
                at: t.at.map(|d| d.to_string()),
                fields: t
                    .fields
                    .iter()
                    .map(|f| (f.field.clone(), f.text.clone()))
                    .collect(),
                original_sha256: t
                    .fields
                    .iter()
                    .filter_map(|f| Some((f.field.clone(), f.original_sha256.clone()?)))
                    .collect(),
                out_of_date: case.map_or_else(Vec::new, |case| {
                    t.fields
                        .iter()
                        .filter(|f| {
                            original_text(case, r.kind, &r.id, &f.field)
                                .is_some_and(|o| field_state(Some(f), o) == FieldState::OutOfDate)
                        })
                        .map(|f| f.field.clone())
                        .collect()
                }),
            })
            .collect(),
    }
}

/// Every record's languages, as the caller may see them.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{id}/translations",
    operation_id = "list_translations",
    tag = "translations",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case's language and its records' translations", body = CaseLanguages),
        (status = 401, description = "The token is not valid", body = ErrorBody),
        (status = 404, description = "No such case, or the caller may not see it", body = ErrorBody),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Json<CaseLanguages>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let vis = Visibility::load(&state, &access).await?;
    let full = state
        .store
        .load_case(&id)
        .await?
        .ok_or(AppError::NotFound)?;
    let case = vis.case(&full)?;
    let language = case
        .language
        .clone()
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned());
    let records = case
        .translations
        .iter()
        .map(|r| view(Some(&case), &language, r))
        .collect();
    Ok(Json(CaseLanguages { language, records }))
}

/// Add or change one language's translation of a record (editors and owners).
#[utoipa::path(
    post,
    path = "/api/v1/cases/{id}/translations",
    operation_id = "translate_record",
    tag = "translations",
    params(("id" = String, Path, description = "Case id")),
    request_body = TranslationInput,
    responses(
        (status = 200, description = "The record's languages as stored", body = RecordLanguagesView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case or record, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "The translation is not valid (a malformed language tag or the record's original language, a field the kind does not translate, an empty text, a restricted record); `field` names the first problem", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<RecordLanguagesView>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let input: TranslationInput = parse_body(&body)?;
    let kind = TextKind::from_name(&input.kind).map_err(|e| invalid("kind", e.to_string()))?;
    let vis = Visibility::load(&state, &access).await?;
    let hidden = match kind {
        TextKind::Incident => !vis.sees_incident(&input.id),
        TextKind::Actor => !vis.sees_actor(&input.id),
        TextKind::Source => !vis.sees_source(&input.id),
        _ => false,
    };
    if hidden {
        return Err(AppError::NotFound.into());
    }
    let actor = viewer
        .user
        .as_ref()
        .map(|u| u.email.clone())
        .unwrap_or_default();
    let record = state
        .actions
        .translate(
            &id,
            &accord_actions::NewTranslation {
                kind,
                id: input.id,
                lang: input.lang,
                fields: input.fields.into_iter().collect(),
                by: input.by,
            },
            &actor,
        )
        .await
        .map_err(AppError::from)?;
    let snap = crate::case_cache::snapshot(&state, &access.case).await?;
    let language = snap
        .case
        .language
        .clone()
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned());
    Ok(Json(view(None, &language, &record)))
}

/// A record's translation to remove.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RemovalInput {
    /// `case`, `instrument`, `provision`, `actor`, `source`, `incident` or `mechanism`.
    kind: String,
    /// The record's id; a provision's is its citation (`FPA Art. 3(1)`).
    id: String,
    /// BCP 47 tag of the translation to remove.
    lang: String,
}

/// The language a record was written in, or (kind `case`, the case's id) the language the
/// case's records are written in.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct OriginalLanguage {
    /// `case`, `instrument`, `provision`, `actor`, `source`, `incident` or `mechanism`.
    kind: String,
    /// The record's id; a provision's is its citation; the case's own id with kind `case`.
    id: String,
    /// BCP 47 tag of a known language (`km`, `fr`, `en`, `fr-CA`).
    lang: String,
}

/// The record a body names, refused (422) for an unknown kind; 404 for one the caller may not
/// see.
async fn record_ref(
    state: &AppState,
    access: &CaseAccess,
    kind: &str,
    id: &str,
) -> Result<accord_actions::RecordRef, ApiError> {
    let kind = TextKind::from_name(kind).map_err(|e| invalid("kind", e.to_string()))?;
    let vis = Visibility::load(state, access).await?;
    let hidden = match kind {
        TextKind::Incident => !vis.sees_incident(id),
        TextKind::Actor => !vis.sees_actor(id),
        TextKind::Source => !vis.sees_source(id),
        _ => false,
    };
    if hidden {
        return Err(AppError::NotFound.into());
    }
    Ok(accord_actions::RecordRef {
        kind,
        id: id.to_owned(),
    })
}

fn caller(viewer: &Viewer) -> String {
    viewer
        .user
        .as_ref()
        .map(|u| u.email.clone())
        .unwrap_or_default()
}

/// Remove one language's translation of a record (editors and owners): a new version of the
/// record's languages; its history keeps the removed text.
#[utoipa::path(
    delete,
    path = "/api/v1/cases/{id}/translations",
    operation_id = "remove_translation",
    tag = "translations",
    params(("id" = String, Path, description = "Case id")),
    request_body = RemovalInput,
    responses(
        (status = 200, description = "The record's languages as stored after the removal", body = RecordLanguagesView),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case", body = ErrorBody),
        (status = 404, description = "No such case or record, no translation into that language, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "An unknown kind; `field` names it", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn remove(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<RecordLanguagesView>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let input: RemovalInput = parse_body(&body)?;
    let record = record_ref(&state, &access, &input.kind, &input.id).await?;
    let after = state
        .actions
        .remove_translation(&id, &record, &input.lang, &caller(&viewer))
        .await
        .map_err(AppError::from)?;
    let snap = crate::case_cache::snapshot(&state, &access.case).await?;
    let language = snap
        .case
        .language
        .clone()
        .unwrap_or_else(|| DEFAULT_LANGUAGE.to_owned());
    Ok(Json(view(None, &language, &after)))
}

/// Say which language a record was written in (editors and owners), or, with kind `case` and
/// the case's id, which language the case's records are written in (owners).
#[utoipa::path(
    put,
    path = "/api/v1/cases/{id}/translations/original",
    operation_id = "set_original_language",
    tag = "translations",
    params(("id" = String, Path, description = "Case id")),
    request_body = OriginalLanguage,
    responses(
        (status = 200, description = "The language as it now stands", body = OriginalLanguage),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 401, description = "No token, or the token is not valid", body = ErrorBody),
        (status = 403, description = "The caller's role may not edit the case (or, for the case's own language, manage it)", body = ErrorBody),
        (status = 404, description = "No such case or record, or the caller may not see it", body = ErrorBody),
        (status = 422, description = "An unknown kind, a malformed tag or one naming no known language, or a language the record already has a translation into; `field` names it", body = ErrorBody),
    ),
    security(("bearer" = [])),
)]
pub(crate) async fn set_original(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<OriginalLanguage>, ApiError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let input: OriginalLanguage = parse_body(&body)?;
    let record = record_ref(&state, &access, &input.kind, &input.id).await?;
    if record.kind == TextKind::Case {
        access.require_manage(&viewer)?;
    }
    let lang = state
        .actions
        .set_original_language(&id, &record, &input.lang, &caller(&viewer))
        .await
        .map_err(AppError::from)?;
    Ok(Json(OriginalLanguage {
        kind: input.kind,
        id: input.id,
        lang,
    }))
}
