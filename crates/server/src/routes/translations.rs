//! Records in several languages on the web (issue 16 §2): what a record page shows of a field
//! (the reader's language where a translation exists, else the original, marked), the form to
//! add or change a translation that record pages carry for editors (with a button to remove each
//! language and a form to say which language the record was written in), and the translators'
//! page: per language, what the case has not yet translated or whose translation is out of date,
//! and, for owners, the form that says which language the case is written in.

use accord_core::translation::{FieldState, TextKind, Translations, pending};
use accord_core::{Lang, Named};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::table::{Routes, get, post};
use crate::routes::{see_other, with_case};
use crate::visibility::Visibility;
use crate::{AppError, AppState};

/// The most items the translators' page lists per language (the count says how many in all).
const LISTED: usize = 200;

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/cases/{id}/translations", get(page).post(save))
        .route("/cases/{id}/translations/remove", post(remove))
        .route("/cases/{id}/translations/original", post(original))
}

/// One field as the reader sees it, for the templates: its text, the language it is in, whether
/// it is the original shown for want of a translation, and whether a translation is out of date.
pub(crate) fn shown(
    tr: &Translations<'_>,
    kind: TextKind,
    id: &str,
    field: &str,
    original: &str,
    reader: Lang,
) -> Value {
    let l = tr.localize(kind, id, field, original, reader.tag());
    context! { text => l.text, lang => l.lang, original => l.original, out_of_date => l.out_of_date }
}

/// The translation form's values for a record: its kind and id, the languages it may be
/// translated into, and each translatable field with its original text and the translation the
/// reader's language has (so an editor changes it rather than starting again).
pub(crate) fn form(
    tr: &Translations<'_>,
    kind: TextKind,
    id: &str,
    originals: &[Option<&str>],
    reader: Lang,
    back: &str,
) -> Value {
    let original = tr.original_lang(kind, id);
    let target = Lang::ALL
        .into_iter()
        .find(|l| *l == reader && !same_primary(l.tag(), original))
        .or_else(|| {
            Lang::ALL
                .into_iter()
                .find(|l| !same_primary(l.tag(), original))
        })
        .unwrap_or(Lang::Fr);
    let existing = tr
        .record(kind, id)
        .and_then(|r| r.translation(target.tag()));
    let fields: Vec<Value> = kind
        .fields()
        .iter()
        .zip(originals)
        .filter_map(|(name, text)| {
            let text = text.filter(|t| !t.trim().is_empty())?;
            let current = existing
                .and_then(|t| t.field(name))
                .map(|f| f.text.as_str());
            let long = text.len() > 80 || text.contains('\n');
            Some(context! { name => *name, original => text, current, long })
        })
        .collect();
    let languages: Vec<Value> = Lang::ALL
        .into_iter()
        .filter(|l| !same_primary(l.tag(), original))
        .map(|l| context! { tag => l.tag(), name => l.native_name(), chosen => l == target })
        .collect();
    // The languages the record may be said to be written in: the interface's, and the one it
    // is said to be in now.
    let originals_choice: Vec<Value> = Lang::ALL
        .into_iter()
        .map(|l| context! { tag => l.tag(), name => l.native_name(), chosen => same_primary(l.tag(), original) })
        .collect();
    context! {
        kind => kind.as_str(), id, original, fields, languages, back, originals_choice,
        translated => tr.record(kind, id).map(|r| r.translations.iter().map(|t| context! {
            lang => &t.lang, by => &t.by, at => t.at.map(|d| d.to_string()),
        }).collect::<Vec<_>>()),
    }
}

/// Incident titles in the reader's language, for a list of incidents (a timeline page, the
/// dashboard's latest, an actor's): one query for the list. By id: the title shown, the
/// language it is in, and whether it is the original shown for want of a translation.
pub(crate) async fn incident_titles(
    state: &AppState,
    head: &accord_store::CaseHead,
    incidents: &[accord_core::Incident],
    reader: Lang,
) -> Result<std::collections::HashMap<String, Value>, AppError> {
    if incidents.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let snap = crate::case_cache::snapshot(state, head).await?;
    let language = snap
        .case
        .language
        .as_deref()
        .unwrap_or(accord_core::translation::DEFAULT_LANGUAGE);
    // A reader of the case's own language, in a case whose records (as the status load holds
    // them) have no languages at all, sees the originals: nothing to look up. (Lists then do not
    // mark an incident that says it was written in another language, until the case has any.)
    // Another reader's lists look their records' languages up, once per list and version of
    // the case (`case_cache`), not on every request.
    let own = if same_primary(reader.tag(), language) && snap.case.translations.is_empty() {
        std::sync::Arc::default()
    } else {
        let ids: Vec<String> = incidents.iter().map(|i| i.id.clone()).collect();
        crate::case_cache::record_languages(state, head, TextKind::Incident, ids).await?
    };
    let tr = Translations::new(snap.case.language.as_deref(), own.iter());
    Ok(incidents
        .iter()
        .map(|i| {
            let v = shown(&tr, TextKind::Incident, &i.id, "title", &i.title, reader);
            (i.id.clone(), v)
        })
        .collect())
}

