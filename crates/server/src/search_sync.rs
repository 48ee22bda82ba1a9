//! Keeping the full-text index in step with the store: rebuilding it (at start, when it is
//! missing or stale) and following the log (while serving, for the writes other servers make).
//!
//! The store is the source of truth; the index is derived and can always be rebuilt. Incident ids
//! are unique within a case only, so an index document's id is `case/incident`. Confirmed
//! verdicts are indexed as `verdict:<name>` themes (and `<theme>|verdict:<name>` pairs) so the
//! timeline's verdict filter also works, exactly, with a text search.
//!
//! Each server keeps an index of its own (a directory per server), and [`follow`] is the one task
//! that writes into it while the server runs. Writes made by another server on the same database
//! (or by a command) reach it through the log: every write appends entries naming the records it
//! changed, so [`follow`] reads the entries past the last one it applied, every half second, and
//! re-reads from the store the incidents they name (an incident written or removed, the incidents
//! a finding judges, every incident of a deleted case). A write elsewhere is searchable here
//! within about a second.
//!
//! This server's own writes do not commit the index themselves: the action layer hands the
//! incidents each write changed to a [`Backlog`] and returns once the store committed. [`follow`]
//! wakes on them, lets the writes of up to [`GATHER`] collect, and applies them with the log's
//! new entries in one index commit (a tantivy commit writes and syncs files under the index's one
//! writer: one per write made every write wait for those before it). A search waits for the
//! backlog first (`incident_query.rs`), so whoever wrote finds what they wrote.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use accord_actions::search::Backlog;
use accord_core::Verdict;
use accord_search::{IncidentDoc, SearchIndex};
use accord_store::{RecordKind, Store};

use crate::AppError;

// One definition of the index documents and tags, shared with the action layer that keeps the
// index in step after each write (re-indexing is the action's job, not a route's).
pub use accord_actions::search::{doc, doc_id, incident_id, theme_verdict_tag, verdict_tag};

/// How many index documents wait between the store's reader and the index's bulk build: the
/// reader stops when the builder is this far behind, so a rebuild holds about a batch of
/// incidents or a page of records however large the store.
const REBUILD_CHANNEL: usize = 10_000;

/// What a rebuild indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rebuilt {
    pub incidents: usize,
    /// Actors, sources, instruments, provisions and mechanisms.
    pub records: usize,
}

/// Rebuild the whole index from the store, streaming batches into the index's bulk build: the
/// incidents, then the other records ([`rebuild_records`]).
pub async fn rebuild(store: Arc<dyn Store>, index: Arc<SearchIndex>) -> Result<Rebuilt, AppError> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<IncidentDoc>(REBUILD_CHANNEL);
    let records = index.clone();
    let builder = tokio::task::spawn_blocking(move || index.rebuild(rx.into_iter()));
    let mut after = None;
    loop {
        let batch = store.all_incidents(after.clone(), 5_000).await?;
        let Some((case, last, _)) = batch.last() else {
            break;
        };
        after = Some((case.clone(), last.id.clone()));
        // The translations of the batch's incidents, one query per case in it.
        let mut languages = std::collections::HashMap::new();
        let cases: BTreeSet<&String> = batch.iter().map(|(c, _, _)| c).collect();
        for case in cases {
            let ids: Vec<String> = batch
                .iter()
                .filter(|(c, _, _)| c == case)
                .map(|(_, i, _)| i.id.clone())
                .collect();
            let found = accord_actions::search::incident_languages(store.as_ref(), case, &ids)
                .await
                .map_err(AppError::Internal)?;
            for (id, r) in found {
                languages.insert((case.clone(), id), r);
            }
        }
        for (case, inc, verdicts) in &batch {
            let own = languages.get(&(case.clone(), inc.id.clone()));
            if tx
                .send(accord_actions::search::doc_with_languages(
                    case, inc, verdicts, own,
                ))
                .is_err()
            {
                break;
            }
        }
    }
    drop(tx);
    let incidents = builder
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("search index: {e}")))?;
    let records = rebuild_records(store.as_ref(), records).await?;
    Ok(Rebuilt { incidents, records })
}

