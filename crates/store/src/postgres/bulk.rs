//! The bulk path: imports of a million records and more, in one transaction.
//!
//! The single-record path sends one statement per row, a round trip each. Here the big tables
//! (actors, sources, incidents with their actors and themes, log entries and record versions)
//! go in with `COPY … FROM STDIN` (`copy_in`), a few megabytes per round trip, and the latest
//! version of every record of the case is read once instead of once per record.
//!
//! Restricted records still go through `rows`' encoders and `LogWriter::version`, so they
//! are sealed exactly as a single write seals them; only records in the clear are copied.

use std::collections::HashMap;
use std::sync::Arc;

use accord_core::{Actor, Incident, Instrument, Named, Source, ValidCase};
use serde_json::{Value, json};
use sqlx::{PgConnection, Row};

use super::copy_in::CopyIn;
use super::log::{LogWriter, seq_i64};
use super::rows;
use super::sealing::{Keys, seals};
use crate::codec::{date, list};
use crate::record::{RecordBody, RecordKind};
use crate::{MergeCounts, RecordBatch, StoreError};

/// Record bodies built at a time by a whole-case import (their canonical JSON is the biggest thing
/// an import holds: a million records' worth at once would be about a gigabyte).
const BODY_BATCH: usize = 20_000;

fn usize_pos(p: i64) -> usize {
    usize::try_from(p).unwrap_or(0)
}

/// The last version of every record of a case: (kind, id) → (version, SHA-256; `None` when
/// the last version is a removal).
pub(crate) type Latest = HashMap<(RecordKind, String), (u32, Option<String>)>;

pub(crate) async fn latest(tx: &mut PgConnection, case: &str) -> Result<Latest, StoreError> {
    // The row of each record's highest version (read backwards along the primary key).
    let rows = sqlx::query(
        "SELECT DISTINCT ON (kind, record_id) kind, record_id, version, sha256
         FROM record_versions WHERE case_id = $1 ORDER BY kind, record_id, version DESC",
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

// --- Indexes and foreign keys during a large import --------------------------------------------

/// The tables an import fills whose secondary indexes and foreign keys it may drop while it
/// copies and build again before it commits, in the same transaction. Each row copied into a
/// table with a foreign key fires a trigger that looks the referenced row up (about six million
/// of them for a million incidents with their actors and themes), and each secondary index costs
/// a B-tree descent per row; adding the constraint again checks every row in one join, and
/// building an index sorts the rows once. Primary keys and unique constraints stay (they are
/// what the foreign keys reference). A failed import rolls the drop back with everything else.
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

/// Below this many log entries (about one per record version in the instance) they are always
/// deferred: building them again takes well under a second. Above it, only for an import that
/// brings at least as many records as the instance holds: dropping a constraint locks its table
/// against readers until the import commits, which a large instance serving readers should not
/// see for an import of a few records.
const DEFER_BELOW: i64 = 200_000;

/// Memory for the sorts of the index builds at the end of a large import (PostgreSQL's default
/// is 64 MB; a sort larger than this spills to temporary files).
const MAINTENANCE_WORK_MEM: &str = "256MB";

/// The indexes and foreign keys an import dropped, with the statements that make them again.
#[derive(Debug, Default)]
pub(crate) struct Deferred(Vec<String>);

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Drop the secondary indexes and foreign keys of [`DEFERRABLE`] when the instance is small or
/// the import brings at least as many records as it holds.
pub(crate) async fn defer_indexes(
    tx: &mut PgConnection,
    incoming: usize,
) -> Result<Deferred, StoreError> {
    let existing: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq) + 1, 0) FROM log_entries")
        .fetch_one(&mut *tx)
        .await?;
    let incoming = i64::try_from(incoming).unwrap_or(i64::MAX);
    if existing >= DEFER_BELOW && incoming < existing {
        return Ok(Deferred::default());
    }
    let tables: Vec<String> = DEFERRABLE.iter().map(|t| (*t).to_owned()).collect();
    let keys = sqlx::query(
        "SELECT t.relname AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         WHERE c.contype = 'f' AND t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
           AND t.relname = ANY($1)
         ORDER BY t.relname, c.conname",
    )
    .bind(&tables)
    .fetch_all(&mut *tx)
    .await?;
    let indexes = sqlx::query(
        "SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         WHERE t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND t.relname = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
         ORDER BY i.relname",
    )
    .bind(&tables)
    .fetch_all(&mut *tx)
    .await?;
    let mut again = Vec::with_capacity(keys.len() + indexes.len());
    for r in keys {
        let table: String = r.get("tbl");
        let name: String = r.get("name");
        let def: String = r.get("def");
        sqlx::query(&format!(
            "ALTER TABLE {} DROP CONSTRAINT {}",
            quoted(&table),
            quoted(&name)
        ))
        .execute(&mut *tx)
        .await?;
        again.push(format!(
            "ALTER TABLE {} ADD CONSTRAINT {} {def}",
            quoted(&table),
            quoted(&name)
        ));
    }
    for r in indexes {
        let name: String = r.get("name");
        let def: String = r.get("def");
        sqlx::query(&format!("DROP INDEX {}", quoted(&name)))
            .execute(&mut *tx)
            .await?;
        // Indexes first when made again: they do not depend on the constraints.
        again.insert(0, def);
    }
    Ok(Deferred(again))
}