/// The case's own title in the reader's language (the dashboard's heading).
pub(crate) fn case_title(case: &accord_core::Case, reader: Lang) -> Value {
    let tr = Translations::of(case);
    shown(&tr, TextKind::Case, &case.id, "title", &case.title, reader)
}

fn same_primary(a: &str, b: &str) -> bool {
    let p = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    p(a) == p(b)
}

/// Where a record of the case is shown, for the translators' page's links.
fn record_path(case: &str, kind: TextKind, id: &str) -> String {
    let enc = |s: &str| {
        // Path segments: ids are plain, citations carry spaces, dots and parentheses.
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    match kind {
        TextKind::Case => format!("/cases/{}", enc(case)),
        TextKind::Instrument => format!("/cases/{}/instruments/{}", enc(case), enc(id)),
        TextKind::Provision => format!("/cases/{}/provisions/{}", enc(case), enc(id)),
        TextKind::Actor => format!("/cases/{}/actors/{}", enc(case), enc(id)),
        TextKind::Source => format!("/cases/{}/sources/{}", enc(case), enc(id)),
        TextKind::Incident => format!("/cases/{}/incidents/{}", enc(case), enc(id)),
        TextKind::Mechanism => format!("/cases/{}/mechanisms/{}", enc(case), enc(id)),
    }
}

/// The translators' page: for each language, what is missing or out of date, with links.
async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    let vis = Visibility::load(&state, &access).await?;
    // Every record, as this reader may see it: what is hidden from them is not listed.
    let full = state
        .store
        .load_case(&id)
        .await?
        .ok_or(AppError::NotFound)?;
    let case = vis.case(&full)?;
    let original = case
        .language
        .clone()
        .unwrap_or_else(|| accord_core::translation::DEFAULT_LANGUAGE.to_owned());
    let mut tags: Vec<String> = Lang::ALL.iter().map(|l| l.tag().to_owned()).collect();
    for r in &case.translations {
        for t in &r.translations {
            if !tags.iter().any(|x| x.eq_ignore_ascii_case(&t.lang)) {
                tags.push(t.lang.clone());
            }
        }
    }
    let languages: Vec<Value> = tags
        .iter()
        .filter(|tag| !same_primary(tag, &original))
        .map(|tag| {
            let todo = pending(&case, tag);
            let missing = todo
                .iter()
                .filter(|p| p.state == FieldState::Missing)
                .count();
            let out_of_date = todo.len() - missing;
            let listed: Vec<Value> = todo
                .iter()
                .take(LISTED)
                .map(|p| {
                    context! {
                        kind => p.kind.as_str(), id => &p.id, field => p.field,
                        state => p.state.as_str(),
                        // Percent-encoded by `record_path`: nothing in it to escape.
                        href => Value::from_safe_string(record_path(&case.id, p.kind, &p.id)),
                    }
                })
                .collect();
            let name =
                Lang::from_tag(tag).map_or_else(|| tag.clone(), |l| l.native_name().to_owned());
            context! {
                tag => tag.clone(), name, missing, out_of_date, listed,
                more => todo.len().saturating_sub(LISTED),
            }
        })
        .collect();
    let case_language = access.can_manage().then(|| {
        let choice: Vec<Value> = Lang::ALL
            .into_iter()
            .map(|l| context! { tag => l.tag(), name => l.native_name(), chosen => same_primary(l.tag(), &original) })
            .collect();
        context! { id => &case.id, choice }
    });
    let ctx = context! {
        title => state.text(viewer.lang, "translators-title"),
        case_language,
        original,
        // Not `languages`: the page's common context has the language switch's under that name.
        targets => languages,
    };
    Ok(state
        .page(&viewer, "translators.html", with_case(&access, ctx))?
        .into_response())
}

