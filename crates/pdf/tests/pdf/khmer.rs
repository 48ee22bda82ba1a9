//! A letter in Khmer: the first page must look like the reviewed reference picture (coeng
//! clusters stacked, vowels placed, lines broken between words), and its text must stay
//! recoverable from the PDF.

use std::path::PathBuf;

use accord_pdf::{Block, Inline, LetterDoc, render_pdf};

use crate::{fonts, load_doc, poppler};

/// Enough resolution for a misplaced vowel sign to move a few dozen pixels.
const DPI: u32 = 100;
/// A pixel "differs" when its grey level moves by more than this (of 255): anti-aliasing
/// noise from another poppler or FreeType build stays below it, a glyph moved or missing
/// does not.
const PIXEL_THRESHOLD: u8 = 64;
/// The page is compared in tiles of this many pixels square, so that a change confined to one
/// cluster is not diluted by a whole page of unchanged pixels.
const TILE: u32 = 24;
/// A tile with more differing pixels than this is a changed glyph. One broken cluster makes
/// about 90 (checked by `one_broken_cluster_is_seen`); anti-aliasing noise makes a handful.
const MAX_TILE_DIFFERING: usize = 24;
/// Beyond that, the share of differing pixels tolerated over the whole page.
const MAX_PAGE_DIFFERING: f64 = 0.001;

fn reference_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/khmer-letter-page1.png")
}

struct Grey {
    width: u32,
    height: u32,
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
    // Keep the first channel: pdftoppm -gray writes one; an edited reference may have more.
    let pixels = buf.chunks(channels).map(|px| px[0]).collect();
    Grey {
        width: frame.width,
        height: frame.height,
        pixels,
    }
}

/// How two pages differ.
#[derive(Debug)]
struct Diff {
    /// Share of the page's pixels that differ; 1.0 if the sizes differ.
    page: f64,
    /// Differing pixels in the worst tile.
    worst_tile: usize,
}

impl Diff {
    fn changed(&self) -> bool {
        self.page > MAX_PAGE_DIFFERING || self.worst_tile > MAX_TILE_DIFFERING
    }
}

fn diff(a: &Grey, b: &Grey) -> Diff {
    if (a.width, a.height) != (b.width, b.height) {
        return Diff {
            page: 1.0,
            worst_tile: usize::MAX,
        };
    }
    let differs = |x: u32, y: u32| {
        let i = (y * a.width + x) as usize;
        a.pixels[i].abs_diff(b.pixels[i]) > PIXEL_THRESHOLD
    };
    let (mut total, mut worst_tile) = (0, 0);
    for ty in (0..a.height).step_by(TILE as usize) {
        for tx in (0..a.width).step_by(TILE as usize) {
            let tile = (ty..(ty + TILE).min(a.height))
                .flat_map(|y| (tx..(tx + TILE).min(a.width)).map(move |x| (x, y)))
                .filter(|&(x, y)| differs(x, y))
                .count();
            total += tile;
            worst_tile = worst_tile.max(tile);
        }
    }
    Diff {
        page: total as f64 / a.pixels.len() as f64,
        worst_tile,
    }
}

fn ink(g: &Grey) -> f64 {
    g.pixels.iter().filter(|&&p| p < 128).count() as f64 / g.pixels.len() as f64
}

fn render_page(doc: &LetterDoc) -> Vec<u8> {
    let pdf = render_pdf(doc, fonts()).expect("the Khmer letter renders");
    poppler::page_png(&pdf, 1, DPI)
}

