//! A letter in Khmer through the whole pipeline — bundle, body template (`quote` of a Khmer
//! translation, a source cited twice), Markdown, HTML and PDF. The first PDF page must look like
//! the reviewed reference picture (coeng clusters stacked, vowels placed, lines broken between
//! words), and its Khmer text must stay recoverable from the PDF.

use std::path::PathBuf;

use accord_letters::{Composed, compose, render_html, render_markdown, render_pdf};

use crate::{crate_dir, fonts, poppler, read_bundle};

/// Enough resolution for a misplaced vowel sign to move a few dozen pixels.
const DPI: u32 = 100;
/// A pixel differs when its grey level moves by more than this (of 255): anti-aliasing noise
/// from another poppler or FreeType build stays below it, a moved or missing glyph does not.
const PIXEL_THRESHOLD: u8 = 64;
/// The page is compared in square tiles of this many pixels, so that a change confined to one
/// cluster is not diluted by a page of unchanged pixels.
const TILE: usize = 24;
/// A tile with more differing pixels than this holds a changed glyph (one broken cluster makes
/// far more: see `one_broken_cluster_is_seen`).
const MAX_TILE_DIFFERING: usize = 24;

fn composed() -> Composed {
    let case = read_bundle(&crate_dir().join("tests/data/khmer-case"));
    compose(&case, "km-2017").expect("the Khmer letter composes")
}

fn reference_path() -> PathBuf {
    crate_dir().join("tests/reference/khmer-letter-page1.png")
}

