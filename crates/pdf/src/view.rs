//! The JSON the template reads: the letter with its notes numbered, its links vetted and its
//! language split, so that the template only lays things out and makes no decisions that tests
//! could not see from Rust.

use std::collections::HashMap;

use serde::Serialize;

use crate::PdfError;
use crate::fonts::{self, Fonts};
use crate::model::{Block, FootnoteStyle, Inline, LetterDoc};

/// The template's input, written to `/letter.json` in the virtual file system.
#[derive(Debug, Serialize)]
pub(crate) struct View<'a> {
    lang: String,
    region: Option<String>,
    /// Font families in order of preference, for regular and for bold text; only families
    /// that are loaded, so that typst has nothing to warn about.
    fonts: Vec<&'static str>,
    bold_fonts: Vec<&'static str>,
    title: &'a str,
    place_date: Option<&'a str>,
    addressees: &'a [Vec<String>],
    blocks: Vec<ViewBlock<'a>>,
    closing: Option<&'a str>,
    signatories_heading: Option<&'a str>,
    signatories: &'a [String],
    cc_heading: Option<&'a str>,
    cc: &'a [String],
    endnotes: bool,
    notes_heading: Option<&'a str>,
    /// The notes in number order, for endnotes.
    notes: Vec<ViewNote<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "k", rename_all = "snake_case")]
enum ViewBlock<'a> {
    Heading {
        level: u8,
        body: Vec<ViewInline<'a>>,
    },
    Par {
        body: Vec<ViewInline<'a>>,
    },
    Quote {
        body: Vec<ViewBlock<'a>>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<ViewBlock<'a>>>,
    },
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "k", rename_all = "snake_case")]
enum ViewInline<'a> {
    Text {
        text: &'a str,
    },
    Emph {
        body: Vec<ViewInline<'a>>,
    },
    Strong {
        body: Vec<ViewInline<'a>>,
    },
    Link {
        url: &'a str,
        body: Vec<ViewInline<'a>>,
    },
    /// Inlines with no style of their own (the text of a link whose target was refused).
    Span {
        body: Vec<ViewInline<'a>>,
    },
    /// The first reference to note `n`: defines it.
    Note {
        n: usize,
        body: Vec<ViewInline<'a>>,
    },
    /// A later reference to note `n`.
    NoteRef {
        n: usize,
    },
}

#[derive(Debug, Serialize)]
struct ViewNote<'a> {
    n: usize,
    body: Vec<ViewInline<'a>>,
}

/// Builds the template input, checking what the template cannot check well.
pub(crate) fn view<'a>(doc: &'a LetterDoc, fonts: &Fonts) -> Result<View<'a>, PdfError> {
    let (lang, region) = parse_lang(&doc.lang)?;
    let mut notes = Notes::default();
    let blocks = doc
        .blocks
        .iter()
        .map(|b| notes.block(b))
        .collect::<Result<Vec<_>, _>>()?;
    let families = |khmer: [&'static str; 2]| {
        std::iter::once(fonts::LATIN_FAMILY)
            .chain(khmer)
            .filter(|f| fonts.has_family(f))
            .collect()
    };
    Ok(View {
        lang,
        region,
        fonts: families(fonts::KHMER_FAMILIES),
        bold_fonts: families(fonts::KHMER_BOLD_FAMILIES),
        title: &doc.title,
        place_date: doc.place_date.as_deref(),
        addressees: &doc.addressees,
        blocks,
        closing: doc.closing.as_deref(),
        signatories_heading: doc.signatories_heading.as_deref(),
        signatories: &doc.signatories,
        cc_heading: doc.cc_heading.as_deref(),
        cc: &doc.cc,
        endnotes: doc.footnotes == FootnoteStyle::Endnotes,
        notes_heading: doc.notes_heading.as_deref(),
        notes: notes.defined,
    })
}

