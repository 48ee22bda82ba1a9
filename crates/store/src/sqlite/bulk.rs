//! The bulk path: imports of a hundred thousand records and more, in one transaction.
//!
//! The single-record path sends one statement per row, and each statement crosses to the SQLite
//! driver's worker thread and back (about 17 `futex` calls per record in `strace -c`); an import
//! of 135,000 records spent most of its time there. Here rows go many to a statement (as many as
//! SQLite's limit on bound parameters allows, at most [`MAX_ROWS`]), log entries and record
//! versions too, and the latest version of every record of the case is read once instead of once
//! per record.
//!
//! Restricted records still go through `rows`' encoders and `LogWriter::version`, so they
//! are sealed exactly as a single write seals them; only records in the clear take the bulk
//! statements here.

use std::collections::HashMap;
use std::sync::Arc;

use accord_core::{Actor, Incident, Instrument, Named, Source, ValidCase};
use serde_json::{Value, json};
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use super::log::{LogWriter, seq_i64};
use super::rows;
use super::sealing::{Keys, seals};
use crate::codec::{date, list};
use crate::log::LogEntry;
use crate::record::{RecordBody, RecordKind};
use crate::{MergeCounts, RecordBatch, StoreError};

/// Bound parameters per statement: below SQLite's `SQLITE_MAX_VARIABLE_NUMBER` (32,766).
const MAX_PARAMS: usize = 32_000;
/// Rows per statement: more saves little and makes statements slower to prepare.
const MAX_ROWS: usize = 1_000;

/// SQLite's page cache while a bulk write runs, in KiB (`PRAGMA cache_size` takes a negative
/// number as KiB): a write of a million rows touches more pages than the default 2 MiB holds,
/// and each page pushed out is written to the WAL and read back. 64 MiB: the import of a
/// million incidents took 63.3 s with it against 61.4 s with 256 MiB, and 200 MB less memory
/// (bench/RESULTS.md), the case itself being most of what an import holds.
pub(crate) const BULK_CACHE_KIB: i64 = 64 * 1024;
/// SQLite's default page cache (2 MiB), given back after a bulk write.
pub(crate) const DEFAULT_CACHE_KIB: i64 = 2_000;

/// Give the connection a bigger page cache for a bulk write (and the default back after). While
/// it is big, statement journals are kept in memory too: a statement that inserts a thousand
/// rows inside a transaction journals the pages it changes (so that it can be undone alone), and
/// in a temporary file that was a third of the import's time, in the kernel.
pub(crate) async fn set_cache(tx: &mut SqliteConnection, kib: i64) -> Result<(), StoreError> {
    let temp_store = if kib > DEFAULT_CACHE_KIB {
        "MEMORY"
    } else {
        "DEFAULT"
    };
    sqlx::query(&format!("PRAGMA cache_size = -{kib}"))
        .execute(&mut *tx)
        .await?;
    sqlx::query(&format!("PRAGMA temp_store = {temp_store}"))
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The tables a bulk write fills whose secondary indexes (those not behind a primary key) it may
/// drop while it writes and build again before it commits, in the same transaction: keeping an
/// index costs a B-tree descent per row, building it sorts the rows once. A failed write rolls
/// the drop back with everything else.
const DEFERRABLE: &[&str] = &[
    "actors",
    "sources",
    "incidents",
    "incident_actors",
    "incident_themes",
    "findings",
    "finding_incidents",
    "log_entries",
    "record_versions",
];

/// Below this many log entries (about one per record version in the instance) the indexes are
/// always deferred: building them again takes well under a second.
const DEFER_BELOW: i64 = 200_000;

/// The indexes a bulk write dropped, with the statements that build them again.
#[derive(Debug, Default)]
pub(crate) struct Deferred(Vec<String>);

/// Drop the secondary indexes of [`DEFERRABLE`] when the instance is small or the write brings
/// at least as many records as it holds (`incoming`: 0 when not known in advance).
pub(crate) async fn defer_indexes(
    tx: &mut SqliteConnection,
    incoming: usize,
) -> Result<Deferred, StoreError> {
    let existing: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM log_entries")
        .fetch_one(&mut *tx)
        .await?;
    let incoming = i64::try_from(incoming).unwrap_or(i64::MAX);
    if existing >= DEFER_BELOW && incoming < existing {
        return Ok(Deferred::default());
    }
    let mut q = QueryBuilder::<Sqlite>::new(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
         AND tbl_name IN (",
    );
    let mut names = q.separated(", ");
    for t in DEFERRABLE {
        names.push_bind(*t);
    }
    q.push(") ORDER BY name");
    let rows = q.build().fetch_all(&mut *tx).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let name: String = r.get("name");
        let sql: String = r.get("sql");
        sqlx::query(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))
            .execute(&mut *tx)
            .await?;
        out.push(sql);
    }
    Ok(Deferred(out))
}