/// Regenerate the reference with `ACCORD_UPDATE_REFERENCE=1 cargo test -p accord-pdf`, then
/// look at it before committing it: it is only worth what that review was worth.
#[test]
fn khmer_page_matches_the_reviewed_reference() {
    let actual_png = render_page(&load_doc("khmer-letter.json"));
    if std::env::var_os("ACCORD_UPDATE_REFERENCE").is_some() {
        std::fs::write(reference_path(), &actual_png).expect("write the reference");
    }
    let reference = decode(&std::fs::read(reference_path()).expect("the reference PNG exists"));
    let actual = decode(&actual_png);
    assert!(ink(&reference) > 0.01, "the reference page has text on it");
    let diff = diff(&reference, &actual);
    if diff.changed() {
        let kept = std::env::temp_dir().join("accord-khmer-letter-page1.png");
        std::fs::write(&kept, &actual_png).expect("keep the failing render");
        panic!(
            "the Khmer page differs from the reference: {:.4}% of the page (tolerance {:.4}%), \
             {} pixels in the worst {TILE}×{TILE} tile (tolerance {MAX_TILE_DIFFERING}); \
             the render is at {}",
            diff.page * 100.0,
            MAX_PAGE_DIFFERING * 100.0,
            diff.worst_tile,
            kept.display()
        );
    }
}

/// The comparison must be able to fail: the same letter with its coeng signs removed (so no
/// subscript consonants are formed) is a different page.
#[test]
fn the_page_comparison_sees_broken_clusters() {
    let mut doc = load_doc("khmer-letter.json");
    strip_coeng(&mut doc);
    let diff = diff_from_reference(&doc);
    assert!(
        diff.changed(),
        "a page without clusters passes as unchanged: {diff:?}"
    );
    assert!(
        diff.page > MAX_PAGE_DIFFERING,
        "the whole page changes: {diff:?}"
    );
}

/// And it must fail for one cluster: the closing line with one coeng removed ("សេចក្តី"
/// printed as "សេចកតី", the subscript ta becoming a full letter beside its base).
#[test]
fn one_broken_cluster_is_seen() {
    let mut doc = load_doc("khmer-letter.json");
    let closing = doc
        .closing
        .as_mut()
        .expect("the Khmer letter has a closing");
    assert!(closing.contains("ក្តី"));
    *closing = closing.replacen("ក្តី", "កតី", 1);
    let diff = diff_from_reference(&doc);
    assert!(
        diff.worst_tile > 2 * MAX_TILE_DIFFERING,
        "one broken cluster is too close to the tolerance: {diff:?}"
    );
}

fn diff_from_reference(doc: &LetterDoc) -> Diff {
    let page = decode(&render_page(doc));
    let reference = decode(&std::fs::read(reference_path()).expect("the reference PNG exists"));
    diff(&reference, &page)
}

#[test]
fn khmer_text_is_recoverable_and_tagged() {
    let doc = load_doc("khmer-letter.json");
    let pdf = render_pdf(&doc, fonts()).expect("the Khmer letter renders");
    let text: String = poppler::text(&pdf).split_whitespace().collect();
    // Phrases from regular (Khmer OS) text: Paris Peace Agreements, the right to take part,
    // the Secretary-General of the United Nations, a liberal democratic system, the closing.
    for phrase in [
        "កិច្ចព្រមព្រៀងសន្តិភាពទីក្រុងប៉ារីស",
        "សិទ្ធិចូលរួម",
        "អគ្គលេខាធិការអង្គការសហប្រជាជាតិ",
        "ប្រព័ន្ធប្រជាធិបតេយ្យសេរី",
        "ដោយសេចក្តីគោរព",
    ] {
        assert!(
            text.contains(phrase),
            "{phrase} is not recoverable from: {text}"
        );
    }
    assert_eq!(poppler::info_value(&pdf, "Title"), doc.title);
    assert!(pdf.windows(9).any(|w| w == b"/Lang(km)"));
}