struct Grey {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

fn decode(png_bytes: &[u8]) -> Grey {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a sane PNG size")];
    let frame = reader.next_frame(&mut buf).expect("PNG pixels");
    buf.truncate(frame.buffer_size());
    let channels = frame.color_type.samples();
    Grey {
        width: frame.width as usize,
        height: frame.height as usize,
        pixels: buf.chunks(channels).map(|px| px[0]).collect(),
    }
}

/// Differing pixels in the worst tile; `usize::MAX` when the pages differ in size.
fn worst_tile(a: &Grey, b: &Grey) -> usize {
    if (a.width, a.height) != (b.width, b.height) {
        return usize::MAX;
    }
    let mut worst = 0;
    for ty in (0..a.height).step_by(TILE) {
        for tx in (0..a.width).step_by(TILE) {
            let mut n = 0;
            for y in ty..(ty + TILE).min(a.height) {
                for x in tx..(tx + TILE).min(a.width) {
                    let i = y * a.width + x;
                    if a.pixels[i].abs_diff(b.pixels[i]) > PIXEL_THRESHOLD {
                        n += 1;
                    }
                }
            }
            worst = worst.max(n);
        }
    }
    worst
}

fn ink(g: &Grey) -> f64 {
    g.pixels.iter().filter(|&&p| p < 128).count() as f64 / g.pixels.len() as f64
}

fn first_page(c: &Composed) -> Vec<u8> {
    let pdf = render_pdf(&c.document, fonts()).expect("the Khmer letter renders");
    poppler::page_png(&pdf, 1, DPI)
}

fn reference() -> Grey {
    decode(&std::fs::read(reference_path()).expect("the reference PNG exists"))
}

/// Regenerate the reference with `ACCORD_UPDATE_REFERENCE=1 cargo test -p accord-letters
/// --test letters khmer`, then look at it before committing it: it is only worth what that
/// review was worth.
#[test]
fn khmer_page_matches_the_reviewed_reference() {
    let actual_png = first_page(&composed());
    if std::env::var_os("ACCORD_UPDATE_REFERENCE").is_some() {
        std::fs::write(reference_path(), &actual_png).expect("write the reference");
    }
    let reference = reference();
    assert!(ink(&reference) > 0.01, "the reference page has text on it");
    let worst = worst_tile(&reference, &decode(&actual_png));
    if worst > MAX_TILE_DIFFERING {
        let kept = std::env::temp_dir().join("accord-letters-khmer-page1.png");
        std::fs::write(&kept, &actual_png).expect("keep the failing render");
        panic!(
            "the Khmer page differs from the reference: {worst} pixels in the worst \
             {TILE}×{TILE} tile (tolerance {MAX_TILE_DIFFERING}); the render is at {}",
            kept.display()
        );
    }
}

/// The comparison must be able to fail: the closing with one coeng removed ("សេចក្តី" printed
/// as "សេចកតី", the subscript ta becoming a full letter) is a different page.
#[test]
fn one_broken_cluster_is_seen() {
    let mut c = composed();
    let closing = c.document.closing.as_mut().expect("a closing");
    assert!(closing.contains("ក្តី"));
    *closing = closing.replacen("ក្តី", "កតី", 1);
    let worst = worst_tile(&reference(), &decode(&first_page(&c)));
    assert!(
        worst > 2 * MAX_TILE_DIFFERING,
        "one broken cluster is too close to the tolerance: {worst}"
    );
}

#[test]
fn khmer_text_is_recoverable_from_the_pdf() {
    let c = composed();
    let pdf = render_pdf(&c.document, fonts()).expect("the Khmer letter renders");
    let text: String = poppler::text(&pdf).split_whitespace().collect();
    for phrase in [
        // Body, the quoted translation, a signatory, the closing, the date.
        "កិច្ចព្រមព្រៀងសន្តិភាពទីក្រុងប៉ារីស",
        "សិទ្ធិចូលរួម",
        "ប្រព័ន្ធប្រជាធិបតេយ្យសេរី",
        // (pdftotext repeats some clusters, "កម្ពុម្ពុជា": the phrases avoid those words.)
        "អង្គការសិទ្ធិមនុស្ស",
        "ដោយសេចក្តីគោរព",
        "ខែតុលា",
    ] {
        assert!(
            text.contains(phrase),
            "{phrase} is not recoverable from: {text}"
        );
    }
    assert!(pdf.windows(9).any(|w| w == b"/Lang(km)"));
}

#[test]
fn khmer_letter_in_markdown_and_html() {
    let c = composed();
    let doc = &c.document;
    assert_eq!(doc.place_date, "ភ្នំពេញ ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧");
    // The source is cited twice: one note.
    assert_eq!(doc.footnotes.len(), 1);
    let md = render_markdown(doc);
    assert!(md.contains("សម្រាប់ភាគីហត្ថលេខី[^1]។"), "{md}");
    assert!(md.contains("របស់ពលរដ្ឋ[^1]។"), "{md}");
    assert!(md.contains(
        "> កម្ពុជានឹងអនុវត្តប្រព័ន្ធប្រជាធិបតេយ្យសេរី ផ្អែកលើពហុបក្ស។ ការបោះឆ្នោតនឹងប្រព្រឹត្តទៅជាទៀងទាត់ និងដោយសេរី។"
    ));
    assert!(md.contains("ចម្លងជូន៖"));
    let html = render_html(doc);
    assert!(html.contains("<html lang=\"km\">"));
    assert!(html.contains("<strong>យើងខ្ញុំសូមស្នើឱ្យមានការកោះប្រជុំសន្និសីទទីក្រុងប៉ារីសស្តីពីកម្ពុជាឡើងវិញ។</strong>"));
    // The three verified signatories, in the alphabetical order of their names.
    assert_eq!(
        doc.signatories,
        [
            "Civil Rights Defenders",
            "សមាគមអ្នកសារព័ត៌មានកម្ពុជា",
            "អង្គការសិទ្ធិមនុស្សកម្ពុជា"
        ]
    );
}

#[test]
fn a_khmer_letter_without_khmer_fonts_names_the_paths_and_packages() {
    let empty = tempfile::tempdir().expect("temporary folder");
    let fonts =
        accord_pdf::Fonts::load(&[empty.path().to_path_buf()]).expect("an empty path loads");
    let err = render_pdf(&composed().document, &fonts).expect_err("no Khmer font");
    let message = err.to_string();
    assert!(
        matches!(err, accord_pdf::PdfError::KhmerFontMissing { .. }),
        "{message}"
    );
    assert!(
        message.contains(&empty.path().display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("fonts-noto-core") && message.contains("fonts-khmeros"),
        "{message}"
    );
}