/// Build the deferred indexes again (before the transaction commits). Temporary files go back
/// to disk first: each index is built by a sort whose runs spill to temporary files, and with
/// `temp_store = MEMORY` (set for a bulk write's statement journals, see [`set_cache`]) those
/// runs were held in memory, the import's peak (bench/RESULTS.md, "Imports").
pub(crate) async fn restore_indexes(
    tx: &mut SqliteConnection,
    deferred: Deferred,
) -> Result<(), StoreError> {
    if !deferred.0.is_empty() {
        sqlx::query("PRAGMA temp_store = DEFAULT")
            .execute(&mut *tx)
            .await?;
    }
    for sql in deferred.0 {
        sqlx::query(&sql).execute(&mut *tx).await?;
    }
    Ok(())
}

fn chunk_rows(columns: usize) -> usize {
    (MAX_PARAMS / columns).clamp(1, MAX_ROWS)
}

fn usize_pos(p: i64) -> usize {
    usize::try_from(p).unwrap_or(0)
}

/// The last version of every record of a case: (kind, id) → (version, SHA-256; `None` when
/// the last version is a removal).
pub(crate) type Latest = HashMap<(RecordKind, String), (u32, Option<String>)>;

pub(crate) async fn latest(tx: &mut SqliteConnection, case: &str) -> Result<Latest, StoreError> {
    // SQLite gives the bare column `sha256` from the row that holds the MAX.
    let rows = sqlx::query(
        "SELECT kind, record_id, MAX(version) AS version, sha256 FROM record_versions
         WHERE case_id = ? GROUP BY kind, record_id",
    )
    .bind(case)
    .fetch_all(&mut *tx)
    .await?;
    let mut out = HashMap::with_capacity(rows.len());
    for r in rows {
        let kind: String = r.get("kind");
        let Some(kind) = RecordKind::from_name(&kind) else {
            continue;
        };
        out.insert(
            (kind, r.get("record_id")),
            (
                u32::try_from(r.get::<i64, _>("version")).unwrap_or(0),
                r.get("sha256"),
            ),
        );
    }
    Ok(out)
}

// --- Rows ---------------------------------------------------------------------------------------

/// Insert incidents (with their actors and themes) at the positions given. Restricted ones go
/// through `rows::insert_incident`, which seals them.
pub(crate) async fn insert_incidents(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &str,
    items: &[(i64, &Incident)],
) -> Result<(), StoreError> {
    let mut clear = Vec::with_capacity(items.len());
    for (p, inc) in items {
        if seals(keys, inc.sensitivity) {
            rows::insert_incident(tx, keys, case, usize_pos(*p), inc).await?;
        } else {
            clear.push((*p, *inc));
        }
    }
    // In id order, rows land next to each other in the indexes keyed by id (a file's order is
    // not theirs: KHM10 sorts before KHM2), so fewer pages are touched.
    clear.sort_unstable_by(|a, b| a.1.id.cmp(&b.1.id));
    // A group of incidents at a time, each followed by its actor and theme rows: collected for
    // all the incidents at once, those rows' tuples were about 300 MB for a million incidents,
    // on top of the case, and the import's peak memory (bench/RESULTS.md, "Imports").
    for group in clear.chunks(INCIDENT_GROUP) {
        insert_incident_group(tx, case, group).await?;
    }
    Ok(())
}

/// Incidents stored per group by [`insert_incidents`] (with their actors and themes).
const INCIDENT_GROUP: usize = 20_000;