/// The text a reader copies out of the PDF is the letter's text: every piece of it (title,
/// place and date, addressees, each paragraph with its note numbers, each note, closing,
/// signatories, copies) comes out exactly, character for character and space for space, and
/// nothing comes out twice — the Khmer characters extracted are exactly as many as the letter
/// has. The only liberty is where a line ends: lines break between Khmer words, where the
/// source has no space, or at a space, so a line break stands for nothing or for one space
/// (see `appears`). Before clusters cut across text items were joined (src/clusters.rs),
/// pdftotext gave "យើងខ្ញុំខ្ញុំខ្ញុំ" and "កម្ពុម្ពុជា"; before clusters were closed by an
/// empty glyph, it gave "ប៉ា រីស", "ឆ្នោ ត" and "សូ ម", a space inside a word.
#[test]
fn khmer_letter_extracts_as_its_source_text() {
    let doc = load_doc("khmer-letter.json");
    let pdf = render_pdf(&doc, fonts()).expect("the Khmer letter renders");
    // Both reading orders: the default (what copying from a viewer gives) and the content
    // stream's (`-raw`), where a span ending on a raised mark used to start a new line.
    for extracted in [poppler::text(&pdf), poppler::text_raw(&pdf)] {
        extracts_exactly(&doc, &extracted);
    }
}

fn extracts_exactly(doc: &LetterDoc, extracted: &str) {
    let pieces = source_pieces(doc);
    for piece in &pieces {
        assert!(
            appears(extracted, piece),
            "{piece:?} does not come out of the PDF as written; pdftotext gives:\n{extracted}"
        );
    }
    // Whole sentences a reader would copy or search for, among them the words pdftotext cut
    // in two before: Paris ("ប៉ារីស"), the election ("ការបោះឆ្នោត"), "we ask" ("សូម").
    for sentence in [
        "កម្ពុជានឹងអនុវត្តប្រព័ន្ធប្រជាធិបតេយ្យសេរី ផ្អែកលើពហុបក្ស។",
        "ការបោះឆ្នោតនឹងប្រព្រឹត្តទៅជាទៀងទាត់ និងដោយសេរី។",
        "យើងខ្ញុំសូមស្នើឱ្យមានការកោះប្រជុំសន្និសីទទីក្រុងប៉ារីសស្តីពីកម្ពុជាឡើងវិញ។",
    ] {
        assert!(
            appears(extracted, sentence),
            "{sentence:?} is not in:\n{extracted}"
        );
    }
    let khmer = |s: &str| {
        s.chars()
            .filter(|c| ('\u{1780}'..='\u{17FF}').contains(c))
            .count()
    };
    let source_khmer: usize = pieces.iter().map(|p| khmer(p)).sum();
    assert_eq!(
        khmer(extracted),
        source_khmer,
        "Khmer characters extracted against the letter's; pdftotext gives:\n{extracted}"
    );
}

/// The same checks fail on a text whose clusters are repeated or whose words are cut by a
/// space: the comparison is not blind to the defects it guards against.
#[test]
fn a_repeated_cluster_or_a_cut_word_fails_the_text_comparison() {
    let doc = load_doc("khmer-letter.json");
    let pieces = source_pieces(&doc);
    let text = pieces.join("\n");
    let sentence = "យើងខ្ញុំសូមស្នើឱ្យមានការកោះប្រជុំសន្និសីទទីក្រុងប៉ារីសស្តីពីកម្ពុជាឡើងវិញ។";
    assert!(appears(&text, sentence));
    // A line break may stand for the space the line broke at, or for nothing.
    assert!(appears("ស្តីពី\nកម្ពុជា និង\n\nសិទ្ធិ", "ស្តីពីកម្ពុជា និងសិទ្ធិ"));
    assert!(appears("ស្តីពី\nកម្ពុជា និង\n\nសិទ្ធិ", "ស្តីពីកម្ពុជា និង សិទ្ធិ"));
    for garbled in [
        sentence.replacen("យើងខ្ញុំ", "យើងខ្ញុំខ្ញុំខ្ញុំ", 1),
        sentence.replacen("ប៉ារីស", "ប៉ា រីស", 1),
        sentence.replacen("សូម", "សូ ម", 1),
        sentence.replacen("កម្ពុជា", "កម្ពុម្ពុជា", 1),
    ] {
        assert_ne!(garbled, sentence);
        assert!(!appears(&garbled, sentence), "{garbled}");
    }
}