/// Make the deferred indexes and foreign keys again (before the transaction commits); a row
/// that breaks a foreign key fails the import here.
pub(crate) async fn restore_indexes(
    tx: &mut PgConnection,
    deferred: Deferred,
) -> Result<(), StoreError> {
    if deferred.0.is_empty() {
        return Ok(());
    }
    // The sorts that build the indexes, and the joins that check the foreign keys again (which
    // PostgreSQL runs with `work_mem` set to this), in memory rather than in temporary files:
    // for this transaction only.
    sqlx::query(&format!(
        "SET LOCAL maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'"
    ))
    .execute(&mut *tx)
    .await?;
    for sql in deferred.0 {
        sqlx::query(&sql).execute(&mut *tx).await?;
    }
    Ok(())
}

// --- Rows ---------------------------------------------------------------------------------------

/// Insert incidents (with their actors and themes) at the positions given. Restricted ones go
/// through `rows::insert_incident`, which seals them.
pub(crate) async fn insert_incidents(
    tx: &mut PgConnection,
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
    let mut copy = CopyIn::begin(
        tx,
        "incidents",
        "case_id, id, position, date, date_start, date_end, title, kind, summary, place, sources,
         evidence, sensitivity, restricted_to",
    )
    .await?;
    for (p, inc) in &clear {
        let evidence: Vec<Value> = inc
            .evidence
            .iter()
            .map(|e| json!({"sha256": e.sha256, "name": e.name, "media_type": e.media_type}))
            .collect();
        copy.text(case)
            .text(&inc.id)
            .int(*p)
            .text(&inc.date.to_string())
            .int(inc.date.earliest().days_since_epoch())
            .opt_int(inc.date.latest().map(accord_core::Day::days_since_epoch))
            .text(&inc.title)
            .text(inc.kind.as_str())
            .opt_text(inc.summary.as_deref())
            .opt_text(inc.place.as_deref())
            .text(&list(&inc.sources))
            .text(&Value::from(evidence).to_string())
            .text(inc.sensitivity.as_str())
            .text(&list(&inc.restricted_to));
        copy.end_row().await?;
    }
    copy.finish().await?;
    let mut copy = CopyIn::begin(
        tx,
        "incident_actors",
        "case_id, incident_id, position, actor_id, role",
    )
    .await?;
    for (_, inc) in &clear {
        for (k, a) in inc.actors.iter().enumerate() {
            copy.text(case)
                .text(&inc.id)
                .int(i64::try_from(k).unwrap_or(i64::MAX))
                .text(&a.actor)
                .text(a.role.as_str());
            copy.end_row().await?;
        }
    }
    copy.finish().await?;
    let mut copy = CopyIn::begin(
        tx,
        "incident_themes",
        "case_id, incident_id, position, theme",
    )
    .await?;
    for (_, inc) in &clear {
        for (k, t) in inc.themes.iter().enumerate() {
            copy.text(case)
                .text(&inc.id)
                .int(i64::try_from(k).unwrap_or(i64::MAX))
                .text(t.as_str());
            copy.end_row().await?;
        }
    }
    copy.finish().await?;
    Ok(())
}

