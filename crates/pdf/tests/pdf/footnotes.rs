//! Notes are numbered 1, 2, 3 in order of first reference; a repeated id reuses its number;
//! they sit at the foot of the page or, on request, after the letter.

use accord_pdf::{Block, FootnoteStyle, Inline, render_pdf};

use crate::{fonts, letter, normalize, poppler};

fn note(id: &str, content: &str) -> Inline {
    Inline::Footnote {
        id: id.to_owned(),
        content: if content.is_empty() {
            vec![]
        } else {
            vec![Inline::Text(content.to_owned())]
        },
    }
}

fn text(s: &str) -> Inline {
    Inline::Text(s.to_owned())
}

/// Four references to three notes: alpha, beta, alpha again, gamma.
fn blocks() -> Vec<Block> {
    vec![
        Block::Paragraph(vec![
            text("claimone"),
            note("a", "NOTEALPHA"),
            text(" end."),
        ]),
        Block::Quote(vec![Block::Paragraph(vec![
            text("claimtwo"),
            note("b", "NOTEBETA"),
            text(" end."),
        ])]),
        Block::List {
            ordered: false,
            items: vec![vec![Block::Paragraph(vec![
                text("claimthree"),
                note("a", ""),
                text(" end."),
            ])]],
        },
        Block::Paragraph(vec![
            text("claimfour"),
            note("c", "NOTEGAMMA"),
            text(" and claimfive"),
            note("a", "NOTEALPHA"),
            text(" end."),
        ]),
    ]
}

fn markers_ok(text: &str) {
    for marker in [
        "claimone1 ",
        "claimtwo2 ",
        "claimthree1 ",
        "claimfour3 ",
        "claimfive1 ",
    ] {
        assert!(text.contains(marker), "{marker:?} missing from {text}");
    }
}

#[test]
fn foot_of_page_notes_are_numbered_by_first_reference() {
    let doc = letter(blocks());
    let pdf = render_pdf(&doc, fonts()).expect("renders");
    let text = normalize(&poppler::text_raw(&pdf));
    markers_ok(&text);
    // Three notes at the foot of the page, each once, in number order.
    let alpha = text.find("1NOTEALPHA").expect("note 1 is printed");
    let beta = text.find("2NOTEBETA").expect("note 2 is printed");
    let gamma = text.find("3NOTEGAMMA").expect("note 3 is printed");
    assert!(
        alpha < beta && beta < gamma,
        "notes in number order: {text}"
    );
    assert_eq!(
        text.matches("NOTEALPHA").count(),
        1,
        "a repeated note prints once"
    );
    // At the foot of the page: after the body.
    assert!(alpha > text.find("claimfive").expect("body text"));
}

#[test]
fn endnotes_follow_the_letter() {
    let mut doc = letter(blocks());
    doc.footnotes = FootnoteStyle::Endnotes;
    doc.notes_heading = Some("Notes".to_owned());
    doc.cc_heading = Some("CC:".to_owned());
    doc.cc = vec!["Last reader".to_owned()];
    let pdf = render_pdf(&doc, fonts()).expect("renders");
    let text = normalize(&poppler::text_raw(&pdf));
    markers_ok(&text);
    assert!(
        text.contains("Last reader Notes 1. NOTEALPHA 2. NOTEBETA 3. NOTEGAMMA"),
        "endnotes after the CC list, in number order: {text}"
    );
    assert_eq!(
        text.matches("NOTEALPHA").count(),
        1,
        "a repeated note prints once"
    );
}
