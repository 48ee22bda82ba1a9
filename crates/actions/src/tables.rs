//! Importing the tables coalitions keep (ACLED, Uwazi, PA-X, spreadsheets) into a case.
//!
//! Rows are read and mapped on a thread of their own while the store writes the batches already
//! mapped, in one transaction: a million-row file is never held whole, and both cores work. By
//! default one bad row means nothing is written (the transaction is dropped; mapping goes on to
//! the end so that every problem is listed); `skip_bad` writes the good rows and hands the bad
//! ones back with what is wrong with each. A record keeps the id it has in the source, so the
//! same file imported again changes nothing, and a changed row is a new version of its record.

use std::sync::Arc;

use accord_store::{MergeCounts, RecordBatch};
use accord_tables::read::Rows;
use accord_tables::{Collector, Format, Mapping, Problem};

use crate::{ActionError, Actions};

/// Rows per batch sent to the store.
const BATCH_ROWS: usize = 5_000;

/// What to import into which case.
#[derive(Debug, Clone)]
pub struct TableImport {
    pub case: String,
    /// The title of a case created by the import.
    pub title: Option<String>,
    pub format: Format,
    pub mapping: Option<Mapping>,
    /// Count what would be created, updated and left alone; write nothing.
    pub dry_run: bool,
    /// Write the good rows and return the bad ones, instead of writing nothing.
    pub skip_bad: bool,
}

/// A row that was refused: its number, its cells and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub row: usize,
    pub cells: Vec<String>,
    pub problems: String,
}

/// What an import did (or, dry or refused, would have done).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableReport {
    pub headers: Vec<String>,
    pub counts: MergeCounts,
    pub problems: Vec<Problem>,
    pub bad_rows: Vec<BadRow>,
    /// Data rows read.
    pub rows: u64,
    /// Whether anything was written (false for a dry run and for a refused import).
    pub written: bool,
}

/// What the mapping thread sends: a batch, or the end with its problems and bad rows.
enum Mapped {
    Batch(RecordBatch),
    End {
        problems: Vec<Problem>,
        bad_rows: Vec<BadRow>,
        rows: u64,
    },
}

impl Actions {
    /// Import rows (with their header) into a case: see the module documentation. `progress`
    /// is called with how far reading has come ([`Rows::done`]) after each batch.
    pub async fn import_table(
        &self,
        request: &TableImport,
        headers: Vec<String>,
        rows: Box<dyn Rows>,
        progress: Arc<dyn Fn(u64) + Send + Sync>,
        by: &str,
    ) -> Result<TableReport, ActionError> {
        if !accord_core::validate::is_id(&request.case) {
            return Err(crate::invalid(
                "case",
                format!(
                    "{:?} is not an id: letters, digits, '.', '_' or '-'",
                    request.case
                ),
            ));
        }
        let mapper = match accord_tables::mapper(request.format, &headers, request.mapping.as_ref())
        {
            Ok(m) => m,
            Err(problems) => {
                return Ok(TableReport {
                    headers,
                    counts: MergeCounts::default(),
                    problems,
                    bad_rows: Vec::new(),
                    rows: 0,
                    written: false,
                });
            }
        };
        let id_column = match request.format {
            Format::Acled => "event_id_cnty",
            Format::Pax => "AgtId",
            Format::Uwazi => "title",
            Format::Table => request
                .mapping
                .as_ref()
                .and_then(|m| m.column("id").or_else(|| m.column("title")))
                .unwrap_or("id"),
        }
        .to_owned();
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Mapped>(4);
        let skip_bad = request.skip_bad;
        let reader = tokio::task::spawn_blocking(move || {
            map_rows(
                rows,
                mapper.as_ref(),
                &id_column,
                skip_bad,
                &tx,
                progress.as_ref(),
            );
        });

        let mut session = self
            .store
            .begin_merge(&request.case, request.title.as_deref(), request.dry_run, by)
            .await?;
        let mut incident_ids: Vec<String> = Vec::new();
        let mut refused = false;
        let mut end = None;
        while let Some(message) = rx.recv().await {
            match message {
                Mapped::Batch(batch) => {
                    if refused {
                        continue;
                    }
                    if self.search.is_some() {
                        incident_ids.extend(batch.incidents.iter().map(|i| i.id.clone()));
                    }
                    session.merge(&batch).await?;
                }
                Mapped::End {
                    problems,
                    bad_rows,
                    rows,
                } => {
                    refused = !problems.is_empty() && !request.skip_bad;
                    end = Some((problems, bad_rows, rows));
                }
            }
        }
        reader
            .await
            .map_err(|e| ActionError::Log(format!("reading the rows stopped: {e}")))?;
        let Some((problems, bad_rows, rows)) = end else {
            return Err(ActionError::Log("reading the rows stopped early".into()));
        };
        let refused = refused || (!problems.is_empty() && !request.skip_bad);
        let counts = session.counts();
        if refused || request.dry_run {
            // The transaction is rolled back: nothing at all is written.
            session.abandon().await?;
            return Ok(TableReport {
                headers,
                counts,
                problems,
                bad_rows,
                rows,
                written: false,
            });
        }
        let detail = format!(
            "{} import: {} created, {} updated, {} unchanged, {} rows refused",
            request.format.as_str(),
            counts.created.total(),
            counts.updated.total(),
            counts.unchanged,
            bad_rows.len()
        );
        let counts = session.finish(&detail).await?;
        for chunk in incident_ids.chunks(5_000) {
            self.reindex(&request.case, chunk).await?;
        }
        // A table may add or change actors, sources and instruments.
        self.reindex_records(&request.case, crate::search::RecordsChanged::Case)
            .await?;
        Ok(TableReport {
            headers,
            counts,
            problems,
            bad_rows,
            rows,
            written: true,
        })
    }
}

