//! A letter in several languages (issue 16 §3): adding or changing the version of a letter in
//! one language, the one action the compose page, the API and `accord letter version` call.
//!
//! A version is part of its letter: saving one saves the letter (`Store::save_letter`), so the
//! change is a new version of the letter record, logged as `letter.update` like any other edit
//! of the letter. The version remembers who translated it, when (today), and the fingerprint of
//! the original it was made from, so it reads as out of date once the original's wording
//! changes. Its signatures stay with it: a signature binds the SHA-256 of the text signed, so
//! after its wording changes a version's earlier signatures read as given to an earlier
//! version, as the original's do.

use accord_core::letter_version::original_fingerprint;
use accord_core::{LetterVersion, ValidCase};
use accord_store::SaveOutcome;

use crate::observations::today;
use crate::{ActionError, Actions, invalid};

/// The wording of a letter in one language, as a translator writes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VersionText {
    /// BCP 47 tag (`km`, `fr`); not the original's language.
    pub lang: String,
    pub title: String,
    pub place: Option<String>,
    /// The body template (Markdown with the letter's template functions).
    pub body: String,
    pub closing: Option<String>,
}

impl Actions {
    /// Add the version of letter `letter` of case `case` in `text.lang`, or change it. Returns
    /// `Created` for a new language, `Updated` otherwise. Refused naming the field: the
    /// original's language (`lang`: edit the letter itself), an invalid tag, an empty title or
    /// body, a body template that does not compose (`body`, with its line). Nothing is written
    /// when refused.
    pub async fn save_letter_version(
        &self,
        case: &str,
        letter: &str,
        text: &VersionText,
        by: &str,
    ) -> Result<SaveOutcome, ActionError> {
        let stored = self
            .store
            .load_case(case)
            .await?
            .ok_or_else(|| ActionError::NotFound {
                what: "case",
                id: case.to_owned(),
            })?;
        let original = stored.letter(letter).ok_or_else(|| ActionError::NotFound {
            what: "letter",
            id: format!("{case}/{letter}"),
        })?;
        let lang = text.lang.trim();
        if original.is_original(lang) {
            return Err(invalid(
                "lang",
                format!(
                    "{lang:?} is the language the letter is written in; edit the letter itself"
                ),
            ));
        }
        let nonempty = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let mut updated = original.clone();
        let fingerprint = original_fingerprint(original);
        let today = self.today.unwrap_or_else(today);
        let outcome = match updated.versions.iter_mut().find(|v| v.lang == lang) {
            Some(v) => {
                v.title = text.title.trim().to_owned();
                v.place = nonempty(&text.place);
                v.body = text.body.clone();
                v.closing = nonempty(&text.closing);
                v.translated_by = Some(by.to_owned());
                v.translated_at = Some(today);
                v.original_sha256 = Some(fingerprint);
                SaveOutcome::Updated
            }
            None => {
                updated.versions.push(LetterVersion {
                    lang: lang.to_owned(),
                    title: text.title.trim().to_owned(),
                    place: nonempty(&text.place),
                    body: text.body.clone(),
                    closing: nonempty(&text.closing),
                    translated_by: Some(by.to_owned()),
                    translated_at: Some(today),
                    original_sha256: Some(fingerprint),
                    signatures: Vec::new(),
                });
                SaveOutcome::Created
            }
        };
        check(&stored, &updated, lang)?;
        self.store.save_letter(case, &updated, None, by).await?;
        Ok(outcome)
    }
}

/// The case's checks with the changed letter in place (the version's problems, named by their
/// field without the `versions[k].` prefix), then the version composed against the case.
fn check(stored: &ValidCase, letter: &accord_core::Letter, lang: &str) -> Result<(), ActionError> {
    let mut draft = stored.case().clone();
    if let Some(l) = draft.letters.iter_mut().find(|l| l.id == letter.id) {
        *l = letter.clone();
    }
    let validated = accord_core::validate(draft).map_err(|problems| {
        let first = problems.0.iter().find(|p| p.field.starts_with("versions["));
        match first {
            Some(p) => {
                let field = p
                    .field
                    .split_once("].")
                    .map_or(p.field.as_str(), |(_, f)| f);
                invalid(field, p.message.clone())
            }
            None => invalid("letter", problems.to_string()),
        }
    })?;
    accord_letters::compose_in(&validated, &letter.id, lang)
        .map(|_| ())
        .map_err(|e| invalid("body", e.to_string()))
}