/// Replace every record other than incidents in the index (actors, sources, instruments,
/// provisions, mechanisms, each with its translations) with those of every case in the store;
/// returns how many. The records are read a page at a time (`RecordPages`) and streamed into the
/// index's bulk build through a bounded channel, as incidents are: memory does not grow with the
/// number of records.
pub async fn rebuild_records(
    store: &dyn Store,
    index: Arc<SearchIndex>,
) -> Result<usize, AppError> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<accord_search::RecordDoc>(REBUILD_CHANNEL);
    let builder = tokio::task::spawn_blocking(move || index.rebuild_records(rx.into_iter()));
    let read = send_records(store, &tx).await;
    drop(tx);
    // The builder's error says more than the reader's (which stops when the builder does).
    let built = builder
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("search index: {e}")))?;
    read?;
    Ok(built)
}

/// Every case's records, page by page, into `tx`; stops early when the builder is gone.
async fn send_records(
    store: &dyn Store,
    tx: &std::sync::mpsc::SyncSender<accord_search::RecordDoc>,
) -> Result<(), AppError> {
    for case in store.list_cases().await? {
        let mut pages =
            accord_actions::search::RecordPages::new(store, &case.id, accord_store::PagePick::All);
        while let Some(docs) = pages.next().await.map_err(AppError::Internal)? {
            for d in docs {
                if tx.send(d).is_err() {
                    return Ok(());
                }
            }
        }
    }
    Ok(())
}

/// Fill the in-memory parts of the index with every restricted incident, actor and source (their
/// text is sealed in the store and never written to the index directory): at each start, when
/// the directory is in step and no rebuild brings them in. Returns how many. Actors and sources
/// are read a page of restricted ones at a time.
pub async fn load_restricted(
    store: &dyn Store,
    index: Arc<SearchIndex>,
) -> Result<usize, AppError> {
    let docs: Vec<IncidentDoc> = store
        .restricted_incidents()
        .await?
        .iter()
        .map(|(case, inc, verdicts)| doc(case, inc, verdicts))
        .collect();
    let mut n = docs.len();
    let incidents = index.clone();
    tokio::task::spawn_blocking(move || incidents.upsert(&docs))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("search index: {e}")))?;
    // Restricted actors and sources, the same way (instruments, provisions and mechanisms have
    // no sensitivity of their own).
    for case in store.list_cases().await? {
        let mut pages = accord_actions::search::RecordPages::new(
            store,
            &case.id,
            accord_store::PagePick::Restricted,
        );
        while let Some(docs) = pages.next().await.map_err(AppError::Internal)? {
            n += docs.len();
            let index = index.clone();
            tokio::task::spawn_blocking(move || index.upsert_records(&docs))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?
                .map_err(|e| AppError::Internal(format!("search index: {e}")))?;
        }
    }
    Ok(n)
}

/// The file beside the index that says up to which log entry the index reflects the store.
fn marker(dir: &Path) -> PathBuf {
    dir.join("accord-log-size")
}

/// Whether the index must be rebuilt: it is in step only if it was marked at the log's current
/// size. Every write appends to the log, so a write made while no server kept the index in step —
/// an import, even one that replaces a redacted text with the same number of incidents — shows
/// here, where a count of documents would not. A part of the index that opening `index` created
/// (a new directory, or a records directory gone missing) holds nothing, whatever the mark says:
/// the mark is then removed, so that a start that does not finish the rebuild leaves it to the
/// next.
///
/// The one test for incidents and records alike: an index in step is not rebuilt at start,
/// records included (a rebuild reads every record of every case; only the restricted ones, kept
/// in memory, are read again at each start: [`load_restricted`]).
pub async fn needs_rebuild(
    store: &dyn Store,
    index: &SearchIndex,
    dir: &Path,
) -> Result<bool, AppError> {
    if index.created() {
        match std::fs::remove_file(marker(dir)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(AppError::Internal(format!(
                    "{}: {e}",
                    marker(dir).display()
                )));
            }
        }
        return Ok(true);
    }
    let (size, _) = store.log_head().await?;
    let marked = std::fs::read_to_string(marker(dir))
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok());
    Ok(marked != Some(size))
}

