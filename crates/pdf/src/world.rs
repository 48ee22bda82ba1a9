//! The smallest typst `World` that can print a letter: two virtual files (the template and the
//! letter as JSON), the shared fonts, and no file system, packages or clock, so a render cannot
//! read anything the caller did not hand it and always gives the same bytes.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::{Fonts, PdfError};

/// The template, compiled into the crate so that it cannot drift from the code that feeds it.
const TEMPLATE: &str = include_str!("letter.typ");
/// Where the template reads the letter from; it must match the `json(..)` call in the template.
const DATA_PATH: &str = "/letter.json";
const MAIN_PATH: &str = "/letter.typ";

/// The typst standard library, built once per process. It is immutable and independent of any
/// letter; building and hashing it again for every render would cost time and defeat typst's
/// memoisation, which is keyed by its hash.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

pub(crate) struct LetterWorld<'a> {
    fonts: &'a Fonts,
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl<'a> LetterWorld<'a> {
    pub(crate) fn new(fonts: &'a Fonts, data: Vec<u8>) -> Result<LetterWorld<'a>, PdfError> {
        Ok(LetterWorld {
            fonts,
            main: Source::new(file_id(MAIN_PATH)?, TEMPLATE.to_owned()),
            data_id: file_id(DATA_PATH)?,
            data: Bytes::new(data),
        })
    }
}

/// Interned ids: the same path gives the same id on every render, so the interner (which
/// never frees) does not grow with the number of letters printed.
fn file_id(path: &str) -> Result<FileId, PdfError> {
    let vpath = VirtualPath::new(path).map_err(|err| PdfError::Typeset {
        message: format!("invalid virtual path {path}: {err}"),
    })?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl World for LetterWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    /// No clock: the template sets no date, and a render must not depend on when it runs.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
