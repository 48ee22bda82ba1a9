//! Records in several languages: add or change one language's translation of a record.
//!
//! The checks are the core's (`accord_core::translation::record_problems`), run against the case
//! as stored: the record must exist and not be restricted, the language must be a well-formed
//! tag other than the record's original, every field one its kind translates, never empty.
//! Each change is a new version of the record's languages in the log; a translated incident is
//! indexed again, so search finds it in its new language.

use accord_core::translation::{TextKind, record_problems, with_translation};
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

impl Actions {
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
        let stored = self
            .store
            .load_case_for_status(case_id)
            .await?
            .ok_or_else(|| ActionError::NotFound {
                what: "case",
                id: case_id.to_owned(),
            })?;
        let mut case = stored.into_case();
        // The status load holds every record but the incidents no finding names.
        if t.kind == TextKind::Incident && case.incident(&t.id).is_none() {
            let found = self
                .store
                .incidents(case_id, std::slice::from_ref(&t.id))
                .await?;
            if found.is_empty() {
                return Err(not_found());
            }
            case.incidents.extend(found);
        }
        case.translations
            .retain(|r| !(r.kind == t.kind && r.id == t.id));
        case.translations.extend(
            self.store
                .record_languages(case_id, t.kind, std::slice::from_ref(&t.id))
                .await?,
        );
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
        Ok(record)
    }
}
