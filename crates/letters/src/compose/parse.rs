//! The rendered body (Markdown with note markers) as document blocks.
//!
//! The body's own Markdown becomes structure (paragraphs, emphasis, lists, quotes, links); anything
//! Markdown would pass through as raw HTML, code or an image is kept as literal text, so a
//! rendering in HTML can never carry markup that came from a template or from the case.

use std::collections::HashMap;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::compose::MAX_NESTING;
use crate::compose::template::{MARK_CLOSE, MARK_OPEN, Note};
use crate::document::{Block, Inline};

/// Blocks and notes, the notes numbered 1, 2, 3 in order of first reference.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub(crate) blocks: Vec<Block>,
    pub(crate) footnotes: Vec<Vec<Inline>>,
}

/// Where a body nests deeper than [`MAX_NESTING`]: the byte offset of the element that opens
/// the level too many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooDeep {
    pub(crate) offset: usize,
}

/// Parses CommonMark (no extensions: footnotes come from note markers, and tables or
/// strikethrough have no place in a letter).
///
/// Nesting is counted as the elements open, and parsing stops at the first element that would
/// open level [`MAX_NESTING`] + 1: the blocks built so far are never deeper than the limit, so
/// no renderer (nor dropping the tree, which recurses too) can run out of stack on them.
pub(crate) fn parse(markdown: &str, notes: &[Note]) -> Result<Parsed, TooDeep> {
    let mut builder = Builder {
        notes,
        numbers: HashMap::new(),
        footnotes: Vec::new(),
        stack: vec![Frame::Root(Vec::new())],
        text: String::new(),
    };
    let mut depth = Depth::default();
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        depth.track(&event, range.start)?;
        builder.event(event);
    }
    builder.flush_text();
    let blocks = match builder.stack.pop() {
        Some(Frame::Root(blocks)) => blocks,
        _ => Vec::new(),
    };
    Ok(Parsed {
        blocks,
        footnotes: builder.footnotes,
    })
}

/// Only the nesting check of [`parse`], without building anything: for a body before its
/// template runs, and for bundle import.
pub(crate) fn check_nesting(markdown: &str) -> Result<(), TooDeep> {
    let mut depth = Depth::default();
    for (event, range) in Parser::new_ext(markdown, Options::empty()).into_offset_iter() {
        depth.track(&event, range.start)?;
    }
    Ok(())
}

/// How many nesting elements are open. Paragraphs, headings and list items do not count: the
/// first two cannot hold one another, and an item is always directly inside its list, so the
/// builder's stack (and a renderer's recursion) stays within about twice this count.
#[derive(Default)]
struct Depth(usize);

impl Depth {
    fn track(&mut self, event: &Event<'_>, offset: usize) -> Result<(), TooDeep> {
        match event {
            Event::Start(tag) if nests(tag) => {
                self.0 += 1;
                if self.0 > MAX_NESTING {
                    return Err(TooDeep { offset });
                }
            }
            Event::End(tag) if ends_nesting(*tag) => self.0 = self.0.saturating_sub(1),
            _ => {}
        }
        Ok(())
    }
}

fn nests(tag: &Tag<'_>) -> bool {
    !matches!(tag, Tag::Paragraph | Tag::Heading { .. } | Tag::Item)
}

fn ends_nesting(tag: TagEnd) -> bool {
    !matches!(tag, TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
}

/// An element being built.
enum Frame {
    Root(Vec<Block>),
    Quote(Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>, Vec<Inline>),
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    Link(String, Vec<Inline>),
    /// Content kept as literal text (code block, HTML block, image alt text).
    Literal(Vec<Inline>),
}

struct Builder<'a> {
    notes: &'a [Note],
    /// Note key → number.
    numbers: HashMap<&'a str, usize>,
    footnotes: Vec<Vec<Inline>>,
    stack: Vec<Frame>,
    /// Adjacent text events, joined before note markers are looked for.
    text: String,
}

