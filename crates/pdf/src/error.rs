//! The one error type of the crate: every way a render can fail, with the value that caused it,
//! so that a caller can show the coordinator what to fix without reading typst internals.

use std::path::PathBuf;

/// Why a font could not be loaded or a letter could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A font path given to [`crate::Fonts::load`] exists but could not be read.
    #[error("cannot read font path {path}: {source}")]
    FontPath {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A font path given to [`crate::Fonts::load`] names a file that is not a font typst can use.
    #[error("{path} is not a TrueType or OpenType font")]
    NotAFont { path: PathBuf },
    /// The letter contains Khmer text but no loaded font covers it.
    #[error(
        "the letter contains Khmer text ({sample:?}) but no Khmer font was found in {searched}; \
         install the Debian packages fonts-noto-core (Noto Serif Khmer) and fonts-khmeros \
         (Khmer OS), or add the folder holding a Khmer font to the font path",
        searched = display_paths(.searched)
    )]
    KhmerFontMissing {
        /// Some of the uncovered characters.
        sample: String,
        /// Every path that was searched for fonts.
        searched: Vec<PathBuf>,
    },
    /// The letter contains characters that no loaded font covers; they would print as boxes.
    #[error(
        "no font covers the characters {chars:?}; searched {searched} and the fonts built \
         into Accord: add a folder holding a font for them to the font path",
        searched = display_paths(.searched)
    )]
    MissingGlyphs {
        /// The uncovered characters, each once, in order of first appearance (at most 20).
        chars: String,
        /// Every path that was searched for fonts.
        searched: Vec<PathBuf>,
    },
    /// `LetterDoc::lang` is not a language tag of the accepted form.
    #[error(
        "invalid language tag {value:?}: expected a BCP 47 language with an optional region, \
         such as \"en\", \"km\" or \"en-GB\""
    )]
    InvalidLanguage { value: String },
    /// A heading level outside 1 to 6.
    #[error("heading level {level} is out of range: expected 1 to 6")]
    InvalidHeadingLevel { level: u8 },
    /// The same footnote id was given two different contents.
    #[error("footnote {id:?} is defined twice with different content")]
    FootnoteConflict { id: String },
    /// A footnote inside a footnote: its number would depend on the page layout.
    #[error("footnote {inner:?} is nested inside footnote {outer:?}")]
    NestedFootnote { outer: String, inner: String },
    /// Quotes and lists, or inline styles, nested deeper than a letter needs.
    #[error("{what} are nested more than {max} deep")]
    TooDeep { what: &'static str, max: usize },
    /// typst refused the document. This is a bug in the template or in this crate, since user
    /// data reaches typst only as data; the message carries typst's diagnostics.
    #[error("typst could not lay out the letter: {message}")]
    Typeset { message: String },
    /// typst could not write the PDF; the message carries typst's diagnostics.
    #[error("typst could not write the PDF: {message}")]
    Export { message: String },
    /// The letter could not be encoded as the template's JSON input.
    #[error("cannot encode the letter for the template: {0}")]
    Encode(#[from] serde_json::Error),
}

fn display_paths(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "no font path".to_owned();
    }
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