/// Record that the index reflects the store as of the log's size `size`: taken before a rebuild
/// began, then moved by [`follow`] as it applies the entries past it (whoever wrote them), so a
/// restart after a quiet spell does not rebuild.
pub fn mark_in_step(dir: &Path, size: u64) -> Result<(), AppError> {
    std::fs::write(marker(dir), format!("{size}\n"))
        .map_err(|e| AppError::Internal(format!("{}: {e}", marker(dir).display())))
}

/// How often [`follow`] looks at the log's size (one indexed read when nothing changed).
pub const FOLLOW_EVERY: Duration = Duration::from_millis(500);

/// How long [`follow`] lets this server's writes collect before it applies them in one index
/// commit, unless a search waits for them: at most this many commits a second under a stream of
/// writes, each carrying all of them.
pub const GATHER: Duration = Duration::from_millis(200);

/// How long a search waits for this server's writes to reach the index before it runs without
/// them (the index's task is stuck: the store is unreachable, say).
pub const READER_WAITS_AT_MOST: Duration = Duration::from_secs(2);

/// The most log entries applied in one step (then the index commits and the mark moves).
const STEP: u32 = 5_000;

/// Follow the log from entry `from` for as long as the server runs, and apply this server's own
/// writes handed to `backlog`: every [`FOLLOW_EVERY`], or when a write was handed in (after up to
/// [`GATHER`] for more, unless a search waits), apply the backlog and the entries written since
/// ([`catch_up`]) and, when `dir` is given, move the mark of the index directory past them. A
/// failure is logged and retried at the next tick, from where the last step that succeeded ended,
/// with the backlog it took put back.
pub async fn follow(
    store: Arc<dyn Store>,
    index: Arc<SearchIndex>,
    from: u64,
    dir: Option<PathBuf>,
    backlog: Arc<Backlog>,
) {
    let mut applied = from;
    let mut tick = tokio::time::interval(FOLLOW_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_step = tokio::time::Instant::now();
    let _running = Running::new(backlog.clone());
    loop {
        let woken = tokio::select! {
            _ = tick.tick() => false,
            () = backlog.woken() => true,
        };
        if woken && !backlog.readers_waiting() {
            let gathered = last_step + GATHER;
            tokio::select! {
                () = tokio::time::sleep_until(gathered) => {}
                () = backlog.reader_arrived() => {}
            }
        }
        last_step = tokio::time::Instant::now();
        let batch = backlog.take();
        let upto = batch.upto;
        match catch_up_with(store.as_ref(), &index, applied, &batch.incidents).await {
            Ok(next) => {
                backlog.applied(upto);
                if next != applied {
                    applied = next;
                    if let Some(dir) = &dir
                        && let Err(e) = mark_in_step(dir, applied)
                    {
                        tracing::warn!(error = %e, "search index: cannot record how far it is in step");
                    }
                }
            }
            Err(e) => {
                backlog.put_back(batch);
                tracing::warn!(error = %e, "search index: cannot follow the log");
            }
        }
    }
}

/// Marks the backlog as applied by a task for as long as [`follow`] runs (searches wait for it
/// only then), also when the task is dropped.
struct Running(Arc<Backlog>);

impl Running {
    fn new(backlog: Arc<Backlog>) -> Running {
        backlog.set_running(true);
        Running(backlog)
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.0.set_running(false);
    }
}

/// Apply to the index every log entry from `from` to the log's end, a step at a time, and return
/// where the next call starts (the log's size when it is done). What an entry names is read from
/// the store as it is now, so entries applied twice, or out of step with this server's own
/// updates, leave the index as the store is.
pub async fn catch_up(
    store: &dyn Store,
    index: &Arc<SearchIndex>,
    from: u64,
) -> Result<u64, AppError> {
    catch_up_with(store, index, from, &BTreeMap::new()).await
}

/// [`catch_up`], with these incidents re-read and indexed too (in the first step's commit).
async fn catch_up_with(
    store: &dyn Store,
    index: &Arc<SearchIndex>,
    from: u64,
    also: &BTreeMap<String, BTreeSet<String>>,
) -> Result<u64, AppError> {
    let (size, _) = store.log_head().await?;
    let mut next = from;
    let mut changes = Changes {
        incidents: also.clone(),
        ..Changes::default()
    };
    // Records other than incidents are re-read by id or whole per case (page by page), once for
    // all the steps: an import of a case logs an entry per record, and re-reading the case's
    // sources at each step of 5,000 entries would read them hundreds of times.
    let mut records = RecordChanges::default();
    while next < size {
        let entries = store.log_entries(next, STEP).await?;
        let Some((last, _)) = entries.last() else {
            break;
        };
        let after = last.seq + 1;
        for (entry, _) in &entries {
            changes.note(entry);
            records.note(entry);
        }
        std::mem::take(&mut changes).apply(store, index).await?;
        next = after;
    }
    if !changes.is_empty() {
        changes.apply(store, index).await?;
    }
    records.apply(store, index).await?;
    Ok(next)
}

/// How many actors and sources a catch-up re-reads by id, per case, before it re-reads the case.
const MAX_NAMED_RECORDS: usize = 20_000;

/// What log entries changed of the records other than incidents, by case.
#[derive(Debug, Default)]
struct RecordChanges {
    by_case: BTreeMap<String, accord_actions::search::RecordsChanged>,
}

impl RecordChanges {
    fn note(&mut self, entry: &accord_store::LogEntry) {
        use accord_actions::search::RecordsChanged;
        let Some(case) = &entry.case_id else {
            return;
        };
        // A whole case written (an import, a merge of tables) or deleted: every record of it.
        let whole = matches!(
            entry.action.as_str(),
            "case.import" | "case.replace" | "case.merge" | "case.create" | "case.delete"
        );
        let changed = if whole {
            RecordsChanged::Case
        } else {
            let Some((kind, id)) = entry.record.as_deref().and_then(|r| r.split_once('/')) else {
                return;
            };
            let (kind, id) = match (kind, id.split_once('/')) {
                ("translation", Some((kind, id))) => (kind, id),
                _ => (kind, id),
            };
            match kind {
                "actor" => RecordsChanged::actors(vec![id.to_owned()]),
                "source" => RecordsChanged::sources(vec![id.to_owned()]),
                "instrument" | "provision" | "mechanism" => RecordsChanged::whole(),
                _ => return,
            }
        };
        let slot = self
            .by_case
            .entry(case.clone())
            .or_insert_with(RecordsChanged::none);
        let mut merged = std::mem::replace(slot, RecordsChanged::Case).and(changed);
        // Past a few pages of ids, reading the case again page by page costs less than
        // remembering every id (entries of a large write that came before its `case.*` entry).
        if let RecordsChanged::Records {
            actors, sources, ..
        } = &merged
            && actors.len() + sources.len() > MAX_NAMED_RECORDS
        {
            merged = RecordsChanged::Case;
        }
        *slot = merged;
    }

    async fn apply(self, store: &dyn Store, index: &Arc<SearchIndex>) -> Result<(), AppError> {
        for (case, changed) in self.by_case {
            accord_actions::search::reindex_changed(store, index, &case, changed)
                .await
                .map_err(AppError::Internal)?;
        }
        Ok(())
    }
}

/// What a step of log entries changed, by case.
#[derive(Debug, Default)]
struct Changes {
    /// Cases deleted: every incident of theirs leaves the index (those created again since are
    /// among `incidents` and come back).
    deleted: BTreeSet<String>,
    /// Incidents written or removed.
    incidents: BTreeMap<String, BTreeSet<String>>,
    /// Findings written or removed: the incidents they judge (now or before) gain or lose a
    /// verdict.
    findings: BTreeMap<String, BTreeSet<String>>,
}

impl Changes {
    fn is_empty(&self) -> bool {
        self.deleted.is_empty() && self.incidents.is_empty() && self.findings.is_empty()
    }

    fn note(&mut self, entry: &accord_store::LogEntry) {
        let Some(case) = &entry.case_id else {
            return;
        };
        if entry.action == "case.delete" {
            self.deleted.insert(case.clone());
        }
        let Some((kind, id)) = entry.record.as_deref().and_then(|r| r.split_once('/')) else {
            return;
        };
        // An incident's translations (`translation/incident/<id>`) change what finds it.
        let (kind, id) = match (kind, id.split_once('/')) {
            ("translation", Some(("incident", id))) => ("incident", id),
            _ => (kind, id),
        };
        let set = match kind {
            "incident" => self.incidents.entry(case.clone()).or_default(),
            "finding" => self.findings.entry(case.clone()).or_default(),
            _ => return,
        };
        set.insert(id.to_owned());
    }

    async fn apply(mut self, store: &dyn Store, index: &Arc<SearchIndex>) -> Result<(), AppError> {
        for case in std::mem::take(&mut self.deleted) {
            let index = index.clone();
            blocking(move || index.delete_case(&case)).await?;
        }
        for (case, findings) in std::mem::take(&mut self.findings) {
            for finding in findings {
                let judged = judged_by(store, &case, &finding).await?;
                self.incidents
                    .entry(case.clone())
                    .or_default()
                    .extend(judged);
            }
        }
        for (case, ids) in self.incidents {
            let ids: Vec<String> = ids.into_iter().collect();
            for chunk in ids.chunks(1_000) {
                refresh(store, index, &case, chunk).await?;
            }
        }
        Ok(())
    }
}

/// Every incident a finding judges or judged, from its versions (a removed finding's last
/// version names none, the one before does).
async fn judged_by(store: &dyn Store, case: &str, finding: &str) -> Result<Vec<String>, AppError> {
    let mut out = BTreeSet::new();
    for version in store.history(case, RecordKind::Finding, finding).await? {
        let Some(body) = version.body else { continue };
        let json: serde_json::Value = serde_json::from_str(&body).map_err(|e| {
            AppError::Internal(format!("finding {case}/{finding} is not JSON: {e}"))
        })?;
        if let Some(ids) = json.get("incidents").and_then(serde_json::Value::as_array) {
            out.extend(ids.iter().filter_map(|v| v.as_str().map(str::to_owned)));
        }
    }
    Ok(out.into_iter().collect())
}

/// Re-read some incidents of a case and put them in the index as they are now; those the store
/// no longer has leave it.
async fn refresh(
    store: &dyn Store,
    index: &Arc<SearchIndex>,
    case: &str,
    ids: &[String],
) -> Result<(), AppError> {
    let incidents = store.incidents(case, ids).await?;
    let verdicts: std::collections::HashMap<String, Vec<Verdict>> =
        store.verdicts_of(case, ids).await?.into_iter().collect();
    let languages = accord_actions::search::incident_languages(store, case, ids)
        .await
        .map_err(AppError::Internal)?;
    let docs: Vec<IncidentDoc> = incidents
        .iter()
        .map(|i| {
            let verdicts = verdicts.get(&i.id).map_or(&[][..], Vec::as_slice);
            accord_actions::search::doc_with_languages(case, i, verdicts, languages.get(&i.id))
        })
        .collect();
    let found: BTreeSet<&str> = incidents.iter().map(|i| i.id.as_str()).collect();
    let gone: Vec<String> = ids
        .iter()
        .filter(|id| !found.contains(id.as_str()))
        .map(|id| doc_id(case, id))
        .collect();
    let index = index.clone();
    blocking(move || {
        index.upsert(&docs)?;
        if gone.is_empty() {
            return Ok(());
        }
        index.delete(&gone.iter().map(String::as_str).collect::<Vec<_>>())
    })
    .await
}

/// Run an index write on the blocking pool (a commit writes files).
async fn blocking(
    work: impl FnOnce() -> Result<(), accord_search::SearchError> + Send + 'static,
) -> Result<(), AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("search index: {e}")))
}