/// Insert a group of incidents in the clear with their actor and theme rows.
async fn insert_incident_group(
    tx: &mut SqliteConnection,
    case: &str,
    clear: &[(i64, &Incident)],
) -> Result<(), StoreError> {
    for chunk in clear.chunks(chunk_rows(14)) {
        let encoded: Vec<(String, String, String, String)> = chunk
            .iter()
            .map(|(_, inc)| {
                let evidence: Vec<Value> = inc
                    .evidence
                    .iter()
                    .map(
                        |e| json!({"sha256": e.sha256, "name": e.name, "media_type": e.media_type}),
                    )
                    .collect();
                (
                    inc.date.to_string(),
                    list(&inc.sources),
                    Value::from(evidence).to_string(),
                    list(&inc.restricted_to),
                )
            })
            .collect();
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO incidents (case_id, id, position, date, date_start, date_end, title, kind,
                summary, place, sources, evidence, sensitivity, restricted_to) ",
        );
        q.push_values(chunk.iter().zip(&encoded), |mut b, ((p, inc), e)| {
            b.push_bind(case)
                .push_bind(&inc.id)
                .push_bind(*p)
                .push_bind(&e.0)
                .push_bind(inc.date.earliest().days_since_epoch())
                .push_bind(inc.date.latest().map(accord_core::Day::days_since_epoch))
                .push_bind(&inc.title)
                .push_bind(inc.kind.as_str())
                .push_bind(&inc.summary)
                .push_bind(&inc.place)
                .push_bind(&e.1)
                .push_bind(&e.2)
                .push_bind(inc.sensitivity.as_str())
                .push_bind(&e.3);
        });
        q.build().execute(&mut *tx).await?;
    }
    let actors: Vec<(&str, i64, &str, &str)> = clear
        .iter()
        .flat_map(|(_, inc)| {
            inc.actors.iter().enumerate().map(|(k, a)| {
                (
                    inc.id.as_str(),
                    i64::try_from(k).unwrap_or(i64::MAX),
                    a.actor.as_str(),
                    a.role.as_str(),
                )
            })
        })
        .collect();
    for chunk in actors.chunks(chunk_rows(5)) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO incident_actors (case_id, incident_id, position, actor_id, role) ",
        );
        q.push_values(chunk, |mut b, (inc, k, actor, role)| {
            b.push_bind(case)
                .push_bind(*inc)
                .push_bind(*k)
                .push_bind(*actor)
                .push_bind(*role);
        });
        q.build().execute(&mut *tx).await?;
    }
    let themes: Vec<(&str, i64, &str)> = clear
        .iter()
        .flat_map(|(_, inc)| {
            inc.themes.iter().enumerate().map(|(k, t)| {
                (
                    inc.id.as_str(),
                    i64::try_from(k).unwrap_or(i64::MAX),
                    t.as_str(),
                )
            })
        })
        .collect();
    for chunk in themes.chunks(chunk_rows(4)) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO incident_themes (case_id, incident_id, position, theme) ",
        );
        q.push_values(chunk, |mut b, (inc, k, theme)| {
            b.push_bind(case)
                .push_bind(*inc)
                .push_bind(*k)
                .push_bind(*theme);
        });
        q.build().execute(&mut *tx).await?;
    }
    Ok(())
}

/// Insert actors at the positions given (restricted ones sealed by `rows::insert_actor`).
pub(crate) async fn insert_actors(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &str,
    items: &[(i64, &Actor)],
) -> Result<(), StoreError> {
    let mut clear = Vec::with_capacity(items.len());
    for (p, a) in items {
        if seals(keys, a.sensitivity) {
            rows::insert_actor(tx, keys, case, usize_pos(*p), a).await?;
        } else {
            clear.push((*p, *a));
        }
    }
    for chunk in clear.chunks(chunk_rows(10)) {
        let encoded: Vec<(String, String, String)> = chunk
            .iter()
            .map(|(_, a)| (list(&a.aliases), list(&a.members), list(&a.restricted_to)))
            .collect();
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO actors (case_id, id, position, kind, name, aliases, country, members,
                sensitivity, restricted_to) ",
        );
        q.push_values(chunk.iter().zip(&encoded), |mut b, ((p, a), e)| {
            b.push_bind(case)
                .push_bind(&a.id)
                .push_bind(*p)
                .push_bind(a.kind.as_str())
                .push_bind(&a.name)
                .push_bind(&e.0)
                .push_bind(&a.country)
                .push_bind(&e.1)
                .push_bind(a.sensitivity.as_str())
                .push_bind(&e.2);
        });
        q.build().execute(&mut *tx).await?;
    }
    Ok(())
}