impl<'a> Builder<'a> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text.push_str(&t);
            }
            // Raw HTML is shown, not obeyed.
            Event::Html(t) | Event::InlineHtml(t) => self.text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            Event::FootnoteReference(label) => {
                self.text.push_str("[^");
                self.text.push_str(&label);
                self.text.push(']');
            }
            Event::TaskListMarker(done) => self.text.push_str(if done { "[x] " } else { "[ ] " }),
            Event::Rule => {}
            Event::Start(tag) => {
                self.flush_text();
                self.start(tag);
            }
            Event::End(tag) => {
                self.flush_text();
                self.end(tag);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let frame = match tag {
            Tag::Paragraph => Frame::Paragraph(Vec::new()),
            Tag::Heading { level, .. } => Frame::Heading(heading_level(level), Vec::new()),
            Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
            Tag::List(start) => Frame::List {
                ordered: start.is_some(),
                items: Vec::new(),
            },
            Tag::Item => Frame::Item(Vec::new(), Vec::new()),
            Tag::Emphasis => Frame::Emph(Vec::new()),
            Tag::Strong => Frame::Strong(Vec::new()),
            Tag::Link { dest_url, .. } => Frame::Link(dest_url.into_string(), Vec::new()),
            _ => Frame::Literal(Vec::new()),
        };
        self.stack.push(frame);
    }

    fn end(&mut self, _tag: TagEnd) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        match frame {
            Frame::Root(blocks) => self.stack.push(Frame::Root(blocks)),
            Frame::Paragraph(inlines) => {
                let inlines = trim(inlines);
                if !inlines.is_empty() {
                    self.push_block(Block::Paragraph(inlines));
                }
            }
            Frame::Heading(level, content) => self.push_block(Block::Heading {
                level,
                content: trim(content),
            }),
            Frame::Quote(blocks) => self.push_block(Block::Quote(blocks)),
            Frame::List { ordered, items } => self.push_block(Block::List { ordered, items }),
            Frame::Item(mut blocks, inlines) => {
                // A tight list item holds its text directly, without a paragraph.
                let inlines = trim(inlines);
                if !inlines.is_empty() {
                    blocks.insert(0, Block::Paragraph(inlines));
                }
                if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(blocks);
                }
            }
            Frame::Emph(content) => self.push_inline(Inline::Emph(content)),
            Frame::Strong(content) => self.push_inline(Inline::Strong(content)),
            Frame::Link(url, content) => self.push_inline(Inline::Link { url, content }),
            Frame::Literal(content) => {
                let text = crate::document::plain_text(&content);
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    return;
                }
                // Inside text (an image) the literal stays inline; on its own (a code or HTML
                // block) it becomes a paragraph.
                if self.accepts_inline() {
                    self.push_inline(Inline::Text(text));
                } else {
                    self.push_block(Block::Paragraph(vec![Inline::Text(text)]));
                }
            }
        }
    }

    fn accepts_inline(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(
                Frame::Paragraph(_)
                    | Frame::Heading(..)
                    | Frame::Emph(_)
                    | Frame::Strong(_)
                    | Frame::Link(..)
                    | Frame::Literal(_)
            )
        )
    }

    fn push_block(&mut self, block: Block) {
        if let Some(Frame::Root(blocks) | Frame::Quote(blocks) | Frame::Item(blocks, _)) =
            self.stack.last_mut()
        {
            blocks.push(block);
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(
                Frame::Paragraph(v)
                | Frame::Heading(_, v)
                | Frame::Emph(v)
                | Frame::Strong(v)
                | Frame::Link(_, v)
                | Frame::Literal(v)
                | Frame::Item(_, v),
            ) => push_merged(v, inline),
            // Text directly in a quote or the root (not expected from CommonMark): a paragraph.
            _ => self.push_block(Block::Paragraph(vec![inline])),
        }
    }

    /// Turns the pending text into inlines, splitting out note markers.
    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        let mut rest = text.as_str();
        while let Some(open) = rest.find(MARK_OPEN) {
            let after = &rest[open + MARK_OPEN.len_utf8()..];
            let Some(close) = after.find(MARK_CLOSE) else {
                break;
            };
            let index: Option<usize> = after[..close].parse().ok();
            let Some(note) = index.and_then(|k| self.notes.get(k)) else {
                break;
            };
            if open > 0 {
                self.push_inline(Inline::Text(rest[..open].to_owned()));
            }
            let number = self.number(note);
            self.push_inline(Inline::FootnoteRef(number));
            rest = &after[close + MARK_CLOSE.len_utf8()..];
        }
        if !rest.is_empty() {
            self.push_inline(Inline::Text(rest.to_owned()));
        }
    }

    fn number(&mut self, note: &'a Note) -> usize {
        if let Some(&n) = self.numbers.get(note.key.as_str()) {
            return n;
        }
        self.footnotes
            .push(vec![Inline::Text(crate::escape::one_line(&note.text))]);
        let n = self.footnotes.len();
        self.numbers.insert(note.key.as_str(), n);
        n
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Appends, joining adjacent text so that a paragraph is as few text runs as possible.
fn push_merged(v: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text(last)), Inline::Text(next)) = (v.last_mut(), &inline) {
        last.push_str(next);
    } else {
        v.push(inline);
    }
}

/// Drops whitespace at the start and end of a paragraph (left by a marker on its own line).
fn trim(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = inlines.first_mut() {
        *t = t.trim_start().to_owned();
        if t.is_empty() {
            inlines.remove(0);
        }
    }
    if let Some(Inline::Text(t)) = inlines.last_mut() {
        *t = t.trim_end().to_owned();
        if t.is_empty() {
            inlines.pop();
        }
    }
    inlines
}