/// Every string of the letter that will be printed, for the font coverage check.
pub(crate) fn texts(doc: &LetterDoc) -> Vec<&str> {
    fn inlines<'a>(out: &mut Vec<&'a str>, items: &'a [Inline]) {
        for item in items {
            match item {
                Inline::Text(t) => out.push(t),
                Inline::Emph(body) | Inline::Strong(body) => inlines(out, body),
                Inline::Link { url, text } => {
                    // An empty link prints its target.
                    if text.is_empty() {
                        out.push(url);
                    }
                    inlines(out, text);
                }
                Inline::Footnote { content, .. } => inlines(out, content),
            }
        }
    }
    fn blocks<'a>(out: &mut Vec<&'a str>, items: &'a [Block]) {
        for item in items {
            match item {
                Block::Heading { text, .. } => inlines(out, text),
                Block::Paragraph(body) => inlines(out, body),
                Block::Quote(body) => blocks(out, body),
                Block::List { items, .. } => items.iter().for_each(|i| blocks(out, i)),
            }
        }
    }
    let mut out = vec![doc.title.as_str()];
    out.extend(doc.place_date.as_deref());
    out.extend(doc.addressees.iter().flatten().map(String::as_str));
    blocks(&mut out, &doc.blocks);
    out.extend(doc.closing.as_deref());
    out.extend(doc.signatories_heading.as_deref());
    out.extend(doc.signatories.iter().map(String::as_str));
    out.extend(doc.cc_heading.as_deref());
    out.extend(doc.cc.iter().map(String::as_str));
    out.extend(doc.notes_heading.as_deref());
    out
}

/// Splits a BCP 47 tag into the language and region typst understands ("en-GB" → "en", "GB").
/// Script and variant subtags are refused rather than dropped, so that a caller learns that
/// they have no effect.
fn parse_lang(tag: &str) -> Result<(String, Option<String>), PdfError> {
    let invalid = || PdfError::InvalidLanguage {
        value: tag.to_owned(),
    };
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().unwrap_or_default();
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(invalid());
    }
    let region = match parts.next() {
        None => None,
        Some(r) if r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()) => {
            Some(r.to_ascii_uppercase())
        }
        Some(_) => return Err(invalid()),
    };
    if parts.next().is_some() {
        return Err(invalid());
    }
    Ok((lang.to_ascii_lowercase(), region))
}

/// Numbers notes in order of first reference while the body is walked in reading order.
#[derive(Default)]
struct Notes<'a> {
    by_id: HashMap<&'a str, (usize, &'a [Inline])>,
    defined: Vec<ViewNote<'a>>,
    /// The id of the note whose content is being walked, to refuse nesting.
    inside: Option<&'a str>,
    block_depth: usize,
    inline_depth: usize,
}

/// How deep quotes and lists may nest inside each other.
const MAX_BLOCK_DEPTH: usize = 8;
/// How deep emphasis, strong emphasis and links may nest inside each other.
const MAX_INLINE_DEPTH: usize = 16;

#[derive(Clone, Copy)]
enum Nesting {
    Blocks,
    Inlines,
}

