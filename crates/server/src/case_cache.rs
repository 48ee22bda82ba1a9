//! Per-case cache of what the busiest pages read, valid for one case version.
//!
//! Every write to a case bumps its version, and reading the version is one indexed query that
//! access control makes anyway. So what is derived from a case — the evaluation inputs of the
//! dashboard, the lists behind filters and forms, a page of the unfiltered or filtered timeline —
//! can be kept until the version changes, and a busy page on a case with a hundred thousand
//! incidents does not re-read them on each request. Full-text search is not cached here (the
//! index answers it directly), nor is anything per user.
//!
//! A value missing from the cache is read by ONE request at a time per case and kind of value
//! ([`CaseCache::fill`]): the requests that miss it meanwhile wait for that read and take its
//! result. Without this, every request of a burst that arrives after a start or a write read
//! the whole case itself — sixteen concurrent readers of a 100,000-incident case kept one core
//! busy for 20 seconds before the first page was cached.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, OnceLock};

use accord_core::translation::{RecordLanguages, TextKind};
use accord_core::{Incident, ValidCase};
use accord_store::{Audience, CaseHead, CaseRefs, Hidden, Page, TimelineFilter};

use crate::{AppError, AppState};

/// What the dashboard needs for one version of a case.
#[derive(Debug)]
pub struct Snapshot {
    pub version: i64,
    /// The case with the incidents its findings name (enough to evaluate triggers).
    pub case: ValidCase,
    /// The newest incidents, for the dashboard.
    pub latest: Vec<Incident>,
    pub incident_count: u64,
    /// The dashboard's mechanisms, provisions and charts, computed by the first request that
    /// needs them, once per language (the charts are drawn with their words: `Lang::ALL`'s
    /// order).
    pub dashboard: [OnceLock<DashboardView>; 3],
}

/// What the dashboard shows of a case's status (template values).
#[derive(Debug)]
pub struct DashboardView {
    pub mechanisms: minijinja::Value,
    pub provisions: minijinja::Value,
    /// The case over time: its timeline and confirmed findings per month (`charts.rs`).
    pub charts: minijinja::Value,
}

/// A timeline query: filters and the slice asked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    pub filter: TimelineFilterKey,
    pub limit: u32,
    pub offset: u64,
}

/// [`TimelineFilter`] as a hashable key (its days as numbers).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimelineFilterKey(
    Vec<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<String>,
    /// Whose page it is: pages differ by what their reader may see.
    accord_store::Audience,
);

impl From<&TimelineFilter> for TimelineFilterKey {
    fn from(f: &TimelineFilter) -> Self {
        use accord_core::Named;
        TimelineFilterKey(
            f.kinds.iter().map(|k| k.as_str().to_owned()).collect(),
            f.actor.clone(),
            f.theme.clone(),
            f.from.map(accord_core::Day::days_since_epoch),
            f.to.map(accord_core::Day::days_since_epoch),
            f.verdict.map(|v| v.as_str().to_owned()),
            f.audience.clone(),
        )
    }
}

/// At most this many timeline pages are kept per case (then the case's pages are dropped and
/// the cache fills again): enough for the pages people actually open, bounded in memory.
const MAX_PAGES: usize = 256;
/// Audiences whose hidden records are kept per case version.
const MAX_AUDIENCES: usize = 256;
/// Lists of records whose languages are kept per case version (a timeline page, the dashboard's
/// latest incidents, an actor's page): as many as the timeline pages kept.
const MAX_LANGUAGE_LISTS: usize = MAX_PAGES;

/// The records of one list, by kind and ids in the list's order.
type ListKey = (TextKind, Vec<String>);

#[derive(Debug, Default)]
struct Entry {
    version: i64,
    snapshot: Option<Arc<Snapshot>>,
    refs: Option<Arc<CaseRefs>>,
    pages: HashMap<PageKey, Arc<Page<Incident>>>,
    /// What each audience may not see (the members of a case are few; bounded all the same).
    hidden: HashMap<Audience, Arc<Hidden>>,
    /// The languages of the records of a list, as the store answered for this version (a
    /// reader of another language than the case's needs them on every page of incidents).
    languages: HashMap<ListKey, Arc<Vec<RecordLanguages>>>,
}

/// The kinds of cached values, each filled by one read at a time per case ([`CaseCache::fill`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Fill {
    Snapshot,
    Refs,
    Hidden,
    Page,
    Languages,
}

