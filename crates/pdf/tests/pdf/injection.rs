//! User text is data: typst and HTML markup in any field prints as itself and changes nothing
//! about the document.

use accord_pdf::{Block, FootnoteStyle, Inline, LetterDoc, render_pdf};

use crate::{fonts, normalize, poppler};

/// Strings that would do something if they were spliced into typst markup or HTML.
const HOSTILE: [&str; 14] = [
    "#panic(\"x\")",
    "*bold*",
    "_emph_",
    "$x^2$",
    "<label>",
    "@ref",
    "]",
    "\\",
    "<script>alert(1)</script>",
    "#set page(width: 1cm)",
    "= Heading",
    "// comment",
    "#read(\"/letter.json\")",
    "{{ title }} `raw` ~ -- ---",
];

fn hostile_doc() -> LetterDoc {
    let text = |s: &str| Inline::Text(s.to_owned());
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: vec![text("H: #panic(\"heading\")")],
    }];
    for (i, s) in HOSTILE.iter().enumerate() {
        blocks.push(Block::Paragraph(vec![
            text(&format!("P{i}: ")),
            text(s),
            Inline::Emph(vec![text(&format!(" E{i}: {s}"))]),
            Inline::Strong(vec![text(&format!(" S{i}: {s}"))]),
        ]));
    }
    blocks.push(Block::Quote(vec![Block::Paragraph(vec![text(
        "Q: ] #panic(\"q\") [",
    )])]));
    blocks.push(Block::List {
        ordered: true,
        items: vec![vec![Block::Paragraph(vec![text("L: + - / <x>")])]],
    });
    blocks.push(Block::Paragraph(vec![
        text("see "),
        Inline::Link {
            url: "https://example.org/?q=#panic(\"u\")".to_owned(),
            text: vec![text("K: *link* <a href=\"x\">")],
        },
        text(" and "),
        Inline::Link {
            url: "javascript:alert(1)".to_owned(),
            text: vec![],
        },
        Inline::Footnote {
            id: "#panic(\"id\")".to_owned(),
            content: vec![text("F: #panic(\"note\") $y$")],
        },
    ]));
    LetterDoc {
        lang: "en".to_owned(),
        title: "T: #panic(\"title\") *x* <t> @t \\".to_owned(),
        place_date: Some("D: #datetime.today()".to_owned()),
        addressees: vec![vec![
            "A: #panic(\"addressee\")".to_owned(),
            "A2: ]".to_owned(),
        ]],
        blocks,
        closing: Some("C: #pagebreak()".to_owned()),
        signatories_heading: Some("SH: #none".to_owned()),
        signatories: HOSTILE.iter().map(|s| format!("N: {s}")).collect(),
        cc_heading: Some("CH: @cc".to_owned()),
        cc: vec!["CC: <script>x</script>".to_owned()],
        footnotes: FootnoteStyle::FootOfPage,
        notes_heading: Some("NH: #panic(\"notes\")".to_owned()),
    }
}

#[test]
fn markup_in_every_field_prints_literally() {
    let doc = hostile_doc();
    let pdf = render_pdf(&doc, fonts()).expect("hostile text is just text");
    let text = normalize(&poppler::text_raw(&pdf));
    let mut expected = vec![
        "H: #panic(\"heading\")".to_owned(),
        "Q: ] #panic(\"q\") [".to_owned(),
        "1. L: + - / <x>".to_owned(),
        "K: *link* <a href=\"x\">".to_owned(),
        "javascript:alert(1)".to_owned(),
        "F: #panic(\"note\") $y$".to_owned(),
        "D: #datetime.today()".to_owned(),
        "A: #panic(\"addressee\")".to_owned(),
        "A2: ]".to_owned(),
        "CH: @cc".to_owned(),
        "CC: <script>x</script>".to_owned(),
    ];
    for (i, s) in HOSTILE.iter().enumerate() {
        expected.push(normalize(&format!("P{i}: {s} E{i}: {s} S{i}: {s}")));
        expected.push(normalize(&format!("{}. N: {s}", i + 1)));
    }
    for needle in &expected {
        assert!(
            text.contains(needle.as_str()),
            "{needle:?} did not come out literally; PDF text:\n{text}"
        );
    }
    // Nothing changed the page: no `#set page(width: 1cm)` took effect, no `#pagebreak()`.
    assert!(poppler::info_value(&pdf, "Page size").starts_with("595.276 x 841.89"));
    assert!(
        text.contains("C: #pagebreak() SH: #none"),
        "no page number (so no page break) between the closing and what follows"
    );
    // The title metadata is the literal title too.
    assert_eq!(poppler::info_value(&pdf, "Title"), doc.title);
}

#[test]
fn markup_in_endnotes_prints_literally() {
    let mut doc = hostile_doc();
    doc.footnotes = FootnoteStyle::Endnotes;
    let pdf = render_pdf(&doc, fonts()).expect("hostile text is just text");
    let text = normalize(&poppler::text_raw(&pdf));
    assert!(
        text.contains("NH: #panic(\"notes\") 1. F: #panic(\"note\") $y$"),
        "{text}"
    );
}
