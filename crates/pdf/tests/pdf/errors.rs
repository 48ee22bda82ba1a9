//! Bad input and missing fonts give errors that say what to fix, never a PDF of boxes.

use std::path::PathBuf;

use accord_pdf::{Block, Fonts, Inline, PdfError, render_pdf};

use crate::{data_path, fonts, letter, load_doc};

fn paragraph(text: &str) -> Block {
    Block::Paragraph(vec![Inline::Text(text.to_owned())])
}

#[test]
fn khmer_without_a_khmer_font_names_the_paths_and_packages() {
    let missing = PathBuf::from("/nonexistent/accord-fonts");
    let fonts = Fonts::load(std::slice::from_ref(&missing)).expect("a missing folder is skipped");
    let err = render_pdf(&load_doc("khmer-letter.json"), &fonts).expect_err("no Khmer font");
    assert!(matches!(err, PdfError::KhmerFontMissing { .. }), "{err:?}");
    let message = err.to_string();
    for needle in [
        "Khmer",
        "/nonexistent/accord-fonts",
        "fonts-noto-core",
        "fonts-khmeros",
    ] {
        assert!(message.contains(needle), "{needle:?} not in {message:?}");
    }
    assert!(
        !message.ends_with('.'),
        "messages have no trailing full stop"
    );
}

#[test]
fn a_khmer_word_in_an_english_letter_also_needs_the_font() {
    let fonts = Fonts::load(&[]).expect("built-in fonts");
    let doc = letter(vec![paragraph("The word ច្បាប់ means law.")]);
    let err = render_pdf(&doc, &fonts).expect_err("no Khmer font");
    assert!(matches!(err, PdfError::KhmerFontMissing { ref sample, .. } if sample.contains('ច')));
}

#[test]
fn characters_no_font_covers_are_refused() {
    let fonts = Fonts::load(&[]).expect("built-in fonts");
    let mut doc = letter(vec![paragraph("ok")]);
    doc.signatories = vec!["人権団体".to_owned()];
    let err = render_pdf(&doc, &fonts).expect_err("no CJK font is built in");
    match err {
        PdfError::MissingGlyphs { chars, .. } => assert_eq!(chars, "人権団体"),
        other => panic!("expected MissingGlyphs, got {other:?}"),
    }
}

#[test]
fn a_font_folder_on_the_path_is_used() {
    // A copy of Khmer OS in a folder of its own, as a caller's ACCORD_FONT_PATH would name.
    let khmer_os = PathBuf::from("/usr/share/fonts/truetype/khmeros/KhmerOS.ttf");
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::copy(&khmer_os, dir.path().join("KhmerOS.ttf"))
        .expect("Khmer OS is installed (Debian package fonts-khmeros)");
    std::fs::write(dir.path().join("README"), "not a font").expect("write");
    let fonts = Fonts::load(&[dir.path().to_owned()]).expect("the folder loads");
    assert!(
        fonts.families().iter().any(|f| f == "Khmer OS"),
        "{fonts:?}"
    );
    let pdf = render_pdf(&load_doc("khmer-letter.json"), &fonts).expect("Khmer renders");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn a_file_on_the_path_must_be_a_font() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("notes.ttf");
    std::fs::write(&file, "not a font").expect("write");
    let err = Fonts::load(std::slice::from_ref(&file)).expect_err("not a font");
    assert!(
        matches!(err, PdfError::NotAFont { ref path } if *path == file),
        "{err:?}"
    );
    assert!(err.to_string().contains("notes.ttf"));
}

#[test]
fn invalid_language_tags_are_refused() {
    for bad in ["", "english", "e", "en-Latn-GB", "en-G", "1a", "en-GB-x"] {
        let mut doc = letter(vec![paragraph("x")]);
        doc.lang = bad.to_owned();
        let err = render_pdf(&doc, fonts()).expect_err(bad);
        assert!(
            matches!(err, PdfError::InvalidLanguage { ref value } if value == bad),
            "{bad:?}: {err:?}"
        );
    }
    for good in ["en", "km", "fr", "en-GB", "fil"] {
        let mut doc = letter(vec![paragraph("x")]);
        doc.lang = good.to_owned();
        let pdf = render_pdf(&doc, fonts()).unwrap_or_else(|e| panic!("{good}: {e}"));
        let tag = format!("/Lang({good})");
        assert!(
            pdf.windows(tag.len()).any(|w| w == tag.as_bytes()),
            "{good} is written to the catalog"
        );
    }
}