/// Insert actors at the positions given (restricted ones sealed by `rows::insert_actor`).
pub(crate) async fn insert_actors(
    tx: &mut PgConnection,
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
    let mut copy = CopyIn::begin(
        tx,
        "actors",
        "case_id, id, position, kind, name, aliases, country, members, sensitivity, restricted_to",
    )
    .await?;
    for (p, a) in &clear {
        copy.text(case)
            .text(&a.id)
            .int(*p)
            .text(a.kind.as_str())
            .text(&a.name)
            .text(&list(&a.aliases))
            .opt_text(a.country.as_deref())
            .text(&list(&a.members))
            .text(a.sensitivity.as_str())
            .text(&list(&a.restricted_to));
        copy.end_row().await?;
    }
    copy.finish().await?;
    Ok(())
}

/// Insert sources at the positions given (restricted ones sealed by `rows::insert_source`).
pub(crate) async fn insert_sources(
    tx: &mut PgConnection,
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
    let mut copy = CopyIn::begin(
        tx,
        "sources",
        "case_id, id, position, authors, title, publisher, date, url, accessed, note, sensitivity,
         restricted_to",
    )
    .await?;
    for (p, src) in &clear {
        copy.text(case)
            .text(&src.id)
            .int(*p)
            .text(&list(&src.authors))
            .text(&src.title)
            .opt_text(src.publisher.as_deref())
            .opt_text(date(src.date).as_deref())
            .opt_text(src.url.as_deref())
            .opt_text(src.accessed.map(|d| d.to_string()).as_deref())
            .opt_text(src.note.as_deref())
            .text(src.sensitivity.as_str())
            .text(&list(&src.restricted_to));
        copy.end_row().await?;
    }
    copy.finish().await?;
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

/// Log new versions: one entry each, and the version rows. Restricted records go through
/// `LogWriter::version` (which seals them); the others many to a statement.
pub(crate) async fn log_versions(
    tx: &mut PgConnection,
    writer: &mut LogWriter,
    actor: &str,
    case: &str,
    versions: Vec<NewVersion<'_>>,
) -> Result<(), StoreError> {
    let mut clear = Vec::with_capacity(versions.len());
    for v in versions {
        if v.body.restricted {
            writer
                .version(tx, actor, v.action, case, &v.body, v.evidence_sha256)
                .await?;
        } else {
            let (entry, leaf) = writer.next_entry(
                actor,
                v.action,
                case,
                v.body.log_name(),
                Some(v.body.sha256.clone()),
                v.evidence_sha256.clone(),
            )?;
            clear.push((entry, leaf, v));
        }
    }
    let at = writer.at().to_owned();
    // Stored in record order (entries keep the sequence numbers they were given above).
    clear
        .sort_unstable_by(|a, b| (a.2.body.kind, &a.2.body.id).cmp(&(b.2.body.kind, &b.2.body.id)));
    let mut copy = CopyIn::begin(
        tx,
        "log_entries",
        "seq, at, actor, action, case_id, record, record_sha256, evidence_sha256, leaf",
    )
    .await?;
    for (entry, leaf, _) in &clear {
        copy.int(seq_i64(entry.seq))
            .text(&entry.at)
            .text(&entry.actor)
            .text(&entry.action)
            .opt_text(entry.case_id.as_deref())
            .opt_text(entry.record.as_deref())
            .opt_text(entry.record_sha256.as_deref())
            .opt_text(entry.evidence_sha256.as_deref())
            .bytes(&leaf[..]);
        copy.end_row().await?;
    }
    copy.finish().await?;
    let mut copy = CopyIn::begin(
        tx,
        "record_versions",
        "case_id, kind, record_id, version, at, actor, sha256, body, log_seq",
    )
    .await?;
    for (entry, _, v) in &clear {
        copy.text(case)
            .text(v.body.kind.as_str())
            .text(&v.body.id)
            .int(i64::from(v.version))
            .text(&at)
            .text(actor)
            .text(&v.body.sha256)
            .text(&v.body.json)
            .int(seq_i64(entry.seq));
        copy.end_row().await?;
    }
    copy.finish().await?;
    Ok(())
}

// --- Record bodies built ahead -----------------------------------------------------------------

/// Where an import takes the case's record bodies from, [`BODY_BATCH`] at a time, in record
/// order: built when asked, or by a thread of their own while the statements of the batch before
/// are sent and stored (canonical JSON and SHA-256 of every record: the largest part of the
/// import's own work once the bundle is read).
pub(crate) enum Bodies<'a> {
    /// Built when asked (a runtime with one thread: nothing to overlap with).
    Here(Box<dyn Iterator<Item = RecordBody> + Send + 'a>),
    /// Built ahead by [`build_ahead`] on another thread; an empty batch or a closed channel ends.
    Ahead(std::sync::mpsc::Receiver<Vec<RecordBody>>),
}

/// Batches built ahead at most (beside the one being stored): bounds the memory they hold.
pub(crate) const BATCHES_AHEAD: usize = 2;

impl Bodies<'_> {
    /// The next batch; empty when every body was given.
    pub(crate) fn next_batch(&mut self) -> Vec<RecordBody> {
        match self {
            Bodies::Here(it) => it.by_ref().take(BODY_BATCH).collect(),
            // Blocks this thread: only used where the import has a thread of its own
            // (`cases::import_case`).
            Bodies::Ahead(rx) => rx.recv().unwrap_or_default(),
        }
    }
}

