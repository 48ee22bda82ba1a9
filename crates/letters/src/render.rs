//! The three renderings of a [`Document`]: Markdown (canonical: the signed text is made from
//! it), a standalone printable HTML page, and PDF through `accord-pdf`.
//!
//! Every entry point renders [`bounded`] documents: the renderers recurse once per nesting
//! level, and a document built by hand (not composed) could nest deep enough to overflow the
//! stack.

pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod pdf;

use crate::document::{Document, bounded};

/// The letter as CommonMark, signatories included: `# Title`, place and date, the addressees,
/// the body, the closing, the numbered signatories, the CC list and the notes as `[^n]:`
/// definitions. Every piece of text is escaped, so a renderer reading it back shows the same
/// characters.
pub fn render_markdown(document: &Document) -> String {
    markdown::render(&bounded(document), true)
}

/// The letter as one standalone HTML page (inline print stylesheet, no script, no external
/// resources), with every piece of text escaped.
pub fn render_html(document: &Document) -> String {
    html::render(&bounded(document))
}

/// The letter as one `<article class="letter">` element (no page around it, no style), for a
/// web page that shows the letter inside its own layout. Escaped like [`render_html`].
pub fn render_html_fragment(document: &Document) -> String {
    html::fragment(&bounded(document))
}

/// The letter as `accord-pdf` draws it: the notes become notes at the foot of the page, the
/// addressees blocks of lines.
pub fn pdf_document(document: &Document) -> accord_pdf::LetterDoc {
    pdf::letter_doc(&bounded(document))
}

/// The letter as an A4 PDF. `fonts` are loaded once by the caller (`accord_pdf::Fonts::load`);
/// a Khmer letter without a Khmer font is `PdfError::KhmerFontMissing`, naming the searched
/// paths and the Debian packages to install.
pub fn render_pdf(
    document: &Document,
    fonts: &accord_pdf::Fonts,
) -> Result<Vec<u8>, accord_pdf::PdfError> {
    accord_pdf::render_pdf(&pdf::letter_doc(&bounded(document)), fonts)
}
