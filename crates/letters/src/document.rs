//! The letter as a structured document: what every renderer (Markdown, HTML, PDF) draws from, so
//! that the three formats cannot disagree about what the letter says.

use std::borrow::Cow;

/// A composed letter, ready to render.
///
/// Every string here is literal text: renderers escape it for their format, so nothing a case
/// holds (a provision, a source title, an organisation's name) can turn into markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// BCP 47 language tag of the letter ("en", "km").
    pub lang: String,
    pub title: String,
    /// "Stockholm, 23 October 2017", or the date alone when the letter has no place.
    pub place_date: String,
    /// In the letter's order.
    pub addressees: Vec<Addressee>,
    /// The body, from the rendered template.
    pub blocks: Vec<Block>,
    /// Note `n` is `footnotes[n - 1]`; numbered in order of first reference in `blocks`.
    pub footnotes: Vec<Vec<Inline>>,
    /// "Yours sincerely,".
    pub closing: Option<String>,
    /// The organisations printed under the letter: verified signatures of the current text only,
    /// in the letter's order.
    pub signatories: Vec<String>,
    /// Carbon copies, in order.
    pub cc: Vec<String>,
}

/// Someone the letter is addressed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addressee {
    pub name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    /// Free text ("co-chair"). The plain role "addressee" is not printed: it says nothing.
    pub role: Option<String>,
}

impl Addressee {
    /// The lines printed for this addressee: name, title, organisation, then the role in
    /// parentheses.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.name.clone()];
        lines.extend(self.title.clone());
        lines.extend(self.organisation.clone());
        lines.extend(self.role.as_ref().map(|r| format!("({r})")));
        lines
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `level` is 1 to 6.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    /// A quotation set off from the text; `quote("...")` produces one paragraph per line of the
    /// provision's text.
    Quote(Vec<Block>),
    /// A bulleted or numbered (from 1) list; each item is a sequence of blocks.
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Literal text; never interpreted as markup. It holds no line breaks: a paragraph is one
    /// flow of text.
    Text(String),
    Emph(Vec<Inline>),
    Strong(Vec<Inline>),
    /// A link as the body wrote it. Renderers make only `http:`, `https:` and `mailto:` targets
    /// clickable and print any other as its text.
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// A reference to note `n` (from 1) of [`Document::footnotes`].
    FootnoteRef(usize),
}

/// Whether a link target may become a clickable link in a rendering.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// The plain text of inline content (emphasis dropped, links as their text, notes as their
/// number in brackets).
///
/// Walks the inlines with a stack of its own rather than by recursion, so that it also serves
/// for content nested too deeply to render (see [`bounded`]).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    let mut stack = vec![inlines.iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(Inline::Text(t)) => out.push_str(t),
            Some(Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. }) => {
                stack.push(c.iter());
            }
            Some(Inline::FootnoteRef(n)) => out.push_str(&format!("[{n}]")),
        }
    }
}

/// The document as the renderers may walk it: itself when it nests no deeper than
/// [`crate::MAX_NESTING`] (always so for a composed letter, whose body was checked as it was
/// parsed), otherwise a copy whose deeper content is flattened into plain text.
///
/// The renderers recurse once per level; a [`Document`] built by hand could nest deeply enough
/// to overflow the stack, so every rendering goes through this first.
pub(crate) fn bounded(doc: &Document) -> Cow<'_, Document> {
    if !too_deep(doc) {
        return Cow::Borrowed(doc);
    }
    Cow::Owned(Document {
        blocks: clip_blocks(&doc.blocks, 0),
        footnotes: doc.footnotes.iter().map(|n| clip_inlines(n, 0)).collect(),
        lang: doc.lang.clone(),
        title: doc.title.clone(),
        place_date: doc.place_date.clone(),
        addressees: doc.addressees.clone(),
        closing: doc.closing.clone(),
        signatories: doc.signatories.clone(),
        cc: doc.cc.clone(),
    })
}

/// A node met while measuring a document's depth, at its nesting level.
enum Node<'a> {
    Blocks(&'a [Block]),
    Inlines(&'a [Inline]),
}

/// Whether quotes, lists, emphasis and links nest deeper than the limit anywhere (measured
/// without recursion, as it must cope with any depth).
fn too_deep(doc: &Document) -> bool {
    let mut stack: Vec<(Node<'_>, usize)> = vec![(Node::Blocks(&doc.blocks), 0)];
    stack.extend(doc.footnotes.iter().map(|n| (Node::Inlines(n), 0)));
    while let Some((node, depth)) = stack.pop() {
        if depth > crate::MAX_NESTING {
            return true;
        }
        match node {
            Node::Blocks(blocks) => {
                for b in blocks {
                    match b {
                        Block::Heading { content, .. } | Block::Paragraph(content) => {
                            stack.push((Node::Inlines(content), depth));
                        }
                        Block::Quote(inner) => stack.push((Node::Blocks(inner), depth + 1)),
                        Block::List { items, .. } => {
                            stack.extend(items.iter().map(|i| (Node::Blocks(i), depth + 1)));
                        }
                    }
                }
            }
            Node::Inlines(inlines) => {
                for i in inlines {
                    if let Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } = i
                    {
                        stack.push((Node::Inlines(c), depth + 1));
                    }
                }
            }
        }
    }
    false
}

/// Blocks at nesting level `depth`, with anything at the limit flattened into one paragraph.
/// Recurses at most [`crate::MAX_NESTING`] times.
fn clip_blocks(blocks: &[Block], depth: usize) -> Vec<Block> {
    let deeper = depth < crate::MAX_NESTING;
    blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, content } => Block::Heading {
                level: *level,
                content: clip_inlines(content, depth),
            },
            Block::Paragraph(content) => Block::Paragraph(clip_inlines(content, depth)),
            Block::Quote(inner) if deeper => Block::Quote(clip_blocks(inner, depth + 1)),
            Block::List { ordered, items } if deeper => Block::List {
                ordered: *ordered,
                items: items.iter().map(|i| clip_blocks(i, depth + 1)).collect(),
            },
            Block::Quote(_) | Block::List { .. } => {
                Block::Paragraph(vec![Inline::Text(blocks_text(std::slice::from_ref(b)))])
            }
        })
        .collect()
}

fn clip_inlines(inlines: &[Inline], depth: usize) -> Vec<Inline> {
    let deeper = depth < crate::MAX_NESTING;
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(_) | Inline::FootnoteRef(_) => i.clone(),
            Inline::Emph(c) if deeper => Inline::Emph(clip_inlines(c, depth + 1)),
            Inline::Strong(c) if deeper => Inline::Strong(clip_inlines(c, depth + 1)),
            Inline::Link { url, content } if deeper => Inline::Link {
                url: url.clone(),
                content: clip_inlines(content, depth + 1),
            },
            Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                Inline::Text(plain_text(c))
            }
        })
        .collect()
}

/// The text of blocks, paragraphs joined by spaces (without recursion).
fn blocks_text(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    // What is left to visit, the next block on top, so the text comes in document order.
    let mut pending: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(b) = pending.pop() {
        match b {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                parts.push(plain_text(content));
            }
            Block::Quote(inner) => pending.extend(inner.iter().rev()),
            Block::List { items, .. } => {
                pending.extend(items.iter().rev().flat_map(|i| i.iter().rev()));
            }
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    parts.join(" ")
}