#[test]
fn heading_levels_outside_one_to_six_are_refused() {
    for level in [0, 7] {
        let doc = letter(vec![Block::Heading {
            level,
            text: vec![Inline::Text("h".to_owned())],
        }]);
        let err = render_pdf(&doc, fonts()).expect_err("bad level");
        assert!(matches!(err, PdfError::InvalidHeadingLevel { level: l } if l == level));
    }
}

#[test]
fn a_note_id_with_two_contents_is_refused() {
    let note = |content: &str| Inline::Footnote {
        id: "n".to_owned(),
        content: vec![Inline::Text(content.to_owned())],
    };
    let doc = letter(vec![Block::Paragraph(vec![note("one"), note("two")])]);
    let err = render_pdf(&doc, fonts()).expect_err("conflicting notes");
    assert!(matches!(err, PdfError::FootnoteConflict { ref id } if id == "n"));
}

#[test]
fn a_note_inside_a_note_is_refused() {
    let doc = letter(vec![Block::Paragraph(vec![Inline::Footnote {
        id: "outer".to_owned(),
        content: vec![Inline::Footnote {
            id: "inner".to_owned(),
            content: vec![],
        }],
    }])]);
    let err = render_pdf(&doc, fonts()).expect_err("nested notes");
    assert!(
        matches!(err, PdfError::NestedFootnote { ref outer, ref inner } if outer == "outer" && inner == "inner")
    );
}

#[test]
fn an_empty_letter_and_odd_characters_still_render() {
    let empty = accord_pdf::LetterDoc {
        lang: "en".to_owned(),
        ..Default::default()
    };
    render_pdf(&empty, fonts()).expect("an empty letter is one blank page");
    let doc = letter(vec![paragraph(
        "nul \u{0} bell \u{7} zwsp \u{200B} tab \t newline \n end",
    )]);
    render_pdf(&doc, fonts()).expect("control characters do not break the render");
}

#[test]
fn unknown_fields_in_a_serialised_letter_are_refused() {
    let text = std::fs::read_to_string(data_path("khmer-letter.json")).expect("readable");
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value["colour"] = serde_json::Value::from("red");
    let err = serde_json::from_value::<accord_pdf::LetterDoc>(value).expect_err("unknown field");
    assert!(err.to_string().contains("colour"));
}

#[test]
fn nesting_deeper_than_a_letter_needs_is_refused() {
    let quotes = |depth: usize| {
        let mut block = paragraph("deep");
        for _ in 0..depth {
            block = Block::Quote(vec![block]);
        }
        letter(vec![block])
    };
    let lists = |depth: usize| {
        let mut block = paragraph("deep");
        for _ in 0..depth {
            block = Block::List {
                ordered: depth.is_multiple_of(2),
                items: vec![vec![block]],
            };
        }
        letter(vec![block])
    };
    let styles = |depth: usize| {
        let mut inline = Inline::Text("deep".to_owned());
        for i in 0..depth {
            inline = if i.is_multiple_of(2) {
                Inline::Emph(vec![inline])
            } else {
                Inline::Strong(vec![inline])
            };
        }
        letter(vec![Block::Paragraph(vec![inline])])
    };
    render_pdf(&quotes(8), fonts()).expect("eight nested quotes render");
    render_pdf(&lists(8), fonts()).expect("eight nested lists render");
    render_pdf(&styles(16), fonts()).expect("sixteen nested styles render");
    // One level more is a clear error; far more must not exhaust the stack either.
    for doc in [quotes(9), lists(9), quotes(1000)] {
        let err = render_pdf(&doc, fonts()).expect_err("too deep");
        assert!(matches!(err, PdfError::TooDeep { max: 8, .. }), "{err:?}");
    }
    for doc in [styles(17), styles(1000)] {
        let err = render_pdf(&doc, fonts()).expect_err("too deep");
        assert!(matches!(err, PdfError::TooDeep { max: 16, .. }), "{err:?}");
    }
}
