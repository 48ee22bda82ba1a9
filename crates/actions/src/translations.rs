//! Records in several languages: add, change or remove one language's translation of a record,
//! and set the language a record or a whole case was written in.
//!
//! The checks are the core's (`accord_core::translation::record_problems`), run against the case
//! as stored: the record must exist and not be restricted, the language must be a well-formed
//! tag of a known language other than the record's original, every field one its kind
//! translates, never empty.
//! Each change is a new version of the record's languages in the log; a translated incident is
//! indexed again, so search finds it in its new language.

use accord_core::translation::{
    DEFAULT_LANGUAGE, TextKind, language_problem, record_problems, same_lang, with_translation,
    without_translation,
};
use accord_core::validate::Entity;
use accord_core::{Named, RecordLanguages};

use crate::observations::today;
use crate::{ActionError, Actions, invalid};

/// One language's translation of a record, as a form, the API or the CLI gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTranslation {
    pub kind: TextKind,
    /// The record's id (a provision's citation as printed, the case's id).
    pub id: String,
    /// BCP 47 tag.
    pub lang: String,
    /// (field, text): the fields given replace those of an existing translation into `lang`.
    pub fields: Vec<(String, String)>,
    /// Shown as the translator; `None`: the signed-in account.
    pub by: Option<String>,
}

/// A record of a case, as [`Actions::remove_translation`] and
/// [`Actions::set_original_language`] name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    pub kind: TextKind,
    /// The record's id (a provision's citation as printed, the case's id).
    pub id: String,
}

impl Actions {
    /// The case as stored with the record `kind`/`id` in it (the status load, plus the incident
    /// when no finding names it) and that record's languages as stored now.
    async fn case_with_record(
        &self,
        case_id: &str,
        kind: TextKind,
        id: &str,
    ) -> Result<accord_core::Case, ActionError> {
        let not_found = || ActionError::NotFound {
            what: "record",
            id: format!("{}/{id}", kind.as_str()),
        };
        // The status load holds the sources its records cite: another source is read by id.
        let cited = if kind == TextKind::Source {
            vec![id.to_owned()]
        } else {
            Vec::new()
        };
        let mut case = self.case_citing(case_id, &cited).await?;
        // The status load holds every record but the incidents no finding names and the sources
        // nothing it holds cites.
        if kind == TextKind::Incident && case.incident(id).is_none() {
            let found = self.store.incidents(case_id, &[id.to_owned()]).await?;
            if found.is_empty() {
                return Err(not_found());
            }
            case.incidents.extend(found);
        }
        case.translations
            .retain(|r| !(r.kind == kind && r.id == id));
        case.translations.extend(
            self.store
                .record_languages(case_id, kind, &[id.to_owned()])
                .await?,
        );
        Ok(case)
    }

    /// Add or change one language's translation of a record; returns the record's languages
    /// as stored. A refusal names the field (`lang`, `fields.title`, ...); an unknown record is
    /// `NotFound`.
    pub async fn translate(
        &self,
        case_id: &str,
        t: &NewTranslation,
        actor: &str,
    ) -> Result<RecordLanguages, ActionError> {
        let not_found = || ActionError::NotFound {
            what: "record",
            id: format!("{}/{}", t.kind.as_str(), t.id),
        };
        let case = self.case_with_record(case_id, t.kind, &t.id).await?;
        // A tag naming no language (`xx`) is refused here as it is for an original language;
        // bundles, written by hand, are checked for the tag's shape only.
        if let Some(problem) = language_problem(t.lang.trim()) {
            return Err(invalid("lang", problem));
        }
        if t.fields.is_empty() {
            return Err(invalid("fields", "give at least one field to translate"));
        }
        if let Some((name, _)) = t.fields.iter().find(|(_, text)| text.trim().is_empty()) {
            return Err(invalid(&format!("fields.{name}"), "must not be empty"));
        }
        let by = t.by.as_deref().unwrap_or(actor);
        let today = self.today.unwrap_or_else(today);
        let fields: Vec<(String, String)> = t
            .fields
            .iter()
            .map(|(f, text)| (f.clone(), text.trim().to_owned()))
            .collect();
        let record = with_translation(&case, t.kind, &t.id, &t.lang, &fields, Some(by), today);
        if let Some(p) = record_problems(&case, Entity::Translation(0), &record)
            .into_iter()
            .next()
        {
            if p.field == "id" && p.message.starts_with("no ") {
                return Err(not_found());
            }
            // `translations[N].fields.title` → `fields.title`; `translations[N].lang` → `lang`.
            let field = p
                .field
                .split_once("].")
                .map_or(p.field.as_str(), |(_, rest)| rest)
                .to_owned();
            return Err(invalid(&field, p.message));
        }
        self.store.save_translation(case_id, &record, actor).await?;
        if t.kind == TextKind::Incident {
            self.reindex(case_id, std::slice::from_ref(&t.id)).await?;
        }
        if let Some(changed) = crate::search::RecordsChanged::of_kind(t.kind, &t.id) {
            self.reindex_records(case_id, changed).await?;
        }
        Ok(record)
    }

