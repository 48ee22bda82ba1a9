//! Composition: a letter of a case becomes a [`Document`], with the text its signatories sign
//! and the state of every signature.

pub(crate) mod parse;
mod template;

use accord_core::{Letter, ValidCase};

use crate::document::{Addressee, Document};
use crate::error::{BodyProblem, ComposeError};
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

/// The largest body accepted, in bytes (1 MiB): a long letter is a few tens of kilobytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How deeply block quotes, lists, emphasis, links and images may nest in a body. A letter needs
/// a handful of levels; the limit keeps every renderer's recursion (and the parser's work)
/// small whatever a body holds.
pub const MAX_NESTING: usize = 32;

/// Checks a letter body's size and nesting, before its template runs: the check that composing,
/// previewing and saving a letter run first, and that a bundle import must run on every letter
/// (`letters/<ID>/body.md`). The error names the letter and the line of `body.md`.
pub fn check_body(letter_id: &str, body: &str) -> Result<(), ComposeError> {
    let fail = |line: usize, problem: BodyProblem| ComposeError::Body {
        letter: letter_id.to_owned(),
        line: Some(line),
        problem,
    };
    if body.len() > MAX_BODY_BYTES {
        // The line holding the first byte past the limit.
        let line = line_of(body, MAX_BODY_BYTES);
        return Err(fail(
            line,
            BodyProblem::TooLarge {
                bytes: body.len(),
                max: MAX_BODY_BYTES,
            },
        ));
    }
    parse::check_nesting(body).map_err(|too_deep| {
        fail(
            line_of(body, too_deep.offset),
            BodyProblem::TooDeep { max: MAX_NESTING },
        )
    })
}

/// The line (from 1) of `text` that holds byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text.bytes().take(offset).filter(|b| *b == b'\n').count() + 1
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

/// Composes letter `letter_id` of `case` as written in `lang`: its original, or its version in
/// that language (its wording, with the signatures given to that version's text only: a
/// signatory who signed another language is not counted here; see
/// [`accord_core::Letter::in_language`]).
pub fn compose_in(case: &ValidCase, letter_id: &str, lang: &str) -> Result<Composed, ComposeError> {
    let letter = case
        .letter(letter_id)
        .ok_or_else(|| ComposeError::NoLetter {
            case: case.id.clone(),
            letter: letter_id.to_owned(),
        })?;
    let in_lang = letter
        .in_language(lang)
        .ok_or_else(|| ComposeError::NoLanguage {
            letter: letter_id.to_owned(),
            lang: lang.to_owned(),
        })?;
    compose_letter(case, &in_lang)
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
    check_body(&letter.id, &letter.body)?;
    let rendered =
        template::render(case, &letter.language, &letter.body).map_err(|(line, problem)| {
            ComposeError::Body {
                letter: letter.id.clone(),
                line,
                problem,
            }
        })?;
    // A template (a loop, say) can nest deeper than its source: the rendered text is checked as
    // it is parsed. Its lines are not those of body.md, so the line is given as the rendered
    // text's.
    let parsed = parse::parse(&rendered.markdown, &rendered.notes).map_err(|too_deep| {
        ComposeError::Body {
            letter: letter.id.clone(),
            line: None,
            problem: BodyProblem::TooDeepRendered {
                line: line_of(&rendered.markdown, too_deep.offset),
                max: MAX_NESTING,
            },
        }
    })?;
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