/// Build the case's record bodies a batch at a time and send them, until every one is sent or
/// the import stops listening (it failed: the channel is closed).
pub(crate) fn build_ahead(
    case: &accord_core::Case,
    out: &std::sync::mpsc::SyncSender<Vec<RecordBody>>,
) {
    let mut bodies = crate::record::bodies(case);
    loop {
        let batch: Vec<RecordBody> = bodies.by_ref().take(BODY_BATCH).collect();
        if batch.is_empty() || out.send(batch).is_err() {
            return;
        }
    }
}

// --- A whole case ------------------------------------------------------------------------------

/// `log_import` in bulk: a version of every record that is new or changed (one read of the
/// case's latest versions, entries and versions many to a statement), and the removal of every
/// record a replacement no longer has.
pub(crate) async fn log_import(
    tx: &mut PgConnection,
    keys: Option<Arc<accord_vault::Vault>>,
    case: &ValidCase,
    bodies: &mut Bodies<'_>,
    actor: &str,
    action: &str,
    replaced: bool,
) -> Result<(), StoreError> {
    let last = latest(tx, &case.id).await?;
    let mut writer = LogWriter::begin(tx).await?.sealing(keys);
    // Only a replacement needs to know which records the case still has (ids, not bodies).
    let mut kept = std::collections::HashSet::new();
    let mut logged = false;
    loop {
        // A batch of bodies at a time: their JSON is the biggest thing an import builds.
        let batch: Vec<RecordBody> = bodies.next_batch();
        if batch.is_empty() {
            break;
        }
        let mut versions = Vec::with_capacity(batch.len());
        for body in batch {
            if replaced {
                kept.insert((body.kind, body.id.clone()));
            }
            let prev = last.get(&(body.kind, body.id.clone()));
            if prev.is_some_and(|(_, sha)| sha.as_deref() == Some(body.sha256.as_str())) {
                continue;
            }
            let evidence_sha256 = (body.kind == RecordKind::Evidence)
                .then(|| case.evidence_item(&body.id).map(|e| e.sha256.clone()))
                .flatten();
            versions.push(NewVersion {
                version: prev.map_or(1, |(v, _)| v + 1),
                body,
                action,
                evidence_sha256,
            });
        }
        logged |= !versions.is_empty();
        log_versions(tx, &mut writer, actor, &case.id, versions).await?;
    }
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

async fn next_position(tx: &mut PgConnection, table: &str, case: &str) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE case_id = $1"
    ))
    .bind(case)
    .fetch_one(&mut *tx)
    .await?)
}

