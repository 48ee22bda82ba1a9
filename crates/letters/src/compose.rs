//! Composition: a letter of a case becomes a [`Document`], with the text its signatories sign
//! and the state of every signature.

pub(crate) mod parse;
mod template;

use accord_core::{Letter, ValidCase};

use crate::document::{Addressee, Document};
use crate::error::ComposeError;
use crate::locale::Locale;
use crate::signatories::{self, SignatoryStatus};
use crate::signed::{self, SignedText};

/// A composed letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    pub case_id: String,
    pub letter_id: String,
    /// The letter as published: its [`Document::signatories`] are the verified signatures of
    /// this text.
    pub document: Document,
    /// The exact text a signatory signs, and its SHA-256.
    pub signed_text: SignedText,
    /// Every signatory of the letter (invited, declined and withdrawn included), in the letter's
    /// order, with the state of their signature against this text.
    pub signatories: Vec<SignatoryStatus>,
}

/// Composes letter `letter_id` of `case`: renders its body template, numbers its notes,
/// computes the text signed and lists the verified signatories in the letter's order.
pub fn compose(case: &ValidCase, letter_id: &str) -> Result<Composed, ComposeError> {
    let letter = case
        .letter(letter_id)
        .ok_or_else(|| ComposeError::NoLetter {
            case: case.id.clone(),
            letter: letter_id.to_owned(),
        })?;
    compose_letter(case, letter)
}

/// Composes `letter` against the records of `case` (provisions, sources, incidents, findings),
/// whether or not the case holds this letter: a draft being edited is previewed this way
/// before it is saved.
pub fn compose_letter(case: &ValidCase, letter: &Letter) -> Result<Composed, ComposeError> {
    let mut document = document(case, letter)?;
    let signed_text = signed::signed_text(&document);
    let signatories = signatories::statuses(letter, &signed_text.sha256);
    document.signatories = signatories
        .iter()
        .filter(|s| s.state.is_published())
        .map(|s| s.signatory.organisation.clone())
        .collect();
    Ok(Composed {
        case_id: case.id.clone(),
        letter_id: letter.id.clone(),
        document,
        signed_text,
        signatories,
    })
}

/// The letter's document without signatories.
fn document(case: &ValidCase, letter: &Letter) -> Result<Document, ComposeError> {
    let rendered =
        template::render(case, &letter.language, &letter.body).map_err(|(line, problem)| {
            ComposeError::Body {
                letter: letter.id.clone(),
                line,
                problem,
            }
        })?;
    let parsed = parse::parse(&rendered.markdown, &rendered.notes);
    let locale = Locale::of(&letter.language);
    let date = locale.day(letter.date);
    let place_date = match &letter.place {
        Some(place) => locale.place_date(&crate::escape::one_line(place), &date),
        None => date,
    };
    let line = |s: &String| crate::escape::one_line(s);
    Ok(Document {
        lang: letter.language.clone(),
        title: line(&letter.title),
        place_date,
        addressees: letter
            .addressees
            .iter()
            .map(|a| Addressee {
                name: line(&a.name),
                title: a.title.as_ref().map(line),
                organisation: a.organisation.as_ref().map(line),
                role: a
                    .role
                    .as_ref()
                    .filter(|r| !r.trim().eq_ignore_ascii_case("addressee"))
                    .map(line),
            })
            .collect(),
        blocks: parsed.blocks,
        footnotes: parsed.footnotes,
        closing: letter.closing.as_ref().map(line),
        signatories: Vec::new(),
        cc: letter.cc.iter().map(line).collect(),
    })
}
