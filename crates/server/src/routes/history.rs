//! Every version of a record, with what changed from one to the next (incidents, findings,
//! sources, actors, letters), the versions of its translations (who translated it into which
//! language, when, and which translations were removed), and the check that tells a finding's
//! readers when an incident changed after the finding was confirmed. Instruments, provisions and
//! mechanisms have no versions of their own in the store: their history pages show the versions
//! of their translations.
//!
//! The store keeps each version as the record's canonical JSON; a diff compares the top-level
//! fields of two consecutive versions and shows each changed field as old → new.

use accord_store::{RecordKind, RecordVersion};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use minijinja::{Value as Ctx, context};
use serde_json::Value;

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::disclosure::Disclosure;
use crate::routes::table::{Routes, get};
use crate::routes::with_case;
use crate::visibility::Visibility;
use crate::{AppError, AppState};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/cases/{id}/incidents/{incident}/history", get(incident))
        .route("/cases/{id}/findings/{finding}/history", get(finding))
        .route("/cases/{id}/sources/{source}/history", get(source))
        .route("/cases/{id}/actors/{actor}/history", get(actor))
        .route("/cases/{id}/letters/{letter}/history", get(letter))
        .route(
            "/cases/{id}/instruments/{instrument}/history",
            get(instrument),
        )
        .route("/cases/{id}/provisions/{citation}/history", get(provision))
        .route("/cases/{id}/mechanisms/{mechanism}/history", get(mechanism))
}

