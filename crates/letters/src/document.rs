//! The letter as a structured document: what every renderer (Markdown, HTML, PDF) draws from, so
//! that the three formats cannot disagree about what the letter says.

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
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) => out.push_str(t),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Link { content: c, .. } => {
                push_plain(c, out);
            }
            Inline::FootnoteRef(n) => out.push_str(&format!("[{n}]")),
        }
    }
}