/// Insert sources at the positions given (restricted ones sealed by `rows::insert_source`).
pub(crate) async fn insert_sources(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    case: &str,
    items: &[(i64, &Source)],
) -> Result<(), StoreError> {
    let mut clear = Vec::with_capacity(items.len());
    for (p, s) in items {
        if seals(keys, s.sensitivity) {
            rows::insert_source(tx, keys, case, usize_pos(*p), s).await?;
        } else {
            clear.push((*p, *s));
        }
    }
    for chunk in clear.chunks(chunk_rows(12)) {
        let encoded: Vec<(String, Option<String>, Option<String>, String)> = chunk
            .iter()
            .map(|(_, s)| {
                (
                    list(&s.authors),
                    date(s.date),
                    s.accessed.map(|d| d.to_string()),
                    list(&s.restricted_to),
                )
            })
            .collect();
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO sources (case_id, id, position, authors, title, publisher, date, url,
                accessed, note, sensitivity, restricted_to) ",
        );
        q.push_values(chunk.iter().zip(&encoded), |mut b, ((p, s), e)| {
            b.push_bind(case)
                .push_bind(&s.id)
                .push_bind(*p)
                .push_bind(&e.0)
                .push_bind(&s.title)
                .push_bind(&s.publisher)
                .push_bind(&e.1)
                .push_bind(&s.url)
                .push_bind(&e.2)
                .push_bind(&s.note)
                .push_bind(s.sensitivity.as_str())
                .push_bind(&e.3);
        });
        q.build().execute(&mut *tx).await?;
    }
    Ok(())
}

// --- Versions and the log ----------------------------------------------------------------------

/// A new version to log: the record's body, its version number and the entry's action.
pub(crate) struct NewVersion<'a> {
    pub(crate) body: RecordBody,
    pub(crate) version: u32,
    pub(crate) action: &'a str,
    pub(crate) evidence_sha256: Option<String>,
}

/// Versions prepared at a time while the statements of the ones before run: one statement's
/// worth (nine columns a row).
fn log_chunk() -> usize {
    chunk_rows(9)
}

/// How many records [`Prepare::next`] handles between two chances for the statements running
/// beside it to go on (the next statement is sent as soon as the one before is done).
const YIELD_EVERY: usize = 64;

/// What logging does next: store clear versions with their (numbered) entries, or log one
/// restricted version through `LogWriter::version`, which seals it.
enum Step<'a> {
    Clear(Vec<(LogEntry, [u8; 32], NewVersion<'a>)>),
    Restricted(NewVersion<'a>),
}

/// Turns new versions into steps: building a version's body (its canonical JSON and SHA-256, by
/// the iterator) and its entry's leaf hash is done here, on the async task's thread, while the
/// statements of the step before run in SQLite's worker thread. Entries are numbered in the
/// order the versions come, so the log holds them in record order.
struct Prepare<'a, I: Iterator<Item = NewVersion<'a>>> {
    versions: std::iter::Peekable<I>,
    actor: &'a str,
    case: &'a str,
}

impl<'a, I: Iterator<Item = NewVersion<'a>>> Prepare<'a, I> {
    async fn next(&mut self, writer: &mut LogWriter) -> Result<Option<Step<'a>>, StoreError> {
        if self.versions.peek().is_some_and(|v| v.body.restricted) {
            return Ok(self.versions.next().map(Step::Restricted));
        }
        let mut clear = Vec::new();
        while clear.len() < log_chunk() {
            if clear.len() % YIELD_EVERY == YIELD_EVERY - 1 {
                YieldNow::default().await;
            }
            if self.versions.peek().is_none_or(|v| v.body.restricted) {
                break;
            }
            let Some(v) = self.versions.next() else {
                break;
            };
            let (entry, leaf) = writer.next_entry(
                self.actor,
                v.action,
                self.case,
                v.body.log_name(),
                Some(v.body.sha256.clone()),
                v.evidence_sha256.clone(),
            )?;
            clear.push((entry, leaf, v));
        }
        if clear.is_empty() {
            return Ok(None);
        }
        // Stored in record order (entries keep the sequence numbers they were given above).
        clear.sort_unstable_by(|a, b| {
            (a.2.body.kind, &a.2.body.id).cmp(&(b.2.body.kind, &b.2.body.id))
        });
        Ok(Some(Step::Clear(clear)))
    }
}