#[derive(Debug, Default)]
pub struct CaseCache {
    map: Mutex<HashMap<String, Entry>>,
    /// One queue per case and kind of value: who reads a missing value from the store.
    fills: Mutex<HashMap<(String, Fill), Queue>>,
}

/// Whose turn it is to read a missing value (held while reading).
type Queue = Arc<tokio::sync::Mutex<()>>;

impl CaseCache {
    /// The cached value (`cached`), else the value `load` reads and puts in the cache — with one
    /// `load` at a time per case and kind of value: a request that finds the value missing waits
    /// for the read already under way and looks again before reading itself. A failed read is not
    /// kept (the next request in the queue tries again).
    pub(crate) async fn fill<T>(
        &self,
        case_id: &str,
        kind: Fill,
        cached: impl Fn() -> Option<T>,
        load: impl Future<Output = Result<T, AppError>>,
    ) -> Result<T, AppError> {
        if let Some(value) = cached() {
            return Ok(value);
        }
        let queue = self
            .fills
            .lock()
            .ok()
            .map(|mut fills| fills.entry((case_id.to_owned(), kind)).or_default().clone());
        // A poisoned map (a panic elsewhere while it was held): read without queueing.
        let Some(queue) = queue else {
            return load.await;
        };
        let _turn = queue.lock().await;
        if let Some(value) = cached() {
            return Ok(value);
        }
        load.await
    }

    /// Run `f` on the case's entry if it is at `version`.
    fn read<T>(
        &self,
        case_id: &str,
        version: i64,
        f: impl FnOnce(&Entry) -> Option<T>,
    ) -> Option<T> {
        let map = self.map.lock().ok()?;
        map.get(case_id)
            .filter(|e| e.version == version)
            .and_then(f)
    }

    /// Run `f` on the case's entry at `version`, starting it afresh if it was older (or absent).
    /// An entry newer than `version` is left alone: what was read belongs to an older version.
    fn write(&self, case_id: &str, version: i64, f: impl FnOnce(&mut Entry)) {
        let Ok(mut map) = self.map.lock() else { return };
        let entry = map.entry(case_id.to_owned()).or_default();
        if entry.version > version {
            return;
        }
        if entry.version < version {
            *entry = Entry {
                version,
                ..Entry::default()
            };
        }
        f(entry);
    }

    pub fn snapshot(&self, case_id: &str, version: i64) -> Option<Arc<Snapshot>> {
        self.read(case_id, version, |e| e.snapshot.clone())
    }

    pub fn put_snapshot(&self, case_id: &str, snapshot: Arc<Snapshot>) {
        let version = snapshot.version;
        self.write(case_id, version, |e| e.snapshot = Some(snapshot));
    }

    pub fn refs(&self, case_id: &str, version: i64) -> Option<Arc<CaseRefs>> {
        self.read(case_id, version, |e| e.refs.clone())
    }

    pub fn put_refs(&self, case_id: &str, version: i64, refs: Arc<CaseRefs>) {
        self.write(case_id, version, |e| e.refs = Some(refs));
    }

    pub fn hidden(&self, case_id: &str, version: i64, audience: &Audience) -> Option<Arc<Hidden>> {
        self.read(case_id, version, |e| e.hidden.get(audience).cloned())
    }

    pub fn put_hidden(&self, case_id: &str, version: i64, audience: Audience, hidden: Arc<Hidden>) {
        self.write(case_id, version, |e| {
            if e.hidden.len() >= MAX_AUDIENCES {
                e.hidden.clear();
            }
            e.hidden.insert(audience, hidden);
        });
    }

    pub fn languages(
        &self,
        case_id: &str,
        version: i64,
        key: &ListKey,
    ) -> Option<Arc<Vec<RecordLanguages>>> {
        self.read(case_id, version, |e| e.languages.get(key).cloned())
    }

    pub fn put_languages(
        &self,
        case_id: &str,
        version: i64,
        key: ListKey,
        languages: Arc<Vec<RecordLanguages>>,
    ) {
        self.write(case_id, version, |e| {
            if e.languages.len() >= MAX_LANGUAGE_LISTS {
                e.languages.clear();
            }
            e.languages.insert(key, languages);
        });
    }

