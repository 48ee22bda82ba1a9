#![doc = include_str!("../README.md")]

pub mod acled;
mod collect;
pub mod dates;
pub mod export;
pub mod extras;
pub mod ids;
pub mod mapping;
pub mod pax;
pub mod read;
pub mod spreadsheet;
pub mod uwazi;

use accord_core::{Actor, Incident, Instrument, Source};

pub use collect::Collector;
pub use mapping::Mapping;

/// The formats `accord import FILE --format` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// ACLED's CSV exports (the current codebook, the older export, monadic exports).
    Acled,
    /// Uwazi's CSV (import and export).
    Uwazi,
    /// The PA-X peace agreements database's agreements CSV.
    Pax,
    /// A spreadsheet (CSV or XLSX) with a mapping file.
    Table,
}

impl Format {
    pub const NAMES: [(Format, &'static str); 4] = [
        (Format::Acled, "acled"),
        (Format::Uwazi, "uwazi"),
        (Format::Pax, "pax"),
        (Format::Table, "table"),
    ];

    pub fn as_str(self) -> &'static str {
        Format::NAMES
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |(_, n)| n)
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::NAMES
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(name))
            .map(|(f, _)| *f)
    }
}

/// One thing wrong with the input: the row (the header is row 1, the first data row row 2), the
/// column, the value found and what is wrong with it. Row 0 is the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("row {row}, column {column:?}: {message} (value {value:?})")]
pub struct Problem {
    pub row: usize,
    pub column: String,
    pub value: String,
    pub message: String,
}

impl Problem {
    pub fn new(
        row: usize,
        column: impl Into<String>,
        value: impl Into<String>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            row,
            column: column.into(),
            value: value.into(),
            message: message.into(),
        }
    }
}

/// What one row becomes: at most one incident or instrument, and the actors and sources it names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowRecords {
    pub incident: Option<Incident>,
    pub instrument: Option<Instrument>,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
}

/// A format's mapper: built once from the header (refusing a header it cannot use), then asked
/// for each row.
pub trait RowMapper: Send + Sync + std::fmt::Debug {
    /// The records of one row (`row` is its number, the header being row 1), or every problem
    /// the row has.
    fn map(&self, row: usize, cells: &[&str]) -> Result<RowRecords, Vec<Problem>>;
}

/// The mapper of a format for a header. `mapping` is the mapping file, required by
/// [`Format::Table`] and read by the others for what they let it say (a day order, the PA-X
/// agreements that are a case's instruments).
pub fn mapper(
    format: Format,
    headers: &[String],
    mapping: Option<&Mapping>,
) -> Result<Box<dyn RowMapper>, Vec<Problem>> {
    let default = Mapping::default();
    let mapping = mapping.unwrap_or(&default);
    match format {
        Format::Acled => Ok(Box::new(acled::AcledMapper::new(headers)?)),
        Format::Uwazi => Ok(Box::new(uwazi::UwaziMapper::new(headers, mapping)?)),
        Format::Pax => Ok(Box::new(pax::PaxMapper::new(headers, mapping)?)),
        Format::Table => Ok(Box::new(spreadsheet::TableMapper::new(headers, mapping)?)),
    }
}

/// Headers as found in a file: a UTF-8 byte-order mark before the first and the spaces around
/// each are not part of the names.
pub fn clean_headers(headers: &[String]) -> Vec<String> {
    headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = if i == 0 {
                h.trim_start_matches('\u{feff}')
            } else {
                h
            };
            h.trim().to_owned()
        })
        .collect()
}

/// Where each named column is, found by name whatever its letter case.
#[derive(Debug, Clone)]
pub(crate) struct Columns {
    names: Vec<String>,
}

impl Columns {
    pub(crate) fn new(headers: &[String]) -> Columns {
        Columns {
            names: clean_headers(headers),
        }
    }

    /// The index of the column named `name` (ignoring letter case).
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The index of the first of these columns present.
    pub(crate) fn find_any(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.find(n))
    }

    pub(crate) fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }
}

/// The trimmed text of a cell (an absent cell, in a short row, is empty).
pub(crate) fn cell<'a>(cells: &[&'a str], i: Option<usize>) -> &'a str {
    i.and_then(|i| cells.get(i)).map_or("", |c| c.trim())
}

/// Split a multi-valued cell on `sep`, trimming each value and dropping empty ones.
pub(crate) fn split_values(text: &str, sep: char) -> Vec<String> {
    text.split(sep)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}
