//! Keeping the full-text index in step with the store after each action.
//!
//! The store is the source of truth; the index is derived and can always be rebuilt. Incident ids
//! are unique within a case only, so an index document's id is `case/incident`. Confirmed
//! verdicts are indexed as `verdict:<name>` themes (and `<theme>|verdict:<name>` pairs) so the
//! timeline's verdict filter also works, exactly, with a text search.

use accord_core::{Incident, Named, Verdict};
use accord_search::{IncidentDoc, SearchIndex};
use accord_store::Store;

mod records;

pub use records::{RECORD_PAGE, RecordPages, RecordsChanged, record_docs, reindex_changed};

/// The index document of an incident.
pub fn doc(case_id: &str, inc: &Incident, verdicts: &[Verdict]) -> IncidentDoc {
    let day = |d: accord_core::Day| i32::try_from(d.days_since_epoch()).unwrap_or(i32::MAX);
    let mut themes = inc.themes.clone();
    for v in verdicts {
        themes.push(verdict_tag(*v));
        // Theme filters combine with OR inside the index, so "this theme AND this verdict" gets
        // its own tag per pair.
        themes.extend(inc.themes.iter().map(|t| theme_verdict_tag(t, *v)));
    }
    IncidentDoc {
        id: doc_id(case_id, &inc.id),
        case_id: case_id.to_owned(),
        title: inc.title.clone(),
        summary: [inc.summary.as_deref(), inc.place.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n"),
        kind: inc.kind.as_str().to_owned(),
        date_start: day(inc.date.earliest()),
        date_end: inc.date.latest().map_or(i32::MAX, day),
        actors: inc.actors.iter().map(|a| a.actor.clone()).collect(),
        themes,
        restricted: inc.sensitivity == accord_core::Sensitivity::Restricted,
    }
}

/// The index document of an incident with its translations: each translated title joins the
/// title and each other translated field the summary, so a query in any of the incident's
/// languages finds it. The index analyses text by script, which is by language for the languages
/// Accord speaks: Khmer runs are split into words by the ICU dictionary segmenter and indexed as
/// cluster n-grams too; Latin runs (English, French) are lower-cased and folded, so "arrete"
/// finds "arrêté".
pub fn doc_with_languages(
    case_id: &str,
    inc: &Incident,
    verdicts: &[Verdict],
    languages: Option<&accord_core::RecordLanguages>,
) -> IncidentDoc {
    let mut d = doc(case_id, inc, verdicts);
    for t in languages.iter().flat_map(|r| r.translations.iter()) {
        for f in &t.fields {
            let into = if f.field == "title" {
                &mut d.title
            } else {
                &mut d.summary
            };
            if !into.is_empty() {
                into.push('\n');
            }
            into.push_str(&f.text);
        }
    }
    d
}

/// The translations of some incidents of a case, by incident id.
pub async fn incident_languages(
    store: &dyn Store,
    case_id: &str,
    ids: &[String],
) -> Result<std::collections::HashMap<String, accord_core::RecordLanguages>, String> {
    languages_of(store, case_id, accord_core::TextKind::Incident, ids).await
}

/// The translations of some records of one kind of a case, by record id.
async fn languages_of(
    store: &dyn Store,
    case_id: &str,
    kind: accord_core::TextKind,
    ids: &[String],
) -> Result<std::collections::HashMap<String, accord_core::RecordLanguages>, String> {
    Ok(store
        .record_languages(case_id, kind, ids)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect())
}

/// The index tag of a confirmed verdict.
pub fn verdict_tag(v: Verdict) -> String {
    format!("verdict:{}", v.as_str())
}

/// The index tag of a theme together with a confirmed verdict.
pub fn theme_verdict_tag(theme: &str, v: Verdict) -> String {
    format!("{theme}|verdict:{}", v.as_str())
}

pub fn doc_id(case_id: &str, incident_id: &str) -> String {
    format!("{case_id}/{incident_id}")
}

/// The incident id inside a document id.
pub fn incident_id(doc_id: &str) -> &str {
    doc_id.split_once('/').map_or(doc_id, |(_, i)| i)
}

/// Re-index some incidents of a case after they (or their findings) changed.
pub async fn reindex(
    store: &dyn Store,
    index: &SearchIndex,
    case_id: &str,
    ids: &[String],
) -> Result<(), String> {
    let incidents = store
        .incidents(case_id, ids)
        .await
        .map_err(|e| e.to_string())?;
    let verdicts: std::collections::HashMap<String, Vec<Verdict>> = store
        .verdicts_of(case_id, ids)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .collect();
    let languages = incident_languages(store, case_id, ids).await?;
    let docs: Vec<IncidentDoc> = incidents
        .iter()
        .map(|i| {
            doc_with_languages(
                case_id,
                i,
                verdicts.get(&i.id).map_or(&[][..], Vec::as_slice),
                languages.get(&i.id),
            )
        })
        .collect();
    index.upsert(&docs).map_err(|e| e.to_string())
}

/// The incidents this process wrote that its search index does not hold yet, when one indexing
/// task applies them in batches instead of each action committing the index itself (the server:
/// `accord_server::search_sync::follow`, which also follows the log for other servers' writes).
///
/// Why: a tantivy commit writes and syncs files under the index's one writer, so committing once
/// per write made every write wait for the commits of all the writes before it (bench/scale). An
/// action with a backlog returns once its store transaction commits and hands its incidents here;
/// the task takes them in one batch, re-reads them from the store and commits once. A search
/// on this server first waits ([`Backlog::wait`]) until the index holds every write this
/// process finished before the search began, so a reader still finds what they just wrote.
#[derive(Debug, Default)]
pub struct Backlog {
    pending: std::sync::Mutex<Pending>,
    /// How many writes the index holds, as of its last commit (they are numbered as they come).
    applied: std::sync::atomic::AtomicU64,
    /// Whether a task applies the backlog: no reader waits for one that is not running (the
    /// server rebuilds its index before it starts following).
    running: std::sync::atomic::AtomicBool,
    /// Readers waiting for the index: the task then stops gathering writes and applies them.
    readers: std::sync::atomic::AtomicUsize,
    /// Wakes the task: a write was handed in, or a reader waits.
    wake: tokio::sync::Notify,
    /// Wakes a task that gathers writes: a reader waits.
    reader_arrived: tokio::sync::Notify,
    /// Wakes readers: `applied` moved.
    moved: tokio::sync::Notify,
}

/// What is waiting to be indexed: the incidents by case, and the number of the last write.
#[derive(Debug, Default)]
struct Pending {
    written: u64,
    incidents: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

/// A batch of the backlog, taken by the indexing task ([`Backlog::take`]).
#[derive(Debug, Default)]
pub struct BacklogBatch {
    /// The number of the last write in the batch: pass it to [`Backlog::applied`].
    pub upto: u64,
    /// Incident ids by case, to re-read from the store and index.
    pub incidents: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

impl Backlog {
    /// A write to the store committed; these incidents of `case` (or what judges them) changed.
    pub fn wrote(&self, case: &str, ids: &[String]) {
        {
            let mut pending = self.lock();
            pending.written += 1;
            pending
                .incidents
                .entry(case.to_owned())
                .or_default()
                .extend(ids.iter().cloned());
        }
        self.wake.notify_one();
    }

    /// For the task: everything handed in so far. Taken before the task reads the log's size, so
    /// every entry these writes appended is below that size.
    pub fn take(&self) -> BacklogBatch {
        let mut pending = self.lock();
        BacklogBatch {
            upto: pending.written,
            incidents: std::mem::take(&mut pending.incidents),
        }
    }

    /// For the task: a batch it could not apply goes back, to be tried again with the next.
    pub fn put_back(&self, batch: BacklogBatch) {
        let mut pending = self.lock();
        for (case, ids) in batch.incidents {
            pending.incidents.entry(case).or_default().extend(ids);
        }
    }

    /// For the task: the index now holds every write up to `upto` (committed and searchable).
    pub fn applied(&self, upto: u64) {
        self.applied
            .fetch_max(upto, std::sync::atomic::Ordering::SeqCst);
        self.moved.notify_waiters();
    }

    /// For the task: whether it is applying the backlog (readers wait only while it is).
    pub fn set_running(&self, running: bool) {
        self.running
            .store(running, std::sync::atomic::Ordering::SeqCst);
        self.moved.notify_waiters();
    }

    /// Whether a task applies the backlog (and so whether searches wait for it).
    pub fn running(&self) -> bool {
        self.running.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// For the task: wait for a write or a waiting reader.
    pub async fn woken(&self) {
        self.wake.notified().await;
    }

    /// For the task: whether a reader waits (then it applies at once, without gathering).
    pub fn readers_waiting(&self) -> bool {
        self.readers.load(std::sync::atomic::Ordering::SeqCst) > 0
    }

    /// For the task: wait until a reader starts waiting.
    pub async fn reader_arrived(&self) {
        self.reader_arrived.notified().await;
    }

    /// Wait until the index holds every write handed in before this call, for at most `limit`.
    /// Returns whether it does (false: the time ran out, and the search goes on without them).
    pub async fn wait(&self, limit: std::time::Duration) -> bool {
        use std::sync::atomic::Ordering::SeqCst;
        let want = self.lock().written;
        let done = || !self.running.load(SeqCst) || self.applied.load(SeqCst) >= want;
        if done() {
            return true;
        }
        let _waiting = ReaderGuard::new(&self.readers);
        self.reader_arrived.notify_one();
        self.wake.notify_one();
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let moved = self.moved.notified();
            tokio::pin!(moved);
            // Registered before the check, so a move between the check and the wait wakes it.
            moved.as_mut().enable();
            if done() {
                return true;
            }
            if tokio::time::timeout_at(deadline, moved).await.is_err() {
                return done();
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        // The data is a set of ids, valid whatever a panicking holder left: go on with it.
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Counts a waiting reader for as long as it waits (also when its request is dropped).
struct ReaderGuard<'a>(&'a std::sync::atomic::AtomicUsize);

impl<'a> ReaderGuard<'a> {
    fn new(readers: &'a std::sync::atomic::AtomicUsize) -> Self {
        readers.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        ReaderGuard(readers)
    }
}

impl Drop for ReaderGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::Backlog;

    fn ids(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn writes_handed_in_are_taken_in_one_batch() {
        let backlog = Backlog::default();
        for k in 0..50 {
            backlog.wrote("a", &[format!("i{}", k % 10)]);
        }
        backlog.wrote("b", &ids(&["x", "y"]));
        let batch = backlog.take();
        assert_eq!(batch.upto, 51);
        assert_eq!(batch.incidents["a"].len(), 10);
        assert_eq!(batch.incidents["b"].len(), 2);
        // Taken: the next batch holds only what comes after.
        backlog.wrote("a", &ids(&["z"]));
        let next = backlog.take();
        assert_eq!(next.upto, 52);
        assert_eq!(next.incidents.len(), 1);
        // A batch that could not be applied comes back with the next one.
        backlog.put_back(next);
        backlog.wrote("b", &ids(&["w"]));
        let again = backlog.take();
        assert_eq!(again.upto, 53);
        assert!(again.incidents["a"].contains("z"));
        assert!(again.incidents["b"].contains("w"));
    }

    #[tokio::test]
    async fn a_reader_waits_for_the_writes_before_it_and_no_longer() {
        let backlog = std::sync::Arc::new(Backlog::default());
        backlog.wrote("a", &ids(&["i"]));
        // No task applies the backlog: nothing to wait for.
        assert!(backlog.wait(Duration::from_secs(10)).await);
        backlog.set_running(true);
        // A task that never applies it: the reader gives up after its limit, saying so.
        assert!(!backlog.wait(Duration::from_millis(50)).await);
        assert!(!backlog.readers_waiting());
        // A task that applies it while the reader waits: the reader goes on at once.
        let task = {
            let backlog = backlog.clone();
            tokio::spawn(async move {
                backlog.reader_arrived().await;
                let batch = backlog.take();
                backlog.applied(batch.upto);
            })
        };
        assert!(backlog.wait(Duration::from_secs(10)).await);
        task.await.expect("the task ends");
        // Applied: a later reader does not wait, until the next write.
        assert!(backlog.wait(Duration::from_millis(1)).await);
        backlog.wrote("a", &ids(&["j"]));
        assert!(!backlog.wait(Duration::from_millis(1)).await);
    }
}