    /// Remove a record's translation into `lang`: a new version of the record's languages,
    /// logged (the history keeps the removed text). Returns the record's languages as stored
    /// now. A record that does not exist, or has no translation into `lang`, is `NotFound`.
    pub async fn remove_translation(
        &self,
        case_id: &str,
        record: &RecordRef,
        lang: &str,
        actor: &str,
    ) -> Result<RecordLanguages, ActionError> {
        let case = self
            .case_with_record(case_id, record.kind, &record.id)
            .await?;
        let found = case
            .translations
            .iter()
            .find(|r| r.kind == record.kind && r.id == record.id)
            .and_then(|r| without_translation(r, lang));
        let Some(after) = found else {
            return Err(ActionError::NotFound {
                what: "translation",
                id: format!("{}/{} ({lang})", record.kind.as_str(), record.id),
            });
        };
        self.store.save_translation(case_id, &after, actor).await?;
        if record.kind == TextKind::Incident {
            self.reindex(case_id, std::slice::from_ref(&record.id))
                .await?;
        }
        if let Some(changed) = crate::search::RecordsChanged::of_kind(record.kind, &record.id) {
            self.reindex_records(case_id, changed).await?;
        }
        Ok(after)
    }

    /// Set the language a record was written in, or, for the case itself (`kind` `case`, its
    /// id), the language the case's records are written in (those that do not say otherwise).
    /// Refused (`lang`) for a malformed tag, one naming no known language, or a language the
    /// record (or, for the case, any record it covers) already has a translation into: remove
    /// that first. Logged: a new version of the record's languages, or a `case.language` entry.
    /// Returns the language as it now stands.
    pub async fn set_original_language(
        &self,
        case_id: &str,
        record: &RecordRef,
        lang: &str,
        actor: &str,
    ) -> Result<String, ActionError> {
        let lang = lang.trim();
        if let Some(problem) = language_problem(lang) {
            return Err(invalid("lang", problem));
        }
        if record.kind == TextKind::Case && record.id == case_id {
            return self.set_case_language(case_id, lang, actor).await;
        }
        let case = self
            .case_with_record(case_id, record.kind, &record.id)
            .await?;
        let case_lang = case.language.as_deref().unwrap_or(DEFAULT_LANGUAGE);
        let mut languages = case
            .translations
            .iter()
            .find(|r| r.kind == record.kind && r.id == record.id)
            .cloned()
            .unwrap_or_else(|| RecordLanguages {
                kind: record.kind,
                id: record.id.clone(),
                original: None,
                translations: Vec::new(),
            });
        if languages.translation(lang).is_some() {
            return Err(invalid(
                "lang",
                format!(
                    "the record has a translation into {lang:?}: remove it before saying it was written in {lang:?}"
                ),
            ));
        }
        // The case's own language is not repeated on each record.
        languages.original = (!same_lang(lang, case_lang)).then(|| lang.to_owned());
        if let Some(p) = record_problems(&case, Entity::Translation(0), &languages)
            .into_iter()
            .next()
        {
            if p.field == "id" && p.message.starts_with("no ") {
                return Err(ActionError::NotFound {
                    what: "record",
                    id: format!("{}/{}", record.kind.as_str(), record.id),
                });
            }
            return Err(invalid("lang", p.message));
        }
        self.store
            .save_translation(case_id, &languages, actor)
            .await?;
        Ok(lang.to_owned())
    }

    async fn set_case_language(
        &self,
        case_id: &str,
        lang: &str,
        actor: &str,
    ) -> Result<String, ActionError> {
        // Every record's languages, not only those of the records the status load holds.
        let case = self
            .store
            .load_case(case_id)
            .await?
            .ok_or_else(|| ActionError::NotFound {
                what: "case",
                id: case_id.to_owned(),
            })?;
        if let Some(r) = case
            .translations
            .iter()
            .find(|r| r.original.is_none() && r.translation(lang).is_some())
        {
            return Err(invalid(
                "lang",
                format!(
                    "{} {:?} has a translation into {lang:?}: remove it, or say the record was written in another language, before saying the case is written in {lang:?}",
                    r.kind.as_str(),
                    r.id
                ),
            ));
        }
        // English, the language of a case that does not say, is written down all the same once
        // chosen: a reader of the export sees it was chosen.
        self.store
            .set_case_language(case_id, Some(lang), actor)
            .await?;
        Ok(lang.to_owned())
    }
}
