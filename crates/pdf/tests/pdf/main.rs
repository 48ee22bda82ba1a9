//! The PDF tests, as one test binary (one link of typst instead of one per file): the reference
//! letter's text survives extraction, Khmer shapes like the reviewed reference page, user text is
//! never markup, and bad input gets a clear error.

// clippy.toml allows these in `#[test]` functions only; the helpers here fail a test with a
// message in the same way.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test with a message, like the tests themselves"
)]

mod errors;
mod footnotes;
mod injection;
mod khmer;
mod poppler;
mod reference;

use std::path::PathBuf;
use std::sync::LazyLock;

use accord_pdf::{Fonts, LetterDoc};

/// The fonts every test shares: the default path, which the test command fills by installing
/// `fonts-noto-core` and `fonts-khmeros`.
pub fn fonts() -> &'static Fonts {
    static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
        Fonts::load(&Fonts::default_paths()).expect("the default font path loads")
    });
    &FONTS
}

pub fn data_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

pub fn load_doc(name: &str) -> LetterDoc {
    let text = std::fs::read_to_string(data_path(name)).expect("test data is readable");
    serde_json::from_str(&text).expect("test data is a LetterDoc")
}

/// Collapses every run of whitespace to one space, and joins a word broken after a hyphen at
/// a line end ("politically-\nmotivated"): typst breaks lines there, and with hyphenation off
/// it adds no hyphens of its own. pdftotext starts each page with a form feed; it goes too.
pub fn normalize(text: &str) -> String {
    let joined = text.replace('\u{c}', "").replace("-\n", "-");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A minimal letter: English, one paragraph.
pub fn letter(blocks: Vec<accord_pdf::Block>) -> LetterDoc {
    LetterDoc {
        lang: "en".to_owned(),
        title: "Test letter".to_owned(),
        blocks,
        ..LetterDoc::default()
    }
}
