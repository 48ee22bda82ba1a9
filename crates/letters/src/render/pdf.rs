//! A letter as `accord-pdf`'s presentation model. The notes, which the document keeps apart and
//! numbered, travel inline: the first reference to a note carries its content, later ones only
//! its id, and `accord-pdf` numbers them in the same first-reference order.

use accord_pdf::{Block as PdfBlock, FootnoteStyle, Inline as PdfInline, LetterDoc};

use crate::document::{Block, Document, Inline};
use crate::locale::Locale;

pub(crate) fn letter_doc(doc: &Document) -> LetterDoc {
    let locale = Locale::of(&doc.lang);
    let mut notes = Notes {
        footnotes: &doc.footnotes,
        given: vec![false; doc.footnotes.len()],
    };
    LetterDoc {
        lang: doc.lang.clone(),
        title: doc.title.clone(),
        place_date: Some(doc.place_date.clone()).filter(|s| !s.is_empty()),
        addressees: doc.addressees.iter().map(crate::Addressee::lines).collect(),
        blocks: doc.blocks.iter().map(|b| notes.block(b)).collect(),
        closing: doc.closing.clone(),
        signatories_heading: None,
        signatories: doc.signatories.clone(),
        cc_heading: Some(locale.cc.to_owned()).filter(|_| !doc.cc.is_empty()),
        cc: doc.cc.clone(),
        footnotes: FootnoteStyle::FootOfPage,
        notes_heading: Some(locale.notes.to_owned()),
    }
}

struct Notes<'a> {
    footnotes: &'a [Vec<Inline>],
    /// Whether note `n - 1` has been given its content already.
    given: Vec<bool>,
}

impl Notes<'_> {
    fn block(&mut self, b: &Block) -> PdfBlock {
        match b {
            Block::Heading { level, content } => PdfBlock::Heading {
                level: *level,
                text: self.inlines(content),
            },
            Block::Paragraph(content) => PdfBlock::Paragraph(self.inlines(content)),
            Block::Quote(blocks) => PdfBlock::Quote(blocks.iter().map(|b| self.block(b)).collect()),
            Block::List { ordered, items } => PdfBlock::List {
                ordered: *ordered,
                items: items
                    .iter()
                    .map(|item| item.iter().map(|b| self.block(b)).collect())
                    .collect(),
            },
        }
    }

    fn inlines(&mut self, content: &[Inline]) -> Vec<PdfInline> {
        content.iter().map(|i| self.inline(i)).collect()
    }

    fn inline(&mut self, inline: &Inline) -> PdfInline {
        match inline {
            Inline::Text(t) => PdfInline::Text(t.clone()),
            Inline::Emph(c) => PdfInline::Emph(self.inlines(c)),
            Inline::Strong(c) => PdfInline::Strong(self.inlines(c)),
            // accord-pdf itself refuses to make anything but http(s) and mailto clickable.
            Inline::Link { url, content } => PdfInline::Link {
                url: url.clone(),
                text: self.inlines(content),
            },
            Inline::FootnoteRef(n) => {
                let index = n.saturating_sub(1);
                let first = self.given.get(index).is_some_and(|given| !given);
                let content = if first {
                    self.given[index] = true;
                    // Notes hold text only (no references), so this does not recurse further.
                    let footnotes = self.footnotes;
                    footnotes
                        .get(index)
                        .map(|c| self.inlines(c))
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                PdfInline::Footnote {
                    id: format!("note-{n}"),
                    content,
                }
            }
        }
    }
}
