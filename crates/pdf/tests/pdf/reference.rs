//! The 23 October 2017 letter, at its real size: its names, quotations and notes must come out
//! of the PDF exactly as they went in.

use accord_pdf::{Block, Fonts, FootnoteStyle, Inline, LetterDoc, render_pdf};

use crate::{fonts, load_doc, normalize, poppler};

fn paragraph_text(block: &Block) -> Option<String> {
    let Block::Paragraph(inlines) = block else {
        return None;
    };
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// The quoted provisions: every paragraph inside a quote block, and the list items in them.
fn quotations(doc: &LetterDoc) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::List { items, .. } => items.iter().for_each(|item| walk(item, out)),
                other => out.extend(paragraph_text(other)),
            }
        }
    }
    let mut out = Vec::new();
    for block in &doc.blocks {
        if let Block::Quote(inner) = block {
            walk(inner, &mut out);
        }
    }
    out
}

/// Asserts that `needles` occur in `haystack` in this order.
fn assert_in_order(haystack: &str, needles: &[String], what: &str) {
    let mut from = 0;
    for needle in needles {
        // The letter has no-break spaces in some names; pdftotext writes plain spaces.
        let needle = normalize(needle);
        let Some(at) = haystack[from..].find(needle.as_str()) else {
            panic!("{what}: {needle:?} is missing from the PDF text (or out of order)");
        };
        from += at + needle.len();
    }
}

#[test]
fn reference_letter_text_extracts_exactly() {
    let doc = load_doc("reference-letter.json");
    assert_eq!(
        doc.signatories.len(),
        55,
        "the fixture holds the letter's 55 signatories"
    );
    assert_eq!(
        doc.cc.len(),
        21,
        "the fixture holds the letter's 21 CC entries"
    );
    let pdf = render_pdf(&doc, fonts()).expect("the reference letter renders");
    let text = normalize(&poppler::text_raw(&pdf));

    // Every signatory, numbered, in the letter's order.
    let numbered: Vec<String> = doc
        .signatories
        .iter()
        .enumerate()
        .map(|(i, name)| format!("{}. {name}", i + 1))
        .collect();
    assert_in_order(&text, &numbered, "signatories");
    // Every CC entry, in order, after the signatories.
    let last_signatory = text.find(&numbered[54]).expect("checked above");
    assert_in_order(&text[last_signatory..], &doc.cc, "CC list");

    // The quoted provisions and every paragraph, verbatim, once the notes and page numbers
    // that a page break puts in the middle of a paragraph are taken out.
    let body = body_text(
        &pdf,
        &["1For an overview", "2See: UN OHCHR", "3For a detailed"],
    );
    assert_paragraphs(&doc, &body);
    // The three notes, numbered in order of reference. Links break at slashes, so compare
    // the notes with all whitespace removed.
    let squeezed: String = text.split_whitespace().collect();
    for (n, start) in [
        (1, "Foranoverviewofthelegalobligations"),
        (2, "See:UNOHCHRinCambodia"),
        (3, "ForadetailedanalysisoftheLANGO"),
    ] {
        assert!(
            squeezed.contains(&format!("{n}{start}")),
            "note {n} is missing"
        );
    }
    assert!(squeezed.contains(
        "http://cchrcambodia.org/admin/media/factsheet/factsheet/english/\
         2016_10_21_CCHR_fs_dhr_in_the_ppa_ENG.pdf"
    ));
    assert!(
        squeezed.contains("violated1."),
        "the first note's mark follows its word"
    );
    assert!(
        squeezed.contains("(LANGO)3"),
        "the third note's mark follows its word"
    );
}

#[test]
fn reference_letter_with_endnotes_keeps_every_paragraph_whole() {
    let mut doc = load_doc("reference-letter.json");
    doc.footnotes = FootnoteStyle::Endnotes;
    doc.notes_heading = Some("Notes".to_owned());
    let pdf = render_pdf(&doc, fonts()).expect("the reference letter renders with endnotes");
    // With the notes at the end, only page numbers interrupt the body.
    let text = body_text(&pdf, &[]);
    assert_paragraphs(&doc, &text);
    // The notes come last, after the CC list, under their heading.
    let notes = text
        .rfind("Notes 1. For an overview")
        .expect("the endnotes are listed");
    assert!(
        notes
            > text
                .rfind(doc.cc.last().expect("CC entries"))
                .expect("the CC list")
    );
    assert!(text[notes..].contains("2. See: UN OHCHR in Cambodia"));
    assert!(text[notes..].contains("3. For a detailed analysis of the LANGO"));
}