impl<'a> Notes<'a> {
    fn block(&mut self, block: &'a Block) -> Result<ViewBlock<'a>, PdfError> {
        Ok(match block {
            Block::Heading { level, text } => {
                if !(1..=6).contains(level) {
                    return Err(PdfError::InvalidHeadingLevel { level: *level });
                }
                ViewBlock::Heading {
                    level: *level,
                    body: self.inlines(text)?,
                }
            }
            Block::Paragraph(body) => ViewBlock::Par {
                body: self.inlines(body)?,
            },
            Block::Quote(body) => ViewBlock::Quote {
                body: self.nested(Nesting::Blocks, |notes| {
                    body.iter().map(|b| notes.block(b)).collect()
                })?,
            },
            Block::List { ordered, items } => ViewBlock::List {
                ordered: *ordered,
                items: self.nested(Nesting::Blocks, |notes| {
                    items
                        .iter()
                        .map(|item| item.iter().map(|b| notes.block(b)).collect())
                        .collect()
                })?,
            },
        })
    }

    /// Runs `walk` one level deeper, refusing nesting deeper than typst lays out (quotes fail
    /// at 16 levels with a cryptic "show rule depth" error) or than a letter needs.
    fn nested<T>(
        &mut self,
        kind: Nesting,
        walk: impl FnOnce(&mut Self) -> Result<T, PdfError>,
    ) -> Result<T, PdfError> {
        let (depth, max, what) = match kind {
            Nesting::Blocks => (&mut self.block_depth, MAX_BLOCK_DEPTH, "quotes and lists"),
            Nesting::Inlines => (&mut self.inline_depth, MAX_INLINE_DEPTH, "inline styles"),
        };
        if *depth >= max {
            return Err(PdfError::TooDeep { what, max });
        }
        *depth += 1;
        let result = walk(self);
        match kind {
            Nesting::Blocks => self.block_depth -= 1,
            Nesting::Inlines => self.inline_depth -= 1,
        }
        result
    }

    fn inlines(&mut self, items: &'a [Inline]) -> Result<Vec<ViewInline<'a>>, PdfError> {
        items.iter().map(|i| self.inline(i)).collect()
    }

    fn inline(&mut self, item: &'a Inline) -> Result<ViewInline<'a>, PdfError> {
        Ok(match item {
            Inline::Text(text) => ViewInline::Text { text },
            Inline::Emph(body) => ViewInline::Emph {
                body: self.nested(Nesting::Inlines, |notes| notes.inlines(body))?,
            },
            Inline::Strong(body) => ViewInline::Strong {
                body: self.nested(Nesting::Inlines, |notes| notes.inlines(body))?,
            },
            Inline::Link { url, text } => {
                let body = self.nested(Nesting::Inlines, |notes| notes.inlines(text))?;
                if is_safe_url(url) {
                    ViewInline::Link { url, body }
                } else if body.is_empty() {
                    ViewInline::Text { text: url }
                } else {
                    ViewInline::Span { body }
                }
            }
            Inline::Footnote { id, content } => self.note(id, content)?,
        })
    }

    fn note(&mut self, id: &'a str, content: &'a [Inline]) -> Result<ViewInline<'a>, PdfError> {
        if let Some(outer) = self.inside {
            return Err(PdfError::NestedFootnote {
                outer: outer.to_owned(),
                inner: id.to_owned(),
            });
        }
        if let Some(&(n, first)) = self.by_id.get(id) {
            if !content.is_empty() && content != first {
                return Err(PdfError::FootnoteConflict { id: id.to_owned() });
            }
            return Ok(ViewInline::NoteRef { n });
        }
        let n = self.by_id.len() + 1;
        self.by_id.insert(id, (n, content));
        self.inside = Some(id);
        let body = self.inlines(content);
        self.inside = None;
        let body = body?;
        // Endnotes print the body in a list at the end, foot-of-page notes in place; the
        // template picks one, so the copy costs nothing visible.
        self.defined.push(ViewNote {
            n,
            body: body.clone(),
        });
        Ok(ViewInline::Note { n, body })
    }
}

/// Link targets that may become clickable in the PDF.
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(url: &str, text: &str) -> Inline {
        Inline::Link {
            url: url.to_owned(),
            text: if text.is_empty() {
                vec![]
            } else {
                vec![Inline::text(text)]
            },
        }
    }

    fn kind(item: &Inline) -> String {
        let view = Notes::default().inline(item).expect("a plain inline");
        serde_json::to_value(view).expect("serialises")["k"]
            .as_str()
            .expect("tagged")
            .to_owned()
    }

    #[test]
    fn only_web_and_mail_links_are_clickable() {
        for url in [
            "https://example.org",
            "http://x",
            "  HTTPS://X",
            "mailto:a@b.org",
        ] {
            assert_eq!(kind(&link(url, "t")), "link", "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "x",
        ] {
            assert_eq!(
                kind(&link(url, "t")),
                "span",
                "{url} keeps its text, unlinked"
            );
            assert_eq!(kind(&link(url, "")), "text", "{url} prints as text");
        }
    }

    #[test]
    fn language_tags_split_into_language_and_region() {
        let check = |tag: &str, lang: &str, region: Option<&str>| {
            let (l, r) = parse_lang(tag).expect(tag);
            assert_eq!((l.as_str(), r.as_deref()), (lang, region), "{tag}");
        };
        check("en", "en", None);
        check("KM", "km", None);
        check("en-gb", "en", Some("GB"));
        check("fr_FR", "fr", Some("FR"));
        check("fil", "fil", None);
        for bad in ["", "-", "en-", "en-Latn", "en-GB-x", "toolong", "e1"] {
            assert!(parse_lang(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn notes_number_by_first_reference() {
        let note = |id: &str| Inline::Footnote {
            id: id.to_owned(),
            content: vec![Inline::text(id)],
        };
        let items = [note("b"), note("a"), note("b"), note("c"), note("a")];
        let mut notes = Notes::default();
        let views = notes.inlines(&items).expect("no conflicts");
        let numbers: Vec<(String, usize)> = views
            .iter()
            .map(|v| match v {
                ViewInline::Note { n, .. } => ("note".to_owned(), *n),
                ViewInline::NoteRef { n } => ("ref".to_owned(), *n),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        let expected = [
            ("note", 1),
            ("note", 2),
            ("ref", 1),
            ("note", 3),
            ("ref", 2),
        ];
        assert_eq!(numbers, expected.map(|(k, n)| (k.to_owned(), n)).to_vec());
        assert_eq!(
            notes.defined.iter().map(|n| n.n).collect::<Vec<_>>(),
            [1, 2, 3]
        );
    }
}