async fn incident(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Response, AppError> {
    page(&state, &viewer, &id, RecordKind::Incident, &record).await
}

async fn finding(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Response, AppError> {
    page(&state, &viewer, &id, RecordKind::Finding, &record).await
}

async fn source(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Response, AppError> {
    page(&state, &viewer, &id, RecordKind::Source, &record).await
}

async fn actor(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Response, AppError> {
    page(&state, &viewer, &id, RecordKind::Actor, &record).await
}

async fn letter(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Response, AppError> {
    page(&state, &viewer, &id, RecordKind::Letter, &record).await
}

// Instruments, provisions and mechanisms are not versioned records: the store keeps them as
// part of the case (a bundle import or a table merge replaces them) and logs no version of
// their own. What the log does keep of them is each version of their translations, which their
// history pages show.

async fn instrument(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Response, AppError> {
    translations_page(&state, &viewer, &id, Unversioned::Instrument(record)).await
}

async fn provision(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, citation)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let cite = accord_core::Citation::parse(&citation).map_err(|_| AppError::NotFound)?;
    translations_page(&state, &viewer, &id, Unversioned::Provision(cite)).await
}

async fn mechanism(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, record)): Path<(String, String)>,
) -> Result<Response, AppError> {
    translations_page(&state, &viewer, &id, Unversioned::Mechanism(record)).await
}

/// A record the store keeps without versions of its own.
enum Unversioned {
    Instrument(String),
    Provision(accord_core::Citation),
    Mechanism(String),
}

/// The history page of an instrument, provision or mechanism: the versions of its translations
/// (the only versions the log keeps of it), newest first; 404 for a record the case does not
/// have.
async fn translations_page(
    state: &AppState,
    viewer: &Viewer,
    case: &str,
    record: Unversioned,
) -> Result<Response, AppError> {
    use accord_core::TextKind;
    let access = CaseAccess::load(state, viewer, case).await?;
    let snap = crate::case_cache::snapshot(state, &access.case).await?;
    let c = &snap.case;
    let (kind, noun, id, back) = match &record {
        Unversioned::Instrument(i) => {
            c.instrument(i).ok_or(AppError::NotFound)?;
            (
                TextKind::Instrument,
                "instrument",
                i.clone(),
                format!("/cases/{case}/instruments/{i}"),
            )
        }
        Unversioned::Provision(cite) => {
            c.provision(cite).ok_or(AppError::NotFound)?;
            (
                TextKind::Provision,
                "provision",
                cite.to_string(),
                super::provisions::path(case, cite),
            )
        }
        Unversioned::Mechanism(m) => {
            c.mechanism(m).ok_or(AppError::NotFound)?;
            (
                TextKind::Mechanism,
                "mechanism",
                m.clone(),
                format!("/cases/{case}/mechanisms/{m}"),
            )
        }
    };
    let translations = text_versions(state, &access, kind, &id).await?;
    let ctx = context! {
        title => state.message(viewer.lang, "history-title", &[
            ("noun", state.text(viewer.lang, &format!("noun-{noun}")).into()),
            ("id", id.as_str().into()),
        ]),
        noun, id, back,
        unversioned => true,
        confirmed_against => Vec::<Ctx>::new(),
        versions => Vec::<Ctx>::new(),
        translations,
    };
    Ok(state
        .page(viewer, "history.html", with_case(&access, ctx))?
        .into_response())
}

/// The versions of a record, oldest first, as the viewer of `access` may see them; 404 for a
/// record never written, or one the viewer may not see (a finding that is not confirmed, for a
/// reader outside the case: see [`Disclosure::versions`]).
pub(crate) async fn versions(
    state: &AppState,
    access: &CaseAccess,
    kind: RecordKind,
    id: &str,
) -> Result<Vec<RecordVersion>, AppError> {
    let versions = state.actions.history(&access.case.id, kind, id).await?;
    // A record this reader may not see has no history for them, and of a record they may see
    // now, no version they could not have seen then.
    let versions = Visibility::load(state, access)
        .await?
        .versions(kind, id, versions);
    if versions.is_empty() {
        return Err(AppError::NotFound);
    }
    Disclosure::load(state, access)
        .await?
        .versions(kind, versions)
}

/// A version's record, parsed (`None` when the version removed it).
pub(crate) fn parsed(v: &RecordVersion) -> Result<Option<Value>, AppError> {
    v.body
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| AppError::Internal(format!("stored version {} is not JSON: {e}", v.version)))
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    case: &str,
    kind: RecordKind,
    id: &str,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(state, viewer, case).await?;
    let versions = versions(state, &access, kind, id).await?;
    let mut rows = Vec::with_capacity(versions.len());
    let mut previous: Option<Value> = None;
    for v in &versions {
        let record = parsed(v)?;
        let changes = diff(previous.as_ref(), record.as_ref());
        rows.push(context! {
            version => v.version,
            at => &v.at,
            by => &v.actor,
            removed => record.is_none(),
            first => previous.is_none(),
            changes => changes.iter().map(|c| context! {
                field => &c.field, old => &c.old, new => &c.new,
            }).collect::<Vec<_>>(),
        });
        previous = record;
    }
    // Newest first: what changed last is what a reader looks for.
    rows.reverse();
    let (noun, back) = match kind {
        RecordKind::Incident => ("incident", Some(format!("/cases/{case}/incidents/{id}"))),
        RecordKind::Finding => ("finding", None),
        RecordKind::Source => ("source", Some(format!("/cases/{case}/sources/{id}"))),
        RecordKind::Actor => ("actor", Some(format!("/cases/{case}/actors/{id}"))),
        RecordKind::Letter => ("letter", Some(format!("/cases/{case}/letters/{id}"))),
        _ => ("record", None),
    };
    let translations = translation_versions(state, &access, kind, id).await?;
    let confirmed_against = if kind == RecordKind::Finding {
        confirmed_against(state, &access, case, id).await?
    } else {
        Vec::new()
    };
    let ctx = context! {
        confirmed_against,
        title => state.message(viewer.lang, "history-title", &[
            ("noun", state.text(viewer.lang, &format!("noun-{noun}")).into()),
            ("id", id.into()),
        ]),
        noun, id, back,
        unversioned => false,
        versions => rows,
        translations,
    };
    Ok(state
        .page(viewer, "history.html", with_case(&access, ctx))?
        .into_response())
}

/// The versions of a record's languages (issue 16 §2), newest first, for its history page: per
/// version who changed them and when, and per language whether its translation was added,
/// changed or removed, with who translated it; and the original language when it changed.
/// Records that are not translated (findings, letters) have none.
async fn translation_versions(
    state: &AppState,
    access: &CaseAccess,
    kind: RecordKind,
    id: &str,
) -> Result<Vec<Ctx>, AppError> {
    let text_kind = match kind {
        RecordKind::Incident => accord_core::TextKind::Incident,
        RecordKind::Source => accord_core::TextKind::Source,
        RecordKind::Actor => accord_core::TextKind::Actor,
        _ => return Ok(Vec::new()),
    };
    text_versions(state, access, text_kind, id).await
}

/// The versions of the languages of a record of `text_kind`, newest first (see
/// [`translation_versions`]).
async fn text_versions(
    state: &AppState,
    access: &CaseAccess,
    text_kind: accord_core::TextKind,
    id: &str,
) -> Result<Vec<Ctx>, AppError> {
    let versions = state
        .actions
        .history(
            &access.case.id,
            RecordKind::Translation,
            &accord_store::translations::log_id(text_kind, id),
        )
        .await?;
    let mut out = Vec::with_capacity(versions.len());
    let mut previous: Option<Value> = None;
    for v in &versions {
        let record = parsed(v)?;
        let changes = language_changes(previous.as_ref(), record.as_ref());
        let original = |r: Option<&Value>| {
            r.and_then(|r| r.get("original"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        let (old_original, new_original) = (original(previous.as_ref()), original(record.as_ref()));
        out.push(context! {
            version => v.version,
            at => &v.at,
            by => &v.actor,
            original => (old_original != new_original).then(|| context! {
                old => old_original, new => new_original,
            }),
            changes => changes.iter().map(|c| context! {
                lang => &c.lang, what => c.what, translator => &c.translator,
            }).collect::<Vec<_>>(),
        });
        previous = record;
    }
    out.reverse();
    Ok(out)
}

/// What one version of a record's languages did to one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LanguageChange {
    pub lang: String,
    /// `added`, `changed` or `removed`.
    pub what: &'static str,
    /// Who translated it (the translation as it stands after the change, or as it stood before
    /// it was removed).
    pub translator: Option<String>,
}

/// The languages added, changed and removed from one version of a record's languages to the
/// next (`None`: no version, or a removed record), in the newer version's order, then the
/// removed ones.
pub(crate) fn language_changes(old: Option<&Value>, new: Option<&Value>) -> Vec<LanguageChange> {
    let list = |r: Option<&Value>| -> Vec<Value> {
        r.and_then(|r| r.get("translations"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let lang = |t: &Value| t.get("lang").and_then(Value::as_str).map(str::to_owned);
    let by = |t: &Value| t.get("by").and_then(Value::as_str).map(str::to_owned);
    let (old, new) = (list(old), list(new));
    let mut out = Vec::new();
    for t in &new {
        let Some(l) = lang(t) else { continue };
        let before = old.iter().find(|o| lang(o).as_deref() == Some(l.as_str()));
        let what = match before {
            None => "added",
            Some(b) if b != t => "changed",
            Some(_) => continue,
        };
        out.push(LanguageChange {
            lang: l,
            what,
            translator: by(t),
        });
    }
    for t in &old {
        let Some(l) = lang(t) else { continue };
        if !new.iter().any(|n| lang(n).as_deref() == Some(l.as_str())) {
            out.push(LanguageChange {
                lang: l,
                what: "removed",
                translator: by(t),
            });
        }
    }
    out
}

/// For a confirmed finding's history page: each incident it was confirmed against, the version
/// it was confirmed against, and whether the incident has changed since (its latest version).
/// An incident this reader may not see is left out; a finding imported as confirmed has no
/// recorded versions (the incident page compares with its place in the log instead).
async fn confirmed_against(
    state: &AppState,
    access: &CaseAccess,
    case: &str,
    finding: &str,
) -> Result<Vec<Ctx>, AppError> {
    let pinned = state.store.finding_confirmation(case, finding).await?;
    if pinned.is_empty() {
        return Ok(Vec::new());
    }
    let visibility = Visibility::load(state, access).await?;
    let mut out = Vec::with_capacity(pinned.len());
    for (incident, version, at) in pinned {
        let versions = state
            .actions
            .history(case, RecordKind::Incident, &incident)
            .await?;
        let versions = visibility.versions(RecordKind::Incident, &incident, versions);
        let Some(latest) = versions.last() else {
            continue;
        };
        out.push(context! {
            incident => &incident,
            version,
            at => &at,
            latest => latest.version,
            changed => latest.version > version,
        });
    }
    Ok(out)
}

/// One top-level field that differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Change {
    pub field: String,
    /// `None`: the field was absent or null.
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The fields that differ between two versions of a record (`None`: no record), in the newer
/// version's field order, then fields only the older one had.
pub(crate) fn diff(old: Option<&Value>, new: Option<&Value>) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let old = old.and_then(Value::as_object).unwrap_or(&empty);
    let new = new.and_then(Value::as_object).unwrap_or(&empty);
    let mut out = Vec::new();
    let keys = new
        .keys()
        .chain(old.keys().filter(|k| !new.contains_key(*k)));
    for k in keys {
        let (o, n) = (old.get(k), new.get(k));
        if o.unwrap_or(&Value::Null) != n.unwrap_or(&Value::Null) {
            out.push(Change {
                field: k.clone(),
                old: o.and_then(show),
                new: n.and_then(show),
            });
        }
    }
    out
}

/// A field's value for reading: text as it is, lists joined, other values as compact JSON;
/// `None` for null and empty lists.
fn show(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(a) if a.is_empty() => None,
        Value::Array(a) => Some(
            a.iter()
                .map(|x| match x {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        other => Some(other.to_string()),
    }
}

/// When a confirmed finding was confirmed: the version at which its status last became
/// `confirmed` (`None` if it is not confirmed now).
pub(crate) fn confirmation(finding_versions: &[RecordVersion]) -> Option<&RecordVersion> {
    let status = |v: &RecordVersion| -> Option<String> {
        let body: Value = serde_json::from_str(v.body.as_deref()?).ok()?;
        body.get("status")?.as_str().map(str::to_owned)
    };
    let mut since = None;
    for v in finding_versions {
        if status(v).as_deref() == Some("confirmed") {
            since = since.or(Some(v));
        } else {
            since = None;
        }
    }
    since
}

/// The versions of an incident written after a finding's confirmation (the log orders them).
pub(crate) fn changed_after<'a>(
    confirmed: &RecordVersion,
    incident_versions: &'a [RecordVersion],
) -> Vec<&'a RecordVersion> {
    incident_versions
        .iter()
        .filter(|v| v.log_seq > confirmed.log_seq)
        .collect()
}

/// For the incident page: per confirmed finding, the incident versions written after its
/// confirmation, as the page shows them.
pub(crate) async fn changes_since_confirmation(
    state: &AppState,
    case: &str,
    incident: &str,
    findings: &[accord_core::Finding],
) -> Result<Vec<(String, Ctx)>, AppError> {
    let confirmed: Vec<&accord_core::Finding> = findings
        .iter()
        .filter(|f| f.status == accord_core::FindingStatus::Confirmed)
        .collect();
    if confirmed.is_empty() {
        return Ok(Vec::new());
    }
    let incident_versions = state
        .actions
        .history(case, RecordKind::Incident, incident)
        .await?;
    let mut out = Vec::new();
    for f in confirmed {
        // The incident version the confirmation pinned, when the store recorded one; otherwise
        // (a finding imported as confirmed) the confirmation's place in the log.
        let pinned = state.store.finding_confirmation(case, &f.id).await?;
        let (confirmed_at, later): (String, Vec<&RecordVersion>) =
            match pinned.iter().find(|(i, _, _)| i == incident) {
                Some((_, version, at)) => (
                    at.clone(),
                    incident_versions
                        .iter()
                        .filter(|v| v.version > *version)
                        .collect(),
                ),
                None => {
                    let versions = state
                        .actions
                        .history(case, RecordKind::Finding, &f.id)
                        .await?;
                    let Some(at) = confirmation(&versions) else {
                        continue;
                    };
                    (at.at.clone(), changed_after(at, &incident_versions))
                }
            };
        if let Some(last) = later.last() {
            out.push((
                f.id.clone(),
                context! {
                    confirmed_at,
                    versions => later.len(),
                    last_at => &last.at,
                    last_by => &last.actor,
                },
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn version(n: u32, seq: u64, body: Option<Value>) -> RecordVersion {
        RecordVersion {
            version: n,
            at: format!("2030-01-0{n}T00:00:00Z"),
            actor: "a@example.org".into(),
            body: body.map(|b| b.to_string()),
            sha256: None,
            log_seq: seq,
        }
    }

    #[test]
    fn a_diff_names_each_changed_field_old_and_new() {
        let v1 = json!({"id": "x", "title": "Old", "themes": ["a"], "place": null});
        let v2 = json!({"id": "x", "title": "New", "themes": ["a", "b"], "place": "Here"});
        let changes = diff(Some(&v1), Some(&v2));
        let as_tuples: Vec<(&str, Option<&str>, Option<&str>)> = changes
            .iter()
            .map(|c| (c.field.as_str(), c.old.as_deref(), c.new.as_deref()))
            .collect();
        let mut expected = vec![
            ("place", None, Some("Here")),
            ("themes", Some("a"), Some("a, b")),
            ("title", Some("Old"), Some("New")),
        ];
        expected.sort_unstable();
        let mut got = as_tuples;
        got.sort_unstable();
        assert_eq!(got, expected);
        // A first version shows every field as new; a removal every field as gone.
        assert_eq!(diff(None, Some(&v1)).len(), 3);
        assert!(diff(Some(&v1), None).iter().all(|c| c.new.is_none()));
        assert!(diff(Some(&v1), Some(&v1)).is_empty());
    }

    #[test]
    fn a_languages_version_says_which_languages_were_added_changed_and_removed() {
        let v1 = json!({"kind": "actor", "id": "a", "original": null, "translations": [
            {"lang": "km", "by": "k", "fields": [{"field": "name", "text": "ក"}]},
            {"lang": "fr", "by": "f", "fields": [{"field": "name", "text": "A"}]},
        ]});
        let v2 = json!({"kind": "actor", "id": "a", "original": null, "translations": [
            {"lang": "km", "by": "k2", "fields": [{"field": "name", "text": "ខ"}]},
            {"lang": "de", "by": "d", "fields": [{"field": "name", "text": "B"}]},
        ]});
        let got: Vec<(String, &str, Option<String>)> = language_changes(Some(&v1), Some(&v2))
            .into_iter()
            .map(|c| (c.lang, c.what, c.translator))
            .collect();
        assert_eq!(
            got,
            [
                ("km".to_owned(), "changed", Some("k2".to_owned())),
                ("de".to_owned(), "added", Some("d".to_owned())),
                ("fr".to_owned(), "removed", Some("f".to_owned())),
            ]
        );
        assert_eq!(language_changes(None, Some(&v1)).len(), 2);
        assert!(language_changes(Some(&v1), Some(&v1)).is_empty());
    }

    #[test]
    fn a_confirmation_is_the_start_of_the_last_confirmed_run() {
        let f = |status: &str| Some(json!({"status": status}));
        let versions = [
            version(1, 10, f("draft")),
            version(2, 20, f("confirmed")),
            version(3, 30, f("retracted")),
            version(4, 40, f("confirmed")),
            version(5, 50, f("confirmed")),
        ];
        assert_eq!(confirmation(&versions).map(|v| v.version), Some(4));
        assert_eq!(confirmation(&versions[..3]), None);
        let incident = [
            version(1, 5, None),
            version(2, 45, None),
            version(3, 60, None),
        ];
        let later: Vec<u32> = changed_after(&versions[3], &incident)
            .iter()
            .map(|v| v.version)
            .collect();
        assert_eq!(later, [2, 3]);
    }
}
