//! One letter in, one PDF out: checks the fonts cover the text, hands the letter to typst as
//! JSON and exports the laid-out pages.

use typst::diag::SourceDiagnostic;
use typst::ecow::EcoVec;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::world::LetterWorld;
use crate::{Fonts, LetterDoc, PdfError, clusters, view};

/// How many compilations typst's memoisation cache may remember unused. A server renders
/// letters for as long as it runs; without eviction the cache would grow with every letter.
const CACHE_MAX_AGE: usize = 10;

/// Renders a letter to PDF bytes.
///
/// Fails before typst runs if a character of the letter is covered by no loaded font (with a
/// Khmer-specific message naming the packages to install), or if the letter is malformed (an
/// invalid language tag, a heading level outside 1 to 6, a footnote id reused with different
/// content, or nested footnotes).
pub fn render_pdf(doc: &LetterDoc, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let input = view::view(doc, fonts)?;
    fonts.check_coverage(view::texts(doc))?;
    let data = serde_json::to_vec(&input)?;
    let world = LetterWorld::new(fonts, data)?;
    let result = typst::compile::<PagedDocument>(&world).output;
    let pdf = result
        .map_err(|diags| PdfError::Typeset {
            message: describe(&diags),
        })
        .and_then(|document| {
            // Clusters cut across text items would reach the PDF's text layer once per piece.
            let document = clusters::rejoin(document);
            typst_pdf::pdf(&document, &PdfOptions::default()).map_err(|diags| PdfError::Export {
                message: describe(&diags),
            })
        });
    typst::comemo::evict(CACHE_MAX_AGE);
    pdf
}

/// typst's diagnostics as one line: messages and their hints.
fn describe(diags: &EcoVec<SourceDiagnostic>) -> String {
    diags
        .iter()
        .map(|d| {
            let mut text = d.message.to_string();
            for hint in &d.hints {
                text.push_str(" (hint: ");
                text.push_str(&hint.v);
                text.push(')');
            }
            text
        })
        .collect::<Vec<_>>()
        .join("; ")
}
