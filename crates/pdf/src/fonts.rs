//! Font discovery, done once per process: Latin comes from the fonts built into `typst-assets`
//! so a letter in English needs nothing installed, Khmer (and anything else) from font files
//! found on a configurable path, read lazily so that scanning a large folder stays cheap.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo, is_default_ignorable};
use typst::utils::LazyHash;

use crate::PdfError;

/// Family used for Latin text; built into the binary through `typst-assets`.
pub(crate) const LATIN_FAMILY: &str = "Libertinus Serif";
/// Khmer families for regular text, in order of preference. Khmer OS comes first (the reviewed
/// reference pages are set in it). The repeated and split clusters `pdftotext` once read from
/// either font came from typst cutting clusters across text items, which `clusters.rs` repairs.
pub(crate) const KHMER_FAMILIES: [&str; 2] = ["Khmer OS", "Noto Serif Khmer"];
/// Khmer families for bold text: Khmer OS has no bold face, Noto Serif Khmer has one.
pub(crate) const KHMER_BOLD_FAMILIES: [&str; 2] = ["Noto Serif Khmer", "Khmer OS"];

/// How many folder levels below a path are searched. Symbolic links are followed, so a link
/// cycle would otherwise hang the scan.
const MAX_DEPTH: usize = 8;

/// The fonts a render may use: loaded once (the scan reads every font file on the path) and
/// shared by every render, across threads.
pub struct Fonts {
    book: LazyHash<FontBook>,
    slots: Vec<FontSlot>,
    searched: Vec<PathBuf>,
}

/// One face of one font file. File fonts are parsed for their metadata at load time, but their
/// data is read again and kept only when a render first uses them.
struct FontSlot {
    source: FontSource,
    index: u32,
    font: OnceLock<Option<Font>>,
}

enum FontSource {
    Embedded,
    File(PathBuf),
}

impl Fonts {
    /// The default font path: `/usr/share/fonts`, where Debian installs Noto Serif Khmer
    /// (`fonts-noto-core`) and Khmer OS (`fonts-khmeros`); the rest of the folder serves as
    /// fallback for characters the preferred fonts lack.
    pub fn default_paths() -> Vec<PathBuf> {
        vec![PathBuf::from("/usr/share/fonts")]
    }