/// The mapping thread: read every row, map it, admit it across rows, send batches; at the end,
/// the problems and bad rows. Once a row is bad and bad rows are not skipped, no more batches
/// are sent (nothing will be written), but every row is still checked.
fn map_rows(
    mut rows: Box<dyn Rows>,
    mapper: &dyn accord_tables::RowMapper,
    id_column: &str,
    skip_bad: bool,
    tx: &tokio::sync::mpsc::Sender<Mapped>,
    progress: &(dyn Fn(u64) + Send + Sync),
) {
    let mut collector = Collector::new();
    let mut batch = RecordBatch::default();
    let mut in_batch = 0;
    let mut problems: Vec<Problem> = Vec::new();
    let mut bad_rows: Vec<BadRow> = Vec::new();
    let mut count: u64 = 0;
    while let Some(next) = rows.next_row() {
        count += 1;
        let (row, found) = match next {
            Ok((row, cells)) => {
                let mapped = mapper
                    .map(row, &cells)
                    .and_then(|r| collector.admit(row, id_column, r).map_err(|p| vec![p]));
                match mapped {
                    Ok(records) => {
                        batch.actors.extend(records.actors);
                        batch.sources.extend(records.sources);
                        batch.incidents.extend(records.incident);
                        batch.instruments.extend(records.instrument);
                        in_batch += 1;
                        (row, None)
                    }
                    Err(found) => (
                        row,
                        Some((found, cells.iter().map(|c| (*c).to_owned()).collect())),
                    ),
                }
            }
            Err(p) => (p.row, Some((vec![p], Vec::new()))),
        };
        if let Some((found, cells)) = found {
            bad_rows.push(BadRow {
                row,
                cells,
                problems: found
                    .iter()
                    .map(|p| {
                        if p.column.is_empty() {
                            p.message.clone()
                        } else {
                            format!("{}: {}", p.column, p.message)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            });
            problems.extend(found);
        }
        if in_batch >= BATCH_ROWS {
            let full = std::mem::take(&mut batch);
            in_batch = 0;
            progress(rows.done());
            if (skip_bad || problems.is_empty()) && tx.blocking_send(Mapped::Batch(full)).is_err() {
                return;
            }
        }
    }
    if in_batch > 0 && (skip_bad || problems.is_empty()) {
        let _ = tx.blocking_send(Mapped::Batch(batch));
    }
    progress(rows.done());
    let _ = tx.blocking_send(Mapped::End {
        problems,
        bad_rows,
        rows: count,
    });
}
