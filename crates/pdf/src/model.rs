//! The letter as the renderer sees it: presentation only, so that `accord-letters` owns every
//! domain decision (who signed, in what order, which provision is quoted) and this crate owns
//! only how it looks on paper.

use serde::{Deserialize, Serialize};

/// A letter ready to print.
///
/// Every string is user data: it is printed literally, never interpreted as typst or HTML
/// markup.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterDoc {
    /// BCP 47 language tag of the letter ("en", "km", "fr", "en-GB"): typst uses it for
    /// language-specific typography and it is written into the PDF metadata. Only the language
    /// and an optional region subtag are accepted.
    pub lang: String,
    /// The subject line, printed in bold and written as the PDF title.
    pub title: String,
    /// "23 October 2017" or "Phnom Penh, 23 October 2017", printed flush right.
    #[serde(default)]
    pub place_date: Option<String>,
    /// One block of lines per addressee, in order.
    #[serde(default)]
    pub addressees: Vec<Vec<String>>,
    /// The body, in order; the salutation is just a paragraph.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// "Yours sincerely,".
    #[serde(default)]
    pub closing: Option<String>,
    /// Printed above the signatories, if any.
    #[serde(default)]
    pub signatories_heading: Option<String>,
    /// Printed as a numbered list, in this order.
    #[serde(default)]
    pub signatories: Vec<String>,
    /// "CC:".
    #[serde(default)]
    pub cc_heading: Option<String>,
    /// Printed as a bulleted list, in this order.
    #[serde(default)]
    pub cc: Vec<String>,
    /// Where the notes go.
    #[serde(default)]
    pub footnotes: FootnoteStyle,
    /// Heading printed above the endnotes ("Notes"); unused for foot-of-page notes.
    #[serde(default)]
    pub notes_heading: Option<String>,
}

/// Where footnotes are printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FootnoteStyle {
    /// At the foot of the page where they are first referenced.
    #[default]
    FootOfPage,
    /// Collected after the letter, after the CC list.
    Endnotes,
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// A heading; `level` is 1 to 6.
    Heading { level: u8, text: Vec<Inline> },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A quotation set off from the text (a quoted treaty provision).
    Quote(Vec<Block>),
    /// A bulleted (`ordered: false`) or numbered list; each item is a sequence of blocks.
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
}

/// Inline text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    /// Literal text.
    Text(String),
    /// Emphasis (italic).
    Emph(Vec<Inline>),
    /// Strong emphasis (bold).
    Strong(Vec<Inline>),
    /// A hyperlink. Only `http:`, `https:` and `mailto:` targets become clickable; any other
    /// target prints as its text, so a letter cannot carry a `javascript:` or file link.
    Link { url: String, text: Vec<Inline> },
    /// A note. The first occurrence of an id defines the note and its number (1, 2, 3 in order
    /// of first reference); a later occurrence refers to the same number and must carry either
    /// no content or the same content.
    Footnote { id: String, content: Vec<Inline> },
}

impl Inline {
    /// Literal text, for building documents by hand.
    pub fn text(text: impl Into<String>) -> Inline {
        Inline::Text(text.into())
    }
}