    /// Loads the built-in Latin fonts and every TrueType/OpenType font found in `paths`
    /// (files, or folders searched recursively).
    ///
    /// A path that does not exist is skipped (it is still named in a missing-font error), so
    /// that the default path works on a machine without the font packages. A path that exists
    /// but cannot be read is an error, and so is a file named directly that is not a font;
    /// inside a folder, files that are not fonts are skipped.
    pub fn load(paths: &[PathBuf]) -> Result<Fonts, PdfError> {
        let mut fonts = Fonts {
            book: LazyHash::new(FontBook::new()),
            slots: Vec::new(),
            searched: paths.to_vec(),
        };
        let mut book = FontBook::new();
        for data in typst_assets::fonts() {
            for font in Font::iter(Bytes::new(data)) {
                book.push(font.info().clone());
                fonts.slots.push(FontSlot {
                    source: FontSource::Embedded,
                    index: font.index(),
                    font: OnceLock::from(Some(font)),
                });
            }
        }
        for path in paths {
            match std::fs::metadata(path) {
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(PdfError::FontPath {
                        path: path.clone(),
                        source,
                    });
                }
                Ok(meta) if meta.is_dir() => scan_dir(path, 0, &mut book, &mut fonts.slots)?,
                Ok(_) => {
                    let data = std::fs::read(path).map_err(|source| PdfError::FontPath {
                        path: path.clone(),
                        source,
                    })?;
                    if !add_file(path, &data, &mut book, &mut fonts.slots) {
                        return Err(PdfError::NotAFont { path: path.clone() });
                    }
                }
            }
        }
        fonts.book = LazyHash::new(book);
        Ok(fonts)
    }

    /// The paths that were searched, as given to [`Fonts::load`].
    pub fn searched(&self) -> &[PathBuf] {
        &self.searched
    }

    /// Family names of every loaded face, each once, sorted case-insensitively.
    pub fn families(&self) -> Vec<String> {
        // The book keys families by lower-cased name, so each appears once, sorted.
        self.book
            .families()
            .map(|(name, _)| name.to_owned())
            .collect()
    }

    pub(crate) fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    /// The face at `index` in the book, read from disk on first use.
    pub(crate) fn font(&self, index: usize) -> Option<Font> {
        let slot = self.slots.get(index)?;
        slot.font
            .get_or_init(|| match &slot.source {
                // Embedded faces are stored loaded; this arm is never reached.
                FontSource::Embedded => None,
                FontSource::File(path) => {
                    let data = std::fs::read(path).ok()?;
                    Font::new(Bytes::new(data), slot.index)
                }
            })
            .clone()
    }

    /// Whether some family with this name is loaded (typst compares family names
    /// case-insensitively).
    pub(crate) fn has_family(&self, family: &str) -> bool {
        self.book.contains_family(&family.to_lowercase())
    }

    /// Checks that every visible character of `text` is covered by some loaded face, so that a
    /// render never prints boxes in place of letters.
    pub(crate) fn check_coverage<'a>(
        &self,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), PdfError> {
        let mut missing = String::new();
        let mut seen = std::collections::HashSet::new();
        for text in texts {
            for c in text.chars() {
                if c.is_whitespace() || c.is_control() || is_default_ignorable(c) {
                    continue;
                }
                if seen.insert(c) && !self.covers(c) {
                    missing.push(c);
                }
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        let khmer: String = missing.chars().filter(|&c| is_khmer(c)).take(20).collect();
        if !khmer.is_empty() {
            return Err(PdfError::KhmerFontMissing {
                sample: khmer,
                searched: self.searched.clone(),
            });
        }
        Err(PdfError::MissingGlyphs {
            chars: missing.chars().take(20).collect(),
            searched: self.searched.clone(),
        })
    }

    fn covers(&self, c: char) -> bool {
        let mut index = 0;
        while let Some(info) = self.book.info(index) {
            if info.coverage.contains(u32::from(c)) {
                return true;
            }
            index += 1;
        }
        false
    }
}

impl fmt::Debug for Fonts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fonts")
            .field("faces", &self.slots.len())
            .field("families", &self.families())
            .field("searched", &self.searched)
            .finish()
    }
}

/// Khmer and Khmer Symbols blocks.
pub(crate) fn is_khmer(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17FF}' | '\u{19E0}'..='\u{19FF}')
}

fn scan_dir(
    dir: &Path,
    depth: usize,
    book: &mut FontBook,
    slots: &mut Vec<FontSlot>,
) -> Result<(), PdfError> {
    let entries = std::fs::read_dir(dir).map_err(|source| PdfError::FontPath {
        path: dir.to_owned(),
        source,
    })?;
    // Sorted, so that the book (and hence fallback choices) does not depend on the order in
    // which the file system lists a folder.
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        // A dangling link or an unreadable entry inside a folder is skipped, not fatal: font
        // folders are shared with other programs and need not be tidy.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if depth < MAX_DEPTH {
                scan_dir(&path, depth + 1, book, slots)?;
            }
        } else if has_font_extension(&path)
            && let Ok(data) = std::fs::read(&path)
        {
            add_file(&path, &data, book, slots);
        }
    }
    Ok(())
}

fn has_font_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "ttf" | "otf" | "ttc" | "otc"
        )
    })
}

/// Adds every face of a font file; returns whether there was at least one.
fn add_file(path: &Path, data: &[u8], book: &mut FontBook, slots: &mut Vec<FontSlot>) -> bool {
    let mut added = false;
    // Collections hold several faces; a face that does not parse is skipped but keeps its
    // index, which is what `Font::new` needs later.
    let count = if data.starts_with(b"ttcf") {
        data.get(8..12)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(1, u32::from_be_bytes)
    } else {
        1
    };
    for index in 0..count.min(256) {
        if let Some(info) = FontInfo::new(data, index) {
            book.push(info);
            slots.push(FontSlot {
                source: FontSource::File(path.to_owned()),
                index,
                font: OnceLock::new(),
            });
            added = true;
        }
    }
    added
}