impl MergeState {
    pub(crate) async fn load(tx: &mut PgConnection, case: &str) -> Result<MergeState, StoreError> {
        let instruments = sqlx::query("SELECT id, notes FROM instruments WHERE case_id = $1")
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
    tx: &mut PgConnection,
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
                sqlx::query("UPDATE instruments SET notes = $1 WHERE case_id = $2 AND id = $3")
                    .bind(notes)
                    .bind(case)
                    .bind(&ins.id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    log_versions(tx, writer, actor, case, versions).await
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
    tx: &mut PgConnection,
    table: &'static str,
    case: &str,
    id: &str,
) -> Result<i64, StoreError> {
    let position: Option<i64> = sqlx::query_scalar(&format!(
        "DELETE FROM {table} WHERE case_id = $1 AND id = $2 RETURNING position"
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
pub(crate) struct PgMerge {
    tx: sqlx::Transaction<'static, sqlx::Postgres>,
    keys: Option<Arc<accord_vault::Vault>>,
    /// `None` for a dry run.
    writer: Option<LogWriter>,
    state: MergeState,
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
    pool: &sqlx::PgPool,
    keys: Option<Arc<accord_vault::Vault>>,
    case: &str,
    title: Option<&str>,
    dry_run: bool,
    actor: &str,
) -> Result<PgMerge, StoreError> {
    let mut tx = pool.begin().await?;
    // A writing merge takes the case's lock, then the log's, first thing: nothing else writes to
    // the case or the log until it ends (as SQLite's write lock does).
    let mut writer = if dry_run {
        None
    } else {
        super::version::lock_case(&mut tx, case).await?;
        Some(LogWriter::begin(&mut tx).await?.sealing(keys.clone()))
    };
    let exists: Option<i64> = sqlx::query_scalar("SELECT 1::BIGINT FROM cases WHERE id = $1")
        .bind(case)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none()
        && let Some(w) = writer.as_mut()
    {
        let now = crate::clock::now();
        let version = super::version::fresh(&mut tx).await?;
        sqlx::query(
            "INSERT INTO cases (id, title, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)",
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
    Ok(PgMerge {
        tx,
        keys,
        writer,
        state,
        case: case.to_owned(),
        actor: actor.to_owned(),
    })
}

#[async_trait::async_trait]
impl crate::MergeSession for PgMerge {
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
        self.tx.rollback().await?;
        Ok(())
    }

    async fn finish(mut self: Box<Self>, detail: &str) -> Result<MergeCounts, StoreError> {
        let counts = self.state.counts;
        let Some(writer) = self.writer.take() else {
            self.tx.rollback().await?;
            return Ok(counts);
        };
        let changed = counts.created.total() + counts.updated.total() > 0;
        if changed {
            super::version::touch(&mut self.tx, &self.case).await?;
        }
        writer.finish(&mut self.tx).await?;
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
