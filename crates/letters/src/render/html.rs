//! A letter as one standalone, printable HTML page. No script and no external resource: the
//! page is the letter, and it prints on A4 as it shows on screen.

use std::fmt::Write as _;

use crate::document::{Block, Document, Inline, is_safe_url};
use crate::escape::html as esc;
use crate::locale::Locale;

const STYLE: &str = "
  @page { size: A4; margin: 2.2cm 2.4cm; }
  body { margin: 0; background: #fff; color: #111; }
  .letter { max-width: 42rem; margin: 2rem auto; padding: 0 1rem;
    font: 12pt/1.45 'Libertinus Serif', 'Linux Libertine', Georgia, 'Khmer OS', 'Noto Serif Khmer', serif; }
  .place-date { text-align: right; }
  .addressees { display: flex; flex-wrap: wrap; gap: 0.6rem 2rem; }
  .addressees address { font-style: normal; }
  h1 { font-size: 1.15em; margin: 1.6em 0 1em; }
  blockquote { margin: 1em 2em; font-style: italic; }
  .signatories, .cc { padding-left: 2em; }
  .notes { margin-top: 2em; border-top: 1px solid #999; font-size: 0.9em; }
  .notes h2 { font-size: 1em; }
  sup a { text-decoration: none; }
  @media print { .letter { margin: 0; max-width: none; padding: 0; } a { color: inherit; } }
";

pub(crate) fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&doc.lang),
        esc(&doc.title)
    );
    out.push_str(&fragment(doc));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The letter as one `<article class="letter">` element, to place inside another page.
pub(crate) fn fragment(doc: &Document) -> String {
    let locale = Locale::of(&doc.lang);
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(
        out,
        "<article class=\"letter\" lang=\"{}\">",
        esc(&doc.lang)
    );
    if !doc.place_date.is_empty() {
        let _ = writeln!(out, "<p class=\"place-date\">{}</p>", esc(&doc.place_date));
    }
    if !doc.addressees.is_empty() {
        out.push_str("<div class=\"addressees\">\n");
        for a in &doc.addressees {
            let lines: Vec<String> = a.lines().iter().map(|l| esc(l)).collect();
            let _ = writeln!(out, "<address>{}</address>", lines.join("<br>\n"));
        }
        out.push_str("</div>\n");
    }
    let _ = writeln!(out, "<h1>{}</h1>", esc(&doc.title));
    let mut refs = RefIds::default();
    for b in &doc.blocks {
        block(b, &mut refs, &mut out);
    }
    if let Some(closing) = &doc.closing {
        let _ = writeln!(out, "<p class=\"closing\">{}</p>", esc(closing));
    }
    if !doc.signatories.is_empty() {
        out.push_str("<ol class=\"signatories\">\n");
        for s in &doc.signatories {
            let _ = writeln!(out, "<li>{}</li>", esc(s));
        }
        out.push_str("</ol>\n");
    }
    if !doc.cc.is_empty() {
        let _ = writeln!(out, "<p class=\"cc-heading\">{}</p>", esc(locale.cc));
        out.push_str("<ul class=\"cc\">\n");
        for c in &doc.cc {
            let _ = writeln!(out, "<li>{}</li>", esc(c));
        }
        out.push_str("</ul>\n");
    }
    if !doc.footnotes.is_empty() {
        let _ = writeln!(
            out,
            "<section class=\"notes\">\n<h2>{}</h2>\n<ol>",
            esc(locale.notes)
        );
        for (i, note) in doc.footnotes.iter().enumerate() {
            let n = i + 1;
            let _ = write!(out, "<li id=\"note-{n}\">");
            inlines(note, &mut refs, &mut out);
            let _ = writeln!(out, " <a href=\"#ref-{n}\" aria-label=\"back\">↩</a></li>");
        }
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</article>\n");
    out
}

/// Ids of note references: the first reference to note 3 is `ref-3`, the next `ref-3-2`, so
/// every id on the page is unique and the note links back to its first reference.
#[derive(Default)]
struct RefIds {
    seen: std::collections::HashMap<usize, usize>,
}

impl RefIds {
    fn next(&mut self, n: usize) -> String {
        let count = self.seen.entry(n).or_insert(0);
        *count += 1;
        if *count == 1 {
            format!("ref-{n}")
        } else {
            format!("ref-{n}-{count}")
        }
    }
}

fn block(b: &Block, refs: &mut RefIds, out: &mut String) {
    match b {
        Block::Heading { level, content } => {
            // h1 is the letter's title; body headings start at h2.
            let h = (level + 1).clamp(2, 6);
            let _ = write!(out, "<h{h}>");
            inlines(content, refs, out);
            let _ = writeln!(out, "</h{h}>");
        }
        Block::Paragraph(content) => {
            out.push_str("<p>");
            inlines(content, refs, out);
            out.push_str("</p>\n");
        }
        Block::Quote(blocks) => {
            out.push_str("<blockquote>\n");
            for b in blocks {
                block(b, refs, out);
            }
            out.push_str("</blockquote>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for item in items {
                out.push_str("<li>");
                match item.as_slice() {
                    // A one-paragraph item needs no <p>: it reads as a tight list.
                    [Block::Paragraph(content)] => inlines(content, refs, out),
                    blocks => {
                        out.push('\n');
                        for b in blocks {
                            block(b, refs, out);
                        }
                    }
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
    }
}

fn inlines(content: &[Inline], refs: &mut RefIds, out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(t) => out.push_str(&esc(t)),
            Inline::Emph(c) => {
                out.push_str("<em>");
                inlines(c, refs, out);
                out.push_str("</em>");
            }
            Inline::Strong(c) => {
                out.push_str("<strong>");
                inlines(c, refs, out);
                out.push_str("</strong>");
            }
            Inline::Link { url, content } if is_safe_url(url) => {
                let _ = write!(out, "<a href=\"{}\">", esc(url.trim()));
                inlines(content, refs, out);
                out.push_str("</a>");
            }
            Inline::Link { content, .. } => inlines(content, refs, out),
            Inline::FootnoteRef(n) => {
                let id = refs.next(*n);
                let _ = write!(out, "<sup><a href=\"#note-{n}\" id=\"{id}\">{n}</a></sup>");
            }
        }
    }
}
