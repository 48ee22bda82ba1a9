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
//!
//! A version writes the original's addressees and CC in its language (the same people, in the
//! same order): they are part of the text signed in that language. Removing a version is
//! refused while organisations that have not withdrawn signed it.

use accord_core::{AddresseeText, LetterVersion, SignatureState, ValidCase};
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
    /// The original's addressees as this language writes them, in the original's order (at most
    /// as many); empty: the version prints the original's.
    pub addressees: Vec<AddresseeText>,
    /// The original's CC lines in this language, in order (at most as many); empty: the
    /// original's.
    pub cc: Vec<String>,
}

impl Actions {
    /// Add the version of letter `letter` of case `case` in `text.lang`, or change it. Returns
    /// `Created` for a new language, `Updated` otherwise. Refused naming the field: the
    /// original's language (`lang`: edit the letter itself), an invalid tag, an empty title or
    /// body, a body template that does not compose (`body`, with its line), more addressees or
    /// CC lines than the original has (`addressees`, `cc`) or an addressee without a name
    /// (`addressees[0].name`). Nothing is written when refused.
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
        // A version writes the original's addressees and CC in its language: never more of
        // them than the original has (who the letter is addressed to is the original's).
        if text.addressees.len() > original.addressees.len() {
            return Err(invalid(
                "addressees",
                format!(
                    "{} addressees given; the letter has {}, and a version writes those in its language",
                    text.addressees.len(),
                    original.addressees.len()
                ),
            ));
        }
        if text.cc.len() > original.cc.len() {
            return Err(invalid(
                "cc",
                format!(
                    "{} CC lines given; the letter has {}, and a version writes those in its language",
                    text.cc.len(),
                    original.cc.len()
                ),
            ));
        }
        let addressees: Vec<AddresseeText> = text
            .addressees
            .iter()
            .map(|a| AddresseeText {
                name: a.name.trim().to_owned(),
                title: nonempty(&a.title),
                organisation: nonempty(&a.organisation),
                role: nonempty(&a.role),
            })
            .collect();
        let cc: Vec<String> = text.cc.iter().map(|c| c.trim().to_owned()).collect();
        let mut updated = original.clone();
        let today = self.today.unwrap_or_else(today);
        let (version, outcome) = match updated.versions.iter().position(|v| v.lang == lang) {
            Some(k) => (k, SaveOutcome::Updated),
            None => {
                updated.versions.push(LetterVersion {
                    lang: lang.to_owned(),
                    title: String::new(),
                    place: None,
                    body: String::new(),
                    closing: None,
                    translated_by: None,
                    translated_at: None,
                    original_sha256: None,
                    signatures: Vec::new(),
                    addressees: Vec::new(),
                    cc: Vec::new(),
                });
                (updated.versions.len() - 1, SaveOutcome::Created)
            }
        };
        if let Some(v) = updated.versions.get_mut(version) {
            v.title = text.title.trim().to_owned();
            v.place = nonempty(&text.place);
            v.body = text.body.clone();
            v.closing = nonempty(&text.closing);
            v.addressees = addressees;
            v.cc = cc;
            v.translated_by = Some(by.to_owned());
            v.translated_at = Some(today);
            // The original's wording it was made from (its addressees and CC too when the
            // version writes them).
            v.original_sha256 = Some(v.fingerprint_of(original));
        }
        check(&stored, &updated, lang)?;
        self.store.save_letter(case, &updated, None, by).await?;
        Ok(outcome)
    }
}

impl Actions {
    /// Remove the version of letter `letter` of case `case` in `lang` (never the original).
    /// The letter is saved without it, a new logged version of the letter record, so the removed
    /// wording stays in the letter's history. Refused, with nothing written, once an
    /// organisation that has not withdrawn signed that language's text (field `lang`): their
    /// signature would vanish with it; it is removed only after they withdraw. `NotFound` when
    /// the letter has no version in `lang`.
    pub async fn remove_letter_version(
        &self,
        case: &str,
        letter: &str,
        lang: &str,
        by: &str,
    ) -> Result<(), ActionError> {
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
        let lang = lang.trim();
        if original.is_original(lang) {
            return Err(invalid(
                "lang",
                format!("{lang:?} is the language the letter is written in; it cannot be removed"),
            ));
        }
        let version = original
            .version(lang)
            .ok_or_else(|| ActionError::NotFound {
                what: "letter version",
                id: format!("{case}/{letter}/{lang}"),
            })?;
        let signed: Vec<&str> = version
            .signatures
            .iter()
            .filter_map(|s| usize::try_from(s.signatory).ok())
            .filter_map(|i| original.signatories.get(i))
            .filter(|s| {
                !matches!(
                    s.state,
                    SignatureState::Withdrawn | SignatureState::Declined
                )
            })
            .map(|s| s.organisation.as_str())
            .collect();
        if !signed.is_empty() {
            return Err(invalid(
                "lang",
                format!(
                    "the version in {lang:?} is signed by {}; it can be removed once they have withdrawn",
                    signed.join(", ")
                ),
            ));
        }
        let mut updated = original.clone();
        let tag = version.lang.clone();
        updated.versions.retain(|v| v.lang != tag);
        self.store.save_letter(case, &updated, None, by).await?;
        Ok(())
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
