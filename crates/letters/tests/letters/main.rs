//! The letters tests, as one test binary (one link of typst instead of one per file):
//! composition and notes, sign-on states, the reference letter in all three formats, a Khmer
//! letter through the whole pipeline, and user text that must never become markup.

// clippy.toml allows these in `#[test]` functions only; the helpers here fail a test with a
// message in the same way.
#![expect(
    clippy::expect_used,
    reason = "test helpers fail the test with a message, like the tests themselves"
)]

mod compose;
mod injection;
mod khmer;
mod limits;
mod poppler;
mod reference;
mod signon;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use accord_core::ValidCase;
use accord_core::bundle::{self, BundleFile};
use accord_pdf::Fonts;

/// The fonts every PDF test shares: the default path, which the test command fills by
/// installing `fonts-noto-core` and `fonts-khmeros`.
pub fn fonts() -> &'static Fonts {
    static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
        Fonts::load(&Fonts::default_paths()).expect("the default font path loads")
    });
    &FONTS
}

pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The reference case, from the repository's `data/cases/cambodia-2017`.
pub fn reference_case() -> &'static ValidCase {
    static CASE: LazyLock<ValidCase> =
        LazyLock::new(|| read_bundle(&crate_dir().join("../../data/cases/cambodia-2017")));
    &CASE
}

pub const REFERENCE_LETTER: &str = "2017-10-23-reconvene-paris-conference";

/// Reads a bundle directory (what `accord import` does, without the store).
pub fn read_bundle(root: &Path) -> ValidCase {
    let mut files = Vec::new();
    collect(root, root, &mut files);
    bundle::read(&files).unwrap_or_else(|e| panic!("{} is a valid bundle: {e}", root.display()))
}

/// Reads bundle files from memory: `(path, contents)` pairs.
pub fn bundle_from(files: &[(&str, &str)]) -> ValidCase {
    let files: Vec<BundleFile> = files
        .iter()
        .map(|(path, contents)| BundleFile {
            path: (*path).to_owned(),
            contents: (*contents).to_owned(),
        })
        .collect();
    bundle::read(&files).unwrap_or_else(|e| panic!("the test bundle is valid: {e}"))
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<BundleFile>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("bundle directory is readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else if !path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            let rel = path.strip_prefix(root).expect("inside the bundle");
            out.push(BundleFile {
                path: rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/"),
                contents: std::fs::read_to_string(&path).expect("bundle file is UTF-8"),
            });
        }
    }
}

/// Collapses every run of whitespace to one space, and joins a word broken after a hyphen at a
/// line end; pdftotext starts each page with a form feed, which goes too.
pub fn normalize(text: &str) -> String {
    let joined = text.replace('\u{c}', "").replace("-\n", "-");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}