/// The quoted provisions (ACPS Art. 29, Annex 5 Arts. 4 and 5, ASIT Art. 3(2)(a)) and every
/// paragraph without a note mark are in `text`, verbatim up to whitespace.
fn assert_paragraphs(doc: &LetterDoc, text: &str) {
    let quotes = quotations(doc);
    assert_eq!(
        quotes.len(),
        6,
        "two quoted paragraphs, an introduction and three items"
    );
    assert!(quotes[0].starts_with("“Without prejudice to the prerogatives"));
    for quote in &quotes {
        assert!(
            text.contains(&normalize(quote)),
            "quotation missing or altered in the PDF text: {quote:?}"
        );
    }
    let mut checked = 0;
    for block in &doc.blocks {
        if let Some(paragraph) = paragraph_text(block) {
            assert!(
                text.contains(&normalize(&paragraph)),
                "paragraph missing or altered: {paragraph:?} in {text}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "most paragraphs carry no note");
}

/// The PDF's text without page numbers, and without the foot-of-page notes, which pdftotext
/// puts between the last line of a page and its number: a line starting with one of
/// `note_starts` opens a note block that runs to the page number.
fn body_text(pdf: &[u8], note_starts: &[&str]) -> String {
    let raw = poppler::text_raw(pdf);
    let mut kept = Vec::new();
    let mut in_notes = false;
    for line in raw.lines().map(|l| l.trim_start_matches('\u{c}')) {
        if is_page_number(line) {
            in_notes = false;
        } else if in_notes || note_starts.iter().any(|start| line.starts_with(start)) {
            in_notes = true;
        } else {
            kept.push(line);
        }
    }
    normalize(&kept.join("\n"))
}

fn is_page_number(line: &str) -> bool {
    let mut parts = line.split(" / ");
    let numeric =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    numeric(parts.next()) && numeric(parts.next()) && parts.next().is_none()
}

#[test]
fn reference_letter_is_a4_with_numbered_pages_and_metadata() {
    let doc = load_doc("reference-letter.json");
    let pdf = render_pdf(&doc, fonts()).expect("the reference letter renders");
    assert_eq!(poppler::info_value(&pdf, "Title"), doc.title);
    assert!(
        poppler::info_value(&pdf, "Page size").starts_with("595.276 x 841.89"),
        "A4 pages"
    );
    let pages: usize = poppler::info_value(&pdf, "Pages")
        .parse()
        .expect("a page count");
    assert!(
        pages >= 3,
        "55 signatories and 21 CC entries take several pages"
    );
    let text = normalize(&poppler::text_raw(&pdf));
    for page in 1..=pages {
        assert!(
            text.contains(&format!("{page} / {pages}")),
            "page {page} carries its number"
        );
    }
    assert!(
        pdf.windows(9).any(|w| w == b"/Lang(en)"),
        "the catalog names the language"
    );
}

#[test]
fn latin_letter_needs_no_system_font() {
    let fonts = Fonts::load(&[]).expect("the built-in fonts load");
    let doc = load_doc("reference-letter.json");
    let pdf = render_pdf(&doc, &fonts).expect("Latin renders with the built-in fonts alone");
    let text = normalize(&poppler::text_raw(&pdf));
    assert!(text.contains("55. Yayasan Sekretariat Anak Merdeka Indonesia (SAMIN)"));
    assert!(text.contains("Phạm Bình Minh, Minister for Foreign Affairs, Viet Nam"));
}

#[test]
fn the_same_letter_gives_the_same_bytes() {
    let doc = load_doc("reference-letter.json");
    let first = render_pdf(&doc, fonts()).expect("renders");
    let second = render_pdf(&doc, fonts()).expect("renders again");
    assert!(
        first == second,
        "a render depends on nothing but the letter and the fonts"
    );
}