/// A future that is pending once (after asking to be polled again): lets `join` poll the other
/// future in between.
#[derive(Default)]
struct YieldNow(bool);

impl std::future::Future for YieldNow {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            std::task::Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    }
}

/// Log new versions, in the order given: one entry each, and the version rows. Restricted
/// records go through `LogWriter::version` (which seals them); the others many to a statement,
/// the next statements' versions prepared while the ones before are stored. Returns how many
/// versions were logged.
pub(crate) async fn log_versions<'a>(
    tx: &mut SqliteConnection,
    writer: &mut LogWriter,
    actor: &'a str,
    case: &'a str,
    versions: impl Iterator<Item = NewVersion<'a>>,
) -> Result<usize, StoreError> {
    let at = writer.at().to_owned();
    let mut prepare = Prepare {
        versions: versions.peekable(),
        actor,
        case,
    };
    let mut logged = 0;
    let mut step = prepare.next(writer).await?;
    while let Some(current) = step {
        match current {
            Step::Restricted(v) => {
                writer
                    .version(tx, actor, v.action, case, &v.body, v.evidence_sha256)
                    .await?;
                logged += 1;
                step = prepare.next(writer).await?;
            }
            Step::Clear(rows) => {
                logged += rows.len();
                let (stored, next) = futures_util::future::join(
                    store_versions(tx, case, actor, &at, &rows),
                    prepare.next(writer),
                )
                .await;
                stored?;
                step = next?;
            }
        }
    }
    Ok(logged)
}

/// Store clear versions and their log entries (the version rows first: the bigger statement
/// runs while the next versions are prepared).
///
/// `OR FAIL`: a statement that stops on a conflict keeps the rows it inserted before it, so
/// SQLite keeps no statement journal for it (with the default `ABORT` every page a statement of
/// a thousand versions touches is first copied into that journal, in case the statement alone
/// is undone). Nothing here is undone alone: an error ends the bulk write, and the whole
/// transaction is rolled back (tested in `crates/store/tests/bulk_failure.rs`). These two tables
/// have no foreign key (which would bring the journal back).
async fn store_versions(
    tx: &mut SqliteConnection,
    case: &str,
    actor: &str,
    at: &str,
    rows: &[(LogEntry, [u8; 32], NewVersion<'_>)],
) -> Result<(), StoreError> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT OR FAIL INTO record_versions (case_id, kind, record_id, version, at, actor, sha256,
            body, log_seq) ",
    );
    q.push_values(rows, |mut b, (entry, _, v)| {
        b.push_bind(case)
            .push_bind(v.body.kind.as_str())
            .push_bind(&v.body.id)
            .push_bind(i64::from(v.version))
            .push_bind(at)
            .push_bind(actor)
            .push_bind(&v.body.sha256)
            .push_bind(&v.body.json)
            .push_bind(seq_i64(entry.seq));
    });
    q.build().execute(&mut *tx).await?;
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT OR FAIL INTO log_entries (seq, at, actor, action, case_id, record, record_sha256,
            evidence_sha256, leaf) ",
    );
    q.push_values(rows, |mut b, (entry, leaf, _)| {
        b.push_bind(seq_i64(entry.seq))
            .push_bind(&entry.at)
            .push_bind(&entry.actor)
            .push_bind(&entry.action)
            .push_bind(&entry.case_id)
            .push_bind(&entry.record)
            .push_bind(&entry.record_sha256)
            .push_bind(&entry.evidence_sha256)
            .push_bind(&leaf[..]);
    });
    q.build().execute(&mut *tx).await?;
    Ok(())
}

// --- A whole case ------------------------------------------------------------------------------