    pub fn page(&self, case_id: &str, version: i64, key: &PageKey) -> Option<Arc<Page<Incident>>> {
        self.read(case_id, version, |e| e.pages.get(key).cloned())
    }

    pub fn put_page(&self, case_id: &str, version: i64, key: PageKey, page: Arc<Page<Incident>>) {
        self.write(case_id, version, |e| {
            if e.pages.len() >= MAX_PAGES {
                e.pages.clear();
            }
            e.pages.insert(key, page);
        });
    }
}

/// The cached evaluation inputs of a case at its current version.
pub(crate) async fn snapshot(state: &AppState, head: &CaseHead) -> Result<Arc<Snapshot>, AppError> {
    let cached = || state.cache.snapshot(&head.id, head.version);
    state
        .cache
        .fill(&head.id, Fill::Snapshot, cached, load_snapshot(state, head))
        .await
}

async fn load_snapshot(state: &AppState, head: &CaseHead) -> Result<Arc<Snapshot>, AppError> {
    let case = state
        .store
        .load_case_for_status(&head.id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The case as stored, for every reader: each request filters what its reader may not see
    // (visibility.rs), so the cache holds everything.
    let everything = TimelineFilter {
        audience: accord_store::Audience::Everything,
        ..TimelineFilter::default()
    };
    let latest = state.store.timeline(&head.id, &everything, 10, 0).await?;
    let snap = Arc::new(Snapshot {
        version: head.version,
        case,
        latest: latest.items,
        incident_count: latest.total,
        dashboard: Default::default(),
    });
    state.cache.put_snapshot(&head.id, snap.clone());
    Ok(snap)
}

/// The case's actors, sources, provisions and themes at its current version (for filters,
/// suggestions and pages that only read; a write checks against the store itself).
pub(crate) async fn refs(state: &AppState, head: &CaseHead) -> Result<Arc<CaseRefs>, AppError> {
    let cached = || state.cache.refs(&head.id, head.version);
    let load = async {
        let refs = Arc::new(state.store.case_refs(&head.id).await?);
        state.cache.put_refs(&head.id, head.version, refs.clone());
        Ok(refs)
    };
    state.cache.fill(&head.id, Fill::Refs, cached, load).await
}

/// The languages of some records of the case at its current version (`Store::record_languages`),
/// read once per version and list: every write to a record's languages is a new version of the
/// case (the store's `save_translation`, `set_case_language`, and any write of the case).
pub(crate) async fn record_languages(
    state: &AppState,
    head: &CaseHead,
    kind: TextKind,
    ids: Vec<String>,
) -> Result<Arc<Vec<RecordLanguages>>, AppError> {
    let key = (kind, ids);
    let cached = || state.cache.languages(&head.id, head.version, &key);
    let load = async {
        let languages = Arc::new(state.store.record_languages(&head.id, kind, &key.1).await?);
        state
            .cache
            .put_languages(&head.id, head.version, key.clone(), languages.clone());
        Ok(languages)
    };
    state
        .cache
        .fill(&head.id, Fill::Languages, cached, load)
        .await
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    fn page(total: u64) -> Arc<Page<Incident>> {
        Arc::new(Page {
            total,
            items: Vec::new(),
        })
    }

    fn key(offset: u64) -> PageKey {
        PageKey {
            filter: (&TimelineFilter::default()).into(),
            limit: 50,
            offset,
        }
    }

    #[test]
    fn an_entry_serves_its_version_only() {
        let c = CaseCache::default();
        c.put_page("a", 3, key(0), page(7));
        assert_eq!(c.page("a", 3, &key(0)).unwrap().total, 7);
        assert!(
            c.page("a", 4, &key(0)).is_none(),
            "a newer version must not see older data"
        );
        assert!(c.page("a", 2, &key(0)).is_none());
        assert!(c.page("b", 3, &key(0)).is_none());
        assert!(c.page("a", 3, &key(50)).is_none());
    }

    #[test]
    fn a_newer_version_drops_everything_older_and_an_older_write_is_ignored() {
        let c = CaseCache::default();
        c.put_page("a", 3, key(0), page(7));
        c.put_page("a", 4, key(50), page(8));
        assert!(c.page("a", 3, &key(0)).is_none());
        c.put_page("a", 3, key(0), page(9));
        assert!(
            c.page("a", 4, &key(0)).is_none(),
            "data read at version 3 came late"
        );
        assert_eq!(c.page("a", 4, &key(50)).unwrap().total, 8);
    }

    /// A list's records' languages are kept for the version they were read at, by kind and
    /// ids, and in bounded number.
    #[test]
    fn record_languages_serve_their_version_and_list_only() {
        let c = CaseCache::default();
        let list = |ids: &[&str]| {
            (
                TextKind::Incident,
                ids.iter().map(|i| (*i).to_owned()).collect::<Vec<_>>(),
            )
        };
        let languages = |id: &str| {
            Arc::new(vec![RecordLanguages {
                kind: TextKind::Incident,
                id: id.to_owned(),
                original: Some("km".to_owned()),
                translations: Vec::new(),
            }])
        };
        c.put_languages("a", 3, list(&["i1", "i2"]), languages("i1"));
        assert_eq!(
            c.languages("a", 3, &list(&["i1", "i2"])).unwrap()[0].id,
            "i1"
        );
        assert!(c.languages("a", 4, &list(&["i1", "i2"])).is_none());
        assert!(c.languages("a", 3, &list(&["i2", "i1"])).is_none());
        assert!(c.languages("a", 3, &list(&["i1"])).is_none());
        assert!(c.languages("b", 3, &list(&["i1", "i2"])).is_none());
        assert!(
            c.languages("a", 3, &(TextKind::Actor, vec!["i1".into(), "i2".into()]))
                .is_none()
        );
        // A write (a new version) drops them.
        c.put_page("a", 4, key(0), page(1));
        assert!(c.languages("a", 3, &list(&["i1", "i2"])).is_none());
        for i in 0..(MAX_LANGUAGE_LISTS + 10) {
            c.put_languages("a", 4, list(&[&i.to_string()]), languages("x"));
        }
        assert!(c.map.lock().unwrap()["a"].languages.len() <= MAX_LANGUAGE_LISTS);
    }

    /// A burst of requests that all miss a value reads it from the store once, and each gets it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_burst_of_requests_missing_a_value_reads_it_once() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let cache = Arc::new(CaseCache::default());
        let loads = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (cache, loads) = (cache.clone(), loads.clone());
            tasks.push(tokio::spawn(async move {
                let cached = || cache.page("a", 3, &key(0));
                let load = async {
                    loads.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    let p = page(7);
                    cache.put_page("a", 3, key(0), p.clone());
                    Ok(p)
                };
                cache
                    .fill("a", Fill::Page, cached, load)
                    .await
                    .map(|p| p.total)
            }));
        }
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap(), 7);
        }
        assert_eq!(loads.load(Ordering::SeqCst), 1, "one read for the burst");
    }

    /// A failed read is not kept: the next request reads again; another case or kind of value
    /// has its own queue.
    #[tokio::test]
    async fn a_failed_read_is_tried_again_and_queues_are_per_case() {
        let c = CaseCache::default();
        let failed = c
            .fill("a", Fill::Page, || c.page("a", 1, &key(0)), async {
                Err::<Arc<Page<Incident>>, _>(AppError::NotFound)
            })
            .await;
        assert!(matches!(failed, Err(AppError::NotFound)));
        let read = c
            .fill("a", Fill::Page, || c.page("a", 1, &key(0)), async {
                c.put_page("a", 1, key(0), page(4));
                Ok(page(4))
            })
            .await
            .unwrap();
        assert_eq!(read.total, 4);
        let held = c.fills.lock().unwrap()[&("a".to_owned(), Fill::Page)].clone();
        let _turn = held.lock().await;
        // While case a's pages are being read, case b's and a's refs are not held up.
        let other = c
            .fill("b", Fill::Page, || c.page("b", 1, &key(0)), async {
                Ok(page(2))
            })
            .await
            .unwrap();
        assert_eq!(other.total, 2);
        let refs = c
            .fill("a", Fill::Refs, || None::<u8>, async { Ok(1) })
            .await
            .unwrap();
        assert_eq!(refs, 1);
    }

    #[test]
    fn pages_are_bounded() {
        let c = CaseCache::default();
        for i in 0..(MAX_PAGES as u64 + 10) {
            c.put_page("a", 1, key(i), page(i));
        }
        let map = c.map.lock().unwrap();
        assert!(map["a"].pages.len() <= MAX_PAGES);
    }
}
