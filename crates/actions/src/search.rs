//! Keeping the full-text index in step with the store after each action.
//!
//! The store is the source of truth; the index is derived and can always be rebuilt. Incident ids
//! are unique within a case only, so an index document's id is `case/incident`. Confirmed
//! verdicts are indexed as `verdict:<name>` themes (and `<theme>|verdict:<name>` pairs) so the
//! timeline's verdict filter also works, exactly, with a text search.

use accord_core::{Incident, Named, Verdict};
use accord_search::{IncidentDoc, SearchIndex};
use accord_store::Store;

/// The index document of an incident.
pub fn doc(case_id: &str, inc: &Incident, verdicts: &[Verdict]) -> IncidentDoc {
    let day = |d: accord_core::Day| i32::try_from(d.days_since_epoch()).unwrap_or(i32::MAX);
    let mut themes = inc.themes.clone();
    for v in verdicts {
        themes.push(verdict_tag(*v));
        // Theme filters combine with OR inside the index, so "this theme AND this verdict" gets
        // its own tag per pair.
        themes.extend(inc.themes.iter().map(|t| theme_verdict_tag(t, *v)));
    }
    IncidentDoc {
        id: doc_id(case_id, &inc.id),
        case_id: case_id.to_owned(),
        title: inc.title.clone(),
        summary: [inc.summary.as_deref(), inc.place.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n"),
        kind: inc.kind.as_str().to_owned(),
        date_start: day(inc.date.earliest()),
        date_end: inc.date.latest().map_or(i32::MAX, day),
        actors: inc.actors.iter().map(|a| a.actor.clone()).collect(),
        themes,
        restricted: inc.sensitivity == accord_core::Sensitivity::Restricted,
    }
}

/// The index document of an incident with its translations: each translated title joins the
/// title and each other translated field the summary, so a query in any of the incident's
/// languages finds it. The index analyses text by script, which is by language for the languages
/// Accord speaks: Khmer runs are split into words by the ICU dictionary segmenter and indexed as
/// cluster n-grams too; Latin runs (English, French) are lower-cased and folded, so "arrete"
/// finds "arrêté".
pub fn doc_with_languages(
    case_id: &str,
    inc: &Incident,
    verdicts: &[Verdict],
    languages: Option<&accord_core::RecordLanguages>,
) -> IncidentDoc {
    let mut d = doc(case_id, inc, verdicts);
    for t in languages.iter().flat_map(|r| r.translations.iter()) {
        for f in &t.fields {
            let into = if f.field == "title" {
                &mut d.title
            } else {
                &mut d.summary
            };
            if !into.is_empty() {
                into.push('\n');
            }
            into.push_str(&f.text);
        }
    }
    d
}

/// The translations of some incidents of a case, by incident id.
pub async fn incident_languages(
    store: &dyn Store,
    case_id: &str,
    ids: &[String],
) -> Result<std::collections::HashMap<String, accord_core::RecordLanguages>, String> {
    Ok(store
        .record_languages(case_id, accord_core::TextKind::Incident, ids)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect())
}

/// The index tag of a confirmed verdict.
pub fn verdict_tag(v: Verdict) -> String {
    format!("verdict:{}", v.as_str())
}

/// The index tag of a theme together with a confirmed verdict.
pub fn theme_verdict_tag(theme: &str, v: Verdict) -> String {
    format!("{theme}|verdict:{}", v.as_str())
}

pub fn doc_id(case_id: &str, incident_id: &str) -> String {
    format!("{case_id}/{incident_id}")
}

/// The incident id inside a document id.
pub fn incident_id(doc_id: &str) -> &str {
    doc_id.split_once('/').map_or(doc_id, |(_, i)| i)
}

/// Re-index some incidents of a case after they (or their findings) changed.
pub async fn reindex(
    store: &dyn Store,
    index: &SearchIndex,
    case_id: &str,
    ids: &[String],
) -> Result<(), String> {
    let incidents = store
        .incidents(case_id, ids)
        .await
        .map_err(|e| e.to_string())?;
    let verdicts: std::collections::HashMap<String, Vec<Verdict>> = store
        .verdicts_of(case_id, ids)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .collect();
    let languages = incident_languages(store, case_id, ids).await?;
    let docs: Vec<IncidentDoc> = incidents
        .iter()
        .map(|i| {
            doc_with_languages(
                case_id,
                i,
                verdicts.get(&i.id).map_or(&[][..], Vec::as_slice),
                languages.get(&i.id),
            )
        })
        .collect();
    index.upsert(&docs).map_err(|e| e.to_string())
}