/// The translation form: `kind`, `record`, `lang` (or `other_lang`, a tag typed in), and one
/// `field.<name>` per translated field (empty ones are left as they are); `back` is where to
/// return (a path of this case).
async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    RawQuery(_q): RawQuery,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let f = Fields::from_body(&body);
    let (kind, record) = record_of(&state, &access, &f).await?;
    let lang = chosen_lang(&f);
    let fields: Vec<(String, String)> = kind
        .fields()
        .iter()
        .filter_map(|name| {
            let text = f.text(&format!("field.{name}"))?.trim();
            (!text.is_empty()).then(|| ((*name).to_owned(), text.to_owned()))
        })
        .collect();
    let by = actor(&viewer);
    state
        .actions
        .translate(
            &id,
            &accord_actions::NewTranslation {
                kind,
                id: record.clone(),
                lang,
                fields,
                by: None,
            },
            &by,
        )
        .await?;
    Ok(see_other(&format!(
        "{}?translated",
        back(&f, &id, kind, &record)
    )))
}

/// The record a form names (`kind`, `record`), refused (422) for an unknown kind; a record this
/// editor may not see does not exist for them (404).
async fn record_of(
    state: &AppState,
    access: &CaseAccess,
    f: &Fields,
) -> Result<(TextKind, String), AppError> {
    let kind =
        TextKind::from_name(f.get("kind").unwrap_or("")).map_err(|e| AppError::Validation {
            field: "kind".into(),
            message: e.to_string(),
        })?;
    let record = f.get("record").unwrap_or("").to_owned();
    let vis = Visibility::load(state, access).await?;
    let hidden = match kind {
        TextKind::Incident => !vis.sees_incident(&record),
        TextKind::Actor => !vis.sees_actor(&record),
        TextKind::Source => !vis.sees_source(&record),
        _ => false,
    };
    if hidden {
        return Err(AppError::NotFound);
    }
    Ok((kind, record))
}

/// The language a form chose: `other_lang` (a tag typed in) when given, else `lang`.
fn chosen_lang(f: &Fields) -> String {
    match f.get("other_lang").map(str::trim).filter(|s| !s.is_empty()) {
        Some(other) => other.to_owned(),
        None => f.get("lang").unwrap_or("").trim().to_owned(),
    }
}

/// Where a form returns: `back` when it is a path of this case, else the record's page.
fn back(f: &Fields, id: &str, kind: TextKind, record: &str) -> String {
    f.get("back")
        .filter(|b| b.starts_with(&format!("/cases/{id}/")) || *b == format!("/cases/{id}"))
        .filter(|b| !b.contains("//") && !b.contains('\\'))
        .map_or_else(|| record_path(id, kind, record), str::to_owned)
}

/// The account a change is logged under.
fn actor(viewer: &Viewer) -> String {
    viewer
        .user
        .as_ref()
        .map(|u| u.email.clone())
        .unwrap_or_default()
}

/// Remove one language's translation of a record: `kind`, `record`, `lang`, `back`. The
/// record's history keeps the removed text.
async fn remove(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let f = Fields::from_body(&body);
    let (kind, record) = record_of(&state, &access, &f).await?;
    let lang = chosen_lang(&f);
    state
        .actions
        .remove_translation(
            &id,
            &accord_actions::RecordRef {
                kind,
                id: record.clone(),
            },
            &lang,
            &actor(&viewer),
        )
        .await?;
    Ok(see_other(&format!(
        "{}?translation_removed",
        back(&f, &id, kind, &record)
    )))
}

/// Say which language a record was written in (`kind`, `record`, `lang` or `other_lang`,
/// `back`); with `kind` `case` and the case's id, which language the case's records are
/// written in (owners only).
async fn original(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let f = Fields::from_body(&body);
    let (kind, record) = record_of(&state, &access, &f).await?;
    if kind == TextKind::Case {
        access.require_manage(&viewer)?;
    }
    let lang = chosen_lang(&f);
    state
        .actions
        .set_original_language(
            &id,
            &accord_actions::RecordRef {
                kind,
                id: record.clone(),
            },
            &lang,
            &actor(&viewer),
        )
        .await?;
    Ok(see_other(&format!(
        "{}?original_set",
        back(&f, &id, kind, &record)
    )))
}