/// Whether `piece` is in `extracted` exactly, except that a line end (one or more newlines,
/// after any spaces pdftotext leaves before it) may stand for nothing or for one space of
/// `piece`.
fn appears(extracted: &str, piece: &str) -> bool {
    let text: Vec<char> = extracted.chars().collect();
    let piece: Vec<char> = piece.chars().collect();
    let matches_at = |mut i: usize| {
        let mut j = 0;
        while let Some(&want) = piece.get(j) {
            let line_end = text[i..]
                .iter()
                .position(|c| *c != ' ')
                .is_some_and(|n| text[i + n] == '\n');
            if line_end {
                while text.get(i).is_some_and(|c| *c == ' ' || *c == '\n') {
                    i += 1;
                }
                if want == ' ' {
                    j += 1;
                }
            } else if text.get(i) == Some(&want) {
                i += 1;
                j += 1;
            } else {
                return false;
            }
        }
        true
    };
    piece.first().is_some_and(|first| {
        text.iter()
            .enumerate()
            .any(|(i, c)| c == first && matches_at(i))
    })
}

/// The letter's text, piece by piece as the page sets it apart; a paragraph carries its note
/// numbers where the notes are referenced (1, 2, 3 in order of first reference).
fn source_pieces(doc: &LetterDoc) -> Vec<String> {
    fn inlines(
        items: &[Inline],
        notes: &mut Vec<String>,
        out: &mut String,
        bodies: &mut Vec<String>,
    ) {
        for item in items {
            match item {
                Inline::Text(t) => out.push_str(t),
                Inline::Emph(b) | Inline::Strong(b) => inlines(b, notes, out, bodies),
                Inline::Link { text, .. } => inlines(text, notes, out, bodies),
                Inline::Footnote { id, content } => {
                    let number = match notes.iter().position(|n| n == id) {
                        Some(i) => i + 1,
                        None => {
                            notes.push(id.clone());
                            let mut body = String::new();
                            inlines(content, notes, &mut body, bodies);
                            bodies.push(body);
                            notes.len()
                        }
                    };
                    out.push_str(&number.to_string());
                }
            }
        }
    }
    fn blocks(
        items: &[Block],
        notes: &mut Vec<String>,
        out: &mut Vec<String>,
        bodies: &mut Vec<String>,
    ) {
        for item in items {
            match item {
                Block::Heading { text, .. } | Block::Paragraph(text) => {
                    let mut piece = String::new();
                    inlines(text, notes, &mut piece, bodies);
                    out.push(piece);
                }
                Block::Quote(b) => blocks(b, notes, out, bodies),
                Block::List { items, .. } => {
                    for i in items {
                        blocks(i, notes, out, bodies);
                    }
                }
            }
        }
    }
    let mut pieces = vec![doc.title.clone()];
    pieces.extend(doc.place_date.clone());
    pieces.extend(doc.addressees.iter().flatten().cloned());
    let (mut notes, mut bodies) = (Vec::new(), Vec::new());
    blocks(&doc.blocks, &mut notes, &mut pieces, &mut bodies);
    pieces.extend(bodies);
    pieces.extend(doc.closing.clone());
    pieces.extend(doc.signatories_heading.clone());
    pieces.extend(doc.signatories.iter().cloned());
    pieces.extend(doc.cc_heading.clone());
    pieces.extend(doc.cc.iter().cloned());
    pieces
}

fn strip_coeng(doc: &mut LetterDoc) {
    fn inlines(items: &mut [Inline]) {
        for item in items {
            match item {
                Inline::Text(t) => *t = t.replace('\u{17D2}', ""),
                Inline::Emph(b) | Inline::Strong(b) => inlines(b),
                Inline::Link { text, .. } => inlines(text),
                Inline::Footnote { content, .. } => inlines(content),
            }
        }
    }
    fn blocks(items: &mut [Block]) {
        for item in items {
            match item {
                Block::Heading { text, .. } | Block::Paragraph(text) => inlines(text),
                Block::Quote(b) => blocks(b),
                Block::List { items, .. } => items.iter_mut().for_each(|i| blocks(i)),
            }
        }
    }
    doc.title = doc.title.replace('\u{17D2}', "");
    blocks(&mut doc.blocks);
}
