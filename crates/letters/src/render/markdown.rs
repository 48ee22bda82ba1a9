//! The canonical Markdown of a letter. Its output without signatories is the text signatories
//! sign, so it must be deterministic: same document, same bytes.

use crate::document::{Block, Document, Inline, is_safe_url};
use crate::escape;
use crate::locale::Locale;

/// Renders the document; `with_signatories` is false for the signed text.
pub(crate) fn render(doc: &Document, with_signatories: bool) -> String {
    let locale = Locale::of(&doc.lang);
    // Blocks of lines, joined by blank lines.
    let mut parts: Vec<Vec<String>> = Vec::new();
    parts.push(vec![format!("# {}", escape::markdown(&doc.title, false))]);
    if !doc.place_date.is_empty() {
        parts.push(vec![escape::markdown(&doc.place_date, true)]);
    }
    for a in &doc.addressees {
        let lines: Vec<String> = a
            .lines()
            .iter()
            .map(|l| escape::markdown(l, true))
            .collect();
        // A backslash at the end of a line is a hard line break in CommonMark.
        parts.push(vec![lines.join("\\\n")]);
    }
    for b in &doc.blocks {
        parts.push(block(b));
    }
    if let Some(closing) = &doc.closing {
        parts.push(vec![escape::markdown(closing, true)]);
    }
    if with_signatories && !doc.signatories.is_empty() {
        parts.push(
            doc.signatories
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {}", i + 1, escape::markdown(s, true)))
                .collect(),
        );
    }
    if !doc.cc.is_empty() {
        parts.push(vec![escape::markdown(locale.cc, true)]);
        parts.push(
            doc.cc
                .iter()
                .map(|c| format!("- {}", escape::markdown(c, true)))
                .collect(),
        );
    }
    for (i, note) in doc.footnotes.iter().enumerate() {
        parts.push(vec![format!("[^{}]: {}", i + 1, inlines(note, true))]);
    }
    let mut out = parts
        .into_iter()
        .map(|lines| lines.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    out
}

/// The body blocks alone, as the body section of [`render`] writes them.
#[cfg(test)]
pub(crate) fn body(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| block(b).join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn block(b: &Block) -> Vec<String> {
    match b {
        Block::Heading { level, content } => vec![format!(
            "{} {}",
            "#".repeat(usize::from((*level).clamp(1, 6))),
            inlines(content, false)
        )],
        Block::Paragraph(content) => vec![inlines(content, true)],
        Block::Quote(blocks) => {
            let mut lines = Vec::new();
            for (i, b) in blocks.iter().enumerate() {
                if i > 0 {
                    lines.push(">".to_owned());
                }
                lines.extend(block(b).into_iter().map(|l| {
                    if l.is_empty() {
                        ">".to_owned()
                    } else {
                        format!("> {l}")
                    }
                }));
            }
            lines
        }
        Block::List { ordered, items } => {
            let tight = items
                .iter()
                .all(|item| matches!(item.as_slice(), [Block::Paragraph(_)]));
            let mut lines = Vec::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 && !tight {
                    lines.push(String::new());
                }
                let marker = if *ordered {
                    format!("{}. ", i + 1)
                } else {
                    "- ".to_owned()
                };
                let indent = " ".repeat(marker.len());
                let mut first = true;
                for (k, b) in item.iter().enumerate() {
                    if k > 0 {
                        lines.push(String::new());
                    }
                    for l in block(b) {
                        if first {
                            lines.push(format!("{marker}{l}"));
                            first = false;
                        } else if l.is_empty() {
                            lines.push(l);
                        } else {
                            lines.push(format!("{indent}{l}"));
                        }
                    }
                }
                if first {
                    // An empty item still needs its marker.
                    lines.push(marker.trim_end().to_owned());
                }
            }
            lines
        }
    }
}

/// Inline content on one line; `line_start` when it begins the line.
fn inlines(content: &[Inline], line_start: bool) -> String {
    let mut out = String::new();
    for (i, inline) in content.iter().enumerate() {
        let at_start = line_start && i == 0;
        match inline {
            Inline::Text(t) => out.push_str(&escape::markdown(t, at_start)),
            Inline::Emph(c) => {
                out.push('*');
                out.push_str(&inlines(c, false));
                out.push('*');
            }
            Inline::Strong(c) => {
                out.push_str("**");
                out.push_str(&inlines(c, false));
                out.push_str("**");
            }
            Inline::Link { url, content } if is_safe_url(url) => {
                out.push('[');
                out.push_str(&inlines(content, false));
                out.push_str("](<");
                out.push_str(&link_destination(url));
                out.push_str(">)");
            }
            Inline::Link { content, .. } => out.push_str(&inlines(content, at_start)),
            Inline::FootnoteRef(n) => out.push_str(&format!("[^{n}]")),
        }
    }
    out
}

/// A URL inside `<...>`: angle brackets and backslashes escaped, line breaks removed.
fn link_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::body;
    use crate::compose::parse::parse;
    use crate::document::{Block, Inline};

    fn roundtrip(blocks: &[Block]) -> Vec<Block> {
        parse(&body(blocks), &[])
            .expect("test documents are within the nesting limit")
            .blocks
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn structure_survives_a_round_trip() {
        let blocks = vec![
            Block::Heading {
                level: 2,
                content: vec![text("A # heading #")],
            },
            Block::Paragraph(vec![
                text("1. not a list, "),
                Inline::Emph(vec![text("emph")]),
                text(" "),
                Inline::Strong(vec![text("strong *x*")]),
                text(" "),
                Inline::Link {
                    url: "https://example.org/a_(b)".into(),
                    content: vec![text("[link]")],
                },
            ]),
            Block::Quote(vec![
                Block::Paragraph(vec![text("- quoted line")]),
                Block::Paragraph(vec![text("> second")]),
            ]),
            Block::List {
                ordered: true,
                items: vec![
                    vec![Block::Paragraph(vec![text("one")])],
                    vec![Block::Paragraph(vec![text("+ two")])],
                ],
            },
            Block::List {
                ordered: false,
                items: vec![
                    vec![
                        Block::Paragraph(vec![text("loose")]),
                        Block::Quote(vec![Block::Paragraph(vec![text("inside")])]),
                    ],
                    vec![Block::Paragraph(vec![text("second")])],
                ],
            },
        ];
        assert_eq!(roundtrip(&blocks), blocks, "{}", body(&blocks));
    }

    proptest! {
        /// Any one-line text, however much Markdown it contains, reads back as itself.
        #[test]
        fn any_text_reads_back_as_itself(
            s in "[a-zA-Z0-9 .,;:!?*_`\\[\\]()<>#&+=~|\\\\/\"'{}%$@^–’é-]{1,40}"
        ) {
            prop_assume!(s.trim() == s);
            let blocks = vec![Block::Paragraph(vec![Inline::Text(s.clone())])];
            prop_assert_eq!(roundtrip(&blocks), blocks, "{:?} as {:?}", s, body(&[Block::Paragraph(vec![Inline::Text(s.clone())])]));
        }

        /// The same inside a quote and a list item.
        #[test]
        fn nested_text_reads_back_as_itself(
            s in "[a-z0-9 .*_`\\[\\]<>#&+=~\\\\-]{1,20}"
        ) {
            prop_assume!(s.trim() == s);
            let p = || vec![Block::Paragraph(vec![Inline::Text(s.clone())])];
            let blocks = vec![
                Block::Quote(p()),
                Block::List { ordered: false, items: vec![p(), p()] },
            ];
            prop_assert_eq!(roundtrip(&blocks), blocks);
        }
    }
}