/// `log_import` in bulk: a version of every record that is new or changed (one read of the
/// case's latest versions, entries and versions many to a statement, each record's body built
/// while the statements of the records before it run), and the removal of every record a
/// replacement no longer has.
pub(crate) async fn log_import(
    tx: &mut SqliteConnection,
    keys: Option<Arc<accord_vault::Vault>>,
    case: &ValidCase,
    actor: &str,
    action: &str,
    replaced: bool,
) -> Result<(), StoreError> {
    let last = latest(tx, &case.id).await?;
    let mut writer = LogWriter::begin(tx).await?.sealing(keys);
    // Only a replacement needs to know which records the case still has (ids, not bodies).
    let mut kept = std::collections::HashSet::new();
    let versions = crate::record::bodies(case).filter_map(|body| {
        if replaced {
            kept.insert((body.kind, body.id.clone()));
        }
        let prev = last.get(&(body.kind, body.id.clone()));
        if prev.is_some_and(|(_, sha)| sha.as_deref() == Some(body.sha256.as_str())) {
            return None;
        }
        let evidence_sha256 = (body.kind == RecordKind::Evidence)
            .then(|| case.evidence_item(&body.id).map(|e| e.sha256.clone()))
            .flatten();
        Some(NewVersion {
            version: prev.map_or(1, |(v, _)| v + 1),
            body,
            action,
            evidence_sha256,
        })
    });
    let mut logged = log_versions(tx, &mut writer, actor, &case.id, versions).await? > 0;
    if replaced {
        for ((kind, id), (_, sha)) in &last {
            if sha.is_some() && !kept.contains(&(*kind, id.clone())) {
                writer
                    .removed(tx, actor, action, &case.id, *kind, id)
                    .await?;
                logged = true;
            }
        }
    }
    if !logged {
        writer
            .append(tx, actor, action, Some(&case.id), None, None, None)
            .await?;
    }
    writer.finish(tx).await
}

// --- Merging rows into a case ------------------------------------------------------------------

/// What a merge knows of the case it writes into, read once when it begins.
pub(crate) struct MergeState {
    pub(crate) latest: Latest,
    next_actor: i64,
    next_source: i64,
    next_incident: i64,
    next_instrument: i64,
    /// The case's instruments by id: their notes (instruments have no versions).
    instruments: HashMap<String, Option<String>>,
    pub(crate) counts: MergeCounts,
}

async fn next_position(
    tx: &mut SqliteConnection,
    table: &str,
    case: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE case_id = ?"
    ))
    .bind(case)
    .fetch_one(&mut *tx)
    .await?)
}

impl MergeState {
    pub(crate) async fn load(
        tx: &mut SqliteConnection,
        case: &str,
    ) -> Result<MergeState, StoreError> {
        let instruments = sqlx::query("SELECT id, notes FROM instruments WHERE case_id = ?")
            .bind(case)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|r| (r.get("id"), r.get("notes")))
            .collect();
        Ok(MergeState {
            latest: latest(tx, case).await?,
            next_actor: next_position(tx, "actors", case).await?,
            next_source: next_position(tx, "sources", case).await?,
            next_incident: next_position(tx, "incidents", case).await?,
            next_instrument: next_position(tx, "instruments", case).await?,
            instruments,
            counts: MergeCounts::default(),
        })
    }
}

/// What one record of a batch is to the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Created(u32),
    Updated(u32),
    Unchanged,
}

fn classify(state: &MergeState, body: &RecordBody) -> Change {
    match state.latest.get(&(body.kind, body.id.clone())) {
        None => Change::Created(1),
        // Removed earlier: it comes back.
        Some((v, None)) => Change::Created(v + 1),
        Some((_, Some(sha))) if *sha == body.sha256 => Change::Unchanged,
        Some((v, Some(_))) => Change::Updated(v + 1),
    }
}

