//! The thin reading layer: CSV (with `csv`) and XLSX (with `calamine`) into a header and rows of
//! text cells.
//!
//! Nothing here opens a file: the caller hands over a reader or bytes. CSV is read a row at a
//! time (a million-row ACLED export is never held whole); an XLSX workbook is a zip archive read
//! whole by calamine, so it is read into a [`Table`].

use std::io::Read;

use crate::{Problem, clean_headers};

/// Why a file could not be read as a table at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a CSV file: {0}")]
    Csv(String),
    #[error("not an XLSX workbook: {0}")]
    Xlsx(String),
    #[error("the workbook has no sheet {0:?}")]
    NoSheet(String),
    #[error("the file is empty: the first row names the columns")]
    Empty,
}

/// A CSV file read a row at a time.
#[derive(Debug)]
pub struct CsvRows<R: Read> {
    reader: csv::Reader<R>,
    record: csv::StringRecord,
    /// The row number of the last row read (the header is row 1).
    row: usize,
}

/// Open a CSV for reading: its header (cleaned of a byte-order mark and spaces) and its rows.
pub fn csv<R: Read>(input: R) -> Result<(Vec<String>, CsvRows<R>), ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| ReadError::Csv(e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(ReadError::Empty);
    }
    Ok((
        clean_headers(&headers),
        CsvRows {
            reader,
            record: csv::StringRecord::new(),
            row: 1,
        },
    ))
}

impl<R: Read> CsvRows<R> {
    /// The next row, with its number: `None` at the end; a row that cannot be read (bad UTF-8,
    /// a broken quote) is a problem of that row, and reading goes on with the next.
    pub fn next_row(&mut self) -> Option<Result<(usize, Vec<&str>), Problem>> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                self.row += 1;
                Some(Ok((self.row, self.record.iter().collect())))
            }
            Err(e) => {
                self.row += 1;
                let row = e
                    .position()
                    .and_then(|p| usize::try_from(p.record()).ok())
                    .map_or(self.row, |r| r + 1);
                let message = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => {
                        "the row is not UTF-8 text: save the file as UTF-8".to_owned()
                    }
                    _ => format!("the row cannot be read: {e}"),
                };
                Some(Err(Problem::new(row, "", "", message)))
            }
        }
    }

    /// How many bytes have been read so far (for a progress bar).
    pub fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }
}

/// Rows to import, one at a time, with their numbers (the header is row 1): a CSV read as it
/// goes, or a table read whole.
pub trait Rows: Send {
    /// The next row; `None` at the end; a row that cannot be read is a problem of that row.
    fn next_row(&mut self) -> Option<Result<(usize, Vec<&str>), Problem>>;
    /// How far reading has come, in bytes for a CSV, in rows for a table (for a progress bar).
    fn done(&self) -> u64;
}

impl<R: Read + Send> Rows for CsvRows<R> {
    fn next_row(&mut self) -> Option<Result<(usize, Vec<&str>), Problem>> {
        CsvRows::next_row(self)
    }
    fn done(&self) -> u64 {
        self.bytes_read()
    }
}

/// A table's rows, as [`Rows`].
#[derive(Debug)]
pub struct TableRows {
    table: Table,
    next: usize,
}

impl TableRows {
    pub fn new(table: Table) -> TableRows {
        TableRows { table, next: 0 }
    }
}

impl Rows for TableRows {
    fn next_row(&mut self) -> Option<Result<(usize, Vec<&str>), Problem>> {
        let row = self.table.rows.get(self.next)?;
        self.next += 1;
        Some(Ok((
            self.next + 1,
            row.iter().map(String::as_str).collect(),
        )))
    }
    fn done(&self) -> u64 {
        u64::try_from(self.next).unwrap_or(u64::MAX)
    }
}

/// A table read whole: its header and rows (row `i` of `rows` is row `i + 2` of the file).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Read a whole CSV into a table (for previews and small files), with the rows that could not
/// be read as problems.
pub fn csv_table(bytes: &[u8]) -> Result<(Table, Vec<Problem>), ReadError> {
    let (headers, mut rows) = csv(bytes)?;
    let mut table = Table {
        headers,
        rows: Vec::new(),
    };
    let mut problems = Vec::new();
    while let Some(r) = rows.next_row() {
        match r {
            Ok((_, cells)) => table
                .rows
                .push(cells.into_iter().map(str::to_owned).collect()),
            Err(p) => {
                problems.push(p);
                table.rows.push(Vec::new());
            }
        }
    }
    Ok((table, problems))
}

/// The sheet of an XLSX workbook (`sheet`, or the first) as a table: numbers as written
/// (`3`, not `3.0`), dates as `YYYY-MM-DD`.
pub fn xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Table, ReadError> {
    use calamine::Reader as _;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ReadError::Xlsx(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| ReadError::NoSheet(s.to_owned()))?,
        None => names.first().cloned().ok_or(ReadError::Empty)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| ReadError::Xlsx(e.to_string()))?;
    let mut rows = range.rows().map(|r| r.iter().map(text).collect::<Vec<_>>());
    let headers = rows.next().ok_or(ReadError::Empty)?;
    Ok(Table {
        headers: clean_headers(&headers),
        rows: rows.collect(),
    })
}

/// A cell as text.
fn text(data: &calamine::Data) -> String {
    use calamine::Data;
    match data {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float(*f),
        Data::DateTime(d) => excel_day(d.as_f64()).unwrap_or_else(|| float(d.as_f64())),
    }
}

fn float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// An Excel date serial (days since 1899-12-30) as `YYYY-MM-DD`.
fn excel_day(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return None;
    }
    // 25,569 days from 1899-12-30 to 1970-01-01.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "checked to be in range above"
    )]
    let days = serial.floor() as i64 - 25_569;
    accord_core::Day::from_days_since_epoch(days).map(|d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_a_byte_order_mark_and_short_rows() {
        let bytes = "\u{feff}event_id_cnty,notes\nKHM1,ការចាប់ខ្លួន\nKHM2\n".as_bytes();
        let (table, problems) = csv_table(bytes).unwrap_or_default();
        assert!(problems.is_empty());
        assert_eq!(table.headers, vec!["event_id_cnty", "notes"]);
        assert_eq!(table.rows[0], vec!["KHM1", "ការចាប់ខ្លួន"]);
        assert_eq!(table.rows[1], vec!["KHM2"]);
    }

    #[test]
    fn a_row_that_is_not_utf8_is_a_problem_of_that_row() {
        let mut bytes = b"a,b\n1,2\n3,".to_vec();
        bytes.extend([0xff, 0xfe, b'\n']);
        bytes.extend(b"5,6\n");
        let (table, problems) = csv_table(&bytes).unwrap_or_default();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].row, 3);
        assert_eq!(table.rows.len(), 3);
    }

    #[test]
    fn excel_serials_are_days() {
        assert_eq!(excel_day(43031.0).as_deref(), Some("2017-10-23"));
        assert_eq!(excel_day(f64::NAN), None);
    }
}