/// Merge one batch of records into the case (`writer` is `None` for a dry run: everything is
/// counted, nothing written).
pub(crate) async fn merge_batch(
    tx: &mut SqliteConnection,
    keys: Keys<'_>,
    writer: Option<&mut LogWriter>,
    state: &mut MergeState,
    case: &str,
    actor: &str,
    batch: &RecordBatch,
) -> Result<(), StoreError> {
    let mut versions: Vec<NewVersion<'_>> = Vec::new();
    let mut new_actors: Vec<(i64, &Actor)> = Vec::new();
    let mut new_sources: Vec<(i64, &Source)> = Vec::new();
    let mut new_incidents: Vec<(i64, &Incident)> = Vec::new();
    let mut note =
        |state: &mut MergeState, body: RecordBody, change: Change, what: &'static str| {
            let (version, action) = match change {
                Change::Unchanged => {
                    state.counts.unchanged += 1;
                    return None;
                }
                Change::Created(v) => {
                    state.counts.created.add(what);
                    (v, "import.create")
                }
                Change::Updated(v) => {
                    state.counts.updated.add(what);
                    (v, "import.update")
                }
            };
            state.latest.insert(
                (body.kind, body.id.clone()),
                (version, Some(body.sha256.clone())),
            );
            versions.push(NewVersion {
                body,
                version,
                action,
                evidence_sha256: None,
            });
            Some(change)
        };
    let mut updated_actors = Vec::new();
    for a in &batch.actors {
        let body = crate::record::actor(a);
        let change = classify(state, &body);
        match note(state, body, change, "actors") {
            Some(Change::Created(_)) => {
                new_actors.push((state.next_actor, a));
                state.next_actor += 1;
            }
            Some(Change::Updated(_)) => updated_actors.push(a),
            _ => {}
        }
    }
    let mut updated_sources = Vec::new();
    for s in &batch.sources {
        let body = crate::record::source(s);
        let change = classify(state, &body);
        match note(state, body, change, "sources") {
            Some(Change::Created(_)) => {
                new_sources.push((state.next_source, s));
                state.next_source += 1;
            }
            Some(Change::Updated(_)) => updated_sources.push(s),
            _ => {}
        }
    }
    let mut updated_incidents = Vec::new();
    for inc in &batch.incidents {
        let body = crate::record::incident(inc);
        let change = classify(state, &body);
        match note(state, body, change, "incidents") {
            Some(Change::Created(_)) => {
                new_incidents.push((state.next_incident, inc));
                state.next_incident += 1;
            }
            Some(Change::Updated(_)) => updated_incidents.push(inc),
            _ => {}
        }
    }
    // Instruments have no versions: one that exists keeps its fields and provisions and takes
    // the new notes; a new one is inserted whole.
    let mut instrument_changes: Vec<(&Instrument, Option<String>)> = Vec::new();
    for ins in &batch.instruments {
        match state.instruments.get(&ins.id) {
            None => {
                state.counts.created.add("instruments");
                state.instruments.insert(ins.id.clone(), ins.notes.clone());
                instrument_changes.push((ins, None));
            }
            Some(stored) => {
                let notes = merged_notes(stored.as_deref(), ins.notes.as_deref());
                if *stored == notes {
                    state.counts.unchanged += 1;
                } else {
                    state.counts.updated.add("instruments");
                    state.instruments.insert(ins.id.clone(), notes.clone());
                    instrument_changes.push((ins, Some(notes.unwrap_or_default())));
                }
            }
        }
    }
    let Some(writer) = writer else {
        return Ok(());
    };
    insert_actors(tx, keys, case, &new_actors).await?;
    insert_sources(tx, keys, case, &new_sources).await?;
    insert_incidents(tx, keys, case, &new_incidents).await?;
    // An updated record keeps its place: its row is replaced at the same position.
    for a in updated_actors {
        let p = replace_row(tx, "actors", case, &a.id).await?;
        rows::insert_actor(tx, keys, case, usize_pos(p), a).await?;
    }
    for s in updated_sources {
        let p = replace_row(tx, "sources", case, &s.id).await?;
        rows::insert_source(tx, keys, case, usize_pos(p), s).await?;
    }
    for inc in updated_incidents {
        let p = replace_row(tx, "incidents", case, &inc.id).await?;
        rows::insert_incident(tx, keys, case, usize_pos(p), inc).await?;
    }
    for (ins, notes) in instrument_changes {
        match notes {
            None => {
                let p = state.next_instrument;
                state.next_instrument += 1;
                rows::insert_instrument(tx, case, usize_pos(p), ins).await?;
            }
            Some(notes) => {
                sqlx::query("UPDATE instruments SET notes = ? WHERE case_id = ? AND id = ?")
                    .bind(notes)
                    .bind(case)
                    .bind(&ins.id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    log_versions(tx, writer, actor, case, versions.into_iter()).await?;
    Ok(())
}

/// The notes of an instrument the case has, with an import's notes: its own text kept, an
/// earlier block of the same import (`Imported from PA-X:` …, at the end) replaced by the new one.
fn merged_notes(stored: Option<&str>, imported: Option<&str>) -> Option<String> {
    let Some(imported) = imported.filter(|n| !n.trim().is_empty()) else {
        return stored.map(str::to_owned);
    };
    let opening = imported.lines().next().unwrap_or_default();
    let own = stored.map_or("", |s| {
        if s.starts_with(opening) {
            ""
        } else {
            s.rfind(&format!("\n\n{opening}")).map_or(s, |at| &s[..at])
        }
    });
    Some(if own.trim().is_empty() {
        imported.to_owned()
    } else {
        format!("{}\n\n{imported}", own.trim_end())
    })
}

/// Delete a record's row (its child rows follow by cascade) and return its position.
async fn replace_row(
    tx: &mut SqliteConnection,
    table: &'static str,
    case: &str,
    id: &str,
) -> Result<i64, StoreError> {
    let position: Option<i64> = sqlx::query_scalar(&format!(
        "DELETE FROM {table} WHERE case_id = ? AND id = ? RETURNING position"
    ))
    .bind(case)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    position.ok_or_else(|| {
        StoreError::Conflict(format!(
            "{table} {id:?} has versions but no row: run accord verify"
        ))
    })
}

/// A merge in progress (see [`crate::MergeSession`]).
#[derive(Debug)]
pub(crate) struct SqliteMerge {
    tx: sqlx::Transaction<'static, Sqlite>,
    keys: Option<Arc<accord_vault::Vault>>,
    /// `None` for a dry run.
    writer: Option<LogWriter>,
    state: MergeState,
    /// Indexes dropped for the merge, built again when it finishes.
    deferred: Deferred,
    case: String,
    actor: String,
}

impl std::fmt::Debug for MergeState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MergeState")
            .field("records", &self.latest.len())
            .field("counts", &self.counts)
            .finish_non_exhaustive()
    }
}

pub(crate) async fn begin(
    pool: &sqlx::SqlitePool,
    keys: Option<Arc<accord_vault::Vault>>,
    case: &str,
    title: Option<&str>,
    dry_run: bool,
    actor: &str,
) -> Result<SqliteMerge, StoreError> {
    let mut tx = pool.begin().await?;
    set_cache(&mut tx, BULK_CACHE_KIB).await?;
    // A writing merge takes the write lock first thing (the log writer's first statement).
    let mut writer = if dry_run {
        None
    } else {
        Some(LogWriter::begin(&mut tx).await?.sealing(keys.clone()))
    };
    let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM cases WHERE id = ?")
        .bind(case)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none()
        && let Some(w) = writer.as_mut()
    {
        let now = crate::clock::now();
        let version = super::version::fresh(&mut tx).await?;
        sqlx::query(
            "INSERT INTO cases (id, title, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(case)
        .bind(title.unwrap_or(case))
        .bind(version)
        .bind(&now)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        w.append(&mut tx, actor, "case.create", Some(case), None, None, None)
            .await?;
    }
    let state = MergeState::load(&mut tx, case).await?;
    let deferred = if writer.is_some() {
        defer_indexes(&mut tx, 0).await?
    } else {
        Deferred::default()
    };
    Ok(SqliteMerge {
        tx,
        keys,
        writer,
        state,
        deferred,
        case: case.to_owned(),
        actor: actor.to_owned(),
    })
}

#[async_trait::async_trait]
impl crate::MergeSession for SqliteMerge {
    async fn merge(&mut self, batch: &RecordBatch) -> Result<(), StoreError> {
        merge_batch(
            &mut self.tx,
            self.keys.as_ref(),
            self.writer.as_mut(),
            &mut self.state,
            &self.case,
            &self.actor,
            batch,
        )
        .await
    }

    fn counts(&self) -> MergeCounts {
        self.state.counts
    }

    async fn abandon(mut self: Box<Self>) -> Result<(), StoreError> {
        set_cache(&mut self.tx, DEFAULT_CACHE_KIB).await?;
        self.tx.rollback().await?;
        Ok(())
    }

    async fn finish(mut self: Box<Self>, detail: &str) -> Result<MergeCounts, StoreError> {
        let counts = self.state.counts;
        set_cache(&mut self.tx, DEFAULT_CACHE_KIB).await?;
        let Some(writer) = self.writer.take() else {
            self.tx.rollback().await?;
            return Ok(counts);
        };
        let changed = counts.created.total() + counts.updated.total() > 0;
        if changed {
            super::version::touch(&mut self.tx, &self.case).await?;
        }
        writer.finish(&mut self.tx).await?;
        restore_indexes(&mut self.tx, std::mem::take(&mut self.deferred)).await?;
        super::audit_row(
            &mut self.tx,
            &self.actor,
            Some(&self.case),
            "case.merge",
            detail,
        )
        .await?;
        self.tx.commit().await?;
        Ok(counts)
    }
}
